/*
 * json_check.h - strict JSON syntax check, and a parse that checks as it
 * builds (internal).
 *
 * cJSON is lenient (strtod numbers, any byte <= 0x20 as whitespace, raw
 * control characters and invalid UTF-8 in strings, strings cut at \u0000),
 * so text is checked against RFC 8259 before it is read. nms_json_check
 * builds nothing and allocates nothing (the reader and label.c use it, then
 * cJSON); nms_json_parse (case_json.c, every case) runs the same check and
 * builds the cJSON tree in the same pass, in memory of its own.
 */
#ifndef NMS_JSON_CHECK_H
#define NMS_JSON_CHECK_H

#include <stdalign.h>
#include <stddef.h>

struct cJSON;

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
    NMS_JSON_MESSAGE,    /* any other fault: see `message` */
    NMS_JSON_NOMEM       /* nms_json_parse ran out of memory */
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

/* Bytes of a tree's first block, inside the struct (so on the caller's
 * stack): a generated case of ~1.2 kB of text takes ~7.3 kB of nodes and
 * strings, none of 4,000 more than 15.4 kB. */
#define NMS_JSON_TREE_FIRST 16384u

/*
 * The cJSON tree of one record and the memory that holds it: nodes and
 * strings are carved from blocks and all freed at once by
 * nms_json_tree_release, never by cJSON_Delete. The tree may be read with
 * cJSON's getters and printers, never changed (no cJSON_Add..., Detach...).
 */
struct nms_json_tree {
    struct cJSON *root;   /* NULL until a parse succeeds */
    unsigned char *next;  /* free room of the current block: [next, end) */
    unsigned char *end;
    size_t room_next;     /* room of the block after it */
    void *blocks;         /* the blocks malloc'd, newest first */
    alignas(max_align_t) unsigned char first[NMS_JSON_TREE_FIRST];
};

/* Makes `tree` empty and ready for nms_json_parse. */
void nms_json_tree_init(struct nms_json_tree *tree);

/*
 * nms_json_check, building the tree of the text into `tree` (initialised,
 * and empty or released) as it checks. Returns 0 with tree->root set, or
 * -1 with out->fault set: a syntax fault as nms_json_check gives it, or
 * NMS_JSON_NOMEM. Either way the caller releases the tree. The check's
 * outcome (fault, place, label span) is the same as nms_json_check's; the
 * tree is the one cJSON_ParseWithLengthOpts would build from valid text
 * in the C locale (numbers read in full, where cJSON reads at most 63
 * bytes of one).
 */
int nms_json_parse(const char *text, size_t len, struct nms_json_check *out,
                   struct nms_json_tree *tree);

/* Frees the tree's blocks and makes it empty again (as after init). */
void nms_json_tree_release(struct nms_json_tree *tree);

/*
 * Copies the `len` bytes of valid JSON at `src` into dst (room for len + 1
 * bytes) without the whitespace outside strings, and terminates it.
 * Returns the length written.
 */
size_t nms_json_minify(const char *src, size_t len, char *dst);

/* 1 when the `len` bytes at `text` are well-formed UTF-8, else 0. */
int nms_utf8_valid(const char *text, size_t len);

#endif
