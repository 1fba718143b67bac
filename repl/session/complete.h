/*
 * complete.h - Tab completion for the interactive session (complete.c).
 */
#ifndef NMS_REPL_COMPLETE_H
#define NMS_REPL_COMPLETE_H

#include "session/session.h"

/* Makes readline complete for session s (which must outlive it). */
void complete_install(struct session *s);

/* Frees the last candidates and forgets the session. */
void complete_release(void);

#endif
