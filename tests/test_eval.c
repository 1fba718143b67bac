/*
 * test_eval.c - the engine's three-valued aggregation, parameters and
 * ruleset validation, using the test rulesets in tests/data/rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nms/output.h"
#include "test_helpers.h"

static const struct nms_set *four(const struct nms_result *r)
{
    assert_null(r->error);
    assert_int_equal(r->n_sets, 1);
    assert_string_equal(r->sets[0].id, "four");
    return &r->sets[0];
}

/* Items a..d are worth 10, 20, 30 and 40 points; the threshold is 50. */
static void check(const char *history, enum nms_verdict verdict,
                  double score, double possible)
{
    struct nms_engine *e = load_test_rules("tri");
    char json[512];
    struct nms_result *r;
    const struct nms_set *crit;

    snprintf(json, sizeof json, "{\"history\": %s}", history);
    r = evaluate(e, json);
    crit = four(r);
    assert_string_equal(nms_verdict_name(crit->result),
                        nms_verdict_name(verdict));
    assert_true(crit->score == score);
    assert_true(crit->possible == possible);
    nms_result_free(r);
    nms_engine_free(e);
}

static void eval_all_unknown_is_indeterminate(void **state)
{
    (void)state;
    check("{}", NMS_VERDICT_INDETERMINATE, 0, 100);
}

static void eval_score_reaching_threshold_is_met(void **state)
{
    (void)state;
    check("{\"dehydration\": true, \"agitation\": true}", NMS_VERDICT_MET,
          50, 100);
}

static void eval_score_below_threshold_with_room_is_indeterminate(void **state)
{
    (void)state;
    check("{\"prior_nms\": true, \"dehydration\": true}",
          NMS_VERDICT_INDETERMINATE, 30, 100);
}

static void eval_possible_below_threshold_is_not_met(void **state)
{
    (void)state;
    check("{\"catatonia\": false, \"agitation\": false}",
          NMS_VERDICT_NOT_MET, 0, 30);
}

static void eval_possible_equal_to_threshold_stays_indeterminate(void **state)
{
    (void)state;
    check("{\"catatonia\": false, \"prior_nms\": false, \"agitation\": true}",
          NMS_VERDICT_INDETERMINATE, 30, 50);
}

static void eval_all_false_is_not_met(void **state)
{
    (void)state;
    check("{\"prior_nms\": false, \"dehydration\": false, \"agitation\": false,"
          " \"catatonia\": false}", NMS_VERDICT_NOT_MET, 0, 0);
}

static void eval_items_carry_value_evidence_and_missing(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    struct nms_result *r =
        evaluate(e, "{\"history\": {\"prior_nms\": true, \"agitation\": false}}");
    const struct nms_set *crit = four(r);

    (void)state;
    assert_int_equal(crit->n_items, 4);
    assert_int_equal(crit->items[0].value, NMS_TRI_TRUE);
    assert_string_equal(crit->items[0].evidence, "history.prior_nms is true");
    assert_null(crit->items[0].missing);
    assert_int_equal(crit->items[1].value, NMS_TRI_UNKNOWN);
    assert_string_equal(crit->items[1].missing, "history.dehydration");
    assert_int_equal(crit->items[2].value, NMS_TRI_FALSE);
    assert_null(crit->items[2].missing);
    /* a check's own third return value is more specific than `needs` */
    assert_string_equal(crit->items[3].missing, "a catatonia assessment");
    nms_result_free(r);
    nms_engine_free(e);
}

/* Which items decided the verdict (core/lua/decide.c), on "tri": items
 * prior 10, dehydration 20, agitation 30, catatonia 40 points, threshold
 * 50. `want` is one 0/1 per item. */
static void check_decided(const char *history, const char *want)
{
    struct nms_engine *e = load_test_rules("tri");
    char json[512];
    struct nms_result *r;
    const struct nms_set *crit;
    size_t i;

    snprintf(json, sizeof json, "{\"history\": %s}", history);
    r = evaluate(e, json);
    crit = four(r);
    for (i = 0; i < crit->n_items; i++)
        assert_int_equal(crit->items[i].decided, want[i] == '1');
    nms_result_free(r);
    nms_engine_free(e);
}

static void decided_met_is_the_true_items_counted(void **state)
{
    (void)state;
    check_decided("{\"dehydration\": true, \"agitation\": true}", "0110");
}

