/*
 * reader_int.h - reader internals shared inside core/ and with the tests.
 *
 * Kept apart from nms/reader.h so that case_json.c can share the JSON
 * error locator without the reader's public types.
 */
#ifndef NMS_READER_INT_H
#define NMS_READER_INT_H

#include <stddef.h>
#include <stdio.h>

#include "nms/status.h"

struct nms_reader;

/*
 * nms_reader_open with records limited to `limit` bytes instead of
 * NMS_MAX_RECORD, so tests can exercise the over-long-record path cheaply.
 * Returns NMS_OK or NMS_ENOMEM.
 */
enum nms_status nms_reader_open_limited(struct nms_reader **out, FILE *fp,
                                        const char *source, size_t limit);

/*
 * Writes "not valid JSON: <what went wrong> at line L, column C" into msg
 * for a syntax error that cJSON reported at byte `pos` of the `len` bytes
 * at `text`. text[0] is on line `first_line`, column 1; columns count
 * characters, not bytes.
 */
void nms_json_syntax_error(const char *text, size_t len, size_t pos,
                           long first_line, char *msg, size_t size);

struct nms_json_check;

/*
 * Writes the message for the fault nms_json_check found in the `len` bytes
 * at `text` (whose first byte is on line `first_line`): "not valid JSON:
 * unexpected ',' at line L, column C", "... nesting deeper than 1000
 * levels at ...", or "invalid UTF-8 at line L, column C".
 */
void nms_json_fault_message(const char *text, size_t len,
                            const struct nms_json_check *chk, long first_line,
                            char *msg, size_t size);

#endif
