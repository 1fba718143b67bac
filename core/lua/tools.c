/*
 * tools.c - lint and reference of a loaded ruleset (see nms/tools.h).
 *
 * Both are Lua scripts compiled into the program (lint.lua, describe.lua,
 * embedded by cmake/embed.cmake), run in the ruleset's own state after it
 * loaded, so they see exactly the tables the rule files returned. They get
 * a context table of the sandbox's loaded modules and a few C helpers
 * (read a rule file, look up a case field, closest name); the scripts run
 * with the full base library but the ruleset's tables are only read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lualib.h>

#include "base/base_int.h"
#include "lua/engine_int.h"
#include "lua/ruleset.h"
#include "lua/vm.h"
#include "nms/schema.h"
#include "nms/tools.h"

#include "describe_lua.h"
#include "lint_lua.h"
#include "source_lua.h"

/* Largest rule file the lint reads, in bytes. */
#define MAX_RULE_FILE (8L * 1024 * 1024)
/* Most names ctx.closest compares. */
#define MAX_NAMES 4096

struct tool_run {
    const unsigned char *script;
    size_t script_len;
    const char *chunkname;
    const char *format;             /* describe */
    const struct nms_ruleset *rs;
    nms_finding_fn fn;
    void *fn_ctx;
    size_t count;
};

/* ctx.read(path): the file's text, or nil. Memory comes from Lua and the
 * file is closed before anything can raise. */
static int l_read(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    struct stat st;
    char *buf;
    size_t got = 0;
    FILE *fp;

    if (stat(path, &st) != 0 || st.st_size > MAX_RULE_FILE)
        return 0;
    buf = lua_newuserdatauv(L, (size_t)st.st_size + 1, 0);
    fp = fopen(path, "rb");
    if (fp) {
        got = fread(buf, 1, (size_t)st.st_size, fp);
        fclose(fp);
    }
    if (!fp)
        return 0;
    lua_pushlstring(L, buf, got);
    return 1;
}

/* ctx.path(module): the file module comes from (an overlay's or the
 * ruleset directory's). */
static int l_path(lua_State *L)
{
    nms_push_module_path(L, luaL_checkstring(L, 1));
    return 1;
}

/* ctx.field(path): true when path is a case field; else false and the
 * closest name at the same level, if any. */
static int l_field(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    const char *dot = strrchr(path, '.');
    struct nms_schema_entry entry;
    const char *near;

    if (nms_schema_find(path, &entry) == 0) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    if (dot) {
        lua_pushlstring(L, path, (size_t)(dot - path));
        near = nms_schema_closest(lua_tostring(L, -1), dot + 1);
        lua_pop(L, 1);
    } else {
        near = nms_schema_closest("", path);
    }
    if (!near)
        return 1;
    lua_pushstring(L, near);
    return 2;
}

/* ctx.closest(list, name): the string of list closest to name, or nil. */
static int l_closest(lua_State *L)
{
    const char *name = luaL_checkstring(L, 2);
    lua_Integer n, i;
    const char **names;
    const char *near;

    luaL_checktype(L, 1, LUA_TTABLE);
    n = (lua_Integer)lua_rawlen(L, 1);
    if (n > MAX_NAMES)
        n = MAX_NAMES;
    names = lua_newuserdatauv(L, (size_t)(n + 1) * sizeof *names, 0);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, 1, i + 1);
        names[i] = lua_tostring(L, -1);   /* anchored in the list */
        lua_pop(L, 1);
        if (!names[i])
            names[i] = "";
    }
    names[n] = NULL;
    near = nms_schema_closest_name(names, name);
    if (!near)
        return 0;
    lua_pushstring(L, near);
    return 1;
}

/* ctx.emit(file, line, kind, message): one finding to the caller. */
static int l_emit(lua_State *L)
{
    struct tool_run *run = lua_touserdata(L, lua_upvalueindex(1));
    struct nms_finding f;

    f.file = luaL_checkstring(L, 1);
    f.line = (long)luaL_checkinteger(L, 2);
    f.kind = luaL_checkstring(L, 3);
    f.message = luaL_checkstring(L, 4);
    run->count++;
    if (run->fn && run->fn(run->fn_ctx, &f) != 0)
        return luaL_error(L, "stopped by the caller");
    return 0;
}

/* [-0, +1] The environment of a tool script: the base library, string,
 * table, math and utf8. */
static void push_env(lua_State *L)
{
    static const char *const libs[] = {"string", "table", "math", "utf8", NULL};
    const char *const *lib;

    lua_newtable(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -5);
    }
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    for (lib = libs; *lib; lib++) {
        lua_getfield(L, -1, *lib);
        lua_setfield(L, -3, *lib);
    }
    lua_pop(L, 1);
}

