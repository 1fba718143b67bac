/*
 * anchor.h - the time a case's own clock starts for analysis (anchor.c):
 * what `--as-of +24h` and the timeline's "hours to first met" count from.
 *
 * The anchor is the case's `onset` when the record gives one; otherwise
 * the first time in the record at which the ruleset itself finds exposure
 * (a criteria item tagged feature "exposure" is true: in the default
 * ruleset, a dopamine antagonist given or a dopaminergic drug withdrawn
 * within the window, IEC 2011 item 1). Asking the ruleset keeps the drug
 * knowledge in one place (rules/drugs/), messy EHR names included.
 */
#ifndef NMS_ANCHOR_H
#define NMS_ANCHOR_H

#include "nms/engine.h"
#include "nms/reader.h"

enum nms_anchor_kind {
    NMS_ANCHOR_NONE = 0,
    NMS_ANCHOR_ONSET,
    NMS_ANCHOR_EXPOSURE
};

struct nms_anchor {
    enum nms_anchor_kind kind;
    double t; /* NAN for NMS_ANCHOR_NONE */
};

/*
 * Hours from anchor a to time t, NAN without an anchor. Rounded to a
 * millionth of an hour (3.6 ms, finer than any record's times): times are
 * hours since 1970, where a double keeps ~1e-10 h, so the plain difference
 * of two ISO times 34 h 40 min apart reads 34.6666666666861 in a CSV cell.
 */
double nms_anchor_hours(const struct nms_anchor *a, double t);

/* "onset", "exposure" or "none". */
const char *nms_anchor_name(enum nms_anchor_kind kind);

/* 1 when a criteria item tagged "exposure" is true in r. */
int nms_anchor_exposed(const struct nms_result *r);

/*
 * Finds the anchor of record `rec`, whose case read without --as-of is
 * `whole` (finished, without error). Evaluates the record as of each of
 * its times in order until exposure is found. Returns 0 (out->kind NONE
 * when there is neither onset nor exposure), or -1 when memory ran out or
 * the engine failed (after a message).
 */
int nms_anchor_find(struct nms_engine *e, const struct nms_record *rec,
                    struct nms_case *whole, struct nms_anchor *out);

/*
 * nms_case_read for a relative --as-of: the record as of `hours` after its
 * anchor. A case without an anchor comes back as an error case saying so.
 * Returns NULL only when memory ran out or the engine failed.
 */
struct nms_case *nms_anchor_read(struct nms_engine *e,
                                 const struct nms_record *rec, double hours);

#endif
