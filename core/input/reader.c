/*
 * reader.c - splits an input source into case records (see nms/reader.h).
 *
 * The first non-blank line decides the shape of the source:
 *   - it starts with '['      -> a JSON array, read whole and validated, one
 *                                record per element;
 *   - it is a JSON value      -> JSON Lines, streamed a line at a time;
 *   - it looks like a one-line object but is broken
 *                             -> JSON Lines too, so one bad first line does
 *                                not swallow the records after it;
 *   - anything else           -> one (pretty-printed) JSON document.
 * Lines are read with a bounded buffer of our own rather than getline, so
 * an over-long line is skipped without ever being held whole in memory.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "nms/interrupt.h"
#include "nms/reader.h"
#include "input/json_check.h"
#include "input/reader_int.h"

enum mode { MODE_START, MODE_LINES, MODE_ARRAY, MODE_DONE };

struct nms_reader {
    FILE *fp; /* not ours: never closed here */
    char *source;
    size_t limit; /* longest record kept */
    enum mode mode;
    long line;  /* number of the last line read */
    long index; /* records handed out so far */
    char *buf;  /* the current line, document or array */
    size_t len, cap;
    int too_long;    /* buf stopped growing at `limit` */
    size_t pos;      /* MODE_ARRAY: where the next element starts */
    size_t held;     /* MODE_LINES: bytes of a line read ahead, kept in buf
                        after the record handed out (0: none) */
    long held_line;  /* the line number of that line */
    cJSON *tree;     /* MODE_ARRAY: the array, parsed once for all its elements */
    const cJSON *item; /* MODE_ARRAY: the element whose text starts at pos */
    char error[256]; /* text behind the last record's `error` */
    const volatile sig_atomic_t *stop; /* nonzero: stop reading (a signal) */
};

/* Bytes read between two looks at the stop flag: a record that never ends
 * (/dev/zero, a producer that never sends a newline) is still stoppable. */
#define STOP_CHECK_BYTES 4096u

enum nms_status nms_reader_open_limited(struct nms_reader **out, FILE *fp,
                                        const char *source, size_t limit)
{
    struct nms_reader *r = calloc(1, sizeof *r);

    *out = NULL;
    if (r == NULL)
        goto fail;
    r->source = strdup(source != NULL ? source : "-");
    if (r->source == NULL)
        goto fail;
    r->fp = fp;
    r->limit = limit;
    r->mode = MODE_START;
    *out = r;
    return NMS_OK;
fail:
    free(r);
    return NMS_ENOMEM;
}

enum nms_status nms_reader_open(struct nms_reader **out, FILE *fp,
                                const char *source)
{
    return nms_reader_open_limited(out, fp, source, NMS_MAX_RECORD);
}

void nms_reader_set_interrupt(struct nms_reader *r,
                              const volatile sig_atomic_t *flag)
{
    r->stop = flag;
}

/* -1 with errno EINTR when a stop was asked for. */
static int stopped(const struct nms_reader *r)
{
    if (r->stop == NULL || *r->stop == 0)
        return 0;
    errno = EINTR;
    return -1;
}

void nms_reader_free(struct nms_reader *r)
{
    if (r == NULL)
        return;
    cJSON_Delete(r->tree);
    free(r->buf);
    free(r->source);
    free(r);
}

/* ---- bounded reading -------------------------------------------------- */

/* Appends one byte, or notes that the record is too long; -1 on ENOMEM. */
static int append(struct nms_reader *r, char ch)
{
    char *grown;
    size_t cap;

    if (r->len >= r->limit) {
        r->too_long = 1; /* keep consuming, stop storing */
        return 0;
    }
    if (r->len + 1 >= r->cap) {
        cap = r->cap < 4096 ? 4096 : r->cap * 2;
        if (cap > r->limit + 1)
            cap = r->limit + 1;
        grown = realloc(r->buf, cap);
        if (grown == NULL)
            return -1;
        r->buf = grown;
        r->cap = cap;
    }
    r->buf[r->len++] = ch;
    return 0;
}

