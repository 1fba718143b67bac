/*
 * chart.h - editing the case with commands that read like a chart (chart.c).
 */
#ifndef NMS_REPL_CHART_H
#define NMS_REPL_CHART_H

#include <cjson/cJSON.h>

#include "session/session.h"

int chart_give(struct session *s, int argc, char **argv);
int chart_stop(struct session *s, int argc, char **argv);
int chart_entry(struct session *s, int argc, char **argv);  /* .vitals .exam .lab .baseline */
int chart_set(struct session *s, int argc, char **argv);
int chart_unset(struct session *s, int argc, char **argv);

/* Parses a time ("50h", "2d", "-6", an ISO 8601 date-time) into a new
 * JSON number of hours or string; NULL after printing why. */
cJSON *chart_time(struct session *s, const char *text);

/*
 * Applies FIELD=VALUE assignments (as .vitals and .set read them; FIELD is
 * a dotted path, bp=SBP/DBP sets both) to `doc`. Returns 0 or -1 after
 * printing why. Used by .whatif on a copy.
 */
int chart_assign(struct session *s, cJSON *doc, int argc, char **argv);

#endif
