-- criteria/levenson1985.lua - Levenson's criteria for neuroleptic malignant
-- syndrome (1985): 3 major and 6 minor manifestations.
--
-- As reproduced in clinical-reference §2 [S15][S16]: high probability of NMS
-- with all 3 major, or 2 major and at least 4 minor. The secondary tables give
-- no numbers for fever, heart rate, respiratory rate, white cells or CK, and
-- no drug-exposure criterion; every open value is a parameter in
-- params/criteria.lua that says which published number it borrows. The
-- "usually >1000 IU/L" printed beside elevated CK in Tse et al.'s table is
-- the reviewers' annotation, not Levenson's cut-off, and is not used.
--
-- Tachycardia, tachypnea and blood pressure are judged against the
-- baseline when the record has one; without one, and only then, against
-- absolute values (lib/vitals.lua V.raised): HR >= 100/min and RR >= 20/min
-- as medicalalgorithms.com reproduces Levenson's own criteria, BP > 140
-- systolic or > 90 diastolic from Addonizio 1987 (parameters
-- levenson1985.tachycardia_hr, tachypnea_rr, hypertension_sbp/dbp). The
-- evidence says which comparison was used. That page also prints other
-- Levenson numbers (fever >= 37.2 °C, CK >= 250 IU/L, WBC >= 11,000/µL);
-- they are not adopted here (one secondary page against the tables of §2,
-- which print none) and are listed for verification.

local P = require("lib.params")
local presupposed = require("lib.presupposed")
local tri = require("lib.tri")
local vitals = require("lib.vitals")
local exam = require("lib.exam")
local labs = require("lib.labs")

local answer = tri.answer

local RIGID = { mild = true, moderate = true, severe = true }  -- major "rigidity": no grade given, any degree

local FEVER_C = P.number("levenson1985.fever_c")
local CK_TIMES_ULN = P.number("levenson1985.ck_times_uln")
local HR_RISE_PCT = P.number("levenson1985.tachycardia_pct")
local RR_RISE_PCT = P.number("levenson1985.tachypnea_pct")
local HR_LIMIT = P.optional_number("levenson1985.tachycardia_hr")
local RR_LIMIT = P.optional_number("levenson1985.tachypnea_rr")
local SBP_LIMIT = P.optional_number("levenson1985.hypertension_sbp")
local DBP_LIMIT = P.optional_number("levenson1985.hypertension_dbp")
local AT_LEAST = true   -- Levenson's absolute HR and RR read ">= 100", ">= 20" (medicalalgorithms.com)
local BP_RISE_PCT = P.number("levenson1985.bp_rise_pct")
local DBP_CHANGE = P.number("levenson1985.dbp_change")
local SBP_CHANGE = P.number("levenson1985.sbp_change")
local BP_WINDOW_H = P.number("levenson1985.bp_change_window_h")
local ALTERED = P.set("levenson1985.altered_consciousness")
local WBC_LIMIT = P.number("levenson1985.leukocytosis_wbc")
-- No window of its own: Caroff & Mann's, the widest published (lib/presupposed.lua).
local EXPOSURE_H = P.number("caroff1993.exposure_window_h")
local EXPOSURE_OPTS = { depot_hours = P.number("caroff1993.depot_window_h") }

