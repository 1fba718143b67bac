/*
 * plot.c - `nmsrules plot CASE -o FILE.svg`, and what it shares with the
 * REPL's .plot: when each criteria set was first met, and writing the
 * picture (plot_svg.c draws it; see plot.h).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/plot.h"
#include "cmd/sink.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "nms/interrupt.h"

/* Most distinct times evaluated for the marks (a teaching case has tens;
 * a longer record is marked on its first PLOT_MAX_TIMES times). */
#define PLOT_MAX_TIMES 1000

/* ---- first met ----------------------------------------------------------- */

static void add_time(double *times, size_t *n, double t)
{
    if (isfinite(t) && *n < PLOT_MAX_TIMES)
        times[(*n)++] = t;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* The distinct times of the case's entries and doses, sorted. */
static size_t case_times(const struct nms_case *c, double *times)
{
    size_t n = 0, i, k, out;

    for (i = 0; i < c->n_vitals; i++)
        add_time(times, &n, c->vitals[i].t);
    for (i = 0; i < c->n_labs; i++)
        add_time(times, &n, c->labs[i].t);
    for (i = 0; i < c->n_exam; i++)
        add_time(times, &n, c->exam[i].t);
    for (i = 0; i < c->n_medications; i++) {
        add_time(times, &n, c->medications[i].start);
        add_time(times, &n, c->medications[i].stop);
        for (k = 0; k < c->medications[i].n_doses; k++)
            add_time(times, &n, c->medications[i].doses[k].t);
    }
    qsort(times, n, sizeof *times, by_value);
    for (i = 0, out = 0; i < n; i++)
        if (out == 0 || times[i] != times[out - 1])
            times[out++] = times[i];
    return out;
}

/* Adds a mark for every criteria set of r that is met and not marked. */
static void mark_met(const struct nms_result *r, double t,
                     struct plot_mark *marks, size_t *n)
{
    size_t i, k;

    for (i = 0; i < r->n_sets && *n < PLOT_MAX_MARKS; i++) {
        if (r->sets[i].section != NMS_SECTION_CRITERIA ||
            r->sets[i].result != NMS_VERDICT_MET)
            continue;
        for (k = 0; k < *n && strcmp(marks[k].set, r->sets[i].id); k++)
            ;
        if (k < *n)
            continue;
        snprintf(marks[*n].set, sizeof marks[*n].set, "%s", r->sets[i].id);
        marks[(*n)++].t = t;
    }
}

int plot_first_met(struct nms_engine *e, const struct nms_record *rec,
                   const struct nms_case *full, struct plot_mark *marks,
                   size_t *n)
{
    double *times = malloc(PLOT_MAX_TIMES * sizeof *times);
    struct nms_case_options opt;
    struct nms_case *c;
    struct nms_result *r;
    size_t n_times, i;
    int rc = 0;

    *n = 0;
    if (!times)
        return -1;
    n_times = case_times(full, times);
    opt.as_of_form = full->time_form;
    for (i = 0; i < n_times && rc == 0; i++) {
        if (!isnan(full->assessed_at) && times[i] > full->assessed_at)
            break;   /* after the assessment: not part of this case */
        opt.as_of = times[i];
        r = NULL;
        c = nms_case_read(rec, &opt);
        if (!c)
            rc = -1;
        else if (!c->error && nms_engine_evaluate(e, c, &r) != NMS_OK)
            rc = nms_interrupted() ? 1 : -1;
        else if (r && !r->error)
            mark_met(r, times[i], marks, n);
        nms_result_free(r);
        nms_case_free(c);
    }
    free(times);
    return rc;
}

/* ---- writing the file ---------------------------------------------------- */

int plot_write_file(struct nms_engine *e, const struct nms_record *rec,
                    const char *path, char *err, size_t size)
{
    struct nms_case_options whole = {NAN, NMS_TIME_UNSET};
    struct plot_mark marks[PLOT_MAX_MARKS];
    struct nms_case *c = nms_case_read(rec, &whole);
    char *text = NULL;
    size_t n_marks = 0, len = 0;
    FILE *mem = NULL;
    int rc = -1, got;

    if (!c || c->error) {
        snprintf(err, size, "%s%s%s", c ? c->error->path : "",
                 c && *c->error->path ? ": " : "",
                 c ? c->error->message : "out of memory");
        goto out;
    }
    got = plot_first_met(e, rec, c, marks, &n_marks);
    if (got != 0) {
        snprintf(err, size, "%s", got == 1 ? "interrupted"
                                  : nms_engine_errmsg(e)[0] ? nms_engine_errmsg(e)
                                                            : "out of memory");
        goto out;
    }
    mem = open_memstream(&text, &len);
    if (!mem) {
        snprintf(err, size, "out of memory");
        goto out;
    }
    plot_svg_write(mem, c, nms_engine_ruleset(e), marks, n_marks);
    if (fclose(mem) != 0 || !text) {
        snprintf(err, size, "out of memory");
        goto out;
    }
    if (strcmp(path, "-") == 0)
        rc = fputs(text, stdout) >= 0 ? 0 : -1;
    else
        rc = nms_sink_write_file(path, text);
    if (rc != 0)
        snprintf(err, size, "cannot write '%s': %s", path, strerror(errno));
out:
    free(text);
    nms_case_free(c);
    return rc;
}

/* ---- the command ------------------------------------------------------- */

static const char usage[] =
    "usage: nmsrules plot [OPTIONS] CASE -o FILE.svg\n"
    "\n"
    "Draws the case in CASE (one case; '-' for standard input) over time as\n"
    "an SVG picture: temperature, heart rate, blood pressure and CK against\n"
    "time, the drug courses as bars with their doses, and a dashed line at\n"
    "the first time each criteria set was met (the case evaluated as of each\n"
    "of its times). The file is self-contained (no scripts, nothing fetched):\n"
    "open it in a browser or put it on a slide.\n"
    "\n"
    "  -o, --output FILE    write the SVG to FILE ('-': standard output)\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --max-instructions N, --max-memory MIB, --max-cpu-ms MS   sandbox limits\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 written, 1 the case cannot be evaluated, 2 usage or\n"
    "input/output error, 3 the ruleset failed to load.\n";

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    NMS_COMMON_OPTIONS};

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    if (opt != 'o')
        return NMS_OPTION_NOT_MINE;
    cli->output = arg;
    return -1;
}

