/*
 * test_repl_chart.c - editing the chart with commands that read like one
 * (repl/session/chart.c): each edit lands where the case format wants it,
 * in time order, and an edit that is refused leaves the chart as it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "repl_test_helpers.h"
#include "session/chart.h"

/* A fresh session per test: each starts from an empty chart. */
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

/* The chart as compact JSON. */
static const char *chart(struct repl_fixture *f)
{
    static char buf[2048];
    char *text = cJSON_PrintUnformatted(f->s.doc);

    snprintf(buf, sizeof buf, "%s", text ? text : "(null)");
    cJSON_free(text);
    return buf;
}

/* Splits a copy of `line` into words in buf; returns how many. */
static int split(const char *line, char *buf, size_t size, char **argv)
{
    int argc = 0;
    char *p = buf;

    snprintf(buf, size, "%s", line);
    while (*p && argc < 16) {
        argv[argc++] = p;
        p += strcspn(p, " ");
        if (*p)
            *p++ = '\0';
    }
    return argc;
}

/* Runs a chart command typed as `line` with stderr captured (the summary
 * line still goes to stdout); returns its status, the messages in c->text. */
static int run(struct repl_fixture *f, int (*cmd)(struct session *, int, char **),
               struct capture *c, const char *line)
{
    char buf[256], *argv[16];
    int argc = split(line, buf, sizeof buf, argv), rc;

    capture_start(c);
    rc = cmd(&f->s, argc, argv);
    capture_end(c);
    return rc;
}

/* chart_assign of the FIELD=VALUE words of `line` to doc. */
static int assign(struct repl_fixture *f, cJSON *doc, const char *line)
{
    char buf[256], *argv[16];
    int argc = split(line, buf, sizeof buf, argv);

    return chart_assign(&f->s, doc, argc, argv);
}

static void set_puts_a_value_at_its_path(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_set, &c, ".set history.dehydration yes"), 0);
    assert_string_equal(chart(f), "{\"history\":{\"dehydration\":true}}");
    assert_string_equal(c.text, "");
    assert_non_null(f->s.last);
}

static void set_refuses_an_unknown_field_and_keeps_the_chart(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_set, &c, ".set history.dehydraton true"), -1);
    assert_string_equal(chart(f), "{}");
    assert_string_equal(c.text, "error: unknown field 'dehydraton' \xe2\x80\x94 "
                                "did you mean 'dehydration'?\n");
}

static void vitals_are_kept_in_time_order(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=39.4 hr=124 at 50h"), 0);
    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=38 at 6h"), 0);
    assert_string_equal(chart(f), "{\"vitals\":[{\"temp\":38,\"t\":6},"
                                  "{\"temp\":39.4,\"hr\":124,\"t\":50}]}");
}

static void vitals_at_the_same_time_merge_into_one_entry(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=39 at 2d"), 0);
    assert_int_equal(run(f, chart_entry, &c, ".vitals hr=120 at 48h"), 0);
    assert_string_equal(chart(f), "{\"vitals\":[{\"temp\":39,\"hr\":120,"
                                  "\"t\":48}]}");
}

static void vitals_split_blood_pressure_into_its_two_fields(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals bp=168/98 at 50h"), 0);
    assert_string_equal(chart(f), "{\"vitals\":[{\"sbp\":168,\"dbp\":98,"
                                  "\"t\":50}]}");
}

static void an_entry_without_a_time_asks_when(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals hr=130"), -1);
    assert_string_equal(chart(f), "{}");
    assert_string_equal(c.text, "error: when? add 'at TIME' (e.g. .vitals ... "
                                "at 0h)\n");
}

static void a_bad_value_in_an_entry_leaves_the_chart_unchanged(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=39 at 50h"), 0);
    assert_int_equal(run(f, chart_entry, &c, ".vitals hr=120 temp=hot at 51h"), -1);
    assert_string_equal(chart(f), "{\"vitals\":[{\"temp\":39,\"t\":50}]}");
    assert_string_equal(c.text, "error: vitals.temp: 'hot' is not a number\n");
}

static void give_starts_a_course_and_records_the_dose(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_give, &c, ".give haloperidol 10 mg im at 0h"), 0);
    assert_string_equal(chart(f), "{\"medications\":[{\"drug\":\"haloperidol\","
                                  "\"start\":0,\"route\":\"im\",\"doses\":"
                                  "[{\"mg\":10,\"t\":0}]}]}");
}

/* A dose is a finite decimal number: strtod alone took "inf" and "nan"
 * (which reached the rules as the dose) and "0x10" (as 16 mg). */
