/*
 * test_base.c - the low-level helpers under the hot paths: the path
 * builders (base/strings.c) give the bytes snprintf gives, including every
 * cut at the end of the buffer, and a rule's NULs become U+FFFD; the Lua
 * state's block pool (lua/pool.c) keeps contents, reuses freed blocks and
 * holds no more than its limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/base_int.h"
#include "lua/pool.h"

#define SIZE 16

static void path_name_is_snprintf(void **state)
{
    static const char *const names[] = {"", "x", "abcdefghijkl",
                                        "abcdefghijklmnopqrstuvwxyz"};
    static const char *const seps[] = {"", "."};
    char want[SIZE], got[SIZE];
    size_t at, s, k;

    (void)state;
    for (at = 0; at < SIZE; at++)
        for (s = 0; s < 2; s++)
            for (k = 0; k < 4; k++) {
                int n;
                memset(want, '#', SIZE);
                memset(got, '#', SIZE);
                n = snprintf(want + at, SIZE - at, "%s%s", seps[s], names[k]);
                assert_int_equal(nms_path_name(got, SIZE, at, seps[s],
                                               names[k]),
                                 (size_t)n);
                assert_memory_equal(got, want, SIZE);
            }
    /* past the end: nothing written, the length still told */
    memset(got, '#', SIZE);
    assert_int_equal(nms_path_name(got, SIZE, SIZE, ".", "ab"), 3);
    memset(want, '#', SIZE);
    assert_memory_equal(got, want, SIZE);
}

static void path_index_is_snprintf(void **state)
{
    static const size_t indexes[] = {0, 7, 10, 123456789, SIZE_MAX};
    char want[SIZE], got[SIZE];
    size_t at, k;

    (void)state;
    for (at = 0; at < SIZE; at++)
        for (k = 0; k < sizeof indexes / sizeof *indexes; k++) {
            int n;
            memset(want, '#', SIZE);
            memset(got, '#', SIZE);
            n = snprintf(want + at, SIZE - at, "[%zu]", indexes[k]);
            assert_int_equal(nms_path_index(got, SIZE, at, indexes[k]),
                             (size_t)n);
            assert_memory_equal(got, want, SIZE);
        }
}

/* A rule's text with NULs keeps what follows each, as U+FFFD, and the
 * size said is the size written. */
static void nuls_written_as_replacement(void **state)
{
    static const char text[] = "a\0bc\0\0";
    static const char want[] = "a\xEF\xBF\xBD" "bc\xEF\xBF\xBD\xEF\xBF\xBD";
    char got[32];
    size_t len = sizeof text - 1;

    (void)state;
    memset(got, '#', sizeof got);
    assert_int_equal(nms_without_nul_size(text, len), sizeof want);
    assert_ptr_equal(nms_put_without_nul(got, text, len), got + sizeof want);
    assert_memory_equal(got, want, sizeof want);
    assert_int_equal(got[sizeof want], '#');
    assert_int_equal(nms_without_nul_size("plain", 5), 6);
    assert_ptr_equal(nms_put_without_nul(got, "", 0), got + 1);
    assert_int_equal(got[0], '\0');
}

/* Fills `n` bytes of p with a pattern seeded by `seed`. */
static void fill(unsigned char *p, size_t n, unsigned seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7);
}

static int filled(const unsigned char *p, size_t n, unsigned seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7))
            return 0;
    return 1;
}

/* Growing and shrinking across classes and past NMS_POOL_MAX keeps the
 * bytes both sizes share. */
static void pool_realloc_keeps_contents(void **state)
{
    static const size_t sizes[] = {1, 16, 17, 100, 256, 257, 4000, 200, 8, 3};
    struct nms_pool pool;
    unsigned char *p = NULL;
    size_t i, old = 0;

    (void)state;
    nms_pool_init(&pool);
    for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t keep = old < sizes[i] ? old : sizes[i];
        p = nms_pool_realloc(&pool, p, old, sizes[i], (size_t)-1);
        assert_non_null(p);
        assert_true(filled(p, keep, 0));
        fill(p, sizes[i], 0);
        old = sizes[i];
    }
    nms_pool_free(&pool, p, old);
    nms_pool_release(&pool);
}

