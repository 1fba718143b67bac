/*
 * test_repl_value.c - reading what a person types for one field of the
 * chart (repl/session/value.c): numbers with units, yes/no, enumerations,
 * times, and the message for each value that cannot be right.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "repl_test_helpers.h"
#include "session/chart.h"
#include "session/value.h"

static int setup(void **state)
{
    *state = fixture_new();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    fixture_free(*state);
    return 0;
}

/* The compact JSON of v, freed by the caller's buffer; v is freed. */
static const char *json_of(cJSON *v, char *buf, size_t size)
{
    char *text = v ? cJSON_PrintUnformatted(v) : NULL;

    snprintf(buf, size, "%s", text ? text : "(null)");
    cJSON_free(text);
    cJSON_Delete(v);
    return buf;
}

/* Parses text for path, expecting a failure; returns its message. */
static const char *refusal(struct repl_fixture *f, const char *path,
                           const char *text, struct capture *c)
{
    cJSON *v;

    capture_start(c);
    v = value_parse(&f->s, path, text);
    capture_end(c);
    assert_null(v);
    return c->text;
}

static void value_reads_a_number_in_the_fields_own_unit_as_a_number(void **state)
{
    struct repl_fixture *f = *state;
    char buf[256];

    assert_string_equal(json_of(value_parse(&f->s, "vitals.temp", "39.4"), buf,
                                sizeof buf), "39.4");
    assert_string_equal(json_of(value_parse(&f->s, "vitals.temp", "39Cel"), buf,
                                sizeof buf), "39");
}

static void value_reads_a_number_with_another_unit_as_a_quantity(void **state)
{
    struct repl_fixture *f = *state;
    char buf[256];

    assert_string_equal(json_of(value_parse(&f->s, "vitals.temp", "103.1F"), buf,
                                sizeof buf),
                        "{\"value\":103.1,\"unit\":\"[degF]\"}");
    assert_string_equal(json_of(value_parse(&f->s, "vitals.temp", "39.5\xc2\xb0" "C"),
                                buf, sizeof buf), "39.5");
}

static void value_refuses_a_number_that_is_not_one(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_string_equal(refusal(f, "vitals.temp", "hot", &c),
                        "error: vitals.temp: 'hot' is not a number\n");
    assert_string_equal(refusal(f, "vitals.temp", "1e999", &c),
                        "error: vitals.temp: '1e999' is not a number\n");
    /* Decimal only, as --param: strtod alone reads "0x27" as 39. */
    assert_string_equal(refusal(f, "vitals.temp", "0x27", &c),
                        "error: vitals.temp: '0x27' is not a number\n");
}

static void value_reads_yes_and_no_in_their_spellings(void **state)
{
    struct repl_fixture *f = *state;
    char buf[64];

    assert_string_equal(json_of(value_parse(&f->s, "history.dehydration", "YES"),
                                buf, sizeof buf), "true");
    assert_string_equal(json_of(value_parse(&f->s, "history.dehydration", "absent"),
                                buf, sizeof buf), "false");
}

static void value_refuses_maybe_for_a_yes_no_field(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_string_equal(refusal(f, "history.agitation", "maybe", &c),
                        "error: history.agitation: 'maybe' is not yes or no; "
                        "write true, false, yes or no\n");
}

static void value_suggests_the_closest_value_of_an_enumeration(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;
    char buf[64];

    assert_string_equal(json_of(value_parse(&f->s, "vitals.temp_site", "oral"),
                                buf, sizeof buf), "\"oral\"");
    assert_non_null(strstr(refusal(f, "vitals.temp_site", "orl", &c),
                           "unknown value 'orl' for vitals.temp_site \xe2\x80\x94 "
                           "did you mean 'oral'?"));
}

static void value_names_an_unknown_field_and_a_section(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_string_equal(refusal(f, "vitals.tmp", "39", &c),
                        "error: unknown field 'vitals.tmp'\n");
    assert_string_equal(refusal(f, "history", "true", &c),
                        "error: 'history' is a section, not a value; set one "
                        "of its fields, e.g. history....\n");
}

