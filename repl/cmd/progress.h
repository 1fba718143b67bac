/*
 * progress.h - batch's progress line on stderr: cases, cases per second
 * and errors so far, never in the output. On a terminal it is redrawn in
 * place at most 4 times a second; elsewhere (--progress into a log) it is a
 * line every 10 seconds. Either way a last line gives the totals.
 */
#ifndef NMS_PROGRESS_H
#define NMS_PROGRESS_H

#include <stddef.h>

struct nms_progress {
    int on;            /* 0: every call does nothing */
    int tty;           /* stderr is a terminal: redraw in place */
    double start;      /* monotonic seconds when the run began */
    double next;       /* when the line may be drawn again */
    int drawn;         /* a line is on the terminal, not yet ended */
};

/* Starts the clock; `on` says whether to show anything. */
void nms_progress_init(struct nms_progress *p, int on);

/* Shows cases and errors so far, if the last showing is old enough. */
void nms_progress_tick(struct nms_progress *p, size_t cases, size_t errors);

/* Shows the totals and ends the line, before any closing message. */
void nms_progress_end(struct nms_progress *p, size_t cases, size_t errors);

#endif