static void decided_not_met_is_the_false_items_it_rests_on(void **state)
{
    (void)state;
    /* possible 30: catatonia (40) or agitation (30) unknown would reach 50 */
    check_decided("{\"catatonia\": false, \"agitation\": false}", "0011");
    /* possible 0: no single item could have left it open */
    check_decided("{\"prior_nms\": false, \"dehydration\": false, "
                  "\"agitation\": false, \"catatonia\": false}", "0000");
}

static void decided_indeterminate_is_the_unknown_items(void **state)
{
    (void)state;
    check_decided("{\"prior_nms\": true, \"dehydration\": true}", "0011");
}

/* A case of the "tri" rules with items true, false and unknown. */
static const char three_values[] =
    "{\"history\": {\"dehydration\": true, \"agitation\": true, "
    "\"catatonia\": false}}";

/* The same case at each evidence level: values and missing alike; none
 * has no evidence, decisive only the decided items' (as all has it). */
static void evidence_levels_change_only_evidence(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    struct nms_result *all, *none, *decisive;
    size_t i;

    (void)state;
    all = evaluate(e, three_values);
    nms_engine_set_evidence(e, NMS_EVIDENCE_NONE);
    none = evaluate(e, three_values);
    nms_engine_set_evidence(e, NMS_EVIDENCE_DECISIVE);
    decisive = evaluate(e, three_values);
    for (i = 0; i < four(all)->n_items; i++) {
        const struct nms_item *a = &all->sets[0].items[i];
        const struct nms_item *n = &none->sets[0].items[i];
        const struct nms_item *d = &decisive->sets[0].items[i];
        assert_int_equal(a->value, n->value);
        assert_int_equal(a->value, d->value);
        assert_int_equal(a->decided, d->decided);
        assert_true((a->missing == NULL) == (n->missing == NULL));
        assert_string_equal(n->evidence, "");
        assert_true(a->evidence[0] != '\0');
        assert_string_equal(d->evidence, a->decided ? a->evidence : "");
    }
    assert_int_equal(four(none)->result, four(all)->result);
    nms_result_free(all);
    nms_result_free(none);
    nms_result_free(decisive);
    nms_engine_free(e);
}

/* The evidence of the items asked quietly (none, and decisive's items
 * that decided nothing) is one string shared by every result (eval.c):
 * it reads "" in results that outlive their engine, and freeing them,
 * in any order, and replacing it with a decided item's text
 * (decisive) free only what the result owns (a free of the shared
 * string aborts, or fails under ASan and valgrind). */
static void quiet_evidence_outlives_the_engine(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    struct nms_result *none, *again, *decisive;
    size_t i, explained = 0;

    (void)state;
    nms_engine_set_evidence(e, NMS_EVIDENCE_NONE);
    none = evaluate(e, three_values);
    again = evaluate(e, three_values);
    nms_engine_set_evidence(e, NMS_EVIDENCE_DECISIVE);
    decisive = evaluate(e, three_values);
    nms_engine_free(e);
    for (i = 0; i < four(none)->n_items; i++) {
        const struct nms_item *d = &decisive->sets[0].items[i];
        assert_string_equal(none->sets[0].items[i].evidence, "");
        assert_string_equal(again->sets[0].items[i].evidence, "");
        assert_non_null(d->evidence);
        if (d->decided && d->value != NMS_TRI_UNKNOWN) {
            assert_true(d->evidence[0] != '\0');
            explained++;
        } else {
            assert_string_equal(d->evidence, "");
        }
    }
    assert_true(explained > 0 && explained < four(decisive)->n_items);
    nms_result_free(none);
    nms_result_free(decisive);
    assert_string_equal(again->sets[0].items[0].evidence, "");
    nms_result_free(again);
}

/* An item's `needs` is the ruleset's text, which a result holds (result.h):
 * the compact record compares it with the missing text after the engine
 * that made the result is gone (ASan sees a freed copy read). */
static void item_needs_outlives_the_engine(void **state)
{
    struct nms_engine *e = load_test_rules("sections");
    struct nms_result *r = evaluate(e, "{\"history\": {\"agitation\": true}}");
    struct nms_case *c = case_from("{}");
    const struct nms_set *other;
    char *out;

    (void)state;
    nms_engine_free(e);
    other = nms_result_set(r, "other");
    assert_non_null(other);
    assert_int_equal(other->items[0].value, NMS_TRI_UNKNOWN);
    assert_string_equal(other->items[0].needs, "history.prior_nms");
    assert_string_equal(other->items[0].missing, "history.prior_nms");
    out = nms_output_json(c, r, NULL, NMS_OUTPUT_RECORD);
    assert_non_null(out);
    assert_non_null(strstr(out, "\"decided\":{\"f\":null,\"g\":null}"));
    free(out);
    nms_case_free(c);
    nms_result_free(r);
}

