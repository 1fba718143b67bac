/*
 * eval.c - `nmsrules eval`: one input as a readable report (or the batch
 * record, pretty-printed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cases.h"
#include "front/commands.h"
#include "cmd/report.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules eval [OPTIONS] FILE\n"
    "\n"
    "Evaluates the case in FILE ('-' for standard input) and prints a\n"
    "readable report: every criteria set, every item with its points and\n"
    "evidence (\xe2\x9c\x93 met, \xe2\x9c\x97 not met, ? unknown), "
    "and the data still missing.\n"
    "A FILE of several cases (JSON Lines or an array) gives one report per\n"
    "case.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --format FORMAT      text (default) or json (the batch record)\n"
    "  --compact            with --format json: as batch --compact\n"
    "  --evidence LEVEL     all (default), decisive (only the items that\n"
    "                       decided a verdict) or none, as for batch\n"
    "  --as-of TIME         evaluate as of TIME, ignoring later data\n"
    "  --max-instructions N, --max-memory MIB, --max-cpu-ms MS   sandbox limits\n"
    "  --color[=WHEN]       colour the report: auto (default: on a terminal,\n"
    "                       unless NO_COLOR is set or TERM=dumb), always, never\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status as for 'nmsrules batch'.\n";

enum { OPT_FORMAT = NMS_OPT_OWN, OPT_COMPACT, OPT_EVIDENCE };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"compact", no_argument, NULL, OPT_COMPACT},
    {"evidence", required_argument, NULL, OPT_EVIDENCE},
    NMS_COMMON_OPTIONS};

/* eval's own options: --format text|json, --compact, --evidence. */
static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_FORMAT:
        if (strcmp(arg, "text") == 0)
            cli->json_report = 0;
        else if (strcmp(arg, "json") == 0)
            cli->json_report = 1;
        else {
            nms_errorf("unknown format '%s' (expected text or json)", arg);
            return NMS_EXIT_USAGE;
        }
        return -1;
    case OPT_COMPACT:
        cli->compact = 1;
        return -1;
    case OPT_EVIDENCE:
        return nms_cli_set_evidence(cli, arg);
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_eval_options = {
    "eval", usage, "h", long_options, apply, NULL};

/* eval: the readable report, or the batch record pretty-printed. */
struct eval_ctx {
    const struct nms_cli *cli;
    const struct nms_ruleset_info *rs;
    int color;
};

static int emit_report(void *ctx, const struct nms_case *c,
                       const struct nms_result *r)
{
    struct eval_ctx *ec = ctx;

    if (!ec->cli->json_report) {
        nms_report_print(stdout, c, r, ec->rs, ec->color);
        return 0;
    }
    /* stdout's errors are checked once at the end (main). */
    nms_output_write(stdout, c, r, ec->rs,
                     NMS_OUTPUT_PRETTY |
                         (ec->cli->compact ? NMS_OUTPUT_COMPACT : 0));
    putchar('\n');
    return 0;
}

int nms_cmd_eval(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct tally t = {0, 0, 0};
    struct eval_ctx ctx;
    struct nms_cli cli;
    int status, fatal;

    status = nms_cli_parse(&cli, &nms_eval_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs != 1) {
        nms_errorf("eval takes exactly one FILE (use batch for many)");
        return nms_cli_try(&nms_eval_options);
    }
    status = nms_cli_load(&cli, &e);
    if (status != 0)
        return status;
    nms_engine_set_evidence(e, nms_cli_evidence(&cli, NMS_EVIDENCE_ALL));
    ctx.cli = &cli;
    ctx.rs = nms_engine_ruleset(e);
    ctx.color = nms_cli_color(&cli, fileno(stdout));
    fatal = nms_run_source(&cli, e, cli.inputs[0], &t, emit_report, &ctx) != 0;
    if (fflush(stdout) != 0)
        fatal = 1;
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}
