/*
 * doc.c - `nmsrules doc`: the reference of a ruleset generated from its
 * rule files (core/lua/describe.lua), as Markdown or HTML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/doc.h"
#include "cmd/sink.h"
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

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static const char *doc_format;

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_FORMAT:
        if (strcmp(arg, "md") != 0 && strcmp(arg, "html") != 0) {
            nms_errorf("unknown format '%s' (expected md or html)", arg);
            return NMS_EXIT_USAGE;
        }
        doc_format = arg;
        return -1;
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_doc_options = {
    "doc", usage, "ho:", long_options, apply};

int nms_describe_ruleset(const struct nms_cli *cli, const char *format)
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
        fputs(text, sink.fp);
        status = nms_sink_close(&sink, NMS_SINK_COMMIT) == 0 ? NMS_EXIT_OK
                                                           : NMS_EXIT_USAGE;
    }
    free(text);
    nms_engine_free(e);
    return status;
}

int nms_cmd_doc(int argc, char **argv)
{
    struct nms_cli cli;
    int status;

    doc_format = "md";
    status = nms_cli_parse(&cli, &nms_doc_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs > 0) {
        nms_errorf("doc takes no FILE; write to one with -o FILE");
        return nms_cli_try(&nms_doc_options);
    }
    return nms_describe_ruleset(&cli, doc_format);
}
