/*
 * test_base.c - the base helpers that replace printf on hot paths give the
 * bytes printf gives: the path builders (strings.c) against snprintf,
 * including every cut at the end of the buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/base_int.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(path_name_is_snprintf),
        cmocka_unit_test(path_index_is_snprintf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
