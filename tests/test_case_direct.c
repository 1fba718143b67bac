/*
 * test_case_direct.c - the direct reader (core/input/case_direct.c)
 * against the tree walk of case_json.c: the same case, error and
 * warnings for every record, numbers bit for bit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_int.h"
#include "input/case_json.h"
#include "nms/case.h"

#include "case_test_helpers.h"

/* 1 when the structs at a and b described by `rec` hold the same values
 * (numbers bit for bit, NaN equal to NaN). */
static int same_record(const struct nms_schema *rec, const char *a,
                       const char *b)
{
    const struct nms_field *f;
    const char *sa, *sb, *ea, *eb;
    size_t i, j, na, nb;

    for (i = 0; i < rec->n_fields; i++) {
        f = &rec->fields[i];
        switch (f->kind) {
        case NMS_FIELD_NUMBER:
        case NMS_FIELD_TIME:
            if (memcmp(a + f->offset, b + f->offset, sizeof(double)) != 0)
                return 0;
            break;
        case NMS_FIELD_BOOL:
            if (a[f->offset] != b[f->offset])
                return 0;
            break;
        case NMS_FIELD_ENUM:
        case NMS_FIELD_STRING:
        case NMS_FIELD_RAW:
            memcpy(&sa, a + f->offset, sizeof sa);
            memcpy(&sb, b + f->offset, sizeof sb);
            if ((sa == NULL) != (sb == NULL) || (sa && strcmp(sa, sb) != 0))
                return 0;
            break;
        case NMS_FIELD_OBJECT:
            if (!same_record(f->record, a + f->offset, b + f->offset))
                return 0;
            break;
        case NMS_FIELD_ARRAY:
            memcpy(&ea, a + f->offset, sizeof ea);
            memcpy(&eb, b + f->offset, sizeof eb);
            memcpy(&na, a + f->count_offset, sizeof na);
            memcpy(&nb, b + f->count_offset, sizeof nb);
            if ((ea == NULL) != (eb == NULL) || na != nb)
                return 0;
            for (j = 0; j < na; j++)
                if (!same_record(f->record, ea + j * f->record->size,
                                 eb + j * f->record->size))
                    return 0;
            break;
        }
    }
    return 1;
}

/* Reads `text` through nms_case_parse (the direct reader first) and
 * through the strict check and cJSON's tree (nms_case_parse_tree, as
 * nms_case_parse read every record before), and fails unless the two
 * cases are the same: values, time form, error and warnings. */
static void expect_read_alike(const char *text)
{
    struct nms_case *direct = nms_case_parse(text, strlen(text), "t", 1, 0);
    cJSON *root = cJSON_Parse(text);
    struct nms_case *tree =
        nms_case_parse_tree(text, strlen(text), root, "t", 1, 0);
    size_t i;

    assert_non_null(root);
    assert_non_null(direct);
    assert_non_null(tree);
    if (!same_record(&nms_case_schema, (const char *)direct,
                     (const char *)tree) ||
        direct->time_form != tree->time_form ||
        direct->assessed_at_given != tree->assessed_at_given ||
        (direct->error == NULL) != (tree->error == NULL) ||
        direct->n_warnings != tree->n_warnings)
        fail_msg("read apart: %s", text);
    if (direct->error)
        assert_string_equal(direct->error->message, tree->error->message);
    for (i = 0; i < direct->n_warnings; i++)
        assert_string_equal(direct->warnings[i].message,
                            tree->warnings[i].message);
    nms_case_free(direct);
    nms_case_free(tree);
    cJSON_Delete(root);
}

/* The direct reader (case_direct.c) gives the case the tree walk gives,
 * on records it reads and on those it must leave to case_json.c: every
 * kind of field, quantities, nulls, empty arrays, labels, numbers in
 * every form, strings with escapes, and records with errors or warnings. */
