/*
 * run_io.c - the script's JSON and its output files: nms.json.encode and
 * decode, nms.csv.writer(path, columns) and nms.jsonl.writer(path). A
 * writer writes to the file the script names ("-": standard output) and
 * is closed by :close() or when collected.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "cmd/luajson.h"
#include "cmd/run.h"
#include "nms/output.h"

#define WRITER "nms.writer"

/* Most CSV columns a writer takes. */
#define MAX_COLUMNS 4096

struct writer {
    FILE *fp; /* NULL once closed */
    int is_stdout;
    int csv;
    char **columns;
    size_t n_columns;
};

/* ---- nms.json ---------------------------------------------------------- */

/* The value at idx as JSON text pushed; raises when JSON cannot hold it.
 * [-0, +1] */
static void push_encoded(lua_State *L, int idx)
{
    cJSON *json = nms_luajson_from(L, idx);
    char *text = json ? cJSON_PrintUnformatted(json) : NULL;

    cJSON_Delete(json);
    if (!text)
        luaL_error(L,
                   "cannot encode a %s as JSON (functions, userdata, "
                   "nesting over %d levels, more than %d values or %d "
                   "bytes of text cannot be)",
                   luaL_typename(L, idx), NMS_LUAJSON_MAX_DEPTH,
                   (int)NMS_LUAJSON_MAX_VALUES, (int)NMS_LUAJSON_MAX_BYTES);
    lua_pushstring(L, text);
    cJSON_free(text);
}

/* nms.json.encode(value) -> text. [-0, +1] */
static int l_json_encode(lua_State *L)
{
    luaL_checkany(L, 1);
    push_encoded(L, 1);
    return 1;
}

/* nms.json.decode(text) -> value, or raises naming the position. [-0, +1] */
static int l_json_decode(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len), *end = NULL;
    cJSON *json = cJSON_ParseWithLengthOpts(text, len, &end, 0);

    if (!json)
        return luaL_error(L, "not valid JSON at byte %d",
                          end ? (int)(end - text) + 1 : 1);
    nms_luajson_push(L, json);
    cJSON_Delete(json);
    return 1;
}

/* ---- writers ----------------------------------------------------------- */

static struct writer *check_writer(lua_State *L)
{
    struct writer *w = luaL_checkudata(L, 1, WRITER);

    if (!w->fp)
        luaL_error(L, "the writer is closed");
    return w;
}

/* One cell: strings as they are, numbers as Lua prints them, booleans,
 * tables as JSON, nil empty. [-0, +0] */
static void csv_cell(lua_State *L, FILE *fp, int idx, int last)
{
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        nms_output_csv_field(fp, NULL, last);
        break;
    case LUA_TTABLE:
        push_encoded(L, idx);
        nms_output_csv_field(fp, lua_tostring(L, -1), last);
        lua_pop(L, 1);
        break;
    case LUA_TBOOLEAN:
        nms_output_csv_field(fp, lua_toboolean(L, idx) ? "true" : "false",
                             last);
        break;
    default:
        nms_output_csv_field(fp, luaL_tolstring(L, idx, NULL), last);
        lua_pop(L, 1);
    }
}

/* w:write(row): a CSV row from a table keyed by column names (or a list
 * in column order); a JSON Lines line from any JSON value. [-0, +0] */
static int l_write(lua_State *L)
{
    struct writer *w = check_writer(L);
    size_t i;

    luaL_checkany(L, 2);
    if (!w->csv) {
        push_encoded(L, 2);
        fputs(lua_tostring(L, -1), w->fp);
        fputc('\n', w->fp);
        return 0;
    }
    luaL_checktype(L, 2, LUA_TTABLE);
    for (i = 0; i < w->n_columns; i++) {
        if (lua_getfield(L, 2, w->columns[i]) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_rawgeti(L, 2, (lua_Integer)i + 1);
        }
        csv_cell(L, w->fp, lua_gettop(L), i + 1 == w->n_columns);
        lua_pop(L, 1);
    }
    return 0;
}

