-- severity/lookalikes.lua - what the working diagnosis of NMS
-- (severity/working.lua) does with each differential of the ruleset, and
-- the look-alike's own first steps, each with its source.
--
-- Two roles:
--   rival     a met screen or criteria set of another diagnosis that can
--             explain the whole picture: with no NMS criteria set met it
--             is the better explanation (NMS management not proposed);
--             with one met, both remain possible.
--   spectrum  a diagnosis on the NMS spectrum, whose management agrees
--             with NMS management: it never displaces NMS, its first steps
--             are added. Parkinsonism-hyperpyrexia is the dopaminergic-
--             withdrawal form that IEC 2011 item 1 itself counts as NMS
--             exposure (§3 [S1]; §7.5 [S74]); malignant catatonia "can be
--             indistinguishable" from NMS (DSM-5 text, §1.2 [S14]) and
--             neuroleptic-induced catatonia and NMS form a continuum
--             (§7.4 [S73]); its screen is met by classic NMS itself
--             (mutism, stupor, fever, tachycardia).
-- `gives` names the NMS drug measures that a look-alike's own first steps
-- give (dantrolene for malignant hyperthermia): the list that holds NMS
-- drugs back beside a met rival does not name them (severity/actions.lua).
-- `explained_by` names differentials that, met, explain this look-alike's
-- signs: it then neither rivals NMS nor adds steps (working.lua).
-- `caveat(case)`, when a look-alike has one, is a step said while its
-- screen is undecided: a sign of it is recorded, and what would decide it
-- is named beside the NMS care, which goes on (W.caveats).
-- A differential the table does not know (a set added later) is a rival
-- without first steps: the safe default.
--
-- First steps appear only where a source gives them, with doses only as
-- printed there (clinical-reference §7); nothing is calculated.

local P = require("lib.params")
local exam = require("lib.exam")
local regimen = require("lib.regimen")

local function act(text, source) return { text = text, source = source } end

-- Anticholinergics "may prevent a decrease in body temperature by
-- suppressing sweating" (Nisijima 2023): shared by two look-alikes.
local NO_ANTICHOLINERGIC = act("Do not give an anticholinergic drug (e.g. benztropine): anticholinergics "
  .. "may prevent the fall in body temperature by suppressing sweating",
  "Nisijima K. Neuroleptic malignant syndrome improved with intramuscular administration of the "
    .. "anticholinergic agent, biperiden. Int Med Case Rep J 2023, doi:10.2147/IMCRJ.S412619 (PMID "
    .. "37200957); §7.7 (antipsychotic and anticholinergic drugs impair heat dissipation)")

local SEROTONIN = {
  role = "rival", name = "serotonin toxicity",
  steps = {
    act("Serotonin toxicity first steps: stop every serotonergic drug and give supportive care; a "
      .. "serotonin antagonist, cyproheptadine, 12 mg then 2 mg every "
      .. "2 h while symptoms continue, maintenance 8 mg every 6 h; in severe cases (> 41.1 °C) sedation, "
      .. "non-depolarizing paralysis and intubation; no physical restraints",
      "stopping the serotonergic drugs: StatPearls, Serotonin Syndrome (updated 2024; 'treatment ... "
        .. "involves discontinuing the offending medications and providing supportive care'), "
        .. "https://statpearls.com/point-of-care/28918, and UCSD Internal Medicine, Management of "
        .. "Serotonin Syndrome (GrepMed image 12459, 'identify and stop all serotoninergic "
        .. "medications'); seed 003 ('serotonin syndrome needs serotonin blockers like "
        .. "cyproheptadine'); §7.2 Boyer & Shannon via [S33]"),
  },
}

