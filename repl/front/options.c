/*
 * options.c - what every command's options share: the option parser that
 * runs a command's own table (struct nms_command_options) after the common
 * options (--rules, --param, --as-of, the sandbox limits, --help), and
 * loading the ruleset they name.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/interrupt.h"
#include "front/msg.h"
#include "front/options.h"
#include "front/progress.h"
#include "nms/interrupt.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* --as-of: an ISO 8601 time, hours ("30", "30h", "2d": the REPL's forms),
 * or "+24h", a time relative to each case (cmd/anchor.c says from what). */
static int set_as_of(struct nms_cli *cli, const char *text)
{
    cli->as_of_text = text;
    if (text[0] == '+' && nms_time_read_span(text + 1, &cli->as_of) == 0) {
        cli->as_of_relative = 1;
        cli->as_of_form = NMS_TIME_UNSET;
        return 0;
    }
    if (nms_time_read(text, &cli->as_of, &cli->as_of_form) == 0) {
        /* Case times refuse these dates (nms_time_placeholder): an
         * assessment time of 0001-01-01 would drop every datum as later. */
        const char *why = cli->as_of_form == NMS_TIME_ISO
                              ? nms_time_placeholder(text)
                              : NULL;
        if (why == NULL)
            return 0;
        nms_errorf("--as-of '%s' is %s, where databases and programs put a "
                   "date that is not known, never a clinical time; give the "
                   "real time", text, why);
        return -1;
    }
    if (text[0] != '+' && nms_time_read_span(text, &cli->as_of) == 0) {
        cli->as_of_form = NMS_TIME_HOURS;
        return 0;
    }
    nms_errorf("--as-of '%s' is neither an ISO 8601 date-time such as "
               "2026-03-03T02:10Z, nor hours such as 30h or 2d, nor a time "
               "after each case's onset or first exposure such as +24h", text);
    return -1;
}

/* Reads a positive whole number for `option` into *out; -1 after a
 * message when it is not one (or is beyond `max`). */
static int set_count(const char *option, const char *text, unsigned long max,
                     unsigned long *out)
{
    char *end;
    unsigned long value;

    errno = 0;
    value = strtoul(text, &end, 10);
    if (*text < '0' || *text > '9' || *end || errno || value == 0 ||
        value > max) {
        nms_errorf("%s '%s' must be a whole number from 1 to %lu", option,
                   text, max);
        return -1;
    }
    *out = value;
    return 0;
}

static int set_limit(struct nms_cli *cli, int opt, const char *text)
{
    unsigned long value;

    if (opt == NMS_OPT_MAX_INSTRUCTIONS) {
        if (set_count("--max-instructions", text, ULONG_MAX / 2, &value) != 0)
            return -1;
        cli->limits.instructions = value;
        return 0;
    }
    if (opt == NMS_OPT_MAX_CPU) {
        if (set_count("--max-cpu-ms", text, ULONG_MAX / 2000000, &value) != 0)
            return -1;
        cli->limits.cpu_ms = value;
        return 0;
    }
    if (set_count("--max-memory", text, SIZE_MAX / (1024 * 1024) / 2, &value) != 0)
        return -1;
    cli->limits.memory = (size_t)value * 1024 * 1024;
    return 0;
}

/* --color[=WHEN]; --color alone means always, as for git and ls. */
static int set_color(struct nms_cli *cli, const char *when)
{
    if (!when || strcmp(when, "always") == 0)
        cli->color = NMS_COLOR_ALWAYS;
    else if (strcmp(when, "never") == 0)
        cli->color = NMS_COLOR_NEVER;
    else if (strcmp(when, "auto") == 0)
        cli->color = NMS_COLOR_AUTO;
    else {
        nms_errorf("--color '%s' must be auto, always or never", when);
        return -1;
    }
    return 0;
}

int nms_cli_color(const struct nms_cli *cli, int fd)
{
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

    if (cli->color != NMS_COLOR_AUTO)
        return cli->color == NMS_COLOR_ALWAYS;
    return isatty(fd) && !(no_color && *no_color) &&
           !(term && strcmp(term, "dumb") == 0);
}

