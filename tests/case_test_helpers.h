/*
 * case_test_helpers.h - parsing a case from JSON text and checking its
 * errors and warnings, shared by the case parser tests.
 */
#ifndef NMS_CASE_TEST_HELPERS_H
#define NMS_CASE_TEST_HELPERS_H

#include <math.h>
#include <string.h>

#include "nms/case.h"

/* 2026-03-03T02:10Z in hours since the epoch (checked with Python). */
#define T_0210 492362.1666666667

static inline struct nms_case *parse(const char *json)
{
    struct nms_case *c = nms_case_parse(json, strlen(json), "in.jsonl", 7, 2);

    assert_non_null(c);
    return c;
}

static inline void assert_near(double got, double want)
{
    if (fabs(got - want) > 1e-6) {
        print_error("got %.10g, want %.10g\n", got, want);
        fail();
    }
}

static inline void assert_no_problems(const struct nms_case *c)
{
    if (c->error != NULL)
        print_error("error at %s: %s\n", c->error->path, c->error->message);
    assert_null(c->error);
    assert_int_equal(c->n_warnings, 0);
}

/* Parses json and checks that it fails with exactly this path and message. */
static inline void expect_error(const char *json, const char *path, const char *msg)
{
    struct nms_case *c = parse(json);

    assert_non_null(c->error);
    assert_string_equal(c->error->path, path);
    assert_string_equal(c->error->message, msg);
    nms_case_free(c);
}

/* Parses json and checks it yields exactly one warning and no error. */
static inline void expect_warning(const char *json, const char *path, const char *msg)
{
    struct nms_case *c = parse(json);

    assert_null(c->error);
    assert_int_equal(c->n_warnings, 1);
    assert_string_equal(c->warnings[0].path, path);
    assert_string_equal(c->warnings[0].message, msg);
    nms_case_free(c);
}

#endif
