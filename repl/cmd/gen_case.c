/*
 * gen_case.c - the synthetic cohort: its scenarios (its rates and random
 * numbers are in gen_draw.c), and the
 * drawing of one case (gen_episode.c fills in the episode).
 *
 * THE NUMBERS BELOW ARE PROJECT CHOICES, NOT EPIDEMIOLOGY. They are set so
 * that a cohort looks like charts of antipsychotic-treated patients and
 * exercises every part of the ruleset (look-alikes, missing data, unit
 * mistakes, both time forms); no population was measured to choose them,
 * and the default prevalence of NMS is enriched by orders of magnitude
 * over the 0.01-3 % reported (clinical-reference §11). docs/gen.md says
 * the same for users. Clinical shapes (onset times, temperatures, findings)
 * follow clinical-reference §1-3 and §7 where it gives them.
 */
#include <string.h>

#include "cmd/gen_int.h"

#define H(h) ((h) * 60)       /* hours, as minutes */
#define D(d) ((d) * 24 * 60)  /* days, as minutes */

/* ------------------------------------------------------------------ */
/* Scenarios                                                           */
/* ------------------------------------------------------------------ */

/* Within its group a scenario is drawn in proportion to `weight`. */
static const struct gen_scenario scenarios[] = {
    /* NMS after starting a (mostly first-generation) antipsychotic:
     * onset hours to days, most within the first week (§1.2 DSM-5 text;
     * §7.1 "1-3 days"), lead-pipe rigidity, fever, CK >= 4x ULN. */
    {.name = "classic_nms", .nms = 1, .group = GROUP_NMS, .weight = 32,
     .trigger = TRIG_START, .fga = 70, .onset = {H(8), D(6)}, .ramp = H(12),
     .observe = {H(12), H(72)}, .temp10 = {385, 410}, .hr = {30, 70},
     .bp = {20, 45}, .rr = {50, 100}, .lability = 30, .ck = {2000, 40000},
     .wbc10 = {110, 250}, .iron10 = {30, 90}, .k10 = {38, 55}, .age = {18, 75},
     .core_site = 10, .rigidity = {0, 2, 20, 78}, .mental = {5, 15, 30, 40, 10},
     .clonus = {97, 3, 0, 0}, .skin = {20, 75, 2, 3}, .bowel = {60, 35, 5, 0},
     .sign = {[SIGN_DIAPHORESIS] = 75, [SIGN_TREMOR] = 55,
              [SIGN_INCONTINENCE] = 40, [SIGN_MUTISM] = 40,
              [SIGN_DYSPHAGIA] = 40, [SIGN_AGITATION] = 20,
              [SIGN_HYPERREFLEXIA] = 3, [SIGN_HYPOREFLEXIA] = 30,
              [SIGN_MYDRIASIS] = 5, [SIGN_SIALORRHEA] = 35,
              [SIGN_MYOCLONUS] = 8, [SIGN_COGWHEELING] = 30},
     .workup = {3, 2, 5, 2, 5},
     .history = {[HIST_PRIOR_NMS] = 10, [HIST_DEHYDRATION] = 45,
                 [HIST_AGITATION] = 40, [HIST_CATATONIA] = 8,
                 [HIST_EXHAUSTION] = 25, [HIST_RESTRAINTS] = 25}},
    /* NMS after a dose increase of a drug the patient was already taking. */
    {.name = "nms_dose_increase", .nms = 1, .group = GROUP_NMS, .weight = 14,
     .trigger = TRIG_INCREASE, .fga = 55, .onset = {H(6), D(5)}, .ramp = H(12),
     .observe = {H(12), H(72)}, .temp10 = {383, 405}, .hr = {25, 60},
     .bp = {15, 40}, .rr = {40, 90}, .lability = 25, .ck = {1500, 25000},
     .wbc10 = {105, 220}, .iron10 = {30, 100}, .k10 = {38, 52}, .age = {18, 80},
     .core_site = 10, .rigidity = {0, 5, 30, 65}, .mental = {8, 22, 30, 32, 8},
     .clonus = {97, 3, 0, 0}, .skin = {25, 70, 2, 3}, .bowel = {60, 35, 5, 0},
     .sign = {[SIGN_DIAPHORESIS] = 70, [SIGN_TREMOR] = 60,
              [SIGN_INCONTINENCE] = 35, [SIGN_MUTISM] = 30,
              [SIGN_DYSPHAGIA] = 35, [SIGN_AGITATION] = 25,
              [SIGN_HYPERREFLEXIA] = 3, [SIGN_HYPOREFLEXIA] = 25,
              [SIGN_SIALORRHEA] = 30, [SIGN_MYOCLONUS] = 5,
              [SIGN_COGWHEELING] = 35},
     .workup = {3, 2, 5, 2, 5},
     .history = {[HIST_PRIOR_NMS] = 12, [HIST_DEHYDRATION] = 40,
                 [HIST_AGITATION] = 45, [HIST_EXHAUSTION] = 20,
                 [HIST_RESTRAINTS] = 20}},
    /* Milder NMS with a second-generation drug: lower fever, less rigidity
     * (Belvederi Murri 2015 in §11: lower severity with SGAs). */
    {.name = "atypical_nms", .nms = 1, .group = GROUP_NMS, .weight = 20,
     .trigger = TRIG_START, .fga = 0, .onset = {H(12), D(10)}, .ramp = H(36),
     .observe = {H(12), H(96)}, .temp10 = {376, 394}, .hr = {20, 50},
     .bp = {10, 35}, .rr = {30, 70}, .lability = 20, .ck = {500, 8000},
     .wbc10 = {95, 170}, .iron10 = {40, 120}, .k10 = {36, 50}, .age = {18, 80},
     .core_site = 10, .rigidity = {8, 35, 37, 20},
     .mental = {15, 35, 30, 15, 5},
     .clonus = {96, 4, 0, 0}, .skin = {40, 55, 3, 2}, .bowel = {70, 28, 2, 0},
     .sign = {[SIGN_DIAPHORESIS] = 50, [SIGN_TREMOR] = 45,
              [SIGN_INCONTINENCE] = 20, [SIGN_MUTISM] = 15,
              [SIGN_DYSPHAGIA] = 20, [SIGN_AGITATION] = 30,
              [SIGN_HYPERREFLEXIA] = 5, [SIGN_HYPOREFLEXIA] = 15,
              [SIGN_SIALORRHEA] = 20, [SIGN_COGWHEELING] = 25},
     .workup = {5, 3, 5, 3, 8},
     .history = {[HIST_PRIOR_NMS] = 8, [HIST_DEHYDRATION] = 35,
                 [HIST_AGITATION] = 35, [HIST_EXHAUSTION] = 15,
                 [HIST_RESTRAINTS] = 15}},
    /* NMS days after a long-acting injection ("longer with depot", §7.1). */
    {.name = "depot_nms", .nms = 1, .group = GROUP_NMS, .weight = 12,
     .trigger = TRIG_DEPOT, .onset = {D(1), D(14)}, .ramp = H(36),
     .observe = {H(12), H(96)}, .temp10 = {383, 405}, .hr = {25, 60},
     .bp = {15, 40}, .rr = {40, 90}, .lability = 25, .ck = {1500, 30000},
     .wbc10 = {105, 220}, .iron10 = {30, 100}, .k10 = {38, 52}, .age = {20, 70},
     .core_site = 10, .rigidity = {0, 5, 30, 65}, .mental = {8, 20, 32, 32, 8},
     .clonus = {97, 3, 0, 0}, .skin = {25, 70, 2, 3}, .bowel = {60, 35, 5, 0},
     .sign = {[SIGN_DIAPHORESIS] = 70, [SIGN_TREMOR] = 55,
              [SIGN_INCONTINENCE] = 35, [SIGN_MUTISM] = 35,
              [SIGN_DYSPHAGIA] = 40, [SIGN_AGITATION] = 20,
              [SIGN_HYPOREFLEXIA] = 25, [SIGN_SIALORRHEA] = 35,
              [SIGN_COGWHEELING] = 30},
     .workup = {3, 2, 5, 2, 5},
     .history = {[HIST_PRIOR_NMS] = 12, [HIST_DEHYDRATION] = 40,
                 [HIST_AGITATION] = 30, [HIST_EXHAUSTION] = 20,
                 [HIST_RESTRAINTS] = 15}},
    /* NMS from an antiemetic dopamine antagonist on a medical ward (§8.2). */
    {.name = "antiemetic_nms", .nms = 1, .group = GROUP_NMS, .weight = 8,
     .trigger = TRIG_ANTIEMETIC, .onset = {H(6), D(4)}, .ramp = H(24),
     .observe = {H(6), H(48)}, .temp10 = {382, 404}, .hr = {25, 60},
     .bp = {15, 40}, .rr = {40, 90}, .lability = 25, .ck = {1000, 20000},
     .wbc10 = {100, 200}, .iron10 = {30, 100}, .k10 = {36, 52}, .age = {30, 90},
     .core_site = 15, .rigidity = {2, 10, 33, 55},
     .mental = {10, 25, 30, 28, 7},
     .clonus = {97, 3, 0, 0}, .skin = {30, 65, 3, 2}, .bowel = {55, 40, 5, 0},
     .sign = {[SIGN_DIAPHORESIS] = 65, [SIGN_TREMOR] = 50,
              [SIGN_INCONTINENCE] = 35, [SIGN_MUTISM] = 25,
              [SIGN_DYSPHAGIA] = 35, [SIGN_AGITATION] = 20,
              [SIGN_HYPOREFLEXIA] = 20, [SIGN_SIALORRHEA] = 25},
     .workup = {8, 3, 8, 3, 2},
     .history = {[HIST_DEHYDRATION] = 55, [HIST_EXHAUSTION] = 10}},
    /* Parkinsonism-hyperpyrexia after a dopaminergic drug is stopped
     * (§7.5). Labelled NMS: IEC 2011 item 1 counts the withdrawal as
     * exposure, as examples/cases/04 does; the scenario name keeps it
     * separable. */
    {.name = "dopaminergic_withdrawal", .nms = 1, .group = GROUP_NMS,
     .weight = 14, .trigger = TRIG_WITHDRAWAL, .onset = {H(12), H(72)},
     .ramp = H(12), .observe = {H(6), H(48)}, .temp10 = {382, 405},
     .hr = {25, 55},
     .bp = {10, 35}, .rr = {40, 90}, .lability = 30, .ck = {800, 20000},
     .wbc10 = {100, 200}, .iron10 = {40, 120}, .k10 = {38, 52}, .age = {55, 88},
     .core_site = 10, .rigidity = {0, 5, 30, 65}, .mental = {5, 20, 35, 32, 8},
     .clonus = {97, 3, 0, 0}, .skin = {30, 65, 3, 2}, .bowel = {55, 40, 5, 0},
     .sign = {[SIGN_DIAPHORESIS] = 65, [SIGN_TREMOR] = 80,
              [SIGN_INCONTINENCE] = 35, [SIGN_MUTISM] = 20,
              [SIGN_DYSPHAGIA] = 45, [SIGN_HYPOREFLEXIA] = 15,
              [SIGN_SIALORRHEA] = 30, [SIGN_COGWHEELING] = 50},
     .workup = {8, 2, 5, 5, 0},
     .history = {[HIST_PARKINSON] = 100, [HIST_DEHYDRATION] = 50}},

    /* Serotonin toxicity: onset < 12 h of adding a serotonergic drug to
     * an SSRI; clonus, hyperreflexia, diarrhoea (§7.1, §7.2). */
    {.name = "serotonin_toxicity", .group = GROUP_LOOKALIKE, .weight = 18,
     .trigger = TRIG_SEROTONERGIC, .antipsychotic = 35, .onset = {H(1), H(12)},
     .ramp = H(4), .observe = {H(2), H(24)}, .temp10 = {372, 402},
     .hr = {30, 70}, .bp = {10, 40}, .rr = {20, 60}, .lability = 10,
     .ck = {150, 2500}, .wbc10 = {80, 140}, .iron10 = {100, 300},
     .k10 = {36, 50},
     .age = {18, 70}, .core_site = 10, .rigidity = {55, 25, 15, 5},
     .mental = {20, 30, 40, 8, 2}, .clonus = {15, 40, 30, 15},
     .skin = {20, 70, 0, 10},
     .bowel = {30, 5, 0, 65},
     .sign = {[SIGN_DIAPHORESIS] = 70, [SIGN_TREMOR] = 70,
              [SIGN_AGITATION] = 65, [SIGN_HYPERREFLEXIA] = 80,
              [SIGN_MYDRIASIS] = 65, [SIGN_MYOCLONUS] = 55,
              [SIGN_SHIVERING] = 40, [SIGN_DIARRHEA] = 40,
              [SIGN_INCONTINENCE] = 5, [SIGN_SIALORRHEA] = 10},
     .workup = {3, 50, 5, 2, 3}, .history = {[HIST_AGITATION] = 30}},
    /* Anticholinergic toxicity: hot dry skin, mydriasis, retention, agitated
     * delirium, temperature usually <= 38.8 °C (§7.6). */
    {.name = "anticholinergic_toxicity", .group = GROUP_LOOKALIKE, .weight = 14,
     .trigger = TRIG_ANTICHOLINERGIC, .antipsychotic = 60, .onset = {30, H(12)},
     .ramp = H(3), .observe = {H(2), H(24)}, .temp10 = {372, 389},
     .hr = {30, 70}, .bp = {5, 25}, .rr = {10, 40}, .lability = 8,
     .ck = {80, 900}, .wbc10 = {70, 130}, .iron10 = {100, 300}, .k10 = {36, 48},
     .age = {16, 70}, .core_site = 10, .rigidity = {85, 12, 3, 0},
     .mental = {5, 25, 65, 4, 1}, .clonus = {95, 5, 0, 0},
     .skin = {5, 3, 62, 30},
     .bowel = {15, 55, 30, 0},
     .sign = {[SIGN_AGITATION] = 80, [SIGN_MYDRIASIS] = 85,
              [SIGN_URINARY_RETENTION] = 55, [SIGN_DIAPHORESIS] = 3,
              [SIGN_TREMOR] = 20, [SIGN_HYPERREFLEXIA] = 10,
              [SIGN_MYOCLONUS] = 10},
     .workup = {3, 50, 3, 2, 5}, .history = {[HIST_AGITATION] = 35}},
    /* Sepsis (pneumonia, urinary, a few CNS infections) in a patient on an
     * antipsychotic: fever and leukocytosis without lead-pipe rigidity. */
    {.name = "sepsis", .group = GROUP_LOOKALIKE, .weight = 22,
     .trigger = TRIG_INFECTION, .antipsychotic = 95, .onset = {0, 0},
     .ramp = H(12), .observe = {H(6), H(48)}, .temp10 = {382, 405},
     .hr = {30, 70}, .bp = {-25, 5}, .rr = {40, 100}, .lability = 15,
     .ck = {60, 1500}, .wbc10 = {125, 280}, .iron10 = {50, 200},
     .k10 = {34, 52},
     .age = {20, 90}, .core_site = 10, .rigidity = {70, 25, 5, 0},
     .mental = {35, 35, 25, 4, 1}, .clonus = {98, 2, 0, 0},
     .skin = {30, 40, 5, 25},
     .bowel = {70, 28, 2, 0},
     .sign = {[SIGN_DIAPHORESIS] = 40, [SIGN_SHIVERING] = 45,
              [SIGN_TREMOR] = 10, [SIGN_MENINGISM] = 12, [SIGN_AGITATION] = 15},
     .workup = {85, 2, 10, 5, 2}, .history = {[HIST_DEHYDRATION] = 50}},
    /* Heat stroke: > 40 °C core with CNS dysfunction after heat exposure or
     * exertion; antipsychotics impair heat loss (§7.7). */
    {.name = "heat_stroke", .group = GROUP_LOOKALIKE, .weight = 10,
     .trigger = TRIG_HEAT, .antipsychotic = 75, .onset = {0, 0}, .ramp = H(1),
     .observe = {H(1), H(12)}, .temp10 = {400, 425}, .hr = {40, 80},
     .bp = {-15, 15}, .rr = {40, 100}, .lability = 15, .ck = {500, 20000},
     .wbc10 = {100, 200}, .iron10 = {100, 300}, .k10 = {34, 55},
     .age = {20, 85},
     .core_site = 60, .rigidity = {80, 15, 5, 0}, .mental = {5, 25, 35, 20, 15},
     .clonus = {98, 2, 0, 0}, .skin = {10, 35, 45, 10}, .bowel = {80, 20, 0, 0},
     .sign = {[SIGN_DIAPHORESIS] = 35, [SIGN_TREMOR] = 10, [SIGN_SHIVERING] = 5,
              [SIGN_AGITATION] = 20},
     .workup = {5, 3, 10, 3, 2},
     .history = {[HIST_HEAT_EXPOSURE] = 95, [HIST_EXERTION] = 50,
                 [HIST_DEHYDRATION] = 70}},
    /* Malignant catatonia: catatonic signs first, then fever and autonomic
     * lability (§7.4); often treated with lorazepam. */
    {.name = "malignant_catatonia", .group = GROUP_LOOKALIKE, .weight = 12,
     .trigger = TRIG_CATATONIA, .antipsychotic = 40, .onset = {0, 0},
     .ramp = H(48), .observe = {H(24), H(96)}, .temp10 = {374, 395},
     .hr = {10, 40}, .bp = {5, 30}, .rr = {10, 40}, .lability = 20,
     .ck = {200, 6000}, .wbc10 = {80, 140}, .iron10 = {60, 250},
     .k10 = {36, 50},
     .age = {16, 65}, .core_site = 10, .rigidity = {30, 30, 30, 10},
     .mental = {20, 15, 15, 45, 5}, .clonus = {98, 2, 0, 0},
     .skin = {50, 35, 10, 5},
     .bowel = {80, 20, 0, 0},
     .sign = {[SIGN_MUTISM] = 85, [SIGN_CATALEPSY] = 55,
              [SIGN_WAXY_FLEXIBILITY] = 40, [SIGN_NEGATIVISM] = 55,
              [SIGN_POSTURING] = 65, [SIGN_AGITATION] = 30,
              [SIGN_DIAPHORESIS] = 30, [SIGN_INCONTINENCE] = 20,
              [SIGN_DYSPHAGIA] = 20},
     .workup = {3, 2, 3, 3, 70},
     .history = {[HIST_CATATONIA] = 60, [HIST_AGITATION] = 40,
                 [HIST_EXHAUSTION] = 30, [HIST_DEHYDRATION] = 40}},
    /* Malignant hyperthermia within hours of a volatile anaesthetic and
     * succinylcholine: rigidity, very high CK and potassium (§7.3). */
    {.name = "malignant_hyperthermia", .group = GROUP_LOOKALIKE, .weight = 8,
     .trigger = TRIG_ANESTHESIA, .antipsychotic = 15, .onset = {20, H(4)},
     .ramp = H(1), .observe = {H(1), H(24)}, .temp10 = {390, 430},
     .hr = {50, 90}, .bp = {10, 40}, .rr = {50, 120}, .lability = 20,
     .ck = {8000, 80000}, .wbc10 = {90, 160}, .iron10 = {100, 300},
     .k10 = {55, 75},
     .age = {8, 65}, .core_site = 90, .rigidity = {5, 10, 25, 60},
     .mental = {30, 30, 20, 15, 5}, .clonus = {98, 2, 0, 0},
     .skin = {30, 50, 0, 20},
     .bowel = {60, 40, 0, 0},
     .sign = {[SIGN_DIAPHORESIS] = 50, [SIGN_TREMOR] = 10},
     .workup = {3, 3, 10, 2, 0}, .history = {[HIST_EXERTION] = 5}},
    /* Drug-induced parkinsonism after a start or increase: rigidity and
     * tremor without fever or a CK rise. */
    {.name = "drug_induced_parkinsonism", .group = GROUP_LOOKALIKE,
     .weight = 16, .trigger = TRIG_START, .fga = 60, .onset = {H(12), D(7)},
     .ramp = H(24), .observe = {H(6), H(48)}, .temp10 = {365, 376},
     .hr = {0, 20},
     .bp = {0, 10}, .rr = {0, 15}, .lability = 5, .ck = {60, 600},
     .wbc10 = {55, 100}, .iron10 = {100, 300}, .k10 = {36, 48}, .age = {18, 85},
     .core_site = 5, .rigidity = {5, 55, 35, 5}, .mental = {90, 10, 0, 0, 0},
     .clonus = {99, 1, 0, 0}, .skin = {85, 10, 5, 0}, .bowel = {85, 15, 0, 0},
     .sign = {[SIGN_TREMOR] = 75, [SIGN_COGWHEELING] = 60,
              [SIGN_SIALORRHEA] = 35, [SIGN_DYSPHAGIA] = 10,
              [SIGN_DIAPHORESIS] = 5},
     .workup = {2, 2, 2, 2, 5}, .history = {[HIST_AGITATION] = 30}},

    /* No syndrome: a patient on an antipsychotic whose chart shows ordinary
     * day-to-day variation. */
    {.name = "no_syndrome", .group = GROUP_PLAIN, .weight = 1,
     .trigger = TRIG_NONE, .fga = 40, .antipsychotic = 100,
     .onset = {H(12), D(10)},
     .ramp = H(24), .observe = {H(6), H(72)}, .temp10 = {363, 376},
     .hr = {0, 15}, .bp = {-5, 10}, .rr = {0, 10}, .lability = 5,
     .ck = {40, 400}, .wbc10 = {45, 105}, .iron10 = {100, 300}, .k10 = {36, 48},
     .age = {16, 85}, .core_site = 5, .rigidity = {85, 13, 2, 0},
     .mental = {92, 8, 0, 0, 0}, .clonus = {99, 1, 0, 0}, .skin = {90, 5, 5, 0},
     .bowel = {90, 10, 0, 0},
     .sign = {[SIGN_TREMOR] = 15, [SIGN_AGITATION] = 15},
     .workup = {5, 2, 5, 2, 30}, .history = {[HIST_AGITATION] = 30}},
};

