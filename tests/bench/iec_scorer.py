#!/usr/bin/env python3
"""iec_scorer.py - IEC 2011 criteria for NMS (Gurrera et al. 2011) over JSON
Lines case records, in plain Python: the peer an analyst would write, kept
as variant "python" of the benchmark (tests/bench/run).

    python3 iec_scorer.py [FILE]      # FILE of JSON Lines, or stdin

Writes one JSON line per case: {"id", "result", "score", "possible"}, result
"met", "not_met", "indeterminate" or "error". No evidence text.

It implements the items, points and parameters of rules/criteria/iec2011.lua
and the helpers it uses (rules/lib/*.lua, default parameters in
rules/params/core.lua) with the same three-valued logic: an item is true,
false or None (unknown); met when the points of true items reach the
threshold, not met when even the unknown items could not reach it. Input is
read as docs/case-format.md says (canonical units, plausible ranges, times
in hours), but only as far as IEC needs: the few malformed records it does
not notice, nmsrules turns into error records. The drug table is a copy of
the rows of rules/drugs/*.lua, reduced to what IEC asks (dopamine
antagonist, dopaminergic, or another known drug); the benchmark prints how
often this scorer agrees with nmsrules, which is how a drift shows.
"""
import json
import re
import sys
from datetime import date

# Parameters (rules/params/core.lua) and published values (iec2011.lua).
THRESHOLD = 74
EXPOSURE_H = 72
BP_WINDOW_H = 24
REDUCED = {"confused", "delirium", "stupor", "coma"}
RIGID = {"mild", "moderate", "severe"}
CK_ULN_DEFAULT = 308
CAUSES = ("infection", "toxic", "metabolic", "neurologic")

# generic | ATC codes | kind: D dopamine antagonist, W dopaminergic (its
# withdrawal counts), - another drug the ruleset knows | other names
DRUG_ROWS = """
haloperidol|N05AD01|D|Haldol
fluphenazine|N05AB02|D|
droperidol|N05AD08 N01AX01|D|Inapsine
chlorpromazine|N05AA01|D|Thorazine
thioridazine|N05AC02|D|
perphenazine|N05AB03|D|
prochlorperazine|N05AB04|D|Compazine
trifluoperazine|N05AB06|D|
flupentixol|N05AF01|D|
zuclopenthixol|N05AF05|D|
pimozide|N05AG02|D|
loxapine|N05AH01|D|
clozapine|N05AH02|D|
olanzapine|N05AH03|D|Zyprexa
quetiapine|N05AH04|D|Seroquel
asenapine|N05AH05|D|
sulpiride|N05AL01|D|
amisulpride|N05AL05|D|
levosulpiride|N05AL07|D|
ziprasidone|N05AE04|D|
lurasidone|N05AE05|D|
risperidone|N05AX08|D|Risperdal
aripiprazole|N05AX12|D|
paliperidone|N05AX13|D|
iloperidone|N05AX14|D|
cariprazine|N05AX15|D|
brexpiprazole|N05AX16|D|
pimavanserin|N05AX17|D|
lumateperone|N05AD10|D|
lithium|N05AN01|-|
metoclopramide|A03FA01|D|Reglan
promethazine|R06AD02|D|Phenergan
domperidone|A03FA03|D|
tetrabenazine|N07XX06|D|
amoxapine|N06AA17|D|
levodopa|N04BA01|W|
levodopa/carbidopa|N04BA02|W|carbidopa/levodopa,Sinemet
amantadine|N04BB01|W|Symmetrel,Gocovri
bromocriptine|N04BC01|W|
pergolide|N04BC02|W|
ropinirole|N04BC04|W|
pramipexole|N04BC05|W|
cabergoline|N04BC06|W|
apomorphine|N04BC07|W|
rotigotine|N04BC09|W|
selegiline|N04BD01|W|
rasagiline|N04BD02|W|
safinamide|N04BD03|W|
tolcapone|N04BX01|W|
entacapone|N04BX02|W|
opicapone|N04BX04|W|
fluoxetine|N06AB03|-|Prozac
citalopram|N06AB04|-|
paroxetine|N06AB05|-|
sertraline|N06AB06|-|Zoloft
fluvoxamine|N06AB08|-|
escitalopram|N06AB10|-|
isocarboxazid|N06AF01|-|
phenelzine|N06AF03|-|
tranylcypromine|N06AF04|-|
moclobemide|N06AG02|-|
venlafaxine|N06AX16|-|
duloxetine|N06AX21|-|
desvenlafaxine|N06AX23|-|
trazodone|N06AX05|-|
mirtazapine|N06AX11|-|
vilazodone|N06AX24|-|
vortioxetine|N06AX26|-|
tryptophan|N06AX02|-|
St John's wort|N06AX25|-|
tramadol||-|
linezolid||-|
benztropine|N04AC01|-|Cogentin
trihexyphenidyl|N04AA01|-|Artane
atropine|A03BA01|-|
diphenhydramine||-|
halothane|N01AB01|-|
enflurane|N01AB04|-|
isoflurane|N01AB06|-|
desflurane|N01AB07|-|
sevoflurane|N01AB08|-|
succinylcholine|M03AB01|-|suxamethonium,Anectine,Quelicin
propofol|N01AX10|-|
nitrous oxide|N01AX13|-|
rocuronium|M03AC09|-|
dantrolene|M03CA01|-|Dantrium,Revonto,Ryanodex
cocaine||-|
amphetamine||-|amphetamines
methamphetamine||-|
cathinone||-|cathinones,synthetic cathinones
lorazepam||-|
"""
# ATC groups for unknown names with a code, longest prefix first.
ATC_GROUPS = [("N05AN", "-"), ("N06AB", "-"), ("N06AF", "-"), ("N06AA", "-"),
              ("N01AB", "-"), ("N05A", "D"), ("N04B", "W"), ("N04A", "-"),
              ("R06A", "-")]
