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

#include "front/msg.h"
#include "front/options.h"

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
    if (nms_time_read(text, &cli->as_of, &cli->as_of_form) == 0)
        return 0;
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
    if (set_count("--max-memory", text, SIZE_MAX / (1024 * 1024) / 2, &value) != 0)
        return -1;
    cli->limits.memory = (size_t)value * 1024 * 1024;
    return 0;
}

/* Applies one common option; NMS_OPTION_NOT_MINE when `opt` is not one. */
static int common_option(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case NMS_OPT_RULES:
        cli->rules_dir = arg;
        return -1;
    case NMS_OPT_PARAM:
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
        return set_limit(cli, opt, arg) == 0 ? -1 : NMS_EXIT_USAGE;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

int nms_cli_try(const struct nms_command_options *spec)
{
    fprintf(stderr, "Try 'nmsrules %s --help'.\n", spec->name);
    return NMS_EXIT_USAGE;
}

int nms_cli_parse(struct nms_cli *cli, const struct nms_command_options *spec,
                  int argc, char **argv)
{
    int opt, status;

    memset(cli, 0, sizeof *cli);
    cli->as_of = NAN;
    optind = 1;
    while ((opt = getopt_long(argc, argv, spec->shortopts, spec->longopts,
                              NULL)) != -1) {
        if (opt == 'h') {
            fputs(spec->help, stdout);
            return NMS_EXIT_OK;
        }
        status = common_option(cli, opt, optarg);
        if (status == NMS_OPTION_NOT_MINE && spec->apply)
            status = spec->apply(cli, opt, optarg);
        if (status == NMS_OPTION_NOT_MINE)
            return nms_cli_try(spec);
        if (status >= 0)
            return status;
    }
    cli->inputs = argv + optind;
    cli->n_inputs = argc - optind;
    return -1;
}

int nms_cli_load(const struct nms_cli *cli, struct nms_engine **out)
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
    status = nms_engine_load(e, dir);
    if (status != NMS_OK) {
        nms_errorf("%s", status == NMS_ENOMEM ? "out of memory"
                                              : nms_engine_errmsg(e));
        nms_engine_free(e);
        return NMS_EXIT_RULES;
    }
    *out = e;
    return 0;
}
