-- criteria/caroff1993.lua - Caroff & Mann criteria for neuroleptic malignant
-- syndrome: all 4 major and at least 5 of 9 minor.
--
-- As tabulated in Ngo et al. 2019, CPCEM Table 1 (clinical-reference §4.4
-- [S12]). That table labels the set "Caroff, Mann 1936", an evident misprint:
-- the Caroff & Mann review is usually cited as 1993, which is the version used
-- here. The table gives no numbers except the exposure windows (7 days;
-- 2-4 weeks for depot, a parameter); every open value is a parameter in
-- params/criteria.lua that says which published number it borrows. The
-- numeric temperature threshold is UNCONFIRMED in the reference, so it is a
-- parameter, not a published value.
--
-- The window runs back from the onset of the syndrome; the case format has
-- no onset time, so the assessment time stands for it (as in IEC 2011 item
-- 1). A course is a depot when its route is recorded as "depot".

local P = require("lib.params")
local tri = require("lib.tri")
local meds = require("lib.meds")
local vitals = require("lib.vitals")
local exam = require("lib.exam")
local labs = require("lib.labs")
local workup = require("lib.workup")
local record = require("lib.record")

local answer, part = tri.answer, tri.part

local RIGID = { mild = true, moderate = true, severe = true }  -- major "muscle rigidity": no grade given, any degree

local EXPOSURE_H = P.number("caroff1993.exposure_window_h")
local DEPOT_H = P.number("caroff1993.depot_window_h")
local FEVER_C = P.number("caroff1993.fever_c")
local EXCLUDE = P.list("caroff1993.exclusion_workup")
local MENTAL = P.set("caroff1993.mental_status_change")
local HR_RISE_PCT = P.number("caroff1993.tachycardia_pct")
local BP_RISE_PCT = P.number("caroff1993.bp_rise_pct")
local BP_FALL_PCT = P.number("caroff1993.bp_fall_pct")
local RR_RISE_PCT = P.number("caroff1993.tachypnea_pct")
local CK_TIMES_ULN = P.number("caroff1993.ck_times_uln")
local WBC_LIMIT = P.number("caroff1993.leukocytosis_wbc")

local function flag(field, what)
  return function(case) return answer(exam.flag(case, field, what)) end
end

