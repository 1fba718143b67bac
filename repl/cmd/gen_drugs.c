/*
 * gen_drugs.c - the drugs of the synthetic cohorts, written the ways
 * electronic health records write them: generic names, brand names, order
 * strings with strength and form ("HALOPERIDOL 5MG/ML INJ"), salts and
 * product names of long-acting injectables. Some of these the default
 * ruleset recognises and some it does not (on purpose: real extracts hold
 * both; an ATC code, given at a rate, lets the ruleset classify the rest).
 *
 * Drug classes and ATC codes follow clinical-reference §8; the brand and
 * order-string spellings are ordinary product names chosen for realism,
 * not a claim about any formulary.
 */
#include <stddef.h>

#include "cmd/gen_int.h"

/* Up to this many written forms per drug; names[0] is the generic. */
#define NAMES 5

struct drug {
    const char *atc;
    const char *route, *route_alt;   /* route_alt: sometimes, or NULL */
    int mg10_lo, mg10_hi;            /* a single dose, tenths of a mg */
    const char *names[NAMES];
};

static const struct drug fga[] = {
    {"N05AD01", "oral", "im", 20, 200, {"haloperidol", "Haldol",
        "HALOPERIDOL 5MG/ML INJ", "haloperidol 5 mg tablet",
        "Haloperidol lactate"}},
    {"N05AA01", "oral", "im", 250, 2000, {"chlorpromazine", "Thorazine",
        "CHLORPROMAZINE HCL 50 MG TAB", "chlorpromazine hydrochloride",
        "Largactil"}},
    {"N05AB02", "oral", NULL, 25, 200, {"fluphenazine",
        "FLUPHENAZINE HCL 5 MG TAB", "Fluphenazine hydrochloride"}},
    {"N05AB03", "oral", NULL, 40, 160, {"perphenazine",
        "PERPHENAZINE 8 MG TAB"}},
    {"N05AF05", "oral", "im", 100, 500, {"zuclopenthixol", "Clopixol",
        "zuclopenthixol acetate 50mg/ml inj"}},
    {"N05AF01", "oral", NULL, 10, 60, {"flupentixol", "Fluanxol",
        "flupenthixol"}},
    {"N05AH01", "oral", NULL, 100, 500, {"loxapine", "LOXAPINE 10 MG CAP"}},
};

static const struct drug sga[] = {
    {"N05AH03", "oral", "im", 50, 300, {"olanzapine", "Zyprexa",
        "olanzapine 10 mg tab", "OLANZAPINE 10MG TAB", "Zyprexa Zydis"}},
    {"N05AX08", "oral", NULL, 5, 60, {"risperidone", "Risperdal",
        "risperidone 2 mg tablet", "RISPERIDONE 1MG TAB"}},
    {"N05AH04", "oral", NULL, 250, 6000, {"quetiapine", "Seroquel",
        "Seroquel XR", "quetiapine fumarate 100 mg", "QUETIAPINE 25MG TAB"}},
    {"N05AX12", "oral", NULL, 50, 300, {"aripiprazole", "Abilify",
        "ARIPIPRAZOLE 10MG TAB"}},
    {"N05AH02", "oral", NULL, 250, 4000, {"clozapine", "Clozaril",
        "CLOZAPINE 100 MG TAB"}},
    {"N05AE04", "oral", "im", 200, 800, {"ziprasidone", "Geodon",
        "ziprasidone mesylate 20 mg inj"}},
    {"N05AX13", "oral", NULL, 30, 120, {"paliperidone", "Invega"}},
    {"N05AL05", "oral", NULL, 500, 4000, {"amisulpride", "Solian"}},
    {"N05AE05", "oral", NULL, 200, 1200, {"lurasidone", "Latuda"}},
};

/* Long-acting injectables: route "depot", doses weeks apart. */
static const struct drug depot[] = {
    {"N05AD01", "depot", "im", 500, 2000, {"haloperidol decanoate",
        "Haldol Decanoate", "HALOPERIDOL DECANOATE 100MG/ML INJ"}},
    {"N05AB02", "depot", "im", 125, 500, {"fluphenazine decanoate",
        "FLUPHENAZINE DECANOATE 25MG/ML INJ", "Modecate"}},
    {"N05AX13", "depot", "im", 390, 2340, {"paliperidone palmitate",
        "Invega Sustenna", "Xeplion", "INVEGA SUSTENNA 156MG/ML INJ"}},
    {"N05AX12", "depot", "im", 3000, 4000, {"aripiprazole monohydrate",
        "Abilify Maintena", "ABILIFY MAINTENA 400MG INJ"}},
    {"N05AX08", "depot", "im", 250, 500, {"risperidone microspheres",
        "Risperdal Consta", "RISPERDAL CONSTA 37.5MG INJ"}},
    {"N05AH03", "depot", "im", 1500, 4050, {"olanzapine pamoate",
        "Zyprexa Relprevv"}},
    {"N05AF05", "depot", "im", 2000, 4000, {"zuclopenthixol decanoate",
        "Clopixol Depot"}},
};

