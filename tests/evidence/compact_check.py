#!/usr/bin/env python3
"""Checks compact records (batch --record compact) against the full
records of the same cases (--evidence all): the same verdicts, scores,
levels, tiers and item values; each decided item's text is the full
record's evidence (or, unknown, its missing); and each compact record is at
most MAX_BYTES long on average.

    compact_check.py FULL.jsonl COMPACT.jsonl MAX_BYTES
"""
import json
import sys

VERDICT_KEYS = ("result", "score", "possible", "threshold", "level", "tier",
                "count", "overlap")


def sets_of(record):
    for section in ("criteria", "differential"):
        for set_id, s in record.get(section, {}).items():
            yield set_id, s
    for section in ("severity", "risk_factors"):
        if section in record:
            yield section, record[section]


def check(full, compact):
    if compact.get("record") != "compact":
        return "no \"record\": \"compact\""
    if full.get("concordance") != compact.get("concordance"):
        return "concordance differs"
    if full.get("warnings") != compact.get("warnings"):
        return "warnings differ"
    csets = dict(sets_of(compact))
    for set_id, f in sets_of(full):
        c = csets.get(set_id)
        if c is None:
            return f"{set_id} missing"
        for k in VERDICT_KEYS:
            if f.get(k) != c.get(k):
                return f"{set_id}.{k} differs"
        if f.get("could_be", []) != c.get("could_be", []):
            return f"{set_id}.could_be differs"
        items = {i["id"]: i for i in f["items"]}
        present = [i for i, it in items.items() if it["value"] is True]
        unknown = [i for i, it in items.items() if it["value"] is None]
        if present != c.get("present", []) or unknown != c.get("unknown", []):
            return f"{set_id}: item values differ"
        want = {True: "met", False: "not_met", None: "indeterminate"}
        for item_id, text in c.get("decided", {}).items():
            it = items[item_id]
            if want[it["value"]] != f["result"]:
                return f"{set_id}.{item_id}: decided but its value is not the verdict's"
            expect = it["evidence"] if it["value"] is not None else None
            missing = [m for m in f["missing"]]
            if it["value"] is None:
                if text not in missing:
                    return f"{set_id}.{item_id}: not its missing text"
            elif text != expect:
                return f"{set_id}.{item_id}: not its evidence"
    return None


def main():
    full_path, compact_path, max_bytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    n = size = 0
    with open(full_path, encoding="utf-8") as fa, open(compact_path, "rb") as fb:
        for n, (lf, lc) in enumerate(zip(fa, fb), 1):
            size += len(lc)
            why = check(json.loads(lf), json.loads(lc))
            if why:
                print(f"record {n}: {why}", file=sys.stderr)
                return 1
    if n == 0 or size / n > max_bytes:
        print(f"{n} records, {size / max(n, 1):.0f} bytes each on average "
              f"(at most {max_bytes})", file=sys.stderr)
        return 1
    print(f"{n} compact records agree, {size / n:.0f} bytes each on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
