/*
 * batch.c - `nmsrules batch`: many cases in, one output record per case
 * out (JSON Lines, a JSON array or CSV), to stdout or atomically to -o FILE.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cases.h"
#include "cmd/label_columns.h"
#include "cmd/parallel.h"
#include "front/commands.h"
#include "cmd/sink.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "front/progress.h"
#include "nms/interrupt.h"

static const char usage[] =
    "usage: nmsrules batch [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates every case in FILEs (or standard input for '-' or none) and\n"
    "writes one result or error record per case, in input order. A FILE may\n"
    "hold one case object, a JSON array of cases, or JSON Lines.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable), e.g.\n"
    "                       --param iec2011.threshold=76\n"
    "  --format FORMAT      jsonl (default), json (one array), csv (one row\n"
    "                       per case) or items-csv (one row per case, set\n"
    "                       and item, with its value and points)\n"
    "  --csv-eol EOL        end CSV lines in crlf (default, as RFC 4180 says)\n"
    "                       or lf (for awk, cut and sort)\n"
    "  --label-columns LIST CSV: the label fields shown as columns, e.g.\n"
    "                       label.nms,label.scenario; 'none' for none;\n"
    "                       default: every field of the labels in the first\n"
    "                       1000 records of the first FILE\n"
    "  --csv-raw            CSV ids and messages exactly as they are; by\n"
    "                       default one starting with = + - @ (a formula to\n"
    "                       a spreadsheet) gets a leading single quote\n"
    "  --compact            JSON records without what the ruleset's version\n"
    "                       and digest fix (titles, citations, rules,\n"
    "                       sources, distinguishing points): 40 % smaller\n"
    "  --record KIND        full (default): every item with its evidence;\n"
    "                       compact: the record to store, at most a few kB:\n"
    "                       verdicts, scores, levels, the true and unknown\n"
    "                       items, and the evidence of the items that\n"
    "                       decided each verdict (docs/output-format.md);\n"
    "                       JSON formats only, CSV is the same either way\n"
    "  --evidence LEVEL     all, decisive (only the items that decided a\n"
    "                       verdict) or none: the evidence text written;\n"
    "                       all else is the same at every level. Default:\n"
    "                       all, decisive for --record compact, none for CSV\n"
    "  --items WHICH        CSV: needed (default) asks a set's items only\n"
    "                       until its verdicts are fixed (an item not asked\n"
    "                       cannot fail the case); all asks every one, as\n"
    "                       the other formats always do\n"
    "  -o, --output FILE    write to FILE atomically instead of stdout\n"
    "  -j, --jobs N         N workers, each with its own engine (default:\n"
    "                       NMSRULES_JOBS, else one per CPU); the same output\n"
    "                       for every N (a relative --as-of runs with one)\n"
    "  --progress           show the cases done and the rate on stderr, also\n"
    "                       when it is not a terminal (default: on a\n"
    "                       terminal; NMSRULES_PROGRESS)\n"
    "  --no-progress        never show it\n"
    "  --as-of TIME         evaluate as of TIME (ISO 8601 or hours),\n"
    "                       ignoring later data\n"
    "  --max-instructions N\n"
    "                       Lua instructions one case may use (default\n"
    "                       50000000); a case over it is an error record\n"
    "  --max-memory MIB     memory the rules may hold beyond the loaded\n"
    "                       ruleset, for all cases together (default 64)\n"
    "  --max-cpu-ms MS      CPU time one case may use (default 10000)\n"
    "  --color[=WHEN]       accepted; batch output is never coloured\n"
    "  -h, --help           show this help\n";

/* The help's second part (one string literal holds at most 4,095
 * characters in ISO C). */
static const char usage_more[] =
    "\n"
    "The output is the same for every -j N as long as no rule's answer\n"
    "depends on the cases before it: a ruleset whose modules keep such\n"
    "state (a counter, say) sees other cases in each worker\n"
    "(docs/security.md). The default ruleset's caches change no answer.\n"
    "\n"
    "With -o, FILE is replaced only by a complete run (an existing FILE keeps\n"
    "its mode; a symlink's target is written); FILE may not be an input. An\n"
    "interrupted run, or one with an unreadable input, leaves FILE unchanged\n"
    "and the records written in FILE.partial.\n"
    "\n"
    "Exit status: 0 all cases evaluated, 1 some cases were errors (all others\n"
    "written), 2 usage or input/output error, 3 the ruleset failed to load,\n"
    "4 interrupted (the records written are complete and those of the\n"
    "input's first cases; the message says how many).\n";

