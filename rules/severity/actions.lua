-- severity/actions.lua - the management list of each severity tier
-- (rules/severity.lua), in the order seed 002 gives it: first what every
-- tier does, then the tier's own measures (each tier adds to the ones
-- below it: "Moderate cases: Add bromocriptine and/or dantrolene to the
-- above regimen"), then pitfalls, monitoring, and after resolution.
--
-- Doses appear only as the sources print them (clinical-reference §5.2),
-- each with the source that prints it; nothing here is a dose calculation.
-- The first step depends on the trigger: stop the dopamine antagonists
-- given, and restore a withdrawn dopaminergic drug (§5.1 BMJ [S13]: "antipsychotics
-- and dopamine antagonists must be stopped, and dopamine agonists must be
-- restored or continued"; §7.5 [S74]). A patient whose only trigger is a
-- withdrawal is not told to stop antipsychotics he is not taking.

local P = require("lib.params")
local meds = require("lib.meds")
local time = require("lib.time")
local fmt = require("lib.fmt")
local regimen = require("lib.regimen")

local HYPERTHERMIA_C = P.number("severity.hyperthermia_c")

local A = {}

local LITHIUM = { lithium = true }  -- drugs.lua class; §5.1 'lithium ... may also need stopping' [S13]

local function act(text, source) return { text = text, source = source } end

local SUPPORTIVE = {
  act("Supportive care: benzodiazepines for agitation rather than physical restraints",
    "seed 002; §12"),
  act("External cooling for hyperthermia: ice packs, cooling blankets, evaporative cooling",
    "seed 002; §5.1 [S13]"),
  act("Intravenous fluid resuscitation for dehydration, to support renal function and prevent "
    .. "rhabdomyolysis-induced renal failure (vigorous IV fluids if rhabdomyolysis occurs)",
    "seed 002; §5.1 [S13]"),
  act("Normalize vital signs: treat blood pressure fluctuation and tachycardia", "seed 002"),
  act("Oxygen and airway support as needed (intubation may be required in severe cases)", "§5.1 [S13]"),
}

-- Each tier's own measures, added to those of the tiers below it.
local TIER = {
  mild = {
    act("Benzodiazepines: lorazepam, a trial of 1–2 mg parenterally as a reasonable first-line "
      .. "(Critical Care Secrets [S22]); 1–2 mg IV every 4–6 h in milder NMS (GrepMed [S24], secondary)",
      "seed 002 (mild: discontinue + supportive care + benzodiazepines); §5.2 [S22][S24]"),
  },
  moderate = {
    act("Add bromocriptine and/or dantrolene. Bromocriptine: 2.5 mg every 6–8 h PO or NG (MSD Manual "
      .. "[S21]); or start 2.5 mg 2–3×/day, max 45 mg/day, may worsen psychosis or hypotension and "
      .. "cause vomiting, abrupt stop gives rebound (Critical Care Secrets [S22])",
      "seed 002 (moderate: add bromocriptine and/or dantrolene); §5.2 [S21][S22]"),
    act("Dantrolene: 0.25–2 mg/kg IV every 6–12 h, max 10 mg/kg/24 h, for hyperthermia (MSD Manual "
      .. "[S21]); or 1–2.5 mg/kg IV initially, may be increased to 1 mg/kg every 6 h, adverse effects "
      .. "respiratory impairment and hepatotoxicity (Critical Care Secrets [S22]). Not officially "
      .. "indicated for NMS on the FDA label; give IV with caution for pulmonary edema from the "
      .. "diluent volume (seed 002)",
      "seed 002; §5.2 [S21][S22]"),
    act("Amantadine as an alternative dopaminergic agent: 100–200 mg every 12 h PO or NG (MSD Manual "
      .. "[S21]); 200–400 mg/day orally in divided doses (Critical Care Secrets [S22])",
      "§5.2 [S21][S22]"),
    act("Levodopa-carbidopa as an alternative dopaminergic strategy (no dose in the sources)", "seed 002"),
    act("Anticholinergic drugs such as benztropine may enhance the effect of bromocriptine", "seed 002"),
  },
  severe = {
    act("ICU admission (about 25 % of NMS patients need it; patients are usually managed in an ICU "
      .. "or step-down unit)", "seed 002; §5.1 [S13][S21]"),
    act("Emergency sedation, neuromuscular paralysis, intubation and mechanical ventilation, as given "
      .. "for extreme hyperthermia (> 41.1 °C); for drug-induced hyperthermia a toxicology handbook "
      .. "advises non-depolarizing paralysis (rocuronium/vecuronium) then intubation, and notes that "
      .. "paralysis can mask seizures",
      "seed 002; §5.5 [S26] (an NMS-specific paralysis threshold is UNCONFIRMED, §5.5)"),
    act("ECT as second-line treatment for severe and persistent NMS, particularly when a concurrent "
      .. "psychiatric condition would benefit: indicated when refractory to supportive care and drug "
      .. "therapy, typically 6–10 bilateral treatments; cardiac arrest/ventricular fibrillation after "
      .. "ECT in NMS has been reported", "seed 002; §5.3 [S22][S28]"),
  },
}

local BELOW = { mild = { "mild" }, moderate = { "mild", "moderate" }, severe = { "mild", "moderate", "severe" } }

local PITFALLS = {
  act("Never use physical restraints: they worsen isometric muscle contractions, hyperthermia and "
    .. "lactic acidosis, increasing mortality", "seed 002"),
  act("Do not delay treatment waiting for diagnostic confirmation: NMS is a clinical diagnosis "
    .. "without pathognomonic laboratory findings", "seed 002"),
}

local MONITORING = {
  act("Laboratory monitoring: complete blood count (leukocytosis 15,000–30,000/mm³), creatine kinase "
    .. "(typically ≥ 4 × ULN; monitor daily), electrolytes and renal function, liver function tests, "
    .. "arterial blood gases, coagulation studies", "seed 002; §12; §9.1 BMJ [S88]"),
  act("Watch for life-threatening complications: rhabdomyolysis with acute renal failure (may "
    .. "require hemodialysis), metabolic acidosis, seizures, disseminated intravascular coagulation",
    "seed 002"),
}

local function add(list, items)
  for _, a in ipairs(items) do list[#list + 1] = a end
end

-- The first step: stop what was given, restore what was withdrawn.
local function first_steps(case, window, depot)
  local trigger = meds.trigger(case, window, depot) or { antagonists = {}, withdrawals = {} }
  local out = {}
  if #trigger.antagonists > 0 then
    out[#out + 1] = act("Discontinue all antipsychotics and other dopamine antagonists at once ("
      .. regimen.names(trigger.antagonists) .. " given), regardless of psychiatric status: the single most "
      .. "critical step", "seed 002; §12; §5.1 BMJ [S13]")
    local lithium = meds.given_in(case, LITHIUM, window)
    if lithium and #lithium > 0 then
      out[#out + 1] = act("Lithium is also being given (" .. regimen.names(lithium) .. "): other possibly "
        .. "contributory drugs such as lithium may also need to be stopped", "§5.1 BMJ [S13]")
    end
  end
  if #trigger.withdrawals > 0 then
    out[#out + 1] = act("Restore the withdrawn dopaminergic drug: reinstitute " .. regimen.names(trigger.withdrawals, function(c)
        return " (stopped at " .. time.fmt(case, c.stop) .. ")"
      end)
      .. "; do not withhold it (dopaminergic withdrawal, parkinsonism-hyperpyrexia syndrome)",
      "§5.1 BMJ [S13]; §7.5 [S74]; §12")
  end
  return out, #trigger.antagonists > 0
end

--- The ordered management list for `tier` ("none" | "mild" | "moderate" |
-- "severe"). `suspected` is the finding "NMS suspected" (given for "none"),
-- `window` the exposure window in hours, `depot` the one for a depot.
function A.list(case, tier, suspected, window, depot)
  if tier == "none" then
    if suspected.value == false then
      return { act(("NMS is not suspected by this ruleset's definition (a dopamine antagonist given, or a "
        .. "dopaminergic drug stopped, within %s (a depot within %s), with rigidity or a temperature "
        .. "above %s): no NMS management is proposed"):format(time.duration(window), time.duration(depot),
        fmt.temp(HYPERTHERMIA_C)),
        "rules/severity.lua definition of suspected NMS; §3 [S1]") }
    end
    return { act("Whether NMS is suspected cannot be decided from the record (missing: "
      .. (suspected.missing or "data") .. "). If NMS is suspected clinically, do not delay treatment "
      .. "waiting for diagnostic confirmation", "seed 002") }
  end
  local list, antagonist = first_steps(case, window, depot)
  add(list, SUPPORTIVE)
  for _, t in ipairs(BELOW[tier]) do add(list, TIER[t]) end
  if tier == "severe" then
    local rhabdo = case.complications.rhabdomyolysis == true and " (rhabdomyolysis is recorded)" or ""
    list[#list + 1] = act("Avoid succinylcholine for intubation where there is a risk of rhabdomyolysis "
      .. "or hyperkalaemia" .. rhabdo .. ": succinylcholine-induced hyperkalaemia in NMS has been reported",
      "§5.5 (toxicology summaries; Shalev 1989 [S37])")
  end
  add(list, PITFALLS)
  add(list, MONITORING)
  if antagonist then
    list[#list + 1] = act("After complete resolution: wait at least 2 weeks before any antipsychotic "
      .. "rechallenge, obtain informed consent after a risk-benefit discussion, and educate the patient "
      .. "and family about the episode; the suspected drug class is often recorded as an allergy",
      "seed 002; §5.4 BMJ [S13]")
  else
    list[#list + 1] = act("After resolution: educate the patient and family about the episode", "seed 002")
  end
  return list
end

return A
