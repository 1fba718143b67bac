/*
 * cases.c - what batch and eval share: every record of an input through
 * the one way into a case (nms_case_read) and the engine, each case and
 * result handed to the command's emitter, nothing dropped and nothing
 * duplicated.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/anchor.h"
#include "cmd/cases.h"
#include "nms/interrupt.h"
#include "front/interrupt.h"
#include "front/progress.h"
#include "front/msg.h"

int nms_eval_record(const struct nms_cli *cli, struct nms_engine *e,
                    const struct nms_record *rec, struct nms_case **cp,
                    struct nms_result **rp, const char **why)
{
    struct nms_case_options opt = {cli->as_of, cli->as_of_form};
    struct nms_case *c = cli->as_of_relative
                             ? nms_anchor_read(e, rec, cli->as_of)
                             : nms_case_read(rec, &opt);
    struct nms_result *r = NULL;

    *cp = NULL;
    *rp = NULL;
    if (!c) {
        /* nms_anchor_read has printed the engine's message, if it failed */
        *why = "out of memory";
        return -1;
    }
    if (!c->error && nms_engine_evaluate(e, c, &r) != NMS_OK) {
        *why = nms_engine_errmsg(e);
        nms_case_free(c);
        return -1;
    }
    *cp = c;
    *rp = r;
    return 0;
}

int nms_case_failed(const struct nms_case *c, const struct nms_result *r)
{
    return c->error || (r && r->error);
}

int nms_run_record(const struct nms_cli *cli, struct nms_engine *e,
                   struct tally *t, const struct nms_record *rec, emit_fn emit,
                   void *ctx)
{
    struct nms_case *c;
    struct nms_result *r;
    const char *why;
    int rc;

    if (nms_eval_record(cli, e, rec, &c, &r, &why) != 0) {
        nms_errorf("%s", why);
        return -1;
    }
    if (r && r->error && nms_interrupted()) {
        nms_result_free(r);   /* stopped part-way by SIGINT/SIGTERM: */
        nms_case_free(c);     /* not a record */
        return 0;
    }
    t->cases++;
    if (nms_case_failed(c, r))
        t->errors++;
    rc = emit(ctx, c, r);
    nms_result_free(r);
    nms_case_free(c);
    return rc;
}

/* One record through the engine to the command's emitter. */
struct run {
    const struct nms_cli *cli;
    struct nms_engine *e;
    struct tally *t;
    emit_fn emit;
    void *ctx;
};

static int run_record(void *ctx, const struct nms_record *rec)
{
    struct run *run = ctx;

    return nms_run_record(run->cli, run->e, run->t, rec, run->emit, run->ctx);
}

int nms_read_source(const char *name, struct tally *t, record_fn fn, void *ctx)
{
    int is_stdin = strcmp(name, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(name, "rb");
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    size_t taken = 0;
    int rc = 0, got = 0;

    if (!fp) {
        nms_errorf("cannot open '%s': %s", name, strerror(errno));
        t->io_failed = 1;
        return 0; /* the other inputs still run */
    }
    if (is_stdin)
        nms_note_terminal_input(fp);
    if (nms_reader_open(&reader, fp, is_stdin ? "-" : name) != NMS_OK) {
        nms_errorf("out of memory");
        rc = -1;
        goto out;
    }
    nms_reader_set_interrupt(reader, nms_interrupt_flag());
    /* Stop requests are checked between cases, never inside one, and
     * while a record is read (a record that never ends). */
    while (rc == 0 && !nms_interrupted() &&
           (got = nms_reader_next(reader, &rec)) == 1)
        if ((rc = fn(ctx, &rec)) == 0) {
            taken++;
            nms_progress_tick(t->cases, t->errors);
        }
    if (nms_interrupted())
        goto out; /* a read cut short by the signal is not an I/O error */
    if (rc == 0 && got < 0) {
        nms_errorf("cannot read '%s': %s", name, strerror(errno));
        t->io_failed = 1;
    }
    if (rc == 0 && taken == 0 && !t->io_failed)
        nms_warnf("'%s' holds no cases", name);
out:
    nms_reader_free(reader);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

int nms_run_source(const struct nms_cli *cli, struct nms_engine *e,
                   const char *name, struct tally *t, emit_fn emit, void *ctx)
{
    struct run run = {cli, e, t, emit, ctx};

    return nms_read_source(name, t, run_record, &run);
}

int nms_run_status(const struct tally *t, int fatal)
{
    nms_progress_end();
    if (fatal || t->io_failed)
        return NMS_EXIT_USAGE;
    if (nms_interrupted())
        return NMS_EXIT_INTERRUPTED;
    return t->errors ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
}

int nms_cmd_start(struct nms_cli *cli, const struct nms_command_options *spec,
                  int argc, char **argv, struct nms_engine **e)
{
    static char dash[] = "-";
    static char *stdin_only[] = {dash};
    int status = nms_cli_parse(cli, spec, argc, argv);

    *e = NULL;
    if (status >= 0)
        return status;
    if (cli->n_inputs == 0) {
        cli->inputs = stdin_only;
        cli->n_inputs = 1;
    }
    status = nms_cli_load(cli, e);
    return status != 0 ? status : -1;
}

void nms_run_settings_apply(struct nms_engine *e,
                            const struct nms_run_settings *s)
{
    nms_engine_set_evidence(e, s->evidence);
    nms_engine_set_notes(e, s->notes);
    nms_engine_set_items(e, s->items);
}

int nms_cmd_start_verdicts(struct nms_cli *cli,
                           const struct nms_command_options *spec, int argc,
                           char **argv, struct nms_engine **e,
                           enum nms_items items)
{
    int status = nms_cmd_start(cli, spec, argc, argv, e);
    struct nms_run_settings settings = {NMS_EVIDENCE_NONE, 0, items};

    if (status < 0) {
        settings.items = nms_cli_items(cli, items);
        nms_run_settings_apply(*e, &settings);
    }
    return status;
}

int nms_cmd_format(struct nms_cli *cli, const char *arg,
                   const char *const *names, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (strcmp(arg, names[i]) == 0) {
            cli->format = (enum nms_format)i; /* the command's own index */
            return -1;
        }
    if (n == 2)
        nms_errorf("unknown format '%s' (expected %s or %s)", arg, names[0],
                   names[1]);
    else
        nms_errorf("unknown format '%s' (expected %s, %s or %s)", arg,
                   names[0], names[1], names[n - 1]);
    return NMS_EXIT_USAGE;
}

int nms_read_inputs(const struct nms_cli *cli, struct tally *t, record_fn fn,
                    void *ctx)
{
    int k;

    for (k = 0; k < cli->n_inputs && !nms_interrupted(); k++)
        if (nms_read_source(cli->inputs[k], t, fn, ctx) != 0)
            return -1;
    return 0;
}

int nms_run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                   struct tally *t, emit_fn emit, void *ctx)
{
    struct run run = {cli, e, t, emit, ctx};

    return nms_read_inputs(cli, t, run_record, &run);
}
