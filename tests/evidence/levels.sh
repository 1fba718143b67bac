#!/usr/bin/env bash
# Evidence levels (--evidence all|decisive|none) change the prose only:
# over a generated cohort, every field of the full record but the evidence
# is the same at every level, and each evidence text written at a lower
# level is the one `all` writes; CSV is the same whatever the level; the
# compact record's decided items carry the evidence `all` gives them.
#
#   bash tests/evidence/levels.sh BUILD/nmsrules SOURCE_DIR [COUNT]
set -u
bin=$1
src=$2
count=${3:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
b() { "$bin" batch --rules "$src/rules" "$@" <"$tmp/cohort.jsonl" 2>/dev/null; }

"$bin" gen --count "$count" --seed 7 >"$tmp/cohort.jsonl"
b >"$tmp/default.jsonl"
b --evidence all >"$tmp/all.jsonl"
if cmp -s "$tmp/default.jsonl" "$tmp/all.jsonl"; then
    ok "JSON Lines: --evidence all is the default, byte for byte"
else not_ok "JSON Lines: --evidence all differs from the default"; fi
for level in none decisive; do
    b --evidence "$level" >"$tmp/$level.jsonl"
    if python3 "$src/tests/evidence/same_but_evidence.py" "$tmp/all.jsonl" \
        "$tmp/$level.jsonl" >/dev/null; then
        ok "--evidence $level: every field but the evidence as with all ($count cases)"
    else not_ok "--evidence $level changes more than the evidence"; fi
done
if [ "$(grep -c '"evidence":"[^"]' "$tmp/none.jsonl")" -eq 0 ]; then
    ok "--evidence none: no item has evidence"
else not_ok "--evidence none: some item still has evidence"; fi
b --format csv >"$tmp/none.csv"
b --format csv --evidence all >"$tmp/all.csv"
if cmp -s "$tmp/none.csv" "$tmp/all.csv"; then
    ok "CSV: the same at every evidence level"
else not_ok "CSV differs between evidence levels"; fi
b --record compact >"$tmp/compact.jsonl"
b --record compact --evidence all >"$tmp/compact-all.jsonl"
"$bin" doc --rules "$src/rules" >"$tmp/reference.md"
if python3 "$src/tests/evidence/compact_check.py" "$tmp/all.jsonl" \
    "$tmp/compact.jsonl" 8192 "$tmp/reference.md" && cmp -s "$tmp/compact.jsonl" "$tmp/compact-all.jsonl"; then
    ok "--record compact: verdicts, values and decided evidence as in the full record, under 8 kB a case"
else not_ok "--record compact disagrees with the full record"; fi
"$bin" batch --evidence some </dev/null >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "unknown evidence level 'some'" "$tmp/err"; then
    ok "--evidence with another level: usage error"
else not_ok "--evidence some: not a usage error"; fi
echo "# $passed passed, $failed failed"
[ "$failed" -eq 0 ]
