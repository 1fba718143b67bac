-- drugs.lua - drug knowledge as data: classes, ATC groups, names, brands.
--
-- The drug tables themselves are drugs/dopamine.lua (clinical-reference
-- §8.1-8.3: antipsychotics, other dopamine antagonists, dopaminergic drugs),
-- drugs/other.lua (§8.4-8.6 and §7.9: serotonergic, anticholinergic,
-- malignant-hyperthermia and sympathomimetic drugs, benzodiazepines),
-- drugs/common.lua (common co-medications of none of these classes) and
-- drugs/depot.lua (long-acting injectable products). lib/drugs.lua
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
--   [B5] MSD Manual Professional, table "Depot antipsychotic medications"
--        (dosing intervals), https://www.msdmanuals.com/uk/professional/multimedia/table/depot-antipsychotic-medications
--   [B6] Review of long-acting injectable antipsychotics, Table 2 (half-life,
--        Tmax, frequency per product; authors not shown on the table page),
--        https://pmc.ncbi.nlm.nih.gov/articles/PMC8316655/table/T2
--   [B7] J Am Acad Psychiatry Law, Table 2 "Long-Acting Injectable
--        Antipsychotic (LAI) Medication Comparisons" (dosing intervals and
--        brand names), https://jaapl.org/highwire/markup/10751/expansion
--   [B8] Cleveland Clin J Med table "Drug mechanisms associated with
--        serotonin syndrome", https://www.ccjm.org/highwire/markup/2705/expansion
--   [B9] Ther Adv Psychopharmacol 2019;9, Table 1 "Agents associated with an
--        increased risk of serotonin syndrome", https://pmc.ncbi.nlm.nih.gov/articles/PMC6413434/table/table1-2045125318818814
--   [B9b] GP exam revision list of drugs causing serotonin syndrome, with
--        brand names (low authority: brand names only), https://gpexams.com/drugs-causing-serotonin-syndrome/
--   [B10] Drug Ther Bull (BMJ) table of drugs with high central
--        anticholinergic burden and alternatives with low/no burden,
--        https://dtb.bmj.com/highwire/markup/142040/expansion
--   [B11] Domperidone: Brogden RN et al., Drugs 1982;24:360-400 (PMID
--        6756878); Champion MC et al., "Domperidone, a new dopamine
--        antagonist", CMAJ 1986 (Motilium); Reddymasu SC et al., Am J
--        Gastroenterol 2007;102:2036-45
--   [B12] Brand-generic pairs named in issue 9 item 7, or seen in public
--        code drug lists by exact-string search (as [S82] for ATC codes)
--   [B13] Pimavanserin: Stahl SM, CNS Spectrums 2016 ("does not block
--        dopamine D2 receptors"); Howland RH, J Psychosoc Nurs Ment Health
--        Serv 2016;54(6):21-4 (PMID 27245248)
--   [B14] Caroff SN. Risk of NMS with vesicular monoamine transporter
--        inhibitors. Clin Psychopharmacol Neurosci 2020;18(2):322-6
--        (reserpine, tetrabenazine, valbenazine, deutetrabenazine); VMAT2
--        warnings table, https://clinmedjournals.org/articles/cmrcr/cmrcr-4-198-table2.html
--   [B15] Baldo BA. Opioid analgesic drugs and serotonin toxicity. Arch
--        Toxicol 2018 (doi 10.1007/s00204-018-2244-6), abstract
--   Brand names added for real medication lists (each pair generic-brand as
--   the source prints it; a brand no source showed was left out):
--   [B16] Long Term Care Community Coalition, "Antipsychotic drug list"
--        (US generic and brand names), https://nursinghome411.org/ap-list/
--   [B17] UK-licensed antipsychotics, generic with brand,
--        https://meds-online24.com/how-are-antipsychotics-taken/ ; Mind,
--        "Comparing antipsychotics" (UK trade names),
--        https://www.mind.org.uk/information-support/drugs-and-treatments/antipsychotics/comparing-antipsychotics/
--   [B18] German-language trade names of antipsychotics,
--        http://psychosis-bipolar.com/therapy-of-psychoses-03.html
--   [B19] Parkinson's drugs: "Medications approved for the treatment of
--        Parkinson's disease in the USA" (May 2018),
--        https://docslib.org/doc/4718775/medications-approved-for-the-treatment-of-parkinsons-disease-in ;
--        European Parkinson's Disease Association, dopamine agonists,
--        http://epda.eu.com/about-parkinson-s/treatments/dopamine-agonists/ ;
--        NHS GG&C formulary 4.9.1 (Duodopa, Stanek),
--        https://ggcmedicines.org.uk/formulary/central-nervous-system/drugs-used-in-parkinsonism-and-related-disorders/dopaminergic-drugs-used-in-parkinson-s-disease
--   [B20] Antidepressant lists: https://www.emedexpert.com/lists/antidepressants.shtml
--        (after Stahl, Essential Psychopharmacology); https://vikdr.com/antidepressants/definition.htm ;
--        https://www.webmd.com/depression/answers-depression/answers-types ;
--        https://www.womenshealthnetwork.com/emotionsanxietyandmood/listantidepressants.aspx
--   [B21] Benzodiazepines with brand names:
--        https://www.drugs.com/drug-class/benzodiazepines.html ;
--        http://bipolarworld.net/Medications/Other%20Meds/oth1.htm ;
--        https://www.gallusdetox.com/comprehensive-list-of-benzodiazepines/
--   [B22] Common co-medications with brand names: anticoagulants
--        (http://www.wikimd.org/wiki/Anticoagulants, https://www.nicerx.com/classes/anticoagulants/);
--        antibiotics (https://www.reference.com/world-view/brand-names-antibiotics-c738036855e13e31,
--        https://knowledge3301.blogspot.com/2024/07/common-antibiotic-brands-and-their-uses.html,
--        https://accesspharmacy.mhmedical.com/content.aspx?bookid=458&sectionid=41034039,
--        piperacillin/tazobactam "Trade names Tazocin, Zosyn",
--        https://review.clateway.com/wiki/view_html.php?q=Piperacillin%2Ftazobactam ;
--        Zosyn vs Augmentin, https://minclinic.eu/drugs/drugs_eng/Drugs_A-Z/drugs-condition-152.htm);
--        anaesthetics (MedlinePlus USP DI "Anesthetics, General (Systemic)",
--        https://webharvest.gov/peth04/20041106003707/http://www.nlm.nih.gov/medlineplus/druginfo/uspdi/203043.html ;
--        https://mobile.fpnotebook.com/Surgery/Pharm/VltlOrgncAnsthtc.htm); acid
--        suppressants (http://refluxny.com/ppi/, https://qammunity.org/20774586);
--        antihypertensives (https://healthfully.com/252523-brand-names-of-high-blood-pressure-medications.html,
--        https://savingsguide.rxgo.com/the-5-most-popular-prescription-blood-pressure-medications/,
--        http://healthtools.aarp.org/health/high-blood-pressure-hypertension-medication,
--        http://www.drugsinfocom.com/bloodpressure-hypertensive-drugs/,
--        https://pdfcoke.com/documents/name-that-medicine-48ojpg6j21o1 (Coreg, Vasotec, Normodyne));
--        antiepileptics (https://www.epilepsy.com/learn/professionals/resource-library/tables/mechanism-action-commonly-used-aeds,
--        https://plannedgiving.epilepsy.com/stories/summary-anti-seizure-medications);
--        analgesics (http://www.faqs.org/health-encyc/Commonly-Prescribed-Drugs/II-ANALGESICS.html,
--        http://donsnotes.com/health/pain-relivers.html,
--        http://www.karma99.com/2018/03/common-pain-medications-management.html,
--        OxyContin: https://mrasasa.qowap.com/90456235/top-10-effective-painkillers);
--        insulins (PMC6104264 Table 3, https://pmc.ncbi.nlm.nih.gov/articles/PMC6104264/table/Tab3 ;
--        https://www.endocrinologyadvisor.com/uncategorized/insulins-2/)
--   [B23] Brand-generic pairs seen in public code drug lists by exact-string
--        search (as [B12]): Serenace, Maxolon, Xeplion/Trevicta (paliperidone
--        palmitate 1- and 3-monthly), Zypadhera, Reagila, Barhemsys, Fluanxol,
--        Clexane, Vancocin/"Vanco"/"vanc", Maxipime, Targocid, Rocephin, Zyvox, Dulcolax,
--        "Pip/Tazo", Toradol, Ongentys, Trintellix, Faverin, Lipitor, Zocor, Synthroid,
--        Duragesic/Sublimaze; and single pages: Stemetil
--        (https://www.mydawa.com/products/medical-conditions/stomach-care/-digestive-health/stemetil-5mg-tablets-84s),
--        Buccastem (BMJ Support Palliat Care table, https://spcare.bmj.com/highwire/markup/148690/expansion),
--        Sycrest (https://www.pazienti.it/farmaci/sycrest-60cpr-subling-5mg-essex-italia-srl),
--        Xenazine (https://sanomedica.com/dopamine-antagonists/), Ultram (RxNorm
--        names in the CDC opioid value set, https://build.fhir.org/ig/HL7/cdc-opioid-cpg/ValueSet-opioid-analgesics-with-ambulatory-misuse-potential.html)
--   [B24] Lithium: Bipolar UK, "Tell me about lithium" (Camcolit, Liskonum,
--        Priadel, Li-liquid), https://www.bipolaruk.org/FAQs/tell-me-about-lithium ;
--        Eskalith, Lithobid, https://healthlinerx.org/lithium/
--   [B25] Baclofen products in openFDA: intrathecal baclofen label, set id
--        e05080ef-53d9-4060-aaa4-86a6935467de (boxed warning on abrupt
--        discontinuation), https://api.fda.gov/drug/label.json?search=set_id%3A%22e05080ef-53d9-4060-aaa4-86a6935467de%22 ;
--        NDC 70121-2504 "Lioresal (baclofen)",
--        https://api.fda.gov/drug/ndc.json?search=product_ndc%3A%2270121-2504%22 ;
--        LYVISPAH (baclofen) label, set id f8992a56-9010-4c4b-84d5-ddcc3e2c3317,
--        https://api.fda.gov/drug/label.json?search=set_id%3A%22f8992a56-9010-4c4b-84d5-ddcc3e2c3317%22
--   [B26] Brand-generic pairs seen in public code drug lists by exact-string
--        search (session 11, as [B12][B23]), each printed "generic (Brand)"
--        in some list: Senokot (senna), Colace (docusate), MiraLAX
--        (polyethylene glycol), Glucotrol, Amaryl, Actos, Januvia, Victoza,
--        Jardiance, Farxiga, Ozempic, Trulicity, Solu-Medrol, Lyrica, Flovent,
--        Advair (fluticasone-salmeterol), Singulair, Flomax, Proscar,
--        Minipress, Intuniv, Pravachol, Zetia, Tricor, Crestor, Diovan, Mobic,
--        Zyloprim, Valtrex, Diflucan, Ventolin, Atrovent, Spiriva, Vesicare,
--        Strattera, Vyvanse, Adderall (amphetamine/dextroamphetamine), Norco
--        and Vicodin (hydrocodone/acetaminophen), Percocet
--        (oxycodone/acetaminophen), Suboxone (buprenorphine/naloxone),
--        Entresto (sacubitril/valsartan), Provigil
--   [B27] Healthgrades, "The Top 50 Drugs Prescribed in the United States"
--        (ClinCalc DrugStats / MEPS figures, with brand names; medically
--        reviewed by A. D. Sellers, PharmD),
--        https://www.healthgrades.com/right-care/patient-advocate/the-top-50-drugs-prescribed-in-the-united-states
--   Long-acting injectables approved since [B5]-[B7] (session 16; labels
--   read 7 December 2026 in stored copies; each: brand, generic, route,
--   dosing interval as the label states it, and Tmax / half-life where read):
--   [B28] INVEGA HAFYERA (paliperidone palmitate) extended-release injectable
--        suspension, prescribing information, Janssen, revised 9/2024, DailyMed
--        set id 6cd61892-d2cb-434d-83ed-5c1b2c4e7a0b: "gluteal intramuscular
--        injection ... once every 6 months", https://fda.report/DailyMed/6cd61892-d2cb-434d-83ed-5c1b2c4e7a0b ;
--        J&J Medical Information, "Discontinuation of INVEGA HAFYERA therapy"
--        (from the prescribing information: "median apparent half-life ... 148
--        and 159 days" after 1,092 or 1,560 mg), https://www.jnjmedicalconnect.com/products/invega-hafyera/medical-content/discontinuation-of-invega-hafyera-therapy ;
--        BYANNLI (EU) SmPC, "a 6-monthly injection" of paliperidone palmitate,
--        https://patient-info.co.uk/byannli-previously-paliperidone-janssen-cilag-international-69556/summary-of-medicine-characteristics
--   [B29] ABILIFY ASIMTUFII (aripiprazole) extended-release injectable
--        suspension, prescribing information, Otsuka: "intramuscular gluteal
--        injection", "960 mg, administered once every 2 months (56 days after
--        previous injection)", https://prescriberpoint.com/therapies/abilify-asimtufii-da4c07f ;
--        FDA approval 27 April 2023 (Otsuka/Lundbeck), https://maestrodatabase.com/blog/fda-approves-otsuka-and-lundbecks-abilify-asimtufii-aripiprazole-the-first-once-every-two-months-long-acting-injectable-for-the-treatment-of-schizophrenia-or-maintenance-monotherapy-treatment-of-bipolar-i-disorder-in-adults
--   [B30] PERSERIS (risperidone) for extended-release injectable suspension,
--        subcutaneous, once monthly: Indivior HCP pages from the prescribing
--        information ("subcutaneous abdominal administration", "sustained
--        release of risperidone over the monthly dosing period"; initial peak
--        4-6 h, "second peak ... 10 to 14 days post dose"),
--        https://www.perserishcp.com/dosing-administration-and-storage ,
--        https://www.perserishcp.com/pharmacokinetics ; Davis's Drug Guide,
--        risperidone (2022): subcutaneous "initial release ... at 4-6 hr, with
--        the rest of release occurring at 10-14 days", "Half-life ...
--        Subcutaneous 9-11 days", https://download.skyscape.com/download/ota/lonestar/F31E6463-B697-47C5-8589-F78B5C964691/drugguide.ed18_2022/content/HTML/x/tu3.htm
--   [B31] UZEDY (risperidone) extended-release injectable suspension,
--        subcutaneous, prescribing information (Teva), dosage table "UZEDY
--        Dosage Once Monthly | UZEDY Dosage Once Every 2 Months",
--        https://prescriberpoint.com/therapies/uzedy-734eb77 ; Davis's Drug
--        Guide 2024, risperidone SC: "Uzedy: 50 mg once monthly or 100 mg every
--        2 mo", https://download.skyscape.com/download/ota/lonestar/FCD1C556-3933-4594-AD2C-8C43C7C2B8BA/drdrug.ed19_2024/content/HTML/x/tu3.htm ;
--        half-life "~14-22 days" as a label summary (psychmed.org, low
--        authority), https://psychmed.org/drugs/risperidone-uzedy
--   [B32] RYKINDO (risperidone) for extended-release injectable suspension,
--        for intramuscular use, prescribing information, Luye, DailyMed set id
--        58534c96-96f5-4c2e-a061-92d4506aee91 (updated 9 June 2023): "25 mg
--        intramuscular (IM) every 2 weeks" in the gluteal muscle,
--        https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=58534c96-96f5-4c2e-a061-92d4506aee91
--   [B33] RISVAN (risperidone) extended-release injectable suspension,
--        prescribing information, Rovi, revised 3/2024: "deltoid or gluteal
--        intramuscular injection", "75 mg or 100 mg once monthly",
--        https://fda.report/DailyMed/15202704-9cc1-1c34-e063-6394a90a2bf8 ;
--        OKEDI (EU) SmPC, updated 8 November 2023: "every 28 days by
--        intramuscular (IM) injection", https://medicines.org.uk/emc/product/13778/smpc/print
--   [B34] ERZOFRI (paliperidone palmitate) extended-release injectable
--        suspension, prescribing information, Luye, revised 11/2024:
--        "intramuscular injection", 351 mg on day 1 then monthly doses,
--        https://fda.report/DailyMed/492bf9dd-868e-421a-92db-8cca8973aac1
--   Names found unrecognised by the session-16 clinical review (finding 10,
--   16); each label or formulary read 7 December 2026 in stored copies:
--   [B35] Janusmed (Region Stockholm), zuclopenthixol: drug products
--        Cisordinol, Cisordinol Depot, Cisordinol-Acutard, Clopixol, Clopixol
--        Depot, Clopixol-Acutard (trademark signs left out), ATC N05AF05,
--        https://janusinfo.se/beslutsstod/janusmedkonochgenus/janusmedsexandgender/database/zuclopenthixol.4.492f438316ec5fbe7121039b.html
--   [B36] VERSACLOZ (clozapine) oral suspension, prescribing information
--        (TruPharma), DailyMed set id 2592c9a8-fd74-4e0d-a895-b07b014cf355,
--        https://medic.hrt.org/dm/drug/versacloz-clozapine-suspension-trupharma-llc ;
--        https://www.drugs.com/pro/versacloz.html
--   [B37] SYMBYAX (olanzapine and fluoxetine) capsules, prescribing
--        information, Eli Lilly: "combines olanzapine, an atypical
--        antipsychotic and fluoxetine, a selective serotonin reuptake
--        inhibitor"; serotonin syndrome warning (5.6),
--        http://drugcentral.org/label/6b28c424-0b7e-4b75-b090-f116b113554e/view ,
--        https://pdfslide.us/documents/rxiskorg-with-syndrome-particularly-during-treatment-initiation-and-dose-increases.html
--   [B38] LYBALVI (olanzapine and samidorphan) tablets, prescribing
--        information, Alkermes, set id 32ffddd1-4e2b-45d9-9b36-bb730167ec80: "a
--        combination of olanzapine, an atypical antipsychotic, and
--        samidorphan, an opioid antagonist",
--        https://nctr-crs.fda.gov/fdalabel/services/spl/set-ids/32ffddd1-4e2b-45d9-9b36-bb730167ec80/spl-doc ,
--        https://themeditary.com/pro/lybalvi-prescribing-information-13764.html
--   [B39] Amitriptyline and perphenazine, "Brand Names: Etrafon, Etrafon-A,
--        Etrafon-Forte, Triavil" ("Etrafon and Triavil contain both drugs"),
--        Stanford What Meds, http://whatmeds.stanford.edu/medications/amit_perp.html ;
--        brand TRIAVIL, Worst Pills, Best Pills monograph 65,
--        https://www.worstpills.org/monographs/view/65
--   [B40] GABLOFEN (baclofen injection), for intrathecal use, prescribing
--        information, Piramal Critical Care, DailyMed set id
--        00d3e846-dd92-448d-9ab8-6a07be823cc1 (boxed warning: abrupt
--        discontinuation of intrathecal baclofen),
--        https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=00d3e846-dd92-448d-9ab8-6a07be823cc1
--   [B41] DEMEROL (meperidine hydrochloride) injection, DailyMed set id
--        53ddfe26-5a7e-4f39-8904-829a03538f63 ("DEMEROL, brand of meperidine
--        hydrochloride"), https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=53ddfe26-5a7e-4f39-8904-829a03538f63
--   [B42] Prosser JM, Nelson LS. The toxicology of bath salts: a review of
--        synthetic cathinones. J Med Toxicol 2012;8(1):33-42 (PMID 22108839):
--        synthetic cathinones "sold as 'bath salts'", mephedrone among them,
--        https://pmc.ncbi.nlm.nih.gov/articles/PMC3550219
--   [B43] DITROPAN XL (oxybutynin chloride) extended release tablets,
--        prescribing information, Janssen, DailyMed set id
--        36cc9115-bef3-48fa-93ff-bcda24cf26e2 ("a muscarinic antagonist"),
--        https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=36cc9115-bef3-48fa-93ff-bcda24cf26e2
--   [B44] SPRAVATO (esketamine) nasal spray, full prescribing information
--        (Janssen, MIMS): "Psychoanaleptics; Other antidepressants. ATC code:
--        N06AX27", "the S-enantiomer of racemic ketamine", an NMDA receptor
--        antagonist, https://prdmimsweb.azurewebsites.net/malaysia/drug/info/spravato?type=full
--   [B45] AUVELITY (dextromethorphan hydrobromide / bupropion hydrochloride)
--        extended-release tablets, prescribing information, Axsome, set id
--        dcefda7c-9a68-278e-e053-2995a90aec79: "a combination of
--        dextromethorphan ... and bupropion", https://fda.report/DailyMed/dcefda7c-9a68-278e-e053-2995a90aec79
--   [B46] Pabrinex Intravenous High Potency, SmPC: ampoule No 1 thiamine,
--        riboflavin, pyridoxine; No 2 ascorbic acid, nicotinamide, glucose;
--        "the water soluble vitamins B and C",
--        https://imedi.co.uk/pabrinex-intravenous-high-potency-solution-for-injection/summary
--   [B47] NEO-MERCAZOLE (carbimazole), NPS MedicineWise consumer medicine
--        information, https://www.nps.org.au/medicine-finder/neo-mercazole-tablets ;
--        TAPAZOLE (methimazole tablets USP), product monograph,
--        https://healthdocbox.com/amp/74742100-Thyroid_Disease/Product-monograph-tapazole-methimazole-tablets-usp-5-10-and-20-mg-antithyroid-agent.html
--   [B48] TYLENOL with Codeine (acetaminophen and codeine phosphate) tablets,
--        CIII, Janssen Pharmaceuticals, DailyMed set id
--        936e481e-f46c-4e03-b8e3-25961cda1909 ("TYLENOL WITH CODEINE-
--        acetaminophen and codeine phosphate tablet"; each No. 3 tablet
--        acetaminophen 300 mg and codeine phosphate 30 mg, No. 4 60 mg),
--        https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=936e481e-f46c-4e03-b8e3-25961cda1909
--   [B49] Abilify Maintena 720 mg and 960 mg, the EU name of the 2-monthly
--        aripiprazole (read 7 December 2026 in stored copies; session 18):
--        Abilify Maintena 960 mg prolonged-release suspension for injection
--        in pre-filled syringe, SmPC, Otsuka Pharmaceuticals (UK) Ltd, emc
--        (last updated 3 September 2024), ATC N05AX12: "Each pre-filled
--        syringe contains 960 mg aripiprazole per 3.2 mL", "Abilify Maintena
--        960 mg should then be dosed once every 2 months (every 56 days)",
--        https://medicines.org.uk/emc/product/15679/smpc ; the European
--        Commission's approval of "Abilify Maintena 720mg/960mg
--        (aripiprazole)", "the first once-every-two-month long-acting
--        injectable (LAI) antipsychotic in the European Union", "bi-monthly
--        dosing through an intramuscular injection into the gluteal muscle"
--        (Pharmaceutical Technology), https://www.pharmaceutical-technology.com/?p=294435 ;
--        the once-monthly product's SmPC (Aripiprazole Otsuka 300 mg, emc,
--        updated 4 September 2024): "the recommended maintenance dose ... is
--        400 mg", "once monthly as a single injection (no sooner than 26
--        days ...)", "Two injection start: On the day of initiation, two
--        separate injections of Aripiprazole Otsuka 400 mg should be
--        administered", https://www.medicines.org.uk/emc/product/12955/smpc/print ;
--        Abilify Maintena SmPC (MIMS): "reduction of the dose to 300 mg once
--        monthly", "When used concomitantly with strong CYP3A4 inhibitors the
--        dose should be reduced to 200 mg", https://www.mims.com/malaysia/drug/info/abilify%20maintena/dosage
--        and its overdose section (read 7 December 2026, session 20): "accidental
--        or intentional acute overdose of aripiprazole alone was identified in
--        adult patients with reported estimated doses up to 1,260 mg (41 times
--        highest recommended daily aripiprazole dose)" (oral aripiprazole),
--        https://www.mims.com/malaysia/drug/info/abilify%20maintena/overdosage
--   [B50] ARISTADA (aripiprazole lauroxil) extended-release injectable
--        suspension, prescribing information, Alkermes, DailyMed set id
--        17a8d11b-73b0-4833-a0b4-cf1ef85edefb (read 7 December 2026 in a
--        stored copy; session 19): "441 mg, 662 mg, 882 mg or 1064 mg
--        single-dose pre-filled syringe", "441 mg, 662 mg or 882 mg
--        administered monthly, 882 mg dose every 6 weeks, or 1064 mg dose
--        every 2 months"; ARISTADA INITIO 675 mg,
--        https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=17a8d11b-73b0-4833-a0b4-cf1ef85edefb
--   [ATC] WHO ATC index as transcribed in the public repository
--        SubjectRaw/SubjectRaw, subject/data/eng/atc.md (codes and group
--        titles; newer codes such as N05AX15-17 are not in it)
--   [ATC-S] WHO Collaborating Centre for Drug Statistics Methodology,
--        Guidelines for ATC classification and DDD assignment, part II.A
--        "Structure and nomenclature": five levels, the code of metformin
--        A (1st level), A10 (2nd), A10B (3rd), A10BA (4th), A10BA02 (5th),
--        https://www.whocc.no/atc_ddd_index_and_guidelines/guidelines/
--        (read as the 2013 edition, yumpu.com/en/document/view/4414280)

local dopamine = require("drugs.dopamine")
local other = require("drugs.other")
local common = require("drugs.common")
local depot = require("drugs.depot")

-- The classes a drug can belong to. Criteria and parameters refer to these
-- ids (e.g. parameter exposure.antagonist_classes).
local classes = {
  antipsychotic = { title = "antipsychotic", source = "§8.1 (ATC N05A) [S48][S81]" },
  antipsychotic_non_d2 = { title = "antipsychotic without dopamine D2 blockade",
    source = "pimavanserin: no appreciable D2 affinity [B13]; not a dopamine antagonist" },
  da_peripheral = { title = "peripheral dopamine antagonist (does not readily cross the blood-brain barrier)",
    source = "domperidone [B11]; listed as an antiemetic cause in §8.2 [S48]" },
  antiemetic_da = { title = "antiemetic dopamine antagonist",
    source = "§8.2 [S48][S85]; §8.1 droperidol, prochlorperazine, levosulpiride [S48]" },
  da_antagonist = { title = "other dopamine antagonist", source = "§8.2 amoxapine, TCA with D2 blockade [S50]" },
  da_depleter = { title = "dopamine depleter", source = "§8.2 tetrabenazine [S18]" },
  dopaminergic = { title = "dopaminergic", source = "§8.3 (ATC N04B), withdrawal causes PHS [S74][S81]" },
  serotonergic = { title = "serotonergic", source = "§8.4 [S81][S82]" },
  serotonergic_unconfirmed = { title = "reported with serotonin syndrome, not confirmed",
    source = "valproate, carbamazepine: listed by [B9], 'not confirmed' by [B8]; not §8.4" },
  anticholinergic = { title = "anticholinergic", source = "§8.5 [S87]" },
  mh_trigger = { title = "malignant-hyperthermia trigger", source = "§8.6 [S62][S63][S81][S82]" },
  sympathomimetic = { title = "sympathomimetic",
    source = "§7.9 cocaine, amphetamines, cathinones: catecholamine excess [S77][S36]" },
  mh_non_trigger = { title = "not a malignant-hyperthermia trigger", source = "§8.6 non-triggers [S62][S82]" },
  mh_treatment = { title = "MH/NMS treatment (muscle relaxant)", source = "§8.6 dantrolene [S25][S82]" },
  benzodiazepine = { title = "benzodiazepine",
    source = "ATC N05BA, N05CD, N03AE [ATC]; §5.2 lorazepam as first-line NMS treatment [S22][S24]; §5.6 "
      .. "lorazepam challenge in catatonia [S38]" },
  gaba_b_agonist = { title = "GABA-B agonist (baclofen)",
    source = "baclofen M03BX01 [ATC]; abrupt withdrawal mimics NMS: intrathecal baclofen label boxed "
      .. "warning [B25] (differential/baclofen_withdrawal.lua)" },
  lithium = { title = "lithium",
    source = "§8.1 last row: not a D2 blocker, an NMS co-risk; §6 lithium co-treatment [S46]" },
  other = { title = "no class the criteria ask about",
    source = "common co-medications outside every list of §8, [B8][B9][B10] (drugs/common.lua) [ATC]" },
}

-- ATC groups, for a drug whose name is not in the tables but whose ATC code
-- is given. Longest prefix wins, so lithium (N05AN) is not an antipsychotic
-- although ATC files it under N05A; metoclopramide (A03FA01) is outside
-- N05A and is classed by its own entry in drugs/dopamine.lua. An exact code
-- in the tables always wins over a group (pimavanserin N05AX17, linezolid
-- J01XX08, reserpine C02AA02). The class may be a list. The "other" groups
-- hold none of the drugs of §8 or [B8][B9][B10] (checked against the ATC
-- index [ATC]); C02 (reserpine, methyldopa), N02A (opioids, several
-- serotonergic), N03 (valproate, carbamazepine) and A03/A04 are left out on
-- purpose, so a code there is known only by its own row.
local atc_groups = {
  { "N05AN", "lithium",
    source = "§8.1 lithium N05AN01 [ATC]; issue 2: N05A includes lithium" },
  { "N05A", "antipsychotic", source = "§8.1 heading 'antipsychotics (ATC N05A)' [S81]" },
  { "N04B", "dopaminergic", source = "§8.3 heading 'dopaminergic drugs ... (ATC N04B)' [S81]" },
  { "N04A", "anticholinergic", source = "§8.5 'anticholinergic antiparkinson agents N04A'" },
  { "N06AB", "serotonergic", source = "§8.4 SSRIs N06AB [S81][S82]" },
  { "N06AF", "serotonergic", source = "§8.4 non-selective MAOIs N06AF [S81][S82]" },
  { "N06AA", { "anticholinergic", "serotonergic" }, source = "§8.5 TCAs (N06AA); TCAs serotonergic [B9]" },
  { "N06BA", "sympathomimetic", source = "N06BA 'centrally acting sympathomimetics' [ATC]; §7.9" },
  { "N05BA", "benzodiazepine", source = "N05BA benzodiazepine derivatives [ATC]" },
  { "N05CD", "benzodiazepine", source = "N05CD benzodiazepine derivatives [ATC]" },
  { "N03AE", "benzodiazepine", source = "N03AE benzodiazepine derivatives [ATC]" },
  { "A04AA", "serotonergic", source = "A04AA serotonin (5HT3) antagonists [ATC]; setrones [B9]" },
  -- §8.5 lists "diphenhydramine and other antihistamines (R06A)" as a whole;
  -- the reference does not separate weakly anticholinergic antihistamines.
  { "R06A", "anticholinergic", source = "§8.5 antihistamines (R06A)" },
  { "N01AB", "mh_trigger", source = "§8.6 volatile anesthetics N01AB [S81]" },
  { "M03AC", "mh_non_trigger", source = "§8.6 non-depolarizing relaxants [S62]; M03AC [ATC]" },
  { "J01", "other", source = "J01 antibacterials for systemic use [ATC]" },
  { "J02", "other", source = "J02 antimycotics for systemic use [ATC]" },
  { "J05", "other", source = "J05 antivirals for systemic use [ATC]" },
  { "N02BE", "other", source = "N02BE anilides (paracetamol) [ATC]" },
  { "M01A", "other", source = "M01A NSAIDs [ATC]" },
  { "N01B", "other", source = "N01B local anaesthetics [ATC]" },
  { "C01", "other", source = "C01 cardiac therapy [ATC]" },
  { "C03", "other", source = "C03 diuretics [ATC]" },
  { "C07", "other", source = "C07 beta blocking agents [ATC]" },
  { "C08", "other", source = "C08 calcium channel blockers [ATC]" },
  { "C09", "other", source = "C09 agents acting on the renin-angiotensin system [ATC]" },
  { "C10", "other", source = "C10 lipid modifying agents [ATC]" },
  { "B01", "other", source = "B01 antithrombotic agents [ATC]" },
  { "B03", "other", source = "B03 antianemic preparations [ATC]" },
  { "B05", "other", source = "B05 blood substitutes and perfusion solutions [ATC]" },
  { "A02", "other", source = "A02 drugs for acid related disorders [ATC]" },
  { "A06", "other", source = "A06 drugs for constipation [ATC]" },
  { "A10", "other", source = "A10 drugs used in diabetes [ATC]" },
  { "A11", "other", source = "A11 vitamins [ATC]" },
  { "A12", "other", source = "A12 mineral supplements [ATC]" },
  { "H02", "other", source = "H02 corticosteroids for systemic use [ATC]" },
  { "H03", "other", source = "H03 thyroid therapy [ATC]" },
}

-- Words of a name that are not the drug: salts and esters, strengths and
-- units, dosage forms, routes, release forms, diluents. Matching aids, not
-- clinical facts: "HALOPERIDOL 5MG/ML INJ", "haloperidol lactate 5 mg/mL",
-- "Seroquel XR 50 mg tab" and "Zyprexa Zydis" find their drug. Numbers (and
-- words starting with a digit, "5mg") are noise too. The depot words of
-- drugs/depot.lua are noise for the name and mark the course as a depot.
local qualifiers = {
  -- salts, esters, hydrates
  "acetate", "decanoate", "enanthate", "palmitate", "pamoate", "lauroxil", "lactate", "hydrochloride",
  "hcl", "hydrobromide", "hbr", "fumarate", "maleate", "mesylate", "mesilate", "tartrate", "bitartrate",
  "citrate", "sulfate", "sulphate", "succinate", "carbonate", "phosphate", "besylate", "besilate",
  "bromide", "chloride", "sodium", "potassium", "calcium", "monohydrate", "dihydrate", "trihydrate",
  -- strengths and units
  "mg", "mcg", "µg", "ug", "g", "kg", "ml", "l", "iu", "unit", "units", "mmol", "meq", "h", "hr", "hrs",
  "daily", "bd", "bid", "tds", "tid", "qds", "qid", "od", "nocte", "prn", "stat", "once", "monthly",
  "weekly", "every", "per", "dose", "doses", "x",
  -- forms, routes, release
  "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "inj", "injection",
  "injectable", "solution", "soln", "sol", "susp", "suspension", "syrup", "elixir", "liquid", "drops",
  "oral", "po", "iv", "im", "sc", "sq", "subcut", "intramuscular", "intravenous", "patch",
  "transdermal", "odt", "orodispersible", "dispersible", "disintegrating", "chewable", "film", "er",
  "xr", "sr", "cr", "la", "xl", "ir", "dr", "ec", "mr", "pr", "extended", "release", "delayed",
  "controlled", "modified", "prolonged", "immediate", "sustained", "zydis", "velotab", "powder",
  "for", "reconstitution", "vial", "ampoule", "amp", "prefilled", "syringe", "pen", "infusion",
  "premix", "in", "with", "and", "of", "w", "sesame", "oil", "water", "diluent", "vehicle", "long", "acting", "consta", "maintena", "sustenna",
  -- routes and forms after a "/" ("Suboxone 8/2 mg SL", "8 mcg/min
  -- infusion") stand alone in their segment (session 11)
  "min", "sl", "sublingual", "neb", "nebulised", "nebulized", "inh", "inhaler", "inhalation", "nasal", "spray",
  "topical", "cream", "ointment",
  "trinza", "relprevv", "microspheres", "depot", "lai", "generic", "brand",
}

local drugs = {}
for _, list in ipairs({ dopamine, other, common }) do
  for _, d in ipairs(list) do drugs[#drugs + 1] = d end
end

return {
  classes = classes,
  atc_groups = atc_groups,
  qualifiers = qualifiers,
  drugs = drugs,
  depot = depot,
}
