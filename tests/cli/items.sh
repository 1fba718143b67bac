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

acc() { "$bin" accuracy --rules "$rules" --label label.nms "$@" "$tmp/cohort.jsonl" 2>/dev/null; }
for fmt in text json csv; do
    acc --format "$fmt" >"$tmp/acc-needed.$fmt"
    acc --format "$fmt" --items all >"$tmp/acc-all.$fmt"
    check "accuracy --format $fmt: the same with --items all" \
        'cmp "$tmp/acc-needed.$fmt" "$tmp/acc-all.$fmt"'
done

# timeline evaluates every time of a case: the first 20 cases keep it short
head -n 20 "$tmp/cohort.jsonl" >"$tmp/tl.jsonl"
cat "$src/examples/cases.jsonl" >>"$tmp/tl.jsonl"
tl() { "$bin" timeline --rules "$rules" "$@" "$tmp/tl.jsonl" 2>/dev/null; }
for fmt in text json csv; do
    tl --format "$fmt" >"$tmp/tl-needed.$fmt"
    tl --format "$fmt" --items all >"$tmp/tl-all.$fmt"
    check "timeline --format $fmt: the same with --items all" \
        'cmp "$tmp/tl-needed.$fmt" "$tmp/tl-all.$fmt"'
done
tl --format json --as-of +24h >"$tmp/tl-rel-needed.json"
tl --format json --as-of +24h --items all >"$tmp/tl-rel-all.json"
check "timeline --as-of +24h (anchored on an item's value): the same with --items all" \
    'cmp "$tmp/tl-rel-needed.json" "$tmp/tl-rel-all.json"'
b -j 1 --as-of +24h --label-columns none >"$tmp/rel-needed.csv"
b -j 1 --as-of +24h --label-columns none --items all >"$tmp/rel-all.csv"
check "CSV --as-of +24h: the same with --items all" \
    'cmp "$tmp/rel-needed.csv" "$tmp/rel-all.csv"'

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

# gate (tests/data/rules/skip): met when prior_nms and a broken check are
# both true, so with prior_nms false the broken check cannot matter.
skip=$src/tests/data/rules/skip
printf '%s\n' '{"id": "fixed", "history": {"prior_nms": false}}' >"$tmp/fixed.jsonl"
printf '%s\n' '{"id": "open", "history": {"prior_nms": true}}' >"$tmp/open.jsonl"
sb() { "$bin" batch --rules "$skip" --format csv --label-columns none "$@" 2>/dev/null; }
sb "$tmp/fixed.jsonl" >"$tmp/out"
status=$?
check "a broken check the verdict does not need: not asked, the case is not_met (exit 0)" \
    '[ "$status" -eq 0 ] && grep -q "^fixed,,not_met,,not_met,,0,0,," "$tmp/out"'
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
# late: its exposure item is skipped once prior_nms is false; the anchor
# timeline counts from is still found (every item asked to find it).
cat >"$tmp/anchor.jsonl" <<'CASE'
{"id": "anchor", "assessed_at": "2026-03-03T12:00Z", "history": {"prior_nms": false, "dehydration": true}, "medications": [{"drug": "haloperidol", "start": "2026-03-01T20:00Z", "doses": [{"t": "2026-03-02T08:00Z", "mg": 5}]}]}
CASE
"$bin" timeline --rules "$skip" --format json "$tmp/anchor.jsonl" >"$tmp/tl.json" 2>/dev/null
check "timeline: exposure found by an item the verdicts do not need" \
    'grep -q "\"anchor\":{\"kind\":\"exposure\",\"t\":\"2026-03-01T20:00Z\"}" "$tmp/tl.json"'
finish
