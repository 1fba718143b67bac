/*
 * stats.h - the figures of diagnostic accuracy (stats.c): a 2x2 table's
 * proportions with Wilson intervals, Cohen's kappa, and the ROC curve of a
 * score with its AUC, Hanley-McNeil interval and Youden cut-off. Pure
 * arithmetic on counts and arrays: no I/O, no engine, unit-tested against
 * hand-computed values (tests/test_stats.c).
 */
#ifndef NMS_STATS_H
#define NMS_STATS_H

#include <stddef.h>

/* z for a two-sided 95 % interval. */
#define NMS_Z95 1.959963984540054

/* A proportion k/n with its 95 % interval; all NAN when n is 0. */
struct nms_prop {
    size_t k, n;
    double value, lo, hi;
};

/* A 2x2 table, rule against reference. */
struct nms_table2 {
    size_t tp, fp, fn, tn;
};

/* What one 2x2 table gives. Kappa's interval is kappa +- z * SE with
 * Cohen's (1960) large-sample SE, sqrt(po(1-po)/(n(1-pe)^2)): a Wilson
 * interval is for proportions, and kappa is not one. */
struct nms_accuracy {
    struct nms_prop sensitivity, specificity, ppv, npv, accuracy;
    double kappa, kappa_lo, kappa_hi; /* NAN when undefined (pe = 1) */
};

/* The Wilson score interval of k out of n at `z`. */
struct nms_prop nms_stats_wilson(size_t k, size_t n, double z);

/* Every figure of table t, 95 % intervals. */
void nms_stats_accuracy(const struct nms_table2 *t, struct nms_accuracy *out);

/* One point of the ROC curve: "score >= cutoff" called positive. */
struct nms_roc_point {
    double cutoff, tpr, fpr, youden;
};

struct nms_roc {
    struct nms_roc_point *points; /* cut-offs from highest to lowest, then
                                     +inf first: (0,0) ... (1,1) */
    size_t n_points;
    size_t positives, negatives;
    double auc, se, lo, hi; /* Hanley & McNeil (1982) SE, AUC +- z*SE
                               clipped to [0, 1]; NAN without both
                               classes */
    size_t best;            /* the point maximising Youden's J (ties:
                               the higher cut-off, the more specific) */
    double best_num;        /* its J times P*N, exact (internal) */
};

/*
 * The ROC curve of n scores against labels (1 positive, 0 negative). AUC is
 * the Mann-Whitney statistic: P(score of a positive > score of a negative)
 * with ties counting one half, i.e. the trapezoid area under the points.
 * Fills *out (its points are a new array, released by nms_stats_roc_free).
 * Returns 0, or -1 when out of memory.
 */
int nms_stats_roc(const double *scores, const int *labels, size_t n,
                  struct nms_roc *out);

/* Releases the ROC's points; accepts a zeroed struct. */
void nms_stats_roc_free(struct nms_roc *roc);

/* The q-quantile (0..1) of n sorted values by linear interpolation
 * (type 7, as R's and numpy's default); NAN when n is 0. */
double nms_stats_quantile(const double *sorted, size_t n, double q);

#endif
