/*
 * main.c - the nmsrules program: one table of commands (git's commands[],
 * lua.c's main), dispatch through it, the program's own options (--help,
 * --version) and the common options that may stand before the command
 * (`nmsrules --rules DIR batch ...`, as `git -C DIR log`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nms/schema.h"

#include "cmd/sink.h"
#include "front/commands.h"
#include "front/msg.h"

static int cmd_help(int argc, char **argv);

/* Every command: a new one is a file and a row here. */
static const struct nms_command commands[] = {
    {"batch", "batch [FILE...]",
     "evaluate many cases; JSON Lines, JSON or CSV out", nms_cmd_batch},
    {"eval", "eval FILE", "one case as a readable report", nms_cmd_eval},
    {"plot", "plot CASE -o FILE.svg",
     "the case over time as an SVG picture, for slides", nms_cmd_plot},
    {"repl", "repl [FILE]",
     "an interactive session (also: no COMMAND on a terminal)", nms_cmd_repl},
    {"test", "test [PATH...]",
     "run rule tests against a ruleset; --coverage", nms_cmd_test},
    {"check", "check", "load and lint a ruleset", nms_cmd_check},
    {"params", "params", "list a ruleset's parameters and overrides",
     nms_cmd_params},
    {"diff", "diff [FILE...]",
     "the cases whose results change under a new ruleset", nms_cmd_diff},
    {"doc", "doc [-o FILE]", "write a ruleset's reference (md or html)",
     nms_cmd_doc},
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
    {"version", "version", "show the program, ruleset, Lua and cJSON versions",
     nms_cmd_version},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char usage_head[] =
    "usage: nmsrules [OPTIONS] COMMAND [ARGS...]\n"
    "\n"
    "Evaluates clinical case records for neuroleptic malignant syndrome (NMS)\n"
    "against an editable Lua ruleset and reports which criteria are met, why,\n"
    "and what data is missing.\n"
    "\n"
    "commands:\n";

/* The exit-status table: the same rows stand in nmsrules(1) (generated
 * from this text) and in README.md (tests/cli/conventions.sh compares). */
static const char usage_tail[] =
    "\n"
    "options:\n"
    "  -h, --help           show this help ('nmsrules help COMMAND' or\n"
    "                       'nmsrules COMMAND --help' for a command's)\n"
    "  -V, --version        show the program, ruleset, Lua and cJSON versions\n"
    "  --rules DIR, --param NAME=VALUE, --color[=WHEN], ...\n"
    "                       any option common to the commands may also stand\n"
    "                       before COMMAND\n"
    "\n"
    "documentation:\n"
    "  man nmsrules, man nmsrules-rules (from the source tree: man -l\n"
    "  build/man/nmsrules.1 man/nmsrules-rules.5); docs/README.md (installed\n"
    "  in share/doc/nmsrules/) says where to start for each task\n"
    "\n"
    "exit status:\n"
    "  0  every case was evaluated (a script: every command succeeded)\n"
    "  1  some cases were errors, every other case was written (a script: a\n"
    "     command failed)\n"
    "  2  usage error, or an input/output error\n"
    "  3  the ruleset failed to load\n"
    "  4  interrupted by SIGINT or SIGTERM; the records written are complete\n"
    "     and those of the input's first cases\n";

/* The program's usage, its command list generated from the table. */
static void print_usage(FILE *fp)
{
    size_t i, width = 0;

    /* The summaries line up two spaces after the longest synopsis, so a
     * new command's row can never run into its summary (man/gen-man.pl
     * reads the rows by that gap). */
    for (i = 0; i < N_COMMANDS; i++)
        if (strlen(commands[i].synopsis) > width)
            width = strlen(commands[i].synopsis);
    fputs(usage_head, fp);
    for (i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-*s  %s\n", (int)width, commands[i].synopsis,
                commands[i].summary);
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

static int unknown_command(const char *name)
{
    const char *names[N_COMMANDS + 1], *near;
    size_t i;

    for (i = 0; i < N_COMMANDS; i++)
        names[i] = commands[i].name;
    names[N_COMMANDS] = NULL;
    near = nms_schema_closest_name(names, name);
    if (near)
        nms_errorf("unknown command '%s' — did you mean '%s'?", name, near);
    else
        nms_errorf("unknown command '%s'", name);
    fprintf(stderr, "Try 'nmsrules --help'.\n");
    return NMS_EXIT_USAGE;
}

static const char help_usage[] =
    "usage: nmsrules help [COMMAND]\n"
    "\n"
    "Shows the program's help, or COMMAND's: 'nmsrules help COMMAND' prints\n"
    "exactly what 'nmsrules COMMAND --help' prints.\n"
    "\n"
    "  -h, --help           show this help\n";

static const struct option help_long_options[] = {NMS_COMMON_OPTIONS};

static const struct nms_command_options help_options = {
    "help", help_usage, "h", help_long_options, NULL, NULL};

/* help [COMMAND]: the program's usage, or the command's own --help. */
static int cmd_help(int argc, char **argv)
{
    const struct nms_command *cmd;
    struct nms_cli cli;
    char help[] = "--help";
    char *sub[] = {NULL, help, NULL};
    int status = nms_cli_parse(&cli, &help_options, argc, argv);

    if (status >= 0)
        return status;
    if (cli.n_inputs == 0) {
        print_usage(stdout);
        return NMS_EXIT_OK;
    }
    if (cli.n_inputs > 1) {
        nms_errorf("help takes one COMMAND");
        return nms_cli_try(&help_options);
    }
    if (!(cmd = find_command(cli.inputs[0])))
        return unknown_command(cli.inputs[0]);
    sub[0] = cli.inputs[0];
    return cmd->run(2, sub);
}

/* ---- options before the command ---------------------------------------- */

/* What stands before the command: the program's --help and --version, and
 * the common options, which are handed to the command. */
struct front {
    int help, version;
    char **args;      /* the command's argv: name, common options, the rest */
    int n_args;
};

static const struct option front_long_options[] = {
    {"version", no_argument, NULL, 'V'}, NMS_COMMON_OPTIONS};

/* Parses the options before the command into *f, whose args the caller
 * frees. Returns -1 to go on, or an exit status. */
static int parse_front(int argc, char **argv, struct front *f)
{
    int opt, start, i, n_common = 0;

    memset(f, 0, sizeof *f);
    /* Room for a command name that is not there (version) and a NULL. */
    if (!(f->args = calloc((size_t)argc + 2, sizeof *f->args))) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    opterr = 0;
    optind = 1;
    /* '+': stop at the command; what follows is the command's. */
    while (start = optind,
           (opt = getopt_long(argc, argv, "+:hV", front_long_options, NULL)) != -1) {
        if (opt == '?' || opt == ':') {
            nms_cli_option_error(NULL, front_long_options, opt, argv[optind - 1]);
            fprintf(stderr, "Try 'nmsrules --help'.\n");
            return NMS_EXIT_USAGE;
        }
        if (opt == 'h')
            f->help = 1;
        else if (opt == 'V')
            f->version = 1;
        else    /* a long common option and its value: whole arguments */
            for (i = start; i < optind; i++)
                f->args[1 + n_common++] = argv[i];
    }
    f->args[0] = optind < argc ? argv[optind++] : NULL;
    f->n_args = 1 + n_common;
    while (optind < argc)
        f->args[f->n_args++] = argv[optind++];
    return -1;
}

static int dispatch(int argc, char **argv)
{
    const struct nms_command *cmd;
    static char version[] = "version", help[] = "help", repl[] = "repl";
    struct front f;
    int status = parse_front(argc, argv, &f);

    if (status >= 0)
        goto out;
    if (f.help && !f.args[0]) {
        print_usage(stdout);
        status = NMS_EXIT_OK;
        goto out;
    }
    if (f.help || f.version) {   /* --help COMMAND is help COMMAND */
        if (f.args[0])
            f.args[f.n_args++] = f.args[0];
        f.args[0] = f.help ? help : version;
    }
    if (!f.args[0] && isatty(fileno(stdin)) && isatty(fileno(stdout)))
        f.args[0] = repl;
    if (!f.args[0]) {
        print_usage(isatty(fileno(stdout)) ? stdout : stderr);
        status = NMS_EXIT_USAGE;
    } else if ((cmd = find_command(f.args[0]))) {
        status = cmd->run(f.n_args, f.args);
    } else {
        status = unknown_command(f.args[0]);
    }
out:
    free(f.args);
    return status;
}

int main(int argc, char **argv)
{
    int status;

    nms_sink_guard_std_fds();
    status = dispatch(argc, argv);

    if (fflush(stdout) != 0 || ferror(stdout)) {
        nms_errorf("cannot write to standard output");
        status = NMS_EXIT_USAGE;
    }
    return status;
}
