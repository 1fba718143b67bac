#!/usr/bin/env bash
# Scripted tests of `nmsrules repl` (no terminal): every command with good
# and bad input against the stable test ruleset, save/load round trip,
# reload failure, exit statuses, and the teaching scenarios of
# examples/scenarios/ against their expected transcripts.
#
#   bash tests/repl/run.sh BUILD/nmsrules SOURCE_DIR
#
# NMS_UPDATE_GOLDEN=1 rewrites the expected transcripts (review the diff).
# The scenario transcripts use the default ruleset, so they change when it
# does; the command transcripts use tests/data/rules/tri and do not.
set -u
# Absolute paths: the runs change directory, and the golden files show
# paths relative to the source tree.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
wrapper=${NMS_WRAPPER:-}
export NO_COLOR=1 NMSRULES_HISTORY=/dev/null

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '  %s\n' "${@:2}"; }

normalise() {
    sed -e 's/sha256:[0-9a-f]\{64\}/sha256:DIGEST/g' -e "s#$src/##g" -e "s#$tmp#TMP#g"
}

# transcript NAME EXPECTED STATUS ARGS...: runs the program from the source
# tree with stdout and stderr together, compares with EXPECTED.
transcript() {
    local name=$1 want_file=$2 want=$3 status
    shift 3
    (cd "$src" && $wrapper "$bin" "$@") >"$tmp/out" 2>&1
    status=$?
    normalise <"$tmp/out" >"$tmp/$name"
    if [ "${NMS_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/$name" "$want_file"; fi
    if [ "$status" -ne "$want" ]; then
        not_ok "$name: exit status $status, expected $want" "$(tail -5 "$tmp/out")"
    elif ! diff -u "$want_file" "$tmp/$name" >"$tmp/diff"; then
        not_ok "$name: transcript differs from $want_file" "$(head -40 "$tmp/diff")"
    else
        ok "$name"
    fi
}

# limited OUT ARGS...: runs `repl --rules TRI ARGS...` with stdout and
# stderr in OUT, under a timeout (a run these limits should stop once hung
# for ever); sets status.
limited() {
    local out=$1
    shift
    timeout 120 $wrapper "$bin" repl --rules "$src/$tri" "$@" >"$out" 2>&1
    status=$?
}

# holds NAME FILE STATUS TEXT...: ok when the last run's status is STATUS
# and FILE holds every TEXT (a line with it), none of those written !TEXT.
holds() {
    local name=$1 file=$2 want=$3 text
    shift 3
    if [ "$status" -ne "$want" ]; then
        not_ok "$name: exit status $status, expected $want" "$(cat "$file")"
        return
    fi
    for text in "$@"; do
        if [ "${text#!}" != "$text" ] && grep -qF -- "${text#!}" "$file"; then
            not_ok "$name: '${text#!}' found" "$(cat "$file")"
            return
        elif [ "${text#!}" = "$text" ] && ! grep -qF -- "$text" "$file"; then
            not_ok "$name: '$text' not found" "$(cat "$file")"
            return
        fi
    done
    ok "$name"
}

contains() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1: '$3' not found" "$(head -20 "$2")"; fi
}

# --- every command, against the stable test ruleset -----------------------
tri=tests/data/rules/tri
transcript commands.txt "$src/tests/repl/expected/commands.txt" 1 \
    repl --rules "$tri" --echo --keep-going --script tests/repl/commands.nms

# --- .at +TIME: after the onset, else the first exposure (as --as-of +12h) --
cat >"$tmp/relative.nms" <<EOF
.load $src/tests/data/timeline/onset-hours.json
.at +12h
.at
.load $src/examples/cases/01-haloperidol-classic.json
.at +12h
print("iec2011 score", nms.result().criteria.iec2011.score)
.at +soon
.new
.vitals temp=37 at 1h
.at +2h
EOF
(cd "$src" && $wrapper "$bin" repl --keep-going --script "$tmp/relative.nms") >"$tmp/relative.out" 2>&1
contains ".at +12h counts from the onset" "$tmp/relative.out" "as of 38 h: 12 h after the onset at 26 h"
contains ".at then shows the time fixed" "$tmp/relative.out" "as of: 38 h"
contains ".at +12h counts from the first exposure without an onset" "$tmp/relative.out" \
    "as of 2026-03-02T08:00Z: 12 h after the first exposure at 2026-03-01T20:00Z"
