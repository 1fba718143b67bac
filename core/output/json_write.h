/*
 * json_write.h - the JSON writer json.c writes records with: a buffer in
 * front of stdio, cJSON's escapes and number forms, containers and
 * members. Internal to core/output.
 *
 * Static inline on purpose: a record is thousands of these small calls,
 * and keeping them inlinable in the record writer is most of what made
 * writing a record cheap (docs/performance.md, "The C side made cheaper").
 */
#ifndef NMS_OUTPUT_JSON_WRITE_H
#define NMS_OUTPUT_JSON_WRITE_H

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/base_int.h"

/* ------------------------------------------------------------------------
 * JSON records, written as they are walked
 *
 * No tree is built: each record is written straight from the case and its
 * result. The text is byte for byte what cJSON 1.7 prints (the format of
 * every golden output): keys in the order below, numbers as "%1.15g"
 * unless that reads back as another number ("%1.17g" then), strings with
 * cJSON's escapes, and in pretty mode cJSON's tabs and line breaks.
 * --------------------------------------------------------------------- */

/* Nesting of a record: record, set, items, item, values. */
#define JSON_MAX_DEPTH 16

/* Bytes gathered before one fwrite: stdio's per-call locking and checks
 * cost more than the copying when a record is thousands of small pieces. */
#define JSON_BUFFER 8192

struct json_out {
    FILE *fp;
    size_t len;                 /* bytes waiting in buf */
    char buf[JSON_BUFFER];
    int pretty;
    unsigned depth;
    int empty[JSON_MAX_DEPTH];  /* per open container: nothing in it yet */
};

/* Not memset: the buffer needs no zeroes. */
static inline void json_init(struct json_out *j, FILE *fp, int pretty)
{
    j->fp = fp;
    j->len = 0;
    j->pretty = pretty;
    j->depth = 0;
    memset(j->empty, 0, sizeof j->empty);
}

static inline void flush(struct json_out *j)
{
    if (j->len > 0)
        fwrite(j->buf, 1, j->len, j->fp);
    j->len = 0;
}

static inline void put_bytes(struct json_out *j, const void *s, size_t len)
{
    if (len > JSON_BUFFER - j->len) {
        flush(j);
        if (len >= JSON_BUFFER) {
            fwrite(s, 1, len, j->fp);
            return;
        }
    }
    memcpy(j->buf + j->len, s, len);
    j->len += len;
}

static inline void put_text(struct json_out *j, const char *s)
{
    put_bytes(j, s, strlen(s));
}

static inline void put_char(struct json_out *j, char ch)
{
    if (j->len == JSON_BUFFER)
        flush(j);
    j->buf[j->len++] = ch;
}

static inline void put_tabs(struct json_out *j, unsigned n)
{
    while (n-- > 0)
        put_char(j, '\t');
}

/* An ASCII byte written as it is: printable, not a quote or backslash. */
static inline int plain_ascii(unsigned char ch)
{
    return (unsigned char)(ch - 0x20) < 0x5F && ch != '"' && ch != '\\';
}

/* The bits 0x80 of the bytes of w that need a look of their own: below
 * 0x20, 0x7F or above, a quote or a backslash (the bit tricks of "Bit
 * Twiddling Hacks"). A borrow or carry can mark a byte above a marked
 * one as well, never one below it: the lowest mark is exact. */
static inline uint64_t word_marks(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

    return (((w - ones * 0x20) & ~w) | ((w + ones) | w) |
            ((q - ones) & ~q) | ((b - ones) & ~b)) & high;
}

#ifdef __SSE2__
/* One bit for each of the sixteen bytes at u that needs a look of its own
 * (the bytes word_marks marks, each exactly). Signed compares: bytes of
 * 0x80 and above are negative, so "below 0x20" takes them too. */
static inline unsigned block_marks(const unsigned char *u)
{
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);

    return (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
}
#endif

/*
 * How many bytes at the start of u[0..len) are plain (plain_ascii). Most
 * of a record's text is, and this scan was most of the cost of writing a
 * full record: sixteen bytes a step where the compiler has SSE2 (every
 * x86-64), eight through word_marks otherwise and for what is left, then
 * byte by byte; a marked block gives the first byte that needs a look by
 * its lowest mark, so no block is scanned twice. Never reads past len.
 */
