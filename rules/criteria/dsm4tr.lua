-- criteria/dsm4tr.lua - DSM-IV-TR research criteria for neuroleptic
-- malignant syndrome: the "A + 2 of 10" rule.
--
-- Criteria A to D as listed in clinical-reference §1.1 [S10][S11]: A both of
-- severe muscle rigidity and elevated temperature, developing with the use of
-- neuroleptic medication; B at least 2 of 10 signs; C not due to another
-- substance or a neurological or general medical condition; D not better
-- explained by a mental disorder. DSM-IV-TR gives no numbers and no time
-- window: every open value is a parameter in params/criteria.lua that says
-- which published number it borrows. The engine applies the rule.
--
-- Variant: parameter dsm4tr.modified = true gives the "modified" DSM-IV-TR of
-- the 2017 IEC validation study (§1.1 notes, §3.1 [S3]), which accepts
-- rigidity less than severe; the set's version then reads "DSM-IV-TR
-- (modified)", so results say which variant produced them.
--
-- Criterion D, "not better accounted for by a mental disorder (e.g., mood
-- disorder with catatonic features)": parameter dsm4tr.criterion_d.
-- "strict" reads only a recorded psychiatric assessment (workup.psychiatric),
-- which most charts do not hold, so DSM-IV-TR could then never be met on
-- them. "record" (default) lets a recorded assessment decide and, without
-- one, decides from the catatonia DSM-IV-TR itself names: catatonia
-- recorded absent (history, or the exams' DSM-5 catatonic signs) meets D;
-- catatonia present leaves D open for the psychiatric assessment. Both
-- readings are in lib/workup.lua (mental_disorder_excluded), shared with
-- Caroff & Mann's exclusion item.
--
-- Tachycardia (B7) and elevated blood pressure (B8) are judged against the
-- baseline when the record has one; without one, and only then, against
-- absolute values other published sets give (parameters dsm4tr.tachycardia_hr,
-- hypertension_sbp, hypertension_dbp; lib/vitals.lua V.raised). The
-- evidence says which comparison was used.

local P = require("lib.params")
local tri = require("lib.tri")
local meds = require("lib.meds")
local vitals = require("lib.vitals")
local exam = require("lib.exam")
local labs = require("lib.labs")
local workup = require("lib.workup")

local answer = tri.answer

-- Published wording, §1.1 [S10][S11] (and [S3] for the modified variant).
local SEVERE = { severe = true }                                      -- A "severe muscle rigidity"
local LESS_THAN_SEVERE_TOO = { mild = true, moderate = true, severe = true }  -- modified DSM-IV-TR [S3]
local CONFUSION_TO_COMA = { confused = true, delirium = true, stupor = true, coma = true }  -- B5
local MEDICAL = { "infection", "toxic", "metabolic", "neurologic" }  -- C: substance, neurological or general medical

local MODIFIED = P.boolean("dsm4tr.modified")
local RIGID = MODIFIED and LESS_THAN_SEVERE_TOO or SEVERE
local FEVER_C = P.number("dsm4tr.fever_c")
local EXPOSURE_H = P.number("dsm4tr.exposure_window_h")
local HR_RISE_PCT = P.number("dsm4tr.tachycardia_pct")
local HR_LIMIT = P.optional_number("dsm4tr.tachycardia_hr")
local SBP_LIMIT = P.optional_number("dsm4tr.hypertension_sbp")
local DBP_LIMIT = P.optional_number("dsm4tr.hypertension_dbp")
local CRITERION_D = P.choice("dsm4tr.criterion_d", { "strict", "record" })
local BP_RISE_PCT = P.number("dsm4tr.bp_rise_pct")
local DBP_CHANGE = P.number("dsm4tr.dbp_change")
local SBP_CHANGE = P.number("dsm4tr.sbp_change")
local BP_WINDOW_H = P.number("dsm4tr.bp_change_window_h")
local WBC_LIMIT = P.number("dsm4tr.leukocytosis_wbc")
local CK_TIMES_ULN = P.number("dsm4tr.ck_times_uln")

local function flag(field, what)
  return function(case) return answer(exam.flag(case, field, what)) end
end

return {
  id = "dsm4tr",
  title = "DSM-IV-TR research criteria for neuroleptic malignant syndrome",
  version = MODIFIED and "DSM-IV-TR (modified)" or "DSM-IV-TR",
  citation = "American Psychiatric Association. Diagnostic and Statistical Manual of Mental Disorders, "
    .. "4th edition, text revision (DSM-IV-TR). Washington, DC: APA; 2000. Research criteria for "
    .. "neuroleptic malignant syndrome, as listed in BMC Psychiatry 2012;12:214, Table 1. Modified "
    .. "variant (rigidity less than severe accepted): Gurrera RJ et al. J Clin Psychopharmacol "
    .. "2017;37:67-71",
  kind = "groups",
  groups = {
    { id = "a", title = "A. Severe muscle rigidity and elevated temperature with neuroleptic use (both)" },
    { id = "b", title = "B. Two or more of ten associated signs" },
    { id = "c", title = "C. Not due to another substance or a neurological or general medical condition" },
    { id = "d", title = "D. Not better accounted for by a mental disorder" },
  },
  rule = {
    { need = { a = "all", b = 2, c = "all", d = "all" } },
  },
  items = {
    { id = "rigidity", group = "a", feature = "rigidity",
      title = MODIFIED and "Muscle rigidity (modified: less than severe accepted)" or "Severe muscle rigidity",
      definition = "Severe muscle rigidity" .. (MODIFIED and "; modified DSM-IV-TR accepts rigidity less than severe" or ""),
      needs = "a rigidity examination with its grade (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", RIGID)) end },

    { id = "temperature", group = "a", feature = "hyperthermia",
      title = "Elevated temperature",
      definition = "Elevated temperature (no threshold given; parameter dsm4tr.fever_c)",
      needs = "a temperature reading (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "neuroleptic", group = "a", feature = "exposure",
      title = "Developing with the use of neuroleptic medication",
      definition = "Development of severe muscle rigidity and elevated temperature associated with the "
        .. "use of neuroleptic medication (no window given; parameter dsm4tr.exposure_window_h)",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case) return answer(meds.exposure(case, EXPOSURE_H, { withdrawal = false })) end },

    { id = "diaphoresis", group = "b", feature = "diaphoresis",
      title = "Diaphoresis",
      needs = "an exam recording sweating (exam[].diaphoresis or exam[].skin)",
      check = function(case) return answer(exam.diaphoresis(case)) end },

    { id = "dysphagia", group = "b", feature = "dysphagia",
      title = "Dysphagia",
      needs = "an exam recording swallowing (exam[].dysphagia)",
      check = flag("dysphagia") },

    { id = "tremor", group = "b", feature = "tremor",
      title = "Tremor",
      needs = "an exam recording tremor (exam[].tremor)",
      check = flag("tremor") },

    { id = "incontinence", group = "b", feature = "incontinence",
      title = "Incontinence",
      needs = "an exam recording continence (exam[].incontinence)",
      check = flag("incontinence", "urinary incontinence") },

    { id = "consciousness", group = "b", feature = "mental_status",
      title = "Change in level of consciousness",
      definition = "Changes in level of consciousness ranging from confusion to coma",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case)
        return answer(exam.level(case, "mental_status", CONFUSION_TO_COMA, "level of consciousness"))
      end },

    { id = "mutism", group = "b", feature = "mutism",
      title = "Mutism",
      needs = "an exam recording speech (exam[].mutism)",
      check = flag("mutism") },

    { id = "tachycardia", group = "b", feature = "tachycardia",
      title = "Tachycardia",
      definition = "Tachycardia (no threshold given; parameter dsm4tr.tachycardia_pct above baseline, "
        .. "without a baseline dsm4tr.tachycardia_hr)",
      needs = "heart rates (vitals[].hr) and, to compare with, a baseline HR (baseline, or vitals "
        .. "before the first dopamine antagonist)",
      check = function(case) return answer(vitals.raised(case, "hr", HR_RISE_PCT, HR_LIMIT)) end },

    { id = "blood_pressure", group = "b", feature = "blood_pressure",
      title = "Elevated or labile blood pressure",
      definition = "Elevated or labile blood pressure (no thresholds given; parameters dsm4tr.bp_*, "
        .. "without a baseline dsm4tr.hypertension_sbp, hypertension_dbp)",
      needs = "timed BP readings (vitals[].sbp, dbp) and a baseline BP (baseline)",
      check = function(case)
        return answer(vitals.bp_elevated_or_labile(case, BP_RISE_PCT, DBP_CHANGE, SBP_CHANGE, BP_WINDOW_H,
          SBP_LIMIT, DBP_LIMIT))
      end },

    { id = "leukocytosis", group = "b", feature = "leukocytosis",
      title = "Leukocytosis",
      definition = "Leukocytosis (no threshold given; parameter dsm4tr.leukocytosis_wbc)",
      needs = "a white cell count (labs[].wbc)",
      check = function(case) return answer(labs.wbc_above(case, WBC_LIMIT)) end },

    { id = "muscle_injury", group = "b", feature = "ck",
      title = "Laboratory evidence of muscle injury",
      definition = "Laboratory evidence of muscle injury (e.g., elevated CPK); no threshold given "
        .. "(parameter dsm4tr.ck_times_uln); myoglobinuria counts as such evidence",
      needs = "a CK result with its ULN (labs[].ck, ck_uln) or a urine myoglobin result (labs[].myoglobinuria)",
      check = function(case)
        return answer(labs.ck_or_myoglobinuria(case, CK_TIMES_ULN))
      end },

    { id = "not_medical", group = "c", feature = "exclusion",
      title = "Not due to another substance or a neurological or general medical condition",
      definition = "The symptoms are not due to another substance (e.g., phencyclidine) or a neurological "
        .. "or other general medical condition (e.g., viral encephalitis)",
      needs = "work-up results for infectious, toxic, metabolic and neurologic causes "
        .. "(workup.infection, toxic, metabolic, neurologic)",
      check = function(case) return answer(workup.negative(case, MEDICAL)) end },

    { id = "not_mental_disorder", group = "d", feature = "exclusion",
      title = "Not better accounted for by a mental disorder",
      definition = "The symptoms are not better accounted for by a mental disorder (e.g., mood disorder "
        .. "with catatonic features); reading: parameter dsm4tr.criterion_d = " .. CRITERION_D,
      needs = CRITERION_D == "strict"
        and "the psychiatric assessment of whether a mental disorder explains the picture (workup.psychiatric)"
        or "the psychiatric assessment (workup.psychiatric), or whether catatonia is present "
          .. "(history.catatonia, exam catatonic signs)",
      check = function(case) return answer(workup.mental_disorder_excluded(case, CRITERION_D)) end },
  },
}
