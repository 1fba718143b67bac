/*
 * test_ruleset.c - the shipped ruleset against cases written from the
 * published definitions: every JSON file below tests/data/ruleset/ (one
 * directory per area: criteria, severity, risk, differential, scenarios).
 *
 * Each file is a JSON array of entries
 *     {"name": "...", "case": {...}, "params": {...}?, "expect": {PATH: VALUE}}
 * checked against the record `nmsrules eval --format json` prints for the
 * case (docs/output-format.md), so the tests pin the documented output, not
 * the C structs. PATH is dotted: a segment picks an object member (member
 * names that contain dots, such as "iec2011.hyperthermia", are matched
 * whole), an array element by number, or the element of an array of objects
 * whose "id" (or "feature") equals it. A PATH ending in "~" expects the value
 * found, printed as JSON, to contain the given string (or each string of a
 * given array); one ending in "!~" expects it to contain NONE of them,
 * ignoring ASCII case, so that a safety assertion such as
 *     "severity.actions!~": ["bromocriptine", "allergy"]
 * is not dodged by a capital letter; one ending in "#" expects the number
 * of elements. "params" sets ruleset parameters for that entry, as --param
 * does. Every mismatch of a file is reported before the file's test fails.
 * The operators themselves are tested first, both ways, on a fixed record
 * (operators_match_both_ways).
 */
#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "nms/output.h"
#include "test_helpers.h"

#define MAX_FILES 512

/* The element of array `a` whose "id" or "feature" is `key`. */
static const cJSON *find_by_id(const cJSON *a, const char *key)
{
    const cJSON *e;

    cJSON_ArrayForEach(e, a) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
        if (!cJSON_IsString(id))
            id = cJSON_GetObjectItemCaseSensitive(e, "feature");
        if (cJSON_IsString(id) && strcmp(id->valuestring, key) == 0)
            return e;
    }
    return NULL;
}

/* Follows dotted `path` from `node`; NULL when it leads nowhere. */
static const cJSON *follow(const cJSON *node, const char *path)
{
    char segment[256];
    size_t len;

    while (node && *path) {
        const cJSON *next = NULL;
        const char *end = path;
        /* An object member may itself contain dots: try the shortest
         * dotted prefix first, then longer ones. */
        do {
            end = strchr(end + (end != path), '.');
            len = end ? (size_t)(end - path) : strlen(path);
            if (len >= sizeof segment)
                return NULL;
            memcpy(segment, path, len);
            segment[len] = '\0';
            if (cJSON_IsObject(node))
                next = cJSON_GetObjectItemCaseSensitive(node, segment);
            else if (cJSON_IsArray(node) && segment[0] >= '0' &&
                     segment[0] <= '9')
                next = cJSON_GetArrayItem(node, (int)strtol(segment, NULL, 10));
            else if (cJSON_IsArray(node))
                next = find_by_id(node, segment);
        } while (!next && end && cJSON_IsObject(node));
        node = next;
        path += len + (path[len] == '.');
    }
    return node;
}

/* Whether `text` starts with `word`, ignoring ASCII case. */
static int contains_nocase_at(const char *text, const char *word)
{
    size_t i;

    for (i = 0; word[i] && text[i] &&
                tolower((unsigned char)text[i]) ==
                    tolower((unsigned char)word[i]);
         i++)
        ;
    return word[i] == '\0';
}

/* Whether `text` contains `word`, ignoring ASCII case. */
static int contains_nocase(const char *text, const char *word)
{
    for (; *text; text++)
        if (contains_nocase_at(text, word))
            return 1;
    return *word == '\0';
}

/* "~": `got_text` contains `want` (a string, or every string of an array);
 * "!~" (negate): it contains none of them, ignoring case. A want that is
 * neither a string nor an array of strings never matches. */
static int contains(const char *got_text, const cJSON *want, int negate)
{
    const cJSON *w;

    if (cJSON_IsString(want))
        return negate ? !contains_nocase(got_text, want->valuestring)
                      : strstr(got_text, want->valuestring) != NULL;
    if (!cJSON_IsArray(want) || cJSON_GetArraySize(want) == 0)
        return 0;
    cJSON_ArrayForEach(w, want) {
        if (!cJSON_IsString(w) || !contains(got_text, w, negate))
            return 0;
    }
    return 1;
}

/* Where `word` occurs in `text`, ignoring ASCII case; NULL if nowhere. */
static const char *find_nocase(const char *text, const char *word)
{
    for (; *text; text++)
        if (contains_nocase_at(text, word))
            return text;
    return NULL;
}

/* A short view of `got_text` for a mismatch message (cmocka cuts long
 * messages): for "!~", the text around the first forbidden string found;
 * otherwise its start. */