want=$(cd "$src" && "$bin" batch --as-of +12h "$src/examples/cases/01-haloperidol-classic.json" |
    jq .criteria.iec2011.score)
contains ".at +12h evaluates as batch --as-of +12h does (IEC score $want)" "$tmp/relative.out" \
    "iec2011 score	$want"
contains ".at +soon: an error naming the forms" "$tmp/relative.out" "write +24h, +90min or +2d"
contains ".at +2h without onset or exposure: an error" "$tmp/relative.out" \
    "this case gives neither (yet)"

# --- save, load, reload ----------------------------------------------------
cp -r "$src/$tri" "$tmp/rules"
sed "s#@TMP@#$tmp#g" "$src/tests/repl/roundtrip.nms" >"$tmp/roundtrip.nms"
printf '{"id": "a"}\n{"id": "b"}\n' >"$tmp/two.jsonl"
printf '{"vitals": [{"t": 1, "temp": {"value": 39, "unit": "F"}}]}\n' >"$tmp/broken.json"
# (the script edits a rule file with io.open: it asks for the full library)
transcript roundtrip.txt "$src/tests/repl/expected/roundtrip.txt" 1 \
    repl --rules "$tmp/rules" --echo --keep-going --full-lua --script "$tmp/roundtrip.nms"
if [ -f "$tmp/saved.json" ] && (cd "$src" && "$bin" eval --rules "$tri" "$tmp/saved.json") >"$tmp/eval.txt" 2>&1; then
    ok "a saved case is read by nmsrules eval"
else
    not_ok "a saved case is not read by nmsrules eval" "$(cat "$tmp/eval.txt" 2>/dev/null)"
fi

# --- what a script's Lua may do (docs/security.md) ----------------------------
# A script, and piped input, get the rules' sandbox: no os, io, require,
# load, dofile; --full-lua gives the whole standard library back.
printf 'os.execute("touch %s/pwned")\n' "$tmp" >"$tmp/escape.nms"
$wrapper "$bin" repl --rules "$src/$tri" --script "$tmp/escape.nms" >"$tmp/escape.txt" 2>&1
status=$?
if [ "$status" -eq 1 ] && [ ! -e "$tmp/pwned" ] && grep -qF "global 'os'" "$tmp/escape.txt"; then
    ok "a script cannot reach os.execute"
else
    not_ok "a script reached os.execute (status $status)" "$(cat "$tmp/escape.txt")"
fi
for f in 'io.open("/etc/passwd")' 'require("os")' 'load("return 1")' 'dofile("/etc/passwd")' 'string.dump(print)'; do
    printf '%s\n' "$f" | $wrapper "$bin" repl --rules "$src/$tri" >"$tmp/escape.txt" 2>&1
    status=$?
    if [ "$status" -eq 1 ] && grep -qF "attempt to" "$tmp/escape.txt"; then
        ok "piped input cannot call $f"
    else
        not_ok "piped input called $f (status $status)" "$(cat "$tmp/escape.txt")"
    fi
done
# ... and its memory: a script that fills a table gets "not enough memory"
# at the rules' cap (64 MiB; --max-memory 8 here), and the session goes on.
# Before, it had none: this one took ~330 MB, and without the bound of
# 300,000 entries the machine's memory. As with a rule, the entry that
# caught the refusal with pcall fails all the same, naming the cap.
cat >"$tmp/hoard.nms" <<'EOF'
t, n = {}, 0
ok, err = pcall(function() while n < 300000 do n = n + 1; t[n] = ("x"):rep(1000) .. n end end)
t = nil
print(ok, err)
print(n < 20000)
EOF
$wrapper "$bin" repl --rules "$src/$tri" --max-memory 8 --keep-going --script "$tmp/hoard.nms" >"$tmp/hoard.txt" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -qF "hoard.nms:2: memory cap of 8388608 bytes exceeded" "$tmp/hoard.txt" &&
    grep -qF "false	not enough memory" "$tmp/hoard.txt" && grep -qx true "$tmp/hoard.txt"; then
    ok "a script's Lua has the rules' memory cap"
