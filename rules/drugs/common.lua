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
  row("fluconazole", "J02AC01", "J02 antimycotics for systemic use"),

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
  row("valsartan", "C09CA03", CARDIO),
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
  row("rosuvastatin", "C10AA07", CARDIO),
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
  row("docusate", "A06AA02", GI),
  row("senna", "A06AB06", GI, { also = { "sennosides" } }),
  row("lactulose", "A06AD11", GI),
  row("macrogol", "A06AD15", GI, { also = { "polyethylene glycol" } }),
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
  row("metformin", "A10BA02", "A10 drugs used in diabetes"),
  row("dexamethasone", "H02AB02", "H02 corticosteroids for systemic use"),
  row("hydrocortisone", "H02AB09", "H02 corticosteroids for systemic use"),
  row("prednisolone", "H02AB06", "H02 corticosteroids for systemic use"),
  row("prednisone", "H02AB07", "H02 corticosteroids for systemic use"),
  row("levothyroxine", "H03AA01", "H03 thyroid therapy", { brands = { "Synthroid" }, cite = "Synthroid [B23]" }),
  row("potassium chloride", "A12BA01", "A12 mineral supplements"),
  row("sodium chloride", "B05XA03", "B05 blood substitutes and perfusion solutions",
    { also = { "normal saline", "saline", "nacl" } }),
  row("glucose", "B05CX01", "B05 blood substitutes and perfusion solutions", { also = { "dextrose" } }),
  row("thiamine", "A11DA01", "A11 vitamins"),
  row("folic acid", "B03BB01", "B03 antianemic preparations"),
  row("cyanocobalamin", "B03BA01", "B03 antianemic preparations", { also = { "vitamin b12" } }),

  row("levetiracetam", "N03AX14", "N03 antiepileptics", { brands = { "Keppra" }, cite = "Keppra [B22]" }),
  row("phenytoin", "N03AB02", "N03 antiepileptics", { brands = { "Dilantin", "Phenytek" },
    cite = "Dilantin, Phenytek [B22]" }),
  row("lamotrigine", "N03AX09", "N03 antiepileptics", { brands = { "Lamictal" }, cite = "Lamictal [B22]" }),
  row("gabapentin", "N03AX12", "N03 antiepileptics", { brands = { "Neurontin" }, cite = "Neurontin [B22]" }),
  row("topiramate", "N03AX11", "N03 antiepileptics", { brands = { "Topamax" }, cite = "Topamax [B22]" }),
  row("salbutamol", "R03AC02", "R03 drugs for obstructive airway diseases", { also = { "albuterol" } }),
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
}
