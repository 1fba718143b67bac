-- differential/malignant_catatonia.lua - malignant catatonia screen:
-- catatonia by the DSM-5 count (>= 3 of 12 signs) plus autonomic
-- activation or lability, clinical-reference §7.4 [S67][S70][S71].
--
-- A screen built from the reference's features, not a published criteria
-- set. Decisions:
-- - Stupor: exam[].mental_status "stupor" (other values are not stupor).
-- - Agitation: DSM-5 counts agitation "not influenced by external
--   stimuli"; exam[].agitation is any agitation, which NMS patients often
--   show too (a risk factor, §6). So agitation recorded absent rules the
--   sign out, but agitation recorded present leaves it unknown: the record
--   cannot tell the catatonic kind, and a generic finding must not stand in
--   for it.
-- - Autonomic activation or lability ("fever, HR/BP swings", no values):
--   any one of fever, heart rate or blood pressure raised above baseline,
--   or a blood-pressure swing; every value is a parameter
--   (differential.malignant_catatonia.*, IEC 2011 numbers reused).

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local contrasts = require("differential.contrasts")

local answer = tri.answer

local STUPOR = { stupor = true }
local FEVER_C = P.number("differential.malignant_catatonia.fever_c")
local HR_RISE_PCT = P.number("differential.malignant_catatonia.hr_rise_pct")
local BP_RISE_PCT = P.number("differential.malignant_catatonia.bp_rise_pct")
local SBP_CHANGE = P.number("differential.malignant_catatonia.sbp_change")
local DBP_CHANGE = P.number("differential.malignant_catatonia.dbp_change")
local CHANGE_WINDOW_H = P.number("differential.malignant_catatonia.change_window_h")

local SIGNS_SOURCE = "§7.4 DSM-5 catatonia [S67]"
local AUTONOMIC_SOURCE = "§7.4 malignant catatonia: autonomic activation/lability [S70][S71]; values: "
  .. "parameters differential.malignant_catatonia.*"

-- One of the twelve DSM-5 signs recorded as an exam flag.
local function sign(field, title) return exam.sign_item(field, title, "signs", SIGNS_SOURCE) end

-- Agitation as DSM-5 counts it (see the header): absent rules it out,
-- present cannot be told from ordinary agitation.
local function catatonic_agitation(case)
  local f = exam.flag(case, "agitation")
  if f.value ~= true then return f end
  return tri.finding(nil, f.evidence .. "; whether it is not influenced by external stimuli (DSM-5) is not "
    .. "recorded", "whether the agitation is uninfluenced by external stimuli (no field in the case format)")
end

local BASELINE_NEEDS = "a baseline (baseline, or vitals before the first dopamine antagonist) and later "
  .. "readings"

return {
  id = "malignant_catatonia",
  title = "Malignant catatonia screen",
  version = "0.1",
  citation = "Screen built from clinical-reference §7.4: DSM-5 catatonia (>= 3 of 12 signs) as tabulated "
    .. "by Rodriguez S et al., J Crit Care Med 2020 [S67], plus autonomic activation or lability "
    .. "[S70][S71]; not a published criteria set",
  kind = "groups",
  screen = true,
  groups = {
    { id = "signs", title = "Catatonic signs (DSM-5, at least 3 of 12)" },
    { id = "autonomic", title = "Autonomic activation or lability" },
  },
  rule = {
    { need = { signs = 3, autonomic = 1 } },   -- ">= 3 of 12" [S67]
  },
  items = {
    { id = "stupor", group = "signs", title = "Stupor", source = SIGNS_SOURCE,
      needs = "a mental status examination (exam[].mental_status)",
      check = function(case) return answer(exam.level(case, "mental_status", STUPOR, "mental status")) end },
    sign("catalepsy", "Catalepsy"),
    sign("waxy_flexibility", "Waxy flexibility"),
    sign("mutism", "Mutism"),
    sign("negativism", "Negativism"),
    sign("posturing", "Posturing"),
    sign("mannerism", "Mannerism"),
    sign("stereotypy", "Stereotypy"),
    { id = "agitation", group = "signs", title = "Agitation",
      definition = "Agitation, not influenced by external stimuli (recorded agitation cannot show "
        .. "this: present is unknown, absent rules it out)",
      source = SIGNS_SOURCE,
      needs = "an exam recording agitation (exam[].agitation)",
      check = function(case) return answer(catatonic_agitation(case)) end },
    sign("grimacing", "Grimacing"),
    sign("echolalia", "Echolalia"),
    sign("echopraxia", "Echopraxia"),

    { id = "fever", group = "autonomic", title = "Fever",
      source = AUTONOMIC_SOURCE,
      needs = "a temperature (vitals[].temp)",
      check = function(case) return answer(vitals.any_above(case, "temp", FEVER_C)) end },
    { id = "heart_rate_raised", group = "autonomic", title = "Heart rate raised above baseline",
      source = AUTONOMIC_SOURCE,
      needs = BASELINE_NEEDS .. " of HR (vitals[].hr)",
      check = function(case) return answer(vitals.above_baseline(case, "hr", HR_RISE_PCT)) end },
    { id = "blood_pressure_raised", group = "autonomic", title = "Blood pressure raised above baseline",
      source = AUTONOMIC_SOURCE,
      needs = BASELINE_NEEDS .. " of BP (vitals[].sbp, dbp)",
      check = function(case) return answer(vitals.bp_above_baseline(case, BP_RISE_PCT)) end },
    { id = "blood_pressure_swing", group = "autonomic", title = "Blood pressure swing",
      source = AUTONOMIC_SOURCE,
      needs = "timed BP readings (vitals[].sbp, dbp with t)",
      check = function(case)
        return answer(vitals.bp_change_within(case, DBP_CHANGE, SBP_CHANGE, CHANGE_WINDOW_H))
      end },
  },
  distinguishing = contrasts.malignant_catatonia,
  overlap = "Malignant catatonia and NMS may lie on one continuum (neuroleptic-induced catatonia can "
    .. "progress to NMS). This result does not choose between them. The course helps: extreme "
    .. "psychotic excitement first points to malignant catatonia, severe rigidity after neuroleptic "
    .. "exposure to NMS. Benzodiazepines and ECT treat both; antipsychotics can precipitate both, so "
    .. "the dopamine antagonist is withheld while NMS is possible. (§7.4 [S72][S73]; NHS Scotland "
    .. "catatonia guideline)",
}