const struct nms_command_options nms_plot_options = {
    "plot", usage, "ho:", long_options, apply, NULL};

/* Reads the one record of `name` into *text. Returns 0, or an exit
 * status after printing why. */
static int read_one(const char *name, struct nms_record *rec, char **text)
{
    FILE *fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    struct nms_reader *reader = NULL;
    int status = NMS_EXIT_USAGE;

    *text = NULL;
    if (!fp) {
        nms_errorf("cannot open '%s': %s", name, strerror(errno));
        return NMS_EXIT_USAGE;
    }
    if (nms_reader_open(&reader, fp, name) != NMS_OK ||
        nms_reader_next(reader, rec) != 1)
        nms_errorf("'%s' holds no case", name);
    else if (rec->error)
        nms_errorf("%s: %s", name, rec->error);
    else if (!(*text = malloc(rec->len + 1)))
        nms_errorf("out of memory");
    else {
        memcpy(*text, rec->text, rec->len);
        /* The reader's buffers go with the reader: keep copies. */
        rec->text = *text;
        rec->source = name;
        rec->parsed = NULL;
        rec->error = NULL;
        status = nms_reader_next(reader, &(struct nms_record){0}) == 1 ? -1 : 0;
        if (status < 0) {
            nms_errorf("'%s' holds several cases; plot draws one", name);
            status = NMS_EXIT_USAGE;
        }
    }
    nms_reader_free(reader);
    if (fp != stdin)
        fclose(fp);
    return status;
}

int nms_cmd_plot(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct nms_record rec;
    struct nms_cli cli;
    char *text = NULL, err[512];
    int status = nms_cli_parse(&cli, &nms_plot_options, argc, argv);

    if (status >= 0)
        return status;
    if (cli.n_inputs != 1 || !cli.output) {
        nms_errorf(cli.n_inputs != 1 ? "plot takes exactly one CASE file"
                                     : "plot needs -o FILE.svg");
        return nms_cli_try(&nms_plot_options);
    }
    status = nms_cli_load(&cli, &e);
    if (status == 0)
        status = read_one(cli.inputs[0], &rec, &text);
    if (status == 0 && nms_interrupt_install() != 0)
        status = NMS_EXIT_USAGE;
    if (status == 0 && plot_write_file(e, &rec, cli.output, err, sizeof err) != 0) {
        nms_errorf("%s: %s", cli.inputs[0], err);
        status = strncmp(err, "cannot write", 12) == 0 ? NMS_EXIT_USAGE
                                                       : NMS_EXIT_CASE_ERRORS;
    }
    free(text);
    nms_engine_free(e);
    return status;
}
