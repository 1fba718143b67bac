/*
 * roc_svg.c - the ROC plot of `accuracy --plot`: one self-contained SVG
 * (no scripts, no fonts or styles fetched from anywhere), the curve of
 * each scored set with its AUC, the chance diagonal, the Youden cut-off
 * marked, and each criteria set's operating points (indeterminate as
 * negative: filled; as positive: hollow).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/accuracy.h"
#include "cmd/svg.h"

/* Plot geometry in SVG user units. */
#define W 520
#define H 540 /* the ruleset's line at the foot */
#define X0 60.0    /* left edge of the unit square */
#define Y0 40.0    /* top edge */
#define SIDE 400.0 /* side of the unit square */


static double px(double fpr)
{
    return X0 + fpr * SIDE;
}
static double py(double tpr)
{
    return Y0 + (1.0 - tpr) * SIDE;
}

static void axes(struct nms_svg *b)
{
    int i;

    nms_svg_put(b,
        "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"none\" "
        "stroke=\"#444\"/>\n",
        X0, Y0, SIDE, SIDE);
    nms_svg_put(b,
        "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#bbb\" "
        "stroke-dasharray=\"4 4\"/>\n",
        px(0), py(0), px(1), py(1));
    for (i = 0; i <= 10; i += 2) {
        double v = i / 10.0;
        nms_svg_put(b, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">%.1f</text>\n",
            px(v), Y0 + SIDE + 16, v);
        nms_svg_put(b, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">%.1f</text>\n",
            X0 - 6, py(v) + 4, v);
    }
    nms_svg_put(b,
        "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">1 - specificity"
        "</text>\n",
        X0 + SIDE / 2, Y0 + SIDE + 36);
    nms_svg_put(b,
        "<text x=\"%g\" y=\"%g\" font-size=\"10\" fill=\"#555\">"
        "curves: scored sets (circle: the Youden cut-off)</text>\n"
        "<text x=\"%g\" y=\"%g\" font-size=\"10\" fill=\"#555\">"
        "squares: criteria sets, filled = indeterminate as negative, "
        "hollow = as positive</text>\n",
        X0 - 40, Y0 + SIDE + 58, X0 - 40, Y0 + SIDE + 72);
    nms_svg_put(b,
        "<text transform=\"translate(16 %g) rotate(-90)\" "
        "text-anchor=\"middle\">sensitivity</text>\n",
        Y0 + SIDE / 2);
}

/* A scored set's curve, its Youden point and its legend line. */
static void curve(struct nms_svg *b, const struct nms_set_accuracy *s,
                  const char *colour, int row)
{
    const struct nms_roc *roc = &s->roc;
    const struct nms_roc_point *best = &roc->points[roc->best];
    size_t i;

    if (isnan(roc->auc))
        return;
    nms_svg_put(b,
        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
        "points=\"",
        colour);
    for (i = 0; i < roc->n_points; i++)
        nms_svg_put(b, "%s%.2f,%.2f", i ? " " : "", px(roc->points[i].fpr),
            py(roc->points[i].tpr));
    nms_svg_put(b,
        "\"/>\n<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"none\" "
        "stroke=\"%s\" stroke-width=\"2\"><title>%s Youden cut-off "
        "%.15g</title></circle>\n",
        px(best->fpr), py(best->tpr), colour, s->id, best->cutoff);
    nms_svg_put(b,
        "<text x=\"%g\" y=\"%g\" fill=\"%s\" text-anchor=\"end\">%s: "
        "AUC %.3f [%.3f, %.3f], Youden cut-off %.15g</text>\n",
        X0 + SIDE - 8.0, Y0 + SIDE - 12.0 - 16.0 * row, colour, s->id, roc->auc,
        roc->lo, roc->hi, best->cutoff);
}

/* A criteria set's two operating points with its name. */
static void operating(struct nms_svg *b, const struct nms_set_accuracy *s,
                      const char *colour)
{
    int v;

    for (v = 0; v < NMS_N_VIEWS; v++) {
        const struct nms_accuracy *f = &s->fig[v];
        double x = 1.0 - f->specificity.value, y = f->sensitivity.value;
        if (isnan(x) || isnan(y))
            continue;
        nms_svg_put(b,
            "<rect x=\"%.2f\" y=\"%.2f\" width=\"7\" height=\"7\" "
            "fill=\"%s\" stroke=\"%s\"><title>%s, indeterminate as %s"
            "</title></rect>\n",
            px(x) - 3.5, py(y) - 3.5,
            v == NMS_VIEW_IND_NEGATIVE ? colour : "white", colour, s->id,
            v == NMS_VIEW_IND_NEGATIVE ? "negative" : "positive");
        if (v == NMS_VIEW_IND_NEGATIVE)
            nms_svg_put(b,
                "<text x=\"%.2f\" y=\"%.2f\" font-size=\"10\" fill=\"%s\">"
                "%s</text>\n",
                px(x) + 6, py(y) - 4, colour, s->id);
    }
}

char *nms_accuracy_svg(const struct nms_accuracy_report *rep)
{
    struct nms_svg b = {NULL, 0, 0, 0};
    size_t i;
    int row = 0;

    nms_svg_put(&b,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
        "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
        "font-size=\"12\">\n<title>ROC against ",
        W, H, W, H);
    nms_svg_text(&b, rep->label); /* the user's --label, any bytes */
    nms_svg_put(&b,
                "</title>\n"
                "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                "<text x=\"%g\" y=\"24\" font-size=\"14\">ROC against ",
                X0);
    nms_svg_text(&b, rep->label);
    nms_svg_put(&b, " (%zu positive, %zu negative)</text>\n", rep->positives,
                rep->negatives);
    axes(&b);
    for (i = 0; i < rep->n_sets; i++) {
        const char *colour = nms_svg_colours[i % NMS_SVG_N_COLOURS];
        if (rep->sets[i].has_roc)
            curve(&b, &rep->sets[i], colour, row++);
        operating(&b, &rep->sets[i], colour);
    }
    nms_svg_ruleset(&b, rep->rs, 8, H - 8);
    nms_svg_put(&b, "</svg>\n");
    return nms_svg_take(&b);
}
