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

/*
 * Reads every record of input `name` ("-": standard input), evaluates it
 * with e and hands it to `emit`. An input that cannot be opened or read
 * is counted in t and the run goes on. Returns 0, or -1 on a fatal
 * failure (memory, emit).
 */
int nms_run_source(const struct nms_cli *cli, struct nms_engine *e,
                   const char *name, struct tally *t, emit_fn emit, void *ctx);

/* The exit status of a run with tally t (fatal: it could not finish). */
int nms_run_status(const struct tally *t, int fatal);

#endif
