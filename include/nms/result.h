/*
 * result.h - what evaluating one case against a ruleset produced.
 *
 * A result holds, for each criteria set of the ruleset in report order,
 * every item with its three-valued value, points and evidence, and the
 * aggregate verdict. A result whose `error` is set means a rule failed on
 * this case; it carries no criteria.
 *
 * Ownership: a result owns all its strings; nms_result_free releases them.
 * It does not own the case it was computed from.
 */
#ifndef NMS_RESULT_H
#define NMS_RESULT_H

#include <stddef.h>

#include "nms/case.h"

enum nms_verdict {
    NMS_VERDICT_NOT_MET = 0,
    NMS_VERDICT_MET,
    NMS_VERDICT_INDETERMINATE
};

struct nms_item {
    char *id;
    char *title;
    char *definition;   /* the published wording, may be NULL */
    enum nms_tri value;
    double points;
    char *evidence;
    char *missing;      /* what data would decide it; NULL unless unknown */
};

struct nms_criteria {
    char *id, *title, *version, *citation;
    enum nms_verdict result;
    double score, possible, threshold;
    struct nms_item *items;
    size_t n_items;
};

/* A rule that failed: which one, where it is defined, and why. */
struct nms_rule_error {
    char *rule;       /* "iec2011.hyperthermia" */
    char *file;       /* rules/criteria/iec2011.lua */
    long line;        /* line of the failure, or of the definition */
    char *message;
};

struct nms_result {
    struct nms_criteria *criteria;
    size_t n_criteria;
    struct nms_rule_error *error;   /* non-NULL: no criteria */
};

/* "met", "not_met" or "indeterminate". */
const char *nms_verdict_name(enum nms_verdict verdict);

/* Releases a result; accepts NULL. */
void nms_result_free(struct nms_result *r);

#endif
