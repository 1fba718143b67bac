/*
 * csv_cell.c - one RFC 4180 cell, shared by every CSV this library writes
 * (the result CSV in output.c, the items CSV, the label cells), so that
 * they quote alike and none of them calls back into another.
 */
#include <stdio.h>
#include <string.h>

#include "nms/output.h"

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
