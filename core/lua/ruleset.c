/*
 * ruleset.c - loading a ruleset directory.
 *
 * A ruleset is a directory of Lua modules: ruleset.lua (the manifest: name,
 * version, the parameters module, the criteria-set modules in report order
 * and the warnings module), the parameters, and the criteria sets
 * themselves. This file computes the digests of the ruleset and its site
 * overlays, requires the modules in that order inside the sandbox, applies
 * parameter overrides between the parameters and the criteria, and hands
 * each set to ruleset_schema.c, which checks every field it declares.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include <nms/schema.h>

#include "base/base_int.h"
#include "case/text_int.h"
#include "lua/bundled.h"
#include "lua/limits.h"
#include "lua/precompile.h"
#include "lua/ruleset.h"
#include "lua/ruleset_schema.h"

/* Nor may a ruleset hold more criteria sets than this. */
#define NMS_MAX_SETS 64

struct load_args {
    struct nms_ruleset *rs;
    char *const *overrides;
    size_t n_overrides;
    struct nms_snapshot *snap;          /* the text the digests cover: */
    size_t n_snap;                      /* the ruleset's, then each overlay's */
};

/* ------------------------------------------------------------------------
 * Parameters
 * --------------------------------------------------------------------- */

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

/* The string key of table t (an absolute index) closest to `name`, or
 * NULL: the "did you mean" of a misspelt --param. The names point at the
 * keys, which the table keeps alive. */
static const char *closest_param(lua_State *L, int t, const char *name)
{
    const char *names[257];
    size_t n = 0;

    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        if (n < 256 && lua_type(L, -2) == LUA_TSTRING)
            names[n++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    names[n] = NULL;
    return nms_schema_closest_name(names, name);
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
            const char *name = lua_pushlstring(L, overrides[i],
                                               (size_t)(eq - overrides[i]));
            const char *near = closest_param(L, lua_absindex(L, -3), name);

            if (near)
                lua_pushfstring(L, "unknown parameter '%s' — did you mean "
                                   "'%s'?", name, near);
            else
                lua_pushfstring(L, "unknown parameter '%s' ('nmsrules "
                                   "params' lists them)", name);
            nms_fail_in(L, module, "--param", lua_tostring(L, -1));
        }
        /* Keep the ruleset's own value beside the override, so that
         * `nmsrules params` can show both. */
        if (lua_getfield(L, -1, "default") == LUA_TNIL) {
            lua_getfield(L, -2, "value");
            lua_setfield(L, -3, "default");
        }
        lua_pop(L, 1);
        push_param_value(L, eq + 1);
        lua_setfield(L, -2, "value");
        lua_pop(L, 1);
    }
}

/* ------------------------------------------------------------------------
 * The manifest
 * --------------------------------------------------------------------- */

/* Loads module `name` (on top, a string) as the next set of `section`. */
static void load_module_set(lua_State *L, struct nms_ruleset *rs,
                            enum nms_section section)
{
    const char *module = lua_tostring(L, -1);
    struct nms_set_def *set = &rs->sets[rs->n_sets];
    size_t j;

    if (rs->n_sets == NMS_MAX_SETS)
        nms_fail_in(L, "ruleset", NULL, "a ruleset holds at most 64 sets");
    set->actions_ref = LUA_NOREF;
    rs->n_sets++;
    nms_vm_require(L, module);
    nms_load_set(L, set, rs->text, module, section);
    for (j = 0; j + 1 < rs->n_sets; j++)
        if (strcmp(rs->sets[j].id, set->id) == 0)
            FAIL(L, module, set->id, "duplicate set id (also in %s)",
                 nms_section_name(rs->sets[j].section));
    lua_pop(L, 2);   /* the set and its module name */
}