else
    not_ok "a script's Lua filled memory past the cap (status $status)" "$(cat "$tmp/hoard.txt")"
fi
# ... and no command of it writes a file without --full-lua: .save
# ~/.bashrc replaced the file with the case as JSON, and a text of the case
# such as "$(command)" ran at the next shell.
printf 'precious\n' >"$tmp/victim"
cat >"$tmp/save.nms" <<EOF
nms.set_case({id = "x", label = {note = "\$(touch $tmp/pwned)"}})
.save $tmp/victim
.plot $tmp/victim
EOF
"$bin" repl --rules "$src/$tri" --keep-going --script "$tmp/save.nms" >"$tmp/save.txt" 2>&1
status=$?
if [ "$status" -eq 1 ] && [ "$(cat "$tmp/victim")" = precious ] &&
    grep -qF "save.nms:2: .save writes a file: a script, piped input or .read scenario may only with --full-lua" "$tmp/save.txt" &&
    grep -qF "save.nms:3: .plot writes a file" "$tmp/save.txt"; then
    ok "a script's .save and .plot write no file without --full-lua"
else
    not_ok "a script wrote a file (status $status)" "$(cat "$tmp/save.txt" "$tmp/victim")"
fi
# A scenario .read at a terminal is a script too, whoever typed .read (the
# teaching guide has teachers play shared scenarios that way): its Lua had
# os and io, and its .save wrote any file. script(1) gives the terminal.
if command -v script >/dev/null; then
    cat >"$tmp/shared.nms" <<EOF
os.execute("touch $tmp/pwned")
x = 41
.save $tmp/victim
EOF
    printf '.read %s\nprint(x, os ~= nil)\n.quit\n' "$tmp/shared.nms" |
        script -qec "'$bin' repl --rules '$src/$tri' --keep-going" /dev/null >"$tmp/tty.txt" 2>&1
    if [ ! -e "$tmp/pwned" ] && [ "$(cat "$tmp/victim")" = precious ] &&
        grep -qF "shared.nms:1: stdin:1: attempt to index a nil value (global 'os')" "$tmp/tty.txt" &&
        grep -qF "shared.nms:3: .save writes a file" "$tmp/tty.txt" &&
        grep -q "nil	true" "$tmp/tty.txt"; then
        ok "a scenario .read at a terminal runs as a script: no os, no file written; the terminal's own Lua keeps os"
    else
        not_ok "a scenario .read at a terminal ran as the user" "$(head -c 2000 "$tmp/tty.txt")"
    fi
else
    not_ok "script(1) (bsdutils) is needed for the terminal .read test"
fi
# ... and reads only regular files: .load /dev/zero spun for ever, deaf to
# Ctrl-C, .read /dev/zero grew one line until memory ran out, and a named
# pipe held the session in open() (timeout: the proof).
cat >"$tmp/devices.nms" <<EOF
.load /dev/zero
.read /dev/zero
EOF
timeout 20 "$bin" repl --rules "$src/$tri" --keep-going --script "$tmp/devices.nms" </dev/null >"$tmp/devices.txt" 2>&1
status=$?
if [ "$status" -eq 1 ] &&
    [ "$(grep -cF "'/dev/zero' is not a regular file: a script, piped input or .read scenario reads only files" "$tmp/devices.txt")" -eq 2 ]; then
    ok "a script's .load and .read of a device are refused"
else
    not_ok "a script read a device (status $status)" "$(head -c 2000 "$tmp/devices.txt")"
