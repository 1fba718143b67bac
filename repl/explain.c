/*
 * explain.c - .why and .whynot: one set of the last result with every item,
 * its value and evidence, and for a set that is not met the smallest
 * change in the findings that would make it met.
 *
 * Everything is read from the JSON result record, so sets of kinds this
 * file does not know still show their items; sections that are absent are
 * simply not shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nms/schema.h"
#include "record.h"
#include "session.h"

/* Most items one set is analysed for (the DSL allows 256). */
#define MAX_ITEMS 256

static const char *str(const cJSON *obj, const char *key)
{
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, key));

    return v ? v : "";
}

static double num(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static const cJSON *value_of(const cJSON *item)
{
    return cJSON_GetObjectItemCaseSensitive(item, "value");
}

/* The `missing` text of the n-th unknown item (the list is in item order,
 * one entry per unknown item), or "". */
static const char *missing_of(const cJSON *set, const cJSON *item)
{
    const cJSON *it;
    const char *text;
    int n = 0;

    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(set, "items")) {
        if (it == item)
            break;
        if (cJSON_IsNull(value_of(it)))
            n++;
    }
    text = cJSON_GetStringValue(cJSON_GetArrayItem(
        cJSON_GetObjectItemCaseSensitive(set, "missing"), n));
    return text ? text : "";
}

static void print_item(FILE *fp, const cJSON *set, const cJSON *item)
{
    const cJSON *v = value_of(item);
    const char *mark = cJSON_IsTrue(v)    ? "\xe2\x9c\x93"
                       : cJSON_IsFalse(v) ? "\xe2\x9c\x97"
                                          : "?";
    char got[48] = "";

    if (cJSON_HasObjectItem(item, "points") && cJSON_IsNull(v))
        snprintf(got, sizeof got, "?/%g", num(item, "points"));
    else if (cJSON_HasObjectItem(item, "points"))
        snprintf(got, sizeof got, "%g/%g",
                 cJSON_IsTrue(v) ? num(item, "points") : 0.0,
                 num(item, "points"));
    else if (*str(item, "group"))
        snprintf(got, sizeof got, "[%s]", str(item, "group"));
    fprintf(fp, "  %s %-22s %6s  %s\n", mark, str(item, "id"), got,
            str(item, "evidence"));
    if (cJSON_IsNull(v) && *missing_of(set, item))
        fprintf(fp, "  %-31s needs: %s\n", "", missing_of(set, item));
}

static void print_header(FILE *fp, const char *id, const cJSON *set)
{
    const cJSON *g;

    fprintf(fp, "%s  %s\n", id, str(set, "title"));
    if (cJSON_HasObjectItem(set, "tier"))
        fprintf(fp, "  tier: %s\n", str(set, "tier"));
    else if (cJSON_HasObjectItem(set, "score"))
        fprintf(fp, "  result: %s   score %g, threshold %g, possible %g\n",
                str(set, "result"), num(set, "score"), num(set, "threshold"),
                num(set, "possible"));
    else if (cJSON_HasObjectItem(set, "count"))
        fprintf(fp, "  %g present\n", num(set, "count"));
    else
        fprintf(fp, "  result: %s%s%s\n", str(set, "result"),
                *str(set, "level") ? ", level " : "", str(set, "level"));
    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(set, "groups"))
        fprintf(fp, "  %s: %g present, %g unknown, of %g\n", str(g, "id"),
                num(g, "present"), num(g, "unknown"), num(g, "total"));
}

/* Prints a list of strings (or {text, source} objects) under a heading. */
static void print_list(FILE *fp, const cJSON *set, const char *key,
                       const char *heading)
{
    const cJSON *e, *list = cJSON_GetObjectItemCaseSensitive(set, key);

    if (cJSON_GetArraySize(list) == 0)
        return;
    fprintf(fp, "  %s:\n", heading);
    cJSON_ArrayForEach(e, list) {
        if (cJSON_IsString(e))
            fprintf(fp, "    - %s\n", e->valuestring);
        else
            fprintf(fp, "    - %s  [%s]\n", str(e, "text"), str(e, "source"));
    }
}

static int by_points_desc(const void *a, const void *b)
{
    double pa = num(*(const cJSON *const *)a, "points");
    double pb = num(*(const cJSON *const *)b, "points");

    return pa < pb ? 1 : pa > pb ? -1 : 0;
}

/* Points sets: the fewest unknown (or, failing those, false) items whose
 * points reach the threshold. */