enum { OPT_FORMAT = NMS_OPT_OWN, OPT_COMPACT, OPT_CSV_EOL, OPT_LABEL_COLUMNS,
       OPT_CSV_RAW, OPT_RECORD, OPT_EVIDENCE, OPT_ITEMS, OPT_PROGRESS,
       OPT_NO_PROGRESS };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"csv-eol", required_argument, NULL, OPT_CSV_EOL},
    {"compact", no_argument, NULL, OPT_COMPACT},
    {"label-columns", required_argument, NULL, OPT_LABEL_COLUMNS},
    {"csv-raw", no_argument, NULL, OPT_CSV_RAW},
    {"record", required_argument, NULL, OPT_RECORD},
    {"evidence", required_argument, NULL, OPT_EVIDENCE},
    {"items", required_argument, NULL, OPT_ITEMS},
    {"output", required_argument, NULL, 'o'},
    {"jobs", required_argument, NULL, 'j'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    NMS_COMMON_OPTIONS};

/* -j N (or NMSRULES_JOBS, named `what`): a whole number of workers from
 * 1 to NMS_PARALLEL_MAX_JOBS. */
static int parse_jobs(struct nms_cli *cli, const char *what, const char *arg)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > NMS_PARALLEL_MAX_JOBS) {
        nms_errorf("%s wants a number of workers from 1 to %d, not '%s'",
                   what, NMS_PARALLEL_MAX_JOBS, arg);
        return NMS_EXIT_USAGE;
    }
    cli->jobs = (int)n;
    return -1;
}

/* Without -j: NMSRULES_JOBS when set (a machine's or a job scheduler's
 * share), else one worker per online CPU, within what -j accepts.
 * Returns -1, or NMS_EXIT_USAGE after a message. */
static int default_jobs(struct nms_cli *cli)
{
    const char *env = getenv("NMSRULES_JOBS");
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    if (env && *env)
        return parse_jobs(cli, "NMSRULES_JOBS", env);
    cli->jobs = n < 1 ? 1
                : n > NMS_PARALLEL_MAX_JOBS ? NMS_PARALLEL_MAX_JOBS
                                            : (int)n;
    return -1;
}

/* batch's own options: --format, --csv-eol, --compact, --label-columns,
 * --csv-raw, -o, -j, --progress. */
/* An option of two values: *flag is 1 for `yes`, 0 for `no`; -1 (go on),
 * or a usage error naming both. */
static int one_of(const char *arg, const char *what, const char *yes,
                  const char *no, int *flag)
{
    if (strcmp(arg, yes) != 0 && strcmp(arg, no) != 0) {
        nms_errorf("unknown %s '%s' (expected %s or %s)", what, arg, no, yes);
        return NMS_EXIT_USAGE;
    }
    *flag = strcmp(arg, yes) == 0;
    return -1;
}

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_FORMAT:
        if (strcmp(arg, "jsonl") == 0)
            cli->format = NMS_FORMAT_JSONL;
        else if (strcmp(arg, "json") == 0)
            cli->format = NMS_FORMAT_JSON;
        else if (strcmp(arg, "csv") == 0)
            cli->format = NMS_FORMAT_CSV;
        else if (strcmp(arg, "items-csv") == 0)
            cli->format = NMS_FORMAT_ITEMS_CSV;
        else {
            nms_errorf("unknown format '%s' (expected jsonl, json, csv or "
                       "items-csv)", arg);
            return NMS_EXIT_USAGE;
        }
        return -1;
    case OPT_CSV_EOL:
        return one_of(arg, "line end", "lf", "crlf", &cli->csv_lf);
    case OPT_COMPACT:
        cli->compact = 1;
        return -1;
    case OPT_LABEL_COLUMNS:
        cli->label_columns = arg;
        return -1;
    case OPT_CSV_RAW:
        cli->csv_raw = 1;
        return -1;
    case OPT_RECORD:
        return one_of(arg, "record", "compact", "full", &cli->record_compact);
    case OPT_EVIDENCE:
        return nms_cli_set_evidence(cli, arg);
    case OPT_ITEMS:
        return nms_cli_set_items(cli, arg);
    case 'o':
        cli->output = arg;
        return -1;
    case 'j':
        return parse_jobs(cli, "-j", arg);
    case OPT_PROGRESS:
        cli->progress = 1;
        return -1;
    case OPT_NO_PROGRESS:
        cli->progress = -1;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_batch_options = {
    "batch", usage, "ho:j:", long_options, apply, usage_more};

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

/* Reads every input and writes every record, with one engine or -j N;
 * `labels`: CSV label columns (formatting a record parses its label).
 * Returns 1 on a fatal error. */
static int run_inputs(const struct nms_cli *cli, struct nms_engine *e,
                      struct nms_writer *w, size_t labels,
                      const struct nms_run_settings *settings,
                      struct tally *t)
{
    int i;

    if (cli->jobs > 1) {
        if (nms_run_parallel(cli, e, w, labels > 0, settings, t) != 0)
            return 1;
    } else {
        for (i = 0; i < cli->n_inputs && !nms_interrupted(); i++)
            if (nms_run_source(cli, e, cli->inputs[i], t, emit_record, w) != 0)
                return 1;
    }
    if (nms_writer_finish(w) != NMS_OK) {
        nms_errorf("cannot write results: %s", strerror(errno));
        return 1;
    }
    return 0;
}

