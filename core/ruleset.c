/*
 * ruleset.c - loading a ruleset directory and validating what it declares.
 *
 * A ruleset is a directory of Lua modules: ruleset.lua (the manifest: name,
 * version, the parameters module and the criteria-set modules in report
 * order), the parameters, and the criteria sets themselves. This file
 * requires them in that order inside the sandbox, applies parameter
 * overrides between the parameters and the criteria, and checks every
 * field a criteria set declares, so that a mistake in a rule file is
 * reported at load time with the file and the field, not on the first case.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "engine_int.h"

/* A criteria set may not declare more items than this; IEC has eight. */
#define NMS_MAX_ITEMS 256
/* Nor may a ruleset hold more criteria sets than this. */
#define NMS_MAX_SETS 64

struct load_args {
    struct nms_vm *vm;
    char *const *overrides;
    size_t n_overrides;
};

/* Raises "<file>: <context>: <message>" for the module `module`. */
static int fail_in(lua_State *L, const char *module, const char *context,
                   const char *message)
{
    const char *file = nms_push_module_path(L, module);

    if (context && *context)
        lua_pushfstring(L, "%s: %s: %s", file, context, message);
    else
        lua_pushfstring(L, "%s: %s", file, message);
    return lua_error(L);
}

/* Copies string field `key` of the table at `idx` into *dst (a malloc'd
 * copy, anchored in the vm before anything can raise again). A missing
 * optional field leaves *dst NULL. */
static void take_string(lua_State *L, int idx, const char *key, char **dst,
                        int required, const char *module, const char *ctx)
{
    int type = lua_getfield(L, idx, key);

    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return;
    }
    if (type != LUA_TSTRING) {
        lua_pushfstring(L, "field '%s' must be a string, got %s", key,
                        lua_typename(L, type));
        fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    *dst = nms_strndup(lua_tostring(L, -1), lua_rawlen(L, -1));
    if (!*dst)
        luaL_error(L, "not enough memory");
    lua_pop(L, 1);
}

static double take_number(lua_State *L, int idx, const char *key,
                          const char *module, const char *ctx)
{
    double value;

    if (lua_getfield(L, idx, key) != LUA_TNUMBER) {
        lua_pushfstring(L, "field '%s' must be a number, got %s", key,
                        luaL_typename(L, -1));
        fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    value = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return value;
}

/* Identifiers (set and item ids) are lower_snake_case, so they are safe as
 * JSON keys, CSV column names and REPL arguments. */
static int valid_id(const char *id)
{
    if (!*id || !(*id >= 'a' && *id <= 'z'))
        return 0;
    for (; *id; id++)
        if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9') ||
              *id == '_'))
            return 0;
    return 1;
}

/* [-0, +1] Calls the sandbox's require(name). */
static void require_module(lua_State *L, const char *name)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "nms.sandbox.base");
    lua_getfield(L, -1, "require");
    lua_remove(L, -2);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
}

/* ------------------------------------------------------------------------
 * Parameters
 * --------------------------------------------------------------------- */

enum nms_param_kind nms_param_classify(const char *text, double *number)
{
    char *end;

    errno = 0;
    *number = strtod(text, &end);
    if (*text && !*end && errno == 0 && isfinite(*number))
        return NMS_PARAM_NUMBER;
    if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
        *number = text[0] == 't';
        return NMS_PARAM_BOOLEAN;
    }
    return NMS_PARAM_STRING;
}

/* [-0, +1] Pushes the text of an override value as a number, boolean or
 * string, the way a user typing --param means it. */
static void push_param_value(lua_State *L, const char *text)
{
    double number;

    switch (nms_param_classify(text, &number)) {
    case NMS_PARAM_NUMBER:
        lua_pushnumber(L, number);
        break;
    case NMS_PARAM_BOOLEAN:
        lua_pushboolean(L, number != 0);
        break;
    case NMS_PARAM_STRING:
        lua_pushstring(L, text);
        break;
    }
}

/* Applies NAME=VALUE overrides to the parameters table on top. */
static void apply_overrides(lua_State *L, const char *module,
                            char *const *overrides, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *eq = strchr(overrides[i], '=');
        if (!eq)
            continue;   /* nms_engine_set_param only accepts NAME=VALUE */
        lua_pushlstring(L, overrides[i], (size_t)(eq - overrides[i]));
        if (lua_gettable(L, -2) != LUA_TTABLE) {
            lua_pushfstring(L, "unknown parameter '%s'",
                            lua_pushlstring(L, overrides[i],
                                            (size_t)(eq - overrides[i])));
            fail_in(L, module, "--param", lua_tostring(L, -1));
        }
        push_param_value(L, eq + 1);
        lua_setfield(L, -2, "value");
        lua_pop(L, 1);
    }
}

