#!/usr/bin/env bash
# The installed program finds its installed ruleset with no flags, from any
# working directory, and evaluates a case with it.
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
check "program, library, headers and ruleset are installed" \
    '[ -x "$tmp/prefix/bin/nmsrules" ] && [ -f "$tmp/prefix/lib/libnms_core.a" -o -f "$tmp/prefix/lib64/libnms_core.a" -o -n "$(ls "$tmp"/prefix/lib/*/libnms_core.a 2>/dev/null)" ] && [ -f "$tmp/prefix/include/nms/engine.h" ] && [ -f "$tmp/prefix/share/nmsrules/rules/ruleset.lua" ]'
(cd / && env -u NMSRULES_RULES "$tmp/prefix/bin/nmsrules" --version) >"$tmp/version" 2>&1
check "the installed program uses the installed ruleset" \
    'grep -qF "from $(cd "$tmp" && pwd -P)/prefix/share/nmsrules/rules" "$tmp/version"'
(cd / && env -u NMSRULES_RULES "$tmp/prefix/bin/nmsrules" batch "$src/examples/cases/01-haloperidol-classic.json") >"$tmp/out" 2>&1
check "the installed program evaluates a case" 'grep -q "\"result\":\"met\"" "$tmp/out"'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