static inline size_t plain_run(const unsigned char *u, size_t len)
{
    size_t i = 0;

#ifdef __SSE2__
    while (len - i >= 16) {
        unsigned m = block_marks(u + i);

        if (m != 0)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
    if (i < len && len >= 16) {
        /* The last sixteen bytes, those already passed masked off. */
        unsigned m = block_marks(u + len - 16) & (0xFFFFu << (16 - (len - i)));

        return m != 0 ? len - 16 + (size_t)__builtin_ctz(m) : len;
    }
#endif
    while (len - i >= 8) {
        uint64_t w, m;

        memcpy(&w, u + i, 8);
        m = word_marks(w);
        if (m != 0) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)__builtin_ctzll(m) / 8;
#else
            break;
#endif
        }
        i += 8;
    }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i < len && len >= 8) {
        /* The last eight bytes, those already passed masked off: a plain
         * byte makes no borrow or carry, so the lowest mark left is
         * exact. Short keys and values are most of the strings. */
        uint64_t w, m;

        memcpy(&w, u + len - 8, 8);
        m = word_marks(w) & (~(uint64_t)0 << (8 * (8 - (len - i))));
        return m != 0 ? len - 8 + (size_t)__builtin_ctzll(m) / 8 : len;
    }
#endif
    while (i < len && plain_ascii(u[i]))
        i++;
    return i;
}

/* The escape of the character at u (not a plain one); returns the bytes
 * it takes. */
static inline size_t put_escape(struct json_out *j, const unsigned char *u,
                         size_t left)
{
    unsigned cp;
    size_t n = nms_utf8_seq(u, left, &cp);

    if (n == 0) {
        put_text(j, "\\ufffd");
        return 1;
    }
    switch (u[0]) {
    case '"': put_text(j, "\\\""); break;
    case '\\': put_text(j, "\\\\"); break;
    case '\b': put_text(j, "\\b"); break;
    case '\f': put_text(j, "\\f"); break;
    case '\n': put_text(j, "\\n"); break;
    case '\r': put_text(j, "\\r"); break;
    case '\t': put_text(j, "\\t"); break;
    default: {
        char esc[8];
        snprintf(esc, sizeof esc, "\\u%04x", cp);
        put_bytes(j, esc, 6);
    }
    }
    return n;
}

/*
 * `len` bytes of s with cJSON's escapes, without the quotes. Text from
 * case files and rules is untrusted: whatever it holds, the output is
 * valid JSON that strict parsers accept. Each byte that does not start a
 * valid UTF-8 sequence becomes U+FFFD (written as the escape \ufffd, so
 * the replacement is visible in the file), and DEL and the C1 controls
 * (U+0080-U+009F) and the bidirectional controls (nms_cp_is_bidi) are
 * escaped like the C0 ones, so that a JSON Lines file printed on a
 * terminal cannot drive it or reorder what it shows.
 */
static inline void put_escaped(struct json_out *j, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0, n;
    unsigned cp;

    /* Bytes that need no escape are written as one run: a character at a
     * time through stdio was a third of a full record's instructions. */
    while (i < len) {
        unsigned char ch;
        i += plain_run(u + i, len - i);
        if (i == len)
            break;
        ch = u[i];
        if (ch >= 0x80) {
            n = nms_utf8_seq(u + i, len - i, &cp);
            if (n > 0 && cp > 0x9F && !nms_cp_is_bidi(cp)) {
                i += n;
                continue;
            }
        }
        put_bytes(j, u + run, i - run);
        n = put_escape(j, u + i, len - i);
        i += n;
        run = i;
    }
    put_bytes(j, u + run, i - run);
}

/* A string with cJSON's escapes; `len` bytes of s. */
static inline void put_string_n(struct json_out *j, const char *s, size_t len)
{
    put_char(j, '"');
    put_escaped(j, s, len);
    put_char(j, '"');
}

/* "a: b" as one JSON string, without building it. */
static inline void put_joined(struct json_out *j, const char *a, const char *b)
{
    put_char(j, '"');
    put_escaped(j, a, strlen(a));
    put_text(j, ": ");
    put_escaped(j, b, strlen(b));
    put_char(j, '"');
}

static inline void put_string(struct json_out *j, const char *s)
{
    put_string_n(j, s ? s : "", s ? strlen(s) : 0);
}


static inline void put_integer(struct json_out *j, long long v)
{
    char digits[24];
    size_t n = sizeof digits;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                                 : (unsigned long long)v;

    do {
        digits[--n] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0)
        digits[--n] = '-';
    put_bytes(j, digits + n, sizeof digits - n);
}

