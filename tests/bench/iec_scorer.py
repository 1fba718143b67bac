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
not notice, nmsrules turns into error records. The drug knowledge is the
ruleset's as its generated reference publishes it (docs/reference.md: drugs
by name with brands and other names, ATC groups, depot products; the depot
words of rules/drugs/depot.lua), matched the way lib/drugs.lua matches
("HALDOL 5 MG/ML INJ", "levodopa + carbidopa"); exposure is measured back
from the same anchor (onset, else the first fever or rigidity, else the
assessment) with depots acting for their products' durations. The benchmark
prints how often this scorer agrees with nmsrules, which is how a drift
shows: 100 % of verdicts, scores and possible scores on `nmsrules gen
--count 2000 --seed 7` and `--count 4000 --seed 1`.
"""
import json
import os
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

# The drug knowledge: the ruleset's own tables as its generated reference
# publishes them (docs/reference.md: drugs by name, ATC groups, depot
# products), and the depot words of rules/drugs/depot.lua, read at start so
# that this scorer asks about the same drugs as the ruleset it is compared
# with. The name matcher below is lib/drugs.lua's, in Python.
HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "docs", "reference.md")
DEPOT_LUA = os.path.join(HERE, "..", "..", "rules", "drugs", "depot.lua")
ANTAGONISTS = {"antipsychotic", "antiemetic_da", "da_antagonist", "da_depleter"}
WITHDRAWAL = {"dopaminergic"}          # exposure.withdrawal_classes
DEPOT_DEFAULT_H = 1344                 # depot.default_h
ONSET_FEVER_C = 38.0                   # onset.fever_c
ONSET_RIGID = {"mild", "moderate", "severe"}   # onset.rigidity
# Words of a name that are not the drug (rules/drugs.lua `qualifiers`).
QUALIFIERS = set("""acetate decanoate enanthate palmitate pamoate lauroxil lactate
    hydrochloride hcl hydrobromide hbr fumarate maleate mesylate mesilate tartrate
    bitartrate citrate sulfate sulphate succinate carbonate phosphate besylate besilate
    bromide chloride sodium potassium calcium monohydrate dihydrate trihydrate
    mg mcg µg ug g kg ml l iu unit units mmol meq h hr hrs daily bd bid tds tid qds qid
    od nocte prn stat once monthly weekly every per dose doses x tab tabs tablet
    tablets cap caps capsule capsules inj injection injectable solution soln sol susp
    suspension syrup elixir liquid drops oral po iv im sc sq subcut intramuscular
    intravenous patch transdermal odt orodispersible dispersible disintegrating
    chewable film er xr sr cr la xl ir dr ec mr pr extended release delayed
    controlled modified prolonged immediate sustained zydis velotab powder for
    reconstitution vial ampoule amp prefilled syringe pen infusion premix in with and
    of w sesame oil water diluent vehicle long acting consta maintena sustenna trinza
    relprevv microspheres depot lai generic brand""".split())
SEPARATORS = {"and", "with", "w"}

_LOWER = {c: c + 32 for c in range(65, 91)}    # Lua's lower() is ASCII only
_SPACE = "[ \t\n\v\f\r]"


def normalize(s):
    """lib/drugs.lua M.normalize: the lower-case key a name is matched by."""
    s = s.translate(_LOWER).replace("\u2019", "")
    s = re.sub(r"[.']", "", s)
    s = re.sub(_SPACE + r"*[/+]" + _SPACE + "*", "/", s)
    s = re.sub(r"([A-Za-z0-9])-([A-Za-z0-9])", r"\1/\2", s)
    return re.sub(_SPACE + "+", " ", s).strip(" \t\n\v\f\r")


def segments(written):
    """lib/drugs.lua M.segments: the words of a name, cut at separators."""
    s = written.translate(_LOWER).replace("\u00ae", " ").replace("\u2122", " ")
    s = s.replace("\u2019", "").replace("'", "")
    s = re.sub(r"[/+,;&]", " | ", s)
    s = re.sub(r"[-()\[\]{}:\"*#!?=]", " ", s)
    out, cur = [], []
    for w in re.findall(r"[^ \t\n\v\f\r]+", s):
        w = re.sub(r"\.+$", "", re.sub(r"^\.+", "", w))
        if w == "|" or w in SEPARATORS:
            if cur:
                out.append(cur)
            cur = []
        elif w:
            cur.append(w)
    if cur:
        out.append(cur)
    return out


def key_of(name):
    return " ".join(w for seg in segments(name) for w in seg)


def read_tables():
    """(by name key, by ATC code, ATC groups longest first, depot products
    by generic, depot marks) from docs/reference.md and drugs/depot.lua."""
    by_name, by_atc, groups, hours = {}, {}, [], {}
    section = None
    with open(REFERENCE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                section = line.strip("# \n")
                continue
            if not line.startswith("| ") or line.startswith("| ---"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            listed = lambda c: [x.strip() for x in c.split(",") if x.strip()]
            if section == "ATC groups" and cells[0] != "prefix":
                groups.append((cells[0].strip("`"), set(listed(cells[1]))))
            elif section == "Drugs by name" and cells[0] != "drug":
                row = (cells[0], set(listed(cells[2])))
                for n in [cells[0]] + listed(cells[3]) + listed(cells[4]):
                    by_name[key_of(n)] = row
                for code in listed(cells[1]):
                    by_atc[code] = row
            elif section == "Depot products" and cells[0] != "product":
                hours[cells[0].strip("`")] = (cells[2], float(cells[4]))
    with open(DEPOT_LUA, encoding="utf-8") as f:
        lua = f.read()
    marks = set(re.findall(r'"([^"]+)"', re.search(r"marks = \{(.*?)\}", lua, re.S).group(1)))
    products = {}
    for pid, words in re.findall(r'id = "(\w+)".*?words = \{([^}]*)\}', lua, re.S):
        generic, h = hours[pid]
        products.setdefault(generic, []).append((set(re.findall(r'"([^"]+)"', words)), h))
    groups.sort(key=lambda g: -len(g[0]))
    return by_name, by_atc, groups, products, marks


BY_NAME, BY_ATC, ATC_GROUPS, PRODUCTS, MARKS = read_tables()
LONGEST = max(len(k.split(" ")) for k in BY_NAME)


def noise(w):
    return w in QUALIFIERS or w in MARKS or re.match(r"[0-9.]", w) is not None


def by_words(written):
    """lib/drugs.lua by_words: (generic, classes) of a name, or None."""
    segs = segments(written)
    flat = [w for seg in segs for w in seg if not noise(w)]
    whole = BY_NAME.get(" ".join(flat))
    if whole:
        return whole
    found = []
    for seg in segs:
        i, hit_any, unknown = 0, False, False
        while i < len(seg):
            for n in range(min(LONGEST, len(seg) - i), 0, -1):
                row = BY_NAME.get(" ".join(seg[i:i + n]))
                if row:
                    break
            if row:
                hit_any = True
                if row not in found:
                    found.append(row)
                i += n
            else:
                unknown = unknown or not noise(seg[i])
                i += 1
        if not hit_any and unknown:
            return None
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return "/".join(r[0] for r in found), set().union(*(r[1] for r in found))


def classify(med):
    """(generic or None, classes, recognised, the name's words)."""
    written = med.get("drug")
    words = {w for seg in segments(written) for w in seg} if isinstance(written, str) else set()
    row = by_words(written) if isinstance(written, str) else None
    if row:
        return row[0], row[1], True, words
    atc = med.get("atc")
    if isinstance(atc, str):
        atc = re.sub(_SPACE, "", atc.upper())
        if atc in BY_ATC:
            return BY_ATC[atc][0], BY_ATC[atc][1], True, words
        for prefix, classes in ATC_GROUPS:
            if atc.startswith(prefix):
                return written or "ATC " + atc, classes, True, words
    return None, set(), False, words


def depot_hours(generic, words, route):
    """lib/drugs.lua M.depot: how long one injection acts, or None."""
    marked = bool(words & MARKS) or "depot" in words or "lai" in words or (
        "long" in words and "acting" in words)
    if not (marked or route == "depot"):
        return None
    best = named = None
    for pwords, h in PRODUCTS.get(generic, []):
        if pwords & words and (named is None or h > named):
            named = h
        if best is None or h > best:
            best = h
    p = named if named is not None else best
    return p if p is not None else DEPOT_DEFAULT_H


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
    case["onset"] = t(raw.get("onset"))
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


def not_after(case, t):
    a = case["assessed_at"]
    return t is None or a is None or t <= a


def earliest(es, keep):
    best = None
    for e in es or []:
        if e["t"] is not None and keep(e) and (best is None or e["t"] < best["t"]):
            best = e
    return best


def anchor(case):
    """lib/time.lua time.anchor: onset, else the first cardinal sign, else
    the assessment; None without an assessment time."""
    a = case["assessed_at"]
    if a is None:
        return None
    if case["onset"] is not None and case["onset"] <= a:
        return case["onset"]
    fever = earliest(upto(case, case["vitals"]),
                     lambda v: v["temp"] is not None and v["temp"] > ONSET_FEVER_C)
    rigid = earliest(upto(case, case["exam"]), lambda e: e.get("rigidity") in ONSET_RIGID)
    if fever and (rigid is None or fever["t"] <= rigid["t"]):
        return fever["t"]
    return rigid["t"] if rigid else a


def courses(case):
    """lib/meds.lua M.courses: each course's span, classes, depot and
    continuation."""
    if case["medications"] is None:
        return None
    out = []
    for m in case["medications"]:
        doses = [d for d in m["doses"] if d is not None]
        start = m["start"] if m["start"] is not None else min(doses, default=None)
        if not not_after(case, start):
            continue
        stop = m["stop"] if not_after(case, m["stop"]) else None
        generic, classes, known, words = classify(m)
        c = {"from": start, "stop": stop, "ongoing": stop is None, "classes": classes,
             "known": known, "acting_until": None, "open": False,
             "key": "/".join(sorted(normalize(generic or m.get("drug") or "").split("/")))}
        hours_ = depot_hours(generic, words, m.get("route"))
        if hours_ is not None:
            last = stop
            if last is None:
                given = [d for d in doses if not_after(case, d)]
                last = start
                if given and (last is None or max(given) > last):
                    last = max(given)
                c["open"] = not given
            if last is not None:
                c["acting_until"], c["ongoing"] = last + hours_, False
        out.append(c)
    inf = float("inf")
    for c in out:   # another course of the drug carries on from its stop
        if c["stop"] is not None:
            c["continued"] = any(
                d["key"] == c["key"] and (d["from"] if d["from"] is not None else -inf) <= c["stop"]
                and (inf if d["ongoing"] else (d["acting_until"] or d["stop"] or -inf)) > c["stop"]
                for d in out)
        else:
            c["continued"] = False
    return out


def given_within(case, c, h):
    """lib/meds.lua M.given_within (no depot window of its own)."""
    a, t0 = case["assessed_at"], anchor(case)
    if a is None:
        return None
    if c["ongoing"]:
        return True
    to = c["acting_until"] if c["acting_until"] is not None else c["stop"]
    if t0 is None or to is None:
        acting = None
    elif c["from"] is not None and c["from"] > a:
        acting = False
    else:
        acting = to >= t0 - h
    if acting is False and c["open"]:
        return None
    return acting


def stopped_within(case, c, h):
    if c["stop"] is None:
        return False
    t0 = anchor(case)
    if t0 is None:
        return None
    if not (t0 - h <= c["stop"] <= case["assessed_at"]):
        return False
    return not c["continued"]


def exposure(case):
    cs, a = courses(case), case["assessed_at"]
    if cs is None or a is None:
        return None
    if not cs:
        return False
    hit = open_ = unknown = False
    for c in cs:
        within = given_within(case, c, EXPOSURE_H)
        is_da = bool(c["classes"] & ANTAGONISTS)
        if is_da and within:
            hit = True
        elif is_da and within is None:
            open_ = True
        if c["classes"] & WITHDRAWAL and stopped_within(case, c, EXPOSURE_H):
            hit = True
        elif not c["known"] and within:
            unknown = True
    if hit:
        return True
    return None if open_ or unknown else False


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
    if value is False and rs[-1]["temp"] > 38.0:
        return None   # the latest reading is febrile: the next is not measured yet
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
        if c["classes"] & ANTAGONISTS:
            if c["from"] is None:
                return None
            best = c["from"] if best is None else min(best, c["from"])
        if c["classes"] & WITHDRAWAL and stopped_within(case, c, float("inf")) and (
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
