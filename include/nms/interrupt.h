/*
 * interrupt.h - stopping a running evaluation from a signal handler.
 *
 * A program gives the engine the address of the flag its SIGINT (and
 * SIGTERM) handler sets. The engine reads it while rules run: from its
 * instruction hook (every NMS_HOOK_INTERVAL Lua instructions), from the
 * library functions that work in C, and on every allocation. A non-zero
 * flag stops the rule being run, and every later instruction of the case
 * fails too (no pcall can swallow it): the case's result then carries a
 * rule error whose message is "interrupted". The engine never writes the flag; the program
 * clears it once it has handled the interrupt.
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

#endif
