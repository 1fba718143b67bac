/*
 * kleene.c - the mechanics of rules/lib/tri.lua in C: counting labelled
 * findings for "at least k of n" and listing them in the evidence
 * (nms.at_least, nms.describe_parts, behind tri.at_least, all and any),
 * judging a list entry by entry into buckets (nms.tally) or counts
 * (nms.count_value), and
 * the small finding tables every item passes around (nms.part,
 * nms.evaluate, nms.answer).
 *
 * These ran in Lua for every combined item and every exam sign of every
 * criteria set, ~20 % of the rules' time (luaprof, full ruleset), most of
 * it loop and table bookkeeping that the count hook makes dear. The
 * medicine stays in Lua: what each judge decides and the words of the
 * evidence; here are only the counts, the buckets and the tables, with
 * the Lua versions' results exactly.
 *
 * Safe against rules: tables are read raw (no metamethod runs), the only
 * rule code run from here is the judge of nms.tally and the checks of
 * nms.evaluate, ordinary Lua calls under the count hook; every element
 * walked is charged to the budget (meter.h), so a long list or a judge
 * that keeps it growing cannot outrun it; every table is made by the VM
 * (the memory cap); errors name the caller's line.
 */
#include <lauxlib.h>

#include "lua/finding.h"
#include "lua/kleene.h"
#include "lua/memo.h"
#include "lua/meter.h"
#include "lua/readers.h"

/* The strings a finding's functions use, interned once when the sandbox
 * is built and kept as the upvalues of every function nms_kleene_open
 * registers: a field read or set pushes a string already made instead of
 * hashing a C string (lua_pushstring, lua_setfield: ~100 instructions
 * each, ~2 % of a case's). */
static const char *const strings[NMS_N_STRINGS] = {
    "value", "evidence", "missing", "label", "yes", "no", "unknown"};

/* [-0, +1] Pushes the interned string `k` (enum nms_string). */
static void push_string(lua_State *L, int k)
{
    lua_pushvalue(L, lua_upvalueindex(k));
}

/* [-0, +1] Pushes t[strings[k]] of the table at `t`, raw; returns its
 * type. */
static int raw_field(lua_State *L, int t, int k)
{
    t = lua_absindex(L, t);
    push_string(L, k);
    return lua_rawget(L, t);
}

/* [-1, +0] Sets t[strings[k]] of the table at `t` (absolute) to the value
 * on top unless it is nil (a table constructor stores no nil either). */
static void set_field(lua_State *L, int t, int k)
{
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    push_string(L, k);
    lua_insert(L, -2);
    lua_rawset(L, t);
}

/* The value on top is a table, or the caller is told which entry is not. */
static void check_table_entry(lua_State *L, const char *fn, lua_Integer i)
{
    if (!lua_istable(L, -1))
        luaL_error(L, "nms.%s: entry %I is a %s, not a table", fn, i,
                   luaL_typename(L, -1));
}

/* ------------------------------------------------------------------------
 * nms.at_least
 * --------------------------------------------------------------------- */

/* [-0, +1] Pushes tri.at_least_count(k, yes, unknown), k at `k` compared
 * as Lua compares it (an integer or a float): true, false or nil; returns
 * 1, 0 or -1 (unknown). */
static int push_at_least(lua_State *L, int k, lua_Integer yes,
                         lua_Integer unknown)
{
    int value;

    lua_pushinteger(L, yes);
    lua_pushinteger(L, yes + unknown);
    value = lua_compare(L, k, -2, LUA_OPLE) ? 1         /* k <= yes */
          : lua_compare(L, -1, k, LUA_OPLT) ? 0         /* yes + unknown < k */
          : -1;
    lua_pop(L, 2);
    if (value < 0)
        lua_pushnil(L);
    else
        lua_pushboolean(L, value);
    return value;
}

/* [-0, +1] Pushes what would decide the unknown parts of the list at 2:
 * each unknown part's missing text, else its label, the non-empty strings
 * joined with "; " (fmt.join). */
