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
    brands = { "Haldol", "Serenace" },
    src = "§8.1 [S48][S80]; Haldol [B1][B16]; Serenace [B23]; decanoate depot [B5][B6]" },
  { "fluphenazine", "N05AB02", "antipsychotic", gen = "first", potency = "high",
    brands = { "Prolixin", "Modecate", "Dapotum" },
    src = "§8.1 [S48]; depot decanoate [S83][B5][B7]; Prolixin, Modecate (fluphenazine decanoate) [B12][B16]; "
      .. "Dapotum [B18]" },
  { "droperidol", "N05AD08", { "antipsychotic", "antiemetic_da" }, brands = { "Inapsine" },
    atc_also = { "N01AX01" },
    src = "§8.1 butyrophenone, antiemetic/sedative (older code N01AX01 remapped); Inapsine [S82]" },
  { "chlorpromazine", "N05AA01", { "antipsychotic", "anticholinergic" }, gen = "first", potency = "low",
    brands = { "Thorazine", "Largactil" },
    src = "§8.1 [S48]; Thorazine [S84]; Largactil [B12]; high central anticholinergic burden [B10]" },
  { "levomepromazine", "N05AA02", "antipsychotic", gen = "first", also = { "methotrimeprazine" },
    brands = { "Nozinan" }, src = "N05AA phenothiazine [ATC]; Nozinan, methotrimeprazine [B12]" },
  { "thioridazine", "N05AC02", "antipsychotic", gen = "first", potency = "low", brands = { "Mellaril" },
    src = "§8.1 [S48]; Mellaril [B16]" },
  { "perphenazine", "N05AB03", "antipsychotic", gen = "first", brands = { "Trilafon", "Fentazin", "Decentan" },
    src = "§8.1 (potency UNCONFIRMED); Trilafon [B16]; Fentazin [B17]; Decentan [B18]" },
  { "prochlorperazine", "N05AB04", { "antipsychotic", "antiemetic_da" },
    brands = { "Compazine", "Stemetil", "Buccastem" },
    src = "§8.1 phenothiazine used as antiemetic [S48]; Compazine [S84]; Stemetil [B16][B23]; Buccastem "
      .. "(buccal prochlorperazine) [B23]" },
  { "trifluoperazine", "N05AB06", "antipsychotic", gen = "first", brands = { "Stelazine" },
    src = "§8.1; Stelazine [B16][B17]" },
  { "flupentixol", "N05AF01", "antipsychotic", gen = "first", potency = "high", also = { "flupenthixol" },
    brands = { "Fluanxol", "Depixol" },
    src = "§8.1 high-potency FGA [S46]; British spelling flupenthixol, Fluanxol [B18][B23]; Depixol [B17]" },
  { "zuclopenthixol", "N05AF05", "antipsychotic", gen = "first", brands = { "Clopixol", "Ciatyl", "Cisordinol" },
    src = "§8.1; Clopixol (tablets, Depot = decanoate, Acuphase = acetate) [B12][B17]; Ciatyl [B18]; "
      .. "Cisordinol (Nordic: tablets, Depot, Acutard) [B35]" },
  { "tiotixene", "N05AF04", "antipsychotic", gen = "first", also = { "thiothixene" }, brands = { "Navane" },
    src = "N05AF thioxanthene [ATC]; US spelling thiothixene (issue 9 item 7); Navane [B16]" },
  { "pimozide", "N05AG02", "antipsychotic", gen = "first", brands = { "Orap" }, src = "§8.1; Orap [B16][B17]" },
  { "loxapine", "N05AH01", "antipsychotic", brands = { "Adasuve" }, src = "§8.1; Adasuve (inhaled) [B16]" },
  -- Other antipsychotics of ATC N05A that §8.1 does not list by name (the
  -- group heading covers them; rows let a name without a code be known).
  { "benperidol", "N05AD07", "antipsychotic", src = "§8.1 heading N05A; N05AD07 [ATC]" },
  { "melperone", "N05AD03", "antipsychotic", src = "§8.1 heading N05A; N05AD03 [ATC]" },
  { "promazine", "N05AA03", "antipsychotic", src = "§8.1 heading N05A; N05AA03 [ATC]" },
  { "periciazine", "N05AC01", "antipsychotic", also = { "pericyazine" },
    src = "§8.1 heading N05A; N05AC01 [ATC]; pericyazine (UK list [B17])" },
  { "pipotiazine", "N05AC04", "antipsychotic", src = "§8.1 heading N05A; N05AC04 [ATC]" },
  { "perazine", "N05AB10", "antipsychotic", brands = { "Taxilan" }, src = "§8.1 heading N05A; N05AB10 [ATC]; "
      .. "Taxilan [B18]" },
  { "chlorprothixene", "N05AF03", "antipsychotic", src = "§8.1 heading N05A; N05AF03 [ATC]" },
  { "penfluridol", "N05AG03", "antipsychotic", src = "§8.1 heading N05A; N05AG03 [ATC]" },
  { "sertindole", "N05AE03", "antipsychotic", src = "§8.1 heading N05A; N05AE03 [ATC]" },
  { "zotepine", "N05AX11", "antipsychotic", brands = { "Nipolept" }, src = "§8.1 heading N05A; N05AX11 [ATC]; "
      .. "Nipolept [B18]" },
  { "tiapride", "N05AL03", "antipsychotic", src = "§8.1 benzamides (N05AL); N05AL03 [ATC]" },
  { "molindone", "N05AE02", "antipsychotic", src = "N05AE indole derivative [ATC]" },
  -- More ATC N05A antipsychotics, by the WHO ATC index [ATC] (session 11: such
  -- names were unrecognised, leaving NMS exposure unknown). Class only: no
  -- generation or potency is sourced for them.
  { "acepromazine", "N05AA04", "antipsychotic", src = "§8.1 heading N05A; N05AA04 [ATC]" },
  { "triflupromazine", "N05AA05", "antipsychotic", src = "§8.1 heading N05A; N05AA05 [ATC]" },
  { "cyamemazine", "N05AA06", "antipsychotic", src = "§8.1 heading N05A; N05AA06 [ATC]" },
  { "chlorproethazine", "N05AA07", "antipsychotic", src = "§8.1 heading N05A; N05AA07 [ATC]" },
  { "dixyrazine", "N05AB01", "antipsychotic", src = "§8.1 heading N05A; N05AB01 [ATC]" },
  { "thiopropazate", "N05AB05", "antipsychotic", src = "§8.1 heading N05A; N05AB05 [ATC]" },
  { "acetophenazine", "N05AB07", "antipsychotic", src = "§8.1 heading N05A; N05AB07 [ATC]" },
  { "thioproperazine", "N05AB08", "antipsychotic", src = "§8.1 heading N05A; N05AB08 [ATC]" },
  { "butaperazine", "N05AB09", "antipsychotic", src = "§8.1 heading N05A; N05AB09 [ATC]" },
  { "mesoridazine", "N05AC03", "antipsychotic", src = "§8.1 heading N05A; N05AC03 [ATC]" },
  { "trifluperidol", "N05AD02", "antipsychotic", src = "§8.1 heading N05A; N05AD02 [ATC]" },
  { "moperone", "N05AD04", "antipsychotic", src = "§8.1 heading N05A; N05AD04 [ATC]" },
  { "pipamperone", "N05AD05", "antipsychotic", src = "§8.1 heading N05A; N05AD05 [ATC]" },
  { "bromperidol", "N05AD06", "antipsychotic", src = "§8.1 heading N05A; N05AD06 [ATC]" },
  { "fluanisone", "N05AD09", "antipsychotic", src = "§8.1 heading N05A; N05AD09 [ATC]" },
  { "oxypertine", "N05AE01", "antipsychotic", src = "§8.1 heading N05A; N05AE01 [ATC]" },
  { "clopenthixol", "N05AF02", "antipsychotic", src = "§8.1 heading N05A; N05AF02 [ATC]" },
  { "fluspirilene", "N05AG01", "antipsychotic", src = "§8.1 heading N05A; N05AG01 [ATC]" },
  { "clotiapine", "N05AH06", "antipsychotic", src = "§8.1 heading N05A; N05AH06 [ATC]" },
  { "sultopride", "N05AL02", "antipsychotic", src = "§8.1 heading N05A; N05AL02 [ATC]" },
  { "remoxipride", "N05AL04", "antipsychotic", src = "§8.1 heading N05A; N05AL04 [ATC]" },
  { "veralipride", "N05AL06", "antipsychotic", src = "§8.1 heading N05A; N05AL06 [ATC]" },
  { "prothipendyl", "N05AX07", "antipsychotic", src = "§8.1 heading N05A; N05AX07 [ATC]" },
  { "mosapramine", "N05AX10", "antipsychotic", src = "§8.1 heading N05A; N05AX10 [ATC]" },
  { "clozapine", "N05AH02", { "antipsychotic", "anticholinergic" }, gen = "second",
    brands = { "Clozaril", "Denzapine", "Zaponex", "FazaClo", "Leponex", "Versacloz" },
    src = "§8.1 [S48]; Clozaril [B12][B17]; Denzapine, Zaponex [B17]; FazaClo [B16]; Leponex [B18]; "
      .. "Versacloz (oral suspension) [B36]; high central anticholinergic burden [B10]" },
  { "olanzapine", "N05AH03", { "antipsychotic", "anticholinergic" }, gen = "second",
    brands = { "Zyprexa", "Zypadhera" },
    src = "§8.1 [S48]; Zyprexa [B4], seed 000; Zypadhera (olanzapine pamoate, EU) [B17][B23]; "
      .. "Zyprexa Relprevv = olanzapine pamoate [B7]; high central "
      .. "anticholinergic burden [B10]" },
  { "quetiapine", "N05AH04", { "antipsychotic", "anticholinergic" }, gen = "second", brands = { "Seroquel" },
    src = "§8.1; Seroquel [B3]; high central anticholinergic burden [B10]" },
  { "asenapine", "N05AH05", "antipsychotic", gen = "second", brands = { "Saphris", "Sycrest" },
    src = "§8.1; Saphris [B16]; Sycrest [B23]" },
  { "sulpiride", "N05AL01", "antipsychotic", brands = { "Dolmatil", "Sulpor" },
    src = "§8.1 benzamide; Dolmatil, Sulpor [B17]" },
  -- Barhemsys is amisulpride for injection, licensed as an antiemetic.
  { "amisulpride", "N05AL05", "antipsychotic", brands = { "Solian", "Barhemsys" },
    src = "§8.1 benzamide; Solian [B17][B18]; Barhemsys (IV, D2 antagonist antiemetic) [B23]" },
  { "levosulpiride", "N05AL07", { "antipsychotic", "antiemetic_da" },
    src = "§8.1 benzamide, antiemetic cause [S48]" },
  { "ziprasidone", "N05AE04", "antipsychotic", gen = "second", brands = { "Geodon", "Zeldox" },
    src = "§8.1; Geodon [B16]; Zeldox [B18]" },
  { "lurasidone", "N05AE05", "antipsychotic", gen = "second", brands = { "Latuda" },
    src = "§8.1; Latuda [B16][B17]" },
  { "risperidone", "N05AX08", "antipsychotic", gen = "second",
    brands = { "Risperdal", "Perseris", "Uzedy", "Rykindo", "Risvan", "Okedi" },
    src = "§8.1 [S48]; Risperdal [B2]; Risperdal Consta = long-acting microspheres [B7]; extended-release "
      .. "injectables (depots, drugs/depot.lua): Perseris, subcutaneous [B30]; Uzedy, subcutaneous [B31]; "
      .. "Rykindo, intramuscular [B32]; Risvan (US) / Okedi (EU), intramuscular [B33]" },
  { "aripiprazole", "N05AX12", "antipsychotic", gen = "second",
    brands = { "Abilify", "Aristada", "Arpoya", "Asimtufii" },
    src = "§8.1 [S48]; Abilify, Abilify Maintena (monohydrate), Aristada (lauroxil) [B12][B6][B16]; Arpoya "
      .. "[B17]; Abilify Asimtufii (2-monthly extended-release injectable) [B29]; Abilify Maintena 720 mg "
      .. "and 960 mg (EU, 2-monthly) [B49]" },
  { "paliperidone", "N05AX13", "antipsychotic", gen = "second",
    brands = { "Invega", "Xeplion", "Trevicta", "Hafyera", "Byannli", "Erzofri" },
    src = "§8.1; Invega, Invega Sustenna / Trinza (palmitate) [B7][B16]; Xeplion (EU once-monthly "
      .. "palmitate) [B17][B23]; Trevicta (EU 3-monthly) [B23]; Invega Hafyera / Byannli (EU) (6-monthly "
      .. "palmitate) [B28]; Erzofri (monthly palmitate) [B34]" },
  { "iloperidone", "N05AX14", "antipsychotic", gen = "second", brands = { "Fanapt" },
    src = "§8.1; Fanapt [B16]" },
  { "cariprazine", "N05AX15", "antipsychotic", gen = "second", brands = { "Vraylar", "Reagila" },
    src = "§8.1; Vraylar [B16]; Reagila [B23]" },
  { "brexpiprazole", "N05AX16", "antipsychotic", gen = "second", brands = { "Rexulti" },
    src = "§8.1; Rexulti [B16]" },
  -- Pimavanserin is filed under N05AX but has no appreciable dopamine (D2)
  -- affinity (Ki > 300 nM): not a dopamine antagonist, so not NMS exposure.
  { "pimavanserin", "N05AX17", "antipsychotic_non_d2", brands = { "Nuplazid" },
    src = "§8.1 (ATC); 'the first ... drug with antipsychotic actions that does not block dopamine D2 "
      .. "receptors' (Stahl, CNS Spectrums 2016 [B13]); 'no significant binding to dopamine ... "
      .. "receptors' (Howland, J Psychosoc Nurs 2016, PMID 27245248 [B13])" },
  { "lumateperone", "N05AD10", "antipsychotic", brands = { "Caplyta" }, src = "§8.1; Caplyta [B16]" },
  -- Combination products that hold an antipsychotic (session 16). A brand
  -- names one row, so each product is a row of its own, with every class
  -- of its parts (as a combination written part by part gets them,
  -- lib/drugs.lua) and the generation of its antipsychotic; the generic
  -- name is the parts, and the same parts written out ("olanzapine +
  -- fluoxetine") read as this row. No ATC code: the index's codes for them
  -- (N06CA01 "amitriptyline and psycholeptics", N06CA03 "fluoxetine and
  -- psycholeptics") cover the antidepressant with any psycholeptic (N05:
  -- a benzodiazepine as well as an antipsychotic), so a code alone must
  -- not read as an antipsychotic.
  { "olanzapine/fluoxetine", nil, { "antipsychotic", "anticholinergic", "serotonergic" }, gen = "second",
    also = { "fluoxetine/olanzapine" }, brands = { "Symbyax" },
    src = "Symbyax: olanzapine, an atypical antipsychotic, and fluoxetine, an SSRI [B37]; olanzapine §8.1 "
      .. "SGA [S48], high central anticholinergic burden [B10]; fluoxetine §8.4 [S81][S82]; N06CA03 "
      .. "'fluoxetine and psycholeptics' [ATC] (it covers other combinations: not given)" },
  { "olanzapine/samidorphan", nil, { "antipsychotic", "anticholinergic" }, gen = "second",
    brands = { "Lybalvi" },
    src = "Lybalvi: olanzapine, an atypical antipsychotic, and samidorphan, an opioid antagonist [B38]; "
      .. "olanzapine §8.1 SGA [S48], high central anticholinergic burden [B10]; an opioid antagonist is in "
      .. "no class the criteria ask about (§8, [B10]; as naltrexone, drugs/common.lua)" },
  { "perphenazine/amitriptyline", nil, { "antipsychotic", "anticholinergic", "serotonergic" },
    gen = "first", also = { "amitriptyline/perphenazine" }, brands = { "Triavil", "Etrafon" },
    src = "amitriptyline and perphenazine: Etrafon, Triavil, both drugs [B39]; perphenazine §8.1 FGA "
      .. "(potency UNCONFIRMED); amitriptyline §8.5 TCA, [B9][B10]; N06CA01 'amitriptyline and "
      .. "psycholeptics' [ATC] (it covers other combinations: not given)" },
  -- Lithium sits in ATC N05A but is not a D2 blocker: an NMS co-risk only.
  { "lithium", "N05AN01", "lithium",
    brands = { "Eskalith", "Lithobid", "Priadel", "Camcolit", "Liskonum", "Li-Liquid" },
    src = "§8.1 last row; §6 [S46]; N05AN01 [ATC]; Eskalith, Lithobid [B12][B24]; Priadel, Camcolit, "
      .. "Liskonum, Li-Liquid [B24]" },

  -- §8.2 Other dopamine antagonists and depleters (outside N05A).
  { "metoclopramide", "A03FA01", "antiemetic_da", brands = { "Reglan", "Maxolon" },
    src = "§8.2 [S85]; Reglan [S82]; Maxolon [B23]" },
  { "promethazine", "R06AD02", { "antiemetic_da", "anticholinergic" }, brands = { "Phenergan" },
    src = "§8.2 phenothiazine antihistamine antiemetic [S48]; antihistamines (R06A) "
      .. "anticholinergic §8.5, high central burden [B10]; Phenergan [S82]" },
  -- Domperidone blocks D2 receptors but does not readily cross the
  -- blood-brain barrier; the reference lists it among antiemetic causes
  -- [S48]. Decision: a class of its own, left out of the default
  -- exposure.antagonist_classes (add "da_peripheral" to count it).
  { "domperidone", "A03FA03", "da_peripheral", brands = { "Motilium" },
    src = "§8.2 antiemetic cause [S48]; 'does not readily enter the central nervous system', 'does not "
      .. "aggravate the extrapyramidal side effects of neuroleptic drugs' (Brogden et al., Drugs "
      .. "1982;24:360-400, PMID 6756878 [B11]); minimal BBB penetration (Reddymasu et al., Am J "
      .. "Gastroenterol 2007;102:2036-45 [B11]); A03FA03 [ATC]; Motilium [B11]" },
  { "tetrabenazine", "N07XX06", "da_depleter", brands = { "Xenazine" },
    src = "§8.2 dopamine depleter [S18]; VMAT2 inhibitor [B14]; Xenazine [B23]" },
  { "deutetrabenazine", nil, "da_depleter", brands = { "Austedo" },
    src = "VMAT2 inhibitor, NMS reported with the class, NMS label warning (Caroff, Clin Psychopharmacol "
      .. "Neurosci 2020;18:322-6 [B14]; warnings table [B14]); ATC not in the index read" },
  { "valbenazine", nil, "da_depleter", brands = { "Ingrezza" },
    src = "VMAT2 inhibitor reviewed for NMS risk (Caroff 2020 [B14]); ATC not in the index read" },
  { "reserpine", "C02AA02", "da_depleter",
    src = "VMAT inhibitor (monoamine depleter) reviewed for NMS risk with tetrabenazine (Caroff 2020 [B14]); "
      .. "C02AA02 [ATC]" },
  { "amoxapine", "N06AA17", { "da_antagonist", "anticholinergic", "serotonergic" }, brands = { "Asendin" },
    src = "§8.2 TCA with D2 blockade [S50]; Asendin [B20]; TCAs N06AA anticholinergic §8.5 [B10]; "
      .. "TCAs serotonergic [B9]" },

  -- §8.3 Dopaminergic drugs whose withdrawal causes NMS-like PHS (N04B) [S81].
  { "levodopa", "N04BA01", "dopaminergic", also = { "L-dopa" }, src = "§8.3 [S81]" },
  -- Levodopa with a decarboxylase inhibitor (N04BA02): the combinations are
  -- recognised part by part (carbidopa and benserazide below), and by name.
  { "levodopa/carbidopa", "N04BA02", "dopaminergic", also = { "carbidopa/levodopa", "co-careldopa" },
    brands = { "Sinemet", "Parcopa", "Rytary", "Duopa", "Duodopa" },
    src = "§8.3 levodopa + decarboxylase inhibitor [S81]; Sinemet [S86][B19]; co-careldopa [B10]; Parcopa, "
      .. "Rytary, Duopa [B19]; Duodopa [B19]" },
  { "levodopa/benserazide", nil, "dopaminergic", also = { "co-beneldopa" }, brands = { "Madopar" },
    src = "§8.3 levodopa + decarboxylase inhibitor (N04BA02) [S81]; co-beneldopa [B10]; Madopar [B12]" },
  { "levodopa/carbidopa/entacapone", "N04BA03", "dopaminergic", brands = { "Stalevo", "Stanek" },
    src = "§8.3 [S81]; N04BA03 'levodopa, decarboxylase inhibitor and COMT inhibitor' [ATC]; "
      .. "Stalevo [B12][B19]; Stanek [B19]" },
  { "carbidopa", nil, "dopaminergic",
    src = "decarboxylase inhibitor given with levodopa, N04BA02 [ATC]; counted with levodopa (§8.3)" },
  { "benserazide", nil, "dopaminergic",
    src = "decarboxylase inhibitor given with levodopa, N04BA02 [ATC]; counted with levodopa (§8.3)" },
  { "amantadine", "N04BB01", { "dopaminergic", "anticholinergic" }, brands = { "Symmetrel", "Gocovri" },
    src = "§8.3 [S81]; Symmetrel, Gocovri [S86][B19]; high central anticholinergic burden [B10]" },
  { "bromocriptine", "N04BC01", "dopaminergic", brands = { "Parlodel" }, src = "§8.3 [S81]; Parlodel [B12]" },
  { "pergolide", "N04BC02", "dopaminergic", src = "§8.3 [S81]" },
  { "ropinirole", "N04BC04", "dopaminergic", brands = { "Requip" }, src = "§8.3 [S81]; Requip [B12][B19]" },
  { "pramipexole", "N04BC05", "dopaminergic", brands = { "Mirapex", "Mirapexin", "Sifrol" },
    src = "§8.3 [S81]; Mirapex [B12][B19]; Mirapexin, Sifrol [B19]" },
  { "cabergoline", "N04BC06", "dopaminergic", brands = { "Cabaser" }, src = "§8.3 [S81]; Cabaser [B19]" },
  { "apomorphine", "N04BC07", "dopaminergic", brands = { "Apokyn", "APO-go", "Dacepton" },
    src = "§8.3 [S81]; Apokyn, APO-go, Dacepton [B19]" },
  { "piribedil", "N04BC08", "dopaminergic", src = "dopamine agonist N04BC (§8.3 heading [S81]); N04BC08 [ATC]" },
  { "rotigotine", "N04BC09", "dopaminergic", brands = { "Neupro" }, src = "§8.3 [S81]; Neupro [B12][B19]" },
  -- Emsam is transdermal selegiline licensed for depression [B20]; it is
  -- known here as selegiline only (the reference lists no serotonergic
  -- class for it).
  { "selegiline", "N04BD01", "dopaminergic", brands = { "Eldepryl", "Zelapar", "Emsam" },
    src = "§8.3 MAO-B inhibitor [S81]; Eldepryl, Zelapar [B19]; Emsam [B20]" },
  { "rasagiline", "N04BD02", "dopaminergic", brands = { "Azilect" },
    src = "§8.3 MAO-B inhibitor [S81]; Azilect [B19]" },
  { "safinamide", "N04BD03", "dopaminergic", brands = { "Xadago" },
    src = "§8.3 MAO-B inhibitor [S81]; Xadago [B19]" },
  { "tolcapone", "N04BX01", "dopaminergic", brands = { "Tasmar" },
    src = "§8.3 COMT inhibitor [S81]; Tasmar [B19]" },
  { "entacapone", "N04BX02", "dopaminergic", brands = { "Comtan" },
    src = "§8.3 COMT inhibitor [S81]; Comtan [B19]" },
  { "opicapone", "N04BX04", "dopaminergic", brands = { "Ongentys" },
    src = "§8.3 COMT inhibitor [S81]; Ongentys [B23]" },
}
