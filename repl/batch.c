/*
 * batch.c - the batch and eval subcommands: records in, one output record
 * per case out, nothing dropped and nothing duplicated.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "interrupt.h"
#include "nms/interrupt.h"
#include "msg.h"
#include "sink.h"

/* Counts for the exit status and the closing message. */
struct tally {
    size_t cases, errors;
    int io_failed;
};

/* Evaluates the case of one record and hands case and result to `emit`.
 * Returns 0, or -1 when memory ran out or emit failed. */
typedef int (*emit_fn)(void *ctx, const struct nms_case *c,
                       const struct nms_result *r);

static int run_record(const struct nms_cli *cli, struct nms_engine *e,
                      const struct nms_record *rec, struct tally *t,
                      emit_fn emit, void *ctx)
{
    struct nms_case *c = nms_cli_case(cli, rec);
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

/* Runs every record of one input; returns 0, or -1 on a fatal failure. */
static int run_source(const struct nms_cli *cli, struct nms_engine *e,
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

static int emit_record(void *ctx, const struct nms_case *c,
                       const struct nms_result *r)
{
    struct nms_writer *w = ctx;
    enum nms_status status = nms_writer_put(w, c, r);

    if (status != NMS_OK)
        nms_errorf("cannot write results: %s", status == NMS_EIO
                                                   ? strerror(errno)
                                                   : nms_strerror(status));
    return status == NMS_OK ? 0 : -1;
}

static int exit_status(const struct tally *t, int fatal)
{
    if (fatal || t->io_failed)
        return NMS_EXIT_USAGE;
    if (nms_interrupted())
        return NMS_EXIT_INTERRUPTED;
    return t->errors ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
}

/* Reads every input and writes every record; returns 1 on a fatal error. */
static int run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                      struct nms_writer *w, struct tally *t)
{
    int i;

    for (i = 0; i < cli->n_inputs && !nms_interrupted(); i++)
        if (run_source(cli, e, cli->inputs[i], t, emit_record, w) != 0)
            return 1;
    if (nms_writer_finish(w) != NMS_OK) {
        nms_errorf("cannot write results: %s", strerror(errno));
        return 1;
    }
    return 0;
}

static enum nms_sink_end sink_end(int fatal)
{
    if (fatal)
        return NMS_SINK_ABANDON;
    return nms_interrupted() ? NMS_SINK_PARTIAL : NMS_SINK_COMMIT;
}

int nms_cmd_batch(int argc, char **argv)
{
    static char dash[] = "-";
    char *stdin_only[] = {dash};
    struct nms_engine *e = NULL;
    struct nms_writer *w = NULL;
    struct tally t = {0, 0, 0};
    struct nms_sink out;
    struct nms_cli cli;
    int status, fatal;

    status = nms_cli_parse(&cli, "batch", argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs == 0) {
        cli.inputs = stdin_only;
        cli.n_inputs = 1;
    }
    status = nms_cli_load(&cli, &e);
    if (status != 0)
        return status;
    if (nms_interrupt_install() != 0 || nms_sink_open(&out, cli.output) != 0) {
        nms_engine_free(e);
        return NMS_EXIT_USAGE;
    }
    /* A signal also stops the case being evaluated, however it loops. */
    nms_engine_set_interrupt(e, nms_interrupt_flag());
    if (nms_writer_new(&w, out.fp, cli.format, nms_engine_ruleset(e)) !=
        NMS_OK) {
        nms_errorf("cannot write results: %s", strerror(errno));
        fatal = 1;
    } else {
        nms_writer_set_options(w, cli.compact ? NMS_OUTPUT_COMPACT : 0);
        fatal = run_inputs(&cli, e, w, &t);
    }
    nms_writer_free(w);
    if (nms_sink_close(&out, sink_end(fatal)) != 0)
        fatal = 1;
    if (nms_interrupted())
        nms_warnf("interrupted by %s: stopped after %zu cases, all written",
                  nms_interrupted() == SIGINT ? "SIGINT" : "SIGTERM", t.cases);
    if (t.errors)
        nms_warnf("%zu of %zu cases could not be evaluated (see their error "
                  "records)", t.errors, t.cases);
    nms_engine_free(e);
    return exit_status(&t, fatal);
}

/* eval: the readable report, or the batch record pretty-printed. */
struct eval_ctx {
    const struct nms_cli *cli;
    const struct nms_ruleset_info *rs;
    int color;
};

static int emit_report(void *ctx, const struct nms_case *c,
                       const struct nms_result *r)
{
    struct eval_ctx *ec = ctx;
    char *json;

    if (ec->cli->text_report) {
        nms_report_print(stdout, c, r, ec->rs, ec->color);
        return 0;
    }
    json = nms_output_json(c, r, ec->rs,
                           NMS_OUTPUT_PRETTY |
                               (ec->cli->compact ? NMS_OUTPUT_COMPACT : 0));
    if (!json) {
        nms_errorf("out of memory");
        return -1;
    }
    puts(json);
    free(json);
    return 0;
}

int nms_cmd_eval(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct tally t = {0, 0, 0};
    struct eval_ctx ctx;
    struct nms_cli cli;
    const char *no_color = getenv("NO_COLOR");
    int status, fatal;

    status = nms_cli_parse(&cli, "eval", argc, argv);
    if (status >= 0)
        return status;
    status = nms_cli_load(&cli, &e);
    if (status != 0)
        return status;
    ctx.cli = &cli;
    ctx.rs = nms_engine_ruleset(e);
    ctx.color = isatty(fileno(stdout)) && !(no_color && *no_color);
    fatal = run_source(&cli, e, cli.inputs[0], &t, emit_report, &ctx) != 0;
    if (fflush(stdout) != 0)
        fatal = 1;
    nms_engine_free(e);
    return exit_status(&t, fatal);
}
