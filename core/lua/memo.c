/*
 * memo.c - nms.memo, the per-case memory behind rules/lib/memo.lua.
 *
 * Many criteria sets ask the same helper the same question of one case
 * ("is SBP 25 % above baseline?"); lib/memo.lua makes each answer once per
 * case and argument list. The look-up ran in Lua on every call, under the
 * count hook, through a weak table keyed by the case: ~10 % of an IEC-only
 * case. Here it is one C call, and the memory of the case the engine is
 * evaluating hangs off a slot table of the engine's (in the registry, and
 * an upvalue of every memoized function), replaced when the engine
 * pushes the next case table (nms_memo_begin), so no weak table,
 * and no ephemeron for the collector to settle, is needed for it. Case
 * tables the engine did not push (the rule tests build their own) keep
 * theirs in a weak table keyed by the case, as before.
 *
 * The memory is one table per case. Each call is named by a key that
 * spells the function and the arguments (see remembered); for the case
 * the engine evaluates, the VM's index (memo_index.c) finds the key's
 * entry in the memory, an integer key; for any other case table the key,
 * pushed as a string, is the memory's key itself. In a key,
 * tables count by identity, strings, integers, floats and booleans by
 * value; 25 and 25.0 are apart, as tostring and so the evidence tell
 * them apart ("25 %" vs "25.0 %"); a nil argument is one of its own.
 *
 * Safe against rules: every key and table is made by the VM's allocator
 * (the memory cap), a call looks at most MEMO_ARGS arguments (no loop to
 * charge; a long string argument's bytes are charged as text), and `fn`
 * runs as an ordinary Lua call under the count hook.
 */
#include <string.h>

#include <lauxlib.h>

#include "lua/memo.h"
#include "lua/memo_index.h"
#include "lua/meter.h"
#include "lua/vm.h"

/* Arguments after the case (lib/memo.lua says so to its callers). */
#define MEMO_ARGS 6

/* The most entries a case's memory is made with room for: a ruleset
 * asking far more grows it as Lua grows any table. */
#define MEMO_MAX_HINT 4096

/* Registry keys: addresses only, never written. */
static const char slot_key = 0;     /* the slot (below) */
static const char others = 0;       /* weak: memory of any other case table */

/* The slot: a table { [1] = the case table the engine pushed, [2] = its
 * memory, made at the first call, [3..5] its findings without evidence
 * (memo.h) }. Every function nms.memoize makes holds it as an upvalue, so
 * a call reaches the memory by two array reads, not two look-ups in the
 * registry's hash (~250 instructions a call). */
void nms_memo_push_slot(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &slot_key) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    lua_createtable(L, NMS_SLOT_N, 0);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &slot_key);
}

/* [-0, +0] Empties the slot: a new case (or none) and nothing of the last
 * one's, its memory and its findings let go. */
static void clear_slot(lua_State *L, int case_idx)
{
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    int k;

    struct nms_memo_index *x = &nms_vm_of(L)->memo_index;

    nms_memo_index_clear(x, f, ud);
    x->case_at = case_idx ? lua_topointer(L, case_idx) : NULL;
    nms_memo_push_slot(L);
    for (k = NMS_SLOT_MEMORY; k <= NMS_SLOT_N; k++) {
        lua_pushnil(L);
        lua_rawseti(L, -2, k);
    }
    if (case_idx)
        lua_pushvalue(L, case_idx);
    else
        lua_pushnil(L);
    lua_rawseti(L, -2, NMS_SLOT_CASE);
    lua_pop(L, 1);
}

/* The memory of the case before is let go: its size goes into the hint
 * the next one is made with. A case stores its answers one by one, and a
 * table grown one key at a time is rehashed at every power of two (~300
 * entries a full case: nine rehashes, ~1 % of its instructions); made
 * with room for what the cases before it stored, it is rehashed rarely.
 * The hint decays by an eighth a case, so a case that stores few (a
 * record with little data, a case table the REPL or a tool pushes)
 * neither shrinks it at once nor keeps it large for ever. (The decisive,
 * action and warning passes of a case add to its memory: they run on the
 * same case table, eval.c.) */
static void fold_hint(lua_State *L)
{
    struct nms_vm *vm = nms_vm_of(L);
    size_t decayed = vm->memo_hint - vm->memo_hint / 8;

    vm->memo_hint = vm->memo_entries > decayed ? vm->memo_entries : decayed;
    if (vm->memo_hint > MEMO_MAX_HINT)
        vm->memo_hint = MEMO_MAX_HINT;
    vm->memo_entries = 0;
}

