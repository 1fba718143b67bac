-- drugs/other.lua - serotonergic, anticholinergic, malignant-hyperthermia
-- (clinical-reference §8.4-8.6) and sympathomimetic (§7.9) drugs, for the
-- differential diagnoses. Same row format as drugs/dopamine.lua; drugs.lua
-- explains the source tags and class ids.

return {
  -- Baclofen: its abrupt withdrawal mimics NMS (high fever, altered mental
  -- status, rebound spasticity, rigidity: boxed warning of the intrathecal
  -- label [B25]); differential/baclofen_withdrawal.lua asks for its class.
  { "baclofen", "M03BX01", "gaba_b_agonist", brands = { "Lioresal", "Lyvispah", "Gablofen" },
    src = "M03BX other centrally acting muscle relaxants; M03BX01 [ATC]; Lioresal, Lyvispah [B25]; "
      .. "Gablofen (intrathecal) [B40]" },

  -- §8.4 Serotonergic drugs [S81][S82].
  { "fluoxetine", "N06AB03", "serotonergic", brands = { "Prozac", "Sarafem" },
    src = "§8.4 SSRI [S81][S82]; Prozac, Sarafem [B20]" },
  { "citalopram", "N06AB04", "serotonergic", brands = { "Celexa", "Cipramil" },
    src = "§8.4 SSRI [S81][S82]; Celexa, Cipramil [B20]" },
  { "paroxetine", "N06AB05", "serotonergic", brands = { "Paxil", "Seroxat", "Pexeva" },
    src = "§8.4 SSRI [S81][S82]; Paxil, Seroxat, Pexeva [B20]" },
  { "sertraline", "N06AB06", "serotonergic", brands = { "Zoloft", "Lustral" },
    src = "§8.4 SSRI [S81][S82]; Zoloft, Lustral [B20]" },
  { "fluvoxamine", "N06AB08", "serotonergic", brands = { "Luvox", "Faverin" },
    src = "§8.4 SSRI [S81][S82]; Luvox [B20]; Faverin [B23]" },
  { "escitalopram", "N06AB10", "serotonergic", brands = { "Lexapro", "Cipralex" },
    src = "§8.4 SSRI [S81][S82]; Lexapro [B9b][B20]; Cipralex [B20]" },
  { "isocarboxazid", "N06AF01", "serotonergic", brands = { "Marplan" },
    src = "§8.4 non-selective MAOI [S81][S82]; Marplan [B20]" },
  { "phenelzine", "N06AF03", "serotonergic", brands = { "Nardil" },
    src = "§8.4 non-selective MAOI [S81][S82]; Nardil [B20]" },
  { "tranylcypromine", "N06AF04", "serotonergic", brands = { "Parnate" },
    src = "§8.4 non-selective MAOI [S81][S82]; Parnate [B20]" },
  { "moclobemide", "N06AG02", "serotonergic", src = "§8.4 MAO-A inhibitor [S81][S82]" },
  { "venlafaxine", "N06AX16", "serotonergic", brands = { "Effexor", "Efexor" },
    src = "§8.4 [S81][S82]; Efexor [B9b]; Effexor [B12]" },
  { "duloxetine", "N06AX21", "serotonergic", brands = { "Cymbalta" }, src = "§8.4 [S81][S82]; Cymbalta [B20]" },
  { "desvenlafaxine", "N06AX23", "serotonergic", brands = { "Pristiq" }, src = "§8.4 [S81][S82]; Pristiq [B20]" },
  { "trazodone", "N06AX05", "serotonergic", brands = { "Desyrel" }, src = "§8.4 [S81][S82]; Desyrel [B20]" },
  { "mirtazapine", "N06AX11", "serotonergic", brands = { "Remeron", "Zispin" },
    src = "§8.4 [S81][S82]; Remeron, Zispin [B20]" },
  { "vilazodone", "N06AX24", "serotonergic", brands = { "Viibryd" }, src = "§8.4 [S81][S82]; Viibryd [B20]" },
  { "vortioxetine", "N06AX26", "serotonergic", brands = { "Brintellix", "Trintellix" },
    src = "§8.4 [S81][S82]; Brintellix [B20]; Trintellix [B23]" },
  { "tryptophan", "N06AX02", "serotonergic", src = "§8.4 [S81][S82]" },
  { "St John's wort", "N06AX25", "serotonergic", src = "§8.4 St John's wort [S81][S82]" },
  { "tramadol", "N02AX02", { "serotonergic", "mh_non_trigger" },
    brands = { "Ultram" },
    src = "§8.4 case-report trigger [S110]; [B8][B9]; opioid, MH non-trigger §8.6; N02AX02 [ATC]; Ultram [B23]" },
  { "linezolid", "J01XX08", "serotonergic", brands = { "Zyvox" },
    src = "§8.4 case-report trigger [S109]; MAO inhibition [B8][B9]; "
      .. "J01XX08 [ATC]; Zyvox [B23]" },
  { "tedizolid", nil, "serotonergic", src = "MAO inhibition, with linezolid [B8]" },
  { "methylthioninium chloride", "V03AB17", "serotonergic", also = { "methylene blue" },
    src = "MAO inhibition: methylene blue [B8][B9]; V03AB17 [ATC]" },
  { "fentanyl", "N02AB03", { "serotonergic", "mh_non_trigger" }, atc_also = { "N01AH01" },
    brands = { "Duragesic", "Sublimaze" },
    src = "fentanyl [B8][B9]; opioid, MH non-trigger §8.6 [S62]; N02AB03, N01AH01 [ATC]; Duragesic, "
      .. "Sublimaze [B23]" },
  { "pethidine", "N02AB02", { "serotonergic", "mh_non_trigger" }, also = { "meperidine" },
    brands = { "Demerol" },
    src = "meperidine/pethidine [B8][B9]; opioid §8.6 [S62]; N02AB02 [ATC]; Demerol (meperidine) [B41]" },
  { "tapentadol", "N02AX06", { "serotonergic", "mh_non_trigger" }, src = "[B8]; opioid §8.6; N02AX06 [ATC]" },
  { "methadone", "N07BC02", { "serotonergic", "mh_non_trigger" },
    brands = { "Dolophine" },
    src = "inhibits the serotonin transporter (Baldo, Arch Toxicol 2018 [B15]); opioid §8.6; N07BC02 [ATC]; "
      .. "Dolophine [B22]" },
  { "buprenorphine", "N02AE01", { "serotonergic", "mh_non_trigger" }, atc_also = { "N07BC01" },
    brands = { "Suboxone" },
    src = "[B8]; opioid §8.6; N02AE01, N07BC01 [ATC]; Suboxone (buprenorphine/naloxone) [B26]" },
  { "dextromethorphan", "R05DA09", "serotonergic", src = "[B8][B9]; R05DA09 [ATC]" },
  -- Auvelity: both its parts are serotonergic by the lists above; a row of
  -- its own so that the brand names both (no code of its own in the index
  -- read [ATC]).
  { "dextromethorphan/bupropion", nil, "serotonergic", also = { "bupropion/dextromethorphan" },
    brands = { "Auvelity" },
    src = "Auvelity: dextromethorphan and bupropion [B45]; dextromethorphan [B8][B9]; bupropion (indirect "
      .. "effect) [B9]" },
  { "ondansetron", "A04AA01", "serotonergic", brands = { "Zofran" },
    src = "antiemetics: ondansetron [B8]; setrones [B9]; A04AA01 [ATC]; Zofran [B9b]" },
  { "granisetron", "A04AA02", "serotonergic", src = "[B8]; setrones [B9]; A04AA02 [ATC]" },
  { "MDMA", nil, { "serotonergic", "sympathomimetic" },
    also = { "ecstasy", "methylenedioxymethamphetamine", "3,4-methylenedioxymethamphetamine" },
    src = "MDMA (ecstasy) [B8][B9]; an amphetamine, §7.9 [S77][S36]" },
  { "buspirone", "N05BE01", "serotonergic", brands = { "BuSpar" }, src = "[B9]; N05BE01 [ATC]; BuSpar [B20]" },
  -- Valproate and carbamazepine: listed by [B9], but "not confirmed" to
  -- precipitate serotonin syndrome by [B8]; their own class, which the
  -- serotonin criteria do not count as "a serotonergic agent" (a mood
  -- stabiliser beside an antipsychotic would otherwise make a classic NMS
  -- with tremor serotonin toxicity by Hunter's criteria).
  { "valproic acid", "N03AG01", "serotonergic_unconfirmed", also = { "valproate", "sodium valproate", "divalproex" },
    brands = { "Depakote", "Depakene" },
    src = "antiepileptics: valproate [B8][B9] (not confirmed, [B8]); N03AG01 [ATC]; Depakote, Depakene [B22]" },
  { "carbamazepine", "N03AF01", "serotonergic_unconfirmed", brands = { "Tegretol", "Carbatrol" },
    src = "[B8][B9] (not confirmed, [B8]); N03AF01 [ATC]; Tegretol, Carbatrol [B22]" },

  -- Tricyclic antidepressants (N06AA): anticholinergic (§8.5; high central
  -- burden [B10]) and serotonergic (TCAs [B9]; clomipramine and
  -- imipramine confirmed to precipitate serotonin syndrome [B8]).
  { "amitriptyline", "N06AA09", { "anticholinergic", "serotonergic" }, brands = { "Elavil", "Endep" },
    src = "§8.5 TCA; [B9][B10]; N06AA09 [ATC]; Elavil, Endep [B20]" },
  { "nortriptyline", "N06AA10", { "anticholinergic", "serotonergic" }, brands = { "Pamelor", "Aventyl" },
    src = "§8.5 TCA; [B9][B10]; N06AA10 [ATC]; Pamelor, Aventyl [B20]" },
  { "imipramine", "N06AA02", { "anticholinergic", "serotonergic" }, brands = { "Tofranil" },
    src = "§8.5 TCA; [B8][B9][B10]; N06AA02 [ATC]; Tofranil [B20]" },
  { "clomipramine", "N06AA04", { "anticholinergic", "serotonergic" }, brands = { "Anafranil" },
    src = "§8.5 TCA; [B8][B9][B10]; N06AA04 [ATC]; Anafranil [B9b]" },
  { "desipramine", "N06AA01", { "anticholinergic", "serotonergic" }, brands = { "Norpramin" },
    src = "§8.5 TCA; [B9][B10]; N06AA01 [ATC]; Norpramin [B20]" },
  { "doxepin", "N06AA12", { "anticholinergic", "serotonergic" }, brands = { "Sinequan" },
    src = "§8.5 TCA; [B9][B10]; N06AA12 [ATC]; Sinequan [B20]" },
  { "trimipramine", "N06AA06", { "anticholinergic", "serotonergic" }, brands = { "Surmontil" },
    src = "§8.5 TCA; [B9][B10]; N06AA06 [ATC]; Surmontil [B20]" },
  { "dosulepin", "N06AA16", { "anticholinergic", "serotonergic" }, also = { "dothiepin" },
    brands = { "Prothiaden" }, src = "§8.5 TCA; [B9][B10]; N06AA16 [ATC]; Prothiaden [B20]" },
  { "protriptyline", "N06AA11", { "anticholinergic", "serotonergic" }, brands = { "Vivactil" },
    src = "§8.5 TCA; [B9][B10]; N06AA11 [ATC]; Vivactil [B20]" },
  { "lofepramine", "N06AA07", { "anticholinergic", "serotonergic" }, brands = { "Gamanil" },
    src = "§8.5 TCA; [B9][B10]; N06AA07 [ATC]; Gamanil [B20]" },
  { "bupropion", "N06AX12", "serotonergic", brands = { "Wellbutrin" },
    src = "bupropion (indirect effect) [B9]; N06AX12 [ATC]; Wellbutrin [B20]" },

  -- §8.5 Anticholinergics. Exact codes seen in code lists only.
  { "benztropine", "N04AC01", "anticholinergic", also = { "benzatropine" }, brands = { "Cogentin" },
    src = "§8.5; Cogentin [S87]; N04AC01 benzatropine [ATC]; [B10]" },
  { "trihexyphenidyl", "N04AA01", "anticholinergic", also = { "benzhexol" }, brands = { "Artane" },
    src = "§8.5; Artane [S87]; N04AA01 [ATC]; [B10]" },
  { "procyclidine", "N04AA04", "anticholinergic", src = "N04A anticholinergic agents §8.5; N04AA04 [ATC]" },
  { "biperiden", "N04AA02", "anticholinergic", src = "N04A anticholinergic agents §8.5; N04AA02 [ATC]" },
  { "orphenadrine", "N04AB02", "anticholinergic", atc_also = { "M03BC01" },
    src = "N04A §8.5; [B10]; N04AB02, M03BC01 [ATC]" },
  { "atropine", "A03BA01", "anticholinergic", src = "§8.5; A03BA01 belladonna alkaloid [ATC]; [B10]" },
  { "scopolamine", "A04AD01", "anticholinergic", also = { "hyoscine", "hyoscine hydrobromide" },
    atc_also = { "N05CM05" }, src = "belladonna alkaloid; hyoscine hydrobromide [B10]; A04AD01, N05CM05 [ATC]" },
  { "glycopyrronium", "A03AB02", "anticholinergic", also = { "glycopyrrolate" },
    src = "A03AB 'synthetic anticholinergics, quaternary ammonium compounds' [ATC]" },
  { "dicycloverine", "A03AA07", "anticholinergic", also = { "dicyclomine" }, src = "[B10]; A03AA07 [ATC]" },
  { "oxybutynin", "G04BD04", "anticholinergic", brands = { "Ditropan" },
    src = "drugs for urinary symptoms: oxybutynin [B10]; G04BD04 [ATC]; Ditropan (XL: a muscarinic antagonist) "
      .. "[B43]" },
  { "tolterodine", "G04BD07", "anticholinergic", src = "[B10]; G04BD07 [ATC]" },
  { "diphenhydramine", "R06AA02", "anticholinergic", brands = { "Benadryl" },
    src = "§8.5 antihistamine (R06A); R06AA02 [ATC]; Benadryl (US diphenhydramine) [B12]" },
  { "hydroxyzine", "N05BB01", "anticholinergic",
    src = "first-generation antihistamine, high central anticholinergic burden [B10]; N05BB01 [ATC]" },
  { "chlorphenamine", "R06AB04", "anticholinergic", also = { "chlorpheniramine" },
    src = "§8.5 antihistamine; [B10]; R06AB04 [ATC]" },
  { "cyclizine", "R06AE03", "anticholinergic", src = "§8.5 antihistamine; [B10]; R06AE03 [ATC]" },
  { "meclozine", "R06AE05", "anticholinergic", also = { "meclizine" },
    src = "§8.5 antihistamines (R06A), as the R06A group; R06AE05 [ATC] (session 11)" },
  { "cyproheptadine", "R06AX02", "anticholinergic",
    src = "§8.5 antihistamine; [B10]; R06AX02 [ATC]; also the serotonin-toxicity antidote (seed 003)" },
  -- Second-generation antihistamines sit in R06A but carry "low/no central
  -- anticholinergic burden" [B10]: known, and not anticholinergic.
  { "cetirizine", "R06AE07", "other", src = "low/no central anticholinergic burden [B10]; R06AE07 [ATC]" },
  { "loratadine", "R06AX13", "other", src = "low/no central anticholinergic burden [B10]; R06AX13 [ATC]" },
  { "fexofenadine", "R06AX26", "other", src = "low/no central anticholinergic burden [B10]; R06AX26 [ATC]" },
  -- Antimuscarinics that [B10] names among the "alternatives with low/no
  -- central anticholinergic burden" (session 11): known, and, as the
  -- second-generation antihistamines above, not of the class
  -- "anticholinergic" (the class the anticholinergic-toxicity differential
  -- asks about; its source is §8.5 and [B10]'s high-burden column).
  -- Hyoscine butylbromide is the quaternary compound, not hyoscine
  -- hydrobromide (scopolamine, high burden [B10]): its own names are
  -- listed so that "hyoscine butylbromide" is not read as "hyoscine".
  { "butylscopolamine", "A03BB01", "other", also = { "hyoscine butylbromide", "scopolamine butylbromide" },
    brands = { "Buscopan" },
    src = "'Hyoscine butylbromide (Buscopan)': low/no central anticholinergic burden [B10]; A03BB01 "
      .. "belladonna alkaloids, semisynthetic, quaternary ammonium compounds [ATC]" },
  { "propantheline", "A03AB05", "other", src = "low/no central anticholinergic burden [B10]; A03AB05 [ATC]" },
  { "mebeverine", "A03AA04", "other", src = "low/no central anticholinergic burden [B10]; A03AA04 [ATC]" },
  { "alverine", "A03AX08", "other", src = "low/no central anticholinergic burden [B10]; A03AX08 [ATC]" },
  { "pirenzepine", "A02BX03", "other", src = "low/no central anticholinergic burden [B10]; A02BX03 [ATC]" },
  { "trospium", "G04BD09", "other", src = "low/no central anticholinergic burden [B10]; G04BD09 [ATC]" },
  { "solifenacin", "G04BD08", "other", brands = { "Vesicare" },
    src = "low/no central anticholinergic burden [B10]; G04BD08 [ATC]; Vesicare [B26]" },
  { "darifenacin", "G04BD10", "other", src = "low/no central anticholinergic burden [B10]; G04BD10 [ATC]" },
  { "fesoterodine", "G04BD11", "other", src = "low/no central anticholinergic burden [B10]; G04BD11 [ATC]" },
  -- Inhaled antimuscarinics. Decision (session 11): the ATC index files
  -- them under R03BB "Anticholinergics" [ATC], but the ruleset's class
  -- "anticholinergic" follows §8.5 (N04A, atropine, R06A, TCAs) and [B10]
  -- (central burden), and neither names them; nor do [B8][B9]. The sources
  -- the class rests on are silent, so they are known as "other" (not
  -- unknown: "no class the criteria ask about" by those lists). Reopen if
  -- a cited source puts them in a class the criteria ask about.
  { "ipratropium", "R03BB01", "other", atc_also = { "R01AX03" }, brands = { "Atrovent" },
    src = "R03BB01 (inhaled), R01AX03 (nasal) [ATC]; not in §8.5 nor [B10] nor [B8][B9] (source silent: "
      .. "class other, session 11 decision); Atrovent [B26]" },
  { "tiotropium", "R03BB04", "other", brands = { "Spiriva" },
    src = "R03BB04 [ATC]; not in §8.5 nor [B10] nor [B8][B9] (source silent: class other, session 11 "
      .. "decision); Spiriva [B26]" },

  -- Serotonergic by [B8][B9], found missing in session 11.
  { "atomoxetine", "N06BA09", { "serotonergic", "sympathomimetic" }, brands = { "Strattera" },
    src = "'SNRI agents such as atomoxetine' [B9]; N06BA09, N06BA 'centrally acting sympathomimetics' [ATC]; "
      .. "Strattera [B26]" },
  { "milnacipran", "N06AX17", "serotonergic", src = "SNRI: milnacipran [B8]; SNRIs [B9]; N06AX17 [ATC]" },
  { "phentermine", "A08AA01", "serotonergic", src = "anorectics: phentermine [B8]; A08AA01 [ATC]" },

  -- §8.6 Malignant-hyperthermia triggers, non-triggers and treatment.
  { "halothane", "N01AB01", "mh_trigger", brands = { "Fluothane" },
    src = "§8.6 volatile anesthetic [S81]; Fluothane [B22]" },
  { "enflurane", "N01AB04", "mh_trigger", brands = { "Ethrane" },
    src = "§8.6 volatile anesthetic [S81]; Ethrane [B22]" },
  { "isoflurane", "N01AB06", "mh_trigger", brands = { "Forane" },
    src = "§8.6 volatile anesthetic [S81]; Forane [B22]" },
  { "desflurane", "N01AB07", "mh_trigger", brands = { "Suprane" },
    src = "§8.6 volatile anesthetic [S81]; Suprane [B22]" },
  { "sevoflurane", "N01AB08", "mh_trigger", brands = { "Ultane" },
    src = "§8.6 volatile anesthetic [S81]; Ultane [B22]" },
  { "succinylcholine", "M03AB01", "mh_trigger", also = { "suxamethonium" },
    brands = { "Anectine", "Quelicin" }, src = "§8.6 [S82]" },
  { "propofol", "N01AX10", "mh_non_trigger", brands = { "Diprivan" },
    src = "§8.6 non-trigger [S62][S82]; Diprivan [B22]" },
  { "nitrous oxide", "N01AX13", "mh_non_trigger", src = "§8.6 non-trigger [S62][S82]" },
  { "rocuronium", "M03AC09", "mh_non_trigger", src = "§8.6 non-depolarizing relaxant [S62][S82]" },
  { "vecuronium", "M03AC03", "mh_non_trigger", src = "§8.6 non-depolarizing relaxant [S62]; M03AC03 [ATC]" },
  { "atracurium", "M03AC04", "mh_non_trigger", src = "§8.6 non-depolarizing relaxant [S62]; M03AC04 [ATC]" },
  { "cisatracurium", "M03AC11", "mh_non_trigger", src = "§8.6 non-depolarizing relaxant [S62]; M03AC11 [ATC]" },
  { "morphine", "N02AA01", "mh_non_trigger", brands = { "MS Contin" },
    src = "§8.6 opioids are non-triggers [S62]; N02AA01 [ATC]; MS Contin [B22]" },
  { "oxycodone", "N02AA05", "mh_non_trigger", brands = { "OxyContin" },
    src = "§8.6 opioids [S62]; N02AA05 [ATC]; OxyContin [B22]" },
  { "hydromorphone", "N02AA03", "mh_non_trigger", brands = { "Dilaudid" },
    src = "§8.6 opioids [S62]; N02AA03 [ATC]; does not inhibit "
      .. "the serotonin transporter [B15]; Dilaudid [B22]" },
  { "codeine", "R05DA04", "mh_non_trigger", src = "§8.6 opioids [S62]; R05DA04 [ATC]" },
  -- Hydrocodone (session 11): an opioid, as oxycodone; neither [B8] nor
  -- [B9] names it among the serotonergic opioids.
  { "hydrocodone", "R05DA03", "mh_non_trigger",
    src = "§8.6 opioids [S62]; not in [B8][B9]; R05DA03 [ATC]" },
  -- Opioid and paracetamol products (session 16, review finding 16): the
  -- brand is both parts, not the opioid alone; the classes are the
  -- opioid's (paracetamol has none the criteria ask about). No code of
  -- their own: the index read has "oxycodone, combinations" (N02AA55),
  -- which covers other partners too, and none for hydrocodone's.
  { "hydrocodone/paracetamol", nil, "mh_non_trigger", also = { "hydrocodone/acetaminophen" },
    brands = { "Norco", "Vicodin" },
    src = "Norco, Vicodin (hydrocodone/acetaminophen) [B26]; hydrocodone §8.6 opioids [S62], not in [B8][B9]; "
      .. "paracetamol N02BE01 [ATC]" },
  { "oxycodone/paracetamol", nil, "mh_non_trigger", also = { "oxycodone/acetaminophen" },
    brands = { "Percocet" },
    src = "Percocet (oxycodone/acetaminophen) [B26]; oxycodone §8.6 opioids [S62]; paracetamol N02BE01 [ATC]" },
  -- Tylenol with Codeine No. 3 / No. 4 (session 17, review finding 16):
  -- "Tylenol #3" was read as the paracetamol brand alone. The label [B48]
  -- gives the composition, acetaminophen and codeine phosphate; the
  -- classes are codeine's (paracetamol has none the criteria ask about).
  { "codeine/paracetamol", nil, "mh_non_trigger", also = { "codeine/acetaminophen" },
    brands = { "Tylenol with Codeine", "Tylenol #3", "Tylenol #4", "Tylenol No. 3", "Tylenol No. 4" },
    src = "TYLENOL with Codeine (acetaminophen and codeine phosphate), No. 3 and No. 4 [B48]; codeine "
      .. "§8.6 opioids [S62]; paracetamol N02BE01 [ATC]" },
  { "remifentanil", "N01AH06", "mh_non_trigger", src = "§8.6 opioids [S62]; N01AH06 [ATC]" },
  { "sufentanil", "N01AH03", "mh_non_trigger", src = "§8.6 opioids [S62]; N01AH03 [ATC]" },
  { "alfentanil", "N01AH02", "mh_non_trigger", src = "§8.6 opioids [S62]; N01AH02 [ATC]" },
  { "dantrolene", "M03CA01", "mh_treatment", brands = { "Dantrium", "Revonto", "Ryanodex" },
    src = "§8.6 [S25][S82]" },

  -- §7.9 Sympathomimetic toxicity [S77][S36]: "cocaine, amphetamines,
  -- cathinones". No ATC code is given for them in the reference. Only the
  -- substances the reference names are listed: amphetamine, and
  -- methamphetamine as an amphetamine; cathinone for "cathinones".
  { "cocaine", nil, "sympathomimetic", src = "§7.9 cocaine [S77][S36]" },
  { "amphetamine", "N06BA01", "sympathomimetic", also = { "amphetamines", "amfetamine" }, brands = { "Adderall" },
    src = "§7.9 amphetamines [S77][S36]; N06BA01 [ATC]; Adderall (amphetamine/dextroamphetamine) [B26]" },
  { "methamphetamine", "N06BA03", "sympathomimetic", also = { "metamfetamine" },
    src = "§7.9 amphetamines [S77][S36]; N06BA03 [ATC]" },
  { "dexamfetamine", "N06BA02", "sympathomimetic", also = { "dextroamphetamine", "dexamphetamine" },
    src = "§7.9 amphetamines; N06BA 'centrally acting sympathomimetics' [ATC]" },
  { "lisdexamfetamine", "N06BA12", "sympathomimetic", also = { "lisdexamphetamine" }, brands = { "Vyvanse" },
    src = "amphetamine prodrug; N06BA 'centrally acting sympathomimetics' [ATC]; Vyvanse [B26]" },
  { "methylphenidate", "N06BA04", "sympathomimetic", brands = { "Ritalin", "Concerta" },
    src = "N06BA 'centrally acting sympathomimetics' [ATC]; Ritalin, Concerta [B9b]" },
  { "modafinil", "N06BA07", "sympathomimetic", brands = { "Provigil" },
    src = "N06BA 'centrally acting sympathomimetics' [ATC], as methylphenidate (session 11); N06BA07 [ATC]; "
      .. "Provigil [B26]" },
  { "cathinone", nil, "sympathomimetic", also = { "cathinones", "synthetic cathinones", "bath salts" },
    src = "§7.9 cathinones [S77][S36]; synthetic cathinones sold as 'bath salts' [B42]" },
  -- Mephedrone: a synthetic cathinone [B42], so §7.9's cathinones, and
  -- only the class §7.9 gives (as the cathinone row): no source the
  -- serotonergic class rests on was read to list it ([B42]'s "may ...
  -- modulate serotonin" is not a listing).
  { "mephedrone", nil, "sympathomimetic", also = { "4-methylmethcathinone" },
    src = "synthetic cathinone (4-methylmethcathinone) [B42]; §7.9 cathinones [S77][S36]" },

  -- §5.2 NMS treatment: lorazepam, the first-line benzodiazepine [S22][S24].
  -- Known here so that a case treated with it is not "a drug the ruleset
  -- does not know" (which would leave class questions unknown); the other
  -- benzodiazepines likewise, with their ATC codes [ATC].
  { "lorazepam", "N05BA06", "benzodiazepine", brands = { "Ativan" },
    src = "§5.2 [S22][S24]; §5.6 [S38]; N05BA06 [ATC]; Ativan [B21]" },
  { "diazepam", "N05BA01", "benzodiazepine", brands = { "Valium" }, src = "N05BA01 [ATC]; Valium [B21]" },
  { "midazolam", "N05CD08", "benzodiazepine", brands = { "Versed" }, src = "N05CD08 [ATC]; Versed [B21]" },
  { "clonazepam", "N03AE01", "benzodiazepine", brands = { "Klonopin", "Rivotril" },
    src = "N03AE01 [ATC]; Klonopin, Rivotril [B21]" },
  { "alprazolam", "N05BA12", "benzodiazepine", brands = { "Xanax" }, src = "N05BA12 [ATC]; Xanax [B21]" },
  { "oxazepam", "N05BA04", "benzodiazepine", brands = { "Serax" }, src = "N05BA04 [ATC]; Serax [B21]" },
  { "temazepam", "N05CD07", "benzodiazepine", brands = { "Restoril" }, src = "N05CD07 [ATC]; Restoril [B21]" },
  { "clobazam", "N05BA09", "benzodiazepine", brands = { "Frisium", "Onfi" },
    src = "N05BA09 [ATC]; Frisium, Onfi [B21]" },
  { "triazolam", "N05CD05", "benzodiazepine", brands = { "Halcion" }, src = "N05CD05 [ATC]; Halcion [B21]" },
  { "chlordiazepoxide", "N05BA02", "benzodiazepine", brands = { "Librium" },
    src = "N05BA02 [ATC]; Librium [B21]" },
  -- Benzodiazepines of the WHO index a European chart names (a published
  -- anticholinergic-syndrome case on lormetazepam, tests/data/case-reports
  -- cr27, came out "not in the ruleset's drug list"): generic names only,
  -- no brand was read for them.
  { "lormetazepam", "N05CD06", "benzodiazepine", src = "N05CD06 [ATC]" },
  { "bromazepam", "N05BA08", "benzodiazepine", src = "N05BA08 [ATC]" },
  { "nitrazepam", "N05CD02", "benzodiazepine", src = "N05CD02 [ATC]" },
  { "flunitrazepam", "N05CD03", "benzodiazepine", src = "N05CD03 [ATC]" },
  { "flurazepam", "N05CD01", "benzodiazepine", src = "N05CD01 [ATC]" },
  { "brotizolam", "N05CD09", "benzodiazepine", src = "N05CD09 [ATC]" },
  { "loprazolam", "N05CD11", "benzodiazepine", src = "N05CD11 [ATC]" },
  { "estazolam", "N05CD04", "benzodiazepine", src = "N05CD04 [ATC]" },
}
