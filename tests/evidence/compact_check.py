#!/usr/bin/env python3
"""Checks compact records (batch --record compact) against the full
records of the same cases (--evidence all): the same verdicts, scores,
levels, tiers and item values, and the same disagreeing features; each
decided item's text is the full record's evidence (or, unknown, its
missing), a null one the item's needs as REFERENCE.md (`nmsrules doc` of
the same ruleset) gives it and the full record lists as missing; and each
compact record is at most MAX_BYTES long on average.

    compact_check.py FULL.jsonl COMPACT.jsonl MAX_BYTES REFERENCE.md
"""
import json
import re
import sys

NEEDS_COLUMN = 5    # | item | points/group | title | definition | data it needs |


def needs_of(reference):
    """{(set id, item id): needs} from the item tables of `nmsrules doc`."""
    needs = {}
    set_id = None
    with open(reference, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                m = re.match(r"### .*\(`([a-z0-9_]+)`\)\s*$", line)
                set_id = m.group(1) if m else None
                continue
            m = re.match(r"\| `([a-z0-9_]+)` \|", line)
            if set_id and m:
                cells = [c.strip() for c in line.rstrip("\n").split(" | ")]
                needs[(set_id, m.group(1))] = cells[NEEDS_COLUMN - 1]
    return needs

VERDICT_KEYS = ("result", "score", "possible", "threshold", "level", "tier",
                "count", "overlap")


def sets_of(record):
    for section in ("criteria", "differential"):
        for set_id, s in record.get(section, {}).items():
            yield set_id, s
    for section in ("severity", "risk_factors"):
        if section in record:
            yield section, record[section]


def check(full, compact, needs, seen):
    """Why `compact` disagrees with `full`, or None; counts its nulls in
    seen["nulls"]."""
    if compact.get("record") != "compact":
        return "no \"record\": \"compact\""
    features = [d["feature"] for d in full["concordance"]["disagreements"]]
    if compact.get("concordance") != {"disagreements": features}:
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
            if it["value"] is None and text is None:
                seen["nulls"] += 1
                if needs.get((set_id, item_id)) not in missing:
                    return f"{set_id}.{item_id}: null, but its needs is not its missing text"
            elif it["value"] is None:
                if text not in missing:
                    return f"{set_id}.{item_id}: not its missing text"
            elif text != expect:
                return f"{set_id}.{item_id}: not its evidence"
    return None


def main():
    full_path, compact_path, max_bytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    needs = needs_of(sys.argv[4])
    n = size = 0
    seen = {"nulls": 0}
    with open(full_path, encoding="utf-8") as fa, open(compact_path, "rb") as fb:
        for n, (lf, lc) in enumerate(zip(fa, fb), 1):
            size += len(lc)
            why = check(json.loads(lf), json.loads(lc), needs, seen)
            if why:
                print(f"record {n}: {why}", file=sys.stderr)
                return 1
    if n == 0 or size / n > max_bytes:
        print(f"{n} records, {size / max(n, 1):.0f} bytes each on average "
              f"(at most {max_bytes})", file=sys.stderr)
        return 1
    if seen["nulls"] == 0:
        print("no decided item named its needs (null): the check of it never ran",
              file=sys.stderr)
        return 1
    print(f"{n} compact records agree, {size / n:.0f} bytes each on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
