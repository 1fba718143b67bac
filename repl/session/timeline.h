/*
 * timeline.h - .timeline, the case evaluated as of each of its times (timeline.c).
 */
#ifndef NMS_REPL_TIMELINE_H
#define NMS_REPL_TIMELINE_H

#include <stdio.h>

#include "session/session.h"

/* Prints one row per distinct time of the case. Returns 0, or -1 after
 * printing why (interrupted, out of memory). */
int timeline_print(struct session *s, FILE *fp);

#endif
