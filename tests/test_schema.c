/*
 * test_schema.c - the public view of the case format (nms/schema.h) and
 * interrupting an evaluation (nms/interrupt.h).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "nms/interrupt.h"
#include "nms/output.h"
#include "nms/schema.h"
#include "test_helpers.h"

static void test_find(void **state)
{
    struct nms_schema_entry e;
    char units[64];

    (void)state;
    assert_int_equal(nms_schema_find("vitals.temp", &e), 0);
    assert_string_equal(e.name, "temp");
    assert_int_equal(e.kind, NMS_SCHEMA_NUMBER);
    assert_string_equal(e.unit, "Cel");
    assert_int_equal(nms_schema_find("vitals[3].temp_site", &e), 0);
    assert_int_equal(e.kind, NMS_SCHEMA_ENUM);
    assert_string_equal(e.values[0], "oral");
    assert_int_equal(nms_schema_find("medications.doses.mg", &e), 0);
    assert_string_equal(e.unit, "mg");
    assert_int_equal(nms_schema_find("history", &e), 0);
    assert_int_equal(e.kind, NMS_SCHEMA_OBJECT);
    assert_int_equal(nms_schema_find("", &e), 0);
    assert_string_equal(e.name, "case");
    assert_int_equal(nms_schema_find("label", &e), 0);
    assert_int_equal(e.kind, NMS_SCHEMA_ANY);
    assert_int_equal(nms_schema_find("vitals.tmp", &e), -1);
    assert_int_equal(nms_schema_find("vitals.temp.value", &e), -1);
    assert_int_equal(nms_schema_find("vitals..temp", &e), -1);
    assert_int_equal(nms_schema_units("vitals.temp", units, sizeof units), 0);
    assert_string_equal(units, "Cel, [degF]");
    assert_int_equal(nms_schema_units("exam.rigidity", units, sizeof units), -1);
    assert_string_equal(units, "");
}

static void test_children(void **state)
{
    struct nms_schema_entry e;
    size_t n = 0;

    (void)state;
    assert_int_equal(nms_schema_child("", 0, &e), 0);
    assert_string_equal(e.name, "id");
    while (nms_schema_child("baseline", n, &e) == 0)
        n++;
    assert_int_equal(n, 4);
    assert_int_equal(nms_schema_child("vitals", 0, &e), 0);
    assert_string_equal(e.name, "t");
    assert_int_equal(nms_schema_child("vitals.temp", 0, &e), -1);
    assert_int_equal(nms_schema_child("nothing", 0, &e), -1);
}

static void test_closest(void **state)
{
    (void)state;
    assert_string_equal(nms_schema_closest("vitals", "tmp"), "temp");
    assert_string_equal(nms_schema_closest("", "vital"), "vitals");
    assert_string_equal(nms_schema_closest("history", "dehydraton"),
                        "dehydration");
    assert_null(nms_schema_closest("history", "smoker"));
    assert_null(nms_schema_closest("vitals.temp", "x"));
    assert_string_equal(nms_schema_closest_value("exam.rigidity", "sever"),
                        "severe");
    assert_null(nms_schema_closest_value("vitals.temp", "sever"));
    /* a chart's abbreviation names the value it stands for, where the
     * field has that value */
    assert_string_equal(nms_schema_value_alias("medications.route", "PO"),
                        "oral");
    assert_string_equal(nms_schema_value_alias("medications.route", "sq"),
                        "sc");
    assert_string_equal(nms_schema_value_alias("vitals.temp_site", "pr"),
                        "rectal");
    assert_null(nms_schema_value_alias("vitals.temp_site", "sq"));
    assert_null(nms_schema_value_alias("medications.route", "oral"));
    assert_null(nms_schema_value_alias("vitals.temp", "po"));
    {
        const char *const names[] = {"haloperidol", "olanzapine", NULL};
        assert_string_equal(nms_schema_closest_name(names, "haloperidl"),
                            "haloperidol");
        assert_null(nms_schema_closest_name(names, "lithium"));
    }
}

/* A flag already set when the evaluation starts stops the looping rule at
 * its first hook, and the result says "interrupted". */
static void test_interrupt(void **state)
{
    static volatile sig_atomic_t flag;
    struct nms_engine *e = load_test_rules("slow");
    struct nms_case *c = case_from("{\"history\": {\"exertion\": true}}");
    struct nms_result *r = NULL;
    char *json;

    (void)state;
    flag = 1;
    nms_engine_set_interrupt(e, &flag);
    assert_int_equal(nms_engine_evaluate(e, c, &r), NMS_OK);
    json = nms_output_json(c, r, nms_engine_ruleset(e), 0);
    assert_non_null(json);
    if (!strstr(json, "\"message\":\"interrupted\""))
        fail_msg("not interrupted: %s", json);
    free(json);
    nms_result_free(r);
    nms_case_free(c);

    /* Cleared, the next case evaluates normally. */
    flag = 0;
    c = case_from("{\"history\": {\"dehydration\": true}}");
    assert_int_equal(nms_engine_evaluate(e, c, &r), NMS_OK);
    json = nms_output_json(c, r, nms_engine_ruleset(e), 0);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"result\":\"met\""));
    free(json);
    nms_result_free(r);
    nms_case_free(c);
    nms_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_children),
        cmocka_unit_test(test_closest),
        cmocka_unit_test(test_interrupt),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
