/*
 * memo.c - nms.memo, the per-case memory behind rules/lib/memo.lua.
 *
 * Many criteria sets ask the same helper the same question of one case
 * ("is SBP 25 % above baseline?"); lib/memo.lua makes each answer once per
 * case and argument list. The look-up ran in Lua on every call, under the
 * count hook, through a weak table keyed by the case: ~10 % of an IEC-only
 * case. Here it is one C call, and the memory of the case the engine is
 * evaluating hangs off the engine's own registry slot, replaced when the
 * engine pushes the next case table (nms_memo_begin), so no weak table,
 * and no ephemeron for the collector to settle, is needed for it. Case
 * tables the engine did not push (the rule tests build their own) keep
 * theirs in a weak table keyed by the case, as before.
 *
 * The memory is a tree per function and number of arguments with one
 * level per argument, the finding stored under the last one: tables count
 * by identity, strings, integers, floats and booleans by value. A nil
 * argument and the floats have keys of their own (a light userdata each),
 * since a table key cannot be nil and would not tell 25 from 25.0, which
 * tostring and so the evidence do ("25 %" vs "25.0 %").
 *
 * Safe against rules: every table is made by the VM's allocator (the
 * memory cap), a call walks at most MEMO_ARGS levels (no loop to charge),
 * and `fn` runs as an ordinary Lua call under the count hook.
 */
#include <stdint.h>

#include <lauxlib.h>

#include "lua/memo.h"

/* Arguments after the case (lib/memo.lua says so to its callers). */
#define MEMO_ARGS 6

/* Registry and tree keys: addresses only, never written (a light
 * userdata is a void *, hence the cast through uintptr_t). */
static const char current_case = 0; /* the case table the engine pushed */
static const char current_memo = 0; /* its memory, made at the first call */
static const char others = 0;       /* weak: memory of any other case table */
static const char nil_key = 0;      /* an argument that is nil */
static const char float_key = 0;    /* the subtree of float arguments */

void nms_memo_begin(lua_State *L, int case_idx)
{
    case_idx = lua_absindex(L, case_idx);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &current_memo);
    lua_pushvalue(L, case_idx);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &current_case);
}

void nms_memo_end(lua_State *L)
{
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &current_memo);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &current_case);
}

/* [-0, +1] Pushes t[k] of the table at `t` (k on top, popped), made an
 * empty table when missing. */
static void subtable(lua_State *L, int t)
{
    lua_pushvalue(L, -1);
    if (lua_rawget(L, t) == LUA_TTABLE) {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    /* Room for the key about to be set: a node made with the table, not
     * by a rehash at the first insertion (most levels hold one key). */
    lua_createtable(L, 0, 1);
    lua_insert(L, -2);      /* new, k */
    lua_pushvalue(L, -2);   /* new, k, new */
    lua_rawset(L, t);
}

/* [-0, +1] Pushes the memory of the case at index 2. */
static void push_memory(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &current_case);
    if (lua_rawequal(L, -1, 2)) {
        lua_pop(L, 1);
        if (lua_rawgetp(L, LUA_REGISTRYINDEX, &current_memo) == LUA_TTABLE)
            return;
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &current_memo);
        return;
    }
    lua_pop(L, 1);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &others) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &others);
    }
    lua_pushvalue(L, 2);
    subtable(L, lua_gettop(L) - 1);
    lua_remove(L, -2);
}

/* [-0, +2] Pushes the table and the key under which argument `arg` is
 * found in the node at `node`. */
static void push_slot(lua_State *L, int node, int arg)
{
    if (lua_isnil(L, arg)) {
        lua_pushvalue(L, node);
        lua_pushlightuserdata(L, (void *)(uintptr_t)&nil_key);
        return;
    }
    if (lua_type(L, arg) == LUA_TNUMBER && !lua_isinteger(L, arg)) {
        lua_Number x = lua_tonumber(L, arg);
        if (x != x)     /* as a Lua table index would, naming the caller */
            luaL_error(L, "table index is NaN");
        lua_pushlightuserdata(L, (void *)(uintptr_t)&float_key);
        subtable(L, node);
    } else {
        lua_pushvalue(L, node);
    }
    lua_pushvalue(L, arg);
}

/* [-?, +1] fn(case, a1, ..., a6) for fn at 1, the case at 2 and at most
 * MEMO_ARGS arguments after it, remembered per case and arguments. */
static int remembered(lua_State *L)
{
    int n = lua_gettop(L) - 2, i, node;

    lua_settop(L, 2 + MEMO_ARGS);
    luaL_checkstack(L, 2 * MEMO_ARGS + 8, "nms.memo");
    while (n > 0 && lua_isnil(L, 2 + n))
        n--;
    push_memory(L);                 /* memory */
    lua_pushvalue(L, 1);
    subtable(L, lua_gettop(L) - 1); /* memory, roots */
    lua_pushinteger(L, n);
    subtable(L, lua_gettop(L) - 1); /* memory, roots, node */
    node = lua_gettop(L);
    if (n == 0) {
        lua_pushvalue(L, node);
        lua_pushvalue(L, 2);        /* the finding sits under the case */
    } else {
        for (i = 1; i < n; i++) {
            push_slot(L, node, 2 + i);
            subtable(L, lua_gettop(L) - 1);
            lua_replace(L, node);
            lua_pop(L, 1);
        }
        push_slot(L, node, 2 + n);
    }
    /* table, key: the finding, or nil the first time */
    lua_pushvalue(L, -1);
    if (lua_rawget(L, -3) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    lua_pushvalue(L, 1);
    for (i = 2; i <= 2 + MEMO_ARGS; i++)
        lua_pushvalue(L, i);
    lua_call(L, 1 + MEMO_ARGS, 1);
    lua_pushvalue(L, -2);           /* table, key, hit, key */
    lua_pushvalue(L, -2);
    lua_rawset(L, -5);
    return 1;
}

/*
 * @function nms.memo(fn, case, a1, ..., a6)
 * fn(case, a1, ..., a6), remembered per case and arguments: for
 * rules/lib/memo.lua, not for rule files. Trailing nil arguments count as
 * absent.
 * @usage return nms.memo(fn, case, field, 25)
 */
int nms_memo_call(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_gettop(L) - 2 > MEMO_ARGS)
        return luaL_error(L, "nms.memo: at most %d arguments after the case",
                          MEMO_ARGS);
    return remembered(L);
}

/* The function nms.memoize made: upvalue 1 is fn. */
static int l_memoized(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    /* As the Lua wrapper checked `(...) ~= nil`: the first argument past
     * the six must be absent or nil, and what follows it is ignored. */
    if (!lua_isnoneornil(L, 2 + MEMO_ARGS))
        return luaL_error(L, "memo.wrap: at most six arguments after the case");
    lua_settop(L, 1 + MEMO_ARGS);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    return remembered(L);
}

/*
 * @function nms.memoize(fn)
 * A function f(case, a1, ..., a6) that is nms.memo(fn, case, a1, ..., a6)
 * without a Lua call in between: for rules/lib/memo.lua (memo.wrap), whose
 * wrapper it is, not for rule files.
 * @usage V.above_baseline = nms.memoize(V.above_baseline)
 */
int nms_memo_memoize(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushcclosure(L, l_memoized, 1);
    return 1;
}
