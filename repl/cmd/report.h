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
    int one_based;  /* entry numbers in paths counted from 1 (the REPL) */
};

/* Flags of nms_report_print and nms_report_summary. */
#define NMS_REPORT_COLOR 1      /* ANSI colours */
#define NMS_REPORT_ONE_BASED 2  /* paths as the REPL counts entries: the
                                   case format's vitals[0] is shown as
                                   vitals[1] */

/* Prints the readable report of one case (eval's default output). */
void nms_report_print(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int flags);

/* "ruleset NAME VERSION[ (STATUS)] DIGEST (DIR[ + overlay DIR]...[,
 * --param NAME=VALUE]...", without the closing parenthesis: the line
 * `check` and `test` end with, naming what they checked. */
void nms_report_ruleset_line(FILE *fp, const struct nms_ruleset_info *rs);

/* "  overlay DIR  DIGEST" and "  --param NAME=VALUE" lines, one for each
 * overlay and override: what follows the first line naming a ruleset in
 * the report, diff's sides and `version`. */
void nms_report_ruleset_more(FILE *fp, const struct nms_ruleset_info *rs);

/* "ruleset NAME VERSION DIGEST[ + overlay DIGEST]...[; --param
 * NAME=VALUE[, NAME=VALUE]...]": the rules that produced a figure or a
 * plot, with the overrides in force (a what-if run's are not the plain
 * ruleset's); no newline. */
void nms_report_ruleset_write(FILE *fp, const struct nms_ruleset_info *rs);

/* nms_report_ruleset_write and a newline: the line the cohort reports
 * (accuracy, summary, timeline) name what produced their figures with. */
void nms_report_ruleset_id(FILE *fp, const struct nms_ruleset_info *rs);

/* A Lua error's message without its leading "FILE:LINE: " when that is
 * the place just named beside it (it would be said twice). */
const char *nms_report_after_place(const char *message, const char *file,
                                   long line);

/* Writes `path` to buf with every "[N]" as "[N+1]" when one_based, else
 * as it is; returns buf. */
const char *report_path(const char *path, int one_based, char *buf,
                        size_t size);

/* The report's opening only: the case, the ruleset, an error, and the
 * summary of verdicts (the REPL's .eval --brief). */
void nms_report_summary(FILE *fp, const struct nms_case *c,
                        const struct nms_result *r,
                        const struct nms_ruleset_info *rs, int flags);

/* One set as the report shows it: heading, verdict, items, what would
 * decide the unknown ones, notes and citation (the REPL's .eval SET). */
void report_set(FILE *fp, const struct report_style *style,
                const struct nms_set *set);

/* One item line: mark, id, points or group, evidence; then `needs` (brief
 * layout, unknown items, may be NULL) or the item's source (report layout,
 * risk factors). A false or unknown item of a criteria set or differential
 * also says what the criterion needs (its definition, else its title). */
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
