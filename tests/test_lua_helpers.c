/*
 * test_lua_helpers.c - the C helpers of rules/lib (core/lua/prose.c,
 * kleene.c, memo.c: nms.num, nms.join, nms.list, nms.each, nms.at_least,
 * nms.describe_parts, nms.tally, nms.tally_known, nms.part, nms.evaluate,
 * nms.answer, nms.count_value, nms.memoize; namekey.c: nms.name_key;
 * readers.c: nms.sign_reader, nms.fact_reader;
 * series.c: nms.with_field, nms.largest_change, nms.extreme,
 * nms.earliest, nms.first_beyond, nms.by_field). Each probe in
 * tests/data/rules/helpers is selected by the case id: the agreement
 * probes compare the engine's answers with the Lua versions they replace
 * (oracle.lua) over random inputs; the attacks must fail their case
 * only, with the caller's line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "test_helpers.h"

/* A budget and a memory cap a 25th and a quarter of the defaults, so
 * that the attacks end soon under valgrind too, still far above what the
 * agreement probes need; a CPU limit no test reaches even under valgrind,
 * so that the budget is what stops loops. */
static int setup(void **state)
{
    struct nms_limits limits = {2000000, 16u << 20, 600000};

    *state = load_test_rules_with("helpers", &limits);
    return 0;
}

static int teardown(void **state)
{
    nms_engine_free(*state);
    return 0;
}

static struct nms_result *probe(void **state, const char *name)
{
    return evaluate_id(*state, name);
}

/* The probe's item is true with `evidence`. */
static void expect_true(void **state, const char *name, const char *evidence)
{
    struct nms_result *r = probe(state, name);

    if (r->error)
        fail_msg("%s: %s", name, r->error->message);
    if (r->sets[0].items[0].value != NMS_TRI_TRUE)
        fail_msg("%s: %s", name, r->sets[0].items[0].evidence);
    assert_string_equal(r->sets[0].items[0].evidence, evidence);
    nms_result_free(r);
}

/* The probe fails its case with `message` in the error, raised at a line
 * of probes.lua (the caller's, for the engine's own errors); the next
 * case evaluates normally. */
static void expect_stopped(void **state, const char *name, const char *message)
{
    struct nms_result *r = probe(state, name);

    assert_non_null(r->error);
    assert_int_equal(r->n_sets, 0);
    assert_non_null(strstr(r->error->file, "helpers/"));  /* (series_)probes.lua */
    assert_non_null(strstr(r->error->file, "probes.lua"));
    assert_true(r->error->line > 0);
    if (!strstr(r->error->message, message))
        fail_msg("%s: '%s' does not contain '%s'", name, r->error->message,
                 message);
    nms_result_free(r);
    expect_true(state, "ok", "fine");
}

/* The message starts with the position of the Lua line that called the
 * helper ("...probes.lua:N: "), as an error raised by Lua there would. */
static void expect_raised_at_caller(void **state, const char *name,
                                    const char *message)
{
    struct nms_result *r = probe(state, name);
    const char *at;

    assert_non_null(r->error);
    at = strstr(r->error->message, "probes.lua:");
    assert_non_null(at);
    assert_true(at[11] >= '1' && at[11] <= '9');
    nms_result_free(r);
    expect_stopped(state, name, message);
}

/* nms.num writes what string.format and fmt.num's gsubs wrote, including
 * past the number of texts it keeps. */
static void helpers_num_as_fmt_num_did(void **s)
{
    expect_true(s, "agree_num", "1000 agreed");
    expect_true(s, "num_many", "20000 agreed");
    expect_raised_at_caller(s, "num_bad_decimals",
                            "nms.num: decimals must be an integer from 0 to 99");
    expect_raised_at_caller(s, "num_no_number",
                            "bad argument #1 to 'num' (number expected, got table)");
}

static void helpers_join_as_fmt_join_did(void **s)
{
    expect_true(s, "agree_join", "1000 agreed");
}

static void helpers_list_as_fmt_list_did(void **s)
{
    expect_true(s, "agree_list", "1000 agreed");
}

