/*
 * gen_episode.c - one patient episode for the synthetic cohort: the
 * medications that set it off, then vitals, labs and examinations along
 * its time course, then work-up and background; missing data and unit
 * mistakes are drawn as each value is recorded (rates in gen_case.c).
 *
 * The course is a ramp: nothing before onset, then the scenario's full
 * picture reached `ramp` minutes later. Every value is an integer; every
 * time falls on a 5-minute mark and never after the assessment time, so
 * the records carry no "after assessed_at" warnings of their own making.
 */
#include <string.h>

#include "cmd/gen_int.h"

#define H(h) (60L * (h))
#define D(d) (1440L * (d))
#define GRID 5 /* minutes between possible times */

/* The true picture behind the record; only some of it gets written. */
struct episode {
    long trigger, onset, assessed;
    int syndrome;                 /* 0 for no_syndrome */
    int temp10, hr, sbp, dbp, rr; /* before the illness */
    int peak_temp10, hr_rise, bp_rise, rr_rise;
    int base_ck, peak_ck, base_wbc10, peak_wbc10, iron10, base_k10, peak_k10;
    int creat100;
    int fahrenheit, us_labs; /* how this chart writes units */
};

/* Vitals entries per case, 2 to 12, and labs and exams, 1 to 3. */
static const unsigned char vitals_weights[] = {24, 23, 16, 10, 7, 5,
                                               4,  3,  3,  3,  2};
static const unsigned char labs_weights[] = {58, 32, 10};
static const unsigned char exams_weights[] = {58, 32, 10};
/* Temperature sites on a ward: oral, tympanic, axillary. */
static const unsigned char ward_sites[] = {70, 15, 15};
/* Upper limits of normal of CK assays as laboratories report them, U/L. */
static const int ck_ulns[] = {145, 171, 190, 200, 308, 338};

static long grid(long t)
{
    return t >= 0 ? t / GRID * GRID : -((-t + GRID - 1) / GRID * GRID);
}

