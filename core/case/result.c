/* result.c - lifecycle of evaluation results, and names for their enums. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/result_int.h"
#include "case/text_int.h"
#include "nms/result.h"

const char *nms_verdict_name(enum nms_verdict verdict)
{
    switch (verdict) {
    case NMS_VERDICT_MET: return "met";
    case NMS_VERDICT_NOT_MET: return "not_met";
    case NMS_VERDICT_INDETERMINATE: return "indeterminate";
    }
    return "indeterminate";
}

const char *nms_section_name(enum nms_section section)
{
    switch (section) {
    case NMS_SECTION_CRITERIA: return "criteria";
    case NMS_SECTION_SEVERITY: return "severity";
    case NMS_SECTION_RISK_FACTORS: return "risk_factors";
    case NMS_SECTION_DIFFERENTIAL: return "differential";
    }
    return "criteria";
}

const char *nms_kind_name(enum nms_set_kind kind)
{
    switch (kind) {
    case NMS_KIND_POINTS: return "points";
    case NMS_KIND_GROUPS: return "groups";
    case NMS_KIND_CHECKLIST: return "checklist";
    }
    return "points";
}

const struct nms_set *nms_result_set(const struct nms_result *r,
                                     const char *id)
{
    size_t i;

    for (i = 0; i < r->n_sets; i++)
        if (strcmp(r->sets[i].id, id) == 0)
            return &r->sets[i];
    return NULL;
}

const char *nms_set_tier(const struct nms_set *set)
{
    return set->result == NMS_VERDICT_MET && set->level ? set->level : "none";
}

const struct nms_item *nms_set_lacking(const struct nms_set *set)
{
    const struct nms_item *p = set->presupposition;

    return p && p->value != NMS_TRI_TRUE ? p : NULL;
}

/* Read-only: the quiet evidence of every result (result_int.h), so
 * shared by results freed in other threads (batch -j) with no lock. */
static const char quiet_evidence[1] = "";

char *nms_result_quiet_evidence(void)
{
    /* The cast only gives the item's field type (a result's text is
     * `char *`, owned); nothing writes through it, and
     * nms_result_free_text never frees it. Through uintptr_t: -Wcast-qual
     * is for casts that might be written through by mistake. */
    return (char *)(uintptr_t)quiet_evidence;
}

void nms_result_free_text(char *text)
{
    if (text != quiet_evidence)
        free(text);
}

static void free_set(struct nms_set *set)
{
    size_t i;

    /* The const strings are the ruleset's text (r->text); the notes' live
     * in it or in the notes array itself. */
    for (i = 0; i < set->n_items; i++) {
        nms_result_free_text(set->items[i].evidence);
        free(set->items[i].missing);
    }
    for (i = 0; i < set->n_could_be; i++)
        free(set->could_be[i]);
    free(set->items);
    free(set->groups);
    free(set->notes);
    free(set->could_be);
    free(set->reasons);
    free(set->level);
    free(set->overlap);
    if (set->presupposition) {
        nms_result_free_text(set->presupposition->evidence);
        free(set->presupposition->missing);
        free(set->presupposition);
    }
}

static void free_disagreement(struct nms_disagreement *d)
{
    size_t i;

    if (d->items)
        for (i = 0; i < d->n; i++)
            free(d->items[i]);
    free(d->items);
    free(d->values);
}

void nms_result_clear(struct nms_result *r)
{
    size_t i;

    for (i = 0; i < r->n_sets; i++)
        free_set(&r->sets[i]);
    free(r->sets);
    r->sets = NULL;
    r->n_sets = 0;
    for (i = 0; i < r->n_disagreements; i++)
        free_disagreement(&r->disagreements[i]);
    free(r->disagreements);
    r->disagreements = NULL;
    r->n_disagreements = 0;
    for (i = 0; i < r->n_warnings; i++) {
        free(r->warnings[i].path);
        free(r->warnings[i].message);
        free(r->warnings[i].kind);
    }
    free(r->warnings);
    r->warnings = NULL;
    r->n_warnings = 0;
    if (r->error) {
        free(r->error->rule);
        free(r->error->file);
        free(r->error->message);
        free(r->error);
        r->error = NULL;
    }
}

void nms_result_free(struct nms_result *r)
{
    if (!r)
        return;
    nms_result_clear(r);
    nms_text_unref(r->text);
    free(r);
}

/* ------------------------------------------------------------------------
 * Equality
 * --------------------------------------------------------------------- */

