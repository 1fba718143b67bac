/*
 * plot.h - a picture of a case over time (plot.c, plot_svg.c): temperature,
 * heart rate, blood pressure and CK against time, the drug courses as bars,
 * and the moment each criteria set was first met, as one self-contained
 * SVG (no scripts, no fonts or images fetched) a teacher can put on a
 * slide. `nmsrules plot` and the REPL's .plot draw through it.
 */
#ifndef NMS_PLOT_H
#define NMS_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/reader.h"

/* Most criteria sets one picture marks. */
#define PLOT_MAX_MARKS 32

/* A criteria set and the first time it was met. */
struct plot_mark {
    char set[64];
    double t;
};

/*
 * Evaluates the record `rec` as of every time in `full` (the case read
 * without an as-of time) and fills `marks` with each criteria set's first
 * time met, in time order; *n is their count. `form` is the case's time
 * form. Returns 0, 1 when Ctrl-C interrupted it, or -1 when the engine
 * failed (its message in nms_engine_errmsg) or memory ran out.
 */
int plot_first_met(struct nms_engine *e, const struct nms_record *rec,
                   const struct nms_case *full, struct plot_mark *marks,
                   size_t *n);

/* Writes the SVG of case c with the marks to fp, naming ruleset rs. */
void plot_svg_write(FILE *fp, const struct nms_case *c,
                    const struct nms_ruleset_info *rs,
                    const struct plot_mark *marks, size_t n_marks);

/*
 * The whole of .plot and `nmsrules plot`: first-met marks for `rec`, then
 * the SVG written atomically to `path`. Returns 0, or -1 with a message in
 * err (of `size` bytes).
 */
int plot_write_file(struct nms_engine *e, const struct nms_record *rec,
                    const char *path, char *err, size_t size);

#endif
