-- differential/tetanus.lua - tetanus screen: trismus or opisthotonos with
-- clear consciousness. Tetanus is in the DSM-5 differential list of NMS
-- (clinical-reference §1.2 [S14]); the session-17 review (finding 3, case
-- q13) found generalised tetanus after metoclopramide managed as NMS.
--
-- A screen built from published features, not a published criteria set:
-- - Generalised tetanus is a clinical diagnosis whose key features are at
--   least two of trismus, painful contractions of the trunk muscles and
--   generalised spasms, frequently in opisthotonos; the patient stays
--   conscious through the spasms (RCEM Learning, tetanus module, below).
--   The record holds trismus and opisthotonos (exam flags); trunk
--   contractions and spasms as such have no field, so one of the two
--   recorded signs is asked for, beside the clear consciousness that the
--   record can show.
-- - Clear consciousness: no exam up to the assessment records an altered
--   mental status (parameter differential.tetanus.altered_consciousness);
--   one altered exam rules the screen out. NMS usually alters
--   consciousness, "mental status and other neurological signs typically
--   precede systemic signs" (DSM-5 text, §1.2 [S14]); a rigid, febrile
--   patient in stupor keeps NMS management whatever the jaw shows.
-- - Trismus and opisthotonos are also extrapyramidal signs that Pope 1986
--   counts for NMS (criteria/pope1986.lua), so the screen does not
--   displace NMS on its own: met beside an NMS criteria set with rigidity,
--   both remain possible (severity/working.lua), and the NMS drugs wait.
-- - A wound (often trivial or unnoticed) and the immunisation history
--   have no field in the case format: they are named as what would
--   support the diagnosis, never scored.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local ALTERED = P.set("differential.tetanus.altered_consciousness")

local FEATURES_SOURCE = "RCEM Learning, Tetanus, 'Presenting features' (generalised tetanus: at least two "
  .. "of trismus, painful trunk contractions, generalised spasms frequently in opisthotonos; patients "
  .. "remain conscious); §1.2 DSM-5 differential list [S14]"

local function sign(field, title) return exam.sign_item(field, title, "spasm", FEATURES_SOURCE) end

-- Clear consciousness: the negation of an altered mental status on any
-- exam, its evidence the exams that show it.
local function clear_consciousness(case)
  local altered = exam.level(case, "mental_status", ALTERED, "mental status")
  if altered.value == nil then return altered end
  return tri.finding(not altered.value, altered.evidence)
end

return {
  id = "tetanus",
  title = "Tetanus screen",
  version = "0.1",
  citation = "Screen built from the presenting features of generalised tetanus (trismus, opisthotonos, "
    .. "consciousness preserved through the spasms: RCEM Learning tetanus module; Cook TM, Protheroe RT, "
    .. "Handel JM. Tetanus: a review of the literature. Br J Anaesth 2001;87:477-87, the diagnosis is "
    .. "clinical) and the DSM-5 differential list of NMS (clinical-reference §1.2 [S14]); not a "
    .. "published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "spasm", title = "Trismus or opisthotonos" },
    { id = "consciousness", title = "Clear consciousness" },
  },
  rule = {
    { need = { spasm = 1, consciousness = "all" } },
  },
  items = {
    sign("trismus", "Trismus"),
    sign("opisthotonos", "Opisthotonos"),
    { id = "clear_consciousness", group = "consciousness",
      title = "Clear consciousness",
      definition = "No exam records an altered mental status (tetanus spares consciousness; NMS usually "
        .. "alters it)",
      source = FEATURES_SOURCE .. "; §1.2 DSM-5 text [S14] (mental status changes typically precede "
        .. "systemic signs in NMS); values: parameter differential.tetanus.altered_consciousness",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(clear_consciousness(case)) end },
  },
  distinguishing = contrasts.tetanus,
  overlap = "Trismus and opisthotonos are also extrapyramidal signs of NMS (Pope 1986), and both cause "
    .. "rigidity, fever and autonomic instability after a dopamine antagonist such as metoclopramide. "
    .. "This result does not choose between them: clear consciousness points to tetanus, an altered one "
    .. "to NMS; an entry wound (often trivial or unnoticed) and an incomplete immunisation history, which "
    .. "the case format does not hold, support tetanus. (§1.2 [S14]; RCEM Learning tetanus module)",
}
