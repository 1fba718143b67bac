/*
 * options.h - what the commands of the nmsrules program share: the
 * options every command takes, the parser that runs a command's own option
 * table after them, and finding and loading the ruleset.
 */
#ifndef NMS_OPTIONS_H
#define NMS_OPTIONS_H

#include <getopt.h>
#include <stddef.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/output.h"
#include "nms/reader.h"

/* Most --param options one run accepts (the engine keeps its own limit). */
#define NMS_CLI_MAX_PARAMS 256

/* --color=WHEN: auto (a terminal, unless NO_COLOR is set or TERM=dumb),
 * always, never. */
enum nms_color { NMS_COLOR_AUTO = 0, NMS_COLOR_ALWAYS, NMS_COLOR_NEVER };

/* Most overlay directories (--rules given again) one run accepts. */
#define NMS_CLI_MAX_OVERLAYS 8

struct nms_cli {
    const char *rules_dir;       /* --rules, or NULL to find the default */
    const char *overlays[NMS_CLI_MAX_OVERLAYS]; /* later --rules, in order */
    size_t n_overlays;
    const char *params[NMS_CLI_MAX_PARAMS];
    size_t n_params;
    const char *as_of_text;      /* --as-of as given */
    double as_of;                /* parsed; NAN when not given */
    enum nms_time_form as_of_form;
    int as_of_relative;          /* --as-of +24h: as_of hours after each
                                    case's anchor (cmd/anchor.h) */
    enum nms_format format;
    int json_report;             /* eval --format json: the record, not the report */
    int compact;                 /* --compact: JSON without the ruleset's static text */
    int record_compact;          /* batch --record compact: the stored record */
    const char *evidence;        /* --evidence all|decisive|none, or NULL:
                                    the command's default (nms_cli_evidence) */
    const char *items;           /* --items all|needed, or NULL: the
                                    command's default (nms_cli_items) */
    const char *output;          /* -o FILE, or NULL for stdout */
    int jobs;                    /* batch -j: workers; 0 = one per online CPU */
    int progress;                /* batch --progress 1, --no-progress -1;
                                    0 = when stderr is a terminal */
    struct nms_limits limits;    /* --max-instructions, --max-memory, --max-cpu-ms; 0 = default */
    const char *script;          /* repl --script FILE, or NULL */
    int echo;                    /* repl --echo: show each entry before its output */
    enum nms_color color;        /* --color; NMS_COLOR_AUTO when not given */
    int csv_lf;                  /* batch --csv-eol lf: CSV lines end in LF */
    int csv_raw;                 /* batch --csv-raw: CSV text not neutralised */
    int keep_going;              /* repl --keep-going: a script runs past errors */
    int full_lua;                /* repl --full-lua: scripts get io, os, ... too */
    const char *label;           /* accuracy --label PATH ("label.nms") */
    const char *plot;            /* accuracy --plot FILE.svg, or NULL */
    int timeline;                /* summary --timeline: time to first met too */
    const char *label_columns;   /* batch --label-columns LIST|none, or NULL */
    char **inputs;               /* file operands */
    int n_inputs;
};

/* Long-option codes of the common options (a command's own start at
 * NMS_OPT_OWN). */
enum {
    NMS_OPT_RULES = 256, NMS_OPT_PARAM, NMS_OPT_AS_OF,
    NMS_OPT_MAX_INSTRUCTIONS, NMS_OPT_MAX_MEMORY, NMS_OPT_MAX_CPU, NMS_OPT_COLOR,
    NMS_OPT_OWN
};

/* The common options, for the end of a command's long-option table. */
#define NMS_COMMON_OPTIONS                                                  \
    {"rules", required_argument, NULL, NMS_OPT_RULES},                      \
    {"param", required_argument, NULL, NMS_OPT_PARAM},                      \
    {"as-of", required_argument, NULL, NMS_OPT_AS_OF},                      \
    {"max-instructions", required_argument, NULL, NMS_OPT_MAX_INSTRUCTIONS},\
    {"max-memory", required_argument, NULL, NMS_OPT_MAX_MEMORY},            \
    {"max-cpu-ms", required_argument, NULL, NMS_OPT_MAX_CPU},               \
    {"color", optional_argument, NULL, NMS_OPT_COLOR},                      \
    {"help", no_argument, NULL, 'h'},                                       \
    {NULL, 0, NULL, 0}