static void excerpt(char *buf, size_t size, const char *got_text,
                    const cJSON *want, char mode)
{
    const char *at = NULL, *from = got_text;
    const cJSON *w;
    size_t n;

    if (mode == '!' && cJSON_IsString(want))
        at = find_nocase(got_text, want->valuestring);
    else if (mode == '!')
        cJSON_ArrayForEach(w, want) {
            if (!at && cJSON_IsString(w))
                at = find_nocase(got_text, w->valuestring);
        }
    if (at)
        from = at - got_text > 80 ? at - 80 : got_text;
    n = strlen(from);
    snprintf(buf, size, "%s%.*s%s", from == got_text ? "" : "…",
             (int)(n > 240 ? 240 : n), from, n > 240 ? "…" : "");
}

/* Checks one expectation; prints and returns 1 on a mismatch. */
static int check_path(const char *name, const cJSON *record,
                      const cJSON *want)
{
    char path[512];
    size_t len = strlen(want->string);
    char mode = len ? want->string[len - 1] : '\0';
    const cJSON *got;
    char *got_text, *want_text, shown[400];
    int ok;

    if (mode != '~' && mode != '#')
        mode = '=';
    else
        len--;
    if (mode == '~' && len && want->string[len - 1] == '!') {
        mode = '!';
        len--;
    }
    snprintf(path, sizeof path, "%.*s", (int)len, want->string);
    got = follow(record, path);
    if (!got) {
        print_message("%s: %s: no such path in the output\n", name, path);
        return 1;
    }
    got_text = cJSON_PrintUnformatted(got);
    want_text = cJSON_PrintUnformatted(want);
    assert_non_null(got_text);
    assert_non_null(want_text);
    if (mode == '~' || mode == '!')
        ok = contains(got_text, want, mode == '!');
    else if (mode == '#')
        ok = cJSON_IsNumber(want) &&
             cJSON_GetArraySize(got) == (int)want->valuedouble;
    else
        ok = cJSON_Compare(got, want, 1);
    excerpt(shown, sizeof shown, got_text, want, mode);
    if (!ok)
        print_message("%s: %s%s%s, expected %s%s\n", name, path,
                      mode == '#' ? " has " : " is ",
                      mode == '#' ? "" : shown,
                      mode == '~'   ? "text containing "
                      : mode == '!' ? "text containing none of "
                                    : "",
                      want_text);
    if (!ok && mode == '#')
        print_message("  (%d elements: %s)\n", cJSON_GetArraySize(got),
                      shown);
    cJSON_free(got_text);
    cJSON_free(want_text);
    return !ok;
}

/* The operators on a fixed record, both ways: each expectation of `hold`
 * must match and each of `fail` must not, so an operator that always (or
 * never) matched fails here. The mismatches of `fail` are printed, as any
 * mismatch is, marked as expected. */
static void operators_match_both_ways(void **state)
{
    cJSON *record = cJSON_Parse(
        "{\"severity\": {\"tier\": \"none\", \"actions\": "
        "[{\"text\": \"Add Bromocriptine\"}, {\"text\": \"cool\"}]}}");
    cJSON *hold = cJSON_Parse(
        "{\"severity.tier\": \"none\", \"severity.actions#\": 2,"
        " \"severity.actions~\": \"Bromocriptine\","
        " \"severity.actions.1.text~\": [\"co\", \"ol\"],"
        " \"severity.actions!~\": [\"dantrolene\", \"allergy\"],"
        " \"severity.tier!~\": \"mild\"}");
    cJSON *fail = cJSON_Parse(
        "{\"severity.tier\": \"mild\", \"severity.actions#\": 3,"
        " \"severity.actions~\": \"bromocriptine\","
        " \"severity.actions.1.text~\": [\"co\", \"hot\"],"
        " \"severity.actions!~\": \"bromocriptine\","
        " \"severity.actions.0.text!~\": [\"dantrolene\", \"ADD\"],"
        " \"severity.missing!~\": \"x\", \"severity.tier!~\": []}");
    const cJSON *want;

    (void)state;
    assert_non_null(record);
    assert_non_null(hold);
    assert_non_null(fail);
    cJSON_ArrayForEach(want, hold)
        assert_int_equal(check_path("operators (must match)", record, want), 0);
    cJSON_ArrayForEach(want, fail)
        assert_int_equal(
            check_path("operators (expected mismatch)", record, want), 1);
    cJSON_Delete(record);
    cJSON_Delete(hold);
    cJSON_Delete(fail);
}