static void give_refuses_a_dose_that_is_not_a_decimal_number(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_give, &c, ".give haloperidol inf mg at 0h"), -1);
    assert_int_equal(run(f, chart_give, &c, ".give haloperidol nan mg at 0h"), -1);
    assert_int_equal(run(f, chart_give, &c, ".give haloperidol 0x10 mg at 0h"), -1);
    assert_non_null(strstr(c.text, "cannot read '0x10': not a dose"));
    assert_string_equal(chart(f), "{}");
}

static void stop_ends_the_running_course(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_give, &c, ".give haloperidol 5mg at 0h"), 0);
    assert_int_equal(run(f, chart_stop, &c, ".stop haloperidol at 60h"), 0);
    assert_non_null(strstr(chart(f), "\"stop\":60"));
    assert_int_equal(run(f, chart_stop, &c, ".stop clozapine at 60h"), -1);
    assert_non_null(strstr(c.text, "clozapine"));
}

static void unset_takes_out_a_field_an_entry_or_a_section(void **state)
{
    struct repl_fixture *f = *state;
    struct capture c;

    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=39 at 1h"), 0);
    assert_int_equal(run(f, chart_entry, &c, ".vitals temp=40 at 2h"), 0);
    assert_int_equal(run(f, chart_set, &c, ".set history.agitation yes"), 0);
    /* Entries count from 1, as .show numbers them; [0] is refused. */
    assert_int_equal(run(f, chart_unset, &c, ".unset vitals[0]"), -1);
    assert_string_equal(c.text, "error: entries count from 1, as in .show and "
                                "the session's Lua (case.vitals[1]): "
                                "vitals[0] \xe2\x80\x94 did you mean "
                                "vitals[1]?\n");
    assert_int_equal(run(f, chart_set, &c, ".set vitals[0].temp 38"), -1);
    assert_non_null(strstr(c.text, "entries count from 1"));
    assert_int_equal(run(f, chart_unset, &c, ".unset vitals[1]"), 0);
    assert_string_equal(chart(f), "{\"vitals\":[{\"temp\":40,\"t\":2}],"
                                  "\"history\":{\"agitation\":true}}");
    assert_int_equal(run(f, chart_unset, &c, ".unset vitals[5]"), -1);
    assert_string_equal(c.text, "error: vitals has no entry 5 (it has 1, "
                                "numbered from 1)\n");
    assert_int_equal(run(f, chart_set, &c, ".set vitals[1].temp 41"), 0);
    assert_non_null(strstr(chart(f), "\"temp\":41"));
    assert_int_equal(run(f, chart_unset, &c, ".unset history.agitation"), 0);
    assert_int_equal(run(f, chart_unset, &c, ".unset vitals"), 0);
    assert_string_equal(chart(f), "{\"history\":{}}");
}

static void assign_applies_field_value_pairs_to_a_copy(void **state)
{
    struct repl_fixture *f = *state;
    cJSON *copy = cJSON_CreateObject();
    char *text;
    struct capture c;

    assert_int_equal(assign(f, copy, "history.dehydration=yes history.catatonia=true"), 0);
    text = cJSON_PrintUnformatted(copy);
    assert_string_equal(text, "{\"history\":{\"dehydration\":true,"
                              "\"catatonia\":true}}");
    cJSON_free(text);
    capture_start(&c);
    assert_int_equal(assign(f, copy, "labs.ck=5000"), -1);
    capture_end(&c);
    assert_string_equal(c.text, "error: the case has no labs entry yet; add one "
                                "first (e.g. .lab ... at TIME)\n");
    capture_start(&c);
    assert_int_equal(assign(f, copy, "nonsense"), -1);
    capture_end(&c);
    assert_string_equal(c.text, "error: 'nonsense' is not FIELD=VALUE (e.g. "
                                "labs.ck=5000 or history.dehydration=true)\n");
    cJSON_Delete(copy);
    assert_string_equal(chart(f), "{}");   /* the chart itself is untouched */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(set_puts_a_value_at_its_path, setup, teardown),
        cmocka_unit_test_setup_teardown(set_refuses_an_unknown_field_and_keeps_the_chart, setup, teardown),
        cmocka_unit_test_setup_teardown(vitals_are_kept_in_time_order, setup, teardown),
        cmocka_unit_test_setup_teardown(vitals_at_the_same_time_merge_into_one_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(vitals_split_blood_pressure_into_its_two_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(an_entry_without_a_time_asks_when, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bad_value_in_an_entry_leaves_the_chart_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(give_starts_a_course_and_records_the_dose, setup, teardown),
        cmocka_unit_test_setup_teardown(give_refuses_a_dose_that_is_not_a_decimal_number, setup, teardown),
        cmocka_unit_test_setup_teardown(stop_ends_the_running_course, setup, teardown),
        cmocka_unit_test_setup_teardown(unset_takes_out_a_field_an_entry_or_a_section, setup, teardown),
        cmocka_unit_test_setup_teardown(assign_applies_field_value_pairs_to_a_copy, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
