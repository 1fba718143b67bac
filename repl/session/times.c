/*
 * times.c - the times a chart (the case document) holds: which form they
 * are written in, and the distinct times of its observations.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nms/case.h"
#include "session/times.h"

double times_hours(const cJSON *t)
{
    enum nms_time_form form;
    double h;

    if (cJSON_IsNumber(t))
        return t->valuedouble;
    if (cJSON_IsString(t) && nms_time_read(t->valuestring, &h, &form) == 0 &&
        form == NMS_TIME_ISO)
        return h;
    return NAN;
}

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
            h = times_hours(c);
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

int times_iso(const cJSON *doc)
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

size_t times_list(const cJSON *doc, double *times, size_t max)
{
    int iso = 0;
    size_t n = collect(doc, times, 0, max, &iso), i, out = 0;

    qsort(times, n, sizeof *times, by_value);
    for (i = 0; i < n; i++)
        if (out == 0 || times[i] != times[out - 1])
            times[out++] = times[i];
    return out;
}

