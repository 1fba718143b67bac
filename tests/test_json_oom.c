/*
 * test_json_oom.c - a case's text read when memory runs out part-way.
 *
 * nms_json_parse (core/input/json_check.c) carves a record's tree from
 * blocks, the first inside the tree struct and later ones from malloc; a
 * large record needs several. This program is linked with
 * -Wl,--wrap=malloc so that the Nth malloc made by the core can be made
 * to fail, and fails each one in turn: every failure must come back as
 * NMS_JSON_NOMEM (nms_case_parse: NULL, which the reader turns into
 * NMS_ENOMEM), never a crash or a half-built tree, and the blocks taken
 * before it must all be freed by the release (LeakSanitizer and valgrind
 * run this test in CI).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/json_check.h"
#include "nms/case.h"

void *__real_malloc(size_t size);
void *__wrap_malloc(size_t size);

/* 0: every malloc succeeds; n > 0: the nth call from now fails. */
static long fail_countdown;
static long mallocs_seen;

void *__wrap_malloc(size_t size)
{
    mallocs_seen++;
    if (fail_countdown > 0 && --fail_countdown == 0)
        return NULL;
    return __real_malloc(size);
}

/* A valid case record of `vitals` readings, each with a text value, far
 * larger than the tree's first block (16 kB): its nodes and strings need
 * several blocks from malloc, each twice the last. */
static char *big_record(int vitals, size_t *len)
{
    size_t room = 64 + (size_t)vitals * 96;
    char *s = __real_malloc(room);
    size_t n;
    int i;

    assert_non_null(s);
    n = (size_t)snprintf(s, room, "{\"id\": \"oom\", \"vitals\": [");
    for (i = 0; i < vitals; i++)
        n += (size_t)snprintf(s + n, room - n,
                              "%s{\"t\": %d, \"temp\": 38.%d, \"site\": \"oral\"}",
                              i ? ", " : "", i, i % 10);
    n += (size_t)snprintf(s + n, room - n, "]}");
    assert_true(n < room);
    *len = n;
    return s;
}

static void json_parse_fails_cleanly_at_every_block(void **state)
{
    struct nms_json_tree *tree = __real_malloc(sizeof *tree);
    struct nms_json_check chk;
    size_t len;
    char *text = big_record(4000, &len);
    long needed, k;

    (void)state;
    assert_non_null(tree);
    /* How many blocks the whole parse takes from malloc. */
    nms_json_tree_init(tree);
    mallocs_seen = 0;
    assert_int_equal(nms_json_parse(text, len, &chk, tree), 0);
    needed = mallocs_seen;
    nms_json_tree_release(tree);
    assert_true(needed >= 3); /* the test means nothing on one block */

    for (k = 1; k <= needed; k++) {
        nms_json_tree_init(tree);
        fail_countdown = k;
        assert_int_equal(nms_json_parse(text, len, &chk, tree), -1);
        fail_countdown = 0;
        assert_int_equal(chk.fault, NMS_JSON_NOMEM);
        assert_null(tree->root);
        nms_json_tree_release(tree); /* frees the blocks taken before */
    }
    /* And the same text parses again once memory is back. */
    nms_json_tree_init(tree);
    assert_int_equal(nms_json_parse(text, len, &chk, tree), 0);
    assert_non_null(tree->root);
    nms_json_tree_release(tree);
    free(tree);
    free(text);
}

static void case_parse_reports_no_memory_not_a_syntax_error(void **state)
{
    size_t len;
    char *text = big_record(4000, &len);
    struct nms_case *c;
    long needed, k, nulls = 0;

    (void)state;
    mallocs_seen = 0;
    c = nms_case_parse(text, len, "oom.jsonl", 1, 0);
    needed = mallocs_seen;
    assert_non_null(c);
    assert_null(c->error);
    nms_case_free(c);

    /* Out of memory anywhere in the parse: no case (the caller says
     * "out of memory"), never a case blamed on its valid text. */
    for (k = 1; k <= needed; k++) {
        fail_countdown = k;
        c = nms_case_parse(text, len, "oom.jsonl", 1, 0);
        fail_countdown = 0;
        if (c == NULL) {
            nulls++;
            continue;
        }
        assert_null(c->error);
        nms_case_free(c);
    }
    assert_true(nulls > 0);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_parse_fails_cleanly_at_every_block),
        cmocka_unit_test(case_parse_reports_no_memory_not_a_syntax_error),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
