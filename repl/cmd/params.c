/*
 * params.c - `nmsrules params`: every tunable parameter of a ruleset with
 * its value, unit, meaning and source, and the --param overrides in force.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/doc.h"
#include "front/commands.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules params [OPTIONS]\n"
    "\n"
    "Lists every parameter of the ruleset, grouped by the file that declares\n"
    "it: its name, value, unit, what it does and its source. With --param,\n"
    "the overrides in force are marked with the ruleset's own value beside\n"
    "them, as every command that evaluates would use them.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --param NAME=VALUE   override a parameter (repeatable)\n"
    "  --format FORMAT      text (default) or md (the table of\n"
    "                       docs/parameters.md)\n"
    "  -o, --output FILE    write to FILE (replaced only when complete)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 written, 2 usage or output error, 3 the ruleset failed\n"
    "to load (an unknown --param NAME is one such failure).\n";

enum { OPT_FORMAT = NMS_OPT_OWN };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static const char *params_format;

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_FORMAT:
        if (strcmp(arg, "text") == 0)
            params_format = "params";
        else if (strcmp(arg, "md") == 0)
            params_format = "params-md";
        else {
            nms_errorf("unknown format '%s' (expected text or md)", arg);
            return NMS_EXIT_USAGE;
        }
        return -1;
    case 'o':
        cli->output = arg;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_params_options = {
    "params", usage, "ho:", long_options, apply};

int nms_cmd_params(int argc, char **argv)
{
    struct nms_cli cli;
    int status;

    params_format = "params";
    status = nms_cli_parse(&cli, &nms_params_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs > 0) {
        nms_errorf("params takes no operand");
        return nms_cli_try(&nms_params_options);
    }
    return nms_describe_ruleset(&cli, params_format);
}
