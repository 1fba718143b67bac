/*
 * sandbox_lib.c - what rules can reach in the sandbox (sandbox.c holds the
 * state and its limits): the base whitelist and the libraries behind
 * read-only proxies, the string library's pattern functions behind a
 * complexity guard, module environments that refuse undefined names and
 * global writes, load in text mode, and require from the snapshot of the
 * ruleset the digest covers.
 */
/* lgamma_r (glibc, musl and the BSDs declare it for _DEFAULT_SOURCE):
 * lgamma writes the global signgam, a race between batch -j's workers. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/bundled.h"
#include "lua/kleene.h"
#include "lua/limits.h"
#include "lua/memo.h"
#include "lua/namekey.h"
#include "lua/prose.h"
#include "lua/series.h"
#include "lua/sandbox_lib.h"
#include "lua/precompile.h"
#include "lua/vm.h"

/* Registry keys for the sandbox's shared tables. */
#define KEY_BASE "nms.sandbox.base"
#define KEY_LOADED "nms.sandbox.loaded"
#define KEY_SOURCES "nms.sandbox.sources"
#define KEY_SNAPSHOTS "nms.sandbox.snapshots"

/* Module names are dotted lower-case paths below the ruleset directory. */
#define MAX_MODULE_NAME 128

/* ------------------------------------------------------------------------
 * Environments
 * --------------------------------------------------------------------- */

/* __index of the sandbox base, reached only when a name is in neither a
 * module's environment nor the base: an undefined global is a mistake
 * worth stopping on (a typo, a removed library such as os). The key is
 * named as the rules' tostring names it: `_ENV[{}]` printed the table's
 * address, which differs from run to run (luaL_tolstring). */
static int l_undefined_global(lua_State *L)
{
    return luaL_error(L, "undefined global '%s'", nms_limits_tostring(L, 2));
}

/* __newindex of module environments and read-only proxies. */
static int l_env_newindex(lua_State *L)
{
    return luaL_error(L, "assignment to global '%s' is not allowed in rules "
                         "(declare it local)",
                      nms_limits_tostring(L, 2));
}

static int l_readonly_newindex(lua_State *L)
{
    return luaL_error(L, "cannot modify the read-only table (field '%s')",
                      nms_limits_tostring(L, 2));
}

/* The iterator __pairs hands out: next() over the table behind the
 * proxy (upvalue 1), which itself is never handed out. */
static int l_readonly_next(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1)))
        return 2;
    lua_pushnil(L);
    return 1;
}

/* __pairs of a read-only proxy: iterate the table behind it, returning
 * the proxy (not the real table, which a rule could then modify for every
 * later rule and case) as the state. */
static int l_readonly_pairs(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushcclosure(L, l_readonly_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* [-1, +1] Replaces the table on top with a read-only proxy of it. */
static void make_readonly(lua_State *L)
{
    static const luaL_Reg meta[] = {
        {"__newindex", l_readonly_newindex},
        {"__pairs", l_readonly_pairs},
        {NULL, NULL}};

    lua_newtable(L);                 /* proxy */
    lua_newtable(L);                 /* its metatable */
    luaL_setfuncs(L, meta, 0);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");  /* reads go to the real table */
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, -2);               /* leave only the proxy */
}

/* [-0, +1] Pushes a new module environment. */
static void push_env(lua_State *L)
{
    lua_newtable(L);
    lua_newtable(L);
    /* __index is the base table itself, not a function: globals such as
     * ipairs are read in hot loops, and a table lookup stays in the VM. */
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_BASE);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_env_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

/* ------------------------------------------------------------------------
 * Functions rules can call
 * --------------------------------------------------------------------- */

/* Gives the chunk on top a fresh environment as its _ENV upvalue. */
static void set_env(lua_State *L)
{
    push_env(L);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);   /* a chunk with no globals has no _ENV upvalue */
}

