/*
 * test_case_json.c - the case parser: field kinds, units, plausibility,
 * times, unknown fields, limits, and nms_case_finish.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case_int.h"
#include "nms/case.h"

#include "case_test_helpers.h"

/* ---- field kinds ------------------------------------------------------ */

static void case_json_reads_every_field_of_a_complete_case(void **state)
{
    struct nms_case *c = parse(complete_case());

    (void)state;
    assert_no_problems(c);
    assert_string_equal(c->id, "c1");
    assert_near(c->assessed_at, 30);
    assert_true(c->assessed_at_given);
    assert_int_equal(c->time_form, NMS_TIME_HOURS);
    assert_near(c->patient.age, 34);
    assert_string_equal(c->patient.sex, "male");
    assert_near(c->baseline.dbp, 80);
    assert_int_equal(c->n_medications, 1);
    assert_string_equal(c->medications[0].drug, "Haldol");
    assert_string_equal(c->medications[0].atc, "N05AD01");
    assert_string_equal(c->medications[0].route, "im");
    assert_true(isnan(c->medications[0].stop));
    assert_int_equal(c->medications[0].n_doses, 2);
    assert_near(c->medications[0].doses[1].mg, 10);
    assert_near(c->vitals[0].temp, 39.1);
    assert_string_equal(c->vitals[0].temp_site, "core");
    assert_near(c->labs[0].creatinine, 1.9);
    assert_int_equal(c->labs[0].myoglobinuria, NMS_TRI_TRUE);
    assert_string_equal(c->exam[0].bowel_sounds, "decreased");
    assert_int_equal(c->exam[0].agitation, NMS_TRI_FALSE);
    assert_string_equal(c->workup.neurologic, "positive");
    assert_int_equal(c->history.restraints, NMS_TRI_TRUE);
    assert_int_equal(c->complications.rhabdomyolysis, NMS_TRI_TRUE);
    assert_string_equal(c->label_json, "{\"nms\":true,\"reviewer\":\"A\"}");
    nms_case_free(c);
}

static void case_json_treats_null_and_missing_as_unknown(void **state)
{
    struct nms_case *c =
        parse("{\"patient\": {\"age\": null, \"sex\": null}, \"label\": null,"
              " \"vitals\": [null, {\"hr\": 80, \"t\": null}],"
              " \"history\": {\"dehydration\": null}, \"id\": null}");

    (void)state;
    assert_no_problems(c);
    assert_null(c->id);
    assert_true(isnan(c->patient.age));
    assert_null(c->patient.sex);
    assert_null(c->label_json);
    assert_int_equal(c->n_vitals, 2); /* a null entry keeps later paths */
    assert_true(isnan(c->vitals[0].hr));
    assert_near(c->vitals[1].hr, 80);
    assert_int_equal(c->history.dehydration, NMS_TRI_UNKNOWN);
    assert_int_equal(c->exam == NULL && c->n_exam == 0, 1);
    assert_false(c->assessed_at_given);
    nms_case_free(c);
}

static void case_json_keeps_empty_array_apart_from_absent(void **state)
{
    struct nms_case *c = parse("{\"medications\": []}");

    (void)state;
    assert_no_problems(c);
    assert_non_null(c->medications); /* known: nothing listed */
    assert_int_equal(c->n_medications, 0);
    assert_null(c->vitals);          /* unknown: not given */
    nms_case_free(c);
}

static void case_json_error_record_keeps_id_and_label(void **state)
{
    struct nms_case *c = parse("{\"vitals\": [{\"temp\": \"hot\"}],"
                               " \"id\": \"c-17\", \"label\": {\"nms\": true}}");

    (void)state;
    assert_non_null(c->error);
    assert_string_equal(c->error->path, "vitals[0].temp");
    assert_string_equal(c->id, "c-17");
    assert_string_equal(c->label_json, "{\"nms\":true}");
    nms_case_free(c);
}

static void case_json_passes_label_through(void **state)
{
    struct nms_case *c = parse("{\"label\": {\"nms\": \"probable\","
                               " \"scores\": [1, 2.5, null], \"x\": {}}}");

    (void)state;
    assert_no_problems(c);
    assert_string_equal(c->label_json,
                        "{\"nms\":\"probable\",\"scores\":[1,2.5,null],"
                        "\"x\":{}}");
    nms_case_free(c);
}

/* ---- strict syntax (json_check.c) -------------------------------------- */

/* ---- units ------------------------------------------------------------ */

