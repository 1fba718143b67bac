#!/usr/bin/env bash
# Tests of `nmsrules plot` and the REPL's .plot: the SVG's structure (one
# point per recorded value in the right panel, one bar per drug course, a
# line at the first time each criteria set was met, checked against
# `eval --as-of`), that it is self-contained and well-formed whatever the
# case holds, the command's errors, and the picture as a browser draws it.
#
#   bash tests/plot/run.sh BUILD/nmsrules SOURCE_DIR
#
# The browser check needs Chromium (Debian package `chromium`); without it
# that part is skipped with a note, and the rest still runs. The XPath
# checks need xmllint (libxml2-utils); without it they fall back to grep.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
wrapper=${NMS_WRAPPER:-}   # e.g. valgrind, for the program's runs
export NO_COLOR=1 NMSRULES_HISTORY=/dev/null

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '  %s\n' "${@:2}"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# count XPATH FILE: how many SVG elements match (namespace-blind).
count() {
    if command -v xmllint >/dev/null; then
        xmllint --xpath "count($1)" "$2" 2>/dev/null
    else
        echo "?"
    fi
}
svgq() { echo "//*[local-name()='$1']$2"; }

case01=examples/cases/01-haloperidol-classic.json
(cd "$src" && $wrapper "$bin" plot "$case01" -o "$tmp/01.svg") >"$tmp/out" 2>&1
check "plot writes the SVG (exit 0)" '[ $? -eq 0 ] && [ -s "$tmp/01.svg" ]'

