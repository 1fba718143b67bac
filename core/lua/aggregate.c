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

/* Points: score and possible over the first n items, in item order (the
 * order the sums round in). */
static void points_tally(const struct nms_set *set, size_t n, double *score,
                         double *possible)
{
    size_t i;

    *score = *possible = 0;
    for (i = 0; i < n; i++) {
        if (set->items[i].value == NMS_TRI_TRUE)
            *score += set->items[i].points;
        if (set->items[i].value != NMS_TRI_FALSE)
            *possible += set->items[i].points;
    }
}

static enum nms_verdict points_verdict(double score, double possible,
                                       double threshold)
{
    if (score >= threshold)
        return NMS_VERDICT_MET;
    if (possible < threshold)
        return NMS_VERDICT_NOT_MET;
    return NMS_VERDICT_INDETERMINATE;
}

static void aggregate_points(struct nms_set *set)
{
    points_tally(set, set->n_items, &set->score, &set->possible);
    set->result = points_verdict(set->score, set->possible, set->threshold);
}

/* Checklist: the count of present items and of unknown ones among the
 * first n. */
static void checklist_tally(const struct nms_set *set, size_t n,
                            size_t *present, size_t *unknown)
{
    size_t i;

    *present = *unknown = 0;
    for (i = 0; i < n; i++) {
        *present += set->items[i].value == NMS_TRI_TRUE;
        *unknown += set->items[i].value == NMS_TRI_UNKNOWN;
    }
}

static enum nms_verdict checklist_verdict(size_t present, size_t unknown)
{
    return present > 0   ? NMS_VERDICT_MET
           : unknown > 0 ? NMS_VERDICT_INDETERMINATE
                         : NMS_VERDICT_NOT_MET;
}

/* A checklist has no rule: "met" means some item is present. */
static void aggregate_checklist(struct nms_set *set)
{
    size_t present, unknown;

    checklist_tally(set, set->n_items, &present, &unknown);
    set->score = (double)present;
    set->possible = set->score + (double)unknown;
    set->result = checklist_verdict(present, unknown);
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

/* What a verdicts-only reader sees of a set, for nms_aggregate_fixed. */
struct outcome {
    enum nms_verdict result;
    const struct nms_alternative *met;   /* groups: names the level */
    double score, possible;              /* points; checklist: the count */
};

/* The outcomes with the first `asked` items as answered and every other
 * one false (*no: the asked items' tallies alone), then true (*yes: the
 * same tallies with each other item counted present, in item order). */
static void outcomes(const struct nms_set_def *def, struct nms_set *set,
                     size_t asked, struct outcome *yes, struct outcome *no)
{
    size_t present, unknown, i, rest = def->n_items - asked;

    memset(yes, 0, sizeof *yes);
    memset(no, 0, sizeof *no);
    switch (def->kind) {
    case NMS_KIND_POINTS:
        points_tally(set, asked, &no->score, &no->possible);
        no->result = points_verdict(no->score, no->possible, set->threshold);
        yes->score = no->score;
        yes->possible = no->possible;
        for (i = asked; i < def->n_items; i++) {
            yes->score += set->items[i].points;
            yes->possible += set->items[i].points;
        }
        yes->result = points_verdict(yes->score, yes->possible, set->threshold);
        break;
    case NMS_KIND_GROUPS:
        groups_tally(def, set, asked);
        no->met = groups_verdict(def, set, &no->result);
        for (i = asked; i < def->n_items; i++)
            set->groups[def->items[i].group].present++;
        yes->met = groups_verdict(def, set, &yes->result);
        break;
    case NMS_KIND_CHECKLIST:
        checklist_tally(set, asked, &present, &unknown);
        no->score = (double)present;
        no->possible = (double)(present + unknown);
        no->result = checklist_verdict(present, unknown);
        yes->score = (double)(present + rest);
        yes->possible = (double)(present + rest + unknown);
        yes->result = checklist_verdict(present + rest, unknown);
        break;
    }
}

/* Whether every item from `asked` on moves the kind's arithmetic one way
 * only as its value rises false -> unknown -> true: a groups set's counts
 * and alternatives (Kleene AND of "at least k") and a checklist's count
 * always do; a points set's score and possible only for points >= 0 (a
 * NaN or negative one would not; the schema asks for > 0). */
static int monotone(const struct nms_set_def *def, const struct nms_set *set,
                    size_t asked)
{
    size_t i;

    if (def->kind != NMS_KIND_POINTS)
        return def->kind == NMS_KIND_GROUPS || def->kind == NMS_KIND_CHECKLIST;
    for (i = asked; i < def->n_items; i++)
        if (!(set->items[i].points >= 0))
            return 0;
    return 1;
}

int nms_aggregate_fixed(const struct nms_set_def *def, struct nms_set *set,
                        size_t asked)
{
    struct outcome yes, no;

    if (asked >= def->n_items)
        return 1;
    if (!monotone(def, set, asked))
        return 0;
    /* Monotone, every mix of the rest's answers lies between these two:
     * equal, they leave nothing for the rest to change. */
    outcomes(def, set, asked, &yes, &no);
    return yes.result == no.result && yes.met == no.met &&
           yes.score == no.score && yes.possible == no.possible;
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