# Salt, ester and form words dropped from the end of a name (drugs.lua).
QUALIFIERS = set("""decanoate enanthate palmitate pamoate lactate hydrochloride
    hcl hydrobromide fumarate maleate mesylate mesilate tartrate citrate sulfate
    sulphate succinate carbonate sodium xr er sr cr la odt depot tablet tablets
    injection solution oral mg mcg g ml""".split())

_LOWER = {c: c + 32 for c in range(65, 91)}    # Lua's lower() is ASCII only
_SPACE = "[ \t\n\v\f\r]"


def normalize(s):
    """lib/drugs.lua M.normalize: the lower-case key a name is matched by."""
    s = s.translate(_LOWER).replace("\u2019", "")
    s = re.sub(r"[.']", "", s)
    s = re.sub(_SPACE + r"*[/+]" + _SPACE + "*", "/", s)
    s = re.sub(r"([A-Za-z0-9])-([A-Za-z0-9])", r"\1/\2", s)
    return re.sub(_SPACE + "+", " ", s).strip(" \t\n\v\f\r")


BY_NAME, BY_ATC = {}, {}
for _row in DRUG_ROWS.strip().split("\n"):
    _generic, _codes, _kind, _names = _row.split("|")
    for _n in [_generic] + [n for n in _names.split(",") if n]:
        BY_NAME[normalize(_n)] = (_generic, _kind)
    for _c in _codes.split():
        BY_ATC[_c] = (_generic, _kind)


def drop_parens(key):
    """Lua's gsub("%s*%b()%s*", " "): every balanced (...) becomes a space."""
    out, i = [], 0
    while i < len(key):
        if key[i] == "(":
            depth, j = 0, i
            while j < len(key):
                depth += {"(": 1, ")": -1}.get(key[j], 0)
                if depth == 0:
                    break
                j += 1
            if j < len(key):
                while out and out[-1] in " \t\n\v\f\r":
                    out.pop()
                out.append(" ")
                i = j + 1
                while i < len(key) and key[i] in " \t\n\v\f\r":
                    i += 1
                continue
        out.append(key[i])
        i += 1
    return "".join(out).strip(" \t\n\v\f\r")


