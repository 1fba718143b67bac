/*
 * diff.c - `nmsrules diff`: the same cases under two rulesets (or two sets
 * of parameters), and every case whose results moved: which sets changed
 * verdict, score, level or tier, and the items that changed value, with a
 * summary of the transitions over the cohort. The impact of a rule change
 * before it ships.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cmd/cases.h"
#include "cmd/report.h"
#include "front/commands.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules diff --rules OLD --rules-new NEW [OPTIONS] [FILE...]\n"
    "       nmsrules diff --results OLD.jsonl NEW.jsonl [--format FORMAT]\n"
    "\n"
    "Evaluates every case of FILE... ('-' or none: standard input; JSON,\n"
    "JSON Lines or JSON arrays as for batch) under the OLD and the NEW\n"
    "ruleset and reports each case whose results changed: the sets whose\n"
    "verdict, score, level or tier moved, and the items that changed value;\n"
    "then a summary of every transition with its number of cases. The text\n"
    "starts with each side's ruleset (name, version, status, digest,\n"
    "directory, overrides), as the JSON's \"old\" and \"new\" do. The same\n"
    "directory twice with --param-new shows what a parameter would change.\n"
    "With --results, compares two result files of earlier runs (batch\n"
    "output in any format but CSV), pairing records by id; the digests and\n"
    "audit fields that differ on every record are not compared.\n"
    "\n"
    "  --rules OLD          the ruleset as it is (default: the installed one)\n"
    "  --rules-new NEW      the ruleset as it would be (default: OLD)\n"
    "  --param NAME=VALUE   a parameter for both (repeatable)\n"
    "  --param-new NAME=VALUE  a parameter for NEW only (repeatable)\n"
    "  --format FORMAT      text (default) or json\n"
    "  --results            the two FILEs are result files, not cases\n"
    "  --as-of TIME         evaluate as of TIME, ignoring later data\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 no case changed, 1 some cases changed, 2 usage or\n"
    "input/output error, 3 a ruleset failed to load.\n";

enum { OPT_RULES_NEW = NMS_OPT_OWN, OPT_PARAM_NEW, OPT_FORMAT, OPT_RESULTS };

static const struct option long_options[] = {
    {"rules-new", required_argument, NULL, OPT_RULES_NEW},
    {"param-new", required_argument, NULL, OPT_PARAM_NEW},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"results", no_argument, NULL, OPT_RESULTS},
    NMS_COMMON_OPTIONS};

/* diff's own options (nms_cli has no room for them). */
static struct {
    const char *rules_new;
    const char *params_new[NMS_CLI_MAX_PARAMS];
    size_t n_params_new;
    int json;
    int results;    /* --results: the operands are two result files */
} opts;

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    (void)cli;
    switch (opt) {
    case OPT_RULES_NEW:
        opts.rules_new = arg;
        return -1;
    case OPT_PARAM_NEW:
        if (nms_cli_param_bad("--param-new", arg))
            return NMS_EXIT_USAGE;
        if (opts.n_params_new == NMS_CLI_MAX_PARAMS) {
            nms_errorf("more than %d --param-new options", NMS_CLI_MAX_PARAMS);
            return NMS_EXIT_USAGE;
        }
        opts.params_new[opts.n_params_new++] = arg;
        return -1;
    case OPT_RESULTS:
        opts.results = 1;
        return -1;
    case OPT_FORMAT:
        if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0) {
            nms_errorf("unknown format '%s' (expected text or json)", arg);
            return NMS_EXIT_USAGE;
        }
        opts.json = strcmp(arg, "json") == 0;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_diff_options = {
    "diff", usage, "h", long_options, apply, NULL};

/* One kind of change over the cohort: set, what moved, from, to. */
struct transition {
    char *set, *what, *from, *to;
    size_t cases;
};

struct diff_run {
    struct nms_engine *old_engine, *new_engine;
    cJSON *cases;               /* the changed cases, as JSON */
    struct transition *moves;
    size_t n_moves;
    size_t evaluated, changed, errors;
    int fatal;
};

