/*
 * times.h - the times of a chart (times.c).
 */
#ifndef NMS_REPL_TIMES_H
#define NMS_REPL_TIMES_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* A case time (a number of hours, or an ISO 8601 string) in hours; NAN
 * when it is neither. */
double times_hours(const cJSON *t);

/* 1 when `doc` writes its times as ISO 8601 strings. */
int times_iso(const cJSON *doc);

/* Collects the distinct times of `doc` in hours, sorted, into `times`
 * (at most `max`); returns how many. */
size_t times_list(const cJSON *doc, double *times, size_t max);

#endif
