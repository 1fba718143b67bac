-- criteria/iec2011.lua - International Expert Consensus (IEC) criteria for
-- neuroleptic malignant syndrome (Gurrera et al. 2011).
--
-- A Delphi panel of 17 physicians ranked eight criteria and gave each a
-- priority score (points, total 100), all or nothing per item. Items and
-- points as tabulated in clinical-reference §3 [S1], reproduced identically
-- by UpToDate graphic 85984 [S2] and [S4]. The engine adds the points of
-- true items and compares with the cutoff (parameter iec2011.threshold;
-- the 2011 paper defines none, see params.lua).

local P = require("lib.params")
local tri = require("lib.tri")
local meds = require("lib.meds")
local temperature = require("lib.temperature")
local exam = require("lib.exam")
local labs = require("lib.labs")
local vitals = require("lib.vitals")
local workup = require("lib.workup")
local presupposed = require("lib.presupposed")

local answer, part = tri.answer, tri.part

-- Published values, §3 table [S1][S2][S4]; windows are parameters.
local FEVER_C = 38.0        -- item 2: ">38.0 °C (>100.4 °F)", strictly above
local FEVER_OCCASIONS = 2   -- item 2: "on at least 2 occasions"
local CK_TIMES_ULN = 4      -- item 5: "≥4 × upper limit of normal"
local BP_RISE_PCT = 25      -- item 6a: "systolic or diastolic ≥25% above baseline"
local DBP_CHANGE = 20       -- item 6b: "≥20 mmHg diastolic change"
local SBP_CHANGE = 25       -- item 6b: "≥25 mmHg systolic change"
local HR_RISE_PCT = 25      -- item 7: "heart rate ≥25% above baseline"
local RR_RISE_PCT = 50      -- item 7: "respiratory rate ≥50% above baseline"
local RIGID = { mild = true, moderate = true, severe = true }      -- item 3: no qualifier, any degree
local CAUSES = { "infection", "toxic", "metabolic", "neurologic" } -- item 8

local EXPOSURE_H = P.number("iec2011.exposure_window_h")
local EXPOSURE_OPTS = { withdrawal_hours = EXPOSURE_H }
local BP_WINDOW_H = P.number("iec2011.bp_change_window_h")
local REDUCED = P.set("iec2011.altered_mental_status")

-- Item 4: a reduced level of consciousness on any exam, or a level that
-- changed between exams (fluctuating).
local function mental_status(case)
  local reduced = exam.level(case, "mental_status", REDUCED, "mental status")
  if reduced.value == true then return reduced end
  local changed = exam.changed(case, "mental_status")
  if changed.value == true then
    return tri.finding(true, "fluctuating level of consciousness: " .. changed.evidence)
  end
  return reduced
end

-- Item 6: four sub-criteria, at least 2 needed; each counted once, so BP
-- elevation and BP fluctuation are separate (§3 encoding notes).
local LABILITY = {
  { "(a) BP elevation, SBP or DBP ≥ 25 % above baseline", function(case)
    return tri.any({ part("SBP", vitals.above_baseline(case, "sbp", BP_RISE_PCT)),
                     part("DBP", vitals.above_baseline(case, "dbp", BP_RISE_PCT)) })
  end },
  { "(b) BP fluctuation, ≥ 20 mmHg diastolic or ≥ 25 mmHg systolic change within 24 h", function(case)
    return tri.any({ part("DBP", vitals.change_within(case, "dbp", DBP_CHANGE, BP_WINDOW_H)),
                     part("SBP", vitals.change_within(case, "sbp", SBP_CHANGE, BP_WINDOW_H)) })
  end },
  { "(c) diaphoresis", exam.diaphoresis },
  { "(d) urinary incontinence", function(case)
    return exam.flag(case, "incontinence", "urinary incontinence")
  end },
}