/*
 * @function load(chunk [, chunkname])
 * Compiles a string of Lua text (never bytecode) in a fresh environment.
 * @return the function, or nil and the error message
 * @usage local f = load("return 1 + 1")
 */
static int l_load(lua_State *L)
{
    size_t len;
    const char *chunk = luaL_checklstring(L, 1, &len);
    const char *given = luaL_optstring(L, 2, NULL);
    const char *name;

    /* The chunk is always named "=(load) ...": a name of the rule's own
     * ("@rules/criteria/iec2011.lua") must not make its errors look as if
     * they came from a file of the ruleset. */
    if (given) {
        while (*given == '@' || *given == '=')
            given++;
        lua_pushliteral(L, "=(load) ");
        lua_pushlstring(L, given, strlen(given) > 60 ? 60 : strlen(given));
        lua_concat(L, 2);
        name = lua_tostring(L, -1);
    } else {
        name = lua_pushliteral(L, "=(load)");
    }
    nms_limits_charge(L, (double)len / 4);   /* compiling is work in C */
    if (luaL_loadbufferx(L, chunk, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    set_env(L);
    return 1;
}

static int valid_module_name(const char *name)
{
    size_t i, n = strlen(name);

    if (n == 0 || n > MAX_MODULE_NAME || name[0] == '.' || name[n - 1] == '.')
        return 0;
    for (i = 0; i < n; i++) {
        char ch = name[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                 ch == '_' || (ch == '.' && name[i + 1] != '.');
        if (!ok)
            return 0;
    }
    return 1;
}

/* [-0, +1] Pushes "<dir>/<module as a path>.lua". */
static const char *push_path_in(lua_State *L, const char *dir,
                                const char *module)
{
    luaL_Buffer path;
    const char *p;

    luaL_buffinit(L, &path);
    luaL_addstring(&path, dir);
    luaL_addchar(&path, '/');
    for (p = module; *p; p++)
        luaL_addchar(&path, *p == '.' ? '/' : *p);
    luaL_addstring(&path, ".lua");
    luaL_pushresult(&path);
    return lua_tostring(L, -1);
}

/* A rule file's text in a snapshot the state keeps: what KEY_SOURCES
 * holds for each file, as a light userdata. */
struct source {
    const char *text;
    size_t len;
    const struct nms_bundled_file *bundled; /* the snapshot's: NULL, or its
                                               bundled bytecode */
};

/* __gc of a snapshot the state took: its text goes with the state. */
static int l_release_snapshot(lua_State *L)
{
    nms_snapshot_release(lua_touserdata(L, 1));
    return 0;
}

void nms_vm_set_sources(lua_State *L, const char *dir,
                        struct nms_snapshot *snap)
{
    struct nms_snapshot *kept;
    struct source *sources;
    size_t i;

    if (lua_getfield(L, LUA_REGISTRYINDEX, KEY_SOURCES) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, (int)snap->n);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, KEY_SOURCES);
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, KEY_SNAPSHOTS);
    }
    /* The snapshot itself, not a copy: ~0.5 MB not copied and its pages
     * not touched again at every start (0.4 ms of a cold eval). Anchored
     * in the registry, freed with the state (__gc). */
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_SNAPSHOTS);
    sources = lua_newuserdatauv(L, (snap->n ? snap->n : 1) * sizeof *sources,
                                0);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    kept = lua_newuserdatauv(L, sizeof *kept, 0);
    memset(kept, 0, sizeof *kept);
    lua_newtable(L);
    lua_pushcfunction(L, l_release_snapshot);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    *kept = *snap;                  /* taken: nothing raises before this */
    memset(snap, 0, sizeof *snap);
    for (i = 0; i < kept->n; i++) {
        sources[i].text = kept->texts[i];
        sources[i].len = kept->lens[i];
        sources[i].bundled = kept->bundled ? kept->bundled[i] : NULL;
        lua_pushfstring(L, "%s/%s", dir, kept->paths[i]);
        lua_pushlightuserdata(L, &sources[i]);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
}

