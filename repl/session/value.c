/*
 * value.c - reading what a person types for one field of the case into the
 * JSON the case format expects: numbers with units ("103.1F", "14200/uL"),
 * yes/no, enumerations, times ("50h", "2d", ISO 8601). The case reader
 * checks the result again; this only turns chart shorthand into JSON and
 * gives the first clear message for a value that cannot be right.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base_int.h"
#include "nms/schema.h"
#include "session/chart.h"
#include "session/value.h"

cJSON *chart_time(struct session *s, const char *text)
{
    double hours;
    enum nms_time_form form;

    if (nms_time_read(text, &hours, &form) == 0) {
        const char *why =
            form == NMS_TIME_ISO ? nms_time_placeholder(text) : NULL;
        if (why == NULL)
            return form == NMS_TIME_ISO ? cJSON_CreateString(text)
                                        : cJSON_CreateNumber(hours);
        /* As a case time would be refused (nms_time_placeholder). */
        repl_error(s, "'%s' is %s, where databases and programs put a date "
                      "that is not known, never a clinical time; give the "
                      "real time", text, why);
        return NULL;
    }
    /* Hours or days with a unit: the REPL's shorthand (also --as-of's). */
    if (nms_time_read_span(text, &hours) == 0)
        return cJSON_CreateNumber(hours);
    repl_error(s, "cannot read '%s' as a time; write hours such as 50h or "
                  "-6h, days such as 2d, or an ISO 8601 time such as "
                  "2026-03-03T02:10Z", text);
    return NULL;
}

/* The UCUM code a person most likely meant by a unit written after a
 * number: F and C for temperatures, otherwise the text itself. */
static const char *unit_code(const char *suffix)
{
    if (strcmp(suffix, "F") == 0 || strcmp(suffix, "\xc2\xb0" "F") == 0 ||
        strcmp(suffix, "degF") == 0)
        return "[degF]";
    if (strcmp(suffix, "C") == 0 || strcmp(suffix, "\xc2\xb0" "C") == 0 ||
        strcmp(suffix, "degC") == 0)
        return "Cel";
    return suffix;
}

static cJSON *number_value(struct session *s, const char *path,
                           const char *text)
{
    struct nms_schema_entry e;
    const char *unit;
    cJSON *q;
    const char *end;
    double v;

    errno = 0;
    /* Decimal only: "0x27" was 39, as strtod reads it. */
    if (nms_decimal_read(text, &v, &end) != 0 || errno) {
        repl_error(s, "%s: '%s' is not a number", path, text);
        return NULL;
    }
    unit = unit_code(end);
    if (!*unit || (nms_schema_find(path, &e) == 0 && e.unit &&
                   strcmp(unit, e.unit) == 0))
        return cJSON_CreateNumber(v);
    q = cJSON_CreateObject();
    if (q && (!cJSON_AddNumberToObject(q, "value", v) ||
              !cJSON_AddStringToObject(q, "unit", unit))) {
        cJSON_Delete(q);
        q = NULL;
    }
    return q;
}

static cJSON *bool_value(struct session *s, const char *path, const char *text)
{
    static const char *const yes[] = {"true", "yes", "y", "present", "1", NULL};
    static const char *const no[] = {"false", "no", "n", "absent", "0", NULL};
    size_t i;

    for (i = 0; yes[i]; i++)
        if (strcasecmp(text, yes[i]) == 0)
            return cJSON_CreateTrue();
    for (i = 0; no[i]; i++)
        if (strcasecmp(text, no[i]) == 0)
            return cJSON_CreateFalse();
    repl_error(s, "%s: '%s' is not yes or no; write true, false, yes or no",
               path, text);
    return NULL;
}

static cJSON *enum_value(struct session *s, const char *path,
                         const struct nms_schema_entry *e, const char *text)
{
    const char *close;
    char list[512] = "";
    size_t i, used = 0;

    for (i = 0; e->values[i]; i++)
        if (strcmp(e->values[i], text) == 0)
            return cJSON_CreateString(text);
    for (i = 0; e->values[i] && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 i ? ", " : "", e->values[i]);
    close = nms_schema_closest_value(path, text);
    if (close)
        repl_error(s, "unknown value '%s' for %s — did you mean '%s'? "
                      "(expected one of %s)", text, path, close, list);
    else
        repl_error(s, "unknown value '%s' for %s; expected one of %s", text,
                   path, list);
    return NULL;
}

int value_is_unknown(const char *text)
{
    return strcmp(text, "null") == 0 || strcmp(text, "unknown") == 0 ||
           strcmp(text, "?") == 0;
}