static void case_json_converts_fahrenheit_quantity(void **state)
{
    struct nms_case *c = parse(
        "{\"vitals\": [{\"temp\": {\"value\": 101.3, \"unit\": \"[degF]\"}}]}");

    (void)state;
    assert_no_problems(c);
    assert_near(c->vitals[0].temp, 38.5);
    nms_case_free(c);
}

static void case_json_converts_every_alternative_unit(void **state)
{
    static const struct {
        const char *json;
        size_t offset;
        double want;
    } cases[] = {
        {"{\"ck\": {\"value\": 900, \"unit\": \"[IU]/L\"}}",
         offsetof(struct nms_labs, ck), 900},
        {"{\"ck_uln\": {\"value\": 190, \"unit\": \"U/L\"}}",
         offsetof(struct nms_labs, ck_uln), 190},
        {"{\"ck\": {\"value\": 85, \"unit\": \"ukat/L\"}}",
         offsetof(struct nms_labs, ck), 5100},
        {"{\"ck_uln\": {\"value\": 3.3, \"unit\": \"ukat/L\"}}",
         offsetof(struct nms_labs, ck_uln), 198},
        {"{\"wbc\": {\"value\": 12.5, \"unit\": \"10*3/uL\"}}",
         offsetof(struct nms_labs, wbc), 12.5},
        {"{\"wbc\": {\"value\": 12500, \"unit\": \"/uL\"}}",
         offsetof(struct nms_labs, wbc), 12.5},
        {"{\"iron\": {\"value\": 55.845, \"unit\": \"ug/dL\"}}",
         offsetof(struct nms_labs, iron), 10},
        {"{\"creatinine\": {\"value\": 176.84, \"unit\": \"umol/L\"}}",
         offsetof(struct nms_labs, creatinine), 2},
        {"{\"potassium\": {\"value\": 4.2, \"unit\": \"meq/L\"}}",
         offsetof(struct nms_labs, potassium), 4.2},
    };
    struct nms_case *c;
    char json[160];
    double got;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(json, sizeof json, "{\"labs\": [%s]}", cases[i].json);
        c = parse(json);
        assert_no_problems(c);
        memcpy(&got, (char *)&c->labs[0] + cases[i].offset, sizeof got);
        assert_near(got, cases[i].want);
        nms_case_free(c);
    }
    c = parse("{\"patient\": {\"age\": {\"value\": 61, \"unit\": \"a\"}},"
              " \"medications\": [{\"doses\": [{\"mg\": {\"value\": 1.5,"
              " \"unit\": \"g\"}}]}],"
              " \"vitals\": [{\"temp\": {\"value\": 38, \"unit\": \"Cel\"}}]}");
    assert_no_problems(c);
    assert_near(c->vitals[0].temp, 38);
    assert_near(c->patient.age, 61);
    assert_near(c->medications[0].doses[0].mg, 1500);
    nms_case_free(c);
}

static void case_json_warns_implausible_value_naming_probable_unit(void **state)
{
    (void)state;
    expect_warning("{\"vitals\": [{\"temp\": 104}]}", "vitals[0].temp",
                   "104 °C is not a plausible temp; probably °F "
                   "(40.0 °C) — give it as {\"value\": 104, \"unit\": "
                   "\"[degF]\"}");
    expect_warning("{\"labs\": [{\"wbc\": 12000}]}", "labs[0].wbc",
                   "12000 ×10^9/L is not a plausible wbc; probably /µL "
                   "(12.0 ×10^9/L) — give it as {\"value\": 12000, "
                   "\"unit\": \"/uL\"}");
    expect_warning("{\"labs\": [{\"creatinine\": 88}]}", "labs[0].creatinine",
                   "88 mg/dL is not a plausible creatinine; probably "
                   "µmol/L (1.0 mg/dL) — give it as {\"value\": 88, "
                   "\"unit\": \"umol/L\"}");
    expect_warning(
        "{\"vitals\": [{\"temp\": {\"value\": 39.5, \"unit\": \"[degF]\"}}]}",
        "vitals[0].temp",
        "39.5 °F (4.2 °C) is not a plausible temp; probably °C — give it as "
        "39.5");
}

static void case_json_ignores_impossible_value_with_range(void **state)
{
    struct nms_case *c;

    (void)state;
    expect_warning("{\"baseline\": {\"hr\": -5}}", "baseline.hr",
                   "-5 /min is outside the plausible range 10–300 /min; "
                   "ignored");
    expect_warning("{\"labs\": [{\"ck\": 3000000}]}", "labs[0].ck",
                   "3000000 U/L is outside the plausible range 0–2000000 "
                   "U/L; ignored");
    c = parse("{\"vitals\": [{\"temp\": 12, \"hr\": 90}]}");
    assert_true(isnan(c->vitals[0].temp)); /* dropped, the rest kept */
    assert_near(c->vitals[0].hr, 90);
    nms_case_free(c);
}

