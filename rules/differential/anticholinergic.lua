-- differential/anticholinergic.lua - anticholinergic (antimuscarinic)
-- toxicity: an anticholinergic drug plus the toxidrome, clinical-reference
-- §7.6 [S35][S26][S77] and the side-by-side table §7.1 [S35].
--
-- No published criteria set exists. The sources describe the toxidrome:
-- tachycardia, hyperthermia (usually <= 38.8 °C), mydriasis, dry mucosa,
-- hot, flushed, dry skin, decreased or absent bowel sounds, urinary
-- retention and agitated delirium (§7.1, §7.6); the Australian
-- Therapeutic Guidelines [A1] say the toxidrome "involves both" peripheral
-- and CNS effects. The rule reads them in two groups:
-- - antimuscarinic signs, the ones that separate the toxidrome from NMS in
--   the Boyer & Shannon table (§7.1): dry skin (NMS: diaphoresis), flushed
--   skin (NMS: pallor), mydriasis (NMS: normal pupils), urinary retention
--   (NMS: incontinence), decreased or absent bowel sounds;
-- - systemic signs, which NMS shares (§7.1: tachycardia, hyperthermia,
--   altered mental status): tachycardia, hyperthermia, CNS effects.
-- Met with the drug, at least differential.anticholinergic.min_antimuscarinic
-- antimuscarinic signs and at least differential.anticholinergic.min_systemic
-- systemic signs. Tachycardia, fever and delirium alone never meet it: they
-- are the NMS picture too, and a met differential suppresses NMS management.
-- Decisions:
-- - Drug: class anticholinergic (rules/drugs.lua, §8.5) given within
--   differential.anticholinergic.agent_window_h.
-- - Skin: exam[].skin holds one value per exam. "dry" shows dryness,
--   "flushed" flushing; "normal" rules out both; "diaphoretic" (or
--   diaphoresis true) rules out dryness. A flushed skin says nothing about
--   dryness, a dry one nothing about flushing.
-- - Dry mucosa has no field in the case format and is not scored.
-- - Tachycardia and hyperthermia are absolute values (parameters): the
--   toxidrome arrives without a baseline.
--
-- [A1] Therapeutic Guidelines (eTG complete), Toxicology and Toxinology,
--      "Clinical presentation of anticholinergic toxidrome": peripheral
--      effects (dry skin, dry mouth, mydriasis, tachycardia, urinary
--      retention, ileus, raised temperature) and CNS effects (confusion,
--      hallucinations, agitation, delirium, sedation).
--      https://etg-complete-oxy.netlify.app/toxicology_and_toxinology/ttg/c_ttg1-c16-s3

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer, part = tri.answer, tri.part

local ANTICHOLINERGIC = { anticholinergic = true }          -- §8.5 drug class
local SLOW_BOWEL = { decreased = true, absent = true }      -- §7.6 "decreased/absent bowel sounds" [S35]
local AGENT_WINDOW_H = P.number("differential.anticholinergic.agent_window_h")
local CNS = P.set("differential.anticholinergic.cns_mental_status")
local TACHYCARDIA_HR = P.number("differential.anticholinergic.tachycardia_hr")
local FEVER_C = P.number("differential.anticholinergic.fever_c")

local function count(name, max)
  local n = math.tointeger(P.number(name))
  assert(n and n >= 1 and n <= max, "parameter '" .. name .. "' must be an integer from 1 to " .. max)
  return n
end
local MIN_ANTIMUSCARINIC = count("differential.anticholinergic.min_antimuscarinic", 5)
local MIN_SYSTEMIC = count("differential.anticholinergic.min_systemic", 3)

local SOURCE = "§7.6 [S35][S77]; §7.1 [S35]"

-- A value of exam[].skin judged for one sign: `yes` shows it, `no` rules it
-- out, `diaphoresis_rules_out` adds a sweating skin to `no`.
local function skin_sign(case, what, yes, no, diaphoresis_rules_out)
  return exam.observed(case, what, function(e)
    if e.skin == yes then return true end
    if no[e.skin] or (diaphoresis_rules_out and (e.skin == "diaphoretic" or e.diaphoresis == true)) then
      return false
    end
  end, function(e)
    if e.skin ~= nil then return exam.phrase("skin", e.skin) end
    return "diaphoresis"
  end, "exam[].skin")
