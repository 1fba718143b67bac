/*
 * test_items.c - nms_engine_set_items: which items a verdicts-only run
 * skips, per set kind, on the test rulesets (tests/data/rules/sections,
 * tri, skip); that the verdicts stay those of a run that asks every item;
 * that a broken check fails the case only when it is asked; and, over
 * every small groups rule and every answer, that the test that skips
 * (nms_aggregate_fixed) is exact.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "lua/eval_int.h"
#include "nms/output.h"
#include "test_helpers.h"

/* Evaluates `json` with engine e asking `items`. */
static struct nms_result *evaluate_items(struct nms_engine *e,
                                         enum nms_items items,
                                         const char *json)
{
    nms_engine_set_items(e, items);
    return evaluate(e, json);
}

/* The set `id` of r, which must be there. */
static const struct nms_set *set_of(const struct nms_result *r, const char *id)
{
    const struct nms_set *set = nms_result_set(r, id);

    assert_null(r->error);
    assert_non_null(set);
    return set;
}

/* The ids of the skipped items of set `id`, joined with ",". */
static const char *skipped(const struct nms_result *r, const char *id)
{
    static char ids[256];
    const struct nms_set *set = set_of(r, id);
    size_t i, len = 0;

    ids[0] = '\0';
    for (i = 0; i < set->n_items; i++)
        if (set->items[i].skipped)
            len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s",
                                    len ? "," : "", set->items[i].id);
    return ids;
}

/* The CSV row of `r` for case `json`, as batch --format csv writes it. */
static char *csv_row(struct nms_engine *e, const char *json,
                     const struct nms_result *r)
{
    struct nms_case *c = case_from(json);
    struct nms_writer *w = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(nms_writer_new(&w, fp, NMS_FORMAT_CSV,
                                    nms_engine_ruleset(e)), NMS_OK);
    assert_int_equal(nms_writer_put(w, c, r), NMS_OK);
    assert_int_equal(nms_writer_finish(w), NMS_OK);
    nms_writer_free(w);
    fclose(fp);
    nms_case_free(c);
    return text;
}

/* One case evaluated both ways with the test ruleset `rules`. */
struct both {
    struct nms_engine *e;
    struct nms_result *all, *needed;
};

static void evaluate_both(struct both *b, const char *rules, const char *json)
{
    b->e = load_test_rules(rules);
    b->all = evaluate_items(b->e, NMS_ITEMS_ALL, json);
    b->needed = evaluate_items(b->e, NMS_ITEMS_NEEDED, json);
}

static void release_both(struct both *b)
{
    nms_result_free(b->all);
    nms_result_free(b->needed);
    nms_engine_free(b->e);
}

/* Evaluates `json` both ways: the CSV rows must be the same bytes; the
 * items skipped of set `id` must be `expect`. */
static void same_csv(const char *rules, const char *json, const char *id,
                     const char *expect)
{
    struct both b;
    char *a, *n;

    evaluate_both(&b, rules, json);
    a = csv_row(b.e, json, b.all);
    n = csv_row(b.e, json, b.needed);
    assert_string_equal(skipped(b.all, id), "");
    assert_string_equal(skipped(b.needed, id), expect);
    assert_string_equal(a, n);
    assert_int_equal(b.all->items, NMS_ITEMS_ALL);
    assert_int_equal(b.needed->items, NMS_ITEMS_NEEDED);
    free(a);
    free(n);
    release_both(&b);
}

/* pair (groups): definite needs both majors, probable one major and two
 * of three minors. */
static void groups_skip_the_items_after_the_level_is_fixed(void **state)
{
    (void)state;
    /* both majors true: definite, the first alternative, whatever else */
    same_csv("sections", "{\"history\": {\"prior_nms\": true, "
             "\"dehydration\": true}}", "pair", "c,d,e");
    /* a false, b false: no alternative can hold */
    same_csv("sections", "{\"history\": {\"prior_nms\": false, "
             "\"dehydration\": false}}", "pair", "c,d,e");
    /* a true, b false, c and d true: probable, e cannot change it */
    same_csv("sections", "{\"history\": {\"prior_nms\": true, "
             "\"dehydration\": false, \"agitation\": true, "
             "\"catatonia\": true}}", "pair", "e");
}

