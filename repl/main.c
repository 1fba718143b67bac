/*
 * main.c - the nmsrules program: dispatch to a subcommand.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gen.h"
#include "msg.h"

static const char usage[] =
    "usage: nmsrules COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates clinical case records for neuroleptic malignant syndrome (NMS)\n"
    "against an editable Lua ruleset and reports which criteria are met, why,\n"
    "and what data is missing.\n"
    "\n"
    "commands:\n"
    "  batch [FILE...]   evaluate many cases; JSON Lines, JSON or CSV out\n"
    "  eval FILE         one case as a readable report\n"
    "  repl [FILE]       an interactive session (also: no COMMAND on a terminal)\n"
    "  gen --count N     write a synthetic cohort (JSON Lines)\n"
    "  help [COMMAND]    show help for COMMAND\n"
    "\n"
    "options:\n"
    "  -h, --help        show this help\n"
    "  --version         show the program, Lua and default ruleset versions\n"
    "\n"
    "Run 'nmsrules COMMAND --help' for the options of a command.\n"
    "Exit status: 0 all cases evaluated, 1 some cases were errors, 2 usage or\n"
    "input/output error, 3 the ruleset failed to load.\n";

static int print_version(void)
{
    struct nms_cli cli;
    struct nms_engine *e = NULL;
    const struct nms_ruleset_info *rs;

    printf("nmsrules %s\n%s\n", NMS_VERSION, nms_lua_release());
    memset(&cli, 0, sizeof cli);
    if (nms_cli_load(&cli, &e) != 0)
        return NMS_EXIT_RULES;
    rs = nms_engine_ruleset(e);
    printf("ruleset %s %s %s\n  from %s\n", rs->name, rs->version, rs->digest,
           rs->dir);
    nms_engine_free(e);
    return NMS_EXIT_OK;
}

static int dispatch(int argc, char **argv)
{
    const char *cmd = argv[1];

    if (strcmp(cmd, "batch") == 0)
        return nms_cmd_batch(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0)
        return nms_cmd_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "repl") == 0)
        return nms_cmd_repl(argc - 1, argv + 1);
    if (strcmp(cmd, "gen") == 0)
        return nms_cmd_gen(argc - 1, argv + 1);
    if (strcmp(cmd, "--version") == 0)
        return print_version();
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        (strcmp(cmd, "help") == 0 && argc == 2)) {
        fputs(usage, stdout);
        return NMS_EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 && argc == 3) {
        char help[] = "--help";
        char *sub[] = {argv[2], help, NULL};
        if (strcmp(argv[2], "batch") == 0)
            return nms_cmd_batch(2, sub);
        if (strcmp(argv[2], "eval") == 0)
            return nms_cmd_eval(2, sub);
        if (strcmp(argv[2], "repl") == 0)
            return nms_cmd_repl(2, sub);
        if (strcmp(argv[2], "gen") == 0)
            return nms_cmd_gen(2, sub);
    }
    nms_errorf("unknown command '%s'", cmd);
    fprintf(stderr, "Try 'nmsrules --help'.\n");
    return NMS_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int status;

    if (argc < 2 && isatty(fileno(stdin)) && isatty(fileno(stdout))) {
        char repl[] = "repl", *sub[] = {repl, NULL};
        status = nms_cmd_repl(1, sub);
        fflush(stdout);
        return status;
    }
    if (argc < 2) {
        fputs(usage, isatty(fileno(stdout)) ? stdout : stderr);
        return NMS_EXIT_USAGE;
    }
    status = dispatch(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        nms_errorf("cannot write to standard output");
        status = NMS_EXIT_USAGE;
    }
    return status;
}