/* Compiles the module file `path` ("<dir>/<module as a path>.lua") from
 * the snapshots the digests were computed over (chunk name "@<path>", as a
 * file would have), or loads the same function from bytecode: the
 * program's own when the text is the bundled ruleset's (bundled.h), or
 * the compiling thread's (precompile.h); with no snapshot (a state used
 * without a ruleset load), from the file. Returns a lua status;
 * LUA_ERRFILE when the ruleset has no such module. */
static int load_source(lua_State *L, const char *path)
{
    struct nms_vm *vm = nms_vm_of(L);
    const struct source *source;
    int status;

    if (lua_getfield(L, LUA_REGISTRYINDEX, KEY_SOURCES) != LUA_TTABLE) {
        lua_pop(L, 1);
        return luaL_loadfilex(L, path, "t");
    }
    if (lua_getfield(L, -1, path) != LUA_TLIGHTUSERDATA) {
        lua_pop(L, 2);
        lua_pushfstring(L, "cannot open %s", path);
        return LUA_ERRFILE;
    }
    source = lua_touserdata(L, -1);
    lua_pop(L, 2);
    lua_pushfstring(L, "@%s", path);
    if (source->bundled && nms_bundled_load(L, vm->bundled, source->bundled,
                                            lua_tostring(L, -1))) {
        vm->bundled_loads++;
        status = LUA_OK;
    } else if (nms_precompile_take(vm->precompile, L, path, source->text,
                                   source->len)) {
        status = LUA_OK;
    } else {
        status = luaL_loadbufferx(L, source->text, source->len,
                                  lua_tostring(L, -1), "t");
    }
    lua_remove(L, -2);              /* the chunk name */
    return status;
}

/* Whether the module file `path` exists: in the snapshots once a ruleset
 * is loading or loaded (an edit on disk later changes nothing), else on
 * disk. */
static int have_source(lua_State *L, const char *path)
{
    struct stat st;
    int found;

    if (lua_getfield(L, LUA_REGISTRYINDEX, KEY_SOURCES) != LUA_TTABLE) {
        lua_pop(L, 1);
        return stat(path, &st) == 0;
    }
    found = lua_getfield(L, -1, path) == LUA_TLIGHTUSERDATA;
    lua_pop(L, 2);
    return found;
}

const char *nms_push_module_path(lua_State *L, const char *module)
{
    struct nms_vm *vm = nms_vm_of(L);
    size_t i;

    /* The latest overlay that has the file wins (a site's local changes
     * over the shipped ruleset), else the ruleset directory. */
    for (i = vm->n_overlays; i-- > 0;) {
        if (have_source(L, push_path_in(L, vm->overlays[i], module)))
            return lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return push_path_in(L, vm->dir, module);
}

/* [-1, +1] Loads and runs module `name` (on top) from the ruleset
 * directory; raises with the file and line of what went wrong. */
static int load_module(lua_State *L)
{
    const char *name = lua_tostring(L, 1);

    nms_push_module_path(L, name);
    switch (load_source(L, lua_tostring(L, -1))) {
    case LUA_OK:
        break;
    case LUA_ERRFILE:   /* name the caller: level 2, past l_require */
        luaL_where(L, 2);
        lua_pushfstring(L, "%smodule '%s' not found in the ruleset (no file "
                           "'%s')", lua_tostring(L, -1), name,
                        lua_tostring(L, -3));
        return lua_error(L);
    default:            /* a syntax error already names file and line */
        return lua_error(L);
    }
    set_env(L);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    return 1;
}

/* Message handler of a module's load: its frames are gone by the time
 * the rule's handler (sandbox.c) sees the error again. So an error value
 * that is not a string becomes a message with the place of the innermost
 * frame of the ruleset, as Lua's own messages have one (a string is left
 * as raised: error(msg, 0) asks for no place, and locate.c finds a data
 * row's); and a stop (the budget, the CPU time), whose message sandbox.c
 * words again from vm->fault, leaves that place there. */
static int place_module_error(lua_State *L)
{
    struct nms_vm *vm = nms_vm_of(L);
    lua_Debug ar;
    int level;

    for (level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 ||
            ar.source[0] != '@')
            continue;
        if (vm->stopping && !vm->fault.file[0]) {
            snprintf(vm->fault.file, sizeof vm->fault.file, "%s",
                     ar.source + 1);
            vm->fault.line = ar.currentline;
        }
        if (!lua_isstring(L, 1))
            lua_pushfstring(L, "%s:%d: (error object is a %s value)",
                            ar.short_src, ar.currentline,
                            luaL_typename(L, 1));
        return 1;
    }
    return 1;   /* the value as raised: sandbox.c's handler words it */
}