/*
 * Reads one run of bytes into dst, which has room for n bytes and a NUL
 * (n >= 1): up to and including the next newline, or n bytes, or to the
 * end of input. Returns how many bytes it stored (0: the end of input or
 * a read error, which ferror tells); *newline is set when the last of them
 * is a newline. fgets moves the run with memchr and memcpy inside stdio's
 * buffer, where getc_unlocked took ~14 instructions a byte (2 % of an
 * IEC-only case). A record may hold NUL bytes, which fgets stores but
 * does not count: dst is filled with newlines first, so the first newline
 * in it is either the line's own (fgets' NUL right after it) or the first
 * byte fgets left untouched (fgets' NUL right before it).
 */
static size_t read_run(FILE *fp, char *dst, size_t n, int *newline)
{
    const char *nl;

    *newline = 0;
    memset(dst, '\n', n + 1);
    if (fgets(dst, (int)(n + 1), fp) == NULL)
        return 0;
    nl = memchr(dst, '\n', n + 1);
    if (nl == NULL)
        return n; /* n bytes, none a newline; the NUL at dst[n] */
    if (nl < dst + n && nl[1] == '\0') {
        *newline = 1;
        return (size_t)(nl - dst) + 1;
    }
    return (size_t)(nl - dst) - 1; /* fgets' NUL at nl[-1]: input ended */
}

/*
 * Reads up to the next newline (`stop_at_newline`) or to the end of input,
 * appending to buf. Returns 1 when anything was read, 0 at end of input,
 * -1 on a read error or ENOMEM.
 */
