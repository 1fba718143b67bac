/*
 * script.h - a Lua state for code that is not a rule but is trusted no
 * more than one: a REPL script or piped input, which may come from anyone
 * (docs/security.md). It is a VM of its own (vm.h), never the rules', with
 * the rules' limits: the library wrappers that charge work done in C, the
 * pattern guard, the read-only libraries, and per entry the instruction
 * budget, CPU-time limit and memory cap of struct nms_limits, enforced by
 * the same count hook (limits.c) and protected call (nms_vm_pcall) as a
 * case's. The caller adds its own globals to nms_script_state.
 */
#ifndef NMS_LUA_SCRIPT_H
#define NMS_LUA_SCRIPT_H

#include <signal.h>

#include <lua.h>

#include "nms/engine.h"

struct nms_script;

/*
 * A new state whose globals are Lua's base library without dofile,
 * loadfile, load, require and collectgarbage (xpcall, tostring and
 * setmetatable as rules have them) and the rules' string (no dump),
 * table, math and utf8. `limits` (NULL: the defaults) holds for every
 * entry run with nms_script_pcall; the memory cap counts all the state
 * holds beyond those libraries, whatever earlier entries kept.
 * `interrupt`, when not NULL, is a flag a signal handler sets to stop a
 * running entry. NULL when out of memory.
 */
struct nms_script *nms_script_new(const struct nms_limits *limits,
                                  const volatile sig_atomic_t *interrupt);

/* Closes the state and frees s; accepts NULL. */
void nms_script_free(struct nms_script *s);

/* The Lua state of s. Outside nms_script_pcall nothing limits it. */
lua_State *nms_script_state(const struct nms_script *s);

/*
 * lua_pcall of one entry (the function below `nargs` arguments on top),
 * under the limits: past the budget, the CPU time or the memory cap, or
 * interrupted, every later instruction of the entry fails (no pcall in it
 * can swallow the stop, and an entry that swallowed one fails all the
 * same) and the message on top names the limit ("instruction budget of N
 * exceeded", "memory cap of N bytes exceeded", "CPU time limit of N ms
 * exceeded", "interrupted"). math.random starts from the same seed in
 * every entry, as in every case. Returns a lua status.
 */
int nms_script_pcall(struct nms_script *s, int nargs, int nresults);

/*
 * [-0, +0, e] For a C function of the caller's that did costly work in C
 * for an entry (an evaluation by the engine, which the hook cannot see):
 * reads the CPU clock and the interrupt flag now, as the pattern guard
 * does after a costly match, and raises the stop as the hook would when
 * the entry must end. Without it, a loop of such calls reads the clock
 * only every 16,000 of its own instructions: thousands of evaluations,
 * seconds past --max-cpu-ms. Does nothing outside nms_script_pcall.
 */
void nms_script_check(lua_State *L);

#endif
