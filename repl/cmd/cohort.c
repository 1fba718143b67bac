/*
 * cohort.c - cases or result records into one emitter (see cohort.h).
 */
#include <stdio.h>

#include "cmd/cohort.h"
#include "cmd/result_record.h"
#include "front/msg.h"

struct run {
    struct nms_cohort *co;
    const struct nms_cli *cli;
    struct nms_engine *e;
    struct tally *t;
    emit_fn emit;
    void *ctx;
    cJSON *rules; /* the loaded rules as records name them: made once */
};

/* A result record, counted and handed over as its case would be. */
static int read_result(struct run *run, const struct nms_record *rec)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(run->e);
    struct nms_case *c;
    struct nms_result *r;
    int other, rc;

    if ((!run->rules && !(run->rules = nms_result_rules_of(rs))) ||
        nms_result_record_read(rec, rs, run->rules, &c, &r, &other) != 0) {
        nms_errorf("out of memory");
        return -1;
    }
    if (other && !run->co->warned_ruleset) {
        run->co->warned_ruleset = 1;
        nms_warnf("%s:%ld: a result of another ruleset than %s %s (its "
                  "digest, overlays or --param overrides differ from those "
                  "loaded now, which the report names): its sets are "
                  "matched by id",
                  rec->source, rec->line, rs->name, rs->version);
    }
    run->t->cases++;
    if (nms_case_failed(c, r))
        run->t->errors++;
    rc = run->emit(run->ctx, c, r);
    nms_result_free(r);
    nms_case_free(c);
    return rc;
}

/* One record (a record_fn): the first decides the kind of the run. */
static int read_record(void *ctx, const struct nms_record *rec)
{
    struct run *run = ctx;
    struct nms_cohort *co = run->co;
    enum nms_input_kind kind =
        nms_record_is_result(rec) ? NMS_INPUT_RESULTS : NMS_INPUT_CASES;

    if (kind == NMS_INPUT_RESULTS && co->cases_only) {
        nms_errorf("%s:%ld is a result record: %s", rec->source, rec->line,
                   co->cases_only);
        return -1;
    }
    if (co->kind == NMS_INPUT_UNSET) {
        co->kind = kind;
        snprintf(co->first_at, sizeof co->first_at, "%s:%ld", rec->source,
                 rec->line);
        if (kind == NMS_INPUT_RESULTS &&
            (run->cli->as_of_text || run->cli->n_params))
            nms_warnf("--as-of and --param apply to cases: result records "
                      "are counted as they were written");
    } else if (kind != co->kind) {
        nms_errorf("%s:%ld is a %s, but the records before it are %s (from "
                   "%s): give cases or results, not both",
                   rec->source, rec->line,
                   kind == NMS_INPUT_RESULTS ? "result record" : "case",
                   kind == NMS_INPUT_RESULTS ? "cases" : "results",
                   co->first_at);
        return -1;
    }
    co->rec = rec;
    if (kind == NMS_INPUT_RESULTS)
        return read_result(run, rec);
    return nms_run_record(run->cli, run->e, run->t, rec, run->emit, run->ctx);
}

int nms_cohort_read(struct nms_cohort *co, const struct nms_cli *cli,
                    struct nms_engine *e, struct tally *t, emit_fn emit,
                    void *ctx)
{
    struct run run = {co, cli, e, t, emit, ctx, NULL};
    int rc = nms_read_inputs(cli, t, read_record, &run);

    cJSON_Delete(run.rules);
    co->rec = NULL;
    return rc;
}
