/*
 * returned.c - the lists a ruleset's functions return for a case, kept in
 * its result: a severity set's actions (the management list) and the
 * ruleset's warnings. Their entries are read in a protected call of their
 * own, as rule work, and bounded in number and bytes: a runaway rule
 * fails its case, naming its line, and floods neither the output nor C
 * memory. Split from eval.c, which runs the checks.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "case/result_int.h"
#include "lua/eval_int.h"
#include "lua/limits.h"

/* Most entries a list the rules return for one case may hold (the
 * warnings, a severity set's actions): a medication list has tens of
 * entries, a tier tens of actions, and a runaway rule must not flood the
 * output. The bytes of their texts are bounded (nms_limits_output), but
 * not their number: 900,000 actions of empty text made one case's JSON
 * line 21 MB, and its notes as much C memory outside the memory cap. */
#define MAX_RULE_ENTRIES 1000

/* Records that the severity actions of `def` failed with the message on
 * top: the case fails like a broken check. */
static void fail_actions(lua_State *L, struct eval_args *a,
                         const struct nms_set_def *def, int use_fault)
{
    nms_eval_fail_rule(L, a, def->id, "actions", def->actions_file,
                       def->actions_line, use_fault);
}

/* Fails with "actions must return ..." naming entry `i` (0: the list;
 * past MAX_RULE_ENTRIES: the length of a list too long). */
static int bad_actions(lua_State *L, struct eval_args *a,
                       const struct nms_set_def *def, lua_Integer i)
{
    if (i == 0)
        lua_pushfstring(L, "actions must return a list of {text = ..., "
                           "source = ...}, got %s", luaL_typename(L, -1));
    else if (i > MAX_RULE_ENTRIES)
        lua_pushfstring(L, "actions returned %I entries; at most %d", i,
                        MAX_RULE_ENTRIES);
    else
        lua_pushfstring(L, "actions entry %d must have string 'text' and "
                           "'source'", (int)i);
    fail_actions(L, a, def, 0);
    return -1;
}

/* The bytes the string at `idx` takes as a note (NULs widened, with its
 * terminator), counted against the case's output like every rule string. */
static size_t note_bytes(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);

    nms_limits_output(L, len);   /* bounded per string and per case */
    return nms_without_nul_size(s, len);
}

/* Copies string `i` of the table at `strs` to *at (room measured by
 * note_bytes) and returns the copy; *at moves past it. */
static const char *put_note(lua_State *L, int strs, lua_Integer i, char **at)
{
    char *copy = *at;
    size_t len;
    const char *s;

    lua_rawgeti(L, strs, i);
    s = lua_tolstring(L, -1, &len);
    *at = nms_put_without_nul(copy, s, len);
    lua_pop(L, 1);
    return copy;
}

/* Protected (nms_vm_pcall): gathers the strings of the actions list at 1
 * in a table of their own, text and source in turn, and returns it with
 * their bytes as notes (note_bytes); for an entry without string text and
 * source, nil and its index. An entry's fields may come from metamethods,
 * which run here, so that one that raises or loops fails the actions at
 * its own line, as a check's error does, and not the engine with no rule
 * named (error(42) in one lost its message too). */
static int gather_notes(lua_State *L)
{
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, 1);
    size_t bytes = 0;

    lua_createtable(L, n < 65536 ? 2 * (int)n : 0, 0);
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        if (!lua_istable(L, -1) || lua_getfield(L, -1, "text") != LUA_TSTRING ||
            lua_getfield(L, -2, "source") != LUA_TSTRING) {
            lua_pushnil(L);
            lua_pushinteger(L, i);
            return 2;
        }
        bytes += note_bytes(L, -2);
        bytes += note_bytes(L, -1);
        lua_rawseti(L, 2, 2 * i);
        lua_rawseti(L, 2, 2 * i - 1);
        lua_pop(L, 1);
    }
    lua_pushinteger(L, (lua_Integer)bytes);
    return 2;
}