return {
  id = "levenson1985",
  title = "Levenson criteria for neuroleptic malignant syndrome",
  version = "1985",
  citation = "Levenson JL. Neuroleptic malignant syndrome. Am J Psychiatry 1985; criteria as reproduced "
    .. "in Ngo V et al. Clin Pract Cases Emerg Med 2019;3(1):16-23, Table 1, and in Neuroleptic "
    .. "malignant syndrome: a review from a clinically oriented perspective. Curr Neuropharmacol "
    .. "2015;13(3):395-406, Table 3",
  kind = "groups",
  groups = {
    { id = "major", title = "Major manifestations" },
    { id = "minor", title = "Minor manifestations" },
  },
  rule = {   -- §2: "high probability of NMS" for either alternative
    { level = "high_probability", need = { major = 3 } },
    { level = "high_probability", need = { major = 2, minor = 4 } },
  },
  -- No exposure criterion in the table (§2): fever, rigidity and CK meet it
  -- in heat stroke or malignant hyperthermia too (lib/presupposed.lua).
  presupposes = presupposed.exposure(EXPOSURE_H, EXPOSURE_OPTS, P.boolean("levenson1985.require_exposure"),
    "Levenson 1985 as tabulated: no exposure item of its own; the windows of Caroff & Mann major criterion 1 (neuroleptic within 7 days, depot 2-4 weeks: caroff1993.exposure_window_h, caroff1993.depot_window_h), the widest published for neuroleptic use, and a dopaminergic drug stopped within exposure.withdrawal_window_h"),
  items = {
    { id = "fever", group = "major", feature = "hyperthermia",
      title = "Fever",
      definition = "Fever (no threshold given; parameter levenson1985.fever_c)",
      needs = "a temperature reading (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "rigidity", group = "major", feature = "rigidity",
      title = "Rigidity",
      needs = "a rigidity examination (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", RIGID)) end },

    { id = "ck", group = "major", feature = "ck",
      title = "Elevated creatine kinase",
      definition = "Elevated CK level (no threshold given; parameter levenson1985.ck_times_uln)",
      needs = "a CK result (labs[].ck) with the laboratory's upper limit of normal (labs[].ck_uln)",
      check = function(case) return answer(labs.ck_times_uln(case, CK_TIMES_ULN)) end },

    { id = "tachycardia", group = "minor", feature = "tachycardia",
      title = "Tachycardia",
      definition = "Tachycardia (parameter levenson1985.tachycardia_pct above baseline; without a "
        .. "baseline, levenson1985.tachycardia_hr)",
      needs = "heart rates (vitals[].hr) and, to compare with, a baseline HR (baseline, or vitals "
        .. "before the first dopamine antagonist)",
      check = function(case)
        return answer(vitals.raised(case, "hr", HR_RISE_PCT, HR_LIMIT, AT_LEAST))
      end },

    { id = "blood_pressure", group = "minor", feature = "blood_pressure",
      title = "Abnormal arterial pressure",
      definition = "Abnormal (labile) arterial pressure (no thresholds given; parameters levenson1985.bp_*, "
        .. "without a baseline levenson1985.hypertension_sbp, hypertension_dbp)",
      needs = "timed BP readings (vitals[].sbp, dbp) and a baseline BP (baseline)",
      check = function(case)
        return answer(vitals.bp_elevated_or_labile(case, BP_RISE_PCT, DBP_CHANGE, SBP_CHANGE, BP_WINDOW_H,
          SBP_LIMIT, DBP_LIMIT))
      end },

    { id = "tachypnea", group = "minor", feature = "tachypnea",
      title = "Tachypnea",
      definition = "Tachypnea (parameter levenson1985.tachypnea_pct above baseline; without a baseline, "
        .. "levenson1985.tachypnea_rr)",
      needs = "respiratory rates (vitals[].rr) and, to compare with, a baseline RR (baseline, or "
        .. "vitals before the first dopamine antagonist)",
      check = function(case)
        return answer(vitals.raised(case, "rr", RR_RISE_PCT, RR_LIMIT, AT_LEAST))
      end },

    { id = "consciousness", group = "minor", feature = "mental_status",
      title = "Altered consciousness",
      definition = "Altered consciousness (no scale given; parameter levenson1985.altered_consciousness)",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case)
        return answer(exam.level(case, "mental_status", ALTERED, "level of consciousness"))
      end },

    { id = "diaphoresis", group = "minor", feature = "diaphoresis",
      title = "Diaphoresis",
      needs = "an exam recording sweating (exam[].diaphoresis or exam[].skin)",
      check = function(case) return answer(exam.diaphoresis(case)) end },

    { id = "leukocytosis", group = "minor", feature = "leukocytosis",
      title = "Leukocytosis",
      definition = "Leukocytosis (no threshold given; parameter levenson1985.leukocytosis_wbc)",
      needs = "a white cell count (labs[].wbc)",
      check = function(case) return answer(labs.wbc_above(case, WBC_LIMIT)) end },
  },
}
