/* msg.c - uniform diagnostics for the nmsrules program (see msg.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd/term.h"
#include "front/msg.h"
#include "front/progress.h"

static void vsafe(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* Writes the message to stderr through nms_term_write: it quotes file
 * names, ids, a rule's warning or a ruleset's values, and a rule's
 * escape sequence went raw to the analyst's terminal ("note: -:1:" of a
 * REPL warning, session 21). */
static void vsafe(const char *fmt, va_list ap)
{
    char small[1024], *big;
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, again);
    va_end(again);
    if (n < 0)
        return;
    big = (size_t)n < sizeof small ? NULL : malloc((size_t)n + 1);
    if (big && vsnprintf(big, (size_t)n + 1, fmt, ap) == n)
        nms_term_write(stderr, big, (size_t)n, 0);
    else   /* short, or no memory for the whole: what fits */
        nms_term_write(stderr, small, (size_t)n < sizeof small
                                          ? (size_t)n : sizeof small - 1, 0);
    free(big);
}

static void vmessage(const char *kind, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
    nms_progress_clear();
    fprintf(stderr, "%s: %s: ", NMS_PROGRAM, kind);
    vsafe(fmt, ap);
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
    if (at->command_line)
        fprintf(stderr, "%s: ", NMS_PROGRAM);
    if (at->name)
        fprintf(stderr, "%s: %s:%ld: ", kind, at->name, at->line);
    else
        fprintf(stderr, "%s: ", kind);
    vsafe(fmt, ap);
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
