-- differential/anticholinergic.lua - anticholinergic toxicity: an
-- anticholinergic drug plus the toxidrome, clinical-reference §7.6
-- [S35][S26][S77] and the side-by-side table §7.1 [S35].
--
-- No published criteria set exists; the reference describes the toxidrome:
-- dry (hot, flushed) skin, mydriasis, decreased or absent bowel sounds,
-- agitated delirium, urinary retention. How many features are needed is not
-- given, so it is parameter differential.anticholinergic.min_features.
-- Decisions:
-- - Drug: class anticholinergic (rules/drugs.lua, §8.5: antiparkinson
--   anticholinergics, atropine, antihistamines R06A, TCAs N06AA) given
--   within differential.anticholinergic.agent_window_h.
-- - Dry skin: exam[].skin "dry" (present); "normal" or "diaphoretic", or
--   diaphoresis true (absent). A flushed skin alone, or "no diaphoresis",
--   says nothing about dryness.
-- - Delirium: mental_status values of differential.anticholinergic.delirium.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local ANTICHOLINERGIC = { anticholinergic = true }          -- §8.5 drug class
local SLOW_BOWEL = { decreased = true, absent = true }      -- §7.6 "decreased/absent bowel sounds" [S35]
local AGENT_WINDOW_H = P.number("differential.anticholinergic.agent_window_h")
local DELIRIUM = P.set("differential.anticholinergic.delirium")
local MIN_FEATURES = math.tointeger(P.number("differential.anticholinergic.min_features"))
assert(MIN_FEATURES and MIN_FEATURES >= 1 and MIN_FEATURES <= 5,
  "parameter 'differential.anticholinergic.min_features' must be an integer from 1 to 5")

local SOURCE = "§7.6 [S35][S77]; §7.1 [S35]"

local function dry_skin(case)
  return exam.observed(case, "dryness of the skin", function(e)
    if e.skin == "dry" then return true end
    if e.skin == "normal" or e.skin == "diaphoretic" or e.diaphoresis == true then return false end
  end, function(e)
    if e.skin == "dry" or e.skin == "normal" or e.skin == "diaphoretic" then
      return exam.phrase("skin", e.skin)
    end
    return "diaphoresis"
  end, "exam[].skin")
end

return {
  id = "anticholinergic",
  title = "Anticholinergic toxicity",
  version = "2005",
  citation = "Anticholinergic toxidrome as described by Boyer EW, Shannon M. The serotonin syndrome. N "
    .. "Engl J Med 2005;352:1112-20 (comparison table) and clinical-reference §7.6 [S35][S26][S77]; "
    .. "the number of features required is a ruleset parameter, not a published criterion",
  kind = "groups",
  groups = {
    { id = "agent", title = "Anticholinergic drug" },
    { id = "toxidrome", title = "Toxidrome features" },
  },
  rule = {
    { need = { agent = "all", toxidrome = MIN_FEATURES } },   -- count: parameter (no source gives one)
  },
  items = {
    { id = "anticholinergic_agent", group = "agent",
      title = "Anticholinergic drug taken",
      source = "§7.1 trigger 'anticholinergic' [S35]; drug class §8.5; window: parameter "
        .. "differential.anticholinergic.agent_window_h",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case)
        return answer(regimen.given(case, ANTICHOLINERGIC, AGENT_WINDOW_H, "anticholinergic drug"))
      end },

    { id = "dry_skin", group = "toxidrome",
      title = "Dry skin",
      definition = "Hot, flushed, dry skin (anhidrosis)",
      source = SOURCE,
      needs = "an exam recording the skin (exam[].skin)",
      check = function(case) return answer(dry_skin(case)) end },

    { id = "mydriasis", group = "toxidrome",
      title = "Mydriasis",
      source = SOURCE,
      needs = "an exam recording the pupils (exam[].mydriasis)",
      check = function(case) return answer(exam.flag(case, "mydriasis")) end },

    { id = "decreased_bowel_sounds", group = "toxidrome",
      title = "Decreased or absent bowel sounds",
      source = SOURCE,
      needs = "an exam recording bowel sounds (exam[].bowel_sounds)",
      check = function(case)
        return answer(exam.level(case, "bowel_sounds", SLOW_BOWEL, "bowel sounds"))
      end },

    { id = "delirium", group = "toxidrome",
      title = "Agitated delirium",
      definition = "Agitated delirium (picking at air)",
      source = SOURCE .. "; values: parameter differential.anticholinergic.delirium",
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case)
        return answer(exam.level(case, "mental_status", DELIRIUM, "mental status"))
      end },

    { id = "urinary_retention", group = "toxidrome",
      title = "Urinary retention",
      source = "§7.6 [S35][S77]",
      needs = "an exam recording urinary retention (exam[].urinary_retention)",
      check = function(case) return answer(exam.flag(case, "urinary_retention", "urinary retention")) end },
  },
  distinguishing = contrasts.anticholinergic,
  overlap = "An anticholinergic drug (e.g. benztropine, an antihistamine or a tricyclic) can be given "
    .. "together with a dopamine antagonist. This result does not choose between them. Dry skin, "
    .. "mydriasis and absent bowel sounds with normal tone and reflexes favour anticholinergic "
    .. "toxicity; diaphoresis, lead-pipe rigidity and bradyreflexia favour NMS. Physostigmine is a "
    .. "treatment for anticholinergic toxicity only, with ECG monitoring. (§7.1 [S35]; §7.6 "
    .. "[S26][S77])",
}