static void groups_ask_every_item_while_the_level_is_open(void **state)
{
    (void)state;
    /* a true, b unknown: definite still open until the end; the minors
     * decide between probable and indeterminate */
    same_csv("sections", "{\"history\": {\"prior_nms\": true, "
             "\"agitation\": true, \"catatonia\": false}}", "pair", "");
    /* a true, b false, c true: probable hangs on d and e */
    same_csv("sections", "{\"history\": {\"prior_nms\": true, "
             "\"dehydration\": false, \"agitation\": true}}", "pair", "");
}

/* A points set's score and possible are CSV columns: every true or
 * unknown item moves them, so none is skipped, met or not. */
static void points_ask_every_item(void **state)
{
    (void)state;
    same_csv("tri", "{\"history\": {\"prior_nms\": true, \"dehydration\": "
             "true, \"agitation\": true}}", "four", "");
    same_csv("tri", "{\"history\": {\"prior_nms\": false, \"dehydration\": "
             "false, \"agitation\": false}}", "four", "");
    same_csv("sections", "{\"history\": {\"prior_nms\": true, "
             "\"restraints\": true}}", "other", "");
}

/* A checklist's count is its column: every item can move it. */
static void checklist_asks_every_item(void **state)
{
    (void)state;
    same_csv("sections", "{\"history\": {\"dehydration\": true}}",
             "risk_factors", "");
    same_csv("sections", "{\"history\": {\"dehydration\": false, "
             "\"agitation\": false}}", "risk_factors", "");
}

/* Severity: not suspected, no tier can be reached, so the severe feature
 * is not asked; suspected, it decides mild or severe. The tier and the
 * actions (they read the tier and the verdicts) are the same. */
static void severity_skips_what_no_tier_needs(void **state)
{
    struct both b;

    (void)state;
    evaluate_both(&b, "sections", "{\"history\": {\"heat_exposure\": false}, "
                                  "\"complications\": {\"seizures\": true}}");
    assert_string_equal(skipped(b.needed, "severity"), "seizures");
    assert_string_equal(nms_set_tier(set_of(b.needed, "severity")), "none");
    assert_string_equal(nms_set_tier(set_of(b.all, "severity")), "none");
    release_both(&b);
    same_csv("sections", "{\"history\": {\"heat_exposure\": true}, "
             "\"complications\": {\"seizures\": true}}", "severity", "");
    same_csv("sections", "{\"history\": {\"heat_exposure\": false}, "
             "\"complications\": {\"seizures\": true}}", "severity",
             "seizures");
}

/* A skipped item is no answer: unknown, no evidence, no missing text, not
 * decided; disagreements (item values) are not looked for. */
static void skipped_items_are_marked_not_answered(void **state)
{
    struct both b;
    struct nms_result *all, *needed;
    const struct nms_item *c;

    (void)state;
    /* pair.c (gamma) true is skipped; other.g (gamma) false: a
     * disagreement when every item is asked */
    evaluate_both(&b, "sections", "{\"history\": {\"prior_nms\": true, "
                                  "\"dehydration\": true, \"agitation\": true, "
                                  "\"restraints\": false}}");
    all = b.all;
    needed = b.needed;
    c = &set_of(needed, "pair")->items[2];
    assert_string_equal(c->id, "c");
    assert_true(c->skipped);
    assert_int_equal(c->value, NMS_TRI_UNKNOWN);
    assert_null(c->evidence);
    assert_null(c->missing);
    assert_false(c->decided);
    assert_false(set_of(all, "pair")->items[2].skipped);
    assert_int_equal(set_of(all, "pair")->items[2].value, NMS_TRI_TRUE);
    assert_true(all->n_disagreements > 0);
    assert_int_equal(needed->n_disagreements, 0);
    assert_false(nms_result_equal(all, needed));
    release_both(&b);
}

/* The writers that print items refuse a result that skipped some; CSV
 * writes it. */
