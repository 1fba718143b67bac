#!/usr/bin/env bash
# Batch throughput: evaluates N generated cases (the bundled examples
# repeated with fresh ids) with the default ruleset and prints cases per
# second. A benchmark, not a test: it prints figures and never fails on
# speed.
#
#   bash tests/bench/throughput.sh BUILD/nmsrules [N]
set -eu
bin=$1
n=${2:-100000}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The valid example cases, one per line, repeated until there are n lines.
grep -v '"id": *"08' "$src/examples/cases.jsonl" >"$tmp/seed.jsonl"
seeds=$(wc -l <"$tmp/seed.jsonl")
awk -v n="$n" -v seeds="$seeds" '
    { line[NR] = $0 }
    END { for (i = 0; i < n; i++) {
            s = line[i % seeds + 1]
            sub(/"id": *"[^"]*"/, "\"id\":\"bench-" i "\"", s)
            print s } }' "$tmp/seed.jsonl" >"$tmp/cases.jsonl"
bytes=$(wc -c <"$tmp/cases.jsonl")

for format in jsonl jsonl-compact csv; do
    opts=(--format "${format%-compact}")
    [ "$format" = jsonl-compact ] && opts+=(--compact)
    start=$(date +%s.%N)
    "$bin" batch "${opts[@]}" -o "$tmp/out" "$tmp/cases.jsonl"
    end=$(date +%s.%N)
    out=$(wc -c <"$tmp/out")
    awk -v n="$n" -v s="$start" -v e="$end" -v b="$bytes" -v o="$out" -v f="$format" 'BEGIN {
        t = e - s
        printf "%-13s %d cases in %.2f s: %.0f cases/s, %.1f MB/s of input, %.1f kB out per case\n",
               f, n, t, n / t, b / t / 1e6, o / n / 1e3 }'
done
