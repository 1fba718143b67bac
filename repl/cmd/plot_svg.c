/*
 * plot_svg.c - the SVG of a case over time (see plot.h).
 *
 * One column of panels sharing a time axis: the drug courses as bars (the
 * doses as dots on them), then temperature, heart rate, blood pressure and
 * CK, each with the reference line a teacher points at (38.0 °C, the
 * laboratory's ULN and 4 × ULN), and a dashed line through all of them at
 * the first time each criteria set was met. Plain SVG 1.1: no scripts, no
 * external fonts, images or styles, so it opens anywhere and pastes into
 * slides. Elements carry ids and classes (panel ids, "point", "course",
 * "met") so tests and stylesheets can find them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/plot.h"
#include "cmd/svg.h"

#define WIDTH 1000.0
#define LEFT 90.0       /* room for the y labels */
#define RIGHT 40.0
#define TOP 56.0        /* under the title */
#define DRUG_ROW 24.0
#define LABEL_ROW 14.0  /* one row of criteria labels */
#define LABEL_ROWS 5    /* rows the labels of close marks stack into */
#define LABEL_WIDTH 120.0  /* room a label takes beside its line */
#define PANEL 120.0
#define GAP 38.0        /* between panels: the panel's title */
#define MAX_DRUGS 12    /* drug rows drawn; more are summarised */
/* A drug started this long before the first observation is cut at the
 * left edge (a levodopa course of nine years would squash the episode). */
#define LOOKBACK_H 72.0

static const char *const palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c",
                                      "#9467bd", "#8c564b", "#e377c2"};

/* The picture's time range and vertical layout. */
struct frame {
    double t0, t1;
    double drugs_top, labels_top, panels_top, bottom;
    enum nms_time_form form;
};

static double x_of(const struct frame *f, double t)
{
    return LEFT + (t - f->t0) / (f->t1 - f->t0) * (WIDTH - LEFT - RIGHT);
}

/* Writes s with the XML special characters escaped. */
static void xml_text(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '&')
            fputs("&amp;", fp);
        else if (*s == '<')
            fputs("&lt;", fp);
        else if (*s == '>')
            fputs("&gt;", fp);
        else if (*s == '"')
            fputs("&quot;", fp);
        else
            fputc(*s, fp);
    }
}

/* A time as an axis label: "36 h", or "03-03 12:00" for ISO times. */
static void time_label(const struct frame *f, double t, char *buf, size_t size)
{
    char iso[64];

    if (f->form != NMS_TIME_ISO) {
        snprintf(buf, size, "%g h", t);
        return;
    }
    nms_time_format(t, NMS_TIME_ISO, iso, sizeof iso);
    snprintf(buf, size, "%.5s %.5s", iso + 5, iso + 11);
}

/* ---- the time range ---------------------------------------------------- */

static void widen(double *lo, double *hi, double t)
{
    if (!isfinite(t))
        return;
    if (isnan(*lo) || t < *lo)
        *lo = t;
    if (isnan(*hi) || t > *hi)
        *hi = t;
}

/* The range of the observations and doses, then the courses' starts and
 * stops near it, and the assessment time. */
static void time_range(const struct nms_case *c, double *t0, double *t1)
{
    size_t i, k;
    double lo = NAN, hi = NAN;

    for (i = 0; i < c->n_vitals; i++)
        widen(&lo, &hi, c->vitals[i].t);
    for (i = 0; i < c->n_labs; i++)
        widen(&lo, &hi, c->labs[i].t);
    for (i = 0; i < c->n_exam; i++)
        widen(&lo, &hi, c->exam[i].t);
    for (i = 0; i < c->n_medications; i++)
        for (k = 0; k < c->medications[i].n_doses; k++)
            widen(&lo, &hi, c->medications[i].doses[k].t);
    for (i = 0; i < c->n_medications; i++) {
        const struct nms_medication *m = &c->medications[i];
        if (isnan(lo) || m->start >= lo - LOOKBACK_H)
            widen(&lo, &hi, m->start);
        if (isnan(lo) || m->stop >= lo - LOOKBACK_H)
            widen(&lo, &hi, m->stop);
    }
    widen(&lo, &hi, c->assessed_at);
    if (isnan(lo))
        lo = hi = 0;
    if (hi - lo < 1) {
        lo -= 1;
        hi += 1;
    }
    *t0 = lo;
    *t1 = hi;
}

