#!/usr/bin/env bash
# Untrusted text on its way out (issue 15, item 7): evidence and ids with
# invalid UTF-8, terminal escape sequences and spreadsheet formulas, from a
# case file and from the rules of tests/data/rules/forge.
#
#   bash tests/hostile/output.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
wrapper=${NMS_WRAPPER:-}
run() { $wrapper "$bin" "$@"; }
rules=(--rules "$src/tests/data/rules/forge")
# An id that would clear the screen, set the window title and, in a
# spreadsheet, be a formula.
printf '%s\n' '{"id":"=HYPERLINK(\"http://x\")\u001b[2J\u001b]0;pwned\u0007","assessed_at":"2026-01-01T00:00Z","history":{}}' \
    '{"id":"@SUM(1+1)","assessed_at":"2026-01-01T00:00Z","history":{}}' \
    '{"id":"-2+3","assessed_at":"2026-01-01T00:00Z","history":{}}' \
    '{"id":"forger","assessed_at":"2026-01-01T00:00Z","history":{"prior_nms":true}}' >"$tmp/h.jsonl"
# raw_bytes FILE: nonzero when FILE holds ESC, BEL, DEL or a C1 CSI raw.
raw_bytes() { LC_ALL=C grep -q $'[\x07\x1b\x7f]\|\xc2\x9b' "$1"; }

run batch "${rules[@]}" "$tmp/h.jsonl" >"$tmp/out.jsonl" 2>"$tmp/msg"
check "JSON Lines with hostile evidence: every line strict UTF-8 JSON" \
    'python3 -c "
