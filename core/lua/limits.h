/*
 * limits.h - the limits of a unit of rule work beyond what the allocator
 * counts (limits.c): the count hook with the instruction budget, the
 * CPU-time limit, work done in C charged to the budget, runs without
 * the hook under the watchdog (watchdog.h), the pattern guard, bounded
 * strings out of rule results, and determinism (seeded math.random,
 * tables named by number). sandbox.c installs the hook and
 * the wrapped libraries; limits.c calls nothing in sandbox.c.
 */
#ifndef NMS_LIMITS_H
#define NMS_LIMITS_H

#include <stddef.h>

#include <lua.h>

#include "lua/vm.h"

/* Most bytes of one string a rule result may carry into C (evidence,
 * missing, notes, warnings), and of all of them together in one case. */
#define NMS_MAX_RULE_STRING (16u * 1024u)
#define NMS_MAX_CASE_OUTPUT (1024u * 1024u)
/* The longest ruleset name or version (ruleset.c): both are copied into
 * every result record. */
#define NMS_MAX_RULESET_LABEL 256

/* The count hook of a unit of work: charges NMS_HOOK_INTERVAL
 * instructions, reads the interrupt flag and (now and then) the CPU clock,
 * and raises once the unit of work must stop. */
void nms_limits_hook(lua_State *L, lua_Debug *ar);

/* Makes every later Lua instruction of the unit of work fail (a count
 * hook of 1), so a rule cannot catch the stop with pcall and go on. */
void nms_limits_stop(struct nms_vm *vm);

/* Starts the CPU clock of a unit of work (limits->cpu_ms, 0: default). */
void nms_limits_begin(struct nms_vm *vm, const struct nms_limits *limits);

/* Readies the clock's readings for the unit's second run, counted
 * (nms_vm_recount): its start and its limit are kept. */
void nms_limits_restart(struct nms_vm *vm);

/*
 * The most Lua VM instructions a CPU could run per microsecond of thread
 * CPU time: 0.2 ns each, ~9x faster than the fastest loop measured on the
 * development host (1.8 ns an instruction, a chain of MOVEs) and faster
 * than any core of 2026 runs Lua's interpreter loop. An unhooked run of
 * t microseconds has executed at most t x this many, which is how its
 * CPU time proves it within the budget (docs/security.md). Only a build
 * for measuring under valgrind, which runs ~50x slower, sets it lower
 * (cmake -DNMS_CALLGRIND=ON, docs/performance.md), so that first runs
 * stand there as they do on real hardware.
 */
#ifndef NMS_FASTEST_INSTRUCTIONS_PER_US
#define NMS_FASTEST_INSTRUCTIONS_PER_US 5000ull
#endif

/* Below this many nanoseconds of watchdog time (a budget under 5 million
 * instructions) a case is counted from its start: a watchdog that short
 * would send honest cases to a second, counted run. */
#define NMS_WATCH_MIN_NS 1000000LL

/* CPU time between two ticks of the watchdog once it runs: how soon an
 * interrupt (Ctrl-C) or the CPU-time limit reaches a rule that loops when
 * the watchdog's own time is long (a large budget). */
#define NMS_WATCH_PERIOD_NS 10000000LL

/* Takes the hook off the unit of work and arms the watchdog (see
 * nms_vm_watch); returns 1 when the run is unhooked. */
int nms_limits_watch(struct nms_vm *vm);

/* Disarms the watchdog after an unhooked run; returns 1 when the run
 * must be done again counted (see nms_vm_recount). */
int nms_limits_unwatch(struct nms_vm *vm);

/*
 * Reads the clock and the interrupt flag; sets vm->over_time or
 * vm->interrupted (sticky) and arms nms_limits_stop. Returns non-zero when
 * the unit of work must stop.
 */
int nms_limits_check(struct nms_vm *vm);

/*
 * [-0, +0, e] Charges `units` instructions of work done in C to the
 * budget; raises (after nms_limits_stop) once the budget, the CPU time or
 * an interrupt says stop.
 */
void nms_limits_charge(lua_State *L, double units);

/* Wraps the functions of the real library table on top (named `lib`) so
 * their work in C is charged, and keeps the originals in the registry's
 * loaded table for error messages. Raises on no memory. */
void nms_limits_wrap_library(lua_State *L, const char *lib);

/* Replaces the base functions on top that leak addresses or finalizers
 * (tostring, setmetatable) with sandboxed ones. Raises on no memory. */
void nms_limits_wrap_base(lua_State *L);

/* [-0, +1, e] Pushes the value at idx as the rules' tostring writes it
 * (a table or function without __tostring as "table: #2", never by its
 * address) and returns the text: what messages that quote a rule's value
 * must use, so that the output stays the same from run to run. */
const char *nms_limits_tostring(lua_State *L, int idx);

/* Seeds math.random the same way at the start of every unit of work. */
void nms_limits_seed(struct nms_vm *vm);

/* Raises unless a string of `len` bytes may still be copied out of the
 * rule results of this case; counts it. */
void nms_limits_output(lua_State *L, size_t len);

#endif