/*
 * @function require(name)
 * Loads module `name` ("lib.time" is lib/time.lua in the ruleset
 * directory) once, in text mode and its own environment, and returns
 * what it returned (true if nothing).
 * @usage local P = require "lib.params"
 */
static int l_require(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    int loaded;

    if (!valid_module_name(name))
        return luaL_error(L, "invalid module name '%s' (use lower-case dotted "
                             "names such as 'lib.time')", name);
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_LOADED);
    loaded = lua_gettop(L);
    if (lua_getfield(L, loaded, name) != LUA_TNIL) {
        if (lua_islightuserdata(L, -1))
            return luaL_error(L, "module '%s' requires itself (circular "
                                 "require)", name);
        return 1;
    }
    lua_pushlightuserdata(L, nms_vm_of(L));         /* mark: loading */
    lua_setfield(L, loaded, name);
    lua_pushcfunction(L, place_module_error);
    lua_pushcfunction(L, load_module);
    lua_pushvalue(L, 1);
    if (lua_pcall(L, 1, 1, -3) != LUA_OK) {
        lua_pushnil(L);                         /* a later require retries */
        lua_setfield(L, loaded, name);
        return lua_error(L);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);              /* loaded[name] = result */
    return 1;
}

/*
 * @function nms.format_time(t, form)
 * Formats time `t` (hours) as the case wrote its times: form "iso" gives
 * "2026-03-03T02:10Z", form "hours" gives "50 h".
 * @usage nms.format_time(case.vitals[1].t, case.time_form)
 */
static int l_format_time(lua_State *L)
{
    static const char *const forms[] = {"hours", "iso", NULL};
    double t = luaL_checknumber(L, 1);
    int form = luaL_checkoption(L, 2, "hours", forms);
    char buf[64];

    lua_pushstring(L, nms_time_format(t, form == 1 ? NMS_TIME_ISO
                                                   : NMS_TIME_HOURS,
                                      buf, sizeof buf));
    return 1;
}

/* ------------------------------------------------------------------------
 * Pattern matching
 * --------------------------------------------------------------------- */

/* Lua's pattern matcher runs in C, where the instruction budget cannot
 * reach it, and backtracks: k variable-length items (x* x+ x- %bxy, and a
 * back-reference %1-%9, which compares up to the whole subject at each
 * step) can split the n bytes of the subject in about n^k/k! ways, and an
 * unanchored pattern (find, match, gmatch, gsub without '^') is tried at
 * all n start positions, one more factor; each optional item (x?) tries
 * both ways, a factor of 2 (r of them: 2^r, so "a?" * 40 .. "a" * 40
 * against 40 a's is 2^40 steps on a 40-byte subject). With q items the
 * estimate is n^(q+1)/(q+1)! steps unanchored, n^q/q! anchored, times
 * 2^r; a pattern with neither still compares up to its m bytes at each
 * start: n*m. Calls whose estimate passes this many steps (one or two
 * seconds of C at worst) are refused instead of hanging, since nothing
 * (the CPU-time limit, an interrupt) reaches a match before it returns; on
 * the strings of a case (at most 1,024 bytes) every pattern with up to two
 * such items and no optional one passes. */
#define NMS_PATTERN_STEPS 2e8