-- Tetanus undecided with trismus or opisthotonos recorded: consciousness
-- is what the screen waits on (differential/tetanus.lua). Said beside NMS
-- care rather than left to the differential section: the NMS care goes
-- on, and what would decide is named (session-17 review, finding 3).
local TETANUS_SIGNS = { "trismus", "opisthotonos" }
-- Trismus and opisthotonos with clear consciousness after a dopamine
-- antagonist are also an acute drug-induced dystonic reaction, which that
-- drug history supports (BMJ Best Practice's first differential of
-- tetanus), and far the commoner after metoclopramide or a phenothiazine:
-- with the tetanus screen met and no NMS criteria set, this step comes
-- before tetanus's own, so that a dystonia is not given tetanus
-- immunoglobulin and an intensive-care bed. `antagonists` names the
-- antagonists of the drug window. Not said beside a met NMS criteria set:
-- a dystonia explains neither fever nor a raised CK, and an anticholinergic
-- impairs heat loss (Nisijima 2023, above).
local function tetanus_or_dystonia(antagonists)
  return act("A dopamine antagonist is in the record (" .. antagonists .. "): trismus and opisthotonos "
    .. "with clear consciousness are also an acute drug-induced dystonic reaction, which this drug history "
    .. "supports. Tell them apart before treating tetanus: take the complete drug history; deviation of "
    .. "the eyes points to a dystonia (tetanus does not deviate them); an anticholinergic (procyclidine "
    .. "or benzatropine) usually relieves a drug-induced dystonia and has no effect on tetanus",
    "BMJ Best Practice, Tetanus, Differentials: drug-induced dystonias, e.g. phenothiazines (torticollis, "
      .. "retrocollis, trismus, opisthotonus, often deviation of the eyes; 'Tetanus is not associated with "
      .. "ocular deviation'; 'A compatible drug history would support a diagnosis of drug-induced "
      .. "dystonia'; anticholinergics 'usually ameliorate drug-induced dystonias but have no effect on "
      .. "tetanus'); Dingli K, Morgan R, Leen C. Acute dystonic reaction caused by metoclopramide, versus "
      .. "tetanus. BMJ 2007;334:899 ('If tetanus is suspected, take a complete drug history and "
      .. "administer procyclidine')")
end

-- Malignant catatonia beside antipsychotics given or acting (`antagonists`,
-- in words): what the catatonia guideline does with them.
local function catatonia_antagonists(antagonists)
  return act("Antipsychotics in the drug window (" .. antagonists .. "): in catatonia, avoid antipsychotics "
    .. "unless there is a clear indication such as psychosis driving the catatonia; withdraw one likely "
    .. "responsible for the catatonia as the first measure, and withdraw them where NMS may have been "
    .. "precipitated",
    "NHS Scotland Right Decisions, Catatonia guideline, Underlying/associated conditions "
      .. "(https://www.rightdecisions.scot.nhs.uk/catatonia-bundle-and-guideline/catatonia-guideline/"
      .. "underlyingassociated-conditions: 'Should the antipsychotic be felt likely to be responsible, "
      .. "withdrawal of this drug should be the first measure'; 'if Neuroleptic Malignant Syndrome is felt to "
      .. "have been precipitated, antipsychotics should be withdrawn'; 'Antipsychotics should be avoided "
      .. "unless there is a clear indication (e.g. psychosis)'), the guideline of §5.6 [S38]")
end