void nms_memo_begin(lua_State *L, int case_idx)
{
    fold_hint(L);
    clear_slot(L, lua_absindex(L, case_idx));
}

void nms_memo_end(lua_State *L)
{
    fold_hint(L);
    clear_slot(L, 0);
}

/* [-0, +1] Pushes the memory of the case at index `base`; the slot is
 * at index `slot`. Returns 1 for the case the engine evaluates, whose
 * answers are found through the VM's index (memo_index.h) and kept at
 * integer keys of its memory; 0 for any other case table, whose memory
 * is keyed by the calls' keys as strings. */
static int push_memory(lua_State *L, int slot, int base)
{
    struct nms_vm *vm = nms_vm_of(L);
    lua_Alloc f;
    void *ud;

    /* The slot holds the engine's case, so its address is no other
     * table's while it is there: one comparison, not the slot's entry
     * read and compared (~100 instructions a call). */
    if (vm->memo_index.case_at != NULL &&
        lua_topointer(L, base) == vm->memo_index.case_at) {
        if (lua_rawgeti(L, slot, NMS_SLOT_MEMORY) == LUA_TTABLE)
            return 1;
        lua_pop(L, 1);
        f = lua_getallocf(L, &ud);
        nms_memo_index_clear(&vm->memo_index, f, ud);
        /* Answers and keepers go at 1, 2, ...: an array part with room
         * for half as many again as the hint, so a case storing a little
         * more than those before it does not grow (reallocate) it. */
        lua_createtable(L, (int)(vm->memo_hint + vm->memo_hint / 2), 0);
        lua_pushvalue(L, -1);
        lua_rawseti(L, slot, NMS_SLOT_MEMORY);
        return 1;
    }
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
    lua_pushvalue(L, base);
    if (lua_rawget(L, -2) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, base);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
    }
    lua_remove(L, -2);
    return 0;
}

/* Writes the key bytes of the value at `i` at `out` when they fit in
 * `room` bytes (a tag byte, then what tells it apart from every other
 * value of its kind), and returns how many they are, fitting or not, so
 * that one pass both measures and writes. Sets *kept when the key names
 * an object the collector may free (and whose address may then be
 * reused): the memory must then keep it alive. */
static size_t put_arg(lua_State *L, char *out, size_t room, int i, int *kept)
{
    const void *p;
    lua_Number x;
    lua_Integer k;
    size_t len;
    const char *s;
    int type = lua_type(L, i);

    switch (type) {
    case LUA_TNIL:
    case LUA_TNONE:
        if (room >= 1)
            *out = 'n';
        return 1;
    case LUA_TBOOLEAN:
        if (room >= 1)
            *out = lua_toboolean(L, i) ? 't' : 'f';
        return 1;
    case LUA_TNUMBER:
        if (lua_isinteger(L, i)) {
            k = lua_tointeger(L, i);
            if (room >= 1 + sizeof k) {
                *out = 'i';
                memcpy(out + 1, &k, sizeof k);
            }
            return 1 + sizeof k;
        }
        x = lua_tonumber(L, i);
        if (x != x)     /* as a Lua table index would, naming the caller */
            luaL_error(L, "table index is NaN");
        if (x == 0)
            x = 0;      /* -0.0 and 0.0 are one table key */
        if (room >= 1 + sizeof x) {
            *out = 'd';
            memcpy(out + 1, &x, sizeof x);
        }
        return 1 + sizeof x;
    case LUA_TSTRING:
        s = lua_tolstring(L, i, &len);
        if (room >= 1 + sizeof len && room - 1 - sizeof len >= len) {
            *out = 's';
            memcpy(out + 1, &len, sizeof len);
            memcpy(out + 1 + sizeof len, s, len);
        }
        return 1 + sizeof len + len;
    default:            /* by identity, as a table key counts them */
        p = lua_topointer(L, i);
        if (room >= 1 + sizeof p) {
            *out = 'p';
            memcpy(out + 1, &p, sizeof p);
        }
        *kept = type != LUA_TLIGHTUSERDATA;   /* a light one is its own value */
        return 1 + sizeof p;
    }
}

/* The call being remembered: fn at index `fn` (a stack slot or an
 * upvalue), the case at `base` and its MEMO_ARGS arguments after it, the
 * last given at base + n; `plain` when fn's answer holds no evidence text
 * (nms.memoize(fn, true)), so that one answer serves both modes. */
struct memo_call {
    int fn, base, n;
    int plain;
};

/* The index of value i of call c: 0 is fn, 1..n the arguments. */
static int value_at(const struct memo_call *c, int i)
{
    return i == 0 ? c->fn : c->base + i;
}