/* The checks of a case all run under one message handler, pushed for the
 * case (eval.c): a check failing after others answered names its rule,
 * and the file and line that raised, as a first check's failure does;
 * the next case on the engine runs as if none had failed. */
static void a_later_check_failing_names_its_line(void **state)
{
    struct nms_engine *e = load_test_rules("late");
    struct nms_result *r;

    (void)state;
    r = evaluate(e, "{\"history\": {\"agitation\": true}}");
    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "late.third");
    assert_non_null(strstr(r->error->file, "late/late.lua"));
    assert_int_equal(r->error->line, 11);   /* the error(), not the item */
    assert_non_null(strstr(r->error->message, "late failure"));
    assert_int_equal(r->n_sets, 0);
    nms_result_free(r);
    r = evaluate(e, "{}");
    assert_null(r->error);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_TRUE);
    assert_int_equal(r->sets[0].items[2].value, NMS_TRI_UNKNOWN);
    nms_result_free(r);
    nms_engine_free(e);
}

/* A check that answers otherwise when asked again for its evidence fails
 * the case (it depends on more than the case); at all or none it is asked
 * once. */
static void decisive_refuses_a_check_that_changes_its_answer(void **state)
{
    struct nms_engine *e = load_test_rules("flip");
    struct nms_result *r;

    (void)state;
    nms_engine_set_evidence(e, NMS_EVIDENCE_DECISIVE);
    r = evaluate(e, "{}");
    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "flip.flip");
    assert_non_null(strstr(r->error->message, "another value"));
    nms_result_free(r);
    nms_engine_set_evidence(e, NMS_EVIDENCE_NONE);
    r = evaluate(e, "{}");
    assert_null(r->error);
    nms_result_free(r);
    nms_engine_free(e);
}

/* A finding a helper remembered while nobody read the evidence (its
 * evidence "") is never handed to a call that wants its text: not to the
 * decided items asked again (decisive), not to the severity actions, not
 * to the warnings, although all run on the case table of the quiet checks
 * and ask the same remembered helper (tests/data/rules/memomode). */
static void quiet_findings_never_answer_a_call_wanting_evidence(void **state)
{
    static const enum nms_evidence levels[] = {
        NMS_EVIDENCE_ALL, NMS_EVIDENCE_NONE, NMS_EVIDENCE_DECISIVE
    };
    struct nms_engine *e = load_test_rules("memomode");
    struct nms_result *r;
    size_t k;

    (void)state;
    nms_engine_set_notes(e, 1);
    for (k = 0; k < sizeof levels / sizeof *levels; k++) {
        const struct nms_set *seen, *tier;
        nms_engine_set_evidence(e, levels[k]);
        r = evaluate(e, "{\"history\": {\"agitation\": true}}");
        assert_null(r->error);
        assert_int_equal(r->n_sets, 2);
        seen = &r->sets[0];
        tier = &r->sets[1];
        assert_string_equal(seen->id, "seen");
        assert_true(seen->items[0].decided);
        assert_true(tier->items[0].decided);
        assert_string_equal(seen->items[0].evidence,
                            levels[k] == NMS_EVIDENCE_NONE
                                ? "" : "history.agitation is true");
        assert_string_equal(tier->items[0].evidence,
                            levels[k] == NMS_EVIDENCE_NONE
                                ? "" : "history.agitation is true");
        assert_int_equal(tier->n_notes, 1);
        assert_string_equal(tier->notes[0].text,
                            "quoted: history.agitation is true");
        assert_int_equal(r->n_warnings, 1);
        assert_string_equal(r->warnings[0].message,
                            "heard: history.agitation is true");
        nms_result_free(r);
    }
    nms_engine_free(e);
}

/* nms.memoize(fn, true), a helper whose answer holds no text, answers the
 * calls wanting evidence with what it worked out quietly; a helper
 * wrapped without it works out an answer of its own for them. */
