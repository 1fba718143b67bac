-- differential/cns_infection.lua - CNS infection screen (meningitis,
-- encephalitis), clinical-reference §7.8 [S11][S13][S1].
--
-- A screen built from the reference's features, not a published criteria
-- set: any one of meningism, CSF pleocytosis ("NMS CSF normal") or a
-- positive infection work-up. IEC 2011 item 8 and DSM-IV-TR C require
-- infection to be excluded; a positive infection work-up (case.workup.
-- infection, e.g. cultures, lumbar puncture) is therefore counted here even
-- though it may not be a CNS infection — the evidence says what was found.

local tri = require("lib.tri")
local exam = require("lib.exam")
local labs = require("lib.labs")
local workup = require("lib.workup")
local contrasts = require("differential.contrasts")

local answer = tri.answer

return {
  id = "cns_infection",
  title = "CNS infection screen",
  version = "0.1",
  citation = "Screen built from clinical-reference §7.8: meningism, CSF pleocytosis or a positive "
    .. "infection work-up point to meningitis or encephalitis (NMS CSF is normal); infection must be "
    .. "excluded by IEC 2011 item 8 and DSM-IV-TR criterion C [S1][S11][S13]; not a published criteria "
    .. "set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "findings", title = "Meningism, CSF pleocytosis or positive infection work-up" },
  },
  rule = {
    { need = { findings = 1 } },
  },
  items = {
    { id = "meningism", group = "findings",
      title = "Meningism",
      source = "§7.8 [S11][S13]",
      needs = "an exam recording meningism (exam[].meningism)",
      check = function(case) return answer(exam.flag(case, "meningism")) end },

    { id = "csf_pleocytosis", group = "findings",
      title = "CSF pleocytosis",
      definition = "CSF pleocytosis (NMS CSF normal)",
      source = "§7.8 [S11][S13]",
      needs = "a lumbar puncture result (labs[].csf_pleocytosis)",
      check = function(case) return answer(labs.flag(case, "csf_pleocytosis", "CSF pleocytosis")) end },

    { id = "infection_workup_positive", group = "findings",
      title = "Positive infection work-up",
      definition = "Infection not excluded: work-up (cultures, chest X-ray, lumbar puncture) positive",
      source = "§7.8 [S13][S1]",
      needs = "the infection work-up result (workup.infection)",
      check = function(case) return answer(workup.positive(case, "infection")) end },
  },
  distinguishing = contrasts.cns_infection,
  overlap = "An infection can occur in a patient on a dopamine antagonist, and fever with altered mental "
    .. "status occurs in both. This result does not choose between them; NMS criteria that require a "
    .. "negative work-up (IEC 2011 item 8, DSM-IV-TR C) should be re-read with the infection "
    .. "findings, and the CSF is normal in NMS. (§7.8 [S1][S11][S13])",
}
