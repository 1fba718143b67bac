-- differential/heat_stroke.lua - heat stroke screen: core temperature
-- above 40 °C with CNS dysfunction (Bouchama & Knochel 2002, as summarised
-- in clinical-reference §7.7 [S78]), plus a history of environmental heat
-- exposure (classic) or exertion (exertional).
--
-- A screen built from the reference's features, not a published criteria
-- set. The contrasts the reference marks "clinical reasoning, UNCONFIRMED
-- as rules" (no lead-pipe rigidity, lower CK) are distinguishing text
-- only, never scored. Decisions:
-- - Core temperature: readings at the sites of parameter
--   differential.heat_stroke.core_sites; a reading above 40 °C elsewhere
--   leaves the item unknown, never true (lib/temperature.lua above_at).
-- - CNS dysfunction: mental_status values of differential.heat_stroke.cns_dysfunction.
-- - Heat exposure and exertion: history.heat_exposure, history.exertion.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local temperature = require("lib.temperature")
local record = require("lib.record")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local CORE_C = 40                                  -- "core temperature >40 °C" §7.7 [S78]
local CORE_SITES = P.set("differential.heat_stroke.core_sites")
local CNS = P.set("differential.heat_stroke.cns_dysfunction")

return {
  id = "heat_stroke",
  title = "Heat stroke screen",
  version = "0.1",
  citation = "Screen built from clinical-reference §7.7: heat stroke as core temperature >40 °C with CNS "
    .. "dysfunction, classic (environmental) or exertional (Bouchama A, Knochel JP. Heat stroke. N Engl "
    .. "J Med 2002;346:1978-88, as summarised [S78]); not a published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "core", title = "Core temperature above 40 °C with CNS dysfunction" },
    { id = "context", title = "Environmental heat exposure or exertion" },
  },
  rule = {
    { need = { core = "all", context = 1 } },
  },
  items = {
    { id = "core_temperature", group = "core",
      title = "Core temperature above 40 °C",
      definition = "Core temperature >40 °C",
      source = "§7.7 [S78]; sites: parameter differential.heat_stroke.core_sites",
      needs = "a core temperature (vitals[].temp with temp_site)",
      check = function(case) return answer(temperature.above_at(case, CORE_C, CORE_SITES, "core")) end },

    { id = "cns_dysfunction", group = "core",
      title = "CNS dysfunction",
      source = "§7.7 [S78]; values: parameter differential.heat_stroke.cns_dysfunction",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", CNS, "mental status")) end },

    { id = "heat_exposure", group = "context",
      title = "Environmental heat exposure",
      definition = "Classic heat stroke: environmental",
      source = "§7.7 [S78]",
      needs = "the history of heat exposure (history.heat_exposure)",
      check = function(case)
        return answer(record.flag(case, "history", "heat_exposure", "environmental heat exposure"))
      end },

    { id = "exertion", group = "context",
      title = "Exertion",
      definition = "Exertional heat stroke: effort-related",
      source = "§7.7 [S78]",
      needs = "the history of exertion (history.exertion)",
      check = function(case) return answer(record.flag(case, "history", "exertion", "exertion")) end },
  },
  distinguishing = contrasts.heat_stroke,
  overlap = "Antipsychotic (anticholinergic) drugs impair heat dissipation, so a patient on a dopamine "
    .. "antagonist can develop heat stroke in heat or with exertion, and both cause hyperthermia with "
    .. "altered mental status. This result does not choose between them; the absence of lead-pipe "
    .. "rigidity and a lower CK favouring heat stroke are clinical reasoning, not tested rules. (§7.7 "
    .. "[S78][S36])",
}
