/*
 * cases.c - what batch and eval share: every record of an input through
 * the one way into a case (nms_case_read) and the engine, each case and
 * result handed to the command's emitter, nothing dropped and nothing
 * duplicated.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cases.h"
#include "front/interrupt.h"
#include "front/msg.h"

static int run_record(const struct nms_cli *cli, struct nms_engine *e,
                      const struct nms_record *rec, struct tally *t,
                      emit_fn emit, void *ctx)
{
    struct nms_case_options opt = {cli->as_of, cli->as_of_form};
    struct nms_case *c = nms_case_read(rec, &opt);
    struct nms_result *r = NULL;
    int rc = -1;

    if (!c) {
        nms_errorf("out of memory");
        return -1;
    }
    if (!c->error && nms_engine_evaluate(e, c, &r) != NMS_OK) {
        nms_errorf("%s", nms_engine_errmsg(e));
        goto out;
    }
    if (r && r->error && nms_interrupted()) {
        rc = 0;   /* stopped part-way by SIGINT/SIGTERM: not a record */
        goto out;
    }
    t->cases++;
    if (c->error || (r && r->error))
        t->errors++;
    rc = emit(ctx, c, r);
out:
    nms_result_free(r);
    nms_case_free(c);
    return rc;
}

int nms_run_source(const struct nms_cli *cli, struct nms_engine *e,
                      const char *name, struct tally *t, emit_fn emit,
                      void *ctx)
{
    int is_stdin = strcmp(name, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(name, "rb");
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    size_t before = t->cases;
    int rc = 0, got = 0;

    if (!fp) {
        nms_errorf("cannot open '%s': %s", name, strerror(errno));
        t->io_failed = 1;
        return 0;   /* the other inputs still run */
    }
    if (nms_reader_open(&reader, fp, is_stdin ? "-" : name) != NMS_OK) {
        nms_errorf("out of memory");
        rc = -1;
        goto out;
    }
    /* Stop requests are checked between cases, never inside one. */
    while (rc == 0 && !nms_interrupted() &&
           (got = nms_reader_next(reader, &rec)) == 1)
        rc = run_record(cli, e, &rec, t, emit, ctx);
    if (nms_interrupted())
        goto out;   /* a read cut short by the signal is not an I/O error */
    if (rc == 0 && got < 0) {
        nms_errorf("cannot read '%s': %s", name, strerror(errno));
        t->io_failed = 1;
    }
    if (rc == 0 && t->cases == before && !t->io_failed)
        nms_warnf("'%s' holds no cases", name);
out:
    nms_reader_free(reader);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

int nms_run_status(const struct tally *t, int fatal)
{
    if (fatal || t->io_failed)
        return NMS_EXIT_USAGE;
    if (nms_interrupted())
        return NMS_EXIT_INTERRUPTED;
    return t->errors ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
}

