/*
 * summary.h - what `nmsrules summary` gathers over a cohort (summary.c)
 * and writes as text or one HTML page (summary_out.c).
 */
#ifndef NMS_SUMMARY_H
#define NMS_SUMMARY_H

#include <stdio.h>

#include "cmd/accuracy.h"
#include "cmd/cohort.h"
#include "cmd/timeline.h"
#include "nms/engine.h"

/* Most distinct keys one count keeps (drug names, missing data, ...);
 * past it, the rest are counted under "(other)". */
#define NMS_SUMMARY_MAX_KEYS 5000

/* Counts by text key, in order of first appearance. */
struct nms_counts {
    char **keys;
    size_t *n;
    size_t len;
};

struct nms_summary {
    const struct nms_ruleset_info *rs;
    size_t cases, errors;
    size_t (*verdicts)[3]; /* per ruleset set: [verdict] */
    size_t (*presupposed)[2];   /* per ruleset set: met without what it
                                   presupposes, [0] false, [1] unknown */
    size_t *crit;          /* indexes of the criteria sets */
    size_t n_crit;
    size_t *agree;                  /* [i * n_crit + j]: same verdict */
    size_t evaluated;               /* cases with a result */
    struct nms_counts features;     /* disagreement features: cases */
    struct nms_counts missing;      /* missing data behind an indeterminate
                                       criteria set: cases */
    struct nms_counts drugs;        /* unrecognised drug names: entries */
    struct nms_counts warnings;     /* warnings by kind */
    struct nms_counts tiers;        /* severity tiers */
    int has_labels;                 /* some case carries label.nms */
    struct nms_cohort in;           /* cases or result records */
    int timeline;                   /* --timeline: time to first met */
    struct nms_timeline_writer tl_sets; /* its sets (writes nothing) */
    size_t *tl_list;                /* tl_sets.sets, owned */
    struct nms_timeline_cohort tl;  /* hours to first met per set */
    struct nms_accuracy_gather acc; /* against label.nms */
};

struct nms_count_row {
    const char *key; /* points into the counts */
    size_t n;
};

/* c's keys sorted by count (highest first), then key: a new array of
 * c->len rows (free()), or NULL when out of memory. */
struct nms_count_row *nms_counts_sorted(const struct nms_counts *c);

void nms_summary_text(FILE *fp, const struct nms_summary *s);
/* The self-contained page; returns 0, or -1 when out of memory. */
int nms_summary_html(FILE *fp, const struct nms_summary *s);

#endif
