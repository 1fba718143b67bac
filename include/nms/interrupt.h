/*
 * interrupt.h - stopping a running evaluation from a signal handler.
 *
 * A program gives the engine the address of the flag its SIGINT (and
 * SIGTERM) handler sets. The engine reads it while rules run: from its
 * instruction hook (every NMS_HOOK_INTERVAL Lua instructions; in a case's
 * first run, which has no hook, at each tick of the CPU-time watchdog,
 * every 10 ms, see nms_engine_set_watchdog), from the library functions
 * that work in C, and on every allocation. A non-zero
 * flag stops the rule being run, and every later instruction of the case
 * fails too (no pcall can swallow it): the case's result then carries a
 * rule error whose message is "interrupted". A ruleset load (or reload)
 * is stopped the same way: it fails with "interrupted" and a reload keeps
 * the ruleset loaded before. The engine never writes the
 * flag; the program clears it once it has handled the interrupt. A reader
 * of case records watches the same kind of flag (nms_reader_set_interrupt).
 */
#ifndef NMS_ENGINE_INTERRUPT_H
#define NMS_ENGINE_INTERRUPT_H

#include <signal.h>

#include "nms/engine.h"

/*
 * Makes engine `e` watch `flag` (NULL: stop watching) from now on, also
 * across reloads. The flag must outlive the engine or be unset first.
 */
void nms_engine_set_interrupt(struct nms_engine *e,
                              const volatile sig_atomic_t *flag);

struct nms_reader;

/*
 * Makes reader `r` watch `flag` (NULL: stop watching): while a record is
 * being read it looks at the flag every few kilobytes, so a record that
 * never ends (/dev/zero, a producer that never sends a newline) does not
 * hold off a stop request, and nms_reader_next then returns -1 with errno
 * EINTR. A read blocked on a pipe returns by itself when the handler was
 * installed without SA_RESTART.
 */
void nms_reader_set_interrupt(struct nms_reader *r,
                              const volatile sig_atomic_t *flag);

#endif