/* A value in [lo, hi], more often near the middle (mean of two draws). */
static long between(struct knuth_lfib_ctx *rng, long lo, long hi)
{
    long a = gen_range(rng, (int)lo, (int)hi);
    long b = gen_range(rng, (int)lo, (int)hi);

    return (a + b) / 2;
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* How far the illness has come at time t, in permille of the full picture. */
static int severity(const struct episode *e, long t, long ramp)
{
    if (!e->syndrome && e->trigger > t)
        return 0;
    if (t < e->onset)
        return 0;
    if (ramp <= 0 || t - e->onset >= ramp)
        return 1000;
    return (int)((t - e->onset) * 1000 / ramp);
}

/* Sorts n times in place (n is at most a dozen). */
static void sort_times(long *t, int n)
{
    int i, j;

    for (i = 1; i < n; i++)
        for (j = i; j > 0 && t[j - 1] > t[j]; j--) {
            long x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
}

/* n sorted times in [lo, hi]. */
static void spread(struct knuth_lfib_ctx *rng, long lo, long hi, long *t, int n)
{
    int i;

    for (i = 0; i < n; i++)
        t[i] =
            grid(lo + (long)gen_range(rng, 0, (int)((hi - lo) / GRID)) * GRID);
    sort_times(t, n);
}

/* ------------------------------------------------------------------ */
/* The episode and its medications                                     */
/* ------------------------------------------------------------------ */

static void draw_course(struct knuth_lfib_ctx *rng,
                        const struct gen_scenario *s, struct gen_case *c,
                        struct episode *e)
{
    e->syndrome = s->trigger != TRIG_NONE;
    e->trigger = grid(gen_range(rng, -(int)H(24), (int)H(72)));
    e->onset = e->trigger + grid(between(rng, s->onset[0], s->onset[1]));
    e->assessed = e->onset + grid(between(rng, s->observe[0], s->observe[1]));
    e->temp10 = gen_range(rng, 362, 372);
    e->hr = gen_range(rng, 60, 95);
    e->sbp = gen_range(rng, 100, 145);
    e->dbp = gen_range(rng, 60, 90);
    e->rr = gen_range(rng, 12, 18);
    e->peak_temp10 = gen_range(rng, s->temp10[0], s->temp10[1]);
    e->hr_rise = gen_range(rng, s->hr[0], s->hr[1]);
    e->bp_rise = gen_range(rng, s->bp[0], s->bp[1]);
    e->rr_rise = gen_range(rng, s->rr[0], s->rr[1]);
    e->base_ck = gen_range(rng, 40, 180);
    e->peak_ck = gen_range(rng, s->ck[0], s->ck[1]);
    e->base_wbc10 = gen_range(rng, 50, 100);
    e->peak_wbc10 = gen_range(rng, s->wbc10[0], s->wbc10[1]);
    e->iron10 = gen_range(rng, s->iron10[0], s->iron10[1]);
    e->base_k10 = gen_range(rng, 36, 48);
    e->peak_k10 = gen_range(rng, s->k10[0], s->k10[1]);
    e->creat100 = gen_range(rng, 60, 110);
    e->fahrenheit = gen_chance(rng, gen_rates.fahrenheit);
    e->us_labs = gen_chance(rng, gen_rates.us_lab_units);
    c->assessed = e->assessed;
    c->onset = e->onset;
}

static struct gen_med *add_med(struct knuth_lfib_ctx *rng, struct gen_case *c,
                               enum gen_drug_group group, long start, int *dose)
{
    struct gen_med *m;

    if (c->n_meds == GEN_MAX_MEDS)
        return NULL;
    m = &c->meds[c->n_meds++];
    gen_drug(rng, group, gen_rates.atc, m, dose);
    m->start = start;
    return m;
}

/* Doses of mg10 every `every` minutes from `first` to `until`. */
static void add_doses(struct gen_med *m, long first, long every, int mg10,
                      long until)
{
    long t;

    for (t = first; m && t <= until && m->n_doses < GEN_MAX_DOSES; t += every) {
        m->dose_t[m->n_doses] = t;
        m->dose_mg10[m->n_doses++] = mg10;
    }
}

/* A drug the patient has taken for weeks to a year. */
static struct gen_med *long_running(struct knuth_lfib_ctx *rng,
                                    struct gen_case *c, const struct episode *e,
                                    enum gen_drug_group group)
{
    int dose;
    long start = e->trigger - grid(gen_range(rng, (int)D(7), (int)D(365)));
    struct gen_med *m = add_med(rng, c, group, start, &dose);

    if (m && group == DRUGS_DEPOT) /* the last injection, days to weeks ago */
        add_doses(m, e->trigger - grid(gen_range(rng, (int)D(3), (int)D(27))),
                  D(28), dose, e->assessed);
    return m;
}

static void long_running_antipsychotic(struct knuth_lfib_ctx *rng,
                                       struct gen_case *c,
                                       const struct episode *e)
{
    static const unsigned char kinds[] = {30, 50, 20}; /* FGA, SGA, depot */
    static const enum gen_drug_group groups[] = {DRUGS_FGA, DRUGS_SGA,
                                                 DRUGS_DEPOT};

    long_running(rng, c, e, groups[gen_pick(rng, kinds, 3)]);
}

/* A course started at `start`: doses every 8-24 h when the chart lists
 * them, and for a dopamine antagonist started before the onset, often a
 * stop when the team recognised the syndrome. */
static struct gen_med *new_course(struct knuth_lfib_ctx *rng,
                                  struct gen_case *c, const struct episode *e,
                                  enum gen_drug_group group, long start)
{
    static const int every_h[] = {8, 12, 24};
    int dose;
    struct gen_med *m = add_med(rng, c, group, start, &dose);

    if (!m || start > e->assessed)
        return m;
    if (e->syndrome && e->onset > start && group <= DRUGS_ANTIEMETIC &&
        gen_chance(rng, gen_rates.first_episode_stopped))
        m->stop = e->onset + grid(gen_range(rng, (int)H(1), (int)H(12)));
    if (m->stop != LONG_MIN && m->stop > e->assessed)
        m->stop = e->assessed;
    if (gen_chance(rng, gen_rates.doses))
        add_doses(m, start, H(every_h[gen_range(rng, 0, 2)]), dose,
                  m->stop != LONG_MIN ? m->stop : e->assessed);
    return m;
}

/* A dose increase: the course began weeks ago; the chart shows the old
 * dose, then double from the trigger on. */
static void dose_increase(struct knuth_lfib_ctx *rng, struct gen_case *c,
                          const struct episode *e, enum gen_drug_group group)
{
    int dose;
    long start = e->trigger - grid(gen_range(rng, (int)D(7), (int)D(120)));
    struct gen_med *m = add_med(rng, c, group, start, &dose);

    add_doses(m, e->trigger - H(48), H(24), dose, e->trigger - H(24));
    add_doses(m, e->trigger, H(24), dose * 2, e->assessed);
}

static void depot_injection(struct knuth_lfib_ctx *rng, struct gen_case *c,
                            const struct episode *e)
{
    int dose, first = gen_chance(rng, 45);
    long start =
        first ? e->trigger
              : e->trigger - grid(gen_range(rng, (int)D(60), (int)D(720)));
    struct gen_med *m = add_med(rng, c, DRUGS_DEPOT, start, &dose);

    if (!first)
        add_doses(m, e->trigger - D(28), D(28), dose, e->trigger);
    else
        add_doses(m, e->trigger, D(28), dose, e->trigger);
}

/* A drug given after onset (treatment), if before the assessment. */
static void after_onset(struct knuth_lfib_ctx *rng, struct gen_case *c,
                        const struct episode *e, enum gen_drug_group group,
                        long lo, long hi)
{
    long t = e->onset + grid(gen_range(rng, (int)lo, (int)hi));

    if (t <= e->assessed)
        new_course(rng, c, e, group, t);
}

/* A dopaminergic drug taken for years and stopped at the trigger (often
 * around surgery, so an antibiotic may start before the onset). */
static void withdrawal(struct knuth_lfib_ctx *rng, struct gen_case *c,
                       const struct episode *e)
{
    struct gen_med *m = long_running(rng, c, e, DRUGS_DOPAMINERGIC);

    if (m) {
        m->start = e->trigger - grid(gen_range(rng, (int)D(180), (int)D(3650)));
        m->stop = e->trigger;
    }
    if (gen_chance(rng, 40))
        after_onset(rng, c, e, DRUGS_ANTIBIOTIC, e->trigger - e->onset, 0);
}

/* A volatile anaesthetic for 1-4 h and one dose of succinylcholine at the
 * trigger; dantrolene once malignant hyperthermia is recognised. */
static void anaesthesia(struct knuth_lfib_ctx *rng, struct gen_case *c,
                        const struct episode *e)
{
    struct gen_med *m;
    int dose;

    if ((m = add_med(rng, c, DRUGS_ANESTHETIC, e->trigger, &dose))) {
        m->stop = e->trigger + grid(gen_range(rng, (int)H(1), (int)H(4)));
        if (m->stop > e->assessed)
            m->stop = e->assessed;
    }
    if ((m = add_med(rng, c, DRUGS_RELAXANT, e->trigger, &dose))) {
        m->stop = e->trigger;
        add_doses(m, e->trigger, H(1), dose, e->trigger);
    }
    after_onset(rng, c, e, DRUGS_DANTROLENE, 15, H(1));
}

/* The medications that set the scenario off, and a long-running
 * antipsychotic at the scenario's rate. */
static void trigger_meds(struct knuth_lfib_ctx *rng,
                         const struct gen_scenario *s, struct gen_case *c,
                         const struct episode *e)
{
    enum gen_drug_group ap = gen_chance(rng, s->fga) ? DRUGS_FGA : DRUGS_SGA;
    struct gen_med *m;
    int dose, r;

    if (s->antipsychotic && s->trigger != TRIG_NONE &&
        s->trigger != TRIG_CATATONIA && gen_chance(rng, s->antipsychotic))
        long_running_antipsychotic(rng, c, e);
    switch (s->trigger) {
    case TRIG_START:
        new_course(rng, c, e, ap, e->trigger);
        break;
    case TRIG_INCREASE:
        dose_increase(rng, c, e, ap);
        break;
    case TRIG_DEPOT:
        depot_injection(rng, c, e);
        break;
    case TRIG_ANTIEMETIC:
        new_course(rng, c, e, DRUGS_ANTIEMETIC, e->trigger);
        if (gen_chance(rng, 40))
            new_course(rng, c, e, DRUGS_ANTIBIOTIC,
                       e->trigger - grid(gen_range(rng, 0, (int)H(24))));
        break;
    case TRIG_WITHDRAWAL:
        withdrawal(rng, c, e);
        break;
    case TRIG_SEROTONERGIC:
        long_running(rng, c, e, DRUGS_SSRI);
        m = add_med(rng, c, DRUGS_SEROTONERGIC_ADD, e->trigger, &dose);
        add_doses(m, e->trigger, H(8), dose, e->assessed);
        break;
    case TRIG_ANTICHOLINERGIC:
        m = add_med(rng, c, DRUGS_ANTICHOLINERGIC, e->trigger, &dose);
        add_doses(m, e->trigger, H(6), dose * gen_range(rng, 1, 10),
                  e->trigger);
        break;
    case TRIG_INFECTION:
        after_onset(rng, c, e, DRUGS_ANTIBIOTIC, H(1), H(8));
        break;
    case TRIG_HEAT:
        if (gen_chance(rng, 20))
            long_running(rng, c, e, DRUGS_ANTICHOLINERGIC);
        break;
    case TRIG_CATATONIA:
        r = gen_range(rng, 0, 99);
        if (r < s->antipsychotic)
            new_course(rng, c, e, ap,
                       e->trigger - grid(gen_range(rng, (int)D(1), (int)D(7))));
        else if (r < 2 * s->antipsychotic)
            long_running_antipsychotic(rng, c, e);
        after_onset(rng, c, e, DRUGS_BENZODIAZEPINE, H(2), H(24));
        break;
    case TRIG_ANESTHESIA:
        anaesthesia(rng, c, e);
        break;
    case TRIG_NONE:
        if (gen_chance(rng, 50))
            new_course(rng, c, e, ap, e->trigger);
        else
            long_running_antipsychotic(rng, c, e);
        break;
    }
}

/* Co-medications, each with the rate's chance, up to four drugs in all;
 * at least one drug in every record. */
static void co_meds(struct knuth_lfib_ctx *rng, struct gen_case *c,
                    const struct episode *e)
{
    int i;

    while (c->n_meds < GEN_MAX_MEDS &&
           (c->n_meds == 0 || gen_chance(rng, gen_rates.comed))) {
        enum gen_drug_group g =
            gen_chance(rng, 30) ? DRUGS_BENZODIAZEPINE : DRUGS_COMED;
        if (gen_chance(rng, 50))
            long_running(rng, c, e, g);
        else
            new_course(
                rng, c, e, g,
                e->trigger +
                    grid(gen_range(rng, 0, (int)(e->assessed - e->trigger))));
    }
    for (i = 0; i < c->n_meds; i++) {
        if (gen_chance(rng, gen_rates.route_missing))
            c->meds[i].route = NULL;
        if (gen_chance(rng, gen_rates.start_missing))
            c->meds[i].start = LONG_MIN;
    }
}

/* ------------------------------------------------------------------ */
/* Observations                                                        */
/* ------------------------------------------------------------------ */

static void one_vital(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                      const struct episode *e, struct gen_vital *v)
{
    int f = severity(e, v->t, s->ramp);
    int swing = s->lability * f / 1000 * gen_range(rng, -100, 100) / 100;

    v->temp10 = clamp(e->temp10 + (e->peak_temp10 - e->temp10) * f / 1000 +
                          gen_range(rng, -2, 2),
                      340, 440);
    v->hr = clamp(e->hr * (1000 + e->hr_rise * f / 100) / 1000 +
                      gen_range(rng, -4, 4),
                  30, 220);
    v->sbp = clamp(e->sbp * (1000 + e->bp_rise * f / 100) / 1000 + swing +
                       gen_range(rng, -5, 5),
                   60, 250);
    v->dbp = clamp(e->dbp * (1000 + e->bp_rise * f / 100) / 1000 +
                       swing * 2 / 3 + gen_range(rng, -4, 4),
                   30, v->sbp - 15);
    v->rr = clamp(e->rr * (1000 + e->rr_rise * f / 100) / 1000 +
                      gen_range(rng, -1, 1),
                  6, 60);
    if (gen_chance(rng, gen_rates.temp_missing))
        v->temp10 = GEN_NONE;
    if (gen_chance(rng, gen_rates.vital_missing))
        v->hr = GEN_NONE;
    if (gen_chance(rng, gen_rates.vital_missing))
        v->sbp = v->dbp = GEN_NONE;
    if (gen_chance(rng, gen_rates.vital_missing))
        v->rr = GEN_NONE;
    v->site = -1;
    if (!gen_chance(rng, gen_rates.site_missing))
        v->site = (signed char)(gen_chance(rng, s->core_site)
                                    ? gen_range(rng, 3, 4)
                                    : gen_pick(rng, ward_sites, 3));
    v->temp_unit = TEMP_CEL;
    if (e->fahrenheit)
        v->temp_unit = gen_chance(rng, gen_rates.fahrenheit_bare)
                           ? TEMP_DEGF_BARE
                           : TEMP_DEGF;
}

/* Vitals: sometimes one before the trigger, the rest from 12 hours before
 * onset (or the trigger, if later) to the assessment. */
static void vitals(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                   struct gen_case *c, const struct episode *e)
{
    long t[GEN_MAX_VITALS], lo = e->onset - H(12);
    int n = 2 + gen_pick(rng, vitals_weights, (int)sizeof vitals_weights), i,
        k = 0;

    if (lo < e->trigger)
        lo = e->trigger;
    if (gen_chance(rng, gen_rates.pre_trigger_vitals))
        t[k++] = e->trigger - grid(gen_range(rng, (int)H(2), (int)H(48)));
    spread(rng, lo, e->assessed, t + k, n - k);
    if (gen_chance(rng, gen_rates.vitals_at_assessment))
        t[n - 1] = e->assessed - grid(gen_range(rng, 0, (int)H(2)));
    sort_times(t, n);
    for (i = 0; i < n; i++) {
        c->vitals[i].t = t[i];
        one_vital(rng, s, e, &c->vitals[i]);
    }
    c->n_vitals = n;
}

static void one_lab(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                    const struct episode *e, struct gen_lab *l)
{
    int f = severity(e, l->t, s->ramp);
    int g = severity(e, l->t + H(6), s->ramp + H(24)); /* CK peaks later */
    int miss = (int)gen_rates.lab_missing;

    l->ck = e->base_ck + (int)((long)(e->peak_ck - e->base_ck) * g / 1000);
    l->ck += l->ck / 10 * gen_range(rng, -1, 1);
    l->ck_uln = ck_ulns[gen_range(
        rng, 0, (int)(sizeof ck_ulns / sizeof ck_ulns[0]) - 1)];
    l->wbc10 = e->base_wbc10 + (e->peak_wbc10 - e->base_wbc10) * f / 1000 +
               gen_range(rng, -3, 3);
    l->iron10 = f > 0 ? e->iron10 : gen_range(rng, 110, 300);
    l->creat100 = e->creat100 + (l->ck > 5000 ? (l->ck - 5000) / 250 : 0);
    l->creat100 = clamp(l->creat100, 30, 900);
    l->k10 = e->base_k10 + (e->peak_k10 - e->base_k10) * f / 1000;
    l->myoglobinuria = gen_chance(rng, 25)
                           ? (signed char)(l->ck > 10000 && gen_chance(rng, 80))
                           : -1;
    l->us_units = (unsigned char)e->us_labs;
    l->wbc_bare_per_ul =
        !e->us_labs && gen_chance(rng, gen_rates.wbc_bare_per_ul);
    if (gen_chance(rng, (unsigned)miss))
        l->ck = GEN_NONE;
    if (l->ck == GEN_NONE || gen_chance(rng, gen_rates.ck_uln_missing))
        l->ck_uln = GEN_NONE;
    if (gen_chance(rng, (unsigned)miss))
        l->wbc10 = GEN_NONE;
    if (gen_chance(rng, (unsigned)(miss * 3))) /* iron is ordered less often */
        l->iron10 = GEN_NONE;
    if (gen_chance(rng, (unsigned)miss))
        l->creat100 = GEN_NONE;
    if (gen_chance(rng, (unsigned)miss))
        l->k10 = GEN_NONE;
}

static void lab_samples(struct knuth_lfib_ctx *rng,
                        const struct gen_scenario *s, struct gen_case *c,
                        const struct episode *e)
{
    long t[GEN_MAX_LABS];
    int n, i, k = 0;

    if (gen_chance(rng, gen_rates.no_labs))
        return;
    n = 1 + gen_pick(rng, labs_weights, GEN_MAX_LABS);
    if (n > 1 && gen_chance(rng, 50))
        t[k++] = e->trigger - grid(gen_range(rng, (int)H(1), (int)H(24)));
    spread(rng, e->syndrome ? e->onset : e->trigger, e->assessed, t + k, n - k);
    for (i = 0; i < n; i++) {
        c->labs[i].t = t[i];
        one_lab(rng, s, e, &c->labs[i]);
    }
    c->n_labs = n;
}

/* Records finding i as present or absent, or leaves it unrecorded. */
static void record_sign(struct knuth_lfib_ctx *rng, struct gen_exam *x, int i,
                        int present)
{
    if (present)
        x->sign[i] = gen_chance(rng, gen_rates.sign_present_missing) ? -1 : 1;
    else
        x->sign[i] = gen_chance(rng, gen_rates.sign_absent_recorded) ? 0 : -1;
}

static void one_exam(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                     const struct episode *e, struct gen_exam *x)
{
    int f = severity(e, x->t, s->ramp), full = f >= 500, i;
    int parkinson = s->trigger == TRIG_WITHDRAWAL;

    if (f == 0) { /* before the illness */
        x->rigidity = (signed char)parkinson;
        x->mental = 0;
        for (i = 0; i < GEN_N_SIGNS; i++)
            record_sign(rng, x, i, parkinson && i == SIGN_TREMOR);
        x->clonus = x->skin = x->bowel = -1;
    } else {
        x->rigidity = (signed char)gen_pick(rng, s->rigidity, 4);
        x->mental = (signed char)gen_pick(rng, s->mental, 5);
        if (!full && x->rigidity > parkinson)
            x->rigidity--;
        if (!full && x->mental > 0)
            x->mental--;
        for (i = 0; i < GEN_N_SIGNS; i++)
            record_sign(rng, x, i,
                        gen_chance(rng, s->sign[i] * (full ? 10u : 6u) / 10u));
        x->clonus = gen_chance(rng, s->clonus[0] < 90 ? 70 : 15)
                        ? (signed char)gen_pick(rng, s->clonus, 4)
                        : -1;
        x->skin =
            gen_chance(rng, 35) ? (signed char)gen_pick(rng, s->skin, 4) : -1;
        x->bowel =
            gen_chance(rng, 20) ? (signed char)gen_pick(rng, s->bowel, 4) : -1;
    }
    if (gen_chance(rng, gen_rates.exam_core_missing))
        x->rigidity = -1;
    if (gen_chance(rng, gen_rates.exam_core_missing))
        x->mental = -1;
}

/* Examinations: sometimes one before onset, the rest from onset on. */
static void exams(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                  struct gen_case *c, const struct episode *e)
{
    long t[GEN_MAX_EXAMS];
    int n = 1 + gen_pick(rng, exams_weights, GEN_MAX_EXAMS), i, k = 0;
    long lo = e->syndrome ? e->onset : e->trigger;

    if (n > 1 && gen_chance(rng, 40))
        t[k++] = e->trigger - grid(gen_range(rng, (int)H(1), (int)H(24)));
    spread(rng, lo, e->assessed, t + k, n - k);
    for (i = 0; i < n; i++) {
        c->exams[i].t = t[i];
        one_exam(rng, s, e, &c->exams[i]);
    }
    c->n_exams = n;
}

/* ------------------------------------------------------------------ */
/* Background                                                          */
/* ------------------------------------------------------------------ */

static void background(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                       struct gen_case *c, const struct episode *e)
{
    int i, max_ck = -1, max_creat = -1, no_workup;

    c->base_hr = c->base_sbp = c->base_dbp = c->base_rr = GEN_NONE;
    if (gen_chance(rng, gen_rates.baseline)) {
        c->base_hr = e->hr + gen_range(rng, -3, 3);
        c->base_sbp = e->sbp + gen_range(rng, -4, 4);
        c->base_dbp = e->dbp + gen_range(rng, -3, 3);
        if (gen_chance(rng, 80))
            c->base_rr = e->rr;
    }
    c->has_assessed = gen_chance(rng, gen_rates.assessed_at);
    c->onset_in_label = e->syndrome;
    c->has_onset = e->syndrome && gen_chance(rng, gen_rates.onset_given);
    no_workup = gen_chance(rng, gen_rates.workup_absent);
    for (i = 0; i < GEN_N_WORKUP; i++) {
        c->workup[i] = -1;
        if (no_workup || gen_chance(rng, gen_rates.workup_missing) ||
            (i == WORKUP_PSYCHIATRIC &&
             gen_chance(rng, gen_rates.psychiatric_missing)))
            continue;
        c->workup[i] = gen_chance(rng, gen_rates.workup_pending)
                           ? 2
                           : (signed char)gen_chance(rng, s->workup[i]);
    }
    for (i = 0; i < GEN_N_HISTORY; i++)
        c->history[i] =
            gen_chance(rng,
                       s->history[i] >= 90 ? 85 : gen_rates.history_recorded)
                ? (signed char)gen_chance(rng, s->history[i])
                : -1;
    for (i = 0; i < c->n_labs; i++) {
        if (c->labs[i].ck > max_ck)
            max_ck = c->labs[i].ck;
        if (c->labs[i].creat100 > max_creat)
            max_creat = c->labs[i].creat100;
    }
    c->rhabdo = c->aki = -1;
    if (gen_chance(rng, gen_rates.complications_recorded)) {
        c->rhabdo = max_ck >= 0 ? (signed char)(max_ck > 10000) : -1;
        c->aki = max_creat >= 0 ? (signed char)(max_creat > 150) : -1;
    }
}

void gen_episode(struct knuth_lfib_ctx *rng, const struct gen_scenario *s,
                 struct gen_case *c)
{
    struct episode e;

    memset(&e, 0, sizeof e);
    draw_course(rng, s, c, &e);
    trigger_meds(rng, s, c, &e);
    co_meds(rng, c, &e);
    vitals(rng, s, c, &e);
    lab_samples(rng, s, c, &e);
    exams(rng, s, c, &e);
    background(rng, s, c, &e);
}
