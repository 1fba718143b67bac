/*
 * test_expect.c - the operators of the rule test format (repl/cmd/expect.c)
 * on a fixed record, both ways: each expectation that must hold holds and
 * each that must not does not, so an operator that always (or never)
 * matched fails here; and a mismatch is reported with the path, what was
 * expected, what was found and the evidence of the item.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/expect.h"

static const char record_text[] =
    "{\"severity\": {\"tier\": \"none\", \"actions\": "
    "[{\"text\": \"Add Bromocriptine\"}, {\"text\": \"cool\"}]},"
    " \"criteria\": {\"iec2011\": {\"items\": [{\"id\": \"hyperthermia\","
    " \"value\": true, \"evidence\": \"39.2 °C at 60 h\"}]}},"
    " \"disagreements\": [{\"feature\": \"rigidity\", \"n\": 2}],"
    " \"a.b\": {\"c\": 1}}";

/* Checks every member of `json` against the record, expecting `mismatch`
 * for each; returns what was printed. */
static char *check_all(const char *json, int mismatch)
{
    cJSON *record = cJSON_Parse(record_text), *wants = cJSON_Parse(json);
    const cJSON *want;
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);

    assert_non_null(record);
    assert_non_null(wants);
    assert_non_null(out);
    cJSON_ArrayForEach(want, wants) {
        if (nms_expect_check(out, record, want) != mismatch)
            fail_msg("%s: expected %s", want->string,
                     mismatch ? "a mismatch" : "a match");
    }
    fclose(out);
    cJSON_Delete(record);
    cJSON_Delete(wants);
    return buf;
}

static void operators_match_what_they_should(void **state)
{
    char *printed = check_all(
        "{\"severity.tier\": \"none\", \"severity.actions#\": 2,"
        " \"severity.actions~\": \"Bromocriptine\","
        " \"severity.actions.1.text~\": [\"co\", \"ol\"],"
        " \"severity.actions!~\": [\"dantrolene\", \"allergy\"],"
        " \"severity.tier!~\": \"mild\","
        " \"criteria.iec2011.items.hyperthermia.value\": true,"
        " \"disagreements.rigidity.n\": 2, \"a.b.c\": 1}", 0);

    (void)state;
    assert_string_equal(printed, "");
    free(printed);
}

static void operators_refuse_what_they_should(void **state)
{
    char *printed = check_all(
        "{\"severity.tier\": \"mild\", \"severity.actions#\": 3,"
        " \"severity.actions~\": \"bromocriptine\","
        " \"severity.actions.1.text~\": [\"co\", \"hot\"],"
        " \"severity.actions!~\": \"bromocriptine\","
        " \"severity.actions.0.text!~\": [\"dantrolene\", \"ADD\"],"
        " \"severity.missing!~\": \"x\", \"severity.tier!~\": [],"
        " \"severity.tier#\": 1}", 1);

    (void)state;
    assert_non_null(strstr(printed, "    severity.tier: expected \"mild\"\n"
                                    "      found \"none\"\n"));
    assert_non_null(strstr(printed, "    severity.missing: expected \"x\"\n"
                                    "      found no such path in the result\n"));
    assert_non_null(strstr(printed, "severity.actions: expected 3 elements, "
                                    "found 2"));
    free(printed);
}

static void mismatch_shows_the_items_evidence(void **state)
{
    char *printed = check_all(
        "{\"criteria.iec2011.items.hyperthermia.value\": false}", 1);

    (void)state;
    assert_string_equal(printed,
                        "    criteria.iec2011.items.hyperthermia.value: "
                        "expected false\n      found true\n"
                        "      evidence: 39.2 °C at 60 h\n");
    free(printed);
}

/* Whether a path leads anywhere, its operator stripped: how the test
 * runner tells the expectations a failed case's error record cannot hold. */
static void reaches_strips_the_operator(void **state)
{
    cJSON *record = cJSON_Parse(record_text), *wants = cJSON_Parse(
        "{\"severity.tier\": 1, \"severity.actions!~\": 1,"
        " \"criteria.iec2011.items.hyperthermia.evidence~\": 1,"
        " \"disagreements#\": 1, \"severity.nonesuch\": 1,"
        " \"criteria.dsm4tr.result~\": 1}");
    const cJSON *w;
    int reached = 0, missed = 0;

    (void)state;
    assert_non_null(record);
    assert_non_null(wants);
    cJSON_ArrayForEach(w, wants) {
        if (nms_expect_reaches(record, w))
            reached++;
        else
            missed++;
    }
    assert_int_equal(reached, 4);
    assert_int_equal(missed, 2);
    cJSON_Delete(record);
    cJSON_Delete(wants);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(operators_match_what_they_should),
        cmocka_unit_test(operators_refuse_what_they_should),
        cmocka_unit_test(mismatch_shows_the_items_evidence),
        cmocka_unit_test(reaches_strips_the_operator),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
