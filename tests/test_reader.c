/*
 * test_reader.c - splitting sources into records: JSON Lines, arrays, one
 * pretty-printed document, and the awkward inputs around them.
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

#include "nms/case.h"
#include "nms/reader.h"
#include "reader_int.h"

/* An in-memory source and a reader over it. */
struct source {
    char *text;
    FILE *fp;
    struct nms_reader *r;
};

static void open_source(struct source *s, const char *text, size_t limit)
{
    s->text = strdup(text);
    assert_non_null(s->text);
    s->fp = fmemopen(s->text, strlen(text), "r");
    assert_non_null(s->fp);
    assert_int_equal(nms_reader_open_limited(&s->r, s->fp, "in.jsonl", limit),
                     NMS_OK);
}

static void close_source(struct source *s)
{
    nms_reader_free(s->r);
    fclose(s->fp);
    free(s->text);
}

/* Reads the next record and checks its text, line, index and array flag. */
static void expect_record(struct source *s, const char *text, long line,
                          long index, int is_array_item)
{
    struct nms_record rec;

    assert_int_equal(nms_reader_next(s->r, &rec), 1);
    assert_null(rec.error);
    assert_int_equal(rec.len, strlen(text));
    assert_memory_equal(rec.text, text, rec.len);
    assert_string_equal(rec.source, "in.jsonl");
    assert_int_equal(rec.line, line);
    assert_int_equal(rec.index, index);
    assert_int_equal(rec.is_array_item, is_array_item);
}

static void expect_error_record(struct source *s, const char *error, long line,
                                long index)
{
    struct nms_record rec;

    assert_int_equal(nms_reader_next(s->r, &rec), 1);
    assert_non_null(rec.error);
    assert_string_equal(rec.error, error);
    assert_int_equal(rec.line, line);
    assert_int_equal(rec.index, index);
}

static void expect_end(struct source *s)
{
    struct nms_record rec;

    assert_int_equal(nms_reader_next(s->r, &rec), 0);
    assert_int_equal(nms_reader_next(s->r, &rec), 0); /* and it stays ended */
}

/* ---- JSON Lines ------------------------------------------------------- */

