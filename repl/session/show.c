/*
 * show.c - the case as a chart a person reads (.show): the sections that
 * are recorded, each timed entry on one line in time order.
 */
#include <stdio.h>
#include <string.h>

#include "session/show.h"

void show_value(const cJSON *v, char *buf, size_t size)
{
    const cJSON *value, *unit;

    if (cJSON_IsTrue(v))
        snprintf(buf, size, "yes");
    else if (cJSON_IsFalse(v))
        snprintf(buf, size, "no");
    else if (cJSON_IsNumber(v))
        snprintf(buf, size, "%.15g", v->valuedouble);
    else if (cJSON_IsString(v))
        snprintf(buf, size, "%s", v->valuestring);
    else if (cJSON_IsNull(v))
        snprintf(buf, size, "unknown");
    else if (cJSON_IsObject(v) &&
             cJSON_IsNumber(value = cJSON_GetObjectItemCaseSensitive(v, "value")) &&
             cJSON_IsString(unit = cJSON_GetObjectItemCaseSensitive(v, "unit")))
        snprintf(buf, size, "%.15g %s", value->valuedouble, unit->valuestring);
    else {
        char *text = cJSON_PrintUnformatted(v);
        snprintf(buf, size, "%s", text ? text : "?");
        cJSON_free(text);
    }
}

/* A time as the case wrote it: "50 h" for hours, ISO text as is. */
static void show_time(const cJSON *t, char *buf, size_t size)
{
    if (cJSON_IsNumber(t))
        snprintf(buf, size, "%.15g h", t->valuedouble);
    else if (!t)
        snprintf(buf, size, "(no time)");
    else
        show_value(t, buf, size);
}

/* Prints "key value, key value" for every field of obj except `skip`. */
static void show_fields(FILE *fp, const cJSON *obj, const char *skip)
{
    const cJSON *f;
    char value[256];
    int first = 1;

    cJSON_ArrayForEach(f, obj) {
        if (skip && strcmp(f->string, skip) == 0)
            continue;
        show_value(f, value, sizeof value);
        fprintf(fp, "%s%s %s", first ? "" : ", ", f->string, value);
        first = 0;
    }
}

static void show_entries(FILE *fp, const char *name, const cJSON *list)
{
    const cJSON *e;
    char when[64];
    int n = 0;

    fprintf(fp, "%s:\n", name);
    /* Numbered as paths count them: .set vitals[2].temp, .unset labs[1]. */
    cJSON_ArrayForEach(e, list) {
        show_time(cJSON_GetObjectItemCaseSensitive(e, "t"), when, sizeof when);
        fprintf(fp, "  [%d] %-18s ", ++n, when);
        show_fields(fp, e, "t");
        fputc('\n', fp);
    }
}

static void show_medication(FILE *fp, const cJSON *m, int n)
{
    const cJSON *d;
    char when[64], mg[64];
    const cJSON *route = cJSON_GetObjectItemCaseSensitive(m, "route");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(m, "start");
    const cJSON *stop = cJSON_GetObjectItemCaseSensitive(m, "stop");

    fprintf(fp, "  [%d] %s", n, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "drug")));
    if (cJSON_IsString(route))
        fprintf(fp, " %s", route->valuestring);
    if (start) {
        show_time(start, when, sizeof when);
        fprintf(fp, ", from %s", when);
    }
    show_time(stop, when, sizeof when);
    fprintf(fp, "%s%s\n", stop ? " to " : ", not stopped", stop ? when : "");
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(m, "doses")) {
        show_time(cJSON_GetObjectItemCaseSensitive(d, "t"), when, sizeof when);
        show_value(cJSON_GetObjectItemCaseSensitive(d, "mg"), mg, sizeof mg);
        fprintf(fp, "    %-16s %s mg\n", when, mg);
    }
}

void show_case(struct session *s, FILE *fp)
{
    const cJSON *f, *m;
    char value[256];
    int n;

    if (!s->doc->child) {
        fprintf(fp, "(empty case: nothing is known yet; start with .give or "
                    ".vitals, see .help)\n");
        return;
    }
    cJSON_ArrayForEach(f, s->doc) {
        if (cJSON_IsArray(f) && strcmp(f->string, "medications") == 0) {
            fprintf(fp, "medications:\n");
            n = 0;
            cJSON_ArrayForEach(m, f)
                show_medication(fp, m, ++n);
        } else if (cJSON_IsArray(f)) {
            show_entries(fp, f->string, f);
        } else if (cJSON_IsObject(f) && !f->child) {
            continue;   /* a section emptied by .unset holds nothing */
        } else if (cJSON_IsObject(f) && strcmp(f->string, "label") != 0) {
            fprintf(fp, "%s: ", f->string);
            show_fields(fp, f, NULL);
            fputc('\n', fp);
        } else {
            show_value(f, value, sizeof value);
            fprintf(fp, "%s: %s\n", f->string, value);
        }
    }
    if (!isnan(s->as_of))
        fprintf(fp, "(evaluated as of %s: .at off to use all of it)\n",
                s->as_of_text);
}
