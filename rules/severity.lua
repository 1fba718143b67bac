-- severity.lua - severity tiers of suspected NMS and the management each
-- calls for, after the treatment hierarchy of seed 002 ("Treatment
-- Hierarchy Based on Severity"), as summarised in clinical-reference §12
-- and §5.
--
-- Tiers, most severe first (the engine takes the first that is met):
--   severe    suspected AND ≥ 1 severe feature: extreme hyperthermia, or a
--             life-threatening complication (seed 002 "Severe cases with
--             extreme hyperthermia or complications")
--   moderate  suspected AND significant rigidity AND hyperthermia (seed 002
--             "severe cases with significant muscle rigidity and hyperthermia")
--   mild      suspected
--   none      not suspected (or not decidable: see could_be)
--
-- "Suspected NMS" is this ruleset's definition; the seed and the
-- reference give none. It asks for the trigger and one cardinal sign, a low
-- bar on purpose (seed 002: "do not delay treatment waiting for diagnostic
-- confirmation"; seed 000: discontinue "if NMS is suspected"):
--   1. dopamine-antagonist exposure or dopaminergic withdrawal within the
--      IEC 72 h window (IEC item 1, its highest-priority item, 20 points;
--      §3 [S1]), a depot antipsychotic within risk.depot_window_h (4 weeks:
--      Caroff & Mann "2-4 weeks for depot", §4.4 [S12]), since a long-acting
--      injection given a week ago is still acting; and
--   2. rigidity of any degree, or a temperature above 38.0 °C: the two
--      clinical IEC items of highest priority (hyperthermia 18, rigidity 17;
--      §3 [S1]), the two features of DSM-IV criterion A (§1.1 [S10][S11])
--      and the "core features" most criteria sets recognise (Sachdev 2005
--      [S19]).
-- It is not a diagnosis: the criteria sets decide that.
--
-- Woodbury & Woodbury (1992) staging is NOT encoded: its table could not be
-- read in any source (clinical-reference §4.7), and it is not encoded from
-- memory.

local P = require("lib.params")
local tri = require("lib.tri")
local meds = require("lib.meds")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local record = require("lib.record")
local actions = require("severity.actions")

local answer, part = tri.answer, tri.part

local ANY_RIGIDITY = { mild = true, moderate = true, severe = true } -- IEC item 3: no qualifier (§3 [S1])

local EXPOSURE_H = P.number("iec2011.exposure_window_h")      -- IEC item 1, reused (§3 [S1])
local DEPOT_H = P.number("risk.depot_window_h")                -- a depot acts for weeks (§4.4 [S12])
local HYPERTHERMIA_C = P.number("severity.hyperthermia_c")
local EXTREME_C = P.number("severity.extreme_hyperthermia_c")
local SIGNIFICANT = P.set("severity.significant_rigidity")

local function hyperthermia(case) return vitals.any_above(case, "temp", HYPERTHERMIA_C) end

local function cardinal(case)
  return tri.any({
    part("rigidity (any degree)", exam.level(case, "rigidity", ANY_RIGIDITY)),
    part(("temperature > %.1f °C (any site)"):format(HYPERTHERMIA_C), hyperthermia(case)),
  })
end

-- A complication recorded in case.complications, as a severe feature.
local function complication(id, field, title, what, source)
  return { id = id, group = "severe_features", title = title, source = source,
    needs = "case.complications." .. field,
    check = function(case) return answer(record.flag(case, "complications", field, what)) end }
end

local set = {
  id = "severity",
  title = "Severity tier of suspected NMS, with management",
  version = "seed002-1",
  citation = "Treatment hierarchy by severity: seed 002 ('What is the treatment for neuroleptic "
    .. "malignant syndrome (NMS)?', guideline summary, 2025); clinical-reference §12 and §5 "
    .. "(BMJ Best Practice [S13], MSD Manual [S21], Critical Care Secrets [S22])",
  kind = "groups",
  groups = {
    { id = "suspected", title = "NMS suspected (trigger within 72 h and a cardinal sign)" },
    { id = "severe_features", title = "Severe: extreme hyperthermia or a life-threatening complication" },
    { id = "moderate_features", title = "Moderate: significant muscle rigidity and hyperthermia" },
  },
  rule = {
    { level = "severe", need = { suspected = "all", severe_features = 1 } },
    { level = "moderate", need = { suspected = "all", moderate_features = "all" } },
    { level = "mild", need = { suspected = "all" } },
  },
  items = {
    { id = "exposure", group = "suspected",
      title = "Dopamine-antagonist exposure or dopaminergic withdrawal",
      definition = "Dopamine antagonist given, or dopaminergic drug stopped, within the past 72 hours "
        .. "(IEC 2011 item 1 and its window); a depot within risk.depot_window_h (4 weeks)",
      source = "§3 item 1 [S1][S2][S4]; depot window §4.4 Caroff & Mann [S12]; seed 000",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case) return answer(meds.exposure(case, EXPOSURE_H, { depot_hours = DEPOT_H })) end },

    { id = "cardinal_sign", group = "suspected",
      title = "Rigidity or hyperthermia",
      definition = "Rigidity of any degree, or a temperature above severity.hyperthermia_c (38.0 °C) "
        .. "on any reading at any site",
      source = "§3 items 2-3 [S1]; DSM-IV criterion A §1.1 [S10][S11]; Sachdev 2005 [S19]",
      needs = "a rigidity examination (exam[].rigidity) or temperature readings (vitals[].temp)",
      check = function(case) return answer(cardinal(case)) end },

    { id = "extreme_hyperthermia", group = "severe_features",
      title = "Extreme hyperthermia",
      definition = "Temperature above severity.extreme_hyperthermia_c (41.1 °C) on any reading, any site",
      source = "seed 002 'extreme hyperthermia (>41.1°C)'; §5.5 [S35][S36]",
      needs = "temperature readings (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", EXTREME_C)) end },

    complication("renal_failure", "acute_kidney_injury",
      "Renal failure (acute kidney injury), e.g. from rhabdomyolysis", "acute kidney injury",
      "seed 002 'rhabdomyolysis with acute renal failure (may require hemodialysis)'; §9.1 Shalev [S37]"),
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
      title = "Hyperthermia",
      definition = "Temperature above severity.hyperthermia_c (38.0 °C) on any reading, any site",
      source = "seed 002 'significant muscle rigidity and hyperthermia'; IEC value §3 item 2 [S1]",
      needs = "temperature readings (vitals[].temp)",
      check = function(case) return answer(hyperthermia(case)) end },
  },
}

-- Whether NMS is suspected, three-valued, from the set's own items: the
-- actions of tier "none" say whether it is ruled out or undecided.
local function suspected(case)
  local parts = {}
  for _, item in ipairs(set.items) do
    if item.group == "suspected" then
      local v, evidence, missing = item.check(case)
      parts[#parts + 1] = { label = item.title, value = v, evidence = evidence, missing = missing or item.needs }
    end
  end
  return tri.all(parts)
end

-- Only tier "none" needs to know why (not suspected, or undecided): the
-- suspected items are asked again then, and only then.
set.actions = function(case, tier)
  return actions.list(case, tier, tier == "none" and suspected(case) or nil, EXPOSURE_H, DEPOT_H)
end

return set
