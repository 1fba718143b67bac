/*
 * sandbox.c - the Lua state rules run in and its limits; what they can
 * reach (environments, proxies, load, require, the pattern guard) is built
 * by sandbox_lib.c.
 *
 * Rules are code written by many hands, so the state they run in is built
 * to contain them:
 *   - only base (a whitelist), string, table, math and utf8 are reachable,
 *     through read-only proxies, so no rule can change a library for others;
 *   - every module gets its own environment whose reads of undefined names
 *     and writes of any global raise an error naming the file and line;
 *   - rules load chunks in text mode only (no bytecode of theirs); the
 *     only bytecode is the engine's own, compiled in memory from the
 *     digested text on a second core while a ruleset loads (precompile.c);
 *   - a count hook enforces an instruction budget and a custom allocator a
 *     memory cap, both per unit of work (one case, or one ruleset load);
 *     a case runs first without the hook, under a CPU-time watchdog, and
 *     again counted whenever that run cannot prove itself within the
 *     budget (limits.c, watchdog.c).
 * See docs/security.md for the full list and how each part is tested.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "lua/limits.h"
#include "lua/sandbox_lib.h"
#include "lua/vm.h"

/* ------------------------------------------------------------------------
 * Allocation and instruction limits
 * --------------------------------------------------------------------- */

/* vm_alloc (below) for every call but its two commonest: kept out of
 * line, so that those take no stack frame of its size (its calls made
 * vm_alloc save five registers on every call, ~10 instructions of the
 * ~25 a pooled block cost). */
__attribute__((noinline))
static void *vm_alloc_rest(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct nms_vm *vm = ud;
    size_t old = ptr ? osize : 0;
    void *grown = NULL;
    int retry = 0;

    if (nsize == 0) {
        vm->used -= old;
        nms_pool_free(&vm->pool, ptr, old);
        return NULL;
    }
    if (nsize > old) {
        retry = vm->retry_pending && ptr == vm->retry_ptr &&
                nsize == vm->retry_size;
        vm->retry_pending = 0;
        if (vm->budget && vm->interrupt && *vm->interrupt && !vm->interrupted) {
            vm->interrupted = 1;   /* reach rules busy in C that allocate */
            nms_limits_stop(vm);
        }
    }
    if (nsize <= old || vm->used - old + nsize <= vm->cap)
        grown = nms_pool_realloc(&vm->pool, ptr, old, nsize, vm->cap);
    if (!grown) {
        if (!retry) {
            vm->refused++;
            vm->retry_pending = nsize > old;
            vm->retry_ptr = ptr;
            vm->retry_size = nsize;
        } else {
            /* Refused again after a full emergency collection, which
             * costs as much as the heap holds: a rule failing allocation
             * after allocation inside pcall runs one every few
             * instructions, thousands between the hook's readings of the
             * clock. So the CPU limit is looked at after each. */
            nms_limits_check(vm);
        }
        return NULL;
    }
    vm->used = vm->used - old + nsize;
    if (retry && vm->refused > 0)
        vm->refused--;
    return grown;
}

/* lua_Alloc that accounts every byte and refuses growth past vm->cap.
 * Blocks come from the VM's pool (pool.h), which may take memory from
 * the system only while what it holds stays within the cap too: the cap
 * bounds what L uses, and the pool's retained chunks cannot grow past it.
 * Shrinking and freeing always succeed, as Lua requires. A refusal counts
 * (and fails the unit of work) unless Lua's retry after its emergency
 * collection succeeds: the garbage of earlier cases is no rule's fault.
 * Lua makes and frees ~1,800 blocks a case, nearly all pooled: a pooled
 * block freed goes onto its class's list here (a free of no block does
 * nothing), and a new small block, while no refusal waits for its retry
 * and no interrupt is due, within the cap, comes off it when that has one
 * (the block vm_alloc_rest would take); all else is vm_alloc_rest's. */
static void *vm_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct nms_vm *vm = ud;

    if (nsize == 0 && (!ptr || osize <= NMS_POOL_MAX)) {
        if (ptr) {  /* Lua also frees no block (~300 a case): nothing */
            vm->used -= osize;
            nms_pool_give(&vm->pool, ptr, osize);
        }
        return NULL;
    }
    if (!ptr && nsize > 0 && nsize <= NMS_POOL_MAX && !vm->retry_pending &&
        !(vm->budget && vm->interrupt && *vm->interrupt) &&
        vm->used + nsize <= vm->cap) {
        void *block = nms_pool_reuse(&vm->pool, nsize);
        if (block) {
            vm->used += nsize;
            return block;
        }
    }
    return vm_alloc_rest(ud, ptr, osize, nsize);
}

