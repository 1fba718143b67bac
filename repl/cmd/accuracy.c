/*
 * accuracy.c - `nmsrules accuracy --label PATH`: every criteria set's
 * verdicts against a reference label the cases carry (a chart review, the
 * generator's truth), as 2x2 tables with their figures, and the ROC curve
 * of each scored set. The arithmetic is stats.c's; the writing is
 * accuracy_out.c's and roc_svg.c's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/accuracy.h"
#include "cmd/cases.h"
#include "cmd/sink.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "nms/label.h"

static const char usage[] =
    "usage: nmsrules accuracy --label PATH [OPTIONS] [FILE...]\n"
    "\n"
    "Compares every criteria set's verdict with a reference label the cases\n"
    "carry (PATH such as label.nms, a true/false or 1/0 field; the label\n"
    "'nmsrules gen' writes is one). Per set: the 2x2 table, sensitivity,\n"
    "specificity, PPV, NPV, accuracy and Cohen's kappa with 95 % intervals\n"
    "(Wilson for the proportions; Cohen's large-sample SE for kappa), shown\n"
    "twice: indeterminate verdicts counted as negative, then as positive.\n"
    "For a scored set (points, e.g. IEC 2011): the ROC curve over its\n"
    "score, the AUC with a 95 % interval (Hanley & McNeil 1982), and the\n"
    "cut-off that maximises Youden's J (ties: the higher cut-off).\n"
    "Cases without a usable label and error records are counted, not used.\n"
    "\n"
    "  --label PATH         the reference field, from the record's root\n"
    "  --format FORMAT      text (default), json or csv\n"
    "  --plot FILE.svg      also draw the ROC curves (a self-contained SVG)\n"
    "  -o, --output FILE    write to FILE atomically instead of stdout\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --as-of TIME         evaluate as of TIME (ISO 8601 or hours)\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 done, 1 some cases were errors (left out), 2 usage or\n"
    "input/output error, 3 the ruleset failed to load.\n";

enum { OPT_FORMAT = NMS_OPT_OWN, OPT_LABEL, OPT_PLOT };

/* --format values beyond batch's: text is this command's default. */
enum { FORMAT_TEXT = 0, FORMAT_JSON, FORMAT_CSV };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"label", required_argument, NULL, OPT_LABEL},
    {"plot", required_argument, NULL, OPT_PLOT},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    static const char *const formats[] = {"text", "json", "csv"};
    int i;

    switch (opt) {
    case OPT_FORMAT:
        for (i = 0; i < 3; i++)
            if (strcmp(arg, formats[i]) == 0) {
                cli->format = (enum nms_format)i;
                return -1;
            }
        nms_errorf("unknown format '%s' (expected text, json or csv)", arg);
        return NMS_EXIT_USAGE;
    case OPT_LABEL:
        if (strncmp(arg, "label", 5) != 0 || (arg[5] && arg[5] != '.')) {
            nms_errorf("--label '%s' must name a field of the record's "
                       "label, such as label.nms",
                       arg);
            return NMS_EXIT_USAGE;
        }
        cli->label = arg;
        return -1;
    case OPT_PLOT:
        cli->plot = arg;
        return -1;
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_accuracy_options = {
    "accuracy", usage, "ho:", long_options, apply};

/* ------------------------------------------------------------------------
 * Gathering
 * --------------------------------------------------------------------- */

struct gather {
    const char *label;
    struct nms_accuracy_report rep;
    double **scores; /* per set: the scores of the labelled cases (points
                        sets only, else NULL) */
    int *labels;     /* the labels of those cases, in the same order */
    size_t n, cap;
};

/* The case's reference: 1, 0, or -1 when it has no usable one. Returns
 * -2 when memory ran out. */
static int reference(const struct nms_case *c, const char *path)
{
    struct nms_label_field f;
    int ref = -1;

    if (nms_label_get(c->label_json, path, &f) != NMS_OK)
        return -2;
    if (f.type == NMS_LABEL_BOOL)
        ref = f.boolean;
    else if (f.type == NMS_LABEL_NUMBER && (f.number == 0 || f.number == 1))
        ref = f.number == 1;
    nms_label_field_release(&f);
    return ref;
}

/* Room for one more scored case; -1 when out of memory or past the limit. */
static int grow(struct gather *g)
{
    size_t cap = g->cap ? g->cap * 2 : 1024, i;
    void *p;

    if (g->n < g->cap)
        return 0;
    if (g->n >= NMS_ACCURACY_MAX_CASES)
        return -1;
    if (!(p = realloc(g->labels, cap * sizeof *g->labels)))
        return -1;
    g->labels = p;
    for (i = 0; i < g->rep.n_sets; i++) {
        if (!g->scores[i])
            continue;
        if (!(p = realloc(g->scores[i], cap * sizeof **g->scores)))
            return -1;
        g->scores[i] = p;
    }
    g->cap = cap;
    return 0;
}

/* Counts one evaluated case (emit_fn for nms_run_source). */
static int add_case(void *ctx, const struct nms_case *c,
                    const struct nms_result *r)
{
    struct gather *g = ctx;
    const struct nms_set *set;
    int ref;
    size_t i;

    g->rep.cases++;
    if (!r || r->error) {
        g->rep.errors++;
        return 0;
    }
    if ((ref = reference(c, g->label)) == -2 || (ref >= 0 && grow(g) != 0)) {
        nms_errorf("out of memory (or more than %u labelled cases)",
                   NMS_ACCURACY_MAX_CASES);
        return -1;
    }
    if (ref < 0) {
        g->rep.unlabelled++;
        return 0;
    }
    *(ref ? &g->rep.positives : &g->rep.negatives) += 1;
    for (i = 0; i < g->rep.n_sets; i++) {
        set = nms_result_set(r, g->rep.sets[i].id);
        if (set)
            g->rep.sets[i].counts[ref][set->result]++;
        if (g->scores[i])
            g->scores[i][g->n] = set ? set->score : 0.0;
    }
    g->labels[g->n++] = ref;
    return 0;
}

/* The criteria sets of the ruleset, in order; -1 when out of memory. */
static int gather_init(struct gather *g, const struct nms_ruleset_info *rs)
{
    size_t i, n = 0;

    g->rep.rs = rs;
    g->rep.label = g->label;
    g->rep.sets = calloc(rs->n_sets ? rs->n_sets : 1, sizeof *g->rep.sets);
    g->scores = calloc(rs->n_sets ? rs->n_sets : 1, sizeof *g->scores);
    if (!g->rep.sets || !g->scores)
        return -1;
    for (i = 0; i < rs->n_sets; i++) {
        if (rs->sets[i].section != NMS_SECTION_CRITERIA)
            continue;
        g->rep.sets[n].id = rs->sets[i].id;
        g->rep.sets[n].kind = rs->sets[i].kind;
        /* A placeholder, so grow() reallocs it: points sets keep scores. */
        if (rs->sets[i].kind == NMS_KIND_POINTS &&
            !(g->scores[n] = malloc(sizeof **g->scores)))
            return -1;
        n++;
    }
    g->rep.n_sets = n;
    return 0;
}

static void gather_release(struct gather *g)
{
    size_t i;

    for (i = 0; g->scores && i < g->rep.n_sets; i++) {
        free(g->scores[i]);
        nms_stats_roc_free(&g->rep.sets[i].roc);
    }
    free(g->scores);
    free(g->labels);
    free(g->rep.sets);
}

/* ------------------------------------------------------------------------
 * Figures
 * --------------------------------------------------------------------- */

/* Both views of one set's counts, and its ROC; -1 when out of memory. */
static int figures(struct gather *g, size_t i)
{
    struct nms_set_accuracy *s = &g->rep.sets[i];
    const size_t *pos = s->counts[1], *neg = s->counts[0];
    struct nms_table2 *t = s->table;
    int v;

    t[NMS_VIEW_IND_NEGATIVE] = (struct nms_table2){
        pos[NMS_VERDICT_MET], neg[NMS_VERDICT_MET],
        pos[NMS_VERDICT_NOT_MET] + pos[NMS_VERDICT_INDETERMINATE],
        neg[NMS_VERDICT_NOT_MET] + neg[NMS_VERDICT_INDETERMINATE]};
    t[NMS_VIEW_IND_POSITIVE] = (struct nms_table2){
        pos[NMS_VERDICT_MET] + pos[NMS_VERDICT_INDETERMINATE],
        neg[NMS_VERDICT_MET] + neg[NMS_VERDICT_INDETERMINATE],
        pos[NMS_VERDICT_NOT_MET], neg[NMS_VERDICT_NOT_MET]};
    for (v = 0; v < NMS_N_VIEWS; v++)
        nms_stats_accuracy(&t[v], &s->fig[v]);
    if (!g->scores[i])
        return 0;
    s->has_roc = 1;
    return nms_stats_roc(g->scores[i], g->labels, g->n, &s->roc);
}

/* Writes the report in cli's format, and the plot; 0, or -1 on failure
 * (after a message). */
static int write_report(const struct nms_cli *cli,
                        const struct nms_accuracy_report *rep)
{
    struct nms_sink out;
    char *svg = NULL;
    int rc = 0;

    if (cli->plot) {
        svg = nms_accuracy_svg(rep);
        if (!svg || nms_sink_write_file(cli->plot, svg) != 0) {
            nms_errorf("cannot write '%s': %s", cli->plot,
                       svg ? strerror(errno) : "out of memory");
            free(svg);
            return -1;
        }
        free(svg);
    }
    if (nms_sink_open(&out, cli->output) != 0)
        return -1;
    if ((int)cli->format == FORMAT_JSON)
        nms_accuracy_json(out.fp, rep);
    else if ((int)cli->format == FORMAT_CSV)
        nms_accuracy_csv(out.fp, rep);
    else
        nms_accuracy_text(out.fp, rep);
    if (nms_sink_close(&out, NMS_SINK_COMMIT) != 0)
        rc = -1;
    return rc;
}

/* Reads every input into g; 1 on a fatal error. */
static int run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                      struct gather *g, struct tally *t)
{
    size_t i;
    int k;

    if (gather_init(g, nms_engine_ruleset(e)) != 0) {
        nms_errorf("out of memory");
        return 1;
    }
    for (k = 0; k < cli->n_inputs && !nms_interrupted(); k++)
        if (nms_run_source(cli, e, cli->inputs[k], t, add_case, g) != 0)
            return 1;
    for (i = 0; i < g->rep.n_sets; i++)
        if (figures(g, i) != 0) {
            nms_errorf("out of memory");
            return 1;
        }
    return 0;
}

int nms_cmd_accuracy(int argc, char **argv)
{
    static char dash[] = "-";
    char *stdin_only[] = {dash};
    struct nms_engine *e = NULL;
    struct gather g;
    struct tally t = {0, 0, 0};
    struct nms_cli cli;
    int status, fatal;

    status = nms_cli_parse(&cli, &nms_accuracy_options, argc, argv);
    if (status >= 0)
        return status;
    if (!cli.label) {
        nms_errorf("--label PATH is required (e.g. --label label.nms)");
        return nms_cli_try(&nms_accuracy_options);
    }
    if (cli.n_inputs == 0) {
        cli.inputs = stdin_only;
        cli.n_inputs = 1;
    }
    if ((status = nms_cli_load(&cli, &e)) != 0)
        return status;
    memset(&g, 0, sizeof g);
    g.label = cli.label;
    fatal = nms_interrupt_install() != 0 || run_inputs(&cli, e, &g, &t);
    if (!fatal && !nms_interrupted() && write_report(&cli, &g.rep) != 0)
        fatal = 1;
    if (!fatal && g.rep.positives + g.rep.negatives == 0)
        nms_warnf("no case carries a usable '%s' (true/false or 1/0)",
                  cli.label);
    gather_release(&g);
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}