#define N_SCENARIOS (int)(sizeof scenarios / sizeof scenarios[0])

/* UTC offsets an ISO record may be written in, in minutes. */
static const int offsets[] = {0, 0, 60, 120, -300, -360, -480, 330, 600};

/* The first day of the period ISO records fall in: 2024-01-01, as days
 * since 1970-01-01; records spread over three years from it. */
#define ISO_FIRST_DAY 19723
#define ISO_DAYS 1096

/* ------------------------------------------------------------------ */
/* One case                                                            */
/* ------------------------------------------------------------------ */

void nms_gen_init(struct nms_gen *g, unsigned long seed,
                  unsigned long prevalence_ppm)
{
    memset(g, 0, sizeof *g);
    knuth_lfib_init(&g->rng, (uint32_t)seed);
    g->seed = seed;
    g->prevalence_ppm = prevalence_ppm;
}

unsigned long nms_gen_default_prevalence(void)
{
    return gen_rates.prevalence_ppm;
}

/* Draws the scenario: NMS with the cohort's prevalence, else a look-alike
 * or no syndrome; within the group by weight. */
static const struct gen_scenario *draw_scenario(struct nms_gen *g)
{
    unsigned char weights[N_SCENARIOS];
    int group, i;
    unsigned long r =
        (unsigned long)gen_range(&g->rng, 0, (int)NMS_GEN_PPM - 1);

    if (r < g->prevalence_ppm)
        group = GROUP_NMS;
    else if (gen_chance(&g->rng, gen_rates.lookalike))
        group = GROUP_LOOKALIKE;
    else
        group = GROUP_PLAIN;
    for (i = 0; i < N_SCENARIOS; i++)
        weights[i] = scenarios[i].group == group ? scenarios[i].weight : 0;
    return &scenarios[gen_pick(&g->rng, weights, N_SCENARIOS)];
}

