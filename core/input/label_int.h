/*
 * label_int.h - a case's label parsed once for many lookups (label.c).
 *
 * nms_label_get parses the label's text at every call; batch's CSV called
 * it once per label column per case, so a label of 3,000 keys under its
 * 256 columns took 258 s for 1,000 cases, and one of 1,000,000 values
 * (within a record's limits) 256 full parses for one case (session 21).
 */
#ifndef NMS_LABEL_INT_H
#define NMS_LABEL_INT_H

#include "nms/label.h"

/* Parses label_json into *tree (NULL without a label); NMS_OK or
 * NMS_ENOMEM. Free with nms_label_tree_free. */
enum nms_status nms_label_parse(const char *label_json, void **tree);

/* nms_label_get on a parsed tree (NULL: no label). */
enum nms_status nms_label_get_in(const void *tree, const char *path,
                                 struct nms_label_field *out);

void nms_label_tree_free(void *tree);

#endif
