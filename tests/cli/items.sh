#!/usr/bin/env bash
# --items needed|all (nms_engine_set_items): the verdicts-only mode that
# CSV, accuracy and timeline use by default gives the same bytes as asking
# every item, over the examples and a generated cohort, with one worker and
# with two; JSON and the items CSV never use it; a broken check that the
# mode does not ask fails its case only with --items all.
#
#   bash tests/cli/items.sh BUILD/nmsrules SOURCE_DIR [COUNT]
set -u
bin=$1
src=$2
count=${3:-200}
rules=$src/rules
. "$(dirname "$0")/lib.sh"

"$bin" gen --count "$count" --seed 11 >"$tmp/cohort.jsonl"
cat "$src/examples/cases.jsonl" "$tmp/cohort.jsonl" >"$tmp/all.jsonl"
b() { "$bin" batch --rules "$rules" --format csv "$@" "$tmp/all.jsonl" 2>/dev/null; }

b -j 1 >"$tmp/default.csv"
b -j 1 --items all >"$tmp/all.csv"
b -j 2 --items needed >"$tmp/needed2.csv"
b -j 2 --items all --label-columns none >"$tmp/all2.csv"
b -j 1 --label-columns none >"$tmp/default-nolabels.csv"
check "CSV: the same bytes with --items all as by default ($count generated cases and the examples)" \
    'cmp "$tmp/default.csv" "$tmp/all.csv"'
check "CSV: --items needed is the default, and -j 2 writes the same" \
    'cmp "$tmp/default.csv" "$tmp/needed2.csv"'
check "CSV without label columns: the same bytes either way" \
    'cmp "$tmp/default-nolabels.csv" "$tmp/all2.csv"'
check "CSV: one row per case" \
    '[ "$(wc -l <"$tmp/default.csv")" -eq $(( $(wc -l <"$tmp/all.jsonl") + 1 )) ]'

# both NAME COMMAND...: COMMAND writes the same with --items all
both() {
    local name=$1
    shift
    "$@" >"$tmp/needed.out" 2>/dev/null
    "$@" --items all >"$tmp/all.out" 2>/dev/null
    check "$name: the same with --items all" 'cmp "$tmp/needed.out" "$tmp/all.out"'
}
for fmt in text json csv; do
    both "accuracy --format $fmt" "$bin" accuracy --rules "$rules" \
        --label label.nms --format "$fmt" "$tmp/cohort.jsonl"
done
# timeline evaluates every time of a case: the first 20 cases keep it short
head -n 20 "$tmp/cohort.jsonl" >"$tmp/tl.jsonl"
cat "$src/examples/cases.jsonl" >>"$tmp/tl.jsonl"
for fmt in text json csv; do
    both "timeline --format $fmt" "$bin" timeline --rules "$rules" \
        --format "$fmt" "$tmp/tl.jsonl"
done
both "timeline --as-of +24h (anchored on an item's value)" "$bin" timeline \
    --rules "$rules" --format json --as-of +24h "$tmp/tl.jsonl"
both "CSV --as-of +24h" "$bin" batch --rules "$rules" -j 1 --format csv \
    --label-columns none --as-of +24h "$tmp/all.jsonl"

"$bin" summary --rules "$rules" "$tmp/cohort.jsonl" >"$tmp/summary.txt" 2>/dev/null
check "summary asks every item: its missing data and disagreements are there" \
    'grep -q "disagree" "$tmp/summary.txt"'

# JSON and the items CSV print items: they ask every one, always.
"$bin" batch --rules "$rules" -j 1 "$tmp/cohort.jsonl" >"$tmp/default.jsonl" 2>/dev/null
"$bin" batch --rules "$rules" -j 1 --items all "$tmp/cohort.jsonl" >"$tmp/all.jsonl" 2>/dev/null
check "JSON Lines: the default asks every item (the same as --items all)" \
    'cmp "$tmp/default.jsonl" "$tmp/all.jsonl"'
check "JSON Lines: no item marked skipped, disagreements present" \
    '! grep -q skipped "$tmp/default.jsonl" && grep -q "\"disagreements\":\[{" "$tmp/default.jsonl"'
for fmt in jsonl json items-csv; do
    "$bin" batch --rules "$rules" --format "$fmt" --items needed "$tmp/cohort.jsonl" \
        >"$tmp/out" 2>"$tmp/err"
    status=$?
    check "--format $fmt --items needed: a usage error, nothing written" \
        '[ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "items needed is for --format csv" "$tmp/err"'
done
"$bin" batch --rules "$rules" --format csv --items some </dev/null >/dev/null 2>"$tmp/err"
check "--items with another value: a usage error" \
    '[ $? -eq 2 ] && grep -q "unknown --items .some." "$tmp/err"'

# gate (tests/data/rules/skip): met when prior_nms and one of a broken check
# and an exposure item are true, so with prior_nms false neither can matter.
skip=$src/tests/data/rules/skip
printf '%s\n' '{"id": "fixed", "history": {"prior_nms": false}}' >"$tmp/fixed.jsonl"
printf '%s\n' '{"id": "open", "history": {"prior_nms": true}}' >"$tmp/open.jsonl"
sb() { "$bin" batch --rules "$skip" --format csv --label-columns none "$@" 2>/dev/null; }
sb "$tmp/fixed.jsonl" >"$tmp/out"
status=$?
check "a broken check the verdict does not need: not asked, the case is not_met (exit 0)" \
    '[ "$status" -eq 0 ] && grep -q "^fixed,,not_met,,0,0,," "$tmp/out"'
sb --items all "$tmp/fixed.jsonl" >"$tmp/out"
status=$?
check "--items all: the same broken check fails the case (exit 1)" \
    '[ "$status" -eq 1 ] && grep -q "this rule is broken" "$tmp/out"'
sb "$tmp/open.jsonl" >"$tmp/out"
status=$?
check "a broken check the verdict needs: asked, it fails the case by default too" \
    '[ "$status" -eq 1 ] && grep -q "this rule is broken" "$tmp/out"'
"$bin" batch --rules "$skip" "$tmp/fixed.jsonl" >"$tmp/out" 2>/dev/null
status=$?
check "JSON Lines: the broken check is asked and fails the case" \
    '[ "$status" -eq 1 ] && grep -q "this rule is broken" "$tmp/out"'
# gate.exposed is skipped once prior_nms is false; the anchor
# timeline counts from is still found (every item asked to find it).
cat >"$tmp/anchor.jsonl" <<'CASE'
{"id": "anchor", "assessed_at": "2026-03-03T12:00Z", "history": {"prior_nms": false, "dehydration": true}, "medications": [{"drug": "haloperidol", "start": "2026-03-01T20:00Z", "doses": [{"t": "2026-03-02T08:00Z", "mg": 5}]}]}
CASE
"$bin" timeline --rules "$skip" --format json "$tmp/anchor.jsonl" >"$tmp/tl.json" 2>/dev/null
check "timeline: exposure found by an item the verdicts do not need" \
    'grep -q "\"anchor\":{\"kind\":\"exposure\",\"t\":\"2026-03-01T20:00Z\"}" "$tmp/tl.json"'
finish
