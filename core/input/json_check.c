/*
 * json_check.c - strict RFC 8259 syntax check of one record, and the tree
 * of it (json_check.h).
 *
 * A recursive descent over the text. Checking only (nms_json_check), it
 * builds nothing: cJSON then parses only what passed, so every syntax
 * error is found, and placed, here. Parsing (nms_json_parse), the same
 * descent also builds the cJSON tree as it goes, nodes and strings carved
 * from the tree's blocks: a case's text is read once, not once by the check
 * and again by cJSON, and its ~100 values cost no malloc and no free each.
 * The recursion is bounded by NMS_JSON_MAX_DEPTH, as cJSON's is.
 */
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
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
    struct nms_json_tree *tree; /* where nodes go; NULL: check only */
};

static int scan_value(struct scan *sc, cJSON *node);

/* ---- the tree's memory ------------------------------------------------- */

/* A block after the tree's own: its link, then its room. */
struct block {
    struct block *up;
    alignas(max_align_t) unsigned char room[];
};

/* `size` bytes from the tree's blocks, aligned for any object; NULL when
 * out of memory. A block that cannot hold them is followed by one twice as
 * large (or as large as needed), so a record of n values takes O(log n)
 * mallocs, and a typical case, held by the tree's own first block, none. */
static void *tree_alloc(struct nms_json_tree *t, size_t size)
{
    const size_t align = alignof(max_align_t);
    struct block *b;
    size_t room;
    void *at;

    size = (size + align - 1) / align * align; /* size <= a record + 1 */
    if ((size_t)(t->end - t->next) < size) {
        room = t->room_next > size ? t->room_next : size;
        b = malloc(offsetof(struct block, room) + room);
        if (b == NULL)
            return NULL;
        b->up = t->blocks;
        t->blocks = b;
        t->next = b->room;
        t->end = b->room + room;
        t->room_next = room <= SIZE_MAX / 4 ? room * 2 : room;
    }
    at = t->next;
    t->next += size;
    return at;
}

/* A cleared node, or NULL when out of memory (the fault is recorded). */
static cJSON *new_node(struct scan *sc);

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

