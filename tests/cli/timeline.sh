#!/usr/bin/env bash
# End-to-end tests of 'nmsrules timeline' and of relative and hours-unit
# --as-of: a case with a known onset (tests/data/timeline/onset-hours.json,
# examples/cases/01 rewritten in hours from the first haloperidol dose with
# "onset": 26, the first fever), the same case in ISO times anchored on its
# first exposure, a mixed cohort, and the formats.
#
#   bash tests/cli/timeline.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
hours=$src/tests/data/timeline/onset-hours.json
iso=$src/examples/cases/01-haloperidol-classic.json
. "$(dirname "$0")/lib.sh"
jqv() { jq -c "$1" "$tmp/tl.json"; }

"$bin" timeline --format json "$hours" "$iso" >"$tmp/tl.json" 2>"$tmp/err"
status=$?
check "timeline exits 0" '[ "$status" -eq 0 ]' "$(cat "$tmp/err")"
check "json is one valid object" 'jq -e .cohort "$tmp/tl.json" >/dev/null'
check "known onset is the anchor" \
    '[ "$(jqv ".cases[0].anchor")" = "{\"kind\":\"onset\",\"t\":26}" ]'
check "IEC first met 34.67 h, 8.67 h after onset" \
    '[ "$(jqv ".cases[0].first_met.iec2011")" = "{\"t\":34.6667,\"hours\":8.6667}" ]'
check "DSM-IV-TR first met 11 h after onset" \
    '[ "$(jqv ".cases[0].first_met.dsm4tr.hours")" = 11 ]'
check "every distinct time up to the assessment is a row" \
    '[ "$(jqv ".cases[0].times | map(.t)")" = "[-1.5,0,6,14,24,26,30.1667,34.6667,37,37.5,38,38.5,40]" ]'
check "the tier progresses none, mild, moderate" \
    '[ "$(jqv "[.cases[0].times[].tier] | unique")" = "[\"mild\",\"moderate\",\"none\"]" ]'
check "ISO case: anchored on the first haloperidol dose" \
    '[ "$(jqv ".cases[1].anchor")" = "{\"kind\":\"exposure\",\"t\":\"2026-03-01T20:00Z\"}" ]'
check "ISO case: IEC first met 34.67 h after exposure" \
    '[ "$(jqv ".cases[1].first_met.iec2011.hours * 1e6 | round")" = 34666667 ]'
check "cohort: median hours to IEC (8.67 and 34.67)" \
    '[ "$(jqv ".cohort.hours_to_first_met.iec2011 | [.met, (.median*100|round)]")" = "[2,2167]" ]'

"$bin" timeline --as-of +12h --format json "$hours" "$iso" >"$tmp/tl.json" 2>"$tmp/err"
status=$?
check "--as-of +12h on a mixed cohort: no errors" '[ "$status" -eq 0 ]' "$(cat "$tmp/err")"
check "+12h after onset ends the hours case at 38 h" \
    '[ "$(jqv ".cases[0].times[-1].t")" = 38 ]'
check "+12h after exposure ends the ISO case at 08:00Z" \
    '[ "$(jqv ".cases[1].times[-1].t")" = "\"2026-03-02T08:00Z\"" ]'

"$bin" batch --as-of +12h --format csv "$hours" "$iso" >"$tmp/b.csv" 2>"$tmp/err"
status=$?
check "batch --as-of +12h serves both time forms" \
    '[ "$status" -eq 0 ] && grep -q "^onset-hours,38," "$tmp/b.csv" && grep -q "^01-haloperidol-classic,2026-03-02T08:00Z," "$tmp/b.csv"'
"$bin" batch --as-of 30h --format csv "$hours" >"$tmp/b.csv" 2>"$tmp/err"
status=$?
check "batch --as-of 30h is accepted, as the REPL's 30h" \
    '[ "$status" -eq 0 ] && grep -q "^onset-hours,30," "$tmp/b.csv"'
"$bin" batch --as-of 1d --format csv "$hours" 2>/dev/null | grep -q "^onset-hours,24,"
check "batch --as-of 1d is 24 hours" '[ "$?" -eq 0 ]'
echo '{"id":"bare","vitals":[{"t":1,"temp":37}]}' >"$tmp/bare.json"
"$bin" batch --as-of +24h "$tmp/bare.json" >"$tmp/out" 2>/dev/null
status=$?
check "+24h on a case with no onset and no exposure: an error record" \
    '[ "$status" -eq 1 ] && grep -q "gives no onset and no exposure" "$tmp/out"'
"$bin" batch --as-of +soon "$hours" >/dev/null 2>"$tmp/err"
status=$?
check "--as-of +soon: usage error naming the forms" \
    '[ "$status" -eq 2 ] && grep -q "such as +24h" "$tmp/err"'

"$bin" timeline --format csv "$hours" "$iso" >"$tmp/tl.csv" 2>/dev/null
check "csv: a header and one row per case" '[ "$(wc -l <"$tmp/tl.csv")" -eq 3 ]'
check "csv: hours to first IEC" \
    'grep -q "^onset-hours,hours,onset,26,13,34.6667,8.6667," "$tmp/tl.csv"'
"$bin" timeline "$hours" >"$tmp/tl.txt" 2>/dev/null
check "text: first met line" 'grep -q "first met: iec2011 34.67 h (+8.7 h)" "$tmp/tl.txt"'
check "text: tier progression" \
    'grep -q "tier: none -> mild at 30.17 h -> moderate at 34.67 h" "$tmp/tl.txt"'
check "help timeline = timeline --help" \
    '[ "$("$bin" help timeline)" = "$("$bin" timeline --help)" ]'

finish
