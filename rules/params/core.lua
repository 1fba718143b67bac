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
    doc = "Item 1: a dopamine antagonist given, or a dopaminergic drug stopped, within this many "
      .. "hours before assessed_at (both ends included).",
    source = "clinical-reference §3 item 1 [S1][S2][S4]: 'within the past 72 hours' (published)",
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

  -- Exposure and drugs (lib/meds.lua, lib/drugs.lua) --------------------
  ["exposure.antagonist_classes"] = {
    value = { "antipsychotic", "antiemetic_da", "da_antagonist", "da_depleter" }, unit = "drug classes (drugs.lua)",
    doc = "Drug classes that count as dopamine-antagonist exposure (and mark the start of exposure "
      .. "for the baseline). Lithium is not among them. The dopamine depleter tetrabenazine is "
      .. "included as the reference groups it with the dopamine antagonists; remove 'da_depleter' "
      .. "to read 'dopamine antagonist' strictly.",
    source = "clinical-reference §8.1 (antipsychotics, N05A, minus lithium), §8.2 'other dopamine "
      .. "antagonists / depleters' [S48][S50][S85]; depleter as a temporal link in the research "
      .. "criteria §4.5 [S18]",
  },
  ["exposure.withdrawal_classes"] = {
    value = { "dopaminergic" }, unit = "drug classes (drugs.lua)",
    doc = "Drug classes whose withdrawal (stop) counts as exposure under IEC item 1.",
    source = "clinical-reference §3 item 1 'dopamine-agonist withdrawal' [S1]; §7.5 withdrawal of "
      .. "levodopa, dopamine agonists or amantadine [S74]; §8.3 (ATC N04B) [S81]",
  },
  ["drugs.unrecognised"] = {
    value = "unknown", unit = "unknown | ignore",
    doc = "A medication given within a window whose name and ATC code the ruleset does not know: "
      .. "'unknown' leaves a class question it could decide (e.g. IEC item 1 when no recognised "
      .. "trigger is found) unknown; 'ignore' treats it as unrelated. The evidence names the drug "
      .. "either way.",
    source = "project rule 'missing is not false' (issue 2); no clinical source",
  },

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
