/*
 * series.c - the mechanics of rules/lib/vitals.lua and lib/exam.lua in C:
 * a case's readings of one field (nms.with_field), the largest change of
 * a field between readings at most some hours apart (nms.largest_change,
 * the sliding window), the reading furthest from a baseline
 * (nms.extreme), the earliest before a time (nms.earliest), the first
 * beyond a threshold (nms.first_beyond), and the entries of a list by
 * the fields they record (nms.by_field, the exam index).
 *
 * These were ~45 % of an IEC-only case's Lua time (luaprof, session 17):
 * loops of table reads and comparisons, each a VM instruction (and, in a
 * case run under the count hook, a hook call). The medicine stays in Lua: which readings count, the
 * thresholds, the windows, every evidence sentence; here are only the
 * walks, with the Lua versions' answers exactly (the same entries chosen,
 * ties and NaN included: numbers compared as Lua compares them, an
 * integer and a float exactly; a difference an integer when Lua's is).
 *
 * Safe against rules: lists and entries are read raw (no metamethod
 * runs, and no rule code at all); every element walked is charged to the
 * budget (meter.h); the window's scratch for a long series is a VM
 * userdata (the memory cap); errors name the caller's line.
 */
#include <lauxlib.h>

#include "lua/meter.h"
#include "lua/series.h"

/* ------------------------------------------------------------------------
 * Numbers as Lua compares and subtracts them
 * --------------------------------------------------------------------- */

/* A Lua number, integer or float, as read from a reading. */
struct num {
    lua_Integer i;
    lua_Number f;
    int isint;
};

/* [-0, +0] Reads the number at `idx` into *n; 0 when it is no number. */
static int read_num(lua_State *L, int idx, struct num *n)
{
    if (lua_type(L, idx) != LUA_TNUMBER)
        return 0;
    n->isint = lua_isinteger(L, idx);
    n->i = n->isint ? lua_tointeger(L, idx) : 0;
    n->f = lua_tonumber(L, idx);        /* an integer as Lua converts it */
    return 1;
}

/* An integer a double holds exactly (Lua's l_intfitsf for 53 bits): such
 * an integer compares with a float as the double it converts to. */
static int fits_double(const struct num *n)
{
    const lua_Unsigned limit = (lua_Unsigned)1 << 53;

    return !n->isint || (lua_Unsigned)n->i + limit <= 2 * limit;
}

/* [-0, +0] a < b (op LUA_OPLT) or a <= b (LUA_OPLE), as Lua has it. Only
 * an integer beyond 2^53 against a float goes through the VM. */
static int num_compare(lua_State *L, const struct num *a, const struct num *b,
                       int op)
{
    int r;

    if (a->isint && b->isint)
        return op == LUA_OPLT ? a->i < b->i : a->i <= b->i;
    if (fits_double(a) && fits_double(b))
        return op == LUA_OPLT ? a->f < b->f : a->f <= b->f;
    if (a->isint) lua_pushinteger(L, a->i); else lua_pushnumber(L, a->f);
    if (b->isint) lua_pushinteger(L, b->i); else lua_pushnumber(L, b->f);
    r = lua_compare(L, -2, -1, op);
    lua_pop(L, 2);
    return r;
}

/* a - b as Lua subtracts: integers wrap, anything else is a float. */
static struct num num_sub(const struct num *a, const struct num *b)
{
    struct num d;

    d.isint = a->isint && b->isint;
    d.i = d.isint ? (lua_Integer)((lua_Unsigned)a->i - (lua_Unsigned)b->i) : 0;
    d.f = d.isint ? (lua_Number)d.i : a->f - b->f;
    return d;
}

/* [-0, +1] Pushes n as the integer or float it is. */
static void push_num(lua_State *L, const struct num *n)
{
    if (n->isint)
        lua_pushinteger(L, n->i);
    else
        lua_pushnumber(L, n->f);
}

/* ------------------------------------------------------------------------
 * Reading entries
 * --------------------------------------------------------------------- */

/* The value on top is a table, or the caller is told which entry is not. */
static void check_entry(lua_State *L, const char *fn, lua_Integer i)
{
    if (!lua_istable(L, -1))
        luaL_error(L, "nms.%s: entry %I is a %s, not a table", fn, i,
                   luaL_typename(L, -1));
}

/* [-0, +0] Reads the value on top, entry i's under the key at `key`,
 * into *n; the caller's error when it is no number (a reading's value or
 * time is a number in every case record). */