cJSON *value_parse(struct session *s, const char *path, const char *text)
{
    struct nms_schema_entry e;
    cJSON *v;

    if (nms_schema_find(path, &e) != 0) {
        repl_error(s, "unknown field '%s'", path);
        return NULL;
    }
    switch (e.kind) {
    case NMS_SCHEMA_NUMBER:
        return number_value(s, path, text);
    case NMS_SCHEMA_BOOL:
        return bool_value(s, path, text);
    case NMS_SCHEMA_ENUM:
        return enum_value(s, path, &e, text);
    case NMS_SCHEMA_TIME:
        return chart_time(s, text);
    case NMS_SCHEMA_STRING:
        return cJSON_CreateString(text);
    case NMS_SCHEMA_ANY:
        v = cJSON_Parse(text);
        return v ? v : cJSON_CreateString(text);
    case NMS_SCHEMA_OBJECT:
    case NMS_SCHEMA_ARRAY:
        break;
    }
    repl_error(s, "'%s' is a section, not a value; set one of its fields, "
                  "e.g. %s.%s", path, path, e.name ? "..." : "");
    return NULL;
}

/* For a top-level name that is no field of the record but a field of one
 * of its sections ("temp", "ck", "dehydration"), writes the full paths into
 * buf as "'vitals.temp'" or "'vitals.hr' or 'baseline.hr'": the usual slip
 * when `.whatif` and `.set` are typed after `.vitals temp=...`. Returns how
 * many were found. */
static int sections_with(const char *name, char *buf, size_t size)
{
    struct nms_schema_entry sec, e;
    char full[256];
    size_t i, used = 0;
    int found = 0;

    buf[0] = '\0';
    for (i = 0; nms_schema_child("", i, &sec) == 0; i++) {
        if ((sec.kind != NMS_SCHEMA_OBJECT && sec.kind != NMS_SCHEMA_ARRAY) ||
            snprintf(full, sizeof full, "%s.%s", sec.name, name) >= (int)sizeof full ||
            nms_schema_find(full, &e) != 0 || used >= size)
            continue;
        used += (size_t)snprintf(buf + used, size - used, "%s'%s'",
                                 found ? " or " : "", full);
        found++;
    }
    return found;
}

/* The field names of section `path` ("t, temp, temp_site, hr, ..."),
 * into buf. */
static const char *fields_of(const char *path, char *buf, size_t size)
{
    struct nms_schema_entry e;
    size_t i, used = 0;

    buf[0] = '\0';
    for (i = 0; nms_schema_child(path, i, &e) == 0; i++) {
        if (used + strlen(e.name) + 8 > size) {   /* room for ", ..." */
            snprintf(buf + used, size - used, ", ...");
            break;
        }
        used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                 i ? ", " : "", e.name);
    }
    return buf;
}

/* The one field of `parent` whose name starts with `name` (any case; a
 * chart's "rigid", "diaph"), or NULL when none or several do. */
static const char *field_by_start(const char *parent, const char *name)
{
    struct nms_schema_entry e;
    const char *found = NULL;
    size_t i, n = strlen(name);

    for (i = 0; n > 0 && nms_schema_child(parent, i, &e) == 0; i++)
        if (strncasecmp(e.name, name, n) == 0) {
            if (found)
                return NULL;
            found = e.name;
        }
    return found;
}

int value_check_field(struct session *s, const char *path)
{
    char parent[256] = "", next[256], name[128];
    struct nms_schema_entry e;
    const char *p = path, *close;
    size_t n;

    while (*p) {
        n = strcspn(p, ".[");
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        if (snprintf(next, sizeof next, "%s%s%s", parent, *parent ? "." : "",
                     name) >= (int)sizeof next ||
            nms_schema_find(next, &e) != 0) {
            char where[256];

            close = nms_schema_closest(parent, name);
            if (!close && *parent)
                close = field_by_start(parent, name);
            if (!*parent && sections_with(name, where, sizeof where) > 0)
                repl_error(s, "unknown field '%s' — did you mean %s?", name,
                           where);
            else if (close)
                repl_error(s, "unknown field '%s' — did you mean '%s'?", name,
                           close);
            else if (*parent)
                repl_error(s, "unknown field '%s' in %s; its fields: %s", name,
                           parent, fields_of(parent, where, sizeof where));
            else
                repl_error(s, "unknown field '%s'", name);
            return -1;
        }
        memcpy(parent, next, sizeof parent);
        p += n;
        p += strcspn(p, ".");   /* skip an index such as [2] */
        if (*p == '.')
            p++;
    }
    return 0;
}