/* ------------------------------------------------------------------------
 * Criteria sets
 * --------------------------------------------------------------------- */

/* Validates item `i` (the table on top) of the set being loaded. */
static void load_item(lua_State *L, struct nms_set_def *set, size_t i,
                      const char *module)
{
    struct nms_item_def *item = &set->items[i];
    int top = lua_gettop(L);
    char ctx[160];
    lua_Debug ar;

    snprintf(ctx, sizeof ctx, "criteria set '%s': item %zu", set->id, i + 1);
    if (!lua_istable(L, top))
        fail_in(L, module, ctx, "must be a table");
    take_string(L, top, "id", &item->id, 1, module, ctx);
    if (!valid_id(item->id))
        fail_in(L, module, ctx, "id must be lower_snake_case");
    snprintf(ctx, sizeof ctx, "criteria set '%s': item '%s'", set->id,
             item->id);
    take_string(L, top, "title", &item->title, 1, module, ctx);
    take_string(L, top, "definition", &item->definition, 0, module, ctx);
    take_string(L, top, "needs", &item->needs, 1, module, ctx);
    item->points = take_number(L, top, "points", module, ctx);
    if (!(item->points > 0))
        fail_in(L, module, ctx, "points must be greater than 0");
    if (lua_getfield(L, top, "check") != LUA_TFUNCTION) {
        lua_pushfstring(L, "field 'check' must be a function, got %s",
                        luaL_typename(L, -1));
        fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    item->line = ar.linedefined;
    item->file = nms_strndup(ar.source[0] == '@' ? ar.source + 1 : ar.source,
                             strlen(ar.source));
    if (!item->file)
        luaL_error(L, "not enough memory");
    item->check_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, top);
}

/* Rejects a second item with the same id: results are keyed by it. */
static void check_unique_items(lua_State *L, const struct nms_set_def *set,
                               const char *module)
{
    size_t i, j;

    for (i = 0; i < set->n_items; i++)
        for (j = 0; j < i; j++)
            if (strcmp(set->items[i].id, set->items[j].id) == 0) {
                lua_pushfstring(L, "duplicate item id '%s'", set->items[i].id);
                fail_in(L, module, set->id, lua_tostring(L, -1));
            }
}

/* Validates the criteria set returned by `module` (on top) into *set. */
static void load_set(lua_State *L, struct nms_set_def *set, const char *module)
{
    int top = lua_gettop(L);
    lua_Unsigned n;
    size_t i;

    if (!lua_istable(L, top))
        fail_in(L, module, NULL, "a criteria module must return a table");
    take_string(L, top, "id", &set->id, 1, module, "criteria set");
    if (!valid_id(set->id))
        fail_in(L, module, "criteria set", "id must be lower_snake_case");
    take_string(L, top, "title", &set->title, 1, module, set->id);
    take_string(L, top, "version", &set->version, 1, module, set->id);
    take_string(L, top, "citation", &set->citation, 1, module, set->id);
    take_string(L, top, "kind", &set->kind, 1, module, set->id);
    if (strcmp(set->kind, "points") != 0)
        fail_in(L, module, set->id, "kind must be \"points\"");
    set->threshold = take_number(L, top, "threshold", module, set->id);
    if (lua_getfield(L, top, "items") != LUA_TTABLE)
        fail_in(L, module, set->id, "field 'items' must be a list of items");
    n = lua_rawlen(L, -1);
    if (n == 0 || n > NMS_MAX_ITEMS)
        fail_in(L, module, set->id, "must have between 1 and 256 items");
    set->items = calloc((size_t)n, sizeof *set->items);
    if (!set->items)
        luaL_error(L, "not enough memory");
    for (i = 0; i < (size_t)n; i++) {
        set->items[i].check_ref = LUA_NOREF;
        set->n_items = i + 1;
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        load_item(L, set, i, module);
        lua_pop(L, 1);
    }
    check_unique_items(L, set, module);
    lua_settop(L, top);
}

/* ------------------------------------------------------------------------
 * The manifest
 * --------------------------------------------------------------------- */

