/*
 * aggregate.c - a set's verdict from its items' values: the same
 * arithmetic for every set of a kind (eval.c runs the checks, then this).
 *
 *   points     score = points of true items, possible = score + points of
 *              unknown items; met when score >= threshold, not_met when
 *              possible < threshold, else indeterminate.
 *   groups     "at least k of group g" needs, ANDed into alternatives; met
 *              when one holds (the first names the level), not_met when
 *              all fail, else indeterminate.
 *   checklist  no rule: the count of present items.
 *
 * The same arithmetic, with the items not yet asked supposed all true and
 * all false, tells eval.c when the rest cannot change a set's verdict
 * (nms_aggregate_fixed, for nms_engine_set_items).
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/eval_int.h"
#include "lua/keep.h"

static void aggregate_points(struct nms_set *set)
{
    size_t i;

    set->score = set->possible = 0;
    for (i = 0; i < set->n_items; i++) {
        if (set->items[i].value == NMS_TRI_TRUE)
            set->score += set->items[i].points;
        if (set->items[i].value != NMS_TRI_FALSE)
            set->possible += set->items[i].points;
    }
    if (set->score >= set->threshold)
        set->result = NMS_VERDICT_MET;
    else if (set->possible < set->threshold)
        set->result = NMS_VERDICT_NOT_MET;
    else
        set->result = NMS_VERDICT_INDETERMINATE;
}

/* A checklist has no rule: "met" means some item is present. */
static void aggregate_checklist(struct nms_set *set)
{
    size_t i, unknown = 0;

    set->score = 0;
    for (i = 0; i < set->n_items; i++) {
        set->score += set->items[i].value == NMS_TRI_TRUE;
        unknown += set->items[i].value == NMS_TRI_UNKNOWN;
    }
    set->possible = set->score + (double)unknown;
    set->result = set->score > 0 ? NMS_VERDICT_MET
                  : unknown > 0  ? NMS_VERDICT_INDETERMINATE
                                 : NMS_VERDICT_NOT_MET;
}

/* Kleene value of "at least `count` true" given the group's tallies. */
static enum nms_tri at_least(size_t count, const struct nms_group *g)
{
    if (g->present >= count)
        return NMS_TRI_TRUE;
    if (g->present + g->unknown < count)
        return NMS_TRI_FALSE;
    return NMS_TRI_UNKNOWN;
}

/* An alternative holds when all its needs do (Kleene AND). */
static enum nms_tri alternative(const struct nms_alternative *alt,
                                const struct nms_set *set)
{
    enum nms_tri value = NMS_TRI_TRUE;
    size_t i;

    for (i = 0; i < alt->n_needs; i++) {
        enum nms_tri v = at_least(alt->needs[i].count,
                                  &set->groups[alt->needs[i].group]);
        if (v == NMS_TRI_FALSE)
            return NMS_TRI_FALSE;
        if (v == NMS_TRI_UNKNOWN)
            value = NMS_TRI_UNKNOWN;
    }
    return value;
}

/* Groups: the tallies of set->groups over the first n items, counted
 * afresh. */
static void groups_tally(const struct nms_set_def *def, struct nms_set *set,
                         size_t n)
{
    size_t g, i;

    for (g = 0; g < set->n_groups; g++)
        set->groups[g].present = set->groups[g].unknown = 0;
    for (i = 0; i < n; i++) {
        struct nms_group *grp = &set->groups[def->items[i].group];
        grp->present += set->items[i].value == NMS_TRI_TRUE;
        grp->unknown += set->items[i].value == NMS_TRI_UNKNOWN;
    }
}

/* The first alternative that holds on the tallies (it names the level),
 * or NULL; *verdict what the set's result is. */
static const struct nms_alternative *
groups_verdict(const struct nms_set_def *def, const struct nms_set *set,
               enum nms_verdict *verdict)
{
    int unknown = 0;
    size_t a;

    for (a = 0; a < def->n_alts; a++) {
        enum nms_tri v = alternative(&def->alts[a], set);
        if (v == NMS_TRI_TRUE) {
            *verdict = NMS_VERDICT_MET;
            return &def->alts[a];
        }
        unknown |= v == NMS_TRI_UNKNOWN;
    }
    *verdict = unknown ? NMS_VERDICT_INDETERMINATE : NMS_VERDICT_NOT_MET;
    return NULL;
}

