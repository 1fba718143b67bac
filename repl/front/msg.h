/*
 * msg.h - every message the program prints to a person goes through here,
 * so they all look alike: "nmsrules: error: cannot open 'x.json': ..." from
 * the commands, "error: checks.txt:7: ..." from the interactive session
 * (placed in the script being read).
 */
#ifndef NMS_MSG_H
#define NMS_MSG_H

#include <stdarg.h>
#include <stdio.h>

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

/* nms_errorf with a va_list. */
void nms_verrorf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Prints "nmsrules: warning: <message>" to stderr. */
void nms_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * When `fp`, a command's standard input, is a terminal, says on stderr
 * that cases are read from it and how to end them: "nmsrules batch" (or
 * accuracy, timeline, summary, diff, a script's nms.cases("-")) with no
 * FILE otherwise waits in silence, and looks hung to a first user.
 */
void nms_note_terminal_input(FILE *fp);

/* Where the session is reading: a script's name and the line of the entry
 * being run (name NULL for a terminal), and whether an error was reported
 * there (a script's exit status). */
struct nms_msg_place {
    const char *name;
    long line;
    int failed;
    int command_line; /* 1: reading the command line's own arguments, before
                         any session: "nmsrules: error: ..." as every other
                         message of the program */
};

/*
 * Prints "error: <message>" to stderr, as "error: <name>:<line>: <message>"
 * when reading a script, after flushing standard output so messages stay
 * in order with what was printed; marks the place as failed.
 */
void nms_place_errorf(struct nms_msg_place *at, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The same as a note ("note: ..."), a warning that changes nothing. */
void nms_place_notef(const struct nms_msg_place *at, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
