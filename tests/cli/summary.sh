#!/usr/bin/env bash
# End-to-end tests of 'nmsrules summary': its figures on the hand-computed
# cohort (tests/data/accuracy, test ruleset tri), unrecognised drug names
# with the default ruleset, and the HTML page, loaded in a real headless
# browser when one is installed (Debian's chromium).
#
#   bash tests/cli/summary.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"

"$bin" summary --rules "$src/tests/data/rules/tri" --html "$tmp/tri.html" \
    "$src/tests/data/accuracy/cohort.jsonl" >"$tmp/tri.txt" 2>"$tmp/err"
status=$?
out=$tmp/tri.txt
check "exit 1: one error record" '[ "$status" -eq 1 ]' "$(cat "$tmp/err")"
check "cases, evaluated, errors" 'grep -q "^Cohort summary: 13 cases, 12 evaluated, 1 errors$" "$out"'
check "verdicts per set (p1-p3, n1, u1 met; ...)" \
    'grep -Eq "^four +5 +4 +3$" "$out"'
check "missing data behind indeterminate: catatonia in 3 cases" \
    'grep -q "3 cases  a catatonia assessment" "$out"'
check "accuracy against label.nms when the cases carry it" \
    'grep -q "four           sensitivity 0.600  specificity 0.800  AUC 0.740" "$out"'

"$bin" summary --rules "$src/tests/data/rules/tri" --param four.threshold=40 --html "$tmp/param.html" \
    "$src/tests/data/accuracy/cohort.jsonl" >"$tmp/param.txt" 2>/dev/null
check "a what-if run's ruleset line names its --param override (text and HTML)" \
    'grep -Eq "^ruleset [^ ]+ [^ ]+ sha256:[0-9a-f]{64}; --param four.threshold=40$" "$tmp/param.txt" &&
     grep -q "</code>; --param <code>four.threshold=40</code>" "$tmp/param.html"'

printf '%s\n' \
    '{"id":"a","medications":[{"drug":"Zorbifex 5mg","start":0},{"drug":"haloperidol","start":0}],"vitals":[{"t":1,"temp":37}]}' \
    '{"id":"b","medications":[{"drug":"Zorbifex 5mg","start":0},{"drug":"Quuxaline","start":0}],"vitals":[{"t":1,"temp":37}]}' \
    >"$tmp/drugs.jsonl"
"$bin" summary "$tmp/drugs.jsonl" >"$tmp/drugs.txt" 2>/dev/null
check "unrecognised drug names with counts" \
    'grep -q "2 entries  Zorbifex 5mg" "$tmp/drugs.txt" && grep -q "1 entries  Quuxaline" "$tmp/drugs.txt"'
check "warnings by kind" 'grep -Eq "3 +unrecognised_drug" "$tmp/drugs.txt"'

# --- over result records: the same figures without evaluating again ------
same_figures() { # CASES-SUMMARY RESULTS-SUMMARY: equal but the results line
    grep -v "^read from result records" "$2" | cmp -s "$1" -
}
tri=$src/tests/data/rules/tri
"$bin" batch --rules "$tri" "$src/tests/data/accuracy/cohort.jsonl" >"$tmp/tri.jsonl" 2>/dev/null
"$bin" summary --rules "$tri" "$tmp/tri.jsonl" >"$tmp/tri-r.txt" 2>"$tmp/err"
status=$?
check "results: exit 1 for the error record, as over the cases" '[ "$status" -eq 1 ]' "$(cat "$tmp/err")"
check "results: says it read result records" \
    'grep -q "^read from result records (not evaluated again)$" "$tmp/tri-r.txt"'
check "results: every figure as over the cases (tri cohort, labels, an error)" \
    'same_figures "$tmp/tri.txt" "$tmp/tri-r.txt"' "$(diff "$tmp/tri.txt" "$tmp/tri-r.txt")"
reviews=$src/examples/reviews/cohort.jsonl
"$bin" summary "$reviews" >"$tmp/rev.txt" 2>/dev/null
"$bin" batch --compact "$reviews" 2>/dev/null | "$bin" summary >"$tmp/rev-r.txt" 2>/dev/null
check "results: the bundled cohort's figures, from compact JSON Lines" \
    'same_figures "$tmp/rev.txt" "$tmp/rev-r.txt"' "$(diff "$tmp/rev.txt" "$tmp/rev-r.txt")"
