/*
 * vm.h - one sandboxed Lua state with its accounting (sandbox.c): the
 * allocator with its cap, the instruction budget, the interrupt flag, the
 * protected call that records where a rule failed, and the sandbox's own
 * require. The VM knows nothing of rulesets; the ruleset (ruleset.h) lives
 * beside it in the engine and holds references into it.
 */
#ifndef NMS_VM_H
#define NMS_VM_H

#include <signal.h>
#include <stddef.h>

#include <lua.h>

#include "nms/engine.h"

/* Lua instructions between two budget checks: small enough to stop a
 * runaway rule promptly, large enough to cost nothing measurable. */
#define NMS_HOOK_INTERVAL 1000

/* Where the last rule failure happened (filled by the message handler). */
struct nms_fault {
    char file[512];
    long line;
};

/* One Lua state with its accounting; an engine swaps these on reload. */
struct nms_vm {
    lua_State *L;
    size_t used;                /* bytes currently allocated by L */
    size_t cap;                 /* growth beyond this is refused */
    size_t memory;              /* the per-unit allowance behind cap */
    size_t refused;             /* allocations refused since last reset */
    unsigned long instructions; /* used by the current case */
    unsigned long budget;       /* per case; 0 while not evaluating */
    int over_budget;            /* sticky until the case ends */
    const volatile sig_atomic_t *interrupt; /* set by a signal handler, or NULL */
    int interrupted;            /* *interrupt was seen; sticky like over_budget */
    struct nms_fault fault;
    char *dir;                  /* where require finds modules */
    char **overlays;            /* site directories searched before dir,
                                   the last added first (nms_vm_add_overlay) */
    size_t n_overlays;
};

/* Creates a sandboxed state whose require reads modules below `dir`; NULL
 * when out of memory. */
struct nms_vm *nms_vm_new(const char *dir);

/* Most overlay directories one ruleset may have. */
#define NMS_MAX_OVERLAYS 8

/* Adds directory `dir` whose modules replace those of the same module path
 * in the ruleset directory and in earlier overlays. Returns 0, or -1 when
 * out of memory or past NMS_MAX_OVERLAYS. */
int nms_vm_add_overlay(struct nms_vm *vm, const char *dir);

/* Closes the state and releases the vm; accepts NULL. */
void nms_vm_free(struct nms_vm *vm);

/* Starts the limits for one unit of rule work (a case, a load). */
void nms_vm_limits_begin(struct nms_vm *vm, const struct nms_limits *limits);

/* Lifts the limits again. */
void nms_vm_limits_end(struct nms_vm *vm);

/*
 * Calls the function below `nargs` arguments on top of the stack in
 * protected mode with a message handler that records the failing rule
 * location in vm->fault. Returns a lua status; on failure the error
 * message (budget and memory failures reworded) is on top of the stack.
 */
int nms_vm_pcall(struct nms_vm *vm, int nargs, int nresults);

/* [-0, +1] Calls the sandbox's require(name), as a rule file would; raises
 * like it. */
void nms_vm_require(lua_State *L, const char *name);

/* [-0, +1] Pushes the file of ruleset module `module` ("lib.time" is
 * "<dir>/lib/time.lua", or "<overlay>/lib/time.lua" when the latest overlay
 * that has that file does) and returns it. */
const char *nms_push_module_path(lua_State *L, const char *module);

/* [-0, +1] Pushes the sandbox's table of loaded modules (module name ->
 * what it returned), for tools that read a loaded ruleset. */
void nms_vm_push_loaded(lua_State *L);

/* [-0, +1] Pushes the base every module environment reads from (the names
 * rules may use without declaring them). */
void nms_vm_push_base(lua_State *L);

#endif
