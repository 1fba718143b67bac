/*
 * check.c - `nmsrules check`: loads a ruleset and lints it, printing each
 * finding as "FILE:LINE: warning: MESSAGE [KIND]" so editors can jump to
 * the row that causes it.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/report.h"
#include "cmd/term.h"
#include "front/commands.h"
#include "front/msg.h"
#include "nms/tools.h"

static const char usage[] =
    "usage: nmsrules check [OPTIONS]\n"
    "\n"
    "Loads the ruleset and checks what loading alone lets through: keys that\n"
    "no table of the rule language knows (with the closest known name),\n"
    "empty titles, citations and sources, rules with levels that can never\n"
    "be the first met, thresholds no case (or every case) reaches, points\n"
    "that do not add up to a declared total, concordance features no other\n"
    "criteria set tags, parameters no rule reads, drug classes caught by\n"
    "known ATC traps (N05A holds lithium and pimavanserin, and not\n"
    "metoclopramide), case fields that do not exist and names that are\n"
    "neither local nor offered to rules. Each finding is printed as\n"
    "FILE:LINE: warning: MESSAGE [KIND]; a load failure as FILE:LINE: error.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --param NAME=VALUE   check with a parameter overridden (repeatable)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 no findings, 1 findings, 2 usage error, 3 the ruleset\n"
    "failed to load.\n";

static const struct option long_options[] = {NMS_COMMON_OPTIONS};

const struct nms_command_options nms_check_options = {
    "check", usage, "h", long_options, NULL, NULL};

static int print_finding(void *ctx, const struct nms_finding *f)
{
    struct nms_term term;
    /* through nms_term: a finding quotes the ruleset's names (a parameter
     * named with an escape sequence drove the terminal, session 21) */
    FILE *out = nms_term_begin(&term, stdout, 0);

    (void)ctx;
    if (f->line > 0)
        fprintf(out, "%s:%ld: warning: %s [%s]\n", f->file, f->line,
                f->message, f->kind);
    else
        fprintf(out, "%s: warning: %s [%s]\n", f->file, f->message, f->kind);
    nms_term_end(&term);
    return 0;
}

int nms_cmd_check(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    const struct nms_ruleset_info *rs;
    struct nms_cli cli;
    size_t n = 0;
    enum nms_status st;
    int status;

    status = nms_cli_parse(&cli, &nms_check_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs > 0) {
        nms_errorf("check takes no FILE; it checks the ruleset of --rules");
        return nms_cli_try(&nms_check_options);
    }
    status = nms_cli_load(&cli, &e);
    if (status != 0)
        return status;
    rs = nms_engine_ruleset(e);
    st = nms_engine_lint(e, print_finding, NULL, &n);
    if (st != NMS_OK) {
        nms_errorf("checking the ruleset failed: %s",
                   st == NMS_ENOMEM ? "out of memory" : nms_engine_errmsg(e));
        nms_engine_free(e);
        return NMS_EXIT_USAGE;
    }
    nms_report_ruleset_line(stdout, rs);
    if (n == 0)
        printf("): no findings\n");
    else
        printf("): %zu finding%s\n", n, n == 1 ? "" : "s");
    nms_engine_free(e);
    return n ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
}
