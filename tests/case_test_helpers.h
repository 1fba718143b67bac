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

/* A case giving every section and field, a value of each kind. A
 * function, not an array: not every test file that includes this uses it. */
static inline const char *complete_case(void)
{
    return
        "{\"id\": \"c1\", \"assessed_at\": 30,"
        " \"patient\": {\"age\": 34, \"sex\": \"male\"},"
        " \"baseline\": {\"hr\": 70, \"sbp\": 120, \"dbp\": 80, \"rr\": 14},"
        " \"medications\": [{\"drug\": \"Haldol\", \"atc\": \"N05AD01\","
        "   \"route\": \"im\", \"start\": 0, \"stop\": null,"
        "   \"doses\": [{\"t\": 0, \"mg\": 5}, {\"t\": 6, \"mg\": 10}]}],"
        " \"vitals\": [{\"t\": 24, \"temp\": 39.1, \"temp_site\": \"core\","
        "   \"hr\": 120, \"sbp\": 170, \"dbp\": 100, \"rr\": 28}],"
        " \"labs\": [{\"t\": 25, \"ck\": 5200, \"ck_uln\": 200, \"wbc\": 14.2,"
        "   \"iron\": 6.5, \"creatinine\": 1.9, \"potassium\": 5.1,"
        "   \"myoglobinuria\": true}],"
        " \"exam\": [{\"t\": 24, \"rigidity\": \"severe\","
        "   \"mental_status\": \"stupor\", \"agitation\": false,"
        "   \"diaphoresis\": true, \"tremor\": true, \"incontinence\": false,"
        "   \"mutism\": true, \"dysphagia\": true, \"hyperreflexia\": false,"
        "   \"mydriasis\": false, \"clonus\": \"none\", \"skin\": \"diaphoretic\","
        "   \"bowel_sounds\": \"decreased\"}],"
        " \"workup\": {\"infection\": \"negative\", \"toxic\": \"negative\","
        "   \"metabolic\": \"pending\", \"neurologic\": \"positive\"},"
        " \"history\": {\"prior_nms\": false, \"dehydration\": true,"
        "   \"agitation\": true, \"catatonia\": false, \"exhaustion\": true,"
        "   \"iron_deficiency\": false, \"organic_brain_disease\": false,"
        "   \"parkinson_disease\": false, \"restraints\": true,"
        "   \"heat_exposure\": false, \"exertion\": false},"
        " \"complications\": {\"acute_kidney_injury\": true,"
        "   \"rhabdomyolysis\": true, \"metabolic_acidosis\": false,"
        "   \"seizures\": false, \"dic\": false, \"respiratory_failure\": false},"
        " \"label\": {\"nms\": true, \"reviewer\": \"A\"}}";
}

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
