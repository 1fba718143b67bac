/*
 * test_sandbox.c - what a rule cannot do. Each attack in
 * tests/data/rules/hostile/attacks.lua is selected by the case id; it must
 * fail that case with an error naming the rule, its file and line, and the
 * next case must still evaluate normally.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "test_helpers.h"

static int setup(void **state)
{
    *state = load_test_rules("hostile");
    return 0;
}

static int teardown(void **state)
{
    nms_engine_free(*state);
    return 0;
}

static struct nms_result *attack(struct nms_engine *e, const char *name)
{
    char json[128];

    snprintf(json, sizeof json, "{\"id\": \"%s\"}", name);
    return evaluate(e, json);
}

/* The attack fails its case with `message` in the error, and a harmless
 * case right after it evaluates with the string library intact. */
static void expect_stopped(void **state, const char *name, const char *message)
{
    struct nms_engine *e = *state;
    struct nms_result *r = attack(e, name);

    assert_non_null(r->error);
    assert_int_equal(r->n_sets, 0);
    assert_string_equal(r->error->rule, "attacks.attack");
    assert_non_null(r->error->file);
    assert_non_null(strstr(r->error->file, "hostile/attacks.lua"));
    assert_true(r->error->line > 0);
    if (!strstr(r->error->message, message))
        fail_msg("'%s' does not contain '%s'", r->error->message, message);
    nms_result_free(r);

    r = attack(e, "ok");
    assert_null(r->error);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_TRUE);
    assert_int_equal(r->sets[0].items[1].value, NMS_TRI_TRUE);
    assert_string_equal(r->sets[0].items[1].evidence, "A");
    nms_result_free(r);
}

static void sandbox_has_no_os(void **s) { expect_stopped(s, "os", "undefined global 'os'"); }
static void sandbox_has_no_io(void **s) { expect_stopped(s, "io", "undefined global 'io'"); }
static void sandbox_has_no_debug(void **s) { expect_stopped(s, "debug", "undefined global 'debug'"); }
static void sandbox_has_no_package(void **s) { expect_stopped(s, "package", "undefined global 'package'"); }
static void sandbox_has_no_dofile(void **s) { expect_stopped(s, "dofile", "undefined global 'dofile'"); }
static void sandbox_has_no_loadfile(void **s) { expect_stopped(s, "loadfile", "undefined global 'loadfile'"); }

static void sandbox_has_no_string_dump(void **s)
{
    expect_stopped(s, "dump", "attempt to call a nil value (field 'dump')");
}

static void sandbox_load_refuses_binary_chunks(void **s)
{
    expect_stopped(s, "binary", "attempt to load a binary chunk");
}

static void sandbox_require_only_finds_ruleset_modules(void **s)
{
    expect_stopped(s, "require_os", "attacks.lua:");
    expect_stopped(s, "require_os", "module 'os' not found in the ruleset "
                                    "(no file '");
}

static void sandbox_rejects_global_assignment(void **s)
{
    expect_stopped(s, "set_global", "assignment to global 'leaked' is not allowed");
    /* and so nothing leaked into the next case */
    expect_stopped(s, "read_global", "undefined global 'leaked'");
}

static void sandbox_hides_string_metatable(void **s)
{
    expect_stopped(s, "string_meta", "attempt to index a boolean value");
}

static void sandbox_string_library_is_read_only(void **s)
{
    expect_stopped(s, "string_lib", "cannot modify the read-only table (field 'upper')");
}

static void sandbox_stops_infinite_loop(void **s)
{
    expect_stopped(s, "loop", "instruction budget of 50000000 exceeded");
}

static void sandbox_stops_loop_hidden_in_pcall(void **s)
{
    expect_stopped(s, "pcall_loop", "instruction budget of 50000000 exceeded");
}

static void sandbox_stops_unbounded_recursion(void **s)
{
    expect_stopped(s, "recursion", "stack overflow");
}

static void sandbox_caps_huge_string(void **s)
{
    expect_stopped(s, "memory_rep", "memory cap of 67108864 bytes exceeded");
}

static void sandbox_caps_growing_table(void **s)
{
    expect_stopped(s, "memory_table", "memory cap of 67108864 bytes exceeded");
}

static void sandbox_refuses_catastrophic_pattern(void **s)
{
    expect_stopped(s, "pattern", "pattern with 20 quantifiers is too costly "
                                 "for a subject of 40 bytes (sandbox limit)");
}

static void sandbox_allows_plain_find(void **s)
{
    struct nms_result *r = attack(*s, "plain_find");

    assert_null(r->error);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_TRUE);
    nms_result_free(r);
}

static void sandbox_reports_rule_error_with_line(void **s)
{
    struct nms_result *r = attack(*s, "error");

    assert_non_null(r->error);
    assert_non_null(strstr(r->error->message, "attacks.lua:"));
    assert_non_null(strstr(r->error->message, ": deliberate failure"));
    assert_true(r->error->line > 1);
    nms_result_free(r);
}

static void sandbox_rejects_non_boolean_value(void **s)
{
    expect_stopped(s, "bad_value", "check must return true, false or nil first, got number");
}

static void sandbox_requires_evidence(void **s)
{
    expect_stopped(s, "no_evidence", "check must return its evidence as a string second, got nil");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sandbox_has_no_os),
        cmocka_unit_test(sandbox_has_no_io),
        cmocka_unit_test(sandbox_has_no_debug),
        cmocka_unit_test(sandbox_has_no_package),
        cmocka_unit_test(sandbox_has_no_dofile),
        cmocka_unit_test(sandbox_has_no_loadfile),
        cmocka_unit_test(sandbox_has_no_string_dump),
        cmocka_unit_test(sandbox_load_refuses_binary_chunks),
        cmocka_unit_test(sandbox_require_only_finds_ruleset_modules),
        cmocka_unit_test(sandbox_rejects_global_assignment),
        cmocka_unit_test(sandbox_hides_string_metatable),
        cmocka_unit_test(sandbox_string_library_is_read_only),
        cmocka_unit_test(sandbox_stops_infinite_loop),
        cmocka_unit_test(sandbox_stops_loop_hidden_in_pcall),
        cmocka_unit_test(sandbox_stops_unbounded_recursion),
        cmocka_unit_test(sandbox_caps_huge_string),
        cmocka_unit_test(sandbox_caps_growing_table),
        cmocka_unit_test(sandbox_refuses_catastrophic_pattern),
        cmocka_unit_test(sandbox_allows_plain_find),
        cmocka_unit_test(sandbox_reports_rule_error_with_line),
        cmocka_unit_test(sandbox_rejects_non_boolean_value),
        cmocka_unit_test(sandbox_requires_evidence),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
