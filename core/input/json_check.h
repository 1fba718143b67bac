/*
 * json_check.h - strict JSON syntax check run before cJSON (internal).
 *
 * cJSON is lenient (strtod numbers, any byte <= 0x20 as whitespace, raw
 * control characters and invalid UTF-8 in strings, strings cut at \u0000),
 * so case_json.c checks the text against RFC 8259 first and hands cJSON
 * only text that is valid. The check builds nothing and allocates nothing.
 */
#ifndef NMS_JSON_CHECK_H
#define NMS_JSON_CHECK_H

#include <stddef.h>

/* Deepest nesting accepted; cJSON's own limit, so cJSON never refuses. */
#define NMS_JSON_MAX_DEPTH 1000u

/* Most values (scalars, arrays and objects) in one record. cJSON takes
 * about 80 bytes per value, so a record of 64 MiB of "0," (33 million
 * values, 2.7 GB parsed) is refused by the check; this bounds the parse
 * at about 80 MB, above any real case (100,000 entries of a few fields). */
#define NMS_JSON_MAX_VALUES 1000000u

/* What went wrong, for case_json.c to word. */
enum nms_json_fault {
    NMS_JSON_OK = 0,
    NMS_JSON_UNEXPECTED, /* "unexpected ','" or "unexpected byte 0x0C" */
    NMS_JSON_END,        /* the text ended inside a value */
    NMS_JSON_BAD_UTF8,   /* invalid UTF-8 inside a string */
    NMS_JSON_MESSAGE     /* any other fault: see `message` */
};

/* The outcome of nms_json_check. */
struct nms_json_check {
    enum nms_json_fault fault;
    size_t pos;          /* byte offset of the fault in the text */
    const char *message; /* static text for NMS_JSON_MESSAGE, else NULL */
    /* Byte span [label_start, label_end) of the value of the top-level
     * object's "label" member (the first one, key written without
     * escapes); label_end == 0 when there is none. */
    size_t label_start, label_end;
};

/*
 * Checks that the `len` bytes at `text` are exactly one JSON value per
 * RFC 8259, with valid UTF-8 in strings, no \u0000 and nesting at most
 * NMS_JSON_MAX_DEPTH deep and at most NMS_JSON_MAX_VALUES values. Fills *out and returns 0 when the text is
 * valid, -1 with out->fault and out->pos set when it is not.
 */
int nms_json_check(const char *text, size_t len, struct nms_json_check *out);

/*
 * Copies the `len` bytes of valid JSON at `src` into dst (room for len + 1
 * bytes) without the whitespace outside strings, and terminates it.
 * Returns the length written.
 */
size_t nms_json_minify(const char *src, size_t len, char *dst);

/* 1 when the `len` bytes at `text` are well-formed UTF-8, else 0. */
int nms_utf8_valid(const char *text, size_t len);

#endif
