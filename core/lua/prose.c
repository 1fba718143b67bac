/*
 * prose.c - nms.join, nms.list, nms.each and nms.num, the mechanics behind
 * rules/lib/fmt.lua's fmt.join ("a; b", holes skipped), fmt.list ("a, b
 * and c"), fmt.each (fmt.list over the first few items described) and
 * fmt.num ("38.6": a number's text, kept across cases).
 *
 * Every criteria set writes its `missing` texts with fmt.join, at every
 * evidence level, and its lists of readings with fmt.list: in Lua, under
 * the count hook, the walks over the keys, the temporary tables and the
 * concatenation were ~12 % of the rules' time (luaprof, full ruleset).
 * Here each is one C call that builds its text straight into a
 * luaL_Buffer. What they say is the Lua versions' to the byte.
 *
 * Safe against rules: the tables are read raw (no metamethod runs, so no
 * rule code runs inside them but the describe function of nms.each, and
 * __index, __len or __pairs tricks see nothing), each element walked is charged to the budget (meter.h),
 * every byte is allocated by the VM (the memory cap), and errors name the
 * caller's line (luaL_error).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/meter.h"
#include "lua/prose.h"
#include "lua/vm.h"

/* ------------------------------------------------------------------------
 * nms.join
 * --------------------------------------------------------------------- */

/* A number key of the texts. Lua keeps integers and floats apart (a float
 * with an integral value in range is stored as an integer key), and
 * orders them exactly, as the comparisons below do. */
struct key {
    int integral;
    lua_Integer i;
    lua_Number f;
};

/* Whether integer i < float f (f is no NaN: NaN is no table key). */
static int int_below_float(lua_Integer i, lua_Number f)
{
    lua_Number fl;

    if (f >= 0x1p63)
        return 1;
    if (f < -0x1p63)
        return 0;
    fl = floor(f);
    return fl == f ? i < (lua_Integer)fl : i <= (lua_Integer)fl;
}

static int compare_keys(const void *pa, const void *pb)
{
    const struct key *a = pa, *b = pb;

    if (a->integral && b->integral)
        return (a->i > b->i) - (a->i < b->i);
    if (!a->integral && !b->integral)
        return (a->f > b->f) - (a->f < b->f);
    if (a->integral)
        return int_below_float(a->i, b->f) ? -1 : 1;
    return int_below_float(b->i, a->f) ? 1 : -1;   /* keys differ: never 0 */
}

/* The value at -1 is a text fmt.join keeps: a non-empty string (a number
 * is not one, as type(t) == "string" said in Lua). */
static int is_text(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TSTRING && lua_rawlen(L, idx) > 0;
}

/* Adds the text on top (popped; read from the table at 1) to b after sep
 * unless `first`. The string stays anchored in the table while the buffer
 * grows, and the buffer's box must be on top when it grows. */
static void add_joined(lua_State *L, luaL_Buffer *b, const char *sep,
                       size_t seplen, int first)
{
    size_t len;
    const char *s;

    s = lua_tolstring(L, -1, &len);
    lua_pop(L, 1);
    if (!first)
        luaL_addlstring(b, sep, seplen);
    luaL_addlstring(b, s, len);
}

/* [-0, +1] The general path: the number keys holding texts, sorted. */
static int join_sorted(lua_State *L, size_t count, const char *sep,
                       size_t seplen, struct nms_meter *m)
{
    struct key *keys;
    size_t n = 0, j;
    luaL_Buffer b;

    if (count > SIZE_MAX / sizeof *keys)
        return luaL_error(L, "nms.join: too many texts");
    keys = lua_newuserdatauv(L, count * sizeof *keys, 0);   /* index 3 */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) == LUA_TNUMBER && is_text(L, -1) && n < count) {
            keys[n].integral = lua_isinteger(L, -2);
            keys[n].i = lua_tointeger(L, -2);
            keys[n].f = lua_tonumber(L, -2);
            n++;
        }
        lua_pop(L, 1);
        nms_meter_step(L, m);
    }
    nms_limits_charge(L, n > 1 ? (double)n * log2((double)n) : (double)n);
    qsort(keys, n, sizeof *keys, compare_keys);     /* charged before */
    luaL_buffinit(L, &b);
    for (j = 0; j < n; j++) {
        if (keys[j].integral)
            lua_pushinteger(L, keys[j].i);
        else
            lua_pushnumber(L, keys[j].f);
        lua_rawget(L, 1);
        add_joined(L, &b, sep, seplen, j == 0);
        nms_meter_step(L, m);
    }
    n = luaL_bufflen(&b);
    luaL_pushresult(&b);
    nms_meter_end(L, m, n);
    return 1;
}