/* What every run of a unit of work starts from, the first and a counted
 * second (nms_vm_recount): nothing counted or refused yet, fresh object
 * numbers, the same random numbers, the count hook on. */
static void start_run(struct nms_vm *vm)
{
    vm->instructions = 0;
    vm->over_budget = 0;
    vm->interrupted = 0;
    vm->abandoned = 0;
    vm->refused = 0;
    vm->retry_pending = 0;
    vm->stopping = 0;
    vm->output = 0;
    vm->epoch++;
    nms_limits_seed(vm);
    lua_sethook(vm->L, nms_limits_hook, LUA_MASKCOUNT, NMS_HOOK_INTERVAL);
}

void nms_vm_limits_begin(struct nms_vm *vm, const struct nms_limits *limits)
{
    size_t memory = limits && limits->memory ? limits->memory
                                             : NMS_DEFAULT_MEMORY_CAP;
    /* Once the ruleset is loaded the cap is absolute: whatever modules
     * keep from earlier cases leaves less room for this one. */
    size_t base = vm->loaded ? vm->baseline : vm->used;

    vm->budget = limits && limits->instructions
                     ? limits->instructions
                     : NMS_DEFAULT_INSTRUCTION_BUDGET;
    vm->memory = memory;
    vm->cap = base > SIZE_MAX - memory ? SIZE_MAX : base + memory;
    nms_limits_begin(vm, limits);
    start_run(vm);
}

int nms_vm_watch(struct nms_vm *vm)
{
    return nms_limits_watch(vm);
}

int nms_vm_recount(struct nms_vm *vm)
{
    if (!nms_limits_unwatch(vm))
        return 0;
    vm->recounts++;
    nms_limits_restart(vm);
    start_run(vm);
    return 1;
}

void nms_vm_limits_end(struct nms_vm *vm)
{
    nms_watchdog_disarm(&vm->watchdog);
    vm->unhooked = 0;
    lua_sethook(vm->L, NULL, 0, 0);
    vm->tool = 0;
    vm->budget = 0;
    vm->stopping = 0;
    vm->cap = SIZE_MAX;
}

/* ------------------------------------------------------------------------
 * Protected calls
 * --------------------------------------------------------------------- */

/* Message handler: remember the innermost Lua frame of the ruleset (the
 * rule's file and line) and keep the message short; rule authors want
 * "file:line: what", not a C traceback. */
static int message_handler(lua_State *L)
{
    struct nms_vm *vm = nms_vm_of(L);
    lua_Debug ar;
    int level;

    /* A stop that a module's load placed before its frames unwound
     * (sandbox_lib.c) keeps that place. */
    if (!(vm->stopping && vm->fault.file[0])) {
        vm->fault.file[0] = '\0';
        vm->fault.line = 0;
        for (level = 1; lua_getstack(L, level, &ar); level++) {
            if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 ||
                ar.source[0] != '@')
                continue;
            snprintf(vm->fault.file, sizeof vm->fault.file, "%s",
                     ar.source + 1);
            vm->fault.line = ar.currentline;
            break;
        }
    }
    if (!lua_isstring(L, 1))
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

void nms_vm_push_handler(lua_State *L)
{
    lua_pushcfunction(L, message_handler);
}