/* Counts one case for transition (set, what, from, to). */
static void count_move(struct diff_run *run, const char *set,
                       const char *what, const char *from, const char *to)
{
    struct transition *grown, *t;
    size_t i;

    for (i = 0; i < run->n_moves; i++) {
        t = &run->moves[i];
        if (!strcmp(t->set, set) && !strcmp(t->what, what) &&
            !strcmp(t->from, from) && !strcmp(t->to, to)) {
            t->cases++;
            return;
        }
    }
    grown = realloc(run->moves, (run->n_moves + 1) * sizeof *grown);
    if (!grown) {
        run->fatal = 1;
        return;
    }
    run->moves = grown;
    t = &grown[run->n_moves];
    t->set = strdup(set);
    t->what = strdup(what);
    t->from = strdup(from);
    t->to = strdup(to);
    t->cases = 1;
    run->n_moves++;
    if (!t->set || !t->what || !t->from || !t->to)
        run->fatal = 1;
}

/* Results are compared as the records batch writes (compact), so that a
 * cohort evaluated now and two result files of earlier runs are compared
 * the same way. */

/* The set `id` of a record: criteria.<id>, severity, risk_factors or
 * differential.<id>; NULL when the record has none. */
static const cJSON *record_set(const cJSON *record, const char *id)
{
    const cJSON *s;

    if (strcmp(id, "severity") == 0 || strcmp(id, "risk_factors") == 0)
        return cJSON_GetObjectItemCaseSensitive(record, id);
    s = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(record, "criteria"), id);
    return s ? s : cJSON_GetObjectItemCaseSensitive(
                       cJSON_GetObjectItemCaseSensitive(record, "differential"), id);
}

static const char *string_of(const cJSON *o, const char *key, const char *dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    return cJSON_IsString(v) ? v->valuestring : dflt;
}

/* The set's headline: verdict, or tier for severity. */
static const char *headline(const char *id, const cJSON *set)
{
    if (!set)
        return "absent";
    return string_of(set, strcmp(id, "severity") == 0 ? "tier" : "result", "?");
}

static const char *value_name(const cJSON *item)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, "value");

    return cJSON_IsTrue(v) ? "true" : cJSON_IsFalse(v) ? "false" : "unknown";
}

/* Adds "<key>_from" and "<key>_to" when number `key` differs; 1 if so. */
static int number_moved(cJSON *change, const char *key, const cJSON *a,
                        const cJSON *b)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, key);
    const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, key);
    char name[32];

    if (!cJSON_IsNumber(x) || !cJSON_IsNumber(y) ||
        x->valuedouble == y->valuedouble)
        return 0;
    snprintf(name, sizeof name, "%s_from", key);
    cJSON_AddNumberToObject(change, name, x->valuedouble);
    snprintf(name, sizeof name, "%s_to", key);
    cJSON_AddNumberToObject(change, name, y->valuedouble);
    return 1;
}

/* The items whose value moved, into `items`, counted; 1 if any. */
static int items_moved(struct diff_run *run, cJSON *items, const char *id,
                       const cJSON *a, const cJSON *b)
{
    const cJSON *x, *y;
    int moved = 0;

    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(a, "items")) {
        const char *item = string_of(x, "id", "?");
        cJSON_ArrayForEach(y, cJSON_GetObjectItemCaseSensitive(b, "items")) {
            cJSON *o;
            if (strcmp(string_of(y, "id", ""), item) != 0)
                continue;
            if (strcmp(value_name(x), value_name(y)) == 0)
                break;
            moved = 1;
            o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "id", item);
            cJSON_AddStringToObject(o, "from", value_name(x));
            cJSON_AddStringToObject(o, "to", value_name(y));
            cJSON_AddItemToArray(items, o);
            count_move(run, id, item, value_name(x), value_name(y));
            break;
        }
    }
    return moved;
}

