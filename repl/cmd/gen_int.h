/*
 * gen_int.h - what the generator's files share: the in-memory case they
 * build (gen_case.c fills it, gen_write.c prints it), the drug tables
 * (gen_drugs.c) and the random helpers. Not used outside gen*.c.
 *
 * Units inside the generator are integers chosen so that no float is ever
 * printed: times in minutes from the case's own origin, temperatures in
 * tenths of a degree Celsius, WBC and potassium in tenths, creatinine in
 * hundredths of mg/dL, doses in tenths of a mg.
 */
#ifndef NMS_GEN_INT_H
#define NMS_GEN_INT_H

#include <limits.h>
#include <stdint.h>

#include "cmd/gen.h"

/* Sizes of one case. The case format allows far more; these are the
 * shapes a chart of one episode usually has (issue 13: 1-4 medications,
 * 2-12 vitals). */
#define GEN_MAX_MEDS 4
#define GEN_MAX_DOSES 4
#define GEN_MAX_VITALS 12
#define GEN_MAX_LABS 3
#define GEN_MAX_EXAMS 3

/* A numeric value nobody recorded. */
#define GEN_NONE INT_MIN

/* Boolean exam findings the generator knows, in output order. */
enum gen_sign {
    SIGN_DIAPHORESIS, SIGN_TREMOR, SIGN_INCONTINENCE, SIGN_MUTISM,
    SIGN_DYSPHAGIA, SIGN_AGITATION, SIGN_HYPERREFLEXIA, SIGN_HYPOREFLEXIA,
    SIGN_MYDRIASIS, SIGN_SIALORRHEA, SIGN_MYOCLONUS, SIGN_SHIVERING,
    SIGN_DIARRHEA, SIGN_URINARY_RETENTION, SIGN_MENINGISM, SIGN_CATALEPSY,
    SIGN_WAXY_FLEXIBILITY, SIGN_NEGATIVISM, SIGN_POSTURING, SIGN_COGWHEELING,
    GEN_N_SIGNS
};

enum gen_workup { WORKUP_INFECTION, WORKUP_TOXIC, WORKUP_METABOLIC,
                  WORKUP_NEUROLOGIC, WORKUP_PSYCHIATRIC, GEN_N_WORKUP };

enum gen_history {
    HIST_PRIOR_NMS, HIST_DEHYDRATION, HIST_AGITATION, HIST_CATATONIA,
    HIST_EXHAUSTION, HIST_PARKINSON, HIST_RESTRAINTS, HIST_HEAT_EXPOSURE,
    HIST_EXERTION, GEN_N_HISTORY
};

/* How a temperature is written: a bare °C number, a correct °F quantity,
 * or the mistake of a bare °F number (the engine warns and ignores it). */
enum gen_temp_unit { TEMP_CEL, TEMP_DEGF, TEMP_DEGF_BARE };

/* -1 in any signed char field below means "not recorded". */
struct gen_med {
    const char *drug, *atc, *route;
    long start, stop;              /* LONG_MIN: not recorded / still given */
    int n_doses;
    long dose_t[GEN_MAX_DOSES];
    int dose_mg10[GEN_MAX_DOSES];
};

struct gen_vital {
    long t;
    int temp10, hr, sbp, dbp, rr;  /* GEN_NONE: not recorded */
    signed char site;              /* index into gen_sites */
    unsigned char temp_unit;       /* enum gen_temp_unit */
};

struct gen_lab {
    long t;
    int ck, ck_uln, wbc10, iron10, creat100, k10;
    signed char myoglobinuria;
    unsigned char us_units;        /* WBC /uL, iron ug/dL, creatinine umol/L */
    unsigned char wbc_bare_per_ul; /* the mistake: a bare WBC per uL */
};

struct gen_exam {
    long t;
    signed char rigidity, mental, clonus, skin, bowel;
    signed char sign[GEN_N_SIGNS];
};

struct gen_case {
    unsigned long seed, index;
    int iso;                       /* times as ISO 8601 (else hours) */
    long long origin;              /* ISO: minutes since 1970 of time 0 */
    int offset_min;                /* ISO: the UTC offset written */
    int offset_style;              /* 0 "+01:00", 1 "+0100", 2 "Z" when 0 */
    long assessed;                 /* the assessment time */
    int has_assessed;              /* written as assessed_at */
    long onset;                    /* syndrome onset (label) */
    int has_onset, onset_in_label;
    int age;
    signed char sex;
    int base_hr, base_sbp, base_dbp, base_rr;   /* written baseline */
    int n_meds, n_vitals, n_labs, n_exams;
    struct gen_med meds[GEN_MAX_MEDS];
    struct gen_vital vitals[GEN_MAX_VITALS];
    struct gen_lab labs[GEN_MAX_LABS];
    struct gen_exam exams[GEN_MAX_EXAMS];
    signed char workup[GEN_N_WORKUP];   /* 0 negative, 1 positive, 2 pending */
    signed char history[GEN_N_HISTORY];
    signed char aki, rhabdo;            /* complications */
    int nms;
    const char *scenario;
};

/* ---- the tables of gen_case.c ---- */

/* Every rate the generator uses, in percent unless named otherwise. They
 * are project choices made to give realistic-looking, varied records (see
 * docs/gen.md), not estimates for any population. */
