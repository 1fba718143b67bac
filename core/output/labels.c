/*
 * labels.c - the case's reference label as CSV cells: one cell per label
 * column ("label.nms", "label.scenario", ...), in the writer's column
 * order, so a spreadsheet or pandas gets the chart review's verdict beside
 * the rules' without a join.
 */
#include <stdio.h>

#include "input/label_int.h"
#include "nms/label.h"
#include "nms/output.h"

enum nms_status nms_output_label_cells(FILE *fp, const char *const *paths,
                                       size_t n, const struct nms_case *c)
{
    struct nms_label_field f;
    enum nms_status status;
    void *tree = NULL;
    size_t i;

    /* parsed once for all the columns (label_int.h) */
    if (n > 0 && nms_label_parse(c->label_json, &tree) != NMS_OK)
        return NMS_ENOMEM;
    for (i = 0; i < n; i++) {
        status = nms_label_get_in(tree, paths[i], &f);
        if (status == NMS_ENOMEM) {
            nms_label_tree_free(tree);
            return status;
        }
        fputc(',', fp);
        if (f.text) /* the field's cell, quoted as RFC 4180 wants */
            nms_output_csv_value(fp, f.text);
        nms_label_field_release(&f);
    }
    nms_label_tree_free(tree);
    return ferror(fp) ? NMS_EIO : NMS_OK;
}
