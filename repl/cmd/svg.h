/*
 * svg.h - the string the analysis plots are written into (svg.c): the ROC
 * curve of `accuracy --plot` (roc_svg.c) and the time-to-first-met curves
 * of `timeline --plot` (flag_svg.c), both also inlined in the summary's
 * HTML page. One growing buffer that remembers running out of memory, so
 * a plot is written without a check after every element.
 */
#ifndef NMS_SVG_H
#define NMS_SVG_H

#include <stddef.h>

struct nms_ruleset_info;

struct nms_svg {
    char *s;
    size_t len, cap;
    int failed; /* memory ran out: the text is incomplete */
};

/* The plots' line colours, one per set in ruleset order (cycled). */
#define NMS_SVG_N_COLOURS 6
extern const char *const nms_svg_colours[NMS_SVG_N_COLOURS];

/* Appends printf-style text. */
void nms_svg_put(struct nms_svg *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends s with XML's special characters escaped. */
void nms_svg_text(struct nms_svg *b, const char *s);

/* A round step (1, 2 or 5 times a power of ten) that cuts `span` into at
 * most `max` parts. */
double nms_svg_nice_step(double span, double max);

/* A step for a time axis spanning `span` hours in at most 10 parts: whole
 * hours, days or weeks, else a round 1, 2 or 5 times a power of ten. */
double nms_svg_time_step(double span);

/* Appends a small grey line at (x, y) naming the ruleset that made the
 * plot: its name, version and digest, each overlay's digest, and any
 * --param overrides in force.
 * A plot saved to a file or pasted on a slide travels without the run's
 * other output, and like every result it must say which rules produced
 * it (a what-if plot made with --param is not the default ruleset's). */
void nms_svg_ruleset(struct nms_svg *b, const struct nms_ruleset_info *rs,
                     double x, double y);

/* Hands over the text (free()), or NULL after freeing it when memory ran
 * out at some point. */
char *nms_svg_take(struct nms_svg *b);

#endif
