-- lib/vitals.lua - vital signs: readings, baselines, rises and changes.
--
-- Baseline (docs/case-format.md "Baseline when not given"), per value:
--   1. case.baseline.<field> when the record gives it;
--   2. else, if parameter baseline.from_pre_exposure_vitals is true, the
--      earliest vitals entry with that value timed before the first
--      exposure (lib/meds.lua first_exposure; parameter
--      baseline.include_withdrawal adds a dopaminergic stop as exposure);
--   3. else unknown, and anything measured against it is unknown, except
--      where a criteria set gives an absolute value to fall back on
--      (V.raised: used only when there is no baseline).
-- The evidence always says which. Comparisons use every reading not after
-- the assessment except the baseline reading itself; "% above" is
-- (value - baseline) / baseline, computed exactly (no rounding at the edge).

local time = require("lib.time")
local meds = require("lib.meds")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")
local memo = require("lib.memo")

local FROM_VITALS = P.boolean("baseline.from_pre_exposure_vitals")
local WITH_WITHDRAWAL = P.boolean("baseline.include_withdrawal")

local V = {}
local wanted = fmt.wanted  -- no evidence text when nobody reads it (lib/fmt.lua)
local NONE = {}            -- an empty list to walk, never written

--- Label and unit of each vital sign, as evidence spells them.
V.FIELDS = {
  hr = { label = "HR", unit = "/min" },
  sbp = { label = "SBP", unit = "mmHg" },
  dbp = { label = "DBP", unit = "mmHg" },
  rr = { label = "RR", unit = "/min" },
  temp = { label = "temperature", unit = "°C" },
}

--- "SBP 166 mmHg", "HR 126/min".
function V.show(field, value)
  local f = V.FIELDS[field]
  return f.label .. " " .. fmt.unit(value, f.unit)
end

-- Per case (weakly by the case table): the readings of each field, at
-- the field's name, and under BASELINES the baseline of each field (its
-- table) or, when it is unknown, the reason (a string). Every vitals item
-- asks for both: three tables a case. A baseline's text is "" when
-- nobody reads the evidence, so the baselines worked out then are kept
-- apart (QUIET_BASELINES): the engine asks the decided items again for
-- their text on the same case table (--evidence decisive), and those must
-- not find a quiet baseline's empty text. The readings carry no text and
-- serve both.
local per_case = setmetatable({}, { __mode = "k" })
local BASELINES, QUIET_BASELINES = {}, {}

local function known(case)
  local k = per_case[case]
  if k == nil then
    k = { [BASELINES] = {}, [QUIET_BASELINES] = {} }
    per_case[case] = k
  end
  return k
end

