/*
 * coverage.h - what a run of rule tests exercised (coverage.c): for every
 * item of every set, whether some test made it true, false and unknown;
 * for every alternative of every groups rule, whether some test met it
 * first (the alternative that decided the verdict).
 */
#ifndef NMS_COVERAGE_H
#define NMS_COVERAGE_H

#include <stdio.h>

#include "nms/engine.h"
#include "nms/result.h"

struct nms_coverage;

/* A new, empty record of coverage, or NULL when out of memory. */
struct nms_coverage *nms_coverage_new(void);

/* Releases it; accepts NULL. */
void nms_coverage_free(struct nms_coverage *cov);

/* Adds what result r (computed with ruleset rs) exercised. Returns 0, or
 * -1 when out of memory. */
int nms_coverage_add(struct nms_coverage *cov,
                     const struct nms_ruleset_info *rs,
                     const struct nms_result *r);

/* Prints every set with its items and alternatives, marking the outcomes
 * not seen, then the totals. */
void nms_coverage_print(FILE *fp, const struct nms_coverage *cov);

/* Outcomes seen over outcomes possible, in per cent (100 when there are
 * none): three per item, one per alternative. */
double nms_coverage_percent(const struct nms_coverage *cov);

#endif
