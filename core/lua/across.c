/*
 * across.c - what the engine says across sets once every set of a case has
 * its verdict: a differential met alongside met NMS criteria (overlap), and
 * criteria items tagged with the same clinical feature that disagree
 * (concordance). Moved out of eval.c; it copies with helpers of its own so
 * that it does not call back into eval.c.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "lua/eval_int.h"
#include "lua/keep.h"
#include "lua/limits.h"

/* A copy the result owns of the string at `idx`, which the engine built
 * from ids and the ruleset's own texts (no NUL inside); counted against
 * the case's output like every rule string. Raises on no memory. */
static char *keep(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    char *copy;

    nms_limits_output(L, len);
    if (!(copy = nms_strndup(s, len)))
        luaL_error(L, "not enough memory");
    return copy;
}

/* ------------------------------------------------------------------------
 * Across sets: overlap of differentials with NMS, concordance of criteria
 * --------------------------------------------------------------------- */

/* A differential met while NMS criteria sets are met says so, with the
 * met sets named: the engine never silently picks one diagnosis. */
static void add_overlaps(lua_State *L, const struct nms_ruleset *rs,
                         struct nms_result *r)
{
    size_t d, c;

    for (d = 0; d < r->n_sets; d++) {
        struct nms_set *dx = &r->sets[d];
        int top = lua_gettop(L), n = 0;
        luaL_Buffer b;

        if (dx->section != NMS_SECTION_DIFFERENTIAL ||
            dx->result != NMS_VERDICT_MET)
            continue;
        luaL_buffinit(L, &b);
        for (c = 0; c < r->n_sets; c++) {
            if (r->sets[c].section != NMS_SECTION_CRITERIA ||
                r->sets[c].result != NMS_VERDICT_MET)
                continue;
            luaL_addstring(&b, n++ ? ", " : "NMS criteria are also met (");
            luaL_addstring(&b, r->sets[c].id);
        }
        if (n == 0)
            continue;
        luaL_addstring(&b, "): both diagnoses remain possible.");
        luaL_pushresult(&b);
        if (rs->sets[d].overlap)
            lua_pushfstring(L, "%s %s", lua_tostring(L, -1),
                            rs->sets[d].overlap);
        dx->overlap = keep(L, -1);
        lua_settop(L, top);
    }
}

/* 1 when features a and b are the same: the ruleset's text, where one
 * tag is often the very same string and others mostly differ in their
 * first byte, so strcmp runs only on likely matches (the pairs are
 * compared for every case, ~1,000 of them with the default ruleset). */
static int same_feature(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* A criteria item with a concordance feature tag. */
struct tagged {
    const struct nms_set *set;
    const struct nms_item *item;
};

/* Records the disagreement on the feature of tags[first] among the `n`
 * tags: every item tagged with it and its value. */
static void add_disagreement(lua_State *L, struct nms_result *r,
                             const struct tagged *tags, size_t n,
                             size_t first, size_t count)
{
    const char *feature = tags[first].item->feature;
    struct nms_disagreement *d = &r->disagreements[r->n_disagreements++];
    size_t j;

    d->feature = feature;   /* the ruleset's text, which the result holds */
    d->items = calloc(count, sizeof *d->items);
    d->values = calloc(count, sizeof *d->values);
    if (!d->items || !d->values)
        luaL_error(L, "not enough memory");
    for (j = first; j < n; j++) {
        if (!same_feature(tags[j].item->feature, feature))
            continue;
        d->items[d->n] = nms_keep_cstring(
            L, lua_pushfstring(L, "%s.%s", tags[j].set->id, tags[j].item->id));
        lua_pop(L, 1);
        d->values[d->n++] = tags[j].item->value;
    }
}

/* For each feature tagged in more than one criteria item, in order of
 * first appearance: the items and their values, when they are not all the
 * same (true against unknown counts: one set decides what another cannot). */
static void find_disagreements(lua_State *L, struct nms_result *r)
{
    struct tagged *tags;
    size_t s, i, j, n = 0;

    for (s = 0; s < r->n_sets; s++)
        if (r->sets[s].section == NMS_SECTION_CRITERIA)
            n += r->sets[s].n_items;
    if (n == 0)
        return;
    /* Scratch space the garbage collector owns, so a raise cannot leak it. */
    tags = lua_newuserdatauv(L, n * sizeof *tags, 0);
    r->disagreements = calloc(n, sizeof *r->disagreements);
    if (!r->disagreements)
        luaL_error(L, "not enough memory");
    for (s = 0, n = 0; s < r->n_sets; s++)
        for (i = 0; r->sets[s].section == NMS_SECTION_CRITERIA &&
                    i < r->sets[s].n_items; i++)
            if (r->sets[s].items[i].feature) {
                tags[n].set = &r->sets[s];
                tags[n++].item = &r->sets[s].items[i];
            }
    for (i = 0; i < n; i++) {
        const char *feature = tags[i].item->feature;
        size_t count = 1, differ = 0, earlier = 0;
        for (j = 0; j < i && !earlier; j++)
            earlier = (size_t)same_feature(tags[j].item->feature, feature);
        for (j = i + 1; j < n && !earlier; j++)
            if (same_feature(tags[j].item->feature, feature)) {
                count++;
                differ |= tags[j].item->value != tags[i].item->value;
            }
        if (!earlier && differ)
            add_disagreement(L, r, tags, n, i, count);
    }
    lua_pop(L, 1);
}

void nms_eval_across(lua_State *L, const struct nms_ruleset *rs,
                     struct nms_result *r)
{
    add_overlaps(L, rs, r);
    /* Disagreements compare items' values: with items skipped
     * (NMS_ITEMS_NEEDED) they are not looked for, rather than found among
     * the items that happened to be asked. */
    if (r->items == NMS_ITEMS_ALL)
        find_disagreements(L, r);
}