static void item_writers_refuse_a_verdicts_only_result(void **state)
{
    struct nms_engine *e = load_test_rules("sections");
    const char *json = "{\"history\": {\"prior_nms\": true, "
                       "\"dehydration\": true}}";
    struct nms_result *r = evaluate_items(e, NMS_ITEMS_NEEDED, json);
    struct nms_case *c = case_from(json);
    static const enum nms_format formats[] = {
        NMS_FORMAT_JSONL, NMS_FORMAT_JSON, NMS_FORMAT_ITEMS_CSV};
    struct nms_writer *w;
    char *text = NULL;
    size_t len = 0, i;
    long at;
    FILE *fp;

    (void)state;
    for (i = 0; i < sizeof formats / sizeof *formats; i++) {
        fp = open_memstream(&text, &len);
        assert_int_equal(nms_writer_new(&w, fp, formats[i],
                                        nms_engine_ruleset(e)), NMS_OK);
        fflush(fp);
        at = ftell(fp);   /* after a JSON array's "[" */
        assert_int_equal(nms_writer_put(w, c, r), NMS_EINVAL);
        fflush(fp);
        assert_int_equal(ftell(fp), at);   /* nothing written */
        nms_writer_free(w);
        fclose(fp);
        free(text);
        text = NULL;
    }
    assert_null(nms_output_json(c, r, nms_engine_ruleset(e), 0));
    fp = fopen("/dev/null", "w");
    assert_int_equal(nms_output_write(fp, c, r, nms_engine_ruleset(e), 0),
                     NMS_EINVAL);
    fclose(fp);
    text = csv_row(e, json, r);
    assert_non_null(strstr(text, "met,definite"));
    free(text);
    nms_case_free(c);
    nms_result_free(r);
    nms_engine_free(e);
}

/* gate: met when prior_nms and the broken check are both true. */
static void a_broken_check_fails_the_case_only_when_asked(void **state)
{
    struct nms_engine *e = load_test_rules("skip");
    const char *fixed = "{\"history\": {\"prior_nms\": false}}";
    const char *open = "{\"history\": {\"prior_nms\": true}}";
    struct nms_result *r;

    (void)state;
    r = evaluate_items(e, NMS_ITEMS_ALL, fixed);
    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "gate.broken");
    nms_result_free(r);
    /* not met whatever it says: not asked, the case does not fail */
    r = evaluate_items(e, NMS_ITEMS_NEEDED, fixed);
    assert_null(r->error);
    assert_int_equal(set_of(r, "gate")->result, NMS_VERDICT_NOT_MET);
    assert_string_equal(skipped(r, "gate"), "broken,exposed");
    nms_result_free(r);
    /* the verdict hangs on it: asked, it fails the case as before */
    r = evaluate_items(e, NMS_ITEMS_NEEDED, open);
    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "gate.broken");
    nms_result_free(r);
    nms_engine_free(e);
}

static void items_names(void **state)
{
    enum nms_items which = NMS_ITEMS_NEEDED;

    (void)state;
    assert_string_equal(nms_items_name(NMS_ITEMS_ALL), "all");
    assert_string_equal(nms_items_name(NMS_ITEMS_NEEDED), "needed");
    assert_int_equal(nms_items_parse("all", &which), 0);
    assert_int_equal(which, NMS_ITEMS_ALL);
    assert_int_equal(nms_items_parse("needed", &which), 0);
    assert_int_equal(which, NMS_ITEMS_NEEDED);
    assert_int_equal(nms_items_parse("some", &which), -1);
    assert_int_equal(which, NMS_ITEMS_NEEDED);
}

/* ------------------------------------------------------------------------
 * The skip test itself, exhaustively on small sets
 * --------------------------------------------------------------------- */

#define MAX_ITEMS 5

/* What a verdicts-only reader sees of an aggregated set. */
struct seen {
    enum nms_verdict result;
    char level[16];
    double score, possible;
};

/* A set of `def` with values `v` (the first n), aggregated. */
static void aggregate(lua_State *L, const struct nms_set_def *def,
                      const enum nms_tri *v, struct seen *out)
{
    struct nms_group groups[2] = {{0}};
    struct nms_item items[MAX_ITEMS];
    struct nms_set set;
    size_t i;

    memset(&set, 0, sizeof set);
    memset(items, 0, sizeof items);
    set.kind = def->kind;
    set.threshold = def->threshold;
    set.items = items;
    set.n_items = def->n_items;
    set.groups = groups;
    set.n_groups = def->n_groups;
    for (i = 0; i < def->n_items; i++) {
        items[i].value = v[i];
        items[i].points = def->items[i].points;
    }
    nms_aggregate_set(L, def, &set);
    out->result = set.result;
    snprintf(out->level, sizeof out->level, "%s", set.level ? set.level : "");
    out->score = set.score;
    out->possible = set.possible;
    for (i = 0; i < set.n_could_be; i++)
        free(set.could_be[i]);
    free(set.could_be);
    free(set.reasons);
    free(set.level);
}