# The compact record names each disagreeing feature alone, which its
# reader counts as the full record's (it has no missing lists to count).
features() { sed -n '/^Features on which criteria sets disagree/,/^$/p' "$1"; }
"$bin" batch --record compact "$reviews" 2>/dev/null | "$bin" summary >"$tmp/rev-c.txt" 2>/dev/null
status=$?
check "results: --record compact's disagreeing features as over the cases" \
    '[ "$status" -eq 0 ] && [ -n "$(features "$tmp/rev.txt" | sed 1d)" ] &&
     [ "$(features "$tmp/rev.txt")" = "$(features "$tmp/rev-c.txt")" ]' \
    "exit $status; $(diff <(features "$tmp/rev.txt") <(features "$tmp/rev-c.txt"))"
"$bin" batch --format json "$reviews" >"$tmp/rev.json" 2>/dev/null
"$bin" summary "$tmp/rev.json" >"$tmp/rev-a.txt" 2>/dev/null
check "results: from a JSON array too" 'same_figures "$tmp/rev.txt" "$tmp/rev-a.txt"'
"$bin" batch "$tmp/drugs.jsonl" 2>/dev/null | "$bin" summary >"$tmp/drugs-r.txt" 2>/dev/null
check "results: unrecognised drug names from the warnings' messages" \
    'same_figures "$tmp/drugs.txt" "$tmp/drugs-r.txt"' "$(diff "$tmp/drugs.txt" "$tmp/drugs-r.txt")"
"$bin" summary --html "$tmp/rpage.html" "$tmp/rev.json" >/dev/null 2>&1
check "results: the page, with the ROC curve" \
    'grep -q "read from result records" "$tmp/rpage.html" && grep -q "<polyline" "$tmp/rpage.html"'
{ head -2 "$tmp/tri.jsonl"; head -1 "$src/tests/data/accuracy/cohort.jsonl"; } >"$tmp/mixed.jsonl"
"$bin" summary --rules "$tri" "$tmp/mixed.jsonl" >"$tmp/out" 2>"$tmp/err"
status=$?
check "cases and results mixed: exit 2, naming the record and the first" \
    '[ "$status" -eq 2 ] && grep -q "mixed.jsonl:3 is a case, but the records before it are results (from .*mixed.jsonl:1)" "$tmp/err"' \
    "$(cat "$tmp/err")"
"$bin" summary "$tmp/tri.jsonl" >"$tmp/out" 2>"$tmp/err"
status=$?
check "results of another ruleset: a warning, and error records for missing sets" \
    '[ "$status" -eq 1 ] && grep -q "a result of another ruleset" "$tmp/err" && grep -q "13 cases, 0 evaluated, 13 errors" "$tmp/out"' \
    "$(cat "$tmp/err")"
# A what-if run's records are not the plain ruleset's, though the digest is.
"$bin" batch --rules "$tri" --param four.threshold=40 "$src/tests/data/accuracy/cohort.jsonl" \
    >"$tmp/tri-param.jsonl" 2>/dev/null
"$bin" summary --rules "$tri" "$tmp/tri-param.jsonl" >"$tmp/out" 2>"$tmp/err"
check "results of a --param run, read without it: the warning names the overrides" \
    'grep -q "a result of another ruleset than .*--param overrides differ" "$tmp/err"' "$(cat "$tmp/err")"
"$bin" summary --rules "$tri" --param four.threshold=40 "$tmp/tri-param.jsonl" >"$tmp/out" 2>"$tmp/err"
check "results of a --param run, read with it: no such warning" \
    '! grep -q "a result of another ruleset" "$tmp/err"' "$(cat "$tmp/err")"
"$bin" summary --rules "$tri" "$tmp/tri.jsonl" >"$tmp/out" 2>"$tmp/err"
check "results of the plain ruleset, read with it: no such warning" \
    '! grep -q "a result of another ruleset" "$tmp/err"' "$(cat "$tmp/err")"

"$bin" summary --html "$tmp/page.html" "$src/examples/reviews/cohort.jsonl" >/dev/null 2>&1
page=$tmp/page.html
check "the page is written" '[ -s "$page" ]'
check "self-contained: no scripts, nothing fetched" \
    '! grep -Eq "<script|src=|href=|@import|url\(" "$page"'
check "inline SVG: the verdict bars and the ROC curve" \
    '[ "$(grep -c "<svg" "$page")" -eq 2 ] && grep -q "<polyline" "$page"'
check "every section" \
    'for h in "Verdicts per set" "Agreement between criteria sets" "Unrecognised drug names" "Warnings by kind" "Severity tiers" "Against label.nms"; do grep -q "$h" "$page" || exit 1; done'