def lookup(key):
    if key in BY_NAME:
        return BY_NAME[key]
    bare = drop_parens(key)
    if bare != key and bare != "":
        return lookup(bare)
    m = re.match(r"^(.*?)" + _SPACE + r"+(\S+)$", key, re.S)
    if m and (m.group(2) in QUALIFIERS or m.group(2)[0].isdigit()):
        return lookup(m.group(1))
    return None


def classify(med):
    """(generic or None, kinds as a set of "D"/"W"/"-", recognised)."""
    written = med.get("drug")
    if isinstance(written, str):
        key = normalize(written)
        hit = lookup(key)
        if hit:
            return hit[0], {hit[1]}, True
        if "/" in key:
            parts = [lookup(p) for p in key.split("/") if p]
            if all(parts):
                return key, {p[1] for p in parts}, True
    atc = med.get("atc")
    if isinstance(atc, str):
        atc = re.sub(_SPACE, "", atc.upper())
        if atc in BY_ATC:
            return BY_ATC[atc][0], {BY_ATC[atc][1]}, True
        for prefix, kind in ATC_GROUPS:
            if atc.startswith(prefix):
                return written or "ATC " + atc, {kind}, True
    return None, set(), False


# ---- reading a case (docs/case-format.md) ----------------------------------

class CaseError(Exception):
    pass


ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?"
                 r"(?:([Zz])|([+-])(\d\d):?(\d\d)?)$")
EPOCH = date(1970, 1, 1).toordinal()
# field: (low, high, {unit: (factor, offset)}), canonical units accepted too
QUANTITIES = {
    "temp": (25, 45, {"Cel": (1, 0), "[degF]": (5.0 / 9.0, -160.0 / 9.0)}),
    "hr": (10, 300, {"/min": (1, 0)}), "rr": (2, 80, {"/min": (1, 0)}),
    "sbp": (40, 300, {"mm[Hg]": (1, 0)}), "dbp": (10, 200, {"mm[Hg]": (1, 0)}),
    "ck": (0, 2000000, {"U/L": (1, 0), "[IU]/L": (1, 0)}),
    "ck_uln": (1, 10000, {"U/L": (1, 0), "[IU]/L": (1, 0)}),
}


def hours(v, forms):
    """A time in hours (case_time.c's arithmetic), noting its form."""
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise CaseError("time")
    forms.add(isinstance(v, str))
    if len(forms) > 1:
        raise CaseError("times mix forms")
    if not isinstance(v, str):
        return float(v)
    m = ISO.match(v)
    if not m:
        raise CaseError("time")
    y, mo, d, h, mi = (int(m.group(i)) for i in range(1, 6))
    sec = int(m.group(6) or 0) + (float("0." + m.group(7)) if m.group(7) else 0.0)
    off = 0 if m.group(8) else (1 if m.group(9) == "+" else -1) * (
        int(m.group(10)) * 60 + int(m.group(11) or 0))
    try:
        days = date(y, mo, d).toordinal() - EPOCH
    except ValueError:
        raise CaseError("date") from None
    return days * 24.0 + h + (mi - off) / 60.0 + sec / 3600.0


def number(entry, field):
    """A numeric field in its canonical unit, None when absent or implausible."""
    v = entry.get(field)
    low, high, units = QUANTITIES[field]
    if isinstance(v, dict):
        if v.get("unit") not in units:
            raise CaseError("unit")
        factor, offset = units[v["unit"]]
        v = v.get("value")
        v = None if v is None else v * factor + offset
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise CaseError("type")
    return v if low <= v <= high else None


def entries(raw, key):
    """An array of objects, null entries as {}; None when not given."""
    v = raw.get(key)
    if v is None:
        return None
    if not isinstance(v, list):
        raise CaseError("array")
    return [e if isinstance(e, dict) else {} for e in v]