static void case_json_rejects_unknown_unit(void **state)
{
    (void)state;
    expect_error(
        "{\"vitals\": [{\"temp\": {\"value\": 101, \"unit\": \"F\"}}]}",
        "vitals[0].temp", "unknown unit 'F'; accepted units: Cel, [degF]");
    expect_error("{\"labs\": [{\"potassium\": {\"value\": 4, \"unit\": "
                 "\"mEq/L\"}}]}",
                 "labs[0].potassium",
                 "unknown unit 'mEq/L'; accepted units: mmol/L, meq/L "
                 "(did you mean 'meq/L'?)");
}

static void case_json_rejects_incomplete_quantity(void **state)
{
    struct nms_case *c;
    static const char need[] =
        "a quantity needs \"value\" (a number) and \"unit\" (a UCUM code)";

    (void)state;
    expect_error("{\"vitals\": [{\"temp\": {\"value\": 38}}]}",
                 "vitals[0].temp", need);
    expect_error("{\"vitals\": [{\"temp\": {\"unit\": \"Cel\"}}]}",
                 "vitals[0].temp", need);
    expect_error("{\"vitals\": [{\"temp\": {\"value\": \"38\", \"unit\": "
                 "\"Cel\"}}]}",
                 "vitals[0].temp.value", "expected a number, got string");
    expect_warning("{\"vitals\": [{\"temp\": {\"value\": 38, \"unit\": "
                   "\"Cel\", \"units\": 1}}]}",
                   "vitals[0].temp.units",
                   "unknown field 'units' — did you mean 'unit'?");
    c = parse(
        "{\"vitals\": [{\"temp\": {\"value\": null, \"unit\": \"Cel\"}}]}");
    assert_no_problems(c);
    assert_true(isnan(c->vitals[0].temp));
    nms_case_free(c);
}

/* ---- wrong types ------------------------------------------------------ */

