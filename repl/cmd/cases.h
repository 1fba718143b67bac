/*
 * cases.h - the record loop batch and eval share (cases.c).
 */
#ifndef NMS_CASES_H
#define NMS_CASES_H

#include <stddef.h>

#include "front/options.h"
#include "nms/engine.h"

/* Counts for the exit status and the closing message. */
struct tally {
    size_t cases, errors;
    int io_failed;
};

/* Receives each case with its result (NULL when the case has an error);
 * returns 0, or -1 when it failed (after printing why). */
typedef int (*emit_fn)(void *ctx, const struct nms_case *c,
                       const struct nms_result *r);

/* Receives each record read; returns 0, or -1 to stop the run (after
 * printing why). */
typedef int (*record_fn)(void *ctx, const struct nms_record *rec);

/*
 * Reads every record of input `name` ("-": standard input) and hands it to
 * fn, until the end, a stop request (SIGINT/SIGTERM) or fn's -1. An input
 * that cannot be opened or read is counted in t->io_failed and the run
 * goes on. Returns 0, or -1 when fn or memory failed.
 */
int nms_read_source(const char *name, struct tally *t, record_fn fn,
                    void *ctx);

/*
 * Makes record rec a case and evaluates it with e. Returns 0 with *c set
 * (and *r, unless the case has an error), both the caller's to free; or -1
 * when memory ran out or the engine failed, with *why saying so (owned by
 * e, valid until its next call).
 */
int nms_eval_record(const struct nms_cli *cli, struct nms_engine *e,
                    const struct nms_record *rec, struct nms_case **c,
                    struct nms_result **r, const char **why);

/* 1 when case c (result r) gets an error record rather than a result. */
int nms_case_failed(const struct nms_case *c, const struct nms_result *r);

/*
 * One record through nms_eval_record to `emit`, counted in t: the body of
 * nms_run_source's loop, for a command that looks at each record first
 * (summary reads result records too). Returns 0, or -1 on a fatal
 * failure (memory, the engine, emit).
 */
int nms_run_record(const struct nms_cli *cli, struct nms_engine *e,
                   struct tally *t, const struct nms_record *rec, emit_fn emit,
                   void *ctx);

/*
 * Reads every record of input `name` ("-": standard input), evaluates it
 * with e and hands it to `emit`. An input that cannot be opened or read
 * is counted in t and the run goes on. Returns 0, or -1 on a fatal
 * failure (memory, emit).
 */
int nms_run_source(const struct nms_cli *cli, struct nms_engine *e,
                   const char *name, struct tally *t, emit_fn emit, void *ctx);

/* nms_read_source over every input of cli until a stop request; returns
 * 0, or -1 when fn or memory failed. */
int nms_read_inputs(const struct nms_cli *cli, struct tally *t, record_fn fn,
                    void *ctx);

/* nms_run_source over every input of cli until a stop request; returns
 * 0, or -1 on a fatal failure. */
int nms_run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                   struct tally *t, emit_fn emit, void *ctx);

/*
 * The start every case-reading command shares: parses argv with spec into
 * *cli, reads standard input when no FILE is given, loads the ruleset into
 * *e. Returns -1 to go on, else the exit status to end with (0 after
 * --help).
 */
int nms_cmd_start(struct nms_cli *cli, const struct nms_command_options *spec,
                  int argc, char **argv, struct nms_engine **e);

/*
 * nms_cmd_start for the commands that print verdicts, counts and missing
 * data but never evidence or notes (accuracy, summary, timeline): the
 * engine is set to --evidence none and keeps no notes, so the rules write
 * no prose (docs/performance.md), and asks the items of --items, else
 * `items`: NMS_ITEMS_NEEDED for a command that reads no item (its
 * verdicts are the same; accuracy, timeline), NMS_ITEMS_ALL for one that
 * does (summary reads missing data and disagreements).
 */
int nms_cmd_start_verdicts(struct nms_cli *cli,
                           const struct nms_command_options *spec, int argc,
                           char **argv, struct nms_engine **e,
                           enum nms_items items);

/* What an engine of a run is set to: batch -j gives it to every worker. */
struct nms_run_settings {
    enum nms_evidence evidence;  /* nms_engine_set_evidence */
    int notes;                   /* nms_engine_set_notes */
    enum nms_items items;        /* nms_engine_set_items */
};

/* Sets engine e as `s` says. */
void nms_run_settings_apply(struct nms_engine *e,
                            const struct nms_run_settings *s);

/*
 * --format for the analysis commands: `arg` must be one of the n `names`
 * (n is 2 or 3: "text", "json", "csv"); its index goes to cli->format. Returns -1 to go
 * on, or NMS_EXIT_USAGE after naming the choices.
 */
int nms_cmd_format(struct nms_cli *cli, const char *arg,
                   const char *const *names, int n);

/* The exit status of a run with tally t (fatal: it could not finish). */
int nms_run_status(const struct tally *t, int fatal);

#endif