static cJSON *new_node(struct scan *sc)
{
    cJSON *node = tree_alloc(sc->tree, sizeof *node);

    if (node == NULL) {
        fault(sc, NMS_JSON_NOMEM, sc->i, NULL);
        return NULL;
    }
    memset(node, 0, sizeof *node);
    return node;
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

/* Writes code point cp as UTF-8 at d; returns the bytes written. */
static size_t put_utf8(unsigned char *d, unsigned long cp)
{
    if (cp < 0x80) {
        d[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (unsigned char)(0xC0 | (cp >> 6));
        d[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (unsigned char)(0xE0 | (cp >> 12));
        d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (unsigned char)(0xF0 | (cp >> 18));
    d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The value of the 4 hex digits at s, which the scan found valid. */
static unsigned long hex4_at(const unsigned char *s)
{
    unsigned long v = 0;
    int k;

    for (k = 0; k < 4; k++)
        v = v * 16 + (unsigned long)(s[k] <= '9' ? s[k] - '0'
                                                 : (s[k] | 0x20) - 'a' + 10);
    return v;
}

/* Decodes the `n` bytes of a checked string's content at s (escapes in
 * it) into d, as cJSON does; returns the length written. The text holds
 * no \u0000 outside the label, whose strings nothing reads (its text is
 * passed on as written), so a C string ending early there loses nothing. */
static size_t unescape(const unsigned char *s, size_t n, unsigned char *d)
{
    size_t i = 0, k = 0;
    unsigned long cp;

    while (i < n) {
        if (s[i] != '\\') {
            d[k++] = s[i++];
            continue;
        }
        switch (s[i + 1]) {
        case 'b': d[k++] = '\b'; break;
        case 'f': d[k++] = '\f'; break;
        case 'n': d[k++] = '\n'; break;
        case 'r': d[k++] = '\r'; break;
        case 't': d[k++] = '\t'; break;
        case 'u':
            cp = hex4_at(s + i + 2);
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a pair: checked */
                cp = 0x10000 + ((cp - 0xD800) << 10) +
                     (hex4_at(s + i + 8) - 0xDC00);
                i += 6;
            }
            k += put_utf8(d + k, cp);
            i += 6;
            continue;
        default: d[k++] = s[i + 1]; break; /* " \ / */
        }
        i += 2;
    }
    d[k] = '\0';
    return k;
}

/* A string; sc->i is on its opening quote and ends after the closing one.
 * When out is not NULL (a tree is built) *out is its decoded text. */
static int scan_string(struct scan *sc, char **out)
{
    size_t at, n, start = sc->i + 1;
    unsigned char c, *d;
    int escaped = 0;

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
            break;
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
        escaped = 1;
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
    if (out == NULL)
        return 0;
    n = sc->i - 1 - start; /* decoded, never longer */
    d = tree_alloc(sc->tree, n + 1);
    if (d == NULL)
        return fault(sc, NMS_JSON_NOMEM, start, NULL);
    if (escaped) {
        unescape(sc->s + start, n, d);
    } else {
        memcpy(d, sc->s + start, n);
        d[n] = '\0';
    }
    *out = (char *)d;
    return 0;
}

/* Powers of ten that a double holds exactly (10^22 < 2^53 * 2^22). */
static const double exact_ten[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/*
 * The double nearest the checked number from `start` to sc->i, as strtod
 * (and so cJSON) reads it. Nearly every number of a case (37.2, 120, 1.5e3) has
 * at most 15 significant digits and a power of ten within 10^±22: both are
 * then exact doubles, and one multiplication or division, correctly rounded
 * by IEEE 754, gives the correctly rounded value, which is strtod's
 * (Clinger's fast path). Any other number goes to strtod itself.
 * Returns 0, or -1 when out of memory (the fault recorded).
 */
static int read_number(struct scan *sc, size_t start, double *out)
{
    const unsigned char *s = sc->s + start;
    size_t n = sc->i - start;
    char buf[64], *copy;
    uint64_t m = 0;
    size_t i = 0;
    int digits = 0, scale = 0, e = 0, e_neg = 0, neg = s[0] == '-';
    double v;

    i = (size_t)neg;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        if (m != 0 || s[i] != '0') {
            m = m * 10 + (uint64_t)(s[i] - '0');
            digits++;
            if (digits > 15)
                goto slow;
        }
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            if (m != 0 || s[i] != '0') {
                m = m * 10 + (uint64_t)(s[i] - '0');
                if (++digits > 15)
                    goto slow;
            }
            scale--;
        }
    if (i < n) { /* 'e' or 'E' */
        i++;
        if (s[i] == '+' || s[i] == '-')
            e_neg = s[i++] == '-';
        for (; i < n; i++) {
            e = e * 10 + (s[i] - '0');
            if (e > 1000)
                goto slow;
        }
    }
    e = scale + (e_neg ? -e : e);
    if (m == 0)
        v = 0.0;
    else if (e >= 0 && e <= 22)
        v = (double)m * exact_ten[e];
    else if (e < 0 && e >= -22)
        v = (double)m / exact_ten[-e];
    else
        goto slow;
    *out = neg ? -v : v;
    return 0;
slow:
    /* strtod needs the number NUL-terminated, and reads it in full (cJSON
     * copied at most 63 bytes and then refused the rest of a longer one).
     * It reads the point in the C locale's numeric form, as every strtod of
     * the engine does (base/strings.c): nothing here sets LC_NUMERIC, and
     * cJSON's way round it (localeconv(), which writes a static buffer)
     * would be a data race between the workers of batch -j N. */
    copy = n < sizeof buf ? buf : tree_alloc(sc->tree, n + 1);
    if (copy == NULL)
        return fault(sc, NMS_JSON_NOMEM, start, NULL);
    memcpy(copy, s, n);
    copy[n] = '\0';
    *out = strtod(copy, NULL);
    return 0;
}

/* Fills a number node as cJSON does: valueint saturated. */
static void set_number(cJSON *node, double v)
{
    node->type = cJSON_Number;
    node->valuedouble = v;
    if (v >= INT_MAX)
        node->valueint = INT_MAX;
    else if (v <= (double)INT_MIN)
        node->valueint = INT_MIN;
    else
        node->valueint = (int)v;
}

/* A number per RFC 8259 section 6; strtod (cJSON) would take more. */
static int scan_number(struct scan *sc, cJSON *node)
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
    if (node != NULL) {
        double v;

        if (read_number(sc, start, &v) != 0)
            return -1;
        set_number(node, v);
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

/* One "key": value member into node (NULL: check only); notes the span of
 * the case's "label". */
static int scan_member(struct scan *sc, cJSON *node)
{
    size_t key = sc->i, start;
    int is_label;

    if (sc->i >= sc->len || sc->s[sc->i] != '"')
        return unexpected(sc);
    if (scan_string(sc, node != NULL ? &node->string : NULL) != 0)
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
    if (scan_value(sc, node) != 0)
        return -1;
    if (sc->depth == 1)
        sc->in_label = 0;
    if (is_label) {
        sc->out->label_start = start;
        sc->out->label_end = sc->i;
    }
    return 0;
}

/* An object or array into node (NULL: check only); sc->i is on its '{' or
 * '['. Children are linked as cJSON links them: next and prev, and the
 * first child's prev pointing at the last. */
static int scan_container(struct scan *sc, cJSON *node)
{
    unsigned char close = sc->s[sc->i] == '{' ? '}' : ']';
    cJSON *child = NULL, *last = NULL;

    if (node != NULL)
        node->type = close == '}' ? cJSON_Object : cJSON_Array;
    if (enter(sc) != 0)
        return -1;
    if (sc->i < sc->len && sc->s[sc->i] == close) {
        sc->i++;
        sc->depth--;
        return 0;
    }
    for (;;) {
        if (node != NULL) {
            child = new_node(sc);
            if (child == NULL)
                return -1;
            if (last == NULL) {
                node->child = child;
            } else {
                last->next = child;
                child->prev = last;
            }
            last = child;
            node->child->prev = last;
        }
        if ((close == '}' ? scan_member(sc, child) : scan_value(sc, child)) !=
            0)
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

/* true, false or null into node (NULL: check only). */
static int scan_word(struct scan *sc, cJSON *node, const char *word, int type)
{
    if (scan_literal(sc, word) != 0)
        return -1;
    if (node != NULL)
        node->type = type;
    return 0;
}

/* One value into node (NULL: check only). */
static int scan_value(struct scan *sc, cJSON *node)
{
    if (sc->i >= sc->len)
        return fault(sc, NMS_JSON_END, 0, NULL);
    if (++sc->values > NMS_JSON_MAX_VALUES)
        return fault(sc, NMS_JSON_MESSAGE, sc->i,
                     "more than 1000000 values in one record");
    switch (sc->s[sc->i]) {
    case '{':
    case '[':
        return scan_container(sc, node);
    case '"':
        if (node != NULL)
            node->type = cJSON_String;
        return scan_string(sc, node != NULL ? &node->valuestring : NULL);
    case 't':
        return scan_word(sc, node, "true", cJSON_True);
    case 'f':
        return scan_word(sc, node, "false", cJSON_False);
    case 'n':
        return scan_word(sc, node, "null", cJSON_NULL);
    default:
        if (sc->s[sc->i] == '-' || (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9'))
            return scan_number(sc, node);
        return unexpected(sc);
    }
}

/* ---- entry points ------------------------------------------------------ */

/* The check, and the tree when `tree` is not NULL. */
static int scan_record(const char *text, size_t len, struct nms_json_check *out,
                       struct nms_json_tree *tree)
{
    struct scan sc;
    cJSON *root = NULL;

    memset(out, 0, sizeof *out);
    sc.s = (const unsigned char *)text;
    sc.len = len;
    sc.i = 0;
    sc.depth = 0;
    sc.values = 0;
    sc.in_label = 0;
    sc.out = out;
    sc.tree = tree;
    if (tree != NULL && (root = new_node(&sc)) == NULL)
        return -1;
    skip_space(&sc);
    if (scan_value(&sc, root) != 0)
        return -1;
    skip_space(&sc);
    if (sc.i < sc.len)
        return unexpected(&sc); /* exactly one value per record */
    if (tree != NULL)
        tree->root = root;
    return 0;
}

int nms_json_check(const char *text, size_t len, struct nms_json_check *out)
{
    return scan_record(text, len, out, NULL);
}

void nms_json_tree_init(struct nms_json_tree *tree)
{
    tree->root = NULL;
    tree->next = tree->first;
    tree->end = tree->first + sizeof tree->first;
    tree->room_next = 2 * sizeof tree->first;
    tree->blocks = NULL;
}

int nms_json_parse(const char *text, size_t len, struct nms_json_check *out,
                   struct nms_json_tree *tree)
{
    return scan_record(text, len, out, tree);
}

void nms_json_tree_release(struct nms_json_tree *tree)
{
    struct block *b = tree->blocks, *up;

    for (; b != NULL; b = up) {
        up = b->up;
        free(b);
    }
    nms_json_tree_init(tree);
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