/* The tag of fn's key byte when the VM is quiet (nobody reads the
 * evidence): put_arg tags every function 'p', so a key made quietly is
 * never a key made with evidence wanted. A finding remembered quietly has
 * "" for its evidence; handed to a call that wants evidence (the decisive
 * pass asks the decided items again on the same case table, eval.c), it
 * would print "" for the text the item shows. Both kinds live side by side
 * in the case's memory, each answering calls of its own mode. A plain
 * function's answers (struct memo_call) have no text: one key for both,
 * tagged apart from either (a plain and a moded wrapper of one fn never
 * share an answer). */
#define QUIET_FN_TAG 'q'
#define PLAIN_FN_TAG 'b'

/* Writes the key of fn and of the arguments after the case at `out`, as
 * far as `room` bytes hold; returns its length, whether all of it fitted
 * or not. Sets bit i of *keep for each value i (value_at) that the memory
 * must keep alive (put_arg). The key names the evidence mode too
 * (QUIET_FN_TAG). */
static size_t put_key(lua_State *L, char *out, size_t room,
                      const struct memo_call *c, unsigned *keep)
{
    size_t at = 0;
    int i, kept;

    *keep = 0;
    for (i = 0; i <= c->n; i++) {
        kept = 0;
        at += put_arg(L, out + (at < room ? at : room),
                      at < room ? room - at : 0, value_at(c, i), &kept);
        if (kept)
            *keep |= 1u << i;
    }
    if (room >= 1 && (c->plain || nms_vm_of(L)->quiet))   /* fn's tag */
        out[0] = c->plain ? PLAIN_FN_TAG : QUIET_FN_TAG;
    return at;
}

/* [-0, +1] Calls fn(case, a1, ..., a6) of call c: the arguments as given,
 * with nils past the last (fn sees the same arguments either way). */
static void call_fn(lua_State *L, const struct memo_call *c)
{
    int i;

    lua_pushvalue(L, c->fn);
    for (i = 0; i <= MEMO_ARGS; i++)
        lua_pushvalue(L, c->base + i);
    lua_call(L, 1 + MEMO_ARGS, 1);
}

/* A key this long or shorter is written on the C stack (and for the
 * engine's case looked up in the index, else pushed as one string); a
 * longer one (a long string argument) in a buffer of the VM, as a
 * string. */
#define KEY_ON_STACK 256

/* Keys compared in one search of the index past which the search is
 * charged to the budget: ~1.5 in a half-full table, so only keys made to
 * collide get there, and then no loop of calls runs past the budget. */
#define PROBES_FREE 8

/* [-?, +1] remembered for the case the engine evaluates: the key (`bytes`
 * at `key`) found in the VM's index, or fn called and its answer kept at
 * the memory's next integer key (the memory is at `memory`). */
static int remembered_indexed(lua_State *L, int memory, const char *key,
                              size_t bytes, const struct memo_call *c,
                              unsigned keep)
{
    struct nms_vm *vm = nms_vm_of(L);
    struct nms_memo_index *x = &vm->memo_index;
    uint64_t hash = nms_memo_hash(key, bytes);
    size_t probes, stored = 1;
    lua_Integer at = nms_memo_index_find(x, key, bytes, hash, &probes);
    lua_Alloc f;
    void *ud;
    int i;

    if (probes > PROBES_FREE)
        nms_limits_charge(L, (double)probes);
    if (at != 0) {
        lua_rawgeti(L, memory, at);
        return 1;
    }
    call_fn(L, c);                  /* memory, hit */
    /* A nil answer is not kept, as a table keeps no nil: asked again, it
     * is worked out again (as before the index). */
    if (lua_isnil(L, -1))
        return 1;
    for (i = 0; i <= c->n; i++)
        if (keep & (1u << i)) {
            lua_pushvalue(L, value_at(c, i));
            lua_rawseti(L, memory, ++x->slots);
            stored++;
        }
    lua_pushvalue(L, -1);
    lua_rawseti(L, memory, ++x->slots);
    /* Refused room (the memory cap) only means the answer is worked out
     * again when asked again: the same answer, as fn depends on its
     * arguments alone. */
    f = lua_getallocf(L, &ud);
    (void)nms_memo_index_add(x, f, ud, key, bytes, hash, x->slots);
    vm->memo_entries += stored;
    return 1;
}