/*
 * @function nms.join(texts, sep)
 * The non-empty strings of `texts` at number keys, in key order, joined
 * with `sep` (default "; "): holes, other values and other keys are
 * skipped. For rules/lib/fmt.lua (fmt.join). The table is read raw.
 * @usage nms.join({ "a", nil, "c" }) --> "a; c"
 */
int nms_prose_join(lua_State *L)
{
    size_t seplen, count = 0, len;
    lua_Integer max = 0, i;
    int general = 0, first = 1;
    struct nms_meter m = {0};
    const char *sep;
    luaL_Buffer b;

    luaL_checktype(L, 1, LUA_TTABLE);
    sep = luaL_optlstring(L, 2, "; ", &seplen);
    lua_settop(L, 2);
    /* Usually a short list with a few holes: walk 1..max in order. Any
     * other number key (0, negative, fractional, or far beyond the others)
     * takes the general path, sorting the keys. */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) {
            count++;
            if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1)
                general = 1;
            else if (lua_tointeger(L, -1) > max)
                max = lua_tointeger(L, -1);
        }
        nms_meter_step(L, &m);
    }
    if (general || (lua_Unsigned)max > 2 * (lua_Unsigned)count + 8)
        return join_sorted(L, count, sep, seplen, &m);
    luaL_buffinit(L, &b);
    for (i = 1; i <= max; i++) {
        lua_rawgeti(L, 1, i);
        if (is_text(L, -1)) {
            add_joined(L, &b, sep, seplen, first);
            first = 0;
        } else {
            lua_pop(L, 1);
        }
        nms_meter_step(L, &m);
    }
    len = luaL_bufflen(&b);
    luaL_pushresult(&b);
    nms_meter_end(L, &m, len);
    return 1;
}

/* ------------------------------------------------------------------------
 * nms.list
 * --------------------------------------------------------------------- */

/* Adds texts[i] (the table at t) to b: a string or a number, as
 * concatenation takes them; anything else is the caller's error. */
static void add_entry(lua_State *L, luaL_Buffer *b, int t, lua_Integer i)
{
    lua_rawgeti(L, t, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "entry %I of the list is a %s, not a text", i,
                   luaL_typename(L, -1));
    luaL_addvalue(b);
}

/* The entries shown before the conjunction when max (at `max`) < n cuts
 * the list: max rounded down, as `for i = 1, max` does, none below 1. */
static lua_Integer shown_of(lua_State *L, int max)
{
    lua_Number x;

    if (lua_isinteger(L, max))
        return lua_tointeger(L, max) < 0 ? 0 : lua_tointeger(L, max);
    x = floor(lua_tonumber(L, max));
    return x < 1 ? 0 : (lua_Integer)x;   /* x < n: it fits */
}

/* [-0, +1] Pushes texts[1..n] of the table at t as prose: with `more` (a
 * stack index; 0: none), all n, ", " between, then conj, the value at
 * `more` and " more"; else "a", "a and b", "a, b and c", a list of one
 * giving its entry as it is (fmt.list's `shown[1] or ""`). */
