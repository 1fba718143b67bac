/*
 * anchor.c - where a case's own clock starts (anchor.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/anchor.h"
#include "front/msg.h"

double nms_anchor_hours(const struct nms_anchor *a, double t)
{
    if (a->kind == NMS_ANCHOR_NONE)
        return NAN;
    return round((t - a->t) * 1e6) / 1e6;
}

const char *nms_anchor_name(enum nms_anchor_kind kind)
{
    return kind == NMS_ANCHOR_ONSET      ? "onset"
           : kind == NMS_ANCHOR_EXPOSURE ? "exposure"
                                         : "none";
}

int nms_anchor_exposed(const struct nms_result *r)
{
    size_t i, j;

    for (i = 0; r && !r->error && i < r->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        if (set->section != NMS_SECTION_CRITERIA)
            continue;
        for (j = 0; j < set->n_items; j++)
            if (set->items[j].feature &&
                strcmp(set->items[j].feature, "exposure") == 0 &&
                set->items[j].value == NMS_TRI_TRUE)
                return 1;
    }
    return 0;
}

/* Is the record exposed as of time t? 1 yes, 0 no, -1 failure. */
static int exposed_at(struct nms_engine *e, const struct nms_record *rec,
                      double t, enum nms_time_form form)
{
    struct nms_case_options opt = {t, form};
    struct nms_case *c = nms_case_read(rec, &opt);
    struct nms_result *r = NULL;
    enum nms_items items = nms_engine_items(e);
    int rc = -1;

    if (!c) {
        nms_errorf("out of memory");
        return -1;
    }
    /* Exposure is an item's value, which an engine asking only the items
     * its verdicts need might skip: every item is asked here. */
    nms_engine_set_items(e, NMS_ITEMS_ALL);
    if (c->error) {
        rc = 0; /* cannot happen for a case that read whole; not exposed */
    } else if (nms_engine_evaluate(e, c, &r) != NMS_OK) {
        nms_errorf("%s", nms_engine_errmsg(e));
    } else {
        rc = nms_anchor_exposed(r);
    }
    nms_engine_set_items(e, items);
    nms_result_free(r);
    nms_case_free(c);
    return rc;
}

int nms_anchor_find(struct nms_engine *e, const struct nms_record *rec,
                    struct nms_case *whole, struct nms_anchor *out)
{
    double *times = NULL;
    size_t n, i;
    int got = 0;

    out->kind = NMS_ANCHOR_NONE;
    out->t = NAN;
    if (!isnan(whole->onset)) {
        out->kind = NMS_ANCHOR_ONSET;
        out->t = whole->onset;
        return 0;
    }
    if (nms_case_times(whole, &times, &n) != NMS_OK) {
        nms_errorf("out of memory");
        return -1;
    }
    for (i = 0; i < n && got == 0; i++)
        got = exposed_at(e, rec, times[i], whole->time_form);
    if (got == 1) {
        out->kind = NMS_ANCHOR_EXPOSURE;
        out->t = times[i - 1];
    }
    free(times);
    return got < 0 ? -1 : 0;
}

struct nms_case *nms_anchor_read(struct nms_engine *e,
                                 const struct nms_record *rec, double hours)
{
    struct nms_case_options none = {NAN, NMS_TIME_UNSET}, opt;
    struct nms_case *c = nms_case_read(rec, &none);
    struct nms_anchor a;

    if (!c || c->error)
        return c;
    if (nms_anchor_find(e, rec, c, &a) != 0) {
        nms_case_free(c);
        return NULL;
    }
    if (a.kind == NMS_ANCHOR_NONE) {
        if (nms_case_fail(c, "",
                          "--as-of is relative, but this case gives "
                          "no onset and no exposure the ruleset "
                          "recognises to count from") != NMS_OK) {
            nms_case_free(c);
            return NULL;
        }
        return c;
    }
    opt.as_of = a.t + hours;
    opt.as_of_form = c->time_form;
    nms_case_free(c);
    return nms_case_read(rec, &opt);
}
