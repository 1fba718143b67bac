-- differential/cns_infection.lua - CNS infection screen (meningitis,
-- encephalitis), clinical-reference §7.8 [S11][S13][S1].
--
-- A screen built from the reference's features, not a published criteria
-- set. §7.8: "Encephalitis/meningitis: meningism, CSF pleocytosis; NMS CSF
-- normal". The screen rests on CNS evidence only:
-- - Met: CSF pleocytosis on a lumbar puncture (labs[].csf_pleocytosis).
-- - Not met: the CSF recorded normal (no pleocytosis), which the reference
--   gives as the NMS finding; or, without a CSF result, an infection
--   work-up recorded negative (workup.infection "negative": the clinician
--   records infection excluded, the IEC 2011 item 8 reading; parameter
--   differential.cns_infection.negative_workup_excludes).
-- - Otherwise indeterminate, asking for the lumbar puncture.
-- Decisions:
-- - A positive infection work-up is not CNS evidence: workup.infection
--   covers the whole body (cultures, chest X-ray, ...; docs/case-format.md),
--   so pneumonia or bacteraemia does not meet this screen. It is shown in
--   the evidence, never counted.
-- - Meningism is reported (group "signs") but decides nothing: neck
--   stiffness can be the generalised rigidity of NMS itself, and a normal
--   CSF is the reference's NMS finding whatever the neck shows. With
--   meningism and no lumbar puncture the screen stays indeterminate: the
--   CSF decides.
-- - The case format holds no CNS-specific imaging or CSF culture/PCR
--   result (workup.neurologic also covers stroke, tumour, EEG), so
--   CSF pleocytosis is the one CNS-specific laboratory finding used.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local labs = require("lib.labs")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local NEGATIVE_WORKUP_EXCLUDES = P.boolean("differential.cns_infection.negative_workup_excludes")

local CSF_NEEDS = "a lumbar puncture result (labs[].csf_pleocytosis)"

-- What the infection work-up says, for evidence: it never makes the item
-- true (it is not CNS-specific).
local function workup_text(case)
  local r = (case.workup or {}).infection
  return "infection work-up " .. (r or "not recorded") .. " (workup.infection; whole-body, not CNS-specific)"
end

-- CSF pleocytosis: the lumbar puncture decides; without one, a negative
-- infection work-up may count as CNS infection excluded (parameter).
local function csf_pleocytosis(case)
  local csf = labs.flag(case, "csf_pleocytosis", "CSF pleocytosis")
  if csf.value ~= nil then return csf end
  local r = (case.workup or {}).infection
  if NEGATIVE_WORKUP_EXCLUDES and r == "negative" then
    return tri.finding(false, csf.evidence .. "; " .. workup_text(case) .. ": infection recorded as "
      .. "excluded (parameter differential.cns_infection.negative_workup_excludes)")
  end
  return tri.finding(nil, csf.evidence .. "; " .. workup_text(case), CSF_NEEDS)
end

return {
  id = "cns_infection",
  title = "CNS infection screen",
  version = "0.3",
  citation = "Screen built from clinical-reference §7.8: meningism and CSF pleocytosis point to "
    .. "meningitis or encephalitis, while the CSF is normal in NMS; infection must be excluded by IEC "
    .. "2011 item 8 and DSM-IV-TR criterion C [S1][S11][S13]. Met on CSF pleocytosis only; not a "
    .. "published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "csf", title = "CSF pleocytosis (lumbar puncture)" },
    { id = "signs", title = "Supporting sign (reported, not decisive)" },
  },
  rule = {
    { need = { csf = "all" } },   -- §7.8: pleocytosis vs the normal CSF of NMS
  },
  items = {
    { id = "csf_pleocytosis", group = "csf",
      title = "CSF pleocytosis",
      definition = "CSF pleocytosis on lumbar puncture (the CSF is normal in NMS); without a CSF "
        .. "result, an infection work-up recorded negative counts as infection excluded (parameter "
        .. "differential.cns_infection.negative_workup_excludes); a positive whole-body infection "
        .. "work-up is not CNS evidence",
      source = "§7.8 [S11][S13][S1]",
      needs = CSF_NEEDS,
      check = function(case) return answer(csf_pleocytosis(case)) end },

    { id = "meningism", group = "signs",
      title = "Meningism",
      definition = "Neck stiffness or other meningeal signs; reported only, since the generalised "
        .. "rigidity of NMS can stiffen the neck and the CSF decides",
      source = "§7.8 [S11][S13]",
      needs = "an exam recording meningism (exam[].meningism)",
      check = function(case) return answer(exam.flag(case, "meningism")) end },
  },
  distinguishing = contrasts.cns_infection,
  overlap = "An infection can occur in a patient on a dopamine antagonist, and fever with altered mental "
    .. "status occurs in both. This result does not choose between them; NMS criteria that require a "
    .. "negative work-up (IEC 2011 item 8, DSM-IV-TR C) should be re-read with the CSF findings, and "
    .. "the CSF is normal in NMS. (§7.8 [S1][S11][S13])",
}
