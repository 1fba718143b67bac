-- differential/contrasts.lua - the static points that tell each
-- differential diagnosis from NMS, as the clinical reference states them
-- (§7, mostly the Boyer & Shannon side-by-side table, §7.1 [S35]). Each
-- differential module lists the points that concern it as its
-- `distinguishing` field; the engine reports them with the result. Points
-- the reference marks "clinical reasoning, UNCONFIRMED as rule" are worded
-- as such here and are never scored.

local function point(text, source) return { text = text, source = source } end

local C = {}

-- Serotonin syndrome (§7.1, §7.2): Hunter and Sternbach share these.
C.serotonin = {
  point("Onset: serotonin syndrome develops in < 12 h (usually 6–24 h, within 24 h of the drug "
    .. "change); NMS in 1–3 days (1–7 days, longer with depot preparations).",
    "§7.1 Boyer & Shannon [S35]; AAP table [S49]; JNNP table [S50]; MSD [S34]"),
  point("Reflexes: hyperreflexia and clonus in serotonin syndrome (unless masked by increased tone); "
    .. "bradyreflexia (often decreased reflexes) in NMS.", "§7.1 [S35]; MSD [S34]"),
  point("Tone: increased, legs more than arms, in serotonin syndrome; lead-pipe rigidity of all muscle "
    .. "groups in NMS.", "§7.1 [S35]"),
  point("Pupils: mydriasis in serotonin syndrome; normal in NMS.", "§7.1 [S35]"),
  point("Bowel sounds: hyperactive in serotonin syndrome; normal or decreased in NMS.", "§7.1 [S35]"),
  point("Skin: diaphoresis in serotonin syndrome; pallor and diaphoresis in NMS (sweating does not "
    .. "separate them).", "§7.1 [S35]"),
  point("Myoclonus, diarrhoea, nausea and shivering favour serotonin syndrome; dysphagia, "
    .. "hypersalivation and incontinence favour NMS.", "§7.1 JNNP table [S50]"),
  point("Course: about 70 % of serotonin syndrome resolves within 24 h, NMS in 2–14 days; CK raised in "
    .. "serotonin syndrome, markedly raised in NMS.", "§7.1 JNNP table [S50]"),
  point("Treatment differs: serotonin syndrome is treated with a serotonin antagonist (cyproheptadine "
    .. "12 mg, then 2 mg every 2 h while symptoms continue); NMS by stopping the dopamine antagonist, "
    .. "with dantrolene or bromocriptine.", "§7.2 Boyer & Shannon via [S33]; seed 003"),
}

-- Anticholinergic toxicity (§7.1, §7.6).
C.anticholinergic = {
  point("Onset: anticholinergic toxicity in < 12 h (usually 0.5–24 h); NMS in 1–3 days.",
    "§7.1 [S35]; AAP table [S49]"),
  point("Skin: hot, flushed and dry (anhidrosis) in anticholinergic toxicity — the key contrast to the "
    .. "diaphoresis of NMS and serotonin syndrome.", "§7.6 [S35][S77]; §7.1 [S35]"),
  point("Mucosa dry in anticholinergic toxicity; sialorrhea in NMS.", "§7.1 [S35]"),
  point("Pupils: mydriasis in anticholinergic toxicity; normal in NMS.", "§7.1 [S35]"),
  point("Bowel sounds: decreased or absent in anticholinergic toxicity; normal or decreased in NMS.",
    "§7.1 [S35]; §7.6"),
  point("Tone and reflexes normal in anticholinergic toxicity; lead-pipe rigidity and bradyreflexia "
    .. "in NMS.", "§7.1 [S35]; §7.6 [S77]"),
  point("Temperature usually ≤ 38.8 °C in anticholinergic toxicity; NMS can exceed 41.1 °C.",
    "§7.1 [S35]; §7.6"),
  point("Treatment differs: physostigmine 0.5–1 mg IV over 5 min, repeated to at most 2 mg, with ECG "
    .. "monitoring; avoid it with QRS prolongation or tricyclic cardiotoxicity.", "§7.6 CURRENT [S26]"),
}