/* Manifest field `key`: a module name (single) or a list of them. */
static void load_section(lua_State *L, struct nms_ruleset *rs, int manifest,
                         const char *key, enum nms_section section,
                         int single, int required)
{
    int type = lua_getfield(L, manifest, key);
    lua_Unsigned n, i;

    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return;
    }
    if (single) {
        if (type != LUA_TSTRING)
            FAIL(L, "ruleset", NULL, "field '%s' must be a module name", key);
        load_module_set(L, rs, section);
        return;
    }
    n = type == LUA_TTABLE ? lua_rawlen(L, -1) : 0;
    if (n == 0)
        FAIL(L, "ruleset", NULL, "field '%s' must be a list of module names",
             key);
    for (i = 1; i <= n; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING)
            FAIL(L, "ruleset", NULL, "'%s' entries must be strings", key);
        load_module_set(L, rs, section);
    }
    lua_pop(L, 1);
}

/* Every set, in result order: criteria, severity, risk factors,
 * differentials. */
static void load_sets(lua_State *L, struct nms_ruleset *rs, int manifest)
{
    size_t i;

    rs->sets = nms_alloc_array(L, NMS_MAX_SETS, sizeof *rs->sets);
    load_section(L, rs, manifest, "criteria", NMS_SECTION_CRITERIA, 0, 1);
    load_section(L, rs, manifest, "severity", NMS_SECTION_SEVERITY, 1, 0);
    load_section(L, rs, manifest, "risk_factors", NMS_SECTION_RISK_FACTORS,
                 1, 0);
    load_section(L, rs, manifest, "differentials", NMS_SECTION_DIFFERENTIAL,
                 0, 0);
    rs->set_info = nms_alloc_array(L, rs->n_sets, sizeof *rs->set_info);
    for (i = 0; i < rs->n_sets; i++) {
        rs->set_info[i].id = rs->sets[i].id;
        rs->set_info[i].section = rs->sets[i].section;
        rs->set_info[i].kind = rs->sets[i].kind;
        rs->set_info[i].rule = rs->sets[i].alts;
        rs->set_info[i].n_rule = rs->sets[i].n_alts;
        rs->set_info[i].presupposes =
            rs->sets[i].presupposes ? rs->sets[i].presupposes->id : NULL;
    }
}

/* Manifest field `warnings`: a module returning function(case) that lists
 * problems the rules see in the data (a drug nobody knows), reported with
 * the case's own warnings. */
static void load_warnings(lua_State *L, struct nms_ruleset *rs, int manifest)
{
    int type = lua_getfield(L, manifest, "warnings");

    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (type != LUA_TSTRING)
        nms_fail_in(L, "ruleset", NULL,
                    "field 'warnings' must be a module name");
    nms_vm_require(L, lua_tostring(L, -1));
    if (!lua_isfunction(L, -1))
        nms_fail_in(L, lua_tostring(L, -2), NULL,
                    "must return a function(case) listing warnings");
    rs->warnings_file = nms_function_source(L, &rs->warnings_line);
    rs->warnings_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
}

