/*
 * msg.h - every message the program prints to a person goes through here,
 * so they all look alike: "nmsrules: error: cannot open 'x.json': ...".
 */
#ifndef NMS_MSG_H
#define NMS_MSG_H

#define NMS_PROGRAM "nmsrules"

/* Exit statuses of the program (documented in README.md). */
enum nms_exit {
    NMS_EXIT_OK = 0,         /* every case evaluated */
    NMS_EXIT_CASE_ERRORS = 1,/* some cases were errors; all others written */
    NMS_EXIT_USAGE = 2,      /* bad usage, or an input/output error */
    NMS_EXIT_RULES = 3,      /* the ruleset failed to load */
    NMS_EXIT_INTERRUPTED = 4 /* stopped by a signal; what was complete is written */
};

/* Prints "nmsrules: error: <message>" to stderr. */
void nms_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "nmsrules: warning: <message>" to stderr. */
void nms_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