/* A number as cJSON prints it: 15 significant digits when they read back
 * as the same number (within a rounding error), else 17; not finite is
 * null. */
static inline void put_number(struct json_out *j, double d)
{
    char buf[32];
    double back;

    if (isnan(d) || isinf(d)) {
        put_text(j, "null");
        return;
    }
    /* Whole numbers (counts, points, most scores) are what "%1.15g"
     * prints for them: the digits, no exponent below 1e15; -0 is left to
     * printf, which keeps its sign. */
    if (fabs(d) < 1e15 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
        put_integer(j, (long long)d);
        return;
    }
    snprintf(buf, sizeof buf, "%1.15g", d);
    back = strtod(buf, NULL);
    if (!(fabs(back - d) <= fmax(fabs(back), fabs(d)) * DBL_EPSILON))
        snprintf(buf, sizeof buf, "%1.17g", d);
    put_text(j, buf);
}

/* Before a value inside the open container: the separator. */
static inline void next_value(struct json_out *j)
{
    if (j->depth == 0)
        return;
    if (!j->empty[j->depth - 1]) {
        if (j->pretty)
            put_bytes(j, ", ", 2);
        else
            put_char(j, ',');
    }
    j->empty[j->depth - 1] = 0;
}

static inline void open_container(struct json_out *j, char ch)
{
    put_char(j, ch);
    assert(j->depth < JSON_MAX_DEPTH);
    j->empty[j->depth++] = 1;
    if (ch == '{' && j->pretty)
        put_char(j, '\n');
}

static inline void begin_object(struct json_out *j)
{
    open_container(j, '{');
}

static inline void end_object(struct json_out *j)
{
    if (j->pretty && !j->empty[j->depth - 1])
        put_char(j, '\n');
    if (j->pretty)
        put_tabs(j, j->depth - 1);
    put_char(j, '}');
    j->depth--;
}

static inline void begin_array(struct json_out *j)
{
    open_container(j, '[');
}

static inline void end_array(struct json_out *j)
{
    put_char(j, ']');
    j->depth--;
}

/* Before a member of the open object: the separator and, in pretty mode,
 * the indent. */
static inline void member_start(struct json_out *j)
{
    if (!j->empty[j->depth - 1]) {
        if (j->pretty)
            put_bytes(j, ",\n", 2);
        else
            put_char(j, ',');
    }
    j->empty[j->depth - 1] = 0;
    if (j->pretty)
        put_tabs(j, j->depth);
}

/* After a member's name. */
static inline void name_end(struct json_out *j)
{
    if (j->pretty)
        put_bytes(j, ":\t", 2);
    else
        put_char(j, ':');
}

/* A member name of the open object, `len` bytes of name. */
static inline void key_n(struct json_out *j, const char *name, size_t len)
{
    member_start(j);
    put_string_n(j, name, len);
    name_end(j);
}

/*
 * Member names that are literals of this program, plain ASCII that needs
 * no escape, written with their quotes as one copy of a constant length:
 * a full record has ~1,400 names, and escaping each again was a fifth of
 * writing it. A name that is not a literal does not compile here; names
 * from the ruleset (set and item ids) go through key() and its escapes.
 */
#define KEY(j, name) literal_key((j), "\"" name "\"", sizeof name + 1)
#define STR_MEMBER(j, name, s) (KEY(j, name), put_string((j), (s)))
#define NUM_MEMBER(j, name, d) (KEY(j, name), put_number((j), (d)))
#define LIT_MEMBER(j, name, word) (KEY(j, name), put_text((j), (word)))

static inline void literal_key(struct json_out *j, const char *quoted,
                               size_t len)
{
    member_start(j);
    put_bytes(j, quoted, len);
    name_end(j);
}

static inline void key(struct json_out *j, const char *name)
{
    key_n(j, name, strlen(name));
}

/* Array elements: separator, then the value. */
static inline void str(struct json_out *j, const char *s)
{
    next_value(j);
    put_string(j, s);
}

/* Members: "name": value. */
static inline void str_member(struct json_out *j, const char *name, const char *s)
{
    key(j, name);
    put_string(j, s);
}

static inline void num_member(struct json_out *j, const char *name, double d)
{
    key(j, name);
    put_number(j, d);
}

static inline void lit_member(struct json_out *j, const char *name, const char *word)
{
    key(j, name);
    put_text(j, word);
}

#endif