/* [-0, +1] The overrides in force, as a list of "name=value". */
static void push_overrides(lua_State *L, const struct nms_ruleset *rs)
{
    size_t i;

    lua_createtable(L, (int)rs->info.n_params, 0);
    for (i = 0; i < rs->info.n_params; i++) {
        lua_pushstring(L, rs->info.params[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* [-0, +1] The context table the scripts receive (see lint.lua). */
static void push_ctx(lua_State *L, struct tool_run *run)
{
    const struct nms_ruleset *rs = run->rs;

    lua_newtable(L);
    nms_vm_push_loaded(L);
    lua_setfield(L, -2, "loaded");
    nms_vm_push_base(L);
    lua_setfield(L, -2, "base");
    lua_pushstring(L, rs->dir);
    lua_setfield(L, -2, "dir");
    lua_pushcfunction(L, l_read);
    lua_setfield(L, -2, "read");
    lua_pushcfunction(L, l_path);
    lua_setfield(L, -2, "path");
    lua_pushcfunction(L, l_field);
    lua_setfield(L, -2, "field");
    lua_pushcfunction(L, l_closest);
    lua_setfield(L, -2, "closest");
    lua_pushlightuserdata(L, run);
    lua_pushcclosure(L, l_emit, 1);
    lua_setfield(L, -2, "emit");
    lua_pushstring(L, run->format ? run->format : "");
    lua_setfield(L, -2, "format");
    push_overrides(L, rs);
    lua_setfield(L, -2, "overrides");
    lua_pushstring(L, rs->name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, rs->version);
    lua_setfield(L, -2, "version");
    lua_pushstring(L, rs->digest);
    lua_setfield(L, -2, "digest");
}

/* [-0, +1] Compiles embedded script `text` with the tools' environment. */
static void push_script(lua_State *L, const unsigned char *text, size_t len,
                        const char *chunkname)
{
    if (luaL_loadbufferx(L, (const char *)text, len, chunkname, "t") != LUA_OK)
        lua_error(L);
    push_env(L);
    lua_setupvalue(L, -2, 1);
}

/* Protected: runs source.lua, then the tool with ctx.source set; the
 * tool's result stays on top. */
static int run_protected(lua_State *L)
{
    struct tool_run *run = lua_touserdata(L, 1);
    int ctx;

    push_ctx(L, run);
    ctx = lua_gettop(L);
    push_script(L, source_lua, sizeof source_lua - 1, "=source.lua");
    lua_pushvalue(L, ctx);
    lua_call(L, 1, 1);
    lua_setfield(L, ctx, "source");
    push_script(L, run->script, run->script_len, run->chunkname);
    lua_pushvalue(L, ctx);
    lua_call(L, 1, 1);
    return 1;
}

/* The tools read every rule file whole (the lint's patterns, the
 * reference's texts): their work grows with the ruleset, not with a case,
 * and the default ruleset's lint alone came near one case's budget. They
 * get ten; the memory cap and the CPU limit stay a case's. */
#define TOOL_INSTRUCTION_BUDGET (10 * NMS_DEFAULT_INSTRUCTION_BUDGET)

/* Runs `run` in e's state. On NMS_OK, *out (may be NULL) gets a copy of
 * the string the script returned. */
static enum nms_status run_tool(struct nms_engine *e, struct tool_run *run,
                                char **out)
{
    struct nms_vm *vm = nms_engine_vm(e);
    struct nms_limits tool = {TOOL_INSTRUCTION_BUDGET, 0, 0};
    enum nms_status status = NMS_OK;
    int top;

    if (!vm)
        return nms_engine_fail(e, NMS_EINVAL, "no ruleset is loaded");
    run->rs = nms_engine_rs(e);
    top = lua_gettop(vm->L);
    nms_vm_limits_begin(vm, &tool);
    /* lint.lua and describe.lua scan whole rule files with patterns the
     * guard meant for rules would refuse; they are ours, and the budget
     * and CPU limit still stop them. */
    vm->tool = 1;
    lua_pushcfunction(vm->L, run_protected);
    lua_pushlightuserdata(vm->L, run);
    switch (nms_vm_pcall(vm, 1, 1)) {
    case LUA_OK:
        if (out) {
            size_t len;
            const char *s = lua_tolstring(vm->L, -1, &len);
            *out = s ? nms_strndup(s, len) : NULL;
            if (!*out)
                status = NMS_ENOMEM;
        }
        break;
    case LUA_ERRMEM:
        status = NMS_ENOMEM;
        break;
    default:
        status = nms_engine_fail(e, NMS_ELUA, lua_tostring(vm->L, -1));
    }
    nms_vm_limits_end(vm);
    lua_settop(vm->L, top);
    return status;
}

enum nms_status nms_engine_lint(struct nms_engine *e, nms_finding_fn fn,
                                void *ctx, size_t *count)
{
    struct tool_run run;
    enum nms_status status;

    memset(&run, 0, sizeof run);
    run.script = lint_lua;
    run.script_len = sizeof lint_lua - 1;
    run.chunkname = "=lint.lua";
    run.fn = fn;
    run.fn_ctx = ctx;
    status = run_tool(e, &run, NULL);
    *count = run.count;
    return status;
}

enum nms_status nms_engine_describe(struct nms_engine *e, const char *format,
                                    char **out)
{
    struct tool_run run;

    *out = NULL;
    memset(&run, 0, sizeof run);
    run.script = describe_lua;
    run.script_len = sizeof describe_lua - 1;
    run.chunkname = "=describe.lua";
    run.format = format;
    return run_tool(e, &run, out);
}