/* Adds to `changes` (a JSON array) what moved in set `id` between a and b
 * (either may be NULL), counting the transitions. */
static void diff_set(struct diff_run *run, cJSON *changes, const char *id,
                     const cJSON *a, const cJSON *b)
{
    int severity = strcmp(id, "severity") == 0, moved = 0;
    const char *la = string_of(a, "level", "none"), *lb = string_of(b, "level", "none");
    cJSON *change = cJSON_CreateObject(), *items = cJSON_CreateArray();

    if (!change || !items) {
        cJSON_Delete(change);
        cJSON_Delete(items);
        run->fatal = 1;
        return;
    }
    cJSON_AddStringToObject(change, "set", id);
    cJSON_AddStringToObject(change, "from", headline(id, a));
    cJSON_AddStringToObject(change, "to", headline(id, b));
    if (strcmp(headline(id, a), headline(id, b)) != 0) {
        moved = 1;
        count_move(run, id, severity ? "tier" : "verdict", headline(id, a),
                   headline(id, b));
    }
    if (a && b && strcmp(string_of(a, "kind", ""), "points") == 0) {
        moved |= number_moved(change, "score", a, b);
        number_moved(change, "threshold", a, b);
    }
    if (a && b && !severity && strcmp(la, lb) != 0) {
        moved = 1;
        cJSON_AddStringToObject(change, "level_from", la);
        cJSON_AddStringToObject(change, "level_to", lb);
        count_move(run, id, "level", la, lb);
    }
    moved |= a && b && items_moved(run, items, id, a, b);
    cJSON_AddItemToObject(change, "items", items);
    if (moved)
        cJSON_AddItemToArray(changes, change);
    else
        cJSON_Delete(change);
}

/* Calls diff_set for every set of `from` in result order, looking it up in
 * `other`; `reverse` lists only the sets `other` lacks, as new ones. */
static void diff_sets_of(struct diff_run *run, cJSON *changes,
                         const cJSON *from, const cJSON *other, int reverse)
{
    static const char *const sections[] = {"criteria", "severity",
                                           "risk_factors", "differential"};
    size_t k;

    for (k = 0; k < 4; k++) {
        const cJSON *sec = cJSON_GetObjectItemCaseSensitive(from, sections[k]);
        const cJSON *set;
        if (!sec)
            continue;
        if (k == 1 || k == 2) {
            if (!reverse || !record_set(other, sections[k]))
                diff_set(run, changes, sections[k], reverse ? NULL : sec,
                         reverse ? sec : record_set(other, sections[k]));
            continue;
        }
        cJSON_ArrayForEach(set, sec) {
            if (!reverse)
                diff_set(run, changes, set->string, set,
                         record_set(other, set->string));
            else if (!record_set(other, set->string))
                diff_set(run, changes, set->string, NULL, set);
        }
    }
}

/* What moved between two result records of one case; a rule or case error
 * on either side is itself a change. */
static cJSON *diff_records(struct diff_run *run, const cJSON *a, const cJSON *b)
{
    const cJSON *ea = cJSON_GetObjectItemCaseSensitive(a, "error");
    const cJSON *eb = cJSON_GetObjectItemCaseSensitive(b, "error");
    cJSON *changes = cJSON_CreateArray();

    if (!changes) {
        run->fatal = 1;
        return NULL;
    }
    if (ea || eb) {
        const char *ma = string_of(ea, "message", "none");
        const char *mb = string_of(eb, "message", "none");
        if (strcmp(ma, mb) != 0) {
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "set", "(error)");
            cJSON_AddStringToObject(e, "from", ma);
            cJSON_AddStringToObject(e, "to", mb);
            cJSON_AddItemToObject(e, "items", cJSON_CreateArray());
            cJSON_AddItemToArray(changes, e);
        }
        return changes;
    }
    diff_sets_of(run, changes, a, b, 0);
    diff_sets_of(run, changes, b, a, 1);
    return changes;
}

