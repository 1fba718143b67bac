-- params/core.lua - every value a source leaves open, and the published windows
-- a user may want to vary, each with its unit, what it does (doc) and
-- where it comes from (source). "§n" is a section of
-- ../shared/clinical-reference.md, [S#] a source listed there.
--
-- Rules read these through lib/params.lua (P.number, P.list, ...), never
-- as literals. Override one for a run with --param NAME=VALUE; a list can
-- be given as "a,b,c". Published thresholds that no source leaves open
-- (38.0 °C, 4 × ULN, 25 %, ...) stay next to their item in the criteria
-- file, with their citation.

-- One depot product's duration of action (lib/meds.lua): `product` names it
-- and its number, `source` gives the numbers the rule of depot.default_h
-- is applied to.
local function depot(hours, product, source)
  return { value = hours, unit = "h", doc = product .. " The rule: see depot.default_h.", source = source }
end

return {
  -- IEC 2011 (criteria/iec2011.lua) ------------------------------------
  ["iec2011.threshold"] = {
    value = 74, unit = "points",
    doc = "Total IEC score at or above which the criteria are met. The 2011 table defines no "
      .. "cutoff; the 2017 validation study derived one (sensitivity 69.6 %, specificity 90.7 % "
      .. "against modified DSM-IV-TR). 74 is the commonly repeated figure; one low-authority page "
      .. "says 76.",
    source = "clinical-reference §3.1 [S3][S5]: cutoff commonly cited as 74; UNCONFIRMED in the full "
      .. "text of Gurrera 2017 — verify; §3 [S2]: no cutoff defined in 2011",
  },
  ["iec2011.exposure_window_h"] = {
    value = 72, unit = "h",
    doc = "Item 1: a dopamine antagonist given (or, for a depot, still acting: depot.*) within this "
      .. "many hours before the onset of the syndrome (the anchor: case.onset, else the first fever "
      .. "or rigidity, else assessed_at; onset.*), up to the assessment; both ends included. Exposure is "
      .. "judged before onset: a dopamine antagonist first given after a recorded onset does not count, and "
      .. "one first given after the first fever or rigidity of a record without an onset leaves the item "
      .. "unknown, asking for case.onset (a withdrawal after a recorded onset does not count either). A "
      .. "dopaminergic drug stopped counts within the longer of this and exposure.withdrawal_window_h.",
    source = "clinical-reference §3 item 1 [S1][S2][S4]: 'within the past 72 hours' (published); 'before "
      .. "symptom onset': the DSM-5 rendering of the same item (§1.2 [S12][S13])",
  },
  ["iec2011.require_exposure"] = {
    value = false, unit = "boolean",
    doc = "Whether the verdict follows the exposure this set presupposes (lib/presupposed.lua: a dopamine "
      .. "antagonist, or dopaminergic withdrawal, item 1 with its window iec2011.exposure_window_h). false = the published table alone decides; a set met "
      .. "without the exposure says so in its result (presupposition, value false or unknown) and stays met. "
      .. "true = not met when the exposure is false, indeterminate at most while it is unknown.",
    source = "project choice, default off so the verdict stays the published table's: the 2011 table gives weights and no mandatory item, §3 [S1][S2]; that criteria for NMS presuppose a dopamine antagonist or dopaminergic withdrawal: IEC 2011 item 1's own definition (§3 [S1]), DSM-IV-TR criterion A 'with neuroleptic use' (§1.1 [S10][S11]), Caroff & Mann major 1 (§4.4 [S12]), Lazarus major 1 (§4.3 [S16]); review finding 11 (session 16)",
  },
  ["iec2011.bp_change_window_h"] = {
    value = 24, unit = "h",
    doc = "Item 6b: two timed BP readings at most this many hours apart whose difference reaches 20"
      .. " mmHg diastolic or 25 mmHg systolic. Any two readings up to the assessment, not only the"
      .. " last 24 h.",
    source = "clinical-reference §3 item 6b [S1][S2][S4]: 'change within 24 h' (published)",
  },
  ["iec2011.altered_mental_status"] = {
    value = { "confused", "delirium", "stupor", "coma" }, unit = "exam[].mental_status values",
    doc = "Item 4 'reduced or fluctuating level of consciousness': mental_status values that count "
      .. "as reduced. Any change between recorded values on different exams counts as fluctuating "
      .. "in addition. Remove 'confused' or 'delirium' for a stricter reading.",
    source = "IEC wording §3 item 4 [S1] gives no scale; mapped as the DSM renderings of the same "
      .. "feature: DSM-5-TR 'delirium or altered consciousness, stupor through coma' (§1.2 "
      .. "[S12][S13]), DSM-IV 'change in level of consciousness (confusion through coma)' (§1.1 "
      .. "[S10][S11])",
  },

  -- The clock: where drug windows are measured from (lib/time.lua anchor) -----
  ["onset.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "When the case gives no onset, the drug windows run back from the first cardinal sign in "
      .. "the record: the first temperature strictly above this value (any measurement site), or the "
      .. "first rigidity, whichever is earlier. Site is not asked for: this only dates the syndrome, "
      .. "it scores nothing.",
    source = "IEC 2011 item 2 value '>38.0 °C' (§3 [S1][S2][S4]) reused to date the first fever; fever "
      .. "and rigidity are the cardinal signs of every set (§1.1 [S10], §3 [S1], §4.4 [S12]); the "
      .. "anchor order (onset, first sign, assessment) is issue 9 item 2",
  },
  ["onset.rigidity"] = {
    value = { "mild", "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "exam[].rigidity values that date the syndrome (with onset.fever_c) when no onset is recorded.",
    source = "rigidity as a cardinal sign (§3 item 3 [S1]; §1.1 [S10]); any recorded degree, as in the "
      .. "criteria items",
  },

  -- Exposure and drugs (lib/meds.lua, lib/drugs.lua) --------------------
  ["exposure.antagonist_classes"] = {
    value = { "antipsychotic", "antiemetic_da", "da_antagonist", "da_depleter" },
    unit = "drug classes (drugs.lua)",
    doc = "Drug classes that count as dopamine-antagonist exposure (and mark the start of exposure "
      .. "for the baseline). Lithium is not among them, nor pimavanserin (antipsychotic_non_d2: no D2 "
      .. "affinity), nor domperidone (da_peripheral: does not readily cross the blood-brain barrier; "
      .. "add 'da_peripheral' to count it as the reference's list of antiemetic causes does, §8.2 "
      .. "[S48]). The dopamine depleters (tetrabenazine, deutetrabenazine, valbenazine, reserpine) are "
      .. "included as the reference groups tetrabenazine with the dopamine antagonists; remove "
      .. "'da_depleter' to read 'dopamine antagonist' strictly.",
    source = "clinical-reference §8.1 (antipsychotics, N05A, minus lithium), §8.2 'other dopamine "
      .. "antagonists / depleters' [S48][S50][S85]; depleter as a temporal link in the research "
      .. "criteria §4.5 [S18]; VMAT inhibitors and NMS (Caroff 2020, rules/drugs.lua [B14]); "
      .. "pimavanserin [B13], domperidone [B11]",
  },
  ["exposure.withdrawal_classes"] = {
    value = { "dopaminergic" }, unit = "drug classes (drugs.lua)",
    doc = "Drug classes whose withdrawal (stop) counts as exposure under IEC item 1.",
    source = "clinical-reference §3 item 1 'dopamine-agonist withdrawal' [S1]; §7.5 withdrawal of "
      .. "levodopa, dopamine agonists or amantadine [S74]; §8.3 (ATC N04B) [S81]",
  },
  ["exposure.withdrawal_window_h"] = {
    value = 168, unit = "h",
    doc = "A dopaminergic drug (exposure.withdrawal_classes) stopped within this many hours before the "
      .. "onset of the syndrome (the anchor, as for every drug window) is a withdrawal that can cause "
      .. "parkinsonism-hyperpyrexia: the withdrawal window of every set that counts withdrawal as "
      .. "exposure (IEC 2011 item 1, suspected NMS; the longer of this and the set's own window) and of "
      .. "meds.trigger (the drug to restore). IEC 2011 prints 72 h for both halves of item 1; set this "
      .. "to 72 to read it literally.",
    source = "§7.5 [S74] names the trigger (abrupt withdrawal or dose reduction) but no window; the "
      .. "research criteria count 'withdrawal of antiparkinsonian (amantadine) ... drug within 1 week' "
      .. "(§4.5 [S18]); a PHS case presented after all drugs were stopped one week before admission "
      .. "(Camacho Velásquez et al., Neurología 2018;33:133-5 [S108]). 1 week = 168 h",
  },
  ["drugs.unrecognised"] = {
    value = "unknown", unit = "unknown | ignore",
    doc = "A medication given within a window whose name and ATC code the ruleset does not know: "
      .. "'unknown' leaves a class question it could decide (e.g. IEC item 1 when no recognised "
      .. "trigger is found) unknown; 'ignore' treats it as unrelated. The evidence names the drug "
      .. "either way.",
    source = "project rule 'missing is not false' (issue 2); no clinical source",
  },

  ["drugs.spelling_distance"] = {
    value = 1, unit = "letters (0 or 1)",
    doc = "A drug name the ruleset does not know, written as one word of at least "
      .. "drugs.spelling_min_length letters (strengths, forms, salts and depot marks aside), is read as "
      .. "the known name or brand one letter away (one letter changed, added, dropped, or two "
      .. "neighbours swapped), with the same first letter, when exactly one drug is that close "
      .. "('metaclopramide', 'Quetiapin', 'haloperidole'); a warning (kind drug_spelling) names the "
      .. "reading so that it can be checked. 0 turns this off: every unknown name stays unrecognised.",
    source = "project choice (session 11: chart spellings of published case-report drugs were left "
      .. "unrecognised, leaving NMS exposure unknown); no clinical source. Only 1 is offered: two "
      .. "letters already join real, different drugs",
  },
  ["drugs.spelling_min_length"] = {
    value = 7, unit = "letters",
    doc = "The shortest unknown word read by drugs.spelling_distance; shorter names are too close "
      .. "to each other to guess.",
    source = "project choice; no clinical source",
  },

  -- Depot (long-acting injectable) antipsychotics: how long one injection
  -- acts (lib/meds.lua, rules/drugs/depot.lua). Each product's value follows
  -- one rule, stated in depot.default_h's doc; the numbers are the sources'.
  ["depot.default_h"] = {
    value = 1344, unit = "h",
    doc = "How long one injection of a depot antipsychotic acts when the product has no value of its own "
      .. "below (e.g. zuclopenthixol or flupentixol decanoate, pipotiazine palmitate, or route \"depot\" "
      .. "with a drug that has no listed product). A depot course with a stop acts for this long after "
      .. "the stop (its last dose); without a stop, each recorded injection (start, doses[].t) acts for "
      .. "this long after it. The products below use one rule, a PROJECT CHOICE since no source gives "
      .. "a 'duration of action': the longer of the longest labelled dosing interval (the product is "
      .. "meant to act until the next dose) and Tmax + the longest apparent half-life (the level is "
      .. "still at least half its peak).",
    source = "research criteria 'depot antipsychotic IM within 8 weeks' (§4.5 [S18]; 8 weeks = 1344 h), "
      .. "the longer of the two published depot windows (Caroff & Mann '2-4 weeks for depot', §4.4 [S12])",
  },
  ["depot.haloperidol_decanoate_h"] = depot(840,
    "Haloperidol decanoate (Haldol Decanoate): 35 days.",
    "dosing interval 'every 28 days (3- to 5-week range is acceptable)' (MSD Manual depot table "
      .. "[B5]) = 5 weeks; Tmax 1-6 d + half-life 21 d = 27 d (PMC8316655 Table 2 [B6])"),
  ["depot.fluphenazine_decanoate_h"] = depot(1008,
    "Fluphenazine decanoate (Modecate, Prolixin Decanoate): 42 days.",
    "dosing interval 'up to 6 weeks (individualized)' (JAAPL LAI table [B7]); 'every 2-4 weeks' "
      .. "([B5]); half-life and Tmax NOT READ in a citable source (a mirror page gives 14 d)"),
  ["depot.fluphenazine_enanthate_h"] = depot(336,
    "Fluphenazine enanthate: 14 days.",
    "dosing interval 'every 1-2 weeks' ([B5]); half-life NOT READ in a citable source (a mirror "
      .. "page gives 4 d)"),
  ["depot.olanzapine_pamoate_h"] = depot(888,
    "Olanzapine pamoate (Zyprexa Relprevv): 37 days.",
    "dosing interval 'every 2 or 4 weeks' ([B5][B7]); Tmax 7 d + half-life 30 d = 37 d ([B6])"),
  ["depot.risperidone_microspheres_h"] = depot(984,
    "Risperidone long-acting microspheres (Risperdal Consta): 41 days.",
    "dosing interval 'every 2 weeks' ([B5][B7]); release lag: Tmax 28-35 d + half-life 3-6 d = "
      .. "41 d ([B6])"),
  ["depot.paliperidone_palmitate_1m_h"] = depot(1488,
    "Paliperidone palmitate once-monthly (Invega Sustenna): 62 days.",
    "dosing interval monthly ([B5][B7]); Tmax 13 d + half-life 24-49 d = 62 d ([B6])"),
  ["depot.paliperidone_palmitate_3m_h"] = depot(3072,
    "Paliperidone palmitate 3-monthly (Invega Trinza): 128 days.",
    "dosing interval 3 months ([B7]); Tmax 30-33 d + half-life 84-95 d = 128 d ([B6])"),
  ["depot.aripiprazole_monohydrate_h"] = depot(1287,
    "Aripiprazole monohydrate once-monthly (Abilify Maintena): 53.6 days.",
    "dosing interval monthly ([B5]); Tmax 6.5-7.1 d + half-life 29.9-46.5 d = 53.6 d ([B6])"),
  ["depot.aripiprazole_lauroxil_h"] = depot(1464,
    "Aripiprazole lauroxil (Aristada): 61 days.",
    "dosing interval 'once-monthly, 6-weekly or 2-monthly' ([B6]) = 2 months (61 d); Tmax 3-5 d "
      .. "+ half-life 29.2-34.9 d = 40 d ([B6])"),
  -- Products approved since [B5]-[B7], from their labels (session 16). A
  -- month is 30.5 d, as "2 months (61 d)" above. Where a label's Tmax or
  -- half-life was not read the interval is the value, as for fluphenazine
  -- above, and the source says NOT READ.
  ["depot.paliperidone_palmitate_6m_h"] = depot(4392,
    "Paliperidone palmitate 6-monthly (Invega Hafyera, EU Byannli): 183 days.",
    "dosing interval 'once every 6 months' (INVEGA HAFYERA label [B28]) = 183 d; median apparent "
      .. "half-life 148-159 d ([B28]); Tmax NOT READ in a citable source (the interval stands unless "
      .. "Tmax exceeds 24 d)"),
  ["depot.aripiprazole_2m_h"] = depot(1464,
    "Aripiprazole 2-monthly (Abilify Asimtufii; in the EU Abilify Maintena 720 mg or 960 mg, "
      .. "drugs/depot.lua): 61 days.",
    "dosing interval 'once every 2 months (56 days after previous injection)' (ABILIFY ASIMTUFII "
      .. "label [B29]); Abilify Maintena 960 mg 'once every 2 months (every 56 days)' (SmPC [B49]) "
      .. "= 2 months (61 d); Tmax and half-life NOT READ in a citable source"),
  ["depot.risperidone_perseris_h"] = depot(732,
    "Risperidone extended-release subcutaneous once-monthly (Perseris): 30.5 days.",
    "dosing interval once monthly ([B30]) = 30.5 d; second peak 10-14 d + half-life 9-11 d = 25 d "
      .. "([B30])"),
  ["depot.risperidone_uzedy_h"] = depot(1464,
    "Risperidone extended-release subcutaneous monthly or 2-monthly (Uzedy): 61 days.",
    "dosing interval 'once monthly' or 'once every 2 months' (UZEDY label [B31]) = 2 months (61 d); "
      .. "half-life 14-22 d (a label summary, [B31]); Tmax NOT READ in a citable source (the interval "
      .. "stands unless Tmax exceeds 39 d)"),

  -- Baseline vital signs (lib/vitals.lua) -------------------------------
  ["baseline.from_pre_exposure_vitals"] = {
    value = true, unit = "boolean",
    doc = "When the record gives no baseline value, take the earliest vitals entry with that value "
      .. "timed before the first exposure; false: such a baseline is unknown.",
    source = "issue 2 'Baseline'; clinical-reference §3 encoding notes: 'pre-exposure or earliest "
      .. "stable value'",
  },
  ["baseline.include_withdrawal"] = {
    value = true, unit = "boolean",
    doc = "The stop of a dopaminergic drug also marks the start of exposure for the baseline, so a "
      .. "withdrawal case without any dopamine antagonist can still have a pre-exposure baseline.",
    source = "clinical-reference §3 item 1 counts dopaminergic withdrawal as exposure [S1]; §7.5 [S74]",
  },

  -- Temperature site (lib/temperature.lua) ------------------------------
  ["temperature.oral_sites"] = {
    value = { "oral" }, unit = "vitals[].temp_site values",
    doc = "Measurement sites that count as 'measured orally'.",
    source = "clinical-reference §3 item 2 'measured orally' [S1][S2][S4]; §3 encoding notes: decide "
      .. "how non-oral sites count",
  },
  ["temperature.unsited_is_oral"] = {
    value = true, unit = "boolean",
    doc = "A reading with no temp_site counts as oral. Set false to require a recorded oral site; "
      .. "unsited readings then follow temperature.other_sites.",
    source = "project decision (the reference leaves it open, §3 encoding notes); no clinical source",
  },
  ["temperature.other_sites"] = {
    value = "unknown", unit = "unknown | ignore | count",
    doc = "Readings at sites that do not count as oral: 'unknown' = one above the limit cannot make"
      .. " the item true but makes it unknown rather than false; 'ignore' = left out; 'count' = "
      .. "counted as oral readings.",
    source = "project decision: §3 encoding notes 'a single rectal/core reading does not literally "
      .. "satisfy the wording. Decide (and test)'",
  },

  -- Laboratory (lib/labs.lua) -------------------------------------------
  ["ck.uln_default"] = {
    value = 308, unit = "U/L",
    doc = "CK upper limit of normal used when a lab entry gives no ck_uln. ILLUSTRATIVE ONLY: set "
      .. "it to your laboratory's ULN, or to false so that a CK without its own ULN is unknown.",
    source = "clinical-reference §9.1 [S93]: ULN is lab-specific; FHIR example reference range 39–308 "
      .. "U/L (illustrative)",
  },
}