int nms_cli_param_bad(const char *option, const char *arg)
{
    if (arg[0] != '=' && strchr(arg, '='))
        return 0;
    nms_errorf("%s '%s' must be written NAME=VALUE, such as %s "
               "iec2011.threshold=76", option, arg, option);
    return 1;
}

/* Applies one common option; NMS_OPTION_NOT_MINE when `opt` is not one. */
static int common_option(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case NMS_OPT_RULES:
        /* Given again, --rules names a site overlay: its modules replace
         * those of the same path in the directories before it. */
        if (!cli->rules_dir) {
            cli->rules_dir = arg;
        } else if (cli->n_overlays == NMS_CLI_MAX_OVERLAYS) {
            nms_errorf("more than %d overlay directories (--rules given %d "
                       "times)", NMS_CLI_MAX_OVERLAYS, NMS_CLI_MAX_OVERLAYS + 1);
            return NMS_EXIT_USAGE;
        } else {
            cli->overlays[cli->n_overlays++] = arg;
        }
        return -1;
    case NMS_OPT_PARAM:
        /* Refused here, before any ruleset is loaded, so that it reads as
         * the usage error it is (the engine refuses it too). */
        if (nms_cli_param_bad("--param", arg))
            return NMS_EXIT_USAGE;
        if (cli->n_params == NMS_CLI_MAX_PARAMS) {
            nms_errorf("more than %d --param options", NMS_CLI_MAX_PARAMS);
            return NMS_EXIT_USAGE;
        }
        cli->params[cli->n_params++] = arg;
        return -1;
    case NMS_OPT_AS_OF:
        return set_as_of(cli, arg) == 0 ? -1 : NMS_EXIT_USAGE;
    case NMS_OPT_MAX_INSTRUCTIONS:
    case NMS_OPT_MAX_MEMORY:
    case NMS_OPT_MAX_CPU:
        return set_limit(cli, opt, arg) == 0 ? -1 : NMS_EXIT_USAGE;
    case NMS_OPT_COLOR:
        return set_color(cli, arg) == 0 ? -1 : NMS_EXIT_USAGE;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

int nms_cli_try(const struct nms_command_options *spec)
{
    fprintf(stderr, "Try 'nmsrules %s --help'.\n", spec->name);
    return NMS_EXIT_USAGE;
}

/* How many long options of `table` the name `name` (`len` bytes, without
 * "--" and "=VALUE") abbreviates; *exact says whether it is one spelt out,
 * *val is the code of the last one. */
static int long_matches(const struct option *table, const char *name,
                        size_t len, int *exact, int *val)
{
    int n = 0;

    *exact = 0;
    for (; table->name; table++) {
        if (strncmp(table->name, name, len) != 0)
            continue;
        n++;
        *val = table->val;
        *exact |= table->name[len] == '\0';
    }
    return n;
}

void nms_cli_option_error(const char *command, const struct option *table,
                          int opt, const char *arg)
{
    int is_long = arg[0] == '-' && arg[1] == '-' && arg[2];
    const char *name = arg + 2;
    size_t len = is_long ? strcspn(name, "=") : 0;
    int exact = 0, val = 0;
    int n = is_long ? long_matches(table, name, len, &exact, &val) : 0;
    const char *cmd = command ? command : "", *sep = command ? ": " : "";

    /* glibc leaves optopt 0 for an unknown or ambiguous long option and
     * sets it to the option's code for "--flag=VALUE"; an unknown short
     * option inside a cluster leaves argv[optind - 1] behind it. */
    if (opt == '?' && optopt != 0 && !(n >= 1 && val == optopt))
        is_long = 0;
    if (!is_long && opt == ':')
        nms_errorf("%s%soption '-%c' needs a value", cmd, sep, optopt);
    else if (!is_long)
        nms_errorf("%s%sunknown option '-%c'", cmd, sep, optopt);
    else if (opt == ':')
        nms_errorf("%s%soption '--%.*s' needs a value", cmd, sep, (int)len, name);
    else if (n > 1 && !exact)
        nms_errorf("%s%soption '--%.*s' is ambiguous", cmd, sep, (int)len, name);
    else if (n >= 1 && name[len] == '=')
        nms_errorf("%s%soption '--%.*s' takes no value", cmd, sep, (int)len, name);
    else
        nms_errorf("%s%sunknown option '--%.*s'", cmd, sep, (int)len, name);
}

/* Whether `value`, given to option `opt` as the next word of argv, is one
 * of the command's own long options ("--param", "--rules=DIR"): then the
 * option's value was forgotten ("summary --html --param X" would write the
 * page to a file named --param and read X as a case file). A value typed
 * as "--html=--param", or a file named so written "./--param", is taken. */
static int value_is_own_option(const struct option *table, const char *value,
                               const char *word)
{
    size_t len;
    int exact, val;

    if (value != word || strncmp(value, "--", 2) != 0 || !value[2])
        return 0;
    len = strcspn(value + 2, "=");
    return long_matches(table, value + 2, len, &exact, &val) >= 1 && exact;
}

int nms_cli_parse(struct nms_cli *cli, const struct nms_command_options *spec,
                  int argc, char **argv)
{
    char shortopts[32];
    int opt, status;

    memset(cli, 0, sizeof *cli);
    cli->as_of = NAN;
    /* ':' first (after a '+', which must lead: options end at the first
     * operand): a missing value is told apart from an unknown option. */
    if (spec->shortopts[0] == '+')
        snprintf(shortopts, sizeof shortopts, "+:%s", spec->shortopts + 1);
    else
        snprintf(shortopts, sizeof shortopts, ":%s", spec->shortopts);
    /* 0, not 1: glibc then forgets the permutation state of an earlier
     * scan (the common options before the command were parsed already),
     * as getopt(3) says a program scanning several vectors must. */
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, shortopts, spec->longopts,
                              NULL)) != -1) {
        if (opt == '?' || opt == ':') {
            nms_cli_option_error(spec->name, spec->longopts, opt,
                                 argv[optind - 1]);
            return nms_cli_try(spec);
        }
        if (optarg && value_is_own_option(spec->longopts, optarg,
                                          argv[optind - 1])) {
            nms_errorf("%s: option '%s' needs a value before %s (to name a "
                       "file that starts with '--', write ./%s)",
                       spec->name, argv[optind - 2], optarg, optarg);
            return nms_cli_try(spec);
        }
        if (opt == 'h') {
            fputs(spec->help, stdout);
            if (spec->help_more)
                fputs(spec->help_more, stdout);
            return NMS_EXIT_OK;
        }
        status = common_option(cli, opt, optarg);
        if (status == NMS_OPTION_NOT_MINE && spec->apply)
            status = spec->apply(cli, opt, optarg);
        if (status == NMS_OPTION_NOT_MINE)
            return nms_cli_try(spec);
        /* A bad option value is a usage error like an unknown option, and
         * ends the same way: the message says what was wrong, the Try
         * line where the accepted values are listed (README, "The
         * program"). */
        if (status == NMS_EXIT_USAGE)
            return nms_cli_try(spec);
        if (status >= 0)
            return status;
    }
    cli->inputs = argv + optind;
    cli->n_inputs = argc - optind;
    nms_progress_init(cli->output != NULL && strcmp(cli->output, "-") != 0);
    return -1;
}

