/*
 * eval.c - running a ruleset's criteria sets on one case.
 *
 * Rules only judge items; the engine does the arithmetic, the same way for
 * every criteria set: each item's check returns true, false or nil
 * (unknown) with its evidence, then
 *     score    = points of the true items
 *     possible = score + points of the unknown items
 *     met            when score >= threshold
 *     not_met        when possible < threshold (unknowns cannot change it)
 *     indeterminate  otherwise, naming the data that would decide it.
 * A check that raises, breaks a limit or returns something malformed fails
 * the whole case with the rule's id, file and line; the process and the
 * other cases carry on.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "engine_int.h"

struct eval_args {
    struct nms_vm *vm;
    const struct nms_case *c;
    struct nms_result *r;
};

/* Copies the string at `idx` into a new allocation; raises on no memory
 * (the destination is always anchored in the result, so nothing leaks). */
static char *copy_string(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    char *copy = nms_strndup(s, len);

    if (!copy)
        luaL_error(L, "not enough memory");
    return copy;
}

static char *copy_cstring(lua_State *L, const char *s)
{
    char *copy = s ? nms_strndup(s, strlen(s)) : NULL;

    if (s && !copy)
        luaL_error(L, "not enough memory");
    return copy;
}

/* Records that item `def` of set `set` failed with the message on top. */
static void fail_rule(lua_State *L, struct eval_args *a,
                      const struct nms_set_def *set,
                      const struct nms_item_def *def, int use_fault)
{
    struct nms_rule_error *err = calloc(1, sizeof *err);

    if (!err)
        luaL_error(L, "not enough memory");
    a->r->error = err;
    err->rule = copy_cstring(L, lua_pushfstring(L, "%s.%s", set->id, def->id));
    lua_pop(L, 1);
    if (use_fault && a->vm->fault.file[0]) {
        err->file = copy_cstring(L, a->vm->fault.file);
        err->line = a->vm->fault.line;
    } else {
        err->file = copy_cstring(L, def->file);
        err->line = def->line;
    }
    err->message = copy_string(L, -1);
}

/* Runs one item's check on the case at `case_idx` and fills *out.
 * Returns 0, or -1 when the rule failed (recorded in the result). */
static int run_item(lua_State *L, struct eval_args *a, int case_idx,
                    const struct nms_set_def *set, size_t i,
                    struct nms_item *out)
{
    const struct nms_item_def *def = &set->items[i];
    int top = lua_gettop(L);
    int type;

    lua_rawgeti(L, LUA_REGISTRYINDEX, def->check_ref);
    lua_pushvalue(L, case_idx);
    if (nms_vm_pcall(a->vm, 1, 3) != LUA_OK) {
        fail_rule(L, a, set, def, 1);
        return -1;
    }
    type = lua_type(L, top + 1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN) {
        lua_pushfstring(L, "check must return true, false or nil first, "
                           "got %s", lua_typename(L, type));
        fail_rule(L, a, set, def, 0);
        return -1;
    }
    if (lua_type(L, top + 2) != LUA_TSTRING) {
        lua_pushfstring(L, "check must return its evidence as a string "
                           "second, got %s", luaL_typename(L, top + 2));
        fail_rule(L, a, set, def, 0);
        return -1;
    }
    out->value = type == LUA_TNIL ? NMS_TRI_UNKNOWN
                 : lua_toboolean(L, top + 1) ? NMS_TRI_TRUE : NMS_TRI_FALSE;
    out->evidence = copy_string(L, top + 2);
    if (out->value == NMS_TRI_UNKNOWN)
        out->missing = lua_type(L, top + 3) == LUA_TSTRING
                           ? copy_string(L, top + 3)
                           : copy_cstring(L, def->needs);
    lua_settop(L, top);
    return 0;
}

static void aggregate(struct nms_criteria *crit)
{
    size_t i;

    crit->score = crit->possible = 0;
    for (i = 0; i < crit->n_items; i++) {
        if (crit->items[i].value == NMS_TRI_TRUE)
            crit->score += crit->items[i].points;
        if (crit->items[i].value != NMS_TRI_FALSE)
            crit->possible += crit->items[i].points;
    }
    if (crit->score >= crit->threshold)
        crit->result = NMS_VERDICT_MET;
    else if (crit->possible < crit->threshold)
        crit->result = NMS_VERDICT_NOT_MET;
    else
        crit->result = NMS_VERDICT_INDETERMINATE;
}

/* Evaluates set `set` into `crit`; returns 0 or -1 if a rule failed. */
static int run_set(lua_State *L, struct eval_args *a, int case_idx,
                   const struct nms_set_def *set, struct nms_criteria *crit)
{
    size_t i;

    crit->id = copy_cstring(L, set->id);
    crit->title = copy_cstring(L, set->title);
    crit->version = copy_cstring(L, set->version);
    crit->citation = copy_cstring(L, set->citation);
    crit->threshold = set->threshold;
    crit->items = calloc(set->n_items, sizeof *crit->items);
    if (!crit->items)
        luaL_error(L, "not enough memory");
    for (i = 0; i < set->n_items; i++) {
        struct nms_item *item = &crit->items[i];
        crit->n_items = i + 1;
        item->id = copy_cstring(L, set->items[i].id);
        item->title = copy_cstring(L, set->items[i].title);
        item->definition = copy_cstring(L, set->items[i].definition);
        item->points = set->items[i].points;
        if (run_item(L, a, case_idx, set, i, item) != 0)
            return -1;
    }
    aggregate(crit);
    return 0;
}

/* Protected body of nms_eval_case: every allocation is anchored in the
 * result before the next call that can raise. */
static int eval_protected(lua_State *L)
{
    struct eval_args *a = lua_touserdata(L, 1);
    struct nms_vm *vm = a->vm;
    int case_idx;
    size_t i;

    nms_lua_push_case(L, a->c);
    case_idx = lua_gettop(L);
    a->r->criteria = calloc(vm->n_sets, sizeof *a->r->criteria);
    if (!a->r->criteria)
        return luaL_error(L, "not enough memory");
    for (i = 0; i < vm->n_sets; i++) {
        a->r->n_criteria = i + 1;
        if (run_set(L, a, case_idx, &vm->sets[i], &a->r->criteria[i]) != 0)
            break;
    }
    return 0;
}

/* Drops partial criteria of a failed case: an error record has none. */
static void drop_criteria(struct nms_result *r)
{
    struct nms_rule_error *err = r->error;

    r->error = NULL;
    nms_result_clear(r);
    r->error = err;
}

enum nms_status nms_eval_case(struct nms_vm *vm, const struct nms_limits *lim,
                              const struct nms_case *c, struct nms_result *r)
{
    struct eval_args args = {vm, c, r};
    lua_State *L = vm->L;
    int status;

    nms_vm_limits_begin(vm, lim);
    lua_pushcfunction(L, eval_protected);
    lua_pushlightuserdata(L, &args);
    status = nms_vm_pcall(vm, 1, 0);
    nms_vm_limits_end(vm);
    if (status != LUA_OK && !r->error) {
        /* The engine itself ran out of room (e.g. a huge case against the
         * memory cap): still a failure of this case only. */
        r->error = calloc(1, sizeof *r->error);
        if (r->error) {
            r->error->rule = nms_strndup("engine", 6);
            r->error->message = nms_strndup(lua_tostring(L, -1),
                                            lua_rawlen(L, -1));
        }
    }
    lua_settop(L, 0);
    if (r->error)
        drop_criteria(r);
    return r->error && !r->error->message ? NMS_ENOMEM : NMS_OK;
}
