/*
 * doc.c - `nmsrules doc`: the reference of a ruleset generated from its
 * rule files (core/lua/describe.lua), as Markdown or HTML; and what it
 * shares with `nmsrules params` (params.c), which describes the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cases.h"
#include "cmd/doc.h"
#include "cmd/sink.h"
#include "cmd/term.h"
#include "front/commands.h"
#include "front/msg.h"
#include "nms/tools.h"

static const char usage[] =
    "usage: nmsrules doc [OPTIONS]\n"
    "\n"
    "Writes the reference of the ruleset, generated from its rule files:\n"
    "every criteria set with its items, points, rule, definitions and\n"
    "citations; the severity tiers; risk factors; differential diagnoses with\n"
    "what distinguishes them; concordance features; every parameter with its\n"
    "default, unit, meaning and source; the drug classes, ATC groups, drugs\n"
    "and depot products. The default ruleset's reference is docs/reference.md.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --format FORMAT      md (default) or html\n"
    "  -o, --output FILE    write to FILE (replaced only when complete)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 written, 2 usage or output error, 3 the ruleset failed\n"
    "to load.\n";

enum { OPT_FORMAT = NMS_OPT_OWN };

const struct option nms_describe_long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

int nms_describe_apply(struct nms_cli *cli, int opt, const char *arg,
                       const struct nms_describe_formats *f)
{
    switch (opt) {
    case OPT_FORMAT:
        return nms_cmd_format(cli, arg, f->names, 2);
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

/* Loads the ruleset of cli and writes its description in `format` (see
 * nms_engine_describe). Returns the exit status. */
static int describe(const struct nms_cli *cli, const char *format)
{
    struct nms_engine *e = NULL;
    struct nms_sink sink;
    char *text = NULL;
    enum nms_status st;
    int status;

    status = nms_cli_load(cli, &e);
    if (status != 0)
        return status;
    st = nms_engine_describe(e, format, &text);
    if (st != NMS_OK) {
        nms_errorf("describing the ruleset failed: %s",
                   st == NMS_ENOMEM ? "out of memory" : nms_engine_errmsg(e));
        status = NMS_EXIT_USAGE;
    } else if (nms_sink_open(&sink, cli->output) != 0) {
        status = NMS_EXIT_USAGE;
    } else {
        /* The parameters' names, docs and sources are the ruleset's text,
         * checked by no load (session 21: raw escape sequences) */
        nms_term_write(sink.fp, text, strlen(text), 0);
        status = nms_sink_close(&sink, NMS_SINK_COMMIT) == 0 ? NMS_EXIT_OK
                                                           : NMS_EXIT_USAGE;
    }
    free(text);
    nms_engine_free(e);
    return status;
}

/* (Not nms_cmd_start: that reads standard input when there is no FILE and
 * loads the ruleset before anything else is checked; these commands take
 * no operand, refused before the ruleset is loaded.) */
int nms_describe_command(const struct nms_command_options *spec,
                         const struct nms_describe_formats *f,
                         const char *no_operand, int argc, char **argv)
{
    struct nms_cli cli;
    int status = nms_cli_parse(&cli, spec, argc, argv);

    if (status >= 0)
        return status;
    if (cli.n_inputs > 0) {
        nms_errorf("%s", no_operand);
        return nms_cli_try(spec);
    }
    return describe(&cli, f->describe[cli.format]);
}

static const struct nms_describe_formats formats = {{"md", "html"},
                                                    {"md", "html"}};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    return nms_describe_apply(cli, opt, arg, &formats);
}

const struct nms_command_options nms_doc_options = {
    "doc", usage, "ho:", nms_describe_long_options, apply, NULL};

int nms_cmd_doc(int argc, char **argv)
{
    return nms_describe_command(&nms_doc_options, &formats,
                                "doc takes no FILE; write to one with -o FILE",
                                argc, argv);
}
