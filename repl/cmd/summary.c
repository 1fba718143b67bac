/*
 * summary.c - `nmsrules summary`: one page about a cohort for a colleague:
 * verdicts per set, how often the criteria sets agree and on which
 * features they do not, the missing data that most often leaves a
 * criteria set indeterminate, unrecognised drug names, warnings by kind,
 * severity tiers, differentials, and (when the cases carry label.nms) the
 * accuracy figures with the ROC curve. summary_out.c writes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cases.h"
#include "cmd/cohort.h"
#include "cmd/sink.h"
#include "cmd/summary.h"
#include "cmd/term.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules summary [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates every case in FILEs (or reads the result records 'nmsrules\n"
    "batch' wrote for them, JSON or JSON Lines, without evaluating again;\n"
    "one kind per run) and writes one summary of the cohort:\n"
    "verdicts per set (met / not met / indeterminate), how often each pair\n"
    "of criteria sets agrees and the features they disagree on, the missing\n"
    "data that most often leaves a criteria set indeterminate, unrecognised\n"
    "drug names with counts, warnings by kind, severity tiers and\n"
    "differentials; with label.nms in the cases, sensitivity and specificity\n"
    "and the ROC curve (as 'nmsrules accuracy --label label.nms').\n"
    "\n"
    "  --html FILE          also write the summary as one self-contained HTML\n"
    "                       page (inline SVG charts; nothing fetched)\n"
    "  --timeline           also the time from each case's onset (else first\n"
    "                       exposure) to each set's first met, as 'nmsrules\n"
    "                       timeline' gives it, and its plot on the page;\n"
    "                       one evaluation per time in each case; cases only\n"
    "  -o, --output FILE    write the text to FILE atomically\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --as-of TIME         evaluate as of TIME (ISO 8601, hours, or +24h)\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status as for 'nmsrules batch'.\n";

enum { OPT_HTML = NMS_OPT_OWN, OPT_TIMELINE };

static const struct option long_options[] = {
    {"html", required_argument, NULL, OPT_HTML},
    {"timeline", no_argument, NULL, OPT_TIMELINE},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_TIMELINE:
        cli->timeline = 1;
        return -1;
    case OPT_HTML:
        cli->plot = arg; /* the command's one extra output file */
        return -1;
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_summary_options = {
    "summary", usage, "ho:", long_options, apply, NULL};

/* ---- counts ------------------------------------------------------------ */

/* Adds n to key (its first `len` bytes); -1 when out of memory. */
static int count_n(struct nms_counts *c, const char *key, size_t len, size_t n)
{
    size_t i;
    void *p;

    for (i = 0; i < c->len; i++)
        if (strlen(c->keys[i]) == len && memcmp(c->keys[i], key, len) == 0) {
            c->n[i] += n;
            return 0;
        }
    if (c->len >= NMS_SUMMARY_MAX_KEYS)
        return count_n(c, "(other)", 7, n);
    if (!(p = realloc(c->keys, (c->len + 1) * sizeof *c->keys)))
        return -1;
    c->keys = p;
    if (!(p = realloc(c->n, (c->len + 1) * sizeof *c->n)))
        return -1;
    c->n = p;
    if (!(c->keys[c->len] = malloc(len + 1)))
        return -1;
    memcpy(c->keys[c->len], key, len);
    c->keys[c->len][len] = '\0';
    c->n[c->len++] = n;
    return 0;
}

static int count(struct nms_counts *c, const char *key)
{
    return count_n(c, key, strlen(key), 1);
}

static void counts_release(struct nms_counts *c)
{
    size_t i;

    for (i = 0; i < c->len; i++)
        free(c->keys[i]);
    free(c->keys);
    free(c->n);
}

/* ---- one case ---------------------------------------------------------- */

/* Counts each part of an item's missing text ("a WBC result (labs[].wbc);
 * a baseline HR (...)": one datum per part) in c; -1 when out of memory. */
static int count_fields(struct nms_counts *c, const char *missing)
{
    const char *p = missing, *end;
    int rc = 0;

    while (p && *p && rc == 0) {
        end = strstr(p, "; ");
        rc = count_n(c, p, end ? (size_t)(end - p) : strlen(p), 1);
        p = end ? end + 2 : NULL;
    }
    return rc;
}

/* The missing data of the indeterminate criteria sets, each datum once per
 * case; -1 when out of memory. */
static int count_missing(struct nms_summary *s, const struct nms_result *r)
{
    struct nms_counts seen = {NULL, NULL, 0};
    size_t i, j;
    int rc = 0;

    for (i = 0; i < r->n_sets && rc == 0; i++) {
        const struct nms_set *set = &r->sets[i];
        if (set->section != NMS_SECTION_CRITERIA ||
            set->result != NMS_VERDICT_INDETERMINATE)
            continue;
        for (j = 0; j < set->n_items && rc == 0; j++)
            rc = count_fields(&seen, set->items[j].missing);
    }
    for (i = 0; i < seen.len && rc == 0; i++)
        rc = count(&s->missing, seen.keys[i]);
    counts_release(&seen);
    return rc;
}

