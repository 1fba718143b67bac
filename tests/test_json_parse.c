/*
 * test_json_parse.c - nms_json_parse, the one pass that checks a record
 * and builds its tree (core/input/json_check.c), against the two it
 * replaces for every case: its tree against cJSON's, node by node and bit
 * by bit (numbers through the fast path and through strtod, escapes,
 * records larger than the first block), and its faults against
 * nms_json_check's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/json_check.h"
#include "test_quick.h"

/* Fails the test unless trees a and b have the same shape, types, keys,
 * strings, valueint and the same bits in valuedouble, and the same
 * links (prev as cJSON sets it). */
static void assert_same_tree(const cJSON *a, const cJSON *b)
{
    const cJSON *x, *y;

    assert_int_equal(a->type, b->type);
    if (a->string == NULL || b->string == NULL)
        assert_ptr_equal(a->string, b->string);
    else
        assert_string_equal(a->string, b->string);
    if (cJSON_IsString(a))
        assert_string_equal(a->valuestring, b->valuestring);
    if (cJSON_IsNumber(a)) {
        assert_memory_equal(&a->valuedouble, &b->valuedouble,
                            sizeof a->valuedouble);
        assert_int_equal(a->valueint, b->valueint);
    }
    for (x = a->child, y = b->child; x != NULL && y != NULL;
         x = x->next, y = y->next) {
        assert_same_tree(x, y);
        assert_true((x->prev == NULL) == (y->prev == NULL));
    }
    assert_null(x);
    assert_null(y);
}

/* Parses `text` both ways; they must agree. */
static void assert_parses_as_cjson(const char *text)
{
    struct nms_json_tree *tree = malloc(sizeof *tree);
    struct nms_json_check chk, plain;
    cJSON *want = cJSON_Parse(text);

    assert_non_null(tree);
    assert_non_null(want);
    nms_json_tree_init(tree);
    assert_int_equal(nms_json_parse(text, strlen(text), &chk, tree), 0);
    assert_non_null(tree->root);
    assert_same_tree(tree->root, want);
    /* The check's outcome is the check's: the label's place too. */
    assert_int_equal(nms_json_check(text, strlen(text), &plain), 0);
    assert_int_equal(chk.label_start, plain.label_start);
    assert_int_equal(chk.label_end, plain.label_end);
    nms_json_tree_release(tree);
    assert_null(tree->root);
    cJSON_Delete(want);
    free(tree);
}

static void json_parse_builds_the_tree_cjson_builds(void **state)
{
    (void)state;
    assert_parses_as_cjson("{}");
    assert_parses_as_cjson("[]");
    assert_parses_as_cjson(" \t\r\n[1, [], {}, [[]], {\"a\": {}}] \n");
    assert_parses_as_cjson("{\"id\": \"c1\", \"age\": 61, \"sex\": \"M\","
                           " \"ok\": true, \"no\": false, \"none\": null,"
                           " \"vitals\": [{\"t\": 0, \"temp\": 38.9},"
                           " {\"t\": 1.5, \"hr\": 120}],"
                           " \"label\": {\"nms\": [1, \"x\"]}}");
    /* Keys given twice stay twice: the case parser refuses them. */
    assert_parses_as_cjson("{\"a\": 1, \"a\": 2}");
    assert_parses_as_cjson("\"top\"");
    assert_parses_as_cjson("true");
    assert_parses_as_cjson("null");
}

static void json_parse_reads_numbers_bit_for_bit(void **state)
{
    /* The fast path (<= 15 digits, 10^+-22) and each way out of it:
     * 16+ digits, exponents beyond 22, under- and overflow, negative
     * zero, leading zeros of a fraction, trailing zeros, int saturation. */
    static const char *const numbers[] = {
        "0", "-0", "-0.0", "0.0e5", "1", "-1", "37.2", "0.1", "0.2", "0.3",
        "120", "1.5e3", "1.5E+3", "15e-1", "2.5e-22", "1e22", "1e23",
        "1e-22", "1e-23", "0.000000123", "123456789012345",
        "1234567890123456", "12345678901234567890", "9007199254740993",
        "0.30000000000000004", "2.2250738585072014e-308", "4.9e-324",
        "1e-400", "1.7976931348623157e308", "-1.7976931348623157e308",
        "1e400", "-1e400", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "1e0000000000000000000000000000001", "38.900000",
        "100.0000000000000000001", "0.1e1", "-7.25e-5", "99.95"};
    char text[128];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        snprintf(text, sizeof text, "[%s]", numbers[i]);
        assert_parses_as_cjson(text);
    }
}

/* A number longer than the 63 bytes cJSON reads of one is read whole,
 * as strtod reads it (cJSON refused the record). */
static void json_parse_reads_long_numbers_whole(void **state)
{
    const char *n = "0.000000000000000000000000000000000000000000000000000"
                    "000000000000000000000000000001234";
    struct nms_json_tree *tree = malloc(sizeof *tree);
    struct nms_json_check chk;
    double want = strtod(n, NULL);

    (void)state;
    assert_non_null(tree);
    assert_true(strlen(n) > 63);
    nms_json_tree_init(tree);
    assert_int_equal(nms_json_parse(n, strlen(n), &chk, tree), 0);
    assert_true(cJSON_IsNumber(tree->root));
    assert_memory_equal(&tree->root->valuedouble, &want, sizeof want);
    assert_true(want > 0);
    nms_json_tree_release(tree);
    free(tree);
}

