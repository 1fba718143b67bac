#!/usr/bin/env bash
# End-to-end tests of the analyst's CSV: label columns (found from the
# first records, named with --label-columns, or none) and the items CSV.
#
#   bash tests/cli/csv.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
cohort=$src/tests/data/accuracy/cohort.jsonl
tri=$src/tests/data/rules/tri
. "$(dirname "$0")/lib.sh"
# Rows end in CRLF (checked once below); the checks read them without CR.
b() { "$bin" batch --rules "$tri" "$@" | tr -d '\r'; }

b --format csv "$cohort" >"$tmp/out.csv" 2>/dev/null
check "csv: label fields found from the records become the last columns" \
    'head -1 "$tmp/out.csv" | grep -q ",input_sha256,label.nms$"'
check "csv: each row carries its label" \
    'grep -q "^p1,.*,true$" "$tmp/out.csv" && grep -q "^n4,.*,0$" "$tmp/out.csv" && grep -q "^u2,.*,yes$" "$tmp/out.csv"'
check "csv: a case without a label has an empty cell" 'grep -q "^u1,.*,[0-9a-f]\{64\},$" "$tmp/out.csv"'
check "csv: an error record keeps its label" 'grep -q "^e1,.*,true$" "$tmp/out.csv"'
# The error cell names the field at fault, as eval and the JSON record do.
check "csv: an input error's cell names the field" \
    'grep -q "^e1,.*,0,\"history: expected an object, got string\"," "$tmp/out.csv"'
b --format csv --label-columns none "$cohort" 2>/dev/null | head -1 >"$tmp/h"
check "--label-columns none: the standard header" 'grep -q ",input_sha256$" "$tmp/h"'
printf '%s\n' '{"id":"a","label":{"x":{"y":"q,\"r\""},"n":[1,2]}}' \
    '{"id":"b","label":{"z":3}}' >"$tmp/l.jsonl"
b --format csv "$tmp/l.jsonl" >"$tmp/l.csv" 2>/dev/null
check "nested labels flatten by path, in order of first appearance" \
    'head -1 "$tmp/l.csv" | grep -q ",input_sha256,label.x.y,label.n,label.z$"'
check "label cells are quoted as RFC 4180 wants" \
    'grep -q "^a,.*,\"q,\"\"r\"\"\",\"\[1,2\]\",$" "$tmp/l.csv"'
# The labels are found as the case reader keeps them: from a case with an
# error too, the first of two, none from a line that is not strict JSON
# (text after the object), none from null.
printf '%s\n' '{"id":"t","label":{"trailing":1}} and more' '{"id":"e","history":7,"label":{"err":1}}' \
    '{"id":"d","label":{"first":1},"label":{"second":1}}' '{"id":"n","label":null}' \
    '{"id":"x","lab\u0065l":{"escaped":1}}' >"$tmp/edge.jsonl"
b --format csv "$tmp/edge.jsonl" >"$tmp/edge.csv" 2>/dev/null
check "label columns: an error case's label counts, the first of two, an escaped key, none from broken JSON" \
    'head -1 "$tmp/edge.csv" | grep -q ",input_sha256,label.err,label.first,label.escaped$"'
b --format csv --label-columns label.z,label.x.y "$tmp/l.jsonl" >"$tmp/l2.csv" 2>/dev/null
check "--label-columns names and orders the columns" \
    'head -1 "$tmp/l2.csv" | grep -q ",input_sha256,label.z,label.x.y$" && grep -q "^b,.*,3,$" "$tmp/l2.csv"'
cat "$tmp/l.jsonl" | b --format csv >"$tmp/l3.csv" 2>/dev/null
check "standard input: no label columns unless named" 'head -1 "$tmp/l3.csv" | grep -q ",input_sha256$"'
"$bin" batch --rules "$tri" --format csv --label-columns nms "$tmp/l.jsonl" >/dev/null 2>"$tmp/err"; status=$?
check "--label-columns outside the label: usage error" \
    '[ "$status" -eq 2 ] && grep -q "must name a field of the label" "$tmp/err"'