static const struct drug antiemetic[] = {
    {"A03FA01", "iv", "oral", 50, 100, {"metoclopramide", "Reglan",
        "METOCLOPRAMIDE 5MG/ML INJ", "Maxolon"}},
    {"N05AB04", "iv", "oral", 50, 100, {"prochlorperazine", "Compazine",
        "PROCHLORPERAZINE MALEATE 10 MG TAB", "Stemetil"}},
    {"R06AD02", "iv", "oral", 125, 250, {"promethazine", "Phenergan",
        "PROMETHAZINE 25MG/ML INJ"}},
    {"N05AD08", "iv", NULL, 6, 25, {"droperidol", "Inapsine"}},
};

static const struct drug dopaminergic[] = {
    {"N04BA02", "oral", "ng", 1000, 2500, {"carbidopa/levodopa", "Sinemet",
        "CARBIDOPA-LEVODOPA 25-100 MG TAB", "levodopa/carbidopa",
        "Sinemet CR"}},
    {"N04BC05", "oral", NULL, 1, 15, {"pramipexole", "Mirapex",
        "PRAMIPEXOLE 0.25 MG TAB"}},
    {"N04BC04", "oral", NULL, 5, 80, {"ropinirole", "Requip"}},
    {"N04BB01", "oral", NULL, 1000, 2000, {"amantadine", "Symmetrel",
        "AMANTADINE HCL 100 MG CAP"}},
    {"N04BC09", "transdermal", NULL, 20, 80, {"rotigotine", "Neupro"}},
};

static const struct drug ssri[] = {
    {"N06AB06", "oral", NULL, 500, 2000, {"sertraline", "Zoloft",
        "SERTRALINE 50MG TAB"}},
    {"N06AB03", "oral", NULL, 200, 600, {"fluoxetine", "Prozac"}},
    {"N06AB10", "oral", NULL, 50, 200, {"escitalopram", "Lexapro"}},
    {"N06AX16", "oral", NULL, 750, 2250, {"venlafaxine", "Effexor XR"}},
    {"N06AB04", "oral", NULL, 100, 400, {"citalopram", "Celexa"}},
    {"N06AB05", "oral", NULL, 200, 400, {"paroxetine", "Paxil"}},
};

/* Added to an SSRI, these precipitate serotonin toxicity (§8.4). */
static const struct drug serotonergic_add[] = {
    {"N02AX02", "oral", "iv", 500, 1000, {"tramadol", "Ultram",
        "TRAMADOL HCL 50 MG TAB"}},
    {"J01XX08", "iv", "oral", 6000, 6000, {"linezolid", "Zyvox",
        "LINEZOLID 600MG/300ML IV"}},
    {"N06AF03", "oral", NULL, 150, 300, {"phenelzine", "Nardil"}},
    {"N06AX05", "oral", NULL, 500, 1500, {"trazodone", "Desyrel"}},
};

static const struct drug anticholinergic[] = {
    {"N04AC01", "oral", "im", 10, 20, {"benztropine", "Cogentin",
        "BENZTROPINE MESYLATE 1 MG TAB", "benzatropine"}},
    {"N04AA01", "oral", NULL, 20, 50, {"trihexyphenidyl", "Artane"}},
    {"R06AA02", "oral", "iv", 250, 500, {"diphenhydramine", "Benadryl",
        "DIPHENHYDRAMINE 50MG/ML INJ"}},
    {"N06AA09", "oral", NULL, 250, 1500, {"amitriptyline", "Elavil",
        "AMITRIPTYLINE 25 MG TAB"}},
};

static const struct drug anesthetic[] = {
    {"N01AB08", "inhaled", NULL, 0, 0, {"sevoflurane", "Ultane",
        "SEVOFLURANE INHAL"}},
    {"N01AB07", "inhaled", NULL, 0, 0, {"desflurane", "Suprane"}},
    {"N01AB06", "inhaled", NULL, 0, 0, {"isoflurane", "Forane"}},
};

static const struct drug relaxant[] = {
    {"M03AB01", "iv", NULL, 1000, 1500, {"succinylcholine", "suxamethonium",
        "Anectine", "Quelicin"}},
};

static const struct drug dantrolene[] = {
    {"M03CA01", "iv", NULL, 1500, 2500, {"dantrolene", "Dantrium", "Ryanodex"}},
};

