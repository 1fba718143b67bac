/*
 * verdicts.c - the verdicts table the rules read (eval_int.h): each set
 * evaluated so far, keyed by its id, as the severity section and the
 * actions see it. Apart from eval.c because it reads only results.
 */
#include <math.h>

#include <lauxlib.h>

#include "lua/eval_int.h"

/* [-0, +1] Pushes `x` as a Lua integer when it is one (points and counts
 * are), so rules print "3", not "3.0". */
static void push_count(lua_State *L, double x)
{
    lua_Integer i;

    if (lua_numbertointeger(floor(x), &i) && (double)i == x)
        lua_pushinteger(L, i);
    else
        lua_pushnumber(L, x);
}

/* [-0, +1] Pushes, for an indeterminate criteria set, the missing texts
 * of the unknown items its open verdict waits on (decided), in item order:
 * what the undecided line of the actions names first
 * (rules/severity/missing.lua), read here from the result rather than by
 * asking the sets' checks again (~0.5 M instructions a JSON case). */
static void push_missing(lua_State *L, const struct nms_set *set)
{
    size_t i;
    lua_Integer n = 0;

    lua_createtable(L, 4, 0);
    for (i = 0; i < set->n_items; i++) {
        const struct nms_item *it = &set->items[i];
        if (it->value == NMS_TRI_UNKNOWN && it->decided && it->missing) {
            lua_pushstring(L, it->missing);
            lua_rawseti(L, -2, ++n);
        }
    }
}

/* [-0, +1] Pushes the verdicts of the sets evaluated so far (those with
 * an id), keyed by set id: {result, level, score, possible, section,
 * screen, title}, and for an indeterminate criteria set `missing`
 * (push_missing). The severity section reads them to decide whether NMS
 * is the working diagnosis or a look-alike explains the picture better. */
void nms_push_verdicts(lua_State *L, const struct nms_result *r)
{
    size_t i;

    lua_createtable(L, 0, (int)r->n_sets);
    for (i = 0; i < r->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        /* Severity sets run after these verdicts are taken (they read
         * them); asked again for evidence, they read the same. */
        if (!set->id || set->section == NMS_SECTION_SEVERITY)
            continue;
        lua_createtable(L, 0, 7);
        lua_pushstring(L, nms_verdict_name(set->result));
        lua_setfield(L, -2, "result");
        lua_pushstring(L, set->level);   /* NULL pushes nil */
        lua_setfield(L, -2, "level");
        if (set->kind != NMS_KIND_GROUPS) {
            push_count(L, set->score);
            lua_setfield(L, -2, "score");
        }
        if (set->kind == NMS_KIND_POINTS) {
            push_count(L, set->possible);
            lua_setfield(L, -2, "possible");
        }
        lua_pushstring(L, nms_section_name(set->section));
        lua_setfield(L, -2, "section");
        lua_pushboolean(L, set->screen);
        lua_setfield(L, -2, "screen");
        lua_pushstring(L, set->title);
        lua_setfield(L, -2, "title");
        if (set->section == NMS_SECTION_CRITERIA &&
            set->result == NMS_VERDICT_INDETERMINATE) {
            push_missing(L, set);
            lua_setfield(L, -2, "missing");
        }
        lua_setfield(L, -2, set->id);
    }
}

/* [-0, +1] Pushes a new verdicts table holding the per-set verdicts of
 * the one at `idx`: a table of its own identity (the working diagnosis is
 * remembered per verdicts table, severity.lua) over the same set entries
 * (nms_push_verdicts), which rules read and never write, as at --evidence all
 * one table serves the checks and the actions alike. Seventeen sets'
 * entries written again cost ~50 K instructions a case; pointed at, ~2 K. */
void nms_push_verdicts_copy(lua_State *L, int idx, size_t n_sets)
{
    luaL_checkstack(L, 4, "verdicts");
    lua_createtable(L, 0, (int)n_sets);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pushvalue(L, -2);           /* table, id, entry, id */
        lua_insert(L, -2);              /* table, id, id, entry */
        lua_rawset(L, -4);              /* table, id */
    }
}
