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

#include "lua/memo_index.h"
#include "lua/pool.h"
#include "lua/watchdog.h"
#include "nms/engine.h"

/* Lua instructions between two budget checks: small enough to stop a
 * runaway rule promptly, large enough to cost nothing measurable. */
#define NMS_HOOK_INTERVAL 1000

/* Where the last rule failure happened (filled by the message handler). */
struct nms_fault {
    char file[512];
    long line;
};

struct nms_precompile;
struct nms_bundled;

/* One Lua state with its accounting; an engine swaps these on reload. */
struct nms_vm {
    lua_State *L;
    struct nms_pool pool;       /* L's small blocks (pool.h) */
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

    /* Limits beside the instruction budget (lua/limits.h). */
    unsigned long cpu_ms;       /* CPU time per unit of work */
    long long cpu_start;        /* thread CPU time (ns) when it began */
    unsigned clock_countdown;   /* hook calls until the clock is read again */
    double since_clock;         /* work charged in C since the clock was read */
    int over_time;              /* sticky like over_budget */
    int stopping;               /* the count-1 hook is armed */
    size_t baseline;            /* bytes held once the ruleset loaded */
    int loaded;                 /* baseline is set: the cap is absolute */
    const void *retry_ptr;      /* refused block Lua retries after a GC */
    size_t retry_size;
    int retry_pending;
    size_t output;              /* bytes copied out of rule results (case) */
    unsigned long epoch;        /* counts units of work, for object ids */
    int quiet;                  /* item checks need no evidence text:
                                   nms.evidence() is false (eval.c) */
    struct nms_precompile *precompile; /* files compiled on another core
                                   while the ruleset loads, or NULL */
    const struct nms_bundled *bundled; /* bytecode built into the program
                                   that this liblua reads (bundled.h), or
                                   NULL: require compiles every file */
    unsigned long bundled_loads; /* modules loaded from it, for tests */
    int tool;                   /* the project's own tool scripts run
                                   (tools.c): no pattern guard; the budget,
                                   CPU time and memory cap still hold */

    /* A case run without the count hook (limits.c, watchdog.h). */
    struct nms_watchdog watchdog;
    unsigned long watchdog_us;  /* nms_engine_set_watchdog: 0 derived from
                                   the budget, NMS_WATCHDOG_EXACT never */
    int unhooked;               /* this run has no count hook: instructions
                                   counts the work charged in C only */
    int abandoned;              /* the unhooked run was stopped (watchdog,
                                   a limit): the case runs again, counted */
    long long watch_ns;         /* CPU time an unhooked run may take */
    unsigned long recounts;     /* cases run again counted, for tests */

    /* How large to make a case's memory (memo.c): entries stored in the
     * current one, and a decaying maximum over those before it. */
    size_t memo_entries;
    size_t memo_hint;
    /* Where in the current case's memory each call's answer is (memo.c). */
    struct nms_memo_index memo_index;
};

/* The rule files of a ruleset as read once for its digest (digest.c):
 * relative paths in byte order and their contents. The VM's require
 * compiles modules from this text only (nms_vm_set_sources). */
struct nms_bundled_file;

struct nms_snapshot {
    char **paths;
    char **texts;
    size_t *lens;
    /* per file, the bundled file (bundled.h) whose text it is, found once
     * when the load reads it; NULL when it must be compiled from text */
    const struct nms_bundled_file **bundled;
    size_t n;
};

/* Frees what a snapshot holds, leaving it empty (digest.c). */
void nms_snapshot_release(struct nms_snapshot *snap);

/* The VM a state belongs to (kept in the state's extra space). */
static inline struct nms_vm *nms_vm_of(lua_State *L)
{
    return *(struct nms_vm **)lua_getextraspace(L);
}

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

/* Collects all garbage (a full collection) and leaves the state's
 * collector in generational mode, for the cases to come; the memory in use
 * afterwards is what the state holds for good. Called once a ruleset has
 * loaded (ruleset.c, names.c). */
void nms_vm_settle(struct nms_vm *vm);

/* Starts the limits for one unit of rule work (a case, a load). */
void nms_vm_limits_begin(struct nms_vm *vm, const struct nms_limits *limits);

/* Takes the count hook off a case's run that nms_vm_limits_begin started,
 * under the watchdog instead, unless the VM must count exactly (the
 * engine's setting, a budget too small to watch, no timer to be had).
 * Returns whether the run is unhooked. */
int nms_vm_watch(struct nms_vm *vm);

/*
 * After a run nms_vm_watch took the hook off: returns 0 when its outcome
 * is what counting would have given (no limit stopped it and its CPU time
 * proves it within the budget), or 1 when the case must be run again from
 * its start, and has readied that run: the count hook set, the case's
 * limits, object numbers and random seed reset, its CPU clock kept (a
 * loop still ends within the CPU-time limit). Returns 0 after a counted
 * run.
 */
int nms_vm_recount(struct nms_vm *vm);

/* Lifts the limits again. */
void nms_vm_limits_end(struct nms_vm *vm);

/*
 * Calls the function below `nargs` arguments on top of the stack in
 * protected mode with a message handler that records the failing rule
 * location in vm->fault. Returns a lua status; on failure the error
 * message (budget and memory failures reworded) is on top of the stack.
 */
int nms_vm_pcall(struct nms_vm *vm, int nargs, int nresults);

/* [-0, +1] Pushes nms_vm_pcall's message handler, for a caller making
 * many calls (a case's item checks, eval.c) to push once and give to
 * nms_vm_pcall_with. */
void nms_vm_push_handler(lua_State *L);

/* nms_vm_pcall with the handler nms_vm_push_handler pushed at the
 * absolute stack index `handler` (below the function), where it stays:
 * no handler pushed, moved under the function and taken out again per
 * call. Returns and leaves on the stack what nms_vm_pcall does. */
int nms_vm_pcall_with(struct nms_vm *vm, int nargs, int nresults,
                      int handler);

/* [-0, +0] Makes the sandbox compile modules only from the snapshots
 * given this way (keyed "<dir>/<path>"): `snap` holds the files of
 * directory `dir` (the ruleset's or an overlay's). The state takes the
 * snapshot's text (freed with the state; *snap is left empty) unless it
 * raises first, on no memory. */
void nms_vm_set_sources(lua_State *L, const char *dir,
                        struct nms_snapshot *snap);

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