static void value_num(lua_State *L, int key, const char *fn, lua_Integer i,
                      struct num *n)
{
    if (!read_num(L, -1, n)) {
        lua_pushvalue(L, key);
        luaL_error(L, "nms.%s: the %s of entry %I is a %s, not a number", fn,
                   lua_isstring(L, -1) ? lua_tostring(L, -1) : "key", i,
                   luaL_typename(L, -2));
    }
}

/* [-0, +0] Reads the number under the key at `key` of the entry at
 * `entry` (both absolute) into *n, as value_num. */
static void entry_num(lua_State *L, int entry, int key, const char *fn,
                      lua_Integer i, struct num *n)
{
    lua_pushvalue(L, key);
    lua_rawget(L, entry);
    value_num(L, key, fn, i, n);
    lua_pop(L, 1);
}

/* [-0, +1] Pushes the key "t", interned once (the functions' upvalue). */
static void push_t(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
}

/*
 * @function nms.with_field(list, field)
 * The entries of `list` (to the first nil) whose `field` is not nil, in
 * order: `list` itself when every entry has it (read it, never modify
 * it), else a new list. For rules/lib/vitals.lua (vitals.readings). The
 * list and its entries, which must be tables, are read raw.
 * @usage local rs = nms.with_field(time.upto(case, case.vitals), "sbp")
 */
int nms_series_with_field(lua_State *L)
{
    enum { LIST = 1, FIELD, OUT };
    struct nms_meter m = {0};
    lua_Integer i, n = 0;
    int out = 0;

    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checkany(L, FIELD);
    lua_settop(L, FIELD);
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {
        check_entry(L, "with_field", i);
        lua_pushvalue(L, FIELD);
        if (lua_rawget(L, -2) != LUA_TNIL) {
            lua_pop(L, 1);
            n++;
            if (out)                    /* entry on top */
                lua_rawseti(L, OUT, n);
            else
                lua_pop(L, 1);
        } else {
            lua_pop(L, 2);
            if (!out) {                 /* the entries before, copied */
                lua_Integer j;
                size_t len = lua_rawlen(L, LIST);

                /* made as long as the list at once (no more than 64
                 * ahead: the length of a rule's table is no promise),
                 * rather than grown by doubling */
                lua_createtable(L, (int)(len < 64 ? len : 64), 0);
                for (j = 1; j <= n; j++) {
                    lua_rawgeti(L, LIST, j);
                    lua_rawseti(L, OUT, j);
                    nms_meter_step(L, &m);
                }
                out = 1;
            }
        }
        nms_meter_step(L, &m);
    }
    lua_pop(L, 1);
    if (!out)
        lua_pushvalue(L, LIST);
    nms_meter_end(L, &m, 0);
    return 1;
}

/* ------------------------------------------------------------------------
 * nms.largest_change
 * --------------------------------------------------------------------- */

/* Timed readings at most this many: each window scanned whole, as
 * rules/lib/vitals.lua did (FEW); more, two monotonic queues. The two
 * find the same pair on numbers but not always with NaN among them, so
 * the switch is where the Lua had it. */
#define FEW 12

/* Readings whose scratch fits on the C stack; more get a userdata. */
#define ON_STACK 64

/* The timed readings of one call: times, values, and the queues. */
struct window {
    struct num *t, *v;
    int *hi, *lo;
    lua_Integer n;
};

/* The largest change found: its size and the places of the higher (a)
 * and the lower (z) reading; a == 0 when no two readings are close. */
struct change {
    struct num range;
    lua_Integer a, z;
};

/* The window's start moved past readings more than `hours` before
 * reading j. */
static lua_Integer advance(lua_State *L, const struct window *w,
                           lua_Integer left, lua_Integer j,
                           const struct num *hours, struct nms_meter *m)
{
    for (;;) {
        struct num d = num_sub(&w->t[j], &w->t[left]);

        if (!num_compare(L, hours, &d, LUA_OPLT))
            return left;
        left++;
        nms_meter_step(L, m);
    }
}

/* Keeps the pair x (higher), y (lower) as the largest change when it is
 * larger than the one kept, or the first. */
static void consider(const struct window *w, lua_State *L, lua_Integer x,
                     lua_Integer y, struct change *c)
{
    struct num d = num_sub(&w->v[x], &w->v[y]);

    if (c->a == 0 || num_compare(L, &c->range, &d, LUA_OPLT)) {
        c->range = d;
        c->a = x;
        c->z = y;
    }
}