/* A ruleset that declares itself draft or testing says so on stderr once
 * per run, besides the status every record carries. */
static void warn_status(const struct nms_ruleset_info *rs)
{
    if (rs->status && strcmp(rs->status, "production") != 0)
        nms_warnf("ruleset '%s' %s is a %s version, not production: its "
                  "results are not for clinical use", rs->name, rs->version,
                  rs->status);
}

/* How far nms_cli_load's engine goes. */
enum load_mode { LOAD_FULL, LOAD_QUIET, LOAD_IDENTITY };

static int load(const struct nms_cli *cli, struct nms_engine **out,
                enum load_mode mode)
{
    char found[PATH_MAX];
    const char *dir = nms_cli_rules_dir(cli->rules_dir, found, sizeof found);
    struct nms_engine *e = NULL;
    enum nms_status status;
    size_t i;

    *out = NULL;
    if (!dir) {
        nms_errorf("cannot find the default ruleset; give one with --rules DIR");
        return NMS_EXIT_RULES;
    }
    if (nms_engine_new(&e, &cli->limits) != NMS_OK) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    for (i = 0; i < cli->n_params; i++) {
        if (nms_engine_set_param(e, cli->params[i]) != NMS_OK) {
            nms_errorf("%s", nms_engine_errmsg(e));
            nms_engine_free(e);
            return NMS_EXIT_USAGE;
        }
    }
    for (i = 0; i < cli->n_overlays; i++) {
        if (nms_engine_add_overlay(e, cli->overlays[i]) != NMS_OK) {
            nms_errorf("%s", nms_engine_errmsg(e));
            nms_engine_free(e);
            return NMS_EXIT_USAGE;
        }
    }
    /* A signal stops a load or a case of every command, once it has
     * installed its handlers (nms_interrupt_install; until then the flag
     * is never set): timeline, summary and accuracy did not pass the flag
     * on, so SIGTERM waited for each of a case's up to 2,000 evaluations
     * to reach its CPU-time limit (tests/cli/run.sh). A batch -j worker
     * loads while the run goes on, and a load it stops so is no fault to
     * report. */
    nms_engine_set_interrupt(e, nms_interrupt_flag());
    status = mode == LOAD_IDENTITY ? nms_engine_identify(e, dir)
                                   : nms_engine_load(e, dir);
    if (status != NMS_OK) {
        if (!(mode == LOAD_QUIET && nms_interrupted()))
            nms_errorf("%s", status == NMS_ENOMEM ? "out of memory"
                                                  : nms_engine_errmsg(e));
        nms_engine_free(e);
        return NMS_EXIT_RULES;
    }
    if (mode != LOAD_QUIET)
        warn_status(nms_engine_ruleset(e));
    *out = e;
    return 0;
}

