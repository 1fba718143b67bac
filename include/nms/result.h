/*
 * result.h - what evaluating one case against a ruleset produced.
 *
 * A ruleset is made of *sets*, each in one section of the result:
 *   criteria      NMS diagnostic criteria sets (IEC 2011, DSM-IV-TR, ...)
 *   severity      the severity tier with its management actions
 *   risk_factors  a checklist of risk factors
 *   differential  differential diagnoses (serotonin syndrome, ...)
 * Every set holds its items, each three-valued with its evidence, and the
 * verdict the engine aggregated from them (rules never count: see
 * docs/rules.md). A result whose `error` is set means a rule failed on
 * this case; it then carries no sets.
 *
 * Ownership: the `const char *` strings of a result are the ruleset's
 * static text (ids, titles, versions, citations, definitions, sources,
 * feature tags, group names, distinguishing points): they point into
 * `text`, which the result holds a reference to, so they stay valid until
 * the result is freed, whatever happens to the engine or ruleset that
 * produced it (freed, reloaded, in another thread). The one exception is a
 * severity set's notes, its actions written for the case, which live in
 * the set's notes array (struct nms_note). The `char *` strings depend on
 * the case (evidence, missing data, levels, overlaps, disagreements'
 * items, warnings, errors) and the result owns them. nms_result_free
 * releases all of it. A result does not own the case it was computed
 * from.
 */
#ifndef NMS_RESULT_H
#define NMS_RESULT_H

#include <stddef.h>

#include "nms/case.h"

/* The static text of a loaded ruleset, shared by reference (opaque). */
struct nms_text;

enum nms_verdict {
    NMS_VERDICT_NOT_MET = 0,
    NMS_VERDICT_MET,
    NMS_VERDICT_INDETERMINATE
};

enum nms_section {
    NMS_SECTION_CRITERIA = 0,
    NMS_SECTION_SEVERITY,
    NMS_SECTION_RISK_FACTORS,
    NMS_SECTION_DIFFERENTIAL
};

/* How a set turns item values into a verdict. */
enum nms_set_kind {
    NMS_KIND_POINTS = 0,    /* points of true items against a threshold */
    NMS_KIND_GROUPS,        /* "at least k of group g" rules, with levels */
    NMS_KIND_CHECKLIST      /* no rule: which items are present */
};

struct nms_item {
    const char *id;
    const char *title;
    const char *definition;   /* the published wording, may be NULL */
    const char *group;        /* groups kind: the item's group id, else NULL */
    const char *feature;      /* concordance tag, may be NULL */
    const char *source;       /* the item's own citation, may be NULL */
    const char *needs;        /* what data would decide it, as the ruleset
                                 states it; `missing` when the check gave
                                 none. NULL for a result not evaluated here */
    enum nms_tri value;
    double points;      /* points kind only */
    char *evidence;
    char *missing;      /* what data would decide it; NULL unless unknown */
    int decided;        /* 1 when the item decided its set's verdict (see
                           docs/output-format.md, "Decided items"): a true
                           item a met verdict counted, a false item whose
                           being unknown would have left a not-met verdict
                           open, an unknown item an open verdict waits on */
    int skipped;        /* 1 when its check was never asked (NMS_ITEMS_NEEDED:
                           the set's verdict was fixed before it): value
                           unknown, evidence and missing NULL, never decided.
                           Not an answer: a reader must not show it as one */
};

/* A group of a groups-kind set, with its counts on this case. */
struct nms_group {
    const char *id, *title;
    size_t present, unknown, total;
};

/* A line of text with its source: a severity action, or a point that
 * distinguishes a differential diagnosis from NMS. A set's notes array is
 * the result's; a differential's notes point into the ruleset's text, a
 * severity set's actions (written for the case) into that same array's
 * allocation, so freeing the array frees them. */
struct nms_note {
    const char *text, *source;
};

