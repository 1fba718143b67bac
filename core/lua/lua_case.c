/*
 * lua_case.c - the case record as rules see it: a fresh Lua table per case.
 *
 * The table mirrors the input format (docs/case-format.md) with values in
 * canonical units and times in hours. Absent data stays absent (nil), so a
 * rule can tell "not recorded" from "recorded as false". Sections (patient,
 * vitals, ...) that the record gave are tables; an array the record did
 * not give is nil, while an empty array given is an empty table, because
 * "no medications listed" and "medications unknown" differ clinically.
 * The chart-review label is deliberately not shown to rules.
 *
 * A new table per case, rather than one shared proxy, means nothing a rule
 * does to the case can be seen by the next case.
 */
#include <assert.h>
#include <limits.h>
#include <math.h>

#include <lauxlib.h>

#include "case/case_int.h"
#include "lua/lua_case.h"
#include "lua/memo.h"

/* The registry's table of field names (see keys_of), by this address. */
static const char key_names = 'k';

/* Stack room one level of a record takes: its table, its names, a name
 * and a value; levels nest no deeper than the field table does. */
#define LEVEL_SLOTS 4
#define MAX_LEVELS 8

static void push_record(lua_State *L, int names,
                        const struct nms_schema *record, const char *base);

/*
 * [-0, +1] Pushes the names of `record`'s fields as a sequence of Lua
 * strings, kept in the table at stack index `names` under the record's
 * address. lua_setfield finds its C string's Lua string again on every
 * call (~120 instructions, ~100 fields a case); a name kept here is one
 * array read.
 */
static void keys_of(lua_State *L, int names, const struct nms_schema *record)
{
    size_t i;

    if (lua_rawgetp(L, names, record) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    lua_createtable(L, (int)record->n_fields, 0);
    for (i = 0; i < record->n_fields; i++) {
        lua_pushstring(L, record->fields[i].name);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_pushvalue(L, -1);
    lua_rawsetp(L, names, record);
}

static void push_sized(lua_State *L, int names, int keys,
                       const struct nms_schema *record, const char *base,
                       int extra);

/* [-0, +1] Pushes array field `f` of the struct at `base`, which the
 * record gave. Its entries share one lookup of their record's names. */
static void push_array(lua_State *L, int names, const struct nms_field *f,
                       const char *base)
{
    const char *elements = *(char *const *)(base + f->offset);
    size_t n = *(const size_t *)(base + f->count_offset);
    size_t i;
    int array, keys;

    lua_createtable(L, n > (size_t)INT_MAX ? INT_MAX : (int)n, 0);
    array = lua_gettop(L);
    keys_of(L, names, f->record);
    keys = lua_gettop(L);
    for (i = 0; i < n; i++) {
        push_sized(L, names, keys, f->record,
                   elements + i * f->record->size, 0);
        lua_rawseti(L, array, (lua_Integer)i + 1);
    }
    lua_pop(L, 1);
}

/* 1 when field `f` of the struct at `base` has a value to push: most
 * fields of most records are absent, and a nil would only be looked up,
 * never stored. */
static int present(const struct nms_field *f, const char *base)
{
    const char *p = base + f->offset;

    switch (f->kind) {
    case NMS_FIELD_NUMBER:
    case NMS_FIELD_TIME:
        return !isnan(*(const double *)p);
    case NMS_FIELD_BOOL:
        return *(const signed char *)p != NMS_TRI_UNKNOWN;
    case NMS_FIELD_ENUM:
    case NMS_FIELD_STRING:
        return *(const char *const *)p != NULL;
    case NMS_FIELD_OBJECT:
        return 1;
    case NMS_FIELD_ARRAY:
        return *(char *const *)p != NULL;
    case NMS_FIELD_RAW:
        return 0;   /* labels are for analysts, not for rules */
    }
    return 0;
}

/* [-0, +1] Pushes the value of field `f`, which is present(). */
static void push_field(lua_State *L, int names, const struct nms_field *f,
                       const char *base)
{
    const char *p = base + f->offset;

    switch (f->kind) {
    case NMS_FIELD_NUMBER:
    case NMS_FIELD_TIME:
        lua_pushnumber(L, *(const double *)p);
        break;
    case NMS_FIELD_BOOL:
        lua_pushboolean(L, *(const signed char *)p == NMS_TRI_TRUE);
        break;
    case NMS_FIELD_ENUM:
    case NMS_FIELD_STRING:
        lua_pushstring(L, *(const char *const *)p);
        break;
    case NMS_FIELD_OBJECT:
        push_record(L, names, f->record, p);
        break;
    case NMS_FIELD_ARRAY:
        push_array(L, names, f, base);
        break;
    case NMS_FIELD_RAW:
        break;   /* never present() */
    }
}

/* [-0, +1] Pushes the struct at `base` described by `record` as a table
 * of `extra` more fields than it has present ones. The table is sized to
 * what it will hold: sized to every field of the record (40 for an exam),
 * most of its hash part stayed empty, and allocating, clearing and
 * collecting it was most of the cost of the push. Each field is set as
 * lua_setfield would set it (the table is new: no metamethod), in the
 * same order, so the table is laid out the same. */
static void push_sized(lua_State *L, int names, int keys,
                       const struct nms_schema *record, const char *base,
                       int extra)
{
    unsigned char here[NMS_RECORD_FIELDS_MAX];
    size_t i;
    int n = extra, table, own = keys == 0;

    assert(record->n_fields <= NMS_RECORD_FIELDS_MAX);
    for (i = 0; i < record->n_fields; i++) {
        here[i] = (unsigned char)present(&record->fields[i], base);
        n += here[i];
    }
    lua_createtable(L, 0, n);
    table = lua_gettop(L);
    if (own) {
        keys_of(L, names, record);
        keys = table + 1;
    }
    for (i = 0; i < record->n_fields; i++)
        if (here[i]) {
            lua_rawgeti(L, keys, (lua_Integer)i + 1);
            push_field(L, names, &record->fields[i], base);
            lua_rawset(L, table);
        }
    if (own)
        lua_pop(L, 1);
}

/* [-0, +1] Pushes the struct at `base` described by `record` as a table. */
static void push_record(lua_State *L, int names,
                        const struct nms_schema *record, const char *base)
{
    push_sized(L, names, 0, record, base, 0);
}

void nms_lua_push_case(lua_State *L, const struct nms_case *c)
{
    int names;

    luaL_checkstack(L, 1 + LEVEL_SLOTS * MAX_LEVELS, "reading a case");
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &key_names) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &key_names);
    }
    names = lua_gettop(L);
    push_sized(L, names, 0, &nms_case_schema, (const char *)c, 1);
    lua_pushstring(L, c->time_form == NMS_TIME_ISO ? "iso" : "hours");
    lua_setfield(L, -2, "time_form");
    lua_remove(L, names);
    nms_memo_begin(L, -1);
}
