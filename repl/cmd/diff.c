/*
 * diff.c - `nmsrules diff`: the same cases under two rulesets (or two sets
 * of parameters), and every case whose results moved: which sets changed
 * verdict, score, level or tier, and the items that changed value, with a
 * summary of the transitions over the cohort. The impact of a rule change
 * before it ships.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cmd/cases.h"
#include "front/commands.h"
#include "front/msg.h"

static const char usage[] =
    "usage: nmsrules diff --rules OLD --rules-new NEW [OPTIONS] [FILE...]\n"
    "\n"
    "Evaluates every case of FILE... ('-' or none: standard input; JSON,\n"
    "JSON Lines or JSON arrays as for batch) under the OLD and the NEW\n"
    "ruleset and reports each case whose results changed: the sets whose\n"
    "verdict, score, level or tier moved, and the items that changed value;\n"
    "then a summary of every transition with its number of cases. The same\n"
    "directory twice with --param-new shows what a parameter would change.\n"
    "\n"
    "  --rules OLD          the ruleset as it is (default: the installed one)\n"
    "  --rules-new NEW      the ruleset as it would be (default: OLD)\n"
    "  --param NAME=VALUE   a parameter for both (repeatable)\n"
    "  --param-new NAME=VALUE  a parameter for NEW only (repeatable)\n"
    "  --format FORMAT      text (default) or json\n"
    "  --as-of TIME         evaluate as of TIME, ignoring later data\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 no case changed, 1 some cases changed, 2 usage or\n"
    "input/output error, 3 a ruleset failed to load.\n";

enum { OPT_RULES_NEW = NMS_OPT_OWN, OPT_PARAM_NEW, OPT_FORMAT };

static const struct option long_options[] = {
    {"rules-new", required_argument, NULL, OPT_RULES_NEW},
    {"param-new", required_argument, NULL, OPT_PARAM_NEW},
    {"format", required_argument, NULL, OPT_FORMAT},
    NMS_COMMON_OPTIONS};

/* diff's own options (nms_cli has no room for them). */
static struct {
    const char *rules_new;
    const char *params_new[NMS_CLI_MAX_PARAMS];
    size_t n_params_new;
    int json;
} opts;

static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    (void)cli;
    switch (opt) {
    case OPT_RULES_NEW:
        opts.rules_new = arg;
        return -1;
    case OPT_PARAM_NEW:
        if (opts.n_params_new == NMS_CLI_MAX_PARAMS) {
            nms_errorf("more than %d --param-new options", NMS_CLI_MAX_PARAMS);
            return NMS_EXIT_USAGE;
        }
        opts.params_new[opts.n_params_new++] = arg;
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
    "diff", usage, "h", long_options, apply};

/* One kind of change over the cohort: set, what moved, from, to. */
struct transition {
    char *set, *what, *from, *to;
    size_t cases;
};