return {
  id = "caroff1993",
  title = "Caroff & Mann criteria for neuroleptic malignant syndrome",
  version = "1993",
  citation = "Caroff SN, Mann SC; criteria as tabulated in Ngo V et al. Two cases of neuroleptic "
    .. "malignant syndrome treated with dantrolene. Clin Pract Cases Emerg Med 2019;3(1):16-23, "
    .. "Table 1 (labelled there 'Caroff, Mann 1936', a misprint for 1993)",
  kind = "groups",
  groups = {
    { id = "major", title = "Major criteria (all 4)" },
    { id = "minor", title = "Minor criteria (5 or more of 9)" },
  },
  rule = {
    { need = { major = "all", minor = 5 } },
  },
  items = {
    { id = "neuroleptic", group = "major", feature = "exposure",
      title = "Neuroleptic treatment within 7 days of onset (2-4 weeks for depot)",
      definition = "Treatment with neuroleptics within 7 days of onset (2-4 weeks for depot "
        .. "neuroleptics; parameter caroff1993.depot_window_h)",
      needs = "the medication list (medications[]: drug or atc, route, start, stop) and the assessment time",
      check = function(case)
        return answer(meds.exposure(case, EXPOSURE_H, { withdrawal = false, depot_hours = DEPOT_H }))
      end },

    { id = "hyperthermia", group = "major", feature = "hyperthermia",
      title = "Hyperthermia",
      definition = "Hyperthermia (no threshold given; parameter caroff1993.fever_c)",
      needs = "a temperature reading (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "rigidity", group = "major", feature = "rigidity",
      title = "Muscle rigidity",
      needs = "a rigidity examination (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", RIGID)) end },

    { id = "exclusion", group = "major", feature = "exclusion",
      title = "Exclusion of other drug-induced, systemic or neuropsychiatric illness",
      definition = "Exclusion of other drug-induced, systemic, or neuropsychiatric illness "
        .. "(work-up fields: parameter caroff1993.exclusion_workup)",
      needs = "work-up results (workup." .. table.concat(EXCLUDE, ", ") .. ")",
      check = function(case) return answer(workup.negative(case, EXCLUDE)) end },

    { id = "mental_status", group = "minor", feature = "mental_status",
      title = "Change in mental status",
      definition = "Change in mental status (no scale given; parameter caroff1993.mental_status_change)",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", MENTAL, "mental status")) end },

    { id = "tachycardia", group = "minor", feature = "tachycardia",
      title = "Tachycardia",
      definition = "Tachycardia (no threshold given; parameter caroff1993.tachycardia_pct)",
      needs = "a baseline HR (baseline, or vitals before the first dopamine antagonist) and later "
        .. "readings (vitals[].hr)",
      check = function(case) return answer(vitals.above_baseline(case, "hr", HR_RISE_PCT)) end },

    { id = "blood_pressure", group = "minor", feature = "blood_pressure",
      title = "Hypertension or hypotension",
      definition = "Hypertension or hypotension (no thresholds given; parameters caroff1993.bp_rise_pct, "
        .. "bp_fall_pct)",
      needs = "a baseline BP and later readings (baseline, vitals[].sbp, dbp)",
      check = function(case)
        return answer(tri.any({
          part("hypertension, SBP or DBP ≥ " .. BP_RISE_PCT .. " % above baseline",
            vitals.bp_above_baseline(case, BP_RISE_PCT)),
          part("hypotension, SBP or DBP ≥ " .. BP_FALL_PCT .. " % below baseline",
            vitals.bp_below_baseline(case, BP_FALL_PCT)),
        }))
      end },

    { id = "tachypnea_or_sialorrhea", group = "minor",
      title = "Tachypnea or sialorrhea",
      definition = "Tachypnea (no threshold given; parameter caroff1993.tachypnea_pct) or sialorrhea",
      needs = "a baseline RR with later readings (baseline, vitals[].rr) or an exam recording "
        .. "drooling (exam[].sialorrhea)",
      check = function(case)
        return answer(tri.any({
          part("tachypnea, RR ≥ " .. RR_RISE_PCT .. " % above baseline",
            vitals.above_baseline(case, "rr", RR_RISE_PCT)),
          part("sialorrhea", exam.flag(case, "sialorrhea")),
        }))
      end },

    { id = "tremor", group = "minor", feature = "tremor",
      title = "Tremor",
      needs = "an exam recording tremor (exam[].tremor)",
      check = flag("tremor") },

    { id = "incontinence", group = "minor", feature = "incontinence",
      title = "Incontinence",
      needs = "an exam recording continence (exam[].incontinence)",
      check = flag("incontinence", "urinary incontinence") },

    { id = "ck_or_myoglobinuria", group = "minor", feature = "ck",
      title = "CPK elevation or myoglobinuria",
      definition = "CPK elevation (no threshold given; parameter caroff1993.ck_times_uln) or myoglobinuria",
      needs = "a CK result with its ULN (labs[].ck, ck_uln) or a urine myoglobin result (labs[].myoglobinuria)",
      check = function(case)
        return answer(labs.ck_or_myoglobinuria(case, CK_TIMES_ULN))
      end },

    { id = "leukocytosis", group = "minor", feature = "leukocytosis",
      title = "Leukocytosis",
      definition = "Leukocytosis (no threshold given; parameter caroff1993.leukocytosis_wbc)",
      needs = "a white cell count (labs[].wbc)",
      check = function(case) return answer(labs.wbc_above(case, WBC_LIMIT)) end },

    { id = "metabolic_acidosis", group = "minor", feature = "metabolic_acidosis",
      title = "Metabolic acidosis",
      needs = "whether metabolic acidosis was found (complications.metabolic_acidosis)",
      check = function(case)
        return answer(record.flag(case, "complications", "metabolic_acidosis", "metabolic acidosis"))
      end },
  },
}
