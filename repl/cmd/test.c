/*
 * test.c - `nmsrules test`: runs rule test files against a ruleset and
 * reports every mismatch, optionally with the coverage the tests reach.
 *
 * A test file is a JSON array of entries {name, case, params?, expect}
 * (rules/tests/README.md). Each entry's case is evaluated and its result
 * record (the one `eval --format json` prints) checked against every
 * expectation; an entry passes when all of them hold and no rule failed.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/coverage.h"
#include "cmd/expect.h"
#include "cmd/report.h"
#include "cmd/term.h"
#include "cmd/testfiles.h"
#include "front/commands.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules test [OPTIONS] [PATH...]\n"
    "\n"
    "Runs the rule tests in PATH (a test file, or a directory searched for\n"
    "*.json below it; default: the tests/ directory of the ruleset) and\n"
    "reports each failing entry with what was expected, what was found and\n"
    "the evidence, then 'N passed, N failed'. The format of a test file is\n"
    "described in rules/tests/README.md and docs/rules.md.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one);\n"
    "                       given again, a site overlay whose files replace\n"
    "                       those of the same path\n"
    "  --param NAME=VALUE   override a ruleset parameter for every entry\n"
    "  --coverage           report, for every item of every set, whether the\n"
    "                       tests made it true, false and unknown, and which\n"
    "                       alternatives of each rule with levels they took\n"
    "  --min-coverage P     fail when coverage is below P per cent\n"
    "  -v, --verbose        also name each entry that passes\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 every entry passed (and coverage reached P), 1 some\n"
    "failed, 2 usage or input/output error, 3 the ruleset failed to load.\n";

enum { OPT_COVERAGE = NMS_OPT_OWN, OPT_MIN_COVERAGE };

static const struct option long_options[] = {
    {"coverage", no_argument, NULL, OPT_COVERAGE},
    {"min-coverage", required_argument, NULL, OPT_MIN_COVERAGE},
    {"verbose", no_argument, NULL, 'v'},
    NMS_COMMON_OPTIONS};

/* The test command's own settings (nms_cli has no room for them). */
static struct {
    int coverage, verbose;
    double min_coverage;    /* NAN: not given */
} opts;

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    char *end;

    (void)cli;
    switch (opt) {
    case OPT_COVERAGE:
        opts.coverage = 1;
        return -1;
    case OPT_MIN_COVERAGE:
        opts.min_coverage = strtod(arg, &end);
        if (end == arg || *end || !(opts.min_coverage >= 0) ||
            opts.min_coverage > 100) {
            nms_errorf("--min-coverage '%s' must be a number from 0 to 100",
                       arg);
            return NMS_EXIT_USAGE;
        }
        return -1;
    case 'v':
        opts.verbose = 1;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_test_options = {
    "test", usage, "hv", long_options, apply, NULL};

/* A run: the shared engine, counts, coverage. */
struct run {
    const struct nms_cli *cli;
    struct nms_engine *shared;
    struct nms_coverage *cov;   /* NULL without --coverage */
    size_t passed, failed;
    int fatal;                  /* out of memory, or the ruleset failed */
};

/* "NAME=VALUE" for parameter p of an entry's "params", into buf. */
static int param_text(const cJSON *p, char *buf, size_t size)
{
    if (cJSON_IsString(p))
        snprintf(buf, size, "%s=%s", p->string, p->valuestring);
    else if (cJSON_IsBool(p))
        snprintf(buf, size, "%s=%s", p->string, cJSON_IsTrue(p) ? "true" : "false");
    else if (cJSON_IsNumber(p))
        snprintf(buf, size, "%s=%.17g", p->string, p->valuedouble);
    else
        return -1;
    return 0;
}

/* An engine for an entry with its own "params" (after the command's
 * --param options); NULL after a message in `out`. */
static struct nms_engine *engine_with(struct run *run, const cJSON *params,
                                      FILE *out)
{
    static char texts[NMS_CLI_MAX_PARAMS][512];
    struct nms_cli cli = *run->cli;
    struct nms_engine *e = NULL;
    const cJSON *p;

    cJSON_ArrayForEach(p, params) {
        if (cli.n_params == NMS_CLI_MAX_PARAMS ||
            param_text(p, texts[cli.n_params], sizeof texts[0]) != 0) {
            fprintf(out, "    params: '%s' must be a number, string or "
                         "boolean (or too many)\n", p->string);
            return NULL;
        }
        cli.params[cli.n_params] = texts[cli.n_params];
        cli.n_params++;
    }
    if (nms_cli_load(&cli, &e) != 0)
        fputs("    params: the ruleset did not load with them (above)\n", out);
    return e;
}

/* Evaluates the entry's case with e and checks its expectations; the
 * mismatches go to `out`. Returns the number of mismatches. */
static int check_entry(struct run *run, struct nms_engine *e,
                       const cJSON *entry, const char *file, long index,
                       FILE *out)
{
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(entry, "expect");
    char *text = cJSON_PrintUnformatted(
        cJSON_GetObjectItemCaseSensitive(entry, "case"));
    struct nms_case *c = text ? nms_case_parse(text, strlen(text), file, 0,
                                               index) : NULL;
    struct nms_result *r = NULL;
    char *json = NULL;
    cJSON *record = NULL;
    const cJSON *want;
    int bad = 0, unreached = 0;

    cJSON_free(text);
    if (!c || nms_case_finish(c, run->cli->as_of) != NMS_OK) {
        run->fatal = 1;
        goto out;
    }
    if (c->error) {
        fprintf(out, "    case: error at '%s': %s\n", c->error->path,
                c->error->message);
        bad = 1;
        goto out;
    }
    if (nms_engine_evaluate(e, c, &r) != NMS_OK ||
        !(json = nms_output_json(c, r, nms_engine_ruleset(e), 0)) ||
        !(record = cJSON_Parse(json))) {
        run->fatal = 1;
        goto out;
    }
    if (r->error) {
        fprintf(out, "    rule error in %s (%s:%ld): %s\n", r->error->rule,
                r->error->file, r->error->line,
                nms_report_after_place(r->error->message, r->error->file,
                                       r->error->line));
        bad++;
    }
    cJSON_ArrayForEach(want, expect) {
        /* A failed case's record is an error record: every path into the
         * results is missing because of the one error above, so those are
         * counted in a line rather than listed one by one. */
        if (r->error && !nms_expect_reaches(record, want))
            unreached++;
        else
            bad += nms_expect_check(out, record, want);
    }
    if (unreached)
        fprintf(out, "    %d expectation%s not checked: the error record has "
                     "no results to check\n", unreached, unreached == 1 ? "" : "s");
    bad += unreached;
    if (run->cov && !r->error &&
        nms_coverage_add(run->cov, nms_engine_ruleset(e), r) != 0)
        run->fatal = 1;
out:
    cJSON_Delete(record);
    free(json);
    nms_result_free(r);
    nms_case_free(c);
    return bad;
}

/* printf to standard output made safe by nms_term: test names, file
 * names, evidence and messages come from the ruleset under test, and its
 * escape sequences reached the terminal raw (session 21). */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
    struct nms_term term;
    va_list ap;

    va_start(ap, fmt);
    vfprintf(nms_term_begin(&term, stdout, 0), fmt, ap);
    va_end(ap);
    nms_term_end(&term);
}

