-- params/differential.lua - parameters of the differential rules (see params.lua).
--
-- One block per module in differential/, named differential.<id>.<name>.
-- "§n" is a section of ../shared/clinical-reference.md, [S#] a source
-- listed there. Where the reference leaves a value open ("fever",
-- "tachycardia", "taken"), the doc says which choice was made and the
-- source says where the number was borrowed from.

local ALTERED = { "confused", "delirium", "stupor", "coma" }   -- IEC 2011 item 4 choice (params/core.lua)

return {
  -- Serotonin toxicity, Hunter (differential/serotonin_hunter.lua) ----------
  ["differential.serotonin_hunter.agent_window_h"] = {
    value = 840, unit = "h",
    doc = "Precondition 'a serotonergic agent has been taken': a drug of class serotonergic given at "
      .. "any time in this many hours before assessed_at (a course still given counts). Hunter gives "
      .. "no window. 840 h = 5 weeks, the widest time frame any source read mentions, chosen so that "
      .. "the differential is not dropped for an agent stopped some weeks before; shorten it to ask "
      .. "only about recent use.",
    source = "§7.2 [S51][S52][S53]: no window in the decision rules; 'within the preceding 5 weeks' "
      .. "appears only in a Medscape quiz [S54], UNCONFIRMED as part of the original rule — the "
      .. "value is a project choice, not a published criterion",
  },

  -- Serotonin syndrome, Sternbach (differential/serotonin_sternbach.lua) ----
  ["differential.serotonin_sternbach.change_window_h"] = {
    value = 72, unit = "h",
    doc = "'Coincides with the addition of or increase in a known serotonergic agent': a serotonergic "
      .. "drug started (a new course, not the continuation of one) or its dose raised (doses[]) within "
      .. "this many hours before assessed_at. The case records no symptom onset, so the window is "
      .. "measured back from the assessment; 72 h covers the reported onset within 24 h of the change "
      .. "plus up to two days from onset to assessment.",
    source = "§7.2 Sternbach [S55][S56] gives no window; project choice: the IEC 2011 item 1 window "
      .. "(72 h) reused; onset 'within 24 h' §7.1 [S50][S34], '<12 h' [S35]",
  },
  ["differential.serotonin_sternbach.neuroleptic_window_h"] = {
    value = 168, unit = "h",
    doc = "'No neuroleptic started or increased before onset': read as no neuroleptic (parameter "
      .. "differential.serotonin_sternbach.neuroleptic_classes) started or its dose raised within "
      .. "this many hours before assessed_at. A neuroleptic begun long before is not what the "
      .. "exclusion targets (NMS after a recent start or increase); 7 days is the usual time within "
      .. "which NMS develops.",
    source = "§7.2 Sternbach [S55][S56] gives no window; project choice: NMS onset 1–7 days (AAP table "
      .. "[S49]) and 'within 7 days' (JNNP table [S50]), §7.1",
  },
  ["differential.serotonin_sternbach.neuroleptic_classes"] = {
    value = { "antipsychotic" }, unit = "drug classes",
    doc = "Drug classes (rules/drugs.lua) that count as a 'neuroleptic' for Sternbach's exclusion. "
      .. "Antipsychotics only; add antiemetic_da, da_antagonist or da_depleter to exclude every "
      .. "dopamine antagonist.",
    source = "§7.2 Sternbach [S55][S56]: 'no neuroleptic started or increased'; neuroleptic = "
      .. "antipsychotic (§8.1, ATC N05A)",
  },
  ["differential.serotonin_sternbach.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Feature 'fever': some temperature strictly above this value, at any measurement site "
      .. "(Sternbach names no site).",
    source = "§7.2 Sternbach lists 'fever' without a value; project choice: Hunter's '>38 °C' (§7.2 "
      .. "[S51][S52][S53]) reused, the same number as IEC 2011 item 2",
  },
  ["differential.serotonin_sternbach.mental_status_change"] = {
    value = ALTERED, unit = "exam[].mental_status values",
    doc = "Feature 'mental status change (confusion, hypomania)': mental_status values that count. "
      .. "The case format cannot record hypomania; confusion and lower levels of consciousness count.",
    source = "§7.2 Sternbach [S55][S56]; values: the IEC 2011 item 4 choice reused "
      .. "(iec2011.altered_mental_status)",
  },

  -- Anticholinergic toxicity (differential/anticholinergic.lua) -------------
  ["differential.anticholinergic.agent_window_h"] = {
    value = 24, unit = "h",
    doc = "An anticholinergic drug given at any time in this many hours before assessed_at (a course "
      .. "still given counts).",
    source = "§7.1: anticholinergic onset '<12 h' (Boyer & Shannon [S35]), usual onset 0.5–24 h (AAP "
      .. "table [S49]); the upper end is used",
  },
  ["differential.anticholinergic.min_antimuscarinic"] = {
    value = 2, unit = "signs",
    doc = "How many of the five antimuscarinic signs that NMS lacks (dry skin, flushed skin, mydriasis, "
      .. "urinary retention, decreased or absent bowel sounds) are needed, with an anticholinergic "
      .. "drug. The sources describe the toxidrome but give no count; 2 is a project choice: more than "
      .. "one sign, so that a single finding (e.g. decreased bowel sounds, which NMS can share) never "
      .. "stands for the toxidrome. An integer from 1 to 5.",
    source = "§7.6 [S35][S26][S77], §7.1 [S35]: signs listed, no count given — project choice",
  },
  ["differential.anticholinergic.min_systemic"] = {
    value = 1, unit = "signs",
    doc = "How many of the three systemic signs (tachycardia, hyperthermia, CNS effects) are needed. "
      .. "The toxidrome involves peripheral and CNS effects both (eTG, cited in "
      .. "differential/anticholinergic.lua); these signs are also NMS signs, so they confirm a "
      .. "toxidrome but never make one alone. 1 is a project choice. An integer from 1 to 3.",
    source = "Therapeutic Guidelines (eTG) Toxicology, anticholinergic toxidrome 'involves both' "
      .. "peripheral and CNS effects; count — project choice",
  },
  ["differential.anticholinergic.cns_mental_status"] = {
    value = { "confused", "delirium" }, unit = "exam[].mental_status values",
    doc = "mental_status values that count as the CNS effects of the toxidrome (agitation, "
      .. "exam[].agitation, counts as well). Stupor and coma are left out by default: the sources' "
      .. "picture is an agitated delirium, and a depressed consciousness is the NMS picture too.",
    source = "§7.6 [S35][S77]: 'agitated delirium (picking at air)'; eTG CNS effects: confusion, "
      .. "hallucinations, agitation, delirium",
  },
  ["differential.anticholinergic.tachycardia_hr"] = {
    value = 100, unit = "/min",
    doc = "'Tachycardia': some heart rate strictly above this value. Absolute, because the toxidrome "
      .. "arrives without a baseline. 100/min is the conventional adult limit; the reference gives no "
      .. "value for this toxidrome — project choice.",
    source = "§7.1 [S35] 'tachycardia' without a value; the reference's only absolute pulse threshold "
      .. "is 'pulse >100' in the research diagnostic criteria (§4.5 [S18], attribution UNCONFIRMED) — "
      .. "project choice",
  },
  ["differential.anticholinergic.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "'Hyperthermia': some temperature strictly above this value, at any site. The toxidrome's "
      .. "fever is usually mild (≤ 38.8 °C), so the ordinary fever value is used.",
    source = "§7.1 [S35]: temperature typically ≤ 38.8 °C, no lower limit given; project choice: the "
      .. "IEC 2011 item 2 value (38.0 °C) reused",
  },

  -- Malignant hyperthermia (differential/malignant_hyperthermia.lua) --------
  ["differential.malignant_hyperthermia.trigger_window_h"] = {
    value = 24, unit = "h",
    doc = "A trigger agent (volatile anesthetic or succinylcholine, class mh_trigger) given at any time "
      .. "in this many hours before the anchor of the drug windows (case.onset, else the first fever or "
      .. "rigidity, else assessed_at), or before the first MH sign (trismus, CK) when that comes earlier "
      .. "and no onset is recorded. The published onset is 30 min to 24 h after the "
      .. "anesthetic; the 30 min lower bound is not applied (a crisis during anesthesia counts).",
    source = "§7.1 Boyer & Shannon table [S35]: time to develop '30 min – 24 h after anesthetic/SCh' "
      .. "(published)",
  },
  ["differential.malignant_hyperthermia.fever_c"] = {
    value = 38.8, unit = "°C",
    doc = "Larach process IV and the onset anchor: some temperature strictly above this value, at any "
      .. "measurement site (counted for process IV only from the first trigger dose on).",
    source = "§7.3 Larach temperature indicator 'inappropriately increased temperature >38.8 °C in the "
      .. "perioperative period' [S59][S60] (published value)",
  },

  ["differential.malignant_hyperthermia.ck_u_l"] = {
    value = 20000, unit = "U/L",
    doc = "Larach process II, muscle breakdown: some CK strictly above this value after the first "
      .. "trigger dose. Larach gives 20,000 IU after an anaesthetic that included succinylcholine and "
      .. "10,000 IU after one without; the drug list has no class that tells succinylcholine from a "
      .. "volatile agent, so the higher value is used for every trigger (the conservative choice: a "
      .. "CK between 10,000 and 20,000 after a volatile agent alone is not counted).",
    source = "§7.3 Larach process II a/b [S59][S60] (published values); which one applies — project "
      .. "choice until drugs.lua classes succinylcholine separately",
  },
  ["differential.malignant_hyperthermia.min_processes"] = {
    value = 2, unit = "Larach processes",
    doc = "How many of the Larach processes the record can express (I rigidity or masseter spasm, II "
      .. "muscle breakdown, IV temperature, seen after the trigger; VI metabolic acidosis) are needed. "
      .. "One process scores at most 15 points, Larach rank 3 'somewhat less than likely'; rank 4 "
      .. "'somewhat greater than likely' starts at 20 points and so needs two processes. Not a Larach "
      .. "cut-off: the full score also needs CO2, blood gases and the anaesthetist's judgement. An "
      .. "integer from 1 to 4.",
    source = "§7.3 Larach 1994 rank table and process maxima [S59][S61]; the count — project choice "
      .. "read from them",
  },

  -- Parkinsonism-hyperpyrexia syndrome (differential/parkinsonism_hyperpyrexia.lua)
  ["differential.parkinsonism_hyperpyrexia.withdrawal_window_h"] = {
    value = 168, unit = "h",
    doc = "A dopaminergic drug stopped (and not carried on by another course) or its dose lowered "
      .. "(doses[]) within this many hours before the anchor (assessed_at, or the syndrome onset once "
      .. "the lib measures windows from it). §7.5 gives no window and PHS is not bound by the IEC 2011 "
      .. "72 h of NMS exposure: a PHS after levodopa stopped 84 h or 7 days before must still be seen. "
      .. "One week is the only withdrawal window the reference gives (research diagnostic criteria: "
      .. "'withdrawal of antiparkinsonian (amantadine) or anticholinergic drug within 1 week').",
    source = "§4.5 research diagnostic criteria [S18] (withdrawal within 1 week; attribution "
      .. "UNCONFIRMED); §7.5 [S74] gives no window — project choice (was the IEC 72 h)",
  },
  ["differential.parkinsonism_hyperpyrexia.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "'Fever': some temperature strictly above this value, at any measurement site.",
    source = "§7.5 [S74] says 'fever' without a value; project choice: IEC 2011 item 2 value (38.0 °C) "
      .. "reused",
  },
  ["differential.parkinsonism_hyperpyrexia.altered_consciousness"] = {
    value = ALTERED, unit = "exam[].mental_status values",
    doc = "mental_status values that count as 'altered consciousness'.",
    source = "§7.5 [S74]: 'altered consciousness'; values: the IEC 2011 item 4 choice reused",
  },

  -- Baclofen withdrawal screen (differential/baclofen_withdrawal.lua) -------
  ["differential.baclofen_withdrawal.window_h"] = {
    value = 72, unit = "h",
    doc = "Baclofen (class gaba_b_agonist) stopped (and not carried on by another course) or its dose "
      .. "lowered (doses[]) within this many hours before the anchor (the syndrome onset, else the "
      .. "assessment).",
    source = "Case report summarised by IASP Pain Research Forum (paper 194099): withdrawal 'symptoms "
      .. "usually develop in 1 to 3 days of cessation'; J Psychopharmacol 2001;15:61-3 (PMID 11277611): "
      .. "stopped 'in the days prior to presentation'; the label [B25] gives no interval",
  },
  ["differential.baclofen_withdrawal.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "'High fever': some temperature strictly above this value, at any measurement site.",
    source = "intrathecal baclofen label boxed warning [B25] says 'high fever' without a value; project "
      .. "choice: IEC 2011 item 2 value (38.0 °C) reused",
  },
  ["differential.baclofen_withdrawal.altered_mental_status"] = {
    value = ALTERED, unit = "exam[].mental_status values",
    doc = "mental_status values that count as 'altered mental status'.",
    source = "label boxed warning [B25]: 'altered mental status'; values: the IEC 2011 item 4 choice reused",
  },
  ["differential.baclofen_withdrawal.features_needed"] = {
    value = 2, unit = "features",
    doc = "How many of the label's recordable sequelae (high fever, altered mental status, muscle "
      .. "rigidity; rebound spasticity has no field) must be present, beside the withdrawal, for the "
      .. "screen to be met.",
    source = "the label [B25] lists the sequelae without a count; project choice: 2, so that one "
      .. "non-specific finding alone (fever, or confusion) does not make the screen; the published "
      .. "cases had all three (PMID 11277611; IASP PRF 194099)",
  },

  -- Tetanus screen (differential/tetanus.lua) -------------------------------
  ["differential.tetanus.altered_consciousness"] = {
    value = ALTERED, unit = "exam[].mental_status values",
    doc = "mental_status values that count as altered consciousness: one exam showing one rules the "
      .. "tetanus screen out (tetanus spares consciousness).",
    source = "RCEM Learning tetanus module ('patients remain conscious'); §1.2 DSM-5 text [S14]; values: "
      .. "the IEC 2011 item 4 choice reused",
  },

  -- Malignant catatonia screen (differential/malignant_catatonia.lua) -------
  ["differential.malignant_catatonia.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Autonomic activation, 'fever': some temperature strictly above this value, any site.",
    source = "§7.4 [S70][S71] says 'fever' without a value; project choice: IEC 2011 item 2 value "
      .. "reused",
  },
  ["differential.malignant_catatonia.hr_rise_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Autonomic activation, raised heart rate: some HR at least this much above baseline.",
    source = "§7.4 [S70][S71] 'HR/BP swings' without values; project choice: IEC 2011 item 7 value "
      .. "(HR ≥ 25 % above baseline) reused",
  },
  ["differential.malignant_catatonia.bp_rise_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Autonomic activation, raised blood pressure: SBP or DBP at least this much above baseline.",
    source = "§7.4 [S70][S71] without values; project choice: IEC 2011 item 6a value reused",
  },
  ["differential.malignant_catatonia.sbp_change"] = {
    value = 25, unit = "mmHg",
    doc = "Autonomic lability, BP swing: two SBP readings within the change window differing by at "
      .. "least this much.",
    source = "§7.4 [S70][S71] without values; project choice: IEC 2011 item 6b value reused",
  },
  ["differential.malignant_catatonia.dbp_change"] = {
    value = 20, unit = "mmHg",
    doc = "Autonomic lability, BP swing: two DBP readings within the change window differing by at "
      .. "least this much.",
    source = "§7.4 [S70][S71] without values; project choice: IEC 2011 item 6b value reused",
  },
  ["differential.malignant_catatonia.change_window_h"] = {
    value = 24, unit = "h",
    doc = "Autonomic lability, BP swing: the two readings at most this far apart.",
    source = "project choice: IEC 2011 item 6b window (24 h) reused",
  },

  -- Heat stroke screen (differential/heat_stroke.lua) -----------------------
  ["differential.heat_stroke.core_sites"] = {
    value = { "core", "rectal" }, unit = "vitals[].temp_site values",
    doc = "Measurement sites whose readings count as 'core temperature'. A reading above 40 °C at "
      .. "another site, or without a site, leaves the item unknown, never true. Rectal counts as core "
      .. "by project choice; remove it to accept only readings recorded as core.",
    source = "§7.7 [S78]: 'core temperature >40 °C'; which sites measure it is not given — project "
      .. "choice",
  },
  ["differential.heat_stroke.cns_dysfunction"] = {
    value = ALTERED, unit = "exam[].mental_status values",
    doc = "mental_status values that count as 'CNS dysfunction'.",
    source = "§7.7 [S78]: 'CNS dysfunction'; values: the IEC 2011 item 4 choice reused",
  },

  -- CNS infection screen (differential/cns_infection.lua) ------------------
  ["differential.cns_infection.negative_workup_excludes"] = {
    value = true, unit = "boolean",
    doc = "Without a lumbar puncture result (labs[].csf_pleocytosis), whether an infection work-up "
      .. "recorded \"negative\" (workup.infection) makes the CSF item false (CNS infection taken as "
      .. "excluded) rather than unknown. The work-up field is the clinician's record that infection "
      .. "was excluded (docs/case-format.md lists the lumbar puncture among what it covers), the "
      .. "reading IEC 2011 item 8 gives it. Set false to accept only a recorded CSF result. A positive "
      .. "infection work-up never counts: it is not CNS-specific (pneumonia, bacteraemia).",
    source = "§7.8 [S13][S1]: infection excluded by the work-up (IEC 2011 item 8); the CSF is normal "
      .. "in NMS — project choice how a negative whole-body work-up without a CSF result is read",
  },

  -- Sympathomimetic toxicity screen (differential/sympathomimetic.lua) ------
  ["differential.sympathomimetic.agent_window_h"] = {
    value = 72, unit = "h",
    doc = "A sympathomimetic drug (cocaine, an amphetamine, a cathinone) given at any time in this "
      .. "many hours before assessed_at.",
    source = "§7.9 [S77][S36] gives no time frame; project choice: the IEC 2011 item 1 window (72 h) "
      .. "reused",
  },
  ["differential.sympathomimetic.min_features"] = {
    value = 2, unit = "features",
    doc = "How many of the four features NMS shares (tachycardia, hypertension, diaphoresis, "
      .. "agitation) are needed, with a sympathomimetic drug and mydriasis. The reference lists the "
      .. "features without a count; 2 keeps the earlier total of three features (mydriasis plus two) — "
      .. "project choice. An integer from 1 to 4.",
    source = "§7.9 [S77][S36]: features listed, no count given — project choice",
  },
  ["differential.sympathomimetic.tachycardia_hr"] = {
    value = 100, unit = "/min",
    doc = "'Tachycardia': some heart rate strictly above this value. Absolute, because the toxidrome "
      .. "arrives without a baseline; 100/min is the conventional adult limit — project choice.",
    source = "§7.9 says 'tachycardia' without a value; the reference's only absolute pulse threshold is "
      .. "'pulse >100' (§4.5 [S18], attribution UNCONFIRMED) — project choice",
  },
  ["differential.sympathomimetic.sbp_mmhg"] = {
    value = 140, unit = "mmHg",
    doc = "'Hypertension': some systolic pressure strictly above this value (or a diastolic above "
      .. "differential.sympathomimetic.dbp_mmhg). Absolute, without a baseline.",
    source = "§7.9 says 'hypertension' without a value; project choice: the absolute BP elevation the "
      .. "reference tabulates for Addonizio 1987 ('>140 systolic, >90 diastolic', §4.2 [S16])",
  },
  ["differential.sympathomimetic.dbp_mmhg"] = {
    value = 90, unit = "mmHg",
    doc = "'Hypertension': some diastolic pressure strictly above this value (or a systolic above "
      .. "differential.sympathomimetic.sbp_mmhg).",
    source = "project choice: Addonizio 1987 as tabulated (§4.2 [S16]) '>90 diastolic'",
  },
}
