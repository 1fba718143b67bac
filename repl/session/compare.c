/*
 * compare.c - what changed between two result records: the one-line
 * summary after every edit, and the item-by-item list of .diff and
 * .whatif. Works on the documented JSON record only, and on whatever
 * sections it holds (criteria, severity, risk_factors, differential).
 */
#include <stdio.h>
#include <string.h>

#include "session/record.h"
#include "session/session.h"


/* Which of a set's numbers people follow: points score, checklist count. */
static int has_score(const cJSON *set)
{
    return cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(set, "score"));
}

/* The state of one set in a few words: "62 (indeterminate)", "met
 * (probable)", "tier moderate", "3 present". */
static void describe(const cJSON *set, char *buf, size_t size)
{
    if (cJSON_HasObjectItem(set, "tier"))
        snprintf(buf, size, "%s", record_str(set, "tier"));
    else if (has_score(set))
        snprintf(buf, size, "%g (%s)", record_num(set, "score"), record_str(set, "result"));
    else if (cJSON_HasObjectItem(set, "count"))
        snprintf(buf, size, "%g present", record_num(set, "count"));
    else if (*record_str(set, "level"))
        snprintf(buf, size, "%s (%s)", record_str(set, "result"), record_str(set, "level"));
    else
        snprintf(buf, size, "%s", record_str(set, "result"));
}

/* How a set is named in summaries: the severity set by "tier". */
static const char *label_of(const char *id, const cJSON *set)
{
    return cJSON_HasObjectItem(set, "tier") ? "tier" : id;
}

/* Writes the change of one set into buf ("" when it did not change). */
static void set_change(const char *id, const cJSON *a, const cJSON *b,
                       char *buf, size_t size)
{
    char before[96], after[96];

    buf[0] = '\0';
    describe(b, after, sizeof after);
    if (!a) {
        snprintf(buf, size, "%s %s", label_of(id, b), after);
        return;
    }
    describe(a, before, sizeof before);
    if (strcmp(before, after) == 0)
        return;
    if (has_score(a) && has_score(b) && record_num(a, "score") != record_num(b, "score"))
        snprintf(buf, size, "%s %g \xe2\x86\x92 %g (%s)", id, record_num(a, "score"),
                 record_num(b, "score"), record_str(b, "result"));
    else
        snprintf(buf, size, "%s %s \xe2\x86\x92 %s", label_of(id, b), before,
                 after);
}

void compare_summary(FILE *fp, const cJSON *before, const cJSON *after)
{
    struct record_set sa[RECORD_MAX_SETS], sb[RECORD_MAX_SETS];
    size_t na = record_sets(before, sa, RECORD_MAX_SETS);
    size_t nb = record_sets(after, sb, RECORD_MAX_SETS), i, shown = 0;
    const cJSON *old;
    char change[256];

    if (cJSON_HasObjectItem(after, "error"))
        return;
    for (i = 0; i < nb; i++) {
        old = na ? record_find(sa, na, sb[i].id) : NULL;
        set_change(sb[i].id, old, sb[i].set, change, sizeof change);
        if (change[0])
            fprintf(fp, "%s%s", shown++ ? "; " : "", change);
    }
    fprintf(fp, "%s\n", shown ? "" : "no change in the results");
}

/* An item value as a word: true, false or unknown. */
static const char *value_word(const cJSON *item)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, "value");

    return cJSON_IsTrue(v) ? "true" : cJSON_IsFalse(v) ? "false" : "unknown";
}

/* Prints the items of set b whose value differs from set a. */
static size_t item_changes(FILE *fp, const char *id, const cJSON *a,
                           const cJSON *b)
{
    const cJSON *item, *old;
    size_t n = 0;

    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(b, "items")) {
        old = record_item(a, record_str(item, "id"));
        if (old && strcmp(value_word(old), value_word(item)) == 0)
            continue;
        fprintf(fp, "  %s.%s: %s \xe2\x86\x92 %s", id, record_str(item, "id"),
                old ? value_word(old) : "(new)", value_word(item));
        if (cJSON_HasObjectItem(item, "points"))
            fprintf(fp, " (%g points)", record_num(item, "points"));
        fprintf(fp, "  %s\n", record_str(item, "evidence"));
        n++;
    }
    return n;
}

void compare_detail(FILE *fp, const cJSON *before, const cJSON *after)
{
    struct record_set sa[RECORD_MAX_SETS], sb[RECORD_MAX_SETS];
    size_t na = record_sets(before, sa, RECORD_MAX_SETS);
    size_t nb = record_sets(after, sb, RECORD_MAX_SETS), i, n = 0;
    const cJSON *old;
    char change[256];

    for (i = 0; i < nb; i++) {
        old = record_find(sa, na, sb[i].id);
        set_change(sb[i].id, old, sb[i].set, change, sizeof change);
        if (change[0]) {
            fprintf(fp, "%s\n", change);
            n++;
        }
        n += item_changes(fp, sb[i].id, old, sb[i].set);
    }
    if (n == 0)
        fprintf(fp, "no differences\n");
}
