/*
 * label_columns.c - the label fields batch's CSV shows as columns
 * (label_columns.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/label_columns.h"
#include "front/msg.h"
#include "nms/label.h"

/* Adds `path` unless present; -1 when out of memory. */
static int add(struct nms_label_columns *lc, const char *path, size_t len)
{
    char **grown;
    size_t i;

    for (i = 0; i < lc->n; i++)
        if (strlen(lc->paths[i]) == len &&
            strncmp(lc->paths[i], path, len) == 0)
            return 0;
    if (lc->n >= NMS_LABEL_MAX_FIELDS)
        return 0; /* a label wider than any review form: the rest dropped */
    grown = realloc(lc->paths, (lc->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    lc->paths = grown;
    if (!(lc->paths[lc->n] = malloc(len + 1)))
        return -1;
    memcpy(lc->paths[lc->n], path, len);
    lc->paths[lc->n++][len] = '\0';
    return 0;
}

/* "label.nms,label.scenario" into lc; 0, or an exit status. */
static int from_list(const char *list, struct nms_label_columns *lc)
{
    const char *p = list;
    size_t len;

    while (*p) {
        len = strcspn(p, ",");
        if (len < 5 || strncmp(p, "label", 5) != 0 ||
            (len > 5 && p[5] != '.')) {
            nms_errorf("--label-columns '%s': each column must name a field "
                       "of the label, such as label.nms",
                       list);
            return NMS_EXIT_USAGE;
        }
        if (add(lc, p, len) != 0) {
            nms_errorf("out of memory");
            return NMS_EXIT_USAGE;
        }
        p += len + (p[len] == ',');
    }
    return 0;
}

/* Adds the fields of a label (its JSON text); -1 when out of memory. */
static int add_fields(struct nms_label_columns *lc, const char *label_json)
{
    struct nms_label_field *f;
    size_t n, i;
    int rc = 0;

    if (nms_label_flatten(label_json, &f, &n) != NMS_OK)
        return -1;
    for (i = 0; i < n && rc == 0; i++)
        rc = add(lc, f[i].path, strlen(f[i].path));
    nms_label_fields_free(f, n);
    return rc;
}

/* Adds the fields of record rec's label; 0, or -1 when out of memory. */
static int add_record_fields(struct nms_label_columns *lc,
                             const struct nms_record *rec)
{
    char *label_json;
    int rc = 0;

    if (nms_label_of_record(rec, &label_json) != NMS_OK)
        return -1;
    if (label_json)
        rc = add_fields(lc, label_json);
    free(label_json);
    return rc;
}

/* The label fields of the first records of file `name`; 0 or -1. */
static int scan(const char *name, struct nms_label_columns *lc)
{
    FILE *fp = fopen(name, "rb");
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    int k, rc = 0;

    if (!fp)
        return 0; /* the run itself reports it */
    if (nms_reader_open(&reader, fp, name) != NMS_OK)
        rc = -1;
    for (k = 0; rc == 0 && k < NMS_LABEL_SCAN_RECORDS &&
                nms_reader_next(reader, &rec) == 1;
         k++)
        rc = add_record_fields(lc, &rec);
    nms_reader_free(reader);
    fclose(fp);
    return rc;
}

int nms_label_columns_find(const struct nms_cli *cli,
                           struct nms_label_columns *out)
{
    memset(out, 0, sizeof *out);
    if (cli->label_columns && strcmp(cli->label_columns, "none") == 0)
        return 0;
    if (cli->label_columns)
        return from_list(cli->label_columns, out);
    if (cli->n_inputs == 0 || strcmp(cli->inputs[0], "-") == 0)
        return 0;
    if (scan(cli->inputs[0], out) != 0) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    return 0;
}

void nms_label_columns_release(struct nms_label_columns *lc)
{
    size_t i;

    for (i = 0; i < lc->n; i++)
        free(lc->paths[i]);
    free(lc->paths);
    lc->paths = NULL;
    lc->n = 0;
}