static void case_json_rejects_wrong_types_for_every_kind(void **state)
{
    static const struct {
        const char *json, *path, *message;
    } cases[] = {
        {"{\"vitals\": [{}, {}, {\"hr\": \"fast\"}]}", "vitals[2].hr",
         "expected a number or a {\"value\", \"unit\"} quantity, got string"},
        {"{\"labs\": [{\"myoglobinuria\": \"yes\"}]}", "labs[0].myoglobinuria",
         "expected true or false, got string"},
        {"{\"exam\": [{\"rigidity\": 3}]}", "exam[0].rigidity",
         "expected one of none, mild, moderate, severe, got number"},
        {"{\"vitals\": [{\"t\": true}]}", "vitals[0].t",
         "expected an ISO 8601 date-time string or a number of hours, got "
         "boolean"},
        {"{\"id\": 17}", "id", "expected a string, got number"},
        {"{\"medications\": [{\"drug\": [\"x\"]}]}", "medications[0].drug",
         "expected a string, got array"},
        {"{\"patient\": [34, \"male\"]}", "patient",
         "expected an object, got array"},
        {"{\"vitals\": {\"hr\": 90}}", "vitals",
         "expected an array, got object"},
        {"{\"vitals\": [90]}", "vitals[0]", "expected an object, got number"},
        {"{\"medications\": [{\"doses\": [{\"mg\": false}]}]}",
         "medications[0].doses[0].mg",
         "expected a number or a {\"value\", \"unit\"} quantity, got boolean"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_error(cases[i].json, cases[i].path, cases[i].message);
}

static void case_json_rejects_unknown_enum_value_with_suggestion(void **state)
{
    (void)state;
    expect_error("{\"exam\": [{\"rigidity\": \"sever\"}]}", "exam[0].rigidity",
                 "unknown value 'sever' for exam[0].rigidity; expected one of "
                 "none, mild, moderate, severe (did you mean 'severe'?)");
    expect_error("{\"workup\": {\"toxic\": \"unclear\"}}", "workup.toxic",
                 "unknown value 'unclear' for workup.toxic; expected one of "
                 "negative, positive, pending");
    expect_error("{\"patient\": {\"sex\": \"Female\"}}", "patient.sex",
                 "unknown value 'Female' for patient.sex; expected one of "
                 "female, male, other, unknown (did you mean 'female'?)");
    /* An abbreviation a chart writes is named for what it stands for,
     * not read as it (no guessing at what a record meant). */
    expect_error("{\"medications\": [{\"drug\": \"haloperidol\", "
                 "\"route\": \"PO\"}]}",
                 "medications[0].route",
                 "unknown value 'PO' for medications[0].route; expected one "
                 "of oral, im, iv, sc, depot, ng, transdermal, rectal, "
                 "inhaled (PO is written 'oral')");
    expect_error("{\"vitals\": [{\"t\": 0, \"temp\": 38, "
                 "\"temp_site\": \"pr\"}]}",
                 "vitals[0].temp_site",
                 "unknown value 'pr' for vitals[0].temp_site; expected one of "
                 "oral, rectal, axillary, tympanic, core (pr is written "
                 "'rectal')");
}

/* ---- JSON syntax and shape -------------------------------------------- */

static void case_json_warns_unknown_field_with_suggestion(void **state)
{
    struct nms_case *c;

    (void)state;
    expect_warning("{\"vital\": []}", "vital",
                   "unknown field 'vital' — did you mean 'vitals'?");
    expect_warning("{\"vitals\": [{\"tmp\": 38}]}", "vitals[0].tmp",
                   "unknown field 'tmp' — did you mean 'temp'?");
    expect_warning("{\"exam\": [{\"Rigidity\": \"mild\"}]}", "exam[0].Rigidity",
                   "unknown field 'Rigidity' — did you mean 'rigidity'?");
    expect_warning("{\"history\": {\"smoker\": true}}", "history.smoker",
                   "unknown field 'smoker'");
    /* Another name of a field suggests that field, never a look-alike
     * spelling (creatine kinase is not creatinine), and nothing where the
     * record has no such field. */
    expect_warning("{\"labs\": [{\"creatine_kinase\": 900}]}",
                   "labs[0].creatine_kinase",
                   "unknown field 'creatine_kinase' — did you mean 'ck'?");
    expect_warning("{\"labs\": [{\"CPK\": 900}]}", "labs[0].CPK",
                   "unknown field 'CPK' — did you mean 'ck'?");
    expect_warning("{\"vitals\": [{\"heart_rate\": 120}]}",
                   "vitals[0].heart_rate",
                   "unknown field 'heart_rate' — did you mean 'hr'?");
    c = parse("{\"vitals\": [{\"creatine_kinase\": 900}]}");
    assert_int_equal(c->n_warnings, 1);
    assert_null(strstr(c->warnings[0].message, "did you mean"));
    nms_case_free(c);
    c = parse("{\"vitals\": [{\"tmp\": 38, \"hr\": 90}]}");
    assert_near(c->vitals[0].hr, 90); /* the rest of the entry is kept */
    nms_case_free(c);
}

static void case_json_rejects_duplicate_keys(void **state)
{
    struct nms_case *c;

    (void)state;
    expect_error("{\"id\": \"a\", \"id\": \"b\"}", "id", "duplicate key 'id'");
    expect_error("{\"vitals\": [{\"hr\": 80, \"temp\": 37, \"hr\": 90}]}",
                 "vitals[0].hr", "duplicate key 'hr'");
    expect_error("{\"medications\": [{\"stop\": null, \"drug\": \"x\","
                 " \"stop\": 3}]}",
                 "medications[0].stop", "duplicate key 'stop'");
    /* An unknown key is ignored, so repeating it only repeats the warning. */
    c = parse("{\"zz\": 1, \"zz\": 2}");
    assert_null(c->error);
    assert_int_equal(c->n_warnings, 2);
    assert_string_equal(c->warnings[1].message, "unknown field 'zz'");
    nms_case_free(c);
}

static void case_json_enforces_string_and_entry_limits(void **state)
{
    size_t n = NMS_MAX_ENTRIES + 1, i, used;
    char *json = malloc(n * 3 + 32);
    char msg[64];

    (void)state;
    assert_non_null(json);
    used = (size_t)snprintf(json, 32, "{\"drug\": \"");
    memset(json + used, 'x', NMS_MAX_STRING + 1);
    used += NMS_MAX_STRING + 1;
    memcpy(json + used, "\"}", 3);
    {
        char wrapped[NMS_MAX_STRING + 64];
        snprintf(wrapped, sizeof wrapped, "{\"medications\": [%s]}", json);
        snprintf(msg, sizeof msg, "string longer than %u bytes",
                 NMS_MAX_STRING);
        expect_error(wrapped, "medications[0].drug", msg);
    }
    used = (size_t)snprintf(json, 32, "{\"vitals\": [");
    for (i = 0; i < n; i++, used += 3)
        memcpy(json + used, i + 1 < n ? "{}," : "{}]", 3);
    memcpy(json + used, "}", 2);
    snprintf(msg, sizeof msg, "more than %u entries", NMS_MAX_ENTRIES);
    expect_error(json, "vitals", msg);
    free(json);
}

static void case_json_caps_warnings(void **state)
{
    char json[4096];
    size_t used = 1, i;
    struct nms_case *c;

    (void)state;
    json[0] = '{';
    for (i = 0; i < NMS_MAX_WARNINGS + 20; i++)
        used += (size_t)snprintf(json + used, sizeof json - used,
                                 "%s\"zz%zu\": 1", i ? ", " : "", i);
    snprintf(json + used, sizeof json - used, "}");
    c = parse(json);
    assert_int_equal(c->n_warnings, NMS_MAX_WARNINGS + 1);
    assert_string_equal(c->warnings[NMS_MAX_WARNINGS].message,
                        "too many warnings; the rest are not shown");
    nms_case_free(c);
}

/* ---- times ------------------------------------------------------------ */

static void case_json_reads_iso_times_with_offsets(void **state)
{
    struct nms_case *c = parse("{\"vitals\": [{\"t\": \"2026-03-03T02:10Z\"},"
                               " {\"t\": \"2026-03-03T03:10+01:00\"}, {\"t\": "
                               "\"2026-03-03T03:10+0100\"},"
                               " {\"t\": \"2026-03-02T21:10-05\"}, {\"t\": "
                               "\"2026-03-03T02:10:00.000z\"},"
                               " {\"t\": \"2026-03-03T02:10:30.5Z\"}]}");
    size_t i;

    (void)state;
    assert_no_problems(c);
    assert_int_equal(c->time_form, NMS_TIME_ISO);
    for (i = 0; i < 5; i++)
        assert_near(c->vitals[i].t, T_0210);
    assert_near(c->vitals[5].t, T_0210 + 30.5 / 3600);
    nms_case_free(c);
}

static void case_json_reads_numeric_hours(void **state)
{
    struct nms_case *c = parse("{\"vitals\": [{\"t\": -2.5}, {\"t\": 12}]}");

    (void)state;
    assert_no_problems(c);
    assert_int_equal(c->time_form, NMS_TIME_HOURS);
    assert_near(c->vitals[0].t, -2.5);
    nms_case_free(c);
}

static void case_json_rejects_mixed_time_forms(void **state)
{
    (void)state;
    expect_error("{\"vitals\": [{\"t\": 1}, {\"t\": \"2026-03-03T02:10Z\"}]}",
                 "vitals[1].t",
                 "times mix ISO 8601 strings and numeric hours (first a "
                 "number at vitals[0].t); use one form");
    expect_error("{\"assessed_at\": \"2026-03-03T02:10Z\", \"medications\":"
                 " [{\"start\": 4}]}",
                 "medications[0].start",
                 "times mix ISO 8601 strings and numeric hours (first an "
                 "ISO 8601 string at assessed_at); use one form");
}

static void case_json_rejects_unparsable_time(void **state)
{
    static const char *const bad[] = {
        "2026-02-30T00:00Z", "2026-03-03T02:10",  "2026-03-03 02:10Z",
        "2026-3-3T02:10Z",   "2026-03-03T24:00Z", "2026-03-03T02:10+25:00",
        "yesterday"};
    char json[128], msg[256];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(json, sizeof json, "{\"exam\": [{\"t\": \"%s\"}]}", bad[i]);
        snprintf(msg, sizeof msg,
                 "cannot read '%s' as a time; expected an ISO 8601 date-time "
                 "with an offset, such as 2026-03-03T02:10Z or "
                 "2026-03-03T04:10:30+02:00",
                 bad[i]);
        expect_error(json, "exam[0].t", msg);
    }
}

/* The dates extracts write for an unknown or open date are valid ISO 8601
 * (nms_time_parse_iso reads them) but never clinical times: the case
 * reader refuses every date on or before 1900-01-01 (.NET's 0001-01-01,
 * SQL Server's 1753-01-01 and 1900-01-01, year 0000) and the year 9999,
 * naming the field, wherever a time goes. The date is the one written: a
 * 1900-01-01 local time is refused though its offset puts it on
 * 1900-01-02 UTC, and a 1900-01-02 time its offset puts on 1900-01-01 UTC
 * is read. */
static void case_json_rejects_placeholder_dates(void **state)
{
    static const char *const low =
        "' is dated on or before 1900-01-01, where databases and programs "
        "put a date that is not known, never a clinical time; give the real "
        "time, or leave the field out if it is not known";
    static const char *const high =
        "' is in the year 9999, where databases and programs put a date "
        "that is not known, never a clinical time; give the real time, or "
        "leave the field out if it is not known";
    static const char *const refused[] = {
        "0000-01-01T00:00Z",      "0000-12-31T23:30-01:00",
        "0001-01-01T00:00Z",      "0001-01-01T00:00:00+01:00",
        "1026-03-03T02:10Z",      "1753-01-01T00:00Z",
        "1899-12-30T00:00Z",      "1900-01-01T00:00Z",
        "1900-01-01T23:00-05:00", "9999-12-31T23:59:59Z",
        "9999-01-01T00:00Z",
    };
    char json[160], msg[256];
    struct nms_case *c;
    size_t i;
    double h;

    (void)state;
    for (i = 0; i < sizeof refused / sizeof *refused; i++) {
        assert_int_equal(nms_time_parse_iso(refused[i], &h), 0);
        snprintf(json, sizeof json, "{\"vitals\": [{\"t\": \"%s\"}]}",
                 refused[i]);
        snprintf(msg, sizeof msg, "'%s%s", refused[i],
                 refused[i][0] == '9' ? high : low);
        expect_error(json, "vitals[0].t", msg);
    }
    snprintf(msg, sizeof msg, "'%s%s", "1900-01-01T00:00Z", low);
    expect_error("{\"assessed_at\": \"1900-01-01T00:00Z\"}", "assessed_at",
                 msg);
    snprintf(msg, sizeof msg, "'%s%s", "9999-12-31T00:00Z", high);
    expect_error("{\"medications\": [{\"drug\": \"haloperidol\", \"start\": "
                 "\"2026-03-01T20:00Z\", \"stop\": \"9999-12-31T00:00Z\"}]}",
                 "medications[0].stop", msg);
    snprintf(msg, sizeof msg, "'%s%s", "0001-01-01T00:00Z", low);
    expect_error("{\"onset\": \"2026-03-03T02:10Z\", \"medications\": "
                 "[{\"drug\": \"haloperidol\", \"doses\": [{\"t\": "
                 "\"2026-03-01T20:00Z\", \"mg\": 5}, {\"t\": "
                 "\"0001-01-01T00:00Z\", \"mg\": 5}]}]}",
                 "medications[0].doses[1].t", msg);
    c = parse("{\"vitals\": [{\"t\": \"1900-01-02T00:30+01:00\"}, "
              "{\"t\": \"9998-12-31T23:59Z\"}]}");
    assert_no_problems(c);
    nms_case_free(c);
}

static void time_parse_checks_calendar_and_leap_days(void **state)
{
    static const struct {
        const char *text;
        int ok;
    } cases[] = {
        {"2024-02-29T12:00Z", 1},     {"2000-02-29T00:00Z", 1},
        {"2026-02-29T00:00Z", 0},     {"1900-02-29T00:00Z", 0},
        {"2026-04-31T00:00Z", 0},     {"2026-12-31T23:59:59Z", 1},
        {"2026-13-01T00:00Z", 0},     {"2026-00-10T00:00Z", 0},
        {"2026-01-01T12:60Z", 0},     {"2026-01-01T12:00:60Z", 0},
        {"2026-01-01T12:00:00.Z", 0}, {"2026-01-01T12:00Zjunk", 0},
    };
    double h = 0;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if ((nms_time_parse_iso(cases[i].text, &h) == 0) != cases[i].ok) {
            print_error("%s\n", cases[i].text);
            fail();
        }
    }
    assert_int_equal(nms_time_parse_iso("2024-02-29T12:00Z", &h), 0);
    assert_near(h, 474780.0);
    assert_int_equal(nms_time_parse_iso("1969-12-31T23:00Z", &h), 0);
    assert_near(h, -1.0);
}

