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
--
-- The list also follows the working diagnosis (severity/working.lua):
-- - not the working diagnosis (tier none): why, in words, and the first
--   steps of the look-alike that explains the picture, and of any met
--   spectrum look-alike (restoring a dopaminergic drug, the lorazepam
--   challenge); never "stop the antipsychotic" nor "record an allergy";
-- - not the working diagnosis or undecided, with no look-alike met: what is
--   treated whatever its cause (life-threatening hyperthermia, rhabdomyolysis;
--   whatever_the_cause below);
-- - NMS and a met look-alike both possible: the look-alike's own first
--   steps first; the NMS drug measures (bromocriptine, dantrolene,
--   amantadine, levodopa, benztropine, ECT) are held back while it is
--   possible (project choice: the reference gives them for NMS only, and
--   some of them act against the look-alike's treatment), except one that
--   the look-alike's own first steps give (dantrolene for malignant
--   hyperthermia), which the list never both gives and withholds;
-- - benztropine ("may enhance bromocriptine", seed 002) only when the
--   anticholinergic and heat-stroke differentials are both decided not met,
--   with its caveat: anticholinergics have not been recommended in NMS
--   since 2000 as they suppress sweating (Nisijima 2023);
-- - the work-up while it is open: an infection work-up pending puts the
--   sepsis guideline's timing first in every list (NMS cannot be told from
--   sepsis until it is back); fields nobody recorded are named beside NMS
--   management, with the work-up to complete;
-- - "record the drug class as an allergy" only when NMS is the working
--   diagnosis with nothing rival met and a criteria set met; with a rival
--   still possible, the decision waits until it is excluded;
-- - rhabdomyolysis, recorded or shown by the labs (CK at least
--   severity.rhabdomyolysis_ck_times_uln × ULN, myoglobinuria): the fluids
--   line says it is present (vigorous fluids), and "avoid succinylcholine"
--   is given at every tier, not only the severe one (session-17 review,
--   finding 1);
-- - sedation, paralysis and intubation only for extreme hyperthermia
--   (> 41.1 °C, seed 002), not for every severe case; neither they nor ECT
--   while a rival look-alike is met (its own steps treat the temperature).

local P = require("lib.params")
local meds = require("lib.meds")
local time = require("lib.time")
local fmt = require("lib.fmt")
local regimen = require("lib.regimen")
local vitals = require("lib.vitals")
local labs = require("lib.labs")
local working = require("severity.working")
local course = require("severity.course")
local missing_list = require("severity.missing")

local EXTREME_C = P.number("severity.extreme_hyperthermia_c")
-- When the exposure comes from a met criteria set (severity.exposure_sets),
-- the drugs to stop are looked for in Caroff & Mann's windows (§4.4 [S12]).
local SET_WINDOW_H = P.number("caroff1993.exposure_window_h")
local SET_DEPOT_H = P.number("caroff1993.depot_window_h")
-- CK multiple that shows rhabdomyolysis (§9.1 BMJ [S88] "> 5 × ULN").
local RHABDO_CK = P.number("severity.rhabdomyolysis_ck_times_uln")
local ADULT_AGE = P.number("severity.adult_age_years")
-- The ruleset's fever threshold (severity/working.lua reads it too).
local FEVER_C = P.number("severity.hyperthermia_c")
local RESTART_H = P.number("severity.restart_window_h")

-- Differentials in which an anticholinergic drug could harm: it "may
-- prevent a decrease in body temperature by suppressing sweating"
-- (Nisijima 2023, below); anticholinergic toxicity is their excess.
local ANTICHOLINERGIC_HARM = { "anticholinergic", "heat_stroke" }
local NISIJIMA = "Nisijima K. Int Med Case Rep J 2023, doi:10.2147/IMCRJ.S412619 (PMID 37200957)"

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

