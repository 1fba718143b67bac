-- differential/malignant_hyperthermia.lua - malignant hyperthermia: a
-- trigger agent within 24 h plus rigidity or hyperthermia.
--
-- Built from the side-by-side table, clinical-reference §7.1 [S35]
-- (trigger "inhalational anesthetic / succinylcholine", time to develop
-- "30 min – 24 h after anesthetic/SCh", tone "rigor-mortis-like", temperature
-- up to 46.0 °C) and the trigger list §7.3 [S62][S63] / §8.6. The Larach
-- clinical grading scale (§7.3) is not encoded: some of its per-indicator
-- points are UNCONFIRMED; it is named in the distinguishing points.
-- Decisions:
-- - Trigger: a drug of class mh_trigger (volatile anesthetic or
--   succinylcholine) given within differential.malignant_hyperthermia.trigger_window_h
--   (24 h, published); non-triggers (propofol, nitrous oxide, rocuronium)
--   are classed mh_non_trigger and do not count.
-- - Rigidity: exam[].rigidity, any degree.
-- - Hyperthermia: a temperature above differential.malignant_hyperthermia.fever_c,
--   at any site (the Larach temperature indicator's value).

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local TRIGGER = { mh_trigger = true }                              -- §8.6 drug class
local RIGID = { mild = true, moderate = true, severe = true }      -- any degree
local TRIGGER_WINDOW_H = P.number("differential.malignant_hyperthermia.trigger_window_h")
local FEVER_C = P.number("differential.malignant_hyperthermia.fever_c")

return {
  id = "malignant_hyperthermia",
  title = "Malignant hyperthermia",
  version = "2005",
  citation = "Malignant hyperthermia as contrasted with NMS by Boyer EW, Shannon M. The serotonin "
    .. "syndrome. N Engl J Med 2005;352:1112-20 (comparison table), triggers per UpToDate and "
    .. "Schneiderbanger et al. 2014; clinical-reference §7.1 [S35], §7.3 [S62][S63], §8.6",
  kind = "groups",
  groups = {
    { id = "trigger", title = "Trigger agent within 24 h" },
    { id = "signs", title = "Rigidity or hyperthermia" },
  },
  rule = {
    { need = { trigger = "all", signs = 1 } },
  },
  items = {
    { id = "trigger_agent", group = "trigger",
      title = "Volatile anesthetic or succinylcholine within 24 h",
      definition = "Inhalational anesthetic or succinylcholine; onset 30 min – 24 h after",
      source = "§7.1 [S35]; triggers §7.3 [S62][S63], §8.6; window: parameter "
        .. "differential.malignant_hyperthermia.trigger_window_h",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case)
        return answer(regimen.given(case, TRIGGER, TRIGGER_WINDOW_H, "malignant-hyperthermia trigger"))
      end },

    { id = "rigidity", group = "signs",
      title = "Rigidity",
      definition = "Increased tone, rigor-mortis-like",
      source = "§7.1 [S35]",
      needs = "a rigidity examination (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", RIGID)) end },

    { id = "hyperthermia", group = "signs",
      title = "Hyperthermia",
      definition = "Hyperthermia (no threshold in the comparison table; the Larach temperature "
        .. "indicator is 'inappropriate temp >38.8 °C perioperatively')",
      source = "§7.1 [S35]; value: §7.3 [S59], parameter differential.malignant_hyperthermia.fever_c",
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },
  },
  distinguishing = contrasts.malignant_hyperthermia,
  overlap = "Rigidity, hyperthermia and a raised CK occur in both, and a patient on a dopamine antagonist "
    .. "can also receive a volatile anesthetic or succinylcholine. This result does not choose between "
    .. "them. Onset 30 min to 24 h after the anesthetic or succinylcholine, with rigor-mortis-like tone, "
    .. "favours malignant hyperthermia, whose management differs (stop volatile agents, hyperventilate, "
    .. "dantrolene 2.5 mg/kg repeated). (§7.1 [S35]; §7.3 [S65])",
}
