/*
 * fuzz_case.c - libFuzzer target: arbitrary bytes as case records.
 *
 * Each input goes through two paths, the way the program sees a file:
 *   1. the bytes as one record: nms_case_parse, nms_case_finish (once
 *      without and once with an as-of time) and nms_output_json of the
 *      record with no result, as for a case that is not evaluated;
 *   2. the bytes as a whole source: the reader splits them (JSON Lines, a
 *      JSON array, one document, BOM, CRLF, over-long records) and every
 *      record it hands out is parsed, finished and written the same way;
 *   3. the one-pass parse a case is read with (nms_json_parse) against
 *      the two it replaced: the check's fault and place, and, for valid
 *      text, cJSON's tree node for node; any difference aborts.
 * Nothing is evaluated here; fuzz_evaluate.c runs the ruleset.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "input/json_check.h"
#include "nms/case.h"
#include "nms/output.h"
#include "nms/reader.h"
#include "input/reader_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Records read from one input at most; JSON Lines of tiny records would
 * otherwise spend the whole run in one input. */
#define MAX_RECORDS 256

/* Writes the output record of `c` (no result, no ruleset) and drops it. */
static void write_record(const struct nms_case *c, int pretty)
{
    free(nms_output_json(c, NULL, NULL, pretty ? NMS_OUTPUT_PRETTY : 0));
}

/*
 * An as-of time in the form the case uses, chosen by `pick` so that inputs
 * reach before, inside and after the data's own times.
 */
static double as_of_for(const struct nms_case *c, size_t pick)
{
    /* 1970-01-01T00:00Z, 2026-03-03T12:00Z, 2100-01-01T00:00Z in hours */
    static const double iso[] = {0.0, 492372.0, 1139568.0};
    static const double hours[] = {-1.0, 50.0, 1e6};

    if (c->time_form == NMS_TIME_ISO)
        return iso[pick % 3];
    return hours[pick % 3];
}

/* Parses, finishes and writes one record's text, twice: without and with
 * an as-of time. */
static void run_text(const char *text, size_t len, const char *source,
                     long line, long index)
{
    struct nms_case *c = nms_case_parse(text, len, source, line, index);

    if (c == NULL)
        return;
    if (nms_case_finish(c, NAN) == NMS_OK)
        write_record(c, (int)(len & 1));
    nms_case_free(c);

    c = nms_case_parse(text, len, source, line, index);
    if (c == NULL)
        return;
    if (nms_case_finish(c, c->error ? NAN : as_of_for(c, len)) == NMS_OK)
        write_record(c, 0);
    nms_case_free(c);
}

/* One record from the reader: through the one way into a case
 * (nms_case_read, which takes an array element from the reader's tree),
 * without and with an as-of time in hours; then its text alone. */
static void run_record(const struct nms_record *rec)
{
    struct nms_case_options opt = {NAN, NMS_TIME_HOURS};
    struct nms_case *c = nms_case_read(rec, &opt);

    if (c != NULL)
        write_record(c, 0);
    nms_case_free(c);
    if (rec->error != NULL)
        return;
    opt.as_of = 50.0;
    c = nms_case_read(rec, &opt);
    if (c != NULL)
        write_record(c, 1);
    nms_case_free(c);
    run_text(rec->text, rec->len, rec->source,
             rec->is_array_item ? 0 : rec->line, rec->index);
}

/* Splits the bytes with the reader. A size divisible by 4 gets a record
 * limit of half the input, so the over-long-record path is reached too;
 * the real limit (64 MiB) is far beyond what a fuzzer generates. */
static void run_reader(const uint8_t *data, size_t size)
{
    size_t limit = size % 4 == 0 ? size / 2 + 1 : NMS_MAX_RECORD;
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    char *copy = malloc(size + 1); /* fmemopen wants a writable buffer */
    FILE *fp = NULL;
    int n = 0;

    if (copy == NULL || size == 0)
        goto out;
    memcpy(copy, data, size);
    fp = fmemopen(copy, size, "r");
    if (fp == NULL ||
        nms_reader_open_limited(&reader, fp, "fuzz.jsonl", limit) != NMS_OK)
        goto out;
    while (n++ < MAX_RECORDS && nms_reader_next(reader, &rec) == 1)
        run_record(&rec);
out:
    nms_reader_free(reader);
    if (fp != NULL)
        fclose(fp);
    free(copy);
}

/* 1 when trees a and b hold the same values, bit for bit, and links. */
static int same_tree(const cJSON *a, const cJSON *b)
{
    const cJSON *x = a->child, *y = b->child;

    if (a->type != b->type || (a->string == NULL) != (b->string == NULL) ||
        (a->string != NULL && strcmp(a->string, b->string) != 0))
        return 0;
    if (cJSON_IsString(a) && strcmp(a->valuestring, b->valuestring) != 0)
        return 0;
    if (cJSON_IsNumber(a) &&
        (memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) != 0 ||
         a->valueint != b->valueint))
        return 0;
    for (; x != NULL && y != NULL; x = x->next, y = y->next)
        if ((x->prev == NULL) != (y->prev == NULL) || !same_tree(x, y))
            return 0;
    return x == NULL && y == NULL;
}

/* Path 3: nms_json_parse agrees with nms_json_check and with cJSON. cJSON
 * refuses some valid text (a number of more than 63 bytes, out of memory):
 * then only the check is compared. */
static void run_parse(const char *text, size_t len)
{
    static struct nms_json_tree tree; /* 16 kB: off the fuzzer's stack */
    struct nms_json_check got, want;
    const char *end;
    cJSON *root;
    int rc;

    nms_json_tree_init(&tree);
    rc = nms_json_parse(text, len, &got, &tree);
    if (rc == -1 && got.fault == NMS_JSON_NOMEM)
        goto out;
    if (rc != nms_json_check(text, len, &want) || got.fault != want.fault ||
        got.pos != want.pos || got.message != want.message ||
        got.label_start != want.label_start ||
        got.label_end != want.label_end)
        abort();
    if (rc != 0)
        goto out;
    root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (root != NULL && !same_tree(tree.root, root))
        abort();
    cJSON_Delete(root);
out:
    nms_json_tree_release(&tree);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run_text((const char *)data, size, "fuzz.json", 1, 0);
    run_reader(data, size);
    run_parse((const char *)data, size);
    return 0;
}
