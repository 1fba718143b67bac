/*
 * test_repl_input.c - gathering one REPL entry from lines
 * (repl/session/input.c): a dot-command is one line, a Lua chunk as many
 * lines as it takes to compile, and an entry past REPL_MAX_INPUT is
 * dropped with a message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "repl_test_helpers.h"
#include "session/input.h"

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

static struct input in;

static void input_takes_a_dot_command_as_one_line(void **state)
{
    struct repl_fixture *f = *state;

    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, ".vitals temp=39 at 6h", 7),
                     INPUT_READY);
    assert_string_equal(in.buf, ".vitals temp=39 at 6h");
    assert_int_equal(in.first_line, 7);
}

static void input_takes_blank_lines_and_comments_as_whole_entries(void **state)
{
    struct repl_fixture *f = *state;

    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "   ", 1), INPUT_READY);
    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "# a note", 2), INPUT_READY);
}

static void input_asks_for_more_until_a_lua_chunk_compiles(void **state)
{
    struct repl_fixture *f = *state;

    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "for i = 1, 3 do", 10), INPUT_MORE);
    assert_int_equal(input_add(&in, &f->s, "  print(i)", 11), INPUT_MORE);
    assert_int_equal(input_add(&in, &f->s, "end", 12), INPUT_READY);
    assert_string_equal(in.buf, "for i = 1, 3 do\n  print(i)\nend");
    assert_int_equal(in.first_line, 10);
}

static void input_ends_an_unfinished_long_string_only_when_closed(void **state)
{
    struct repl_fixture *f = *state;

    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "s = [[first", 1), INPUT_MORE);
    assert_int_equal(input_add(&in, &f->s, "second]]", 2), INPUT_READY);
}

static void input_hands_a_syntax_error_on_to_be_reported(void **state)
{
    struct repl_fixture *f = *state;

    /* Not incomplete: running it reports the error. */
    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "x = = 1", 1), INPUT_READY);
    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "end", 1), INPUT_READY);
}

static void input_reads_a_dot_line_inside_a_chunk_as_lua(void **state)
{
    struct repl_fixture *f = *state;

    /* Meta-commands are recognised only when no chunk is pending. */
    input_reset(&in);
    assert_int_equal(input_add(&in, &f->s, "t = {", 1), INPUT_MORE);
    assert_int_equal(input_add(&in, &f->s, ".5 }", 2), INPUT_READY);
    assert_string_equal(in.buf, "t = {\n.5 }");
}

static void input_drops_an_entry_past_the_limit_with_a_message(void **state)
{
    struct repl_fixture *f = *state;
    static char line[REPL_MAX_INPUT / 4];
    struct capture c;
    enum input_state st = INPUT_MORE;
    const char *err;
    int i;

    memset(line, ' ', sizeof line - 1);
    line[sizeof line - 1] = '\0';
    input_reset(&in);
    f->s.place.failed = 0;
    capture_start(&c);
    assert_int_equal(input_add(&in, &f->s, "x = {", 1), INPUT_MORE);
    for (i = 0; i < 8 && st == INPUT_MORE; i++)
        st = input_add(&in, &f->s, line, 2 + i);
    err = capture_end(&c);
    assert_int_equal(st, INPUT_TOOLONG);
    assert_int_equal(in.len, 0);
    assert_string_equal(err, "error: input too long (more than 65536 bytes "
                             "in one entry)\n");
    assert_int_equal(f->s.place.failed, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(input_takes_a_dot_command_as_one_line),
        cmocka_unit_test(input_takes_blank_lines_and_comments_as_whole_entries),
        cmocka_unit_test(input_asks_for_more_until_a_lua_chunk_compiles),
        cmocka_unit_test(input_ends_an_unfinished_long_string_only_when_closed),
        cmocka_unit_test(input_hands_a_syntax_error_on_to_be_reported),
        cmocka_unit_test(input_reads_a_dot_line_inside_a_chunk_as_lua),
        cmocka_unit_test(input_drops_an_entry_past_the_limit_with_a_message),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