/* Times to the minute are written digit by digit (case_time.c): the same
 * text as the calendar of gmtime_r gives, for minutes from year 1 to
 * 9999, and cut short as snprintf cuts it in a buffer too small. */
static void time_format_iso_minutes_match_the_calendar(void **state)
{
    char buf[48], want[48], small[12];
    long long k;
    struct tm tm;

    (void)state;
    for (k = -62135596800LL; k < 253402300800LL; k += 262981LL * 60) {
        time_t t = (time_t)k;
        double hours = (double)k / 3600.0;

        assert_non_null(gmtime_r(&t, &tm));
        snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02dZ",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                 tm.tm_min);
        assert_string_equal(nms_time_format(hours, NMS_TIME_ISO, buf, sizeof buf),
                            want);
        want[sizeof small - 1] = '\0';   /* what snprintf keeps of it */
        assert_string_equal(
            nms_time_format(hours, NMS_TIME_ISO, small, sizeof small), want);
    }
}

static void time_format_writes_iso_and_hours(void **state)
{
    char buf[48];

    (void)state;
    assert_string_equal(nms_time_format(T_0210, NMS_TIME_ISO, buf, sizeof buf),
                        "2026-03-03T02:10Z");
    assert_string_equal(
        nms_time_format(T_0210 + 30.0 / 3600, NMS_TIME_ISO, buf, sizeof buf),
        "2026-03-03T02:10:30Z");
    assert_string_equal(
        nms_time_format(T_0210 + 30.25 / 3600, NMS_TIME_ISO, buf, sizeof buf),
        "2026-03-03T02:10:30.25Z");
    assert_string_equal(nms_time_format(-1, NMS_TIME_ISO, buf, sizeof buf),
                        "1969-12-31T23:00Z");
    assert_string_equal(nms_time_format(474780, NMS_TIME_ISO, buf, sizeof buf),
                        "2024-02-29T12:00Z");
    assert_string_equal(nms_time_format(50, NMS_TIME_HOURS, buf, sizeof buf),
                        "50 h");
    assert_string_equal(nms_time_format(50.5, NMS_TIME_HOURS, buf, sizeof buf),
                        "50.5 h");
    assert_string_equal(
        nms_time_format(-0.001, NMS_TIME_HOURS, buf, sizeof buf), "0 h");
    assert_string_equal(nms_time_format(NAN, NMS_TIME_ISO, buf, sizeof buf),
                        "unknown");
}