static int same_seen(const struct seen *a, const struct seen *b)
{
    return a->result == b->result && strcmp(a->level, b->level) == 0 &&
           a->score == b->score && a->possible == b->possible;
}

static const enum nms_tri tri[3] = {NMS_TRI_FALSE, NMS_TRI_UNKNOWN,
                                    NMS_TRI_TRUE};

/* Whether every completion of the first k values of v gives the same. */
static int all_completions_agree(lua_State *L, const struct nms_set_def *def,
                                 const enum nms_tri *v, size_t k)
{
    enum nms_tri w[MAX_ITEMS];
    struct seen first, other;
    size_t rest = def->n_items - k, i, code, n = 1;

    for (i = 0; i < rest; i++)
        n *= 3;
    memcpy(w, v, k * sizeof *w);
    for (code = 0; code < n; code++) {
        size_t c = code;
        for (i = k; i < def->n_items; i++, c /= 3)
            w[i] = tri[c % 3];
        aggregate(L, def, w, code ? &other : &first);
        if (code && !same_seen(&first, &other))
            return 0;
    }
    return 1;
}

/* For every prefix of every answer vector: fixed exactly when no
 * completion of the prefix can change what a verdicts-only reader sees. */
static size_t check_exact(lua_State *L, const struct nms_set_def *def)
{
    enum nms_tri v[MAX_ITEMS];
    struct nms_item items[MAX_ITEMS];
    struct nms_group groups[2] = {{0}};
    struct nms_set set;
    size_t code, n = 1, i, k, fixed = 0;

    for (i = 0; i < def->n_items; i++)
        n *= 3;
    memset(&set, 0, sizeof set);
    memset(items, 0, sizeof items);
    set.kind = def->kind;
    set.threshold = def->threshold;
    set.items = items;
    set.groups = groups;
    set.n_groups = def->n_groups;
    for (i = 0; i < def->n_items; i++)
        items[i].points = def->items[i].points;
    for (code = 0; code < n; code++) {
        size_t c = code;
        for (i = 0; i < def->n_items; i++, c /= 3)
            items[i].value = v[i] = tri[c % 3];
        for (k = 0; k <= def->n_items; k++) {
            int is_fixed = nms_aggregate_fixed(def, &set, k);
            if (is_fixed != all_completions_agree(L, def, v, k))
                fail_msg("prefix %zu of answer vector %zu: fixed %d", k,
                         code, is_fixed);
            fixed += (size_t)is_fixed;
        }
    }
    return fixed;
}

/* Every groups rule over two groups (of up to three items each) with one
 * or two alternatives, each needing a count of 0..size from each group. */
static void fixed_is_exact_for_groups(void **state)
{
    static const size_t layout[][MAX_ITEMS] = {
        {0, 1, 0}, {0, 0, 1, 1}, {1, 0, 1, 0, 1}};
    static const size_t n_items[] = {3, 4, 5};
    lua_State *L = luaL_newstate();
    size_t l, a0, a1, b0, b1, tested = 0, fixed = 0;

    (void)state;
    assert_non_null(L);
    for (l = 0; l < 3; l++) {
        struct nms_item_def items[MAX_ITEMS];
        struct nms_group_def gdefs[2] = {{"g0", "G0", 0}, {"g1", "G1", 0}};
        struct nms_need needs[2][2];
        char high[] = "high", low[] = "low";
        struct nms_alternative alts[2] = {{high, needs[0], 2},
                                          {low, needs[1], 2}};
        struct nms_set_def def;
        size_t i;

        memset(items, 0, sizeof items);
        memset(&def, 0, sizeof def);
        for (i = 0; i < n_items[l]; i++) {
            items[i].group = layout[l][i];
            gdefs[layout[l][i]].size++;
        }
        def.kind = NMS_KIND_GROUPS;
        def.items = items;
        def.n_items = n_items[l];
        def.groups = gdefs;
        def.n_groups = 2;
        def.alts = alts;
        for (a0 = 0; a0 <= gdefs[0].size; a0++)
            for (a1 = 0; a1 <= gdefs[1].size; a1++)
                for (b0 = 0; b0 <= gdefs[0].size; b0++)
                    for (b1 = 0; b1 <= gdefs[1].size; b1++) {
                        needs[0][0] = (struct nms_need){0, a0};
                        needs[0][1] = (struct nms_need){1, a1};
                        needs[1][0] = (struct nms_need){0, b0};
                        needs[1][1] = (struct nms_need){1, b1};
                        def.n_alts = 1 + (b0 + b1 > 0);
                        fixed += check_exact(L, &def);
                        tested++;
                    }
    }
    assert_true(tested > 100);
    assert_true(fixed > 0);   /* the skip happens, not only the refusals */
    lua_close(L);
}

