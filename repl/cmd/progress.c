/* progress.c - the progress line of batch (see progress.h). */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cmd/progress.h"
#include "front/msg.h"

/* Seconds between two showings: a terminal redraws one line in place,
 * a log gets a new line each time. */
#define TTY_INTERVAL 0.25
#define LOG_INTERVAL 10.0

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void nms_progress_init(struct nms_progress *p, int on)
{
    p->on = on;
    p->tty = isatty(fileno(stderr));
    p->start = now();
    p->next = p->start + (p->tty ? TTY_INTERVAL : LOG_INTERVAL);
    p->drawn = 0;
}

static void show(struct nms_progress *p, double t, size_t cases,
                 size_t errors, int last)
{
    double elapsed = t - p->start;
    double rate = elapsed > 0 ? (double)cases / elapsed : 0;

    /* "\r...\033[K": back to the start of the line, then clear what a
     * longer line before left behind. */
    fprintf(stderr, "%s%s: %zu cases, %.0f cases/s, %zu error%s%s%s",
            p->tty ? "\r" : "", NMS_PROGRAM, cases, rate, errors,
            errors == 1 ? "" : "s", p->tty ? "\033[K" : "",
            p->tty && !last ? "" : "\n");
    fflush(stderr);
    p->drawn = p->tty && !last;
}

void nms_progress_tick(struct nms_progress *p, size_t cases, size_t errors)
{
    double t;

    if (!p->on)
        return;
    t = now();
    if (t < p->next)
        return;
    p->next = t + (p->tty ? TTY_INTERVAL : LOG_INTERVAL);
    show(p, t, cases, errors, 0);
}

void nms_progress_end(struct nms_progress *p, size_t cases, size_t errors)
{
    if (p->on)
        show(p, now(), cases, errors, 1);
}
