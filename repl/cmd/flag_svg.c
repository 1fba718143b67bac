/*
 * flag_svg.c - the plot of `timeline --plot` and of the summary page's
 * "time to first met": per criteria set, the share of the cohort's
 * flagged cases (anchored cases the set met at some time) already met by
 * each hour after the anchor, as a step curve that climbs from 0 to 1.
 * Cases the set never met are not on the curve (it would climb to the
 * share ever met instead, which mixes how soon with how often); the
 * legend counts them: "met in 12 of 20 anchored cases". The figures are
 * the ones the text gives (median and quartiles, R's type 7).
 */
#include <math.h>
#include <stdio.h>

#include "cmd/stats.h"
#include "cmd/svg.h"
#include "cmd/timeline.h"

/* Geometry in SVG user units. */
#define W 640
#define X0 70.0  /* left edge of the plot area */
#define Y0 44.0  /* top edge */
#define PW 530.0 /* plot width */
#define PH 300.0 /* plot height */
/* Most steps marked with a point (each with its figures as a tooltip);
 * a larger cohort shows the curve alone. */
#define MAX_MARKED_STEPS 200

/* The axis is cut when the latest first met lies this many times beyond
 * the largest 90th percentile of the sets: a few first exposures months
 * earlier (depots, long-standing prescriptions) would squash the rest. */
#define CUT_FACTOR 3.0

/* The hours axis: [lo, hi] in hours from the anchor, with its step;
 * `latest` the latest first met, beyond hi when the axis is cut. */
struct axis {
    double lo, hi, step, latest;
};

static double px(const struct axis *a, double h)
{
    return X0 + (h - a->lo) / (a->hi - a->lo) * PW;
}

static double py(double share)
{
    return Y0 + (1.0 - share) * PH;
}

/* From 0 (or the earliest first met, if before the anchor) to the
 * latest, widened to whole steps. */
static struct axis hours_axis(const struct nms_timeline_cohort *co,
                              size_t n_sets)
{
    struct axis a = {0.0, 0.0, 1.0, 0.0};
    double p90 = 0.0;
    size_t i, n;

    for (i = 0; i < n_sets; i++)
        if ((n = co->flagged[i]) > 0) {
            a.lo = fmin(a.lo, co->hours[i][0]);
            a.hi = fmax(a.hi, co->hours[i][n - 1]);
            p90 = fmax(p90, nms_stats_quantile(co->hours[i], n, 0.9));
        }
    a.latest = a.hi;
    if (p90 > 0.0 && a.hi > CUT_FACTOR * p90)
        a.hi = p90 * 1.1;
    if (a.hi - a.lo < 1.0)
        a.hi = a.lo + 1.0;
    a.step = nms_svg_time_step(a.hi - a.lo);
    a.lo = floor(a.lo / a.step) * a.step;
    a.hi = ceil(a.hi / a.step) * a.step;
    return a;
}

static void frame(struct nms_svg *b, const struct axis *a)
{
    double h, v;

    nms_svg_put(b, "<g id=\"axes\" font-size=\"11\" fill=\"#444\">\n");
    for (v = 0.0; v <= 1.0 + 1e-9; v += 0.25)
        nms_svg_put(b,
                    "<line x1=\"%g\" y1=\"%.2f\" x2=\"%g\" y2=\"%.2f\" "
                    "stroke=\"#e4e4e4\"/>\n<text x=\"%g\" y=\"%.2f\" "
                    "text-anchor=\"end\">%.0f%%</text>\n",
                    X0, py(v), X0 + PW, py(v), X0 - 6, py(v) + 4, v * 100);
    for (h = a->lo; h <= a->hi + 1e-9 * a->step; h += a->step)
        nms_svg_put(b,
                    "<line x1=\"%.2f\" y1=\"%g\" x2=\"%.2f\" y2=\"%g\" "
                    "stroke=\"#e4e4e4\"/>\n<text x=\"%.2f\" y=\"%g\" "
                    "text-anchor=\"middle\">%g</text>\n",
                    px(a, h), Y0, px(a, h), Y0 + PH, px(a, h), Y0 + PH + 16,
                    h);
    if (a->latest > a->hi)
        nms_svg_put(b,
                    "<text class=\"cut\" x=\"%g\" y=\"%g\" "
                    "text-anchor=\"end\" font-size=\"10\">axis cut at %g h; "
                    "the curves go on to %.0f h</text>\n",
                    X0 + PW, Y0 - 6, a->hi, a->latest);
    nms_svg_put(b,
                "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" "
                "fill=\"none\" stroke=\"#444\"/>\n"
                "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">hours from "
                "the anchor (onset, else first exposure) to first met</text>\n"
                "<text transform=\"translate(16 %g) rotate(-90)\" "
                "text-anchor=\"middle\">share of the cases met</text>\n"
                "</g>\n",
                X0, Y0, PW, PH, X0 + PW / 2, Y0 + PH + 34, Y0 + PH / 2);
}