/* What an option handler returns for an option that is not its own. */
#define NMS_OPTION_NOT_MINE (-2)

/* A command's options: its name, its --help text, its getopt tables (its
 * own options, then NMS_COMMON_OPTIONS) and the handler of its own. */
struct nms_command_options {
    const char *name;
    const char *help;
    const char *shortopts;          /* "h" and the command's own */
    const struct option *longopts;
    /* Applies one of the command's own options: -1 to go on, an exit
     * status to end with, or NMS_OPTION_NOT_MINE. May be NULL. */
    int (*apply)(struct nms_cli *cli, int opt, const char *arg);
    /* The rest of the --help text, printed after help; NULL for none. A
     * text longer than ISO C's 4,095 characters per string literal is
     * written in two parts. */
    const char *help_more;
};

/*
 * Parses argv (argv[0] is the command's name) with the command's options
 * into *cli, which it clears first; operands are left in cli->inputs.
 * Returns -1 when parsing succeeded, else the exit status to end with (0
 * after --help, which prints spec->help).
 */
int nms_cli_parse(struct nms_cli *cli, const struct nms_command_options *spec,
                  int argc, char **argv);

/*
 * Whether to colour what is written to file descriptor `fd`: --color=always
 * or never decide; auto colours a terminal unless NO_COLOR is set (to
 * anything but "") or TERM is "dumb".
 */
int nms_cli_color(const struct nms_cli *cli, int fd);

/*
 * Prints getopt's complaint about argument `arg` (argv[optind - 1]) in the
 * program's words, "nmsrules: error: batch: unknown option '--bogus'":
 * `opt` is the '?' or ':' getopt_long returned with opterr off and a
 * leading ':' in its short options, `table` the long options it was given;
 * `command` may be NULL (the options before any command).
 */
void nms_cli_option_error(const char *command, const struct option *table,
                          int opt, const char *arg);

/*
 * Whether `arg`, the value of `option` (--param, --param-new), is not
 * NAME=VALUE; says so when it is not. Checked as the option is read, so
 * that it is the usage error it is, before any ruleset is loaded.
 */
int nms_cli_param_bad(const char *option, const char *arg);

/* Prints "Try 'nmsrules COMMAND --help'." and returns NMS_EXIT_USAGE. */
int nms_cli_try(const struct nms_command_options *spec);

/*
 * Finds the ruleset directory: --rules, then $NMSRULES_RULES, then the
 * installed copy next to the program, then the source tree it was built
 * from. Returns `given`, the environment's value, `found` (filled, of
 * `size` bytes), a compiled-in path, or NULL when there is none.
 */
const char *nms_cli_rules_dir(const char *given, char *found, size_t size);

/*
 * Creates an engine and loads the ruleset with the --param overrides.
 * Returns 0 with *out set, or the exit status after printing why.
 */
int nms_cli_load(const struct nms_cli *cli, struct nms_engine **out);

/* nms_cli_load for another engine of the same run (a batch -j worker):
 * the ruleset's status was said once already. The engine watches the
 * interrupt flag from the start, so a signal stops the load too; a load
 * so stopped prints nothing (nms_interrupted() says why it failed). */
int nms_cli_load_again(const struct nms_cli *cli, struct nms_engine **out);

/* nms_cli_load for a version line: the engine knows the ruleset's name,
 * version, title, status and digest (nms_engine_identify) and evaluates
 * nothing. */
int nms_cli_identify(const struct nms_cli *cli, struct nms_engine **out);


/* --evidence LEVEL: checks LEVEL into cli->evidence; -1 (option taken)
 * or NMS_EXIT_USAGE with a message. */
int nms_cli_set_evidence(struct nms_cli *cli, const char *level);

/* The evidence level of --evidence, or `fallback` (the command's default
 * for its output) when it was not given. */
enum nms_evidence nms_cli_evidence(const struct nms_cli *cli,
                                   enum nms_evidence fallback);

/* --items all|needed: checks the choice into cli->items; -1 (option
 * taken) or NMS_EXIT_USAGE with a message. */
int nms_cli_set_items(struct nms_cli *cli, const char *which);

/* The items of --items, or `fallback` (the command's default) when it was
 * not given. */
enum nms_items nms_cli_items(const struct nms_cli *cli, enum nms_items fallback);

#endif
