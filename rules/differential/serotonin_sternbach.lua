-- differential/serotonin_sternbach.lua - serotonin syndrome by Sternbach's
-- criteria (1991), clinical-reference §7.2 [S55][S56]:
--
--   A. coincides with the addition of or an increase in a known
--      serotonergic agent; AND
--   B. >= 3 of 10: mental status change (confusion, hypomania), agitation,
--      myoclonus, hyperreflexia, diaphoresis, shivering, tremor, diarrhea,
--      incoordination, fever; AND
--   C. other causes (infectious, metabolic, substance abuse or withdrawal)
--      excluded; AND
--   D. no neuroleptic started or increased before onset.
--
-- Groups follow the criteria; the engine counts them. Decisions:
-- - A: a serotonergic drug (§8.4) started (a new course, not one carrying
--   on another of the same drug) or its dose raised (doses[]) within
--   parameter differential.serotonin_sternbach.change_window_h. The case
--   records no onset, so windows are measured back from the assessment.
-- - C: work-up for infection, metabolic and toxic causes (toxic stands for
--   substance abuse or withdrawal) all negative, and no dopaminergic drug
--   withdrawn within exposure.withdrawal_window_h: that withdrawal is an
--   "other etiology" of fever, tremor, sweating and confusion
--   (parkinsonism-hyperpyrexia, §7.5 [S74]), named in the criterion's
--   "substance ... withdrawal".
-- - D: no drug of parameter differential.serotonin_sternbach.neuroleptic_classes
--   started or raised within differential.serotonin_sternbach.neuroleptic_window_h.
-- - Fever and "mental status change" have no published values: parameters.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local workup = require("lib.workup")
local regimen = require("lib.regimen")
local meds = require("lib.meds")
local contrasts = require("differential.contrasts")

local answer, part = tri.answer, tri.part

local SEROTONERGIC = { serotonergic = true }                       -- §8.4 drug class
local CAUSES = { "infection", "metabolic", "toxic" }               -- C: infectious, metabolic, substance
local CHANGE_WINDOW_H = P.number("differential.serotonin_sternbach.change_window_h")
local NEUROLEPTIC_WINDOW_H = P.number("differential.serotonin_sternbach.neuroleptic_window_h")
local NEUROLEPTIC = P.set("differential.serotonin_sternbach.neuroleptic_classes")
local FEVER_C = P.number("differential.serotonin_sternbach.fever_c")
local MENTAL = P.set("differential.serotonin_sternbach.mental_status_change")

local SOURCE_B = "§7.2 Sternbach feature list [S55][S56]"

-- One of the ten features of B: an exam flag.
local function flag(id, title, field)
  return { id = id, group = "features", title = title, source = SOURCE_B,
    needs = "an exam recording " .. title:lower() .. " (exam[]." .. field .. ")",
    check = function(case) return answer(exam.flag(case, field)) end }
end

-- No dopaminergic drug withdrawn in the parkinsonism-hyperpyrexia window
-- (meds.trigger): a withdrawal state is another cause (criterion C).
local function no_withdrawal(case)
  local trigger, why = meds.trigger(case, 0)
  if trigger == nil then return tri.finding(nil, why, "the medication list (medications[])") end
  if #trigger.withdrawals > 0 then
    return tri.finding(false, regimen.names(trigger.withdrawals) .. " withdrawn within "
      .. meds.withdrawal_hours() .. " h (exposure.withdrawal_window_h): a withdrawal state")
  end
  return tri.finding(true, "no dopaminergic drug withdrawn")
end