fi
# ... and only below its own directory or the working directory, none
# hidden: a shared script's `.read ~/.ssh/id_rsa` printed the key line by
# line in its error messages, to whatever log kept the output (session 20).
# A link does not lead out; --full-lua, and the command line's CASE, read
# anywhere. (Run from /, which is no root: a service's working directory.)
mkdir -p "$tmp/shared/cases" "$tmp/shared/.hidden" "$tmp/secrets"
printf 'secret-key-line\n' >"$tmp/secrets/key"
ln -s "$tmp/secrets/key" "$tmp/shared/cases/key.json"
cp "$src/examples/cases/03-metoclopramide.json" "$tmp/shared/cases/03.json"
cp "$src/examples/cases/03-metoclopramide.json" "$tmp/shared/.hidden/03.json"
cat >"$tmp/shared/confined.nms" <<EOF
.read $tmp/secrets/key
.load $tmp/secrets/key
.load $tmp/shared/cases/key.json
.load $tmp/shared/.hidden/03.json
.load $tmp/shared/cases/03.json
print("loaded", case.id)
EOF
(cd / && timeout 20 $wrapper "$bin" repl --rules "$src/$tri" --keep-going \
    --script "$tmp/shared/confined.nms" "$tmp/secrets/../shared/.hidden/03.json") \
    >"$tmp/confined.txt" 2>&1
status=$?
(cd / && timeout 20 "$bin" repl --rules "$src/$tri" --keep-going --full-lua \
    --script "$tmp/shared/confined.nms") >"$tmp/confined-full.txt" 2>&1