static int read_more(struct nms_reader *r, int stop_at_newline)
{
    int ch = 0, any = 0, newline;

    if (stopped(r))
        return -1;
    for (;;) {
        /* While buf has room below the limit, runs go straight in. At most
         * STOP_CHECK_BYTES bytes go in between two looks at the stop flag. */
        size_t len = r->len, got;
        size_t end = r->cap > 0 ? r->cap - 1 : 0;

        if (end > r->limit)
            end = r->limit;
        if (end > len + STOP_CHECK_BYTES)
            end = len + STOP_CHECK_BYTES;
        if (len < end) {
            got = read_run(r->fp, r->buf + len, end - len, &newline);
            if (got == 0) {
                ch = EOF;
                break;
            }
            any = 1;
            if (newline && stop_at_newline) {
                r->len = len + got - 1; /* the newline is not kept */
                break;
            }
            r->len = len + got;
            if (newline)
                continue; /* reading to the end: a newline is data */
            if (r->len < end) {
                ch = EOF; /* a short run without a newline: input ended */
                break;
            }
        }
        /* buf full, at the limit (too long: read on, store nothing), or a
         * chunk read: one byte the slow way, which grows buf. */
        if (stopped(r))
            return -1;
        if ((ch = getc_unlocked(r->fp)) == EOF)
            break;
        any = 1;
        if (stop_at_newline && ch == '\n')
            break;
        if (append(r, (char)ch) != 0)
            return -1;
    }
    /* A signal interrupts a blocked read (no SA_RESTART): EINTR, an error. */
    if (ch == EOF && ferror(r->fp))
        return -1;
    return any;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Reads the next line into buf (newline, CR and a leading BOM removed). */
static int read_line(struct nms_reader *r)
{
    int st;

    r->len = 0;
    r->too_long = 0;
    st = read_more(r, 1);
    if (st <= 0)
        return st;
    r->line++;
    if (r->len > 0 && r->buf[r->len - 1] == '\r')
        r->len--;
    if (r->line == 1 && r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(r->buf, r->buf + 3, r->len - 3);
        r->len -= 3;
    }
    return 1;
}

/* Reads lines until one holds more than whitespace; 0 at end of input. */
static int read_nonblank_line(struct nms_reader *r)
{
    size_t i;
    int st;

    while ((st = read_line(r)) == 1) {
        if (r->too_long)
            return 1;
        for (i = 0; i < r->len && is_space(r->buf[i]); i++)
            ;
        if (i < r->len)
            return 1;
    }
    return st;
}

/* ---- records ---------------------------------------------------------- */

/* Hands out buf as the next record, starting on `line`. */
static int yield(struct nms_reader *r, struct nms_record *rec, long line)
{
    rec->line = line;
    rec->index = r->index++;
    if (r->too_long) {
        snprintf(r->error, sizeof r->error, "record longer than %zu bytes",
                 r->limit);
        rec->error = r->error;
        return 1;
    }
    rec->text = r->buf;
    rec->len = r->len;
    return 1;
}

/* 1 when the len bytes at text are one complete JSON value. */
static int is_json_value(const char *text, size_t len)
{
    const char *end = NULL;
    cJSON *json = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    int ok = json != NULL;

    while (ok && end < text + len && is_space(*end))
        end++;
    ok = ok && end == text + len;
    cJSON_Delete(json);
    return ok;
}

/* A line that starts with '{' and ends with '}' was meant as one record. */
static int looks_like_one_line_object(const char *text, size_t len)
{
    while (len > 0 && is_space(text[len - 1]))
        len--;
    while (len > 0 && is_space(*text)) {
        text++;
        len--;
    }
    return len >= 2 && text[0] == '{' && text[len - 1] == '}';
}

/* Appends the rest of the input to the line in buf. */
static int read_rest(struct nms_reader *r)
{
    if (append(r, '\n') != 0)
        return -1;
    return read_more(r, 0) < 0 ? -1 : 0;
}

/* Index just past the string whose opening quote is at s[i]. */
static size_t string_end(const char *s, size_t len, size_t i)
{
    for (i++; i < len && s[i] != '"'; i++) {
        if (s[i] == '\\')
            i++; /* the escaped character cannot end the string */
    }
    return i < len ? i + 1 : len;
}

/*
 * Where the value starting at s[i] ends. Meant for valid JSON; on broken
 * text it still stops at the end, and *depth tells how many brackets were
 * left open (with a string left open, string_end stops at len).
 */
static size_t scan_value(const char *s, size_t len, size_t i, int *depth)
{
    *depth = 0;
    while (i < len) {
        if (s[i] == '"') {
            i = string_end(s, len, i);
            if (*depth == 0)
                return i;
            continue;
        }
        if (s[i] == '{' || s[i] == '[') {
            ++*depth;
        } else if (s[i] == '}' || s[i] == ']') {
            if (*depth == 0)
                return i; /* the enclosing array closes after a scalar */
            if (--*depth == 0)
                return i + 1;
        } else if (*depth == 0 && (s[i] == ',' || is_space(s[i]))) {
            return i;
        }
        i++;
    }
    return len;
}

/* The next element of a validated top-level array; 0 after the last. */
static int next_item(struct nms_reader *r, struct nms_record *rec)
{
    size_t start;
    int depth;

    while (r->pos < r->len &&
           (is_space(r->buf[r->pos]) || r->buf[r->pos] == ','))
        r->pos++;
    if (r->pos >= r->len || r->buf[r->pos] == ']' || !r->item) {
        r->mode = MODE_DONE;
        return 0;
    }
    start = r->pos;
    r->pos = scan_value(r->buf, r->len, start, &depth);
    rec->text = r->buf + start;
    rec->len = r->pos - start;
    /* Line 0 makes default ids "<source>#<index>", as array items need. */
    rec->line = 0;
    rec->index = r->index++;
    rec->is_array_item = 1;
    rec->parsed = r->item;   /* the same element, already parsed */
    r->item = r->item->next;
    return 1;
}

/* The first line opens an array: read and check it all, then split it. */
static int start_array(struct nms_reader *r, struct nms_record *rec)
{
    long first_line = r->line;
    const char *end = NULL;
    cJSON *json;

    r->mode = MODE_DONE;
    if (read_rest(r) != 0)
        return -1;
    if (r->too_long)
        return yield(r, rec, first_line);
    json = cJSON_ParseWithLengthOpts(r->buf, r->len, &end, 0);
    if (json != NULL)
        while (end < r->buf + r->len && is_space(*end))
            end++;
    if (json == NULL || end != r->buf + r->len) {
        cJSON_Delete(json);
        struct nms_json_check chk;
        /* The strict check names the fault better than cJSON's position
         * (e.g. nesting past the limit, where cJSON only stops), except
         * for running out of text, which cJSON places at the end. It is
         * not the validator here, so that an element with, say, bad
         * UTF-8 still becomes its own error record among good ones. */
        if (nms_json_check(r->buf, r->len, &chk) != 0 &&
            chk.fault != NMS_JSON_END)
            nms_json_fault_message(r->buf, r->len, &chk, first_line,
                                   r->error, sizeof r->error);
        else
            nms_json_syntax_error(r->buf, r->len, (size_t)(end - r->buf),
                                  first_line, r->error, sizeof r->error);
        yield(r, rec, first_line);
        rec->error = r->error;
        return 1;
    }
    r->mode = MODE_ARRAY;
    r->tree = json;   /* kept: the elements are read from it, not re-parsed */
    r->item = json->child;
    r->pos = (size_t)((const char *)memchr(r->buf, '[', r->len) - r->buf) + 1;
    return next_item(r, rec);
}

/* Appends the next non-blank line to buf after a newline. Returns 1 and
 * sets *at to where it starts, 0 at the end of input, -1 on error. */
static int append_nonblank_line(struct nms_reader *r, size_t *at)
{
    size_t i;
    int st;

    do {
        if (append(r, '\n') != 0)
            return -1;
        *at = r->len;
        st = read_more(r, 1);
        if (st <= 0)
            return st;
        r->line++;
        if (r->len > *at && r->buf[r->len - 1] == '\r')
            r->len--;
        for (i = *at; i < r->len && is_space(r->buf[i]); i++)
            ;
    } while (i == r->len && !r->too_long);
    return 1;
}

/*
 * The first line is not a JSON value on its own: either the source is one
 * document spread over lines, or JSON Lines whose first record is broken.
 * The next non-blank line decides, because a line inside a pretty-printed
 * document is never a whole object by itself. Treating broken JSON Lines
 * as one document would turn every good record after it into one error.
 */
static int start_unsure(struct nms_reader *r, struct nms_record *rec,
                        long first_line)
{
    size_t first_len = r->len, at = 0;
    int st = append_nonblank_line(r, &at);

    if (st < 0)
        return -1;
    if (st == 1 && !r->too_long &&
        (is_json_value(r->buf + at, r->len - at) ||
         looks_like_one_line_object(r->buf + at, r->len - at))) {
        r->mode = MODE_LINES;
        r->held = r->len - at;
        r->held_line = r->line;
        r->len = first_len;
        yield(r, rec, first_line);
        r->pos = at;   /* where the held line starts in buf */
        return 1;
    }
    r->mode = MODE_DONE;   /* one document over several lines */
    if (st == 1 && read_rest(r) != 0)
        return -1;
    return yield(r, rec, first_line);
}

/* MODE_LINES: hands out the line read ahead by start_unsure. */
static int yield_held(struct nms_reader *r, struct nms_record *rec)
{
    memmove(r->buf, r->buf + r->pos, r->held);
    r->len = r->held;
    r->held = 0;
    return yield(r, rec, r->held_line);
}

/* First call: find the first record and with it the shape of the source. */
static int start(struct nms_reader *r, struct nms_record *rec)
{
    long first_line;
    size_t i = 0;
    int st = read_nonblank_line(r);

    if (st <= 0) {
        r->mode = MODE_DONE;
        return st;
    }
    first_line = r->line;
    while (!r->too_long && is_space(r->buf[i]))
        i++;
    if (!r->too_long && r->buf[i] == '[')
        return start_array(r, rec);
    r->mode = MODE_LINES;
    if (r->too_long || is_json_value(r->buf, r->len) ||
        looks_like_one_line_object(r->buf, r->len))
        return yield(r, rec, first_line);
    return start_unsure(r, rec, first_line);
}

int nms_reader_next(struct nms_reader *r, struct nms_record *rec)
{
    int st;

    memset(rec, 0, sizeof *rec);
    rec->text = "";
    rec->source = r->source;
    switch (r->mode) {
    case MODE_START:
        return start(r, rec);
    case MODE_ARRAY:
        return next_item(r, rec);
    case MODE_LINES:
        if (r->held > 0)
            return yield_held(r, rec);
        st = read_nonblank_line(r);
        if (st <= 0) {
            r->mode = MODE_DONE;
            return st;
        }
        return yield(r, rec, r->line);
    case MODE_DONE:
        break;
    }
    return 0;
}

/* ---- JSON error positions --------------------------------------------- */

/* 1 when the string opened at s[i] has its closing quote before len. */
static int string_closes(const char *s, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return 1;
    }
    return 0;
}

