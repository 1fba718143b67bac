/*
 * script.c - the rules' limits for untrusted code that is not a rule
 * (script.h). Nothing here is a second sandbox: the state is a VM made by
 * nms_vm_new, so its registry holds the rules' base (the wrapped
 * libraries and the pattern guard, sandbox_lib.c); this file makes those
 * its globals and runs each entry between nms_vm_limits_begin and
 * nms_vm_limits_end, as the engine runs a case.
 */
#include <stdlib.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/limits.h"
#include "lua/script.h"
#include "lua/vm.h"

struct nms_script {
    struct nms_vm *vm;
    struct nms_limits limits;   /* every entry's */
};

/* Globals of Lua's base library a script may not have: they read files
 * or load code (bytecode too), or drive the collector. */
static const char *const removed[] = {"dofile", "loadfile", "load", "require",
                                      "collectgarbage", NULL};

/* Globals taken from the rules' base: the libraries whose work in C is
 * charged (string's pattern functions guarded), behind read-only proxies,
 * and the base functions the sandbox replaces (xpcall, whose handler Lua
 * would run with hooks off; tostring without addresses; setmetatable
 * without finalizers, which run outside every limit). */
static const char *const from_base[] = {LUA_STRLIBNAME, LUA_TABLIBNAME,
                                        LUA_MATHLIBNAME, LUA_UTF8LIBNAME,
                                        "xpcall", "tostring", "setmetatable",
                                        NULL};

/* lua_CFunction, the protected part of nms_script_new: the globals. The
 * base library is already the global table: the sandbox opened it there
 * to copy its whitelist from (sandbox_lib.c). */
static int open_globals(lua_State *L)
{
    const char *const *name;

    for (name = removed; *name; name++) {
        lua_pushnil(L);
        lua_setglobal(L, *name);
    }
    nms_vm_push_base(L);
    for (name = from_base; *name; name++) {
        lua_getfield(L, -1, *name);
        lua_setglobal(L, *name);
    }
    lua_pop(L, 1);
    return 0;
}

struct nms_script *nms_script_new(const struct nms_limits *limits,
                                  const volatile sig_atomic_t *interrupt)
{
    struct nms_script *s = calloc(1, sizeof *s);

    if (!s)
        return NULL;
    if (limits)
        s->limits = *limits;
    s->vm = nms_vm_new("");
    if (!s->vm)
        goto fail;
    lua_pushcfunction(s->vm->L, open_globals);
    if (lua_pcall(s->vm->L, 0, 0, 0) != LUA_OK)
        goto fail;
    s->vm->interrupt = interrupt;
    /* The cap is absolute from here, as the rules' state's is once the
     * ruleset loaded (nms_vm_limits_begin): what earlier entries keep
     * leaves less room for the next, so no run of entries can pile up
     * more than one entry may. */
    s->vm->baseline = s->vm->used;
    s->vm->loaded = 1;
    return s;
fail:
    nms_script_free(s);
    return NULL;
}

void nms_script_free(struct nms_script *s)
{
    if (!s)
        return;
    nms_vm_free(s->vm);
    free(s);
}

lua_State *nms_script_state(const struct nms_script *s)
{
    return s->vm->L;
}

int nms_script_pcall(struct nms_script *s, int nargs, int nresults)
{
    int status;

    nms_vm_limits_begin(s->vm, &s->limits);
    status = nms_vm_pcall(s->vm, nargs, nresults);
    nms_vm_limits_end(s->vm);
    return status;
}

void nms_script_check(lua_State *L)
{
    if (nms_limits_check(nms_vm_of(L)))
        nms_limits_charge(L, 0);   /* raises the stop */
}
