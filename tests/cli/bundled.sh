#!/usr/bin/env bash
# End-to-end: what a run says about the bundled ruleset's files is the
# same whether they load from the program's bytecode (core/lua/bundled.h)
# or are compiled from their text, and names the directory of the run.
# A copy of rules/ elsewhere loads from bytecode (its text is the built
# one); a second copy with a newline added to the end of every file (the
# same lines, another text) is compiled. Each command's output, with the
# directory and the digest masked, must be the same bytes for both. Both
# copies are in a directory whose name has spaces, '%', quotes and UTF-8:
# the name the bytecode is given is the run's, byte for byte.
#
#   bash tests/cli/bundled.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
case1=$src/examples/cases/01-haloperidol-classic.json
. "$(dirname "$0")/lib.sh"

odd="$tmp/odd %s \"q\" 'ü' 名"
mkdir -p "$odd"
cp -r "$src/rules" "$odd/built"
cp -r "$src/rules" "$odd/text"
find "$odd/text" -name '*.lua' -exec sh -c 'printf "\n" >>"$1"' sh {} \;

# run NAME ARGS...: the command's output and status on both copies,
# in $tmp/NAME.built and $tmp/NAME.text
run() {
    local name=$1 copy
    shift
    for copy in built text; do
        "$bin" "$@" --rules "$odd/$copy" >"$tmp/out" 2>&1
        echo "status $?" >>"$tmp/out"
        sed -e "s|$odd/$copy|DIR|g" -e 's/sha256:[0-9a-f]\{64\}/sha256:X/g' \
            "$tmp/out" >"$tmp/$name.$copy"
    done
}
same() { cmp -s "$tmp/$1.built" "$tmp/$1.text"; }

# A parameter of the wrong type: lib/labs.lua raises, naming file:line.
run param eval --param ck.uln_default=abc "$case1"
check "a runtime error names the run's directory, file and line" \
    'grep -Eq "DIR/lib/labs.lua:[0-9]+: parameter" "$tmp/param.built"' \
    "$(cat "$tmp/param.built")"
check "the same message from bytecode as from text" 'same param' \
    "$(diff "$tmp/param.built" "$tmp/param.text")"
# An overlay holding a bundled file unchanged: its messages name the
# overlay's copy, as its text's would.
mkdir -p "$tmp/site/lib"
cp "$src/rules/lib/labs.lua" "$tmp/site/lib/"
"$bin" eval --rules "$odd/built" --rules "$tmp/site" \
    --param ck.uln_default=abc "$case1" >"$tmp/site.out" 2>&1
check "an overlay's bundled file names the overlay" \
    'grep -q "^nmsrules: error: $tmp/site/lib/labs.lua:15: parameter" "$tmp/site.out"' \
    "$(cat "$tmp/site.out")"
# The overlay's copy changed (a line added at the top): compiled from its
# text, so the line its message names moves with the edit.
mkdir -p "$tmp/edited/lib"
{ echo; cat "$src/rules/lib/labs.lua"; } >"$tmp/edited/lib/labs.lua"
"$bin" eval --rules "$odd/built" --rules "$tmp/edited" \
    --param ck.uln_default=abc "$case1" >"$tmp/edited.out" 2>&1
check "an overlay's edited file is compiled from its text" \
    'grep -q "^nmsrules: error: $tmp/edited/lib/labs.lua:16: parameter" "$tmp/edited.out"' \
    "$(cat "$tmp/edited.out")"
run report eval --evidence all "$case1"
check "the same report" 'same report' \
    "$(diff "$tmp/report.built" "$tmp/report.text" | head -20)"
# (the criteria's tests only: the whole suite twice is a minute under
# the sanitizers)
run coverage test --coverage "$src/rules/tests/criteria"
check "the same rule tests and coverage" 'same coverage' \
    "$(diff "$tmp/coverage.built" "$tmp/coverage.text" | head -20)"
run lint check
check "the same lint" 'same lint' \
    "$(diff "$tmp/lint.built" "$tmp/lint.text" | head -20)"

finish