static void time_axis(FILE *fp, const struct frame *f)
{
    double step = nms_svg_time_step(f->t1 - f->t0), t, x;
    char label[32];

    fprintf(fp, "<g id=\"time-axis\" font-size=\"11\" fill=\"#444\">\n");
    for (t = ceil(f->t0 / step) * step; t <= f->t1 + 1e-9; t += step) {
        x = x_of(f, t);
        time_label(f, t, label, sizeof label);
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    "stroke=\"#e4e4e4\"/>\n", x, f->drugs_top, x, f->bottom);
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s"
                    "</text>\n", x, f->bottom + 16, label);
    }
    fprintf(fp, "</g>\n");
}

/* ---- drug courses -------------------------------------------------------- */

static void course(FILE *fp, const struct frame *f,
                   const struct nms_medication *m, size_t row)
{
    double y = f->drugs_top + (double)row * DRUG_ROW;
    double from = m->start, to = m->stop, x0, x1;
    const char *color = palette[row % (sizeof palette / sizeof palette[0])];
    size_t k;

    for (k = 0; k < m->n_doses; k++) {   /* a course known by its doses */
        if (isnan(from) || m->doses[k].t < from)
            from = m->doses[k].t;
        if (!isnan(m->stop) && m->doses[k].t > to)
            to = m->doses[k].t;
    }
    x0 = isnan(from) || from < f->t0 ? LEFT : x_of(f, from);
    x1 = isnan(to) || to > f->t1 ? WIDTH - RIGHT : x_of(f, to);
    fprintf(fp, "<g class=\"drug\"><title>");
    xml_text(fp, m->drug);
    fprintf(fp, "%s%s</title>\n", m->route ? " " : "", m->route ? m->route : "");
    fprintf(fp, "<rect class=\"course\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"8\" rx=\"3\" fill=\"%s\" fill-opacity=\"0.75\"/>\n",
            x0, y + 13, x1 - x0 > 2 ? x1 - x0 : 2, color);
    /* A course that starts near the right edge is named to its left. */
    fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#222\"%s>",
            x0 > WIDTH - 3 * LABEL_WIDTH ? x1 : x0 + 2, y + 10,
            x0 > WIDTH - 3 * LABEL_WIDTH ? " text-anchor=\"end\"" : "");
    xml_text(fp, m->drug);
    if (!isnan(from) && from < f->t0)
        fputs(" (started earlier)", fp);
    if (isnan(m->stop))
        fputs(" (not stopped)", fp);
    fprintf(fp, "</text>\n");
    for (k = 0; k < m->n_doses; k++)
        if (m->doses[k].t >= f->t0 && m->doses[k].t <= f->t1)
            fprintf(fp, "<circle class=\"dose\" cx=\"%.1f\" cy=\"%.1f\" "
                        "r=\"3\" fill=\"#222\"/>\n",
                    x_of(f, m->doses[k].t), y + 17);
    fprintf(fp, "</g>\n");
}

static void drugs(FILE *fp, const struct frame *f, const struct nms_case *c)
{
    size_t i;

    fprintf(fp, "<g id=\"drugs\">\n<text x=\"8\" y=\"%.1f\" font-size=\"12\" "
                "font-weight=\"bold\">drugs</text>\n", f->drugs_top + 14);
    for (i = 0; i < c->n_medications && i < MAX_DRUGS; i++)
        course(fp, f, &c->medications[i], i);
    if (c->n_medications > MAX_DRUGS)
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">and %zu "
                    "more</text>\n", LEFT, f->drugs_top + MAX_DRUGS * DRUG_ROW + 10,
                c->n_medications - MAX_DRUGS);
    fprintf(fp, "</g>\n");
}