/* An engine with the shipped ruleset and the entry's "params", if any. */
static struct nms_engine *engine_for(const cJSON *params)
{
    struct nms_engine *e = NULL;
    const cJSON *p;

    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    cJSON_ArrayForEach(p, params) {
        char assignment[512];
        if (cJSON_IsString(p))
            snprintf(assignment, sizeof assignment, "%s=%s", p->string,
                     p->valuestring);
        else if (cJSON_IsBool(p))
            snprintf(assignment, sizeof assignment, "%s=%s", p->string,
                     cJSON_IsTrue(p) ? "true" : "false");
        else
            snprintf(assignment, sizeof assignment, "%s=%.17g", p->string,
                     p->valuedouble);
        assert_int_equal(nms_engine_set_param(e, assignment), NMS_OK);
    }
    if (nms_engine_load(e, NMS_RULES_DIR) != NMS_OK)
        fail_msg("loading %s: %s", NMS_RULES_DIR, nms_engine_errmsg(e));
    return e;
}

static int run_entry(struct nms_engine *shared, const cJSON *entry)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "name");
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(entry, "expect");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(entry, "params");
    struct nms_engine *e = params ? engine_for(params) : shared;
    char *text = cJSON_PrintUnformatted(
        cJSON_GetObjectItemCaseSensitive(entry, "case"));
    struct nms_case *c;
    struct nms_result *r = NULL;
    char *out;
    cJSON *record;
    const cJSON *want;
    int bad = 0;

    if (!cJSON_IsString(name) || !cJSON_IsObject(expect) || !text)
        fail_msg("an entry needs a string \"name\", an object \"case\" and "
                 "an object \"expect\"");
    c = case_from(text);
    cJSON_free(text);
    assert_int_equal(nms_engine_evaluate(e, c, &r), NMS_OK);
    out = nms_output_json(c, r, nms_engine_ruleset(e), 0);
    assert_non_null(out);
    record = cJSON_Parse(out);
    assert_non_null(record);
    if (r->error) {
        print_message("%s: rule error %s (%s:%ld): %s\n", name->valuestring,
                      r->error->rule, r->error->file, r->error->line,
                      r->error->message);
        bad++;
    }
    cJSON_ArrayForEach(want, expect)
        bad += check_path(name->valuestring, record, want);
    cJSON_Delete(record);
    free(out);
    nms_result_free(r);
    nms_case_free(c);
    if (e != shared)
        nms_engine_free(e);
    return bad;
}

static void file_matches_published_definitions(void **state)
{
    const char *path = *state;
    char *text = read_text(path);
    cJSON *entries = text ? cJSON_Parse(text) : NULL;
    struct nms_engine *e = engine_for(NULL);
    const cJSON *entry;
    int bad = 0, n = 0;

    free(text);
    if (!cJSON_IsArray(entries))
        fail_msg("%s is not a JSON array of test entries", path);
    cJSON_ArrayForEach(entry, entries) {
        bad += run_entry(e, entry);
        n++;
    }
    cJSON_Delete(entries);
    nms_engine_free(e);
    if (bad)
        fail_msg("%d mismatches in %d entries of %s", bad, n, path);
    assert_true(n > 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the *.json files of `dir` and its subdirectories to paths. */
static void collect(const char *dirname, char **paths, size_t *n)
{
    DIR *dir = opendir(dirname);
    struct dirent *ent;

    if (!dir)
        return;
    while ((ent = readdir(dir)) && *n < MAX_FILES) {
        size_t len = strlen(ent->d_name), size;
        struct stat st;
        char *path;
        if (ent->d_name[0] == '.')
            continue;
        size = strlen(dirname) + len + 2;
        path = malloc(size);
        if (!path)
            break;
        snprintf(path, size, "%s/%s", dirname, ent->d_name);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(path, paths, n);
            free(path);
        } else if (len > 5 && strcmp(ent->d_name + len - 5, ".json") == 0) {
            paths[(*n)++] = path;
        } else {
            free(path);
        }
    }
    closedir(dir);
}

int main(void)
{
    static struct CMUnitTest tests[MAX_FILES + 1];
    static char *paths[MAX_FILES];
    const char *root = NMS_TEST_DATA "/ruleset";
    size_t n = 0, i;
    int rc;

    collect(root, paths, &n);
    qsort(paths, n, sizeof *paths, by_name);
    tests[0] = (struct CMUnitTest)cmocka_unit_test(operators_match_both_ways);
    for (i = 0; i < n; i++) {
        struct CMUnitTest t = {paths[i] + strlen(root) + 1,
                               file_matches_published_definitions, NULL,
                               NULL, paths[i]};
        tests[i + 1] = t;
    }
    if (n == 0)
        fprintf(stderr, "no test files below %s\n", root);
    rc = _cmocka_run_group_tests("ruleset", tests, n + 1, NULL, NULL);
    for (i = 0; i < n; i++)
        free(paths[i]);
    return n == 0 ? 1 : rc;
}