# --- structure ------------------------------------------------------------
if command -v xmllint >/dev/null; then
    check "the SVG is well-formed XML" 'xmllint --noout "$tmp/01.svg" 2>/dev/null'
    check "the root is an SVG element in the SVG namespace" \
        '[ "$(xmllint --xpath "namespace-uri(/*)" "$tmp/01.svg")" = http://www.w3.org/2000/svg ]'
    # Case 01 records 5 temperatures, 5 heart rates, 5 SBP + 5 DBP, 1 CK.
    for panel in temperature:5 heart-rate:5 blood-pressure:10 ck:1; do
        id=${panel%%:*} want=${panel#*:}
        got=$(count "$(svgq g "[@id='$id']")//*[local-name()='circle'][@class='point']" "$tmp/01.svg")
        check "panel $id has one point per recorded value ($want)" '[ "$got" = "$want" ]'
    done
    got=$(count "$(svgq rect "[@class='course']")" "$tmp/01.svg")
    check "one bar per drug course (2)" '[ "$got" = 2 ]'
    got=$(count "$(svgq circle "[@class='dose']")" "$tmp/01.svg")
    check "the doses are dots on the bars (5)" '[ "$got" = 5 ]'
    got=$(count "$(svgq line "[@class='met']")" "$tmp/01.svg")
    check "one line per criteria set met (5)" '[ "$got" = 5 ]'
    got=$(count "$(svgq line "[@class='reference']")" "$tmp/01.svg")
    check "reference lines: 38.0 °C, ULN and 4 × ULN" '[ "$got" = 3 ]'
else
    echo "# xmllint not found (Debian: libxml2-utils): structure checked with grep only"
    check "one line per criteria set met (5)" '[ "$(grep -c "class=\"met\"" "$tmp/01.svg")" = 5 ]'
fi
check "the picture is self-contained: no script, link, image or import" \
    '! grep -qiE "<script|href=|<image|<foreignObject|@import|url\\(" "$tmp/01.svg"'
digest=$("$bin" version --rules "$src/rules" 2>/dev/null | grep -Eo "sha256:[0-9a-f]{64}" | head -1)
check "the picture names its ruleset (name, version, digest)" \
    '[ -n "$digest" ] && grep -Eq "<text class=\"ruleset\"[^>]*>ruleset [^ ]+ [^ ]+ $digest</text>" "$tmp/01.svg"'
(cd "$src" && "$bin" plot --param onset.fever_c=38.5 "$case01" -o "$tmp/p.svg") >/dev/null 2>&1
check "a what-if plot names its --param override" \
    'grep -q "$digest; --param onset.fever_c=38.5</text>" "$tmp/p.svg"'

# The first-met line of iec2011 is where eval --as-of first says met.
check "iec2011 is marked first met at 06:40" \
    'grep -q "iec2011 first met at 03-03 06:40" "$tmp/01.svg"'
verdict() {
    (cd "$src" && "$bin" batch --compact --as-of "$1" "$case01") |
        grep -o '"iec2011":{"kind":"points","result":"[a-z_]*"' | grep -o '"result":"[a-z_]*"'
}
check "eval --as-of agrees: not met at 02:10" '[ "$(verdict 2026-03-03T02:10Z)" != "\"result\":\"met\"" ]'
check "eval --as-of agrees: met at 06:40" '[ "$(verdict 2026-03-03T06:40Z)" = "\"result\":\"met\"" ]'

# A case with nothing to draw, and one whose text needs escaping.
printf '{"id": "empty"}\n' >"$tmp/empty.json"
$wrapper "$bin" plot --rules "$src/rules" "$tmp/empty.json" -o "$tmp/empty.svg" >/dev/null 2>&1
check "an empty case is drawn (exit 0)" '[ $? -eq 0 ]'
check "its panels say 'not recorded'" '[ "$(grep -c "not recorded" "$tmp/empty.svg")" = 4 ]'
check "and no criteria set is met" 'grep -q "no criteria set met" "$tmp/empty.svg"'
printf '{"id": "a<b>&c", "medications": [{"drug": "x&y <z>", "start": 0}], "vitals": [{"t": 2, "temp": 39}]}\n' >"$tmp/odd.json"
$wrapper "$bin" plot --rules "$src/rules" "$tmp/odd.json" -o "$tmp/odd.svg" >/dev/null 2>&1
if command -v xmllint >/dev/null; then
    check "names with & and < stay well-formed XML" 'xmllint --noout "$tmp/odd.svg" 2>/dev/null'
fi
check "and are shown escaped" 'grep -q "x&amp;y &lt;z&gt;" "$tmp/odd.svg"'

# --- errors and help --------------------------------------------------------
"$bin" plot --rules "$src/rules" "$tmp/missing.json" -o "$tmp/m.svg" >/dev/null 2>"$tmp/err"
check "a missing case file: exit 2, named" '[ $? -eq 2 ] && grep -q "cannot open" "$tmp/err"'
"$bin" plot --rules "$src/rules" "$tmp/empty.json" >/dev/null 2>"$tmp/err"
check "no -o: a usage error" '[ $? -eq 2 ] && grep -q -- "-o FILE.svg" "$tmp/err"'
check "help plot is plot --help" '[ "$("$bin" help plot)" = "$("$bin" plot --help)" ]'

# --- .plot in the REPL ------------------------------------------------------
# Piped input writes files only with --full-lua (a script may come from
# anyone: docs/security.md); at a terminal .plot needs no flag.
(cd "$tmp" && printf '.load %s/%s\n.plot\n.plot pic.svg\n' "$src" "$case01" |
    $wrapper "$bin" repl --rules "$src/rules" --full-lua) >"$tmp/out" 2>&1
check ".plot writes ID.svg and .plot FILE writes FILE" \
    '[ -s "$tmp/01-haloperidol-classic.svg" ] && [ -s "$tmp/pic.svg" ] && grep -q "drawn in pic.svg" "$tmp/out"'
(cd "$tmp" && printf '.plot refused.svg\n' |
    $wrapper "$bin" repl --rules "$src/rules" "$src/$case01") >"$tmp/out" 2>&1
check ".plot from piped input without --full-lua writes nothing" \
    '[ ! -e "$tmp/refused.svg" ] && grep -q ".plot writes a file: a script, piped input or .read scenario may only with --full-lua" "$tmp/out"'
check ".plot draws the same picture as nmsrules plot" 'cmp -s "$tmp/pic.svg" "$tmp/01.svg"'

# --- in a browser -------------------------------------------------------------
# The SVG is put inline in a page whose script (the test's, not the
# picture's) asks the browser where it drew things: each panel's box, and
# for every data point whether the topmost element at its centre is that
# point (so it is drawn, inside the page, not hidden).
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "# skip - browser check: chromium not installed (Debian: apt-get install chromium)"
else
    {
        echo '<!DOCTYPE html><html><body style="margin:0">'
        sed 1d "$tmp/01.svg"
        cat <<'JS'
<script>
var out = [];
["drugs", "temperature", "heart-rate", "blood-pressure", "ck", "criteria"].forEach(function (id) {
  var b = document.getElementById(id).getBBox();
  out.push(id + (b.width > 100 && b.height > 10 ? " drawn" : " EMPTY"));
});
var pts = document.querySelectorAll("circle.point"), hit = 0;
pts.forEach(function (c) {
  var r = c.getBoundingClientRect();
  if (document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === c) hit++;
});
out.push("points " + hit + "/" + pts.length);
var lines = document.querySelectorAll("line.met"), tall = 0;
lines.forEach(function (l) { if (l.getBoundingClientRect().height > 400) tall++; });
out.push("met-lines " + tall + "/" + lines.length);
var p = document.createElement("pre"); p.id = "result"; p.textContent = out.join("\n");
document.body.appendChild(p);
</script></body></html>
JS
    } >"$tmp/page.html"
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --window-size=1000,1000 \
        --dump-dom "file://$tmp/page.html" >"$tmp/dom.html" 2>/dev/null
    sed -n "/<pre id=\"result\">/,/<\/pre>/p" "$tmp/dom.html" | sed "s/<[^>]*>//g" >"$tmp/result.txt"
    sed "s/^/# /" "$tmp/result.txt"
    for id in drugs temperature heart-rate blood-pressure ck criteria; do
        check "browser: the $id panel is drawn" 'grep -q "^$id drawn" "$tmp/result.txt"'
    done
    check "browser: every data point is visible at its place (21/21)" 'grep -q "^points 21/21" "$tmp/result.txt"'
    check "browser: the first-met lines cross the panels" 'grep -q "^met-lines 5/5" "$tmp/result.txt"'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
