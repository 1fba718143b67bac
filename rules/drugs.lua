-- drugs.lua - drug knowledge as data: classes, ATC groups, names, brands.
--
-- The drug tables themselves are drugs/dopamine.lua (clinical-reference
-- §8.1-8.3: antipsychotics, other dopamine antagonists, dopaminergic drugs)
-- and drugs/other.lua (§8.4-8.6 and §7.9: serotonergic, anticholinergic,
-- malignant-hyperthermia and sympathomimetic drugs). lib/drugs.lua
-- classifies a medication entry with them; criteria files never name a
-- drug or an ATC code.
--
-- Source tags: "§8.1" is a section of ../shared/clinical-reference.md and
-- [S#] a source in its list. Brand names appear only where a source shows
-- them: the reference's own tags, or these, read for this ruleset:
--   [B1] USP DI monograph "Haloperidol (Systemic)", commonly used brand
--        names "Haldol; Haldol Decanoate ...", http://www.drugs.com/mmx/peridol.html
--   [B2] RISPERDAL (risperidone) prescribing information, Janssen
--        Pharmaceuticals, DailyMed https://dailymed.nlm.nih.gov/dailymed/search.cfm?searchdb=rxcui&query=262222
--   [B3] SEROQUEL (quetiapine) prescribing information, AstraZeneca
--        Pharmaceuticals LP, https://vdocuments.site/astrazeneca-pharmaceuticals-lp-seroquel-quetiapine-tablet-.html
--        (also the AstraZeneca Canada product monograph, 2008)
--   [B4] ZYPREXA (olanzapine) prescribing information, Eli Lilly and
--        Company, https://vdocuments.mx/highlights-of-prescribing-information-pilillycomuszyprexa-pipdfpdf.html ;
--        seed 000 quotes the FDA label ("including ZYPREXA")

local dopamine = require("drugs.dopamine")
local other = require("drugs.other")

-- The classes a drug can belong to. Criteria and parameters refer to these
-- ids (e.g. parameter exposure.antagonist_classes).
local classes = {
  antipsychotic = { title = "antipsychotic", source = "§8.1 (ATC N05A) [S48][S81]" },
  antiemetic_da = { title = "antiemetic dopamine antagonist",
    source = "§8.2 [S48][S85]; §8.1 droperidol, prochlorperazine, levosulpiride [S48]" },
  da_antagonist = { title = "other dopamine antagonist", source = "§8.2 amoxapine, TCA with D2 blockade [S50]" },
  da_depleter = { title = "dopamine depleter", source = "§8.2 tetrabenazine [S18]" },
  dopaminergic = { title = "dopaminergic", source = "§8.3 (ATC N04B), withdrawal causes PHS [S74][S81]" },
  serotonergic = { title = "serotonergic", source = "§8.4 [S81][S82]" },
  anticholinergic = { title = "anticholinergic", source = "§8.5 [S87]" },
  mh_trigger = { title = "malignant-hyperthermia trigger", source = "§8.6 [S62][S63][S81][S82]" },
  sympathomimetic = { title = "sympathomimetic",
    source = "§7.9 cocaine, amphetamines, cathinones: catecholamine excess [S77][S36]" },
  mh_non_trigger = { title = "not a malignant-hyperthermia trigger", source = "§8.6 non-triggers [S62][S82]" },
  mh_treatment = { title = "MH/NMS treatment (muscle relaxant)", source = "§8.6 dantrolene [S25][S82]" },
  benzodiazepine = { title = "benzodiazepine (NMS treatment)",
    source = "§5.2 lorazepam as first-line NMS treatment [S22][S24]; §5.6 lorazepam challenge in catatonia [S38]" },
  lithium = { title = "lithium",
    source = "§8.1 last row: not a D2 blocker, an NMS co-risk; §6 lithium co-treatment [S46]" },
}

-- ATC groups, for a drug whose name is not in the tables but whose ATC code
-- is given. Longest prefix wins, so lithium (N05AN) is not an antipsychotic
-- although ATC files it under N05A; metoclopramide (A03FA01) is outside
-- N05A and is classed by its own entry in drugs/dopamine.lua.
local atc_groups = {
  { "N05AN", "lithium",
    source = "§8.1 lithium N05AN01 (UNCONFIRMED code, seen in code comments); issue 2: N05A includes lithium" },
  { "N05A", "antipsychotic", source = "§8.1 heading 'antipsychotics (ATC N05A)' [S81]" },
  { "N04B", "dopaminergic", source = "§8.3 heading 'dopaminergic drugs ... (ATC N04B)' [S81]" },
  { "N04A", "anticholinergic", source = "§8.5 'anticholinergic antiparkinson agents N04A'" },
  { "N06AB", "serotonergic", source = "§8.4 SSRIs N06AB [S81][S82]" },
  { "N06AF", "serotonergic", source = "§8.4 non-selective MAOIs N06AF [S81][S82]" },
  { "N06AA", "anticholinergic", source = "§8.5 TCAs (N06AA)" },
  -- §8.5 lists "diphenhydramine and other antihistamines (R06A)" as a whole;
  -- the reference does not separate weakly anticholinergic antihistamines.
  { "R06A", "anticholinergic", source = "§8.5 antihistamines (R06A)" },
  { "N01AB", "mh_trigger", source = "§8.6 volatile anesthetics N01AB [S81]" },
}

-- Words dropped from the end of a name as written before it is looked up
-- again, so "Haldol Decanoate", "lithium carbonate" and "Seroquel XR" find
-- their entries. Salt, ester and dosage-form words only: matching aids,
-- not clinical facts. Numbers and strength units ("5 mg") are dropped too.
local qualifiers = {
  "decanoate", "enanthate", "palmitate", "pamoate", "lactate", "hydrochloride",
  "hcl", "hydrobromide", "fumarate", "maleate", "mesylate", "mesilate",
  "tartrate", "citrate", "sulfate", "sulphate", "succinate", "carbonate",
  "sodium", "xr", "er", "sr", "cr", "la", "odt", "depot", "tablet", "tablets",
  "injection", "solution", "oral", "mg", "mcg", "g", "ml",
}

local drugs = {}
for _, list in ipairs({ dopamine, other }) do
  for _, d in ipairs(list) do drugs[#drugs + 1] = d end
end

return {
  classes = classes,
  atc_groups = atc_groups,
  qualifiers = qualifiers,
  drugs = drugs,
}