static void print_change(const cJSON *ch)
{
    const cJSON *it;
    const char *set = cJSON_GetObjectItem(ch, "set")->valuestring;
    const char *from = cJSON_GetObjectItem(ch, "from")->valuestring;
    const char *to = cJSON_GetObjectItem(ch, "to")->valuestring;
    const cJSON *sf = cJSON_GetObjectItem(ch, "score_from");
    const cJSON *lf = cJSON_GetObjectItem(ch, "level_from");
    const cJSON *tf = cJSON_GetObjectItem(ch, "threshold_from");
    const cJSON *items = cJSON_GetObjectItem(ch, "items");

    printf("  %-26s %s", set, from);
    if (strcmp(from, to) != 0)
        printf(" -> %s", to);
    else if (!sf && !tf && !lf)
        fputs(" (unchanged; the items below changed)", stdout);
    if (sf)
        printf("   score %g -> %g", sf->valuedouble,
               cJSON_GetObjectItem(ch, "score_to")->valuedouble);
    if (tf)
        printf("   threshold %g -> %g", tf->valuedouble,
               cJSON_GetObjectItem(ch, "threshold_to")->valuedouble);
    if (lf)
        printf("   level %s -> %s", lf->valuestring,
               cJSON_GetObjectItem(ch, "level_to")->valuestring);
    putchar('\n');
    cJSON_ArrayForEach(it, items)
        printf("    %-24s %s -> %s\n", cJSON_GetObjectItem(it, "id")->valuestring,
               cJSON_GetObjectItem(it, "from")->valuestring,
               cJSON_GetObjectItem(it, "to")->valuestring);
}

/* Reports one case whose records a and b differ (changes non-empty). */
static void report_case(struct diff_run *run, const char *id,
                        const char *where, cJSON *changes)
{
    cJSON *record = cJSON_CreateObject();
    const cJSON *ch;

    run->changed++;
    if (!record) {
        cJSON_Delete(changes);
        run->fatal = 1;
        return;
    }
    cJSON_AddStringToObject(record, "id", id);
    cJSON_AddStringToObject(record, "source", where);
    cJSON_AddItemToObject(record, "changes", changes);
    if (opts.json) {
        cJSON_AddItemToArray(run->cases, record);
        return;
    }
    printf("case %s (%s)\n", id, where);
    cJSON_ArrayForEach(ch, changes)
        print_change(ch);
    cJSON_Delete(record);
}

/* Compares two records of one case; reports it when something moved. */
static void compare(struct diff_run *run, const cJSON *a, const cJSON *b,
                    const char *where)
{
    cJSON *changes = diff_records(run, a, b);

    if (changes && cJSON_GetArraySize(changes) > 0)
        report_case(run, string_of(a, "id", "?"), where, changes);
    else
        cJSON_Delete(changes);
}

/* The compact record of case c with result r, parsed; NULL on no memory. */
static cJSON *record_of(const struct nms_case *c, const struct nms_result *r,
                        struct nms_engine *e)
{
    char *text = nms_output_json(c, r, nms_engine_ruleset(e), NMS_OUTPUT_COMPACT);
    cJSON *record = text ? cJSON_Parse(text) : NULL;

    free(text);
    return record;
}

static int emit_diff(void *ctx, const struct nms_case *c,
                     const struct nms_result *a)
{
    struct diff_run *run = ctx;
    struct nms_result *b = NULL;
    cJSON *ra = NULL, *rb = NULL;
    char where[512];

    if (!a) {
        run->errors++;
        return 0;
    }
    if (nms_engine_evaluate(run->new_engine, c, &b) != NMS_OK) {
        nms_errorf("%s", nms_engine_errmsg(run->new_engine));
        return -1;
    }
    run->evaluated++;
    ra = record_of(c, a, run->old_engine);
    rb = record_of(c, b, run->new_engine);
    snprintf(where, sizeof where, "%s:%ld", c->source, c->line);
    if (ra && rb)
        compare(run, ra, rb, where);
    else
        run->fatal = 1;
    cJSON_Delete(ra);
    cJSON_Delete(rb);
    nms_result_free(b);
    return run->fatal ? -1 : 0;
}