static void plain_helpers_serve_both_evidence_levels(void **state)
{
    struct nms_engine *e = load_test_rules("memomode");
    struct nms_result *r;
    const struct nms_set *seen;

    (void)state;
    nms_engine_set_evidence(e, NMS_EVIDENCE_DECISIVE);
    r = evaluate(e, "{\"history\": {\"agitation\": true}}");
    assert_null(r->error);
    seen = &r->sets[0];
    assert_string_equal(seen->items[1].id, "plain");
    assert_true(seen->items[1].decided && seen->items[2].decided);
    assert_string_equal(seen->items[1].evidence, "the quiet answer");
    assert_string_equal(seen->items[2].evidence, "an answer of its own");
    nms_result_free(r);
    nms_engine_free(e);
}

static void evidence_level_names(void **state)
{
    enum nms_evidence level;

    (void)state;
    assert_int_equal(nms_evidence_parse("decisive", &level), 0);
    assert_int_equal(level, NMS_EVIDENCE_DECISIVE);
    assert_string_equal(nms_evidence_name(NMS_EVIDENCE_NONE), "none");
    assert_int_equal(nms_evidence_parse("some", &level), -1);
}

static void eval_param_override_changes_threshold(void **state)
{
    struct nms_engine *e = NULL;
    struct nms_result *r;
    char dir[1024];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/tri", NMS_TEST_DATA);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_set_param(e, "four.threshold=60"), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_OK);
    r = evaluate(e, "{\"history\": {\"dehydration\": true, \"agitation\": true}}");
    assert_true(four(r)->threshold == 60);
    assert_int_equal(four(r)->result, NMS_VERDICT_INDETERMINATE);
    nms_result_free(r);
    nms_engine_free(e);
}

static void eval_unknown_param_fails_load(void **state)
{
    struct nms_engine *e = NULL;
    char dir[1024], expected[1200];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/tri", NMS_TEST_DATA);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_set_param(e, "four.treshold=60"), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    snprintf(expected, sizeof expected,
             "%s/params.lua: --param: unknown parameter 'four.treshold' — did you mean 'four.threshold'?", dir);
    assert_string_equal(nms_engine_errmsg(e), expected);
    assert_null(nms_engine_ruleset(e));
    nms_engine_free(e);
}

static void eval_param_without_value_is_rejected(void **state)
{
    struct nms_engine *e = NULL;

    (void)state;
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_set_param(e, "four.threshold"), NMS_EINVAL);
    assert_string_equal(nms_engine_errmsg(e),
                        "parameter 'four.threshold' must be written NAME=VALUE");
    nms_engine_free(e);
}

static void eval_ruleset_info_names_version_and_digest(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    const struct nms_ruleset_info *rs = nms_engine_ruleset(e);

    (void)state;
    assert_string_equal(rs->name, "test-tri");
    assert_string_equal(rs->version, "1.0");
    assert_int_equal(strlen(rs->digest), strlen("sha256:") + 64);
    assert_memory_equal(rs->digest, "sha256:", 7);
    assert_int_equal(rs->n_sets, 1);
    assert_string_equal(rs->sets[0].id, "four");
    nms_engine_free(e);
}

static void eval_syntax_error_reports_file_and_line(void **state)
{
    struct nms_engine *e = NULL;
    char dir[1024], prefix[1200];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/syntax", NMS_TEST_DATA);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    snprintf(prefix, sizeof prefix, "%s/broken.lua:5:", dir);
    assert_memory_equal(nms_engine_errmsg(e), prefix, strlen(prefix));
    assert_non_null(strstr(nms_engine_errmsg(e), "expected"));
    nms_engine_free(e);
}

static void eval_invalid_item_field_is_reported(void **state)
{
    struct nms_engine *e = NULL;
    char dir[1024], expected[1200];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/invalid", NMS_TEST_DATA);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    snprintf(expected, sizeof expected,
             "%s/nocheck.lua: set 'nocheck': item 'x': field 'check' "
             "must be a function, got string", dir);
    assert_string_equal(nms_engine_errmsg(e), expected);
    nms_engine_free(e);
}

/* Loads a ruleset whose one criteria set is the `len` bytes of
 * `set_text` (from a temporary directory) and expects the load to fail
 * with `message` right after the set file's name ("DIR/s.lua"). */
