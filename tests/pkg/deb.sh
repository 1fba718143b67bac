#!/usr/bin/env bash
# The Debian packages, as a user gets them: build them (cpack -G DEB),
# install them with apt-get on this machine, run the installed program on
# the examples from another directory, read its manual, complete with it,
# and build examples/embed against the installed library with pkg-config.
# Removes the packages again at the end. Needs root and apt (CI runs it:
# .ci/run).
#
#   bash tests/pkg/deb.sh SOURCE_DIR BUILD_DIR
set -u
src=$(cd "$1" && pwd)
build=$(mkdir -p "$2" && cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
cleanup() {
    apt-get purge -y nmsrules libnmsrules0 libnmsrules-dev >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

# An installed tree under /usr, built without the tests.
{ cmake -S "$src" -B "$build" -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF \
        -DNMS_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
    cmake --build "$build" -j2 && (cd "$build" && cpack -G DEB); } >"$tmp/err" 2>&1
check "cpack -G DEB builds nmsrules, libnmsrules0 and libnmsrules-dev" \
    '[ -f "$build"/nmsrules_*.deb ] && [ -f "$build"/libnmsrules0_*.deb ] && [ -f "$build"/libnmsrules-dev_*.deb ]'
dpkg-deb -f "$build"/nmsrules_*.deb Depends >"$tmp/depends"
check "the program's dependencies come from its shared libraries" \
    'grep -q liblua5.4 "$tmp/depends" && grep -q libcjson1 "$tmp/depends" && grep -q libreadline "$tmp/depends"'
dpkg-deb -c "$build"/nmsrules_*.deb >"$tmp/contents"
# holds FILE...: every FILE is in the package listing $tmp/contents.
holds() {
    local f
    for f in "$@"; do
        grep -q " $f\$" "$tmp/contents" || { echo "missing $f" >"$tmp/err"; return 1; }
    done
}
check "the program package holds the program, ruleset, manual, completion and documentation" \
    'holds ./usr/bin/nmsrules ./usr/share/nmsrules/rules/ruleset.lua ./usr/share/man/man1/nmsrules.1 \
        ./usr/share/man/man5/nmsrules-rules.5 ./usr/share/bash-completion/completions/nmsrules \
        ./usr/share/doc/nmsrules/README.md ./usr/share/doc/nmsrules/docs/parameters.md \
        ./usr/share/doc/nmsrules/examples/embed/embed.c'
apt-get install -y "$build"/nmsrules_*.deb "$build"/libnmsrules0_*.deb \
    "$build"/libnmsrules-dev_*.deb >"$tmp/err" 2>&1
check "apt-get installs the three packages" '[ -x /usr/bin/nmsrules ] && [ -f /usr/include/nms/engine.h ]'

# From another directory, with the examples the package installs (or the
# tree's, on a machine whose dpkg leaves /usr/share/doc out: path-exclude).
cd "$tmp" || exit 1
if [ -d /usr/share/doc/nmsrules/examples ]; then
    cp -r /usr/share/doc/nmsrules/examples examples
else
    echo "# /usr/share/doc is not installed on this machine; the tree's examples are used"
    cp -r "$src/examples" examples
fi
nmsrules --version >"$tmp/version" 2>"$tmp/err"
check "the installed program uses the installed ruleset" 'grep -qx "  from /usr/share/nmsrules/rules" "$tmp/version"'
normalise() { sed -e 's/sha256:[0-9a-f]\{64\}/sha256:DIGEST/g'; }
nmsrules batch examples/cases/*.json 2>"$tmp/err" | normalise >"$tmp/batch.jsonl"
check "the installed program gives the golden results on the examples" \
    'diff -u "$src/examples/expected/batch.jsonl" "$tmp/batch.jsonl" >"$tmp/err"'
nmsrules eval examples/cases/01-haloperidol-classic.json 2>"$tmp/err" | normalise >"$tmp/eval.txt"
check "the installed program's report on the classic case is the golden one" \
    'diff -u "$src/examples/expected/eval-01-haloperidol-classic.txt" "$tmp/eval.txt" >"$tmp/err"'
if [ -n "$(ls /usr/share/man/man1/nmsrules.1* 2>/dev/null)" ]; then
    MANWIDTH=80 man nmsrules >"$tmp/man.txt" 2>"$tmp/err"
    check "man nmsrules shows the installed manual" 'grep -q "nmsrules batch" "$tmp/man.txt"'
    check "man 5 nmsrules-rules shows the rule format" 'man -w 5 nmsrules-rules >/dev/null 2>"$tmp/err"'
else
    echo "# /usr/share/man is not installed on this machine (dpkg path-exclude)"
fi
bash -c 'source /usr/share/bash-completion/completions/nmsrules &&
    COMP_WORDS=(nmsrules ba); COMP_CWORD=1; _nmsrules; echo "${COMPREPLY[*]}"' >"$tmp/complete" 2>"$tmp/err"
check "the installed completion completes 'nmsrules ba'" 'grep -qx batch "$tmp/complete"'
# shellcheck disable=SC2046
cc -o embed examples/embed/embed.c $(pkg-config --cflags --libs nmsrules) >"$tmp/err" 2>&1 &&
    ./embed /usr/share/nmsrules/rules "$(cat examples/cases/01-haloperidol-classic.json)" >"$tmp/embed.out" 2>>"$tmp/err"
check "examples/embed, built with pkg-config --cflags --libs nmsrules, evaluates a case" \
    'grep -q "\"result\":\"met\"" "$tmp/embed.out"'
check "examples/embed runs on the installed libnmsrules.so.0" \
    'ldd ./embed | grep -qE "libnmsrules.so.0 => /(usr/)?lib/"'

finish
