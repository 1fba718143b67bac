/*
 * expect.c - one expectation of a rule test against a result record (see
 * expect.h and rules/tests/README.md for the format).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/expect.h"

/* The longest dotted segment (an object member name) a path may have. */
#define MAX_SEGMENT 256
/* Longest excerpt of a found value shown in a mismatch, in bytes. */
#define EXCERPT 240

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

/* One step of a path: the child of `node` named by the shortest dotted
 * prefix of `path` that exists (member names may contain dots); sets *used
 * to the length consumed. */
static const cJSON *step(const cJSON *node, const char *path, size_t *used)
{
    char segment[MAX_SEGMENT];
    const cJSON *next = NULL;
    const char *end = path;
    size_t len;

    do {
        end = strchr(end + (end != path), '.');
        len = end ? (size_t)(end - path) : strlen(path);
        if (len >= sizeof segment)
            return NULL;
        memcpy(segment, path, len);
        segment[len] = '\0';
        if (cJSON_IsObject(node))
            next = cJSON_GetObjectItemCaseSensitive(node, segment);
        else if (cJSON_IsArray(node) && isdigit((unsigned char)segment[0]))
            next = cJSON_GetArrayItem(node, (int)strtol(segment, NULL, 10));
        else if (cJSON_IsArray(node))
            next = find_by_id(node, segment);
    } while (!next && end && cJSON_IsObject(node));
    *used = len + (path[len] == '.');
    return next;
}

/* Follows `path`; *item (may be NULL) gets the deepest object on the way
 * that carries an "evidence" string. */
static const cJSON *follow(const cJSON *node, const char *path,
                           const cJSON **item)
{
    size_t used;

    while (node && *path) {
        node = step(node, path, &used);
        path += used;
        if (item && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(
                        node, "evidence")))
            *item = node;
    }
    return node;
}

const cJSON *nms_expect_follow(const cJSON *node, const char *path)
{
    return follow(node, path, NULL);
}

/* Where `word` occurs in `text`, ignoring ASCII case; NULL if nowhere. */
static const char *find_nocase(const char *text, const char *word)
{
    size_t n = strlen(word), i;

    for (; *text; text++) {
        for (i = 0; i < n && text[i] &&
                    tolower((unsigned char)text[i]) ==
                        tolower((unsigned char)word[i]);
             i++)
            ;
        if (i == n)
            return text;
    }
    return *word ? NULL : text;
}

/* "~": `got` contains `want` (a string, or every string of an array);
 * "!~" (negate): it contains none of them, ignoring case. A want that is
 * neither a string nor a non-empty array of strings never matches. */
static int contains(const char *got, const cJSON *want, int negate)
{
    const cJSON *w;

    if (cJSON_IsString(want))
        return negate ? !find_nocase(got, want->valuestring)
                      : strstr(got, want->valuestring) != NULL;
    if (!cJSON_IsArray(want) || cJSON_GetArraySize(want) == 0)
        return 0;
    cJSON_ArrayForEach(w, want) {
        if (!cJSON_IsString(w) || !contains(got, w, negate))
            return 0;
    }
    return 1;
}

/* A short view of `got` for a mismatch: for "!~", the text around the
 * first forbidden string found; otherwise its start. */
static void excerpt(char *buf, size_t size, const char *got,
                    const cJSON *want, char mode)
{
    const char *at = NULL, *from = got;
    const cJSON *w;
    size_t n;

    if (mode == '!' && cJSON_IsString(want))
        at = find_nocase(got, want->valuestring);
    else if (mode == '!')
        cJSON_ArrayForEach(w, want) {
            if (!at && cJSON_IsString(w))
                at = find_nocase(got, w->valuestring);
        }
    if (at)
        from = at - got > 80 ? at - 80 : got;
    n = strlen(from);
    snprintf(buf, size, "%s%.*s%s", from == got ? "" : "…",
             (int)(n > EXCERPT ? EXCERPT : n), from, n > EXCERPT ? "…" : "");
}

/* Splits key "PATH<op>" into path (written to buf) and the operator:
 * '=' (none), '~', '!' (for "!~") or '#'. */
static char split_key(const char *key, char *buf, size_t size)
{
    size_t len = strlen(key);
    char mode = len ? key[len - 1] : '\0';

    if (mode != '~' && mode != '#')
        mode = '=';
    else
        len--;
    if (mode == '~' && len && key[len - 1] == '!') {
        mode = '!';
        len--;
    }
    snprintf(buf, size, "%.*s", (int)len, key);
    return mode;
}

static int matches(const cJSON *got, const char *got_text, const cJSON *want,
                   char mode)
{
    if (mode == '~' || mode == '!')
        return contains(got_text, want, mode == '!');
    if (mode == '#')
        return cJSON_IsNumber(want) && cJSON_IsArray(got) &&
               cJSON_GetArraySize(got) == (int)want->valuedouble;
    return cJSON_Compare(got, want, 1);
}

static void report(FILE *fp, const char *path, const cJSON *got,
                   const char *shown, const char *want_text, char mode)
{
    if (mode == '#') {
        fprintf(fp, "    %s: expected %s elements, found %d: %s\n", path,
                want_text, cJSON_GetArraySize(got), shown);
        return;
    }
    fprintf(fp, "    %s: expected %s%s\n      found %s\n", path,
            mode == '~'   ? "text containing "
            : mode == '!' ? "text containing none of "
                          : "",
            want_text, shown);
}

int nms_expect_reaches(const cJSON *record, const cJSON *want)
{
    char path[512];
    const cJSON *item = NULL;

    split_key(want->string, path, sizeof path);
    return follow(record, path, &item) != NULL;
}

int nms_expect_check(FILE *fp, const cJSON *record, const cJSON *want)
{
    char path[512], shown[EXCERPT + 100];
    char mode = split_key(want->string, path, sizeof path);
    const cJSON *item = NULL, *got = follow(record, path, &item), *ev;
    char *got_text, *want_text;
    int ok;

    want_text = cJSON_PrintUnformatted(want);
    if (!got) {
        fprintf(fp, "    %s: expected %s\n      found no such path in the "
                    "result\n", path, want_text ? want_text : "?");
        cJSON_free(want_text);
        return 1;
    }
    got_text = cJSON_PrintUnformatted(got);
    ok = got_text && want_text && matches(got, got_text, want, mode);
    if (!ok) {
        excerpt(shown, sizeof shown, got_text ? got_text : "?", want, mode);
        report(fp, path, got, shown, want_text ? want_text : "?", mode);
        ev = cJSON_GetObjectItemCaseSensitive(item, "evidence");
        if (cJSON_IsString(ev) && ev != got)
            fprintf(fp, "      evidence: %s\n", ev->valuestring);
    }
    cJSON_free(got_text);
    cJSON_free(want_text);
    return !ok;
}
