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
-- - How many of the five features are needed is not given: parameter
--   differential.sympathomimetic.min_features.
-- - Tachycardia and hypertension have no values: HR, and SBP or DBP, a
--   parameter percentage above baseline (IEC 2011 numbers reused). The
--   baseline must be given (case.baseline) unless a dopamine antagonist
--   was started after earlier vitals (lib/vitals.lua).

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local SYMPATHOMIMETIC = { sympathomimetic = true }                 -- §7.9 drug class
local AGENT_WINDOW_H = P.number("differential.sympathomimetic.agent_window_h")
local HR_RISE_PCT = P.number("differential.sympathomimetic.hr_rise_pct")
local BP_RISE_PCT = P.number("differential.sympathomimetic.bp_rise_pct")
local MIN_FEATURES = math.tointeger(P.number("differential.sympathomimetic.min_features"))
assert(MIN_FEATURES and MIN_FEATURES >= 1 and MIN_FEATURES <= 5,
  "parameter 'differential.sympathomimetic.min_features' must be an integer from 1 to 5")

local SOURCE = "§7.9 [S77][S36]"

return {
  id = "sympathomimetic",
  title = "Sympathomimetic toxicity screen",
  version = "0.1",
  citation = "Screen built from clinical-reference §7.9: cocaine, amphetamines or cathinones with "
    .. "catecholamine excess (tachycardia, hypertension, diaphoresis, mydriasis, agitation) [S77][S36]; "
    .. "the number of features required is a ruleset parameter; not a published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "agent", title = "Sympathomimetic drug" },
    { id = "features", title = "Catecholamine excess" },
  },
  rule = {
    { need = { agent = "all", features = MIN_FEATURES } },   -- count: parameter (no source gives one)
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
      source = SOURCE .. "; value: parameter differential.sympathomimetic.hr_rise_pct",
      needs = "a baseline HR (baseline.hr) and later readings (vitals[].hr)",
      check = function(case) return answer(vitals.above_baseline(case, "hr", HR_RISE_PCT)) end },

    { id = "hypertension", group = "features",
      title = "Hypertension",
      source = SOURCE .. "; value: parameter differential.sympathomimetic.bp_rise_pct",
      needs = "a baseline BP (baseline.sbp, dbp) and later readings (vitals[].sbp, dbp)",
      check = function(case) return answer(vitals.bp_above_baseline(case, BP_RISE_PCT)) end },

    { id = "diaphoresis", group = "features",
      title = "Diaphoresis",
      source = SOURCE,
      needs = "an exam recording sweating (exam[].diaphoresis or skin)",
      check = function(case) return answer(exam.diaphoresis(case)) end },

    { id = "mydriasis", group = "features",
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