-- Malignant hyperthermia (§7.1, §7.3).
C.malignant_hyperthermia = {
  point("Trigger and timing: malignant hyperthermia follows a volatile anesthetic or succinylcholine, "
    .. "30 min to 24 h after; NMS follows a dopamine antagonist (or dopaminergic withdrawal) over "
    .. "1–3 days.", "§7.1 [S35]"),
  point("Non-triggers: propofol, opioids, nitrous oxide and non-depolarizing relaxants (e.g. "
    .. "rocuronium) do not trigger malignant hyperthermia.", "§7.3 [S62][S63]; §8.6"),
  point("Tone: rigor-mortis-like in malignant hyperthermia; lead-pipe rigidity in NMS. Temperature up "
    .. "to 46.0 °C; skin mottled with diaphoresis; bowel sounds decreased; reflexes decreased.",
    "§7.1 [S35]"),
  point("Malignant hyperthermia is inherited (susceptibility); NMS is idiosyncratic.",
    "§7.1 AAP table [S49]"),
  point("The Larach clinical grading scale (1994) ranks the likelihood of malignant hyperthermia from "
    .. "rigidity, muscle breakdown, respiratory acidosis, temperature, cardiac and metabolic "
    .. "indicators; the screen here uses only the processes the record can express (rigidity, muscle "
    .. "breakdown, temperature) and no score (CO2 and blood gases have no field; some per-indicator "
    .. "points are UNCONFIRMED).",
    "§7.3 [S58][S59][S61]"),
  point("Management: stop volatile agents, hyperventilate, dantrolene 2.5 mg/kg repeated every "
    .. "10–15 min until acidosis, fever and rigidity resolve; refer for contracture or DNA testing.",
    "§7.3 Orphanet review table [S65]"),
}

-- Parkinsonism-hyperpyrexia syndrome (§7.5).
C.parkinsonism_hyperpyrexia = {
  point("Trigger: abrupt withdrawal or dose reduction of levodopa, a dopamine agonist or amantadine "
    .. "(also after a switch or malabsorption); the picture mirrors NMS (fever, rigidity, altered "
    .. "consciousness, dysautonomia, leukocytosis, raised CK).", "§7.5 [S74]"),
  point("Treatment differs: reinstitute the antiparkinsonian drug; do not withhold it.", "§7.5 [S74]"),
  point("IEC 2011 item 1 counts dopamine-agonist withdrawal within 72 h as NMS exposure, so the same "
    .. "withdrawal can also meet NMS criteria.", "§7.5; §3 [S1]"),
  point("The opposite trigger, an excess of dopaminergic drug with continuous dyskinesia "
    .. "(dyskinesia-hyperpyrexia syndrome), is treated by dose reduction.", "§7.5 [S75]"),
}

-- Malignant catatonia (§7.4).
C.malignant_catatonia = {
  point("Course: lethal catatonia often begins with extreme psychotic excitement that, prolonged, "
    .. "leads to fever and exhaustion; NMS begins with severe extrapyramidal rigidity after "
    .. "neuroleptic exposure.", "§7.4 [S72]"),
  point("Treatment: benzodiazepines (a lorazepam challenge, then titration) and ECT treat catatonia, "
    .. "malignant catatonia included, and are used in NMS as well; neuroleptic-induced catatonia "
    .. "responded fully to benzodiazepines in 78 %.", "§7.4 [S73]; §5.3 [S22]; §5.6 [S38]"),
  point("Antipsychotics can precipitate both catatonia and NMS: while NMS is possible the dopamine "
    .. "antagonist is withheld, and the guideline advises withdrawing an antipsychotic felt responsible "
    .. "for catatonia and avoiding antipsychotics without a clear indication; the choice of any later "
    .. "antipsychotic belongs to the treating team after recovery.",
    "NHS Scotland Right Decisions, Catatonia guideline, 'Underlying/associated conditions' "
      .. "(https://www.rightdecisions.scot.nhs.uk/catatonia-bundle-and-guideline/catatonia-guideline/"
      .. "underlyingassociated-conditions); §7.4 [S72]; §5.1 [S13]"),
  point("Continuum: in a series of neuroleptic-induced catatonia, NMS was diagnosed in 3 of 18 "
    .. "episodes (17 %).", "§7.4 [S73]"),
  point("The Bush-Francis Catatonia Rating Scale (23 items; screen positive with ≥ 2 of items 1–14) "
    .. "is not scored here; this screen uses the DSM-5 count of 12 signs.", "§7.4 [S68][S69]"),
  point("A claim that catatonic signs appearing before autonomic signs separate NMS from malignant "
    .. "catatonia exists, but its rule and direction are UNCONFIRMED and not used.", "§7.4"),
}

