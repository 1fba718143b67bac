/*
 * case_direct.h - the usual record read from its text straight into the
 * case, without a cJSON tree (case_direct.c); private to core/input.
 */
#ifndef NMS_CASE_DIRECT_H
#define NMS_CASE_DIRECT_H

#include <stddef.h>

#include "input/json_check.h"
#include "nms/case.h"

enum nms_direct {
    NMS_DIRECT_READ,     /* the case holds the record */
    NMS_DIRECT_DECLINED, /* the record needs the full reader: start again */
    NMS_DIRECT_ENOMEM
};

/*
 * Reads the `len` bytes at `text`, which nms_json_check has passed (`chk`
 * holds its label span), into the new case `c`. Only a record that reads
 * without an error or a warning is read here, and into exactly the case
 * that case_json.c would make of it; anything else (a wrong type, an
 * unknown field or unit, an implausible value, an escape in a string, ...)
 * is declined part-way, and the caller frees `c` and reads the record
 * again through case_json.c, which words the message.
 */
enum nms_direct nms_case_read_direct(const char *text, size_t len,
                                     const struct nms_json_check *chk,
                                     struct nms_case *c);

#endif
