-- differential/sympathomimetic.lua - sympathomimetic toxicity screen:
-- cocaine, amphetamines or cathinones with catecholamine excess
-- (tachycardia, hypertension, diaphoresis, mydriasis, agitation),
-- clinical-reference §7.9 [S77][S36].
--
-- A screen built from the reference's features, not a published criteria
-- set. "Rigidity and bradyreflexia absent" is clinical reasoning,
-- UNCONFIRMED as rule: distinguishing text only. Decisions:
-- - Drug: class sympathomimetic (rules/drugs/other.lua, §7.9) given within
--   differential.sympathomimetic.agent_window_h.
-- - Mydriasis is required: of the five features it is the one NMS lacks
--   (pupils normal in NMS, §7.1 [S35]; §7.9). Tachycardia, hypertension,
--   diaphoresis and agitation are NMS signs as well (§1, §7.1), so they
--   confirm the toxidrome (at least differential.sympathomimetic.min_features
--   of them) but never make it alone: a met differential suppresses NMS
--   management.
-- - Tachycardia and hypertension are absolute values (parameters): a
--   toxidrome arrives without a baseline.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local SYMPATHOMIMETIC = { sympathomimetic = true }                 -- §7.9 drug class
local AGENT_WINDOW_H = P.number("differential.sympathomimetic.agent_window_h")
local TACHYCARDIA_HR = P.number("differential.sympathomimetic.tachycardia_hr")
local SBP_MMHG = P.number("differential.sympathomimetic.sbp_mmhg")
local DBP_MMHG = P.number("differential.sympathomimetic.dbp_mmhg")
local MIN_FEATURES = math.tointeger(P.number("differential.sympathomimetic.min_features"))
assert(MIN_FEATURES and MIN_FEATURES >= 1 and MIN_FEATURES <= 4,
  "parameter 'differential.sympathomimetic.min_features' must be an integer from 1 to 4")

local SOURCE = "§7.9 [S77][S36]"

return {
  id = "sympathomimetic",
  title = "Sympathomimetic toxicity screen",
  version = "0.1",
  citation = "Screen built from clinical-reference §7.9: cocaine, amphetamines or cathinones with "
    .. "catecholamine excess (tachycardia, hypertension, diaphoresis, mydriasis, agitation) [S77][S36]; "
    .. "mydriasis required as the sign NMS lacks (§7.1 [S35]); the number of other features and the "
    .. "vital-sign values are ruleset parameters; not a published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "agent", title = "Sympathomimetic drug" },
    { id = "pupils", title = "Mydriasis (NMS: pupils normal)" },
    { id = "features", title = "Catecholamine excess (shared with NMS)" },
  },
  rule = {
    { need = { agent = "all", pupils = "all", features = MIN_FEATURES } },   -- count: parameter (no source gives one)
  },
  items = {
    { id = "sympathomimetic_agent", group = "agent",
      title = "Cocaine, amphetamine or cathinone taken",
      source = SOURCE .. "; window: parameter differential.sympathomimetic.agent_window_h",
      needs = "the medication list (medications[]: drug, start, stop) and the assessment time",
      check = function(case)
        return answer(regimen.given(case, SYMPATHOMIMETIC, AGENT_WINDOW_H, "sympathomimetic drug"))
      end },

    { id = "tachycardia", group = "features",
      title = "Tachycardia",
      source = SOURCE .. "; value: parameter differential.sympathomimetic.tachycardia_hr",
      needs = "heart-rate readings (vitals[].hr)",
      check = function(case) return answer(vitals.any_above(case, "hr", TACHYCARDIA_HR)) end },

    { id = "hypertension", group = "features",
      title = "Hypertension",
      source = SOURCE .. "; values: parameters differential.sympathomimetic.sbp_mmhg, dbp_mmhg",
      needs = "blood-pressure readings (vitals[].sbp, dbp)",
      check = function(case)
        return answer(tri.any({ tri.part("SBP", vitals.any_above(case, "sbp", SBP_MMHG)),
                                tri.part("DBP", vitals.any_above(case, "dbp", DBP_MMHG)) }))
      end },

    { id = "diaphoresis", group = "features",
      title = "Diaphoresis",
      source = SOURCE,
      needs = "an exam recording sweating (exam[].diaphoresis or skin)",
      check = function(case) return answer(exam.diaphoresis(case)) end },

    { id = "mydriasis", group = "pupils",
      title = "Mydriasis",
      source = SOURCE,
      needs = "an exam recording the pupils (exam[].mydriasis)",
      check = function(case) return answer(exam.flag(case, "mydriasis")) end },

    { id = "agitation", group = "features",
      title = "Agitation",
      source = SOURCE,
      needs = "an exam recording agitation (exam[].agitation)",
      check = function(case) return answer(exam.flag(case, "agitation")) end },
  },
  distinguishing = contrasts.sympathomimetic,
  overlap = "Cocaine or an amphetamine can be taken by a patient on a dopamine antagonist, and "
    .. "tachycardia, hypertension, diaphoresis and hyperthermia occur in both. This result does not "
    .. "choose between them; mydriasis points to the sympathomimetic, while absent rigidity and "
    .. "bradyreflexia are clinical reasoning, not tested rules. (§7.9 [S77][S36]; §7.1 [S35])",
}