struct nms_set {
    const char *id, *title, *version, *citation;
    enum nms_section section;
    enum nms_set_kind kind;
    int screen;                 /* a screen, not a published criteria set */
    enum nms_verdict result;
    double score, possible, threshold;  /* points; checklist: score = count */
    char *level;                /* groups: level of the rule met, or NULL */
    char **could_be;            /* levels that unknown items could still reach */
    size_t n_could_be;
    size_t *reasons;            /* indexes of the true items behind the level */
    size_t n_reasons;
    struct nms_group *groups;
    size_t n_groups;
    struct nms_item *items;
    size_t n_items;
    struct nms_note *notes;     /* severity: actions; differential: distinguishing */
    size_t n_notes;
    char *overlap;              /* differential met while NMS criteria are met */
    struct nms_item *presupposition;    /* criteria: what the set, as criteria
                                   for NMS, presupposes (a dopamine antagonist
                                   or dopaminergic withdrawal), asked once its
                                   table is met (with presupposition_required,
                                   also when indeterminate); NULL when not
                                   asked or not declared. One item the result
                                   owns, its strings as an item's */
    int presupposition_required;    /* the verdict followed it: not met when
                                   it is false, indeterminate at most when
                                   it is unknown */
};

/* A clinical feature on which the criteria sets disagree for this case:
 * the items tagged with it ("iec2011.hyperthermia") and their values. */
struct nms_disagreement {
    const char *feature;
    char **items;
    enum nms_tri *values;
    size_t n;
};

/* A rule that failed: which one, where it is defined, and why. */
struct nms_rule_error {
    char *rule;       /* "iec2011.hyperthermia" */
    char *file;       /* rules/criteria/iec2011.lua */
    long line;        /* line of the failure, or of the definition */
    char *message;
};

/* A problem with the data that a rule noticed (the case's own warnings
 * come from the reader): `kind` names it for counting over a cohort, e.g.
 * "unrecognised_drug". */
struct nms_rule_warning {
    char *path;       /* "medications[2].drug" (0-based, as in case warnings) */
    char *message;
    char *kind;
};

/* Which items' checks a result asked (nms_engine_set_items). */
enum nms_items {
    NMS_ITEMS_ALL = 0,  /* every item of every set (the default) */
    NMS_ITEMS_NEEDED    /* a set's items in order until its verdict is fixed
                           whatever the rest answer: the rest are skipped */
};

struct nms_result {
    struct nms_set *sets;       /* in ruleset order: criteria, severity,
                                   risk factors, differentials */
    size_t n_sets;
    struct nms_disagreement *disagreements;
    size_t n_disagreements;
    struct nms_rule_warning *warnings;  /* from the ruleset's 'warnings' */
    size_t n_warnings;
    struct nms_rule_error *error;   /* non-NULL: no sets */
    struct nms_text *text;      /* the ruleset's static text the const
                                   strings point into: one reference */
    enum nms_items items;       /* NMS_ITEMS_NEEDED: only the verdicts are
                                   whole. Skipped items are marked; a set's
                                   groups tallies, could_be and reasons and
                                   the items' decided marks count the asked
                                   items only (a skipped one as unknown), and
                                   disagreements are not looked for (none) */
};

/* "met", "not_met" or "indeterminate". */
const char *nms_verdict_name(enum nms_verdict verdict);

/* "criteria", "severity", "risk_factors" or "differential". */
const char *nms_section_name(enum nms_section section);

/* "points", "groups" or "checklist". */
const char *nms_kind_name(enum nms_set_kind kind);

/* The set with id `id`, or NULL. */
const struct nms_set *nms_result_set(const struct nms_result *r,
                                     const char *id);

/* Severity sets: the tier, i.e. the level met, or "none". */
const char *nms_set_tier(const struct nms_set *set);

/* Criteria sets: what the set presupposes when it was asked and did not
 * hold (false, or unknown), i.e. the set was met without it; else NULL.
 * Every output that shows "met" says so when this is not NULL. */
const struct nms_item *nms_set_lacking(const struct nms_set *set);

/* 1 when two results (either may be NULL) hold the same sets, items,
 * verdicts, evidence, disagreements, warnings and error, else 0. */
int nms_result_equal(const struct nms_result *a, const struct nms_result *b);

/* Releases a result; accepts NULL. */
void nms_result_free(struct nms_result *r);

#endif
