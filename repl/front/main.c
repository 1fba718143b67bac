/*
 * main.c - the nmsrules program: one table of commands (git's commands[],
 * lua.c's main), dispatch through it, and the options of the program
 * itself (--help, --version).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "front/commands.h"
#include "front/msg.h"

static int cmd_help(int argc, char **argv);

/* Every command: a new one is a file and a row here. */
static const struct nms_command commands[] = {
    {"batch", "batch [FILE...]",
     "evaluate many cases; JSON Lines, JSON or CSV out", nms_cmd_batch},
    {"eval", "eval FILE", "one case as a readable report", nms_cmd_eval},
    {"repl", "repl [FILE]",
     "an interactive session (also: no COMMAND on a terminal)", nms_cmd_repl},
    {"gen", "gen --count N", "write a synthetic cohort (JSON Lines)",
     nms_cmd_gen},
    {"accuracy", "accuracy --label PATH",
     "criteria sets against a reference label: 2x2, kappa, ROC",
     nms_cmd_accuracy},
    {"timeline", "timeline [FILE...]",
     "each case as of every time it holds; hours to first met",
     nms_cmd_timeline},
    {"run", "run SCRIPT.lua [ARGS]",
     "run your own Lua review script with the nms module", nms_cmd_run},
    {"summary", "summary [FILE...]",
     "one page about a cohort (--html: with charts)", nms_cmd_summary},
    {"help", "help [COMMAND]", "show help for COMMAND", cmd_help},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char usage_head[] =
    "usage: nmsrules COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates clinical case records for neuroleptic malignant syndrome (NMS)\n"
    "against an editable Lua ruleset and reports which criteria are met, why,\n"
    "and what data is missing.\n"
    "\n"
    "commands:\n";

static const char usage_tail[] =
    "\n"
    "options:\n"
    "  -h, --help        show this help\n"
    "  --version         show the program, Lua and default ruleset versions\n"
    "\n"
    "Run 'nmsrules COMMAND --help' for the options of a command.\n"
    "Exit status: 0 all cases evaluated, 1 some cases were errors, 2 usage or\n"
    "input/output error, 3 the ruleset failed to load.\n";

/* The program's usage, its command list generated from the table. */
static void print_usage(FILE *fp)
{
    size_t i;

    fputs(usage_head, fp);
    for (i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-18s%s\n", commands[i].synopsis, commands[i].summary);
    fputs(usage_tail, fp);
}

static const struct nms_command *find_command(const char *name)
{
    size_t i;

    for (i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* help [COMMAND]: the program's usage, or the command's own --help. */
static int cmd_help(int argc, char **argv)
{
    const struct nms_command *cmd = argc == 2 ? find_command(argv[1]) : NULL;
    char help[] = "--help";
    char *sub[] = {argv[argc - 1], help, NULL};

    if (argc == 1) {
        print_usage(stdout);
        return NMS_EXIT_OK;
    }
    if (cmd && cmd->run != cmd_help)
        return cmd->run(2, sub);
    nms_errorf("unknown command '%s'", "help");
    fprintf(stderr, "Try 'nmsrules --help'.\n");
    return NMS_EXIT_USAGE;
}

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
    const struct nms_command *cmd = find_command(argv[1]);

    if (cmd)
        return cmd->run(argc - 1, argv + 1);
    if (strcmp(argv[1], "--version") == 0)
        return print_version();
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        print_usage(stdout);
        return NMS_EXIT_OK;
    }
    nms_errorf("unknown command '%s'", argv[1]);
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
        print_usage(isatty(fileno(stdout)) ? stdout : stderr);
        return NMS_EXIT_USAGE;
    }
    status = dispatch(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        nms_errorf("cannot write to standard output");
        status = NMS_EXIT_USAGE;
    }
    return status;
}