if [ "$status" -eq 1 ] && ! grep -q secret-key-line "$tmp/confined.txt" &&
    [ "$(grep -c "is outside the script's directory and the working directory, or hidden" "$tmp/confined.txt")" -eq 4 ] &&
    grep -q "loaded	03-metoclopramide" "$tmp/confined.txt" &&
    grep -q secret-key-line "$tmp/confined-full.txt"; then
    ok "a script's .load and .read open only files below its directory or the working directory, none hidden"
else
    not_ok "a script read a file outside its directory (status $status)" "$(head -c 2000 "$tmp/confined.txt")"
fi
# ... and the conversion of its tables to a case, in C: a table met twice
# is written twice, so forty levels of t = {a = t, b = t} were 2^40 values
# built in C memory, where neither the memory cap nor the entry's limits
# reach (hours, then the machine's memory). Now refused past 1,000,000
# values, as a case file's record is. Twenty-one levels (4 M values, ~2 s
# and 400 MB before) keep the proof cheap; run without the wrapper, as
# the bound is the point and a million values take valgrind ~30 s.
cat >"$tmp/shared.nms" <<'EOF'
t = {x = 1}
for i = 1, 21 do t = {a = t, b = t} end
nms.set_case({id = "shared", label = t})
EOF
# refused_case NAME OK NOT_OK: $tmp/NAME.nms's nms.set_case, its line 3,
# is refused by the bounds of a case built from Lua tables.
refused_case() {
    local status
    timeout 20 "$bin" repl --rules "$src/$tri" --script "$tmp/$1.nms" >"$tmp/$1.txt" 2>&1
    status=$?
    if [ "$status" -eq 1 ] && grep -qF "$1.nms:3: stdin:1: the case must be a table of JSON values (no functions, at most 100 levels deep, at most 1000000 values and 67108864 bytes of text)" "$tmp/$1.txt"; then
        ok "$2"
    else
        not_ok "$3 (status $status)" "$(head -c 2000 "$tmp/$1.txt")"
    fi
}
refused_case shared "a script's case of tables met many times stops at 1,000,000 values" \
    "a script's case of shared tables was written out whole"
# ... and the bytes of text, a string counted each time it is met: one
# string of 10 MB listed 100 times was 1 GB of C memory and 80 s, deaf
# to the entry's limits (1,000 times, the machine's memory; session 20).
cat >"$tmp/bulky.nms" <<'EOF'
s = ("x"):rep(1e7)
t = {} for i = 1, 100 do t[i] = s end
nms.set_case({id = "bulky", label = t})
EOF
refused_case bulky "a script's case of one long string met many times stops at 64 MiB of text" \
    "a script's case of one long string met many times was built"
# ... and its instructions and patterns: every entry gets the rules'
# budget per case (--max-instructions, 100,000 here), enforced as for a
# rule (no pcall or xpcall handler swallows it), and the pattern guard.
# Before, each of these hung the session for ever (timeout: the proof).
cat >"$tmp/loop.nms" <<'EOF'
n = 0
while true do n = n + 1 end
print("after the loop", n > 0)
ok = pcall(function() while true do end end) print("pcall returned", ok)
ok = xpcall(error, function() while true do end end) print("xpcall returned", ok)
("a"):rep(3000):find(".-.-.-.-b")
print("the session goes on")
n = 0 for i = 1, 100000 do n = n + i end print(n)
EOF
limited "$tmp/loop.txt" --max-instructions 100000 --keep-going --script "$tmp/loop.nms"
holds "a script's endless loop stops at the instruction budget; the next entry runs" \
    "$tmp/loop.txt" 1 "loop.nms:2: instruction budget of 100000 exceeded" "after the loop	true"
holds "a script's pcall or xpcall handler cannot swallow the budget" "$tmp/loop.txt" 1 \
    "loop.nms:4: instruction budget of 100000 exceeded" \
    "loop.nms:5: instruction budget of 100000 exceeded" "!returned"
holds "a script's backtracking pattern is refused by the rules' guard" "$tmp/loop.txt" 1 \
    "loop.nms:6: stdin:1: pattern with 4 quantifiers is too costly" "the session goes on"
printf 'while true do end\nprint("not reached")\n' | limited "$tmp/piped.txt" --max-instructions 100000
holds "piped input: the budget stops a loop, and the input stops at its first error" \
    "$tmp/piped.txt" 1 "instruction budget of 100000 exceeded" "!not reached"
# An entry that evaluates in a loop (the engine's work, which the count
# hook cannot see) stops at its CPU-time limit: the clock is read after
# every nms.evaluate. (Read only every 16,000 of the entry's own
# instructions, ~4,000 evaluations, a 1 s limit stopped the default
# ruleset's loop after 17 s.)
printf 'while true do nms.evaluate() end\nprint("the session goes on")\n' >"$tmp/evalloop.nms"
limited "$tmp/evalloop.txt" --max-cpu-ms 300 --keep-going --script "$tmp/evalloop.nms"
holds "a script's loop of nms.evaluate stops at the CPU-time limit" "$tmp/evalloop.txt" 1 \
    "evalloop.nms:1: CPU time limit of 300 ms exceeded" "the session goes on"
# The budget is per entry; the user's own Lua (--full-lua, a terminal) has
# none, as it has no memory cap: the ~400,000 instructions of loop.nms's
# last entry pass there.
status=1   # loop.nms's run, above
holds "a script's long loop stops at --max-instructions" "$tmp/loop.txt" 1 \
    "loop.nms:8: instruction budget of 100000 exceeded"
printf 'n = 0 for i = 1, 100000 do n = n + i end print(n)\n' >"$tmp/sum.nms"
$wrapper "$bin" repl --rules "$src/$tri" --max-instructions 100000 --full-lua --script "$tmp/sum.nms" >"$tmp/sum.txt" 2>&1
status=$?
if [ "$status" -eq 0 ] && [ "$(cat "$tmp/sum.txt")" = 5000050000 ]; then
    ok "--full-lua: no instruction budget"
else
    not_ok "--full-lua: a long loop failed (status $status)" "$(cat "$tmp/sum.txt")"
fi
$wrapper "$bin" repl --rules "$src/$tri" --full-lua --script "$tmp/escape.nms" >"$tmp/escape.txt" 2>&1
status=$?
if [ "$status" -eq 0 ] && [ -e "$tmp/pwned" ]; then
    ok "--full-lua gives a script os.execute"
else
    not_ok "--full-lua: no os.execute (status $status)" "$(cat "$tmp/escape.txt")"
fi

# --- standard input, statuses, help ----------------------------------------
printf '.set history.catatonia true\n.set history.agitation true\ncase.history.catatonia\n' |
    $wrapper "$bin" repl --rules "$src/$tri" >"$tmp/stdin.txt" 2>&1
status=$?
if [ "$status" -eq 0 ] && [ "$(cat "$tmp/stdin.txt")" = "$(printf 'NMS criteria met: none; indeterminate: four 40; not met: none\ndifferentials met: none (.eval for the report)\nfour 40 \xe2\x86\x92 70 (met)\ntrue')" ]; then
    ok "commands from a pipe: no prompts, exit 0"
else
    not_ok "commands from a pipe (status $status)" "$(cat "$tmp/stdin.txt")"
fi
$wrapper "$bin" repl --rules "$src/$tri" --script /nonexistent.nms >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ]; then ok "a missing script is a usage error"; else not_ok "missing script: status $status"; fi
contains "the missing script is named" "$tmp/err" "cannot open '/nonexistent.nms'"
$wrapper "$bin" repl --rules "$src/tests/data/rules/syntax" --script /dev/null >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 3 ]; then ok "a broken ruleset gives status 3"; else not_ok "broken ruleset: status $status"; fi
contains "the broken rule file is named" "$tmp/err" "broken.lua:"
$wrapper "$bin" repl --help >"$tmp/help" 2>&1
contains "repl --help describes --script" "$tmp/help" "--script FILE"
$wrapper "$bin" help repl >"$tmp/help" 2>&1
contains "help repl works" "$tmp/help" "usage: nmsrules repl"
$wrapper "$bin" repl --rules "$src/$tri" a.json b.json >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ]; then ok "two case files are a usage error"; else not_ok "two case files: status $status"; fi
(cd "$src" && printf 'case.id\n' | $wrapper "$bin" repl --rules "$tri" examples/cases/03-metoclopramide.json) >"$tmp/out" 2>&1
contains "a CASE operand is loaded" "$tmp/out" "03-metoclopramide"