int nms_cli_load(const struct nms_cli *cli, struct nms_engine **out)
{
    return load(cli, out, LOAD_FULL);
}

int nms_cli_load_again(const struct nms_cli *cli, struct nms_engine **out)
{
    return load(cli, out, LOAD_QUIET);
}

int nms_cli_identify(const struct nms_cli *cli, struct nms_engine **out)
{
    return load(cli, out, LOAD_IDENTITY);
}

int nms_cli_set_evidence(struct nms_cli *cli, const char *level)
{
    enum nms_evidence parsed;

    if (nms_evidence_parse(level, &parsed) != 0) {
        nms_errorf("unknown evidence level '%s' (expected all, decisive or "
                   "none)", level);
        return NMS_EXIT_USAGE;
    }
    cli->evidence = level;
    return -1;
}

enum nms_evidence nms_cli_evidence(const struct nms_cli *cli,
                                   enum nms_evidence fallback)
{
    enum nms_evidence level = fallback;

    if (cli->evidence)
        nms_evidence_parse(cli->evidence, &level);
    return level;
}

int nms_cli_set_items(struct nms_cli *cli, const char *which)
{
    enum nms_items parsed;

    if (nms_items_parse(which, &parsed) != 0) {
        nms_errorf("unknown --items '%s' (expected all or needed)", which);
        return NMS_EXIT_USAGE;
    }
    cli->items = which;
    return -1;
}

enum nms_items nms_cli_items(const struct nms_cli *cli, enum nms_items fallback)
{
    enum nms_items which = fallback;

    if (cli->items)
        nms_items_parse(cli->items, &which);
    return which;
}