/* Every record of result file `path`, parsed, in order, as a JSON array
 * whose elements carry "$where" ("file:line", or "file#index" inside an
 * array); NULL after a message. */
static cJSON *read_results(const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    cJSON *all = cJSON_CreateArray();
    int got = 0;

    if (!fp || !all || nms_reader_open(&reader, fp, path) != NMS_OK) {
        nms_errorf("cannot read '%s': %s", path, fp ? "out of memory"
                                                     : strerror(errno));
        goto fail;
    }
    while ((got = nms_reader_next(reader, &rec)) == 1) {
        cJSON *record = rec.error ? NULL : cJSON_ParseWithLength(rec.text, rec.len);
        if (!cJSON_IsObject(record) || !cJSON_IsString(cJSON_GetObjectItem(record, "id"))) {
            nms_errorf("%s:%ld: not a result record with an id", path, rec.line);
            cJSON_Delete(record);
            goto fail;
        }
        {
            char where[512];
            if (rec.line > 0 && !rec.is_array_item)
                snprintf(where, sizeof where, "%s:%ld", path, rec.line);
            else   /* as default case ids name an array's elements */
                snprintf(where, sizeof where, "%s#%ld", path, rec.index);
            cJSON_AddStringToObject(record, "$where", where);
        }
        cJSON_AddItemToArray(all, record);
    }
    if (got < 0) {
        nms_errorf("cannot read '%s': %s", path, strerror(errno));
        goto fail;
    }
    nms_reader_free(reader);
    fclose(fp);
    return all;
fail:
    nms_reader_free(reader);
    if (fp)
        fclose(fp);
    cJSON_Delete(all);
    return NULL;
}

/* A case present in one file only: one change, set "(case)". */
static void only_in(struct diff_run *run, const cJSON *record, const char *side)
{
    cJSON *changes = cJSON_CreateArray(), *e = cJSON_CreateObject();
    const char *where = cJSON_GetObjectItem(record, "$where")->valuestring;

    cJSON_AddStringToObject(e, "set", "(case)");
    cJSON_AddStringToObject(e, "from", strcmp(side, "old") == 0 ? "present" : "absent");
    cJSON_AddStringToObject(e, "to", strcmp(side, "old") == 0 ? "absent" : "present");
    cJSON_AddItemToObject(e, "items", cJSON_CreateArray());
    cJSON_AddItemToArray(changes, e);
    count_move(run, "(case)", "record", strcmp(side, "old") == 0 ? "present" : "absent",
               strcmp(side, "old") == 0 ? "absent" : "present");
    report_case(run, cJSON_GetObjectItem(record, "id")->valuestring, where, changes);
}

/* diff --results OLD NEW: records paired by id, in OLD's order, then the
 * records only NEW has. Returns 0, or -1 after a message. */
static int diff_result_files(struct diff_run *run, const char *old_path,
                             const char *new_path)
{
    cJSON *olds = read_results(old_path), *news = olds ? read_results(new_path) : NULL;
    cJSON *a, *b;

    if (!news) {
        cJSON_Delete(olds);
        return -1;
    }
    cJSON_ArrayForEach(a, olds) {
        const char *id = cJSON_GetObjectItem(a, "id")->valuestring;
        cJSON_ArrayForEach(b, news) {
            if (!cJSON_GetObjectItem(b, "$paired") &&
                strcmp(cJSON_GetObjectItem(b, "id")->valuestring, id) == 0)
                break;
        }
        run->evaluated++;
        if (!b) {
            only_in(run, a, "old");
            continue;
        }
        cJSON_AddTrueToObject(b, "$paired");
        compare(run, a, b, cJSON_GetObjectItem(a, "$where")->valuestring);
    }
    cJSON_ArrayForEach(b, news) {
        if (!cJSON_GetObjectItem(b, "$paired")) {
            run->evaluated++;
            only_in(run, b, "new");
        }
    }
    cJSON_Delete(olds);
    cJSON_Delete(news);
    return run->fatal ? -1 : 0;
}