/* ---- finishing -------------------------------------------------------- */

static const char timeline[] =
    "{\"medications\": [{\"drug\": \"haloperidol\", \"start\": 0, \"stop\": 40,"
    "   \"doses\": [{\"t\": 0, \"mg\": 5}, {\"t\": 30, \"mg\": 5}]},"
    "  {\"drug\": \"olanzapine\", \"start\": 25}],"
    " \"vitals\": [{\"t\": 10, \"hr\": 90}, {\"t\": 22, \"hr\": 120},"
    "   {\"hr\": 100}],"
    " \"labs\": [{\"t\": 21, \"ck\": 900}, {\"t\": 44, \"ck\": 9000}],"
    " \"exam\": [{\"t\": 23, \"rigidity\": \"mild\"}]}";

static void case_json_finish_applies_as_of(void **state)
{
    struct nms_case *c = parse(timeline);

    (void)state;
    assert_int_equal(nms_case_finish(c, 24), NMS_OK);
    assert_near(c->assessed_at, 24);
    assert_int_equal(c->n_medications, 1);      /* olanzapine starts later */
    assert_true(isnan(c->medications[0].stop)); /* still given at 24 h */
    assert_int_equal(c->medications[0].n_doses, 1);
    assert_int_equal(c->n_vitals, 3); /* the undated entry stays */
    assert_near(c->vitals[1].hr, 120);
    assert_int_equal(c->n_labs, 1);
    assert_near(c->labs[0].ck, 900);
    assert_int_equal(c->n_exam, 1);
    assert_int_equal(c->n_warnings, 0);
    nms_case_free(c);
}

