/*
 * cli.h - what the subcommands of the nmsrules program share: options,
 * finding and loading the ruleset, and turning an input record into a
 * finished case.
 */
#ifndef NMS_CLI_H
#define NMS_CLI_H

#include <stddef.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/output.h"
#include "nms/reader.h"

/* Most --param options one run accepts (the engine keeps its own limit). */
#define NMS_CLI_MAX_PARAMS 256

struct nms_cli {
    const char *rules_dir;       /* --rules, or NULL to find the default */
    const char *params[NMS_CLI_MAX_PARAMS];
    size_t n_params;
    const char *as_of_text;      /* --as-of as given */
    double as_of;                /* parsed; NAN when not given */
    enum nms_time_form as_of_form;
    enum nms_format format;
    int text_report;             /* eval: readable report, not JSON */
    int compact;                 /* --compact: JSON without the ruleset's static text */
    const char *output;          /* -o FILE, or NULL for stdout */
    struct nms_limits limits;    /* --max-instructions, --max-memory; 0 = default */
    const char *script;          /* repl --script FILE, or NULL */
    int echo;                    /* repl --echo: show each entry before its output */
    int full_lua;                /* repl --full-lua: scripts get io, os, ... too */
    char **inputs;               /* file operands */
    int n_inputs;
};

/*
 * Parses the options of subcommand `cmd` (argv[0] is the subcommand name).
 * Returns -1 when parsing succeeded, else the exit status to end with
 * (0 after --help).
 */
int nms_cli_parse(struct nms_cli *cli, const char *cmd, int argc, char **argv);

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

/*
 * Turns a record from the reader into a finished case (parsed, as-of
 * applied, defaults filled). Returns NULL only when out of memory; a bad
 * record gives a case with `error` set.
 */
struct nms_case *nms_cli_case(const struct nms_cli *cli,
                              const struct nms_record *rec);

/* Subcommands; each returns the program's exit status. */
int nms_cmd_batch(int argc, char **argv);
int nms_cmd_eval(int argc, char **argv);
int nms_cmd_repl(int argc, char **argv);

/* Prints the readable report of one case (eval's default output). */
void nms_report_print(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int color);

#endif