-- The signs among `fields` recorded true, in their order, joined by
-- " and "; nil when none is. A sign is read by exam.flag unless
-- SIGN_READERS names the helper that reads it (hyperreflexia is also ruled
-- out by a recorded hyporeflexia). Shared by the caveats below.
local SIGN_READERS = { hyperreflexia = exam.hyperreflexia }
local function recorded_signs(case, fields)
  local shown = {}
  for _, field in ipairs(fields) do
    local reader = SIGN_READERS[field]
    local finding = reader and reader(case) or exam.flag(case, field)
    if finding.value == true then shown[#shown + 1] = field end
  end
  return #shown > 0 and table.concat(shown, " and ") or nil
end

local function tetanus_caveat(case)
  local shown = recorded_signs(case, TETANUS_SIGNS)
  if not shown then return nil end
  return act(shown:gsub("^%l", string.upper) .. " recorded, consciousness not: "
    .. "tetanus (a DSM-5 differential of NMS) is not excluded. Tetanus spares consciousness, NMS usually "
    .. "alters it: record the mental status (exam[].mental_status) and ask about a wound and tetanus "
    .. "immunisation; with clear consciousness the tetanus screen is met and its first steps (tetanus "
    .. "immunoglobulin, metronidazole, wound care) come first",
    "differential/tetanus.lua; §1.2 DSM-5 differential list and text [S14]; RCEM Learning tetanus module; "
      .. "Hinfey PB, Medscape (eMedicine 229594): the injury often unnoticed, under-immunisation")
end

-- Hunter undecided beside a serotonergic drug, with a sign that points to
-- serotonin toxicity rather than NMS recorded: myoclonus (Sternbach's
-- feature [S55]) or hyperreflexia (against the often decreased reflexes of
-- NMS, §7.1 MSD [S34]). Diaphoresis, agitation and tremor, which NMS shares,
-- do not raise it. The decision rules turn on clonus and reflexes, which a
-- record often lacks (published case cr45, FINDINGS-20 6: myoclonus on
-- linezolid after escitalopram, and a list that never said what would
-- decide it).
local SEROTONIN_SIGNS = { "myoclonus", "hyperreflexia" }
local SEROTONERGIC = { serotonergic = true }
local SEROTONIN_AGENT_WINDOW_H = P.number("differential.serotonin_hunter.agent_window_h")

-- The signs are read first: most records have none, and the drug window
-- is the dearer question.
local function serotonin_caveat(case)
  local shown = recorded_signs(case, SEROTONIN_SIGNS)
  if not shown
    or regimen.given(case, SEROTONERGIC, SEROTONIN_AGENT_WINDOW_H, "serotonergic drug").value ~= true then
    return nil
  end
  return act("A serotonergic drug and " .. shown .. " recorded: serotonin toxicity "
    .. "is not excluded. The Hunter decision rules turn on clonus and reflexes: examine for spontaneous, "
    .. "inducible and ocular clonus (exam[].clonus) and for hyperreflexia (exam[].hyperreflexia); with "
    .. "the rules met, its own first steps come first",
    "differential/serotonin_hunter.lua; §7.2 Hunter decision rules (Dunkley et al., QJM 2003) "
      .. "[S51][S52][S53]; myoclonus: Sternbach 1991 [S55]")
end

return {
  malignant_hyperthermia = {
    role = "rival", name = "malignant hyperthermia",
    gives = { dantrolene = true },   -- its own first step: never "held back" beside it (severity/actions.lua)
    steps = {
      act("Malignant hyperthermia first steps: stop the volatile anaesthetic (and succinylcholine) and "
        .. "hyperventilate; dantrolene 2.5 mg/kg IV, repeated every 10–15 min until acidosis, fever and "
        .. "rigidity resolve, then 1 mg/kg every 4–8 h for 24–48 h; cool if hyperthermic and stop cooling "
        .. "at 38.5 °C; urine output 2 mL/kg/h; ICU for at least 24 h; avoid calcium-channel blockers; "
        .. "refer for contracture or DNA testing",
        "§7.3 Orphanet J Rare Dis 2015 review, Table 2 'Managing an MH crisis' [S65]"),
    },
  },
  heat_stroke = {
    role = "rival", name = "heat stroke",
    steps = {
      act("Heat stroke first step: cool at once and rapidly (cold-water immersion cools fastest) until the "
        .. "core temperature is below 39 °C; dantrolene is not recommended for heat stroke",
        "Gaudio FG, Grissom CK. Cooling methods in heat stroke. J Emerg Med 2016;50:607-16 (as summarised "
          .. "by UMEM educational pearl 3033); Lipman GS et al. Wilderness Medical Society clinical practice "
          .. "guidelines for the prevention and treatment of heat illness: 2019 update. Wilderness Environ Med "
          .. "2019;30(4S):S33-S46, doi:10.1016/j.wem.2018.10.004; §7.7 [S78]"),
      NO_ANTICHOLINERGIC,
    },
  },
  anticholinergic = {
    role = "rival", name = "anticholinergic toxicity",
    steps = {
      act("Anticholinergic toxicity first steps: physostigmine 0.5–1 mg IV over 5 min, repeated to at most "
        .. "2 mg in total, with ECG monitoring; not with QRS prolongation or tricyclic cardiotoxicity",
        "§7.6 CURRENT Medical Diagnosis & Treatment toxicology handbook [S26]"),
      NO_ANTICHOLINERGIC,
    },
  },
  serotonin_hunter = { role = SEROTONIN.role, name = SEROTONIN.name, steps = SEROTONIN.steps,
                       caveat = serotonin_caveat },   -- while undecided (severity/working.lua W.caveats)
  serotonin_sternbach = SEROTONIN,
  sympathomimetic = {
    role = "rival", name = "sympathomimetic toxicity",
    steps = {
      -- The clinical reference's §7.9 gives features only; these steps are
      -- from a toxicology text and a critical-care review (no antidote:
      -- sedation and cooling), with §5.5's paralysis rule for drug-induced
      -- hyperthermia. Phenothiazines and butyrophenones are avoided: more
      -- dopamine antagonist beside a possible NMS, and they impair cooling.
      act("Sympathomimetic toxicity first steps (no antidote; supportive care): benzodiazepines titrated to "
        .. "control agitation, rather than physical restraints (restrained patients with sympathomimetic "
        .. "agitation or hyperthermia are at significant risk of sudden death); measure the core temperature "
        .. "and cool a hyperthermic patient at once (ice, ice-water immersion, misting or fans; stop cooling "
        .. "at 38 °C); avoid antipyretics, phenothiazines and butyrophenones; for drug-induced hyperthermia "
        .. "not controlled so, non-depolarizing paralysis (rocuronium/vecuronium) then intubation and "
        .. "ventilation (paralysis can mask seizures)",
        "Kolecki P. Sympathomimetic toxicity treatment & management. Medscape (eMedicine 818583), updated "
          .. "2015, http://emedicine.medscape.com/article/818583-treatment ('Benzodiazepines ... are the "
          .. "safest first approach'; physically restrained patients 'have an associated significant risk of "
          .. "sudden death'; measure the core temperature and cool); Bench-to-bedside review: mechanisms and "
          .. "management of hyperthermia due to toxicity. Crit Care 2007;11(6):236, doi:10.1186/cc6177 "
          .. "(PMID 18096088), Table 3; §5.5 toxicology handbook [S26] (non-depolarizing paralysis for "
          .. "drug-induced hyperthermia); §7.9 [S77][S36]"),
    },
  },
  cns_infection = {
    role = "rival", name = "CNS infection",
    steps = {
      -- The screen is met only on CSF pleocytosis: the lumbar puncture is
      -- done, so the first step is treatment, not another puncture.
      act("CNS infection first steps: CSF pleocytosis points to meningitis or encephalitis (the CSF is "
        .. "normal in NMS): start empirical antimicrobial treatment without waiting for the CSF results "
        .. "(blood cultures first if not yet taken), adding intravenous acyclovir when encephalitis is "
        .. "possible, as the local meningitis guideline sets out; complete the work-up (blood cultures, "
        .. "CT brain)",
        "Therapeutic Guidelines (eTG complete), Antibiotic, 'Clinical presentation and initial management "
          .. "of meningitis': 'If lumbar puncture has been performed and clinical suspicion of bacterial "
          .. "meningitis is high, start antibiotics while waiting for results' (https://etg-complete-oxy."
          .. "netlify.app/antibiotic/clinical-presentation-and-initial-management-of-meningitis/"
          .. "c_abg_clinical-presentation-and-initial-management-of-meningitis_topic_8); Kelly EW, Fitch MT. "
          .. "Meningitis and encephalitis. In: Clinical Emergency Medicine. McGraw-Hill; 2014 ('add "
          .. "intravenous acyclovir to the empiric antimicrobial regimen'); §7.8 BMJ work-up [S13]; [S11][S1]"),
    },
  },
  baclofen_withdrawal = {
    role = "rival", name = "baclofen withdrawal",
    steps = {
      act("Baclofen withdrawal first steps: restart baclofen (re-administer it; with an intrathecal pump, "
        .. "check the pump and catheter and reinstitute intrathecal baclofen, as oral baclofen may not "
        .. "replace it); high-dose benzodiazepines as support",
        "Mohammed I, Hussain A. Intrathecal baclofen withdrawal syndrome - a life-threatening "
          .. "complication of baclofen pump: a case report. BMC Clin Pharmacol 2004;4:6, "
          .. "doi:10.1186/1472-6904-4-6 ('oral baclofen replacement may not be an effective method ... "
          .. "high-dose benzodiazepines and prompt analysis of intrathecal pump with reinstitution of "
          .. "baclofen'); IASP PRF 194099 case summary ('re-administration of baclofen, or use of "
          .. "benzodiazepines'); intrathecal baclofen label boxed warning [B25]"),
    },
  },
  tetanus = {
    role = "rival", name = "tetanus",
    caveat = tetanus_caveat,   -- while undecided (severity/working.lua W.caveats)
    after_antagonist = tetanus_or_dystonia,   -- alone, after an antagonist (severity/actions.lua)
    -- Trismus after succinylcholine is the masseter spasm of malignant
    -- hyperthermia (Larach process I, §7.3 [S59]; the MH screen reads
    -- exam[].trismus so): with that screen met, the trismus is explained
    -- and tetanus is no rival of its own.
    explained_by = { malignant_hyperthermia = true },
    steps = {
      -- No doses: the sources read give the immunoglobulin's only for the
      -- IV product where human TIG is not available, and the rest by name.
      -- Benzodiazepines, airway support and intensive care are shared with
      -- NMS care and stay in either list.
      act("Tetanus first steps (a clinical diagnosis): airway, breathing and circulation first, with "
        .. "early multidisciplinary and intensive-care help for the airway (intensive care prevents death "
        .. "from respiratory failure); a dark, quiet room (light and noise trigger spasms); tetanus "
        .. "immunoglobulin as early as possible to neutralise the unbound toxin; metronidazole, the "
        .. "antibiotic of choice; look for the entry wound (often trivial) and debride it, some hours "
        .. "after the immunoglobulin; benzodiazepines (diazepam) for the spasms, with ventilation and "
        .. "neuromuscular blockade if they do not control them",
        "RCEM Learning, Tetanus, 'Initial and secondary management strategies' (https://rcemlearning.org/"
          .. "modules/tetanus/lessons/management-71/topic/initial-and-secondary-management-strategies); "
          .. "Rodrigo C, Fernando D, Rajapakse S. Pharmacological management of tetanus: an evidence-based "
          .. "review. Crit Care 2014;18:217, doi:10.1186/cc13797 (spasm and autonomic control with "
          .. "ventilatory support, antitetanus immunoglobulin, wound debridement, antibiotics); Cook TM, "
          .. "Protheroe RT, Handel JM. Br J Anaesth 2001;87:477-87 (intensive care prevents death from "
          .. "respiratory failure)"),
    },
  },
  parkinsonism_hyperpyrexia = {
    role = "spectrum", name = "parkinsonism-hyperpyrexia syndrome",
    restores = true,   -- the same step as NMS from withdrawal: given once (severity/actions.lua)
    steps = {
      act("Parkinsonism-hyperpyrexia syndrome (dopaminergic withdrawal) is also met: reinstitute the "
        .. "antiparkinsonian drug; do not withhold it", "§7.5 Grover 2018 [S74]; §5.1 BMJ [S13]"),
    },
  },
  malignant_catatonia = {
    role = "spectrum", name = "malignant catatonia",
    -- Antipsychotics still given when NMS is not (yet) the working
    -- diagnosis: "Do not restart" below presumes them stopped, and no NMS
    -- "discontinue" step is said then (published case cr33: haloperidol,
    -- levomepromazine and a fluphenazine depot continued at 39.8 °C).
    after_antagonist = catatonia_antagonists,
    steps = {
      act("Malignant catatonia is also met (it can be indistinguishable from NMS): a lorazepam challenge "
        .. "(test dose, reassess at 40 min; > 50 % reduction of catatonic signs is positive); ECT is the "
        .. "definitive option for lorazepam-refractory or malignant catatonia. Do not restart an "
        .. "antipsychotic for the catatonia while NMS is possible",
        "§5.6 NHS Scotland catatonia guideline [S38]; §7.4 [S72][S73]; §5.3; §1.2 DSM-5 text [S14]; "
          .. "seed 002 (discontinue regardless of psychiatric status)"),
    },
  },
}
