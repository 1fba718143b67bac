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
#include "session/record.h"
#include "session/session.h"

/* Most items one set is analysed for (the DSL allows 256). */
#define MAX_ITEMS 256


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

    if (!cJSON_IsNull(value_of(item)))
        return "";   /* only unknown items have an entry in `missing` */

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
        snprintf(got, sizeof got, "?/%g", record_num(item, "points"));
    else if (cJSON_HasObjectItem(item, "points"))
        snprintf(got, sizeof got, "%g/%g",
                 cJSON_IsTrue(v) ? record_num(item, "points") : 0.0,
                 record_num(item, "points"));
    else if (*record_str(item, "group"))
        snprintf(got, sizeof got, "[%s]", record_str(item, "group"));
    fprintf(fp, "  %s %-22s %6s  %s\n", mark, record_str(item, "id"), got,
            record_str(item, "evidence"));
    if (cJSON_IsNull(v) && *missing_of(set, item))
        fprintf(fp, "  %-31s needs: %s\n", "", missing_of(set, item));
}

static void print_header(FILE *fp, const char *id, const cJSON *set)
{
    const cJSON *g;

    fprintf(fp, "%s  %s\n", id, record_str(set, "title"));
    if (cJSON_HasObjectItem(set, "tier"))
        fprintf(fp, "  tier: %s\n", record_str(set, "tier"));
    else if (cJSON_HasObjectItem(set, "score"))
        fprintf(fp, "  result: %s   score %g, threshold %g, possible %g\n",
                record_str(set, "result"), record_num(set, "score"), record_num(set, "threshold"),
                record_num(set, "possible"));
    else if (cJSON_HasObjectItem(set, "count"))
        fprintf(fp, "  %g present\n", record_num(set, "count"));
    else
        fprintf(fp, "  result: %s%s%s\n", record_str(set, "result"),
                *record_str(set, "level") ? ", level " : "", record_str(set, "level"));
    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(set, "groups"))
        fprintf(fp, "  %s: %g present, %g unknown, of %g\n", record_str(g, "id"),
                record_num(g, "present"), record_num(g, "unknown"), record_num(g, "total"));
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
            fprintf(fp, "    - %s  [%s]\n", record_str(e, "text"), record_str(e, "source"));
    }
}

static int by_points_desc(const void *a, const void *b)
{
    double pa = record_num(*(const cJSON *const *)a, "points");
    double pb = record_num(*(const cJSON *const *)b, "points");

    return pa < pb ? 1 : pa > pb ? -1 : 0;
}

/* Points sets: the fewest unknown (or, failing those, false) items whose
 * points reach the threshold. */
static void explain_points(FILE *fp, const cJSON *set)
{
    const cJSON *item, *cand[MAX_ITEMS];
    double need = record_num(set, "threshold") - record_num(set, "score"), sum = 0;
    int use_false = strcmp(record_str(set, "result"), "not_met") == 0;
    size_t n = 0, k, i;

    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(set, "items"))
        if (n < MAX_ITEMS && (cJSON_IsNull(value_of(item)) ||
                              (use_false && cJSON_IsFalse(value_of(item)))))
            cand[n++] = item;
    qsort(cand, n, sizeof cand[0], by_points_desc);
    for (k = 0; k < n && sum < need; k++)
        sum += record_num(cand[k], "points");
    if (sum < need) {
        fprintf(fp, "  cannot be met: %g more points are needed and only %g "
                    "are left\n", need, sum);
        return;
    }
    fprintf(fp, "  %g more points needed (threshold %g, score %g)%s\n", need,
            record_num(set, "threshold"), record_num(set, "score"),
            use_false ? "; only findings now recorded as false could supply "
                        "them"
                      : "");
    if (k == 1) {
        fprintf(fp, "  any one of these would be enough:\n");
        for (i = 0; i < n && record_num(cand[i], "points") >= need; i++)
            fprintf(fp, "    - %s (%g points)%s%s\n", record_str(cand[i], "id"),
                    record_num(cand[i], "points"), *missing_of(set, cand[i]) ? ": " : "",
                    missing_of(set, cand[i]));
        return;
    }
    fprintf(fp, "  at least %zu more items, e.g.", k);
    for (i = 0; i < k; i++)
        fprintf(fp, "%s%s (%g)", i ? " + " : " ", record_str(cand[i], "id"),
                record_num(cand[i], "points"));
    fputc('\n', fp);
}

/* The group object with `id` of a groups set, or NULL. */
static const cJSON *group_of(const cJSON *set, const char *id)
{
    const cJSON *g;

    cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(set, "groups"))
        if (strcmp(record_str(g, "id"), id) == 0)
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
        fprintf(fp, "  for %s:\n", *record_str(alt, "level") ? record_str(alt, "level") : "met");
        cJSON_ArrayForEach(need, cJSON_GetObjectItemCaseSensitive(alt, "need")) {
            g = group_of(set, need->string);
            present = record_num(g, "present");
            unknown = record_num(g, "unknown");
            want = cJSON_IsNumber(need) ? need->valuedouble : record_num(g, "total");
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
    if (*record_str(set, "overlap"))
        printf("  overlap: %s\n", record_str(set, "overlap"));
    if (strcmp(record_str(set, "result"), "met") == 0 || !*record_str(set, "result")) {
        if (whynot)
            printf("  %s is %s; nothing is missing for it\n", id,
                   *record_str(set, "result") ? "met" : "a checklist");
        return 0;
    }
    if (cJSON_HasObjectItem(set, "score"))
        explain_points(stdout, set);
    else
        explain_groups(stdout, set);
    return 0;
}
