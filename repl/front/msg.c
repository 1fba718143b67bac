/* msg.c - uniform diagnostics for the nmsrules program (see msg.h). */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "front/msg.h"
#include "front/progress.h"

static void vmessage(const char *kind, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
    nms_progress_clear();
    fprintf(stderr, "%s: %s: ", NMS_PROGRAM, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void nms_verrorf(const char *fmt, va_list ap)
{
    vmessage("error", fmt, ap);
}

void nms_errorf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage("error", fmt, ap);
    va_end(ap);
}

void nms_warnf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage("warning", fmt, ap);
    va_end(ap);
}

static void vplace(const struct nms_msg_place *at, const char *kind,
                   const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

static void vplace(const struct nms_msg_place *at, const char *kind,
                   const char *fmt, va_list ap)
{
    fflush(stdout);   /* keep messages in order with what was printed */
    if (at->name)
        fprintf(stderr, "%s: %s:%ld: ", kind, at->name, at->line);
    else
        fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void nms_place_errorf(struct nms_msg_place *at, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vplace(at, "error", fmt, ap);
    va_end(ap);
    at->failed = 1;
}

void nms_place_notef(const struct nms_msg_place *at, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vplace(at, "note", fmt, ap);
    va_end(ap);
}

void nms_note_terminal_input(FILE *fp)
{
    if (!isatty(fileno(fp)))
        return;
    nms_progress_clear();
    fprintf(stderr, "%s: reading cases from the terminal: type or paste them, "
                    "then Ctrl-D (or name the FILE to read)\n", NMS_PROGRAM);
}
