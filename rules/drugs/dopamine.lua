-- drugs/dopamine.lua - dopamine antagonists and dopaminergic drugs
-- (clinical-reference §8.1-8.3). Loaded by drugs.lua, which explains the
-- source tags and the class ids.
--
-- One row per drug: { generic name, ATC code (nil when the reference gives
-- none), class or {classes}, gen = "first"|"second" (FGA/SGA as the
-- reference words it), potency = "high"|"low", brands = {...} (only where
-- a source shows them), also = {other generic spellings}, atc_note = why
-- the code is doubtful, src = the source }. Leave a field out when the
-- reference does not give it: an empty cell in §8 is an empty field here.

return {
  -- §8.1 Antipsychotics (ATC N05A). Potency and generation as sourced [S48];
  -- ATC codes confirmed per §8 header [S80][S81][S82].
  { "haloperidol", "N05AD01", "antipsychotic", gen = "first", potency = "high",
    brands = { "Haldol" }, src = "§8.1 [S48][S80]; Haldol [B1]" },
  { "fluphenazine", "N05AB02", "antipsychotic", gen = "first", potency = "high",
    src = "§8.1 [S48]; depot decanoate [S83]" },
  { "droperidol", "N05AD08", { "antipsychotic", "antiemetic_da" }, brands = { "Inapsine" },
    atc_also = { "N01AX01" },
    src = "§8.1 butyrophenone, antiemetic/sedative (older code N01AX01 remapped); Inapsine [S82]" },
  { "chlorpromazine", "N05AA01", "antipsychotic", gen = "first", potency = "low",
    brands = { "Thorazine" }, src = "§8.1 [S48]; Thorazine [S84]" },
  { "thioridazine", "N05AC02", "antipsychotic", gen = "first", potency = "low", src = "§8.1 [S48]" },
  { "perphenazine", "N05AB03", "antipsychotic", gen = "first", src = "§8.1 (potency UNCONFIRMED)" },
  { "prochlorperazine", "N05AB04", { "antipsychotic", "antiemetic_da" }, brands = { "Compazine" },
    src = "§8.1 phenothiazine used as antiemetic [S48]; Compazine [S84]" },
  { "trifluoperazine", "N05AB06", "antipsychotic", gen = "first", src = "§8.1" },
  { "flupentixol", "N05AF01", "antipsychotic", gen = "first", potency = "high",
    src = "§8.1 high-potency FGA [S46]" },
  { "zuclopenthixol", "N05AF05", "antipsychotic", gen = "first", src = "§8.1" },
  { "pimozide", "N05AG02", "antipsychotic", gen = "first", src = "§8.1" },
  { "loxapine", "N05AH01", "antipsychotic", src = "§8.1" },
  { "clozapine", "N05AH02", "antipsychotic", gen = "second", src = "§8.1 [S48]" },
  { "olanzapine", "N05AH03", "antipsychotic", gen = "second", brands = { "Zyprexa" },
    src = "§8.1 [S48]; Zyprexa [B4], seed 000" },
  { "quetiapine", "N05AH04", "antipsychotic", gen = "second", brands = { "Seroquel" },
    src = "§8.1; Seroquel [B3]" },
  { "asenapine", "N05AH05", "antipsychotic", gen = "second", src = "§8.1" },
  { "sulpiride", "N05AL01", "antipsychotic", src = "§8.1 benzamide" },
  { "amisulpride", "N05AL05", "antipsychotic", src = "§8.1 benzamide" },
  { "levosulpiride", "N05AL07", { "antipsychotic", "antiemetic_da" },
    src = "§8.1 benzamide, antiemetic cause [S48]" },
  { "ziprasidone", "N05AE04", "antipsychotic", gen = "second", src = "§8.1" },
  { "lurasidone", "N05AE05", "antipsychotic", gen = "second", src = "§8.1" },
  { "risperidone", "N05AX08", "antipsychotic", gen = "second", brands = { "Risperdal" },
    src = "§8.1 [S48]; Risperdal [B2]" },
  { "aripiprazole", "N05AX12", "antipsychotic", gen = "second", src = "§8.1 [S48]" },
  { "paliperidone", "N05AX13", "antipsychotic", gen = "second", src = "§8.1" },
  { "iloperidone", "N05AX14", "antipsychotic", gen = "second", src = "§8.1" },
  { "cariprazine", "N05AX15", "antipsychotic", gen = "second", src = "§8.1" },
  { "brexpiprazole", "N05AX16", "antipsychotic", gen = "second", src = "§8.1" },
  { "pimavanserin", "N05AX17", "antipsychotic", gen = "second", src = "§8.1" },
  { "lumateperone", "N05AD10", "antipsychotic", src = "§8.1" },
  -- Lithium sits in ATC N05A but is not a D2 blocker: an NMS co-risk only.
  { "lithium", "N05AN01", "lithium", atc_note = "N05AN01 seen only in code comments (UNCONFIRMED)",
    src = "§8.1 last row; §6 [S46]" },

  -- §8.2 Other dopamine antagonists and depleters (outside N05A).
  { "metoclopramide", "A03FA01", "antiemetic_da", brands = { "Reglan" },
    src = "§8.2 [S85]; Reglan [S82]" },
  { "promethazine", "R06AD02", { "antiemetic_da", "anticholinergic" }, brands = { "Phenergan" },
    src = "§8.2 phenothiazine antihistamine antiemetic [S48]; antihistamines (R06A) "
      .. "anticholinergic §8.5; Phenergan [S82]" },
  { "domperidone", "A03FA03", "antiemetic_da", atc_note = "A03FA03 UNCONFIRMED in the reference",
    src = "§8.2 antiemetic cause [S48]" },
  { "tetrabenazine", "N07XX06", "da_depleter", src = "§8.2 dopamine depleter [S18]" },
  { "amoxapine", "N06AA17", { "da_antagonist", "anticholinergic" },
    src = "§8.2 TCA with D2 blockade [S50]; TCAs N06AA anticholinergic §8.5" },

  -- §8.3 Dopaminergic drugs whose withdrawal causes NMS-like PHS (N04B) [S81].
  { "levodopa", "N04BA01", "dopaminergic", src = "§8.3 [S81]" },
  { "levodopa/carbidopa", "N04BA02", "dopaminergic", also = { "carbidopa/levodopa" },
    brands = { "Sinemet" }, src = "§8.3 levodopa + decarboxylase inhibitor [S81]; Sinemet [S86]" },
  { "amantadine", "N04BB01", "dopaminergic", brands = { "Symmetrel", "Gocovri" },
    src = "§8.3 [S81]; Symmetrel, Gocovri [S86]" },
  { "bromocriptine", "N04BC01", "dopaminergic", src = "§8.3 [S81]" },
  { "pergolide", "N04BC02", "dopaminergic", src = "§8.3 [S81]" },
  { "ropinirole", "N04BC04", "dopaminergic", src = "§8.3 [S81]" },
  { "pramipexole", "N04BC05", "dopaminergic", src = "§8.3 [S81]" },
  { "cabergoline", "N04BC06", "dopaminergic", src = "§8.3 [S81]" },
  { "apomorphine", "N04BC07", "dopaminergic", src = "§8.3 [S81]" },
  { "rotigotine", "N04BC09", "dopaminergic", src = "§8.3 [S81]" },
  { "selegiline", "N04BD01", "dopaminergic", src = "§8.3 MAO-B inhibitor [S81]" },
  { "rasagiline", "N04BD02", "dopaminergic", src = "§8.3 MAO-B inhibitor [S81]" },
  { "safinamide", "N04BD03", "dopaminergic", src = "§8.3 MAO-B inhibitor [S81]" },
  { "tolcapone", "N04BX01", "dopaminergic", src = "§8.3 COMT inhibitor [S81]" },
  { "entacapone", "N04BX02", "dopaminergic", src = "§8.3 COMT inhibitor [S81]" },
  { "opicapone", "N04BX04", "dopaminergic", src = "§8.3 COMT inhibitor [S81]" },
}
