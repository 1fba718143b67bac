/* strings.c - the string helpers of base_int.h. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"

char *nms_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

size_t nms_without_nul_size(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    size_t size = len + 1;

    /* memchr, not a loop over the bytes: every item's evidence passes
     * here, and a NUL in it is rare. */
    while (p < end && (p = memchr(p, '\0', (size_t)(end - p))) != NULL) {
        size += 2;
        p++;
    }
    return size;
}

char *nms_put_without_nul(char *dst, const char *s, size_t len)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const char *end = s + len, *nul;

    /* Runs between NULs copied whole: most texts have none. */
    while (s < end && (nul = memchr(s, '\0', (size_t)(end - s))) != NULL) {
        memcpy(dst, s, (size_t)(nul - s));
        dst += nul - s;
        memcpy(dst, replacement, 3);
        dst += 3;
        s = nul + 1;
    }
    memcpy(dst, s, (size_t)(end - s));
    dst += end - s;
    *dst++ = '\0';
    return dst;
}

size_t nms_decimal_prefix(const char *text)
{
    const char *s = text;
    int digits = 0;

    if (*s == '+' || *s == '-')
        s++;
    for (; isdigit((unsigned char)*s); s++)
        digits++;
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s); s++)
            digits++;
    if (digits == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return 0;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return (size_t)(s - text);
}

int nms_decimal_read(const char *text, double *value, const char **end)
{
    size_t n = nms_decimal_prefix(text);
    char *stop;

    if (n == 0)
        return -1;
    *value = strtod(text, &stop);
    *end = stop;
    return stop == text + n && isfinite(*value) ? 0 : -1;
}

/* 1 when `s` is a decimal number and nothing else (nms_decimal_prefix). */
static int decimal_syntax(const char *s)
{
    size_t n = nms_decimal_prefix(s);

    return n > 0 && s[n] == '\0';
}

enum nms_param_kind nms_param_classify(const char *text, double *number)
{
    errno = 0;
    *number = decimal_syntax(text) ? strtod(text, NULL) : NAN;
    if (isfinite(*number) && errno == 0)
        return NMS_PARAM_NUMBER;
    if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
        *number = text[0] == 't';
        return NMS_PARAM_BOOLEAN;
    }
    return NMS_PARAM_STRING;
}

size_t nms_utf8_seq(const unsigned char *s, size_t left, unsigned *cp)
{
    size_t n, i;
    unsigned c = s[0], min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, c &= 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, c &= 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, c &= 0x07, min = 0x10000;
    else
        return 0;
    if (n > left)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

size_t nms_text_unsafe_at(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n;
    unsigned cp;

    while (i < len) {
        n = nms_utf8_seq(u + i, len - i, &cp);
        if (n == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
            nms_cp_is_bidi(cp))
            return i;
        i += n;
    }
    return len;
}

/* Copies the `len` bytes of text to buf + at as snprintf would. */
static void put_cut(char *buf, size_t size, size_t at, const char *text,
                    size_t len)
{
    size_t room;

    if (at >= size)
        return;
    room = size - at - 1;
    if (len > room)
        len = room;
    memcpy(buf + at, text, len);
    buf[at + len] = '\0';
}

size_t nms_path_name(char *buf, size_t size, size_t at, const char *sep,
                     const char *name)
{
    size_t ls = strlen(sep), ln = strlen(name);

    put_cut(buf, size, at, sep, ls);
    if (at + ls < size)
        put_cut(buf, size, at + ls, name, ln);
    return ls + ln;
}

size_t nms_utf8_whole(const char *s, size_t n)
{
    size_t k = n, need;
    unsigned char lead;

    while (k > 0 && n - k < 3 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return n;
    lead = (unsigned char)s[k - 1];
    need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return n - (k - 1) < need ? k - 1 : n;
}

size_t nms_path_steps(char *buf, size_t size, const struct nms_path_step *s)
{
    size_t len;

    if (s == NULL) {
        buf[0] = '\0';
        return 0;
    }
    len = nms_path_steps(buf, size, s->up);
    if (s->name == NULL) {
        len += nms_path_index(buf, size, len, s->index);
        return len < size ? len : size - 1;
    }
    len += nms_path_name(buf, size, len, len == 0 ? "" : ".", s->name);
    if (len >= size) {
        /* Cut, still terminated, and not inside a character. */
        len = nms_utf8_whole(buf, size - 1);
        buf[len] = '\0';
    }
    return len;
}

size_t nms_path_index(char *buf, size_t size, size_t at, size_t index)
{
    char text[32];
    size_t n = sizeof text;

    text[--n] = ']';
    do {
        text[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    text[--n] = '[';
    put_cut(buf, size, at, text + n, sizeof text - n);
    return sizeof text - n;
}