# A misspelt drug gets one note, the default ruleset's (which says how it
# read the name), not the session's guess beside it; IM is read as im.
printf '.give halopridol 5 mg IM at 0h\n.json\n' |
    (cd "$src" && $wrapper "$bin" repl --script -) >"$tmp/out" 2>&1
if [ "$(grep -c "^note: .*halopridol" "$tmp/out")" = 1 ] &&
    grep -q "read as haloperidol" "$tmp/out" && grep -q '"route":.*"im"' "$tmp/out"; then
    ok "a misspelt drug gets the ruleset's one note; IM is im"
else
    not_ok "a misspelt drug's notes, or the route IM" "$(cat "$tmp/out")"
fi

# --- scenario files: .say, .pause, .expect, the first error stops them ----
transcript scenario-pass.txt "$src/tests/repl/expected/scenario-pass.txt" 0 \
    repl --rules "$tri" --echo --script tests/repl/scenario-pass.nms
transcript scenario-fail.txt "$src/tests/repl/expected/scenario-fail.txt" 1 \
    repl --rules "$tri" --echo --script tests/repl/scenario-fail.nms
contains "a failed .expect names both values" "$tmp/scenario-fail.txt" \
    "expected four to be met, but it is indeterminate"
if grep -q "after the failed expectation" "$tmp/scenario-fail.txt"; then
    not_ok "a script goes on after its first error"
else
    ok "a script stops at its first error"
fi
(cd "$src" && $wrapper "$bin" repl --rules "$tri" --keep-going \
    --script tests/repl/scenario-fail.nms) >"$tmp/out" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -q "after the failed expectation" "$tmp/out"; then
    ok "--keep-going runs past the error and still exits 1"
else
    not_ok "--keep-going (status $status)" "$(cat "$tmp/out")"
fi
printf '.say never\n' >"$tmp/say.nms"
$wrapper "$bin" repl --rules "$src/$tri" "$tmp/missing.json" --script "$tmp/say.nms" >"$tmp/out" 2>&1
status=$?
if [ "$status" -eq 2 ] && ! grep -q never "$tmp/out" && grep -q "cannot open" "$tmp/out"; then
    ok "a missing CASE file fails at once (status 2, no command run)"
else
    not_ok "missing CASE file (status $status)" "$(cat "$tmp/out")"
fi

# --- teaching scenarios (default ruleset; regenerate after rule changes) ---
for f in "$src"/examples/scenarios/*.nms; do
    name=$(basename "$f" .nms)
    transcript "scenario-$name.txt" "$src/examples/expected/scenario-$name.txt" 0 \
        repl --echo --script "examples/scenarios/$name.nms"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