struct gen_rates {
    unsigned long prevalence_ppm;   /* NMS cases, default of --prevalence */
    unsigned lookalike;         /* of the other cases: a look-alike syndrome */
    unsigned iso_times;         /* times as ISO 8601 (else numeric hours) */
    unsigned assessed_at;       /* the record gives assessed_at */
    unsigned onset_given;       /* a syndrome's record gives onset */
    unsigned baseline;          /* the record gives a baseline object */
    unsigned pre_trigger_vitals;/* a vitals entry before the trigger */
    unsigned vitals_at_assessment;  /* the last vitals near the assessment */
    unsigned age_missing, sex_missing;
    unsigned vital_missing;     /* each of hr, bp, rr in a vitals entry */
    unsigned temp_missing;      /* the temperature of a vitals entry */
    unsigned site_missing;      /* temp_site of a recorded temperature */
    unsigned fahrenheit;        /* a record charts temperatures in °F */
    unsigned fahrenheit_bare;   /* there, one °F reading lacks its unit */
    unsigned us_lab_units;      /* a lab sample in US units (quantities) */
    unsigned wbc_bare_per_ul;   /* a WBC per µL written as a bare number */
    unsigned no_labs;           /* the record has no labs at all */
    unsigned lab_missing;       /* each analyte of a sample */
    unsigned ck_uln_missing;    /* a CK without its laboratory's ULN */
    unsigned exam_core_missing; /* rigidity or mental status not recorded */
    unsigned sign_present_missing;  /* a present finding not recorded */
    unsigned sign_absent_recorded;  /* an absent finding recorded as false */
    unsigned workup_absent;     /* the record has no workup object */
    unsigned workup_missing, workup_pending;  /* each field of one */
    unsigned psychiatric_missing;   /* further, for the psychiatric field */
    unsigned history_recorded;  /* each background fact recorded */
    unsigned complications_recorded;
    unsigned route_missing, start_missing;
    unsigned atc;               /* a medication carries its ATC code */
    unsigned doses;             /* a course lists its doses */
    unsigned comed;             /* each further co-medication, up to 4 */
    unsigned first_episode_stopped; /* trigger drug stopped at recognition */
};

enum gen_group { GROUP_NMS, GROUP_LOOKALIKE, GROUP_PLAIN };

/* What sets an episode off (gen_episode.c builds the medications). */
enum gen_trigger {
    TRIG_START, TRIG_INCREASE, TRIG_DEPOT, TRIG_ANTIEMETIC, TRIG_WITHDRAWAL,
    TRIG_SEROTONERGIC, TRIG_ANTICHOLINERGIC, TRIG_INFECTION, TRIG_HEAT,
    TRIG_CATATONIA, TRIG_ANESTHESIA, TRIG_NONE
};

/* One scenario: the shape of its episode. Ranges are {low, high}; times
 * in minutes, temperatures in tenths of °C, rises in % above baseline,
 * findings in % of examinations at the full picture. */
struct gen_scenario {
    const char *name;
    unsigned char nms, group, weight, trigger;
    unsigned char fga;          /* TRIG_START/INCREASE: % first-generation */
    unsigned char antipsychotic;/* % on a long-running antipsychotic */
    int onset[2];               /* trigger to onset */
    int ramp;                   /* onset to the full picture */
    int observe[2];             /* onset to assessment */
    int temp10[2], hr[2], bp[2], rr[2];
    int lability;               /* mmHg of BP swing at the full picture */
    int ck[2], wbc10[2], iron10[2], k10[2];
    int age[2];
    unsigned char core_site;    /* % temperatures taken rectally or core */
    unsigned char rigidity[4], mental[5], clonus[4], skin[4], bowel[4];
    unsigned char sign[GEN_N_SIGNS];
    unsigned char workup[GEN_N_WORKUP];   /* % positive */
    unsigned char history[GEN_N_HISTORY]; /* % true */
};

extern const struct gen_rates gen_rates;

/* Builds the episode of scenario `s` into `c` (whose case-level fields,
 * time form and origin are set): medications, vitals, labs, examinations,
 * work-up, history. */
void gen_episode(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                 struct gen_case *c);

/* Value names the writer prints, indexed by the fields above. */
extern const char *const gen_sites[];
extern const char *const gen_sign_names[];

/* ---- random numbers: all integer, all from one knuth-lfib stream ---- */

/* A whole number from lo to hi inclusive, uniformly (no modulo bias). */
int gen_range(struct knuth_lfib_ctx *rng, int lo, int hi);

/* 1 with probability pct/100. */
int gen_chance(struct knuth_lfib_ctx *rng, unsigned pct);

/* An index into `weights` (n of them), with probability proportional to
 * its weight. */
int gen_pick(struct knuth_lfib_ctx *rng, const unsigned char *weights, int n);

/* ---- drugs (gen_drugs.c) ---- */

enum gen_drug_group {
    DRUGS_FGA, DRUGS_SGA, DRUGS_DEPOT, DRUGS_ANTIEMETIC, DRUGS_DOPAMINERGIC,
    DRUGS_SSRI, DRUGS_SEROTONERGIC_ADD, DRUGS_ANTICHOLINERGIC,
    DRUGS_ANESTHETIC, DRUGS_RELAXANT, DRUGS_DANTROLENE, DRUGS_ANTIBIOTIC,
    DRUGS_BENZODIAZEPINE, DRUGS_COMED, GEN_N_DRUG_GROUPS
};

/*
 * Fills `m` with a drug of `group`: one of the names an EHR writes for it
 * (generic, brand, "HALOPERIDOL 5MG/ML INJ" ...), its ATC code at the rate
 * the caller gives, a route, and `dose_mg10` a plausible single dose.
 * Times and doses are left empty.
 */
void gen_drug(struct knuth_lfib_ctx *rng, enum gen_drug_group group,
              unsigned atc_pct, struct gen_med *m, int *dose_mg10);

/* ---- writing (gen_write.c) ---- */

/* Appends the case as one line of JSON. Returns 0, or -1 out of memory. */
int gen_write_case(struct nms_gen_buf *b, const struct gen_case *c);

#endif
