/*
 * luajson.c - JSON values to Lua and back (luajson.h). Moved here from the
 * REPL's Lua (session/replua.c) so that `nmsrules run` converts the same
 * way: the record a script gets is the record the REPL shows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "cmd/luajson.h"

void nms_luajson_push(lua_State *L, const cJSON *v)
{
    const cJSON *c;
    lua_Integer i = 1;

    if (cJSON_IsTrue(v) || cJSON_IsFalse(v))
        lua_pushboolean(L, cJSON_IsTrue(v));
    else if (cJSON_IsNumber(v) &&
             v->valuedouble == (double)(lua_Integer)v->valuedouble)
        lua_pushinteger(L, (lua_Integer)v->valuedouble);
    else if (cJSON_IsNumber(v))
        lua_pushnumber(L, v->valuedouble);
    else if (cJSON_IsString(v))
        lua_pushstring(L, v->valuestring);
    else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
        lua_createtable(L, 0, 0);
        cJSON_ArrayForEach(c, v)
        {
            nms_luajson_push(L, c);
            if (cJSON_IsArray(v))
                lua_rawseti(L, -2, i++);
            else
                lua_setfield(L, -2, c->string);
        }
    } else
        lua_pushnil(L);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What may still be written: values (NMS_LUAJSON_MAX_VALUES) and bytes
 * of text, strings and keys (NMS_LUAJSON_MAX_BYTES). */
struct room {
    size_t values, bytes;
};

static cJSON *to_json(lua_State *L, int idx, int depth, struct room *left);

/* Takes the `len` bytes of a string or key from *left: 0, or -1 when they
 * do not fit. */
static int take_bytes(struct room *left, size_t len)
{
    if (len > left->bytes)
        return -1;
    left->bytes -= len;
    return 0;
}

/* A table as a JSON array when its keys are exactly 1..n (n > 0), else as
 * an object with its string keys in sorted order (so output is stable). */
static cJSON *table_to_json(lua_State *L, int idx, int depth,
                            struct room *left)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), i, keys = 0;
    cJSON *out, *item;
    const char **names = NULL;

    lua_pushnil(L);
    while (lua_next(L, idx)) {
        keys++;
        lua_pop(L, 1);
    }
    if (n > 0 && keys == n) {
        out = cJSON_CreateArray();
        for (i = 1; out && i <= n; i++) {
            lua_rawgeti(L, idx, i);
            item = to_json(L, lua_gettop(L), depth + 1, left);
            lua_pop(L, 1);
            if (!item || !cJSON_AddItemToArray(out, item)) {
                cJSON_Delete(item);
                cJSON_Delete(out);
                return NULL;
            }
        }
        return out;
    }
    out = cJSON_CreateObject();
    names = calloc((size_t)keys + 1, sizeof *names);
    if (!out || !names)
        goto fail;
    i = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            names[i++] = lua_tostring(L, -1); /* anchored in the table */
    }
    qsort(names, (size_t)i, sizeof *names, by_string);
    for (n = i, i = 0; i < n; i++) {
        if (take_bytes(left, strlen(names[i])) != 0)
            goto fail;
        lua_getfield(L, idx, names[i]);
        item = to_json(L, lua_gettop(L), depth + 1, left);
        lua_pop(L, 1);
        if (!item || !cJSON_AddItemToObject(out, names[i], item)) {
            cJSON_Delete(item);
            goto fail;
        }
    }
    free(names);
    return out;
fail:
    free(names);
    cJSON_Delete(out);
    return NULL;
}

static cJSON *to_json(lua_State *L, int idx, int depth, struct room *left)
{
    size_t len;

    if (depth > NMS_LUAJSON_MAX_DEPTH || left->values == 0 ||
        !lua_checkstack(L, 4))
        return NULL;
    left->values--;
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        return cJSON_CreateNull();
    case LUA_TBOOLEAN:
        return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        return cJSON_CreateNumber(lua_tonumber(L, idx));
    case LUA_TSTRING:
        lua_tolstring(L, idx, &len);
        return take_bytes(left, len) == 0
                   ? cJSON_CreateString(lua_tostring(L, idx))
                   : NULL;
    case LUA_TTABLE:
        return table_to_json(L, idx, depth, left);
    default:
        return NULL;
    }
}

cJSON *nms_luajson_from(lua_State *L, int idx)
{
    struct room left = {NMS_LUAJSON_MAX_VALUES, NMS_LUAJSON_MAX_BYTES};

    return to_json(L, lua_absindex(L, idx), 0, &left);
}

/* Whether tree j holds a number JSON cannot hold (1/0, 0/0), writing its
 * path into path (which holds the path of j, "" at the top). cJSON writes
 * such a number as null, so a case would show the REPL a temperature of
 * inf while the engine reads the reading as absent. Recursion is bounded
 * by NMS_LUAJSON_MAX_DEPTH, the depth the tree was built to. */
static int find_non_finite(const cJSON *j, char *path, size_t size)
{
    size_t len = strlen(path);
    const cJSON *c;
    int i = 0;

    if (cJSON_IsNumber(j))
        return !isfinite(j->valuedouble);
    for (c = j->child; c; c = c->next, i++) {
        if (cJSON_IsArray(j))
            snprintf(path + len, size - len, "[%d]", i + 1);
        else
            snprintf(path + len, size - len, "%s%s", len ? "." : "",
                     c->string ? c->string : "");
        if (find_non_finite(c, path, size))
            return 1;
    }
    path[len] = '\0';
    return 0;
}

cJSON *nms_luajson_case(lua_State *L, int idx)
{
    cJSON *doc = nms_luajson_from(L, idx);
    char path[256] = "";

    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        luaL_error(L, "the case must be a table of JSON values (no functions, "
                      "at most %d levels deep, at most %d values and %d "
                      "bytes of text)",
                   NMS_LUAJSON_MAX_DEPTH, (int)NMS_LUAJSON_MAX_VALUES,
                   (int)NMS_LUAJSON_MAX_BYTES);
    }
    if (find_non_finite(doc, path, sizeof path)) {
        cJSON_Delete(doc);
        luaL_error(L, "the case's %s is not a finite number (JSON has no "
                      "inf or nan)", path);
    }
    return doc;
}

/* Pushes the JSON tree light userdata 1 (run protected, so that a Lua
 * memory error cannot leave the tree behind). [-0, +1, m] */
static int push_tree(lua_State *L)
{
    nms_luajson_push(L, lua_touserdata(L, 1));
    return 1;
}

int nms_luajson_push_record(lua_State *L, const struct nms_case *c,
                            const struct nms_result *r,
                            const struct nms_ruleset_info *rs)
{
    /* (The record is written as text and parsed back: one writer of the
     * record, core/output, rather than a second one building Lua.) */
    char *text = nms_output_json(c, r, rs, 0);
    cJSON *rec = text ? cJSON_Parse(text) : NULL;
    int status;

    free(text);
    if (!rec)
        return -1;
    lua_pushcfunction(L, push_tree);
    lua_pushlightuserdata(L, rec);
    status = lua_pcall(L, 1, 1, 0);
    cJSON_Delete(rec);
    if (status != LUA_OK) {
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

void nms_luajson_push_ruleset(lua_State *L, const struct nms_ruleset_info *rs)
{
    lua_createtable(L, 0, 4);
    lua_pushstring(L, rs->name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, rs->version);
    lua_setfield(L, -2, "version");
    lua_pushstring(L, rs->digest);
    lua_setfield(L, -2, "digest");
    lua_pushstring(L, rs->dir);
    lua_setfield(L, -2, "dir");
}
