/*
 * commands.h - the dot-command table: dispatch, .help and completion (commands.c).
 */
#ifndef NMS_REPL_COMMANDS_H
#define NMS_REPL_COMMANDS_H

#include <stddef.h>

#include "session/session.h"

/* Runs one complete entry: a dot-command, or Lua. */
void commands_run(struct session *s, const char *entry);

/* The i-th command name (".give"), or NULL past the end; for completion. */
const char *commands_name(size_t i);

#endif