return {
  id = "iec2011",
  title = "International Expert Consensus (IEC) criteria for neuroleptic malignant syndrome",
  version = "2011",
  citation = "Gurrera RJ, Caroff SN, Cohen A, et al. An international consensus study of neuroleptic "
    .. "malignant syndrome diagnostic criteria using the Delphi method. J Clin Psychiatry "
    .. "2011;72(9):1222-8. doi:10.4088/JCP.10m06438",
  kind = "points",
  threshold = P.number("iec2011.threshold"),
  -- The table's weights let the other seven items reach the cut-off
  -- without item 1 (lib/presupposed.lua): the result says so, and the
  -- verdict follows item 1 only when a site asks (iec2011.require_exposure).
  presupposes = presupposed.exposure(EXPOSURE_H, EXPOSURE_OPTS, P.boolean("iec2011.require_exposure"),
    "Item 1 itself: dopamine antagonist exposure or dopamine-agonist withdrawal within the past 72 hours "
      .. "(parameter iec2011.exposure_window_h)"),
  items = {
    { id = "exposure", points = 20, feature = "exposure",
      title = "Exposure to a dopamine antagonist, or dopamine agonist withdrawal",
      definition = "Dopamine antagonist exposure or dopamine-agonist withdrawal within the past 72 hours",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      -- IEC prints one window for both halves of the item: a withdrawal is
      -- counted within the same 72 h (the longer parkinsonism-hyperpyrexia
      -- window, §7.5, belongs to that differential and to management).
      check = function(case) return answer(meds.exposure(case, EXPOSURE_H, EXPOSURE_OPTS)) end },

    { id = "hyperthermia", points = 18, feature = "hyperthermia",
      title = "Hyperthermia",
      definition = ">38.0 °C (>100.4 °F) on at least 2 occasions, measured orally",
      needs = "two or more oral temperature readings (vitals[].temp with temp_site)",
      check = function(case)
        return answer(temperature.above(case, FEVER_C, FEVER_OCCASIONS))
      end },

    { id = "rigidity", points = 17, feature = "rigidity",
      title = "Rigidity",
      definition = "Rigidity (no further qualifier in the published table)",
      needs = "a rigidity examination (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", RIGID)) end },

    { id = "mental_status", points = 13, feature = "mental_status",
      title = "Mental status alteration",
      definition = "Reduced or fluctuating level of consciousness",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(mental_status(case)) end },

    { id = "ck_elevation", points = 10, feature = "ck",
      title = "Creatine kinase elevation",
      definition = "≥4 × upper limit of normal",
      needs = "a CK result (labs[].ck) with the laboratory's upper limit of normal (labs[].ck_uln)",
      check = function(case) return answer(labs.ck_times_uln(case, CK_TIMES_ULN)) end },

    { id = "sympathetic_lability", points = 10,
      title = "Sympathetic nervous system lability",
      definition = "≥2 of: (a) BP elevation, systolic or diastolic ≥25% above baseline; (b) BP "
        .. "fluctuation, ≥20 mmHg diastolic change or ≥25 mmHg systolic change within 24 h; "
        .. "(c) diaphoresis; (d) urinary incontinence",
      needs = "a baseline BP (baseline, or vitals before the first dopamine antagonist), timed BP "
        .. "readings (vitals[].sbp, dbp), and exams recording sweating and continence "
        .. "(exam[].diaphoresis or skin, exam[].incontinence)",
      check = function(case) return answer(tri.at_least(2, tri.evaluate(LABILITY, case))) end },

    { id = "hypermetabolism", points = 5,
      title = "Hypermetabolism",
      definition = "Heart rate ≥25% above baseline AND respiratory rate ≥50% above baseline",
      needs = "a baseline HR and RR (baseline, or vitals before the first dopamine antagonist) and "
        .. "later readings (vitals[].hr, rr)",
      -- Both required; the table sets no simultaneity, so any HR reading
      -- and any RR reading may satisfy their halves.
      check = function(case)
        return answer(tri.all({
          part("HR ≥ 25 % above baseline", vitals.above_baseline(case, "hr", HR_RISE_PCT)),
          part("RR ≥ 50 % above baseline", vitals.above_baseline(case, "rr", RR_RISE_PCT)),
        }))
      end },

    { id = "negative_workup", points = 7, feature = "exclusion",
      title = "Negative work-up",
      definition = "Negative for infectious, toxic, metabolic or neurologic causes",
      needs = "work-up results for infectious, toxic, metabolic and neurologic causes "
        .. "(workup.infection, toxic, metabolic, neurologic)",
      check = function(case) return answer(workup.negative(case, CAUSES)) end },
  },
}