static void print_summary(const struct diff_run *run)
{
    size_t i;

    printf("%s%zu cases %s, %zu changed, %zu could not be read\n",
           run->changed ? "\n" : "", run->evaluated,
           opts.results ? "compared" : "evaluated under both", run->changed,
           run->errors);
    if (run->n_moves == 0)
        return;
    printf("  %-26s %-24s %-34s %s\n", "set", "what", "from -> to", "cases");
    for (i = 0; i < run->n_moves; i++) {
        char move[128];
        snprintf(move, sizeof move, "%s -> %s", run->moves[i].from,
                 run->moves[i].to);
        printf("  %-26s %-24s %-34s %zu\n", run->moves[i].set,
               run->moves[i].what, move, run->moves[i].cases);
    }
}

/* The text output's first lines: which ruleset (and overrides) each side
 * is, so a diff read later still says what was compared, as every result
 * record does. Two copies of one version differ only here, by digest. */
static void print_side(const char *side, const struct nms_ruleset_info *rs)
{
    printf("%s: ruleset %s %s", side, rs->name, rs->version);
    if (rs->status)
        printf(" (%s)", rs->status);
    printf("  %s  %s\n", rs->digest, rs->dir);
    nms_report_ruleset_more(stdout, rs);
}

/* {name, version, digest, dir, params} of a loaded ruleset. */
static cJSON *ruleset_json(const struct nms_ruleset_info *rs)
{
    cJSON *o = cJSON_CreateObject(), *p = cJSON_CreateArray();
    size_t i;

    cJSON_AddStringToObject(o, "name", rs->name);
    cJSON_AddStringToObject(o, "version", rs->version);
    cJSON_AddStringToObject(o, "digest", rs->digest);
    cJSON_AddStringToObject(o, "dir", rs->dir);
    for (i = 0; i < rs->n_params; i++)
        cJSON_AddItemToArray(p, cJSON_CreateString(rs->params[i]));
    cJSON_AddItemToObject(o, "params", p);
    return o;
}

static int print_json(struct diff_run *run, const char *const *files)
{
    cJSON *doc = cJSON_CreateObject(), *summary = cJSON_CreateObject();
    cJSON *moves = cJSON_CreateArray();
    char *text;
    size_t i;

    if (run->old_engine) {
        cJSON_AddItemToObject(doc, "old", ruleset_json(nms_engine_ruleset(run->old_engine)));
        cJSON_AddItemToObject(doc, "new", ruleset_json(nms_engine_ruleset(run->new_engine)));
    } else {
        cJSON *o = cJSON_CreateObject(), *n = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "file", files[0]);
        cJSON_AddStringToObject(n, "file", files[1]);
        cJSON_AddItemToObject(doc, "old", o);
        cJSON_AddItemToObject(doc, "new", n);
    }
    cJSON_AddItemToObject(doc, "cases", run->cases);
    run->cases = NULL;
    cJSON_AddNumberToObject(summary, "evaluated", (double)run->evaluated);
    cJSON_AddNumberToObject(summary, "changed", (double)run->changed);
    cJSON_AddNumberToObject(summary, "unreadable", (double)run->errors);
    for (i = 0; i < run->n_moves; i++) {
        cJSON *m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "set", run->moves[i].set);
        cJSON_AddStringToObject(m, "what", run->moves[i].what);
        cJSON_AddStringToObject(m, "from", run->moves[i].from);
        cJSON_AddStringToObject(m, "to", run->moves[i].to);
        cJSON_AddNumberToObject(m, "cases", (double)run->moves[i].cases);
        cJSON_AddItemToArray(moves, m);
    }
    cJSON_AddItemToObject(summary, "transitions", moves);
    cJSON_AddItemToObject(doc, "summary", summary);
    text = cJSON_Print(doc);
    cJSON_Delete(doc);
    if (!text)
        return -1;
    puts(text);
    cJSON_free(text);
    return 0;
}

