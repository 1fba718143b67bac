/*
 * parallel.h - batch -j N: N workers, each with its own engine (its own Lua
 * state; an engine is not thread-safe), fed by one reader through a bounded
 * ring of records, and one writer that puts their records in input order.
 * The output is byte-identical to a run with one engine.
 *
 *   reader (the calling thread: signals come to it; reads each case) ->
 *   ring -> workers (evaluate the case, format its record) -> writer
 *   (in input order)
 *
 * At most NMS_PARALLEL_SLOTS_PER_JOB × N records (and never more than
 * NMS_PARALLEL_MAX_SLOTS) are held at once, read ahead or formatted and
 * waiting for their turn, so memory stays bounded however long the input.
 *
 * A relative --as-of (+24h) is not for this path: finding a case's anchor
 * evaluates the record again and again, which the reader cannot do; batch
 * runs it with one engine.
 */
#ifndef NMS_PARALLEL_H
#define NMS_PARALLEL_H

#include "cmd/cases.h"
#include "front/options.h"
#include "nms/engine.h"
#include "nms/output.h"

#define NMS_PARALLEL_SLOTS_PER_JOB 16
#define NMS_PARALLEL_MAX_SLOTS 256
/* A slot keeps its record's buffer for the next record unless the record
 * was larger than this, so that what the ring keeps between records stays
 * under NMS_PARALLEL_MAX_SLOTS × this, whatever one odd case printed. */
#define NMS_PARALLEL_KEEP_BYTES (1024 * 1024)
/* Records one engine clears while another loads the ruleset (a load is
 * ~15 ms, a full case ~2 ms): worker k loads its engine only once k times
 * this many records wait unclaimed (parallel.c, engine_needed). */
#define NMS_PARALLEL_BACKLOG 8
/* Most workers -j accepts. */
#define NMS_PARALLEL_MAX_JOBS 256

/*
 * Runs every input of cli with cli->jobs workers: the first uses engine e
 * (loaded, its interrupt flag and `settings` set), the others load their
 * own with the same options and settings. Records, formatted as w would (nms_output_record), go to
 * w in input order; counts to t (t->cases kept up to date for the
 * progress line as they are written). `format_parses`: w's
 * records parse JSON (CSV label columns), so the workers format them one
 * at a time with the reader. On SIGINT/SIGTERM the output ends with the
 * last case finished before the first one the signal stopped: a prefix of
 * the input, all of it written. Returns 0, or 1 on a fatal error
 * (printed): memory, an engine failure, a write error; the records before
 * it are written.
 */
int nms_run_parallel(const struct nms_cli *cli, struct nms_engine *e,
                     struct nms_writer *w, int format_parses,
                     const struct nms_run_settings *settings,
                     struct tally *t);

#endif
