#!/usr/bin/env bash
# End-to-end tests of 'nmsrules accuracy' on the hand-computed cohort of
# tests/data/accuracy/ (figures derived in tests/test_stats.c), with the
# test ruleset tests/data/rules/tri: text, JSON and CSV against their
# expected files, the SVG plot, and the usage errors.
#
#   bash tests/cli/accuracy.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/tests/data/accuracy
. "$(dirname "$0")/lib.sh"

acc() { "$bin" accuracy --rules "$src/tests/data/rules/tri" --label label.nms "$@"; }

for fmt in text json csv; do
    ext=$fmt; [ "$fmt" = text ] && ext=txt
    acc --format "$fmt" "$data/cohort.jsonl" >"$tmp/out.$ext" 2>"$tmp/err"
    status=$?
    check "$fmt: exit 1 (one error record, left out)" '[ "$status" -eq 1 ]'
    check "$fmt: as expected" \
        'diff -u "$data/expected.$ext" "$tmp/out.$ext" || { echo "  (to accept: see tests/data/accuracy/README)"; false; }'
done
# A what-if run names its override in every format, as batch's records do.
acc --format csv --param four.threshold=40 "$data/cohort.jsonl" >"$tmp/param.csv" 2>/dev/null
check "csv: a --param override in every row's ruleset_changes" \
    '[ "$(grep -Ec ",sha256:[0-9a-f]{64},,param four.threshold=40.$" "$tmp/param.csv")" -eq 2 ]'
acc --format json --param four.threshold=40 "$data/cohort.jsonl" >"$tmp/param.json" 2>/dev/null
check "json: the ruleset names a --param override as records do" \
    '[ "$(jq -c .ruleset.params "$tmp/param.json")" = "{\"four.threshold\":40}" ]'
acc --param four.threshold=40 "$data/cohort.jsonl" >"$tmp/param.txt" 2>/dev/null
check "text: the ruleset line names a --param override" \
    'grep -Eq "^ruleset [^ ]+ [^ ]+ sha256:[0-9a-f]{64}; --param four.threshold=40$" "$tmp/param.txt"'
out=$tmp/out.json
check "json: exact 2x2 counts, indeterminate as negative" \
    '[ "$(jq -c ".sets[0].indeterminate_as_negative | [.tp,.fp,.fn,.tn]" "$out")" = "[3,1,2,4]" ]'
check "json: exact 2x2 counts, indeterminate as positive" \
    '[ "$(jq -c ".sets[0].indeterminate_as_positive | [.tp,.fp,.fn,.tn]" "$out")" = "[4,2,1,3]" ]'
check "json: sensitivity, specificity, kappa as computed by hand" \
    '[ "$(jq ".sets[0].indeterminate_as_negative | (.sensitivity.value-0.6|fabs) < 1e-9 and (.specificity.value-0.8|fabs) < 1e-9 and (.kappa.value-0.4|fabs) < 1e-9" "$out")" = true ]'
check "json: AUC 0.74 to 1e-9, Youden cut-off 70" \
    '[ "$(jq "(.sets[0].roc.auc-0.74|fabs) < 1e-9 and .sets[0].roc.youden.cutoff == 70" "$out")" = true ]'
check "json: unlabelled and errors counted apart" \
    '[ "$(jq -c "[.cases,.positives,.negatives,.unlabelled,.errors]" "$out")" = "[13,5,5,2,1]" ]'

acc --plot "$tmp/roc.svg" "$data/cohort.jsonl" >/dev/null 2>&1
check "--plot writes an SVG with the curve" \
    'grep -q "<polyline" "$tmp/roc.svg" && grep -q "AUC 0.740" "$tmp/roc.svg"'
check "--plot: the SVG names its ruleset" \
    'grep -Eq "<text class=\"ruleset\"[^>]*>ruleset [^ ]+ [^ ]+ sha256:[0-9a-f]{64}</text>" "$tmp/roc.svg"'
check "--plot: the SVG fetches nothing" '! grep -q "href\|<script" "$tmp/roc.svg"'
if command -v xmllint >/dev/null; then
    check "--plot: well-formed XML" 'xmllint --noout "$tmp/roc.svg"'
fi

acc --format csv "$data/cohort.jsonl" 2>/dev/null | head -1 >"$tmp/head"
check "csv: ruleset version and digest columns" \
    'grep -q ",ruleset_version,ruleset_digest" "$tmp/head"'

"$bin" accuracy "$data/cohort.jsonl" >/dev/null 2>"$tmp/err"; status=$?
check "no --label: usage error" '[ "$status" -eq 2 ] && grep -q "label PATH is required" "$tmp/err"'
"$bin" accuracy --label nms "$data/cohort.jsonl" >/dev/null 2>"$tmp/err"; status=$?
check "--label outside the label: usage error" \
    '[ "$status" -eq 2 ] && grep -q "must name a field of the record'"'"'s label" "$tmp/err"'
"$bin" accuracy --label label.nms --format xml "$data/cohort.jsonl" >/dev/null 2>"$tmp/err"; status=$?
check "--format xml: usage error" '[ "$status" -eq 2 ] && grep -q "unknown format" "$tmp/err"'
check "help accuracy = accuracy --help" \
    '[ "$("$bin" help accuracy)" = "$("$bin" accuracy --help)" ]'
# Over the result records batch wrote for the same cases (labels kept):
# read back, not evaluated, the same figures to the byte.
"$bin" batch --rules "$src/tests/data/rules/tri" "$data/cohort.jsonl" >"$tmp/results.jsonl" 2>/dev/null
for fmt in text json csv; do
    ext=$fmt; [ "$fmt" = text ] && ext=txt
    acc --format "$fmt" "$tmp/results.jsonl" >"$tmp/res.$ext" 2>"$tmp/err"
    status=$?
    check "$fmt over result records: exit 1 and the same figures" \
        '[ "$status" -eq 1 ] && cmp -s "$tmp/out.$ext" "$tmp/res.$ext"' "$(diff "$tmp/out.$ext" "$tmp/res.$ext")"
done
acc --label label.none "$data/cohort.jsonl" >/dev/null 2>"$tmp/err"
check "a label no case carries: a warning" 'grep -q "no case carries a usable" "$tmp/err"'
# A reference given twice ({"nms": true, "nms": false}, kept verbatim as
# written) is no reference: accuracy took the first, jq and Python the
# last (session 20).
printf '{"id":"twice","label":{"nms":true,"nms":false}}\n{"id":"nested","label":{"r":{"nms":1},"r":{"nms":0}}}\n{"id":"once","label":{"nms":true,"other":false}}\n' >"$tmp/twice.jsonl"
acc --format json "$tmp/twice.jsonl" >"$tmp/twice.json" 2>/dev/null
"$bin" accuracy --rules "$src/tests/data/rules/tri" --label label.r.nms --format json "$tmp/twice.jsonl" >"$tmp/twice-r.json" 2>/dev/null
check "a label key given twice on the path is no usable reference" \
    '[ "$(jq -c "[.cases,.positives,.negatives,.unlabelled]" "$tmp/twice.json")" = "[3,1,0,2]" ] &&
     [ "$(jq -c "[.cases,.positives,.negatives,.unlabelled]" "$tmp/twice-r.json")" = "[3,0,0,3]" ]'

finish
