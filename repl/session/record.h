/*
 * record.h - finding one's way in a result record (the JSON of
 * docs/output-format.md): its sets, whichever sections the ruleset has.
 */
#ifndef NMS_REPL_RECORD_H
#define NMS_REPL_RECORD_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Most sets one record is read for (a ruleset has a handful). */
#define RECORD_MAX_SETS 64

/* One set of a record; both pointers point into the record. */
struct record_set {
    const char *id;        /* "iec2011", "severity", "serotonin_hunter" */
    const char *section;   /* "criteria", "severity", "risk_factors", "differential" */
    const cJSON *set;
};

/* Lists the sets of `rec` (criteria in order, then severity, risk_factors
 * and the differentials) into `out`; returns how many (at most max). A
 * NULL or error record has none. */
size_t record_sets(const cJSON *rec, struct record_set *out, size_t max);

/* The set with `id` among `sets`, or NULL. */
const cJSON *record_find(const struct record_set *sets, size_t n,
                         const char *id);

/* The string `key` of obj, or "" when absent or not a string. */
const char *record_str(const cJSON *obj, const char *key);

/* The number `key` of obj, or 0 when absent or not a number. */
double record_num(const cJSON *obj, const char *key);

/* A case time (a number of hours, or an ISO 8601 string) in hours; NAN
 * when it is neither. */
double record_hours(const cJSON *t);

/* The item with `id` of `set`, or NULL. */
const cJSON *record_item(const cJSON *set, const char *id);

#endif