/* The drug name an unrecognised_drug warning of a result record quotes:
 * "'NAME' is not in the ruleset's drug list: ..." (the record has no
 * medications to look it up in). NULL when the message is not that. */
static const char *quoted_name(const char *msg, size_t *len)
{
    const char *end = msg ? strstr(msg, "' is not in ") : NULL;

    if (!end || msg[0] != '\'' || end == msg)
        return NULL;
    *len = (size_t)(end - msg - 1);
    return msg + 1;
}

/* The name behind unrecognised_drug warning w: the case's medication, or
 * in a result record the name the message quotes; -1 on no memory. */
static int count_drug(struct nms_summary *s, const struct nms_case *c,
                      const struct nms_rule_warning *w)
{
    const char *name;
    unsigned long m;
    size_t len;
    char *end;

    if (s->in.kind == NMS_INPUT_RESULTS) {
        if ((name = quoted_name(w->message, &len)))
            return count_n(&s->drugs, name, len, 1);
        return count(&s->drugs, "(name not in the message)");
    }
    if (!w->path || strncmp(w->path, "medications[", 12) != 0)
        return 0;
    m = strtoul(w->path + 12, &end, 10);
    if (*end == ']' && m < c->n_medications && c->medications[m].drug)
        return count(&s->drugs, c->medications[m].drug);
    return 0;
}

/* Warnings by kind, and the names behind "unrecognised_drug". */
static int count_warnings(struct nms_summary *s, const struct nms_case *c,
                          const struct nms_result *r)
{
    size_t i;
    int rc = 0;

    for (i = 0; i < c->n_warnings && rc == 0; i++)
        rc = count(&s->warnings, "input (the case record)");
    for (i = 0; i < r->n_warnings && rc == 0; i++) {
        const struct nms_rule_warning *w = &r->warnings[i];
        rc = count(&s->warnings, w->kind ? w->kind : "(no kind)");
        if (rc == 0 && w->kind && strcmp(w->kind, "unrecognised_drug") == 0)
            rc = count_drug(s, c, w);
    }
    return rc;
}

/* Counts one evaluated case (an emit_fn). */
static int add_case(void *ctx, const struct nms_case *c,
                    const struct nms_result *r)
{
    struct nms_summary *s = ctx;
    const struct nms_set *a, *b;
    const struct nms_item *lacking;
    size_t i, j;
    int rc = 0;

    s->cases++;
    if (!r || r->error) {
        s->errors++;
        return 0;
    }
    s->evaluated++;
    for (i = 0; i < r->n_sets && i < s->rs->n_sets; i++) {
        s->verdicts[i][r->sets[i].result]++;
        if ((lacking = nms_set_lacking(&r->sets[i])) != NULL)
            s->presupposed[i][lacking->value == NMS_TRI_UNKNOWN]++;
        if (r->sets[i].section == NMS_SECTION_SEVERITY &&
            r->sets[i].kind == NMS_KIND_GROUPS)
            rc |= count(&s->tiers, nms_set_tier(&r->sets[i]));
    }
    for (i = 0; i < s->n_crit; i++)
        for (j = 0; j < s->n_crit; j++) {
            a = nms_result_set(r, s->rs->sets[s->crit[i]].id);
            b = nms_result_set(r, s->rs->sets[s->crit[j]].id);
            if (a && b && a->result == b->result)
                s->agree[i * s->n_crit + j]++;
        }
    for (i = 0; i < r->n_disagreements; i++)
        rc |= count(&s->features, r->disagreements[i].feature);
    rc |= count_missing(s, r);
    rc |= count_warnings(s, c, r);
    s->has_labels |= c->label_json != NULL;
    rc |= nms_accuracy_add(&s->acc, c, r);
    if (rc)
        nms_errorf("out of memory");
    return rc ? -1 : 0;
}

/* ---- one record: a case or a result ----------------------------------- */

struct run {
    const struct nms_cli *cli;
    struct nms_engine *e;
    struct nms_summary *s;
};

/* An evaluated case (an emit_fn), with --timeline its time to first met:
 * the record read again as --as-of reads it (the timeline wants a case of
 * its own: nms_case_times takes it non-const), evaluated as of each of its
 * times. */
static int add_case_timeline(void *ctx, const struct nms_case *c,
                             const struct nms_result *r)
{
    struct run *run = ctx;
    struct nms_case_options opt = {run->cli->as_of, run->cli->as_of_form};
    struct nms_case *own = NULL;
    struct nms_timeline tl;
    int rc = add_case(run->s, c, r);

    if (rc != 0 || c->error || (r && r->error))
        return rc;
    memset(&tl, 0, sizeof tl);
    own = run->cli->as_of_relative
              ? nms_anchor_read(run->e, run->s->in.rec, run->cli->as_of)
              : nms_case_read(run->s->in.rec, &opt);
    /* The times read verdicts only: asked as 'nmsrules timeline' asks them
     * (its items until the verdicts are fixed), then every item again for
     * the next case's counts of missing data. */
    nms_engine_set_items(run->e, NMS_ITEMS_NEEDED);
    if (!own || nms_timeline_compute(run->e, &run->s->tl_sets, run->s->in.rec, own,
                                     &tl) != 0 ||
        nms_timeline_cohort_add(&run->s->tl, &tl) != 0) {
        nms_errorf("out of memory, or the ruleset failed (see above)");
        rc = -1;
    }
    nms_engine_set_items(run->e, NMS_ITEMS_ALL);
    nms_timeline_release(&tl);
    nms_case_free(own);
    return rc;
}