struct diff_run {
    struct nms_engine *new_engine;
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

static const char *tri_name(enum nms_tri v)
{
    return v == NMS_TRI_TRUE ? "true" : v == NMS_TRI_FALSE ? "false" : "unknown";
}

/* The set's headline: verdict, or tier for severity. */
static const char *headline(const struct nms_set *s)
{
    if (!s)
        return "absent";
    if (s->section == NMS_SECTION_SEVERITY)
        return nms_set_tier(s);
    return nms_verdict_name(s->result);
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Adds to `changes` (a JSON array) what moved in set `id` between a and b
 * (either may be NULL), counting the transitions. */
static void diff_set(struct diff_run *run, cJSON *changes, const char *id,
                     const struct nms_set *a, const struct nms_set *b)
{
    cJSON *change, *items;
    size_t i;
    int moved = 0;
    char from[64], to[64];

    if (!(change = cJSON_CreateObject()) || !(items = cJSON_CreateArray())) {
        cJSON_Delete(change);
        run->fatal = 1;
        return;
    }
    cJSON_AddStringToObject(change, "set", id);
    if (strcmp(headline(a), headline(b)) != 0) {
        moved = 1;
        count_move(run, id, a && a->section == NMS_SECTION_SEVERITY ? "tier" : "verdict",
                   headline(a), headline(b));
    }
    cJSON_AddStringToObject(change, "from", headline(a));
    cJSON_AddStringToObject(change, "to", headline(b));
    if (a && b && a->kind == NMS_KIND_POINTS && a->score != b->score) {
        moved = 1;
        cJSON_AddNumberToObject(change, "score_from", a->score);
        cJSON_AddNumberToObject(change, "score_to", b->score);
    }
    if (a && b && a->kind == NMS_KIND_POINTS && a->threshold != b->threshold) {
        cJSON_AddNumberToObject(change, "threshold_from", a->threshold);
        cJSON_AddNumberToObject(change, "threshold_to", b->threshold);
    }
    if (a && b && a->section != NMS_SECTION_SEVERITY && !same_text(a->level, b->level)) {
        moved = 1;
        cJSON_AddStringToObject(change, "level_from", a->level ? a->level : "none");
        cJSON_AddStringToObject(change, "level_to", b->level ? b->level : "none");
        count_move(run, id, "level", a->level ? a->level : "none",
                   b->level ? b->level : "none");
    }
    for (i = 0; a && b && i < a->n_items && i < b->n_items; i++) {
        cJSON *item;
        if (strcmp(a->items[i].id, b->items[i].id) == 0 &&
            a->items[i].value == b->items[i].value)
            continue;
        moved = 1;
        item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", b->items[i].id);
        cJSON_AddStringToObject(item, "from", tri_name(a->items[i].value));
        cJSON_AddStringToObject(item, "to", tri_name(b->items[i].value));
        cJSON_AddItemToArray(items, item);
        snprintf(from, sizeof from, "%s", tri_name(a->items[i].value));
        snprintf(to, sizeof to, "%s", tri_name(b->items[i].value));
        count_move(run, id, b->items[i].id, from, to);
    }
    cJSON_AddItemToObject(change, "items", items);
    if (moved)
        cJSON_AddItemToArray(changes, change);
    else
        cJSON_Delete(change);
}

/* Every set of either result, compared by id. */
static cJSON *diff_results(struct diff_run *run, const struct nms_result *a,
                           const struct nms_result *b)
{
    cJSON *changes = cJSON_CreateArray();
    size_t i;

    if (!changes) {
        run->fatal = 1;
        return NULL;
    }
    for (i = 0; i < a->n_sets; i++)
        diff_set(run, changes, a->sets[i].id, &a->sets[i],
                 nms_result_set(b, a->sets[i].id));
    for (i = 0; i < b->n_sets; i++)
        if (!nms_result_set(a, b->sets[i].id))
            diff_set(run, changes, b->sets[i].id, NULL, &b->sets[i]);
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

/* A rule error on either side is itself a change worth showing. */
static const char *error_text(const struct nms_result *r)
{
    return r->error ? r->error->message : NULL;
}

static int emit_diff(void *ctx, const struct nms_case *c,
                     const struct nms_result *a)
{
    struct diff_run *run = ctx;
    struct nms_result *b = NULL;
    cJSON *changes = NULL, *record;
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
    if (!same_text(error_text(a), error_text(b)) || !a->error) {
        changes = a->error || b->error ? cJSON_CreateArray() : diff_results(run, a, b);
        if (changes && (a->error || b->error)) {
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "set", "(rule error)");
            cJSON_AddStringToObject(e, "from", a->error ? a->error->message : "none");
            cJSON_AddStringToObject(e, "to", b->error ? b->error->message : "none");
            cJSON_AddItemToObject(e, "items", cJSON_CreateArray());
            cJSON_AddItemToArray(changes, e);
        }
    }
    if (changes && cJSON_GetArraySize(changes) > 0) {
        run->changed++;
        snprintf(where, sizeof where, "%s:%ld", c->source, c->line);
        record = cJSON_CreateObject();
        cJSON_AddStringToObject(record, "id", c->id ? c->id : "");
        cJSON_AddStringToObject(record, "source", where);
        cJSON_AddItemToObject(record, "changes", changes);
        changes = NULL;
        if (!opts.json) {
            const cJSON *ch;
            printf("case %s (%s)\n", c->id ? c->id : "", where);
            cJSON_ArrayForEach(ch, cJSON_GetObjectItem(record, "changes"))
                print_change(ch);
            cJSON_Delete(record);
        } else {
            cJSON_AddItemToArray(run->cases, record);
        }
    }
    cJSON_Delete(changes);
    nms_result_free(b);
    return run->fatal ? -1 : 0;
}

static void print_summary(const struct diff_run *run)
{
    size_t i;

    printf("%s%zu cases evaluated under both, %zu changed, %zu could not be "
           "read\n", run->changed ? "\n" : "", run->evaluated, run->changed,
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

static int print_json(struct diff_run *run, struct nms_engine *old_engine)
{
    cJSON *doc = cJSON_CreateObject(), *summary = cJSON_CreateObject();
    cJSON *moves = cJSON_CreateArray();
    char *text;
    size_t i;

    cJSON_AddItemToObject(doc, "old", ruleset_json(nms_engine_ruleset(old_engine)));
    cJSON_AddItemToObject(doc, "new", ruleset_json(nms_engine_ruleset(run->new_engine)));
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
    nms_engine_free(run->new_engine);
}

int nms_cmd_diff(int argc, char **argv)
{
    struct nms_engine *old_engine = NULL;
    struct tally t = {0, 0, 0};
    struct diff_run run;
    struct nms_cli cli;
    char dash[] = "-", *std_in[] = {dash};
    int status, i, fatal = 0;

    memset(&opts, 0, sizeof opts);
    memset(&run, 0, sizeof run);
    status = nms_cli_parse(&cli, &nms_diff_options, argc, argv);
    if (status >= 0)
        return status;
    if (!opts.rules_new && opts.n_params_new == 0) {
        nms_errorf("diff needs --rules-new DIR or --param-new NAME=VALUE");
        return nms_cli_try(&nms_diff_options);
    }
    if ((status = nms_cli_load(&cli, &old_engine)) != 0)
        return status;
    if ((status = load_new(&cli, &run.new_engine)) != 0 ||
        !(run.cases = cJSON_CreateArray())) {
        nms_engine_free(old_engine);
        release(&run);
        return status ? status : NMS_EXIT_USAGE;
    }
    if (cli.n_inputs == 0) {
        cli.inputs = std_in;
        cli.n_inputs = 1;
    }
    for (i = 0; i < cli.n_inputs && !fatal; i++)
        fatal = nms_run_source(&cli, old_engine, cli.inputs[i], &t, emit_diff,
                               &run) != 0 || run.fatal;
    if (!fatal && (opts.json ? print_json(&run, old_engine) : (print_summary(&run), 0)) != 0)
        fatal = 1;
    if (fatal)
        nms_errorf("out of memory");
    status = fatal || t.io_failed ? NMS_EXIT_USAGE
             : run.changed       ? NMS_EXIT_CASE_ERRORS
                                 : NMS_EXIT_OK;
    release(&run);
    nms_engine_free(old_engine);
    return status;
}