/* The number of distinct hours in sorted h. */
static size_t distinct(const double *h, size_t n)
{
    size_t k, d = 0;

    for (k = 0; k < n; k++)
        d += k + 1 == n || h[k + 1] != h[k];
    return d;
}

/* One set's step curve (hours sorted) and its legend line. */
static void curve(struct nms_svg *b, const struct axis *a, const char *id,
                  const double *h, size_t n, size_t anchored,
                  const char *colour, size_t row)
{
    size_t k;
    double share = 0.0;

    nms_svg_put(b, "<g class=\"set\" id=\"flag-");
    nms_svg_text(b, id);
    nms_svg_put(b, "\">\n");
    if (n > 0) {
        nms_svg_put(b,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    "points=\"%.2f,%.2f",
                    colour, px(a, a->lo), py(0));
        for (k = 0; k < n && h[k] <= a->hi; k++) {
            if (k + 1 < n && h[k + 1] == h[k])
                continue; /* ties: one step up to the last of them */
            nms_svg_put(b, " %.2f,%.2f %.2f,%.2f", px(a, h[k]), py(share),
                        px(a, h[k]), py((double)(k + 1) / (double)n));
            share = (double)(k + 1) / (double)n;
        }
        /* on to the right edge, at the share reached there (a cut axis
         * leaves the later steps out) */
        nms_svg_put(b, " %.2f,%.2f\"/>\n", px(a, a->hi), py(share));
    }
    nms_svg_put(b, "<text class=\"legend\" x=\"%g\" y=\"%g\" fill=\"%s\">", X0,
                Y0 + PH + 58 + 16.0 * (double)row, colour);
    nms_svg_text(b, id);
    if (n > 0)
        nms_svg_put(b,
                    ": met in %zu of %zu anchored cases; median %.1f h "
                    "[%.1f, %.1f]",
                    n, anchored, nms_stats_quantile(h, n, 0.5),
                    nms_stats_quantile(h, n, 0.25),
                    nms_stats_quantile(h, n, 0.75));
    else
        nms_svg_put(b, ": met in none of %zu anchored cases", anchored);
    nms_svg_put(b, "</text>\n</g>\n");
}

/* One set's steps as points with their figures, drawn over every curve. */
static void steps(struct nms_svg *b, const struct axis *a, const char *id,
                  const double *h, size_t n, const char *colour)
{
    size_t k;

    if (distinct(h, n) > MAX_MARKED_STEPS)
        return;
    for (k = 0; k < n && h[k] <= a->hi; k++) {
        if (k + 1 < n && h[k + 1] == h[k])
            continue;
        nms_svg_put(b,
                    "<circle class=\"step\" cx=\"%.2f\" cy=\"%.2f\" r=\"3\" "
                    "fill=\"%s\"><title>",
                    px(a, h[k]), py((double)(k + 1) / (double)n), colour);
        nms_svg_text(b, id);
        nms_svg_put(b, ": %zu of %zu met by %.6g h</title></circle>\n", k + 1,
                    n, h[k]);
    }
}

char *nms_timeline_svg(const struct nms_ruleset_info *rs, const size_t *sets,
                       size_t n_sets, const struct nms_timeline_cohort *co)
{
    struct nms_svg b = {NULL, 0, 0, 0};
    struct axis a = hours_axis(co, n_sets);
    size_t i;
    double height = Y0 + PH + 58 + 16.0 * (double)n_sets + 18; /* + ruleset */

    nms_svg_put(&b,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n"
                "<title>Time to first met</title>\n"
                "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                "<text x=\"%g\" y=\"24\" font-size=\"14\">Time to first met "
                "(%zu anchored cases; those never met are not on the curve)"
                "</text>\n",
                W, height, W, height, X0, co->anchored);
    frame(&b, &a);
    for (i = 0; i < n_sets; i++)
        curve(&b, &a, rs->sets[sets[i]].id, co->hours[i], co->flagged[i],
              co->anchored, nms_svg_colours[i % NMS_SVG_N_COLOURS], i);
    nms_svg_put(&b, "<g id=\"steps\">\n");
    for (i = 0; i < n_sets; i++)
        steps(&b, &a, rs->sets[sets[i]].id, co->hours[i], co->flagged[i],
              nms_svg_colours[i % NMS_SVG_N_COLOURS]);
    nms_svg_put(&b, "</g>\n");
    nms_svg_ruleset(&b, rs, 8, height - 8);
    nms_svg_put(&b, "</svg>\n");
    return nms_svg_take(&b);
}
