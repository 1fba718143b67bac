/*
 * watchdog.h - a per-thread CPU-time timer that reaches into a running Lua
 * state (watchdog.c), so that cases can run without the count hook.
 *
 * While any hook is set, Lua 5.4 passes every VM instruction through
 * luaG_traceexec (~19 % of a case's instructions, docs/performance.md). So
 * a case first runs with no hook at all, watched by this timer: a POSIX
 * timer on the evaluating thread's CPU clock whose signal is delivered to
 * that thread, and whose handler only sets the limits' count hook
 * (lua_sethook, which the Lua manual allows in a signal handler, as lua.c
 * does for Ctrl-C). The hook then decides, outside the handler, whether the
 * case goes on unhooked or is stopped and evaluated again counting (limits.c,
 * eval.c). Nothing here knows about budgets: it is the timer and its signal.
 */
#ifndef NMS_LUA_WATCHDOG_H
#define NMS_LUA_WATCHDOG_H

#include <signal.h>
#include <sys/types.h>
#include <time.h>

#include <lua.h>

/* The signal the timer raises: a real-time signal glibc leaves to
 * programs, clear of SIGPROF (tests/bench/luaprof), SIGINT and SIGTERM
 * (the program's stop requests) and of the top real-time signals, which
 * valgrind keeps for itself. The handler is installed on first use
 * only if nothing else handles this signal; otherwise no case is watched
 * and every one is counted (nms_watchdog_usable). */
#define NMS_WATCHDOG_SIGNAL (SIGRTMIN + 4)

/* One VM's watchdog; zeroed memory is a valid disarmed one. */
struct nms_watchdog {
    lua_State *L;               /* the state whose hook a tick sets */
    lua_Hook hook;              /* the hook a tick sets (count of 1) */
    timer_t timer;
    pid_t tid;                  /* the thread whose CPU clock it follows */
    int has_timer;
    volatile sig_atomic_t armed;  /* ticks may set the hook */
};

/* Whether the process can watch cases: the handler is installed (once,
 * the first call). Thread-safe. */
int nms_watchdog_usable(void);

/*
 * Arms w on the calling thread's CPU clock: the first tick after
 * `first_ns` more nanoseconds of its CPU time, then one every `period_ns`.
 * Each tick sets `hook` on L with a count of 1. Makes the timer on first
 * use in a thread (again if the VM moved to another thread). Returns 0, or
 * -1 when no timer can be had (the case is then counted, not watched).
 */
int nms_watchdog_arm(struct nms_watchdog *w, lua_State *L, lua_Hook hook,
                     long long first_ns, long long period_ns);

/* Stops the ticks; a tick already on its way finds w disarmed and does
 * nothing. Idempotent. */
void nms_watchdog_disarm(struct nms_watchdog *w);

/* Deletes the timer (the VM is being freed). */
void nms_watchdog_free(struct nms_watchdog *w);

#endif