/* Two strings that may be NULL. */
static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int same_item(const struct nms_item *a, const struct nms_item *b)
{
    return same_str(a->id, b->id) && same_str(a->title, b->title) &&
           same_str(a->definition, b->definition) &&
           same_str(a->group, b->group) && same_str(a->feature, b->feature) &&
           same_str(a->source, b->source) && a->value == b->value &&
           a->points == b->points && same_str(a->evidence, b->evidence) &&
           same_str(a->missing, b->missing) && a->skipped == b->skipped;
}

static int same_group(const struct nms_group *a, const struct nms_group *b)
{
    return same_str(a->id, b->id) && same_str(a->title, b->title) &&
           a->present == b->present && a->unknown == b->unknown &&
           a->total == b->total;
}

static int same_note(const struct nms_note *a, const struct nms_note *b)
{
    return same_str(a->text, b->text) && same_str(a->source, b->source);
}

/* The scalars of two sets: ids, texts, kind, verdict and numbers. */
static int same_set_head(const struct nms_set *a, const struct nms_set *b)
{
    return same_str(a->id, b->id) && same_str(a->title, b->title) &&
           same_str(a->version, b->version) &&
           same_str(a->citation, b->citation) && a->section == b->section &&
           a->kind == b->kind && a->screen == b->screen &&
           a->result == b->result && a->score == b->score &&
           a->possible == b->possible && a->threshold == b->threshold &&
           same_str(a->level, b->level) && same_str(a->overlap, b->overlap) &&
           a->n_could_be == b->n_could_be && a->n_reasons == b->n_reasons &&
           a->n_groups == b->n_groups && a->n_items == b->n_items &&
           a->n_notes == b->n_notes;
}

static int same_set(const struct nms_set *a, const struct nms_set *b)
{
    size_t i;

    if (!same_set_head(a, b))
        return 0;
    for (i = 0; i < a->n_could_be; i++)
        if (!same_str(a->could_be[i], b->could_be[i]))
            return 0;
    for (i = 0; i < a->n_reasons; i++)
        if (a->reasons[i] != b->reasons[i])
            return 0;
    for (i = 0; i < a->n_groups; i++)
        if (!same_group(&a->groups[i], &b->groups[i]))
            return 0;
    for (i = 0; i < a->n_items; i++)
        if (!same_item(&a->items[i], &b->items[i]))
            return 0;
    for (i = 0; i < a->n_notes; i++)
        if (!same_note(&a->notes[i], &b->notes[i]))
            return 0;
    if (!a->presupposition || !b->presupposition)
        return a->presupposition == b->presupposition;
    return a->presupposition_required == b->presupposition_required &&
           same_item(a->presupposition, b->presupposition);
}

static int same_disagreement(const struct nms_disagreement *a,
                             const struct nms_disagreement *b)
{
    size_t i;

    if (!same_str(a->feature, b->feature) || a->n != b->n)
        return 0;
    for (i = 0; i < a->n; i++)
        if (!same_str(a->items[i], b->items[i]) || a->values[i] != b->values[i])
            return 0;
    return 1;
}

static int same_warning(const struct nms_rule_warning *a,
                        const struct nms_rule_warning *b)
{
    return same_str(a->path, b->path) && same_str(a->message, b->message) &&
           same_str(a->kind, b->kind);
}

static int same_error(const struct nms_rule_error *a,
                      const struct nms_rule_error *b)
{
    if (!a || !b)
        return a == b;
    return same_str(a->rule, b->rule) && same_str(a->file, b->file) &&
           a->line == b->line && same_str(a->message, b->message);
}

int nms_result_equal(const struct nms_result *a, const struct nms_result *b)
{
    size_t i;

    if (!a || !b)
        return a == b;
    if (!same_error(a->error, b->error) || a->n_sets != b->n_sets ||
        a->n_disagreements != b->n_disagreements ||
        a->n_warnings != b->n_warnings || a->items != b->items)
        return 0;
    for (i = 0; i < a->n_warnings; i++)
        if (!same_warning(&a->warnings[i], &b->warnings[i]))
            return 0;
    for (i = 0; i < a->n_sets; i++)
        if (!same_set(&a->sets[i], &b->sets[i]))
            return 0;
    for (i = 0; i < a->n_disagreements; i++)
        if (!same_disagreement(&a->disagreements[i], &b->disagreements[i]))
            return 0;
    return 1;
}
