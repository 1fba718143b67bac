/*
 * compare.h - what changed between two evaluations (compare.c).
 */
#ifndef NMS_REPL_COMPARE_H
#define NMS_REPL_COMPARE_H

#include <stdio.h>

#include "session/evaluation.h"

/* Prints what changed between two evaluations in one line ("iec2011
 * 62 → 79 (met)"), or the current state when `before` is NULL; nothing
 * when `after` failed. */
void compare_summary(FILE *fp, const struct evaluation *before,
                     const struct evaluation *after);

/* Prints every difference between two evaluations, one per line (item
 * values, scores, verdicts, tiers); "no differences" when none. */
void compare_detail(FILE *fp, const struct evaluation *before,
                    const struct evaluation *after);

#endif