--- The vitals entries not after the assessment that have `field`, in time
-- order (undated last); nil when no vitals were recorded at all. A list
-- shared between callers for the same case: read it, never modify it.
function V.readings(case, field)
  local k = per_case[case] or known(case)   -- (no call once it is made)
  local out = k[field]
  if out then return out end
  local all = time.upto(case, case.vitals)
  if all == nil then return nil end
  -- usually every entry has the field (a record writes each round of
  -- vitals whole): then the ordered list itself, shared as it already is,
  -- and a new list only from the first entry without it (the walk is the
  -- engine's, nms.with_field)
  out = nms.with_field(all, field)
  k[field] = out
  return out
end

-- The baseline of `field`, worked out (V.baseline remembers it per case).
-- Its text and the reason it is unknown are evidence only: "" when nobody
-- reads the evidence (fmt.wanted), as every other evidence text.
local function find_baseline(case, field)
  local label = V.FIELDS[field].label
  local text = wanted()
  local given = case.baseline and case.baseline[field]
  if given ~= nil then
    return { value = given, text = text and "baseline " .. V.show(field, given) .. " (given)" or "" }
  end
  if not FROM_VITALS then
    return nil, text and "no baseline " .. label .. " given (parameter baseline.from_pre_exposure_vitals is off)"
      or ""
  end
  local t0, what = meds.first_exposure(case, WITH_WITHDRAWAL)
  if t0 == nil then
    return nil, text and "no baseline " .. label .. " given, and no pre-exposure vitals: " .. what or ""
  end
  -- the earliest reading before t0 (time.earliest, without a closure: the
  -- walk is the engine's, nms.earliest)
  local e = nms.earliest(V.readings(case, field) or NONE, t0)
  if e == nil then
    return nil, text and ("no baseline %s given, and no %s recorded before %s"):format(label, label, what) or ""
  end
  return { value = e[field], entry = e, text = text
    and ("baseline %s from vitals at %s, before %s"):format(V.show(field, e[field]), time.fmt(case, e.t), what)
    or "" }
end

--- The baseline of `field`: { value, entry (nil if given), text }, or nil
-- and the reason it is unknown (the text and the reason are "" when
-- nobody reads the evidence, fmt.wanted). Worked out once per case and
-- field; the table is shared between callers: read it, never modify it.
-- @usage local b, why = vitals.baseline(case, "hr")
function V.baseline(case, field)
  local kept = (per_case[case] or known(case))[wanted() and BASELINES or QUIET_BASELINES]
  local b = kept[field]
  if b == nil then
    local why
    b, why = find_baseline(case, field)
    b = b or why     -- the reason is a string ("" without evidence)
    kept[field] = b
  end
  if type(b) == "string" then return nil, b end
  return b
end

-- The baseline of `field` and the reading furthest from it upwards (the
-- highest; with `lowest`, downwards), the baseline reading itself left out.
-- Returns baseline, reading; or nil, nil and the unknown finding saying
-- what is missing.
-- What would decide a comparison with the baseline of a field, when the
-- baseline or a reading is missing: texts of the field alone, written
-- once per field (the fields are V.FIELDS, the rules' own constants).
local NEEDS_BASELINE = memo.per_key(function(field)
  return ("a baseline %s (baseline.%s, or vitals before the first dopamine antagonist)"):format(
    V.FIELDS[field].label, field)
end)
local NEEDS_READING = memo.per_key(function(field)
  return "a " .. V.FIELDS[field].label .. " reading (vitals[]." .. field .. ")"
end)

local function extreme_vs_baseline(case, field, lowest)
  local b, why = V.baseline(case, field)
  if b == nil then
    return nil, nil, tri.finding(nil, why, NEEDS_BASELINE[field])
  end
  -- the highest (lowest) reading but the baseline's own, the first of
  -- equal ones (the walk is the engine's, nms.extreme)
  local best = nms.extreme(V.readings(case, field) or NONE, field, b.entry, lowest)
  if best == nil then
    return nil, nil, tri.finding(nil, wanted() and b.text .. "; no " .. V.FIELDS[field].label
      .. " reading to compare with it" or "", NEEDS_READING[field])
  end
  return b, best
end

--- Some reading of `field` at least `pct` % above baseline (e.g. 25).
-- @return finding; unknown without a baseline or without a reading
function V.above_baseline(case, field, pct)
  local b, best, unknown = extreme_vs_baseline(case, field)
  if b == nil then return unknown end
  local rise = (best[field] - b.value) * 100 / b.value
  local met = (best[field] - b.value) * 100 >= pct * b.value   -- exact at the boundary
  if not wanted() then return tri.finding(met, "") end
  local text = V.show(field, best[field]) .. time.at(case, best.t) .. " = " .. fmt.pct(rise) .. " vs " .. b.text
  if met then return tri.finding(true, text .. " (≥ " .. pct .. " % above)") end
  return tri.finding(false, "highest " .. text .. ", less than " .. pct .. " % above")
end

-- The largest change of `field` between two timed readings at most `hours`
-- apart: { range, a (the higher reading), z (the lower) }, or false when
-- no two are that close. It does not depend on the change asked for, so
-- sets asking for different changes in the same window share it
-- (lib/memo.lua). The readings' timed entries come first (time.upto puts
-- the undated last); the sliding window over them is the engine's
-- (nms.largest_change): in each window the highest and the lowest
-- reading, each the latest of equal ones, and the first window to reach
-- the largest change.
local largest_change = memo.wrap_plain(function(case, field, hours)
  local range, a, z = nms.largest_change(V.readings(case, field) or NONE, field, hours)
  return range ~= nil and { range = range, a = a, z = z }
end)

-- What would decide a change within a window: a text of the field and
-- the window alone, written once for each (bounded, lib/memo.lua; a zero
-- or NaN window is written each time, as time.duration keeps neither).
local function needs_two(field, hours)
  return ("%s readings at least twice within %s (vitals[].%s with t)"):format(V.FIELDS[field].label,
    time.duration(hours), field)
end
local NEEDS_TWO = memo.per_key(function(field)
  return memo.per_key(function(hours) return needs_two(field, hours) end)
end)

--- Some two readings of `field` at most `hours` apart that differ by at
-- least `delta` (e.g. SBP 25 mmHg within 24 h). Only timed readings count.
function V.change_within(case, field, delta, hours)
  local label, unit = V.FIELDS[field].label, V.FIELDS[field].unit
  local best = largest_change(case, field, hours)
  if not best then
    return tri.finding(nil, wanted() and ("no two timed %s readings within %s of each other"):format(label,
      time.duration(hours)) or "", (hours ~= 0 and hours == hours) and NEEDS_TWO[field][hours]
      or needs_two(field, hours))
  end
  if not wanted() then return tri.finding(best.range >= delta, "") end
  local x, y = best.a, best.z
  if x.t > y.t then x, y = y, x end
  local text = V.show(field, x[field]) .. time.at(case, x.t) .. " and " .. fmt.unit(y[field], unit)
    .. time.at(case, y.t) .. ": change of " .. fmt.unit(best.range, unit) .. " within " .. time.duration(y.t - x.t)
  if best.range >= delta then
    return tri.finding(true, text .. " (≥ " .. fmt.unit(delta, unit) .. ")")
  end
  return tri.finding(false, "largest " .. label .. " change within " .. time.duration(hours) .. ": " .. text
    .. ", less than " .. fmt.unit(delta, unit))
end

--- Some reading of `field`, at any measurement site, strictly above
-- `limit` (with `at_least`, at or above it): true with the readings beyond
-- it, false with the highest reading, nil when no reading of `field` is
-- recorded. Temperatures show their site. Unlike lib/temperature.lua (IEC
-- "measured orally", a count of occasions), this asks only whether the
-- value was ever reached, wherever measured.
-- @usage vitals.any_above(case, "temp", 41.1)        -- extreme hyperthermia
-- @usage vitals.any_above(case, "temp", 38.0, true)  -- Caroff "≥ 38 °C"
function V.any_above(case, field, limit, at_least)
  local f = V.FIELDS[field]
  local rs = V.readings(case, field)
  if rs == nil or #rs == 0 then
    return tri.finding(nil, "no " .. f.label .. " recorded", f.label .. " readings (vitals[]." .. field .. ")")
  end
  if not wanted() then   -- the value only: the first reading beyond decides it (the engine's walk)
    return tri.finding(nms.first_beyond(rs, field, limit, at_least) ~= nil, "")
  end
  local above, highest = {}, nil
  for _, e in ipairs(rs) do
    if e[field] > limit or (at_least and e[field] == limit) then above[#above + 1] = e end
    if highest == nil or e[field] > highest[field] then highest = e end
  end
  local function value(v) return field == "temp" and fmt.temp(v) or fmt.unit(v, f.unit) end
  local function text(e)
    local site = (field == "temp" and e.temp_site) and (" (" .. e.temp_site .. ")") or ""
    return f.label .. " " .. value(e[field]) .. site .. time.at(case, e.t)
  end
  if #above > 0 then
    return tri.finding(true, fmt.each(above, text, 4) .. " (" .. (at_least and "≥ " or "> ") .. value(limit) .. ")")
  end
  return tri.finding(false, "highest " .. text(highest) .. " of " .. fmt.count(#rs, "reading") .. ", "
    .. (at_least and "below" or "not above") .. " " .. value(limit))
end

--- A vital sign raised: some reading of `field` at least `pct` % above its
-- baseline when the record has one; when it has none, and only then, some
-- reading beyond the absolute `limit` (strictly above; with `at_least`, at
-- or above). Patients on maintenance antipsychotics seldom have a
-- pre-exposure baseline, so the older criteria sets, which name
-- "tachycardia" or "hypertension" without a reference value, fall back on
-- a published absolute value (each a parameter with its source). A nil
-- `limit` keeps the comparison baseline-only. The evidence says which
-- comparison was used.
-- @usage vitals.raised(case, "hr", 25, 100)   -- 25 % above baseline, else > 100/min
function V.raised(case, field, pct, limit, at_least)
  local b, why = V.baseline(case, field)
  if b ~= nil or limit == nil then return V.above_baseline(case, field, pct) end
  local f = V.any_above(case, field, limit, at_least)
  if not wanted() then return tri.finding(f.value, "", f.missing) end
  return tri.finding(f.value, why .. "; without a baseline, absolute threshold: " .. f.evidence, f.missing)
end

--- Some reading of `field` more than `delta` units above baseline, strictly
-- (Pope 1986: "diastolic rise > 20 mmHg above baseline", "HR > 30 bpm
-- above baseline"). Unknown without a baseline or without a reading.
-- @usage vitals.rise_over_baseline(case, "dbp", 20)
function V.rise_over_baseline(case, field, delta)
  local b, best, unknown = extreme_vs_baseline(case, field)
  if b == nil then return unknown end
  local unit = V.FIELDS[field].unit
  local rise = best[field] - b.value
  if not wanted() then return tri.finding(rise > delta, "") end
  local text = V.show(field, best[field]) .. time.at(case, best.t) .. " = " .. (rise >= 0 and "+" or "")
    .. fmt.unit(rise, unit) .. " vs " .. b.text
  local limit = fmt.unit(delta, unit)
  if rise > delta then return tri.finding(true, text .. " (more than " .. limit .. " above)") end
  return tri.finding(false, "highest " .. text .. ", not more than " .. limit .. " above")
end

--- Some reading of `field` at least `pct` % below baseline (e.g. a fall of
-- SBP by 25 %), computed exactly like V.above_baseline. Unknown without a
-- baseline or without a reading.
-- @usage vitals.below_baseline(case, "sbp", 25)
function V.below_baseline(case, field, pct)
  local b, low, unknown = extreme_vs_baseline(case, field, true)
  if b == nil then return unknown end
  local fall = (b.value - low[field]) * 100 / b.value
  local met = (b.value - low[field]) * 100 >= pct * b.value   -- exact at the boundary
  if not wanted() then return tri.finding(met, "") end
  local text = V.show(field, low[field]) .. time.at(case, low.t) .. " = " .. fmt.pct(-fall) .. " vs " .. b.text
  if met then return tri.finding(true, text .. " (≥ " .. pct .. " % below)") end
  return tri.finding(false, "lowest " .. text .. ", less than " .. pct .. " % below")
end

--- BP elevation: systolic or diastolic at least `pct` % above its
-- baseline (IEC 2011 item 6a form), as one finding naming both. Each of
-- SBP and DBP without a baseline is judged, when `sbp_limit` / `dbp_limit`
-- are given, against that absolute value instead (V.raised).
-- @usage vitals.bp_above_baseline(case, 25)
-- @usage vitals.bp_above_baseline(case, 25, 140, 90)   -- else > 140 or > 90 mmHg
function V.bp_above_baseline(case, pct, sbp_limit, dbp_limit)
  return tri.any({ tri.part("SBP", V.raised(case, "sbp", pct, sbp_limit)),
                   tri.part("DBP", V.raised(case, "dbp", pct, dbp_limit)) })
end

--- BP fall: systolic or diastolic at least `pct` % below its baseline.
-- @usage vitals.bp_below_baseline(case, 25)
function V.bp_below_baseline(case, pct)
  return tri.any({ tri.part("SBP", V.below_baseline(case, "sbp", pct)),
                   tri.part("DBP", V.below_baseline(case, "dbp", pct)) })
end

--- BP lability: a diastolic change of at least `dbp` mmHg or a systolic
-- change of at least `sbp` mmHg between readings at most `hours` apart
-- (IEC 2011 item 6b form).
-- @usage vitals.bp_change_within(case, 20, 25, 24)
function V.bp_change_within(case, dbp, sbp, hours)
  return tri.any({ tri.part("DBP", V.change_within(case, "dbp", dbp, hours)),
                   tri.part("SBP", V.change_within(case, "sbp", sbp, hours)) })
end

--- Elevated or labile BP (DSM-IV-TR B8, Levenson's "abnormal (labile)
-- arterial pressure"): V.bp_above_baseline(case, pct, sbp_limit,
-- dbp_limit) or V.bp_change_within(case, dbp, sbp, hours), as one finding
-- naming both.
-- @usage vitals.bp_elevated_or_labile(case, 25, 20, 25, 24, 140, 90)
function V.bp_elevated_or_labile(case, pct, dbp, sbp, hours, sbp_limit, dbp_limit)
  local elevated = "elevated, SBP or DBP ≥ " .. pct .. " % above baseline"
  if sbp_limit ~= nil and dbp_limit ~= nil then
    elevated = elevated .. (" (without a baseline: SBP > %s or DBP > %s)"):format(
      fmt.unit(sbp_limit, "mmHg"), fmt.unit(dbp_limit, "mmHg"))
  end
  return tri.any({
    tri.part(elevated, V.bp_above_baseline(case, pct, sbp_limit, dbp_limit)),
    tri.part(("labile, change ≥ %s diastolic or ≥ %s systolic within %s"):format(fmt.unit(dbp, "mmHg"),
      fmt.unit(sbp, "mmHg"), time.duration(hours)), V.bp_change_within(case, dbp, sbp, hours)),
  })
end

-- Asked alike by many sets (see lib/memo.lua): computed once per case.
for _, name in ipairs({ "above_baseline", "below_baseline", "rise_over_baseline",
                        "change_within", "any_above", "raised", "bp_above_baseline",
                        "bp_below_baseline", "bp_change_within", "bp_elevated_or_labile" }) do
  V[name] = memo.wrap(V[name])
end

return V
