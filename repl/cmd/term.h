/*
 * term.h - text for a terminal that untrusted text cannot drive.
 *
 * Case ids, field names, evidence and messages come from case files and
 * rules; printed raw, an escape sequence in them could clear the screen,
 * set the window title or print fake text. A report is rendered into
 * memory and copied out with every control character made visible: C0
 * controls but newline and tab, DEL and ESC as \xNN, the C1 controls
 * (U+0080-U+009F) and the bidirectional controls (nms_cp_is_bidi: an
 * override reorders what follows on the screen) as \uNNNN, and bytes that
 * are not valid UTF-8 as \xNN.
 * With colour on, exactly the report's own colour codes pass (so hostile
 * text can at worst change the colour, never move the cursor or the title).
 */
#ifndef NMS_TERM_H
#define NMS_TERM_H

#include <stdio.h>

struct nms_term {
    FILE *out;    /* where the text goes in the end */
    FILE *mem;    /* where it is rendered; NULL: straight to out */
    char *buf;
    size_t len;
    int color;    /* the report's colour codes pass */
};

/* Starts rendering for `out`; returns the stream to render into. */
FILE *nms_term_begin(struct nms_term *t, FILE *out, int color);

/* Copies what was rendered to `out`, made safe, and frees it. */
void nms_term_end(struct nms_term *t);

/* Writes `len` bytes of `s` to `out` made safe as above. */
void nms_term_write(FILE *out, const char *s, size_t len, int color);

#endif
