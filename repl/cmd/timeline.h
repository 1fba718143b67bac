/*
 * timeline.h - what `nmsrules timeline` computes for one case and over a
 * cohort (timeline.c), and its writers (timeline_out.c).
 */
#ifndef NMS_TIMELINE_H
#define NMS_TIMELINE_H

#include <stdio.h>

#include "cmd/anchor.h"
#include "nms/engine.h"

/* Most distinct times evaluated for one case (each is one evaluation). */
#define NMS_TIMELINE_MAX_TIMES 2000u

enum { NMS_TL_TEXT = 0, NMS_TL_JSON, NMS_TL_CSV };

/* One case: its criteria sets' verdicts at each time. */
struct nms_timeline {
    const struct nms_case *c; /* the case as read (times, form, id) */
    struct nms_anchor anchor;
    double *times;
    size_t n_times;
    size_t n_sets;          /* criteria sets */
    unsigned char *verdict; /* [time * n_sets + set] */
    double *score;          /* [time * n_sets + set] */
    unsigned char *without; /* [time * n_sets + set]: met without what the
                               set presupposes (struct nms_set) */
    char **tier;            /* per time, the severity tier or NULL */
    const char *error;      /* a rule failed at some time: why (in
                               error_text); the times from that one on
                               are dropped, never shown as not met */
    char error_text[256];
    size_t *first_met;      /* per set: time index, or n_times */
};

/* The cohort: time from anchor to first met, per criteria set. */
struct nms_timeline_cohort {
    size_t cases, errors, anchored;
    size_t *flagged; /* per set: anchored cases ever met */
    double **hours;  /* per set: their hours, grown */
    size_t cap;
};

/* Writers: the run's start, each case, the cohort at the end. */
struct nms_timeline_writer {
    FILE *fp;
    int format; /* NMS_TL_* */
    const struct nms_ruleset_info *rs;
    const size_t *sets; /* indexes into rs->sets of the
                           criteria sets */
    size_t n_sets;
    size_t written;
    const char *as_of; /* --as-of as given, or NULL */
};

/* The criteria sets' indexes into rs->sets, *n of them: a new array
 * (free()), or NULL when out of memory. */
size_t *nms_timeline_criteria_sets(const struct nms_ruleset_info *rs,
                                   size_t *n);

/*
 * The timeline of record `rec` over w's sets (w->rs, w->sets, w->n_sets;
 * nothing is written): `c` is its case as the command's --as-of reads it
 * (finished, without error; its times end there). Fills *tl, whose
 * tl->error says when a rule failed at some time. Returns 0, or -1 when
 * memory ran out or the engine failed (after a message); release *tl with
 * nms_timeline_release either way.
 */
int nms_timeline_compute(struct nms_engine *e,
                         const struct nms_timeline_writer *w,
                         const struct nms_record *rec, struct nms_case *c,
                         struct nms_timeline *tl);
void nms_timeline_release(struct nms_timeline *tl);

/* A cohort of n_sets sets (0, or -1 when out of memory); its release
 * (accepts a zeroed cohort). */
int nms_timeline_cohort_init(struct nms_timeline_cohort *co, size_t n_sets);
void nms_timeline_cohort_release(struct nms_timeline_cohort *co, size_t n_sets);

/* Adds the case's hours to first met (anchored cases without an error) to
 * the cohort; 0, or -1 when out of memory. */
int nms_timeline_cohort_add(struct nms_timeline_cohort *co,
                            const struct nms_timeline *tl);

/* Sorts each set's hours in place (the quantiles and the plot want them
 * sorted; the counts do not change, hence const). */
void nms_timeline_cohort_sort(const struct nms_timeline_cohort *co,
                              size_t n_sets);

void nms_timeline_begin(struct nms_timeline_writer *w);
void nms_timeline_case(struct nms_timeline_writer *w,
                       const struct nms_timeline *tl);
void nms_timeline_error(struct nms_timeline_writer *w,
                        const struct nms_case *c);
void nms_timeline_end(struct nms_timeline_writer *w,
                      const struct nms_timeline_cohort *co);

/*
 * The cohort's time to first met as one self-contained SVG (flag_svg.c):
 * per criteria set (`sets`: their indexes into rs->sets, in co's order) a
 * step curve of the share of its flagged cases met by each hour after the
 * anchor. co's hours must be sorted (nms_timeline_end sorts them).
 * Returns a new string (free()), or NULL when out of memory.
 */
char *nms_timeline_svg(const struct nms_ruleset_info *rs, const size_t *sets,
                       size_t n_sets, const struct nms_timeline_cohort *co);

#endif