static void helpers_each_as_fmt_each_did(void **s)
{
    expect_true(s, "agree_each", "1000 agreed");
}

static void helpers_count_as_tri_combine_did(void **s)
{
    expect_true(s, "agree_at_least", "1000 agreed");
    expect_true(s, "agree_describe_parts", "1000 agreed");
}

static void helpers_tally_as_tri_tally_did(void **s)
{
    expect_true(s, "agree_tally", "1000 agreed");
}

static void helpers_tally_known_as_exam_wrapped_it(void **s)
{
    expect_true(s, "agree_tally_known", "1000 agreed");
}

/* nms.memoize(fn) is nms.memo(fn, ...) without the Lua wrapper: the same
 * memory, 1 and 1.0 apart, nil past the sixth argument ignored as the
 * wrapper ignored it, a seventh argument refused. */
static void helpers_memoize_as_memo_wrap_did(void **s)
{
    expect_true(s, "memoize", "2");
    expect_raised_at_caller(s, "memoize_seven",
                            "memo.wrap: at most six arguments after the case");
    expect_raised_at_caller(s, "memoize_no_function",
                            "bad argument #1 to 'memoize' (function expected, got string)");
}

/* Which calls share a finding: those a Lua table key would not tell
 * apart, and no others (the memory's string keys, core/lua/memo.c). */
static void helpers_memo_tells_calls_apart_as_table_keys_do(void **s)
{
    expect_true(s, "memo_keys", "18");
    expect_true(s, "memo_many", "3001 2");
}

/* A finding without evidence or missing text is one table per value
 * within a case (finding.c), and a new one in the next case. */
static void helpers_bare_findings_shared_within_a_case(void **s)
{
    expect_true(s, "bare_findings", "first case");
    expect_true(s, "bare_findings", "renewed");
}

static void helpers_findings_as_tri_made_them(void **s)
{
    expect_true(s, "agree_findings", "1000 agreed");
}

/* __index, __len and __pairs never run: the tables are read raw. */
/* nms.name_key keys a drug name as lib/drugs.lua's patterns did. */
static void helpers_name_key_as_drugs_key_of_did(void **s)
{
    expect_true(s, "agree_name_key", "1000 agreed");
    expect_raised_at_caller(s, "name_key_no_separators",
                            "bad argument #2 to 'name_key' (table expected, got no value)");
}

static void helpers_run_no_metamethods(void **s)
{
    expect_true(s, "raw", "a; c | a");
}

/* Loops of a few Lua instructions around long walks in C: the walks are
 * charged, so the budget stops them as it stops a loop in Lua. */
static void helpers_walks_are_charged_to_the_budget(void **s)
{
#ifdef NMS_CALLGRIND_BUILD
    /* Run natively, this build's first run goes 100x longer unwatched
     * (CMakeLists.txt): a walk that allocates meets the memory cap before
     * the watchdog sends it to the counted run. */
    skip();
#endif
    expect_stopped(s, "join_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "join_sorted_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "list_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "each_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "describe_parts_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "at_least_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "tally_forever", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "tally_known_forever", "instruction budget of 2000000 exceeded");
}

static void helpers_text_is_under_the_memory_cap(void **s)
{
    expect_stopped(s, "join_memory", "memory cap of 16777216 bytes exceeded");
}

/* Judges and checks are rule code: their errors, loops and recursion
 * stop the case as anywhere else. */
static void helpers_judges_are_rule_code(void **s)
{
    expect_stopped(s, "tally_judge_error", "probes.lua:");
    expect_stopped(s, "tally_judge_error", "the judge failed");
    expect_stopped(s, "tally_judge_loops", "instruction budget of 2000000 exceeded");
    expect_stopped(s, "tally_growing", "exceeded");
    expect_stopped(s, "tally_recursion", "stack overflow");
    expect_stopped(s, "evaluate_recursion", "stack overflow");
}

