/*
 * progress.h - a sign of life during a long run (progress.c): "nmsrules:
 * 12000 cases, 3 errors, 95 a second" on standard error, rewritten in place about
 * twice a second, from the second second of a run on. Shown when standard
 * error is a terminal and the output does not go to that terminal too (a
 * file, a pipe or -o), or always with NMSRULES_PROGRESS=1 (one line every
 * 5 s and a closing line, for logs); never with NMSRULES_PROGRESS=0.
 * Program state, not the engine's: one run per process.
 */
#ifndef NMS_PROGRESS_H
#define NMS_PROGRESS_H

#include <stddef.h>

/* Arms the display for a run; output_to_file: the command writes with
 * -o, so standard output is free even on a terminal. */
void nms_progress_init(int output_to_file);

/* A command's --progress (on: in place on a terminal, else as lines) or
 * --no-progress (off), over what nms_progress_init chose. */
void nms_progress_force(int on);

/* `cases` records done so far, `errors` of them error records (called
 * after each). */
void nms_progress_tick(size_t cases, size_t errors);

/* Takes the in-place line off the terminal before another message. */
void nms_progress_clear(void);

/* The run is over: clears the line (the closing line in log mode). */
void nms_progress_end(void);

#endif