/* A freed block serves the next request of its class; blocks in use do
 * not overlap. */
static void pool_reuses_and_separates(void **state)
{
    struct nms_pool pool;
    unsigned char *a, *b, *c;

    (void)state;
    nms_pool_init(&pool);
    a = nms_pool_realloc(&pool, NULL, 0, 40, (size_t)-1);
    b = nms_pool_realloc(&pool, NULL, 0, 40, (size_t)-1);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(a + 48 <= b || b + 48 <= a);
    fill(a, 40, 1);
    fill(b, 40, 2);
    assert_true(filled(a, 40, 1));
    nms_pool_free(&pool, a, 40);
    c = nms_pool_realloc(&pool, NULL, 0, 33, (size_t)-1);   /* same class */
    assert_ptr_equal(c, a);
    assert_true(filled(b, 40, 2));
    nms_pool_free(&pool, b, 40);
    nms_pool_free(&pool, c, 33);
    nms_pool_release(&pool);
}

/* The inline fast path (nms_pool_reuse, nms_pool_give) and pool.c's
 * calls share the class lists: a block given back inline serves
 * nms_pool_realloc, one freed by nms_pool_free serves nms_pool_reuse,
 * last given first; an empty list answers NULL, taking nothing. */
static void pool_fast_path_shares_the_lists(void **state)
{
    struct nms_pool pool;
    unsigned char *a, *b, *c;

    (void)state;
    nms_pool_init(&pool);
    assert_null(nms_pool_reuse(&pool, 40));
    assert_int_equal(pool.held, 0);
    a = nms_pool_realloc(&pool, NULL, 0, 40, (size_t)-1);
    b = nms_pool_realloc(&pool, NULL, 0, 48, (size_t)-1);
    assert_non_null(a);
    assert_non_null(b);
    nms_pool_give(&pool, a, 40);
    nms_pool_free(&pool, b, 48);
    assert_ptr_equal(nms_pool_reuse(&pool, 33), b);   /* same class, last in */
    assert_ptr_equal(nms_pool_reuse(&pool, 48), a);
    assert_null(nms_pool_reuse(&pool, 40));
    assert_null(nms_pool_reuse(&pool, 16));           /* another class */
    fill(a, 40, 1);
    nms_pool_give(&pool, b, 48);
    c = nms_pool_realloc(&pool, NULL, 0, 40, (size_t)-1);
    assert_ptr_equal(c, b);
    assert_true(filled(a, 40, 1));
    nms_pool_free(&pool, a, 40);
    nms_pool_free(&pool, c, 40);
    nms_pool_release(&pool);
}

/* The pool takes no chunk past its limit: a request is refused (NULL,
 * the old block intact), and a shrink still succeeds. */
static void pool_holds_within_limit(void **state)
{
    struct nms_pool pool;
    unsigned char *p, *q, *big;
    size_t n = 0;

    (void)state;
    nms_pool_init(&pool);
    p = nms_pool_realloc(&pool, NULL, 0, 64, (size_t)-1);
    assert_non_null(p);
    fill(p, 64, 3);
    /* exhaust the first chunk under a limit of what is held now */
    while ((q = nms_pool_realloc(&pool, NULL, 0, 64, pool.held)) != NULL)
        n++;
    assert_true(n > 100);
    assert_null(nms_pool_realloc(&pool, p, 64, 128, pool.held));
    assert_true(filled(p, 64, 3));
    big = nms_pool_realloc(&pool, NULL, 0, 1000, pool.held);  /* malloc */
    assert_non_null(big);
    fill(big, 1000, 4);
    q = nms_pool_realloc(&pool, big, 1000, 32, 0);   /* a shrink */
    assert_non_null(q);
    assert_true(filled(q, 32, 4));
    nms_pool_release(&pool);   /* frees the blocks still out with it */
}

