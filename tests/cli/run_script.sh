#!/usr/bin/env bash
# End-to-end tests of 'nmsrules run': every nms function (tests/data/run/
# api.lua, on the test ruleset), the three review scripts of
# examples/reviews/ against their expected output on the bundled cohort,
# errors reported as SCRIPT:LINE, and the usage errors.
#
#   bash tests/cli/run_script.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
reviews=$src/examples/reviews
. "$(dirname "$0")/lib.sh"

"$bin" run --rules "$src/tests/data/rules/tri" "$src/tests/data/run/api.lua" \
    "$src/tests/data/accuracy/cohort.jsonl" "$src/tests/data/timeline/onset-hours.json" \
    "$tmp" >"$tmp/api.out" 2>"$tmp/api.err"
status=$?
check "api.lua: every nms function as documented" '[ "$status" -eq 0 ]' \
    "$(cat "$tmp/api.err")"
check "api.lua ran all its checks" '[ "$(grep -c "^ok - " "$tmp/api.out")" -eq 39 ]'

# The review scripts, from the source tree as a user would run them.
for s in by_class_route time_to_iec; do
    (cd "$src" && "$bin" run "examples/reviews/$s.lua" examples/reviews/cohort.jsonl) \
        >"$tmp/$s.txt" 2>"$tmp/err"
    status=$?
    check "$s.lua exits 0" '[ "$status" -eq 0 ]' "$(cat "$tmp/err")"
    check "$s.lua: expected output" \
        'diff -u "$reviews/expected/$s.txt" "$tmp/$s.txt"'
done
(cd "$src" && "$bin" run examples/reviews/iec_vs_dsm.lua examples/reviews/cohort.jsonl \
    "$tmp/dis.csv") >"$tmp/iec_vs_dsm.txt" 2>"$tmp/err"
status=$?
check "iec_vs_dsm.lua exits 0" '[ "$status" -eq 0 ]' "$(cat "$tmp/err")"
check "iec_vs_dsm.lua: expected output" \
    'diff -u "$reviews/expected/iec_vs_dsm.txt" "$tmp/iec_vs_dsm.txt"'
check "iec_vs_dsm.lua: expected CSV" 'cmp -s "$reviews/expected/iec_vs_dsm.csv" "$tmp/dis.csv"'
"$bin" run "$reviews/by_class_route.lua" - <"$reviews/cohort.jsonl" >"$tmp/stdin.txt" 2>/dev/null
check "a script reads standard input as '-'" 'cmp -s "$reviews/expected/by_class_route.txt" "$tmp/stdin.txt"'

printf 'local x = 1\nlocal y = nil\nprint(y.field)\n' >"$tmp/bad.lua"
"$bin" run "$tmp/bad.lua" >/dev/null 2>"$tmp/err"; status=$?
check "a script error: exit 1, reported as SCRIPT:LINE" \
    '[ "$status" -eq 1 ] && grep -q "bad.lua:3: attempt to index a nil value" "$tmp/err"'
check "with a traceback" 'grep -q "stack traceback" "$tmp/err"'
printf 'local x = \n' >"$tmp/syntax.lua"
"$bin" run "$tmp/syntax.lua" >/dev/null 2>"$tmp/err"; status=$?
check "a syntax error: exit 2, with the line" '[ "$status" -eq 2 ] && grep -q "syntax.lua:" "$tmp/err"'
"$bin" run "$tmp/none.lua" >/dev/null 2>"$tmp/err"; status=$?
check "a missing script: exit 2" '[ "$status" -eq 2 ] && grep -q "cannot open" "$tmp/err"'
"$bin" run >/dev/null 2>"$tmp/err"; status=$?
check "no script: usage error" '[ "$status" -eq 2 ] && grep -q "needs a SCRIPT" "$tmp/err"'
printf 'print(arg[1], arg[2])\n' >"$tmp/args.lua"
check "options after SCRIPT are the script's" \
    '[ "$("$bin" run "$tmp/args.lua" --format x 2>&1)" = "$(printf -- "--format\tx")" ]'
check "help run = run --help" '[ "$("$bin" help run)" = "$("$bin" run --help)" ]'

finish
