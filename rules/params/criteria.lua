-- params/criteria.lua - parameters of the criteria rules (see params.lua):
-- DSM-IV-TR research criteria (criteria/dsm4tr.lua), Levenson 1985
-- (criteria/levenson1985.lua), Pope et al. 1986 (criteria/pope1986.lua) and
-- Caroff & Mann (criteria/caroff1993.lua).
--
-- These older sets name features ("tachycardia", "leukocytosis", "elevated
-- temperature") without numbers. Each such feature is a parameter here. Where
-- another published NMS set gives a number for the same feature, that number
-- is reused and the source says from where; where none does, the source says
-- "project choice". Published numbers of the sets themselves (Pope's 37.5 °C,
-- > 20 mmHg, > 30 bpm, > 25/min, > 15,000/mm³; Caroff's 7 days) stay next to
-- their item in the criteria file, except windows, which are parameters as in
-- IEC 2011.
--
-- Absolute vital-sign values (*.tachycardia_hr, *.tachypnea_rr,
-- *.hypertension_sbp/dbp) are used only when the record has no baseline
-- for that value (lib/vitals.lua V.raised): patients on maintenance
-- antipsychotics seldom have a pre-exposure baseline. IEC 2011 defines all
-- its vital-sign items against a baseline and gives no absolute value, so
-- these come from the published sets that do give one: the research
-- criteria of §4.5 [S18] (attribution UNCONFIRMED there; pulse > 100/min,
-- respirations > 25/min), Pope
-- 1986 (respirations > 25/min, §4.1 [S16]), Addonizio 1987 (BP > 140
-- systolic, > 90 diastolic, §4.2 [S16]) and Levenson 1985 as reproduced
-- by medicalalgorithms.com [MA-L] (HR ≥ 100/min, RR ≥ 20/min). Set one
-- to false to keep that item baseline-only (unknown without a baseline).
--
-- [MA-L] "Diagnostic criteria of Levenson for the neuroleptic malignant
--   syndrome", Medical Algorithms Company (medicalalgorithms.com), read
--   2026-12: secondary, names Levenson (Medical College of Virginia) as
--   the source; the 1985 paper itself was not readable.
-- [MA-C] "Diagnostic criteria of Caroff et al for the neuroleptic malignant
--   syndrome", medicalalgorithms.com, read 2026-12: secondary; the Caroff &
--   Mann paper itself was not readable.

-- Levenson 1985 and Pope 1986: whether the verdict follows the exposure the
-- set presupposes (lib/presupposed.lua); `why` is why the table itself
-- has no such criterion.
local function require_exposure(why)
  return {
    value = false, unit = "boolean",
    doc = "Whether the verdict follows the exposure this set presupposes (lib/presupposed.lua: a dopamine "
      .. "antagonist within Caroff & Mann's windows caroff1993.exposure_window_h and depot_window_h, the "
      .. "widest published for neuroleptic use, or a dopaminergic drug stopped within "
      .. "exposure.withdrawal_window_h). false = the published table alone decides; a set met "
      .. "without the exposure says so in its result (presupposition, value false or unknown) and stays met. "
      .. "true = not met when the exposure is false, indeterminate at most while it is unknown.",
    source = "project choice, default off so the verdict stays the published table's: " .. why .. "; that "
      .. "criteria for NMS presuppose a dopamine antagonist or dopaminergic withdrawal: IEC 2011 item 1's own "
      .. "definition (§3 [S1]), DSM-IV-TR criterion A 'with neuroleptic use' (§1.1 [S10][S11]), Caroff & "
      .. "Mann major 1 (§4.4 [S12]), Lazarus major 1 (§4.3 [S16]); review finding 11 (session 16)",
  }
end

return {
  -- DSM-IV-TR research criteria (criteria/dsm4tr.lua) --------------------
  ["dsm4tr.modified"] = {
    value = false, unit = "boolean",
    doc = "Criterion A1 'severe muscle rigidity': false = as written, only rigidity recorded as "
      .. "'severe' counts; true = the 'modified' DSM-IV-TR of the 2017 validation study, which "
      .. "accepts rigidity less than severe (mild or moderate as well).",
    source = "clinical-reference §1.1 notes and §3.1 [S3]: DSM-IV-TR used 'as written and in a "
      .. "modified form that accepts rigidity less than severe'",
  },
  ["dsm4tr.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Criterion A2 'elevated temperature': true when any temperature reading, at any site, is "
      .. "strictly above this value. One reading suffices and the site is not restricted, because "
      .. "DSM-IV-TR names neither a count nor a site.",
    source = "§1.1 [S10][S11]: DSM-IV gives no numeric threshold; value reused from IEC 2011 item 2 "
      .. "'>38.0 °C' (§3 [S1]), the same as the DSM-5-TR rendering of this feature (§1.2 [S12][S13]); "
      .. "IEC's 'on ≥2 occasions, measured orally' is not carried over (project choice)",
  },
  ["dsm4tr.exposure_window_h"] = {
    value = 168, unit = "h",
    doc = "Criterion A 'developing with the use of neuroleptic medication': a dopamine antagonist "
      .. "(classes of parameter exposure.antagonist_classes) given (a depot: still acting, depot.*) within "
      .. "this many hours before the syndrome's anchor (case.onset, else the first cardinal sign, else "
      .. "assessed_at; lib/time.lua), as every exposure window; a drug first given after the anchor does "
      .. "not count (after a recorded onset) or leaves the criterion unknown (after the first sign only). "
      .. "Dopaminergic withdrawal does not count: DSM-IV-TR asks for neuroleptic use. DSM-IV-TR gives no "
      .. "window, so the 7 days of the published sets that state one for neuroleptic use are used; set 72 "
      .. "for the DSM-5-TR rendering 'within the past 72 h'. Until session 16 this was 72, which made the "
      .. "criterion false 5 days after the last oral dose.",
    source = "§1.1: DSM-IV gives no time window; Caroff & Mann 'neuroleptic treatment within 7 days of onset' "
      .. "(§4.4 [S12]) and Lazarus 1989 'neuroleptic given within the past 7 days' (§4.3 [S16]), 7 × 24 h; "
      .. "DSM-5 text: onset 'most within the first week' of the drug (§1.2 [S14]); the DSM-5-TR rendering's "
      .. "72 h (§1.2 [S12][S13]) is the shorter alternative. Choice of 7 days: project choice (review "
      .. "finding 12, session 16)",
  },
  ["dsm4tr.tachycardia_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Criterion B7 'tachycardia': some heart rate at least this many percent above baseline "
      .. "(baseline as in lib/vitals.lua; unknown without one).",
    source = "§1.1: no number given; value reused from IEC 2011 item 7 'heart rate ≥25% above "
      .. "baseline' (§3 [S1]); the DSM-5-TR rendering has '>25% above baseline' (§1.2 [S12][S13])",
  },
  ["dsm4tr.tachycardia_hr"] = {
    value = 100, unit = "/min",
    doc = "Criterion B7 'tachycardia' when the record has no baseline HR (and only then): some heart "
      .. "rate strictly above this value. false: no absolute fallback (unknown without a baseline).",
    source = "§1.1: DSM-IV-TR gives no number; value from the research criteria §4.5 [S18] "
      .. "(attribution UNCONFIRMED) 'tachycardia (pulse more than 100 beats/min)'; Levenson as "
      .. "reproduced by [MA-L] also "
      .. "uses 100/min. Using it only without a baseline is a project choice (issue 9)",
  },
  ["dsm4tr.hypertension_sbp"] = {
    value = 140, unit = "mmHg",
    doc = "Criterion B8 'elevated blood pressure' when the record has no baseline SBP (and only "
      .. "then): some systolic pressure strictly above this value. false: baseline-only.",
    source = "§1.1: no number given; value from Addonizio 1987 'blood pressure elevation (>140mmHg "
      .. "systolic, >90mmHg diastolic, or both)' as tabulated by Tse et al. (§4.2 [S16]); "
      .. "fallback-only use is a project choice (issue 9)",
  },
  ["dsm4tr.hypertension_dbp"] = {
    value = 90, unit = "mmHg",
    doc = "Criterion B8 'elevated blood pressure' when the record has no baseline DBP (and only "
      .. "then): some diastolic pressure strictly above this value. false: baseline-only.",
    source = "§1.1: no number given; value from Addonizio 1987 '>90mmHg diastolic' (§4.2 [S16]); "
      .. "fallback-only use is a project choice (issue 9)",
  },
  ["dsm4tr.criterion_d"] = {
    value = "record", unit = "strict | record",
    doc = "Criterion D 'not better accounted for by a mental disorder (e.g., mood disorder with "
      .. "catatonic features)'. 'strict': only a recorded psychiatric assessment decides "
      .. "(workup.psychiatric negative = met, positive = not met, else unknown), so a chart without "
      .. "one can never meet DSM-IV-TR (0 of 3,000 synthetic charts did, issue 9). 'record' "
      .. "(default): a recorded assessment still decides (pending keeps D unknown); without one, "
      .. "the record decides through DSM-IV-TR's own example, catatonia: catatonia recorded absent (history.catatonia false, "
      .. "or fewer than 3 of the 12 DSM-5 catatonic signs possible on the exams) meets D; catatonia "
      .. "present (history, or >= 3 signs on exam) leaves D unknown for the psychiatric assessment, "
      .. "never 'not met', because catatonia often precedes NMS. Default 'record' because it keeps "
      .. "DSM-IV-TR usable on ordinary charts while asking the psychiatric question exactly when "
      .. "the picture DSM names is present (project choice; lib/workup.lua).",
    source = "§1.1 [S10][S11]: criterion D and its example; medicalalgorithms.com DSM-IV page lists "
      .. "the exclusion as 'mental disorder (catatonia)'; DSM-5 catatonia >= 3 of 12 signs §7.4 "
      .. "[S67]; catatonia preceding NMS §6 [S44][S45], continuum §7.4 [S73]; reading: project choice",
  },
  ["dsm4tr.bp_rise_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Criterion B8 'elevated ... blood pressure': systolic or diastolic at least this many "
      .. "percent above baseline. B8 is also met by a labile BP (dsm4tr.dbp_change, sbp_change).",
    source = "§1.1: no number given; value reused from IEC 2011 item 6a and the DSM-5-TR rendering "
      .. "'systolic or diastolic ≥25% above baseline' (§3 [S1]; §1.2 [S12][S13])",
  },
  ["dsm4tr.dbp_change"] = {
    value = 20, unit = "mmHg",
    doc = "Criterion B8 '... or labile blood pressure': a diastolic change of at least this much "
      .. "between two readings within dsm4tr.bp_change_window_h.",
    source = "§1.1: no number given; value reused from IEC 2011 item 6b and the DSM-5-TR rendering "
      .. "'≥20 mmHg diastolic ... change within 24 h' (§3 [S1]; §1.2 [S12][S13])",
  },
  ["dsm4tr.sbp_change"] = {
    value = 25, unit = "mmHg",
    doc = "Criterion B8 'labile blood pressure': a systolic change of at least this much between "
      .. "two readings within dsm4tr.bp_change_window_h.",
    source = "§1.1: no number given; value reused from IEC 2011 item 6b and the DSM-5-TR rendering "
      .. "'≥25 mmHg systolic change within 24 h' (§3 [S1]; §1.2 [S12][S13])",
  },
  ["dsm4tr.bp_change_window_h"] = {
    value = 24, unit = "h",
    doc = "Criterion B8 'labile blood pressure': the two readings are at most this many hours apart.",
    source = "§1.1: no window given; value reused from IEC 2011 item 6b 'within 24 h' (§3 [S1])",
  },
  ["dsm4tr.leukocytosis_wbc"] = {
    value = 10, unit = "×10^9/L",
    doc = "Criterion B9 'leukocytosis': some WBC strictly above this value. 10 ×10^9/L "
      .. "(10,000/mm³) is the lower end of the range the reference gives for NMS; set 15 to use "
      .. "Pope's stricter cut-off.",
    source = "§1.1: no number given; project choice: lower end of 'typically 10,000–40,000/mm³' "
      .. "(§9.1, UpToDate via copy [S89]); Pope 1986 uses >15,000/mm³ (§4.1 [S16]), seed 002 "
      .. "'15,000-30,000 cells/mm³'",
  },
  ["dsm4tr.ck_times_uln"] = {
    value = 4, unit = "× ULN",
    doc = "Criterion B10 'laboratory evidence of muscle injury (e.g. elevated CPK)': some CK at "
      .. "least this many times its upper limit of normal; myoglobinuria also counts as such "
      .. "evidence.",
    source = "§1.1: no number given; value reused from IEC 2011 item 5 and the DSM-5-TR rendering "
      .. "'at least 4× upper limit of normal' (§3 [S1]; §1.2 [S12][S13])",
  },

  -- Levenson 1985 (criteria/levenson1985.lua) ----------------------------
  ["levenson1985.require_exposure"] = require_exposure("Levenson's table has no exposure criterion, §2 [S15][S16]"),
  ["levenson1985.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Major criterion 'fever': any temperature reading, at any site, strictly above this value "
      .. "(one reading suffices; Levenson names no count or site).",
    source = "§2 [S15][S16]: no threshold in the secondary tables; value reused from IEC 2011 item 2 "
      .. "'>38.0 °C' (§3 [S1]) without its 2 oral occasions (project choice)",
  },
  ["levenson1985.ck_times_uln"] = {
    value = 4, unit = "× ULN",
    doc = "Major criterion 'elevated CK': some CK at least this many times its upper limit of "
      .. "normal. The 'usually >1000 IU/L' printed beside this criterion is the reviewers' (Tse "
      .. "et al.) annotation, not Levenson's cut-off, and is not used.",
    source = "§2 [S15][S16]: no threshold; value reused from IEC 2011 item 5 '≥4 × ULN' (§3 [S1]); "
      .. "§2: 'usually >1000 IU/L' is Tse et al.'s annotation",
  },
  ["levenson1985.tachycardia_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Minor criterion 'tachycardia': some heart rate at least this many percent above baseline.",
    source = "§2: no threshold; value reused from IEC 2011 item 7 'heart rate ≥25% above baseline' "
      .. "(§3 [S1])",
  },
  ["levenson1985.tachycardia_hr"] = {
    value = 100, unit = "/min",
    doc = "Minor criterion 'tachycardia' when the record has no baseline HR (and only then): some "
      .. "heart rate at or above this value (Levenson's own figure, '>= 100'). false: baseline-only.",
    source = "Levenson 1985 as reproduced by [MA-L]: 'tachycardia (>= 100 beats per minute)' "
      .. "(secondary; §2 found no numbers in the tables it read); fallback-only use is a project "
      .. "choice (issue 9)",
  },
  ["levenson1985.tachypnea_rr"] = {
    value = 20, unit = "/min",
    doc = "Minor criterion 'tachypnea' when the record has no baseline RR (and only then): some "
      .. "respiratory rate at or above this value (Levenson's own figure, '>= 20'). false: "
      .. "baseline-only.",
    source = "Levenson 1985 as reproduced by [MA-L]: 'tachypnea (>= 20 breaths per minute)' "
      .. "(secondary); fallback-only use is a project choice (issue 9)",
  },
  ["levenson1985.hypertension_sbp"] = {
    value = 140, unit = "mmHg",
    doc = "Minor criterion 'abnormal arterial pressure', elevation part, when the record has no "
      .. "baseline SBP (and only then): some systolic pressure strictly above this value.",
    source = "Levenson gives no BP number ([MA-L]: 'labile or hypertension'); value from Addonizio "
      .. "1987 '>140mmHg systolic' (§4.2 [S16]); project choice (issue 9)",
  },
  ["levenson1985.hypertension_dbp"] = {
    value = 90, unit = "mmHg",
    doc = "Minor criterion 'abnormal arterial pressure', elevation part, when the record has no "
      .. "baseline DBP (and only then): some diastolic pressure strictly above this value.",
    source = "Addonizio 1987 '>90mmHg diastolic' (§4.2 [S16]); project choice (issue 9)",
  },
  ["levenson1985.tachypnea_pct"] = {
    value = 50, unit = "% above baseline",
    doc = "Minor criterion 'tachypnea': some respiratory rate at least this many percent above "
      .. "baseline.",
    source = "§2: no threshold; value reused from IEC 2011 item 7 'respiratory rate ≥50% above "
      .. "baseline' (§3 [S1])",
  },
  ["levenson1985.bp_rise_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Minor criterion 'abnormal (labile) arterial pressure', elevation part: systolic or "
      .. "diastolic at least this many percent above baseline.",
    source = "§2: no threshold; value reused from IEC 2011 item 6a (§3 [S1])",
  },
  ["levenson1985.dbp_change"] = {
    value = 20, unit = "mmHg",
    doc = "Minor criterion 'abnormal (labile) arterial pressure', lability part: a diastolic "
      .. "change of at least this much within levenson1985.bp_change_window_h.",
    source = "§2: no threshold; value reused from IEC 2011 item 6b (§3 [S1])",
  },
  ["levenson1985.sbp_change"] = {
    value = 25, unit = "mmHg",
    doc = "Minor criterion 'abnormal (labile) arterial pressure', lability part: a systolic change "
      .. "of at least this much within levenson1985.bp_change_window_h.",
    source = "§2: no threshold; value reused from IEC 2011 item 6b (§3 [S1])",
  },
  ["levenson1985.bp_change_window_h"] = {
    value = 24, unit = "h",
    doc = "Minor criterion 'abnormal (labile) arterial pressure': the two readings of a change are "
      .. "at most this many hours apart.",
    source = "§2: no window; value reused from IEC 2011 item 6b 'within 24 h' (§3 [S1])",
  },
  ["levenson1985.altered_consciousness"] = {
    value = { "confused", "delirium", "stupor", "coma" }, unit = "exam[].mental_status values",
    doc = "Minor criterion 'altered consciousness': mental_status values that count.",
    source = "§2: no scale; mapped as DSM-IV 'change in level of consciousness (confusion through "
      .. "coma)' (§1.1 [S10][S11]), the same list as iec2011.altered_mental_status",
  },
  ["levenson1985.leukocytosis_wbc"] = {
    value = 10, unit = "×10^9/L",
    doc = "Minor criterion 'leukocytosis': some WBC strictly above this value.",
    source = "§2: no threshold; project choice, as dsm4tr.leukocytosis_wbc: lower end of "
      .. "'typically 10,000–40,000/mm³' (§9.1 [S89]); Pope uses >15,000/mm³ (§4.1 [S16])",
  },

  -- Pope et al. 1986 (criteria/pope1986.lua) -----------------------------
  ["pope1986.require_exposure"] = require_exposure("Pope's table as tabulated by Tse et al. has no drug criterion, §4.1 [S16]"),
  ["pope1986.lead_pipe_rigidity"] = {
    value = { "mild", "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "Extrapyramidal sign 'lead-pipe rigidity': exam[].rigidity values that count. The case "
      .. "format grades rigidity but does not record its kind; cogwheeling is its own field "
      .. "(exam[].cogwheeling), so a graded rigidity is read as lead-pipe. Pope gives no grade.",
    source = "§4.1 [S16] 'lead-pipe rigidity' (no grade); mapping is a project choice",
  },

  ["pope1986.hyperthermia_at_least"] = {
    value = true, unit = "boolean",
    doc = "Criterion 1 'hyperthermia', 37.5 °C oral: true = a reading of 37.5 °C itself counts "
      .. "('at least 37.5 °C', the wording issue 9 quotes from Pope et al. 1986); false = strictly "
      .. "above, as Tse et al.'s table prints it ('>37.5°C'). The 1986 paper was not readable, so "
      .. "the choice of the primary's quoted wording over the table's symbol is a project choice.",
    source = "§4.1 [S16] Tse et al. 2015 Table 3: 'oral temperature >37.5°C'; issue 9: 'at least "
      .. "37.5 °C' (primary wording, UNVERIFIED here)",
  },
  ["pope1986.probable_rule"] = {
    value = "both", unit = "both | one_of",
    doc = "Probable (retrospective) diagnosis, the findings that must accompany 2 of the 3 "
      .. "criteria: 'both' (default) = clouded consciousness and leukocytosis > 15,000/mm³, as "
      .. "Tse et al.'s Table 3 words it ('if both of the following criteria are met', two numbered "
      .. "items); 'one_of' = one of clouded consciousness, leukocytosis, or CPK above "
      .. "pope1986.probable_ck, for the reading in which the unnumbered 'CPK >300 U/mL' printed "
      .. "under that list belongs to Pope's column and the original says 'one of the following'. "
      .. "The flattened table does not show which column that line belongs to (clinical-reference "
      .. "§4.2 assigns it to Addonizio) and Pope 1986 itself was not readable.",
    source = "§4.1, §4.2 [S16] Tse et al. 2015 Table 3 (PMC4812801) as read 2026-12; issue 9",
  },
  ["pope1986.probable_ck"] = {
    value = 300, unit = "U/L",
    doc = "Used only with pope1986.probable_rule = 'one_of': some CK strictly above this value. "
      .. "The table prints 'CPK >300 U/mL'; read as U/L (CK is reported per litre; 300 U/mL would "
      .. "be 300,000 U/L).",
    source = "§4.2 [S16] Tse et al. 2015 Table 3 'CPK >300 U/mL' (column UNCERTAIN; unit read as U/L, "
      .. "project choice)",
  },

  -- Caroff & Mann (criteria/caroff1993.lua) ------------------------------
  ["caroff1993.exposure_window_h"] = {
    value = 168, unit = "h",
    doc = "Major criterion 1: a dopamine antagonist (parameter exposure.antagonist_classes) given "
      .. "within this many hours before the onset of the syndrome (the anchor lib/meds.lua uses for "
      .. "every exposure window; a drug first given after the anchor does not count, or leaves the "
      .. "criterion unknown when the anchor is only the first sign in the record).",
    source = "§4.4 [S12]: 'neuroleptic treatment within 7 days of onset' (published: 7 × 24 h)",
  },
  ["caroff1993.depot_window_h"] = {
    value = 672, unit = "h",
    doc = "Major criterion 1 for depot preparations (medications[].route \"depot\"): given within "
      .. "this many hours before the syndrome's anchor (case.onset, else the first cardinal sign, else "
      .. "assessed_at; lib/time.lua). The table prints a range, '2–4 weeks'; the upper end "
      .. "(4 weeks = 672 h) is used so that a depot given at the longest printed interval still "
      .. "counts. Set 336 for the lower end.",
    source = "§4.4 [S12]: '(2–4 weeks for depot)'; choice of the upper end is a project choice",
  },
  ["caroff1993.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Major criterion 'hyperthermia': any temperature reading, at any site, at or above this "
      .. "value (one reading suffices; the source adds 'may be delayed in onset').",
    source = "[MA-C]: 'hyperthermia >= 38°C (may be delayed in onset)' (secondary); the CPCEM table "
      .. "§4.4 [S12] gives no number. 'At any site, one reading' is a project choice",
  },
  ["caroff1993.exclusion_workup"] = {
    value = { "infection", "toxic", "metabolic", "neurologic" }, unit = "workup fields",
    doc = "Major criterion 'exclusion of other drug-induced, systemic or neuropsychiatric illness', "
      .. "drug-induced, systemic and neurological part: the work-up fields that must all be "
      .. "negative (drug-induced = toxic; systemic = infection, metabolic; neuro- = neurologic). "
      .. "The psychiatric part is parameter caroff1993.psychiatric_exclusion; do not add "
      .. "'psychiatric' here as well.",
    source = "§4.4 [S12], [MA-C] wording; mapping onto case.workup is a project choice",
  },
  ["caroff1993.psychiatric_exclusion"] = {
    value = "record", unit = "strict | record | none",
    doc = "Major criterion 'exclusion of ... neuropsychiatric illness', psychiatric part: 'record' "
      .. "(default) and 'strict' as parameter dsm4tr.criterion_d (a recorded psychiatric "
      .. "assessment decides; under 'record', without one, catatonia recorded absent in the "
      .. "history or on exam excludes it and catatonia present leaves it open); 'none' reads "
      .. "'neuropsychiatric' as neurological only.",
    source = "§4.4 [S12], [MA-C]; same reading and reasons as dsm4tr.criterion_d (project choice)",
  },
  ["caroff1993.mental_status_change"] = {
    value = { "confused", "delirium", "stupor", "coma" }, unit = "exam[].mental_status values",
    doc = "Minor criterion 'change in mental status': mental_status values that count.",
    source = "§4.4: no scale; mapped as DSM-IV 'confusion through coma' (§1.1 [S10][S11]), the same "
      .. "list as iec2011.altered_mental_status",
  },
  ["caroff1993.tachycardia_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Minor criterion 'tachycardia': some heart rate at least this many percent above baseline.",
    source = "§4.4: no threshold; value reused from IEC 2011 item 7 (§3 [S1])",
  },
  ["caroff1993.tachycardia_hr"] = {
    value = 100, unit = "/min",
    doc = "Minor criterion 'tachycardia' when the record has no baseline HR (and only then): some "
      .. "heart rate strictly above this value. false: baseline-only.",
    source = "§4.4, [MA-C]: no threshold; value from the research criteria §4.5 [S18] (attribution "
      .. "UNCONFIRMED) 'pulse more than 100 beats/min' (Levenson [MA-L] also 100/min); fallback-only "
      .. "use: project choice",
  },
  ["caroff1993.hypertension_sbp"] = {
    value = 140, unit = "mmHg",
    doc = "Minor criterion 'hypertension or hypotension', hypertension part, when the record has no "
      .. "baseline SBP (and only then): some systolic pressure strictly above this value. No "
      .. "source read gives an absolute value for hypotension, so that part stays baseline-only.",
    source = "§4.4: no threshold; value from Addonizio 1987 '>140mmHg systolic' (§4.2 [S16]); "
      .. "project choice",
  },
  ["caroff1993.hypertension_dbp"] = {
    value = 90, unit = "mmHg",
    doc = "Minor criterion 'hypertension or hypotension', hypertension part, when the record has no "
      .. "baseline DBP (and only then): some diastolic pressure strictly above this value.",
    source = "§4.4: no threshold; value from Addonizio 1987 '>90mmHg diastolic' (§4.2 [S16]); "
      .. "project choice",
  },
  ["caroff1993.tachypnea_rr"] = {
    value = 25, unit = "/min",
    doc = "Minor criterion 'tachypnea or hypoxia', tachypnea part, when the record has no baseline "
      .. "RR (and only then): some respiratory rate strictly above this value. false: baseline-only.",
    source = "§4.4, [MA-C]: no threshold; value from Pope 1986 'tachypnea (>25 respirations/min)' "
      .. "(§4.1 [S16]) and the research criteria §4.5 [S18] (attribution UNCONFIRMED); fallback-only "
      .. "use: project choice",
  },
  ["caroff1993.hypoxia_from_respiratory_failure"] = {
    value = true, unit = "boolean",
    doc = "Minor criterion 'tachypnea or hypoxia', hypoxia part. The case format records no oxygen "
      .. "saturation or blood gas. true: complications.respiratory_failure stands in for it "
      .. "(recorded = hypoxia, recorded absent = no hypoxia; mild hypoxaemia short of respiratory "
      .. "failure is then missed); false: hypoxia is always unknown, so the item is never false.",
    source = "[MA-C] 'tachypnea or hypoxia' (no threshold); the stand-in is a project choice until the "
      .. "case format records oxygen saturation",
  },
  ["caroff1993.bp_rise_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Minor criterion 'hypertension or hypotension', hypertension part: systolic or diastolic "
      .. "at least this many percent above baseline.",
    source = "§4.4: no threshold; value reused from IEC 2011 item 6a (§3 [S1])",
  },
  ["caroff1993.bp_fall_pct"] = {
    value = 25, unit = "% below baseline",
    doc = "Minor criterion 'hypertension or hypotension', hypotension part: systolic or diastolic "
      .. "at least this many percent below baseline.",
    source = "§4.4: no threshold, and no NMS source gives one for hypotension; project choice: the "
      .. "mirror image of IEC 2011 item 6a (25 %, §3 [S1])",
  },
  ["caroff1993.tachypnea_pct"] = {
    value = 50, unit = "% above baseline",
    doc = "Minor criterion 'tachypnea or hypoxia', tachypnea part: some respiratory rate at "
      .. "least this many percent above baseline.",
    source = "§4.4: no threshold; value reused from IEC 2011 item 7 (§3 [S1])",
  },
  ["caroff1993.ck_times_uln"] = {
    value = 4, unit = "× ULN",
    doc = "Minor criterion 'CPK elevation or myoglobinuria', CPK part: some CK at least this many "
      .. "times its upper limit of normal.",
    source = "§4.4: no threshold; value reused from IEC 2011 item 5 (§3 [S1])",
  },
  ["caroff1993.leukocytosis_wbc"] = {
    value = 10, unit = "×10^9/L",
    doc = "Minor criterion 'leukocytosis': some WBC strictly above this value.",
    source = "§4.4: no threshold; project choice, as dsm4tr.leukocytosis_wbc (§9.1 [S89]; Pope "
      .. ">15,000/mm³ §4.1 [S16])",
  },
}