int nms_vm_pcall(struct nms_vm *vm, int nargs, int nresults)
{
    lua_State *L = vm->L;
    int base = lua_gettop(L) - nargs;   /* index of the function */
    int status;

    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    status = nms_vm_pcall_with(vm, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

int nms_vm_pcall_with(struct nms_vm *vm, int nargs, int nresults,
                      int handler)
{
    lua_State *L = vm->L;
    int base = lua_gettop(L) - nargs;   /* index of the function */
    int status;

    vm->fault.file[0] = '\0';   /* the place of this call's failure */
    vm->fault.line = 0;
    status = lua_pcall(L, nargs, nresults, handler);
    if (status == LUA_OK &&
        (vm->over_budget || vm->over_time || vm->interrupted ||
         vm->abandoned || vm->refused > 0)) {
        /* The rule caught the stop with its own pcall and carried on: its
         * answer was computed with part of the work cut off, so the case
         * still fails. The location is the rule's definition. */
        lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1
                                           : nresults);
        vm->fault.file[0] = '\0';
        lua_pushliteral(L, "");
        status = LUA_ERRRUN;
    }
    if (status == LUA_OK)
        return status;
    /* Budget and memory failures get one clear wording whatever the rule
     * did with the original error. */
    if (vm->interrupted) {
        lua_pop(L, 1);
        lua_pushliteral(L, "interrupted");
    } else if (vm->over_budget) {
        lua_pop(L, 1);
        if (vm->fault.file[0])
            lua_pushfstring(L, "%s:%d: instruction budget of %I exceeded",
                            vm->fault.file, (int)vm->fault.line,
                            (lua_Integer)vm->budget);
        else
            lua_pushfstring(L, "instruction budget of %I exceeded",
                            (lua_Integer)vm->budget);
    } else if (vm->over_time) {
        lua_pop(L, 1);
        lua_pushfstring(L, "CPU time limit of %I ms exceeded",
                        (lua_Integer)vm->cpu_ms);
    } else if (status == LUA_ERRMEM || vm->refused > 0) {
        vm->fault.file[0] = '\0';
        lua_pop(L, 1);
        lua_pushfstring(L, "memory cap of %I bytes exceeded",
                        (lua_Integer)vm->memory);
    }
    return status;
}

struct nms_vm *nms_vm_new(const char *dir)
{
    struct nms_vm *vm = calloc(1, sizeof *vm);

    if (!vm)
        return NULL;
    nms_pool_init(&vm->pool);
    vm->cap = SIZE_MAX;
    vm->dir = nms_strndup(dir, strlen(dir));
    if (!vm->dir)
        goto fail;
    vm->L = lua_newstate(vm_alloc, vm);
    if (!vm->L)
        goto fail;
    *(struct nms_vm **)lua_getextraspace(vm->L) = vm;
    lua_pushcfunction(vm->L, nms_sandbox_build);
    if (lua_pcall(vm->L, 0, 0, 0) != LUA_OK)
        goto fail;
    return vm;
fail:
    nms_vm_free(vm);
    return NULL;
}

void nms_vm_settle(struct nms_vm *vm)
{
    /* Why generational: a case leaves nearly all it allocates (findings,
     * evidence texts, indexes) dead when it ends, while the ruleset's
     * tables live for the whole run. The incremental collector marks and
     * sweeps the ruleset again in every cycle; minor collections look at
     * the young objects only. Measured: ~10 % less CPU per case with the
     * full ruleset and the IEC-only one, lower peak RSS
     * (docs/performance.md). Lua's defaults (a minor collection after 20 %
     * growth, a major one after 100 %) measured best. Switching to the
     * generational mode is itself a full collection; a state already in it
     * gets one explicitly. */
    if (lua_gc(vm->L, LUA_GCGEN, 0, 0) == LUA_GCGEN)
        lua_gc(vm->L, LUA_GCCOLLECT, 0);
}

int nms_vm_add_overlay(struct nms_vm *vm, const char *dir)
{
    char **grown;

    if (vm->n_overlays == NMS_MAX_OVERLAYS)
        return -1;
    grown = realloc(vm->overlays, (vm->n_overlays + 1) * sizeof *grown);
    if (!grown)
        return -1;
    vm->overlays = grown;
    grown[vm->n_overlays] = nms_strndup(dir, strlen(dir));
    if (!grown[vm->n_overlays])
        return -1;
    vm->n_overlays++;
    return 0;
}

void nms_vm_free(struct nms_vm *vm)
{
    size_t i;

    if (!vm)
        return;
    for (i = 0; i < vm->n_overlays; i++)
        free(vm->overlays[i]);
    free(vm->overlays);
    nms_watchdog_free(&vm->watchdog);   /* no tick may reach L once closed */
    nms_memo_index_free(&vm->memo_index, vm_alloc, vm);
    if (vm->L)
        lua_close(vm->L);
    nms_pool_release(&vm->pool);   /* after L: lua_close frees into it */
    free(vm->dir);
    free(vm);
}
