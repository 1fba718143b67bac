/*
 * version.c - `nmsrules version` (also --version and -V before any
 * command): what a bug report needs, the program, the libraries it runs on
 * and the ruleset a run would use (--rules and NMSRULES_RULES honoured).
 */
#include <stdio.h>

#include "cmd/report.h"
#include "front/commands.h"
#include "front/msg.h"
#include "nms/reader.h"

static const char usage[] =
    "usage: nmsrules version [--rules DIR]\n"
    "\n"
    "Shows the program's version, the Lua and cJSON releases it runs on, and\n"
    "the name, version, status, SHA-256 digest and directory of the ruleset\n"
    "that a run with the same --rules (or NMSRULES_RULES) would use, with\n"
    "each overlay (--rules given again) and --param override. Also\n"
    "'nmsrules --version' and 'nmsrules -V'.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   load the ruleset with this override (repeatable)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0, or 3 when the ruleset does not load (the versions of\n"
    "the program and libraries are shown first all the same).\n";

static const struct option long_options[] = {NMS_COMMON_OPTIONS};

const struct nms_command_options nms_version_options = {
    "version", usage, "h", long_options, NULL, NULL};

int nms_cmd_version(int argc, char **argv)
{
    struct nms_cli cli;
    struct nms_engine *e = NULL;
    const struct nms_ruleset_info *rs;
    int status = nms_cli_parse(&cli, &nms_version_options, argc, argv);

    if (status >= 0)
        return status;
    if (cli.n_inputs > 0) {
        nms_errorf("version takes no operands");
        return nms_cli_try(&nms_version_options);
    }
    printf("nmsrules %s\n%s\n%s\n", NMS_VERSION, nms_lua_release(),
           nms_json_release());
    fflush(stdout);   /* before a message about the ruleset */
    /* The manifest alone names the ruleset (start-up stays short); an
     * override is checked against the parameters by a full load, so that
     * a misspelt one is refused as a run would refuse it, never shown as
     * if in force. */
    status = cli.n_params ? nms_cli_load(&cli, &e) : nms_cli_identify(&cli, &e);
    if (status != 0)
        return status;
    rs = nms_engine_ruleset(e);
    /* All that names what a run would use, as a result's report does: the
     * status, each overlay and each override (a version without them
     * named the shipped ruleset alone under --rules DIR --rules SITE). */
    printf("ruleset %s %s", rs->name, rs->version);
    if (rs->status)
        printf(" (%s)", rs->status);
    printf(" %s\n  from %s\n", rs->digest, rs->dir);
    nms_report_ruleset_more(stdout, rs);
    nms_engine_free(e);
    return NMS_EXIT_OK;
}
