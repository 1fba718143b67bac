-- drugs/other.lua - serotonergic, anticholinergic, malignant-hyperthermia
-- (clinical-reference §8.4-8.6) and sympathomimetic (§7.9) drugs, for the
-- differential diagnoses. Same row format as drugs/dopamine.lua; drugs.lua
-- explains the source tags and class ids.

return {
  -- §8.4 Serotonergic drugs [S81][S82].
  { "fluoxetine", "N06AB03", "serotonergic", brands = { "Prozac" }, src = "§8.4 SSRI [S81][S82]" },
  { "citalopram", "N06AB04", "serotonergic", src = "§8.4 SSRI [S81][S82]" },
  { "paroxetine", "N06AB05", "serotonergic", src = "§8.4 SSRI [S81][S82]" },
  { "sertraline", "N06AB06", "serotonergic", brands = { "Zoloft" }, src = "§8.4 SSRI [S81][S82]" },
  { "fluvoxamine", "N06AB08", "serotonergic", src = "§8.4 SSRI [S81][S82]" },
  { "escitalopram", "N06AB10", "serotonergic", src = "§8.4 SSRI [S81][S82]" },
  { "isocarboxazid", "N06AF01", "serotonergic", src = "§8.4 non-selective MAOI [S81][S82]" },
  { "phenelzine", "N06AF03", "serotonergic", src = "§8.4 non-selective MAOI [S81][S82]" },
  { "tranylcypromine", "N06AF04", "serotonergic", src = "§8.4 non-selective MAOI [S81][S82]" },
  { "moclobemide", "N06AG02", "serotonergic", src = "§8.4 MAO-A inhibitor [S81][S82]" },
  { "venlafaxine", "N06AX16", "serotonergic", src = "§8.4 [S81][S82]" },
  { "duloxetine", "N06AX21", "serotonergic", src = "§8.4 [S81][S82]" },
  { "desvenlafaxine", "N06AX23", "serotonergic", src = "§8.4 [S81][S82]" },
  { "trazodone", "N06AX05", "serotonergic", src = "§8.4 [S81][S82]" },
  { "mirtazapine", "N06AX11", "serotonergic", src = "§8.4 [S81][S82]" },
  { "vilazodone", "N06AX24", "serotonergic", src = "§8.4 [S81][S82]" },
  { "vortioxetine", "N06AX26", "serotonergic", src = "§8.4 [S81][S82]" },
  { "tryptophan", "N06AX02", "serotonergic", src = "§8.4 [S81][S82]" },
  { "St John's wort", "N06AX25", "serotonergic", src = "§8.4 St John's wort [S81][S82]" },
  { "tramadol", nil, "serotonergic", src = "§8.4 case-report trigger [S110] (ATC not verified)" },
  { "linezolid", nil, "serotonergic", src = "§8.4 case-report trigger [S109] (ATC not verified)" },

  -- §8.5 Anticholinergics. Exact codes seen in code lists only.
  { "benztropine", "N04AC01", "anticholinergic", brands = { "Cogentin" },
    atc_note = "N04AC01 seen in code lists only (UNCONFIRMED)", src = "§8.5; Cogentin [S87]" },
  { "trihexyphenidyl", "N04AA01", "anticholinergic", brands = { "Artane" },
    atc_note = "N04AA01 seen in code lists only (UNCONFIRMED)", src = "§8.5; Artane [S87]" },
  { "atropine", "A03BA01", "anticholinergic",
    atc_note = "A03BA01 seen in code lists only (UNCONFIRMED)", src = "§8.5" },
  { "diphenhydramine", nil, "anticholinergic", src = "§8.5 antihistamine (R06A; exact code not given)" },

  -- §8.6 Malignant-hyperthermia triggers, non-triggers and treatment.
  { "halothane", "N01AB01", "mh_trigger", src = "§8.6 volatile anesthetic [S81]" },
  { "enflurane", "N01AB04", "mh_trigger", src = "§8.6 volatile anesthetic [S81]" },
  { "isoflurane", "N01AB06", "mh_trigger", src = "§8.6 volatile anesthetic [S81]" },
  { "desflurane", "N01AB07", "mh_trigger", src = "§8.6 volatile anesthetic [S81]" },
  { "sevoflurane", "N01AB08", "mh_trigger", src = "§8.6 volatile anesthetic [S81]" },
  { "succinylcholine", "M03AB01", "mh_trigger", also = { "suxamethonium" },
    brands = { "Anectine", "Quelicin" }, src = "§8.6 [S82]" },
  { "propofol", "N01AX10", "mh_non_trigger", src = "§8.6 non-trigger [S62][S82]" },
  { "nitrous oxide", "N01AX13", "mh_non_trigger", src = "§8.6 non-trigger [S62][S82]" },
  { "rocuronium", "M03AC09", "mh_non_trigger", src = "§8.6 non-depolarizing relaxant [S62][S82]" },
  { "dantrolene", "M03CA01", "mh_treatment", brands = { "Dantrium", "Revonto", "Ryanodex" },
    src = "§8.6 [S25][S82]" },

  -- §7.9 Sympathomimetic toxicity [S77][S36]: "cocaine, amphetamines,
  -- cathinones". No ATC code is given for them in the reference. Only the
  -- substances the reference names are listed: amphetamine, and
  -- methamphetamine as an amphetamine; cathinone for "cathinones".
  { "cocaine", nil, "sympathomimetic", src = "§7.9 cocaine [S77][S36]" },
  { "amphetamine", nil, "sympathomimetic", also = { "amphetamines" },
    src = "§7.9 amphetamines [S77][S36]" },
  { "methamphetamine", nil, "sympathomimetic", src = "§7.9 amphetamines [S77][S36]" },
  { "cathinone", nil, "sympathomimetic", also = { "cathinones", "synthetic cathinones" },
    src = "§7.9 cathinones [S77][S36]" },

  -- §5.2 NMS treatment: lorazepam, the first-line benzodiazepine [S22][S24].
  -- Known here so that a case treated with it is not "a drug the ruleset
  -- does not know" (which would leave class questions unknown). No ATC code:
  -- the reference gives none.
  { "lorazepam", nil, "benzodiazepine", src = "§5.2 [S22][S24]; §5.6 [S38]" },
}
