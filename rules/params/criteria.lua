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
    value = 72, unit = "h",
    doc = "Criterion A 'developing with the use of neuroleptic medication': a dopamine antagonist "
      .. "(classes of parameter exposure.antagonist_classes) given within this many hours before "
      .. "assessed_at. Dopaminergic withdrawal does not count: DSM-IV-TR asks for neuroleptic use.",
    source = "§1.1: DSM-IV gives no time window; value reused from the DSM-5-TR rendering "
      .. "'dopamine antagonist within the past 72 h' (§1.2 [S12][S13]) and IEC 2011 item 1 (§3 [S1])",
  },
  ["dsm4tr.tachycardia_pct"] = {
    value = 25, unit = "% above baseline",
    doc = "Criterion B7 'tachycardia': some heart rate at least this many percent above baseline "
      .. "(baseline as in lib/vitals.lua; unknown without one).",
    source = "§1.1: no number given; value reused from IEC 2011 item 7 'heart rate ≥25% above "
      .. "baseline' (§3 [S1]); the DSM-5-TR rendering has '>25% above baseline' (§1.2 [S12][S13])",
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
  ["pope1986.lead_pipe_rigidity"] = {
    value = { "mild", "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "Extrapyramidal sign 'lead-pipe rigidity': exam[].rigidity values that count. The case "
      .. "format grades rigidity but does not record its kind; cogwheeling is its own field "
      .. "(exam[].cogwheeling), so a graded rigidity is read as lead-pipe. Pope gives no grade.",
    source = "§4.1 [S16] 'lead-pipe rigidity' (no grade); mapping is a project choice",
  },

  -- Caroff & Mann (criteria/caroff1993.lua) ------------------------------
  ["caroff1993.exposure_window_h"] = {
    value = 168, unit = "h",
    doc = "Major criterion 1: a dopamine antagonist (parameter exposure.antagonist_classes) given "
      .. "within this many hours before assessed_at. The published window runs back from the onset "
      .. "of the syndrome; the case format records no onset time, so assessed_at stands for it, "
      .. "as in IEC 2011 item 1.",
    source = "§4.4 [S12]: 'neuroleptic treatment within 7 days of onset' (published: 7 × 24 h)",
  },
  ["caroff1993.depot_window_h"] = {
    value = 672, unit = "h",
    doc = "Major criterion 1 for depot preparations (medications[].route \"depot\"): given within "
      .. "this many hours before assessed_at. The table prints a range, '2–4 weeks'; the upper end "
      .. "(4 weeks = 672 h) is used so that a depot given at the longest printed interval still "
      .. "counts. Set 336 for the lower end.",
    source = "§4.4 [S12]: '(2–4 weeks for depot)'; choice of the upper end is a project choice",
  },
  ["caroff1993.fever_c"] = {
    value = 38.0, unit = "°C",
    doc = "Major criterion 'hyperthermia': any temperature reading, at any site, strictly above "
      .. "this value (one reading suffices).",
    source = "§4.4 [S12]: numeric threshold UNCONFIRMED; value reused from IEC 2011 item 2 "
      .. "'>38.0 °C' (§3 [S1]) without its 2 oral occasions (project choice)",
  },
  ["caroff1993.exclusion_workup"] = {
    value = { "infection", "toxic", "metabolic", "neurologic", "psychiatric" }, unit = "workup fields",
    doc = "Major criterion 'exclusion of other drug-induced, systemic or neuropsychiatric illness': "
      .. "the work-up fields that must all be negative. drug-induced = toxic; systemic = infection, "
      .. "metabolic; neuropsychiatric = neurologic, psychiatric. Remove 'psychiatric' to read "
      .. "'neuropsychiatric' as neurological only.",
    source = "§4.4 [S12] wording; mapping onto case.workup is a project choice",
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
    doc = "Minor criterion 'tachypnea or sialorrhea', tachypnea part: some respiratory rate at "
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
