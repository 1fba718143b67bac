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

local function row(name, atc, group, extra)
  local r = { name, atc, "other", src = group .. "; " .. atc .. " [ATC]" }
  for k, v in pairs(extra or {}) do r[k] = v end
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
  row("ceftriaxone", "J01DD04", ANTIBACTERIAL),
  row("cefazolin", "J01DB04", ANTIBACTERIAL),
  row("cefuroxime", "J01DC02", ANTIBACTERIAL),
  row("ceftazidime", "J01DD02", ANTIBACTERIAL),
  row("cefepime", "J01DE01", ANTIBACTERIAL),
  row("amoxicillin", "J01CA04", ANTIBACTERIAL, { also = { "amoxycillin" } }),
  row("amoxicillin/clavulanic acid", "J01CR02", ANTIBACTERIAL, { also = { "co-amoxiclav", "amoxicillin/clavulanate" } }),
  row("ampicillin", "J01CA01", ANTIBACTERIAL),
  row("benzylpenicillin", "J01CE01", ANTIBACTERIAL, { also = { "penicillin g" } }),
  row("flucloxacillin", "J01CF05", ANTIBACTERIAL),
  row("piperacillin/tazobactam", "J01CR05", ANTIBACTERIAL, { also = { "piperacillin" } }),
  row("vancomycin", "J01XA01", ANTIBACTERIAL),
  row("meropenem", "J01DH02", ANTIBACTERIAL),
  row("gentamicin", "J01GB03", ANTIBACTERIAL),
  row("azithromycin", "J01FA10", ANTIBACTERIAL),
  row("clarithromycin", "J01FA09", ANTIBACTERIAL),
  row("erythromycin", "J01FA01", ANTIBACTERIAL),
  row("doxycycline", "J01AA02", ANTIBACTERIAL),
  row("ciprofloxacin", "J01MA02", ANTIBACTERIAL),
  row("levofloxacin", "J01MA12", ANTIBACTERIAL),
  row("metronidazole", "J01XD01", ANTIBACTERIAL),
  row("sulfamethoxazole/trimethoprim", "J01EE01", ANTIBACTERIAL, { also = { "co-trimoxazole", "trimethoprim/sulfamethoxazole" } }),
  row("clindamycin", "J01FF01", ANTIBACTERIAL),
  row("nitrofurantoin", "J01XE01", ANTIBACTERIAL),
  row("aciclovir", "J05AB01", "J05 antivirals for systemic use", { also = { "acyclovir" } }),
  row("oseltamivir", "J05AH02", "J05 antivirals for systemic use"),
  row("fluconazole", "J02AC01", "J02 antimycotics for systemic use"),

  row("ketamine", "N01AX03", ANAESTHETIC),
  row("etomidate", "N01AX07", ANAESTHETIC),
  row("thiopental", "N01AF03", ANAESTHETIC),
  row("dexmedetomidine", "N05CM18", "N05CM other hypnotics and sedatives"),
  row("lidocaine", "N01BB02", "N01B local anaesthetics", { also = { "lignocaine" } }),
  row("bupivacaine", "N01BB01", "N01B local anaesthetics"),
  row("ropivacaine", "N01BB09", "N01B local anaesthetics"),
  row("neostigmine", "N07AA01", "N07AA anticholinesterases"),
  row("sugammadex", "V03AB35", "V03AB antidotes"),
  row("naloxone", "V03AB15", "V03AB antidotes"),
  row("flumazenil", "V03AB25", "V03AB antidotes"),

  row("paracetamol", "N02BE01", ANALGESIC, { also = { "acetaminophen" }, brands = { "Tylenol" } }),
  row("acetylsalicylic acid", "N02BA01", ANALGESIC, { also = { "aspirin" }, atc_also = { "B01AC06" } }),
  row("ibuprofen", "M01AE01", NSAID),
  row("naproxen", "M01AE02", NSAID),
  row("diclofenac", "M01AB05", NSAID),
  row("ketorolac", "M01AB15", NSAID),
  row("celecoxib", "M01AH01", NSAID),

  row("metoprolol", "C07AB02", CARDIO),
  row("bisoprolol", "C07AB07", CARDIO),
  row("atenolol", "C07AB03", CARDIO),
  row("propranolol", "C07AA05", CARDIO),
  row("carvedilol", "C07AG02", CARDIO),
  row("amlodipine", "C08CA01", CARDIO),
  row("nifedipine", "C08CA05", CARDIO),
  row("diltiazem", "C08DB01", CARDIO),
  row("verapamil", "C08DA01", CARDIO),
  row("lisinopril", "C09AA03", CARDIO),
  row("ramipril", "C09AA05", CARDIO),
  row("enalapril", "C09AA02", CARDIO),
  row("losartan", "C09CA01", CARDIO),
  row("valsartan", "C09CA03", CARDIO),
  row("furosemide", "C03CA01", CARDIO, { also = { "frusemide" } }),
  row("hydrochlorothiazide", "C03AA03", CARDIO),
  row("spironolactone", "C03DA01", CARDIO),
  row("atorvastatin", "C10AA05", CARDIO),
  row("simvastatin", "C10AA01", CARDIO),
  row("rosuvastatin", "C10AA07", CARDIO),
  row("digoxin", "C01AA05", CARDIO),
  row("amiodarone", "C01BD01", CARDIO),
  row("glyceryl trinitrate", "C01DA02", CARDIO, { also = { "nitroglycerin" } }),
  row("hydralazine", "C02DB02", "C02DB hydrazinophthalazine derivatives"),
  row("clonidine", "C02AC01", "C02AC imidazoline receptor agonists"),

  row("heparin", "B01AB01", BLOOD),
  row("enoxaparin", "B01AB05", BLOOD),
  row("warfarin", "B01AA03", BLOOD),
  row("apixaban", "B01AF02", BLOOD),
  row("rivaroxaban", "B01AF01", BLOOD),
  row("clopidogrel", "B01AC04", BLOOD),

  row("omeprazole", "A02BC01", GI),
  row("pantoprazole", "A02BC02", GI),
  row("esomeprazole", "A02BC05", GI),
  row("lansoprazole", "A02BC03", GI),
  row("famotidine", "A02BA03", GI),
  row("docusate", "A06AA02", GI),
  row("senna", "A06AB06", GI, { also = { "sennosides" } }),
  row("lactulose", "A06AD11", GI),
  row("macrogol", "A06AD15", GI, { also = { "polyethylene glycol" } }),
  row("bisacodyl", "A06AB02", GI),

  row("insulin", "A10AB01", "A10 drugs used in diabetes"),
  row("metformin", "A10BA02", "A10 drugs used in diabetes"),
  row("dexamethasone", "H02AB02", "H02 corticosteroids for systemic use"),
  row("hydrocortisone", "H02AB09", "H02 corticosteroids for systemic use"),
  row("prednisolone", "H02AB06", "H02 corticosteroids for systemic use"),
  row("prednisone", "H02AB07", "H02 corticosteroids for systemic use"),
  row("levothyroxine", "H03AA01", "H03 thyroid therapy"),
  row("potassium chloride", "A12BA01", "A12 mineral supplements"),
  row("sodium chloride", "B05XA03", "B05 blood substitutes and perfusion solutions",
    { also = { "normal saline", "saline", "nacl" } }),
  row("glucose", "B05CX01", "B05 blood substitutes and perfusion solutions", { also = { "dextrose" } }),
  row("thiamine", "A11DA01", "A11 vitamins"),
  row("folic acid", "B03BB01", "B03 antianemic preparations"),
  row("cyanocobalamin", "B03BA01", "B03 antianemic preparations", { also = { "vitamin b12" } }),

  row("levetiracetam", "N03AX14", "N03 antiepileptics"),
  row("phenytoin", "N03AB02", "N03 antiepileptics"),
  row("lamotrigine", "N03AX09", "N03 antiepileptics"),
  row("gabapentin", "N03AX12", "N03 antiepileptics"),
  row("topiramate", "N03AX11", "N03 antiepileptics"),
  row("salbutamol", "R03AC02", "R03 drugs for obstructive airway diseases", { also = { "albuterol" } }),
  row("nicotine", "N07BA01", "N07BA drugs used in nicotine dependence"),
  row("zolpidem", "N05CF02", "N05CF benzodiazepine related drugs"),
  row("zopiclone", "N05CF01", "N05CF benzodiazepine related drugs"),
  row("melatonin", "N05CH01", "N05CH melatonin receptor agonists"),
  row("donepezil", "N06DA02", "N06DA anticholinesterases"),
  row("rivastigmine", "N06DA03", "N06DA anticholinesterases"),
}
