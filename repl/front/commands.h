/*
 * commands.h - the program's commands, one row each in main.c's table.
 *
 * A command is one file (its options, its --help text, its function) and
 * one row: main dispatches through the table, `help COMMAND` runs the
 * command's own --help, and the program's usage lists the rows. To add
 * `check`, write repl/cmd/check.c defining nms_check_options and
 * nms_cmd_check, declare them here and add the row.
 */
#ifndef NMS_COMMANDS_H
#define NMS_COMMANDS_H

#include "front/options.h"

struct nms_command {
    const char *name;       /* "batch" */
    const char *synopsis;   /* "batch [FILE...]", for the program's usage */
    const char *summary;    /* one line, for the program's usage */
    int (*run)(int argc, char **argv);   /* argv[0] is the name; returns
                                            the exit status */
};

/* batch (repl/cmd/batch.c): many cases, JSON Lines, JSON or CSV out. */
extern const struct nms_command_options nms_batch_options;
int nms_cmd_batch(int argc, char **argv);

/* eval (repl/cmd/eval.c): one case as a readable report. */
extern const struct nms_command_options nms_eval_options;
int nms_cmd_eval(int argc, char **argv);

/* plot (repl/cmd/plot.c): the case over time as an SVG picture. */
extern const struct nms_command_options nms_plot_options;
int nms_cmd_plot(int argc, char **argv);

/* repl (repl/session/repl.c): the interactive session. */
extern const struct nms_command_options nms_repl_options;
int nms_cmd_repl(int argc, char **argv);

/* version (repl/front/version.c): program, Lua, cJSON and ruleset. */
extern const struct nms_command_options nms_version_options;
int nms_cmd_version(int argc, char **argv);

/* test (repl/cmd/test.c): rule test files against a ruleset, coverage. */
extern const struct nms_command_options nms_test_options;
int nms_cmd_test(int argc, char **argv);

/* check (repl/cmd/check.c): load and lint a ruleset. */
extern const struct nms_command_options nms_check_options;
int nms_cmd_check(int argc, char **argv);

/* gen (repl/cmd/gen.c): a synthetic cohort, JSON Lines out. It parses its
 * own options (none of the common ones apply). */
int nms_cmd_gen(int argc, char **argv);

/* doc (repl/cmd/doc.c): the reference generated from a ruleset. */
extern const struct nms_command_options nms_doc_options;
int nms_cmd_doc(int argc, char **argv);

/* params (repl/cmd/params.c): a ruleset's parameters and overrides. */
extern const struct nms_command_options nms_params_options;
int nms_cmd_params(int argc, char **argv);

/* diff (repl/cmd/diff.c): the same cases under two rulesets. */
extern const struct nms_command_options nms_diff_options;
int nms_cmd_diff(int argc, char **argv);

/* accuracy (repl/cmd/accuracy.c): verdicts against a reference label. */
extern const struct nms_command_options nms_accuracy_options;
int nms_cmd_accuracy(int argc, char **argv);

/* timeline (repl/cmd/timeline.c): each case as of every time it holds. */
extern const struct nms_command_options nms_timeline_options;
int nms_cmd_timeline(int argc, char **argv);

/* run (repl/cmd/run.c): the analyst's own Lua script with the nms module. */
extern const struct nms_command_options nms_run_options;
int nms_cmd_run(int argc, char **argv);

/* summary (repl/cmd/summary.c): one page about a cohort. */
extern const struct nms_command_options nms_summary_options;
int nms_cmd_summary(int argc, char **argv);

#endif
