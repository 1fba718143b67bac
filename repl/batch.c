/*
 * batch.c - the batch and eval subcommands: records in, one output record
 * per case out, nothing dropped and nothing duplicated.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

/* Counts for the exit status and the closing message. */
struct tally {
    size_t cases, errors;
    int io_failed;
};

/* Where output goes: stdout, or a temporary file renamed over -o FILE only
 * once everything is written, so FILE never holds a partial run. */
struct sink {
    FILE *fp;
    const char *path;
    char *tmp;
};

static int sink_open(struct sink *s, const char *path)
{
    size_t len;
    mode_t mask;
    int fd;

    memset(s, 0, sizeof *s);
    s->fp = stdout;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    s->path = path;
    len = strlen(path) + sizeof ".tmp-XXXXXX";
    s->tmp = malloc(len);
    if (!s->tmp)
        return -1;
    snprintf(s->tmp, len, "%s.tmp-XXXXXX", path);
    fd = mkstemp(s->tmp);
    if (fd < 0) {
        nms_errorf("cannot create '%s': %s", s->tmp, strerror(errno));
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    mask = umask(0);   /* mkstemp makes 0600; give the usual 0666 & ~umask */
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(s->fp = fdopen(fd, "w"))) {
        nms_errorf("cannot write '%s': %s", s->tmp, strerror(errno));
        close(fd);
        unlink(s->tmp);
        return -1;
    }
    return 0;
}

/* Commits (ok) or abandons the output; returns 0 or -1 after a message. */
static int sink_close(struct sink *s, int ok)
{
    int rc = 0;

    if (!s->tmp)
        return fflush(stdout) == 0 ? 0 : -1;
    if (ok && (fflush(s->fp) != 0 || fsync(fileno(s->fp)) != 0)) {
        nms_errorf("cannot write '%s': %s", s->path, strerror(errno));
        ok = 0;
    }
    if (fclose(s->fp) != 0 && ok) {
        nms_errorf("cannot write '%s': %s", s->path, strerror(errno));
        ok = 0;
    }
    if (ok && rename(s->tmp, s->path) != 0) {
        nms_errorf("cannot rename '%s' to '%s': %s", s->tmp, s->path,
                   strerror(errno));
        ok = 0;
    }
    if (!ok) {
        unlink(s->tmp);
        rc = -1;
    }
    free(s->tmp);
    return rc;
}

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
    int rc = 0, got;

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
    while (rc == 0 && (got = nms_reader_next(reader, &rec)) == 1)
        rc = run_record(cli, e, &rec, t, emit, ctx);
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
    return t->errors ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
}

int nms_cmd_batch(int argc, char **argv)
{
    static char dash[] = "-";
    char *stdin_only[] = {dash};
    struct nms_engine *e = NULL;
    struct nms_writer *w = NULL;
    struct tally t = {0, 0, 0};
    struct nms_cli cli;
    struct sink out;
    int status, fatal = 0, i;

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
    if (sink_open(&out, cli.output) != 0) {
        nms_engine_free(e);
        return NMS_EXIT_USAGE;
    }
    fatal = nms_writer_new(&w, out.fp, cli.format, nms_engine_ruleset(e)) != NMS_OK;
    for (i = 0; !fatal && i < cli.n_inputs; i++)
        fatal = run_source(&cli, e, cli.inputs[i], &t, emit_record, w) != 0;
    if (!fatal && nms_writer_finish(w) != NMS_OK) {
        nms_errorf("cannot write results: %s", strerror(errno));
        fatal = 1;
    }
    nms_writer_free(w);
    if (sink_close(&out, !fatal) != 0)
        fatal = 1;
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
    json = nms_output_json(c, r, ec->rs, 1);
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
