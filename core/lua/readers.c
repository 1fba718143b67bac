/*
 * readers.c - nms.sign_reader and nms.fact_reader: the common answers of
 * rules/lib/exam.lua's exam.flag and exam.level and of rules/lib/record.lua's
 * record.flag, given without a Lua call in between.
 *
 * Every criteria set asks these of every case (~90 exam signs, a dozen
 * recorded facts a case), and the usual answer is one a few table reads
 * decide: no exam recorded the sign (a finding kept across cases), or
 * nobody reads the evidence (--evidence none, CSV's checks, the compact
 * record's quiet pass) and the exams recording the sign, or the record's
 * boolean, decide the value (the case's finding without evidence,
 * nms.finding's). In Lua those reads were ~25 VM instructions a call, each
 * under the count hook, plus a call or two (luaprof, --items needed: ~13 %
 * of the VM's instructions in exam.lua alone). Here they are one C call.
 *
 * The medicine stays in Lua: every other call (no exam list, the case's
 * index of exams per field not built yet, evidence wanted, a finding not
 * kept yet, an exam whose value is no boolean, an odd argument) goes to
 * `fallback`, the Lua function the reader stands for, with the same
 * arguments, and gets its answer. What the reader itself answers is what
 * that function would have answered, the same table: the kept findings
 * are the Lua side's own tables (handed in), the bare ones nms.finding's.
 *
 * Safe against rules: case data is read as Lua reads it (lua_gettable: a
 * metatable a rule set on a case table behaves as it did); the tables the
 * helpers keep (their index and their findings) are read raw; the exams
 * recording a field are walked with the budget charged (meter.h); nothing
 * is allocated but what nms.finding would allocate.
 */
#include <lauxlib.h>

#include "lua/finding.h"
#include "lua/kleene.h"
#include "lua/meter.h"
#include "lua/readers.h"
#include "lua/vm.h"

/* The upvalues of a reader, after the strings and the slot every function
 * of nms_kleene_open has (kleene.h), which nms_finding_push_bare reads. */
enum {
    UP_FALLBACK = NMS_UP_SLOT + 1,  /* the Lua function read for the rest */
    UP_KEPT,        /* the findings kept across cases (below) */
    UP_INDEX_OF,    /* sign: exam list -> { field = its exams } (weak) */
    UP_WORDS,       /* sign: field -> its name in words */
    UP_EXAM,        /* sign: the string "exam" */
    UP_JUDGE,       /* sign: the Lua function for a field exams recorded */
    UP_N_SIGN = UP_JUDGE,
    UP_N_FACT = UP_KEPT
};

/* [-?, +1] fn(1, ..., n) for the Lua function at upvalue `up`: its own
 * answer. */
static int call_up(lua_State *L, int up, int n)
{
    lua_settop(L, n);
    lua_pushvalue(L, lua_upvalueindex(up));
    lua_insert(L, 1);
    lua_call(L, n, 1);
    return 1;
}

/* [-0, +1] t[k] of the table at `t` read raw, k at `k`; its type. */
static int raw_at(lua_State *L, int t, int k)
{
    t = lua_absindex(L, t);
    lua_pushvalue(L, k);
    return lua_rawget(L, t);
}

/* [-0, +1] t[k] as Lua reads it (metamethods as Lua would run them). */
static int read_at(lua_State *L, int t, int k)
{
    t = lua_absindex(L, t);
    lua_pushvalue(L, k);
    return lua_gettable(L, t);
}

/*
 * The value exam.lua's flag_value (level: level_value) gives over the
 * exams recording the field, the list at `entries`: 1 true, 0 false, -1
 * for the fallback to decide (a flag's entry whose value is no boolean:
 * unknown, with its texts; an entry that is no table, which nms.by_field
 * never lists).
 */
static int exams_value(lua_State *L, int entries, int field, int present)
{
    struct nms_meter m = {0};
    lua_Integer i;
    int value = 0, t;

    for (i = 1; value != 1 && lua_rawgeti(L, entries, i) != LUA_TNIL; i++) {
        nms_meter_step(L, &m);
        if (!lua_istable(L, -1)) {
            value = -1;
            break;
        }
        t = read_at(L, -1, field);                  /* entry, e[field] */
        if (present) {                  /* present[e[field]] == true */
            read_at(L, present, -1);
            if (lua_type(L, -1) == LUA_TBOOLEAN && lua_toboolean(L, -1))
                value = 1;
            lua_pop(L, 3);
        } else if (t == LUA_TBOOLEAN) {
            if (lua_toboolean(L, -1))
                value = 1;
            lua_pop(L, 2);
        } else {
            value = -1;                 /* unknown, unless a later one is true */
            lua_pop(L, 2);
        }
    }
    if (value != 1)
        lua_pop(L, 1);                  /* the nil, or the entry no table */
    nms_meter_end(L, &m, 0);
    return value;
}

/*
 * exam.flag(case, field, what) (level: exam.level(case, field, present,
 * what)). `n` is the number of arguments, the last `what`.
 */
