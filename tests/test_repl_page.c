/*
 * test_repl_page.c - the pure parts of the REPL's output for a class:
 * page_wrap (wrapping to the terminal width) and report_path (entry
 * numbers of warning paths counted from 1 in the session).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/report.h"
#include "session/page.h"

/* page_wrap of `text` at `width` into buf; returns the rows written. */
static size_t wrap(const char *text, size_t width, char *buf, size_t size)
{
    FILE *fp = fmemopen(buf, size, "w");
    size_t rows;

    assert_non_null(fp);
    rows = page_wrap(fp, text, strlen(text), width);
    fclose(fp);
    return rows;
}

static void wrap_leaves_short_lines_alone(void **state)
{
    char out[256];

    (void)state;
    assert_int_equal(wrap("one\ntwo three\n", 40, out, sizeof out), 2);
    assert_string_equal(out, "one\ntwo three\n");
}

static void wrap_breaks_at_spaces_under_the_text_column(void **state)
{
    char out[512];

    (void)state;
    /* An item line: continuation rows start under the evidence, after the
     * gap of two spaces; no row is wider than 30 columns. */
    assert_int_equal(wrap("  x rigid  mild rigidity at 36 h and moderate at 52 h",
                          30, out, sizeof out), 3);
    assert_string_equal(out, "  x rigid  mild rigidity at 36\n"
                             "           h and moderate at\n"
                             "           52 h\n");
}

static void wrap_counts_utf8_and_colour_as_their_width(void **state)
{
    char out[512];

    (void)state;
    /* 20 visible columns: three-byte marks and colour codes do not count. */
    assert_int_equal(wrap("\033[32m\xe2\x9c\x93\033[0m \xe2\x86\x92 abcdefghijklmnop",
                          20, out, sizeof out), 1);
    /* One column more, and the line breaks at its last space. */
    assert_int_equal(wrap("\xe2\x9c\x93 \xe2\x86\x92 abcdefghijklmnopq", 20, out,
                          sizeof out), 3);
    assert_string_equal(out, "\xe2\x9c\x93 \xe2\x86\x92\n    abcdefghijklmnop\n    q\n");
}

static void wrap_cuts_a_word_longer_than_the_line(void **state)
{
    char out[512];

    (void)state;
    assert_int_equal(wrap("sha256:0123456789abcdef0123456789abcdef", 20, out,
                          sizeof out), 3);
    assert_string_equal(out, "sha256:0123456789abc\n"
                             "    def0123456789abc\n"
                             "    def\n");
}

static void report_path_counts_entries_from_one(void **state)
{
    char buf[64];

    (void)state;
    assert_string_equal(report_path("vitals[0].temp", 1, buf, sizeof buf),
                        "vitals[1].temp");
    assert_string_equal(report_path("medications[2].doses[9].mg", 1, buf,
                                    sizeof buf),
                        "medications[3].doses[10].mg");
    assert_string_equal(report_path("vitals[0].temp", 0, buf, sizeof buf),
                        "vitals[0].temp");
    assert_string_equal(report_path("labs[x]", 1, buf, sizeof buf), "labs[x]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrap_leaves_short_lines_alone),
        cmocka_unit_test(wrap_breaks_at_spaces_under_the_text_column),
        cmocka_unit_test(wrap_counts_utf8_and_colour_as_their_width),
        cmocka_unit_test(wrap_cuts_a_word_longer_than_the_line),
        cmocka_unit_test(report_path_counts_entries_from_one),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
