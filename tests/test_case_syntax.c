/*
 * test_case_syntax.c - what the case parser accepts as JSON: the strict
 * RFC 8259 check before cJSON (numbers, strings, UTF-8, nesting), error
 * positions, and the label kept exactly as written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "case_int.h"
#include "case_test_helpers.h"

static void case_json_rejects_invalid_utf8_with_position(void **state)
{
    (void)state;
    expect_error("{\"id\": \"\xff\"}", "", "invalid UTF-8 at line 7, column 9");
    expect_error("{\"id\": \"caf\xe9\"}", "",
                 "invalid UTF-8 at line 7, column 12");
    /* overlong '/', an encoded surrogate, U+110000, a cut sequence */
    expect_error("{\"id\": \"\xc0\xaf\"}", "",
                 "invalid UTF-8 at line 7, column 9");
    expect_error("{\"id\": \"\xed\xa0\x80\"}", "",
                 "invalid UTF-8 at line 7, column 9");
    expect_error("{\"id\": \"\xf4\x90\x80\x80\"}", "",
                 "invalid UTF-8 at line 7, column 9");
    expect_error("{\"id\": \"\xc3\xa9\xe6\x97\"}", "",
                 "invalid UTF-8 at line 7, column 10");
    expect_error("{\"\xff\": 1}", "", "invalid UTF-8 at line 7, column 3");
}

static void case_json_rejects_what_cjson_would_accept(void **state)
{
    (void)state;
    expect_error("{\"label\": 012}", "",
                 "not valid JSON: leading zero in a number at line 7, "
                 "column 11");
    expect_error("{\"label\": -012}", "",
                 "not valid JSON: leading zero in a number at line 7, "
                 "column 12");
    expect_error("{\"label\": 1.}", "",
                 "not valid JSON: expected a digit after '.' in a number at "
                 "line 7, column 13");
    expect_error("{\"label\": 1.e5}", "",
                 "not valid JSON: expected a digit after '.' in a number at "
                 "line 7, column 13");
    expect_error("{\"label\": 1e}", "",
                 "not valid JSON: expected a digit in the exponent of a "
                 "number at line 7, column 13");
    expect_error("{\"id\": \"a\tb\"}", "",
                 "not valid JSON: control character in a string at line 7, "
                 "column 10");
    expect_error("{\"id\": \"a\nb\"}", "",
                 "not valid JSON: control character in a string at line 7, "
                 "column 10");
    expect_error("{\"id\": \"a\001b\"}", "",
                 "not valid JSON: control character in a string at line 7, "
                 "column 10");
    expect_error("\f{\"id\": \"a\"}", "",
                 "not valid JSON: unexpected byte 0x0C at line 7, column 1");
    expect_error("{\"id\":\x01\"a\"}", "",
                 "not valid JSON: unexpected byte 0x01 at line 7, column 7");
    expect_error("{\"id\": \"a\\u0000b\"}", "",
                 "not valid JSON: \\u0000 is not allowed in a case at line 7, "
                 "column 10");
    expect_error("{\"id\": \"\\ud800x\"}", "",
                 "not valid JSON: unpaired surrogate in a \\u escape at line "
                 "7, column 9");
    expect_error("{\"id\": \"\\x\"}", "",
                 "not valid JSON: invalid escape in a string at line 7, "
                 "column 9");
}

/* A raw NUL byte cannot hide in a string: the record is an error, whose
 * position the terminating NUL of a C string would have hidden. */
static void case_json_rejects_raw_nul_in_a_string(void **state)
{
    const char text[] = "{\"id\": \"b\0c\"}";
    struct nms_case *c =
        nms_case_parse(text, sizeof text - 1, "in.jsonl", 1, 0);

    (void)state;
    assert_non_null(c);
    assert_non_null(c->error);
    assert_string_equal(c->error->message,
                        "not valid JSON: control character in a string at "
                        "line 1, column 10");
    nms_case_free(c);
}

static void case_json_places_errors_at_the_offending_byte(void **state)
{
    (void)state;
    expect_error("{\"id\":\"a\",,\"label\":1}", "",
                 "not valid JSON: unexpected ',' at line 7, column 11");
    expect_error("{\"patient\":{1:40}}", "",
                 "not valid JSON: unexpected '1' at line 7, column 13");
    expect_error("{\n  \"patient\": {\"age\": 40,}\n}", "",
                 "not valid JSON: unexpected '}' at line 8, column 25");
    /* the newline the reader ends a record with is not where it stopped */
    expect_error("{\"id\":\"trunc\",\"vitals\":[{\"t\":0,\"temp\":38\n", "",
                 "not valid JSON: unexpected end of input at line 7, "
                 "column 41");
    expect_error(" \t\r\n", "",
                 "not valid JSON: unexpected end of input at line 7, "
                 "column 3");
    expect_error("\xef\xbb\xbf{}", "",
                 "not valid JSON: unexpected byte 0xEF at line 7, column 1");
}

