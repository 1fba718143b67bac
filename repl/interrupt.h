/*
 * interrupt.h - SIGINT and SIGTERM ask a batch run to stop cleanly.
 *
 * The handler only records the request; the batch loop checks it between
 * cases, so a case is never half-written, and everything complete is
 * flushed before the program exits with NMS_EXIT_INTERRUPTED.
 */
#ifndef NMS_INTERRUPT_H
#define NMS_INTERRUPT_H

/* Installs the handlers (without SA_RESTART, so a blocked read returns).
 * Returns 0, or -1 with errno set. */
int nms_interrupt_install(void);

/* The signal that asked to stop, or 0. */
int nms_interrupted(void);

#endif
