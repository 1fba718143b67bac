-- severity.lua - severity tiers of NMS as the working diagnosis and the management each
-- calls for, after the treatment hierarchy of seed 002 ("Treatment
-- Hierarchy Based on Severity"), as summarised in clinical-reference §12
-- and §5.
--
-- Tiers, most severe first (the engine takes the first that is met):
--   severe    working diagnosis AND >= 1 severe feature: extreme
--             hyperthermia, or a life-threatening complication (seed 002
--             "Severe cases with extreme hyperthermia or complications")
--   moderate  working diagnosis AND significant rigidity AND significant
--             hyperthermia (seed 002 "severe cases with significant muscle
--             rigidity and hyperthermia")
--   mild      working diagnosis
--   none      NMS is not the working diagnosis (or it is undecided: see
--             could_be); the actions say why, in words
--
-- The working diagnosis of NMS (severity/working.lua, where each part is
-- cited) replaces the former "suspected NMS" (trigger plus rigidity OR one
-- temperature > 38.0 °C), which proposed NMS management for pneumonia on
-- clozapine, malignant hyperthermia and heat stroke. It holds when
--   1. a dopamine antagonist was given (a depot: still acting, for its
--      product's duration, depot.* parameters) within the IEC 72 h window
--      (IEC item 1, §3 [S1]), or a dopaminergic drug stopped within the
--      parkinsonism-hyperpyrexia window exposure.withdrawal_window_h (§7.5,
--      §4.5), both counted back from the anchor (symptom onset, else the
--      first sign: lib/time.lua); or an NMS criteria set with an exposure
--      criterion of its own and a longer published window is met (Caroff &
--      Mann, 7 days: parameter severity.exposure_sets);
--   2. there is NMS-specific evidence: an NMS criteria set is met, or one
--      is still indeterminate with rigidity AND fever present (DSM-IV-TR
--      criterion A, §1.1 [S10][S11]; Sachdev 2005 "core features" [S19]);
--   3. nothing explains the picture better: no rival look-alike met (heat
--      stroke, malignant hyperthermia, anticholinergic, serotonin or
--      sympathomimetic toxicity, CNS infection) and no other cause found by
--      the work-up (IEC item 8 [S1], DSM-IV-TR criterion C), unless an NMS
--      criteria set is met too, with rigidity (beside a cause the work-up
--      found, moderate or severe: severity.workup_rigidity): then both
--      remain possible. A work-up still pending, or not recorded, is read
--      as such, never as "no other cause found" (severity/working.lua).
-- Its three parts are the items of the group "working", read from the
-- verdicts of the other sets, which the engine passes (it evaluates
-- severity last). Complications count as NMS severity only when NMS is the
-- working diagnosis and no rival is met: respiratory failure from COVID
-- pneumonia is not "severe NMS".
--
-- Woodbury & Woodbury (1992) staging is NOT encoded: its table could not be
-- read in any source (clinical-reference §4.7), and it is not encoded from
-- memory.

local P = require("lib.params")
local tri = require("lib.tri")
local meds = require("lib.meds")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local temperature = require("lib.temperature")
local record = require("lib.record")
local fmt = require("lib.fmt")
local time = require("lib.time")
local labs = require("lib.labs")
local working = require("severity.working")
local actions = require("severity.actions")

local answer = tri.answer

local EXPOSURE_H = P.number("iec2011.exposure_window_h")      -- IEC item 1, reused (§3 [S1])
local EXTREME_C = P.number("severity.extreme_hyperthermia_c")
local SIGNIFICANT = P.set("severity.significant_rigidity")
local SIGNIFICANT_C = P.number("severity.significant_hyperthermia_c")
local OCCASIONS = P.number("severity.significant_hyperthermia_occasions")

local function exposure(case) return meds.exposure(case, EXPOSURE_H) end

-- At least `occasions` readings strictly above `limit` °C at any site (the
-- tier decides treatment: a core or rectal reading counts, as for extreme
-- hyperthermia). Fewer readings than `occasions` recorded, all febrile,
-- or fewer febrile readings than `occasions` with the latest reading
-- febrile: unknown, the repeat measurement is missing. (lib.temperature.above asks
-- for oral readings, the IEC diagnostic wording; this may belong in lib/.)
-- Occasions are distinct times (lib/temperature.lua T.occasions: a reading
-- charted twice at one time is one occasion).
local function above_limit(e, limit) return e.temp > limit end

local function febrile_occasions(case, limit, occasions)
  local readings = vitals.readings(case, "temp")
  if readings == nil or #readings == 0 then
    return tri.finding(nil, "no temperature recorded", "temperature readings (vitals[].temp)")
  end
  local all = readings
  readings = temperature.occasions(all, above_limit, limit)
  local above = {}
  for _, e in ipairs(readings) do
    if e.temp > limit then above[#above + 1] = e end
  end
  local function show(e)
    return fmt.temp(e.temp) .. " (" .. (e.temp_site or "site not recorded") .. ")" .. time.at(case, e.t)
  end
  local head = ("%s > %s of %s (%d needed%s)"):format(fmt.count(#above, "reading"), fmt.temp(limit),
    fmt.count(#readings, "reading"), occasions,
    readings ~= all and "; readings at the same time count as one occasion" or "")
  local text = #above > 0 and (head .. ": " .. fmt.each(above, show, 4)) or head
  if #above >= occasions then return tri.finding(true, text) end
  if #readings < occasions and #above == #readings then
    return tri.finding(nil, text .. "; the repeat measurement is missing",
      "another temperature reading (vitals[].temp)")
  end
  local last = readings[#readings]
  if #above > 0 and last.temp > limit then
    -- The latest reading is febrile: the next occasion is not measured yet
    -- (earlier normal readings predate the fever). Missing is not false.
    return tri.finding(nil, text .. "; the latest reading is febrile and no later one is recorded",
      "another temperature reading (vitals[].temp) after the febrile reading" .. time.at(case, last.t))
  end
  return tri.finding(false, text)
end

-- A recorded complication is a severe feature of NMS only while no rival
-- (a met look-alike, another cause found) could have caused it instead.
-- Not recorded, it stays unknown whatever the labs show: `lab` (the lab
-- result that bears on it, e.g. creatinine for acute kidney injury) is
-- only named, asking for the complication to be recorded, as no source
-- gives a cut-off from one value (AKI is judged against a baseline).
local function complication_of_nms(case, verdicts, field, what, lab)
  local recorded = record.flag(case, "complications", field, what)
  if recorded.value == nil and lab and fmt.wanted() then
    local results = labs.results(case, lab.field, lab.label, lab.unit)
    if results then
      return tri.finding(nil, recorded.evidence .. "; " .. results .. " recorded: record complications."
        .. field .. ", true or false (no " .. lab.label .. " cut-off is encoded, none being sourced)",
        recorded.missing)
    end
  end
  if recorded.value ~= true then return recorded end
  local rivals = working.rivals(case, verdicts)
  if rivals == nil then
    return tri.finding(nil, recorded.evidence .. "; whether it is a complication of NMS needs the verdicts "
      .. "of the differentials", "the verdicts of the criteria sets and differentials (passed by the engine)")
  end
  if #rivals > 0 then
    return tri.finding(false, recorded.evidence .. ", but " .. working.names(rivals) .. ": not counted as a "
      .. "complication of NMS")
  end
  return recorded
end

-- A complication recorded in case.complications, as a severe feature
-- (`lab`: see complication_of_nms).
local function complication(id, field, title, what, source, lab)
  return { id = id, group = "severe_features", title = title, source = source,
    definition = title .. " recorded (complications." .. field .. "), while no rival look-alike is met "
      .. "and the work-up found no other cause",
    needs = "case.complications." .. field,
    check = function(case, verdicts) return answer(complication_of_nms(case, verdicts, field, what, lab)) end }
end

-- The working diagnosis of a case, assessed once: two items and the actions
-- read it. The engine passes a fresh `verdicts` table per case, so it keys
-- the cache (weakly: gone with the case).
local by_verdicts = setmetatable({}, { __mode = "k" })
local function assessed(case, verdicts)
  if verdicts == nil then return working.assess(case, nil, exposure(case)) end
  local w = by_verdicts[verdicts]
  if w == nil then
    w = working.assess(case, verdicts, exposure(case))
    by_verdicts[verdicts] = w
  end
  return w
end

local set = {
  id = "severity",
  title = "Severity tier of NMS as the working diagnosis, with management",
  version = "seed002-2",
  citation = "Treatment hierarchy by severity: seed 002 ('What is the treatment for neuroleptic "
    .. "malignant syndrome (NMS)?', guideline summary, 2025); clinical-reference §12 and §5 "
    .. "(BMJ Best Practice [S13], MSD Manual [S21], Critical Care Secrets [S22]); working diagnosis "
    .. "after DSM-IV-TR criteria A and C (§1.1 [S10][S11]) and IEC 2011 items 1 and 8 (§3 [S1])",
  kind = "groups",
  groups = {
    { id = "working", title = "NMS is the working diagnosis (exposure, NMS-specific evidence, no better explanation)" },
    { id = "severe_features", title = "Severe: extreme hyperthermia or a life-threatening complication" },
    { id = "moderate_features", title = "Moderate: significant muscle rigidity and significant hyperthermia" },
  },
  rule = {
    { level = "severe", need = { working = "all", severe_features = 1 } },
    { level = "moderate", need = { working = "all", moderate_features = "all" } },
    { level = "mild", need = { working = "all" } },
  },
  items = {
    { id = "exposure", group = "working",
      title = "Dopamine-antagonist exposure or dopaminergic withdrawal",
      definition = "Dopamine antagonist given (a depot: still acting) within the past 72 hours (IEC 2011 "
        .. "item 1 and its window), or a dopaminergic drug stopped within exposure.withdrawal_window_h "
        .. "(7 days), counted back from symptom onset; or a criteria set of severity.exposure_sets met, "
        .. "with its own exposure criterion (Caroff & Mann: 7 days, 2-4 weeks for depot)",
      source = "§3 item 1 [S1][S2][S4]; withdrawal window §7.5, §4.5 [S18]; depot durations: depot.* "
        .. "parameters; seed 000; Caroff & Mann §4.4 [S12]",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case, verdicts) return answer((working.exposure(verdicts, exposure(case)))) end },

    { id = "nms_evidence", group = "working",
      title = "NMS-specific evidence",
      definition = "An NMS criteria set is met, or one is still indeterminate with rigidity (any degree) "
        .. "and a temperature above severity.hyperthermia_c (38.0 °C) both present; false when every "
        .. "criteria set is not met",
      source = "DSM-IV-TR criterion A, rigidity and elevated temperature (§1.1 [S10][S11]); Levenson and "
        .. "Caroff & Mann major criteria (§2, §4.4); Sachdev 2005 'core features' [S19]; severity/working.lua",
      needs = "the verdicts of the NMS criteria sets, a rigidity examination and temperature readings",
      check = function(case, verdicts) return answer(assessed(case, verdicts).evidence) end },

    { id = "no_better_explanation", group = "working",
      title = "No look-alike or other cause explains the picture better",
      definition = "No rival differential met (severity/lookalikes.lua) and no severity.exclusion_workup "
        .. "field positive; or, if one is, an NMS criteria set is met as well and rigidity is present "
        .. "(beside a field positive, rigidity of severity.workup_rigidity: moderate or severe), so both "
        .. "remain possible. A field pending leaves it unknown unless such a set and such rigidity are "
        .. "present; fields not recorded leave it unknown unless a set is met or such rigidity is present",
      source = "DSM-IV-TR criterion C (§1.1 [S10][S11]); IEC 2011 item 8 (§3 [S1]); differential "
        .. "comparison §7.1 [S35]; severity/working.lua",
      needs = "the verdicts of the differentials and the work-up (case.workup)",
      check = function(case, verdicts) return answer(assessed(case, verdicts).unexplained) end },

    { id = "extreme_hyperthermia", group = "severe_features",
      title = "Extreme hyperthermia",
      definition = "Temperature above severity.extreme_hyperthermia_c (41.1 °C) on any reading, any site",
      source = "seed 002 'extreme hyperthermia (>41.1°C)'; §5.5 [S35][S36]",
      needs = "temperature readings (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", EXTREME_C)) end },

    complication("renal_failure", "acute_kidney_injury",
      "Renal failure (acute kidney injury), e.g. from rhabdomyolysis", "acute kidney injury",
      "seed 002 'rhabdomyolysis with acute renal failure (may require hemodialysis)'; §9.1 Shalev [S37]",
      { field = "creatinine", label = "creatinine", unit = "mg/dL" }),
    complication("metabolic_acidosis", "metabolic_acidosis", "Metabolic acidosis", "metabolic acidosis",
      "seed 002 life-threatening complications"),
    complication("seizures", "seizures", "Seizures", "seizures", "seed 002 life-threatening complications"),
    complication("dic", "dic", "Disseminated intravascular coagulation", "DIC",
      "seed 002 life-threatening complications"),
    complication("respiratory_failure", "respiratory_failure", "Respiratory failure", "respiratory failure",
      "§1.2 respiratory distress/arrest [S12][S13]; §5.5 mechanical ventilation [S31]; seed 002 "
        .. "intubation and mechanical ventilation"),

    { id = "significant_rigidity", group = "moderate_features",
      title = "Significant muscle rigidity",
      definition = "Rigidity at a level in severity.significant_rigidity (moderate or severe)",
      source = "seed 002 'significant muscle rigidity and hyperthermia'",
      needs = "a rigidity examination (exam[].rigidity)",
      check = function(case)
        return answer(exam.level(case, "rigidity", SIGNIFICANT, "significant rigidity"))
      end },

    { id = "hyperthermia", group = "moderate_features",
      title = "Significant hyperthermia",
      definition = "Temperature above severity.significant_hyperthermia_c (38.0 °C) on at least "
        .. "severity.significant_hyperthermia_occasions (2) readings, any site: the consensus definition "
        .. "of NMS hyperthermia (repeated, not one reading); any site because the tier decides treatment",
      source = "seed 002 'significant muscle rigidity and hyperthermia' gives no number; IEC 2011 item 2 "
        .. "'>38.0 °C on at least 2 occasions' (§3 [S1][S2][S4]); BMJ Best Practice (§1.2 [S13])",
      needs = "temperature readings (vitals[].temp)",
      check = function(case) return answer(febrile_occasions(case, SIGNIFICANT_C, OCCASIONS)) end },
  },
}

-- The management list: the actions of every tier depend on the working
-- diagnosis and on which look-alikes are in play. When nobody reads it
-- (`read` false: CSV, the compact record, the cohort reports, which print
-- the tier and the items but no management) it is not worked out: it cost
-- ~5 % of a CSV case, for a list the engine drops (docs/rules.md).
set.actions = function(case, tier, verdicts, read)
  if read == false then return {} end
  local w = assessed(case, verdicts)
  return actions.list(case, tier, w, verdicts, EXPOSURE_H)
end

return set