end

local function dry_skin(case)
  return skin_sign(case, "dryness of the skin", "dry", { normal = true }, true)
end

local function flushed_skin(case)
  return skin_sign(case, "flushing of the skin", "flushed", { normal = true }, false)
end

-- CNS effects: an altered mental status of the parameter's values, or agitation.
local function cns_effects(case)
  return tri.any({
    part("mental status", exam.level(case, "mental_status", CNS, "mental status")),
    part("agitation", exam.flag(case, "agitation")),
  })
end

local function sign(id, title, check, needs, source)
  return { id = id, group = "antimuscarinic", title = title, source = source or SOURCE, needs = needs,
    check = function(case) return answer(check(case)) end }
end

return {
  id = "anticholinergic",
  title = "Anticholinergic toxicity",
  version = "0.3",
  citation = "Anticholinergic toxidrome as described by Boyer EW, Shannon M. The serotonin syndrome. N "
    .. "Engl J Med 2005;352:1112-20 (comparison table) and clinical-reference §7.6 [S35][S26][S77]; "
    .. "peripheral and CNS effects both required per Therapeutic Guidelines (eTG), Toxicology; the "
    .. "number of signs required is a ruleset parameter, not a published criterion",
  kind = "groups",
  groups = {
    { id = "agent", title = "Anticholinergic drug" },
    { id = "antimuscarinic", title = "Antimuscarinic signs that NMS lacks" },
    { id = "systemic", title = "Systemic signs (shared with NMS)" },
  },
  rule = {
    -- counts: parameters (no source gives one); both groups per [A1]
    { need = { agent = "all", antimuscarinic = MIN_ANTIMUSCARINIC, systemic = MIN_SYSTEMIC } },
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

    sign("dry_skin", "Dry skin", dry_skin, "an exam recording the skin (exam[].skin)"),
    sign("flushed_skin", "Flushed skin", flushed_skin, "an exam recording the skin (exam[].skin)"),
    sign("mydriasis", "Mydriasis", function(case) return exam.flag(case, "mydriasis") end,
      "an exam recording the pupils (exam[].mydriasis)"),
    sign("urinary_retention", "Urinary retention",
      function(case) return exam.flag(case, "urinary_retention", "urinary retention") end,
      "an exam recording urinary retention (exam[].urinary_retention)"),
    sign("decreased_bowel_sounds", "Decreased or absent bowel sounds",
      function(case) return exam.level(case, "bowel_sounds", SLOW_BOWEL, "bowel sounds") end,
      "an exam recording bowel sounds (exam[].bowel_sounds)"),

    { id = "tachycardia", group = "systemic",
      title = "Tachycardia",
      source = SOURCE .. "; value: parameter differential.anticholinergic.tachycardia_hr",
      needs = "heart-rate readings (vitals[].hr)",
      check = function(case) return answer(vitals.any_above(case, "hr", TACHYCARDIA_HR)) end },

    { id = "hyperthermia", group = "systemic",
      title = "Hyperthermia",
      definition = "Raised temperature (usually ≤ 38.8 °C in anticholinergic toxicity)",
      source = SOURCE .. "; value: parameter differential.anticholinergic.fever_c",
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },

    { id = "cns_effects", group = "systemic",
      title = "CNS effects (confusion, agitated delirium)",
      definition = "Agitated delirium (picking at air); confusion, agitation",
      source = SOURCE .. "; eTG [A1]; values: parameter differential.anticholinergic.cns_mental_status",
      needs = "a mental status examination (exam[].mental_status or exam[].agitation)",
      check = function(case) return answer(cns_effects(case)) end },
  },
  distinguishing = contrasts.anticholinergic,
  overlap = "An anticholinergic drug (e.g. benztropine, an antihistamine or a tricyclic) can be given "
    .. "together with a dopamine antagonist. This result does not choose between them. Dry skin, "
    .. "mydriasis and absent bowel sounds with normal tone and reflexes favour anticholinergic "
    .. "toxicity; diaphoresis, lead-pipe rigidity and bradyreflexia favour NMS. Physostigmine is a "
    .. "treatment for anticholinergic toxicity only, with ECG monitoring. (§7.1 [S35]; §7.6 "
    .. "[S26][S77])",
}