/* Symptom onset is a case time like the others: read in the case's form,
 * dropped by an as-of time before it, warned about after assessed_at. */
static void case_json_onset(void **state)
{
    struct nms_case *c = parse("{\"onset\": 20, \"vitals\": [{\"t\": 30}]}");

    (void)state;
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_near(c->onset, 20);
    assert_near(c->assessed_at, 30);
    nms_case_free(c);
    c = parse("{\"onset\": 20, \"vitals\": [{\"t\": 30}]}");
    assert_int_equal(nms_case_finish(c, 10), NMS_OK);
    assert_true(isnan(c->onset));
    nms_case_free(c);
    c = parse("{\"onset\": \"2026-03-03T02:10Z\", \"vitals\": [{\"t\": 30}]}");
    assert_non_null(c->error);
    assert_string_equal(c->error->path, "vitals[0].t");
    nms_case_free(c);
    c = parse("{\"assessed_at\": 5, \"onset\": 10}");
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_int_equal(c->n_warnings, 1);
    assert_string_equal(c->warnings[0].path, "onset");
    nms_case_free(c);
    c = parse("{\"id\": \"no onset\"}");
    assert_true(isnan(c->onset));
    nms_case_free(c);
}

static void case_json_finish_defaults_assessed_at_to_latest_time(void **state)
{
    struct nms_case *c = parse(timeline);

    (void)state;
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_near(c->assessed_at, 44);
    assert_false(c->assessed_at_given);
    nms_case_free(c);
    c = parse("{\"medications\": [{\"start\": 1, \"doses\": [{\"t\": 80}],"
              " \"stop\": 60}]}");
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_near(c->assessed_at, 80);
    nms_case_free(c);
    c = parse("{\"id\": \"no times\"}");
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_true(isnan(c->assessed_at));
    nms_case_free(c);
}

