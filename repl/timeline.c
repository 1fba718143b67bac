/*
 * timeline.c - .timeline: the case evaluated as of each distinct time it
 * holds, one row per time, so a class can watch the syndrome evolve.
 *
 * Columns come from the result record: the score of each points set, how
 * many criteria sets are met, and the severity tier when the ruleset has
 * one. No set id is known to this file in advance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interrupt.h"
#include "record.h"
#include "session.h"

/* Most distinct times shown (a teaching case has tens). */
#define MAX_TIMES 1000


static int is_time_key(const char *key)
{
    return key && (!strcmp(key, "t") || !strcmp(key, "start") ||
                   !strcmp(key, "stop") || !strcmp(key, "assessed_at") ||
                   !strcmp(key, "onset"));
}

/* Adds every time below `node` (keys t, start, stop; not assessed_at or
 * onset, which are not observations) to
 * `times` (when not NULL); sets *iso when one is an ISO string. */
static size_t collect(const cJSON *node, double *times, size_t n, size_t max,
                      int *iso)
{
    const cJSON *c;
    double h;

    cJSON_ArrayForEach(c, node) {
        if (is_time_key(c->string)) {
            h = record_hours(c);
            *iso = *iso || cJSON_IsString(c);
            if (times && !isnan(h) && n < max && strcmp(c->string, "assessed_at") &&
                strcmp(c->string, "onset"))
                times[n++] = h;
        } else if (cJSON_IsArray(c) ||
                   (cJSON_IsObject(c) && strcmp(c->string ? c->string : "", "label"))) {
            n = collect(c, times, n, max, iso);
        }
    }
    return n;
}

int timeline_iso(const cJSON *doc)
{
    int iso = 0;

    collect(doc, NULL, 0, 0, &iso);
    return iso;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

size_t timeline_times(const cJSON *doc, double *times, size_t max)
{
    int iso = 0;
    size_t n = collect(doc, times, 0, max, &iso), i, out = 0;

    qsort(times, n, sizeof *times, by_value);
    for (i = 0; i < n; i++)
        if (out == 0 || times[i] != times[out - 1])
            times[out++] = times[i];
    return out;
}

/* One row: the time, then every points set's score and verdict, the
 * number of criteria sets met, and the tier. */
static void print_row(FILE *fp, const char *when, const cJSON *rec)
{
    struct record_set sets[RECORD_MAX_SETS];
    size_t n = record_sets(rec, sets, RECORD_MAX_SETS), i, met = 0, total = 0;
    const cJSON *tier = NULL, *score;
    const char *result;

    fprintf(fp, "%-18s", when);
    for (i = 0; i < n; i++) {
        result = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(sets[i].set, "result"));
        score = cJSON_GetObjectItemCaseSensitive(sets[i].set, "score");
        if (strcmp(sets[i].section, "criteria") == 0) {
            total++;
            met += result && strcmp(result, "met") == 0;
        }
        if (cJSON_IsNumber(score))
            fprintf(fp, "  %s %3g %-13s", sets[i].id, score->valuedouble,
                    result ? result : "");
        if (cJSON_HasObjectItem(sets[i].set, "tier"))
            tier = cJSON_GetObjectItemCaseSensitive(sets[i].set, "tier");
    }
    if (cJSON_HasObjectItem(rec, "error"))
        fprintf(fp, "  error: %s", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
                                      cJSON_GetObjectItemCaseSensitive(rec, "error"), "message")));
    else
        fprintf(fp, "  criteria met %zu/%zu", met, total);
    if (cJSON_IsString(tier))
        fprintf(fp, "  tier %s", tier->valuestring);
    fputc('\n', fp);
}

int timeline_print(struct session *s, FILE *fp)
{
    double *times = malloc(MAX_TIMES * sizeof *times);
    size_t n, i;
    cJSON *rec;
    char when[64];
    int iso, rc = 0;

    if (!times) {
        repl_error(s, "out of memory");
        return -1;
    }
    n = timeline_times(s->doc, times, MAX_TIMES);
    if (n == 0)
        fprintf(fp, "(the case holds no times yet)\n");
    iso = timeline_iso(s->doc);
    for (i = 0; i < n && rc == 0; i++) {
        nms_time_format(times[i], iso ? NMS_TIME_ISO : NMS_TIME_HOURS, when,
                        sizeof when);
        rc = session_evaluate(s, s->doc, times[i], &rec, NULL);
        if (rc == 0)
            print_row(fp, when, rec);
        cJSON_Delete(rec);
    }
    if (rc == 1)
        repl_error(s, "interrupted");
    free(times);
    return rc == 0 ? 0 : -1;
}
