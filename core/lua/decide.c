/*
 * decide.c - which items decided a set's verdict.
 *
 * A stored record keeps the evidence of these items only, and
 * `--evidence decisive` writes only theirs (docs/output-format.md,
 * "Decided items"). The definition follows the verdict:
 *   met            the true items the verdict counted: points, the true
 *                  items with points; groups, the true items of the groups
 *                  the met alternative needs (the set's reasons);
 *                  checklist, the present items.
 *   not met        the false items each of which, had it been unknown
 *                  instead, would have left the verdict open: the ones
 *                  the "not met" rests on. Items so far below the line
 *                  that no single one matters are not listed.
 *   indeterminate  the unknown items an open verdict waits on: points,
 *                  those with points; groups, those of a group that an
 *                  alternative still open needs; checklist, all of them.
 * Only values are read, never evidence, so the marks are the same at
 * every evidence level.
 */
#include "lua/eval_int.h"

/* Kleene "at least `count`" of a group with these tallies. */
static enum nms_tri at_least(size_t count, size_t present, size_t unknown)
{
    if (present >= count)
        return NMS_TRI_TRUE;
    if (present + unknown < count)
        return NMS_TRI_FALSE;
    return NMS_TRI_UNKNOWN;
}

/* Alternative `alt` of a groups set, with one more unknown in group
 * `extra` (a group index, or (size_t)-1 for none). */
static enum nms_tri alternative(const struct nms_alternative *alt,
                                const struct nms_set *set, size_t extra)
{
    enum nms_tri value = NMS_TRI_TRUE;
    size_t i;

    for (i = 0; i < alt->n_needs; i++) {
        const struct nms_group *g = &set->groups[alt->needs[i].group];
        enum nms_tri v = at_least(alt->needs[i].count, g->present,
                                  g->unknown + (alt->needs[i].group == extra));
        if (v == NMS_TRI_FALSE)
            return NMS_TRI_FALSE;
        if (v == NMS_TRI_UNKNOWN)
            value = NMS_TRI_UNKNOWN;
    }
    return value;
}

/* Whether some alternative needs group `g` and is `value` as things are. */
static int needed_by(const struct nms_set_def *def, const struct nms_set *set,
                     size_t g, enum nms_tri value)
{
    size_t a, k;

    for (a = 0; a < def->n_alts; a++)
        for (k = 0; k < def->alts[a].n_needs; k++)
            if (def->alts[a].needs[k].group == g &&
                alternative(&def->alts[a], set, (size_t)-1) == value)
                return 1;
    return 0;
}

/* A not-met groups set stays not met with one more unknown in group g? */
static int still_failing(const struct nms_set_def *def,
                         const struct nms_set *set, size_t g)
{
    size_t a;

    for (a = 0; a < def->n_alts; a++)
        if (alternative(&def->alts[a], set, g) != NMS_TRI_FALSE)
            return 0;
    return 1;
}

static int decided_groups(const struct nms_set_def *def,
                          const struct nms_set *set, size_t i)
{
    size_t g = def->items[i].group;

    switch (set->result) {
    case NMS_VERDICT_MET:
        return 0;   /* the reasons, marked by the caller */
    case NMS_VERDICT_NOT_MET:
        return set->items[i].value == NMS_TRI_FALSE && !still_failing(def, set, g);
    case NMS_VERDICT_INDETERMINATE:
        return set->items[i].value == NMS_TRI_UNKNOWN &&
               needed_by(def, set, g, NMS_TRI_UNKNOWN);
    }
    return 0;
}

static int decided_points(const struct nms_set *set, size_t i)
{
    const struct nms_item *item = &set->items[i];

    switch (set->result) {
    case NMS_VERDICT_MET:
        return item->value == NMS_TRI_TRUE && item->points != 0;
    case NMS_VERDICT_NOT_MET:
        return item->value == NMS_TRI_FALSE && item->points != 0 &&
               set->possible + item->points >= set->threshold;
    case NMS_VERDICT_INDETERMINATE:
        return item->value == NMS_TRI_UNKNOWN && item->points != 0;
    }
    return 0;
}

static int decided_checklist(const struct nms_set *set, size_t i)
{
    enum nms_tri v = set->items[i].value;

    switch (set->result) {
    case NMS_VERDICT_MET: return v == NMS_TRI_TRUE;
    case NMS_VERDICT_NOT_MET: return v == NMS_TRI_FALSE;
    case NMS_VERDICT_INDETERMINATE: return v == NMS_TRI_UNKNOWN;
    }
    return 0;
}

void nms_mark_decided(const struct nms_set_def *def, struct nms_set *set)
{
    size_t i;

    for (i = 0; i < set->n_items; i++) {
        switch (set->kind) {
        case NMS_KIND_POINTS:
            set->items[i].decided = decided_points(set, i);
            break;
        case NMS_KIND_GROUPS:
            set->items[i].decided = decided_groups(def, set, i);
            break;
        case NMS_KIND_CHECKLIST:
            set->items[i].decided = decided_checklist(set, i);
            break;
        }
    }
    for (i = 0; i < set->n_reasons; i++)
        set->items[set->reasons[i]].decided = 1;
}
