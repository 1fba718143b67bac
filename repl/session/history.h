/*
 * history.h - the session's persistent history (history.c).
 */
#ifndef NMS_REPL_HISTORY_H
#define NMS_REPL_HISTORY_H

#include <stddef.h>

/* Most entries kept in the history file. */
#define NMS_HISTORY_MAX 1000

/*
 * Finds the history file: $NMSRULES_HISTORY (empty or /dev/null turns
 * history off), else $XDG_STATE_HOME/nmsrules/history (the directory is
 * created), else ~/.nmsrules_history. Writes it into path and returns 0,
 * or returns -1 when history is off or no place is known.
 */
int history_path(char *path, size_t size);

/* Reads the history file (multi-line entries stay one entry). */
void history_start(const char *path);

/* Adds a complete entry, unless it repeats the previous one. */
void history_add_entry(const char *entry);

/* Keeps the last NMS_HISTORY_MAX entries and writes the file. */
void history_finish(const char *path);

#endif
