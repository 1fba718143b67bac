/*
 * input.h - gathering the lines of one entry (input.c): a dot-command is
 * one line, a Lua chunk as many lines as it takes to be complete. Knows
 * nothing of readline, so scripts and the terminal share it.
 */
#ifndef NMS_REPL_INPUT_H
#define NMS_REPL_INPUT_H

#include <stddef.h>

#include "session/session.h"

struct input {
    char buf[REPL_MAX_INPUT];
    size_t len;
    long first_line;   /* line number of the entry's first line */
};

enum input_state {
    INPUT_READY,    /* buf holds a complete entry */
    INPUT_MORE,     /* a Lua chunk goes on: read another line */
    INPUT_TOOLONG   /* past REPL_MAX_INPUT: the entry was dropped */
};

/* Adds `line` (no newline), read as line number `line_no`. */
enum input_state input_add(struct input *in, struct session *s,
                           const char *line, long line_no);

/* Forgets the pending entry. */
void input_reset(struct input *in);

#endif
