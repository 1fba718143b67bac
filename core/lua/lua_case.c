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

static void push_record(lua_State *L, const struct nms_schema *record,
                        const char *base);

/* [-0, +1] Pushes array field `f` of the struct at `base`, which the
 * record gave. */
static void push_array(lua_State *L, const struct nms_field *f,
                       const char *base)
{
    const char *elements = *(char *const *)(base + f->offset);
    size_t n = *(const size_t *)(base + f->count_offset);
    size_t i;

    lua_createtable(L, n > (size_t)INT_MAX ? INT_MAX : (int)n, 0);
    for (i = 0; i < n; i++) {
        push_record(L, f->record, elements + i * f->record->size);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
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
static void push_field(lua_State *L, const struct nms_field *f,
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
        push_record(L, f->record, p);
        break;
    case NMS_FIELD_ARRAY:
        push_array(L, f, base);
        break;
    case NMS_FIELD_RAW:
        break;   /* never present() */
    }
}

/* [-0, +1] Pushes the struct at `base` described by `record` as a table
 * of `extra` more fields than it has present ones. The table is sized to
 * what it will hold: sized to every field of the record (40 for an exam),
 * most of its hash part stayed empty, and allocating, clearing and
 * collecting it was most of the cost of the push. */
static void push_sized(lua_State *L, const struct nms_schema *record,
                       const char *base, int extra)
{
    unsigned char here[NMS_RECORD_FIELDS_MAX];
    size_t i;
    int n = extra;

    assert(record->n_fields <= NMS_RECORD_FIELDS_MAX);
    for (i = 0; i < record->n_fields; i++) {
        here[i] = (unsigned char)present(&record->fields[i], base);
        n += here[i];
    }
    lua_createtable(L, 0, n);
    for (i = 0; i < record->n_fields; i++)
        if (here[i]) {
            push_field(L, &record->fields[i], base);
            lua_setfield(L, -2, record->fields[i].name);
        }
}

/* [-0, +1] Pushes the struct at `base` described by `record` as a table. */
static void push_record(lua_State *L, const struct nms_schema *record,
                        const char *base)
{
    push_sized(L, record, base, 0);
}

void nms_lua_push_case(lua_State *L, const struct nms_case *c)
{
    push_sized(L, &nms_case_schema, (const char *)c, 1);
    lua_pushstring(L, c->time_form == NMS_TIME_ISO ? "iso" : "hours");
    lua_setfield(L, -2, "time_form");
    nms_memo_begin(L, -1);
}
