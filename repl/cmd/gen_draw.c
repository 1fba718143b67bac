/*
 * gen_draw.c - what every part of the generator draws with: the cohort's
 * rates and the random numbers (gen_case.c draws a case, gen_episode.c its
 * episode, gen_drugs.c its drugs; all three draw through here, so none of
 * them calls another back).
 *
 * THE RATES BELOW ARE PROJECT CHOICES, NOT EPIDEMIOLOGY (see gen_case.c and
 * docs/gen.md).
 */
#include "cmd/gen_int.h"

/* ------------------------------------------------------------------ */
/* Rates (see struct gen_rates for what each one means)                */
/* ------------------------------------------------------------------ */

const struct gen_rates gen_rates = {
    .prevalence_ppm = 200000,   /* 20 % NMS: enriched for teaching */
    .lookalike = 55,
    .iso_times = 60,
    .assessed_at = 85,
    .onset_given = 30,
    .baseline = 35,
    .pre_trigger_vitals = 45,
    .vitals_at_assessment = 70,
    .age_missing = 3,
    .sex_missing = 5,
    .vital_missing = 12,
    .temp_missing = 10,
    .site_missing = 25,
    .fahrenheit = 12,
    .fahrenheit_bare = 8,
    .us_lab_units = 12,
    .wbc_bare_per_ul = 3,
    .no_labs = 8,
    .lab_missing = 20,
    .ck_uln_missing = 45,
    .exam_core_missing = 10,
    .sign_present_missing = 25,
    .sign_absent_recorded = 4,
    .workup_absent = 20,
    .workup_missing = 12,
    .workup_pending = 10,
    .psychiatric_missing = 50,
    .history_recorded = 15,
    .complications_recorded = 15,
    .route_missing = 8,
    .start_missing = 4,
    .atc = 30,
    .doses = 25,
    .comed = 40,
    .first_episode_stopped = 60,
};

/* ------------------------------------------------------------------ */
/* Random numbers                                                      */
/* ------------------------------------------------------------------ */

/* knuth_lfib_get gives 30 random bits. */
#define LFIB_RANGE (1UL << 30)

int gen_range(struct knuth_lfib_ctx *rng, int lo, int hi)
{
    unsigned long n = (unsigned long)((long)hi - lo) + 1, limit, r;

    if (hi <= lo)
        return lo;
    limit = LFIB_RANGE - LFIB_RANGE % n;   /* reject the biased tail */
    do
        r = knuth_lfib_get(rng);
    while (r >= limit);
    return (int)((long)lo + (long)(r % n));
}

int gen_chance(struct knuth_lfib_ctx *rng, unsigned pct)
{
    return gen_range(rng, 0, 99) < (int)pct;
}

int gen_pick(struct knuth_lfib_ctx *rng, const unsigned char *weights, int n)
{
    int total = 0, i, r;

    for (i = 0; i < n; i++)
        total += weights[i];
    r = gen_range(rng, 0, total - 1);
    for (i = 0; i < n - 1; i++) {
        if (r < weights[i])
            return i;
        r -= weights[i];
    }
    return n - 1;
}