/* Closes w's file; returns 0, or -1 with errno set. */
static int close_writer(struct writer *w)
{
    int rc = 0;
    size_t i;

    if (w->fp) {
        if (fflush(w->fp) != 0 || ferror(w->fp))
            rc = -1;
        if (!w->is_stdout && fclose(w->fp) != 0)
            rc = -1;
        w->fp = NULL;
    }
    for (i = 0; i < w->n_columns; i++)
        free(w->columns[i]);
    free(w->columns);
    w->columns = NULL;
    w->n_columns = 0;
    return rc;
}

/* w:close(): flushes and closes; raises when the file could not be
 * written. [-0, +0] */
static int l_close(lua_State *L)
{
    struct writer *w = luaL_checkudata(L, 1, WRITER);

    if (close_writer(w) != 0)
        return luaL_error(L, "cannot write: %s", strerror(errno));
    return 0;
}

static int l_gc(lua_State *L)
{
    close_writer(luaL_checkudata(L, 1, WRITER));
    return 0;
}

/* A new writer userdata on the stack for `path`; raises when it cannot be
 * opened. [-0, +1] */
static struct writer *new_writer(lua_State *L, const char *path, int csv)
{
    struct writer *w = lua_newuserdatauv(L, sizeof *w, 0);

    memset(w, 0, sizeof *w);
    luaL_setmetatable(L, WRITER);
    w->csv = csv;
    w->is_stdout = strcmp(path, "-") == 0;
    w->fp = w->is_stdout ? stdout : fopen(path, "w");
    if (!w->fp)
        luaL_error(L, "cannot write '%s': %s", path, strerror(errno));
    return w;
}

/* nms.csv.writer(path, columns) -> writer; the header is written now.
 * [-0, +1] */
static int l_csv_writer(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    lua_Integer n, i;
    struct writer *w;

    luaL_checktype(L, 2, LUA_TTABLE);
    n = luaL_len(L, 2);
    luaL_argcheck(L, n > 0 && n <= MAX_COLUMNS, 2,
                  "a list of 1 to 4096 column names");
    for (i = 1; i <= n; i++) {
        int type = lua_rawgeti(L, 2, i);
        lua_pop(L, 1);
        if (type != LUA_TSTRING)
            return luaL_argerror(L, 2, "column names must be strings");
    }
    lua_settop(L, 2);
    w = new_writer(L, path, 1);
    if (!(w->columns = calloc((size_t)n, sizeof *w->columns)))
        return luaL_error(L, "not enough memory");
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, i);
        w->columns[w->n_columns] = strdup(lua_tostring(L, -1));
        lua_pop(L, 1);
        if (!w->columns[w->n_columns])
            return luaL_error(L, "not enough memory");
        w->n_columns++; /* counted once owned, so __gc frees it */
        nms_output_csv_field(w->fp, w->columns[i - 1], i == n);
    }
    return 1;
}

/* nms.jsonl.writer(path) -> writer. [-0, +1] */
static int l_jsonl_writer(lua_State *L)
{
    new_writer(L, luaL_checkstring(L, 1), 0);
    return 1;
}

static const luaL_Reg writer_methods[] = {
    {"write", l_write}, {"close", l_close}, {NULL, NULL}};

static const luaL_Reg writer_meta[] = {
    {"__gc", l_gc}, {"__close", l_gc}, {NULL, NULL}};

static const luaL_Reg json_funcs[] = {
    {"encode", l_json_encode}, {"decode", l_json_decode}, {NULL, NULL}};
static const luaL_Reg csv_funcs[] = {{"writer", l_csv_writer}, {NULL, NULL}};
static const luaL_Reg jsonl_funcs[] = {{"writer", l_jsonl_writer},
                                       {NULL, NULL}};

void nms_run_open_io(lua_State *L)
{
    luaL_newmetatable(L, WRITER);
    luaL_setfuncs(L, writer_meta, 0);
    luaL_newlib(L, writer_methods);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1); /* the metatable lives in the registry */
    luaL_newlib(L, json_funcs);
    lua_setfield(L, -2, "json");
    luaL_newlib(L, csv_funcs);
    lua_setfield(L, -2, "csv");
    luaL_newlib(L, jsonl_funcs);
    lua_setfield(L, -2, "jsonl");
}