# Every row names what changed the ruleset from its digest: overlays and
# --param overrides (-j 2 renders rows on workers: the same cells).
"$bin" batch --format csv --label-columns none "$src/examples/cases.jsonl" 2>/dev/null |
    tr -d '\r' >"$tmp/plain.csv"
check "csv: ruleset_changes is empty for the ruleset as it is" \
    'head -1 "$tmp/plain.csv" | grep -q ",ruleset_status,ruleset_changes,input_sha256$" &&
     [ "$(grep -c ",,[0-9a-f]\{64\}$" "$tmp/plain.csv")" -eq 12 ]'
for j in 1 2; do
    "$bin" batch -j $j --format csv --label-columns none --param score.threshold=4 \
        --rules "$src/tests/data/rules/tiny" --rules "$src/tests/data/rules/tiny_site" \
        "$src/examples/cases.jsonl" 2>/dev/null | tr -d '\r' >"$tmp/changed$j.csv"
done
check "csv: overlays' digests and --param overrides in ruleset_changes, on every row" \
    '[ "$(grep -c ",overlay sha256:[0-9a-f]\{64\}; param score.threshold=4,[0-9a-f]\{64\}$" "$tmp/changed1.csv")" -eq 12 ] &&
     cmp -s "$tmp/changed1.csv" "$tmp/changed2.csv"'
"$bin" batch --format csv --label-columns none --param 'iec2011.altered_mental_status=stupor,"coma"' \
    --param iec2011.threshold=60 "$src/examples/cases.jsonl" 2>/dev/null | tr -d '\r' >"$tmp/quoted.csv"
check "csv: a ruleset_changes cell holding a comma or a quote is quoted, its quotes doubled" \
    '[ "$(grep -c ",\"param iec2011.altered_mental_status=stupor,\"\"coma\"\"; param iec2011.threshold=60\",[0-9a-f]\{64\}$" "$tmp/quoted.csv")" -eq 12 ]'

b --format items-csv "$cohort" >"$tmp/items.csv" 2>/dev/null
check "items-csv: header" \
    '[ "$(head -1 "$tmp/items.csv")" = "$(printf "id,set,section,set_result,item,group,feature,value,points,missing,error,ruleset_version,ruleset_digest,ruleset_status,ruleset_changes,label.nms")" ]'
check "items-csv: four item rows per case, one row per error (12*4+1+header)" \
    '[ "$(wc -l <"$tmp/items.csv")" -eq 50 ]'
# The tri ruleset's version, then its digest, status and (none) changes.
named='[^,]*,sha256:[0-9a-f]\{64\},,'
check "items-csv: value and points of an item" \
    'grep -q "^p1,four,criteria,met,b,,,true,20,,,$named,true$" "$tmp/items.csv"'
check "items-csv: an unknown item says what would decide it" \
    'grep -q "^p4,four,criteria,indeterminate,d,,,unknown,40,a catatonia assessment,,$named,true$" "$tmp/items.csv"'
check "items-csv: the error row, naming the field" \
    'grep -q "^e1,,,,,,,,,,\"history: expected an object, got string\",$named,true$" "$tmp/items.csv"'
check "items-csv: every row names the ruleset" \
    '[ "$(grep -c ",$named,[^,]*$" "$tmp/items.csv")" -eq 49 ]'
b --format items-csv --param four.threshold=40 "$cohort" 2>/dev/null >"$tmp/items-param.csv"
check "items-csv: --param overrides in ruleset_changes, on every row" \
    '[ "$(grep -c ",sha256:[0-9a-f]\{64\},,param four.threshold=40,[^,]*$" "$tmp/items-param.csv")" -eq 49 ]'

"$bin" batch --rules "$tri" --format items-csv "$cohort" 2>/dev/null | head -2 >"$tmp/crlf"
check "rows end in CRLF" '[ "$(grep -c $'"'"'\r$'"'"' "$tmp/crlf")" -eq 2 ]'

finish
