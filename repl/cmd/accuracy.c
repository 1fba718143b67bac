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
#include "cmd/cohort.h"
#include "cmd/sink.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"

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
    "FILEs may hold the result records 'nmsrules batch' wrote instead of\n"
    "cases (with the label; JSON or JSON Lines): read back, not evaluated.\n"
    "\n"
    "  --label PATH         the reference field, from the record's root\n"
    "  --format FORMAT      text (default), json or csv\n"
    "  --plot FILE.svg      also draw the ROC curves (a self-contained SVG)\n"
    "  --items WHICH        needed (default): a set's items are asked only\n"
    "                       until its verdict and score can no longer\n"
    "                       change (the same figures for less work; an item\n"
    "                       not asked cannot fail its case); all: every item\n"
    "  -o, --output FILE    write to FILE atomically instead of stdout\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --as-of TIME         evaluate as of TIME (ISO 8601 or hours)\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 done, 1 some cases were errors (left out), 2 usage or\n"
    "input/output error, 3 the ruleset failed to load.\n";

enum { OPT_FORMAT = NMS_OPT_OWN, OPT_LABEL, OPT_PLOT, OPT_ITEMS };

/* --format values beyond batch's: text is this command's default. */
enum { FORMAT_TEXT = 0, FORMAT_JSON, FORMAT_CSV };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"label", required_argument, NULL, OPT_LABEL},
    {"plot", required_argument, NULL, OPT_PLOT},
    {"items", required_argument, NULL, OPT_ITEMS},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    static const char *const formats[] = {"text", "json", "csv"};

    switch (opt) {
    case OPT_FORMAT:
        return nms_cmd_format(cli, arg, formats, 3);
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
    case OPT_ITEMS:
        return nms_cli_set_items(cli, arg);
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_accuracy_options = {
    "accuracy", usage, "ho:", long_options, apply, NULL};

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
                      struct nms_accuracy_gather *g, struct tally *t)
{
    struct nms_cohort in = {NMS_INPUT_UNSET, NULL, NULL, "", 0};

    if (nms_accuracy_init(g, nms_engine_ruleset(e), cli->label) != 0) {
        nms_errorf("out of memory");
        return 1;
    }
    if (nms_cohort_read(&in, cli, e, t, nms_accuracy_add, g) != 0)
        return 1;
    if (nms_accuracy_figures(g) != 0) {
        nms_errorf("out of memory");
        return 1;
    }
    return 0;
}

int nms_cmd_accuracy(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct nms_accuracy_gather g;
    struct tally t = {0, 0, 0};
    struct nms_cli cli;
    int status, fatal;

    /* Verdicts and scores only: the items that cannot change them need not
     * be asked (--items). */
    status = nms_cmd_start_verdicts(&cli, &nms_accuracy_options, argc, argv,
                                    &e, NMS_ITEMS_NEEDED);
    if (status >= 0)
        return status;
    if (!cli.label) {
        nms_engine_free(e);
        nms_errorf("--label PATH is required (e.g. --label label.nms)");
        return nms_cli_try(&nms_accuracy_options);
    }
    memset(&g, 0, sizeof g);
    fatal = nms_interrupt_install() != 0 || run_inputs(&cli, e, &g, &t);
    if (!fatal && !nms_interrupted() && write_report(&cli, &g.rep) != 0)
        fatal = 1;
    if (!fatal && g.rep.positives + g.rep.negatives == 0)
        nms_warnf("no case carries a usable '%s': the reference must be "
                  "true/false or 1/0 (text such as \"nms\" is not read as a "
                  "verdict; give it as e.g. \"label\": {\"nms\": true})",
                  cli.label);
    nms_accuracy_release(&g);
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}
