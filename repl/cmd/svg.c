/*
 * svg.c - the growing string of the analysis plots (see svg.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd/report.h"
#include "cmd/svg.h"
#include "nms/engine.h"

const char *const nms_svg_colours[NMS_SVG_N_COLOURS] = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

void nms_svg_put(struct nms_svg *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *grown;

    if (b->failed)
        return;
    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0,
                      fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = 1;
            return;
        }
        if (b->s && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        if (!(grown = realloc(b->s, b->cap))) {
            b->failed = 1;
            return;
        }
        b->s = grown;
    }
}

void nms_svg_text(struct nms_svg *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '&')
            nms_svg_put(b, "&amp;");
        else if (*s == '<')
            nms_svg_put(b, "&lt;");
        else if (*s == '>')
            nms_svg_put(b, "&gt;");
        else if (*s == '"')
            nms_svg_put(b, "&quot;");
        else
            nms_svg_put(b, "%c", *s);
    }
}

void nms_svg_ruleset(struct nms_svg *b, const struct nms_ruleset_info *rs,
                     double x, double y)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);

    if (!mem) {
        b->failed = 1;
        return;
    }
    nms_report_ruleset_write(mem, rs);   /* the reports' own words */
    if (fclose(mem) != 0 || !text) {
        b->failed = 1;
        free(text);
        return;
    }
    nms_svg_put(b, "<text class=\"ruleset\" x=\"%g\" y=\"%g\" "
                   "font-size=\"10\" fill=\"#666\">", x, y);
    nms_svg_text(b, text);
    nms_svg_put(b, "</text>\n");
    free(text);
}

char *nms_svg_take(struct nms_svg *b)
{
    char *s = b->s;

    if (b->failed) {
        free(s);
        s = NULL;
    }
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

double nms_svg_nice_step(double span, double max)
{
    static const double steps[] = {1, 2, 5};
    double base = pow(10, floor(log10(span / max)));
    size_t i;

    for (;; base *= 10)
        for (i = 0; i < 3; i++)
            if (span / (steps[i] * base) <= max)
                return steps[i] * base;
}

double nms_svg_time_step(double span)
{
    static const double steps[] = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720};
    size_t i;

    for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (span / steps[i] <= 10)
            return steps[i];
    return nms_svg_nice_step(span, 10);
}