/* ---- the command ------------------------------------------------------- */

static int summary_init(struct nms_summary *s,
                        const struct nms_ruleset_info *rs, int timeline)
{
    size_t i;

    memset(s, 0, sizeof *s);
    s->rs = rs;
    s->verdicts = calloc(rs->n_sets + 1, sizeof *s->verdicts);
    s->presupposed = calloc(rs->n_sets + 1, sizeof *s->presupposed);
    s->crit = calloc(rs->n_sets + 1, sizeof *s->crit);
    for (i = 0; s->crit && i < rs->n_sets; i++)
        if (rs->sets[i].section == NMS_SECTION_CRITERIA)
            s->crit[s->n_crit++] = i;
    s->agree = calloc(s->n_crit * s->n_crit + 1, sizeof *s->agree);
    if (nms_accuracy_init(&s->acc, rs, "label.nms") != 0 || !s->verdicts ||
        !s->presupposed ||
        !s->crit || !s->agree)
        return -1;
    s->timeline = timeline;
    s->tl_sets.rs = rs;
    s->tl_sets.sets = s->tl_list =
        nms_timeline_criteria_sets(rs, &s->tl_sets.n_sets);
    if (!s->tl_list ||
        nms_timeline_cohort_init(&s->tl, s->tl_sets.n_sets) != 0)
        return -1;
    return 0;
}

static void summary_release(struct nms_summary *s)
{
    free(s->verdicts);
    free(s->presupposed);
    free(s->crit);
    free(s->agree);
    counts_release(&s->features);
    counts_release(&s->missing);
    counts_release(&s->drugs);
    counts_release(&s->warnings);
    counts_release(&s->tiers);
    nms_accuracy_release(&s->acc);
    nms_timeline_cohort_release(&s->tl, s->tl_sets.n_sets);
    free(s->tl_list);
}

/* Writes the text and the page; 0, or -1 after a message. */
static int write_summary(const struct nms_cli *cli, const struct nms_summary *s)
{
    struct nms_sink out;
    struct nms_term term;

    if (cli->plot) {
        if (nms_sink_open(&out, cli->plot) != 0)
            return -1;
        if (nms_summary_html(out.fp, s) != 0) {
            nms_errorf("out of memory");
            nms_sink_close(&out, NMS_SINK_ABANDON);
            return -1;
        }
        if (nms_sink_close(&out, NMS_SINK_COMMIT) != 0)
            return -1;
    }
    if (nms_sink_open(&out, cli->output) != 0)
        return -1;
    /* The warnings' kinds are the rules' text (session 21: an escape
     * sequence in one went raw to the terminal). */
    nms_summary_text(nms_term_begin(&term, out.fp, 0), s);
    nms_term_end(&term);
    return nms_sink_close(&out, NMS_SINK_COMMIT);
}

static int run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                      struct nms_summary *s, struct tally *t)
{
    struct run run = {cli, e, s};

    if (summary_init(s, nms_engine_ruleset(e), cli->timeline) != 0) {
        nms_errorf("out of memory");
        return 1;
    }
    if (s->timeline)
        s->in.cases_only = "--timeline needs the cases (a result is the "
                           "case at one time only)";
    if (nms_cohort_read(&s->in, cli, e, t,
                        s->timeline ? add_case_timeline : add_case,
                        s->timeline ? (void *)&run : (void *)s) != 0)
        return 1;
    s->tl.cases = s->cases; /* the timeline's count: all cases */
    s->tl.errors = s->errors;
    if (nms_accuracy_figures(&s->acc) != 0) {
        nms_errorf("out of memory");
        return 1;
    }
    return 0;
}

int nms_cmd_summary(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct nms_summary s;
    struct tally t = {0, 0, 0};
    struct nms_cli cli;
    int status, fatal;

    /* Every item asked: the missing data and the disagreements it counts
     * are items' (nms_engine_set_items). */
    status = nms_cmd_start_verdicts(&cli, &nms_summary_options, argc, argv,
                                    &e, NMS_ITEMS_ALL);
    if (status >= 0)
        return status;
    memset(&s, 0, sizeof s);
    fatal = nms_interrupt_install() != 0 || run_inputs(&cli, e, &s, &t);
    if (!fatal && !nms_interrupted() && write_summary(&cli, &s) != 0)
        fatal = 1;
    summary_release(&s);
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}