static void case_json_direct_reader_reads_as_the_tree_does(void **state)
{
    const char *const records[] = {
        complete_case(),
        "{}",
        "{\"id\": \"x\", \"vitals\": [], \"labs\": [null, {}], \"exam\": null}",
        "{\"vitals\": [{\"t\": -0.0, \"temp\": 3.91e1, \"hr\": 1.2E2},"
        " {\"t\": 1e0, \"temp\": {\"value\": 102.2, \"unit\": \"[degF]\"}},"
        " {\"temp\": {\"unit\": \"Cel\", \"value\": null}}]}",
        "{\"vitals\": [{\"temp\": {\"value\": 39}}]}",
        "{\"vitals\": [{\"temp\": {\"value\": 39, \"unit\": \"K\"}}]}",
        "{\"vitals\": [{\"temp\": {\"value\": 39, \"unit\": \"Cel\", \"x\": 1}}]}",
        "{\"vitals\": [{\"temp\": 391}]}",
        "{\"vitals\": [{\"temp\": 1e999}]}",
        "{\"vitals\": [{\"t\": \"2026-03-03T02:10Z\"}], \"assessed_at\": 5}",
        "{\"vitals\": [{\"t\": \"2026-03-03T02:10Z\"}],"
        " \"assessed_at\": \"2026-03-04T04:10:30+02:00\"}",
        "{\"id\": \"caf\\u00e9\", \"medications\": [{\"drug\": \"Haldol\\n\"}]}",
        "{\"id\": \"café ☃\", \"medications\": [{\"drug\": \"\", \"route\": \"po\"}]}",
        "{\"exam\": [{\"rigidity\": \"severe\", \"rigidity\": \"mild\"}]}",
        "{\"exam\": [{\"rigidity\": \"sever\"}]}",
        "{\"exam\": [{\"rigidty\": \"severe\"}]}",
        "{\"exam\": [{\"tremor\": 1}], \"vitals\": {}}",
        "{\"label\": {\"nms\": true, \"n\": 12345678901234567890, \"s\": \"a\\\"b\"},"
        " \"id\": \"L\"}",
        "{\"label\": null, \"id\": 7}",
        "{\"la\\u0062el\": 1}",
        "[1, 2]",
        "{\"vitals\": [{\"hr\": 000000000000000000000000000000000000000000000000000000000000000001}]}",
        "{\"vitals\": [{\"hr\": 0.0000000000000000000000000000000000000000000000000000000000000120e2}]}",
        "  {\"patient\": {\"age\": 34, \"sex\": \"female\"}}  \n",
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof records / sizeof records[0]; i++)
        expect_read_alike(records[i]);
}

/* One number in one of five forms (integer, decimal, 0.decimal, with an
 * exponent, decimal with an exponent) at buf; returns its length. */
static size_t some_number(uint64_t x, char *buf, size_t size)
{
    unsigned long long a = (unsigned long long)(x >> (x % 40 + 4));
    unsigned long long b = (unsigned long long)((x >> 8) % 100000000000000000u);
    int digits = (int)(x % 23), n = 0;
    const char *sign = x % 3 == 0 ? "-" : "";

    switch ((x >> 32) % 5) {
    case 0:
        n = snprintf(buf, size, "%s%llu", sign, a);
        break;
    case 1:
        n = snprintf(buf, size, "%s%llu.%0*llu", sign, a, digits, b);
        break;
    case 2:
        n = snprintf(buf, size, "%s0.%0*llu", sign, digits, b);
        break;
    case 3:
        n = snprintf(buf, size, "%s%llue%d", sign, a, digits - 11);
        break;
    default:
        n = snprintf(buf, size, "%s%llu.%0*lluE-%d", sign, a, digits, b, digits);
        break;
    }
    return n > 0 ? (size_t)n : 0;
}

/* Numbers in every form the direct reader meets (case_direct.c reads the
 * usual decimals itself, the rest with strtod as cJSON does): 20 records
 * of 500 timed entries each, from a fixed generator, read alike bit for
 * bit. Times in hours take any finite number, so no value is declined. */
static void case_json_direct_reader_reads_numbers_as_strtod(void **state)
{
    uint64_t x = 88172645463325252u;
    size_t size = 500 * 80, used;
    char *text = malloc(size);
    int round, entry;

    (void)state;
    assert_non_null(text);
    for (round = 0; round < 20; round++) {
        used = (size_t)snprintf(text, size, "{\"vitals\": [");
        for (entry = 0; entry < 500; entry++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            used += (size_t)snprintf(text + used, size - used, "%s{\"t\": ",
                                     entry ? ", " : "");
            used += some_number(x, text + used, size - used);
            used += (size_t)snprintf(text + used, size - used, "}");
        }
        snprintf(text + used, size - used, "]}");
        expect_read_alike(text);
    }
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_json_direct_reader_reads_as_the_tree_does),
        cmocka_unit_test(case_json_direct_reader_reads_numbers_as_strtod),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
