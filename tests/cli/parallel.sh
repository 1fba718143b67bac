#!/usr/bin/env bash
# End-to-end tests of `nmsrules batch -j N` (issue 11): the output is
# byte-identical for every N and to -j 1 (the one-engine run) on the
# examples, the hostile inputs and a generated cohort; exit statuses, error
# records, -o atomicity, SIGINT/SIGTERM and write errors behave as with one
# engine; the progress line never reaches the output; and GNU parallel
# --pipe over chunks gives the single run's records (when `parallel` is
# installed: .ci/run installs it).
#
#   bash tests/cli/parallel.sh BUILD/nmsrules SOURCE_DIR
#
# NMS_WRAPPER runs the program under a tool (valgrind in .ci/run);
# NMS_PAR_COHORT sets the size of the generated cohort (default 300);
# NMS_PAR_QUICK=1 (for valgrind, where every run of the default ruleset
# takes about a minute) keeps the checks of what only the threads do (one
# N per input, the -j 1 reference run without the wrapper, a JSON array,
# rule errors, the hostile inputs, a cohort as JSON Lines and as CSV with
# its label columns, a write error, SIGPIPE, SIGTERM, a case stopped
# part-way, the options) and leaves out the rest.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
wrapper=${NMS_WRAPPER:-}
cohort_size=${NMS_PAR_COHORT:-150}
quick=${NMS_PAR_QUICK:-}
thorough() { [ -z "$quick" ]; }

run() { $wrapper "$bin" "$@"; }
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '  %s\n' "${@:2}"; }

# same NAME JOBS... -- ARGS...: batch ARGS with -j 1 and with each of JOBS
# (run inside $src, as the golden tests are): the same stdout, byte for
# byte, and the same exit status.
same() {
    local name=$1 j want status
    shift
    local jobs=()
    while [ "$1" != -- ]; do jobs+=("$1"); shift; done
    shift
    local reference=run
    if [ -n "$quick" ]; then jobs=("${jobs[-1]}"); reference="$bin"; fi
    (cd "$src" && $reference batch -j 1 "$@") >"$tmp/one" 2>"$tmp/one.err"
    want=$?
    for j in "${jobs[@]}"; do
        (cd "$src" && run batch -j "$j" "$@") >"$tmp/many" 2>"$tmp/many.err"
        status=$?
        if [ "$status" -ne "$want" ]; then
            not_ok "$name -j $j: exit status $status, -j 1 gave $want" "$(head -5 "$tmp/many.err")"
            return
        fi
        if ! cmp -s "$tmp/one" "$tmp/many"; then
            not_ok "$name -j $j: output differs from -j 1" "$(diff "$tmp/one" "$tmp/many" | head -5)"
            return
        fi
    done
    ok "$name: -j ${jobs[*]} give -j 1's output and exit status $want"
}

