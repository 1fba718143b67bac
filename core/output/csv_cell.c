/*
 * csv_cell.c - one RFC 4180 cell, shared by every CSV this library writes
 * (the result CSV in output.c, the items CSV, the label cells), so that
 * they quote alike and none of them calls back into another; and the
 * cells naming the ruleset, which every row of both CSVs ends with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nms/output.h"
#include "output/output_int.h"

void nms_output_csv_value(FILE *fp, const char *s)
{
    if (s && s[strcspn(s, ",\"\r\n")]) {
        fputc('"', fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', fp);
            fputc(*s, fp);
        }
        fputc('"', fp);
    } else if (s) {
        fputs(s, fp);
    }
}

void nms_output_csv_field(FILE *fp, const char *s, int last)
{
    nms_output_csv_value(fp, s);
    fputs(last ? "\r\n" : ",", fp);
}

/* The ruleset_changes cell: what changes the ruleset from its directory's
 * digest, each overlay's digest and each --param override ("overlay
 * sha256:...; param onset.fever_c=38.5"), empty for the ruleset as it is.
 * Without it, runs with different overrides would write rows that claim
 * the same rules. */
static void changes_cell(FILE *fp, const struct nms_ruleset_info *rs)
{
    char *text = NULL;
    size_t len = 0, i;
    FILE *mem;

    if (rs->n_overlays == 0 && rs->n_params == 0)
        return;
    if (!(mem = open_memstream(&text, &len))) {
        fputs("(out of memory)", fp);
        return;
    }
    for (i = 0; i < rs->n_overlays; i++)
        fprintf(mem, "%soverlay %s", i ? "; " : "", rs->overlays[i].digest);
    for (i = 0; i < rs->n_params; i++)
        fprintf(mem, "%sparam %s", i || rs->n_overlays ? "; " : "",
                rs->params[i]);
    if (fclose(mem) == 0 && text)
        nms_output_csv_value(fp, text);
    else
        fputs("(out of memory)", fp);
    free(text);
}

void nms_output_csv_ruleset(FILE *fp, const struct nms_ruleset_info *rs)
{
    nms_output_csv_value(fp, rs->version);
    fputc(',', fp);
    nms_output_csv_value(fp, rs->digest);
    fputc(',', fp);
    nms_output_csv_value(fp, rs->status ? rs->status : "");
    fputc(',', fp);
    changes_cell(fp, rs);
}