static int read_sign(lua_State *L, int level)
{
    enum { CASE = 1, FIELD = 2 };
    const int n = level ? 4 : 3, present = level ? 3 : 0, what = n;
    const int exams = n + 1, by = n + 2, entries = n + 3;
    int value;

    lua_settop(L, n);
    if (!lua_istable(L, CASE) || lua_type(L, FIELD) != LUA_TSTRING ||
        (level && !lua_istable(L, present)))
        return call_up(L, UP_FALLBACK, n);
    lua_pushvalue(L, lua_upvalueindex(UP_EXAM));
    if (lua_gettable(L, CASE) != LUA_TTABLE ||                  /* exams */
        raw_at(L, lua_upvalueindex(UP_INDEX_OF), exams) != LUA_TTABLE)
        return call_up(L, UP_FALLBACK, n);                  /* by */
    switch (raw_at(L, by, FIELD)) {                         /* entries */
    case LUA_TNIL:
        break;
    case LUA_TTABLE:
        if (lua_rawgeti(L, entries, 1) != LUA_TNIL)
            break;
        lua_pop(L, 1);
        lua_pushnil(L);
        lua_replace(L, entries);
        break;
    default:
        return call_up(L, UP_FALLBACK, n);
    }
    if (lua_isnil(L, entries)) {
        /* unrecorded(what or WORDS[field], field), when already kept */
        if (raw_at(L, lua_upvalueindex(UP_KEPT), FIELD) != LUA_TTABLE)
            return call_up(L, UP_FALLBACK, n);
        if (lua_toboolean(L, what))
            lua_pushvalue(L, what);
        else
            read_at(L, lua_upvalueindex(UP_WORDS), FIELD);
        if (lua_rawget(L, -2) == LUA_TNIL)
            return call_up(L, UP_FALLBACK, n);
        return 1;
    }
    lua_settop(L, entries + 1);
    if (!nms_vm_of(L)->quiet)
        return call_up(L, UP_JUDGE, n);
    value = exams_value(L, entries, FIELD, present);
    if (value < 0)
        return call_up(L, UP_JUDGE, n);
    return nms_finding_push_bare(L, value);
}

static int l_flag(lua_State *L)
{
    return read_sign(L, 0);
}

static int l_level(lua_State *L)
{
    return read_sign(L, 1);
}

/*
 * @function nms.sign_reader(level, fallback, kept, index_of, words, judge)
 * exam.flag (level false) or exam.level (level true) as a C function:
 * answers from `kept` (field -> words -> the finding of a sign no exam
 * recorded), from `index_of` (the exam list -> { field = the exams
 * recording it, in order }) and `words` (field -> its words, the default
 * `what`) what rules/lib/exam.lua would; when exams recorded the field and
 * it cannot (evidence wanted, an unknown value) calls `judge`, else
 * `fallback`, with the same arguments. For rules/lib/exam.lua only. The
 * tables are read, never written: the Lua side keeps them (and must
 * empty `kept` in place).
 * @usage E.flag = nms.sign_reader(false, flag_read, kept, recording_of, WORDS, flag)
 */
int nms_sign_reader(lua_State *L)
{
    int k;

    luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    luaL_checktype(L, 5, LUA_TTABLE);
    luaL_checktype(L, 6, LUA_TFUNCTION);
    luaL_checkstack(L, UP_N_SIGN, "nms.sign_reader");
    for (k = 1; k <= NMS_UP_SLOT; k++)
        lua_pushvalue(L, lua_upvalueindex(k));
    for (k = 2; k <= 5; k++)
        lua_pushvalue(L, k);
    lua_pushliteral(L, "exam");
    lua_pushvalue(L, 6);
    lua_pushcclosure(L, lua_toboolean(L, 1) ? l_level : l_flag, UP_N_SIGN);
    return 1;
}

/* record.flag(case, section, field, what): which finding of rules/lib/
 * record.lua's, 1 true, 2 false, 3 not recorded. */
static int l_fact(lua_State *L)
{
    enum { CASE = 1, SECTION, FIELD, WHAT, S, V };
    lua_Integer which;

    lua_settop(L, WHAT);
    if (!lua_istable(L, CASE))
        return call_up(L, UP_FALLBACK, WHAT);
    switch (read_at(L, CASE, SECTION)) {                        /* S */
    case LUA_TNIL:
        lua_pushnil(L);                                         /* V */
        break;
    case LUA_TTABLE:
        read_at(L, S, FIELD);
        break;
    default:
        return call_up(L, UP_FALLBACK, WHAT);
    }
    which = 3;
    if (lua_type(L, V) == LUA_TBOOLEAN) {
        if (nms_vm_of(L)->quiet)
            return nms_finding_push_bare(L, lua_toboolean(L, V));
        which = lua_toboolean(L, V) ? 1 : 2;
    }
    /* kept[section][field][what][which] */
    if (raw_at(L, lua_upvalueindex(UP_KEPT), SECTION) != LUA_TTABLE ||
        raw_at(L, -1, FIELD) != LUA_TTABLE || raw_at(L, -1, WHAT) != LUA_TTABLE ||
        lua_rawgeti(L, -1, which) == LUA_TNIL)
        return call_up(L, UP_FALLBACK, WHAT);
    return 1;
}

/*
 * @function nms.fact_reader(fallback, kept)
 * record.flag as a C function: answers what rules/lib/record.lua would
 * from the record's boolean when nobody reads the evidence, or from `kept`
 * (section -> field -> words -> { [1] true, [2] false, [3] not recorded
 * finding }), else calls `fallback` with the same arguments. For
 * rules/lib/record.lua only; `kept` is read, never written (the Lua side
 * must empty it in place).
 * @usage R.flag = nms.fact_reader(flag, kept)
 */
int nms_fact_reader(lua_State *L)
{
    int k;

    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checkstack(L, UP_N_FACT, "nms.fact_reader");
    for (k = 1; k <= NMS_UP_SLOT; k++)
        lua_pushvalue(L, lua_upvalueindex(k));
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, l_fact, UP_N_FACT);
    return 1;
}
