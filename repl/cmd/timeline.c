/*
 * timeline.c - `nmsrules timeline`: each case evaluated as of every
 * distinct time in its record, when each criteria set was first met and
 * how many hours that was after the case's anchor (cmd/anchor.h), the
 * severity tier's progression, and over the cohort the distribution of
 * time to first met per set. The writing is timeline_out.c's.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cases.h"
#include "cmd/sink.h"
#include "cmd/stats.h"
#include "cmd/timeline.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules timeline [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates each case as of every distinct time in its record (each\n"
    "vital sign, lab, exam, dose, start, stop and the onset, up to the\n"
    "assessment) and shows, per case, every criteria set's verdict at each\n"
    "time, when each set was first met, how many hours after the case's\n"
    "anchor that was, and the severity tier's progression; then, over the\n"
    "cohort, the median and quartiles of the hours to first met per set.\n"
    "\n"
    "The anchor is the case's 'onset' when the record gives one, else the\n"
    "first time at which the ruleset finds exposure (a dopamine antagonist\n"
    "given or a dopaminergic drug withdrawn: IEC 2011 item 1).\n"
    "\n"
    "  --format FORMAT      text (default), json (one object: every case,\n"
    "                       then the cohort) or csv (one row per case)\n"
    "  --as-of TIME         stop each timeline at TIME: ISO 8601, hours (30\n"
    "                       or 30h), or +24h: 24 hours after each case's\n"
    "                       anchor, so a cohort mixing both time forms works\n"
    "  --plot FILE.svg      also draw the cohort's time to first met per set\n"
    "                       (the share of the cases each set met, by hour\n"
    "                       after the anchor; a self-contained SVG)\n"
    "  --items WHICH        needed (default): a set's items are asked only\n"
    "                       until its verdict and score can no longer\n"
    "                       change (the same figures for less work; an item\n"
    "                       not asked cannot fail its case); all: every item\n"
    "  -o, --output FILE    write to FILE atomically instead of stdout\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Each time is one evaluation: a case with 40 times costs 40 batch runs.\n"
    "Exit status as for 'nmsrules batch'.\n";

enum { OPT_FORMAT = NMS_OPT_OWN, OPT_PLOT, OPT_ITEMS };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"plot", required_argument, NULL, OPT_PLOT},
    {"items", required_argument, NULL, OPT_ITEMS},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    static const char *const formats[] = {"text", "json", "csv"}; /* NMS_TL_* */

    switch (opt) {
    case OPT_FORMAT:
        return nms_cmd_format(cli, arg, formats, 3);
    case OPT_PLOT:
        cli->plot = arg;
        return -1;
    case OPT_ITEMS:
        return nms_cli_set_items(cli, arg);
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_timeline_options = {
    "timeline", usage, "ho:", long_options, apply, NULL};

/* ------------------------------------------------------------------------
 * One case
 * --------------------------------------------------------------------- */

struct run {
    const struct nms_cli *cli;
    struct nms_engine *e;
    struct tally *t;
    struct nms_timeline_writer *w;
    struct nms_timeline_cohort *co;
};

void nms_timeline_release(struct nms_timeline *tl)
{
    size_t i;

    for (i = 0; tl->tier && i < tl->n_times; i++)
        free(tl->tier[i]);
    free(tl->tier);
    free(tl->times);
    free(tl->verdict);
    free(tl->without);
    free(tl->score);
    free(tl->first_met);
}

/* Keeps time k's verdicts, scores and tier from result r; -1 on no memory. */
static int keep(struct nms_timeline *tl, const struct nms_timeline_writer *w,
                size_t k, const struct nms_result *r)
{
    const struct nms_set *set;
    size_t i;

    for (i = 0; i < tl->n_sets; i++) {
        set = nms_result_set(r, w->rs->sets[w->sets[i]].id);
        tl->verdict[k * tl->n_sets + i] =
            (unsigned char)(set ? set->result : NMS_VERDICT_INDETERMINATE);
        tl->score[k * tl->n_sets + i] = set ? set->score : NAN;
        tl->without[k * tl->n_sets + i] =
            set && set->result == NMS_VERDICT_MET && nms_set_lacking(set);
        if (set && set->result == NMS_VERDICT_MET &&
            tl->first_met[i] == tl->n_times)
            tl->first_met[i] = k;
    }
    for (i = 0; i < r->n_sets; i++)
        if (r->sets[i].section == NMS_SECTION_SEVERITY &&
            r->sets[i].kind == NMS_KIND_GROUPS) {
            tl->tier[k] = strdup(nms_set_tier(&r->sets[i]));
            return tl->tier[k] ? 0 : -1;
        }
    return 0;
}

/* A rule failed as of time k: keeps the times before it only. Every later
 * row (and this one) was shown as "0 no", not met with a score of 0, in
 * all three formats, and "first met: never": a failure read as a verdict
 * (session 21). */
static void stop_at(struct nms_timeline *tl, size_t k)
{
    char at[48], arg[48];
    size_t i, n = 0;

    nms_time_format(tl->times[k], tl->c->time_form, at, sizeof at);
    for (i = 0; at[i]; i++)   /* "50 h" is --as-of 50h */
        if (at[i] != ' ')
            arg[n++] = at[i];
    arg[n] = '\0';
    snprintf(tl->error_text, sizeof tl->error_text,
             "a rule failed as of %s, so that time and those after it are "
             "not shown; run 'nmsrules eval --as-of %s' to see it", at, arg);
    tl->error = tl->error_text;
    for (i = 0; i < tl->n_sets; i++)
        if (tl->first_met[i] == tl->n_times)
            tl->first_met[i] = k;
    tl->n_times = k;
}

/* Evaluates the record as of each of tl's times; -1 on failure. */
static int evaluate_times(struct nms_engine *e,
                          const struct nms_timeline_writer *w,
                          const struct nms_record *rec, struct nms_timeline *tl)
{
    struct nms_case_options opt = {NAN, tl->c->time_form};
    struct nms_case *c;
    struct nms_result *r = NULL;
    size_t k;
    int rc = 0;

    for (k = 0; k < tl->n_times && rc == 0 && !tl->error; k++) {
        if (nms_interrupted())
            return 0;   /* the caller writes nothing of this case */
        opt.as_of = tl->times[k];
        if (!(c = nms_case_read(rec, &opt)))
            return -1;
        if (nms_engine_evaluate(e, c, &r) != NMS_OK) {
            nms_errorf("%s", nms_engine_errmsg(e));
            rc = -1;
        } else if (r->error) {
            stop_at(tl, k);
        } else {
            rc = keep(tl, w, k, r);
        }
        nms_result_free(r);
        r = NULL;
        nms_case_free(c);
    }
    return rc;
}

/* Sets up tl for case c (finished, no error); -1 on no memory. */
static int timeline_init(struct nms_timeline *tl, struct nms_case *c,
                         size_t n_sets)
{
    size_t i;

    memset(tl, 0, sizeof *tl);
    tl->c = c;
    tl->n_sets = n_sets;
    if (nms_case_times(c, &tl->times, &tl->n_times) != NMS_OK)
        return -1;
    if (tl->n_times > NMS_TIMELINE_MAX_TIMES)
        tl->n_times = NMS_TIMELINE_MAX_TIMES; /* the earliest are kept */
    tl->verdict = calloc(tl->n_times * n_sets + 1, 1);
    tl->without = calloc(tl->n_times * n_sets + 1, 1);
    tl->score = calloc(tl->n_times * n_sets + 1, sizeof *tl->score);
    tl->tier = calloc(tl->n_times + 1, sizeof *tl->tier);
    tl->first_met = calloc(n_sets + 1, sizeof *tl->first_met);
    if (!tl->verdict || !tl->without || !tl->score || !tl->tier ||
        !tl->first_met)
        return -1;
    for (i = 0; i < n_sets; i++)
        tl->first_met[i] = tl->n_times;
    return 0;
}

int nms_timeline_cohort_add(struct nms_timeline_cohort *co,
                            const struct nms_timeline *tl)
{
    size_t i, cap;
    double *grown;

    if (tl->anchor.kind == NMS_ANCHOR_NONE || tl->error)
        return 0;
    co->anchored++;
    for (i = 0; i < tl->n_sets; i++) {
        if (tl->first_met[i] == tl->n_times)
            continue;
        if (co->flagged[i] == co->cap && co->cap >= 1u << 30)
            return -1; /* a billion flagged cases: past any cohort */
        if (co->flagged[i] + 1 > co->cap) {
            cap = co->cap ? co->cap * 2 : 256;
            for (size_t j = 0; j < tl->n_sets; j++) {
                grown = realloc(co->hours[j], cap * sizeof *grown);
                if (!grown)
                    return -1;
                co->hours[j] = grown;
            }
            co->cap = cap;
        }
        co->hours[i][co->flagged[i]++] =
            nms_anchor_hours(&tl->anchor, tl->times[tl->first_met[i]]);
    }
    return 0;
}

int nms_timeline_compute(struct nms_engine *e,
                         const struct nms_timeline_writer *w,
                         const struct nms_record *rec, struct nms_case *c,
                         struct nms_timeline *tl)
{
    if (timeline_init(tl, c, w->n_sets) != 0 ||
        nms_anchor_find(e, rec, c, &tl->anchor) != 0)
        return -1;
    return evaluate_times(e, w, rec, tl);
}

/* One record (record_fn for nms_read_source). */
static int timeline_record(void *ctx, const struct nms_record *rec)
{
    struct run *run = ctx;
    struct nms_case *c = NULL;
    struct nms_result *none = NULL;
    struct nms_timeline tl;
    const char *why;
    int rc = -1;

    memset(&tl, 0, sizeof tl);
    /* The case as the command's --as-of reads it: its times end there. */
    if (nms_eval_record(run->cli, run->e, rec, &c, &none, &why) != 0) {
        nms_errorf("%s", why);
        return -1;
    }
    nms_result_free(none); /* only the case is wanted here */
    run->t->cases++;
    run->co->cases++;
    if (c->error) {
        run->t->errors++;
        run->co->errors++;
        nms_timeline_error(run->w, c);
        rc = 0;
        goto out;
    }
    if (nms_timeline_compute(run->e, run->w, rec, c, &tl) != 0)
        goto out;
    if (nms_interrupted()) {   /* cut short: as batch, neither written */
        run->t->cases--;       /* nor counted */
        run->co->cases--;
        rc = 0;
        goto out;
    }
    if (nms_timeline_cohort_add(run->co, &tl) != 0)
        goto out;
    if (tl.error) {
        run->t->errors++;
        run->co->errors++;
    }
    nms_timeline_case(run->w, &tl);
    rc = 0;
out:
    if (rc != 0)
        nms_errorf("out of memory, or the ruleset failed (see above)");
    nms_timeline_release(&tl);
    nms_case_free(c);
    return rc;
}

/* ------------------------------------------------------------------------
 * The command
 * --------------------------------------------------------------------- */

size_t *nms_timeline_criteria_sets(const struct nms_ruleset_info *rs,
                                   size_t *n)
{
    size_t *sets = calloc(rs->n_sets + 1, sizeof *sets), i;

    *n = 0;
    for (i = 0; sets && i < rs->n_sets; i++)
        if (rs->sets[i].section == NMS_SECTION_CRITERIA)
            sets[(*n)++] = i;
    return sets;
}

int nms_timeline_cohort_init(struct nms_timeline_cohort *co, size_t n_sets)
{
    memset(co, 0, sizeof *co);
    co->flagged = calloc(n_sets + 1, sizeof *co->flagged);
    co->hours = calloc(n_sets + 1, sizeof *co->hours);
    return co->flagged && co->hours ? 0 : -1;
}

void nms_timeline_cohort_release(struct nms_timeline_cohort *co, size_t n_sets)
{
    size_t i;

    for (i = 0; co->hours && i < n_sets; i++)
        free(co->hours[i]);
    free(co->hours);
    free(co->flagged);
    memset(co, 0, sizeof *co);
}

/* The --plot picture; 1 on failure (after a message). */
static int write_plot(const char *path, const struct nms_timeline_writer *w,
                      const struct nms_timeline_cohort *co)
{
    char *svg = nms_timeline_svg(w->rs, w->sets, w->n_sets, co);
    int rc = svg ? nms_sink_write_file(path, svg) : -1;

    if (rc != 0)
        nms_errorf("cannot write '%s': %s", path,
                   svg ? strerror(errno) : "out of memory");
    free(svg);
    return rc != 0;
}

/* Runs with the writer open; 1 on a fatal error. */
static int run_open(const struct nms_cli *cli, struct nms_engine *e,
                    struct nms_sink *out, struct tally *t)
{
    struct nms_timeline_writer w;
    struct nms_timeline_cohort co;
    struct run run = {cli, e, t, &w, &co};
    size_t *sets;
    int fatal = 1;

    memset(&w, 0, sizeof w);
    memset(&co, 0, sizeof co);
    w.fp = out->fp;
    w.format = (int)cli->format;
    w.rs = nms_engine_ruleset(e);
    w.as_of = cli->as_of_text;
    w.sets = sets = nms_timeline_criteria_sets(w.rs, &w.n_sets);
    if (w.sets && nms_timeline_cohort_init(&co, w.n_sets) == 0) {
        nms_timeline_begin(&w);
        fatal = nms_read_inputs(cli, t, timeline_record, &run) != 0;
        if (!fatal)
            nms_timeline_end(&w, &co);
        if (!fatal && cli->plot && !nms_interrupted())
            fatal = write_plot(cli->plot, &w, &co);
    } else {
        nms_errorf("out of memory");
    }
    nms_timeline_cohort_release(&co, w.n_sets);
    free(sets);
    return fatal;
}

int nms_cmd_timeline(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct tally t = {0, 0, 0};
    struct nms_sink out;
    struct nms_cli cli;
    int status, fatal;

    /* Verdicts, scores and tiers only: the items that cannot change them
     * need not be asked (--items). */
    status = nms_cmd_start_verdicts(&cli, &nms_timeline_options, argc, argv,
                                    &e, NMS_ITEMS_NEEDED);
    if (status >= 0)
        return status;
    if (nms_interrupt_install() != 0 || nms_sink_open(&out, cli.output) != 0) {
        nms_engine_free(e);
        return NMS_EXIT_USAGE;
    }
    fatal = run_open(&cli, e, &out, &t);
    if (nms_sink_close(&out, fatal               ? NMS_SINK_ABANDON
                             : nms_interrupted() ? NMS_SINK_PARTIAL
                                                 : NMS_SINK_COMMIT) != 0)
        fatal = 1;
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}
