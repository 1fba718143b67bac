/*
 * explain.h - .why and .whynot (explain.c).
 */
#ifndef NMS_REPL_EXPLAIN_H
#define NMS_REPL_EXPLAIN_H

#include "session/session.h"

/* Prints set `id` of the last result: items, evidence, and for a set not
 * met the smallest change that would meet it (whynot: only the items that
 * are not true). Returns 0, or -1 after printing why (`id` NULL: the
 * usage, with the sets there are). */
int explain_set(struct session *s, const char *id, int whynot);

#endif