import json, sys
for line in open(sys.argv[1], \"rb\"):
    json.loads(line.decode(\"utf-8\", \"strict\"))
" "$tmp/out.jsonl" 2>"$tmp/err"'
check "... invalid UTF-8 and a surrogate become U+FFFD" \
    'grep -qF "bad:\ufffd\ufffd\ufffd surrogate:\ufffd\ufffd\ufffd" "$tmp/out.jsonl"'
check "... ESC, BEL, DEL and C1 controls are escaped, none raw" \
    '! raw_bytes "$tmp/out.jsonl" && grep -qF "csi:\u009b31m del:\u007f" "$tmp/out.jsonl"'

check "... a NUL in evidence does not cut it short (U+FFFD in its place)" \
    'grep -qF "before\ufffd" "$tmp/out.jsonl" || grep -qF "before�after the NUL" "$tmp/out.jsonl"'
check "... a loaded chunk cannot fake the file of its error record" \
    'grep "\"id\":\"forger\"" "$tmp/out.jsonl" | grep -q "(load)" &&
     ! grep "\"id\":\"forger\"" "$tmp/out.jsonl" | grep -q "\"file\":\"rules/criteria/iec2011.lua\""'

run batch "${rules[@]}" --format csv --csv-eol lf "$tmp/h.jsonl" >"$tmp/out.csv" 2>"$tmp/msg"
check "CSV: an id starting with = gets a leading single quote" \
    'grep -q "^\"'"'"'=HYPERLINK" "$tmp/out.csv" || { cat "$tmp/out.csv" >"$tmp/err"; false; }'
check "CSV: ids starting with @ and - too" \
    'grep -q "^\"'"'"'@SUM(1+1)\"," "$tmp/out.csv" && grep -q "^\"'"'"'-2+3\"," "$tmp/out.csv"'
run batch "${rules[@]}" --format csv --csv-eol lf --csv-raw "$tmp/h.jsonl" >"$tmp/raw.csv" 2>"$tmp/msg"
check "CSV --csv-raw: the ids as they are" \
    'grep -q "^@SUM(1+1)," "$tmp/raw.csv" && grep -q "^-2+3," "$tmp/raw.csv"'

run eval "${rules[@]}" "$tmp/h.jsonl" >"$tmp/out.txt" 2>"$tmp/msg"
check "eval text: no raw escape sequence from the id or the evidence" \
    '! raw_bytes "$tmp/out.txt" || { cat -A "$tmp/out.txt" | head >"$tmp/err"; false; }'
check "... they are shown visibly (\\x1b, \\u009b, \\xff)" \
    'grep -qF "\x1b[2J\x1b]0;pwned\x07" "$tmp/out.txt" && grep -qF "csi:\u009b31m" "$tmp/out.txt" && grep -qF "bad:\xff" "$tmp/out.txt"'
run eval --color=always "${rules[@]}" "$tmp/h.jsonl" >"$tmp/color.txt" 2>"$tmp/msg"
check "eval with colours: the report's colours, but not the id's sequences" \
    'LC_ALL=C grep -q $'"'"'\x1b\[32m'"'"' "$tmp/color.txt" && ! LC_ALL=C grep -q $'"'"'\x1b\[2J\|\x1b\]0'"'"' "$tmp/color.txt"'
head -1 "$tmp/h.jsonl" >"$tmp/one.json"
# (from $tmp: piped input reads only below the working directory)
(cd "$tmp" && printf '.load one.json\n.eval\n.eval forge\n' | run repl "${rules[@]}") >"$tmp/repl.txt" 2>&1
check "REPL .eval and .eval SET: no raw escape sequence, the id shown visibly" \
    '! LC_ALL=C grep -q $'"'"'\x1b\[2J\|\x1b\]0'"'"' "$tmp/repl.txt" && grep -qF "pwned\x07" "$tmp/repl.txt"'

# Session 21: the commands other than eval and batch printed the ruleset's
# text raw (check, params, doc, test, summary, the messages on stderr), and
# a bidi override (U+202E, which reorders what follows) passed everywhere.
# bidi FILE: nonzero when FILE holds U+202E raw.
bidi() { LC_ALL=C grep -q $'\xe2\x80\xae' "$1"; }
check "JSON Lines: a bidi override is escaped (\\u202e), not raw" \
    '! bidi "$tmp/out.jsonl" && grep -qF "bidi:\u202edem" "$tmp/out.jsonl"'
check "eval text: a bidi override is shown as \\u202e" \
    '! bidi "$tmp/out.txt" && grep -qF "bidi:\u202edem" "$tmp/out.txt"'
for cmd in check params doc; do
    run $cmd "${rules[@]}" >"$tmp/$cmd.txt" 2>&1
    check "$cmd: a parameter's escape sequences and bidi override are shown, not sent" \
        '! raw_bytes "$tmp/$cmd.txt" && ! bidi "$tmp/$cmd.txt" &&
         grep -qF "forge.limit\x1b[2J\x1b]0;title\x07 bidi:\u202e" "$tmp/$cmd.txt"'
done
printf '%s\n' '[{"name": "named\u001b[2J\u202e", "case": {"id": "t\u001b]0;x\u0007",' \
    '"assessed_at": 1, "history": {"prior_nms": false}},' \
    '"expect": {"criteria.forge.items.a.value": false}}]' >"$tmp/forge-test.json"
run test "${rules[@]}" "$tmp/forge-test.json" >"$tmp/test.txt" 2>&1
check "test: a test's name and the rule's evidence are shown, not sent" \
    '! raw_bytes "$tmp/test.txt" && ! bidi "$tmp/test.txt" &&
     grep -qF "named\x1b[2J\u202e" "$tmp/test.txt" && grep -qF "esc:\x1b[2J" "$tmp/test.txt"'
run summary "${rules[@]}" "$tmp/h.jsonl" >"$tmp/summary.txt" 2>&1
check "summary: a warning's kind is shown, not sent" \
    '! raw_bytes "$tmp/summary.txt" && grep -qF "kind\x1b]0;title\x07" "$tmp/summary.txt"'
(cd "$tmp" && printf '.load one.json\n' | run repl "${rules[@]}") >/dev/null 2>"$tmp/note.txt"
check "stderr: the REPL's note of a rule's warning is shown, not sent" \
    '! raw_bytes "$tmp/note.txt" && grep -qF "warned\x1b[2J" "$tmp/note.txt"'
# The manifest's fields, checked at load: no control, bidi control or
# invalid UTF-8, and a name or version of at most 256 bytes (both go into
# every record; a 10 MB version made every record 10 MB).
mkdir -p "$tmp/meta"
cp "$src/tests/data/rules/forge/forge.lua" "$tmp/meta/"
printf 'return { name = "m", version = "1\\27[2J", criteria = { "forge" } }\n' >"$tmp/meta/ruleset.lua"
run check --rules "$tmp/meta" >"$tmp/meta.txt" 2>&1; st=$?
check "a ruleset version holding ESC fails the load (status 3), naming the field" \
    '[ $st = 3 ] && grep -qF "field '"'"'version'"'"' holds a control character" "$tmp/meta.txt" && ! raw_bytes "$tmp/meta.txt"'
printf 'return { name = "m", version = string.rep("9", 257), criteria = { "forge" } }\n' >"$tmp/meta/ruleset.lua"
run check --rules "$tmp/meta" >"$tmp/meta.txt" 2>&1; st=$?
check "a ruleset version of 257 bytes fails the load (status 3)" \
    '[ $st = 3 ] && grep -qF "at most 256 bytes" "$tmp/meta.txt"'
finish
