/*
 * label_columns.h - which label fields become CSV columns (label_columns.c):
 * those --label-columns names, or, by default, every field the labels of
 * the first records of the first input hold.
 */
#ifndef NMS_LABEL_COLUMNS_H
#define NMS_LABEL_COLUMNS_H

#include <stddef.h>

#include "front/options.h"

/* Records read ahead to find the label's fields (parsed, not evaluated). */
#define NMS_LABEL_SCAN_RECORDS 1000

struct nms_label_columns {
    char **paths;
    size_t n;
};

/*
 * Fills *out for cli: --label-columns none gives none; a comma-separated
 * list gives those ("label.nms,label.scenario"); without the option, the
 * fields of the labels in the first NMS_LABEL_SCAN_RECORDS records of the
 * first input, in order of first appearance, when that input is a file
 * (standard input cannot be read twice: none). Returns 0, or an exit
 * status after a message.
 */
int nms_label_columns_find(const struct nms_cli *cli,
                           struct nms_label_columns *out);

/* Releases the paths; accepts a zeroed struct. */
void nms_label_columns_release(struct nms_label_columns *lc);

#endif
