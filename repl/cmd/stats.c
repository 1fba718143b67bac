/*
 * stats.c - diagnostic accuracy arithmetic (stats.h).
 *
 * References: Wilson (1927) for proportions; Cohen (1960) for kappa and its
 * large-sample standard error; Hanley & McNeil (1982), Radiology 143:29-36,
 * for the AUC's standard error. Chosen because each is a closed formula an
 * analyst can recompute by hand from the counts printed beside it.
 */
#include <math.h>
#include <stdlib.h>

#include "cmd/stats.h"

struct nms_prop nms_stats_wilson(size_t k, size_t n, double z)
{
    struct nms_prop p = {k, n, NAN, NAN, NAN};
    double nn = (double)n, ph, z2 = z * z, centre, half, denom;

    if (n == 0)
        return p;
    ph = (double)k / nn;
    denom = 1.0 + z2 / nn;
    centre = (ph + z2 / (2.0 * nn)) / denom;
    half = z * sqrt(ph * (1.0 - ph) / nn + z2 / (4.0 * nn * nn)) / denom;
    p.value = ph;
    p.lo = k == 0 ? 0.0 : centre - half; /* exact ends, not 1e-17 */
    p.hi = k == n ? 1.0 : centre + half;
    return p;
}

/* Cohen's kappa with its interval, from the four cells. */
static void kappa(const struct nms_table2 *t, struct nms_accuracy *out)
{
    double n = (double)(t->tp + t->fp + t->fn + t->tn);
    double po, pe, se;

    out->kappa = out->kappa_lo = out->kappa_hi = NAN;
    if (n == 0)
        return;
    po = (double)(t->tp + t->tn) / n;
    pe = ((double)(t->tp + t->fp) * (double)(t->tp + t->fn) +
          (double)(t->fn + t->tn) * (double)(t->fp + t->tn)) /
         (n * n);
    if (pe >= 1.0)
        return; /* both raters said one thing throughout: undefined */
    out->kappa = (po - pe) / (1.0 - pe);
    se = sqrt(po * (1.0 - po) / (n * (1.0 - pe) * (1.0 - pe)));
    out->kappa_lo = out->kappa - NMS_Z95 * se;
    out->kappa_hi = out->kappa + NMS_Z95 * se;
}

void nms_stats_accuracy(const struct nms_table2 *t, struct nms_accuracy *out)
{
    size_t n = t->tp + t->fp + t->fn + t->tn;

    out->sensitivity = nms_stats_wilson(t->tp, t->tp + t->fn, NMS_Z95);
    out->specificity = nms_stats_wilson(t->tn, t->tn + t->fp, NMS_Z95);
    out->ppv = nms_stats_wilson(t->tp, t->tp + t->fp, NMS_Z95);
    out->npv = nms_stats_wilson(t->tn, t->tn + t->fn, NMS_Z95);
    out->accuracy = nms_stats_wilson(t->tp + t->tn, n, NMS_Z95);
    kappa(t, out);
}

/* ------------------------------------------------------------------------
 * ROC
 * --------------------------------------------------------------------- */

struct scored {
    double score;
    int label;
};

/* Highest score first. */
static int by_score_desc(const void *a, const void *b)
{
    double x = ((const struct scored *)a)->score;
    double y = ((const struct scored *)b)->score;

    return (x < y) - (x > y);
}

/* Hanley & McNeil's SE and the interval around roc->auc. */
static void hanley_mcneil(struct nms_roc *roc)
{
    double a = roc->auc, np = (double)roc->positives;
    double nn = (double)roc->negatives;
    double q1 = a / (2.0 - a), q2 = 2.0 * a * a / (1.0 + a);
    double var = (a * (1.0 - a) + (np - 1.0) * (q1 - a * a) +
                  (nn - 1.0) * (q2 - a * a)) /
                 (np * nn);

    roc->se = sqrt(var > 0.0 ? var : 0.0);
    roc->lo = fmax(0.0, a - NMS_Z95 * roc->se);
    roc->hi = fmin(1.0, a + NMS_Z95 * roc->se);
}

/* Adds the point for cut-off `cutoff` with tp/fp counted so far. */
static void add_point(struct nms_roc *roc, double cutoff, size_t tp, size_t fp)
{
    struct nms_roc_point *p = &roc->points[roc->n_points++];
    double num;

    p->cutoff = cutoff;
    p->tpr = roc->positives ? (double)tp / (double)roc->positives : NAN;
    p->fpr = roc->negatives ? (double)fp / (double)roc->negatives : NAN;
    p->youden = p->tpr - p->fpr;
    /* J compared on its exact numerator tp*N - fp*P (one denominator P*N
     * for every point), so that ties are ties and not rounding; strictly
     * greater: among equal J the earlier, higher cut-off stays. */
    num = (double)tp * (double)roc->negatives -
          (double)fp * (double)roc->positives;
    if (roc->n_points == 1 || num > roc->best_num) {
        roc->best = roc->n_points - 1;
        roc->best_num = num;
    }
}

int nms_stats_roc(const double *scores, const int *labels, size_t n,
                  struct nms_roc *out)
{
    struct scored *s = calloc(n ? n : 1, sizeof *s);
    size_t i, j, tp = 0, fp = 0;
    double area2 = 0.0; /* twice the trapezoid sum, in count units */

    *out = (struct nms_roc){NULL, 0, 0, 0, NAN, NAN, NAN, NAN, 0, 0};
    out->points = calloc(n + 1, sizeof *out->points);
    if (s == NULL || out->points == NULL) {
        free(s);
        nms_stats_roc_free(out);
        return -1;
    }
    for (i = 0; i < n; i++) {
        s[i].score = scores[i];
        s[i].label = labels[i] != 0;
        out->positives += (size_t)s[i].label;
    }
    out->negatives = n - out->positives;
    qsort(s, n, sizeof *s, by_score_desc);
    add_point(out, INFINITY, 0, 0);
    for (i = 0; i < n; i = j) {
        size_t tp0 = tp, fp0 = fp;
        for (j = i; j < n && s[j].score == s[i].score; j++) {
            tp += (size_t)s[j].label;
            fp += (size_t)!s[j].label;
        }
        area2 += (double)(fp - fp0) * (double)(tp + tp0);
        add_point(out, s[i].score, tp, fp);
    }
    free(s);
    if (out->positives && out->negatives) {
        out->auc =
            area2 / (2.0 * (double)out->positives * (double)out->negatives);
        hanley_mcneil(out);
    }
    return 0;
}

void nms_stats_roc_free(struct nms_roc *roc)
{
    free(roc->points);
    roc->points = NULL;
    roc->n_points = 0;
}

double nms_stats_quantile(const double *sorted, size_t n, double q)
{
    double h, lo;
    size_t k;

    if (n == 0)
        return NAN;
    h = (double)(n - 1) * q;
    lo = floor(h);
    k = (size_t)lo;
    if (k + 1 >= n)
        return sorted[n - 1];
    return sorted[k] + (h - lo) * (sorted[k + 1] - sorted[k]);
}