static void value_check_field_suggests_a_close_name(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(value_check_field(&f->s, "vitals[2].temp"), 0);
    capture_start(&c);
    assert_int_equal(value_check_field(&f->s, "history.dehydraton"), -1);
    capture_end(&c);
    assert_string_equal(c.text, "error: unknown field 'dehydraton' \xe2\x80\x94 "
                                "did you mean 'dehydration'?\n");
}

static void value_knows_the_words_for_unknown(void **state)
{
    (void)state;
    assert_true(value_is_unknown("?"));
    assert_true(value_is_unknown("unknown"));
    assert_true(value_is_unknown("null"));
    assert_false(value_is_unknown("no"));
}

static void chart_time_reads_hours_days_minutes_and_iso(void **state)
{
    struct repl_fixture *f = *state;
    char buf[64];

    assert_string_equal(json_of(chart_time(&f->s, "50"), buf, sizeof buf), "50");
    assert_string_equal(json_of(chart_time(&f->s, "50h"), buf, sizeof buf), "50");
    assert_string_equal(json_of(chart_time(&f->s, "-6h"), buf, sizeof buf), "-6");
    assert_string_equal(json_of(chart_time(&f->s, "2d"), buf, sizeof buf), "48");
    assert_string_equal(json_of(chart_time(&f->s, "90min"), buf, sizeof buf), "1.5");
    assert_string_equal(json_of(chart_time(&f->s, "2026-03-03T02:10Z"), buf,
                                sizeof buf), "\"2026-03-03T02:10Z\"");
}

/* Reads `text` as a time, expecting a failure; returns its message. */
static const char *time_refusal(struct repl_fixture *f, const char *text,
                                struct capture *c)
{
    cJSON *t;

    capture_start(c);
    t = chart_time(&f->s, text);
    capture_end(c);
    assert_null(t);
    return c->text;
}

static void chart_time_refuses_a_word_with_the_forms_it_reads(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_string_equal(time_refusal(f, "yesterday", &c),
                        "error: cannot read 'yesterday' as a time; "
                                "write hours such as 50h or -6h, days such as "
                                "2d, or an ISO 8601 time such as "
                                "2026-03-03T02:10Z\n");
}

/* Hours are decimal, as every number typed: "0x10h" was 16 hours and
 * "0x1p4h" too (strtod reads hexadecimal). */
static void chart_time_reads_decimal_hours_only(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_non_null(strstr(time_refusal(f, "0x10h", &c),
                           "cannot read '0x10h' as a time"));
    assert_non_null(strstr(time_refusal(f, "0x1p4h", &c),
                           "cannot read '0x1p4h' as a time"));
}

/* A placeholder date is refused as a case time would be
 * (nms_time_placeholder): .at 0001-01-01T00:00Z read every datum as later. */
static void chart_time_refuses_a_placeholder_date(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;
    char buf[64];

    assert_non_null(strstr(time_refusal(f, "0001-01-01T00:00Z", &c),
                           "'0001-01-01T00:00Z' is dated on or before "
                           "1900-01-01, where databases and programs put"));
    assert_non_null(strstr(time_refusal(f, "9999-12-31T00:00Z", &c),
                           "is in the year 9999"));
    assert_string_equal(json_of(chart_time(&f->s, "1900-01-02T00:00Z"), buf,
                                sizeof buf),
                        "\"1900-01-02T00:00Z\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(value_reads_a_number_in_the_fields_own_unit_as_a_number),
        cmocka_unit_test(value_reads_a_number_with_another_unit_as_a_quantity),
        cmocka_unit_test(value_refuses_a_number_that_is_not_one),
        cmocka_unit_test(value_reads_yes_and_no_in_their_spellings),
        cmocka_unit_test(value_refuses_maybe_for_a_yes_no_field),
        cmocka_unit_test(value_suggests_the_closest_value_of_an_enumeration),
        cmocka_unit_test(value_names_an_unknown_field_and_a_section),
        cmocka_unit_test(value_check_field_suggests_a_close_name),
        cmocka_unit_test(value_knows_the_words_for_unknown),
        cmocka_unit_test(chart_time_reads_hours_days_minutes_and_iso),
        cmocka_unit_test(chart_time_refuses_a_word_with_the_forms_it_reads),
        cmocka_unit_test(chart_time_reads_decimal_hours_only),
        cmocka_unit_test(chart_time_refuses_a_placeholder_date),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
