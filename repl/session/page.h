/*
 * page.h - long output for a person at a terminal (page.c): the text of a
 * command is gathered, wrapped to the terminal's width and, when it is
 * longer than the screen, shown through $PAGER (default `less -R`, as git
 * and psql do). Not on a terminal (scripts, pipes) it goes straight to
 * standard output, unwrapped, so transcripts stay exact.
 */
#ifndef NMS_REPL_PAGE_H
#define NMS_REPL_PAGE_H

#include <stddef.h>
#include <stdio.h>

/* One page of output being gathered. */
struct page {
    FILE *fp;       /* where the command writes */
    char *buf;      /* the gathered text (open_memstream), or NULL */
    size_t len;
    int tty;        /* standard output is a terminal */
};

/* Starts gathering: p->fp is a memory stream when standard output is a
 * terminal (and `on` is set), else stdout itself. Never fails: out of
 * memory, output goes straight to stdout. */
void page_begin(struct page *p, int on);

/* Shows what was gathered (wrapped, paged when longer than the screen)
 * and releases it. */
void page_end(struct page *p);

/*
 * Writes `len` bytes of `text` to `out` with every line longer than
 * `width` display columns broken at a space (or, failing one, at the
 * width); continuation lines are indented past the line's own indent so
 * they read as one entry. UTF-8 sequences count as one column and ANSI
 * colour sequences as none. Returns the number of lines written.
 */
size_t page_wrap(FILE *out, const char *text, size_t len, size_t width);

#endif
