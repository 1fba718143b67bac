/*
 * json_check.c - strict RFC 8259 syntax check of one record (json_check.h).
 *
 * A recursive descent over the text that builds nothing: cJSON then parses
 * only what passed, so every syntax error is found, and placed, here. The
 * recursion is bounded by NMS_JSON_MAX_DEPTH, as cJSON's is.
 */
#include <string.h>

#include "base/base_int.h"
#include "input/json_check.h"

/* State of one check. */
struct scan {
    const unsigned char *s;
    size_t len;
    size_t i; /* next byte to read */
    unsigned depth;
    size_t values; /* values seen so far (NMS_JSON_MAX_VALUES) */
    int in_label; /* inside the value of the case's "label" */
    struct nms_json_check *out;
};

static int scan_value(struct scan *sc);

/* ---- faults and small helpers ------------------------------------------ */

/* Records the fault; returns -1 for the caller to pass up. */
static int fault(struct scan *sc, enum nms_json_fault what, size_t pos,
                 const char *message)
{
    if (what == NMS_JSON_END) {
        /* The reader ends a record with a newline of its own even when the
         * file has none; the text stopped before it, so say so there. */
        pos = sc->len;
        while (pos > 0 && (sc->s[pos - 1] == '\n' || sc->s[pos - 1] == '\r'))
            pos--;
    }
    sc->out->fault = what;
    sc->out->pos = pos;
    sc->out->message = message;
    return -1;
}

/* The byte at sc->i was not what the grammar allows there. */
static int unexpected(struct scan *sc)
{
    if (sc->i >= sc->len)
        return fault(sc, NMS_JSON_END, sc->len, NULL);
    return fault(sc, NMS_JSON_UNEXPECTED, sc->i, NULL);
}

/* JSON whitespace is these four only; cJSON would skip any byte <= 0x20. */
static void skip_space(struct scan *sc)
{
    size_t i = sc->i; /* in a local: sc->i would be stored per byte */

    while (i < sc->len && (sc->s[i] == ' ' || sc->s[i] == '\n' ||
                           sc->s[i] == '\r' || sc->s[i] == '\t'))
        i++;
    sc->i = i;
}

static int is_digit(struct scan *sc)
{
    return sc->i < sc->len && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9';
}

static void skip_digits(struct scan *sc)
{
    size_t i = sc->i; /* as skip_space */

    while (i < sc->len && sc->s[i] >= '0' && sc->s[i] <= '9')
        i++;
    sc->i = i;
}

/* Length of the multi-byte UTF-8 sequence at s (n bytes available), 0
 * when it is not well-formed (nms_utf8_seq) or is plain ASCII. */
static size_t utf8_length(const unsigned char *s, size_t n)
{
    unsigned cp;

    return s[0] < 0x80 ? 0 : nms_utf8_seq(s, n, &cp);
}

/* ---- scalars ----------------------------------------------------------- */

/* 1 for the bytes a string's plain run may hold: printable ASCII but the
 * quote and the backslash. One load a byte instead of four comparisons. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Reads the 4 hex digits after "\u" at sc->i; -1 when they are not. */
