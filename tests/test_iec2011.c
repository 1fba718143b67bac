/*
 * test_iec2011.c - the shipped ruleset's IEC 2011 criteria against cases
 * written from the published definitions (the JSON files in
 * tests/data/iec2011).
 *
 * Each file is a JSON array of {"name", "case", "expect"}; expect may name
 * item values (true, false, null for unknown), "result", "score" and
 * "possible", and only what it names is checked. Adding a case means adding
 * JSON, not C. Every mismatch in a file is reported before the test fails.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "test_helpers.h"

#define MAX_FILES 64

static struct nms_engine *engine;

static const struct nms_item *find_item(const struct nms_set *crit,
                                        const char *id)
{
    size_t i;

    for (i = 0; i < crit->n_items; i++)
        if (strcmp(crit->items[i].id, id) == 0)
            return &crit->items[i];
    return NULL;
}

static const char *tri_name(enum nms_tri v)
{
    return v == NMS_TRI_TRUE ? "true" : v == NMS_TRI_FALSE ? "false" : "null";
}

/* Compares one entry; returns the number of mismatches it printed. */
static int check_expectations(const char *name, const cJSON *expect,
                              const struct nms_set *crit)
{
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(expect, "items");
    const cJSON *want, *result, *score, *possible;
    int bad = 0;

    cJSON_ArrayForEach(want, items) {
        const struct nms_item *item = find_item(crit, want->string);
        const char *wanted = cJSON_IsNull(want) ? "null"
                             : cJSON_IsTrue(want) ? "true" : "false";
        if (!item || strcmp(tri_name(item->value), wanted) != 0) {
            print_message("%s: item %s is %s, expected %s (evidence: %s)\n",
                          name, want->string,
                          item ? tri_name(item->value) : "missing", wanted,
                          item ? item->evidence : "-");
            bad++;
        }
    }
    result = cJSON_GetObjectItemCaseSensitive(expect, "result");
    if (cJSON_IsString(result) &&
        strcmp(result->valuestring, nms_verdict_name(crit->result)) != 0) {
        print_message("%s: result %s, expected %s\n", name,
                      nms_verdict_name(crit->result), result->valuestring);
        bad++;
    }
    score = cJSON_GetObjectItemCaseSensitive(expect, "score");
    if (cJSON_IsNumber(score) && score->valuedouble != crit->score) {
        print_message("%s: score %g, expected %g\n", name, crit->score,
                      score->valuedouble);
        bad++;
    }
    possible = cJSON_GetObjectItemCaseSensitive(expect, "possible");
    if (cJSON_IsNumber(possible) && possible->valuedouble != crit->possible) {
        print_message("%s: possible %g, expected %g\n", name, crit->possible,
                      possible->valuedouble);
        bad++;
    }
    return bad;
}

static int run_entry(const cJSON *entry)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "name");
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(entry, "expect");
    char *text = cJSON_PrintUnformatted(
        cJSON_GetObjectItemCaseSensitive(entry, "case"));
    struct nms_result *r;
    size_t i;
    int bad = 0;

    assert_true(cJSON_IsString(name));
    assert_non_null(text);
    r = evaluate(engine, text);
    cJSON_free(text);
    if (r->error) {
        print_message("%s: rule error %s: %s\n", name->valuestring,
                      r->error->rule, r->error->message);
        bad++;
    }
    for (i = 0; !r->error && i < r->n_sets; i++)
        if (strcmp(r->sets[i].id, "iec2011") == 0)
            bad += check_expectations(name->valuestring, expect,
                                      &r->sets[i]);
    nms_result_free(r);
    return bad;
}

static void iec2011_file_matches_published_definitions(void **state)
{
    const char *path = *state;
    char *text = read_text(path);
    cJSON *entries = text ? cJSON_Parse(text) : NULL;
    const cJSON *entry;
    int bad = 0, n = 0;

    free(text);
    if (!cJSON_IsArray(entries))
        fail_msg("%s is not a JSON array of test entries", path);
    cJSON_ArrayForEach(entry, entries) {
        bad += run_entry(entry);
        n++;
    }
    cJSON_Delete(entries);
    if (bad)
        fail_msg("%d mismatches in %d entries of %s", bad, n, path);
    assert_true(n > 0);
}

static int setup(void **state)
{
    enum nms_status status;

    (void)state;
    if (nms_engine_new(&engine, NULL) != NMS_OK)
        return -1;
    status = nms_engine_load(engine, NMS_RULES_DIR);
    if (status != NMS_OK)
        print_error("cannot load %s: %s\n", NMS_RULES_DIR,
                    nms_engine_errmsg(engine));
    return status == NMS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nms_engine_free(engine);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    struct CMUnitTest tests[MAX_FILES];
    char *paths[MAX_FILES];
    const char *dirname = NMS_TEST_DATA "/iec2011";
    DIR *dir = opendir(dirname);
    struct dirent *ent;
    size_t n = 0, i;
    int rc;

    if (!dir) {
        fprintf(stderr, "cannot open %s\n", dirname);
        return 1;
    }
    while ((ent = readdir(dir)) && n < MAX_FILES) {
        size_t len = strlen(ent->d_name);
        if (len < 6 || strcmp(ent->d_name + len - 5, ".json") != 0)
            continue;
        paths[n] = malloc(strlen(dirname) + len + 2);
        if (!paths[n])
            return 1;
        snprintf(paths[n], strlen(dirname) + len + 2, "%s/%s", dirname,
                 ent->d_name);
        n++;
    }
    closedir(dir);
    qsort(paths, n, sizeof *paths, by_name);
    for (i = 0; i < n; i++) {
        struct CMUnitTest t = {strrchr(paths[i], '/') + 1,
                               iec2011_file_matches_published_definitions,
                               NULL, NULL, paths[i]};
        tests[i] = t;
    }
    rc = _cmocka_run_group_tests("iec2011", tests, n, setup, teardown);
    for (i = 0; i < n; i++)
        free(paths[i]);
    return n == 0 ? 1 : rc;
}
