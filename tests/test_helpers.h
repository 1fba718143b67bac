/*
 * test_helpers.h - small helpers shared by the engine tests: load a test
 * ruleset, and evaluate a case given as JSON text.
 */
#ifndef NMS_TEST_HELPERS_H
#define NMS_TEST_HELPERS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nms/case.h"
#include "nms/engine.h"

/* Loads the ruleset in `dir` into a new engine with `limits` (NULL: the
 * defaults), failing the test if it does not load. */
static inline struct nms_engine *load_rules_at(const char *dir,
                                               const struct nms_limits *limits)
{
    struct nms_engine *e = NULL;

    assert_int_equal(nms_engine_new(&e, limits), NMS_OK);
    if (nms_engine_load(e, dir) != NMS_OK)
        fail_msg("loading %s: %s", dir, nms_engine_errmsg(e));
    return e;
}

/* load_rules_at tests/data/rules/<name>. */
static inline struct nms_engine *
load_test_rules_with(const char *name, const struct nms_limits *limits)
{
    char dir[1024];

    snprintf(dir, sizeof dir, "%s/rules/%s", NMS_TEST_DATA, name);
    return load_rules_at(dir, limits);
}

/* load_test_rules_with the default limits. */
static inline struct nms_engine *load_test_rules(const char *name)
{
    return load_test_rules_with(name, NULL);
}

/* Parses and finishes `json` as a case; fails the test on a case error. */
static inline struct nms_case *case_from(const char *json)
{
    struct nms_case *c = nms_case_parse(json, strlen(json), "test", 1, 0);

    assert_non_null(c);
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    if (c->error)
        fail_msg("case error at '%s': %s", c->error->path, c->error->message);
    return c;
}

/* Evaluates `json` with engine e; the caller frees the result. */
static inline struct nms_result *evaluate(struct nms_engine *e,
                                          const char *json)
{
    struct nms_case *c = case_from(json);
    struct nms_result *r = NULL;

    assert_int_equal(nms_engine_evaluate(e, c, &r), NMS_OK);
    nms_case_free(c);
    assert_non_null(r);
    return r;
}

/* Evaluates the case {"id": id}: the test rulesets that pick what to do
 * by the case id (hostile attacks, helper probes). */
static inline struct nms_result *evaluate_id(struct nms_engine *e,
                                             const char *id)
{
    char json[128];

    snprintf(json, sizeof json, "{\"id\": \"%s\"}", id);
    return evaluate(e, json);
}

/* The whole file at `path` as a NUL-terminated string (free it), or NULL. */
static inline char *read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *text = NULL;
    long size;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 &&
        fseek(fp, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1))) {
        size_t got = fread(text, 1, (size_t)size, fp);
        text[got] = '\0';
    }
    fclose(fp);
    return text;
}

#endif
