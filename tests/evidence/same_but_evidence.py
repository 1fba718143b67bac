#!/usr/bin/env python3
"""Compares two JSON Lines files of full records, record by record: every
field must be equal except each item's `evidence` (and the severity
`reasons`, which are "title: evidence"). Used by tests/evidence/levels.sh
to show that --evidence none and decisive change the prose only.

    same_but_evidence.py A.jsonl B.jsonl

Each evidence text of B must be empty or A's own.
"""
import json
import sys


def strip(value):
    if isinstance(value, dict):
        return {k: (None if k == "reasons" else strip(v))
                for k, v in value.items() if k != "evidence"}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def evidence_subset(a, b):
    """Each evidence text of b is "" or the same text in a."""
    if isinstance(a, dict) and isinstance(b, dict):
        if "evidence" in b and b["evidence"] not in ("", a.get("evidence")):
            return False
        return all(evidence_subset(a.get(k), v) for k, v in b.items())
    if isinstance(a, list) and isinstance(b, list):
        return all(evidence_subset(x, y) for x, y in zip(a, b))
    return True


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    n = 0
    with open(a_path, encoding="utf-8") as a, open(b_path, encoding="utf-8") as b:
        for n, (la, lb) in enumerate(zip(a, b), 1):
            ja, jb = json.loads(la), json.loads(lb)
            if not evidence_subset(ja, jb):
                print(f"record {n}: an evidence text of {b_path} is neither "
                      f"empty nor that of {a_path}", file=sys.stderr)
                return 1
            ra, rb = strip(ja), strip(jb)
            if ra != rb:
                print(f"record {n} differs beyond its evidence", file=sys.stderr)
                for k in ra:
                    if ra.get(k) != rb.get(k):
                        print(f"  first differing key: {k}", file=sys.stderr)
                        break
                return 1
        if a.readline() or b.readline():
            print("the files hold different numbers of records", file=sys.stderr)
            return 1
    print(f"{n} records equal but for their evidence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