/* Each window scanned whole: its highest and lowest reading, each the
 * latest of equal ones. */
static void scan(lua_State *L, const struct window *w,
                 const struct num *hours, struct change *c,
                 struct nms_meter *m)
{
    lua_Integer left = 1, j, i, x, y;

    for (j = 1; j <= w->n; j++) {
        left = advance(L, w, left, j, hours, m);
        if (j <= left)
            continue;
        x = y = left;
        for (i = left + 1; i <= j; i++) {
            if (num_compare(L, &w->v[x], &w->v[i], LUA_OPLE))
                x = i;
            if (num_compare(L, &w->v[i], &w->v[y], LUA_OPLE))
                y = i;
            nms_meter_step(L, m);
        }
        consider(w, L, x, y, c);
    }
}

/* The same with a queue of candidates for the highest (hi) and the lowest
 * (lo) reading, each dropping an earlier reading a later one equals. */
static void queues(lua_State *L, const struct window *w,
                   const struct num *hours, struct change *c,
                   struct nms_meter *m)
{
    lua_Integer left = 1, j;
    int hi_h = 1, hi_t = 0, lo_h = 1, lo_t = 0;

    for (j = 1; j <= w->n; j++) {
        left = advance(L, w, left, j, hours, m);
        while (hi_t >= hi_h && num_compare(L, &w->v[w->hi[hi_t]], &w->v[j], LUA_OPLE))
            hi_t--;
        while (lo_t >= lo_h && num_compare(L, &w->v[j], &w->v[w->lo[lo_t]], LUA_OPLE))
            lo_t--;
        w->hi[++hi_t] = (int)j;
        w->lo[++lo_t] = (int)j;
        while (w->hi[hi_h] < left)
            hi_h++;
        while (w->lo[lo_h] < left)
            lo_h++;
        if (j > left)
            consider(w, L, w->hi[hi_h], w->lo[lo_h], c);
        nms_meter_step(L, m);
    }
}

/*
 * @function nms.largest_change(list, field, hours)
 * The largest change of `field` between two of the timed readings that
 * open `list` (to the first entry without a time, t), at most `hours`
 * apart: its size (an integer when both values are), the higher reading
 * and the lower; nothing when no two are that close. Of equal changes the
 * first window's; in a window the latest of equal readings. For
 * rules/lib/vitals.lua (vitals.change_within). The list and its entries
 * are read raw; times and values must be numbers.
 * @usage local range, a, z = nms.largest_change(rs, "sbp", 24)
 */
int nms_series_largest_change(lua_State *L)
{
    enum { LIST = 1, FIELD, HOURS, T, SCRATCH };
    struct num t_stack[ON_STACK + 1], v_stack[ON_STACK + 1], hours;
    int hi_stack[ON_STACK + 1], lo_stack[ON_STACK + 1];
    struct window w = {t_stack, v_stack, hi_stack, lo_stack, 0};
    struct change c = {{0, 0, 1}, 0, 0};
    struct nms_meter m = {0};
    lua_Integer i;

    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checkany(L, FIELD);
    luaL_checktype(L, HOURS, LUA_TNUMBER);
    read_num(L, HOURS, &hours);
    /* A reading is 0 h from itself: a negative window would move the
     * window's start past its end (the Lua read past its readings). */
    luaL_argcheck(L, !(lua_tonumber(L, HOURS) < 0), HOURS,
                  "a window cannot be negative");
    lua_settop(L, HOURS);
    push_t(L);                                      /* T */
    /* How many readings are timed, their times and values read on the
     * way while they fit on the C stack (most series) */
    for (;;) {
        if (lua_rawgeti(L, LIST, w.n + 1) == LUA_TNIL)
            break;
        check_entry(L, "largest_change", w.n + 1);
        lua_pushvalue(L, T);
        if (lua_rawget(L, -2) == LUA_TNIL)
            break;
        if (++w.n <= ON_STACK) {
            value_num(L, T, "largest_change", w.n, &w.t[w.n]);
            entry_num(L, T + 1, FIELD, "largest_change", w.n, &w.v[w.n]);
        }
        lua_pop(L, 2);
        nms_meter_step(L, &m);
    }
    lua_settop(L, T);
    if (w.n > ON_STACK) {           /* a long series: read again, on the heap */
        size_t size = (size_t)(w.n + 1) * (2 * sizeof(struct num) + 2 * sizeof(int));
        char *p = lua_newuserdatauv(L, size, 0);    /* SCRATCH */

        w.t = (struct num *)(void *)p;
        w.v = w.t + w.n + 1;
        w.hi = (int *)(void *)(w.v + w.n + 1);
        w.lo = w.hi + w.n + 1;
        for (i = 1; i <= w.n; i++) {
            lua_rawgeti(L, LIST, i);
            entry_num(L, SCRATCH + 1, T, "largest_change", i, &w.t[i]);
            entry_num(L, SCRATCH + 1, FIELD, "largest_change", i, &w.v[i]);
            lua_pop(L, 1);
            nms_meter_step(L, &m);
        }
    }
    if (w.n <= FEW)
        scan(L, &w, &hours, &c, &m);
    else
        queues(L, &w, &hours, &c, &m);
    nms_meter_end(L, &m, 0);
    if (c.a == 0)
        return 0;
    push_num(L, &c.range);
    lua_rawgeti(L, LIST, c.a);
    lua_rawgeti(L, LIST, c.z);
    return 3;
}

