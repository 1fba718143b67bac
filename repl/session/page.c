/*
 * page.c - long output wrapped to the terminal and paged (see page.h).
 *
 * A class reads the projector from the back: a report of a few hundred
 * lines, with evidence lines of a thousand characters, must neither scroll
 * past nor run off the right edge. git and psql solved this the same way:
 * gather the output, and hand it to $PAGER when it does not fit.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "front/interrupt.h"
#include "session/page.h"

/* The pager when $PAGER is not set: -R lets the colours through. */
#define DEFAULT_PAGER "less -R"
/* Narrower than this, wrapping does more harm than good. */
#define MIN_WIDTH 20

void page_begin(struct page *p, int on)
{
    memset(p, 0, sizeof *p);
    p->fp = stdout;
    p->tty = on && isatty(STDOUT_FILENO);
    if (!p->tty)
        return;
    fflush(stdout);
    p->fp = open_memstream(&p->buf, &p->len);
    if (!p->fp) {
        p->fp = stdout;
        p->tty = 0;
    }
}

/* Bytes in the UTF-8 sequence that starts with byte c (1 for a stray
 * continuation byte, so a broken sequence still moves on). */
static size_t seq_len(unsigned char c)
{
    return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* Bytes of the ANSI colour sequence at s (ESC [ ... m), or 0. */
static size_t ansi_len(const char *s, size_t n)
{
    size_t i = 2;

    if (n < 3 || s[0] != '\033' || s[1] != '[')
        return 0;
    while (i < n && s[i] != 'm')
        i++;
    return i < n ? i + 1 : 0;
}

/* Where continuation lines of a line start: under the text after the
 * line's last gap of two spaces in its first half (the evidence column of
 * an item line), else four past its own indent. */
static size_t hang_of(const char *s, size_t n, size_t width)
{
    size_t i = 0, col = 0, lead, gap_end = 0, k;

    while (i < n && s[i] == ' ')
        i++;
    lead = col = i;
    while (i < n && col < width / 2) {
        if ((k = ansi_len(s + i, n - i)) > 0) {
            i += k;
            continue;
        }
        if (i + 1 < n && s[i] == ' ' && s[i + 1] == ' ') {
            while (i < n && s[i] == ' ')
                i++, col++;
            gap_end = col;
            continue;
        }
        i += seq_len((unsigned char)s[i]);
        col++;
    }
    if (gap_end > lead && gap_end <= width / 2)
        return gap_end;
    return lead + 4 <= width / 2 ? lead + 4 : width / 2;
}

/* Writes one line (without its newline) broken to `width`. */
static size_t wrap_line(FILE *out, const char *s, size_t n, size_t width)
{
    size_t hang = hang_of(s, n, width), indent = 0, start = 0, rows = 0;
    size_t i, cols, space, k;

    for (;;) {
        for (i = start, cols = 0, space = 0; i < n; ) {
            if ((k = ansi_len(s + i, n - i)) > 0) {
                i += k;
                continue;
            }
            if (s[i] == ' ' && cols > 0)
                space = i;
            if (cols + indent >= width)
                break;
            i += seq_len((unsigned char)s[i]);
            cols++;
        }
        if (i > n)
            i = n;
        if (i < n && space > start)
            i = space;
        for (k = i; k > start && s[k - 1] == ' '; k--)
            ;   /* no trailing blanks at the break */
        fprintf(out, "%*s%.*s\n", (int)indent, "", (int)(k - start), s + start);
        rows++;
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            return rows;
        start = i;
        indent = hang;
    }
}

size_t page_wrap(FILE *out, const char *text, size_t len, size_t width)
{
    size_t rows = 0, n;
    const char *end;

    if (width < MIN_WIDTH)
        width = MIN_WIDTH;
    while (len > 0) {
        end = memchr(text, '\n', len);
        n = end ? (size_t)(end - text) : len;
        rows += wrap_line(out, text, n, width);
        if (!end)
            break;
        text += n + 1;
        len -= n + 1;
    }
    return rows;
}

/* The terminal's size; 80 by 24 when it does not say. */
static void screen_size(size_t *cols, size_t *rows)
{
    struct winsize ws;

    *cols = 80;
    *rows = 24;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        *cols = ws.ws_col;
        *rows = ws.ws_row > 0 ? ws.ws_row : 24;
    }
}

/* Shows `text` through the pager. Returns 0, or -1 when no pager ran
 * (then nothing was shown: the caller prints it). */
static int through_pager(const char *text, size_t len)
{
    const char *pager = getenv("PAGER");
    void (*old_pipe)(int);
    FILE *fp;
    int status = 0;

    if (!pager)
        pager = DEFAULT_PAGER;
    if (!*pager)
        return -1;   /* PAGER= (empty) turns paging off, as in git */
    fflush(stdout);
    old_pipe = signal(SIGPIPE, SIG_IGN);   /* the reader may quit early */
    fp = popen(pager, "w");
    if (fp) {
        fwrite(text, 1, len, fp);
        status = pclose(fp);
    }
    signal(SIGPIPE, old_pipe);
    nms_interrupt_clear();   /* Ctrl-C in the pager was the pager's */
    /* 127: the shell could not find the pager; show the text instead. */
    return fp && !(WIFEXITED(status) && WEXITSTATUS(status) == 127) ? 0 : -1;
}

void page_end(struct page *p)
{
    size_t cols, rows, lines;
    char *wrapped = NULL;
    size_t wlen = 0;
    FILE *w;

    if (!p->tty)
        return;
    fclose(p->fp);
    screen_size(&cols, &rows);
    w = open_memstream(&wrapped, &wlen);
    lines = w ? page_wrap(w, p->buf, p->len, cols) : 0;
    if (w)
        fclose(w);
    if (!w || !wrapped)
        fwrite(p->buf, 1, p->len, stdout);
    else if (lines < rows || through_pager(wrapped, wlen) != 0)
        fwrite(wrapped, 1, wlen, stdout);
    fflush(stdout);
    free(wrapped);
    free(p->buf);
    memset(p, 0, sizeof *p);
}
