-- drugs/common.lua - common co-medications that belong to none of the
-- classes the criteria ask about (class "other"), so that an antibiotic or
-- paracetamol on a medication list is known, not "a drug the ruleset has
-- never heard of" (issue 9 item 7). Same row format as drugs/dopamine.lua.
--
-- "other" is a statement about the ruleset's classes only: the drug is not
-- in any list of clinical-reference §8 (dopamine antagonists, dopaminergic,
-- serotonergic, anticholinergic, MH trigger) nor in the serotonin lists
-- [B8][B9] or the anticholinergic-burden table [B10] read for this
-- ruleset. Every code is from the WHO ATC index [ATC]; drugs.lua also maps
-- whole ATC groups of such drugs (antibacterials, beta blockers, ...) to
-- "other" for a drug known only by its code. Drugs of these groups that
-- the serotonin lists name (linezolid, tedizolid) have their own rows in
-- drugs/other.lua, and an exact row always wins over a group.

-- extra: optional fields (also, brands, atc_also); extra.cite names the
-- source of the brands and spellings and is appended to src.
local function row(name, atc, group, extra)
  local r = { name, atc, "other", src = group .. "; " .. atc .. " [ATC]" }
  for k, v in pairs(extra or {}) do r[k] = v end
  if r.cite then r.src, r.cite = r.src .. "; " .. r.cite, nil end
  return r
end

local ANTIBACTERIAL = "J01 antibacterials for systemic use"
local ANAESTHETIC = "N01 anaesthetics (not a volatile agent or succinylcholine: not an MH trigger, §8.6)"
local ANALGESIC = "N02B other analgesics and antipyretics"
local NSAID = "M01A anti-inflammatory and antirheumatic products, non-steroids"
local CARDIO = "C cardiovascular system (C01, C03, C07, C08, C09, C10)"
local BLOOD = "B01 antithrombotic agents"
local GI = "A02 drugs for acid related disorders / A06 drugs for constipation"
local DIABETES = "A10 drugs used in diabetes"
local RESP = "R03 drugs for obstructive airway diseases"
local URO = "G04C drugs used in benign prostatic hypertrophy"