static void case_json_limits_nesting_to_1000_levels(void **state)
{
    char deep[2 * 1001 + 32];
    size_t n = 0, i;
    struct nms_case *c;

    (void)state;
    n += (size_t)snprintf(deep, sizeof deep, "{\"label\":");
    for (i = 0; i < 999; i++)
        deep[n++] = '[';
    for (i = 0; i < 999; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    c = parse(deep); /* the case object and 999 arrays: 1000 levels */
    assert_no_problems(c);
    nms_case_free(c);
    memmove(deep + 10, deep + 9, n - 8); /* 1000 arrays: 1001 levels */
    deep[9] = '[';
    expect_error(deep, "",
                 "not valid JSON: nesting deeper than 1000 levels at line 7, "
                 "column 1009");
}

static void case_json_accepts_crlf_and_surrounding_space(void **state)
{
    struct nms_case *c = parse("\r\n {\"id\":\r\n\t\"a\"} \r\n");

    (void)state;
    assert_no_problems(c);
    assert_string_equal(c->id, "a");
    nms_case_free(c);
}

/* The label comes back as written, less whitespace outside strings: cJSON
 * would reprint these numbers as different ones. */
static void case_json_keeps_label_text_as_written(void **state)
{
    struct nms_case *c = parse(
        "{\"label\": { \"mrn\" : 12345678901234567890,\n \"x\":"
        " [1.7976931348623157e308, -0, 2.5E-3, 1e999],"
        " \"s\": \"a \\\" b\\u00e9 \\u0000\" } }");

    (void)state;
    assert_no_problems(c);
    assert_string_equal(c->label_json,
                        "{\"mrn\":12345678901234567890,\"x\":"
                        "[1.7976931348623157e308,-0,2.5E-3,1e999],"
                        "\"s\":\"a \\\" b\\u00e9 \\u0000\"}");
    nms_case_free(c);
}

/* Names quoted in messages are cut at 64 bytes, never inside a character;
 * so are paths at NMS_MAX_PATH. */
static void case_json_cuts_quoted_names_between_characters(void **state)
{
    char json[700], name[320], want[128];
    struct nms_case *c;
    size_t i;

    (void)state;
    /* 63 'a' and a 2-byte 'é': the 64th byte is half of it, so it goes */
    memset(name, 'a', 63);
    memcpy(name + 63, "\xc3\xa9", 3);
    snprintf(json, sizeof json, "{\"%s\": 1}", name);
    snprintf(want, sizeof want, "unknown field '%.63s'", name);
    expect_warning(json, name, want);
    for (i = 0; i < 150; i++)
        memcpy(name + 2 * i, "\xc3\xa9", 2);
    name[300] = '\0';
    snprintf(json, sizeof json, "{\"%s\": 1}", name);
    c = parse(json);
    assert_int_equal(c->n_warnings, 1);
    name[254] = '\0'; /* 127 whole characters fit the 255 bytes of room */
    assert_string_equal(c->warnings[0].path, name);
    nms_case_free(c);
}

/* A path cut inside an array entry, and the paths read after it: the
 * path is written out only for a message (case_json.c), and must be the
 * text that appending member by member gave. */
static void case_json_cuts_nested_paths_and_reads_on(void **state)
{
    char json[800], name[320], want[NMS_MAX_PATH];
    struct nms_case *c;
    size_t i;

    (void)state;
    for (i = 0; i < 150; i++)
        memcpy(name + 2 * i, "\xc3\xa9", 2);
    name[300] = '\0';
    snprintf(json, sizeof json,
             "{\"vitals\": [{\"%s\": 1, \"zz\": 2}, {\"t\": 1, \"yy\": 3}],"
             " \"patient\": {\"xx\": 4}}",
             name);
    c = parse(json);
    assert_int_equal(c->n_warnings, 4);
    /* "vitals[0]." is 10 bytes: 245 of the 255 bytes of room are left,
     * and the 245th byte would be half a character */
    snprintf(want, sizeof want, "vitals[0].%.244s", name);
    assert_string_equal(c->warnings[0].path, want);
    assert_string_equal(c->warnings[1].path, "vitals[0].zz");
    assert_string_equal(c->warnings[2].path, "vitals[1].yy");
    assert_string_equal(c->warnings[3].path, "patient.xx");
    nms_case_free(c);
}

static void case_json_rejects_infinite_numbers(void **state)
{
    (void)state;
    expect_error("{\"vitals\": [{\"hr\": 1e999}]}", "vitals[0].hr",
                 "number out of range: too large to represent");
    expect_error("{\"vitals\": [{\"t\": -1e999}]}", "vitals[0].t",
                 "number out of range: too large to represent");
    expect_error("{\"vitals\": [{\"hr\": NaN}]}", "",
                 "not valid JSON: unexpected 'N' at line 7, column 20");
}

/* A number of more than 63 bytes is read whole, as strtod reads it: cJSON
 * read 63 bytes of it and refused the record. A 1e999 behind it is still
 * refused with its path. */
static void case_json_reads_long_numbers_whole(void **state)
{
    struct nms_case *c;

    (void)state;
    c = parse("{\"vitals\": [{\"t\": 0, \"hr\": 120.000000000000000000000"
              "000000000000000000000000000000000000000000000000000001}]}");
    assert_no_problems(c);
    assert_int_equal(c->n_vitals, 1);
    assert_true(c->vitals[0].hr == 120.0);
    nms_case_free(c);
    expect_error("{\"vitals\": [{\"hr\": 1.0000000000000000000000000000000"
                 "000000000000000000000000000000000000e999}]}",
                 "vitals[0].hr", "number out of range: too large to represent");
}

/* Escapes in names and values are decoded in the same pass as the check:
 * a field named with an escape is that field. */
static void case_json_decodes_escapes_in_the_one_pass(void **state)
{
    struct nms_case *c;

    (void)state;
    c = parse("{\"i\\u0064\": \"caf\\u00e9 \\ud83d\\ude00\\n\\\"q\\\"\","
              " \"patient\": {\"\\u0061ge\": 34}}");
    assert_no_problems(c);
    assert_string_equal(c->id, "caf\xc3\xa9 \xf0\x9f\x98\x80\n\"q\"");
    assert_true(c->patient.age == 34);
    nms_case_free(c);
}

static void case_json_reports_invalid_json_with_line_and_column(void **state)
{
    (void)state;
    expect_error("{\n  \"id\": \"a\",\n  \"vitals\": [}\n", "",
                 "not valid JSON: unexpected '}' at line 9, column 14");
    expect_error("{\"vitals\": [{\"hr\": 90}", "",
                 "not valid JSON: unexpected end of input at line 7, "
                 "column 23");
    expect_error("{\"id\": \"unterminated", "",
                 "not valid JSON: unexpected end of input at line 7, "
                 "column 21");
    expect_error("{\"id\": \"a\"} {\"id\": \"b\"}", "",
                 "not valid JSON: unexpected '{' at line 7, column 13");
    expect_error("", "",
                 "not valid JSON: unexpected end of input at line 7, "
                 "column 1");
    /* Columns count characters: "é" is two bytes but one column. */
    expect_error("{\"id\": \"éé\", \"x\": tru}", "",
                 "not valid JSON: unexpected 't' at line 7, column 19");
}

static void case_json_rejects_non_object(void **state)
{
    (void)state;
    expect_error("[{\"id\": \"a\"}]", "",
                 "a case must be a JSON object, got array");
    expect_error("\"case\"", "", "a case must be a JSON object, got string");
    expect_error("null", "", "a case must be a JSON object, got null");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_json_rejects_invalid_utf8_with_position),
        cmocka_unit_test(case_json_rejects_what_cjson_would_accept),
        cmocka_unit_test(case_json_rejects_raw_nul_in_a_string),
        cmocka_unit_test(case_json_places_errors_at_the_offending_byte),
        cmocka_unit_test(case_json_limits_nesting_to_1000_levels),
        cmocka_unit_test(case_json_accepts_crlf_and_surrounding_space),
        cmocka_unit_test(case_json_keeps_label_text_as_written),
        cmocka_unit_test(case_json_cuts_quoted_names_between_characters),
        cmocka_unit_test(case_json_cuts_nested_paths_and_reads_on),
        cmocka_unit_test(case_json_rejects_infinite_numbers),
        cmocka_unit_test(case_json_reads_long_numbers_whole),
        cmocka_unit_test(case_json_decodes_escapes_in_the_one_pass),
        cmocka_unit_test(case_json_reports_invalid_json_with_line_and_column),
        cmocka_unit_test(case_json_rejects_non_object),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