/* Calls actions(case, tier, verdicts, read) of the severity set and keeps
 * the list: the notes array and, in the same allocation after it, their
 * strings (struct nms_note). `read` is false when nobody reads the notes
 * (nms_engine_set_notes(e, 0): CSV, the compact record, the cohort
 * reports): the list is then checked and dropped, and an actions function
 * may return an empty one without working it out (docs/rules.md). The
 * strings are first gathered in a table of their own (gather_notes), so
 * that what is copied is exactly what was checked and measured, whatever
 * metamethods the entries have. */
static int run_actions(lua_State *L, struct eval_args *a, int case_idx,
                       int verdicts_idx, const struct nms_set_def *def,
                       struct nms_set *set)
{
    int top = lua_gettop(L), strs;
    lua_Integer i, n;
    size_t bytes;
    char *at;

    lua_rawgeti(L, LUA_REGISTRYINDEX, def->actions_ref);
    lua_pushvalue(L, case_idx);
    lua_pushstring(L, nms_set_tier(set));
    if (verdicts_idx)
        lua_pushvalue(L, verdicts_idx);
    else
        lua_pushnil(L);
    lua_pushboolean(L, a->mode->notes);
    if (nms_vm_pcall_with(a->vm, 4, 1, a->handler) != LUA_OK) {
        fail_actions(L, a, def, 1);
        return -1;
    }
    if (!lua_istable(L, -1))
        return bad_actions(L, a, def, 0);
    n = (lua_Integer)lua_rawlen(L, -1);
    if (n > MAX_RULE_ENTRIES)
        return bad_actions(L, a, def, n);
    lua_pushcfunction(L, gather_notes);
    lua_insert(L, -2);
    if (nms_vm_pcall(a->vm, 1, 2) != LUA_OK) {
        fail_actions(L, a, def, 1);
        return -1;
    }
    if (lua_isnil(L, -2))
        return bad_actions(L, a, def, lua_tointeger(L, -1));
    bytes = (size_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
    strs = lua_gettop(L);
    set->notes = malloc((size_t)n * sizeof *set->notes + bytes + 1);
    if (!set->notes)
        luaL_error(L, "not enough memory");
    at = (char *)(set->notes + n);
    for (i = 1; i <= n; i++) {
        set->notes[i - 1].text = put_note(L, strs, 2 * i - 1, &at);
        set->notes[i - 1].source = put_note(L, strs, 2 * i, &at);
    }
    set->n_notes = (size_t)n;
    lua_settop(L, top);
    return 0;
}

/* Actions are read at every evidence level, so they are written in full.
 * After quiet checks they get verdicts of their own (a->loud_verdicts), as
 * the working diagnosis severity.lua remembers per verdicts table was
 * assessed quietly and an action may quote its evidence; the decided
 * items asked again read the same table (explain_decided), which then
 * already holds the diagnosis with its text. The case table stays: the
 * per-case memory keeps quiet findings apart from those with text
 * (memo.c, QUIET_FN_TAG) and the helpers' other per-case indexes hold no
 * evidence (lib/vitals.lua keeps its quiet baselines apart), so what the
 * checks built serves the actions too. When nobody reads the notes (CSV,
 * the compact record), the actions still run, as a failing one fails the
 * case, but quietly on the findings already remembered (asking them all
 * again with evidence cost a tenth of a CSV case), told so (`read`
 * false, run_actions), and their notes are dropped. */
int nms_eval_actions(lua_State *L, struct eval_args *a, int case_idx,
                     int verdicts_idx, const struct nms_set_def *def,
                     struct nms_set *set)
{
    int top = lua_gettop(L), status;