/* ------------------------------------------------------------------------
 * nms.extreme, nms.by_field
 * --------------------------------------------------------------------- */

/* [-1, +0] The entry on top becomes the best so far (into `best`, its
 * number into *kept) when `better`, else it is dropped. */
static void keep_if(lua_State *L, int better, int best, struct num *kept,
                    const struct num *v)
{
    if (better) {
        *kept = *v;
        lua_replace(L, best);
    } else {
        lua_pop(L, 1);
    }
}

/*
 * @function nms.extreme(list, field, skip, lowest)
 * The entry of `list` (to the first nil) with the highest `field` (with
 * `lowest`, the lowest), the first of equal ones, leaving out the entry
 * `skip` (a baseline's own reading; nil leaves out none); nil when no
 * other entry. For rules/lib/vitals.lua (the reading furthest from a
 * baseline). The list and its entries are read raw; values must be
 * numbers.
 * @usage local highest = nms.extreme(rs, "hr", baseline.entry)
 */
int nms_series_extreme(lua_State *L)
{
    enum { LIST = 1, FIELD, SKIP, LOWEST, BEST };
    struct nms_meter m = {0};
    struct num extreme = {0, 0, 1}, v;
    lua_Integer i;
    int lowest;

    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checkany(L, FIELD);
    lua_settop(L, LOWEST);
    lowest = lua_toboolean(L, LOWEST);
    lua_pushnil(L);                                 /* BEST */
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {
        check_entry(L, "extreme", i);
        nms_meter_step(L, &m);
        if (lua_rawequal(L, -1, SKIP)) {
            lua_pop(L, 1);
            continue;
        }
        entry_num(L, BEST + 1, FIELD, "extreme", i, &v);
        keep_if(L, lua_isnil(L, BEST) || (lowest ? num_compare(L, &v, &extreme, LUA_OPLT)
                                     : num_compare(L, &extreme, &v, LUA_OPLT)),
                BEST, &extreme, &v);
    }
    lua_pop(L, 1);
    nms_meter_end(L, &m, 0);
    return 1;
}

/*
 * @function nms.earliest(list, before)
 * The entry of `list` (to the first nil) with the earliest time t
 * strictly before `before`, the first of equal ones; nil when none (an
 * entry without t is passed over). For rules/lib/vitals.lua (a baseline
 * reading from before the first exposure). The list and its entries are
 * read raw; times must be numbers.
 * @usage local e = nms.earliest(rs, t0)
 */
int nms_series_earliest(lua_State *L)
{
    enum { LIST = 1, BEFORE, T, BEST };
    struct nms_meter m = {0};
    struct num before, earliest = {0, 0, 1}, t;
    lua_Integer i;

    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checktype(L, BEFORE, LUA_TNUMBER);
    read_num(L, BEFORE, &before);
    lua_settop(L, BEFORE);
    push_t(L);                                      /* T */
    lua_pushnil(L);                                 /* BEST */
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {
        check_entry(L, "earliest", i);
        nms_meter_step(L, &m);
        lua_pushvalue(L, T);
        if (lua_rawget(L, -2) == LUA_TNIL) {
            lua_pop(L, 2);
            continue;
        }
        value_num(L, T, "earliest", i, &t);
        lua_pop(L, 1);
        keep_if(L, num_compare(L, &t, &before, LUA_OPLT)
                   && (lua_isnil(L, BEST) || num_compare(L, &t, &earliest, LUA_OPLT)),
                BEST, &earliest, &t);
    }
    lua_pop(L, 1);
    nms_meter_end(L, &m, 0);
    return 1;
}