/* ---- measurement panels ------------------------------------------------- */

/* One line of a panel: n values at times t (NAN values are skipped). */
struct series {
    const char *name, *color;
    const double *t, *v;
    size_t stride;   /* bytes from one entry to the next */
    size_t n;
};

static double at(const double *p, size_t stride, size_t i)
{
    return *(const double *)(const void *)((const char *)p + i * stride);
}

/* A horizontal reference line, e.g. 38.0 °C. */
struct ref {
    double v;
    const char *label;
};

struct panel {
    const char *id, *title;
    struct series s[2];
    size_t ns;
    struct ref r[2];
    size_t nr;
};

/* The value range of a panel's data and reference lines; 0 when it has
 * no data. */
static int value_range(const struct panel *p, double *lo, double *hi)
{
    size_t i, k;
    int any = 0;
    double v;

    *lo = *hi = NAN;
    for (i = 0; i < p->ns; i++)
        for (k = 0; k < p->s[i].n; k++) {
            v = at(p->s[i].v, p->s[i].stride, k);
            if (isfinite(v) && isfinite(at(p->s[i].t, p->s[i].stride, k))) {
                widen(lo, hi, v);
                any = 1;
            }
        }
    for (i = 0; any && i < p->nr; i++)
        widen(lo, hi, p->r[i].v);
    if (any && *hi - *lo < 1e-9) {
        *lo -= 1;
        *hi += 1;
    }
    return any;
}

static void draw_series(FILE *fp, const struct frame *f, const struct series *s,
                        double top, double lo, double hi)
{
    size_t k;
    double t, v, x, y;
    int first = 1;

    fprintf(fp, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" "
                "stroke-width=\"2\" points=\"", s->color);
    for (k = 0; k < s->n; k++) {
        t = at(s->t, s->stride, k);
        v = at(s->v, s->stride, k);
        if (!isfinite(t) || !isfinite(v))
            continue;
        fprintf(fp, "%s%.1f,%.1f", first ? "" : " ", x_of(f, t),
                top + PANEL - (v - lo) / (hi - lo) * PANEL);
        first = 0;
    }
    fprintf(fp, "\"/>\n");
    for (k = 0; k < s->n; k++) {
        t = at(s->t, s->stride, k);
        v = at(s->v, s->stride, k);
        if (!isfinite(t) || !isfinite(v))
            continue;
        x = x_of(f, t);
        y = top + PANEL - (v - lo) / (hi - lo) * PANEL;
        fprintf(fp, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
                    "fill=\"%s\"><title>%s %g</title></circle>\n",
                x, y, s->color, s->name, v);
    }
}

static void draw_panel(FILE *fp, const struct frame *f, const struct panel *p,
                       double top)
{
    double lo, hi, step, v, y;
    size_t i;
    int any = value_range(p, &lo, &hi);

    fprintf(fp, "<g id=\"%s\">\n<text x=\"8\" y=\"%.1f\" font-size=\"13\" "
                "font-weight=\"bold\">%s", p->id, top - 10, p->title);
    for (i = 0; p->ns > 1 && i < p->ns; i++)   /* which line is which */
        fprintf(fp, "<tspan font-weight=\"normal\" fill=\"%s\">  \xe2\x96\xa0 %s"
                    "</tspan>", p->s[i].color, p->s[i].name);
    fprintf(fp, "</text>\n");
    fprintf(fp, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>\n", LEFT, top,
            WIDTH - LEFT - RIGHT, PANEL);
    if (!any) {
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#888\" "
                    "text-anchor=\"middle\">not recorded</text>\n</g>\n",
                (WIDTH + LEFT - RIGHT) / 2, top + PANEL / 2);
        return;
    }
    step = nms_svg_nice_step(hi - lo, 4);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    for (v = lo; v <= hi + step / 2; v += step) {
        y = top + PANEL - (v - lo) / (hi - lo) * PANEL;
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                    "text-anchor=\"end\" fill=\"#444\">%g</text>\n",
                LEFT - 6, y + 4, v);
    }
    for (i = 0; i < p->nr; i++) {
        y = top + PANEL - (p->r[i].v - lo) / (hi - lo) * PANEL;
        fprintf(fp, "<line class=\"reference\" x1=\"%.1f\" y1=\"%.1f\" "
                    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" "
                    "stroke-dasharray=\"4 3\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                    "font-size=\"10\" fill=\"#d62728\" text-anchor=\"end\">%s"
                    "</text>\n", LEFT, y, WIDTH - RIGHT, y, WIDTH - RIGHT - 2,
                y - 3, p->r[i].label);
    }
    for (i = 0; i < p->ns; i++)
        draw_series(fp, f, &p->s[i], top, lo, hi);
    fprintf(fp, "</g>\n");
}

