#!/usr/bin/env bash
# End-to-end tests of 'nmsrules gen': determinism, --count, -o, the pinned
# bytes of one cohort, argument errors, and a generated cohort of 2,000
# cases through 'nmsrules batch' without a single error record.
#
#   bash tests/cli/gen.sh BUILD/nmsrules
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '  %s\n' "${@:2}"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${@:3}"; fi; }

# sha256 of 'gen --count 1000 --seed 1', as tests/test_gen.c pins it.
seed1=e5815f9a55cd759d9ce4df94e8ef3a38aadd5635a3f1b082df13dfc628f4049e

# --- determinism and --count ---------------------------------------------
"$bin" gen --count 300 --seed 5 >"$tmp/a"; status_a=$?
"$bin" gen --count 300 --seed 5 >"$tmp/b"
"$bin" gen --count 300 --seed 6 >"$tmp/c"
check "gen exits 0" '[ "$status_a" -eq 0 ]'
check "same seed, same bytes" 'cmp -s "$tmp/a" "$tmp/b"'
check "other seed, other cohort" '! cmp -s "$tmp/a" "$tmp/c"'
check "--count 300 writes 300 lines" '[ "$(wc -l <"$tmp/a")" -eq 300 ]'
check "--count 1 writes 1 line" '[ "$("$bin" gen --count 1 | wc -l)" -eq 1 ]'
"$bin" gen --count 1000 --seed 1 -o "$tmp/pinned.jsonl"
check "-o FILE holds what stdout would" \
    '[ "$(sha256sum <"$tmp/pinned.jsonl" | cut -d" " -f1)" = "$seed1" ]' \
    "got $(sha256sum <"$tmp/pinned.jsonl")"
check "-o leaves no temporary file" '[ "$(ls "$tmp" | grep -c tmp-)" -eq 0 ]'
check "every line has a label" \
    '[ "$(grep -c "\"label\":{\"nms\":\(true\|false\),\"scenario\":\"" "$tmp/a")" -eq 300 ]'
check "ISO times appear" 'grep -q "\"assessed_at\":\"20[0-9-]*T" "$tmp/a"'
check "hour times appear" 'grep -q "\"assessed_at\":-\?[0-9]" "$tmp/a"'
check "--prevalence 0: no NMS" '! "$bin" gen --count 500 --prevalence 0 | grep -q "\"nms\":true"'
check "--prevalence 1.000 and .5 are accepted" \
    '"$bin" gen --count 1 --prevalence 1.000 >/dev/null && "$bin" gen --count 1 --prevalence .5 >/dev/null'
check "--prevalence 1: only NMS" '! "$bin" gen --count 500 --prevalence 1 | grep -q "\"nms\":false"'
n=$("$bin" gen --count 4000 --seed 3 --prevalence 0.25 | grep -c '"nms":true')
check "--prevalence 0.25 gives 25 % within 4 standard deviations" \
    '[ "$n" -ge 890 ] && [ "$n" -le 1110 ]' "got $n of 4000"

# --- argument errors -----------------------------------------------------
# usage_error NAME EXPECTED-TEXT ARGS...: exit 2, the message on stderr,
# nothing on stdout.
usage_error() {
    local name=$1 text=$2 status
    shift 2
    "$bin" gen "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -ne 2 ]; then
        not_ok "$name: exit status $status, expected 2" "$(cat "$tmp/err")"
    elif ! grep -qF -- "$text" "$tmp/err"; then
        not_ok "$name: '$text' not in stderr" "$(cat "$tmp/err")"
    elif [ -s "$tmp/out" ]; then
        not_ok "$name: wrote to stdout"
    else
        ok "$name"
    fi
}
count_msg="nmsrules: error: gen: --count"
usage_error "--count 0" "$count_msg '0' is not a whole number from 1 to 1000000000" --count 0
usage_error "--count abc" "$count_msg 'abc' is not a whole number" --count abc
usage_error "--count -5" "$count_msg '-5' is not a whole number" --count -5
usage_error "--count 1.5" "$count_msg '1.5' is not a whole number" --count 1.5
usage_error "--count too large" "$count_msg '1000000001'" --count 1000000001
usage_error "--count missing" "nmsrules: error: gen: --count N is required" --seed 1
usage_error "--seed -1" "nmsrules: error: gen: --seed '-1' is not a whole number from 0 to 1073741823" --count 1 --seed -1
usage_error "--seed too large" "gen: --seed '1073741824'" --count 1 --seed 1073741824
usage_error "--seed x" "gen: --seed 'x'" --count 1 --seed x
usage_error "--prevalence 1.5" "nmsrules: error: gen: --prevalence '1.5' is not a decimal from 0 to 1" --count 1 --prevalence 1.5
usage_error "--prevalence 1.0000001" "gen: --prevalence '1.0000001'" --count 1 --prevalence 1.0000001
usage_error "--prevalence -0.1" "gen: --prevalence '-0.1'" --count 1 --prevalence -0.1
usage_error "--prevalence 0.2x" "gen: --prevalence '0.2x'" --count 1 --prevalence 0.2x
usage_error "--prevalence empty" "gen: --prevalence ''" --count 1 --prevalence ''
usage_error "an operand" "gen: unexpected argument 'cases.jsonl'" --count 1 cases.jsonl
usage_error "an unknown option" "Try 'nmsrules gen --help'." --count 1 --bogus
usage_error "an unwritable -o" "nmsrules: error: cannot create" --count 1 -o "$tmp/no/such/dir/x.jsonl"
check "--help exits 0 and says synthetic" '"$bin" gen --help | grep -q "NOT CALIBRATED"'
check "help gen is gen --help" '"$bin" help gen | grep -q "usage: nmsrules gen"'