static int prose(lua_State *L, int t, lua_Integer n, int more,
                 const char *conj, size_t conjlen)
{
    struct nms_meter m = {0};
    lua_Integer last, i;
    luaL_Buffer b;
    size_t len;

    if (!more && n <= 1) {
        if (n == 0)
            lua_pushliteral(L, "");
        else
            lua_rawgeti(L, t, 1);
        return 1;
    }
    last = more ? n : n - 1;
    luaL_buffinit(L, &b);
    for (i = 1; i <= last; i++) {
        if (i > 1)
            luaL_addlstring(&b, ", ", 2);
        add_entry(L, &b, t, i);
        nms_meter_step(L, &m);
    }
    luaL_addchar(&b, ' ');
    luaL_addlstring(&b, conj, conjlen);
    luaL_addchar(&b, ' ');
    if (more) {
        lua_pushvalue(L, more);
        luaL_addvalue(&b);
        luaL_addstring(&b, " more");
    } else {
        add_entry(L, &b, t, n);
    }
    len = luaL_bufflen(&b);
    luaL_pushresult(&b);
    nms_meter_end(L, &m, len);
    return 1;
}

/* [-0, +1] Pushes n - max (max at 2), written later as `..` writes it. */
static void push_more(lua_State *L, lua_Integer n)
{
    lua_pushinteger(L, n);
    lua_pushvalue(L, 2);
    lua_arith(L, LUA_OPSUB);
}

/* Whether max (at 2, a number) < n: the list is cut. */
static int cut_at(lua_State *L, lua_Integer n)
{
    int cut;

    lua_pushinteger(L, n);
    cut = lua_compare(L, 2, -1, LUA_OPLT);
    lua_pop(L, 1);
    return cut;
}

/*
 * @function nms.list(texts, max, conj)
 * texts[1..#texts] as prose: "a", "a and b", "a, b and c"; with `max`
 * below #texts, the first `max` then "and N more"; `conj` (default "and")
 * instead of "and". A list of one gives its entry as it is, of none "".
 * For rules/lib/fmt.lua (fmt.list). The table is read raw; each entry
 * must be a string or a number.
 * @usage nms.list({ "a", "b", "c" }, 2) --> "a, b and 1 more"
 */
int nms_prose_list(lua_State *L)
{
    size_t conjlen;
    lua_Integer n;
    const char *conj;

    luaL_checktype(L, 1, LUA_TTABLE);
    conj = luaL_optlstring(L, 3, "and", &conjlen);
    lua_settop(L, 3);
    n = (lua_Integer)lua_rawlen(L, 1);
    if (!lua_isnil(L, 2)) {
        luaL_checktype(L, 2, LUA_TNUMBER);
        if (cut_at(L, n)) {
            push_more(L, n);            /* 4 */
            return prose(L, 1, shown_of(L, 2), 4, conj, conjlen);
        }
    }
    return prose(L, 1, n, 0, conj, conjlen);
}

/*
 * @function nms.each(items, describe, max)
 * nms.list of describe(item) for the first `max` items only (so a list of
 * thousands costs only the texts shown), then "and N more" for the rest;
 * "" without a call when nobody will read the evidence (nms.evidence()
 * false). For rules/lib/fmt.lua (fmt.each). The items are read raw;
 * describe runs as rule code and returns a string or a number.
 * @usage nms.each(case.vitals, function(v) return v.hr .. "/min" end, 4)
 */
