-- criteria/pope1986.lua - Pope et al. (1986) operational criteria for
-- neuroleptic malignant syndrome: definite and probable.
--
-- As tabulated by Tse et al. (clinical-reference §4.1 [S16]). Definite
-- (prospective): all 3 of hyperthermia, >= 2 of 12 extrapyramidal signs and
-- >= 2 of 5 autonomic signs, each with the numbers printed in the table.
-- Probable (retrospective): "if one of the three above was not documented",
-- a probable diagnosis is allowed when both clouded consciousness and
-- leukocytosis > 15,000/mm³ are present.
--
-- What could and could not be verified (issue 9), in clinical-reference
-- terms:
-- - Read: Tse et al. 2015 Table 3 [S16] (PMC4812801, the flattened table
--   text), the best source found. Legible: the three definite criteria with
--   their numbers; the retrospective rule in words, "if one of the three
--   criteria above are not documented, a probable diagnosis is still
--   permitted if both of the following criteria are met", then two numbered
--   items, clouded consciousness (e.g. delirium, mutism, stupor, coma) and
--   leukocytosis (>15,000 WBC/mm³); then an unnumbered line "CPK >300 U/mL"
--   before Addonizio's numbered list. Whether that line is a third item of
--   Pope's list (so that the original may read "one of the following") or
--   belongs to Addonizio's column (as §4.2 reads it) cannot be told from
--   the text. Default: the printed words, both of the two items; parameter
--   pope1986.probable_rule = "one_of" gives the other reading (one of
--   clouded consciousness, leukocytosis, CK > pope1986.probable_ck).
-- - Temperature: the table prints "oral temperature >37.5°C"; issue 9
--   quotes the 1986 wording as "at least 37.5 °C". Default: at least
--   (>= 37.5 °C), parameter pope1986.hyperthermia_at_least (false = the
--   table's ">").
-- - Not readable: Pope HG Jr, Keck PE Jr, McElroy SL, Am J Psychiatry
--   1986;143:1227-33, the primary, in any corpus searched; neither reading
--   above is confirmed against it.
--
-- Reading of "not documented" in three-valued logic. The probable diagnosis
-- was written for chart review: a criterion "not documented" is one the chart
-- does not establish, whether the chart shows it absent or says nothing. So
-- the probable alternative asks for 2 of the 3 criteria true (the third may
-- be false or unknown) plus both supporting findings. The two values of the
-- third criterion still differ in the result: when it is unknown (nothing
-- recorded), "definite" stays possible and is listed in could_be, with the
-- missing data named; when it is false, definite is ruled out and the case
-- is probable. The engine applies the rule; no item counts the others.
--
-- "Oral temperature" follows the ruleset's shared site policy (parameters
-- temperature.oral_sites, unsited_is_oral, other_sites; lib/temperature.lua):
-- by default an unsited reading counts as oral, and a high reading at another
-- site leaves the criterion unknown rather than true.

local P = require("lib.params")
local presupposed = require("lib.presupposed")
local tri = require("lib.tri")
local temperature = require("lib.temperature")
local vitals = require("lib.vitals")
local exam = require("lib.exam")
local labs = require("lib.labs")

local answer = tri.answer

