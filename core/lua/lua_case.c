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
#include <limits.h>
#include <math.h>

#include <lauxlib.h>

#include "case/case_int.h"
#include "lua/lua_case.h"

static void push_record(lua_State *L, const struct nms_schema *record,
                        const char *base);

/* [-0, +(0|1)] Pushes array field `f` of the struct at `base`; returns 0,
 * pushing nothing, when the record did not give it. */
static int push_array(lua_State *L, const struct nms_field *f,
                      const char *base)
{
    const char *elements = *(char *const *)(base + f->offset);
    size_t n = *(const size_t *)(base + f->count_offset);
    size_t i;

    if (!elements)
        return 0;
    lua_createtable(L, n > (size_t)INT_MAX ? INT_MAX : (int)n, 0);
    for (i = 0; i < n; i++) {
        push_record(L, f->record, elements + i * f->record->size);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* [-0, +(0|1)] Pushes the value of field `f`; returns 0, pushing nothing,
 * when it is absent (most fields of most records: a nil would only be
 * looked up and not stored). */
static int push_field(lua_State *L, const struct nms_field *f,
                      const char *base)
{
    const char *p = base + f->offset;

    switch (f->kind) {
    case NMS_FIELD_NUMBER:
    case NMS_FIELD_TIME:
        if (isnan(*(const double *)p))
            return 0;
        lua_pushnumber(L, *(const double *)p);
        return 1;
    case NMS_FIELD_BOOL:
        if (*(const signed char *)p == NMS_TRI_UNKNOWN)
            return 0;
        lua_pushboolean(L, *(const signed char *)p == NMS_TRI_TRUE);
        return 1;
    case NMS_FIELD_ENUM:
    case NMS_FIELD_STRING:
        if (!*(const char *const *)p)
            return 0;
        lua_pushstring(L, *(const char *const *)p);
        return 1;
    case NMS_FIELD_OBJECT:
        push_record(L, f->record, p);
        return 1;
    case NMS_FIELD_ARRAY:
        return push_array(L, f, base);
    case NMS_FIELD_RAW:
        return 0;   /* labels are for analysts, not for rules */
    }
    return 0;
}

/* [-0, +1] Pushes the struct at `base` described by `record` as a table. */
static void push_record(lua_State *L, const struct nms_schema *record,
                        const char *base)
{
    size_t i;

    lua_createtable(L, 0, (int)record->n_fields);
    for (i = 0; i < record->n_fields; i++)
        if (push_field(L, &record->fields[i], base))
            lua_setfield(L, -2, record->fields[i].name);
}

void nms_lua_push_case(lua_State *L, const struct nms_case *c)
{
    push_record(L, &nms_case_schema, (const char *)c);
    lua_pushstring(L, c->time_form == NMS_TIME_ISO ? "iso" : "hours");
    lua_setfield(L, -2, "time_form");
}