# --- the same output for every N ---------------------------------------------
# (globs expanded inside $src, where the runs are)
mapfile -t examples < <(cd "$src" && ls examples/cases.jsonl examples/cases/*.json)
if thorough; then
    for format in jsonl json csv items-csv; do
        same "examples, --format $format" 2 4 -- --format "$format" "${examples[@]}"
    done
    same "examples, --compact" 3 -- --compact examples/cases.jsonl
    same "a malformed case among good ones (exit 1)" 2 3 -- examples/cases/01-haloperidol-classic.json \
        examples/malformed/08-malformed.json examples/cases.jsonl
    same "a ruleset that fails to load (exit 3)" 2 -- --rules tests/data/rules/syntax examples/cases.jsonl
    same "a missing input among others (exit 2)" 2 -- examples/cases.jsonl no/such/file.jsonl examples/cases.jsonl
    same "--as-of" 2 -- --as-of 1970-01-01T00:00Z examples/cases.jsonl
    # a relative --as-of finds each case's anchor by evaluating: one engine
    same "--as-of +24h (with one engine whatever -j says)" 2 -- --as-of +24h examples/cases.jsonl
else   # the JSON array: a separator the writer puts between records
    same "examples, --format json" 3 -- --format json examples/cases.jsonl
fi
same "rule errors become error records" 2 -- --rules tests/data/rules/hostile examples/cases.jsonl
# Loops that each worker's own watchdog stops (core/lua/watchdog.c), among
# honest cases: the counted runs' budget errors, in input order.
printf '{"id": "%s"}\n' loop ok slow_honest upper_loop ok pcall_loop ok >"$tmp/loops.jsonl"
same "loops stopped by each worker's watchdog" 2 -- --rules tests/data/rules/hostile \
    --max-instructions 5000000 "$tmp/loops.jsonl"

# The hostile inputs: all at once (records from many files, in order),
# then each one that has options of its own with them.
hostile=$src/tests/hostile
(cd "$hostile/cases" && ls *.json *.jsonl) >"$tmp/hostile.list"
mapfile -t inputs <"$tmp/hostile.list"
same "the hostile cases, all in one run" 2 3 -- --rules tests/data/rules/tri \
    $(printf 'tests/hostile/cases/%s ' "${inputs[@]}")
for input in "${inputs[@]}"; do
    thorough || break
    args=$hostile/cases/${input%.*}.args
    [ -f "$args" ] || continue
    # shellcheck disable=SC2046  # the .args line is options, split on purpose
    same "hostile ${input%.*}" 2 -- --rules tests/data/rules/tri $(cat "$args") "tests/hostile/cases/$input"
done
mapfile -t corpus < <(cd "$src" && ls tests/hostile/json/*)
same "the JSON parsing corpus, all in one run" 2 3 -- --rules tests/data/rules/tri "${corpus[@]}"

# A generated cohort, all the default ruleset's sets.
run gen --count "$cohort_size" --seed 3 >"$tmp/cohort.jsonl"
same "a generated cohort of $cohort_size cases" 2 3 -- "$tmp/cohort.jsonl"
# CSV label columns (by default every field of the cohort's labels): the
# workers parse each label while formatting, under the reader's lock.
same "the cohort as CSV with its label columns" 2 -- --format csv "$tmp/cohort.jsonl"
thorough && same "the cohort as CSV with LF line ends, raw" 2 -- --format csv --csv-eol lf --csv-raw "$tmp/cohort.jsonl"
thorough && same "the cohort as items-csv with label columns" 3 -- --format items-csv --label-columns label.nms "$tmp/cohort.jsonl"
# every worker's engine gets the run's evidence level
same "the cohort, --record compact (decisive evidence)" 2 -- --record compact "$tmp/cohort.jsonl"
thorough && same "the cohort, --evidence none" 3 -- --evidence none "$tmp/cohort.jsonl"
# Records over 1 MiB (a case's label is echoed whole) among ordinary ones:
# a slot gives such a record's buffer back once it is written and makes a
# new one for its next record (parallel.c, NMS_PARALLEL_KEEP_BYTES).
line=$(printf 'y%.0s' $(seq 1000))
notes=$(printf '"%s",' $(for _ in $(seq 1100); do echo "$line"; done))
big='{"id": "big", "label": {"notes": ['"${notes%,}"']}}'
{ head -3 "$tmp/cohort.jsonl"; echo "$big"; head -40 "$tmp/cohort.jsonl" | tail -37; echo "$big"; echo "$big"
  head -3 "$tmp/cohort.jsonl"; } >"$tmp/big.jsonl"
same "records over 1 MiB among ordinary ones" 2 -- --rules tests/data/rules/tiny "$tmp/big.jsonl"

# --- options -----------------------------------------------------------------
for bad in 0 -1 x 2x 257; do
    run batch -j "$bad" "$src/examples/cases.jsonl" >/dev/null 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 2 ] && grep -q -- "-j wants a number of workers" "$tmp/err"; then ok "-j $bad is a usage error"; else
        not_ok "-j $bad: exit $status" "$(cat "$tmp/err")"; fi
done
run batch --help | grep -q -- "--jobs N" && ok "batch --help lists -j" || not_ok "batch --help does not list -j"
NMSRULES_JOBS=0 run batch "$src/examples/cases.jsonl" >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q -- "NMSRULES_JOBS wants a number of workers" "$tmp/err"; then
    ok "NMSRULES_JOBS=0 is a usage error"; else not_ok "NMSRULES_JOBS=0: exit $status" "$(cat "$tmp/err")"; fi

# --- progress, -o -------------------------------------------------------------
all=$(wc -l <"$src/examples/cases.jsonl")
"$bin" batch -j 1 "$src/examples/cases.jsonl" >"$tmp/plain" 2>/dev/null
errs=$(grep -c '"error":{' "$tmp/plain")
"$bin" batch -j 1 <"$src/examples/cases.jsonl" >"$tmp/plain.stdin" 2>/dev/null
if thorough; then
    run batch -j 2 <"$src/examples/cases.jsonl" >"$tmp/out" 2>/dev/null
    cmp -s "$tmp/plain.stdin" "$tmp/out" && ok "-j 2 from standard input gives -j 1's output" ||
        not_ok "-j 2 from standard input differs from -j 1"
    # --progress into a file: the log form's closing count, of the records
    # written and the error records among them (the writer's counts under
    # -j); the output unchanged.
    for j in 1 2; do
        run batch -j $j --progress "$src/examples/cases.jsonl" >"$tmp/out" 2>"$tmp/err"
        if cmp -s "$tmp/plain" "$tmp/out" && grep -q "^nmsrules: $all cases, $errs errors\? in [0-9.]* s, [0-9]* a second$" "$tmp/err"; then
            ok "-j $j --progress: the closing count on stderr, the output unchanged"; else
            not_ok "-j $j --progress" "$(cat "$tmp/err")"; fi
    done
    # with an error record among them: counted as a case and as an error
    for j in 1 2; do
        run batch -j $j --progress "$src/examples/cases.jsonl" "$src/examples/malformed/08-malformed.json" \
            >/dev/null 2>"$tmp/err"
        grep -q "^nmsrules: $((all + 1)) cases, $((errs + 1)) errors\? in [0-9.]* s, [0-9]* a second$" "$tmp/err" &&
            ok "-j $j --progress: error records counted" || not_ok "-j $j --progress: error count" "$(cat "$tmp/err")"
    done
    run batch -j 2 "$src/examples/cases.jsonl" >/dev/null 2>"$tmp/err"
    grep -q "a second" "$tmp/err" && not_ok "progress shown on a stderr that is not a terminal" ||
        ok "no progress line when stderr is not a terminal"
    NMSRULES_PROGRESS=1 run batch -j 2 --no-progress "$src/examples/cases.jsonl" >/dev/null 2>"$tmp/err"
    grep -q "a second" "$tmp/err" && not_ok "--no-progress still shows it" || ok "--no-progress over NMSRULES_PROGRESS=1"

    run batch -j 3 -o "$tmp/result.jsonl" "$src/examples/cases.jsonl" 2>/dev/null
    if cmp -s "$tmp/plain" "$tmp/result.jsonl" && ! ls "$tmp" | grep -q 'tmp-'; then
        ok "-j 3 -o writes what stdout would, no temporary file left"; else
        not_ok "-j 3 -o"; fi
    echo previous >"$tmp/keep.jsonl"
    run batch -j 2 --rules "$src/tests/data/rules/syntax" -o "$tmp/keep.jsonl" "$src/examples/cases.jsonl" 2>/dev/null
    [ "$(cat "$tmp/keep.jsonl")" = previous ] && ok "-j 2: a failed run keeps the previous -o file" ||
        not_ok "-j 2: a failed run replaced the -o file"

fi

# --- write errors, pipes -------------------------------------------------------
run batch -j 2 "$src/examples/cases.jsonl" >/dev/full 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "No space left on device" "$tmp/err"; then ok "-j 2: a full disk is an error, exit 2"; else
    not_ok "-j 2 writing to /dev/full: exit $status" "$(cat "$tmp/err")"; fi

copies=40
[ -n "$quick" ] && copies=8
for i in $(seq 1 $copies); do cat "$src/examples/cases.jsonl"; done >"$tmp/many.jsonl"
run batch -j 2 "$tmp/many.jsonl" 2>"$tmp/err" | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
grep -v '^==[0-9]*==' "$tmp/err" >"$tmp/err.own"
if [ "$status" -eq 141 ] && [ ! -s "$tmp/err.own" ]; then ok "-j 2: a closed pipe ends the run quietly (SIGPIPE)"; else
    not_ok "-j 2 closed pipe: exit $status" "$(head -5 "$tmp/err")"; fi

# --- signals (as in run.sh: a FIFO held open keeps the program mid-run) -------
settle=${NMS_SIGNAL_SETTLE:-2}
# (under valgrind each of the 3 workers loads the ruleset slowly, one at a time)
[ -n "$quick" ] && settle=$((settle * 3))
feed() {
    rm -f "$tmp/fifo" && mkfifo "$tmp/fifo"
    { cat "$1"; exec sleep 60; } >"$tmp/fifo" 2>/dev/null </dev/null &
    feeder=$!
}
stop_feed() { pkill -P $feeder 2>/dev/null; kill $feeder 2>/dev/null; wait $feeder 2>/dev/null; }

sigs="TERM INT"
[ -n "$quick" ] && sigs=TERM
for sig in $sigs; do
    feed "$src/examples/cases.jsonl"
    $wrapper "$bin" batch -j 3 <"$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    sleep "$settle"
    kill -$sig $pid
    wait $pid
    status=$?
    stop_feed
    # The records written are a prefix of the input: all of it when the
    # workers were done before the signal (a slow valgrind run may not
    # be), as many records as the message says.
    n=$(sed -n "s/.*interrupted by SIG$sig: stopped after \([0-9]*\) cases, all written.*/\1/p" "$tmp/err")
    if [ "$status" -eq 4 ] && [ -n "$n" ] && [ "$n" -ge 1 ] && [ "$(wc -l <"$tmp/out")" -eq "$n" ] &&
       head -n "$n" "$tmp/plain.stdin" | cmp -s - "$tmp/out"; then
        ok "-j 3, SIG$sig while waiting for input: the first $n records written, exit 4"; else
        not_ok "-j 3, SIG$sig: exit $status, $(wc -l <"$tmp/out") records" "$(cat "$tmp/err")"; fi
done

# A case the signal stops part-way (a rule stuck in a loop, after a good
# case and before others the other workers finish) is no record, and the
# output ends before it: a prefix of the input, as with one engine.
printf '{"id":"first"}\n{"id":"pcall_forever"}\n{"id":"third"}\n{"id":"fourth"}\n' >"$tmp/stuck.jsonl"
"$bin" batch -j 1 --rules "$src/tests/data/rules/hostile" "$tmp/stuck.jsonl" 2>/dev/null | head -n 1 >"$tmp/first.jsonl"
feed "$tmp/stuck.jsonl"
$wrapper "$bin" batch -j 3 --rules "$src/tests/data/rules/hostile" --max-instructions 100000000000000 \
    --max-cpu-ms 3600000 <"$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep "$settle"
kill -TERM $pid
{ sleep $((settle + 10)); kill -KILL $pid 2>/dev/null; } >/dev/null 2>&1 </dev/null &
killer=$!
wait $pid
status=$?
pkill -P $killer 2>/dev/null; kill $killer 2>/dev/null; wait $killer 2>/dev/null
stop_feed
if [ "$status" -eq 4 ] && cmp -s "$tmp/first.jsonl" "$tmp/out" && grep -q "stopped after 1 cases, all written" "$tmp/err"; then
    ok "-j 3, SIGTERM during a stuck case: the records before it only, exit 4"; else
    not_ok "-j 3, SIGTERM during a stuck case: exit $status, $(wc -l <"$tmp/out") records" "$(cat "$tmp/err")"; fi

if thorough; then
    # SIGINT with -o (the input held open: the run cannot end first):
    # FILE.partial holds a prefix of the complete output, whole records
    # only, as many as the message says.
    echo previous >"$tmp/int.jsonl"
    run batch -j 1 <"$tmp/many.jsonl" >"$tmp/many.out" 2>/dev/null
    feed "$tmp/many.jsonl"
    $wrapper "$bin" batch -j 2 -o "$tmp/int.jsonl" <"$tmp/fifo" 2>"$tmp/err" &
    pid=$!
    sleep "$settle"
    kill -INT $pid
    wait $pid
    status=$?
    stop_feed
    n=$(sed -n 's/.*stopped after \([0-9]*\) cases, all written.*/\1/p' "$tmp/err")
    if [ "$status" -eq 4 ] && [ "$(cat "$tmp/int.jsonl")" = previous ] && [ -n "$n" ] &&
       [ "$(wc -l <"$tmp/int.jsonl.partial")" -eq "$n" ] &&
       head -n "$n" "$tmp/many.out" | cmp -s - "$tmp/int.jsonl.partial"; then
        ok "-j 2, SIGINT with -o: FILE.partial is the first $n records"; else
        not_ok "-j 2, SIGINT mid-run: exit $status, n=$n" "$(cat "$tmp/err")"; fi
fi

# --- a ruleset edited during the run does not mix into it ------------------
# Worker 2 of -j 2 loads its engine only once 8 records wait, long after
# the first engine loaded. The ruleset is a draft, so the first load says
# so on stderr: then the test edits the ruleset and sends the records, the
# first a case that keeps the first engine busy until its instruction
# budget runs out, so that the others wait and the second worker loads.
# It must see the edit and sit the run out; every record comes from the
# ruleset the run began with.
# draft_run NAME: batch -j 2 on a draft copy of the slow ruleset in
# $tmp/NAME (output NAME.out, NAME.err) reading the FIFO $tmp/feed, held
# open as descriptor 7; returns once the first engine has loaded (the
# draft warning), with the run's process in $pid.
draft_run() {
    cp -r "$src/tests/data/rules/slow" "$tmp/$1"
    sed -i 's/version = "1.0",/version = "1.0", status = "draft",/' "$tmp/$1/ruleset.lua"
    rm -f "$tmp/feed" && mkfifo "$tmp/feed"
    $wrapper "$bin" batch -j 2 --rules "$tmp/$1" --max-instructions 30000000 <"$tmp/feed" \
        >"$tmp/$1.out" 2>"$tmp/$1.err" &
    pid=$!
    exec 7>"$tmp/feed"
    for _ in $(seq 600); do
        grep -q "draft version" "$tmp/$1.err" && break
        sleep 0.1
    done
}
if command -v mkfifo >/dev/null 2>&1; then
    { echo '{"id": "busy", "history": {"exertion": true}}'
      for i in $(seq 20); do echo '{"id": "c'"$i"'", "history": {"dehydration": true}}'; done
    } >"$tmp/sent.jsonl"
    draft_run changing
    echo "-- edited while the run was going" >>"$tmp/changing/slow.lua"
    cat "$tmp/sent.jsonl" >&7
    exec 7>&-
    wait $pid
    status=$?
    digests=$(grep -o '"digest":"sha256:[0-9a-f]*"' "$tmp/changing.out" | sort -u | wc -l)
    if [ "$status" -eq 1 ] && [ "$(wc -l <"$tmp/changing.out")" -eq 21 ] && [ "$digests" -eq 1 ] &&
       grep -q "worker 2 of 2 does not run: the ruleset on disk is no longer the one this run began with" "$tmp/changing.err"; then
        ok "a ruleset edited mid-run: the late worker sits out, every record from the first ruleset"; else
        not_ok "ruleset edited mid-run: exit $status, $(wc -l <"$tmp/changing.out") records, $digests digests" "$(cat "$tmp/changing.err")"; fi
fi

# --- a signal while a late worker loads its engine -----------------------------
# The same, but the edit makes the ruleset's load take ~10 s of CPU (each
# load() compiles 300 kB, which the instruction budget does not charge,
# until the CPU limit of the load): SIGTERM while worker 2 loads it must
# stop that load too, not wait for it. The first engine has written every
# record by then, so the run ends with them all and exit 4, without a
# word about the worker. (Not under valgrind: there the first engine is
# still busy.)
if thorough && command -v mkfifo >/dev/null 2>&1; then
    draft_run loading
    { echo 'local s = string.rep("f{}", 100000)'
      echo 'for _ = 1, 1000000 do load(s) end'
      cat "$src/tests/data/rules/slow/ruleset.lua"
    } >"$tmp/loading/ruleset.lua"
    cat "$tmp/sent.jsonl" >&7
    for _ in $(seq 100); do   # the first engine's records (busy: an error)
        [ -s "$tmp/loading.out" ] && break
        sleep 0.1
    done
    sleep 1                   # worker 2 is in its load by now
    started=$SECONDS
    kill -TERM $pid
    { sleep 30; kill -KILL $pid 2>/dev/null; } >/dev/null 2>&1 </dev/null &
    killer=$!
    wait $pid
    status=$?
    took=$((SECONDS - started))
    pkill -P $killer 2>/dev/null; kill $killer 2>/dev/null; wait $killer 2>/dev/null
    exec 7>&-
    if [ "$status" -eq 4 ] && [ "$took" -le 3 ] && [ "$(wc -l <"$tmp/loading.out")" -eq 21 ] &&
       ! grep -q "worker" "$tmp/loading.err"; then
        ok "SIGTERM while a late worker loads: its load stops too (${took} s), exit 4"; else
        not_ok "SIGTERM while a late worker loads: exit $status after ${took} s, $(wc -l <"$tmp/loading.out") records" "$(cat "$tmp/loading.err")"; fi
fi

# --- GNU parallel --pipe: chunks through separate runs, merged in order ------
if command -v parallel >/dev/null 2>&1; then
    # --pipe cuts standard input at line ends into blocks; -k keeps their
    # order; every chunk is a JSON Lines input of its own. The cohort's
    # records carry ids, so a record does not depend on its line number.
    parallel --will-cite --pipe -k -j 2 -N 37 "$bin" batch -j 1 <"$tmp/cohort.jsonl" >"$tmp/gnu.jsonl" 2>"$tmp/err"
    status=$?
    run batch -j 1 "$tmp/cohort.jsonl" >"$tmp/single.jsonl" 2>/dev/null
    if [ "$status" -eq 0 ] && cmp -s "$tmp/single.jsonl" "$tmp/gnu.jsonl"; then
        ok "GNU parallel --pipe -k: merged output equals a single run's, record for record"; else
        not_ok "GNU parallel --pipe: exit $status" "$(diff "$tmp/single.jsonl" "$tmp/gnu.jsonl" | head -3)" "$(head -3 "$tmp/err")"; fi
else
    echo "skip - GNU parallel is not installed (apt-get install parallel)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