/* Runs one entry; its report is gathered in memory so that the failure
 * line comes before its mismatches. */
static void run_entry(struct run *run, const cJSON *entry, const char *file,
                      long index)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "name");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(entry, "params");
    char *buf = NULL, label[64];
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    struct nms_engine *e = run->shared;
    int bad = 1;

    snprintf(label, sizeof label, "entry %ld", index + 1);
    if (!out) {
        run->fatal = 1;
        return;
    }
    if (!cJSON_IsString(name) || !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(entry, "case")) ||
        !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(entry, "expect")))
        fputs("    an entry needs a string \"name\", an object \"case\" and "
              "an object \"expect\"\n", out);
    else if (params && !cJSON_IsObject(params))
        fputs("    \"params\" must be an object {NAME: VALUE}\n", out);
    else if (params && !(e = engine_with(run, params, out)))
        ;
    else
        bad = check_entry(run, e, entry, file, index, out);
    if (e && e != run->shared)
        nms_engine_free(e);
    fclose(out);
    if (bad) {
        say("FAIL %s: %s\n%s", file,
            cJSON_IsString(name) ? name->valuestring : label, buf);
        run->failed++;
    } else {
        if (opts.verbose)
            say("ok   %s: %s\n", file, name->valuestring);
        run->passed++;
    }
    free(buf);
}

