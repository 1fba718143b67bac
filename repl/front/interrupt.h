/*
 * interrupt.h - SIGINT and SIGTERM ask a batch run to stop cleanly.
 *
 * The handler only records the request; the batch loop checks it between
 * cases, so a case is never half-written, and everything complete is
 * flushed before the program exits with NMS_EXIT_INTERRUPTED.
 */
#ifndef NMS_INTERRUPT_H
#define NMS_INTERRUPT_H

#include <signal.h>

/* Installs the handlers (without SA_RESTART, so a blocked read returns).
 * Returns 0, or -1 with errno set. */
int nms_interrupt_install(void);

/* The signal that asked to stop, or 0. */
int nms_interrupted(void);

/* The REPL: SIGINT only (SIGTERM keeps its default), so Ctrl-C interrupts
 * the running command and the session goes on. Returns 0, or -1. */
int nms_interrupt_install_sigint(void);

/* The flag the handler sets, for nms_engine_set_interrupt. */
const volatile sig_atomic_t *nms_interrupt_flag(void);

/* Forgets a handled interrupt. */
void nms_interrupt_clear(void);

#endif