static void load_criteria(lua_State *L, struct nms_vm *vm, int manifest)
{
    lua_Unsigned n;
    size_t i, j;

    if (lua_getfield(L, manifest, "criteria") != LUA_TTABLE)
        fail_in(L, "ruleset", NULL, "field 'criteria' must be a list of "
                                    "module names");
    n = lua_rawlen(L, -1);
    if (n == 0 || n > NMS_MAX_SETS)
        fail_in(L, "ruleset", NULL, "'criteria' must name 1 to 64 modules");
    vm->sets = calloc((size_t)n, sizeof *vm->sets);
    vm->criteria_ids = calloc((size_t)n, sizeof *vm->criteria_ids);
    if (!vm->sets || !vm->criteria_ids)
        luaL_error(L, "not enough memory");
    for (i = 0; i < (size_t)n; i++) {
        const char *module;
        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TSTRING)
            fail_in(L, "ruleset", NULL, "'criteria' entries must be strings");
        module = lua_tostring(L, -1);
        vm->n_sets = i + 1;
        require_module(L, module);
        load_set(L, &vm->sets[i], module);
        for (j = 0; j < i; j++)
            if (strcmp(vm->sets[j].id, vm->sets[i].id) == 0)
                fail_in(L, module, vm->sets[i].id, "duplicate criteria id");
        vm->criteria_ids[i] = vm->sets[i].id;
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* Protected body of nms_ruleset_load. */
static int load_protected(lua_State *L)
{
    struct load_args *args = lua_touserdata(L, 1);
    struct nms_vm *vm = args->vm;
    char *params = NULL;
    int manifest;

    require_module(L, "ruleset");
    manifest = lua_gettop(L);
    if (!lua_istable(L, manifest))
        fail_in(L, "ruleset", NULL, "the manifest must return a table");
    take_string(L, manifest, "name", &vm->name, 1, "ruleset", NULL);
    take_string(L, manifest, "version", &vm->version, 1, "ruleset", NULL);
    take_string(L, manifest, "title", &vm->title, 0, "ruleset", NULL);
    take_string(L, manifest, "params", &params, 0, "ruleset", NULL);
    if (params) {
        lua_pushstring(L, params);
        free(params);   /* copied to the stack before anything can raise */
        require_module(L, lua_tostring(L, -1));
        if (!lua_istable(L, -1))
            fail_in(L, lua_tostring(L, -2), NULL, "must return a table");
        apply_overrides(L, lua_tostring(L, -2), args->overrides,
                        args->n_overrides);
        lua_pop(L, 2);
    } else if (args->n_overrides > 0) {
        fail_in(L, "ruleset", "--param", "this ruleset declares no parameters");
    }
    load_criteria(L, vm, manifest);
    return 0;
}

enum nms_status nms_ruleset_load(struct nms_vm *vm, char *const *overrides,
                                 size_t n_overrides, char *errmsg,
                                 size_t errsize)
{
    struct load_args args = {vm, overrides, n_overrides};
    struct nms_limits none = {0, 0};
    int status;

    vm->digest = nms_digest_dir(vm->dir, errmsg, errsize);
    if (!vm->digest)
        return NMS_ERULES;
    nms_vm_limits_begin(vm, &none);
    lua_pushcfunction(vm->L, load_protected);
    lua_pushlightuserdata(vm->L, &args);
    status = nms_vm_pcall(vm, 1, 0);
    nms_vm_limits_end(vm);
    if (status != LUA_OK) {
        snprintf(errmsg, errsize, "%s", lua_tostring(vm->L, -1));
        lua_pop(vm->L, 1);
        return status == LUA_ERRMEM ? NMS_ENOMEM : NMS_ERULES;
    }
    vm->info.name = vm->name;
    vm->info.version = vm->version;
    vm->info.title = vm->title;
    vm->info.digest = vm->digest;
    vm->info.dir = vm->dir;
    vm->info.n_criteria = vm->n_sets;
    vm->info.criteria_ids = vm->criteria_ids;
    return NMS_OK;
}

static void release_set(lua_State *L, struct nms_set_def *set)
{
    size_t i;

    for (i = 0; i < set->n_items; i++) {
        struct nms_item_def *item = &set->items[i];
        if (L)
            luaL_unref(L, LUA_REGISTRYINDEX, item->check_ref);
        free(item->id);
        free(item->title);
        free(item->definition);
        free(item->needs);
        free(item->file);
    }
    free(set->items);
    free(set->id);
    free(set->title);
    free(set->version);
    free(set->citation);
    free(set->kind);
}

void nms_ruleset_release(struct nms_vm *vm)
{
    size_t i;

    for (i = 0; i < vm->n_sets; i++)
        release_set(vm->L, &vm->sets[i]);
    free(vm->sets);
    free(vm->criteria_ids);
    free(vm->name);
    free(vm->version);
    free(vm->title);
    free(vm->digest);
    vm->sets = NULL;
    vm->criteria_ids = NULL;
    vm->n_sets = 0;
    vm->name = vm->version = vm->title = vm->digest = NULL;
}
