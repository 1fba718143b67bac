/*
 * csv_cell.c - one RFC 4180 cell, shared by every CSV this library writes
 * (the result CSV in output.c, the items CSV, the label cells), so that
 * they quote alike and none of them calls back into another; and the
 * cells naming the ruleset, which every row of both CSVs ends with.
 */
#include <stdio.h>
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

/* Whether text s would make a CSV cell need quotes. */
static int needs_quotes(const char *s)
{
    return s[strcspn(s, ",\"\r\n")] != '\0';
}

/* Writes s inside a cell, its quotes doubled when the cell is quoted. */
static void put_part(FILE *fp, const char *s, int quoted)
{
    for (; quoted && *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    if (!quoted)
        fputs(s, fp);
}

/* An input error's cell, "vitals[0].t: message" as `nmsrules eval` prints
 * it: a spreadsheet row has no other place to say which field of the case
 * is at fault. Always quoted (the simplest valid form); the path is a field
 * of the case format, so the cell never opens with a formula character. */
void nms_output_csv_error_at(FILE *fp, const char *path, const char *message)
{
    fputc('"', fp);
    put_part(fp, path, 1);
    fputs(": ", fp);
    put_part(fp, message, 1);
    fputc('"', fp);
}

/* The ruleset_changes cell: what changes the ruleset from its directory's
 * digest, each overlay's digest and each --param override ("overlay
 * sha256:...; param onset.fever_c=38.5"), empty for the ruleset as it is.
 * Without it, runs with different overrides would write rows that claim
 * the same rules. Written in place (every row of the items CSV has it),
 * quoted as nms_output_csv_value would quote the joined text: the words
 * and separators between the parts hold nothing that needs quotes. */
static void changes_cell(FILE *fp, const struct nms_ruleset_info *rs)
{
    int quoted = 0;
    size_t i;

    for (i = 0; i < rs->n_overlays; i++)
        quoted |= needs_quotes(rs->overlays[i].digest);
    for (i = 0; i < rs->n_params; i++)
        quoted |= needs_quotes(rs->params[i]);
    if (quoted)
        fputc('"', fp);
    for (i = 0; i < rs->n_overlays; i++) {
        fputs(i ? "; overlay " : "overlay ", fp);
        put_part(fp, rs->overlays[i].digest, quoted);
    }
    for (i = 0; i < rs->n_params; i++) {
        fputs(i || rs->n_overlays ? "; param " : "param ", fp);
        put_part(fp, rs->params[i], quoted);
    }
    if (quoted)
        fputc('"', fp);
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