/* [-?, +1] fn(case, a1, ..., a6) for fn at 1, the case at 2 and at most
 * MEMO_ARGS arguments after it, remembered per case and arguments.
 *
 * The memory is one table per case; the key of a call is a string that
 * spells fn and the arguments (kind and value, tables and functions by
 * address), so a call makes one string and one look-up, and a first call
 * one entry. The key is written on the C stack and pushed at once (a
 * luaL_Buffer cost ~500 instructions a call more). (A tree with a level per argument made a table per level at
 * every first call, and an IEC-only case makes only first calls: ~5,000
 * instructions of bookkeeping each, 4 % of the case.) An object named by
 * its address is kept in the memory as a key of its own, so that the
 * address cannot be reused by another object while the key is there. */
static int remembered(lua_State *L, int slot, int fn, int base, int plain)
{
    struct memo_call c;
    int i, memory, indexed;
    size_t stored = 1;              /* the answer's entry, and keepers */
    struct nms_meter meter = {0};
    size_t bytes = 0;
    unsigned keep;
    char small[KEY_ON_STACK], *key;
    luaL_Buffer big;

    c.fn = fn;
    c.base = base;
    c.plain = plain;
    c.n = lua_gettop(L) - base;     /* what follows the six is ignored */
    if (c.n > MEMO_ARGS)
        c.n = MEMO_ARGS;
    lua_settop(L, base + MEMO_ARGS);
    luaL_checkstack(L, MEMO_ARGS + 8, "nms.memo");
    while (c.n > 0 && lua_isnil(L, base + c.n))
        c.n--;
    if (slot == 0) {
        nms_memo_push_slot(L);
        slot = lua_gettop(L);
    }
    indexed = push_memory(L, slot, base); /* memory */
    memory = lua_gettop(L);
    bytes = put_key(L, small, sizeof small, &c, &keep);
    key = small;
    if (bytes > sizeof small) {     /* written again, whole, in the VM */
        key = luaL_buffinitsize(L, &big, bytes);
        put_key(L, key, bytes, &c, &keep);
    }
    if (indexed && key == small) {
        if (bytes > 64)
            nms_meter_end(L, &meter, bytes);
        return remembered_indexed(L, memory, small, bytes, &c, keep);
    }
    if (key == small)
        lua_pushlstring(L, small, bytes);   /* memory, key */
    else
        luaL_pushresultsize(&big, bytes);
    /* A long string argument is copied into the key and hashed: charged
     * as text built in C, so no loop of calls runs past the budget. */
    if (bytes > 64)
        nms_meter_end(L, &meter, bytes);
    lua_pushvalue(L, -1);
    if (lua_rawget(L, memory) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    call_fn(L, &c);                 /* memory, key, hit */
    for (i = 0; i <= c.n; i++)
        if (keep & (1u << i)) {
            lua_pushvalue(L, value_at(&c, i));
            lua_pushboolean(L, 1);
            lua_rawset(L, memory);
            stored++;
        }
    lua_pushvalue(L, -2);
    lua_pushvalue(L, -2);
    lua_rawset(L, memory);
    nms_vm_of(L)->memo_entries += stored;
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
    return remembered(L, 0, 1, 2, 0);
}

/* The functions nms.memoize makes: upvalue 1 is fn, upvalue 2 the slot;
 * `plain` as struct memo_call says, fixed by which of the two below the
 * closure is (no upvalue read on every call). */
static int memoized(lua_State *L, int plain)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    /* As the Lua wrapper checked `(...) ~= nil`: the first argument past
     * the six must be absent or nil, and what follows it is ignored. */
    if (!lua_isnoneornil(L, 2 + MEMO_ARGS))
        return luaL_error(L, "memo.wrap: at most six arguments after the case");
    /* fn is read where it is, the upvalue, not moved under the case */
    return remembered(L, lua_upvalueindex(2), lua_upvalueindex(1), 1, plain);
}

static int l_memoized(lua_State *L)
{
    return memoized(L, 0);
}

static int l_memoized_plain(lua_State *L)
{
    return memoized(L, 1);
}

/*
 * @function nms.memoize(fn [, plain])
 * A function f(case, a1, ..., a6) that is nms.memo(fn, case, a1, ..., a6)
 * without a Lua call in between: for rules/lib/memo.lua (memo.wrap,
 * memo.wrap_plain), whose wrapper it is, not for rule files. With `plain`
 * true, fn's answers hold no evidence text: one answer is remembered for
 * calls made with and without evidence wanted (else each mode has its
 * own, QUIET_FN_TAG).
 * @usage V.above_baseline = nms.memoize(V.above_baseline)
 */
int nms_memo_memoize(lua_State *L)
{
    int plain = lua_toboolean(L, 2);

    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    nms_memo_push_slot(L);
    lua_pushcclosure(L, plain ? l_memoized_plain : l_memoized, 2);
    return 1;
}
