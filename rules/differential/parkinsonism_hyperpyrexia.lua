-- differential/parkinsonism_hyperpyrexia.lua - parkinsonism-hyperpyrexia
-- syndrome (PHS) after dopaminergic withdrawal, clinical-reference §7.5
-- [S74][S75][S76].
--
-- The reference gives the trigger (abrupt withdrawal or dose reduction of
-- levodopa, a dopamine agonist or amantadine) and the picture (fever,
-- rigidity, altered consciousness, dysautonomia, leukocytosis, raised CK);
-- no published criteria set. This differential asks for the trigger, fever,
-- and rigidity or altered consciousness. Decisions:
-- - Trigger: a drug of class dopaminergic (§8.3, ATC N04B) stopped (and
--   not carried on by another course of it) or its dose lowered (doses[])
--   within differential.parkinsonism_hyperpyrexia.withdrawal_window_h.
--   Without doses a reduction cannot be seen, so a drug still given with no
--   doses recorded leaves the trigger unknown.
-- - Fever: a temperature above differential.parkinsonism_hyperpyrexia.fever_c,
--   any site; altered consciousness: mental_status values of
--   differential.parkinsonism_hyperpyrexia.altered_consciousness.
-- - Rigidity must be worse than the patient's own parkinsonism ("worsened
--   tremor and rigidity", §7.5 [S75]): a patient on levodopa is usually
--   rigid at baseline, so rigidity as such is the generic finding, not the
--   PHS one. True when a later exam grades rigidity higher than an earlier
--   one, or when any rigidity is recorded and history.parkinson_disease is
--   recorded false (no baseline parkinsonism); false when every exam
--   records no rigidity; otherwise unknown (the earlier grade decides).

local P = require("lib.params")
local tri = require("lib.tri")
local time = require("lib.time")
local exam = require("lib.exam")
local fmt = require("lib.fmt")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local DOPAMINERGIC = { dopaminergic = true }                       -- §8.3 drug class
local GRADE = { none = 0, mild = 1, moderate = 2, severe = 3 }     -- exam[].rigidity, in order
local WINDOW_H = P.number("differential.parkinsonism_hyperpyrexia.withdrawal_window_h")
local FEVER_C = P.number("differential.parkinsonism_hyperpyrexia.fever_c")
local ALTERED = P.set("differential.parkinsonism_hyperpyrexia.altered_consciousness")

local function graded(case, e) return exam.phrase("rigidity", e.rigidity) .. time.at(case, e.t) end

-- Rigidity worse than baseline parkinsonism (see the header).
local function rigidity_worse(case)
  local rs, rigid = {}, nil
  for _, e in ipairs(exam.entries(case) or {}) do
    if e.rigidity ~= nil then
      rs[#rs + 1] = e
      if GRADE[e.rigidity] > 0 then rigid = rigid or e end
    end
  end
  if #rs == 0 then
    return tri.finding(nil, "rigidity not recorded on any exam", "an exam recording rigidity (exam[].rigidity)")
  end
  for j = 2, #rs do
    for i = 1, j - 1 do
      local a, b = rs[i], rs[j]
      if a.t ~= nil and b.t ~= nil and b.t > a.t and GRADE[b.rigidity] > GRADE[a.rigidity] then
        return tri.finding(true, "rigidity increased: " .. graded(case, a) .. ", then " .. graded(case, b))
      end
    end
  end
  if rigid == nil then return tri.finding(false, fmt.each(rs, function(e) return graded(case, e) end, 4)) end
  local pd = (case.history or {}).parkinson_disease
  if pd == false then
    return tri.finding(true, graded(case, rigid) .. ", with no parkinsonism before (history.parkinson_disease "
      .. "recorded as absent)")
  end
  return tri.finding(nil, graded(case, rigid) .. ", no lower grade recorded before it; "
    .. (pd and "in Parkinson's disease" or "with Parkinson's disease not recorded (history.parkinson_disease)")
    .. " rigidity may be the baseline parkinsonism, and PHS is a worsening",
    -- a recorded Parkinson's disease cannot decide it: only an earlier grade can
    pd and "an earlier exam grading rigidity (exam[].rigidity)"
      or "an earlier exam grading rigidity (exam[].rigidity), or history.parkinson_disease")
end

return {
  id = "parkinsonism_hyperpyrexia",
  title = "Parkinsonism-hyperpyrexia syndrome (dopaminergic withdrawal)",
  version = "2018",
  citation = "Grover S et al. Parkinsonism-hyperpyrexia syndrome: a case report and review of "
    .. "literature. Indian J Psychiatry 2018;60:499-503, as summarised in clinical-reference §7.5 "
    .. "[S74][S75][S76]; not a published criteria set",
  kind = "groups",
  groups = {
    { id = "withdrawal", title = "Dopaminergic drug stopped or reduced" },
    { id = "fever", title = "Fever" },
    { id = "signs", title = "Worse rigidity or altered consciousness" },
  },
  rule = {
    { need = { withdrawal = "all", fever = "all", signs = 1 } },
  },
  items = {
    { id = "dopaminergic_withdrawal", group = "withdrawal",
      title = "Dopaminergic drug stopped or dose reduced",
      definition = "Abrupt withdrawal or dose reduction of levodopa, dopamine agonists or amantadine",
      source = "§7.5 [S74]; drug class §8.3; window: parameter "
        .. "differential.parkinsonism_hyperpyrexia.withdrawal_window_h",
      needs = "the medication list with stops and doses (medications[]: drug, start, stop, doses) and "
        .. "the assessment time",
      check = function(case)
        return answer(regimen.class_changed(case, DOPAMINERGIC, "down", WINDOW_H, "dopaminergic drug"))
      end },

    { id = "fever", group = "fever",
      title = "Fever",
      source = "§7.5 [S74]; value: parameter differential.parkinsonism_hyperpyrexia.fever_c",
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "rigidity", group = "signs",
      title = "Rigidity worse than before",
      definition = "Worsened rigidity (new, or a higher grade than an earlier exam), not the baseline "
        .. "rigidity of parkinsonism",
      source = "§7.5 [S74]; 'worsened tremor and rigidity' [S75]",
      needs = "exams grading rigidity over time (exam[].rigidity), or history.parkinson_disease",
      check = function(case) return answer(rigidity_worse(case)) end },

    { id = "altered_consciousness", group = "signs",
      title = "Altered consciousness",
      source = "§7.5 [S74]; values: parameter differential.parkinsonism_hyperpyrexia.altered_consciousness",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", ALTERED, "mental status")) end },
  },
  distinguishing = contrasts.parkinsonism_hyperpyrexia,
  overlap = "Parkinsonism-hyperpyrexia syndrome and NMS may be one picture: IEC 2011 counts dopaminergic "
    .. "withdrawal as NMS exposure, and a dopamine antagonist may have been given as well. This "
    .. "result does not choose between them. The treatment differs: after a dopaminergic drug was "
    .. "stopped or reduced, reinstitute it (do not withhold it), whereas dopamine antagonists are "
    .. "stopped. (§7.5 [S74]; §3 [S1])",
}
