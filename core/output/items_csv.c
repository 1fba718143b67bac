/*
 * items_csv.c - the long CSV (batch --format items-csv): one row per case,
 * set and item, with the item's value and points, for item-level work in
 * pandas, R or SQLite (which items drive IEC's score, which are most often
 * unknown). A case that could not be evaluated is one row with its error.
 * Every row ends with the cells naming the ruleset, as the result CSV's do:
 * rows of runs with other rules or overrides, once concatenated, still say
 * which rules wrote them.
 */
#include <math.h>
#include <stdio.h>

#include "nms/output.h"
#include "output/output_int.h"

void nms_items_csv_header(FILE *fp)
{
    fputs("id,set,section,set_result,item,group,feature,value,points,"
          "missing,error," NMS_CSV_RULESET_HEADER,
          fp);
}

const char *nms_output_csv_tri(enum nms_tri v)
{
    return v == NMS_TRI_TRUE    ? "true"
           : v == NMS_TRI_FALSE ? "false"
                                : "unknown";
}

/* One item's row, up to (not including) the line end. */
static void item_row(FILE *fp, const struct nms_case *c,
                     const struct nms_set *set, const struct nms_item *item)
{
    nms_output_csv_field(fp, c->id, 0);
    nms_output_csv_field(fp, set->id, 0);
    nms_output_csv_field(fp, nms_section_name(set->section), 0);
    nms_output_csv_field(fp, nms_verdict_name(set->result), 0);
    nms_output_csv_field(fp, item->id, 0);
    nms_output_csv_field(fp, item->group, 0);
    nms_output_csv_field(fp, item->feature, 0);
    nms_output_csv_field(fp, nms_output_csv_tri(item->value), 0);
    if (set->kind == NMS_KIND_POINTS)
        fprintf(fp, "%.15g", item->points);
    fputc(',', fp);
    nms_output_csv_field(fp, item->missing, 0);
    fputc(',', fp); /* the error cell, empty */
}

void nms_items_csv_rows(FILE *fp, const struct nms_case *c,
                        const struct nms_result *r,
                        const struct nms_ruleset_info *rs,
                        const char *const *labels, size_t n_labels,
                        const char *eol)
{
    size_t i, j;

    if (c->error || !r || r->error) {
        nms_output_csv_field(fp, c->id, 0);
        fputs(",,,,,,,,,", fp);
        if (c->error && *c->error->path)
            nms_output_csv_error_at(fp, c->error->path, c->error->message);
        else
            nms_output_csv_value(fp, c->error        ? c->error->message
                                     : r && r->error ? r->error->message
                                                     : NOT_EVALUATED);
        fputc(',', fp);
        nms_output_csv_ruleset(fp, rs);
        nms_output_label_cells(fp, labels, n_labels, c);
        fputs(eol, fp);
        return;
    }
    for (i = 0; i < r->n_sets; i++)
        for (j = 0; j < r->sets[i].n_items; j++) {
            item_row(fp, c, &r->sets[i], &r->sets[i].items[j]);
            nms_output_csv_ruleset(fp, rs);
            nms_output_label_cells(fp, labels, n_labels, c);
            fputs(eol, fp);
        }
}