/* Protected body of nms_ruleset_load. */
static int load_protected(lua_State *L)
{
    struct load_args *args = lua_touserdata(L, 1);
    struct nms_ruleset *rs = args->rs;
    char *params = NULL;
    int manifest;

    size_t i;

    /* the only text modules come from: what the digests covered */
    nms_vm_set_sources(L, args->rs->dir, &args->snap[0]);
    for (i = 1; i < args->n_snap; i++)
        nms_vm_set_sources(L, args->rs->overlay_dirs[i - 1], &args->snap[i]);
    /* The VM holds the snapshots' text now (not a copy: one copy of the
     * rule text in memory, its pages touched once). */
    nms_vm_require(L, "ruleset");
    manifest = lua_gettop(L);
    if (!lua_istable(L, manifest))
        nms_fail_in(L, "ruleset", NULL, "the manifest must return a table");
    nms_take_string(L, manifest, "name", &rs->name, 1, "ruleset", NULL);
    nms_take_string(L, manifest, "version", &rs->version, 1, "ruleset", NULL);
    /* Both go into every result record: a 10 MB version made every
     * record 10 MB (session 21). */
    if (strlen(rs->name) > NMS_MAX_RULESET_LABEL ||
        strlen(rs->version) > NMS_MAX_RULESET_LABEL)
        FAIL(L, "ruleset", NULL, "fields 'name' and 'version' are at most %d "
                                 "bytes", NMS_MAX_RULESET_LABEL);
    nms_take_string(L, manifest, "title", &rs->title, 0, "ruleset", NULL);
    nms_take_string(L, manifest, "status", &rs->status, 0, "ruleset", NULL);
    if (rs->status && strcmp(rs->status, "draft") != 0 &&
        strcmp(rs->status, "testing") != 0 &&
        strcmp(rs->status, "production") != 0)
        nms_fail_in(L, "ruleset", NULL, "field 'status' must be \"draft\", "
                                        "\"testing\" or \"production\"");
    if (rs->identity_only)
        return 0;   /* --version: nothing more is shown */
    nms_take_string(L, manifest, "params", &params, 0, "ruleset", NULL);
    if (params) {
        lua_pushstring(L, params);
        free(params);   /* copied to the stack before anything can raise */
        nms_vm_require(L, lua_tostring(L, -1));
        if (!lua_istable(L, -1))
            nms_fail_in(L, lua_tostring(L, -2), NULL, "must return a table");
        apply_overrides(L, lua_tostring(L, -2), args->overrides,
                        args->n_overrides);
        lua_pop(L, 2);
    } else if (args->n_overrides > 0) {
        nms_fail_in(L, "ruleset", "--param",
                    "this ruleset declares no parameters");
    }
    load_sets(L, rs, manifest);
    load_warnings(L, rs, manifest);
    return 0;
}

