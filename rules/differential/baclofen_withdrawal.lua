-- differential/baclofen_withdrawal.lua - baclofen withdrawal screen: an
-- NMS look-alike without a dopamine antagonist (found by published case
-- reports, tests/data/case-reports cr05 and cr06).
--
-- The intrathecal baclofen label's boxed warning: "Abrupt discontinuation
-- of intrathecal baclofen, regardless of the cause, has resulted in
-- sequelae that include high fever, altered mental status, exaggerated
-- rebound spasticity, and muscle rigidity, that in rare cases has advanced
-- to rhabdomyolysis, multiple organ-system failure and death" (openFDA
-- [B25]); oral withdrawal gives the same picture (J Psychopharmacol
-- 2001;15:61-3, PMID 11277611; IASP PRF 194099). A screen built from the
-- label's sequelae, not a published criteria set. Decisions:
-- - Trigger: a drug of class gaba_b_agonist (baclofen) stopped (and not
--   carried on by another course) or its dose lowered (doses[]) within
--   differential.baclofen_withdrawal.window_h; without doses a reduction
--   cannot be seen, so baclofen still given with no doses leaves it unknown.
-- - Sequelae that a record can hold: fever above
--   differential.baclofen_withdrawal.fever_c (any site), altered mental
--   status (values of differential.baclofen_withdrawal.altered_mental_status),
--   any muscle rigidity; differential.baclofen_withdrawal.features_needed of
--   them. Rebound spasticity has no field.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")

local answer = tri.answer

local BACLOFEN = { gaba_b_agonist = true }                           -- drugs.lua class
local ANY_RIGIDITY = { mild = true, moderate = true, severe = true }  -- the label: 'muscle rigidity'
local WINDOW_H = P.number("differential.baclofen_withdrawal.window_h")
local FEVER_C = P.number("differential.baclofen_withdrawal.fever_c")
local ALTERED = P.set("differential.baclofen_withdrawal.altered_mental_status")
local NEEDED = P.number("differential.baclofen_withdrawal.features_needed")

local LABEL = "intrathecal baclofen label, boxed warning [B25]"

return {
  id = "baclofen_withdrawal",
  title = "Baclofen withdrawal screen",
  version = "0.1",
  citation = "Screen built from the boxed warning of the intrathecal baclofen label (openFDA set "
    .. "e05080ef-53d9-4060-aaa4-86a6935467de): abrupt discontinuation gives high fever, altered mental "
    .. "status, rebound spasticity and muscle rigidity; oral withdrawal alike (J Psychopharmacol "
    .. "2001;15:61-3, PMID 11277611); not a published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "withdrawal", title = "Baclofen stopped or reduced" },
    { id = "sequelae", title = "The label's sequelae: high fever, altered mental status, muscle rigidity" },
  },
  rule = {
    { need = { withdrawal = "all", sequelae = NEEDED } },
  },
  items = {
    { id = "baclofen_stopped", group = "withdrawal",
      title = "Baclofen stopped or dose reduced",
      definition = "Abrupt discontinuation of baclofen",
      source = LABEL .. "; window: parameter differential.baclofen_withdrawal.window_h",
      needs = "the medication list with stops and doses (medications[]: drug, start, stop, doses) and "
        .. "the assessment time",
      check = function(case)
        return answer(regimen.class_changed(case, BACLOFEN, "down", WINDOW_H, "baclofen"))
      end },

    { id = "fever", group = "sequelae",
      title = "High fever",
      source = LABEL .. "; value: parameter differential.baclofen_withdrawal.fever_c",
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "altered_mental_status", group = "sequelae",
      title = "Altered mental status",
      source = LABEL .. "; values: parameter differential.baclofen_withdrawal.altered_mental_status",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", ALTERED, "mental status")) end },

    { id = "rigidity", group = "sequelae",
      title = "Muscle rigidity",
      source = LABEL,
      needs = "an exam recording rigidity (exam[].rigidity)",
      check = function(case) return answer(exam.level(case, "rigidity", ANY_RIGIDITY, "rigidity")) end },
  },
  overlap = "Baclofen withdrawal and NMS share fever, altered mental status and rigidity, and a patient "
    .. "may take baclofen and an antipsychotic. This result does not choose between them. The treatment "
    .. "differs: restart baclofen (and check an intrathecal pump), whereas NMS is treated by stopping "
    .. "the dopamine antagonist. (" .. LABEL .. "; BMC Clin Pharmacol 2004;4:6)",
}
