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

# --plot: the time-to-first-met curves over tests/data/timeline/cohort.jsonl
# (onset-hours as a, with onset 24 as b, again as c, and d: an anchored case
# never met). By hand, IEC: met 8.6667 h (a, c) and 10.6667 h (b) after the
# onset, 3 of 4 anchored cases; the axis runs 0-14 h (the latest first met
# of any set, DSM 13 h, in whole 2 h steps) over 530 units from x 70, the
# shares 0-1 over 300 units up from y 344: 2 of 3 at (398.10, 144.00), 3 of
# 3 at (473.81, 44.00).
"$bin" timeline --plot "$tmp/flag.svg" "$src/tests/data/timeline/cohort.jsonl" \
    >/dev/null 2>"$tmp/err"
status=$?
svg=$tmp/flag.svg
check "timeline --plot writes the SVG" '[ "$status" -eq 0 ] && [ -s "$svg" ]' "$(cat "$tmp/err")"
if command -v xmllint >/dev/null; then
    check "the plot is well-formed XML" 'xmllint --noout "$svg" 2>/dev/null'
fi
check "self-contained: no script, link or image" \
    '! grep -qiE "<script|href=|<image|@import|url\\(" "$svg"'
check "IEC: 2 of 3 flagged by 8.6667 h, at the hand-computed point" \
    'grep -q "cx=\"398.10\" cy=\"144.00\" r=\"3\" fill=\"#1f77b4\"><title>iec2011: 2 of 3 met by 8.6667 h</title>" "$svg"'
check "IEC: 3 of 3 by 10.6667 h" \
    'grep -q "cx=\"473.81\" cy=\"44.00\" r=\"3\" fill=\"#1f77b4\"><title>iec2011: 3 of 3 met by 10.6667 h</title>" "$svg"'
check "IEC: the step curve through them (ties one step)" \
    'grep -q "points=\"70.00,344.00 398.10,344.00 398.10,144.00 473.81,144.00 473.81,44.00 600.00,44.00\"" "$svg"'
check "the never-met case is counted, not drawn" \
    'grep -q "iec2011: met in 3 of 4 anchored cases; median 8.7 h \[8.7, 9.7\]" "$svg"'
check "one curve per criteria set (5)" '[ "$(grep -c "<polyline" "$svg")" -eq 5 ]'
check "the plot names its ruleset" \
    'grep -Eq "<text class=\"ruleset\"[^>]*>ruleset [^ ]+ [^ ]+ sha256:[0-9a-f]{64}</text>" "$svg"'
# A long tail cuts the axis: ten cases as above (IEC 8.6667 h after the
# onset) and one whose onset is 2000 h before the first dose (IEC 2034.67
# h). The largest 90th percentile is DSM's 11 h, the latest first met
# 2037 h, over 3 times it: the axis ends at 12.1 h rounded up to 14 h, and
# IEC's curve runs on at 10 of 11 (y 71.27) to the edge.
for i in 1 2 3 4 5 6 7 8 9 10; do jq -c ".id=\"n$i\"" "$hours"; done >"$tmp/tail.jsonl"
jq -c '.id="late" | .onset=-2000' "$hours" >>"$tmp/tail.jsonl"
"$bin" timeline --plot "$tmp/tail.svg" "$tmp/tail.jsonl" >/dev/null 2>&1
check "a long tail cuts the axis, and the plot says so" \
    'grep -q "axis cut at 14 h; the curves go on to 2037 h" "$tmp/tail.svg"'
check "the cut curve runs on at the share reached (10 of 11)" \
    'grep -q "points=\"70.00,344.00 398.10,344.00 398.10,71.27 600.00,71.27\"" "$tmp/tail.svg" &&
     ! grep -q "iec2011: 11 of 11" "$tmp/tail.svg"'
"$bin" timeline --plot "$tmp/none.svg" "$tmp/bare.json" >/dev/null 2>&1
check "no case anchored: the plot says so, no curve" \
    'grep -q "met in none of 0 anchored cases" "$tmp/none.svg" && ! grep -q "<polyline" "$tmp/none.svg"'

"$bin" timeline --format csv "$hours" "$iso" >"$tmp/tl.csv" 2>/dev/null
check "csv: a header and one row per case" '[ "$(wc -l <"$tmp/tl.csv")" -eq 3 ]'
check "csv: hours to first IEC" \
    'grep -q "^onset-hours,hours,onset,26,13,34.6667,8.6667," "$tmp/tl.csv"'
# ISO times are hours since 1970 inside: 34 h 40 min between two of them
# must read as 34.666667, not 34.6666666666861.
check "csv: hours between ISO times without the double's noise" \
    'grep -q "^01-haloperidol-classic,iso,exposure,2026-03-01T20:00Z,13,2026-03-03T06:40Z,34.666667," "$tmp/tl.csv"'