static void expect_set_refused(const char *set_text, size_t len,
                               const char *message)
{
    static const char manifest[] =
        "return { name = \"t\", version = \"1\", criteria = { \"s\" } }\n";
    char dir[] = "/tmp/nms-test-eval-XXXXXX", path[256], expected[512];
    struct nms_engine *e = NULL;
    FILE *fp;
    int status;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ruleset.lua", dir);
    assert_non_null(fp = fopen(path, "wb"));
    assert_int_equal(fwrite(manifest, 1, sizeof manifest - 1, fp),
                     sizeof manifest - 1);
    assert_int_equal(fclose(fp), 0);
    snprintf(path, sizeof path, "%s/s.lua", dir);
    assert_non_null(fp = fopen(path, "wb"));
    assert_int_equal(fwrite(set_text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    status = nms_engine_load(e, dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/ruleset.lua", dir);
    unlink(path);
    rmdir(dir);
    snprintf(expected, sizeof expected, "%s/s.lua%s", dir, message);
    if (status != NMS_ERULES || strcmp(nms_engine_errmsg(e), expected) != 0)
        fail_msg("load status %d, '%s', expected '%s'", status,
                 status == NMS_OK ? "" : nms_engine_errmsg(e), expected);
    nms_engine_free(e);
}

#define SET_HEAD "return { id = \"s\", title = \"S\", version = \"1\", " \
                 "citation = \"test\", kind = \"points\", "
#define SET_ITEM(points) "items = { { id = \"a\", title = \"A\", points = " \
                         points ", needs = \"-\", " \
                         "check = function() return true, \"x\" end } } }\n"

/* A threshold or points of 0/0 or math.huge loaded: the NaN threshold
 * made every case indeterminate, math.huge points a score of null. A NUL
 * in an id or title cut it short: the set "s\0\033[2J" loaded as "s". */
static void eval_nonfinite_numbers_and_nul_bytes_are_refused(void **state)
{
    static const char nul_id[] =
        "return { id = \"s\0\033[2J\", title = \"S\", version = \"1\", "
        "citation = \"test\", kind = \"points\", threshold = 1, "
        SET_ITEM("1");

    (void)state;
    expect_set_refused(SET_HEAD "threshold = 0/0, " SET_ITEM("1"),
                       strlen(SET_HEAD "threshold = 0/0, " SET_ITEM("1")),
                       ": s: field 'threshold' must be a finite number");
    expect_set_refused(SET_HEAD "threshold = -math.huge, " SET_ITEM("1"),
                       strlen(SET_HEAD "threshold = -math.huge, "
                              SET_ITEM("1")),
                       ": s: field 'threshold' must be a finite number");
    expect_set_refused(SET_HEAD "threshold = 1, " SET_ITEM("math.huge"),
                       strlen(SET_HEAD "threshold = 1, "
                              SET_ITEM("math.huge")),
                       ": set 's': item 'a': field 'points' must be a finite "
                       "number");
    expect_set_refused(nul_id, sizeof nul_id - 1,
                       ": set: field 'id' must not contain a NUL byte");
}

/* Every command prints a set's title, version and citation, most to a
 * terminal: ESC[2J in a title cleared the screen of `nmsrules check`,
 * `params`, `test` and `doc`, a bidi override reordered what followed,
 * and a 10 MB version went into every result record (session 21). */
static void eval_unsafe_metadata_is_refused(void **state)
{
    static const char *const bad[][2] = {
        {"return { id = \"s\", title = \"S\\27[2J\", version = \"1\", "
         "citation = \"test\", kind = \"points\", threshold = 1, "
         SET_ITEM("1"),
         ": s: field 'title' holds a control character, a bidirectional "
         "control or invalid UTF-8 (byte 2)"},
        {"return { id = \"s\", title = \"S\", version = \"1\\n2\", "
         "citation = \"test\", kind = \"points\", threshold = 1, "
         SET_ITEM("1"),
         ": s: field 'version' holds a line break (byte 2): write it as one "
         "line of text"},
        {"return { id = \"s\", title = \"met\\226\\128\\174\", "
         "version = \"1\", citation = \"test\", kind = \"points\", "
         "threshold = 1, " SET_ITEM("1"),
         ": s: field 'title' holds a control character, a bidirectional "
         "control or invalid UTF-8 (byte 4)"},
        {"return { id = \"s\", title = \"S\\255\", version = \"1\", "
         "citation = \"test\", kind = \"points\", threshold = 1, "
         SET_ITEM("1"),
         ": s: field 'title' holds a control character, a bidirectional "
         "control or invalid UTF-8 (byte 2)"},
        {"return { id = \"s\", title = \"S\", version = \"1\", "
         "citation = string.rep(\"x\", 16385), kind = \"points\", "
         "threshold = 1, " SET_ITEM("1"),
         ": s: field 'citation' is longer than 16384 bytes"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_set_refused(bad[i][0], strlen(bad[i][0]), bad[i][1]);
}

/* A module's load that runs out of budget, or raises a value that is not
 * a string, said neither file nor line: the module's frames had unwound
 * by the time the load's handler saw the error (and the budget's own
 * message was "invalid option '%l' to 'lua_pushfstring'" inside Lua). */
static void eval_load_stop_names_file_and_line(void **state)
{
    static const char loop[] = "local n = 0\nwhile true do n = n + 1 end\n";
    static const char table[] = "local t = {}\nerror(t)\n";

    (void)state;
    expect_set_refused(loop, sizeof loop - 1,
                       ":2: instruction budget of 50000000 exceeded");
    expect_set_refused(table, sizeof table - 1,
                       ":2: (error object is a table value)");
}

static void eval_missing_ruleset_directory_is_reported(void **state)
{
    struct nms_engine *e = NULL;

    (void)state;
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_load(e, "/nonexistent/rules"), NMS_ERULES);
    assert_string_equal(nms_engine_errmsg(e),
                        "cannot read ruleset directory '/nonexistent/rules': "
                        "No such file or directory");
    nms_engine_free(e);
}

static void eval_failed_reload_keeps_previous_ruleset(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    char dir[1024];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/syntax", NMS_TEST_DATA);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    assert_string_equal(nms_engine_ruleset(e)->name, "test-tri");
    nms_engine_free(e);
}

static void eval_same_case_gives_identical_results(void **state)
{
    struct nms_engine *e = load_test_rules("tri");
    struct nms_result *a = evaluate(e, "{\"history\": {\"agitation\": true}}");
    struct nms_result *b = evaluate(e, "{\"history\": {\"agitation\": true}}");

    (void)state;
    assert_true(four(a)->score == four(b)->score);
    assert_string_equal(four(a)->items[2].evidence, four(b)->items[2].evidence);
    nms_result_free(a);
    nms_result_free(b);
    nms_engine_free(e);
}

static void output_of_a_case_without_result_says_so(void **state)
{
    struct nms_case *c = case_from("{\"id\": \"x\"}");
    char *json = nms_output_json(c, NULL, NULL, 0);

    (void)state;
    assert_non_null(json);
    assert_non_null(strstr(json, "\"message\":\"case was not evaluated\""));
    free(json);
    nms_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eval_all_unknown_is_indeterminate),
        cmocka_unit_test(eval_score_reaching_threshold_is_met),
        cmocka_unit_test(eval_score_below_threshold_with_room_is_indeterminate),
        cmocka_unit_test(eval_possible_below_threshold_is_not_met),
        cmocka_unit_test(eval_possible_equal_to_threshold_stays_indeterminate),
        cmocka_unit_test(eval_all_false_is_not_met),
        cmocka_unit_test(eval_items_carry_value_evidence_and_missing),
        cmocka_unit_test(decided_met_is_the_true_items_counted),
        cmocka_unit_test(decided_not_met_is_the_false_items_it_rests_on),
        cmocka_unit_test(decided_indeterminate_is_the_unknown_items),
        cmocka_unit_test(evidence_levels_change_only_evidence),
        cmocka_unit_test(quiet_evidence_outlives_the_engine),
        cmocka_unit_test(item_needs_outlives_the_engine),
        cmocka_unit_test(a_later_check_failing_names_its_line),
        cmocka_unit_test(decisive_refuses_a_check_that_changes_its_answer),
        cmocka_unit_test(quiet_findings_never_answer_a_call_wanting_evidence),
        cmocka_unit_test(plain_helpers_serve_both_evidence_levels),
        cmocka_unit_test(evidence_level_names),
        cmocka_unit_test(eval_param_override_changes_threshold),
        cmocka_unit_test(eval_unknown_param_fails_load),
        cmocka_unit_test(eval_param_without_value_is_rejected),
        cmocka_unit_test(eval_ruleset_info_names_version_and_digest),
        cmocka_unit_test(eval_syntax_error_reports_file_and_line),
        cmocka_unit_test(eval_invalid_item_field_is_reported),
        cmocka_unit_test(eval_nonfinite_numbers_and_nul_bytes_are_refused),
        cmocka_unit_test(eval_unsafe_metadata_is_refused),
        cmocka_unit_test(eval_load_stop_names_file_and_line),
        cmocka_unit_test(eval_missing_ruleset_directory_is_reported),
        cmocka_unit_test(eval_failed_reload_keeps_previous_ruleset),
        cmocka_unit_test(eval_same_case_gives_identical_results),
        cmocka_unit_test(output_of_a_case_without_result_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
