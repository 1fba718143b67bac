#!/usr/bin/env bash
# Output files and signals while reading (issue 15, items 8 and 9): what
# `batch -o FILE` does with closed standard descriptors, an existing file's
# mode, a symlink, SIGKILL, FILE also an input, an unreadable input; and
# SIGTERM/SIGINT while one endless record is being read.
#
#   bash tests/cli/files.sh BUILD/nmsrules SOURCE_DIR
#
# NMS_WRAPPER runs the program under a tool (valgrind, as in run.sh).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
wrapper=${NMS_WRAPPER:-}
run() { $wrapper "$bin" "$@"; }
cases=$src/examples/cases.jsonl
run batch "$cases" >"$tmp/want.jsonl" 2>/dev/null
run batch <"$cases" >"$tmp/want-stdin.jsonl" 2>/dev/null

# --- closed standard descriptors -------------------------------------------
# With stderr closed the temporary file must not become descriptor 2: the
# warning about the empty input would be written into FILE.
: >"$tmp/empty.jsonl"
(run batch -o "$tmp/closed.jsonl" "$cases" "$tmp/empty.jsonl" 2>&-)
check "stderr closed: -o FILE holds the records and no message" \
    'cmp -s "$tmp/want.jsonl" "$tmp/closed.jsonl" || { head -2 "$tmp/closed.jsonl" >"$tmp/err"; false; }'
(run batch -o "$tmp/closed0.jsonl" "$cases" <&- 2>&-)
check "stdin and stderr closed: -o FILE holds the records" \
    'cmp -s "$tmp/want.jsonl" "$tmp/closed0.jsonl"'

# --- the destination's mode and symlinks -------------------------------------
echo previous >"$tmp/secret.jsonl"
chmod 600 "$tmp/secret.jsonl"
run batch -o "$tmp/secret.jsonl" "$cases" 2>/dev/null
check "-o keeps the mode of an existing file (0600 stays 0600)" \
    '[ "$(stat -c %a "$tmp/secret.jsonl")" = 600 ] || { stat -c %a "$tmp/secret.jsonl" >"$tmp/err"; false; }'
check "... and replaces its content" 'cmp -s "$tmp/want.jsonl" "$tmp/secret.jsonl"'
(umask 077; run batch -o "$tmp/new.jsonl" "$cases" 2>/dev/null)
check "a new -o file gets 0666 less the umask" '[ "$(stat -c %a "$tmp/new.jsonl")" = 600 ]'

mkdir "$tmp/real"
echo previous >"$tmp/real/target.jsonl"
chmod 640 "$tmp/real/target.jsonl"
ln -s real/target.jsonl "$tmp/link.jsonl"
run batch -o "$tmp/link.jsonl" "$cases" 2>"$tmp/msg"
check "-o through a symlink keeps the link" '[ -L "$tmp/link.jsonl" ]'
check "... and writes the link's target (mode kept)" \
    'cmp -s "$tmp/want.jsonl" "$tmp/real/target.jsonl" && [ "$(stat -c %a "$tmp/real/target.jsonl")" = 640 ]'
ln -s real/missing.jsonl "$tmp/dangling.jsonl"
run batch -o "$tmp/dangling.jsonl" "$cases" 2>"$tmp/msg"
check "-o through a dangling symlink creates the target" \
    '[ -L "$tmp/dangling.jsonl" ] && cmp -s "$tmp/want.jsonl" "$tmp/real/missing.jsonl"'
: >"$tmp/err"

# --- SIGKILL leaves no temporary file ------------------------------------------
mkfifo "$tmp/fifo"
{ cat "$cases"; exec sleep 60; } >"$tmp/fifo" 2>/dev/null </dev/null &
feeder=$!
$wrapper "$bin" batch -o "$tmp/killed.jsonl" <"$tmp/fifo" 2>/dev/null &
pid=$!
sleep "${NMS_SIGNAL_SETTLE:-2}"
kill -KILL $pid; wait $pid 2>/dev/null
pkill -P $feeder 2>/dev/null; kill $feeder 2>/dev/null; wait $feeder 2>/dev/null
check "SIGKILL during -o leaves no FILE.tmp-* behind" \
    '! ls "$tmp" | grep -q "killed.jsonl.tmp" || { ls "$tmp" >"$tmp/err"; false; }'
check "... and no FILE" '[ ! -e "$tmp/killed.jsonl" ]'

# --- FILE is also an input -------------------------------------------------------
cp "$cases" "$tmp/in.jsonl"
run batch -o "$tmp/in.jsonl" "$tmp/in.jsonl" 2>"$tmp/msg"
st=$?
check "-o FILE with FILE also an input: exit 2" '[ "$st" = 2 ]'
check "... with a message saying so" 'grep -q "is also an input" "$tmp/msg"'
check "... and the input left as it was" 'cmp -s "$cases" "$tmp/in.jsonl"'
ln -s in.jsonl "$tmp/in-link.jsonl"
run batch -o "$tmp/in-link.jsonl" "$tmp/in.jsonl" 2>"$tmp/msg"
st=$?
check "... also when named through a symlink" '[ "$st" = 2 ] && cmp -s "$cases" "$tmp/in.jsonl"'
run batch -o "$tmp/in.jsonl" <"$tmp/in.jsonl" 2>"$tmp/msg"
st=$?
check "... also when it is standard input" '[ "$st" = 2 ] && cmp -s "$cases" "$tmp/in.jsonl"'

