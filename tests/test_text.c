/*
 * test_text.c - the ruleset's static text that results point at
 * (core/case/text.c): strings that stay put while the text grows, and
 * results that stay readable after the engine that made them is freed or
 * reloads its ruleset, freed in other threads than the one that made them.
 * Run under ASan and valgrind (.ci/run), a result reading freed text or a
 * reference counted wrong is an error or a leak there.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include <pthread.h>

#include "case/text_int.h"
#include "test_helpers.h"

/* ---- the text itself -------------------------------------------------- */

/* Strings of every size, one longer than a chunk among them, keep their
 * place and bytes however many are added after them. */
static void text_strings_stay_put(void **state)
{
    enum { N = 3000 };
    struct nms_text *t = nms_text_new();
    static char big[40000];
    const char *kept[N];
    char want[64];
    size_t i;

    (void)state;
    assert_non_null(t);
    memset(big, 'x', sizeof big - 1);
    for (i = 0; i < N; i++) {
        if (i == N / 2) {
            kept[i] = nms_text_add(t, big, sizeof big);
        } else {
            snprintf(want, sizeof want, "string %zu %.*s", i, (int)(i % 40),
                     "........................................");
            kept[i] = nms_text_add(t, want, strlen(want));
        }
        assert_non_null(kept[i]);
    }
    for (i = 0; i < N; i++) {
        if (i == N / 2) {
            assert_int_equal(strlen(kept[i]), sizeof big - 1);
            continue;
        }
        snprintf(want, sizeof want, "string %zu %.*s", i, (int)(i % 40),
                 "........................................");
        assert_string_equal(kept[i], want);
    }
    /* at most n bytes, up to a NUL, as nms_strndup */
    assert_string_equal(nms_text_add(t, "title\0rest", 10), "title");
    assert_string_equal(nms_text_add(t, "citation", 4), "cita");
    nms_text_unref(t);
}

/* Every reference but the last leaves the text readable. */
static void text_last_reference_frees(void **state)
{
    struct nms_text *t = nms_text_new();
    const char *s;

    (void)state;
    assert_non_null(t);
    s = nms_text_add(t, "kept", 4);
    assert_ptr_equal(nms_text_ref(t), t);
    assert_ptr_equal(nms_text_ref(t), t);
    nms_text_unref(t);
    nms_text_unref(t);
    assert_string_equal(s, "kept");
    nms_text_unref(t);
    nms_text_ref(NULL);
    nms_text_unref(NULL);
}

/* ---- results that outlive their engine -------------------------------- */

/* tests/data/rules/sections (see test_sections.c): pair is met (definite),
 * pair.c against other.g disagree on gamma, dx is met alongside pair (an
 * overlap), the severity tier is mild. */
static const char sections_case[] =
    "{\"history\": {\"prior_nms\": true, \"dehydration\": true, "
    "\"agitation\": true, \"restraints\": false, \"exertion\": true, "
    "\"heat_exposure\": true}}";

/* The static text of that case's result, read field by field. */
static void assert_sections_text(const struct nms_result *r)
{
    const struct nms_set *pair, *dx, *severity;

    assert_null(r->error);
    assert_non_null(r->text);
    pair = nms_result_set(r, "pair");
    dx = nms_result_set(r, "dx");
    severity = nms_result_set(r, "severity");
    assert_non_null(pair);
    assert_non_null(dx);
    assert_non_null(severity);
    assert_string_equal(pair->title, "Pair");
    assert_string_equal(pair->version, "1");
    assert_string_equal(pair->citation, "test only");
    assert_string_equal(pair->items[2].id, "c");
    assert_string_equal(pair->items[2].title, "C");
    assert_string_equal(pair->items[2].group, "minor");
    assert_string_equal(pair->items[2].feature, "gamma");
    assert_string_equal(pair->groups[1].id, "minor");
    assert_string_equal(pair->groups[1].title, "Minor");
    assert_string_equal(dx->title, "A differential");
    assert_int_equal(dx->n_notes, 1);
    assert_string_equal(dx->notes[0].text, "onset in hours");
    assert_string_equal(dx->notes[0].source, "test");
    assert_string_equal(nms_set_tier(pair), "definite");
    assert_non_null(dx->overlap);
    assert_non_null(strstr(dx->overlap, "Treat both."));
    assert_int_equal(r->n_disagreements, 1);
    assert_string_equal(r->disagreements[0].feature, "gamma");
    assert_string_equal(nms_set_tier(severity), "mild");
    assert_int_equal(severity->n_notes, 2);
    assert_string_equal(severity->notes[0].text, "first for mild");
    assert_string_equal(severity->notes[1].text, "second");
    assert_string_equal(severity->notes[1].source, "test");
}