/* 1 when the quote at s[pos - 1] opens a string that never closes. */
static int opens_unclosed_string(const char *s, size_t len, size_t pos)
{
    size_t i = 0;

    while (i < len && i < pos) {
        if (s[i] != '"') {
            i++;
            continue;
        }
        if (i + 1 == pos)
            return !string_closes(s, len, i);
        i = string_end(s, len, i); /* so every quote seen here opens one */
    }
    return 0;
}

/*
 * 1 when the error cJSON found at `pos` is really the text running out:
 * cJSON reports that at the last byte, or, for an unterminated string, just
 * after its opening quote.
 */
static int ends_early(const char *text, size_t len, size_t pos)
{
    size_t i = 0;
    int depth = 0;

    if (opens_unclosed_string(text, len, pos))
        return 1;
    if (pos + 1 != len)
        return 0;
    while (i < len && is_space(text[i]))
        i++;
    return i < len && scan_value(text, len, i, &depth) == len && depth > 0;
}

/* Line and column (in characters: UTF-8 continuation bytes do not start
 * one) of byte `pos` of text, whose first byte is on line `first_line`. */
static void locate(const char *text, size_t pos, long first_line, long *line,
                   long *column)
{
    size_t i;

    *line = first_line;
    *column = 1;
    for (i = 0; i < pos; i++) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*column;
        }
    }
}

