/*
 * output_int.h - what the writer (output.c) takes from json.c.
 */
#ifndef NMS_OUTPUT_INT_H
#define NMS_OUTPUT_INT_H

#include <stdio.h>

#include "nms/output.h"

/* The error message of a case handed to the writer without a result. */
#define NOT_EVALUATED "case was not evaluated"

/* Writes the JSON record of case c (its result r, or an error record) to
 * fp with NMS_OUTPUT_* `options`; errors show in ferror(fp). */
void nms_json_record(FILE *fp, const struct nms_case *c,
                     const struct nms_result *r,
                     const struct nms_ruleset_info *rs, unsigned options);

/* The items CSV (items_csv.c): its header without the label columns or
 * line end, and a case's rows, each naming the ruleset `rs`, with the
 * cells of label columns `labels`, each ended by `eol`. */
void nms_items_csv_header(FILE *fp);

/* The cell of an input error at a field (`path` not empty): "path: message"
 * (csv_cell.c). */
void nms_output_csv_error_at(FILE *fp, const char *path, const char *message);

/* "true", "false" or "unknown": a three-valued cell of either CSV. */
const char *nms_output_csv_tri(enum nms_tri v);
void nms_items_csv_rows(FILE *fp, const struct nms_case *c,
                        const struct nms_result *r,
                        const struct nms_ruleset_info *rs,
                        const char *const *labels, size_t n_labels,
                        const char *eol);

#endif
