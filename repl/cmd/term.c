/* term.c - text for a terminal that untrusted text cannot drive (see
 * term.h). */
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"
#include "cmd/term.h"

/* The colour codes report.c uses, the only escape sequences let through. */
static const char *const own_codes[] = {
    "\033[32m", "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"};

/* The length of one of own_codes at s, or 0. */
static size_t own_code(const char *s, size_t left)
{
    size_t i, n;

    for (i = 0; i < sizeof own_codes / sizeof own_codes[0]; i++) {
        n = strlen(own_codes[i]);
        if (n <= left && memcmp(s, own_codes[i], n) == 0)
            return n;
    }
    return 0;
}

void nms_term_write(FILE *out, const char *s, size_t len, int color)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0, n;
    unsigned cp;

    /* Safe text goes out in runs, one fwrite each, not a call per
     * character: a report is tens of kilobytes. */
    while (i < len) {
        if (u[i] >= 0x20 && u[i] < 0x7F) {   /* printable ASCII: most */
            i++;
            continue;
        }
        if (color && u[i] == 033 && (n = own_code(s + i, len - i)) > 0) {
            i += n;
            continue;
        }
        if ((n = nms_utf8_seq(u + i, len - i, &cp)) != 0 &&
            !((cp < 32 && cp != '\n' && cp != '\t') || cp == 0x7F) &&
            !(cp >= 0x80 && cp <= 0x9F) && !nms_cp_is_bidi(cp)) {
            i += n;
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        if (n == 0) {
            fprintf(out, "\\x%02x", u[i]);
            n = 1;
        } else if (cp < 0x80) {
            fprintf(out, "\\x%02x", cp);
        } else {
            fprintf(out, "\\u%04x", cp);
        }
        i += n;
        run = i;
    }
    fwrite(s + run, 1, i - run, out);
}

FILE *nms_term_begin(struct nms_term *t, FILE *out, int color)
{
    memset(t, 0, sizeof *t);
    t->out = out;
    t->color = color;
    t->mem = open_memstream(&t->buf, &t->len);
    /* Out of memory: the report still appears, unfiltered, rather than
     * not at all. */
    return t->mem ? t->mem : out;
}

void nms_term_end(struct nms_term *t)
{
    if (!t->mem)
        return;
    if (fclose(t->mem) == 0)
        nms_term_write(t->out, t->buf, t->len, t->color);
    free(t->buf);
    t->mem = NULL;
    t->buf = NULL;
}
