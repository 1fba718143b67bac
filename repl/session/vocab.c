/*
 * vocab.c - the names the loaded ruleset offers to completion and to "did
 * you mean" notes: its drug names and brands, and the ids of its sets.
 *
 * Nothing clinical is written here. Set ids come from the loaded ruleset
 * (nms_engine_ruleset). Drug names come from the ruleset's own `drugs` module
 * (docs/rules.md: rows of {generic, atc, class, brands = {...}, also =
 * {...}}), loaded in a separate, throw-away Lua state with no libraries
 * but string and table, text chunks only, and an instruction limit; a
 * ruleset without that module simply gives no drug names.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "session/session.h"

/* Most names kept of each kind; a ruleset lists a few hundred drugs. */
#define VOCAB_MAX 4096
/* Instructions the drug module may take to load. */
#define VOCAB_BUDGET 10000000

/* Appends a copy of `name` to the NULL-terminated list (*list, *n). */
static void add_name(char ***list, size_t *n, const char *name)
{
    char **grown;

    if (*n >= VOCAB_MAX)
        return;
    grown = realloc(*list, (*n + 2) * sizeof *grown);
    if (!grown)
        return;
    *list = grown;
    grown[*n] = strdup(name);
    if (grown[*n])
        (*n)++;
    grown[*n] = NULL;
}

static void stop_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    luaL_error(L, "the drug list took too long to load");
}

/* require() for the drug module: loads "<dir>/<name with / for .>.lua"
 * in text mode into the same bare environment. [-1, +1] */
static int l_require(lua_State *L)
{
    const char *dir = lua_tostring(L, lua_upvalueindex(1));
    const char *name = luaL_checkstring(L, 1);
    luaL_Buffer path;

    luaL_buffinit(L, &path);
    luaL_addstring(&path, dir);
    luaL_addchar(&path, '/');
    for (; *name; name++)
        luaL_addchar(&path, *name == '.' ? '/' : *name);
    luaL_addstring(&path, ".lua");
    luaL_pushresult(&path);
    if (luaL_loadfilex(L, lua_tostring(L, -1), "t") != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, 1);
    return 1;
}

/* Adds the strings of field `key` (a string or a list of strings) of the
 * table on top. [-0, +0] */
static void add_field(lua_State *L, struct vocab *v, const char *key)
{
    lua_Integer i;
    int type = lua_getfield(L, -1, key);

    if (type == LUA_TSTRING)
        add_name(&v->drugs, &v->n_drugs, lua_tostring(L, -1));
    if (type == LUA_TTABLE) {
        for (i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING; i++) {
            add_name(&v->drugs, &v->n_drugs, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);   /* the value that ended the list */
    }
    lua_pop(L, 1);
}

/* Protected: loads the drug module and collects its names. [-0, +0] */
static int l_collect(lua_State *L)
{
    struct vocab *v = lua_touserdata(L, 1);
    lua_Integer i;

    lua_pushcclosure(L, l_require, 1);   /* upvalue: the ruleset dir (arg 2) */
    lua_setglobal(L, "require");
    lua_getglobal(L, "require");
    lua_pushliteral(L, "drugs");
    lua_call(L, 1, 1);
    if (lua_getfield(L, -1, "drugs") != LUA_TTABLE)
        return 0;
    for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
        lua_rawgeti(L, -1, 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            add_name(&v->drugs, &v->n_drugs, lua_tostring(L, -1));
        lua_pop(L, 1);
        add_field(L, v, "brands");
        add_field(L, v, "also");
        lua_pop(L, 1);
    }
    return 0;
}

static void load_drugs(struct session *s)
{
    lua_State *L = luaL_newstate();

    if (!L)
        return;
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    lua_settop(L, 0);
    lua_pushnil(L);
    lua_setglobal(L, "dofile");   /* data only: no other files, no chunks */
    lua_pushnil(L);
    lua_setglobal(L, "loadfile");
    lua_pushnil(L);
    lua_setglobal(L, "load");
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, VOCAB_BUDGET);
    lua_pushcfunction(L, l_collect);
    lua_pushlightuserdata(L, &s->vocab);
    lua_pushstring(L, s->rules_dir);
    lua_pcall(L, 2, 0, 0);   /* a failure leaves what was collected */
    lua_close(L);
}

/* The set ids of the loaded ruleset, in result order. */
static void load_sets(struct session *s)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(s->engine);
    size_t i;

    for (i = 0; rs && i < rs->n_sets; i++)
        add_name(&s->vocab.sets, &s->vocab.n_sets, rs->sets[i].id);
}

void vocab_load(struct session *s)
{
    load_drugs(s);
    load_sets(s);
}

static void free_list(char **list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void vocab_release(struct vocab *v)
{
    free_list(v->drugs, v->n_drugs);
    free_list(v->sets, v->n_sets);
    memset(v, 0, sizeof *v);
}
