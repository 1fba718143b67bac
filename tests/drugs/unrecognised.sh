#!/usr/bin/env bash
# tests/drugs/unrecognised.sh - which names of a list the ruleset's drug list
# (rules/drugs/*.lua) does not know. Each name becomes a one-drug case run
# through `nmsrules batch`; a name whose record warns unrecognised_drug is
# printed "unknown" (class questions stay open for it), one read as the
# known drug a letter away "spelling" (check the reading); a known name
# prints nothing. For extending the drug tables: run it over a list of the
# drugs a chart carries (default tests/drugs/common-drugs.txt, which CTest
# checks as drug_names_common so that none of them falls back to unknown).
#
# usage: tests/drugs/unrecognised.sh NMSRULES RULES [LIST]
#   LIST: one name a line; blank lines and lines starting with '#' skipped.
# Exit status: 0 every name known, 1 some name unknown, 2 usage error.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NMSRULES RULES [LIST]" >&2; exit 2; }
bin=$1 rules=$2 list=${3:-$(dirname "$0")/common-drugs.txt}
[ -r "$list" ] || { echo "$0: cannot read $list" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    name = line.strip()
    if name and not name.startswith("#"):
        print(json.dumps({"id": name, "assessed_at": 100, "medications": [{"drug": name, "start": 90}]}))
' "$list" | "$bin" batch --rules "$rules" --compact - | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    kinds = [w.get("kind") for w in r.get("warnings", [])]
    if "unrecognised_drug" in kinds: print("unknown\t" + r["id"])
    elif "drug_spelling" in kinds: print("spelling\t" + r["id"])
' > "$out"
cat "$out"
if grep -q '^unknown' "$out"; then exit 1; fi
