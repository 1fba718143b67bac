-- params/severity.lua - parameters of the severity rules (see params.lua).
--
-- Seed 002 gives the treatment hierarchy by severity in words ("mild",
-- "severe cases with significant muscle rigidity and hyperthermia",
-- "extreme hyperthermia (>41.1°C) or complications") and, as
-- clinical-reference §12 notes, defines no boundaries beyond those
-- phrases. Each boundary is therefore a parameter naming the phrase it
-- encodes. The exposure window of the working diagnosis is the IEC one
-- (iec2011.exposure_window_h in params/core.lua), read by rules/severity.lua.

return {
  ["severity.adult_age_years"] = {
    value = 18, unit = "years (patient.age)",
    doc = "Below this age the management list says first that its doses are adult doses: the drug "
      .. "doses it quotes are printed for adults by their sources and are not to be given to a child "
      .. "as they stand. Nothing is recalculated (no paediatric dose is given: no source of the "
      .. "reference prints one). With patient.age not recorded nothing is said.",
    source = "the dose sources are adult references (clinical-reference §5.2: MSD Manual [S21], "
      .. "Critical Care Secrets [S22]; §7 for the look-alikes' steps); NMS occurs in children on "
      .. "antipsychotics (Neuhut, Lindenmayer, Silva, J Child Adolesc Psychopharmacol 2009; session-17 "
      .. "review finding 4). 18, the age of majority, is a project choice",
  },
  ["severity.hyperthermia_c"] = {
    value = 38.0, unit = "°C",
    doc = "A temperature strictly above this, on any one reading at any measurement site, is the fever "
      .. "half of the rigidity-and-fever support that lets an indeterminate NMS criteria set count as "
      .. "NMS-specific evidence for the working diagnosis (severity/working.lua). One reading and any "
      .. "site because it only supports a criteria set still being decided (seed 002: 'do not delay "
      .. "treatment waiting for diagnostic confirmation'); the moderate tier asks for more "
      .. "(severity.significant_hyperthermia_c).",
    source = "IEC 2011 item 2 '>38.0 °C' value (clinical-reference §3 [S1][S2][S4]); DSM-IV-TR criterion "
      .. "A 'elevated temperature' gives no number (§1.1); the single reading at any site is a project "
      .. "choice",
  },
  ["severity.significant_hyperthermia_c"] = {
    value = 38.0, unit = "°C",
    doc = "'Significant hyperthermia' for the moderate tier: a temperature strictly above this on at "
      .. "least severity.significant_hyperthermia_occasions readings, at any site (the tier decides "
      .. "treatment; oral readings understate core temperature). One febrile reading no longer makes "
      .. "the tier moderate: bromocriptine and dantrolene are for hyperthermia as the consensus "
      .. "defines it in NMS, repeated.",
    source = "seed 002 'Use these agents in severe cases with significant muscle rigidity and "
      .. "hyperthermia' gives no number; IEC 2011 item 2 '>38.0 °C (>100.4 °F) on at least 2 occasions, "
      .. "measured orally', the one operational definition of NMS hyperthermia a consensus gives "
      .. "(clinical-reference §3 [S1][S2][S4]; BMJ Best Practice §1.2 [S13]). Reading seed 002's "
      .. "'significant' as the IEC definition, at any site, is a project choice: the Woodbury staging, which grades "
      .. "temperature, could not be read (§4.7)",
  },
  ["severity.significant_hyperthermia_occasions"] = {
    value = 2, unit = "occasions",
    doc = "How many occasions with a reading above severity.significant_hyperthermia_c make 'significant "
      .. "hyperthermia'. An occasion is a distinct time: vitals entries with the same time are one "
      .. "occasion (a reading charted twice), and so are all entries without a time (lib/temperature.lua). "
      .. "A single febrile occasion leaves the item unknown (the repeat measurement is missing), not false.",
    source = "IEC 2011 item 2 'on at least 2 occasions' (clinical-reference §3 [S1][S2][S4]); occasions as "
      .. "distinct times: review finding 6 (session 16)",
  },
  ["severity.exclusion_workup"] = {
    value = { "infection", "toxic", "metabolic", "neurologic" }, unit = "workup fields",
    doc = "Work-up fields whose 'positive' result is another cause found: it displaces NMS as the "
      .. "working diagnosis unless an NMS criteria set is met all the same with rigidity of "
      .. "severity.workup_rigidity (then both remain possible, and complications are not counted as NMS "
      .. "severity); 'pending' and unrecorded fields are read as severity.workup_rigidity says. "
      .. "'toxic' is a toxic cause other than the dopamine antagonist itself (docs/case-format.md). "
      .. "'psychiatric' is left out: DSM-IV-TR "
      .. "criterion D's example, a mood disorder with catatonic features, is on the NMS spectrum (the "
      .. "malignant catatonia screen is read instead).",
    source = "IEC 2011 item 8 'negative for infectious, toxic, metabolic or neurologic causes' (§3 [S1]); "
      .. "DSM-IV-TR criterion C (§1.1 [S10][S11]); BMJ 'NMS is a diagnosis of exclusion' [S13]",
  },
  ["severity.workup_rigidity"] = {
    value = { "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "Rigidity levels that keep NMS possible beside another cause the work-up found "
      .. "(severity.exclusion_workup 'positive'), or may yet find ('pending'), or that nobody recorded: "
      .. "with an NMS criteria set of severity.sets_against_rival met and rigidity at one of these levels, "
      .. "NMS and the cause found are both possible, and a pending result does not change that; with "
      .. "rigidity below them the cause found explains the picture better (NMS not the working "
      .. "diagnosis) and a pending result leaves it undecided. With the work-up not recorded (no "
      .. "field pending), an NMS criteria set met or rigidity at one of these levels (with the fever of "
      .. "the NMS evidence) keeps NMS the working diagnosis; otherwise it is undecided. A met look-alike "
      .. "screen needs rigidity of any degree (it tests its own features). Set to 'severe' for DSM-IV-TR "
      .. "criterion A read literally; add 'mild' to let any rigidity outweigh a cause found (the reading "
      .. "before 0.3.5).",
    source = "DSM-IV-TR criterion A 'severe muscle rigidity' and criterion C 'not due to ... a general "
      .. "medical condition' (§1.1 [S10][S11]); the modified DSM-IV-TR accepts rigidity less than severe "
      .. "(§3.1 [S3]); rigidity the cardinal feature (BMJ Best Practice [S13]); IEC 2011 item 3 has no "
      .. "qualifier and its points are weights without a validated cut-off (§3 [S2], §3.1), so a score "
      .. "met with item 8 failed does not by itself outweigh a cause found. Which levels count: project "
      .. "choice (session 16 review, findings 2 and 3), as for severity.significant_rigidity",
  },
  ["severity.sets_against_rival"] = {
    value = { "iec2011", "dsm4tr", "caroff1993" }, unit = "criteria set ids",
    doc = "NMS criteria sets whose 'met' keeps NMS possible beside a met look-alike (with rigidity); "
      .. "while one of them is still indeterminate and rigidity is present, the working diagnosis is "
      .. "undecided rather than ruled out. Levenson 1985 and Pope 1986 (as tabulated) are left out: "
      .. "they have no exposure criterion and no exclusion, so malignant hyperthermia and exertional "
      .. "heat stroke with rhabdomyolysis meet them on their own; met beside a met look-alike they do "
      .. "not make NMS a working diagnosis (a project choice from the criteria's published structure).",
    source = "Levenson 1985 and Pope 1986 without an exposure criterion (§2 [S15][S16], §4.1 [S16]); "
      .. "examples/cases/10 (malignant hyperthermia meets Levenson); the 0.3.0 review (an MH crisis "
      .. "with droperidol meets Pope definite)",
  },
  ["severity.exposure_sets"] = {
    value = { "dsm4tr", "caroff1993" }, unit = "criteria set ids",
    doc = "NMS criteria sets that contain a drug-exposure criterion of their own: when one of them is "
      .. "met, the exposure part of the working diagnosis holds even if no dopamine antagonist falls in "
      .. "the IEC 72 h window (Caroff & Mann count a neuroleptic within 7 days of onset, 2-4 weeks for a "
      .. "depot). Without it a picture that meets Caroff & Mann (and IEC on its other items) 4 days "
      .. "after the last oral dose got tier none, 'no dopamine antagonist given or acting'. IEC 2011 and "
      .. "Levenson are not listed: IEC can be met without its exposure item (80 of 100 points), "
      .. "Levenson has no exposure criterion. Empty list: the IEC window alone decides.",
    source = "Caroff & Mann major criterion 'neuroleptic treatment within 7 days of onset (2-4 weeks for "
      .. "depot)' (clinical-reference §4.4 [S12]); DSM-IV-TR criterion A 'developing with the use of "
      .. "neuroleptic medication' (§1.1 [S10][S11]); DSM-5 text 'most within the first week' (§1.2 [S14]); "
      .. "using a met set's own exposure criterion: project choice (review)",
  },
  ["severity.significant_rigidity"] = {
    value = { "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "Rigidity levels that count as 'significant muscle rigidity' for the moderate tier. Mild "
      .. "rigidity still supports the working diagnosis (any degree counts there) but leaves the tier mild. Add "
      .. "'mild' to give bromocriptine/dantrolene to every febrile rigid patient.",
    source = "seed 002 'Use these agents in severe cases with significant muscle rigidity and "
      .. "hyperthermia' (§12); the seed gives no scale: mapping onto the case format's "
      .. "none/mild/moderate/severe is a project choice",
  },
  ["severity.rhabdomyolysis_ck_times_uln"] = {
    value = 5, unit = "× ULN",
    doc = "Some CK at least this many times its upper limit of normal (lib/labs.lua: the lab entry's "
      .. "ck_uln, else ck.uln_default), or myoglobinuria in a lab result (labs[].myoglobinuria), shows "
      .. "rhabdomyolysis for the management list (severity/actions.lua), as a recorded "
      .. "complications.rhabdomyolysis does: the fluids line says rhabdomyolysis is present (vigorous IV "
      .. "fluids) and the line 'avoid succinylcholine for intubation' is given at every tier, not only "
      .. "the severe one. It does not change the tier. A CK without a ULN shows nothing.",
    source = "clinical-reference §9.1, BMJ Best Practice [S88]: '>5× ULN = rhabdomyolysis' (read as at "
      .. "least 5 × ULN, as lib/labs.lua reads every CK multiple: project choice); §5.1 'vigorous IV fluids "
      .. "if rhabdomyolysis' [S13]; §5.5 'avoid succinylcholine for intubation in rhabdomyolysis/"
      .. "hyperkalemia risk' (Shalev 1989 [S37]); myoglobinuria: 'myoglobinuric AKI' (§9.1 [S88][S89]), "
      .. "Eiser AR et al. Arch Intern Med 1982;142:601-3 (acute myoglobinuric renal failure in NMS); "
      .. "session-17 review finding 1",
  },
  ["severity.ect_after_drug_h"] = {
    value = 48, unit = "h",
    doc = "NMS is refractory to drug treatment, and the management list gives ECT at any tier (not only "
      .. "the severe one), when a course of bromocriptine, dantrolene or amantadine begun after the onset "
      .. "has been given for at least this many hours and the latest reading after them still shows a "
      .. "temperature above severity.hyperthermia_c or rigidity of severity.significant_rigidity "
      .. "(severity/course.lua). A later normal reading is a response; no reading after them: nothing "
      .. "is said. ECT is not given beside a met rival look-alike.",
    source = "§5.3 [S22]: ECT 'indicated when NMS is refractory to supportive care and drug therapy; "
      .. "6-10 bilateral treatments'; seed 002 'ECT as second-line treatment for severe and persistent "
      .. "NMS'; the 48 h: Scheftner WA, Shulman RB. Treatment choice in neuroleptic malignant syndrome. "
      .. "Convuls Ther 1992;8(4):267-79 (abstract, MEDLINE: 'the suggested treatment sequence is "
      .. "medication (dantrolene or bromocriptine) for 48 h; if no clinical response is seen, ECT should "
      .. "be initiated'); Trollor JN, Sachdev PS. Aust N Z J Psychiatry 1999;33:650-9 (abstract: ECT "
      .. "effective in NMS 'even when drug therapy has failed'); session-17 review finding 5",
  },
  ["severity.restart_window_h"] = {
    value = 720, unit = "h",
    doc = "With a previous NMS recorded (history.prior_nms true), a dopamine antagonist of this episode's "
      .. "trigger first given within this many hours before the onset (the anchor of the drug windows) "
      .. "makes the after-resolution line say that this episode followed an antipsychotic restart, naming "
      .. "the drug, its start and how long before the onset: what a clinician records for the next "
      .. "attempt. A drug given for longer is not called a restart. It changes no verdict.",
    source = "DSM-5 text (clinical-reference §1.2 [S14]): onset 'hours to days after drug start; some "
      .. "within 24 h, most within the first week, virtually all within 30 days' (30 × 24 h); §5.4: "
      .. "'recurrence is more likely when antipsychotics are restarted soon after an episode' [S14], wait "
      .. "at least 2 weeks after complete resolution [S13]; session-17 review finding 8",
  },
  ["severity.extreme_hyperthermia_c"] = {
    value = 41.1, unit = "°C",
    doc = "A temperature strictly above this, on any reading at any site, is 'extreme hyperthermia': "
      .. "one of the features of the severe tier. Any site, because the seed names none and oral or "
      .. "axillary readings understate core temperature.",
    source = "seed 002 'For extreme hyperthermia (>41.1°C): emergency sedation, neuromuscular "
      .. "paralysis, intubation' (§12); §5.5: >41.1 °C (106 °F) core is 'life-threatening "
      .. "hyperthermia' [S36] and a severe-hyperthermia descriptor in the Boyer & Shannon table [S35]; "
      .. "an NMS-specific paralysis threshold is UNCONFIRMED (the >41.1 °C paralysis rule is sourced "
      .. "for serotonin syndrome [S33][S34]), hence a parameter",
  },
}