# --- interrupted: what is written is the cohort of a smaller --count ------
"$bin" gen --count 1000000000 --seed 4 -o "$tmp/big.jsonl" 2>"$tmp/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
status=$?
check "SIGINT stops gen with exit status 4" '[ "$status" -eq 4 ]' "$(cat "$tmp/err")"
check "the interrupted cohort is kept as FILE.partial, FILE not created" \
    '[ -s "$tmp/big.jsonl.partial" ] && [ ! -e "$tmp/big.jsonl" ]'
lines=$(wc -l <"$tmp/big.jsonl.partial" 2>/dev/null || echo 0)
check "FILE.partial is exactly 'gen --count K' for its K lines" \
    '"$bin" gen --count "$lines" --seed 4 | cmp -s - "$tmp/big.jsonl.partial"' "K=$lines"
check "the warning says how many cases were written" \
    'grep -q "gen: interrupted by SIGINT after $lines cases" "$tmp/err"' "$(cat "$tmp/err")"
rm -f "$tmp/big.jsonl.partial"

# --- a cohort through the evaluator --------------------------------------
"$bin" gen --count 2000 --seed 7 -o "$tmp/cohort.jsonl"
# (with the progress display of a long run in its log form: a closing line)
NMSRULES_PROGRESS=1 "$bin" batch --compact "$tmp/cohort.jsonl" >"$tmp/results.jsonl" 2>"$tmp/err"
status=$?
records=$(wc -l <"$tmp/results.jsonl")
errors=$(grep -c '"error":{' "$tmp/results.jsonl")
warned=$(grep -c '"warnings":\[{' "$tmp/results.jsonl")
# The planted unit mistakes ("... probably °F ... give it as ..."), and what
# the ruleset itself warns about (brand names it does not list, ...).
planted=$(grep -c 'probably [^"]*give it as' "$tmp/results.jsonl")
unlisted=$(grep -c '"kind":"unrecognised_drug"' "$tmp/results.jsonl")
check "batch evaluates the cohort with exit 0" '[ "$status" -eq 0 ]' "$(head -5 "$tmp/err")"
check "one record per generated case" '[ "$records" -eq 2000 ]' "got $records"
check "NMSRULES_PROGRESS=1: progress on stderr, closing with the count" \
    'grep -Eq "^nmsrules: 2000 cases, 0 errors in [0-9.]+ s, [0-9]+ a second$" "$tmp/err" &&
     ! grep -v "^nmsrules: [0-9]* cases" "$tmp/err"' "$(head -5 "$tmp/err")"
head -50 "$tmp/cohort.jsonl" >"$tmp/fifty.jsonl"
NMSRULES_PROGRESS=0 "$bin" batch "$tmp/fifty.jsonl" -o "$tmp/fifty.out" 2>"$tmp/err"
check "NMSRULES_PROGRESS=0, or stderr not a terminal: nothing" '[ ! -s "$tmp/err" ]' "$(cat "$tmp/err")"
check "no error records" '[ "$errors" -eq 0 ]' "$(grep -m3 '"error":{' "$tmp/results.jsonl" | cut -c1-300)"
check "labels reach the results" '[ "$(grep -c "\"label\":{\"nms\"" "$tmp/results.jsonl")" -eq 2000 ]'
echo "# $warned of 2000 cases carry warnings: $planted a planted unit mistake," \
     "$unlisted a drug name the ruleset does not list"
check "some, not most, cases carry a planted unit mistake" \
    '[ "$planted" -gt 0 ] && [ "$planted" -lt 400 ]' "got $planted"

echo "# $passed passed, $failed failed"
[ "$failed" -eq 0 ]