-- Published values, §4.1 [S16] (as printed in Tse's table).
local ORAL_TEMP_C = 37.5     -- criterion 1: "oral temperature >37.5 °C" (Tse), "at least" (issue 9)
local DBP_RISE = 20          -- criterion 3: "diastolic rise >20 mmHg above baseline"
local HR_RISE = 30           -- criterion 3: "tachycardia >30 bpm above baseline"
local RR_LIMIT = 25          -- criterion 3: "tachypnea >25/min"
local WBC_LIMIT = 15         -- probable: "leukocytosis >15,000/mm³" = 15 ×10^9/L
local CLOUDED = { delirium = true, stupor = true, coma = true }  -- probable: "delirium, mutism, stupor, coma"

local LEAD_PIPE = P.set("pope1986.lead_pipe_rigidity")
local AT_LEAST_37_5 = P.boolean("pope1986.hyperthermia_at_least")
local ONE_OF = P.choice("pope1986.probable_rule", { "both", "one_of" }) == "one_of"
local PROBABLE_CK = P.number("pope1986.probable_ck")
-- No window of its own: Caroff & Mann's, the widest published (lib/presupposed.lua).
local EXPOSURE_H = P.number("caroff1993.exposure_window_h")
local EXPOSURE_OPTS = { depot_hours = P.number("caroff1993.depot_window_h") }

-- A sign recorded as an exam flag, as a labelled part.
local function sign(field, what)
  what = what or (field:gsub("_", " "))
  return { what, function(case) return exam.flag(case, field, what) end }
end

-- Criterion 2: at least 2 of these 12 extrapyramidal signs.
local EXTRAPYRAMIDAL = {
  { "lead-pipe rigidity", function(case) return exam.level(case, "rigidity", LEAD_PIPE) end },
  sign("cogwheeling"),
  sign("sialorrhea"),
  sign("oculogyric_crisis"),
  sign("retrocollis"),
  sign("opisthotonos"),
  sign("trismus"),
  sign("dysphagia"),
  sign("choreiform_movements"),
  sign("dyskinetic_movements"),
  sign("festinating_gait"),
  sign("flexor_extensor_posturing", "flexor-extensor posturing"),
}

-- Criterion 3: at least 2 of these 5 autonomic signs.
local AUTONOMIC = {
  { "hypertension, diastolic rise > " .. DBP_RISE .. " mmHg above baseline",
    function(case) return vitals.rise_over_baseline(case, "dbp", DBP_RISE) end },
  { "tachycardia, > " .. HR_RISE .. "/min above baseline",
    function(case) return vitals.rise_over_baseline(case, "hr", HR_RISE) end },
  { "tachypnea, > " .. RR_LIMIT .. "/min", function(case) return vitals.any_above(case, "rr", RR_LIMIT) end },
  { "prominent diaphoresis", exam.diaphoresis },
  sign("incontinence", "urinary incontinence"),
}

-- Clouded consciousness: a clouded level of consciousness on any exam, or mutism.
local CLOUDING = {
  { "delirium, stupor or coma",
    function(case) return exam.level(case, "mental_status", CLOUDED, "level of consciousness") end },
  sign("mutism"),
}

local PROBABLE_CK_ITEM = { id = "ck", group = "probable", feature = "ck",
  title = "CPK elevation",
  definition = "CPK > " .. PROBABLE_CK .. " U/L (printed 'CPK >300 U/mL'; reading pope1986.probable_rule = one_of)",
  needs = "a CK result (labs[].ck)",
  check = function(case) return answer(labs.above(case, "ck", PROBABLE_CK, "CK", "U/L")) end }

local set = {
  id = "pope1986",
  title = "Pope et al. operational criteria for neuroleptic malignant syndrome",
  version = "1986",
  citation = "Pope et al. 1986, as tabulated in: Neuroleptic malignant syndrome: a review from a "
    .. "clinically oriented perspective. Curr Neuropharmacol 2015;13(3):395-406, Table 3 (commonly "
    .. "cited as Tse et al.)",
  kind = "groups",
  groups = {
    { id = "criteria", title = "Criteria for definite NMS (all 3)" },
    { id = "probable", title = ONE_OF and "For probable NMS when one criterion is not documented (one of)"
      or "For probable NMS when one criterion is not documented (both)" },
  },
  rule = {
    { level = "definite", need = { criteria = "all" } },
    { level = "probable", need = { criteria = 2, probable = ONE_OF and 1 or "all" } },
  },
  -- Tse's table has no drug criterion (lib/presupposed.lua).
  presupposes = presupposed.exposure(EXPOSURE_H, EXPOSURE_OPTS, P.boolean("pope1986.require_exposure"),
    "Pope 1986 as tabulated: no exposure item of its own; the windows of Caroff & Mann major criterion 1 (neuroleptic within 7 days, depot 2-4 weeks: caroff1993.exposure_window_h, caroff1993.depot_window_h), the widest published for neuroleptic use, and a dopaminergic drug stopped within exposure.withdrawal_window_h"),
  items = {
    { id = "hyperthermia", group = "criteria", feature = "hyperthermia",
      title = "Hyperthermia",
      definition = AT_LEAST_37_5 and "Oral temperature of at least 37.5 °C" or "Oral temperature > 37.5 °C",
      needs = "an oral temperature reading (vitals[].temp with temp_site)",
      check = function(case) return answer(temperature.above(case, ORAL_TEMP_C, 1, AT_LEAST_37_5)) end },

    { id = "extrapyramidal", group = "criteria",
      title = "Severe extrapyramidal effects",
      definition = "Two or more of: lead-pipe rigidity, cogwheeling, sialorrhea, oculogyric crisis, "
        .. "retrocollis, opisthotonos, trismus, dysphagia, choreiform movements, dyskinetic movements, "
        .. "festinating gait, flexor-extensor posturing",
      needs = "exams recording the extrapyramidal signs (exam[].rigidity, cogwheeling, sialorrhea, "
        .. "oculogyric_crisis, retrocollis, opisthotonos, trismus, dysphagia, choreiform_movements, "
        .. "dyskinetic_movements, festinating_gait, flexor_extensor_posturing)",
      check = function(case) return answer(tri.at_least(2, tri.evaluate(EXTRAPYRAMIDAL, case))) end },

    { id = "autonomic", group = "criteria",
      title = "Autonomic dysfunction",
      definition = "Two or more of: hypertension (diastolic rise > 20 mmHg above baseline), tachycardia "
        .. "(> 30 bpm above baseline), tachypnea (> 25/min), prominent diaphoresis, incontinence",
      needs = "a baseline HR and DBP with later readings (baseline, vitals[].hr, dbp), respiratory "
        .. "rates (vitals[].rr), and exams recording sweating and continence (exam[].diaphoresis or "
        .. "skin, exam[].incontinence)",
      check = function(case) return answer(tri.at_least(2, tri.evaluate(AUTONOMIC, case))) end },

    { id = "clouded_consciousness", group = "probable", feature = "mental_status",
      title = "Clouded consciousness",
      definition = "Clouded consciousness: delirium, mutism, stupor or coma",
      needs = "a mental status examination (exam[].mental_status) or an exam recording mutism (exam[].mutism)",
      check = function(case) return answer(tri.any(tri.evaluate(CLOUDING, case))) end },

    { id = "leukocytosis", group = "probable", feature = "leukocytosis",
      title = "Leukocytosis",
      definition = "Leukocytosis > 15,000/mm³",
      needs = "a white cell count (labs[].wbc)",
      check = function(case) return answer(labs.wbc_above(case, WBC_LIMIT)) end },
  },
}

if ONE_OF then table.insert(set.items, PROBABLE_CK_ITEM) end

return set