static void case_json_finish_warns_times_after_assessed_at(void **state)
{
    struct nms_case *c = parse(
        "{\"assessed_at\": \"2026-03-03T02:10Z\", \"medications\": [{\"start\":"
        " \"2026-03-01T08:00Z\", \"stop\": \"2026-03-05T00:00Z\"}],"
        " \"vitals\": [{\"t\": \"2026-03-03T00:00Z\"},"
        " {\"t\": \"2026-03-03T06:40:30+02:00\", \"hr\": 130}]}");

    (void)state;
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_near(c->assessed_at, T_0210);
    assert_int_equal(c->n_vitals, 2);   /* kept: only windows ignore it */
    assert_int_equal(c->n_warnings, 1); /* a later stop is not a problem */
    assert_string_equal(c->warnings[0].path, "vitals[1].t");
    assert_string_equal(c->warnings[0].message,
                        "2026-03-03T04:40:30Z is after assessed_at "
                        "(2026-03-03T02:10Z); ignored for windows measured "
                        "back from it");
    nms_case_free(c);
}

static void case_json_finish_defaults_id_from_line_or_index(void **state)
{
    struct nms_case *c = parse("{}");

    (void)state;
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_string_equal(c->id, "in.jsonl:7");
    nms_case_free(c);
    c = nms_case_parse("{}", 2, "cases.json", 0, 4);
    assert_non_null(c);
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_string_equal(c->id, "cases.json#4");
    nms_case_free(c);
    c = parse("{\"id\": \"given\", \"vitals\": 3}");
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_string_equal(c->id, "given"); /* errors keep what is known */
    nms_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_json_reads_every_field_of_a_complete_case),
        cmocka_unit_test(case_json_treats_null_and_missing_as_unknown),
        cmocka_unit_test(case_json_keeps_empty_array_apart_from_absent),
        cmocka_unit_test(case_json_error_record_keeps_id_and_label),
        cmocka_unit_test(case_json_passes_label_through),
        cmocka_unit_test(case_json_converts_fahrenheit_quantity),
        cmocka_unit_test(case_json_converts_every_alternative_unit),
        cmocka_unit_test(
            case_json_warns_implausible_value_naming_probable_unit),
        cmocka_unit_test(case_json_ignores_impossible_value_with_range),
        cmocka_unit_test(case_json_rejects_unknown_unit),
        cmocka_unit_test(case_json_rejects_incomplete_quantity),
        cmocka_unit_test(case_json_rejects_wrong_types_for_every_kind),
        cmocka_unit_test(case_json_rejects_unknown_enum_value_with_suggestion),
        cmocka_unit_test(case_json_warns_unknown_field_with_suggestion),
        cmocka_unit_test(case_json_rejects_duplicate_keys),
        cmocka_unit_test(case_json_enforces_string_and_entry_limits),
        cmocka_unit_test(case_json_caps_warnings),
        cmocka_unit_test(case_json_reads_iso_times_with_offsets),
        cmocka_unit_test(case_json_reads_numeric_hours),
        cmocka_unit_test(case_json_rejects_mixed_time_forms),
        cmocka_unit_test(case_json_rejects_placeholder_dates),
        cmocka_unit_test(case_json_rejects_unparsable_time),
        cmocka_unit_test(time_parse_checks_calendar_and_leap_days),
        cmocka_unit_test(time_format_writes_iso_and_hours),
        cmocka_unit_test(time_format_iso_minutes_match_the_calendar),
        cmocka_unit_test(case_json_finish_applies_as_of),
        cmocka_unit_test(case_json_onset),
        cmocka_unit_test(case_json_finish_defaults_assessed_at_to_latest_time),
        cmocka_unit_test(case_json_finish_warns_times_after_assessed_at),
        cmocka_unit_test(case_json_finish_defaults_id_from_line_or_index),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
