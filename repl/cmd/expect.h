/*
 * expect.h - the expectations of a rule test (expect.c): `PATH: VALUE`
 * pairs checked against the JSON record of a result, with the operators of
 * the rule test format (rules/tests/README.md): none (equal), `~`
 * (contains), `!~` (contains none, ignoring case) and `#` (element count).
 */
#ifndef NMS_EXPECT_H
#define NMS_EXPECT_H

#include <stdio.h>

#include <cjson/cJSON.h>

/*
 * Checks expectation `want` (want->string is PATH with its operator, want
 * the VALUE) against `record`. On a mismatch prints to fp, indented, the
 * path, what was found and what was expected, then the evidence of the
 * item the path leads into, if any. Returns 0 on a match, 1 on a mismatch.
 */
int nms_expect_check(FILE *fp, const cJSON *record, const cJSON *want);

/* Whether the path of expectation `want` (its operator stripped) leads
 * anywhere in `record`: 1 or 0. */
int nms_expect_reaches(const cJSON *record, const cJSON *want);

/* The node that dotted `path` leads to from `node`, or NULL (exposed for
 * the coverage of expectations and for tests). */
const cJSON *nms_expect_follow(const cJSON *node, const char *path);

#endif