/* The items of a Lua pattern that make its matcher backtrack, outside
 * escapes and character sets. */
struct pattern_items {
    int variable;   /* * + - %bxy %1-%9: up to the whole subject each */
    int optional;   /* ?: one byte or none */
};

static struct pattern_items count_quantifiers(const char *p, size_t len)
{
    struct pattern_items items = {0, 0};
    size_t i = 0;

    while (i < len) {
        char ch = p[i++];
        if (ch == '%') {
            if (i < len && p[i] == 'b') {
                items.variable++;             /* %bxy scans to the match */
                i += 2;                       /* x and y are literal bytes */
            } else if (i < len && p[i] >= '1' && p[i] <= '9') {
                items.variable++;             /* compares the capture */
            }
            i++;                              /* the escaped character */
        } else if (ch == '[') {
            if (i < len && p[i] == '^')
                i++;
            if (i < len && p[i] == ']')
                i++;                          /* a leading ] is literal */
            while (i < len && p[i] != ']')
                i += p[i] == '%' ? 2 : 1;
            i++;
        } else if (ch == '*' || ch == '+' || ch == '-') {
            items.variable++;
        } else if (ch == '?') {
            items.optional++;
        }
    }
    return items;
}

/* log of the estimated matching steps (see NMS_PATTERN_STEPS) of a
 * pattern with these items; logn is log(n + 1). */
static double pattern_cost(const char *p, size_t m, struct pattern_items items,
                           double logn, int gmatch)
{
    int unanchored = gmatch || !(m > 0 && p[0] == '^');
    int q = items.variable;
    int sign;   /* lgamma_r's, unused: the argument is >= 2 */

    if (q == 0)
        return logn + log((double)m + 1) + items.optional * log(2.0);
    return (q + unanchored) * logn - lgamma_r(q + unanchored + 1.0, &sign) +
           items.optional * log(2.0);
}

/* A plain find compares with memchr and memcmp: cheap steps. So are the
 * byte comparisons of a pattern without variable-length items. */
#define NMS_PLAIN_FIND_STEPS 1e10
#define NMS_LITERAL_STEPS 2e9

/* string.find/match/gmatch/gsub with the complexity check; the original
 * function is upvalue 1, upvalue 2 is 1 for find, 2 for gmatch (where '^'
 * anchors nothing), else 0. A plain find (4th argument true) costs n*m at
 * most. The subject is charged to the budget. */
static int l_guarded_pattern(lua_State *L)
{
    size_t subject_len, pattern_len;
    const char *pattern;
    lua_Integer kind = lua_tointeger(L, lua_upvalueindex(2));
    struct pattern_items items = {0, 0};
    double cost, logn;
    int plain, q;

    luaL_checklstring(L, 1, &subject_len);
    pattern = luaL_checklstring(L, 2, &pattern_len);
    plain = kind == 1 && lua_toboolean(L, 4);
    /* counted and logged once per call: the guard runs on every pattern
     * call of every rule */
    if (!plain)
        items = count_quantifiers(pattern, pattern_len);
    q = items.variable + items.optional;
    logn = log((double)subject_len + 1);
    cost = plain ? 0
                 : pattern_cost(pattern, pattern_len, items, logn, kind == 2);
    if (!nms_vm_of(L)->tool &&
        (plain ? logn + log((double)pattern_len + 1) >
                     log(NMS_PLAIN_FIND_STEPS)
               : cost > log(q == 0 ? NMS_LITERAL_STEPS : NMS_PATTERN_STEPS)))
        return luaL_error(L, "pattern with %d quantifiers is too costly for a "
                             "subject of %I bytes (sandbox limit)",
                          q, (lua_Integer)subject_len);
    lua_pushvalue(L, lua_upvalueindex(1));   /* metered: see limits.c */
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    /* A costly match may have taken a while: read the clock now. */
    if (cost > log(NMS_PATTERN_STEPS / 100) &&
        nms_limits_check(nms_vm_of(L)))
        nms_limits_charge(L, 0);   /* raises the stop */
    return lua_gettop(L);
}

