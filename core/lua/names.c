/*
 * names.c - the names a loaded ruleset offers people for completion and
 * "did you mean" notes: the generic names, brands and other names of its
 * `drugs` module (docs/rules.md: rows of {generic, atc, class, brands =
 * {...}, also = {...}}). They are read inside the ruleset's own sandbox,
 * under its limits, when first asked for (nms_engine_drug_names); a ruleset
 * without that module (or with one that fails) simply offers none.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "lua/ruleset.h"

/* Most names kept; a ruleset lists a few hundred drugs. */
#define NAMES_MAX 4096

/* Longest name kept, in bytes ("amisulpride", "Abilify Maintena"): the
 * copies are C memory, outside the VM's memory cap, and one string of 16
 * MiB listed 5,000 times as a brand (80 kB of Lua memory) took a REPL
 * past 4 GB before; now at most NAMES_MAX x this. */
#define NAME_MAX_BYTES 128

/* Appends a copy of the string on top to rs's names, unless it is longer
 * than any drug's name. [-0, +0]; raises only on no memory, with
 * everything copied so far anchored in rs. */
static void add_name(lua_State *L, struct nms_ruleset *rs)
{
    char **grown;

    if (rs->n_drug_names >= NAMES_MAX || lua_rawlen(L, -1) > NAME_MAX_BYTES)
        return;
    grown = realloc(rs->drug_names, (rs->n_drug_names + 2) * sizeof *grown);
    if (!grown)
        luaL_error(L, "not enough memory");
    rs->drug_names = grown;
    grown[rs->n_drug_names] = nms_strndup(lua_tostring(L, -1), lua_rawlen(L, -1));
    if (!grown[rs->n_drug_names])
        luaL_error(L, "not enough memory");
    grown[++rs->n_drug_names] = NULL;
}

/* Adds the strings of field `key` (a string or a list of strings) of the
 * table on top. [-0, +0] */
static void add_field(lua_State *L, struct nms_ruleset *rs, const char *key)
{
    lua_Integer i;
    int type = lua_getfield(L, -1, key);

    if (type == LUA_TSTRING)
        add_name(L, rs);
    if (type == LUA_TTABLE) {
        for (i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING &&
                    rs->n_drug_names < NAMES_MAX; i++) {
            add_name(L, rs);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);   /* the value that ended the list */
    }
    lua_pop(L, 1);
}

/* Protected: requires the drug module and collects its names. [-0, +0] */
static int l_collect(lua_State *L)
{
    struct nms_ruleset *rs = lua_touserdata(L, 1);
    lua_Integer i;

    nms_vm_require(L, "drugs");
    if (!lua_istable(L, -1) || lua_getfield(L, -1, "drugs") != LUA_TTABLE)
        return 0;
    for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE &&
                rs->n_drug_names < NAMES_MAX; i++) {
        if (lua_rawgeti(L, -1, 1) == LUA_TSTRING)
            add_name(L, rs);
        lua_pop(L, 1);
        add_field(L, rs, "brands");
        add_field(L, rs, "also");
        lua_pop(L, 1);
    }
    return 0;
}

void nms_ruleset_collect_names(struct nms_ruleset *rs, struct nms_vm *vm)
{
    struct nms_limits none = {0, 0, 0};
    size_t before;

    lua_gc(vm->L, LUA_GCCOLLECT, 0);
    before = vm->used;
    nms_vm_limits_begin(vm, &none);
    lua_pushcfunction(vm->L, l_collect);
    lua_pushlightuserdata(vm->L, rs);
    nms_vm_pcall(vm, 1, 0);   /* a failure keeps what was collected */
    nms_vm_limits_end(vm);
    lua_settop(vm->L, 0);
    /* The drugs module stays loaded: it is part of the ruleset, so the
     * absolute memory cap (nms_vm_limits_begin) grows by what it holds,
     * and by nothing that rules kept from earlier cases. */
    nms_vm_settle(vm);
    if (vm->loaded && vm->used > before)
        vm->baseline += vm->used - before;
}