/* The vitals series of field `v` (a double inside struct nms_vitals). */
static struct series vitals_series(const struct nms_case *c, const char *name,
                                   const char *color, const double *v)
{
    struct series s = {name, color, NULL, v, sizeof *c->vitals, c->n_vitals};

    s.t = c->n_vitals ? &c->vitals[0].t : NULL;
    return s;
}

/* The laboratory's ULN of CK, when the case gives one. */
static double ck_uln(const struct nms_case *c)
{
    size_t i;

    for (i = 0; i < c->n_labs; i++)
        if (isfinite(c->labs[i].ck_uln))
            return c->labs[i].ck_uln;
    return NAN;
}

static void panels(FILE *fp, const struct frame *f, const struct nms_case *c)
{
    const struct nms_vitals *v0 = c->n_vitals ? c->vitals : NULL;
    const struct nms_labs *l0 = c->n_labs ? c->labs : NULL;
    struct panel p[4];
    double uln = ck_uln(c);
    size_t i;

    memset(p, 0, sizeof p);
    p[0].id = "temperature";
    p[0].title = "temperature °C";
    p[0].s[0] = vitals_series(c, "temperature °C", "#d62728", v0 ? &v0->temp : NULL);
    p[0].r[0].v = 38.0;
    p[0].r[0].label = "38.0 °C";
    p[0].nr = p[0].ns = 1;
    p[1].id = "heart-rate";
    p[1].title = "heart rate /min";
    p[1].s[0] = vitals_series(c, "heart rate /min", "#1f77b4", v0 ? &v0->hr : NULL);
    p[1].ns = 1;
    p[2].id = "blood-pressure";
    p[2].title = "blood pressure mmHg";
    p[2].s[0] = vitals_series(c, "systolic mmHg", "#9467bd", v0 ? &v0->sbp : NULL);
    p[2].s[1] = vitals_series(c, "diastolic mmHg", "#c5b0d5", v0 ? &v0->dbp : NULL);
    p[2].ns = 2;
    p[3].id = "ck";
    p[3].title = "CK U/L";
    p[3].s[0].name = "CK U/L";
    p[3].s[0].color = "#2ca02c";
    p[3].s[0].t = l0 ? &l0->t : NULL;
    p[3].s[0].v = l0 ? &l0->ck : NULL;
    p[3].s[0].stride = sizeof *c->labs;
    p[3].s[0].n = c->n_labs;
    p[3].ns = 1;
    if (isfinite(uln)) {
        p[3].r[0].v = uln;
        p[3].r[0].label = "ULN";
        p[3].r[1].v = 4 * uln;
        p[3].r[1].label = "4 × ULN";
        p[3].nr = 2;
    }
    for (i = 0; i < 4; i++)
        draw_panel(fp, f, &p[i], f->panels_top + (double)i * (PANEL + GAP));
}

/* ---- criteria met -------------------------------------------------------- */

/* The row of a label spanning [a, b]: the first row in which it overlaps
 * no label placed before (rows[i] and spans[i] of the n placed). */
static size_t label_row(const size_t *rows, double (*spans)[2],
                        size_t n, double a, double b)
{
    size_t row, k;

    for (row = 0; row < LABEL_ROWS - 1; row++) {
        for (k = 0; k < n; k++)
            if (rows[k] == row && a < spans[k][1] + 4 && b > spans[k][0] - 4)
                break;
        if (k == n)
            return row;
    }
    return row;   /* the last row takes what is left */
}

