/*
 * case_json.h - JSON into a case (case_json.c), for the parts that already
 * hold a parsed tree: the reader's array elements, and the REPL, whose
 * chart is a cJSON document. This is the one core header the program
 * includes (docs/architecture.md); everything else reads cases through
 * nms_case_read (nms/reader.h).
 */
#ifndef NMS_CASE_JSON_H
#define NMS_CASE_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "nms/case.h"

/*
 * As nms_case_parse, for `len` bytes at `text` that the caller has parsed
 * into `root` already (an element of an array the reader parsed whole):
 * the text is checked strictly (and gives the label its own text), the
 * tree is not parsed again. Returns NULL only when out of memory.
 */
struct nms_case *nms_case_parse_tree(const char *text, size_t len,
                                     const cJSON *root, const char *source,
                                     long line, long index);

/*
 * As nms_case_parse of the text cJSON would print for `root`, without the
 * printing: the tree is read directly. The rare tree whose printed text
 * would read differently (invalid UTF-8, numbers that print rounded,
 * nesting past the limit) does go through its text, so the case is always
 * the one the printed record gives. Returns NULL only when out of memory.
 */
struct nms_case *nms_case_from_json(const cJSON *root, const char *source,
                                    long line, long index);

#endif