/* The NEW engine: OLD's options with --rules-new and --param-new. */
static int load_new(const struct nms_cli *cli, struct nms_engine **out)
{
    struct nms_cli next = *cli;
    size_t i;

    if (opts.rules_new)
        next.rules_dir = opts.rules_new;
    for (i = 0; i < opts.n_params_new; i++) {
        if (next.n_params == NMS_CLI_MAX_PARAMS) {
            nms_errorf("more than %d parameters in all", NMS_CLI_MAX_PARAMS);
            return NMS_EXIT_USAGE;
        }
        next.params[next.n_params++] = opts.params_new[i];
    }
    return nms_cli_load(&next, out);
}

static void release(struct diff_run *run)
{
    size_t i;

    for (i = 0; i < run->n_moves; i++) {
        free(run->moves[i].set);
        free(run->moves[i].what);
        free(run->moves[i].from);
        free(run->moves[i].to);
    }
    free(run->moves);
    cJSON_Delete(run->cases);
    nms_engine_free(run->old_engine);
    nms_engine_free(run->new_engine);
}

/* The cases of every input evaluated under OLD and NEW. Returns 0, or -1
 * when the run could not go on (a message says why). */
static int diff_cases(struct diff_run *run, struct nms_cli *cli,
                      struct tally *t)
{
    char dash[] = "-", *std_in[] = {dash};
    int status, i, fatal = 0;

    if (!opts.rules_new && opts.n_params_new == 0) {
        nms_errorf("diff needs --rules-new DIR or --param-new NAME=VALUE");
        return nms_cli_try(&nms_diff_options);
    }
    if ((status = nms_cli_load(cli, &run->old_engine)) != 0 ||
        (status = load_new(cli, &run->new_engine)) != 0)
        return status;
    if (!opts.json) {
        print_side("old", nms_engine_ruleset(run->old_engine));
        print_side("new", nms_engine_ruleset(run->new_engine));
        putchar('\n');
    }
    if (cli->n_inputs == 0) {
        cli->inputs = std_in;
        cli->n_inputs = 1;
    }
    for (i = 0; i < cli->n_inputs && !fatal; i++)
        fatal = nms_run_source(cli, run->old_engine, cli->inputs[i], t,
                               emit_diff, run) != 0 || run->fatal;
    if (fatal)
        nms_errorf("out of memory");
    return fatal || t->io_failed ? NMS_EXIT_USAGE : -1;
}

/* diff --results OLD NEW. Returns -1 to go on, else the exit status. */
static int diff_files(struct diff_run *run, const struct nms_cli *cli)
{
    if (cli->n_inputs != 2 || opts.rules_new || opts.n_params_new) {
        nms_errorf("diff --results takes two result files and no rules");
        return nms_cli_try(&nms_diff_options);
    }
    return diff_result_files(run, cli->inputs[0], cli->inputs[1]) == 0
               ? -1
               : NMS_EXIT_USAGE;
}

int nms_cmd_diff(int argc, char **argv)
{
    struct tally t = {0, 0, 0};
    struct diff_run run;
    struct nms_cli cli;
    int status;

    memset(&opts, 0, sizeof opts);
    memset(&run, 0, sizeof run);
    status = nms_cli_parse(&cli, &nms_diff_options, argc, argv);
    if (status >= 0)
        return status;
    if (!(run.cases = cJSON_CreateArray())) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    status = opts.results ? diff_files(&run, &cli) : diff_cases(&run, &cli, &t);
    if (status < 0 && (opts.json ? print_json(&run, (const char *const *)cli.inputs)
                                 : (print_summary(&run), 0)) != 0) {
        nms_errorf("out of memory");
        status = NMS_EXIT_USAGE;
    }
    if (status < 0)
        status = run.changed ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
    release(&run);
    return status;
}