static void marks_layer(FILE *fp, const struct frame *f,
                        const struct plot_mark *m, size_t n)
{
    size_t rows[PLOT_MAX_MARKS], i;
    double spans[PLOT_MAX_MARKS][2], x, w;
    char when[32];
    int left;

    fprintf(fp, "<g id=\"criteria\" font-size=\"11\" fill=\"#6a3d9a\">\n");
    for (i = 0; i < n && i < PLOT_MAX_MARKS; i++) {
        x = x_of(f, m[i].t);
        w = 6.5 * (double)(strlen(m[i].set) + 4);   /* "set met" at 11 px */
        left = x + w > WIDTH - RIGHT;   /* no room to the right: label left */
        spans[i][0] = left ? x - 3 - w : x + 3;
        spans[i][1] = spans[i][0] + w;
        rows[i] = label_row(rows, spans, i, spans[i][0], spans[i][1]);
        time_label(f, m[i].t, when, sizeof when);
        fprintf(fp, "<line class=\"met\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                    "y2=\"%.1f\" stroke=\"#6a3d9a\" stroke-width=\"1.5\" "
                    "stroke-dasharray=\"6 4\"><title>%s first met at %s</title>"
                    "</line>\n",
                x, f->labels_top, x, f->bottom, m[i].set, when);
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\"%s>%s met</text>\n",
                left ? x - 3 : x + 3,
                f->labels_top + 10 + (double)rows[i] * LABEL_ROW,
                left ? " text-anchor=\"end\"" : "", m[i].set);
    }
    if (n == 0)
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\">no criteria set met</text>\n",
                LEFT, f->labels_top + 10);
    fprintf(fp, "</g>\n");
}

/* The ruleset's line under the time axis (svg.h says why a plot names it). */
static void ruleset_line(FILE *fp, const struct frame *f,
                         const struct nms_ruleset_info *rs)
{
    struct nms_svg note = {NULL, 0, 0, 0};
    char *text;

    nms_svg_ruleset(&note, rs, 8, f->bottom + 34);
    if ((text = nms_svg_take(&note)))
        fputs(text, fp);
    free(text);
}

void plot_svg_write(FILE *fp, const struct nms_case *c,
                    const struct nms_ruleset_info *rs,
                    const struct plot_mark *marks, size_t n_marks)
{
    struct frame f;
    size_t rows = c->n_medications < MAX_DRUGS ? c->n_medications : MAX_DRUGS;
    double height;

    time_range(c, &f.t0, &f.t1);
    f.form = c->time_form;
    f.drugs_top = TOP;
    f.labels_top = f.drugs_top + (double)(rows ? rows : 1) * DRUG_ROW +
                   (c->n_medications > MAX_DRUGS ? 14 : 0) + 6;
    f.panels_top = f.labels_top + LABEL_ROWS * LABEL_ROW + GAP;
    f.bottom = f.panels_top + 4 * PANEL + 3 * GAP;
    height = f.bottom + 40;
    fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                "font-family=\"sans-serif\">\n<title>case ", WIDTH, height,
            WIDTH, height);
    xml_text(fp, c->id ? c->id : "(no id)");
    fprintf(fp, " over time</title>\n<rect width=\"100%%\" height=\"100%%\" "
                "fill=\"white\"/>\n<text x=\"8\" y=\"28\" font-size=\"18\" "
                "font-weight=\"bold\">case ");
    xml_text(fp, c->id ? c->id : "(no id)");
    fprintf(fp, "</text>\n");
    time_axis(fp, &f);
    drugs(fp, &f, c);
    if (c->n_medications == 0)
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                    "fill=\"#888\">no drugs recorded</text>\n", LEFT, TOP + 14);
    marks_layer(fp, &f, marks, n_marks);   /* under the data points */
    panels(fp, &f, c);
    ruleset_line(fp, &f, rs);
    fprintf(fp, "</svg>\n");
}