/* A flood of one size up to the limit, freed, leaves the other sizes
 * their room: the empty chunks go back when the limit would refuse (a
 * rule that filled the memory cap with small strings must not fail the
 * cases after it). A chunk with a block still in use stays, and so do
 * that block's bytes. */
static void pool_flood_of_one_size_does_not_starve_others(void **state)
{
    enum { MAX_BLOCKS = 8 * 65536 / 16 };
    static void *blocks[MAX_BLOCKS];
    struct nms_pool pool;
    size_t limit = 8u * 65536u, n = 0, i, held;
    unsigned char *keep, *other;

    (void)state;
    nms_pool_init(&pool);
    keep = nms_pool_realloc(&pool, NULL, 0, 16, limit);
    assert_non_null(keep);
    fill(keep, 16, 5);
    while (n < MAX_BLOCKS &&
           (blocks[n] = nms_pool_realloc(&pool, NULL, 0, 16, limit)) != NULL)
        n++;
    assert_true(n > 1000);
    assert_true(pool.held <= limit);
    held = pool.held;
    for (i = 0; i < n; i++)
        nms_pool_free(&pool, blocks[i], 16);
    /* another class: no free block of it, no room for a chunk until the
     * empty ones are given back */
    other = nms_pool_realloc(&pool, NULL, 0, 200, limit);
    assert_non_null(other);
    assert_true(pool.held < held);
    assert_true(pool.held <= limit);
    assert_true(filled(keep, 16, 5));
    for (i = 0; i < 1000; i++)
        assert_non_null(nms_pool_realloc(&pool, NULL, 0, 200, limit));
    nms_pool_release(&pool);
}

/* A flood of one size up to the limit, freed but for one block in 256
 * kept in use (a rule that floods the cap with small tables and keeps a
 * few between cases): no chunk is wholly free, yet the blocks of other
 * sizes a later case needs come from the free room between the kept ones,
 * which is joined and cut anew (before, every later request of another
 * class was refused for good while a few kB were in use). */
static void pool_kept_blocks_do_not_starve_others(void **state)
{
    enum { MAX_BLOCKS = 8 * 65536 / 16 };
    static void *blocks[MAX_BLOCKS];
    struct nms_pool pool;
    size_t limit = 8u * 65536u, n = 0, i, kept = 0;
    unsigned char *other[1000];

    (void)state;
    nms_pool_init(&pool);
    while (n < MAX_BLOCKS &&
           (blocks[n] = nms_pool_realloc(&pool, NULL, 0, 16, limit)) != NULL)
        n++;
    assert_true(n > 1000);
    for (i = 0; i < n; i++) {
        if (i % 256 == 0) {
            fill(blocks[i], 16, (unsigned char)i);
            kept++;
        } else {
            nms_pool_free(&pool, blocks[i], 16);
        }
    }
    for (i = 0; i < 1000; i++) {    /* 200 kB of 200-byte blocks */
        other[i] = nms_pool_realloc(&pool, NULL, 0, 200, limit);
        if (!other[i])
            fail_msg("block %zu of 200 bytes refused with %zu of 16 kept",
                     i, kept);
        fill(other[i], 200, (unsigned char)(i + 1));
    }
    assert_true(pool.held <= limit);
    for (i = 0; i < n; i += 256)
        assert_true(filled(blocks[i], 16, (unsigned char)i));
    for (i = 0; i < 1000; i++)
        assert_true(filled(other[i], 200, (unsigned char)(i + 1)));
    nms_pool_release(&pool);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(path_name_is_snprintf),
        cmocka_unit_test(path_index_is_snprintf),
        cmocka_unit_test(nuls_written_as_replacement),
        cmocka_unit_test(pool_realloc_keeps_contents),
        cmocka_unit_test(pool_reuses_and_separates),
        cmocka_unit_test(pool_fast_path_shares_the_lists),
        cmocka_unit_test(pool_holds_within_limit),
        cmocka_unit_test(pool_flood_of_one_size_does_not_starve_others),
        cmocka_unit_test(pool_kept_blocks_do_not_starve_others),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