int nms_prose_each(lua_State *L)
{
    struct nms_meter m = {0};
    lua_Integer n, shown, i;
    int cut;

    if (nms_vm_of(L)->quiet) {
        lua_pushliteral(L, "");
        return 1;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_checktype(L, 3, LUA_TNUMBER);
    lua_settop(L, 3);
    n = (lua_Integer)lua_rawlen(L, 1);
    lua_rotate(L, 2, 1);                /* items, max, describe */
    cut = cut_at(L, n);
    shown = cut ? shown_of(L, 2) : n;
    lua_createtable(L, (int)(shown < 64 ? shown : 64), 0);   /* 4: texts */
    for (i = 1; i <= shown; i++) {
        lua_pushvalue(L, 3);
        lua_rawgeti(L, 1, i);
        lua_call(L, 1, 1);
        lua_rawseti(L, 4, i);
        nms_meter_step(L, &m);
    }
    nms_meter_end(L, &m, 0);
    if (cut) {
        push_more(L, n);                /* 5 */
        return prose(L, 4, (lua_Integer)lua_rawlen(L, 4), 5, "and", 3);
    }
    return prose(L, 4, (lua_Integer)lua_rawlen(L, 4), 0, "and", 3);
}

/* ------------------------------------------------------------------------
 * nms.num
 * --------------------------------------------------------------------- */

/* Texts nms.num keeps across cases before it starts again empty, so that
 * a cohort of millions of distinct readings does not grow the memory (as
 * lib/fmt.lua's MAX_NUMBERS did). */
#define NUM_KEPT 8192

/* Room for "%.99f" of the largest double: 309 digits, a sign, a point
 * and 99 decimals (Lua's string.format allows the same). */
#define NUM_BUFFER 512

/* [-0, +1] Pushes the texts kept for `decimals` (a table in the cache at
 * upvalue 1, made when missing). */
static void push_kept(lua_State *L, lua_Integer decimals)
{
    if (lua_rawgeti(L, lua_upvalueindex(1), decimals) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_rawseti(L, lua_upvalueindex(1), decimals);
}

/* Writes x with `decimals` decimals, trailing zeros and a bare point
 * dropped, "-0" written "0": what string.format("%.<d>f") and the gsubs
 * of fmt.num wrote. */
static void write_num(char *buf, lua_Number x, int decimals)
{
    size_t n;

    snprintf(buf, NUM_BUFFER, "%.*f", decimals, (double)x);
    if (strchr(buf, '.')) {
        n = strlen(buf);
        while (buf[n - 1] == '0')
            buf[--n] = '\0';
        if (buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0) {
        buf[0] = '0';
        buf[1] = '\0';
    }
}

/*
 * @function nms.num(x, decimals)
 * x with at most `decimals` (an integer from 0 to 99, default 2) decimals,
 * trailing zeros dropped: 38.60 -> "38.6", 4200 -> "4200". Texts are kept
 * across cases (a table key does not tell 25 from 25.0 nor 0.0 from -0.0,
 * and need not: they are written alike). For rules/lib/fmt.lua (fmt.num).
 * @usage nms.num(6.7647) --> "6.76"
 */
static int l_num(lua_State *L)
{
    lua_Number x = luaL_checknumber(L, 1);
    lua_Integer decimals = 2, kept;
    char buf[NUM_BUFFER];

    if (!lua_isnoneornil(L, 2) &&
        (!lua_isinteger(L, 2) || (decimals = lua_tointeger(L, 2)) < 0 ||
         decimals > 99))
        return luaL_error(L, "nms.num: decimals must be an integer from 0 "
                             "to 99");
    lua_settop(L, 1);
    if (lua_type(L, 1) != LUA_TNUMBER)
        lua_pushnumber(L, x);           /* a numeric string: keep its number */
    else
        lua_pushvalue(L, 1);            /* 2: the key */
    push_kept(L, decimals);             /* 3 */
    lua_pushvalue(L, 2);
    if (lua_rawget(L, 3) == LUA_TSTRING)
        return 1;
    lua_pop(L, 1);
    write_num(buf, x, (int)decimals);
    lua_pushstring(L, buf);             /* 4 */
    if (x != x)
        return 1;                       /* NaN is no table key */
    kept = lua_tointeger(L, lua_upvalueindex(2));
    if (kept >= NUM_KEPT) {
        lua_newtable(L);
        lua_replace(L, lua_upvalueindex(1));
        kept = 0;
        push_kept(L, decimals);
        lua_replace(L, 3);
    }
    lua_pushinteger(L, kept + 1);
    lua_replace(L, lua_upvalueindex(2));
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 4);
    lua_rawset(L, 3);
    return 1;
}

void nms_prose_open(lua_State *L)
{
    static const luaL_Reg functions[] = {
        {"join", nms_prose_join},
        {"list", nms_prose_list},
        {"each", nms_prose_each},
        {NULL, NULL}};

    luaL_setfuncs(L, functions, 0);
    lua_newtable(L);                    /* nms.num's texts */
    lua_pushinteger(L, 0);              /* and their number */
    lua_pushcclosure(L, l_num, 2);
    lua_setfield(L, -2, "num");
}