static void explain_points(FILE *fp, const cJSON *set)
{
    const cJSON *item, *cand[MAX_ITEMS];
    double need = num(set, "threshold") - num(set, "score"), sum = 0;
    int use_false = strcmp(str(set, "result"), "not_met") == 0;
    size_t n = 0, k, i;

    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(set, "items"))
        if (n < MAX_ITEMS && (cJSON_IsNull(value_of(item)) ||
                              (use_false && cJSON_IsFalse(value_of(item)))))
            cand[n++] = item;
    qsort(cand, n, sizeof cand[0], by_points_desc);
    for (k = 0; k < n && sum < need; k++)
        sum += num(cand[k], "points");
    if (sum < need) {
        fprintf(fp, "  cannot be met: %g more points are needed and only %g "
                    "are left\n", need, sum);
        return;
    }
    fprintf(fp, "  %g more points needed (threshold %g, score %g)%s\n", need,
            num(set, "threshold"), num(set, "score"),
            use_false ? "; only findings now recorded as false could supply "
                        "them"
                      : "");
    if (k == 1) {
        fprintf(fp, "  any one of these would be enough:\n");
        for (i = 0; i < n && num(cand[i], "points") >= need; i++)
            fprintf(fp, "    - %s (%g points)%s%s\n", str(cand[i], "id"),
                    num(cand[i], "points"), *missing_of(set, cand[i]) ? ": " : "",
                    missing_of(set, cand[i]));
        return;
    }
    fprintf(fp, "  at least %zu more items, e.g.", k);
    for (i = 0; i < k; i++)
        fprintf(fp, "%s%s (%g)", i ? " + " : " ", str(cand[i], "id"),
                num(cand[i], "points"));
    fputc('\n', fp);
}

/* The group object with `id` of a groups set, or NULL. */
static const cJSON *group_of(const cJSON *set, const char *id)
{
    const cJSON *g;

    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(set, "groups"))
        if (strcmp(str(g, "id"), id) == 0)
            return g;
    return NULL;
}

/* Groups sets: for each alternative of the rule (when the record gives
 * it), the needs that fall short and by how many. */
static void explain_groups(FILE *fp, const cJSON *set)
{
    const cJSON *alt, *need, *g;
    double want, present, unknown;

    cJSON_ArrayForEach(alt, cJSON_GetObjectItemCaseSensitive(set, "rule")) {
        fprintf(fp, "  for %s:\n", *str(alt, "level") ? str(alt, "level") : "met");
        cJSON_ArrayForEach(need, cJSON_GetObjectItemCaseSensitive(alt, "need")) {
            g = group_of(set, need->string);
            present = num(g, "present");
            unknown = num(g, "unknown");
            want = cJSON_IsNumber(need) ? need->valuedouble : num(g, "total");
            if (present >= want)
                fprintf(fp, "    %s: %g of %g needed, met\n", need->string,
                        present, want);
            else
                fprintf(fp, "    %s: %g of %g needed, short by %g (%g unknown%s)\n",
                        need->string, present, want, want - present, unknown,
                        present + unknown >= want ? "" : ": cannot be reached");
        }
    }
}

/* Lists the ids of the sets in rec, for an unknown-id message. */
static void unknown_set(struct session *s, const cJSON *rec, const char *id)
{
    struct record_set sets[RECORD_MAX_SETS];
    const char *names[RECORD_MAX_SETS + 1];
    char list[512] = "";
    size_t n = record_sets(rec, sets, RECORD_MAX_SETS), i, used = 0;
    const char *close;

    for (i = 0; i < n; i++) {
        names[i] = sets[i].id;
        if (used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     i ? ", " : "", sets[i].id);
    }
    names[n] = NULL;
    close = nms_schema_closest_name(names, id);
    if (close)
        repl_error(s, "no set '%s' — did you mean '%s'?", id, close);
    else
        repl_error(s, "no set '%s'; the ruleset has: %s", id, list);
}

int explain_set(struct session *s, const char *id, int whynot)
{
    struct record_set sets[RECORD_MAX_SETS];
    const cJSON *set, *item;
    size_t n;

    if (!s->last && session_evaluate(s, s->doc, s->as_of, &s->last, NULL) != 0)
        return -1;
    n = record_sets(s->last, sets, RECORD_MAX_SETS);
    if (n == 0) {
        repl_error(s, "the case has no results to explain (see .eval)");
        return -1;
    }
    set = record_find(sets, n, id);
    if (!set) {
        unknown_set(s, s->last, id);
        return -1;
    }
    print_header(stdout, id, set);
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(set, "items"))
        if (!whynot || !cJSON_IsTrue(value_of(item)))
            print_item(stdout, set, item);
    print_list(stdout, set, "reasons", "reasons");
    print_list(stdout, set, "actions", "actions");
    print_list(stdout, set, "distinguishing", "distinguishing points");
    if (*str(set, "overlap"))
        printf("  overlap: %s\n", str(set, "overlap"));
    if (strcmp(str(set, "result"), "met") == 0 || !*str(set, "result")) {
        if (whynot)
            printf("  %s is %s; nothing is missing for it\n", id,
                   *str(set, "result") ? "met" : "a checklist");
        return 0;
    }
    if (cJSON_HasObjectItem(set, "score"))
        explain_points(stdout, set);
    else
        explain_groups(stdout, set);
    return 0;
}