/* Runs every entry of test file `path`. */
static void run_file(struct run *run, const char *path)
{
    char *text = nms_read_text(path);
    const char *end = NULL;
    cJSON *entries = text ? cJSON_ParseWithOpts(text, &end, 1) : NULL;
    const cJSON *entry;
    long i = 0;

    if (!text) {
        run->failed++;
        return;
    }
    if (!cJSON_IsArray(entries) || cJSON_GetArraySize(entries) == 0) {
        say("FAIL %s: %s\n", path, entries ? "not a JSON array of test "
               "entries" : "not valid JSON");
        run->failed++;
    } else {
        cJSON_ArrayForEach(entry, entries) {
            if (run->fatal)
                break;
            run_entry(run, entry, path, i++);
        }
    }
    cJSON_Delete(entries);
    free(text);
}

/* The ruleset's own tests/ when no PATH is given. */
static int default_paths(struct nms_file_list *files, struct nms_engine *e)
{
    char path[4096];

    snprintf(path, sizeof path, "%s/tests", nms_engine_ruleset(e)->dir);
    return nms_file_list_add(files, path);
}

/* The closing lines: coverage, the ruleset, then the counts; returns the
 * exit status. */
static int finish(struct run *run)
{
    int status = run->failed ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;

    if (run->cov) {
        double pct = nms_coverage_percent(run->cov);
        if (opts.coverage)
            nms_coverage_print(stdout, run->cov);
        if (!isnan(opts.min_coverage) && pct < opts.min_coverage) {
            printf("coverage %.1f%% is below the required %g%%\n", pct,
                   opts.min_coverage);
            status = NMS_EXIT_CASE_ERRORS;
        }
    }
    /* Which ruleset the counts are of (entries' own "params" aside): a
     * pass means nothing without it. */
    nms_report_ruleset_line(stdout, nms_engine_ruleset(run->shared));
    printf(")\n");
    printf("%zu passed, %zu failed\n", run->passed, run->failed);
    return status;
}

int nms_cmd_test(int argc, char **argv)
{
    struct nms_file_list files = {NULL, 0};
    struct nms_cli cli;
    struct run run;
    int status, i;
    size_t f;

    memset(&opts, 0, sizeof opts);
    opts.min_coverage = NAN;
    memset(&run, 0, sizeof run);
    status = nms_cli_parse(&cli, &nms_test_options, argc, argv);
    if (status >= 0)
        return status;
    run.cli = &cli;
    status = nms_cli_load(&cli, &run.shared);
    if (status != 0)
        return status;
    status = NMS_EXIT_USAGE;
    if ((opts.coverage || !isnan(opts.min_coverage)) &&
        !(run.cov = nms_coverage_new()))
        goto out;
    for (i = 0; i < cli.n_inputs; i++)
        if (nms_file_list_add(&files, cli.inputs[i]) != 0)
            goto out;
    if (cli.n_inputs == 0 && default_paths(&files, run.shared) != 0)
        goto out;
    for (f = 0; f < files.n && !run.fatal; f++)
        run_file(&run, files.paths[f]);
    if (run.fatal)
        nms_errorf("out of memory");
    else
        status = finish(&run);
out:
    nms_file_list_release(&files);
    nms_coverage_free(run.cov);
    nms_engine_free(run.shared);
    return status;
}