-- Heat stroke (§7.7).
C.heat_stroke = {
  point("Classic heat stroke follows environmental heat, exertional heat stroke effort; the skin may "
    .. "be hot and dry (classic) or sweating (exertional).", "§7.7 Bouchama & Knochel [S78]"),
  point("Clinical reasoning, UNCONFIRMED as rule (not scored): antipsychotic (anticholinergic) drugs "
    .. "impair heat dissipation; a history of heat or exertion, no lead-pipe rigidity and a usually "
    .. "lower CK favour heat stroke.", "§7.7 [S78][S36]"),
}

-- CNS infection (§7.8).
C.cns_infection = {
  point("Meningism and CSF pleocytosis point to meningitis or encephalitis; the CSF is normal in NMS.",
    "§7.8 [S11][S13][S1]"),
  point("IEC 2011 item 8 and DSM-IV-TR criterion C require infection to be excluded; the work-up "
    .. "includes blood and urine cultures, chest X-ray, CT brain, lumbar puncture, toxicology, EEG "
    .. "and serum iron.", "§7.8 [S13][S1][S11]"),
}

-- Sympathomimetic toxicity (§7.9).
C.sympathomimetic = {
  point("Catecholamine excess after cocaine, amphetamines or cathinones: tachycardia, hypertension, "
    .. "diaphoresis, mydriasis, agitation; hyperthermic agitated delirium.", "§7.9 [S77][S36]"),
  point("Skin wet (diaphoresis) in sympathomimetic toxicity; dry in anticholinergic toxicity.",
    "§7.9 [S77][S36]"),
  point("Pupils: mydriasis in sympathomimetic toxicity; normal in NMS.", "§7.9 [S77]; §7.1 [S35]"),
  point("Clinical reasoning, UNCONFIRMED as rule (not scored): rigidity and bradyreflexia are absent "
    .. "in sympathomimetic toxicity.", "§7.9"),
}

-- Tetanus (§1.2 DSM-5 differential list [S14]; sources outside the
-- clinical reference, each named).
C.tetanus = {
  point("Generalised tetanus is a clinical diagnosis: at least two of trismus, painful contractions of "
    .. "the trunk muscles and generalised spasms, frequently in opisthotonos; the patient remains "
    .. "conscious through the spasms, which are extremely painful.",
    "RCEM Learning, Tetanus, 'Presenting features' (https://www.rcemlearning.co.uk/modules/tetanus/"
      .. "lessons/clinical-assessment-and-risk-stratification-49/topic/presenting-features/)"),
  point("Consciousness: preserved in tetanus; in NMS mental status changes typically precede the "
    .. "systemic signs.", "RCEM Learning (above); §1.2 DSM-5 text [S14]"),
  point("Trismus (lockjaw) is the presenting sign in about 75 % of generalised tetanus; rigidity spreads "
    .. "down from the jaw and face over 24-48 h; reflex spasms follow noise, light or touch. The injury "
    .. "is often unnoticed; the median incubation is 7 days (4-14 days in 73 %).",
    "Hinfey PB. Tetanus clinical presentation. Medscape (eMedicine 229594), updated 2017"),
  point("Trismus and opisthotonos also count as extrapyramidal signs of NMS in Pope 1986, so they do "
    .. "not exclude NMS on their own.", "criteria/pope1986.lua; §4.1 [S16]"),
  point("Treatment differs: tetanus immunoglobulin, metronidazole, wound debridement and control of "
    .. "spasms (benzodiazepines, then ventilation with neuromuscular blockade); NMS by stopping the "
    .. "dopamine antagonist, with dantrolene or bromocriptine.",
    "Rodrigo C, Fernando D, Rajapakse S. Pharmacological management of tetanus: an evidence-based "
      .. "review. Crit Care 2014;18:217, doi:10.1186/cc13797; §5.2"),
}

return C