def read_case(raw):
    """The case as rules see it: times in hours, numbers canonical."""
    forms, times = set(), []

    def t(v):
        h = hours(v, forms)
        if h is not None:
            times.append(h)
        return h

    case = {"workup": raw.get("workup") or {}}
    meds = entries(raw, "medications")
    if meds is not None:
        for m in meds:
            m["start"], m["stop"] = t(m.get("start")), t(m.get("stop"))
            m["doses"] = [t(d.get("t")) for d in entries(m, "doses") or []]
    case["medications"] = meds
    for key, fields in (("vitals", ("temp", "hr", "sbp", "dbp", "rr")),
                        ("labs", ("ck", "ck_uln")), ("exam", ())):
        es = entries(raw, key)
        for e in es or []:
            e["t"] = t(e.get("t"))
            for f in fields:
                e[f] = number(e, f)
        case[key] = es
    base = raw.get("baseline") or {}
    case["baseline"] = {f: number(base, f) for f in ("hr", "sbp", "dbp", "rr")}
    t(raw.get("onset"))
    given = t(raw.get("assessed_at"))
    case["assessed_at"] = given if given is not None else max(times, default=None)
    return case


# ---- IEC 2011 items (three-valued: True, False, None) ----------------------

def at_least(k, yes, unknown):
    if yes >= k:
        return True
    if yes + unknown < k:
        return False
    return None


def combine(k, values):
    return at_least(k, sum(v is True for v in values), sum(v is None for v in values))


def upto(case, es):
    """Entries not after the assessment, in time order, undated last."""
    a = case["assessed_at"]
    if es is None:
        return None
    kept = [e for e in es if e["t"] is None or a is None or e["t"] <= a]
    return sorted(kept, key=lambda e: (e["t"] is None, e["t"] or 0.0))


def courses(case):
    """lib/meds.lua M.courses: each course's span, kind and continuation."""
    a = case["assessed_at"]
    if case["medications"] is None:
        return None
    out = []
    for m in case["medications"]:
        doses = [d for d in m["doses"] if d is not None]
        start = m["start"] if m["start"] is not None else min(doses, default=None)
        if start is not None and a is not None and start > a:
            continue
        stop = m["stop"]
        if stop is not None and a is not None and stop > a:
            stop = None
        generic, kinds, known = classify(m)
        out.append({"from": start, "stop": stop, "kinds": kinds, "known": known,
                    "key": normalize(generic or m.get("drug") or "")})
    for c in out:   # another course of the drug carries on from its stop
        c["continued"] = c["stop"] is not None and any(
            d["key"] == c["key"] and (d["from"] is None or d["from"] <= c["stop"])
            and (d["stop"] is None or d["stop"] > c["stop"]) for d in out)
    return out


def stopped_within(case, c, h):
    a = case["assessed_at"]
    if c["stop"] is None or a is None:
        return False
    return 0 <= a - c["stop"] <= h and not c["continued"]


def exposure(case):
    cs, a = courses(case), case["assessed_at"]
    if cs is None or a is None:
        return None
    if not cs:
        return False
    unknown = False
    for c in cs:
        within = c["stop"] is None or c["stop"] >= a - EXPOSURE_H
        if "D" in c["kinds"] and within:
            return True
        if "W" in c["kinds"] and stopped_within(case, c, EXPOSURE_H):
            return True
        unknown = unknown or (not c["known"] and within)
    return None if unknown else False


def hyperthermia(case):
    rs = [e for e in upto(case, case["vitals"]) or [] if e["temp"] is not None]
    if not rs:
        return None
    yes = no = unknown = 0
    for e in rs:
        site, hot = e.get("temp_site"), e["temp"] > 38.0
        if site is None or site == "oral":
            yes, no = yes + hot, no + (not hot)
        elif hot:
            unknown += 1
    if yes + no + unknown == 0:
        return None
    value = at_least(2, yes, unknown)
    if value is False and yes > 0 and len(rs) < 2:
        return None
    return value


def exam_sign(case, judge):
    """A sign over every exam: true if any shows it, false if some record it."""
    values = [judge(e) for e in upto(case, case["exam"]) or []]
    values = [v for v in values if v is not None]
    return None if not values else any(values)


def level(case, field, present):
    return exam_sign(case, lambda e: None if e.get(field) is None else e[field] in present)


