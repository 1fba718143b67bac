/*
 * timeline.c - .timeline: the case evaluated as of each distinct time it
 * holds, one row per time, so a class can watch the syndrome evolve.
 *
 * Columns come from the result: the score of each points set, how
 * many criteria sets are met, and the severity tier when the ruleset has
 * one. No set id is known to this file in advance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/interrupt.h"
#include "session/times.h"
#include "session/timeline.h"
#include "session/session.h"

/* Most distinct times shown (a teaching case has tens). */
#define MAX_TIMES 1000


/* One row: the time, then every points set's score and verdict, the
 * number of criteria sets met, and the tier. */
static void print_row(FILE *fp, const char *when, const struct evaluation *ev)
{
    const struct nms_set *set;
    const char *tier = NULL, *result;
    size_t n = evaluation_failed(ev) ? 0 : ev->r->n_sets, i, met = 0, total = 0;

    fprintf(fp, "%-18s", when);
    for (i = 0; i < n; i++) {
        set = &ev->r->sets[i];
        result = nms_verdict_name(set->result);
        if (set->section == NMS_SECTION_CRITERIA) {
            total++;
            met += set->result == NMS_VERDICT_MET;
        }
        if (set->kind == NMS_KIND_POINTS)
            fprintf(fp, "  %s %3g %-13s", set->id, set->score, result);
        if (set->kind == NMS_KIND_GROUPS && set->section == NMS_SECTION_SEVERITY)
            tier = nms_set_tier(set);
    }
    if (evaluation_failed(ev))
        fprintf(fp, "  error: %s", evaluation_message(ev));
    else
        fprintf(fp, "  criteria met %zu/%zu", met, total);
    if (tier)
        fprintf(fp, "  tier %s", tier);
    fputc('\n', fp);
}

int timeline_print(struct session *s, FILE *fp)
{
    double *times = malloc(MAX_TIMES * sizeof *times);
    size_t n, i;
    struct evaluation *rec = NULL;
    char when[64];
    int iso, rc = 0;

    if (!times) {
        repl_error(s, "out of memory");
        return -1;
    }
    n = times_list(s->doc, times, MAX_TIMES);
    if (n == 0)
        fprintf(fp, "(the case holds no times yet)\n");
    iso = times_iso(s->doc);
    for (i = 0; i < n && rc == 0; i++) {
        nms_time_format(times[i], iso ? NMS_TIME_ISO : NMS_TIME_HOURS, when,
                        sizeof when);
        rc = session_evaluate(s, s->doc, times[i], &rec, NULL);
        if (rc == 0)
            print_row(fp, when, rec);
        evaluation_free(rec);
        rec = NULL;
    }
    if (rc == 1)
        repl_error(s, "interrupted");
    free(times);
    return rc == 0 ? 0 : -1;
}