/* "unexpected end of input", "unexpected ','" or "unexpected byte 0x0C"
 * for byte `pos` of text (pos == len: the end). */
static void unexpected(const char *text, size_t len, size_t pos, char *what,
                       size_t size)
{
    unsigned char c = pos < len ? (unsigned char)text[pos] : 0;

    if (pos >= len)
        snprintf(what, size, "unexpected end of input");
    else if (c >= 0x20 && c < 0x7F)
        snprintf(what, size, "unexpected '%c'", c);
    else
        snprintf(what, size, "unexpected byte 0x%02X", (unsigned)c);
}

/*
 * What to add when the record does not even begin as JSON: the error is at
 * its first non-blank byte and that is no '{' or '['. A spreadsheet export
 * or a notes file given as cases would otherwise get only "unexpected 'i'
 * at line 1, column 1", which does not say what nmsrules wanted instead.
 */
static const char *not_json_hint(const char *text, size_t len, size_t pos)
{
    size_t first = 0, eol;

    while (first < len && (text[first] == ' ' || text[first] == '\t' ||
                           text[first] == '\r' || text[first] == '\n'))
        first++;
    /* Printable ASCII only: a stray control byte or a byte-order mark
     * before a real object is a JSON problem, not another format. */
    if (pos != first || first >= len || text[first] == '{' ||
        text[first] == '[' || text[first] < 0x21 || text[first] > 0x7E)
        return "";
    for (eol = first; eol < len && text[eol] != '\n'; eol++)
        if (text[eol] == '{' || text[eol] == '"')
            break;
    if (eol < len && text[eol] != '\n')
        return " (a case is a JSON object, {...}: docs/case-format.md)";
    if (memchr(text + first, ',', eol - first) || memchr(text + first, '\t', eol - first))
        return " (this looks like CSV or TSV; a case is a JSON object, {...}, "
               "one per line in JSON Lines: docs/case-format.md)";
    return " (a case is a JSON object, {...}: docs/case-format.md)";
}

void nms_json_syntax_error(const char *text, size_t len, size_t pos,
                           long first_line, char *msg, size_t size)
{
    long line, column;
    char what[48];

    /* cJSON reports running out of text as an error at the last byte. */
    if (pos >= len || ends_early(text, len, pos))
        pos = len;
    locate(text, pos, first_line, &line, &column);
    unexpected(text, len, pos, what, sizeof what);
    snprintf(msg, size, "not valid JSON: %s at line %ld, column %ld%s", what,
             line, column, not_json_hint(text, len, pos));
}

void nms_json_fault_message(const char *text, size_t len,
                            const struct nms_json_check *chk, long first_line,
                            char *msg, size_t size)
{
    size_t pos = chk->pos;   /* also for the end of input, as cases report it */
    long line, column;
    char what[64];

    locate(text, pos, first_line, &line, &column);
    if (chk->fault == NMS_JSON_BAD_UTF8) {
        snprintf(msg, size, "invalid UTF-8 at line %ld, column %ld", line,
                 column);
        return;
    }
    if (chk->fault == NMS_JSON_END)
        unexpected(text, len, len, what, sizeof what);
    else if (chk->fault == NMS_JSON_MESSAGE)
        snprintf(what, sizeof what, "%s", chk->message);
    else
        unexpected(text, len, pos, what, sizeof what);
    snprintf(msg, size, "not valid JSON: %s at line %ld, column %ld%s", what,
             line, column, not_json_hint(text, len, pos));
}