static void helpers_check_their_arguments(void **s)
{
    expect_raised_at_caller(s, "join_bad_sep",
                            "bad argument #2 to 'join' (string expected, got table)");
    expect_raised_at_caller(s, "join_no_table",
                            "bad argument #1 to 'join' (table expected, got string)");
    expect_raised_at_caller(s, "list_bad_entry",
                            "entry 2 of the list is a table, not a text");
    expect_raised_at_caller(s, "each_bad_text",
                            "entry 1 of the list is a table, not a text");
    expect_stopped(s, "each_describe_error", "no words");
    expect_raised_at_caller(s, "describe_parts_bad_label",
                            "nms.describe_parts: the label of part 1 is a table, not a text");
    expect_raised_at_caller(s, "list_bad_max",
                            "bad argument #2 to 'list' (number expected, got string)");
    expect_raised_at_caller(s, "at_least_bad_part",
                            "nms.at_least: entry 1 is a number, not a table");
    expect_raised_at_caller(s, "at_least_bad_k",
                            "bad argument #1 to 'at_least' (number expected, got string)");
    expect_raised_at_caller(s, "tally_no_judge",
                            "bad argument #2 to 'tally' (function expected, got nil)");
    expect_raised_at_caller(s, "part_no_finding",
                            "bad argument #2 to 'part' (table expected, got nil)");
    expect_raised_at_caller(s, "evaluate_bad_check",
                            "nms.evaluate: the check of part 1 returned a string, not a finding");
    expect_raised_at_caller(s, "evaluate_bad_part",
                            "nms.evaluate: entry 1 is a string, not a table");
    expect_raised_at_caller(s, "answer_no_finding",
                            "bad argument #1 to 'answer' (table expected, got number)");
}

/* nms.sign_reader and nms.fact_reader (readers.c) answer what exam.flag,
 * exam.level and record.flag's Lua readings answer, or call their
 * fallback (a sign: its judge, for a field exams recorded) with the same
 * arguments: with evidence wanted (only kept
 * findings of unrecorded signs) and without (the exams' and the record's
 * values too); case data read as Lua reads it (metatables), odd
 * arguments and junk in the helpers' tables sent to the fallback. */
static void helpers_readers_as_exam_and_record_read(void **s)
{
    struct nms_result *r;

    expect_true(s, "agree_readers", "300 agreed");
    nms_engine_set_evidence(*s, NMS_EVIDENCE_NONE);
    r = probe(s, "agree_readers_quiet");
    nms_engine_set_evidence(*s, NMS_EVIDENCE_ALL);
    if (r->error)
        fail_msg("agree_readers_quiet: %s", r->error->message);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_TRUE);
    nms_result_free(r);
    expect_raised_at_caller(s, "sign_reader_no_fallback",
                            "bad argument #2 to 'sign_reader' (function expected, got nil)");
    expect_raised_at_caller(s, "sign_reader_no_judge",
                            "bad argument #6 to 'sign_reader' (function expected, got no value)");
    expect_raised_at_caller(s, "fact_reader_no_kept",
                            "bad argument #2 to 'fact_reader' (table expected, got nil)");
#ifndef NMS_CALLGRIND_BUILD     /* as helpers_walks_are_charged_to_the_budget */
    expect_stopped(s, "sign_reader_forever", "instruction budget of 2000000 exceeded");
#endif
}

/* The walks over a case's readings (series.c) and tri.count_value answer
 * as lib/vitals.lua, lib/exam.lua and lib/tri.lua did in Lua: the same
 * entries chosen, ties, NaN, signed zeros, integers beyond 2^53 against
 * floats, undated and out-of-order readings, and series longer than the
 * 12 scanned whole and the 64 kept on the C stack. */
static void helpers_series_as_vitals_walked_them(void **s)
{
    static const struct {
        const char *probe, *evidence;
    } agreements[] = {
        {"agree_largest_change", "1000 agreed"}, {"agree_largest_change_long", "100 agreed"},
        {"agree_extreme", "1000 agreed"}, {"agree_earliest", "1000 agreed"},
        {"agree_first_beyond", "1000 agreed"},
        {"agree_with_field", "1000 agreed"}, {"agree_by_field", "1000 agreed"},
        {"agree_count_value", "1000 agreed"}, {"series_raw", "raw"}};
    size_t i;

    for (i = 0; i < sizeof agreements / sizeof agreements[0]; i++)
        expect_true(s, agreements[i].probe, agreements[i].evidence);
}

