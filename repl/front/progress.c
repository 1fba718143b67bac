/*
 * progress.c - a sign of life during a long run (see progress.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "front/msg.h"
#include "front/progress.h"

enum mode { OFF = 0, IN_PLACE, LINES };

static struct {
    enum mode mode;
    double start, last;
    size_t cases, errors;
    int on_line; /* an in-place line is on the terminal */
} p;

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void nms_progress_init(int output_to_file)
{
    const char *env = getenv("NMSRULES_PROGRESS");

    memset(&p, 0, sizeof p);
    if (env && strcmp(env, "0") == 0)
        p.mode = OFF;
    else if (isatty(STDERR_FILENO))
        /* the results on the same terminal would run through the line */
        p.mode = output_to_file || !isatty(STDOUT_FILENO) ? IN_PLACE : OFF;
    else
        p.mode = env && strcmp(env, "1") == 0 ? LINES : OFF;
    p.start = p.last = now();
}

void nms_progress_force(int on)
{
    p.mode = !on ? OFF : isatty(STDERR_FILENO) ? IN_PLACE : LINES;
}

/* "1 case", "2 cases": the line is read by people. */
static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static double rate(double t)
{
    return t > p.start ? (double)p.cases / (t - p.start) : 0.0;
}

void nms_progress_tick(size_t cases, size_t errors)
{
    double t;

    p.cases = cases;
    p.errors = errors;
    if (p.mode == OFF)
        return;
    t = now();
    if (t - p.start < 1.0 || t - p.last < (p.mode == LINES ? 5.0 : 0.5))
        return;
    p.last = t;
    if (p.mode == LINES) {
        fprintf(stderr, "%s: %zu %s, %zu %s, %.0f a second\n", NMS_PROGRAM,
                cases, plural(cases, "case", "cases"), errors,
                plural(errors, "error", "errors"), rate(t));
        return;
    }
    fprintf(stderr, "\r%s: %zu %s, %zu %s, %.0f a second\033[K", NMS_PROGRAM,
            cases, plural(cases, "case", "cases"), errors,
            plural(errors, "error", "errors"), rate(t));
    p.on_line = 1;
}

void nms_progress_clear(void)
{
    if (p.on_line)
        fputs("\r\033[K", stderr);
    p.on_line = 0;
}

void nms_progress_end(void)
{
    double t = now();

    nms_progress_clear();
    if (p.mode == LINES)
        fprintf(stderr, "%s: %zu %s, %zu %s in %.1f s, %.0f a second\n",
                NMS_PROGRAM, p.cases, plural(p.cases, "case", "cases"),
                p.errors, plural(p.errors, "error", "errors"), t - p.start,
                rate(t));
    p.mode = OFF;
}