/* a == b as Lua has it for two numbers (NaN equal to nothing). */
static int num_equal(lua_State *L, const struct num *a, const struct num *b)
{
    return num_compare(L, a, b, LUA_OPLE) && num_compare(L, b, a, LUA_OPLE);
}

/*
 * @function nms.first_beyond(list, field, limit, at_least)
 * The first entry of `list` (to the first nil) whose `field` is above
 * `limit` (with `at_least`, at or above it: `v > limit or v == limit`,
 * as Lua compares, so a NaN is never beyond); nil when none. For
 * rules/lib/vitals.lua (vitals.any_above when nobody reads the evidence:
 * whether any reading went beyond a threshold). The list and its entries
 * are read raw; values must be numbers.
 * @usage local hot = nms.first_beyond(rs, "temp", 41.1)
 */
int nms_series_first_beyond(lua_State *L)
{
    enum { LIST = 1, FIELD, LIMIT, AT_LEAST, ENTRY };
    struct nms_meter m = {0};
    struct num limit, v;
    lua_Integer i;
    int at_least;

    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checkany(L, FIELD);
    luaL_checktype(L, LIMIT, LUA_TNUMBER);
    read_num(L, LIMIT, &limit);
    lua_settop(L, AT_LEAST);
    at_least = lua_toboolean(L, AT_LEAST);
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {   /* ENTRY */
        check_entry(L, "first_beyond", i);
        nms_meter_step(L, &m);
        entry_num(L, ENTRY, FIELD, "first_beyond", i, &v);
        if (num_compare(L, &limit, &v, LUA_OPLT)
            || (at_least && num_equal(L, &v, &limit))) {
            nms_meter_end(L, &m, 0);
            return 1;
        }
        lua_pop(L, 1);
    }
    nms_meter_end(L, &m, 0);
    lua_pushnil(L);
    return 1;
}

/* Keys nms.by_field makes room for at once. */
#define BY_FIELDS 16

/*
 * @function nms.by_field(list)
 * The entries of `list` (to the first nil) by the keys they hold: { [key]
 * = {entries holding it, in order} }. For rules/lib/exam.lua (the exams
 * recording each sign). The list and its entries, which must be tables,
 * are read raw (no __pairs runs).
 * @usage local by = nms.by_field(exam.entries(case)); by.rigidity
 */
int nms_series_by_field(lua_State *L)
{
    enum { LIST = 1, BY, ENTRY };
    struct nms_meter m = {0};
    lua_Integer i;

    luaL_checktype(L, LIST, LUA_TTABLE);
    lua_settop(L, LIST);
    /* BY, with room for the fields an exam records (~10 to 20): no
     * rehash as they come */
    lua_createtable(L, 0, BY_FIELDS);
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {   /* ENTRY */
        check_entry(L, "by_field", i);
        lua_pushnil(L);
        while (lua_next(L, ENTRY)) {                /* key, value */
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, BY) == LUA_TNIL) {    /* key, list */
                lua_pop(L, 1);
                lua_createtable(L, 1, 0);   /* most fields: one exam */
                lua_pushvalue(L, -2);
                lua_pushvalue(L, -2);
                lua_rawset(L, BY);
            }
            lua_pushvalue(L, ENTRY);
            lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
            lua_pop(L, 1);                          /* key */
            nms_meter_step(L, &m);
        }
        lua_pop(L, 1);
        nms_meter_step(L, &m);
    }
    lua_settop(L, BY);
    nms_meter_end(L, &m, 0);
    return 1;
}

/* ------------------------------------------------------------------------
 * Registration
 * --------------------------------------------------------------------- */

void nms_series_open(lua_State *L)
{
    static const luaL_Reg functions[] = {
        {"with_field", nms_series_with_field},
        {"largest_change", nms_series_largest_change},
        {"extreme", nms_series_extreme},
        {"earliest", nms_series_earliest},
        {"by_field", nms_series_by_field},
        {"first_beyond", nms_series_first_beyond},
        {NULL, NULL}};

    lua_pushliteral(L, "t");
    luaL_setfuncs(L, functions, 1);
}