enum nms_status nms_ruleset_load(struct nms_ruleset *rs, struct nms_vm *vm,
                                 char *const *overrides, size_t n_overrides,
                                 char *errmsg, size_t errsize)
{
    struct nms_snapshot snap[1 + NMS_MAX_OVERLAYS];
    const char *dirs[1 + NMS_MAX_OVERLAYS];
    struct load_args args = {rs, overrides, n_overrides, snap, 0};
    struct nms_limits none = {0, 0, 0};
    struct nms_precompile *pc = NULL;
    enum nms_status result = NMS_ERULES;
    int status;
    size_t i;

    rs->warnings_ref = LUA_NOREF;
    rs->dir = nms_strndup(vm->dir, strlen(vm->dir));
    rs->text = nms_text_new();
    if (!rs->dir || !rs->text)
        return NMS_ENOMEM;
    /* The files of every directory are listed first, then read, each
     * handed to the compiling thread as soon as it is in memory (it
     * starts on the first while the others are read: ~1 ms of a cold
     * start it would otherwise wait), then hashed. */
    dirs[0] = rs->dir;
    if (nms_snapshot_list(rs->dir, &snap[0], errmsg, errsize) != 0) {
        nms_snapshot_release(&snap[0]);
        return NMS_ERULES;
    }
    args.n_snap = 1;
    for (; rs->n_overlays < vm->n_overlays; rs->n_overlays++) {
        size_t k = rs->n_overlays;
        const char *dir = vm->overlays[k];
        int listed = nms_snapshot_list(dir, &snap[k + 1], errmsg, errsize);
        char *copy = nms_strndup(dir, strlen(dir));

        args.n_snap++;  /* released below either way */
        rs->overlay_dirs[k] = copy;
        rs->overlays[k].dir = copy;
        dirs[k + 1] = copy;
        if (listed != 0 || !copy) {
            rs->n_overlays++;   /* so that nms_ruleset_free frees them */
            result = listed == 0 ? NMS_ENOMEM : NMS_ERULES;
            goto out;
        }
    }
    /* The program's own bytecode of the bundled ruleset, if this liblua
     * reads it (checked once a load; not for --version, whose manifest
     * alone compiles in less than the check costs). */
    vm->bundled = !rs->identity_only && nms_bundled_usable(&nms_bundled_rules)
                  ? &nms_bundled_rules : NULL;
    /* --version reads the manifest alone: nothing to compile ahead. The
     * thread's cap is the load's (nms_vm_limits_begin with no limits). */
    pc = rs->identity_only ? NULL
         : nms_precompile_start(dirs, snap, args.n_snap,
                                NMS_DEFAULT_MEMORY_CAP);
    for (i = 0; i < args.n_snap; i++) {
        size_t k, total = 0;

        for (k = 0; k < snap[i].n; k++) {
            if (nms_snapshot_read(dirs[i], &snap[i], k, &total, errmsg,
                                  errsize) != 0)
                goto out;
            /* a bundled file is not compiled ahead: its thread starts
             * with the first file that is not (none: no thread) */
            if (vm->bundled)
                snap[i].bundled[k] = nms_bundled_find(vm->bundled,
                                                      snap[i].paths[k],
                                                      snap[i].texts[k],
                                                      snap[i].lens[k]);
            if (snap[i].bundled[k])
                nms_precompile_skip(pc, i, k);
            else
                nms_precompile_publish(pc, i, k, snap[i].texts[k],
                                       snap[i].lens[k]);
        }
    }
    rs->digest = nms_snapshot_digest(&snap[0], errmsg, errsize);
    if (!rs->digest)
        goto out;
    for (i = 0; i < rs->n_overlays; i++) {
        rs->overlay_digests[i] = nms_snapshot_digest(&snap[i + 1], errmsg,
                                                     errsize);
        rs->overlays[i].digest = rs->overlay_digests[i];
        if (!rs->overlay_digests[i])
            goto out;
    }
    nms_vm_limits_begin(vm, &none);
    vm->precompile = pc;
    lua_pushcfunction(vm->L, load_protected);
    lua_pushlightuserdata(vm->L, &args);
    status = nms_vm_pcall(vm, 1, 0);
    nms_precompile_finish(pc);
    pc = vm->precompile = NULL;
    nms_vm_limits_end(vm);
    if (status != LUA_OK) {
        snprintf(errmsg, errsize, "%s", lua_tostring(vm->L, -1));
        lua_pop(vm->L, 1);
        if (status != LUA_ERRMEM)
            nms_ruleset_locate_error(vm, errmsg, errsize);
        result = status == LUA_ERRMEM ? NMS_ENOMEM : NMS_ERULES;
        goto out;
    }
    /* From now on the memory cap counts from here, for good (see
     * nms_vm_limits_begin): what rules keep between cases counts. */
    nms_vm_settle(vm);
    vm->baseline = vm->used;
    vm->loaded = 1;
    rs->info.name = rs->name;
    rs->info.version = rs->version;
    rs->info.title = rs->title;
    rs->info.status = rs->status;
    rs->info.digest = rs->digest;
    rs->info.dir = rs->dir;
    rs->info.n_sets = rs->n_sets;
    rs->info.sets = rs->set_info;
    rs->info.n_overlays = rs->n_overlays;
    rs->info.overlays = rs->overlays;
    result = NMS_OK;
out:
    nms_precompile_finish(pc);     /* it reads the snapshots */
    for (i = 0; i < args.n_snap; i++)
        nms_snapshot_release(&snap[i]);
    return result;
}
void nms_ruleset_free(struct nms_ruleset *rs)
{
    size_t i;

    if (!rs)
        return;
    for (i = 0; i < rs->n_sets; i++)
        nms_release_set(&rs->sets[i]);
    free(rs->warnings_file);
    for (i = 0; i < rs->n_drug_names; i++)
        free(rs->drug_names[i]);
    free(rs->drug_names);
    free(rs->sets);
    free(rs->set_info);
    free(rs->name);
    free(rs->version);
    free(rs->title);
    free(rs->status);
    free(rs->digest);
    for (i = 0; i < rs->n_overlays; i++) {
        free(rs->overlay_dirs[i]);
        free(rs->overlay_digests[i]);
    }
    free(rs->dir);
    nms_text_unref(rs->text);   /* results may hold it on */
    free(rs);
}