static long hex4(struct scan *sc)
{
    long v = 0;
    size_t k;
    unsigned char c;

    for (k = 0; k < 4; k++) {
        if (sc->i >= sc->len)
            return -1;
        c = sc->s[sc->i++];
        if (c >= '0' && c <= '9')
            v = v * 16 + (c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            v = v * 16 + ((c | 0x20) - 'a' + 10);
        else
            return -1;
    }
    return v;
}

/* A \u escape whose backslash is at `at` (sc->i is after the 'u'). */
static int unicode_escape(struct scan *sc, size_t at)
{
    long v = hex4(sc), lo;

    if (v < 0)
        return sc->i >= sc->len ? fault(sc, NMS_JSON_END, 0, NULL)
                                : fault(sc, NMS_JSON_MESSAGE, at,
                                        "invalid \\u escape in a string");
    /* cJSON would end the C string there and drop the rest silently. The
     * label is passed on as written, never decoded, so it may hold one. */
    if (v == 0 && !sc->in_label)
        return fault(sc, NMS_JSON_MESSAGE, at,
                     "\\u0000 is not allowed in a case");
    if (v >= 0xDC00 && v <= 0xDFFF)
        return fault(sc, NMS_JSON_MESSAGE, at,
                     "unpaired surrogate in a \\u escape");
    if (v < 0xD800 || v > 0xDBFF)
        return 0;
    /* A high surrogate is only half a character: the low half must follow. */
    if (sc->i + 2 > sc->len || sc->s[sc->i] != '\\' || sc->s[sc->i + 1] != 'u')
        return fault(sc, NMS_JSON_MESSAGE, at,
                     "unpaired surrogate in a \\u escape");
    sc->i += 2;
    lo = hex4(sc);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return fault(sc, NMS_JSON_MESSAGE, at,
                     "unpaired surrogate in a \\u escape");
    return 0;
}

/* A string; sc->i is on its opening quote and ends after the closing one. */
static int scan_string(struct scan *sc)
{
    size_t at, n;
    unsigned char c;

    sc->i++;
    for (;;) {
        /* Plain ASCII is nearly all of a record: keep that loop tight,
         * its index in a local (as sc->i, stored and read again per byte,
         * it cost ~20 instructions a byte). */
        size_t i = sc->i;

        while (i < sc->len && plain_byte[sc->s[i]])
            i++;
        sc->i = i;
        if (sc->i >= sc->len)
            return fault(sc, NMS_JSON_END, 0, NULL);
        c = sc->s[sc->i];
        at = sc->i;
        if (c == '"') {
            sc->i++;
            return 0;
        }
        if (c < 0x20)
            return fault(sc, NMS_JSON_MESSAGE, at,
                         "control character in a string");
        if (c >= 0x80) {
            n = utf8_length(sc->s + at, sc->len - at);
            if (n == 0)
                return fault(sc, NMS_JSON_BAD_UTF8, at, NULL);
            sc->i += n;
            continue;
        }
        sc->i++; /* the backslash */
        if (sc->i >= sc->len)
            return fault(sc, NMS_JSON_END, 0, NULL);
        c = sc->s[sc->i++];
        if (c == 'u') {
            if (unicode_escape(sc, at) != 0)
                return -1;
        } else if (strchr("\"\\/bfnrt", c) == NULL || c == '\0') {
            return fault(sc, NMS_JSON_MESSAGE, at,
                         "invalid escape in a string");
        }
    }
}

/* A number per RFC 8259 section 6; strtod (cJSON) would take more. */
static int scan_number(struct scan *sc)
{
    size_t start = sc->i;

    if (sc->s[sc->i] == '-')
        sc->i++;
    if (!is_digit(sc)) {
        sc->i = start; /* "-Infinity": the '-' is what is wrong */
        return sc->i + 1 >= sc->len ? fault(sc, NMS_JSON_END, 0, NULL)
                                    : unexpected(sc);
    }
    if (sc->s[sc->i] == '0' && sc->i + 1 < sc->len && sc->s[sc->i + 1] >= '0' &&
        sc->s[sc->i + 1] <= '9')
        return fault(sc, NMS_JSON_MESSAGE, sc->i, "leading zero in a number");
    skip_digits(sc);
    if (sc->i < sc->len && sc->s[sc->i] == '.') {
        sc->i++;
        if (!is_digit(sc))
            return sc->i >= sc->len
                       ? fault(sc, NMS_JSON_END, 0, NULL)
                       : fault(sc, NMS_JSON_MESSAGE, sc->i,
                               "expected a digit after '.' in a number");
        skip_digits(sc);
    }
    if (sc->i < sc->len && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->len && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
            sc->i++;
        if (!is_digit(sc))
            return sc->i >= sc->len
                       ? fault(sc, NMS_JSON_END, 0, NULL)
                       : fault(sc, NMS_JSON_MESSAGE, sc->i,
                               "expected a digit in the exponent of a number");
        skip_digits(sc);
    }
    return 0;
}

/* true, false or null; anything else starting with t, f or n is wrong at
 * its first byte, as a reader would see it. */
static int scan_literal(struct scan *sc, const char *word)
{
    size_t n = strlen(word), have = sc->len - sc->i;

    if (have >= n && memcmp(sc->s + sc->i, word, n) == 0) {
        sc->i += n;
        return 0;
    }
    if (have < n && memcmp(sc->s + sc->i, word, have) == 0)
        return fault(sc, NMS_JSON_END, 0, NULL);
    return unexpected(sc);
}

/* ---- containers -------------------------------------------------------- */

/* Enters an object or array at sc->i; -1 past the nesting limit. */
static int enter(struct scan *sc)
{
    if (++sc->depth > NMS_JSON_MAX_DEPTH)
        return fault(sc, NMS_JSON_MESSAGE, sc->i,
                     "nesting deeper than 1000 levels");
    sc->i++;
    skip_space(sc);
    return 0;
}

/* One "key": value member; notes the span of the case's "label". */
static int scan_member(struct scan *sc)
{
    size_t key = sc->i, start;
    int is_label;

    if (sc->i >= sc->len || sc->s[sc->i] != '"')
        return unexpected(sc);
    if (scan_string(sc) != 0)
        return -1;
    is_label = sc->depth == 1 && sc->out->label_end == 0 && sc->i - key == 7 &&
               memcmp(sc->s + key, "\"label\"", 7) == 0;
    skip_space(sc);
    if (sc->i >= sc->len || sc->s[sc->i] != ':')
        return unexpected(sc);
    sc->i++;
    skip_space(sc);
    start = sc->i;
    if (sc->depth == 1) /* members nested in the label stay in it */
        sc->in_label = is_label;
    if (scan_value(sc) != 0)
        return -1;
    if (sc->depth == 1)
        sc->in_label = 0;
    if (is_label) {
        sc->out->label_start = start;
        sc->out->label_end = sc->i;
    }
    return 0;
}

/* An object or array; sc->i is on its '{' or '['. */
static int scan_container(struct scan *sc)
{
    unsigned char close = sc->s[sc->i] == '{' ? '}' : ']';

    if (enter(sc) != 0)
        return -1;
    if (sc->i < sc->len && sc->s[sc->i] == close) {
        sc->i++;
        sc->depth--;
        return 0;
    }
    for (;;) {
        if ((close == '}' ? scan_member(sc) : scan_value(sc)) != 0)
            return -1;
        skip_space(sc);
        if (sc->i < sc->len && sc->s[sc->i] == close)
            break;
        if (sc->i >= sc->len || sc->s[sc->i] != ',')
            return unexpected(sc);
        sc->i++;
        skip_space(sc);
    }
    sc->i++;
    sc->depth--;
    return 0;
}

static int scan_value(struct scan *sc)
{
    if (sc->i >= sc->len)
        return fault(sc, NMS_JSON_END, 0, NULL);
    if (++sc->values > NMS_JSON_MAX_VALUES)
        return fault(sc, NMS_JSON_MESSAGE, sc->i,
                     "more than 1000000 values in one record");
    switch (sc->s[sc->i]) {
    case '{':
    case '[':
        return scan_container(sc);
    case '"':
        return scan_string(sc);
    case 't':
        return scan_literal(sc, "true");
    case 'f':
        return scan_literal(sc, "false");
    case 'n':
        return scan_literal(sc, "null");
    default:
        if (sc->s[sc->i] == '-' || (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9'))
            return scan_number(sc);
        return unexpected(sc);
    }
}

/* ---- entry points ------------------------------------------------------ */

int nms_json_check(const char *text, size_t len, struct nms_json_check *out)
{
    struct scan sc;

    memset(out, 0, sizeof *out);
    sc.s = (const unsigned char *)text;
    sc.len = len;
    sc.i = 0;
    sc.depth = 0;
    sc.values = 0;
    sc.in_label = 0;
    sc.out = out;
    skip_space(&sc);
    if (scan_value(&sc) != 0)
        return -1;
    skip_space(&sc);
    if (sc.i < sc.len)
        return unexpected(&sc); /* exactly one value per record */
    return 0;
}

size_t nms_json_minify(const char *src, size_t len, char *dst)
{
    size_t i, n = 0;
    int in_string = 0;

    for (i = 0; i < len; i++) {
        char c = src[i];

        if (in_string) {
            dst[n++] = c;
            if (c == '\\' && i + 1 < len)
                dst[n++] = src[++i]; /* an escaped quote does not close */
            else if (c == '"')
                in_string = 0;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            dst[n++] = c;
            in_string = c == '"';
        }
    }
    dst[n] = '\0';
    return n;
}

int nms_utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n;

    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        n = utf8_length(s + i, len - i);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}
