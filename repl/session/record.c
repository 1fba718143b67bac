/* record.c - the sets of a result record (see record.h). */
#include <math.h>
#include <string.h>

#include "nms/case.h"
#include "session/record.h"

const char *record_str(const cJSON *obj, const char *key)
{
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, key));

    return v ? v : "";
}

double record_num(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

double record_hours(const cJSON *t)
{
    double h;

    if (cJSON_IsNumber(t))
        return t->valuedouble;
    if (cJSON_IsString(t) && nms_time_parse_iso(t->valuestring, &h) == 0)
        return h;
    return NAN;
}

/* Adds one set; returns the new count. */
static size_t add(struct record_set *out, size_t n, size_t max, const char *id,
                  const char *section, const cJSON *set)
{
    if (n == max || !cJSON_IsObject(set))
        return n;
    out[n].id = id;
    out[n].section = section;
    out[n].set = set;
    return n + 1;
}

/* Adds every member of the object `section` of rec. */
static size_t add_all(const cJSON *rec, const char *section,
                      struct record_set *out, size_t n, size_t max)
{
    const cJSON *set;

    cJSON_ArrayForEach(set, cJSON_GetObjectItemCaseSensitive(rec, section))
        n = add(out, n, max, set->string, section, set);
    return n;
}

size_t record_sets(const cJSON *rec, struct record_set *out, size_t max)
{
    size_t n = 0;

    if (!cJSON_IsObject(rec) || cJSON_HasObjectItem(rec, "error"))
        return 0;
    n = add_all(rec, "criteria", out, n, max);
    n = add(out, n, max, "severity", "severity",
            cJSON_GetObjectItemCaseSensitive(rec, "severity"));
    n = add(out, n, max, "risk_factors", "risk_factors",
            cJSON_GetObjectItemCaseSensitive(rec, "risk_factors"));
    return add_all(rec, "differential", out, n, max);
}

const cJSON *record_find(const struct record_set *sets, size_t n,
                         const char *id)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(sets[i].id, id) == 0)
            return sets[i].set;
    return NULL;
}

const cJSON *record_item(const cJSON *set, const char *id)
{
    const cJSON *item, *item_id;

    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(set, "items")) {
        item_id = cJSON_GetObjectItemCaseSensitive(item, "id");
        if (cJSON_IsString(item_id) && strcmp(item_id->valuestring, id) == 0)
            return item;
    }
    return NULL;
}