static void push_missing(lua_State *L, struct nms_meter *m)
{
    luaL_Buffer b;
    lua_Integer i;
    size_t len, n = 0;
    const char *s;

    luaL_buffinit(L, &b);
    for (i = 1; lua_rawgeti(L, 2, i) != LUA_TNIL; i++) {
        if (raw_field(L, -1, NMS_STR_VALUE) == LUA_TNIL) {
            lua_pop(L, 1);
            raw_field(L, -1, NMS_STR_MISSING);
            if (!lua_toboolean(L, -1)) {        /* p.missing or p.label */
                lua_pop(L, 1);
                raw_field(L, -1, NMS_STR_LABEL);
            }
            if (lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) > 0) {
                s = lua_tolstring(L, -1, &len); /* anchored in the part */
                lua_pop(L, 2);
                if (n++ > 0)
                    luaL_addlstring(&b, "; ", 2);
                luaL_addlstring(&b, s, len);
                continue;
            }
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    len = luaL_bufflen(&b);
    luaL_pushresult(&b);
    nms_meter_end(L, m, len);
}

/*
 * @function nms.at_least(k, parts)
 * "At least k of the labelled findings `parts` are true", three-valued:
 * true when k are, false when too few could still be, else nil; then the
 * number of true parts, of unknown ones, and when the value is nil what
 * would decide it (each unknown part's missing text, else its label,
 * joined with "; "). For rules/lib/tri.lua (tri.at_least, all, any). The
 * list and the parts are read raw; the parts end at the first nil.
 * @usage local value, yes, unknown, missing = nms.at_least(2, parts)
 */
int nms_kleene_at_least(lua_State *L)
{
    lua_Integer yes = 0, unknown = 0, i;
    struct nms_meter m = {0};
    int t, value;

    luaL_checktype(L, 1, LUA_TNUMBER);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    for (i = 1; lua_rawgeti(L, 2, i) != LUA_TNIL; i++) {
        check_table_entry(L, "at_least", i);
        t = raw_field(L, -1, NMS_STR_VALUE);
        if (t == LUA_TNIL)
            unknown++;
        else if (t == LUA_TBOOLEAN && lua_toboolean(L, -1))
            yes++;
        lua_pop(L, 2);
        nms_meter_step(L, &m);
    }
    lua_pop(L, 1);
    value = push_at_least(L, 1, yes, unknown);
    lua_pushinteger(L, yes);
    lua_pushinteger(L, unknown);
    if (value < 0) {
        push_missing(L, &m);
    } else {
        nms_meter_end(L, &m, 0);
        lua_pushnil(L);
    }
    return 4;
}

/* [-0, +1] Pushes field k of the part at `part`, read raw: a string or a
 * number, as `..` takes them (no __concat runs); else the caller's error. */
static void part_text(lua_State *L, int part, lua_Integer i, int k)
{
    raw_field(L, part, k);
    if (!lua_isstring(L, -1))
        luaL_error(L, "nms.describe_parts: the %s of part %I is a %s, not a "
                      "text", strings[k - 1], i, luaL_typename(L, -1));
}

/*
 * @function nms.describe_parts(parts)
 * p.label .. ": " .. word .. ", " .. p.evidence for each labelled finding
 * p of `parts`, in order, joined with "; ", where word is tri.word's: "yes"
 * for true, "no" for false, "unknown" otherwise. For rules/lib/tri.lua
 * (the evidence of tri.at_least, all and any). The list and the parts are
 * read raw; each label and evidence must be a string or a number.
 * @usage nms.describe_parts(parts) --> "(a) fever: yes, 39.2 °C; (b) ..."
 */
/* Pieces of text describe_parts gathers on the stack before it joins them
 * into its buffer. */
#define DESCRIBE_PIECES 40

int nms_kleene_describe_parts(lua_State *L)
{
    enum { PARTS = 1, SEMI, COLON, COMMA, PART, BOX };
    luaL_Buffer b;
    lua_Integer i;
    struct nms_meter m = {0};
    size_t len;
    int t, word;

    luaL_checktype(L, PARTS, LUA_TTABLE);
    lua_settop(L, PARTS);
    luaL_checkstack(L, DESCRIBE_PIECES + 8, "nms.describe_parts");
    lua_pushliteral(L, "; ");
    lua_pushliteral(L, ": ");
    lua_pushliteral(L, ", ");
    lua_pushnil(L);                     /* PART: the part being read */
    luaL_buffinit(L, &b);               /* BOX: the buffer's place */
    /* The lines' pieces gather above the buffer and are joined by
     * lua_concat (numbers converted as `..` converts them) a run of lines
     * at a time, each run then copied into the buffer once: a string made
     * per line was most of the cost. */
    for (i = 1; lua_rawgeti(L, PARTS, i) != LUA_TNIL; i++) {
        check_table_entry(L, "describe_parts", i);
        lua_replace(L, PART);
        if (i > 1)
            lua_pushvalue(L, SEMI);
        part_text(L, PART, i, NMS_STR_LABEL);
        lua_pushvalue(L, COLON);
        t = raw_field(L, PART, NMS_STR_VALUE);
        word = t != LUA_TBOOLEAN ? NMS_STR_UNKNOWN
             : lua_toboolean(L, -1) ? NMS_STR_YES : NMS_STR_NO;
        lua_pop(L, 1);
        push_string(L, word);
        lua_pushvalue(L, COMMA);
        part_text(L, PART, i, NMS_STR_EVIDENCE);
        if (lua_gettop(L) - BOX >= DESCRIBE_PIECES) {
            lua_concat(L, lua_gettop(L) - BOX);
            luaL_addvalue(&b);
        }
        nms_meter_step(L, &m);
    }
    lua_pop(L, 1);
    if (lua_gettop(L) > BOX) {
        lua_concat(L, lua_gettop(L) - BOX);
        luaL_addvalue(&b);
    }
    len = luaL_bufflen(&b);
    luaL_pushresult(&b);
    nms_meter_end(L, &m, len);
    return 1;
}

/* ------------------------------------------------------------------------
 * nms.tally
 * --------------------------------------------------------------------- */

/* [-0, +1] The tally of the list at 1 by the judge at 2: with `known`, an
 * entry bears on the question when judge's one value is not nil; else
 * when its second value is true. */
static int tally(lua_State *L, int known)
{
    lua_Integer i, n[3] = {0, 0, 0}, judged = 0;
    struct nms_meter m = {0};
    int bucket, bears;

    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    lua_createtable(L, 0, 4);           /* 3: the tally */
    lua_createtable(L, 0, 0);           /* 4: yes */
    lua_createtable(L, 0, 0);           /* 5: no */
    lua_createtable(L, 0, 0);           /* 6: unknown */
    for (i = 1; lua_rawgeti(L, 1, i) != LUA_TNIL; i++) {   /* 7: entry */
        lua_pushvalue(L, 2);
        lua_pushvalue(L, 7);
        lua_call(L, 1, 2);              /* 8: value, 9: bears */
        bears = known ? !lua_isnil(L, 8) : lua_toboolean(L, 9);
        if (bears) {
            bucket = lua_type(L, 8) != LUA_TBOOLEAN ? 2
                   : lua_toboolean(L, 8) ? 0 : 1;
            lua_pushvalue(L, 7);
            lua_rawseti(L, 4 + bucket, ++n[bucket]);
            judged++;
        }
        lua_settop(L, 6);
        nms_meter_step(L, &m);
    }
    lua_settop(L, 6);
    lua_pushvalue(L, 4);
    lua_setfield(L, 3, "yes");
    lua_pushvalue(L, 5);
    lua_setfield(L, 3, "no");
    lua_pushvalue(L, 6);
    lua_setfield(L, 3, "unknown");
    lua_pushinteger(L, judged);
    lua_setfield(L, 3, "judged");
    lua_settop(L, 3);
    nms_meter_end(L, &m, 0);
    return 1;
}

/*
 * @function nms.tally(list, judge)
 * Calls judge(entry) for each entry of `list` in order; an entry for
 * which it returns a second value that is true bears on the question and
 * goes into the bucket of its first value: yes (true), no (false) or
 * unknown (anything else). For rules/lib/tri.lua (tri.tally). The list is
 * read raw and ends at the first nil; judge runs as rule code.
 * @return { yes = {entries}, no = {entries}, unknown = {entries}, judged = n }
 * @usage nms.tally(case.exam, function(e) return e.tremor, e.tremor ~= nil end)
 */
int nms_kleene_tally(lua_State *L)
{
    return tally(L, 0);
}

/*
 * @function nms.tally_known(list, judge)
 * nms.tally for a judge that returns the entry's value only: an entry
 * bears on the question when that value is not nil. For rules/lib/tri.lua
 * (tri.tally_known).
 * @usage nms.tally_known(case.exam, function(e) return e.tremor end)
 */
int nms_kleene_tally_known(lua_State *L)
{
    return tally(L, 1);
}

/*
 * @function nms.count_value(k, list, judge, a, b)
 * What tri.tally_value(k, tally) gives, from counts alone: judge(entry,
 * a, b) for each entry of `list` in order says true or false, nil for an
 * entry that does not bear on the question, anything else for one that
 * bears on it but cannot be told. Returns the value of "at least k
 * entries true" (nil: unknown, or no entry bore on it), then the counts
 * judged, true and unknown. For rules/lib/tri.lua (tri.count_value). The
 * list is read raw and ends at the first nil; judge runs as rule code.
 * @usage local value, judged, yes, unknown = nms.count_value(1, exams, judge)
 */
int nms_kleene_count_value(lua_State *L)
{
    enum { K = 1, LIST, JUDGE, A, B, ENTRY };
    lua_Integer i, judged = 0, yes = 0, unknown = 0;
    struct nms_meter m = {0};

    luaL_checktype(L, K, LUA_TNUMBER);
    luaL_checktype(L, LIST, LUA_TTABLE);
    luaL_checktype(L, JUDGE, LUA_TFUNCTION);
    lua_settop(L, B);
    for (i = 1; lua_rawgeti(L, LIST, i) != LUA_TNIL; i++) {   /* ENTRY */
        lua_pushvalue(L, JUDGE);
        lua_insert(L, ENTRY);
        lua_pushvalue(L, A);
        lua_pushvalue(L, B);
        lua_call(L, 3, 1);
        if (!lua_isnil(L, -1)) {
            judged++;
            if (lua_type(L, -1) != LUA_TBOOLEAN)
                unknown++;
            else if (lua_toboolean(L, -1))
                yes++;
        }
        lua_settop(L, B);
        nms_meter_step(L, &m);
    }
    lua_settop(L, B);
    nms_meter_end(L, &m, 0);
    if (judged == 0)        /* nothing bore on the question: unknown, whatever k is */
        lua_pushnil(L);
    else
        push_at_least(L, K, yes, unknown);
    lua_pushinteger(L, judged);
    lua_pushinteger(L, yes);
    lua_pushinteger(L, unknown);
    return 4;
}

/* ------------------------------------------------------------------------
 * Finding tables: nms.part, nms.evaluate, nms.answer
 * --------------------------------------------------------------------- */

/* [-0, +1] Pushes { label = <label>, value, evidence, missing } of the
 * finding at `f`, the label at `label`. Nil fields are not set at all, as
 * a table constructor leaves them. */
static void push_part(lua_State *L, int label, int f)
{
    int k, part;

    lua_createtable(L, 0, 4);
    part = lua_gettop(L);
    lua_pushvalue(L, label);
    set_field(L, part, NMS_STR_LABEL);
    for (k = NMS_STR_VALUE; k <= NMS_STR_MISSING; k++) {
        raw_field(L, f, k);
        set_field(L, part, k);
    }
}

/*
 * @function nms.part(label, finding)
 * { label = label, value = f.value, evidence = f.evidence, missing =
 * f.missing }: the finding labelled as a part of a combined item. For
 * rules/lib/tri.lua (tri.part). The finding is read raw.
 * @usage nms.part("(c) diaphoresis", finding)
 */
int nms_kleene_part(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    push_part(L, 1, 2);
    return 1;
}

/*
 * @function nms.evaluate(parts, case)
 * The declared parts { {label, check}, ... } evaluated in order: a list of
 * nms.part(label, check(case)). For rules/lib/tri.lua (tri.evaluate). The
 * declarations are read raw; each check runs as rule code and must return
 * a finding.
 * @usage nms.evaluate(SUBITEMS, case)
 */
int nms_kleene_evaluate(lua_State *L)
{
    lua_Integer i;
    size_t n;
    struct nms_meter m = {0};

    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    /* 3: the parts, one per declaration: made that long at once rather
     * than grown by doubling (no more than 64 ahead: the length of a
     * rule's table is no promise). */
    n = lua_rawlen(L, 1);
    lua_createtable(L, n < 64 ? (int)n : 64, 0);
    for (i = 1; lua_rawgeti(L, 1, i) != LUA_TNIL; i++) {   /* 4: {label, check} */
        check_table_entry(L, "evaluate", i);
        lua_rawgeti(L, 4, 1);               /* 5: label */
        lua_rawgeti(L, 4, 2);
        lua_pushvalue(L, 2);
        lua_call(L, 1, 1);                  /* 6: the finding */
        if (!lua_istable(L, 6))
            luaL_error(L, "nms.evaluate: the check of part %I returned a "
                          "%s, not a finding", i, luaL_typename(L, 6));
        push_part(L, 5, 6);
        lua_rawseti(L, 3, i);
        lua_settop(L, 3);
        nms_meter_step(L, &m);
    }
    lua_settop(L, 3);
    nms_meter_end(L, &m, 0);
    return 1;
}

/*
 * @function nms.answer(finding)
 * What an item's check returns for a finding: value and evidence, and the
 * missing text too when the value is nil (unknown). For rules/lib/tri.lua
 * (tri.answer). The finding is read raw.
 * @usage return nms.answer(nms.finding(nil, "no CK", "a CK result"))
 */
int nms_kleene_answer(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (raw_field(L, 1, NMS_STR_VALUE) == LUA_TNIL) {
        raw_field(L, 1, NMS_STR_EVIDENCE);
        raw_field(L, 1, NMS_STR_MISSING);
        return 3;
    }
    raw_field(L, 1, NMS_STR_EVIDENCE);
    return 2;
}

/* ------------------------------------------------------------------------
 * Registration
 * --------------------------------------------------------------------- */

void nms_kleene_open(lua_State *L)
{
    static const luaL_Reg functions[] = {
        {"finding", nms_finding_new},
        {"at_least", nms_kleene_at_least},
        {"describe_parts", nms_kleene_describe_parts},
        {"tally", nms_kleene_tally},
        {"tally_known", nms_kleene_tally_known},
        {"count_value", nms_kleene_count_value},
        {"part", nms_kleene_part},
        {"evaluate", nms_kleene_evaluate},
        {"answer", nms_kleene_answer},
        {"sign_reader", nms_sign_reader},   /* readers.c */
        {"fact_reader", nms_fact_reader},
        {NULL, NULL}};
    int k;

    luaL_checkstack(L, NMS_UP_SLOT, "nms");
    for (k = 0; k < NMS_N_STRINGS; k++)
        lua_pushstring(L, strings[k]);
    nms_memo_push_slot(L);
    luaL_setfuncs(L, functions, NMS_UP_SLOT);
}