static const struct drug antibiotic[] = {
    {"J01DD04", "iv", NULL, 10000, 20000, {"ceftriaxone", "Rocephin",
        "CEFTRIAXONE 1 G IV"}},
    {"J01CR05", "iv", NULL, 45000, 45000, {"piperacillin/tazobactam", "Zosyn",
        "PIP/TAZO 4.5G IV"}},
    {"J01FA10", "oral", "iv", 5000, 5000, {"azithromycin", "Zithromax"}},
    {"J01CR02", "oral", "iv", 6250, 6250, {"amoxicillin/clavulanate",
        "Augmentin", "co-amoxiclav"}},
    {"J01XA01", "iv", NULL, 10000, 15000, {"vancomycin", "VANCOMYCIN 1G IV"}},
};

static const struct drug benzodiazepine[] = {
    {"N05BA06", "oral", "im", 5, 40, {"lorazepam", "Ativan",
        "LORAZEPAM 2MG/ML INJ", "lorazepam 1 mg tablet"}},
    {"N03AE01", "oral", NULL, 5, 20, {"clonazepam", "Klonopin"}},
    {"N05BA01", "oral", "iv", 20, 100, {"diazepam", "Valium"}},
};

/* Everyday co-medications on a psychiatric or medical ward. */
static const struct drug comed[] = {
    {"N02BE01", "oral", "iv", 5000, 10000, {"paracetamol", "acetaminophen",
        "Tylenol", "PARACETAMOL 1G PO", "acetaminophen 650 mg"}},
    {"A04AA01", "iv", "oral", 40, 80, {"ondansetron", "Zofran"}},
    {"N03AG01", "oral", NULL, 2500, 10000, {"valproate", "Depakote",
        "divalproex sodium ER 500 mg"}},
    {"N05AN01", "oral", NULL, 3000, 9000, {"lithium carbonate", "Lithium",
        "LITHIUM CARBONATE 300 MG CAP"}},
    {"B01AB05", "sc", NULL, 400, 400, {"enoxaparin", "Lovenox"}},
    {"A02BC01", "oral", NULL, 200, 400, {"omeprazole", "Prilosec"}},
    {"C07AA05", "oral", NULL, 100, 400, {"propranolol", "Inderal"}},
    {"A06AB02", "oral", NULL, 50, 150, {"bisacodyl", "Dulcolax"}},
};

#define GROUP(a) {a, sizeof a / sizeof a[0]}

static const struct {
    const struct drug *drugs;
    size_t n;
} groups[GEN_N_DRUG_GROUPS] = {
    [DRUGS_FGA] = GROUP(fga),
    [DRUGS_SGA] = GROUP(sga),
    [DRUGS_DEPOT] = GROUP(depot),
    [DRUGS_ANTIEMETIC] = GROUP(antiemetic),
    [DRUGS_DOPAMINERGIC] = GROUP(dopaminergic),
    [DRUGS_SSRI] = GROUP(ssri),
    [DRUGS_SEROTONERGIC_ADD] = GROUP(serotonergic_add),
    [DRUGS_ANTICHOLINERGIC] = GROUP(anticholinergic),
    [DRUGS_ANESTHETIC] = GROUP(anesthetic),
    [DRUGS_RELAXANT] = GROUP(relaxant),
    [DRUGS_DANTROLENE] = GROUP(dantrolene),
    [DRUGS_ANTIBIOTIC] = GROUP(antibiotic),
    [DRUGS_BENZODIAZEPINE] = GROUP(benzodiazepine),
    [DRUGS_COMED] = GROUP(comed),
};

/* Doses come in round amounts: multiples of 25 mg, 2.5 mg or 0.5 mg as the
 * drug's dose range is large or small; never below the range. */
static int round_dose(int mg10, int lo)
{
    int step = mg10 >= 1000 ? 250 : mg10 >= 100 ? 25 : 5;
    int r = mg10 / step * step;

    return r < lo ? lo : r;
}

/* Percent of orders written with the plain generic name; the others are
 * spread evenly over the drug's other forms. */
#define GENERIC_PCT 40

/* Percent of orders given by the alternative route when a drug has one. */
#define ROUTE_ALT_PCT 25

void gen_drug(struct knuth_lfib_ctx *rng, enum gen_drug_group group,
              unsigned atc_pct, struct gen_med *m, int *dose_mg10)
{
    const struct drug *d;
    int n_names = 0;

    d = &groups[group].drugs[gen_range(rng, 0, (int)groups[group].n - 1)];
    while (n_names < NAMES && d->names[n_names])
        n_names++;
    m->drug = d->names[n_names == 1 || gen_chance(rng, GENERIC_PCT)
                           ? 0 : gen_range(rng, 1, n_names - 1)];
    m->atc = gen_chance(rng, atc_pct) ? d->atc : NULL;
    m->route = d->route_alt && gen_chance(rng, ROUTE_ALT_PCT) ? d->route_alt
                                                              : d->route;
    m->start = m->stop = LONG_MIN;
    m->n_doses = 0;
    *dose_mg10 = round_dose(gen_range(rng, d->mg10_lo, d->mg10_hi), d->mg10_lo);
}