/* [-0, +0] Wraps the pattern functions of the string table on top. */
static void guard_patterns(lua_State *L)
{
    static const char *const names[] = {"find", "match", "gmatch", "gsub",
                                        NULL};
    const char *const *name;

    for (name = names; *name; name++) {
        lua_getfield(L, -1, *name);
        lua_pushinteger(L, name == names ? 1 : name == names + 2 ? 2 : 0);
        lua_pushcclosure(L, l_guarded_pattern, 2);
        lua_setfield(L, -2, *name);
    }
}

/* ------------------------------------------------------------------------
 * Building the state
 * --------------------------------------------------------------------- */

/* Base functions rules may use; everything else in base is left out. */
static const char *const base_allowed[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs",
    "pcall", "rawequal", "rawget", "rawlen", "select", "setmetatable",
    "tonumber", "tostring", "type", "xpcall", NULL};

/* Libraries rules may use, each behind a read-only proxy. */
static const luaL_Reg libraries[] = {
    {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table},
    {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8},
    {NULL, NULL}};

static const luaL_Reg sandbox_functions[] = {
    {"load", l_load},
    {"require", l_require},
    {NULL, NULL}};

/* nms.evidence(): false while the engine evaluates items whose evidence
 * text nobody will read (--evidence none, the first pass of decisive), so
 * that the helpers of rules/lib skip writing it; true otherwise. */
static int l_evidence(lua_State *L)
{
    lua_pushboolean(L, !nms_vm_of(L)->quiet);
    return 1;
}

static const luaL_Reg nms_api[] = {
    {"evidence", l_evidence},
    {"format_time", l_format_time},
    {"memo", nms_memo_call},
    {"memoize", nms_memo_memoize},
    {"name_key", nms_name_key},
    /* the mechanics of rules/lib's hottest helpers are added by
     * nms_prose_open (fmt's), nms_kleene_open (tri's, nms.finding) and
     * nms_series_open (vitals' and exam's walks over readings) */
    {NULL, NULL}};

/* [-0, +0] Builds the table every module environment reads from. */
static void build_base(lua_State *L)
{
    const luaL_Reg *lib;
    const char *const *name;

    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);  /* _G */
    lua_newtable(L);                                /* base */
    for (name = base_allowed; *name; name++) {
        lua_getfield(L, -2, *name);
        lua_setfield(L, -2, *name);
    }
    nms_limits_wrap_base(L);
    for (lib = libraries; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 0);
        nms_limits_wrap_library(L, lib->name);
        if (lib->func == luaopen_string) {
            lua_pushnil(L);   /* string.dump makes bytecode: not for rules */
            lua_setfield(L, -2, "dump");
            guard_patterns(L);
        }
        make_readonly(L);
        lua_setfield(L, -2, lib->name);
    }
    luaL_setfuncs(L, sandbox_functions, 0);
    luaL_newlib(L, nms_api);
    nms_prose_open(L);
    nms_kleene_open(L);
    nms_series_open(L);
    make_readonly(L);
    lua_setfield(L, -2, "nms");
    lua_newtable(L);                                /* base's metatable */
    lua_pushcfunction(L, l_undefined_global);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_BASE);
    lua_pop(L, 1);                                  /* _G */
}

/* Hides the string metatable: rules share it (("x"):upper() goes through
 * it), so one rule replacing its __index would change every other rule. */
static void lock_string_metatable(lua_State *L)
{
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

int nms_sandbox_build(lua_State *L)
{
    build_base(L);
    lock_string_metatable(L);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_LOADED);
    return 0;
}

void nms_vm_require(lua_State *L, const char *name)
{
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_BASE);
    lua_getfield(L, -1, "require");
    lua_remove(L, -2);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
}

void nms_vm_push_loaded(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_LOADED);
}

void nms_vm_push_base(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_BASE);
}
