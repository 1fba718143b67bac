/*
 * report.h - the one text renderer of cases, sets, verdicts and items
 * (report.c): eval's readable report and the REPL's .eval, .why and
 * .whynot all print through it.
 */
#ifndef NMS_REPORT_H
#define NMS_REPORT_H

#include <stdio.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/result.h"

struct report_style {
    int color;   /* ANSI colours */
    int brief;   /* the .why layout: groups in brackets, what would decide
                    an unknown item instead of risk factor sources */
};

/* Prints the readable report of one case (eval's default output). */
void nms_report_print(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int color);

/* One item line: mark, id, points or group, evidence; then `needs` (brief
 * layout, unknown items, may be NULL) or the item's source (report layout,
 * risk factors). */
void report_item(FILE *fp, const struct report_style *style,
                 const struct nms_set *set, const struct nms_item *item,
                 const char *needs);

/* Brief layout: the set's id and title, its verdict in the words of its
 * kind, and for groups sets each group's counts. */
void report_brief_heading(FILE *fp, const struct nms_set *set);

/* Brief layout: severity reasons and actions, the distinguishing points
 * and overlap of a differential, as lists. */
void report_brief_lists(FILE *fp, const struct nms_set *set);

#endif