static void reader_streams_json_lines_with_line_numbers(void **state)
{
    struct source s;

    (void)state;
    open_source(&s,
                "{\"id\": \"a\"}\n\n{\"id\": \"b\"}\n   \n{\"id\": \"c\"}\n",
                NMS_MAX_RECORD);
    expect_record(&s, "{\"id\": \"a\"}", 1, 0, 0);
    expect_record(&s, "{\"id\": \"b\"}", 3, 1, 0);
    expect_record(&s, "{\"id\": \"c\"}", 5, 2, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_keeps_json_lines_after_a_broken_first_line(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "{\"id\": \"cut\", \"vitals\": [\n\n{\"id\": \"b\"}\r\n"
                    "{\"id\": \"c\"}\n",
                NMS_MAX_RECORD);
    expect_record(&s, "{\"id\": \"cut\", \"vitals\": [", 1, 0, 0);
    expect_record(&s, "{\"id\": \"b\"}", 3, 1, 0);
    expect_record(&s, "{\"id\": \"c\"}", 4, 2, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_tolerates_crlf_and_blank_lines(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "\r\n{\"a\":1}\r\n\r\n \t\r\n{\"b\":2}\r\n",
                NMS_MAX_RECORD);
    expect_record(&s, "{\"a\":1}", 2, 0, 0);
    expect_record(&s, "{\"b\":2}", 5, 1, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_reads_last_line_without_newline(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "{\"a\":1}\n{\"b\":2}", NMS_MAX_RECORD);
    expect_record(&s, "{\"a\":1}", 1, 0, 0);
    expect_record(&s, "{\"b\":2}", 2, 1, 0);
    expect_end(&s);
    close_source(&s);
}

/* Lines are read in runs (fgets), which stop at newlines and at the
 * buffer's end and do not count NUL bytes: every byte of every line comes
 * through, whatever its length around the buffer's 4 kB steps and wherever
 * its NULs stand, the last one without a newline and ending in a NUL. */
static void reader_keeps_every_byte_across_runs_and_nuls(void **state)
{
    static const size_t lens[] = {2,    3,    4094, 4095, 4096, 4097,
                                  4098, 8191, 8192, 8193, 12289, 3};
    const size_t n = sizeof lens / sizeof lens[0];
    size_t total = 8, at = 8, i, j;
    char *text;
    FILE *fp;
    struct nms_reader *r = NULL;
    struct nms_record rec;

    (void)state;
    for (i = 0; i < n; i++)
        total += lens[i] + 1;
    text = malloc(total);
    assert_non_null(text);
    memcpy(text, "{\"a\":1}\n", 8);
    for (i = 0; i < n; i++) {
        char *line = text + at;

        for (j = 0; j < lens[i]; j++)
            line[j] = (char)('a' + (i + j) % 26);
        line[0] = '{';
        line[lens[i] - 1] = (i + 1 == n) ? '\0' : '}';
        line[1] = '\0';
        line[lens[i] / 2] = '\0';
        at += lens[i];
        if (i + 1 < n)
            text[at++] = '\n';
    }
    fp = fmemopen(text, at, "r");
    assert_non_null(fp);
    assert_int_equal(nms_reader_open(&r, fp, "in.jsonl"), NMS_OK);
    assert_int_equal(nms_reader_next(r, &rec), 1);
    assert_int_equal(rec.len, 7);
    for (i = 0, at = 8; i < n; i++) {
        assert_int_equal(nms_reader_next(r, &rec), 1);
        assert_null(rec.error);
        assert_int_equal(rec.line, (long)i + 2);
        assert_int_equal(rec.len, lens[i]);
        assert_memory_equal(rec.text, text + at, lens[i]);
        at += lens[i] + 1;
    }
    assert_int_equal(nms_reader_next(r, &rec), 0);
    nms_reader_free(r);
    fclose(fp);
    free(text);
}

static void reader_skips_utf8_bom(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "\xEF\xBB\xBF{\"a\":1}\n", NMS_MAX_RECORD);
    expect_record(&s, "{\"a\":1}", 1, 0, 0);
    expect_end(&s);
    close_source(&s);
    open_source(&s, "\xEF\xBB\xBF\n[{\"a\":1}]", NMS_MAX_RECORD);
    expect_record(&s, "{\"a\":1}", 0, 0, 1);
    expect_end(&s);
    close_source(&s);
}

static void reader_yields_nothing_for_empty_input(void **state)
{
    static const char *const empty[] = {"", "\n  \n\r\n", "\xEF\xBB\xBF", "[]",
                                        " [\n ]\n"};
    struct source s;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        open_source(&s, empty[i], NMS_MAX_RECORD);
        expect_end(&s);
        close_source(&s);
    }
}

static void reader_keeps_malformed_line_as_record(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "{\"a\":1}\n{\"b\":\n{\"c\":3}\n", NMS_MAX_RECORD);
    expect_record(&s, "{\"a\":1}", 1, 0, 0);
    expect_record(&s, "{\"b\":", 2, 1, 0); /* the case parser reports it */
    expect_record(&s, "{\"c\":3}", 3, 2, 0);
    expect_end(&s);
    close_source(&s);
    /* A broken first line that is clearly one record does not swallow the
     * lines after it into one document. */
    open_source(&s, "{\"a\": tru}\n{\"b\":2}\n", NMS_MAX_RECORD);
    expect_record(&s, "{\"a\": tru}", 1, 0, 0);
    expect_record(&s, "{\"b\":2}", 2, 1, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_turns_over_long_line_into_error_record(void **state)
{
    struct source s;

    (void)state;
    open_source(&s,
                "{\"a\":\"0123456789012345678901234567890\"}\n"
                "{\"b\":\"01234567\"}\n{\"c\":\"012345678\"}",
                16);
    expect_error_record(&s, "record longer than 16 bytes", 1, 0);
    expect_record(&s, "{\"b\":\"01234567\"}", 2, 1, 0); /* exactly 16 */
    expect_error_record(&s, "record longer than 16 bytes", 3, 2);
    expect_end(&s);
    close_source(&s);
}

/* ---- one document ----------------------------------------------------- */

static void reader_reads_pretty_printed_document_as_one_record(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "\n{\r\n  \"id\": \"x\",\n  \"vitals\": []\n}\n",
                NMS_MAX_RECORD);
    expect_record(&s, "{\n  \"id\": \"x\",\n  \"vitals\": []\n}\n", 2, 0, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_marks_over_long_document(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "{\n  \"id\": \"0123456789\"\n}\n", 16);
    expect_error_record(&s, "record longer than 16 bytes", 1, 0);
    expect_end(&s);
    close_source(&s);
    open_source(&s, "[{\"id\": \"0123456789\"}]", 16);
    expect_error_record(&s, "record longer than 16 bytes", 1, 0);
    expect_end(&s);
    close_source(&s);
}

/* ---- arrays ----------------------------------------------------------- */

static void reader_splits_array_into_items(void **state)
{
    struct source s;

    (void)state;
    open_source(&s,
                "\n[\n  {\"id\": \"a\", \"s\": \"]},[\\\"{\"},\n"
                "  {\"id\": \"b\", \"v\": [{}, []]} ,3,\"x,\" , [1,2]\n]\n",
                NMS_MAX_RECORD);
    expect_record(&s, "{\"id\": \"a\", \"s\": \"]},[\\\"{\"}", 0, 0, 1);
    expect_record(&s, "{\"id\": \"b\", \"v\": [{}, []]}", 0, 1, 1);
    expect_record(&s, "3", 0, 2, 1);
    expect_record(&s, "\"x,\"", 0, 3, 1);
    expect_record(&s, "[1,2]", 0, 4, 1);
    expect_end(&s);
    close_source(&s);
}

/* An array nested past the limit names the limit, as a single record
 * does, rather than the bracket where cJSON stopped. */
static void reader_reports_array_nesting_limit(void **state)
{
    char text[2100];
    struct source s;

    (void)state;
    memset(text, '[', 2000);
    memset(text + 2000, ']', 50);
    text[2050] = '\0';
    open_source(&s, text, NMS_MAX_RECORD);
    expect_error_record(&s,
                        "not valid JSON: nesting deeper than 1000 levels at "
                        "line 1, column 1001",
                        1, 0);
    expect_end(&s);
    close_source(&s);
}

static void reader_reports_invalid_array_with_position(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "\n[\n{\"a\": 1},\n{\"b\": }\n]\n", NMS_MAX_RECORD);
    expect_error_record(
        &s, "not valid JSON: unexpected '}' at line 4, column 7", 2, 0);
    expect_end(&s);
    close_source(&s);
    open_source(&s, "[{\"a\": 1}]\n[2]\n", NMS_MAX_RECORD);
    expect_error_record(
        &s, "not valid JSON: unexpected '[' at line 2, column 1", 1, 0);
    expect_end(&s);
    close_source(&s);
    open_source(&s, "[{\"a\": 1},\n", NMS_MAX_RECORD);
    expect_error_record(&s,
                        "not valid JSON: unexpected end of input at line "
                        "2, column 1",
                        1, 0);
    expect_end(&s);
    close_source(&s);
}

/* ---- with the case parser --------------------------------------------- */

/* Reads the next record into a finished case and returns its id. */
static void expect_case_id(struct source *s, const char *id)
{
    struct nms_record rec;
    struct nms_case *c;

    assert_int_equal(nms_reader_next(s->r, &rec), 1);
    c = nms_case_parse(rec.text, rec.len, rec.source, rec.line, rec.index);
    assert_non_null(c);
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    assert_string_equal(c->id, id);
    nms_case_free(c);
}

static void reader_records_get_ids_by_line_or_index(void **state)
{
    struct source s;

    (void)state;
    open_source(&s, "\n{}\n{\"id\": \"named\"}\n{}", NMS_MAX_RECORD);
    expect_case_id(&s, "in.jsonl:2");
    expect_case_id(&s, "named");
    expect_case_id(&s, "in.jsonl:4");
    close_source(&s);
    open_source(&s, "[\n{},\n{}\n]", NMS_MAX_RECORD);
    expect_case_id(&s, "in.jsonl#0");
    expect_case_id(&s, "in.jsonl#1");
    close_source(&s);
}

static void reader_reports_read_error(void **state)
{
    struct nms_reader *r = NULL;
    struct nms_record rec;
    FILE *fp = fopen("/dev/null", "w"); /* reading it fails */

    (void)state;
    assert_non_null(fp);
    assert_int_equal(nms_reader_open(&r, fp, "-"), NMS_OK);
    assert_int_equal(nms_reader_next(r, &rec), -1);
    nms_reader_free(r);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reader_streams_json_lines_with_line_numbers),
        cmocka_unit_test(reader_keeps_json_lines_after_a_broken_first_line),
        cmocka_unit_test(reader_tolerates_crlf_and_blank_lines),
        cmocka_unit_test(reader_reads_last_line_without_newline),
        cmocka_unit_test(reader_keeps_every_byte_across_runs_and_nuls),
        cmocka_unit_test(reader_skips_utf8_bom),
        cmocka_unit_test(reader_yields_nothing_for_empty_input),
        cmocka_unit_test(reader_keeps_malformed_line_as_record),
        cmocka_unit_test(reader_turns_over_long_line_into_error_record),
        cmocka_unit_test(reader_reads_pretty_printed_document_as_one_record),
        cmocka_unit_test(reader_marks_over_long_document),
        cmocka_unit_test(reader_splits_array_into_items),
        cmocka_unit_test(reader_reports_invalid_array_with_position),
        cmocka_unit_test(reader_reports_array_nesting_limit),
        cmocka_unit_test(reader_records_get_ids_by_line_or_index),
        cmocka_unit_test(reader_reports_read_error),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