/* The case-level fields: time form and origin, patient. */
static void draw_frame(struct nms_gen *g, const struct gen_scenario *s,
                       struct gen_case *c)
{
    static const unsigned char sexes[] = {48, 48, 1, 3};
    struct knuth_lfib_ctx *rng = &g->rng;

    c->seed = g->seed;
    c->index = g->index;
    c->scenario = s->name;
    c->nms = s->nms;
    c->iso = gen_chance(rng, gen_rates.iso_times);
    if (c->iso) {
        long long day = ISO_FIRST_DAY + gen_range(rng, 0, ISO_DAYS - 1);
        int n_offsets = (int)(sizeof offsets / sizeof offsets[0]);

        c->origin = day * 1440 + gen_range(rng, 0, 287) * 5;
        c->offset_min = offsets[gen_range(rng, 0, n_offsets - 1)];
        c->offset_style = c->offset_min == 0 && gen_chance(rng, 70) ? 2
                          : gen_chance(rng, 20) ? 1 : 0;
    }
    c->age = gen_range(rng, s->age[0], s->age[1]);
    if (gen_chance(rng, gen_rates.age_missing))
        c->age = GEN_NONE;
    c->sex = (signed char)gen_pick(rng, sexes, 4);
    if (gen_chance(rng, gen_rates.sex_missing))
        c->sex = -1;
}

int nms_gen_next(struct nms_gen *g, struct nms_gen_buf *out)
{
    struct gen_case c;
    const struct gen_scenario *s;

    memset(&c, 0, sizeof c);
    s = draw_scenario(g);
    draw_frame(g, s, &c);
    gen_episode(&g->rng, s, &c);
    g->index++;
    return gen_write_case(out, &c);
}