return {
  id = "serotonin_sternbach",
  title = "Serotonin syndrome: Sternbach criteria",
  version = "1991",
  citation = "Sternbach H. The serotonin syndrome. Am J Psychiatry 1991;148(6):705-13, as reproduced "
    .. "in clinical-reference §7.2 [S55][S56]",
  kind = "groups",
  groups = {
    { id = "agent", title = "Serotonergic agent added or increased" },
    { id = "features", title = "Clinical features (at least 3 of 10)" },
    { id = "exclusions", title = "Other causes and neuroleptics excluded" },
  },
  rule = {
    { need = { agent = "all", features = 3, exclusions = "all" } },   -- ">= 3 of 10" [S55][S56]
  },
  items = {
    { id = "serotonergic_added_or_increased", group = "agent",
      title = "Serotonergic agent added or increased",
      definition = "Coincident with the addition of or increase in a known serotonergic agent",
      source = "§7.2 [S55][S56]; drug class §8.4; window: parameter "
        .. "differential.serotonin_sternbach.change_window_h",
      needs = "the medication list with starts and doses (medications[]: drug, start, doses) and the "
        .. "assessment time",
      check = function(case)
        return answer(regimen.class_changed(case, SEROTONERGIC, "up", CHANGE_WINDOW_H, "serotonergic drug"))
      end },

    { id = "mental_status_change", group = "features",
      title = "Mental status change",
      definition = "Mental status changes (confusion, hypomania)",
      source = SOURCE_B .. "; values: parameter differential.serotonin_sternbach.mental_status_change",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", MENTAL, "mental status")) end },
    flag("agitation", "Agitation", "agitation"),
    flag("myoclonus", "Myoclonus", "myoclonus"),
    { id = "hyperreflexia", group = "features",
      title = "Hyperreflexia", source = SOURCE_B,
      needs = "an exam recording reflexes (exam[].hyperreflexia or hyporeflexia)",
      check = function(case) return answer(exam.hyperreflexia(case)) end },
    { id = "diaphoresis", group = "features",
      title = "Diaphoresis", source = SOURCE_B,
      needs = "an exam recording sweating (exam[].diaphoresis or skin)",
      check = function(case) return answer(exam.diaphoresis(case)) end },
    flag("shivering", "Shivering", "shivering"),
    flag("tremor", "Tremor", "tremor"),
    flag("diarrhea", "Diarrhea", "diarrhea"),
    flag("incoordination", "Incoordination", "incoordination"),
    { id = "fever", group = "features",
      title = "Fever",
      definition = "Fever (no value published)",
      source = SOURCE_B .. "; value: parameter differential.serotonin_sternbach.fever_c",
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "other_causes_excluded", group = "exclusions",
      title = "Other causes excluded",
      definition = "Other etiologies (e.g. infectious, metabolic, substance abuse or withdrawal) ruled out",
      source = "§7.2 [S55][S56]",
      needs = "work-up results for infectious, metabolic and toxic causes (workup.infection, metabolic, "
        .. "toxic)",
      check = function(case)
        return answer(tri.all({ part("work-up", workup.negative(case, CAUSES)),
          part("dopaminergic withdrawal", no_withdrawal(case)) }))
      end },

    { id = "no_neuroleptic_started_or_increased", group = "exclusions",
      title = "No neuroleptic started or increased",
      definition = "No neuroleptic started or increased in dose prior to the onset of signs and symptoms",
      source = "§7.2 [S55][S56]; window and classes: parameters "
        .. "differential.serotonin_sternbach.neuroleptic_window_h, neuroleptic_classes",
      needs = "the medication list with starts and doses (medications[]: drug, start, doses) and the "
        .. "assessment time",
      check = function(case)
        local f = regimen.class_changed(case, NEUROLEPTIC, "up", NEUROLEPTIC_WINDOW_H, "neuroleptic")
        return answer(tri.finding(tri.NOT(f.value), f.evidence, f.missing))
      end },
  },
  distinguishing = contrasts.serotonin,
  overlap = "A serotonergic drug was added or raised while dopamine-antagonist exposure (or dopaminergic "
    .. "withdrawal) also meets NMS criteria — Sternbach excludes only a neuroleptic started or raised "
    .. "recently, not one given steadily. This result does not choose between them. Review the "
    .. "timeline, clonus and hyperreflexia against bradyreflexia and lead-pipe rigidity, pupils and "
    .. "bowel sounds; the treatments differ (serotonin antagonist vs stopping the dopamine "
    .. "antagonist). (§7.1 [S35][S50]; §7.2)",
}