static void json_parse_decodes_strings_as_cjson(void **state)
{
    (void)state;
    assert_parses_as_cjson("[\"plain\", \"\", \"caf\xc3\xa9\", "
                           "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]");
    assert_parses_as_cjson("[\"\\u0041\\u00e9\\u20ac\\uffff\", "
                           "\"\\ud83d\\ude00 and \\uD834\\uDD1E\"]");
    assert_parses_as_cjson("{\"k\\u00e9y\": \"v\", \"\\n\": 1}");
    assert_parses_as_cjson("[\"\xf0\x9f\x98\x80\xe2\x82\xac\"]");
}

/* A record past the first block: nodes and strings in blocks that grow,
 * the longest string alone larger than the first block. */
static void json_parse_grows_past_the_first_block(void **state)
{
    size_t n = test_quick() ? 3000 : 20000, i, used = 0;
    size_t size = n * 24 + 3 * NMS_JSON_TREE_FIRST + 64;
    char *text = malloc(size);

    (void)state;
    assert_non_null(text);
    used += (size_t)snprintf(text + used, size - used, "[\"");
    for (i = 0; i < 2 * NMS_JSON_TREE_FIRST; i++)
        text[used++] = (char)('a' + i % 26);
    used += (size_t)snprintf(text + used, size - used, "\"");
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(text + used, size - used,
                                 ",{\"i\":%zu,\"s\":\"x%zu\"}", i, i);
    used += (size_t)snprintf(text + used, size - used, "]");
    assert_true(used < size);
    assert_parses_as_cjson(text);
    free(text);
}

/* A faulty record gives the check's fault at the check's place, and the
 * partly built tree is released (valgrind and ASan see it). */
static void json_parse_faults_as_the_check_does(void **state)
{
    static const char *const bad[] = {
        "",       "  ",          "{",          "[1,]",        "{\"a\" 1}",
        "[01]",   "[1.]",        "[1e]",       "[-]",         "[\"a",
        "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "[\"\\udc00\"]",
        "{\"id\": \"\\u0000\"}", "[\"\xff\"]", "[\"a\tb\"]", "[tru]",
        "[nul", "[1] [2]", "{\"a\": [1, 2, {\"b\": \"c\"}, x]}",
        "[1e99999999999999999999]x"};
    struct nms_json_tree *tree = malloc(sizeof *tree);
    struct nms_json_check chk, want;
    size_t i;

    (void)state;
    assert_non_null(tree);
    nms_json_tree_init(tree);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t len = strlen(bad[i]);

        assert_int_equal(nms_json_check(bad[i], len, &want), -1);
        assert_int_equal(nms_json_parse(bad[i], len, &chk, tree), -1);
        assert_int_equal(chk.fault, want.fault);
        assert_int_equal(chk.pos, want.pos);
        assert_ptr_equal(chk.message, want.message);
        assert_null(tree->root);
        nms_json_tree_release(tree);
    }
    /* The label may hold \u0000: its text is passed on as written. */
    {
        const char *label = "{\"label\": \"a\\u0000b\"}";

        assert_int_equal(nms_json_parse(label, strlen(label), &chk, tree), 0);
    }
    assert_int_equal(chk.label_start, 10);
    assert_int_equal(chk.label_end, 20);
    nms_json_tree_release(tree);
    free(tree);
}

/* Nesting at the limit builds; one deeper is the check's fault. */
static void json_parse_keeps_the_nesting_limit(void **state)
{
    size_t depth = NMS_JSON_MAX_DEPTH, i;
    char *text = malloc(2 * (depth + 1) + 1);
    struct nms_json_tree *tree = malloc(sizeof *tree);
    struct nms_json_check chk;

    (void)state;
    assert_non_null(text);
    assert_non_null(tree);
    for (i = 0; i < depth; i++) {
        text[i] = '[';
        text[2 * depth - 1 - i] = ']';
    }
    text[2 * depth] = '\0';
    assert_parses_as_cjson(text);
    memmove(text + 1, text, 2 * depth + 1);
    text[0] = '[';
    memcpy(text + 2 * depth + 1, "]", 2);
    nms_json_tree_init(tree);
    assert_int_equal(nms_json_parse(text, strlen(text), &chk, tree), -1);
    assert_int_equal(chk.fault, NMS_JSON_MESSAGE);
    assert_string_equal(chk.message, "nesting deeper than 1000 levels");
    nms_json_tree_release(tree);
    free(tree);
    free(text);
}

/* Every record of a test cohort, as cJSON reads it. */
static void json_parse_reads_a_cohort_as_cjson(void **state)
{
    FILE *f = fopen(NMS_TEST_DATA "/accuracy/cohort.jsonl", "r");
    static char line[1 << 16];
    int n = 0;

    (void)state;
    assert_non_null(f);
    while (fgets(line, sizeof line, f) != NULL) {
        if (line[0] == '{') {
            assert_parses_as_cjson(line);
            n++;
        }
    }
    fclose(f);
    assert_true(n >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_parse_builds_the_tree_cjson_builds),
        cmocka_unit_test(json_parse_reads_numbers_bit_for_bit),
        cmocka_unit_test(json_parse_reads_long_numbers_whole),
        cmocka_unit_test(json_parse_decodes_strings_as_cjson),
        cmocka_unit_test(json_parse_grows_past_the_first_block),
        cmocka_unit_test(json_parse_faults_as_the_check_does),
        cmocka_unit_test(json_parse_keeps_the_nesting_limit),
        cmocka_unit_test(json_parse_reads_a_cohort_as_cjson),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