if command -v xmllint >/dev/null; then
    check "well-formed HTML" 'xmllint --html --noout "$page" 2>/dev/null'
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --window-size=1000,1400 --screenshot="$tmp/page.png" "file://$page" \
        >/dev/null 2>&1
    check "a real browser renders the page (screenshot)" '[ -s "$tmp/page.png" ]'
    # A page whose charts did not draw is mostly white and compresses to a
    # few kB; the bars and the curve make it far larger.
    check "the charts are drawn (screenshot over 40 kB)" \
        '[ "$(stat -c %s "$tmp/page.png")" -gt 40000 ]' "$(stat -c %s "$tmp/page.png")"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom \
        "file://$page" >"$tmp/dom.html" 2>/dev/null
    check "the browser's DOM holds the SVG bars" '[ "$(grep -o "<rect" "$tmp/dom.html" | wc -l)" -gt 40 ]'
else
    echo "ok - # SKIP no chromium: the page was not loaded in a browser"
fi
# --- --timeline: time to first met, in the text and on the page ------------
"$bin" summary --timeline --html "$tmp/tl.html" "$src/tests/data/timeline/cohort.jsonl" \
    >"$tmp/tl.txt" 2>"$tmp/err"
status=$?
"$bin" timeline "$src/tests/data/timeline/cohort.jsonl" 2>/dev/null |
    sed -n '/^Cohort:/,$p' >"$tmp/tl-cohort.txt"
check "--timeline: exit 0" '[ "$status" -eq 0 ]' "$(cat "$tmp/err")"
check "--timeline: the cohort table of nmsrules timeline, the same figures" \
    'sed -n "/^Cohort:/,\$p" "$tmp/tl.txt" | cmp -s - "$tmp/tl-cohort.txt"' \
    "$(sed -n '/^Cohort:/,$p' "$tmp/tl.txt" | diff - "$tmp/tl-cohort.txt")"
check "--timeline: the page has the time-to-first-met plot (bars + curves)" \
    '[ "$(grep -c "<svg" "$tmp/tl.html")" -eq 2 ] && grep -q "iec2011: 2 of 3 met by 8.6667 h" "$tmp/tl.html"'
check "without --timeline: the text says it was not computed" \
    'grep -q "^Time to first met: not computed (--timeline, over cases)$" "$tmp/rev.txt"'
check "without --timeline: so does the page" 'grep -q "Not computed: run" "$page"'
"$bin" summary --timeline "$tmp/tri.jsonl" >/dev/null 2>"$tmp/err"
status=$?
check "--timeline over result records: exit 2, needs the cases" \
    '[ "$status" -eq 2 ] && grep -q "tri.jsonl:1 is a result record: --timeline needs the cases" "$tmp/err"'
if [ -n "$browser" ]; then
    # The page with a script of the test's (the page has none) that asks the
    # browser where it drew each set's curve and each step's point.
    sed 's#</body></html>##' "$tmp/tl.html" >"$tmp/tl-check.html"
    cat >>"$tmp/tl-check.html" <<'JS'
<script>
var out = [], sets = document.querySelectorAll("g.set"), drawn = 0, hit = 0, pts;
sets.forEach(function (g) {
  var l = g.querySelector("polyline");
  if (l && l.getBoundingClientRect().width > 100 && l.getBoundingClientRect().height > 100) drawn++;
});
out.push("curves " + drawn + "/" + sets.length);
pts = document.querySelectorAll("circle.step");
pts.forEach(function (c) {
  var r = c.getBoundingClientRect(), e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (e && e.tagName === "circle" && e.getAttribute("class") === "step") hit++;
});
out.push("steps " + hit + "/" + pts.length);
var p = document.createElement("pre"); p.id = "result"; p.textContent = out.join("\n");
document.body.appendChild(p);
</script></body></html>
JS
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --window-size=1000,3000 \
        --dump-dom "file://$tmp/tl-check.html" >"$tmp/tl-dom.html" 2>/dev/null
    sed -n '/<pre id="result">/,/<\/pre>/p' "$tmp/tl-dom.html" | sed 's/<[^>]*>//g' >"$tmp/tl-result.txt"
    check "browser: every set's time-to-first-met curve is drawn (5/5)" \
        'grep -q "^curves 5/5" "$tmp/tl-result.txt"' "$(cat "$tmp/tl-result.txt")"
    check "browser: every step's point is visible (10/10)" \
        'grep -q "^steps 10/10" "$tmp/tl-result.txt"' "$(cat "$tmp/tl-result.txt")"
fi
check "help summary = summary --help" \
    '[ "$("$bin" help summary)" = "$("$bin" summary --help)" ]'

finish