check "csv: every row ends with the ruleset's version, digest, status and changes" \
    'head -1 "$tmp/tl.csv" | grep -q ",error,ruleset_version,ruleset_digest,ruleset_status,ruleset_changes.$" &&
     [ "$(grep -Ec ",[^,]+,sha256:[0-9a-f]{64},,.$" "$tmp/tl.csv")" -eq 2 ]'
"$bin" timeline --format csv --param iec2011.threshold=60 "$hours" "$src/examples/cases/01-haloperidol-classic.json" \
    >"$tmp/tl-param.csv" 2>/dev/null
check "csv: a --param override in every row's ruleset_changes" \
    '[ "$(grep -Ec ",sha256:[0-9a-f]{64},,param iec2011.threshold=60.$" "$tmp/tl-param.csv")" -eq 2 ]'
"$bin" timeline --format json --param iec2011.threshold=60 "$hours" 2>/dev/null | head -1 >"$tmp/tl-param.json"
check "json: the ruleset names a --param override as records do" \
    'grep -q "\"params\":{\"iec2011.threshold\":60}" "$tmp/tl-param.json"'
"$bin" timeline --param iec2011.threshold=60 "$hours" 2>/dev/null >"$tmp/tl-param.txt"
check "text: the ruleset line names a --param override" \
    'grep -Eq "^ruleset nms-default [^ ]+ sha256:[0-9a-f]{64}; --param iec2011.threshold=60$" "$tmp/tl-param.txt"'
"$bin" timeline "$hours" >"$tmp/tl.txt" 2>/dev/null
check "text: first met line" 'grep -q "first met: iec2011 34.67 h (+8.7 h)" "$tmp/tl.txt"'
check "text: tier progression" \
    'grep -q "tier: none -> mild at 30.17 h -> moderate at 34.67 h" "$tmp/tl.txt"'
check "text: the cohort names the ruleset (name, version, digest)" \
    'grep -Eq "^ruleset [^ ]+ [^ ]+ sha256:[0-9a-f]{64}$" "$tmp/tl.txt"'
# An input error names its field in every format, as batch and eval do.
printf '{"id": "bad", "assessed_at": "2026-03-03T00:00Z", "vitals": [{"t": "1900-01-01T00:00Z", "temp": 39}]}\n' >"$tmp/bad.jsonl"
for f in text json csv; do
    "$bin" timeline --format "$f" "$tmp/bad.jsonl" >"$tmp/bad.$f" 2>/dev/null
done
check "an input error names its field (text, json, csv)" \
    'grep -q "bad: error: vitals\[0\]\.t: .1900-01-01T00:00Z. is dated on or before 1900-01-01" "$tmp/bad.text" &&
     grep -q "\"error\":\"vitals\[0\]\.t: " "$tmp/bad.json" &&
     grep -q "^bad,.*vitals\[0\]\.t: " "$tmp/bad.csv"'
# A rule that fails from some time on: the rows before it stand, that time
# and those after are not shown (they were "0 no", not met with score 0, in
# every format, and the set "never" met: a failure read as a verdict).
mkdir -p "$tmp/fails"
printf 'return { name = "f", version = "1", title = "f", criteria = { "s" } }\n' >"$tmp/fails/ruleset.lua"
cat >"$tmp/fails/s.lua" <<'LUA'
return { id = "s", title = "S", version = "1", citation = "test", kind = "points", threshold = 2,
  items = { { id = "a", title = "A", points = 1, needs = "vitals", check = function(case)
    if #case.vitals > 1 then error("fails from the second reading on") end
    return true, "one reading" end } } }
LUA
printf '{"id": "f", "assessed_at": 6, "vitals": [{"t": 0, "temp": 39}, {"t": 3, "temp": 40}]}\n' >"$tmp/f.jsonl"
"$bin" timeline --rules "$tmp/fails" --format json "$tmp/f.jsonl" >"$tmp/f.json" 2>/dev/null
"$bin" timeline --rules "$tmp/fails" "$tmp/f.jsonl" >"$tmp/f.txt" 2>/dev/null
check "a rule failing from 3 h on: only the 0 h row, the error names 3 h" \
    '[ "$(jq -c ".cases[0].times | map(.t)" "$tmp/f.json")" = "[0]" ] &&
     jq -r ".cases[0].error" "$tmp/f.json" | grep -qF "failed as of 3 h" &&
     jq -r ".cases[0].error" "$tmp/f.json" | grep -qF -- "--as-of 3h"'
check "... text: no row after it, first met 'not before the failure', not 'never'" \
    '! grep -q "^  3 h" "$tmp/f.txt" && ! grep -q "^  6 h" "$tmp/f.txt" &&
     grep -q "first met: s not before the failure" "$tmp/f.txt"'
check "help timeline = timeline --help" \
    '[ "$("$bin" help timeline)" = "$("$bin" timeline --help)" ]'

finish