/* Points and checklists: exact too (their columns move with every item
 * that has points or counts, so they are fixed only at the end). */
static void fixed_is_exact_for_points_and_checklists(void **state)
{
    lua_State *L = luaL_newstate();
    struct nms_item_def items[4];
    struct nms_set_def def;
    size_t t;

    (void)state;
    memset(items, 0, sizeof items);
    memset(&def, 0, sizeof def);
    items[0].points = 10;
    items[1].points = 20;
    items[2].points = 30;
    items[3].points = 40;
    def.items = items;
    def.n_items = 4;
    def.kind = NMS_KIND_POINTS;
    for (t = 0; t <= 110; t += 10) {
        def.threshold = (double)t;
        check_exact(L, &def);
    }
    def.kind = NMS_KIND_CHECKLIST;
    check_exact(L, &def);
    lua_close(L);
}

/* Points that are not >= 0 are not monotone: +1 and -1 left give the same
 * score all true as all false, but one true and one false does not. The
 * test must not call that fixed. */
static void fixed_refuses_what_it_cannot_prove_monotone(void **state)
{
    struct nms_item_def defs[3];
    struct nms_item items[3];
    struct nms_set_def def;
    struct nms_set set;

    (void)state;
    memset(defs, 0, sizeof defs);
    memset(items, 0, sizeof items);
    memset(&def, 0, sizeof def);
    memset(&set, 0, sizeof set);
    defs[0].points = 5;
    defs[1].points = 1;
    defs[2].points = -1;
    def.kind = NMS_KIND_POINTS;
    def.items = defs;
    def.n_items = 3;
    def.threshold = 6;
    set.kind = NMS_KIND_POINTS;
    set.threshold = 6;
    set.items = items;
    set.n_items = 3;
    items[0].value = NMS_TRI_TRUE;
    items[0].points = 5;
    items[1].points = 1;
    items[2].points = -1;
    /* all true: 5, possible 5; all false: 5, possible 5; yet 1 true and
     * -1 false: 6, met */
    assert_false(nms_aggregate_fixed(&def, &set, 1));
    items[2].points = NAN;   /* not a number: no order at all */
    items[1].points = 0;
    assert_false(nms_aggregate_fixed(&def, &set, 1));
    items[2].points = -0.0;  /* >= 0: zero points change nothing */
    assert_true(nms_aggregate_fixed(&def, &set, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_skip_the_items_after_the_level_is_fixed),
        cmocka_unit_test(groups_ask_every_item_while_the_level_is_open),
        cmocka_unit_test(points_ask_every_item),
        cmocka_unit_test(checklist_asks_every_item),
        cmocka_unit_test(severity_skips_what_no_tier_needs),
        cmocka_unit_test(skipped_items_are_marked_not_answered),
        cmocka_unit_test(item_writers_refuse_a_verdicts_only_result),
        cmocka_unit_test(a_broken_check_fails_the_case_only_when_asked),
        cmocka_unit_test(items_names),
        cmocka_unit_test(fixed_is_exact_for_groups),
        cmocka_unit_test(fixed_is_exact_for_points_and_checklists),
        cmocka_unit_test(fixed_refuses_what_it_cannot_prove_monotone),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
