/*
 * label.h - reading the reference label a case carries.
 *
 * A case record may hold a "label" value (the chart review's verdict, the
 * generator's truth: {"nms": true, "scenario": "sepsis", ...}). The engine
 * never interprets it; these functions let analysis commands read its
 * fields by a dotted path from the record's root ("label.nms",
 * "label.review.final") and flatten it into named columns.
 *
 * Ownership: every label field returned holds its own strings; release one
 * with nms_label_field_release, an array with nms_label_fields_free.
 */
#ifndef NMS_LABEL_H
#define NMS_LABEL_H

#include <stddef.h>

#include "nms/status.h"

/* Most fields one label is flattened into; past it, fields are dropped. */
#define NMS_LABEL_MAX_FIELDS 256

enum nms_label_type {
    NMS_LABEL_ABSENT = 0, /* no such field (or no label at all) */
    NMS_LABEL_NULL,
    NMS_LABEL_BOOL,
    NMS_LABEL_NUMBER,
    NMS_LABEL_STRING,
    NMS_LABEL_OTHER /* an array */
};

struct nms_label_field {
    char *path; /* "label.nms" */
    enum nms_label_type type;
    int boolean;   /* NMS_LABEL_BOOL */
    double number; /* NMS_LABEL_NUMBER */
    char *text;    /* the value as a CSV cell: true/false, the number
                      (%.15g), the string itself, an array's JSON;
                      NULL when absent or null */
};

/*
 * Looks up `path` in `label_json` (the case's label_json, may be NULL).
 * The path starts with "label", then object keys joined by dots. Fills
 * *out (type NMS_LABEL_ABSENT when there is no such field, or when a key
 * on the path is given twice in its object: which one would be meant?).
 * Returns NMS_OK,
 * NMS_EINVAL when the path does not start with "label", or NMS_ENOMEM.
 */
enum nms_status nms_label_get(const char *label_json, const char *path,
                              struct nms_label_field *out);

/*
 * Flattens the label into its leaves in document order: objects are walked
 * key by key, every other value is one field ("label.nms",
 * "label.onset"). A label that is not an object is one field "label".
 * *out is a new array of *n fields (NULL and 0 without a label). Returns
 * NMS_OK or NMS_ENOMEM.
 */
enum nms_status nms_label_flatten(const char *label_json,
                                  struct nms_label_field **out, size_t *n);

struct nms_record;

/*
 * The label of record `rec` as the case reader would keep it (the top-level
 * object's first "label" member, not null, minified; also from a case that
 * fails for another reason; none from text that is not strict JSON), without
 * reading the whole case: the syntax check finds it. *label_json is a new
 * string the caller frees, or NULL when the record has none. Returns NMS_OK
 * or NMS_ENOMEM. (For a command that scans records for their label fields.)
 */
enum nms_status nms_label_of_record(const struct nms_record *rec,
                                    char **label_json);

/* Releases one field's strings (not the struct). */
void nms_label_field_release(struct nms_label_field *f);

/* Releases an array of n fields; accepts NULL. */
void nms_label_fields_free(struct nms_label_field *f, size_t n);

#endif
