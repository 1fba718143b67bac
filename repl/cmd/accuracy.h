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

/* Writes the report for a person (text), or as JSON or CSV. */
void nms_accuracy_text(FILE *fp, const struct nms_accuracy_report *rep);
void nms_accuracy_json(FILE *fp, const struct nms_accuracy_report *rep);
void nms_accuracy_csv(FILE *fp, const struct nms_accuracy_report *rep);

/* The ROC curves of the report's points sets, and each criteria set's
 * operating points, as one self-contained SVG document. Returns a new
 * string (free()), or NULL when out of memory. */
char *nms_accuracy_svg(const struct nms_accuracy_report *rep);

#endif
