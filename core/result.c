/* result.c - lifecycle of evaluation results, and names for their enums. */
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"
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

static void free_item(struct nms_item *item)
{
    free(item->id);
    free(item->title);
    free(item->definition);
    free(item->group);
    free(item->feature);
    free(item->source);
    free(item->evidence);
    free(item->missing);
}

static void free_set(struct nms_set *set)
{
    size_t i;

    for (i = 0; i < set->n_items; i++)
        free_item(&set->items[i]);
    for (i = 0; i < set->n_groups; i++) {
        free(set->groups[i].id);
        free(set->groups[i].title);
    }
    for (i = 0; i < set->n_notes; i++) {
        free(set->notes[i].text);
        free(set->notes[i].source);
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
    free(set->id);
    free(set->title);
    free(set->version);
    free(set->citation);
}

static void free_disagreement(struct nms_disagreement *d)
{
    size_t i;

    if (d->items)
        for (i = 0; i < d->n; i++)
            free(d->items[i]);
    free(d->items);
    free(d->values);
    free(d->feature);
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
    free(r);
}