    if (a->vm->quiet && !a->mode->notes) {
        status = run_actions(L, a, case_idx, verdicts_idx, def, set);
        if (status == 0) {
            free(set->notes);
            set->notes = NULL;
            set->n_notes = 0;
        }
    } else if (a->vm->quiet) {
        if (verdicts_idx)
            verdicts_idx = a->loud_verdicts;
        a->vm->quiet = 0;
        status = run_actions(L, a, case_idx, verdicts_idx, def, set);
        a->vm->quiet = 1;
    } else {
        status = run_actions(L, a, case_idx, verdicts_idx, def, set);
    }
    if (status == 0)
        lua_settop(L, top);
    return status;
}

/* Fails the case for the ruleset's warnings function (message on top). */
static int fail_warnings(lua_State *L, struct eval_args *a, int use_fault)
{
    nms_eval_fail_rule(L, a, "ruleset", "warnings", a->rs->warnings_file,
                       a->rs->warnings_line, use_fault);
    return -1;
}

/* Copies string field `key` of the table on top into *dst; 0, or -1 when
 * it is not a string (and not optional). */
static int take_field(lua_State *L, const char *key, char **dst, int optional)
{
    int type = lua_getfield(L, -1, key);

    if (type == LUA_TSTRING)
        *dst = nms_eval_copy_string(L, -1);
    lua_pop(L, 1);
    return type == LUA_TSTRING || (optional && type == LUA_TNIL) ? 0 : -1;
}

/* Protected (nms_vm_pcall): copies the warnings list at 2 into the
 * result at 1 (a light userdata), whose array has room for them; returns
 * the index of an entry without string path and message, or 0. Entries'
 * metamethods run here, for the reason gather_notes gives. */
static int copy_warnings(lua_State *L)
{
    struct nms_result *r = lua_touserdata(L, 1);
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, 2);

    for (i = 1; i <= n; i++) {
        struct nms_rule_warning *w = &r->warnings[i - 1];
        r->n_warnings = (size_t)i;
        if (lua_rawgeti(L, 2, i) != LUA_TTABLE ||
            take_field(L, "path", &w->path, 0) != 0 ||
            take_field(L, "message", &w->message, 0) != 0 ||
            take_field(L, "kind", &w->kind, 1) != 0) {
            lua_pushinteger(L, i);
            return 1;
        }
        lua_pop(L, 1);
    }
    lua_pushinteger(L, 0);
    return 1;
}

int nms_eval_warnings(lua_State *L, struct eval_args *a, int case_idx)
{
    struct nms_result *r = a->r;
    int top = lua_gettop(L);
    lua_Integer i, n;

    if (a->rs->warnings_ref == LUA_NOREF)
        return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->rs->warnings_ref);
    lua_pushvalue(L, case_idx);
    if (nms_vm_pcall_with(a->vm, 1, 1, a->handler) != LUA_OK)
        return fail_warnings(L, a, 1);
    if (!lua_istable(L, -1)) {
        lua_pushliteral(L, "warnings must return a list of {path = ..., "
                           "message = ..., kind = ...} tables");
        return fail_warnings(L, a, 0);
    }
    n = (lua_Integer)lua_rawlen(L, -1);
    if (n > MAX_RULE_ENTRIES) {
        lua_pushfstring(L, "warnings returned %I entries; at most %d",
                        n, MAX_RULE_ENTRIES);
        return fail_warnings(L, a, 0);
    }
    r->warnings = calloc((size_t)n + 1, sizeof *r->warnings);
    if (!r->warnings)
        luaL_error(L, "not enough memory");
    lua_pushcfunction(L, copy_warnings);
    lua_pushlightuserdata(L, r);
    lua_rotate(L, -3, 2);               /* copy_warnings, r, list */
    if (nms_vm_pcall(a->vm, 2, 1) != LUA_OK)
        return fail_warnings(L, a, 1);
    if ((i = lua_tointeger(L, -1)) != 0) {
        lua_pushfstring(L, "warnings entry %I must have string 'path' "
                           "and 'message' (and 'kind', if any)", i);
        return fail_warnings(L, a, 0);
    }
    lua_settop(L, top);
    return 0;
}