/* An unreadable input, like an interrupt, leaves FILE as it was and the
 * records written in FILE.partial: a FILE missing an input's cases must
 * not pass for the complete result. */
static enum nms_sink_end sink_end(int fatal, const struct tally *t)
{
    if (fatal)
        return NMS_SINK_ABANDON;
    return nms_interrupted() || t->io_failed ? NMS_SINK_PARTIAL
                                              : NMS_SINK_COMMIT;
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
    struct nms_label_columns labels = {NULL, 0};
    struct nms_run_settings settings;
    int csv;
    int status, fatal;

    status = nms_cli_parse(&cli, &nms_batch_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs == 0) {
        cli.inputs = stdin_only;
        cli.n_inputs = 1;
    }
    nms_sink_buffer_stdout(cli.output, cli.inputs, cli.n_inputs);
    if (cli.progress != 0)
        nms_progress_force(cli.progress > 0);
    if (cli.jobs == 0 && (status = default_jobs(&cli)) >= 0)
        return status;
    if (cli.as_of_relative)
        cli.jobs = 1;   /* the anchor is found by evaluating (parallel.h) */
    if (nms_sink_is_input(cli.output, cli.inputs, cli.n_inputs)) {
        nms_errorf("'%s' is also an input: -o would replace it; write the "
                   "results to another file", cli.output);
        return NMS_EXIT_USAGE;
    }
    if (cli.format != NMS_FORMAT_CSV &&
        nms_cli_items(&cli, NMS_ITEMS_ALL) != NMS_ITEMS_ALL) {
        nms_errorf("--items needed is for --format csv: the other formats "
                   "print every item, so they ask every one");
        return NMS_EXIT_USAGE;
    }
    if (cli.format == NMS_FORMAT_CSV || cli.format == NMS_FORMAT_ITEMS_CSV)
        if ((status = nms_label_columns_find(&cli, &labels)) != 0)
            return status;
    status = nms_cli_load(&cli, &e);
    if (status != 0) {
        nms_label_columns_release(&labels);
        return status;
    }
    if (nms_interrupt_install() != 0 || nms_sink_open(&out, cli.output) != 0) {
        nms_label_columns_release(&labels);
        nms_engine_free(e);
        return NMS_EXIT_USAGE;
    }
    /* A signal also stops the case being evaluated, however it loops. */
    nms_engine_set_interrupt(e, nms_interrupt_flag());
    /* CSV holds no evidence and no notes; the compact record only the
     * decided items' evidence, and no notes either (its severity set is
     * the tier and the items, docs/output-format.md). The CSV row, verdicts only, needs only the
     * items that can still change them (nms_engine_set_items); the items
     * CSV and the JSON records print every item. */
    csv = cli.format == NMS_FORMAT_CSV || cli.format == NMS_FORMAT_ITEMS_CSV;
    settings.evidence = nms_cli_evidence(&cli, csv ? NMS_EVIDENCE_NONE
                                               : cli.record_compact
                                                     ? NMS_EVIDENCE_DECISIVE
                                                     : NMS_EVIDENCE_ALL);
    settings.notes = !csv && !cli.record_compact;
    settings.items = nms_cli_items(&cli, cli.format == NMS_FORMAT_CSV
                                             ? NMS_ITEMS_NEEDED
                                             : NMS_ITEMS_ALL);
    nms_run_settings_apply(e, &settings);
    if (nms_writer_new(&w, out.fp, cli.format, nms_engine_ruleset(e)) !=
        NMS_OK) {
        nms_errorf("cannot write results: %s", strerror(errno));
        fatal = 1;
    } else {
        nms_writer_set_options(w, (cli.compact ? NMS_OUTPUT_COMPACT : 0u) |
                                      (cli.record_compact ? NMS_OUTPUT_RECORD : 0u) |
                                      (cli.csv_lf ? NMS_OUTPUT_CSV_LF : 0u) |
                                      (cli.csv_raw ? NMS_OUTPUT_CSV_RAW : 0u));
        nms_writer_set_label_columns(w, (const char *const *)labels.paths,
                                     labels.n);
        fatal = run_inputs(&cli, e, w, labels.n, &settings, &t);
    }
    nms_writer_free(w);
    nms_label_columns_release(&labels);
    if (nms_sink_close(&out, sink_end(fatal, &t)) != 0)
        fatal = 1;
    if (nms_interrupted())
        nms_warnf("interrupted by %s: stopped after %zu cases, all written",
                  nms_interrupted() == SIGINT ? "SIGINT" : "SIGTERM", t.cases);
    if (t.errors)
        nms_warnf("%zu of %zu cases could not be evaluated (see their error "
                  "records)", t.errors, t.cases);
    nms_engine_free(e);
    return nms_run_status(&t, fatal);
}

