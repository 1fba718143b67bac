#!/usr/bin/env bash
# The installed program finds its installed ruleset with no flags, from any
# working directory, and evaluates a case with it; the manual pages,
# completion, documentation and library files are where their tools look;
# examples/embed builds against the installed library with pkg-config and
# with CMake's find_package.
#
#   bash tests/cli/install.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; then
    cat "$tmp/log"; echo "0 passed, 1 failed"; exit 1
fi
passed=0 failed=0
check() {
    if eval "$2"; then passed=$((passed + 1)); echo "ok - $1"; else
        failed=$((failed + 1)); echo "not ok - $1"; fi
}
p=$tmp/prefix
libdir=$(dirname "$(find "$p" -name libnmsrules.a | head -1)")
check "program, static library, headers and ruleset are installed" \
    '[ -x "$p/bin/nmsrules" ] && [ -f "$libdir/libnmsrules.a" ] && [ -f "$p/include/nms/engine.h" ] && [ -f "$p/share/nmsrules/rules/ruleset.lua" ]'
check "the manual pages, where man looks" \
    'MANPATH=$p/share/man man -w nmsrules >/dev/null 2>&1 && MANPATH=$p/share/man man -w 5 nmsrules-rules >/dev/null 2>&1'
check "bash completion, where bash-completion looks" \
    'bash -c "source \"$p/share/bash-completion/completions/nmsrules\" && complete -p nmsrules" >/dev/null'
check "the documentation under share/doc/nmsrules" \
    '[ -f "$p/share/doc/nmsrules/README.md" ] && [ -f "$p/share/doc/nmsrules/docs/parameters.md" ] && [ -f "$p/share/doc/nmsrules/docs/repl.md" ] && [ -f "$p/share/doc/nmsrules/examples/cases/01-haloperidol-classic.json" ] && [ -f "$p/share/doc/nmsrules/examples/embed/embed.c" ]'
# The shared library and what builds against it (not in sanitizer builds,
# which make no shared library: CMakeLists.txt).
if [ -f "$build/libnmsrules.so" ]; then
    check "the shared library with its SONAME link, pkg-config and CMake files" \
        '[ -f "$libdir/libnmsrules.so.0" ] && [ -L "$libdir/libnmsrules.so" ] && [ -f "$libdir/pkgconfig/nmsrules.pc" ] && [ -f "$libdir/cmake/nmsrules/nmsrulesConfig.cmake" ] && [ -f "$libdir/cmake/nmsrules/nmsrulesConfigVersion.cmake" ]'
    case1=$(cat "$src/examples/cases/01-haloperidol-classic.json")
    export PKG_CONFIG_PATH=$libdir/pkgconfig
    # shellcheck disable=SC2046
    cc -o "$tmp/embed" "$src/examples/embed/embed.c" $(pkg-config --cflags --libs nmsrules) >"$tmp/cc.log" 2>&1 &&
        LD_LIBRARY_PATH=$libdir "$tmp/embed" "$p/share/nmsrules/rules" "$case1" >"$tmp/embed.out" 2>&1
    check "examples/embed built with pkg-config evaluates a case" 'grep -q "\"result\":\"met\"" "$tmp/embed.out" || { cat "$tmp/cc.log" "$tmp/embed.out"; false; }'
    cmake -S "$src/examples/embed" -B "$tmp/embed-build" -DCMAKE_PREFIX_PATH="$p" >"$tmp/cmake.log" 2>&1 &&
        cmake --build "$tmp/embed-build" >>"$tmp/cmake.log" 2>&1 &&
        "$tmp/embed-build/embed" "$p/share/nmsrules/rules" "$case1" >"$tmp/embed2.out" 2>&1
    check "examples/embed built with find_package(nmsrules) evaluates a case" 'grep -q "\"result\":\"met\"" "$tmp/embed2.out" || { tail -20 "$tmp/cmake.log"; cat "$tmp/embed2.out"; false; }'
else
    echo "# no libnmsrules.so in this build: its installation is not checked"
fi
(cd / && env -u NMSRULES_RULES "$tmp/prefix/bin/nmsrules" --version) >"$tmp/version" 2>&1
check "the installed program uses the installed ruleset" \
    'grep -qF "from $(cd "$tmp" && pwd -P)/prefix/share/nmsrules/rules" "$tmp/version"'
(cd / && env -u NMSRULES_RULES "$tmp/prefix/bin/nmsrules" batch "$src/examples/cases/01-haloperidol-classic.json") >"$tmp/out" 2>&1
check "the installed program evaluates a case" 'grep -q "\"result\":\"met\"" "$tmp/out"'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