# --- an unreadable input ------------------------------------------------------------
echo previous >"$tmp/keep.jsonl"
run batch -o "$tmp/keep.jsonl" "$cases" "$tmp/no-such-file.jsonl" 2>"$tmp/msg"
st=$?
check "an unreadable input: exit 2" '[ "$st" = 2 ]'
check "... FILE keeps its previous content" '[ "$(cat "$tmp/keep.jsonl")" = previous ]'
check "... the records of the readable inputs are in FILE.partial" \
    'cmp -s "$tmp/want.jsonl" "$tmp/keep.jsonl.partial"'
check "... and the message names the input and FILE" \
    'grep -q "no-such-file.jsonl" "$tmp/msg" && grep -q "keep.jsonl. is unchanged" "$tmp/msg"'

# --- signals while one record is being read ---------------------------------------
# stopped SIGNAL NAME INPUT ARGS...: the program, run with ARGS and its
# standard input from INPUT, gets SIGNAL after a while and must exit 4
# promptly; its output is in $tmp/out.
stopped() {
    local sig=$1 name=$2 input=$3 i
    shift 3
    $wrapper "$bin" "$@" <"$input" >"$tmp/out" 2>"$tmp/msg" &
    pid=$!
    sleep "${NMS_SIGNAL_SETTLE:-2}"
    kill "-$sig" $pid 2>/dev/null
    for i in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
    if kill -0 $pid 2>/dev/null; then
        kill -KILL $pid; wait $pid 2>/dev/null
        not_ok "$name: still running 5 s after SIG$sig"
        return
    fi
    wait $pid
    st=$?
    if [ "$st" = 4 ]; then ok "$name"; else not_ok "$name: exit $st, expected 4" "$(cat "$tmp/msg")"; fi
}
stopped TERM "SIGTERM during batch /dev/zero: exit 4" /dev/null batch /dev/zero
stopped INT "SIGINT during batch /dev/zero: exit 4" /dev/null batch /dev/zero
# A producer that sent complete cases, then one that never ends.
rm -f "$tmp/fifo"; mkfifo "$tmp/fifo"
{ cat "$cases"; printf '{"id":"endless'; exec sleep 60; } >"$tmp/fifo" 2>/dev/null </dev/null &
feeder=$!
stopped TERM "SIGTERM during a record that never ends: exit 4" "$tmp/fifo" batch
pkill -P $feeder 2>/dev/null; kill $feeder 2>/dev/null; wait $feeder 2>/dev/null
check "... every complete case written" 'cmp -s "$tmp/want-stdin.jsonl" "$tmp/out"'
rm -f "$tmp/fifo"; mkfifo "$tmp/fifo"
{ cat "$cases"; yes x | tr -d '\n'; } >"$tmp/fifo" 2>/dev/null </dev/null &
feeder=$!
stopped TERM "SIGTERM while a producer streams one endless line: exit 4" "$tmp/fifo" batch
kill $feeder 2>/dev/null; wait $feeder 2>/dev/null
check "... every complete case written" 'cmp -s "$tmp/want-stdin.jsonl" "$tmp/out"'
# --- -o naming something that is not a regular file ----------------------------
# Renaming the finished file over FILE replaced a named pipe (its reader
# waited for ever) and, run as root, a device: `-o /dev/full` left a
# regular file of patient data where the device had been. A FIFO or a
# character device is written straight through, as `>` does; a directory
# is refused before anything is read.
rm -f "$tmp/fifo"; mkfifo "$tmp/fifo"
timeout 60 cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
run batch -o "$tmp/fifo" "$cases" 2>"$tmp/msg"
st=$?
wait $reader
check "-o a named pipe: exit 1 (one case of the file fails), the pipe stays a pipe" \
    '[ "$st" = 1 ] && [ -p "$tmp/fifo" ]' "exit $st: $(cat "$tmp/msg")"
check "... and its reader gets every record" 'cmp -s "$tmp/want.jsonl" "$tmp/from-fifo"'
run batch -o /dev/stdout "$cases" 2>"$tmp/msg" | cat >"$tmp/via-stdout"
check "-o /dev/stdout writes standard output (a pipe)" \
    'cmp -s "$tmp/want.jsonl" "$tmp/via-stdout"' "$(cat "$tmp/msg")"
# Devices of our own where a regression may replace them: as root, mknod
# (a regression would otherwise replace /dev/null itself); else links to
# the system's, which a user cannot replace.
if [ "$(id -u)" = 0 ]; then
    mknod "$tmp/dev-null" c 1 3 && mknod "$tmp/dev-full" c 1 7
else
    ln -s /dev/null "$tmp/dev-null" && ln -s /dev/full "$tmp/dev-full"
fi
run batch -o "$tmp/dev-null" "$cases" 2>"$tmp/msg"
st=$?
check "-o a null device: exit 1 (as with a file), the device stays a device" \
    '[ "$st" = 1 ] && [ -c "$tmp/dev-null" ]' "exit $st: $(cat "$tmp/msg")"
run batch -o "$tmp/dev-full" "$cases" 2>"$tmp/msg"
st=$?
check "-o a full device: a write error (exit 2), the device stays a device" \
    '[ "$st" = 2 ] && [ -c "$tmp/dev-full" ]' "exit $st: $(cat "$tmp/msg")"
mkdir "$tmp/outdir"
timeout 60 $wrapper "$bin" batch -o "$tmp/outdir" /dev/zero 2>"$tmp/msg"
st=$?
check "-o a directory: refused at once (exit 2), before reading anything" \
    '[ "$st" = 2 ] && grep -q "Is a directory" "$tmp/msg" && [ -z "$(ls "$tmp/outdir")" ]' \
    "exit $st: $(cat "$tmp/msg")"
finish
