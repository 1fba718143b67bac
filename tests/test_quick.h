/*
 * test_quick.h - NMS_TEST_QUICK=1, set by .ci/run for its valgrind pass,
 * where every Lua instruction and every byte written costs some fifty
 * times more: the tests that repeat a check many times (cohorts, rounds,
 * cases) repeat it fewer times then, on the same code paths.
 */
#ifndef NMS_TEST_QUICK_H
#define NMS_TEST_QUICK_H

#include <stdlib.h>
#include <string.h>

static inline int test_quick(void)
{
    const char *quick = getenv("NMS_TEST_QUICK");

    return quick && strcmp(quick, "1") == 0;
}

#endif
