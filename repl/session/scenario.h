/*
 * scenario.h - scenario files (scenario.c): the commands of a file run in
 * order, as `--script FILE`, `.read FILE` or a pipe; the commands that make
 * a scenario teach (.say, .pause) and check itself (.expect).
 */
#ifndef NMS_REPL_SCENARIO_H
#define NMS_REPL_SCENARIO_H

#include <stdio.h>

#include "session/input.h"
#include "session/session.h"

/* Runs one complete entry (a terminal's or a file's) and flushes its
 * output; returns 1 when it failed. The session's failed mark stays set
 * for the exit status. */
int scenario_entry(struct session *s, struct input *in);

/*
 * Runs the entries of `fp` (named `name` in messages) in the session. With
 * `echo`, each entry is printed after the prompt before its output (a
 * transcript), except .say and .pause, which speak for themselves. Stops
 * at the first command that fails unless s->keep_going, or at .quit.
 * Returns 0, or -1 when a command failed.
 */
int scenario_run(struct session *s, FILE *fp, const char *name, int echo);

/* .say TEXT: prints TEXT as the scenario reaches it. */
int act_say(struct session *s, int argc, char **argv);

/* .pause: waits for Enter on a terminal; nothing in --script runs. */
int act_pause(struct session *s, int argc, char **argv);

/* .expect PATH VALUE: fails (an error naming both values) unless the last
 * result has VALUE at PATH. */
int act_expect(struct session *s, int argc, char **argv);

/* .read FILE: runs a scenario file in this session, echoing its commands. */
int act_read(struct session *s, int argc, char **argv);

#endif