/* Adds `level` to set->could_be once. */
static void add_could_be(lua_State *L, struct nms_set *set, const char *level)
{
    size_t i;

    if (!level || (set->level && strcmp(set->level, level) == 0))
        return;
    for (i = 0; i < set->n_could_be; i++)
        if (strcmp(set->could_be[i], level) == 0)
            return;
    set->could_be[set->n_could_be] = nms_keep_cstring(L, level);
    set->n_could_be++;
}

/* The true items of the groups the met alternative needs: why it is met. */
static void collect_reasons(lua_State *L, const struct nms_set_def *def,
                            const struct nms_alternative *alt, struct nms_set *set)
{
    size_t i, k;

    set->reasons = calloc(set->n_items, sizeof *set->reasons);
    if (!set->reasons)
        luaL_error(L, "not enough memory");
    for (i = 0; i < set->n_items; i++) {
        if (set->items[i].value != NMS_TRI_TRUE)
            continue;
        for (k = 0; k < alt->n_needs; k++)
            if (alt->needs[k].group == def->items[i].group)
                set->reasons[set->n_reasons++] = i;
    }
}

/* Groups: met when an alternative holds (the first names the level), not
 * met when every alternative fails, else indeterminate. Alternatives still
 * unknown that rank above the one met are what the data could change. */
static void aggregate_groups(lua_State *L, const struct nms_set_def *def,
                             struct nms_set *set)
{
    const struct nms_alternative *met;
    size_t a;

    groups_tally(def, set, set->n_items);
    set->could_be = calloc(def->n_alts, sizeof *set->could_be);
    if (!set->could_be)
        luaL_error(L, "not enough memory");
    met = groups_verdict(def, set, &set->result);
    if (met) {
        set->level = nms_keep_cstring(L, met->level);
        collect_reasons(L, def, met, set);
    }
    for (a = 0; a < def->n_alts && &def->alts[a] != met; a++)
        if (alternative(&def->alts[a], set) == NMS_TRI_UNKNOWN)
            add_could_be(L, set, def->alts[a].level);
}

/* Whether a groups set's result and level are the same with the first
 * `asked` items as answered and every other one false as with every other
 * one true. Its counts and alternatives (Kleene AND of "at least k") only
 * rise as an item's value rises false -> unknown -> true, so every mix of
 * the rest's answers lies between the two. */
static int groups_fixed(const struct nms_set_def *def, struct nms_set *set,
                        size_t asked)
{
    const struct nms_alternative *met_no, *met_yes;
    enum nms_verdict no, yes;
    size_t i;

    groups_tally(def, set, asked);
    met_no = groups_verdict(def, set, &no);
    for (i = asked; i < def->n_items; i++)
        set->groups[def->items[i].group].present++;
    met_yes = groups_verdict(def, set, &yes);
    return no == yes && met_no == met_yes;
}

int nms_aggregate_fixed(const struct nms_set_def *def, struct nms_set *set,
                        size_t asked)
{
    size_t i;

    if (asked >= def->n_items)
        return 1;
    switch (def->kind) {
    case NMS_KIND_GROUPS:
        return groups_fixed(def, set, asked);
    case NMS_KIND_POINTS:
        /* Score and possible are read: an item left with points > 0 moves
         * both, one with 0 neither; a negative or NaN one would not be
         * monotone (the schema asks for > 0). */
        for (i = asked; i < def->n_items; i++)
            if (set->items[i].points != 0)
                return 0;
        return 1;
    case NMS_KIND_CHECKLIST:
        return 0;   /* its count is read, and every item moves it */
    }
    return 0;
}

void nms_aggregate_set(lua_State *L, const struct nms_set_def *def,
                       struct nms_set *set)
{
    switch (def->kind) {
    case NMS_KIND_POINTS: aggregate_points(set); break;
    case NMS_KIND_GROUPS: aggregate_groups(L, def, set); break;
    case NMS_KIND_CHECKLIST: aggregate_checklist(set); break;
    }
}

void nms_aggregate_presupposed(struct nms_set *set, int required)
{
    set->presupposition_required = required;
    if (required && set->presupposition->value == NMS_TRI_FALSE)
        set->result = NMS_VERDICT_NOT_MET;
    else if (required && set->presupposition->value == NMS_TRI_UNKNOWN &&
             set->result == NMS_VERDICT_MET)
        set->result = NMS_VERDICT_INDETERMINATE;
}