return {
  row("ceftriaxone", "J01DD04", ANTIBACTERIAL, { brands = { "Rocephin" }, cite = "Rocephin [B23]" }),
  row("cefazolin", "J01DB04", ANTIBACTERIAL),
  row("cefuroxime", "J01DC02", ANTIBACTERIAL),
  row("ceftazidime", "J01DD02", ANTIBACTERIAL),
  row("cefepime", "J01DE01", ANTIBACTERIAL, { brands = { "Maxipime" }, cite = "Maxipime [B23]" }),
  row("amoxicillin", "J01CA04", ANTIBACTERIAL, { also = { "amoxycillin" }, brands = { "Amoxil" },
    cite = "Amoxil [B22]" }),
  row("amoxicillin/clavulanic acid", "J01CR02", ANTIBACTERIAL,
    { also = { "co-amoxiclav", "amoxicillin/clavulanate" }, brands = { "Augmentin" }, cite = "Augmentin [B22]" }),
  row("ampicillin", "J01CA01", ANTIBACTERIAL),
  row("benzylpenicillin", "J01CE01", ANTIBACTERIAL, { also = { "penicillin g" } }),
  row("flucloxacillin", "J01CF05", ANTIBACTERIAL),
  row("piperacillin/tazobactam", "J01CR05", ANTIBACTERIAL, { also = { "piperacillin", "pip/tazo" },
    brands = { "Zosyn", "Tazocin" }, cite = "Zosyn, Tazocin [B22]; Pip/Tazo [B23]" }),
  row("vancomycin", "J01XA01", ANTIBACTERIAL, { also = { "vanco", "vanc" }, brands = { "Vancocin" },
    cite = "Vancocin, vanco, vanc [B23]" }),
  row("meropenem", "J01DH02", ANTIBACTERIAL),
  row("gentamicin", "J01GB03", ANTIBACTERIAL),
  row("azithromycin", "J01FA10", ANTIBACTERIAL, { brands = { "Zithromax" }, cite = "Zithromax [B22]" }),
  row("clarithromycin", "J01FA09", ANTIBACTERIAL, { brands = { "Biaxin" }, cite = "Biaxin [B22]" }),
  row("erythromycin", "J01FA01", ANTIBACTERIAL),
  row("doxycycline", "J01AA02", ANTIBACTERIAL, { brands = { "Vibramycin" }, cite = "Vibramycin [B22]" }),
  row("ciprofloxacin", "J01MA02", ANTIBACTERIAL, { brands = { "Cipro" }, cite = "Cipro [B22]" }),
  row("levofloxacin", "J01MA12", ANTIBACTERIAL, { brands = { "Levaquin" }, cite = "Levaquin [B22]" }),
  row("metronidazole", "J01XD01", ANTIBACTERIAL, { brands = { "Flagyl" }, cite = "Flagyl [B22]" }),
  row("sulfamethoxazole/trimethoprim", "J01EE01", ANTIBACTERIAL,
    { also = { "co-trimoxazole", "trimethoprim/sulfamethoxazole" }, brands = { "Bactrim", "Septra" },
    cite = "Bactrim, Septra [B22]" }),
  row("clindamycin", "J01FF01", ANTIBACTERIAL),
  row("nitrofurantoin", "J01XE01", ANTIBACTERIAL),
  row("cefalexin", "J01DB01", ANTIBACTERIAL, { also = { "cephalexin" }, brands = { "Keflex" },
    cite = "Keflex [B22]" }),
  row("ampicillin/sulbactam", "J01CR01", ANTIBACTERIAL, { brands = { "Unasyn" },
    cite = "J01CR01 'ampicillin and enzyme inhibitor'; Unasyn (ampicillin-sulbactam), "
      .. "https://www.vhtc.org/2026/01/amoxicillin-vs-augmentin-vs-unasyn-vs-zosyn.html" }),
  row("ertapenem", "J01DH03", ANTIBACTERIAL),
  row("daptomycin", "J01XX09", ANTIBACTERIAL),
  row("teicoplanin", "J01XA02", ANTIBACTERIAL, { brands = { "Targocid" }, cite = "Targocid [B23]" }),
  row("aciclovir", "J05AB01", "J05 antivirals for systemic use", { also = { "acyclovir" } }),
  row("oseltamivir", "J05AH02", "J05 antivirals for systemic use"),
  row("fluconazole", "J02AC01", "J02 antimycotics for systemic use", { brands = { "Diflucan" },
    cite = "Diflucan [B26]" }),

  row("ketamine", "N01AX03", ANAESTHETIC, { brands = { "Ketalar" }, cite = "Ketalar [B22]" }),
  row("etomidate", "N01AX07", ANAESTHETIC, { brands = { "Amidate" }, cite = "Amidate [B22]" }),
  row("thiopental", "N01AF03", ANAESTHETIC, { brands = { "Pentothal" }, cite = "Pentothal [B22]" }),
  row("dexmedetomidine", "N05CM18", "N05CM other hypnotics and sedatives"),
  row("lidocaine", "N01BB02", "N01B local anaesthetics", { also = { "lignocaine" } }),
  row("bupivacaine", "N01BB01", "N01B local anaesthetics"),
  row("ropivacaine", "N01BB09", "N01B local anaesthetics"),
  row("neostigmine", "N07AA01", "N07AA anticholinesterases"),
  row("sugammadex", "V03AB35", "V03AB antidotes"),
  row("naloxone", "V03AB15", "V03AB antidotes"),
  row("flumazenil", "V03AB25", "V03AB antidotes"),

  row("paracetamol", "N02BE01", ANALGESIC, { also = { "acetaminophen", "APAP" },
    brands = { "Tylenol", "Panadol", "Calpol" }, cite = "APAP, Tylenol, Panadol, Calpol [B22]" }),
  row("acetylsalicylic acid", "N02BA01", ANALGESIC, { also = { "aspirin" }, atc_also = { "B01AC06" } }),
  row("ibuprofen", "M01AE01", NSAID, { brands = { "Advil", "Motrin", "Brufen" },
    cite = "Advil, Motrin, Brufen [B22]" }),
  row("naproxen", "M01AE02", NSAID, { brands = { "Aleve", "Naprosyn", "Anaprox" },
    cite = "Aleve, Naprosyn, Anaprox [B22]" }),
  row("diclofenac", "M01AB05", NSAID, { brands = { "Voltaren" }, cite = "Voltaren [B22]" }),
  row("ketorolac", "M01AB15", NSAID, { brands = { "Toradol" }, cite = "Toradol [B23]" }),
  row("celecoxib", "M01AH01", NSAID, { brands = { "Celebrex" }, cite = "Celebrex [B22]" }),

  row("metoprolol", "C07AB02", CARDIO, { brands = { "Lopressor", "Toprol" }, cite = "Lopressor, Toprol [B22]" }),
  row("bisoprolol", "C07AB07", CARDIO, { brands = { "Zebeta" }, cite = "Zebeta [B22]" }),
  row("atenolol", "C07AB03", CARDIO, { brands = { "Tenormin" }, cite = "Tenormin [B22]" }),
  row("propranolol", "C07AA05", CARDIO, { brands = { "Inderal" }, cite = "Inderal [B22]" }),
  row("carvedilol", "C07AG02", CARDIO, { brands = { "Coreg" }, cite = "Coreg [B22]" }),
  row("amlodipine", "C08CA01", CARDIO, { brands = { "Norvasc" }, cite = "Norvasc [B22]" }),
  row("nifedipine", "C08CA05", CARDIO, { brands = { "Adalat" }, cite = "Adalat [B22]" }),
  row("diltiazem", "C08DB01", CARDIO, { brands = { "Cardizem" }, cite = "Cardizem [B22]" }),
  row("verapamil", "C08DA01", CARDIO, { brands = { "Calan" }, cite = "Calan [B22]" }),
  row("lisinopril", "C09AA03", CARDIO, { brands = { "Zestril", "Prinivil" }, cite = "Zestril, Prinivil [B22]" }),
  row("ramipril", "C09AA05", CARDIO),
  row("enalapril", "C09AA02", CARDIO, { brands = { "Vasotec" }, cite = "Vasotec [B22]" }),
  row("losartan", "C09CA01", CARDIO, { brands = { "Cozaar" }, cite = "Cozaar [B22]" }),
  row("valsartan", "C09CA03", CARDIO, { brands = { "Diovan" }, cite = "Diovan [B26]" }),
  row("furosemide", "C03CA01", CARDIO, { also = { "frusemide" }, brands = { "Lasix" }, cite = "Lasix [B22]" }),
  row("bumetanide", "C03CA02", CARDIO, { brands = { "Bumex" }, cite = "Bumex [B22]" }),
  row("torasemide", "C03CA04", CARDIO, { also = { "torsemide" }, brands = { "Demadex" },
    cite = "torsemide, Demadex [B22]" }),
  row("labetalol", "C07AG01", CARDIO, { brands = { "Normodyne" },
    cite = "Normodyne, https://pdfcoke.com/documents/name-that-medicine-48ojpg6j21o1" }),
  row("hydrochlorothiazide", "C03AA03", CARDIO, { brands = { "Microzide" }, cite = "Microzide [B22]" }),
  row("spironolactone", "C03DA01", CARDIO, { brands = { "Aldactone" }, cite = "Aldactone [B22]" }),
  row("atorvastatin", "C10AA05", CARDIO, { brands = { "Lipitor" }, cite = "Lipitor [B23]" }),
  row("simvastatin", "C10AA01", CARDIO, { brands = { "Zocor" }, cite = "Zocor [B23]" }),
  row("rosuvastatin", "C10AA07", CARDIO, { brands = { "Crestor" }, cite = "Crestor [B26]" }),
  row("digoxin", "C01AA05", CARDIO),
  row("amiodarone", "C01BD01", CARDIO),
  row("glyceryl trinitrate", "C01DA02", CARDIO, { also = { "nitroglycerin" } }),
  row("hydralazine", "C02DB02", "C02DB hydrazinophthalazine derivatives"),
  row("clonidine", "C02AC01", "C02AC imidazoline receptor agonists", { brands = { "Catapres" },
    cite = "Catapres [B22]" }),

  row("heparin", "B01AB01", BLOOD),
  row("enoxaparin", "B01AB05", BLOOD, { brands = { "Lovenox", "Clexane" }, cite = "Lovenox [B22]; Clexane [B23]" }),
  row("warfarin", "B01AA03", BLOOD, { brands = { "Coumadin", "Jantoven" }, cite = "Coumadin, Jantoven [B22]" }),
  row("apixaban", "B01AF02", BLOOD, { brands = { "Eliquis" }, cite = "Eliquis [B22]" }),
  row("rivaroxaban", "B01AF01", BLOOD, { brands = { "Xarelto" }, cite = "Xarelto [B22]" }),
  row("dalteparin", "B01AB04", BLOOD, { brands = { "Fragmin" }, cite = "Fragmin [B22]" }),
  row("tinzaparin", "B01AB10", BLOOD, { brands = { "Innohep" }, cite = "Innohep [B22]" }),
  row("dabigatran", "B01AE07", BLOOD, { brands = { "Pradaxa" },
    cite = "Pradaxa [B22]; B01AE07 dabigatran etexilate" }),
  row("fondaparinux", "B01AX05", BLOOD, { brands = { "Arixtra" }, cite = "Arixtra [B22]" }),
  row("ticagrelor", "B01AC24", BLOOD, { brands = { "Brilinta" }, cite = "Brilinta [B22]" }),
  row("clopidogrel", "B01AC04", BLOOD, { brands = { "Plavix" }, cite = "Plavix [B22]" }),

  row("omeprazole", "A02BC01", GI, { brands = { "Prilosec" }, cite = "Prilosec [B22]" }),
  row("pantoprazole", "A02BC02", GI, { brands = { "Protonix" }, cite = "Protonix [B22]" }),
  row("esomeprazole", "A02BC05", GI, { brands = { "Nexium" }, cite = "Nexium [B22]" }),
  row("lansoprazole", "A02BC03", GI, { brands = { "Prevacid" }, cite = "Prevacid [B22]" }),
  row("famotidine", "A02BA03", GI, { brands = { "Pepcid" }, cite = "Pepcid [B22]" }),
  row("rabeprazole", "A02BC04", GI, { brands = { "Aciphex" }, cite = "Aciphex [B22]" }),
  row("ranitidine", "A02BA02", GI, { brands = { "Zantac" }, cite = "Zantac [B22]" }),
  row("docusate", "A06AA02", GI, { brands = { "Colace" }, cite = "Colace [B26]" }),
  row("senna", "A06AB06", GI, { also = { "sennosides" }, brands = { "Senokot" }, cite = "Senokot [B26]" }),
  row("lactulose", "A06AD11", GI),
  row("macrogol", "A06AD15", GI, { also = { "polyethylene glycol" }, brands = { "MiraLAX" },
    cite = "MiraLAX (polyethylene glycol) [B26]" }),
  row("bisacodyl", "A06AB02", GI, { brands = { "Dulcolax" }, cite = "Dulcolax [B23]" }),

  row("insulin", "A10AB01", "A10 drugs used in diabetes",
    { brands = { "Humulin", "Novolin", "Actrapid", "Insulatard" },
    cite = "Humulin, Novolin, Actrapid, Insulatard [B22]" }),
  -- Insulin analogues by name: "insulin glargine" is glargine, not only "insulin".
  row("insulin glargine", "A10AE04", "A10 drugs used in diabetes",
    { brands = { "Lantus", "Basaglar", "Toujeo" }, cite = "Lantus, Basaglar, Toujeo [B22]" }),
  row("insulin lispro", "A10AB04", "A10 drugs used in diabetes", { brands = { "Humalog" },
    cite = "Humalog [B22]" }),
  row("insulin aspart", "A10AB05", "A10 drugs used in diabetes",
    { brands = { "NovoLog", "NovoRapid", "Novo Rapid", "Fiasp" }, cite = "NovoLog, Novo Rapid, Fiasp [B22]" }),
  row("insulin detemir", "A10AE05", "A10 drugs used in diabetes", { brands = { "Levemir" },
    cite = "Levemir [B22]" }),
  row("insulin degludec", "A10AE06", "A10 drugs used in diabetes", { brands = { "Tresiba" },
    cite = "Tresiba [B22]" }),
  row("metformin", "A10BA02", "A10 drugs used in diabetes",
    { brands = { "Glucophage", "Fortamet", "Glumetza", "Riomet" },
    cite = "Glucophage, Fortamet, Glumetza, Riomet [B27]" }),
  row("dexamethasone", "H02AB02", "H02 corticosteroids for systemic use"),
  row("hydrocortisone", "H02AB09", "H02 corticosteroids for systemic use"),
  row("prednisolone", "H02AB06", "H02 corticosteroids for systemic use"),
  row("prednisone", "H02AB07", "H02 corticosteroids for systemic use"),
  row("levothyroxine", "H03AA01", "H03 thyroid therapy",
    { brands = { "Synthroid", "Levoxyl", "Unithroid", "Levothroid" },
    cite = "Synthroid [B23][B27]; Levoxyl, Unithroid, Levothroid [B27]" }),
  row("potassium chloride", "A12BA01", "A12 mineral supplements"),
  row("sodium chloride", "B05XA03", "B05 blood substitutes and perfusion solutions",
    { also = { "normal saline", "saline", "nacl" } }),
  row("glucose", "B05CX01", "B05 blood substitutes and perfusion solutions", { also = { "dextrose" } }),
  row("thiamine", "A11DA01", "A11 vitamins"),
  row("folic acid", "B03BB01", "B03 antianemic preparations", { also = { "folate" } }),
  row("cyanocobalamin", "B03BA01", "B03 antianemic preparations", { also = { "vitamin b12" } }),

  row("levetiracetam", "N03AX14", "N03 antiepileptics", { brands = { "Keppra" }, cite = "Keppra [B22]" }),
  row("phenytoin", "N03AB02", "N03 antiepileptics", { brands = { "Dilantin", "Phenytek" },
    cite = "Dilantin, Phenytek [B22]" }),
  row("lamotrigine", "N03AX09", "N03 antiepileptics", { brands = { "Lamictal" }, cite = "Lamictal [B22]" }),
  row("gabapentin", "N03AX12", "N03 antiepileptics", { brands = { "Neurontin" }, cite = "Neurontin [B22]" }),
  row("topiramate", "N03AX11", "N03 antiepileptics", { brands = { "Topamax" }, cite = "Topamax [B22]" }),
  row("salbutamol", "R03AC02", RESP, { also = { "albuterol" }, brands = { "Ventolin" }, cite = "Ventolin [B26]" }),
  row("nicotine", "N07BA01", "N07BA drugs used in nicotine dependence"),
  row("zolpidem", "N05CF02", "N05CF benzodiazepine related drugs", { brands = { "Ambien" },
    cite = "Ambien [B21]" }),
  row("eszopiclone", "N05CF04", "N05CF benzodiazepine related drugs", { brands = { "Lunesta" },
    cite = "Lunesta [B23]" }),
  row("zaleplon", "N05CF03", "N05CF benzodiazepine related drugs", { brands = { "Sonata" },
    cite = "Sonata [B21]" }),
  row("zopiclone", "N05CF01", "N05CF benzodiazepine related drugs"),
  row("melatonin", "N05CH01", "N05CH melatonin receptor agonists"),
  row("donepezil", "N06DA02", "N06DA anticholinesterases"),
  row("rivastigmine", "N06DA03", "N06DA anticholinesterases"),

  -- Session 11: ordinary drugs found unrecognised on common medication
  -- lists (tests/drugs/common-drugs.txt, checked by
  -- tests/drugs/unrecognised.sh). None is in §8 nor [B8][B9][B10]. Codes
  -- are the WHO ATC index as read [ATC]: a drug newer than it (semaglutide,
  -- dulaglutide) has no code here, and an index older than a WHO move
  -- (liraglutide A10BX07, now A10BJ; gliflozins A10BX, now A10BK) keeps
  -- the code it gives, the A10 group covers either.
  row("glipizide", "A10BB07", DIABETES, { brands = { "Glucotrol" }, cite = "Glucotrol [B26]" }),
  { "semaglutide", nil, "other", brands = { "Ozempic" },
    src = "A10 drugs used in diabetes (GLP-1 analogue; newer than the ATC index read [ATC]); Ozempic [B26]" },
  { "dulaglutide", nil, "other", brands = { "Trulicity" },
    src = "A10 drugs used in diabetes (GLP-1 analogue; not in the ATC index read [ATC]); Trulicity [B26]" },
  row("glimepiride", "A10BB12", DIABETES, { brands = { "Amaryl" }, cite = "Amaryl [B26]" }),
  row("pioglitazone", "A10BG03", DIABETES, { brands = { "Actos" }, cite = "Actos [B26]" }),
  row("sitagliptin", "A10BH01", DIABETES, { brands = { "Januvia" }, cite = "Januvia [B26]" }),
  row("liraglutide", "A10BX07", DIABETES, { brands = { "Victoza" }, cite = "Victoza [B26]" }),
  row("empagliflozin", "A10BX12", DIABETES, { brands = { "Jardiance" }, cite = "Jardiance [B26]" }),
  row("dapagliflozin", "A10BX09", DIABETES, { brands = { "Farxiga" }, cite = "Farxiga [B26]" }),
  row("methylprednisolone", "H02AB04", "H02 corticosteroids for systemic use",
    { brands = { "Solu-Medrol" }, cite = "Solu-Medrol [B26]" }),
  row("magnesium sulfate", "A12CC02", "A12CC magnesium (also A06AD04 laxative, B05XA05 electrolyte)",
    { atc_also = { "A06AD04", "B05XA05" } }),
  row("magnesium oxide", "A02AA02", "A02AA magnesium compounds (also A06AD02, A12CC10)",
    { atc_also = { "A06AD02", "A12CC10" } }),
  row("pregabalin", "N03AX16", "N03 antiepileptics", { brands = { "Lyrica" }, cite = "Lyrica [B26]" }),
  row("colecalciferol", "A11CC05", "A11CC vitamin D and analogues", { also = { "cholecalciferol", "vitamin d3" } }),
  row("ergocalciferol", "A11CC01", "A11CC vitamin D and analogues", { also = { "vitamin d2" } }),
  -- "Vitamin D" names the group, not one of its drugs: no code of its own.
  { "vitamin D", nil, "other", src = "A11CC vitamin D and analogues [ATC] (colecalciferol or ergocalciferol, "
    .. "the name does not say which)" },
  { "multivitamin", nil, "other", also = { "multivitamins" },
    src = "A11 vitamins; A11A multivitamins, combinations [ATC] (a plain multivitamin has no single code in "
      .. "the index read)" },
  row("fluticasone", "R03BA05", RESP, { atc_also = { "R01AD08", "D07AC17" }, brands = { "Flovent" },
    cite = "Flovent [B26]; R01AD08 nasal, D07AC17 dermal" }),
  row("fluticasone/salmeterol", "R03AK06", RESP, { also = { "salmeterol/fluticasone" }, brands = { "Advair" },
    cite = "R03AK06 'salmeterol and other drugs for obstructive airway diseases'; Advair "
      .. "(fluticasone-salmeterol) [B26]" }),
  row("salmeterol", "R03AC12", RESP),
  row("formoterol", "R03AC13", RESP),
  row("budesonide", "R03BA02", RESP, { atc_also = { "A07EA06", "R01AD05", "D07AC09" } }),
  row("montelukast", "R03DC03", RESP, { brands = { "Singulair" }, cite = "Singulair [B26]" }),
  row("tamsulosin", "G04CA02", URO, { brands = { "Flomax" }, cite = "Flomax [B26]" }),
  row("finasteride", "G04CB01", URO, { atc_also = { "D11AX10" }, brands = { "Proscar" }, cite = "Proscar [B26]" }),
  row("dutasteride", "G04CB02", URO),
  row("terazosin", "G04CA03", URO),
  row("doxazosin", "C02CA04", "C02CA alpha-adrenoreceptor antagonists"),
  row("prazosin", "C02CA01", "C02CA alpha-adrenoreceptor antagonists", { brands = { "Minipress" },
    cite = "Minipress [B26]" }),
  row("guanfacine", "C02AC02", "C02AC imidazoline receptor agonists", { brands = { "Intuniv" },
    cite = "Intuniv [B26]" }),
  row("pravastatin", "C10AA03", CARDIO, { brands = { "Pravachol" }, cite = "Pravachol [B26]" }),
  row("ezetimibe", "C10AX09", CARDIO, { brands = { "Zetia" }, cite = "Zetia [B26]" }),
  row("fenofibrate", "C10AB05", CARDIO, { brands = { "Tricor" }, cite = "Tricor [B26]" }),
  row("irbesartan", "C09CA04", CARDIO),
  row("telmisartan", "C09CA07", CARDIO),
  row("benazepril", "C09AA07", CARDIO),
  row("nebivolol", "C07AB12", CARDIO),
  row("chlortalidone", "C03BA04", CARDIO, { also = { "chlorthalidone" } }),
  row("isosorbide mononitrate", "C01DA14", CARDIO),
  row("meloxicam", "M01AC06", NSAID, { brands = { "Mobic" }, cite = "Mobic [B26]" }),
  row("allopurinol", "M04AA01", "M04 antigout preparations", { brands = { "Zyloprim" }, cite = "Zyloprim [B26]" }),
  row("colchicine", "M04AC01", "M04 antigout preparations"),
  row("valaciclovir", "J05AB11", "J05 antivirals for systemic use", { also = { "valacyclovir" },
    brands = { "Valtrex" }, cite = "valacyclovir, Valtrex [B26]" }),
  row("hydroxychloroquine", "P01BA02", "P01BA aminoquinolines"),
  row("ferrous sulfate", "B03AA07", "B03 antianemic preparations"),
  row("loperamide", "A07DA03", "A07DA antipropulsives"),
  row("sucralfate", "A02BX02", GI),
  row("sodium picosulfate", "A06AB08", GI),
  row("naltrexone", "N07BB04", "N07BB drugs used in alcohol dependence"),
  row("acamprosate", "N07BB03", "N07BB drugs used in alcohol dependence"),
  row("disulfiram", "N07BB01", "N07BB drugs used in alcohol dependence"),
  row("varenicline", "N07BA03", "N07BA drugs used in nicotine dependence"),

  -- Session 11, wider sweep (tests/drugs/common-drugs.txt, "wider"): more
  -- drugs of outpatient lists and hospital charts. Same rules: the code
  -- from the ATC index [ATC], class "other" because §8, [B8], [B9] and
  -- [B10] name none of them (oxcarbazepine: the serotonin tables name
  -- carbamazepine only). Vasopressors and inotropes (C01CA) are "other" as
  -- the C01 group is: the ruleset's "sympathomimetic" is the §7.9
  -- toxidrome of cocaine, amphetamines and cathinones (and N06BA), not a
  -- pressor infusion. Left out on purpose: "dopamine" (a row would read
  -- "dopamine agonist" as IV dopamine), triptans ("unclear/debated" [B9]),
  -- cyclobenzaprine (see CHANGES.md 0.3.2), "isosorbide" without its salt.
  row("lovastatin", "C10AA02", CARDIO),
  row("olmesartan", "C09CA08", CARDIO, { also = { "olmesartan medoxomil" } }),
  { "sacubitril/valsartan", nil, "other", brands = { "Entresto" },
    src = CARDIO .. "; ATC not in the index read [ATC]; Entresto [B26]" },
  row("triamterene", "C03DB02", CARDIO),
  row("metolazone", "C03BA08", CARDIO),
  row("sotalol", "C07AA07", CARDIO),
  row("flecainide", "C01BC04", CARDIO),
  row("dofetilide", "C01BD04", CARDIO),
  row("ranolazine", "C01EB18", CARDIO),
  row("adenosine", "C01EB10", CARDIO),
  row("isosorbide dinitrate", "C01DA08", CARDIO),
  row("norepinephrine", "C01CA03", CARDIO, { also = { "noradrenaline" } }),
  row("epinephrine", "C01CA24", CARDIO, { also = { "adrenaline" } }),
  row("phenylephrine", "C01CA06", CARDIO),
  row("dobutamine", "C01CA07", CARDIO),
  row("milrinone", "C01CE02", CARDIO),
  row("vasopressin", "H01BA01", "H01BA vasopressin and analogues"),
  row("prasugrel", "B01AC22", BLOOD),
  row("cilostazol", "B01AC23", BLOOD),
  row("glibenclamide", "A10BB01", DIABETES, { also = { "glyburide" } }),
  row("linagliptin", "A10BH05", DIABETES),
  row("canagliflozin", "A10BX11", DIABETES),
  row("oxcarbazepine", "N03AF02", "N03 antiepileptics"),
  row("lacosamide", "N03AX18", "N03 antiepileptics"),
  row("zonisamide", "N03AX15", "N03 antiepileptics"),
  row("primidone", "N03AA03", "N03 antiepileptics"),
  row("phenobarbital", "N03AA02", "N03 antiepileptics (a barbiturate; not an MH trigger, §8.6)"),
  row("tizanidine", "M03BX02", "M03BX other centrally acting muscle relaxants"),
  row("methocarbamol", "M03BA03", "M03BA carbamic acid esters"),
  row("carisoprodol", "M03BA02", "M03BA carbamic acid esters"),
  row("indometacin", "M01AB01", NSAID, { also = { "indomethacin" } }),
  row("mirabegron", "G04BD12", "G04BD urinary antispasmodics (a beta-3 agonist)"),
  row("memantine", "N06DX01", "N06D anti-dementia drugs"),
  row("galantamine", "N06DA04", "N06DA anticholinesterases"),
  row("physostigmine", "V03AB19", "V03AB antidotes", { atc_also = { "S01EB05" } }),
  row("acetylcysteine", "V03AB23", "V03AB antidotes", { atc_also = { "R05CB01" } }),
  row("medicinal charcoal", "A07BA01", "A07BA charcoal preparations", { also = { "activated charcoal" } }),
  row("ramelteon", "N05CH02", "N05CH melatonin receptor agonists"),
  row("cefdinir", "J01DD15", ANTIBACTERIAL),
  row("micafungin", "J02AX05", "J02 antimycotics for systemic use"),
  row("ketoconazole", "J02AB02", "J02 antimycotics for systemic use"),
  row("terbinafine", "D01BA02", "D01 antifungals for dermatological use"),
  row("nystatin", "A07AA02", "A07AA intestinal antibiotics"),
  row("mupirocin", "D06AX09", "D06 antibiotics for dermatological use"),
  row("benzonatate", "R05DB01", "R05 cough and cold preparations"),
  row("guaifenesin", "R05CA03", "R05 cough and cold preparations"),
  row("mesalazine", "A07EC02", "A07EC aminosalicylic acid and similar agents", { also = { "mesalamine" } }),
  row("sulfasalazine", "A07EC01", "A07EC aminosalicylic acid and similar agents"),
  row("triamcinolone", "H02AB08", "H02 corticosteroids for systemic use"),
  row("mometasone", "R03BA07", RESP),
  row("beclometasone", "R03BA01", RESP, { also = { "beclomethasone" } }),
  row("clobetasol", "D07AD01", "D07 corticosteroids, dermatological preparations"),
  row("estradiol", "G03CA03", "G03 sex hormones"),
  row("medroxyprogesterone", "G03AC06", "G03 sex hormones"),
  row("norethisterone", "G03AC01", "G03 sex hormones", { also = { "norethindrone" } }),
  row("progesterone", "G03DA04", "G03 sex hormones"),
  row("testosterone", "G03BA03", "G03 sex hormones"),
  row("raloxifene", "G03XC01", "G03 sex hormones"),
  row("alendronic acid", "M05BA04", "M05 drugs for treatment of bone diseases", { also = { "alendronate" } }),
  row("calcitriol", "A11CC04", "A11CC vitamin D and analogues"),
  row("ascorbic acid", "A11GA01", "A11 vitamins", { also = { "vitamin c" } }),
  row("calcium carbonate", "A12AA04", "A12 mineral supplements", { atc_also = { "A02AC01" } }),
  row("calcium gluconate", "A12AA03", "A12 mineral supplements"),
  row("magnesium hydroxide", "A02AA04", GI, { also = { "milk of magnesia" } }),
  row("sodium bicarbonate", "B05XA02", "B05 blood substitutes and perfusion solutions", { atc_also = { "B05CB04" } }),
  row("albumin", "B05AA01", "B05 blood substitutes and perfusion solutions"),
  row("mannitol", "B05BC01", "B05 blood substitutes and perfusion solutions"),
  row("acetazolamide", "S01EC01", "S01EC carbonic anhydrase inhibitors"),
  row("dorzolamide", "S01EC03", "S01EC carbonic anhydrase inhibitors"),
  row("latanoprost", "S01EE01", "S01E antiglaucoma preparations"),
  row("timolol", "S01ED01", "S01E antiglaucoma preparations", { atc_also = { "C07AA06" } }),
  row("brimonidine", "S01EA05", "S01E antiglaucoma preparations"),
  row("methotrexate", "L04AX03", "L04 immunosuppressants / L01 antineoplastic agents", { atc_also = { "L01BA01" } }),
  row("azathioprine", "L04AX01", "L04 immunosuppressants"),
  row("mycophenolic acid", "L04AA06", "L04 immunosuppressants", { also = { "mycophenolate" } }),
  row("tacrolimus", "L04AD02", "L04 immunosuppressants"),
  row("ciclosporin", "L04AD01", "L04 immunosuppressants", { also = { "cyclosporine" } }),

  -- Session 16: ordinary drugs the clinical review found unrecognised
  -- (finding 10; review cases r24 thyroid storm, r25 alcohol withdrawal).
  -- None is in §8 nor in [B10]'s table (read again this session); codes
  -- from the ATC index read [ATC].
  row("propylthiouracil", "H03BA02", "H03B antithyroid preparations"),
  row("carbimazole", "H03BB01", "H03B antithyroid preparations", { brands = { "Neo-Mercazole" },
    cite = "Neo-Mercazole [B47]" }),
  row("thiamazole", "H03BB02", "H03B antithyroid preparations", { also = { "methimazole" },
    brands = { "Tapazole" }, cite = "methimazole, Tapazole [B47]" }),
  row("quinine", "P01BC01", "P01BC methanolquinolines"),
  -- Esketamine is filed with the anaesthetics in the index read, as
  -- ketamine above; its nasal spray's SmPC gives N06AX27 "other
  -- antidepressants" [B44]. §8.4 (the serotonergic drugs) does not name
  -- it, nor [B10]'s table.
  row("esketamine", "N01AX14", ANAESTHETIC, { atc_also = { "N06AX27" }, brands = { "Spravato" },
    cite = "N06AX27, the S-enantiomer of ketamine, Spravato [B44]" }),
  -- Ethanol: withdrawal is a DSM-5 differential (§1) but no rule asks for
  -- a class of it, so it is known and "other". "Alcohol" alone is not a
  -- name of it here: the word ends other names ("isopropyl alcohol",
  -- "benzyl alcohol", "polyvinyl alcohol"), which would then read as
  -- ethanol.
  row("ethanol", "V03AZ01", "V03AZ nerve depressants (also D08AX08 antiseptic, V03AB16 antidote)",
    { also = { "ethyl alcohol" }, atc_also = { "D08AX08", "V03AB16" } }),
  -- Pabrinex is two ampoules of B vitamins and vitamin C [B46]: read as
  -- the vitamins it holds, not as thiamine alone.
  { "vitamins B and C", nil, "other", brands = { "Pabrinex" },
    src = "Pabrinex: thiamine, riboflavin, pyridoxine; ascorbic acid, nicotinamide, glucose, 'the water soluble "
      .. "vitamins B and C' [B46]; A11 vitamins [ATC] (no code for the combination in the index read)" },
}