-- Rhabdomyolysis, recorded (complications.rhabdomyolysis) or shown by the
-- labs (a CK of severity.rhabdomyolysis_ck_times_uln × ULN or more,
-- "> 5 × ULN = rhabdomyolysis", §9.1 BMJ [S88]; myoglobinuria in a lab
-- result): how it is known, in words ("rhabdomyolysis is recorded",
-- "rhabdomyolysis shown by the labs: CK ..."), and the source of the
-- labs' reading, or nil. A chart often gives it as lab values only
-- (session-17 review, finding 1). Whatever caused it, it calls for
-- vigorous fluids and for no succinylcholine.
local function rhabdomyolysis(case)
  if (case.complications or {}).rhabdomyolysis == true then return "rhabdomyolysis is recorded", "" end
  local shown = {}
  local ck = labs.ck_times_uln(case, RHABDO_CK)
  if ck.value == true then shown[#shown + 1] = ck.evidence end
  local myo = labs.flag(case, "myoglobinuria", "myoglobinuria")
  if myo.value == true then shown[#shown + 1] = myo.evidence end
  if #shown == 0 then return nil end
  return "rhabdomyolysis shown by the labs: " .. table.concat(shown, "; "), "; §9.1 BMJ [S88]"
end

-- The fluids line of SUPPORTIVE when rhabdomyolysis is present.
local function rhabdo_fluids(how, source)
  return act("Intravenous fluid resuscitation: rhabdomyolysis is present, give vigorous IV fluids to support "
    .. "renal function and prevent rhabdomyolysis-induced renal failure (" .. how .. ")",
    "seed 002; §5.1 [S13]" .. source)
end
local FLUIDS = 3   -- its place in SUPPORTIVE
local COOLING = 2

-- The cooling line of SUPPORTIVE when no temperature shows hyperthermia
-- (above severity.hyperthermia_c, any reading, any site): cooling is for
-- hyperthermia ("external cooling for severe or persistent hyperthermia",
-- §5.1 [S13]; seed 002 "External cooling measures for hyperthermia"), so
-- it is said conditionally (session-17 review finding 7: NMS without
-- fever, maximum 37.9 °C). nil when some reading is above it.
local function cooling_if_hot(case)
  local hot = vitals.any_above(case, "temp", FEVER_C).value
  if hot == true then return nil end
  return act("External cooling if hyperthermia develops (" .. (hot == false and ("no temperature above "
    .. fmt.temp(FEVER_C) .. " recorded") or "no temperature recorded") .. "): ice packs, cooling blankets, "
    .. "evaporative cooling", "seed 002; §5.1 [S13]; parameter severity.hyperthermia_c")
end

-- The succinylcholine line: at the severe tier always (a risk), at every
-- tier when rhabdomyolysis is present (every tier's airway line says
-- intubation may be required).
local function avoid_succinylcholine(rhabdo)
  return act("Avoid succinylcholine for intubation where there is a risk of rhabdomyolysis "
    .. "or hyperkalaemia" .. (rhabdo and (" (" .. rhabdo .. ")") or "") .. ": succinylcholine-induced "
    .. "hyperkalaemia in NMS has been reported", "§5.5 (toxicology summaries; Shalev 1989 [S37])")
end

-- Appends the entries of `items` to `list`.
local function add(list, items)
  for _, a in ipairs(items) do list[#list + 1] = a end
end

-- Adds the supportive care to `list`, its fluids line saying so when the
-- record or the labs show rhabdomyolysis, its cooling line conditional
-- when no temperature shows hyperthermia; returns how rhabdomyolysis is
-- shown, or nil.
local function add_supportive(case, list)
  local rhabdo, source = rhabdomyolysis(case)
  add(list, SUPPORTIVE)
  if rhabdo then list[#list - #SUPPORTIVE + FLUIDS] = rhabdo_fluids(rhabdo, source) end
  local cooling = cooling_if_hot(case)
  if cooling then list[#list - #SUPPORTIVE + COOLING] = cooling end
  return rhabdo
end

-- Action `a`, which names the NMS treatments `ids` in its opening words
-- `lead`: when the record shows one already given this episode, the list
-- says so there (`given_lead`, a format for what is given) rather than
-- "add" it as on day 1 (severity/course.lua, session-17 review finding 5).
local function treating(a, ids, lead, given_lead)
  -- course.mark replaces `lead` in the text: a lead the text does not open
  -- with would garble the line, so it fails the ruleset's load
  if a.text:sub(1, #lead) ~= lead then error("actions: '" .. lead .. "' does not open its action's text") end
  a.treats, a.lead, a.given_lead = ids, lead, given_lead
  return a
end

-- Each tier's own measures, added to those of the tiers below it.
local TIER = {
  mild = {
    treating(act("Benzodiazepines: lorazepam, a trial of 1–2 mg parenterally as a reasonable first-line "
      .. "(Critical Care Secrets [S22]); 1–2 mg IV every 4–6 h in milder NMS (GrepMed [S24], secondary)",
      "seed 002 (mild: discontinue + supportive care + benzodiazepines); §5.2 [S22][S24]"),
      { "benzodiazepine" }, "Benzodiazepines:", "Benzodiazepines (%s):"),
  },
  moderate = {
    treating(act("Add bromocriptine and/or dantrolene. Bromocriptine: 2.5 mg every 6–8 h PO or NG (MSD Manual "
      .. "[S21]); or start 2.5 mg 2–3×/day, max 45 mg/day, may worsen psychosis or hypotension and "
      .. "cause vomiting, abrupt stop gives rebound (Critical Care Secrets [S22])",
      "seed 002 (moderate: add bromocriptine and/or dantrolene); §5.2 [S21][S22]"),
      { "bromocriptine", "dantrolene" }, "Add bromocriptine and/or dantrolene.",
      "Bromocriptine and/or dantrolene (%s)."),
    treating(act("Dantrolene: 0.25–2 mg/kg IV every 6–12 h, max 10 mg/kg/24 h, for hyperthermia (MSD Manual "
      .. "[S21]); or 1–2.5 mg/kg IV initially, may be increased to 1 mg/kg every 6 h, adverse effects "
      .. "respiratory impairment and hepatotoxicity (Critical Care Secrets [S22]). Not officially "
      .. "indicated for NMS on the FDA label; give IV with caution for pulmonary edema from the "
      .. "diluent volume (seed 002)",
      "seed 002; §5.2 [S21][S22]"), { "dantrolene" }, "Dantrolene:", "Dantrolene (%s):"),
    treating(act("Amantadine as an alternative dopaminergic agent: 100–200 mg every 12 h PO or NG (MSD "
      .. "Manual [S21]); 200–400 mg/day orally in divided doses (Critical Care Secrets [S22])",
      "§5.2 [S21][S22]"), { "amantadine" }, "Amantadine as an alternative dopaminergic agent:",
      "Amantadine as an alternative dopaminergic agent (%s):"),
    treating(act("Levodopa-carbidopa as an alternative dopaminergic strategy (no dose in the sources)",
      "seed 002"), { "levodopa" }, "Levodopa-carbidopa as an alternative dopaminergic strategy (",
      "Levodopa-carbidopa as an alternative dopaminergic strategy (%s; "),
  },
  severe = {
    act("ICU admission (about 25 % of NMS patients need it; patients are usually managed in an ICU "
      .. "or step-down unit)", "seed 002; §5.1 [S13][S21]"),
  },
}

-- Severe-tier measures with a condition of their own (A.list).
local PARALYSIS = act("Extreme hyperthermia (> 41.1 °C): emergency sedation, neuromuscular paralysis, intubation "
  .. "and mechanical ventilation; for drug-induced hyperthermia a toxicology handbook advises "
  .. "non-depolarizing paralysis (rocuronium/vecuronium) then intubation, and notes that paralysis can "
  .. "mask seizures", "seed 002 'For extreme hyperthermia (>41.1°C)'; §5.5 [S26] (an NMS-specific "
  .. "paralysis threshold is UNCONFIRMED, §5.5)")
local ECT = act("ECT as second-line treatment for severe and persistent NMS, particularly when a concurrent "
      .. "psychiatric condition would benefit: indicated when refractory to supportive care and drug "
      .. "therapy, typically 6–10 bilateral treatments; cardiac arrest/ventricular fibrillation after "
      .. "ECT in NMS has been reported", "seed 002; §5.3 [S22][S28]")

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

-- The work-up while it is open (severity/working.lua reads the same fields).
-- An infection work-up pending: the tool cannot tell NMS from sepsis until
-- it is back, and sepsis treatment does not wait for that: the sepsis
-- guideline's own timing is quoted, and the step comes first.
local INFECTION_PENDING = act("Infection work-up pending (workup.infection): infection is not excluded, and "
  .. "NMS cannot be told from sepsis until the result is back. Do not wait for it to assess and treat a "
  .. "possible sepsis: with possible septic shock or a high likelihood of sepsis, antimicrobials "
  .. "immediately, ideally within 1 h of recognition; with possible sepsis without shock, rapid "
  .. "investigation of infectious and non-infectious causes, and antimicrobials within 3 h if concern "
  .. "for infection persists",
  "Evans L et al. Surviving Sepsis Campaign: international guidelines for management of sepsis and "
    .. "septic shock 2021. Intensive Care Med 2021;47:1181-1247, doi:10.1007/s00134-021-06506-y, "
    .. "recommendations 12-14; §5.1 BMJ [S13] (supportive care starts together with the diagnostic "
    .. "work-up); IEC 2011 item 8 (§3 [S1])")
local EXCLUSION = P.list("severity.exclusion_workup")

-- The work-up fields nobody recorded, as a step beside NMS management: NMS
-- is a diagnosis of exclusion, and the record does not say the search for
-- another cause was made. nil when every field is recorded.
local function unrecorded_workup(case)
  local w, missing = case.workup or {}, {}
  for _, field in ipairs(EXCLUSION) do
    if w[field] == nil then missing[#missing + 1] = field end
  end
  if #missing == 0 then return nil end
  return act("Work-up for other causes not recorded (" .. fmt.list(missing) .. "): NMS is a diagnosis of "
    .. "exclusion; complete the work-up alongside treatment (blood and urine cultures, chest X-ray, CT "
    .. "brain, lumbar puncture, toxicology screen, EEG, serum iron, as indicated)",
    "§7.8 BMJ work-up [S13]; §5.1 [S13]; IEC 2011 item 8 (§3 [S1]); DSM-IV-TR criterion C (§1.1 [S10][S11])")
end

-- The pending-infection step, first in every list that has it.
local function infection_pending(case)
  return (case.workup or {}).infection == "pending" and INFECTION_PENDING or nil
end

-- Restoring the dopaminergic drugs withdrawn (trigger of meds.trigger),
-- naming them; nil when none was.
local function restore_step(case, trigger)
  if #trigger.withdrawals == 0 then return nil end
  return act("Restore the withdrawn dopaminergic drug: reinstitute " .. regimen.names(trigger.withdrawals, function(c)
      local again = course.given_again(case, c)
      return " (stopped at " .. time.fmt(case, c.stop) .. (again and ("; restarted: " .. again) or "") .. ")"
    end)
    .. "; do not withhold it (dopaminergic withdrawal, parkinsonism-hyperpyrexia syndrome)",
    "§5.1 BMJ [S13]; §7.5 [S74]; §12")
end

-- The course of a drug's `courses` that says where the drug stands: one
-- still given, else the one that acts longest.
local function standing(courses)
  local last
  for _, c in ipairs(courses) do
    if last == nil or (not last.ongoing and (c.ongoing or meds.last_acting(c) > meds.last_acting(last))) then
      last = c
    end
  end
  return last
end

-- The dopamine antagonists of the trigger with where each drug stands at
-- the assessment: "haloperidol and aripiprazole given", "haloperidol
-- stopped at T", "haloperidol (depot) last injected at T, acting until
-- T2". A drug with a course still given is given (a dose change written as
-- two entries is one drug: regimen.by_drug); else its latest end is named.
-- A course that has ended is not "given" (session-17 review finding 5: a
-- drug stopped 12 days before was shown as given).
local function antagonists_now(case, courses)
  local given, ended = {}, {}
  for _, group in ipairs(regimen.by_drug(courses)) do
    local c = standing(group.courses)
    local name = regimen.name(c)
    if c.ongoing then given[#given + 1] = name
    elseif c.acting_until then
      ended[#ended + 1] = name .. " (depot) last injected at " .. time.fmt(case, c.last_injection)
        .. ", acting until " .. time.fmt(case, c.acting_until)
    else ended[#ended + 1] = name .. " stopped at " .. time.fmt(case, c.stop) end
  end
  return fmt.join({ #given > 0 and (fmt.list(given, 6) .. " given") or nil, #ended > 0 and fmt.list(ended, 6) or nil })
end

-- The first step: stop what was given, restore what was withdrawn; also
-- whether there are antagonists to stop and drugs to restore, and the
-- antagonists' courses.
local function first_steps(case, window, depot_hours)
  local trigger = meds.trigger(case, window, depot_hours) or { antagonists = {}, withdrawals = {} }
  local out = {}
  if #trigger.antagonists > 0 then
    out[#out + 1] = act("Discontinue all antipsychotics and other dopamine antagonists at once ("
      .. antagonists_now(case, trigger.antagonists) .. "), regardless of psychiatric status: the single most "
      .. "critical step", "seed 002; §12; §5.1 BMJ [S13]")
    local lithium = meds.given_in(case, LITHIUM, window)
    if lithium and #lithium > 0 then
      out[#out + 1] = act("Lithium is also being given (" .. regimen.names(lithium) .. "): other possibly "
        .. "contributory drugs such as lithium may also need to be stopped", "§5.1 BMJ [S13]")
    end
  end
  out[#out + 1] = restore_step(case, trigger)
  return out, #trigger.antagonists > 0, #trigger.withdrawals > 0, trigger.antagonists
end

local NOT_PROPOSED = "NMS is not the working diagnosis; NMS management not proposed"

-- The first steps of every look-alike in `list` (rivals or spectrum);
-- those that only restore a withdrawn drug are left out when the first
-- steps already restore it. `antagonists`, the dopamine antagonists of
-- the drug window in words when no NMS "discontinue" step is said (NMS
-- not, or not yet, the working diagnosis), brings a look-alike's
-- `after_antagonist` step first (tetanus or an acute dystonia; malignant
-- catatonia's withdrawal of antipsychotics; severity/lookalikes.lua).
local function lookalike_steps(out, list, restoring, antagonists)
  for _, r in ipairs(list) do
    if antagonists and r.after_antagonist then out[#out + 1] = r.after_antagonist(antagonists) end
    if not (restoring and r.restores) then add(out, r.steps) end
  end
end

-- The dopamine antagonists given or acting in the drug window, in words,
-- or nil (meds.trigger, as the first step reads them).
local function antagonists_in(case, window)
  local trigger = meds.trigger(case, window)
  return trigger and #trigger.antagonists > 0 and antagonists_now(case, trigger.antagonists) or nil
end

-- antagonists_in for the `after_antagonist` steps of `list`, worked out
-- only when one of its look-alikes has such a step.
local function antagonists_for(case, list, window)
  for _, r in ipairs(list) do
    if r.after_antagonist then return antagonists_in(case, window) end
  end
  return nil
end

-- The set ids of `ids` whose verdict is not "not_met", in words.
local function in_play(verdicts, ids)
  local out = {}
  for _, id in ipairs(ids) do
    local v = verdicts and verdicts[id]
    if v == nil then out[#out + 1] = id .. " not evaluated"
    elseif v.result ~= "not_met" then out[#out + 1] = id .. " " .. v.result:gsub("_", " ") end
  end
  return out
end

-- Benztropine (seed 002 lists it as an adjunct to bromocriptine) is never
-- proposed: the later source says anticholinergics have not been
-- recommended in NMS since 2000 (Nisijima 2023), and they impair heat loss;
-- the line says so, naming anticholinergic toxicity or heat stroke when
-- either is in play.
local function benztropine(verdicts)
  local open = in_play(verdicts, ANTICHOLINERGIC_HARM)
  local why = #open > 0 and (" (" .. fmt.list(open) .. ")") or ""
  return act("Benztropine or another anticholinergic is not proposed" .. why .. ": seed 002 lists "
    .. "benztropine as an adjunct to bromocriptine, but anticholinergic drugs have not been recommended in "
    .. "NMS since 2000, as they may prevent the fall in body temperature by suppressing sweating; whether "
    .. "they worsen NMS is unclear", "seed 002; " .. NISIJIMA .. (#open > 0 and "; §7.6, §7.7" or ""))
end

-- Rival differentials met (not other causes found by the work-up): their
-- treatment differs from that of NMS.
local function rival_differentials(w)
  local out = {}
  for _, r in ipairs(w.rivals) do
    if r.kind == "differential" then out[#out + 1] = r end
  end
  return out
end

-- What the record shows that is treated whatever its cause, while NMS is
-- not the working diagnosis or cannot be decided (NMS management would
-- give it with the rest):
-- - a temperature above severity.extreme_hyperthermia_c (41.1 °C,
--   "life-threatening hyperthermia", §5.5 [S36]): cooling at once,
--   alongside the cause-specific treatment (PSAROMYALOU); a result that
--   only says "cannot be decided" would leave 41.5 °C untreated while a
--   rigidity examination is awaited;
-- - rhabdomyolysis, recorded or shown by the labs (rhabdomyolysis(),
--   above): early and aggressive IV fluids are "the main intervention for
--   preventing and treating AKI" (ZIMMERMAN), and no succinylcholine.
-- Not beside a met look-alike (a rival differential or a spectrum one):
-- its own first steps say how to treat the temperature, as for the tiers,
-- and parkinsonism-hyperpyrexia's include the supportive care.
local PSAROMYALOU = "Psaromyalou A, Niarou V, Kyriakopoulou O, Karela A, Oikonomou I, Pavlidou E. "
  .. "Recognizing medical emergencies - hyperthermia. Achaiki Iatriki 2023;42(2):90-98 "
  .. "(https://achaiki-iatriki.gr/?p=1134)"
local ZIMMERMAN = "Zimmerman JL, Shen MC. Rhabdomyolysis. Chest 2013;144(3):1058-65"
local function whatever_the_cause(case, w, out)
  if #rival_differentials(w) > 0 or #(w.spectrum or {}) > 0 then return end
  local hot = vitals.any_above(case, "temp", EXTREME_C)
  if hot.value == true then
    out[#out + 1] = act("Life-threatening hyperthermia" .. (hot.evidence ~= "" and (", " .. hot.evidence .. ",") or "")
      .. " whatever its cause: lowering the temperature is the first aim; start external cooling now, "
      .. "alongside the treatment of the cause once it is known",
      "§5.5 [S36] (> 41.1 °C life-threatening hyperthermia); " .. PSAROMYALOU
        .. "; parameter severity.extreme_hyperthermia_c")
  end
  local rhabdo, source = rhabdomyolysis(case)
  if rhabdo then
    out[#out + 1] = act("Rhabdomyolysis (" .. rhabdo .. ") whatever its cause: early and aggressive IV fluids "
      .. "to restore renal perfusion and urine flow, the main measure to prevent and treat acute kidney "
      .. "injury; treat the cause once it is known", ZIMMERMAN .. source)
    out[#out + 1] = avoid_succinylcholine(rhabdo)
  end
end

-- Why NMS management is not proposed (tier none), in words, with the
-- look-alike's first steps; never a drug to stop, never an allergy.
-- Whether a look-alike of `list` whose first step restores a withdrawn
-- dopaminergic drug is met.
local function any_restores(list)
  for _, r in ipairs(list or {}) do
    if r.restores then return true end
  end
  return false
end

-- Parkinsonism-hyperpyrexia gets the supportive care with its restored
-- drug: its picture mirrors NMS (fever, rigidity, altered consciousness,
-- raised CK: §7.5 [S74]), and the universal first steps are given with the
-- restored drug when the trigger was dopaminergic withdrawal (§5.1 [S13]).
-- Charted as a stop, the same event is NMS exposure and gets them with the
-- tiers; a dose lowered within one course (NMS not the working diagnosis)
-- or a record that leaves NMS undecided (no rigidity examination: the
-- Ghule 2020 PHS report, 40.1 °C, pulse 166 and acute kidney injury after
-- levodopa was left behind; rules/tests/severity/phs-undecided-supportive.json)
-- must not get "reinstitute" alone.
local function restored_supportive(case, w, out)
  if not any_restores(w.spectrum) then return end
  local rhabdo = add_supportive(case, out)
  if rhabdo then out[#out + 1] = avoid_succinylcholine(rhabdo) end
end

local function not_working(case, w, window)
  local exposure = w.exposure or {}
  local crit = w.criteria
  local out = {}
  out[#out + 1] = infection_pending(case)
  if exposure.value == false then
    out[#out + 1] = act("No dopamine antagonist given or acting, and no dopaminergic drug stopped, in the "
      .. "drug window (" .. exposure.evidence .. "): " .. NOT_PROPOSED,
      "IEC 2011 item 1 (§3 [S1]); severity/working.lua")
    lookalike_steps(out, w.rivals)
  elseif w.unexplained.value == false then
    out[#out + 1] = act(w.unexplained.evidence .. "; " .. NOT_PROPOSED,
      "severity/working.lua; DSM-IV-TR criterion C (§1.1 [S10][S11]); IEC 2011 item 8 (§3 [S1])")
    lookalike_steps(out, w.rivals, nil, antagonists_in(case, window))
  else
    out[#out + 1] = act("No NMS criteria set is met (" .. table.concat(crit.not_met, ", ") .. "): "
      .. NOT_PROPOSED, "severity/working.lua; the criteria sets of this ruleset")
  end
  -- A met spectrum look-alike keeps its own first steps when NMS is not the
  -- working diagnosis: parkinsonism-hyperpyrexia met on a dose reduction
  -- (no stop, so no NMS exposure) must still say "reinstitute the drug";
  -- malignant catatonia without a dopamine antagonist its lorazepam challenge.
  lookalike_steps(out, w.spectrum or {}, nil, antagonists_for(case, w.spectrum or {}, window))
  restored_supportive(case, w, out)
  whatever_the_cause(case, w, out)
  if exposure.value ~= false and #crit.indeterminate > 0 then
    out[#out + 1] = act("NMS is not excluded while " .. table.concat(crit.indeterminate, ", ")
      .. " cannot be decided: reassess as the missing data come in", "severity/working.lua")
  end
  return out
end

-- NMS undecided but suspected: a published criteria set is met with
-- rigidity of severity.workup_rigidity (moderate or severe: the level at
-- which NMS stays possible whatever the work-up finds, severity/working.lua;
-- mild rigidity an antipsychotic gives on its own, and clozapine with a
-- pending infection work-up and mild rigidity must not be told to stop
-- clozapine, rules/tests/severity/workup.json), no rival look-alike is
-- met, and dopamine antagonists are still given. The
-- undecided list gives no NMS management, yet stopping the drug is not
-- NMS management held for a confirmed diagnosis: seed 000 says
-- "Immediate discontinuation of antipsychotic drugs and intensive
-- symptomatic treatment are necessary if NMS is suspected". Not beside a
-- met rival (its own steps; FINDINGS-20 1's catatonia line names the
-- antipsychotics for malignant catatonia, so not twice) and not when no
-- set is met (nothing then says NMS is suspected). Published case cr39
-- (Levenson met, rectal 41.4 °C, coma, CK 100,000 on haloperidol still
-- given; FINDINGS-20 4, FINDINGS-21 1).
local function suspected_stop(case, w, window)
  if #w.criteria.met == 0 or #rival_differentials(w) > 0 then return nil end
  local rigid = working.significant_rigidity(case)
  if rigid.value ~= true then return nil end
  if antagonists_for(case, w.spectrum or {}, window) then return nil end
  local trigger = meds.trigger(case, window)
  if not trigger then return nil end
  local given = {}
  for _, group in ipairs(regimen.by_drug(trigger.antagonists)) do
    local c = standing(group.courses)
    if c.ongoing then given[#given + 1] = regimen.name(c) end
  end
  if #given == 0 then return nil end
  return act("NMS is suspected (" .. fmt.list(w.criteria.met) .. " met, " .. rigid.evidence .. ") and "
    .. fmt.list(given, 6)
    .. (#given == 1 and " is" or " are") .. " still given: discontinue the antipsychotics and other dopamine "
    .. "antagonists now, without waiting for the missing data; immediate discontinuation is necessary if "
    .. "NMS is suspected",
    "seed 000 ('Immediate discontinuation of antipsychotic drugs and intensive symptomatic treatment are "
      .. "necessary if NMS is suspected'); seed 002 (do not delay treatment waiting for diagnostic "
      .. "confirmation)")
end

-- NMS undecided: what would decide it, and the first steps of any
-- look-alike that is met on its own criteria (they do not wait for NMS to
-- be decided: cyproheptadine for serotonin toxicity, restoring a withdrawn
-- dopaminergic drug by name, ...).
local function undecided(case, w, window, verdicts)
  local e, u = w.evidence.missing, w.unexplained.missing
  local x = w.exposure and w.exposure.value == nil and w.exposure.missing or nil
  local missing = missing_list.list(verdicts, { x, e, u })   -- severity/missing.lua
  local out = { act("Whether NMS is the working diagnosis cannot be decided from the record (missing: "
    .. (missing ~= "" and missing or "data") .. "). If NMS is suspected clinically, do not delay "
    .. "treatment waiting for diagnostic confirmation", "seed 002; severity/working.lua") }
  out[#out + 1] = infection_pending(case)   -- the sepsis timing first in every list
  out[#out + 1] = suspected_stop(case, w, window)
  whatever_the_cause(case, w, out)
  local restore = (any_restores(w.rivals) or any_restores(w.spectrum))
    and restore_step(case, meds.trigger(case, window) or { withdrawals = {} })
  out[#out + 1] = restore or nil
  lookalike_steps(out, w.rivals or {}, restore)
  lookalike_steps(out, w.spectrum or {}, restore, antagonists_for(case, w.spectrum or {}, window))
  restored_supportive(case, w, out)
  return out
end

-- The NMS drug measures held back while a rival is met (project choice:
-- the reference gives them for NMS only, and some act against the rival's
-- treatment), in the order seed 002 and §5.2 give them.
local HELD = { "bromocriptine", "dantrolene", "amantadine", "levodopa", "benztropine" }

-- The hold-back step beside met `rivals`. A drug that a rival's own first
-- steps give (dantrolene for malignant hyperthermia, lookalikes.lua
-- `gives`) is not named as held back, so one list never both gives and
-- withholds it; levodopa is not named when a withdrawn dopaminergic drug is
-- being restored.
local function held_back(rivals, restoring)
  local given = {}
  for _, r in ipairs(rivals) do
    for drug in pairs(r.gives or {}) do given[drug] = true end
  end
  local held, kept = {}, {}
  for _, drug in ipairs(HELD) do
    if given[drug] then kept[#kept + 1] = drug
    elseif not (restoring and drug == "levodopa") then held[#held + 1] = drug end
  end
  local text = fmt.list(held):gsub("^%l", string.upper) .. " are not proposed as NMS treatment while "
    .. working.names(rivals, true) .. " remains possible: they treat NMS, not it; reconsider them once it is "
    .. "excluded (its own first steps are above"
    .. (#kept > 0 and ("; " .. fmt.list(kept) .. " is given there as its own treatment") or "")
    .. (restoring and "; restoring the withdrawn dopaminergic drug is not held back" or "") .. ")"
  return act(text, "severity/working.lua (project choice); seed 002; §5.2"
    .. (#kept > 0 and "; severity/lookalikes.lua (the rival's own first steps)" or ""))
end

-- ECT for NMS that persists despite drug treatment (severity/course.lua),
-- at any tier: `why` says which drugs, since when, and what persists.
local function ect_refractory(why)
  return act("ECT: NMS persists despite drug treatment (" .. why .. "): ECT is indicated when NMS is "
    .. "refractory to supportive care and drug therapy, typically 6–10 bilateral treatments (a published "
    .. "sequence: dantrolene or bromocriptine for 48 h, then ECT if there is no clinical response), "
    .. "particularly when a concurrent psychiatric condition would benefit; cardiac arrest/ventricular "
    .. "fibrillation after ECT in NMS has been reported",
    "§5.3 [S22][S28]; seed 002; Scheftner WA, Shulman RB. Convuls Ther 1992;8(4):267-79; Trollor JN, "
      .. "Sachdev PS. Aust N Z J Psychiatry 1999;33:650-9; parameter severity.ect_after_drug_h")
end

-- Adds the tier measures `items` to `list`, each that names an NMS
-- treatment the record already shows given saying so (course.mark).
local function add_marked(case, list, items)
  for _, a in ipairs(items) do list[#list + 1] = course.mark(case, a) end
end

-- The tier's measures for NMS as the working diagnosis (status "nms" or "both").
local function tier_measures(case, tier, w, verdicts, list, restoring, rhabdo)
  local rivals = rival_differentials(w)
  for _, t in ipairs(BELOW[tier]) do
    if t ~= "moderate" or #rivals == 0 then add_marked(case, list, TIER[t]) end
    if t == "moderate" and #rivals == 0 then list[#list + 1] = benztropine(verdicts) end
    if t == "moderate" and #rivals > 0 then list[#list + 1] = held_back(rivals, restoring) end
  end
  -- With a rival met, its own first steps say how to treat the temperature
  -- (cooling for heat stroke, dantrolene for MH, paralysis > 41.1 °C for
  -- serotonin toxicity), and ECT is for severe, persistent NMS: at any
  -- tier once it persists despite drug treatment, else at the severe one.
  local refractory = #rivals == 0 and course.refractory(case)
  if tier == "severe" and #rivals == 0 then
    if vitals.any_above(case, "temp", EXTREME_C).value == true then list[#list + 1] = PARALYSIS end
    if not refractory then list[#list + 1] = ECT end
  end
  if refractory then list[#list + 1] = ect_refractory(refractory) end
  if tier == "severe" or rhabdo then list[#list + 1] = avoid_succinylcholine(rhabdo) end
end

-- A recurrence after an early restart (session-17 review finding 8): with
-- a previous NMS recorded (history.prior_nms), the dopamine antagonists of
-- the trigger first given within severity.restart_window_h before the
-- anchor, in words ("olanzapine from T, 82 h before the first sign"), or
-- nil. That is what a clinician records for the next attempt.
local function restarted(case, antagonists)
  if (case.history or {}).prior_nms ~= true then return nil end
  local a, out = time.anchor(case), {}
  for _, c in ipairs(antagonists) do
    if a and c.from and c.from <= a.t and c.from >= a.t - RESTART_H then
      out[#out + 1] = regimen.name(c) .. " from " .. time.fmt(case, c.from)
        .. ", " .. time.ago_anchor(case, c.from)
    end
  end
  return #out > 0 and fmt.list(out, 3) or nil
end

local function after_resolution(case, w, antagonist, antagonists)
  if not antagonist then
    return act("After resolution: educate the patient and family about the episode", "seed 002")
  end
  -- The allergy clause only when NMS is the working diagnosis with nothing
  -- rival met, and a criteria set confirms it: beside a rival still
  -- possible, a lifelong label on the only drug that works (clozapine) waits
  -- until the rival is excluded (session 16 review, finding 7).
  local allergy = ""
  if w.status == "nms" and #w.criteria.met > 0 then
    allergy = "; the suspected drug class is often recorded as an allergy"
  elseif w.status == "both" then
    allergy = "; decide about recording the drug class as an allergy only once " .. working.names(w.rivals, true)
      .. " is excluded"
  end
  local restart = restarted(case, antagonists)
  return act("After complete resolution: wait at least 2 weeks before any antipsychotic rechallenge, obtain "
    .. "informed consent after a risk-benefit discussion, and educate the patient and family about the "
    .. "episode" .. allergy .. (restart and (". This episode followed an antipsychotic restart after a "
    .. "previous NMS (history.prior_nms): " .. restart .. "; recurrence is more likely when antipsychotics "
    .. "are restarted soon after an episode: record the interval for the next attempt") or ""),
    "seed 002; §5.4 BMJ [S13]" .. (restart and "; §5.4 DSM-5 text [S14]; parameter severity.restart_window_h"
      or ""))
end

-- The ordered management list for `tier` (A.list, below).
local function tier_list(case, tier, w, verdicts, window)
  if tier == "none" then
    if w.status == "not" then return not_working(case, w, window) end
    return undecided(case, w, window, verdicts)
  end
  local list = {}
  list[#list + 1] = infection_pending(case)
  if w.status == "both" then
    list[#list + 1] = act("NMS and " .. working.names(w.rivals, true) .. " are both possible: "
      .. working.names(w.rivals) .. ", and NMS criteria met (" .. table.concat(w.criteria.met, ", ")
      .. "). Complications are not counted as NMS severity while both are possible",
      "severity/working.lua; the engine's overlap rule (docs/rules.md)")
    lookalike_steps(list, w.rivals)
  end
  local first, antagonist, restoring, antagonists = first_steps(case,
    w.exposure_sets and math.max(window, SET_WINDOW_H) or window, w.exposure_sets and SET_DEPOT_H or nil)
  add(list, first)
  lookalike_steps(list, w.spectrum, restoring)
  local rhabdo = add_supportive(case, list)
  tier_measures(case, tier, w, verdicts, list, restoring, rhabdo)
  add(list, PITFALLS)
  list[#list + 1] = unrecorded_workup(case)
  add(list, MONITORING)
  list[#list + 1] = after_resolution(case, w, antagonist, antagonists)
  return list
end

-- Whether a line of the list gives a dose: a number with a unit of mass
-- or of drug activity ("2.5 mg", "0.25–2 mg/kg", "500 IU"), the way every
-- dose of the sources is printed. A count ("2 readings"), a temperature
-- or a CK in U/L is not one.
local DOSE_UNITS = { "mg", "mcg", "µg", "g", "IU", "units" }
local function gives_dose(text)
  for _, unit in ipairs(DOSE_UNITS) do
    if text:find("%d%s?" .. unit .. "%f[^%w]") then return true end
  end
  return false
end

local function any_dose(list)
  for _, entry in ipairs(list) do
    if gives_dose(entry.text) then return true end
  end
  return false
end

-- A child: the doses below are the sources' adult doses (parameter
-- severity.adult_age_years), said before any of them can be copied; not
-- above a list that gives no dose (published case cr28, a 17-year-old
-- whose list said only that NMS could not be decided).
local function child_doses(case, list)
  local age = (case.patient or {}).age
  if type(age) ~= "number" or age >= ADULT_AGE or not any_dose(list) then return nil end
  return act(("The patient is %s years old: every dose in this list is an adult dose as its source "
    .. "prints it; do not give it to a child as it stands (dose from a paediatric reference)"):format(
    fmt.num(age)), "§5.2 (MSD Manual [S21], Critical Care Secrets [S22]: adult doses); parameter "
    .. "severity.adult_age_years")
end

--- The ordered management list for `tier` ("none" | "mild" | "moderate" |
-- "severe"), given the working diagnosis `w` (severity/working.lua), the
-- engine's `verdicts` and the exposure window `window` in hours; for a
-- child, first the line saying its doses are adult doses, then the caveats
-- of undecided look-alikes (severity/working.lua W.caveats).
function A.list(case, tier, w, verdicts, window)
  local list = tier_list(case, tier, w, verdicts, window)
  -- an undecided look-alike's caveat first: it must not wait behind NMS care
  local caveats = working.caveats(case, w)
  for i = #caveats, 1, -1 do table.insert(list, 1, caveats[i]) end
  local child = child_doses(case, list)
  if child then table.insert(list, 1, child) end
  return list
end

return A
