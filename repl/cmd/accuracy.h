/*
 * accuracy.h - what `nmsrules accuracy` gathers (accuracy.c) and writes
 * (accuracy_out.c as text, JSON or CSV; roc_svg.c as a plot).
 */
#ifndef NMS_ACCURACY_H
#define NMS_ACCURACY_H

#include <stdio.h>

#include "cmd/stats.h"
#include "nms/engine.h"

/* Most labelled cases one run holds (a verdict byte and a score each). */
#define NMS_ACCURACY_MAX_CASES 50000000u

enum { NMS_VIEW_IND_NEGATIVE = 0, NMS_VIEW_IND_POSITIVE, NMS_N_VIEWS };

/* One criteria set over the cohort. */
struct nms_set_accuracy {
    const char *id;
    enum nms_set_kind kind;
    size_t counts[2][3]; /* [reference 1/0][verdict: not met, met, ind.] */
    size_t unsupported[2]; /* [reference 1/0]: met without what the set
                              presupposes (false or unknown), in counts */
    struct nms_table2 table[NMS_N_VIEWS];
    struct nms_accuracy fig[NMS_N_VIEWS];
    int has_roc; /* points sets: scores give a curve */
    struct nms_roc roc;
};

struct nms_accuracy_report {
    const char *label; /* the label path */
    const struct nms_ruleset_info *rs;
    size_t cases, errors, unlabelled, positives, negatives;
    struct nms_set_accuracy *sets; /* the criteria sets, ruleset order */
    size_t n_sets;
};

/* What gathering holds: the report and, per points set, the scores. */
struct nms_accuracy_gather {
    const char *label;
    struct nms_accuracy_report rep;
    double **scores; /* per set: the scores of the labelled cases (points
                        sets only, else NULL) */
    int *labels;     /* the labels of those cases, in the same order */
    size_t n, cap;
};

/* Starts gathering against label path `label` for ruleset rs (both must
 * outlive g). Returns 0, or -1 when out of memory (release g anyway). */
int nms_accuracy_init(struct nms_accuracy_gather *g,
                      const struct nms_ruleset_info *rs, const char *label);

/* Counts one evaluated case (an emit_fn for nms_run_source: ctx is the
 * gather). Returns 0, or -1 after a message when out of memory. */
int nms_accuracy_add(void *ctx, const struct nms_case *c,
                     const struct nms_result *r);

/* Computes every set's figures and ROC; 0, or -1 when out of memory. */
int nms_accuracy_figures(struct nms_accuracy_gather *g);

/* Releases what g holds; accepts a failed init. */
void nms_accuracy_release(struct nms_accuracy_gather *g);

/* Writes the report for a person (text), or as JSON or CSV. */
void nms_accuracy_text(FILE *fp, const struct nms_accuracy_report *rep);
void nms_accuracy_json(FILE *fp, const struct nms_accuracy_report *rep);
void nms_accuracy_csv(FILE *fp, const struct nms_accuracy_report *rep);

/* The ROC curves of the report's points sets, and each criteria set's
 * operating points, as one self-contained SVG document. Returns a new
 * string (free()), or NULL when out of memory. */
char *nms_accuracy_svg(const struct nms_accuracy_report *rep);

#endif
