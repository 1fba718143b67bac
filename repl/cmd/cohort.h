/*
 * cohort.h - the record loop of the cohort commands, `summary` and
 * `accuracy` (cohort.c): every record of the inputs is either a case,
 * evaluated as batch evaluates it, or a result record batch wrote, read
 * back without evaluating (result_record.c); both reach the command as
 * the same case and result, so its figures are the same either way. One
 * run reads one kind: a case given both ways would count twice.
 */
#ifndef NMS_COHORT_H
#define NMS_COHORT_H

#include "cmd/cases.h"

enum nms_input_kind { NMS_INPUT_UNSET = 0, NMS_INPUT_CASES, NMS_INPUT_RESULTS };

struct nms_cohort {
    enum nms_input_kind kind;     /* of the records read so far */
    const char *cases_only;       /* non-NULL: result records are refused,
                                     this saying why ("--timeline needs
                                     the cases ...") */
    const struct nms_record *rec; /* the record being handed to emit */
    char first_at[256];           /* "FILE:LINE" of the first record */
    int warned_ruleset;           /* results of another ruleset: said */
};

/*
 * Reads every input of cli into emit (ctx its context), as
 * nms_run_inputs does, with co (zeroed, or cases_only set) following the
 * kind of the records. A record of the other kind than the first stops
 * the run after a message naming both. Returns 0, or -1 on a fatal
 * failure (memory, the engine, emit, mixed input).
 */
int nms_cohort_read(struct nms_cohort *co, const struct nms_cli *cli,
                    struct nms_engine *e, struct tally *t, emit_fn emit,
                    void *ctx);

#endif
