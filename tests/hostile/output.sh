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
finish