/* A library user may free the engine first: the result keeps the text. */
static void result_outlives_engine(void **state)
{
    struct nms_engine *e = load_test_rules("sections");
    struct nms_result *r = evaluate(e, sections_case);
    struct nms_result *again = evaluate(e, sections_case);

    (void)state;
    assert_ptr_equal(r->text, again->text);   /* one text, not a copy */
    nms_engine_free(e);
    assert_sections_text(r);
    assert_true(nms_result_equal(r, again));
    nms_result_free(again);
    assert_sections_text(r);
    nms_result_free(r);
}

/* The REPL's .reload replaces the ruleset under results it keeps. */
static void result_outlives_reload(void **state)
{
    struct nms_engine *e = load_test_rules("sections");
    struct nms_result *before = evaluate(e, sections_case);
    struct nms_result *after;
    char dir[1024];

    (void)state;
    snprintf(dir, sizeof dir, "%s/rules/sections", NMS_TEST_DATA);
    assert_int_equal(nms_engine_load(e, dir), NMS_OK);
    after = evaluate(e, sections_case);
    assert_ptr_not_equal(before->text, after->text);
    assert_sections_text(before);
    assert_true(nms_result_equal(before, after));
    assert_int_equal(nms_engine_load(e, dir), NMS_OK);
    nms_engine_free(e);
    assert_sections_text(after);
    nms_result_free(before);
    nms_result_free(after);
}

/* ---- across threads ---------------------------------------------------- */

enum { PER_THREAD = 60, THREADS = 2 };

struct freer {
    pthread_t thread;
    struct nms_result *results[PER_THREAD];
    int ok;
};

/* Reads and frees its results while the main thread evaluates more with
 * the same ruleset text, then frees the engine: the last references drop
 * in whichever thread comes last, as with batch -j's writer. */
static void *free_results(void *arg)
{
    struct freer *f = arg;
    size_t i;

    f->ok = 1;
    for (i = 0; i < PER_THREAD; i++) {
        const struct nms_set *dx = nms_result_set(f->results[i], "dx");
        f->ok &= dx && strcmp(dx->notes[0].text, "onset in hours") == 0;
        nms_result_free(f->results[i]);
    }
    return NULL;
}

static void results_freed_in_other_threads(void **state)
{
    struct nms_engine *e = load_test_rules("sections");
    struct freer f[THREADS];
    struct nms_result *mine;
    size_t t, i;

    (void)state;
    for (t = 0; t < THREADS; t++)
        for (i = 0; i < PER_THREAD; i++)
            f[t].results[i] = evaluate(e, sections_case);
    for (t = 0; t < THREADS; t++)
        assert_int_equal(pthread_create(&f[t].thread, NULL, free_results, &f[t]),
                         0);
    for (i = 0; i < PER_THREAD; i++) {
        mine = evaluate(e, sections_case);
        assert_sections_text(mine);
        nms_result_free(mine);
    }
    mine = evaluate(e, sections_case);
    nms_engine_free(e);
    for (t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(f[t].thread, NULL), 0);
        assert_true(f[t].ok);
    }
    assert_sections_text(mine);
    nms_result_free(mine);
}

/* ---- severity actions, written per case -------------------------------- */

/* Kept in the notes' own allocation: a NUL inside is U+FFFD as in every
 * rule string, and an entry is read once, so what is copied is what was
 * measured against the output limits (tests/data/rules/actions). */
static void actions_copied_as_read(void **state)
{
    struct nms_engine *e = load_test_rules("actions");
    struct nms_result *r = evaluate(e, "{\"history\": {\"a\": true}}");
    const struct nms_set *severity;

    (void)state;
    nms_engine_free(e);
    assert_null(r->error);
    severity = nms_result_set(r, "severity");
    assert_non_null(severity);
    assert_int_equal(severity->n_notes, 2);
    assert_string_equal(severity->notes[0].text, "before\xEF\xBF\xBD" "after");
    assert_string_equal(severity->notes[0].source, "test");
    assert_string_equal(severity->notes[1].text, "text read 1");
    assert_string_equal(severity->notes[1].source, "source read 2");
    nms_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_strings_stay_put),
        cmocka_unit_test(text_last_reference_frees),
        cmocka_unit_test(result_outlives_engine),
        cmocka_unit_test(result_outlives_reload),
        cmocka_unit_test(results_freed_in_other_threads),
        cmocka_unit_test(actions_copied_as_read),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