def mental_status(case):
    reduced = level(case, "mental_status", REDUCED)
    if reduced:
        return True
    recorded = [e["mental_status"] for e in upto(case, case["exam"]) or []
                if e.get("mental_status") is not None]
    if len(recorded) >= 2 and len(set(recorded)) > 1:
        return True
    return reduced


def ck_elevation(case):
    values = []
    for e in upto(case, case["labs"]) or []:
        if e["ck"] is not None:
            uln = e["ck_uln"] if e["ck_uln"] is not None else CK_ULN_DEFAULT
            values.append(e["ck"] >= 4 * uln)
    return None if not values else any(values)


def first_exposure(case):
    """lib/meds.lua M.first_exposure, with withdrawal: a time or None."""
    best = None
    for c in courses(case) or []:
        if "D" in c["kinds"]:
            if c["from"] is None:
                return None
            best = c["from"] if best is None else min(best, c["from"])
        if "W" in c["kinds"] and stopped_within(case, c, float("inf")) and (
                best is None or c["stop"] < best):
            best = c["stop"]
    return best


def readings(case, field):
    return [e for e in upto(case, case["vitals"]) or [] if e[field] is not None]


def above_baseline(case, field, pct):
    rs, base, entry = readings(case, field), case["baseline"][field], None
    if base is None:
        t0 = first_exposure(case)
        if t0 is None:
            return None
        before = [e for e in rs if e["t"] is not None and e["t"] < t0]
        if not before:
            return None
        entry = min(before, key=lambda e: e["t"])
        base = entry[field]
    others = [e[field] for e in rs if e is not entry]
    if not others:
        return None
    return (max(others) - base) * 100 >= pct * base


def change_within(case, field, delta):
    rs = [e for e in readings(case, field) if e["t"] is not None]
    best = None
    for i, x in enumerate(rs):
        for y in rs[i + 1:]:
            if y["t"] - x["t"] <= BP_WINDOW_H:
                r = abs(x[field] - y[field])
                best = r if best is None else max(best, r)
    return None if best is None else best >= delta


def diaphoresis(e):
    if e.get("diaphoresis") is True or e.get("skin") == "diaphoretic":
        return True
    if e.get("diaphoresis") is False or e.get("skin") in ("normal", "dry"):
        return False
    return None


def lability(case):
    return combine(2, [
        combine(1, [above_baseline(case, "sbp", 25), above_baseline(case, "dbp", 25)]),
        combine(1, [change_within(case, "dbp", 20), change_within(case, "sbp", 25)]),
        exam_sign(case, diaphoresis),
        exam_sign(case, lambda e: e.get("incontinence")),
    ])


def negative_workup(case):
    w = case["workup"]
    return at_least(len(CAUSES), sum(w.get(f) == "negative" for f in CAUSES),
                    sum(w.get(f) not in ("negative", "positive") for f in CAUSES))


ITEMS = [
    (20, exposure), (18, hyperthermia),
    (17, lambda c: level(c, "rigidity", RIGID)), (13, mental_status),
    (10, ck_elevation), (10, lability),
    (5, lambda c: combine(2, [above_baseline(c, "hr", 25), above_baseline(c, "rr", 50)])),
    (7, negative_workup),
]


def score(raw):
    """(result, score, possible) of one raw case object."""
    case = read_case(raw)
    got = possible = 0
    for points, item in ITEMS:
        v = item(case)
        got += points if v is True else 0
        possible += points if v is not False else 0
    result = "met" if got >= THRESHOLD else "not_met" if possible < THRESHOLD else "indeterminate"
    return result, got, possible


def main(argv):
    src = open(argv[1], encoding="utf-8") if len(argv) > 1 and argv[1] != "-" else sys.stdin
    out = sys.stdout
    for n, line in enumerate(src, 1):
        if not line.strip():
            continue
        rec = {"id": f"{argv[1] if len(argv) > 1 else '-'}:{n}"}
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise CaseError("not an object")
            rec["id"] = raw.get("id", rec["id"])
            rec["result"], rec["score"], rec["possible"] = score(raw)
        except (ValueError, CaseError, TypeError, AttributeError):
            rec["result"] = "error"
        out.write(json.dumps(rec, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
