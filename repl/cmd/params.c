/*
 * params.c - `nmsrules params`: every tunable parameter of a ruleset with
 * its value, unit, meaning and source, and the --param overrides in force.
 */
#include "cmd/doc.h"
#include "front/commands.h"

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

/* --format text is the describe format "params", md is "params-md". */
static const struct nms_describe_formats formats = {{"text", "md"},
                                                    {"params", "params-md"}};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    return nms_describe_apply(cli, opt, arg, &formats);
}

const struct nms_command_options nms_params_options = {
    "params", usage, "ho:", nms_describe_long_options, apply, NULL};

int nms_cmd_params(int argc, char **argv)
{
    return nms_describe_command(&nms_params_options, &formats,
                                "params takes no operand", argc, argv);
}