static void helpers_series_walks_are_charged_to_the_budget(void **s)
{
    static const char *const walks[] = {
        "largest_change_forever", "with_field_forever", "extreme_forever",
        "earliest_forever", "by_field_forever", "count_value_forever",
        "first_beyond_forever"};
    size_t i;

#ifdef NMS_CALLGRIND_BUILD
    skip();     /* as helpers_walks_are_charged_to_the_budget */
#endif
    for (i = 0; i < sizeof walks / sizeof walks[0]; i++)
        expect_stopped(s, walks[i], "instruction budget of 2000000 exceeded");
}

/* Each probe and the message it raises at the caller's line. */
static const struct {
    const char *probe, *message;
} series_bad_arguments[] = {
    {"largest_change_no_list",
     "bad argument #1 to 'largest_change' (table expected, got string)"},
    {"largest_change_negative",
     "bad argument #3 to 'largest_change' (a window cannot be negative)"},
    {"largest_change_no_hours",
     "bad argument #3 to 'largest_change' (number expected, got string)"},
    {"largest_change_bad_value",
     "nms.largest_change: the sbp of entry 2 is a string, not a number"},
    {"largest_change_bad_entry",
     "nms.largest_change: entry 2 is a number, not a table"},
    {"with_field_bad_entry", "nms.with_field: entry 2 is a string, not a table"},
    {"extreme_bad_value", "nms.extreme: the sbp of entry 2 is a table, not a number"},
    {"earliest_bad_time", "nms.earliest: the t of entry 1 is a string, not a number"},
    {"first_beyond_bad_value", "nms.first_beyond: the sbp of entry 2 is a string, not a number"},
    {"first_beyond_no_limit",
     "bad argument #3 to 'first_beyond' (number expected, got string)"},
    {"by_field_bad_entry", "nms.by_field: entry 1 is a number, not a table"},
    {"count_value_no_judge",
     "bad argument #3 to 'count_value' (function expected, got nil)"},
};

static void helpers_series_check_their_arguments(void **s)
{
    size_t i;

    for (i = 0; i < sizeof series_bad_arguments / sizeof series_bad_arguments[0]; i++)
        expect_raised_at_caller(s, series_bad_arguments[i].probe,
                                series_bad_arguments[i].message);
    expect_stopped(s, "count_value_judge_error", "the judge failed");
    expect_stopped(s, "count_value_judge_loops", "instruction budget of 2000000 exceeded");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(helpers_num_as_fmt_num_did),
        cmocka_unit_test(helpers_join_as_fmt_join_did),
        cmocka_unit_test(helpers_list_as_fmt_list_did),
        cmocka_unit_test(helpers_each_as_fmt_each_did),
        cmocka_unit_test(helpers_count_as_tri_combine_did),
        cmocka_unit_test(helpers_tally_as_tri_tally_did),
        cmocka_unit_test(helpers_tally_known_as_exam_wrapped_it),
        cmocka_unit_test(helpers_memoize_as_memo_wrap_did),
        cmocka_unit_test(helpers_memo_tells_calls_apart_as_table_keys_do),
        cmocka_unit_test(helpers_bare_findings_shared_within_a_case),
        cmocka_unit_test(helpers_findings_as_tri_made_them),
        cmocka_unit_test(helpers_name_key_as_drugs_key_of_did),
        cmocka_unit_test(helpers_run_no_metamethods),
        cmocka_unit_test(helpers_walks_are_charged_to_the_budget),
        cmocka_unit_test(helpers_text_is_under_the_memory_cap),
        cmocka_unit_test(helpers_judges_are_rule_code),
        cmocka_unit_test(helpers_check_their_arguments),
        cmocka_unit_test(helpers_readers_as_exam_and_record_read),
        cmocka_unit_test(helpers_series_as_vitals_walked_them),
        cmocka_unit_test(helpers_series_walks_are_charged_to_the_budget),
        cmocka_unit_test(helpers_series_check_their_arguments),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
