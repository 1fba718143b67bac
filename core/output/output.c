/*
 * output.c - the writer: result records as JSON Lines, a JSON array
 * (each record by json.c) or CSV, written straight from the case and its
 * result.
 *
 * Keys are emitted in one fixed order by this code, never in Lua table
 * order, so the same input and ruleset give byte-identical output. The
 * record shapes are documented in docs/output-format.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nms/output.h"
#include "output/output_int.h"

struct nms_writer {
    FILE *fp;
    enum nms_format format;
    const struct nms_ruleset_info *rs;
    size_t written;   /* records so far, for the JSON array's commas */
    unsigned options; /* NMS_OUTPUT_* for JSON records */
    const char *const *labels;  /* CSV: label columns (not owned), or NULL */
    size_t n_labels;
    int header_due;   /* CSV: the header waits for the label columns */
};

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

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

/* Writes one RFC 4180 field, then the line end when `last`, else ",". */
static void csv_field(FILE *fp, const char *s, int last)
{
    nms_output_csv_value(fp, s);
    fputs(last ? "\r\n" : ",", fp);
}

void nms_output_csv_field(FILE *fp, const char *s, int last)
{
    csv_field(fp, s, last);
}

static void csv_number(FILE *fp, double value)
{
    fprintf(fp, "%.15g,", value);
}

/* The columns of each set, by kind: points  <id>_result,<id>_score,
 * <id>_possible; groups  <id>_result,<id>_level (severity: <id>_tier);
 * checklist  <id>_count. Then the number of criteria sets met. */
static void csv_set_columns(struct nms_writer *w)
{
    size_t i;

    fputs("id,assessed_at,", w->fp);
    for (i = 0; i < w->rs->n_sets; i++) {
        const struct nms_set_info *set = &w->rs->sets[i];
        switch (set->kind) {
        case NMS_KIND_POINTS:
            fprintf(w->fp, "%s_result,%s_score,%s_possible,", set->id, set->id,
                    set->id);
            break;
        case NMS_KIND_GROUPS:
            fprintf(w->fp, "%s_result,%s_%s,", set->id, set->id,
                    set->section == NMS_SECTION_SEVERITY ? "tier" : "level");
            break;
        case NMS_KIND_CHECKLIST:
            fprintf(w->fp, "%s_count,", set->id);
            break;
        }
    }
    fputs("criteria_met,warnings,error", w->fp);
}

/* The header of either CSV, the label columns last. */
static void csv_header(struct nms_writer *w)
{
    size_t i;

    if (w->format == NMS_FORMAT_ITEMS_CSV)
        nms_items_csv_header(w->fp);
    else
        csv_set_columns(w);
    for (i = 0; i < w->n_labels; i++) {
        fputc(',', w->fp);
        nms_output_csv_value(w->fp, w->labels[i]);
    }
    fputs("\r\n", w->fp);
}

static const char *const csv_blanks[] = {",,,", ",,", ","};

static void csv_set(FILE *fp, const struct nms_set *set)
{
    switch (set->kind) {
    case NMS_KIND_POINTS:
        csv_field(fp, nms_verdict_name(set->result), 0);
        csv_number(fp, set->score);
        csv_number(fp, set->possible);
        break;
    case NMS_KIND_GROUPS:
        csv_field(fp, nms_verdict_name(set->result), 0);
        csv_field(fp, set->section == NMS_SECTION_SEVERITY ? nms_set_tier(set)
                                                          : set->level, 0);
        break;
    case NMS_KIND_CHECKLIST:
        csv_number(fp, set->score);
        break;
    }
}

/* One row; the line end only when `end` (else label cells follow). */
static void csv_row(FILE *fp, const struct nms_ruleset_info *rs,
                    const struct nms_case *c, const struct nms_result *r,
                    int end)
{
    int failed = c->error || !r || r->error;
    size_t i, met = 0;
    char when[64];

    csv_field(fp, c->id, 0);
    if (c->error || isnan(c->assessed_at))
        when[0] = '\0';
    else if (c->time_form == NMS_TIME_ISO)
        nms_time_format(c->assessed_at, c->time_form, when, sizeof when);
    else   /* hours stay a number, as in the JSON output, for spreadsheets */
        snprintf(when, sizeof when, "%.15g", c->assessed_at);
    csv_field(fp, when, 0);
    for (i = 0; i < rs->n_sets; i++) {
        const struct nms_set *set =
            !failed && i < r->n_sets ? &r->sets[i] : NULL;
        if (!set) {
            fputs(csv_blanks[rs->sets[i].kind], fp);
            continue;
        }
        csv_set(fp, set);
        met += set->section == NMS_SECTION_CRITERIA &&
               set->result == NMS_VERDICT_MET;
    }
    if (failed)
        fputc(',', fp);
    else
        fprintf(fp, "%zu,", met);
    fprintf(fp, "%zu,",
            c->n_warnings + (r && !r->error ? r->n_warnings : 0));
    /* r may be NULL for a valid case, as in error_object. */
    nms_output_csv_value(fp, c->error ? c->error->message
                             : r && r->error ? r->error->message
                             : failed ? NOT_EVALUATED : "");
    if (end)
        fputs("\r\n", fp);
}

/* ------------------------------------------------------------------------
 * The writer
 * --------------------------------------------------------------------- */

enum nms_status nms_writer_new(struct nms_writer **out, FILE *fp,
                               enum nms_format format,
                               const struct nms_ruleset_info *rs)
{
    struct nms_writer *w = calloc(1, sizeof *w);

    *out = NULL;
    if (!w)
        return NMS_ENOMEM;
    w->fp = fp;
    w->format = format;
    w->rs = rs;
    if (format == NMS_FORMAT_CSV || format == NMS_FORMAT_ITEMS_CSV)
        w->header_due = 1;   /* at the first record, after the label columns */
    else if (format == NMS_FORMAT_JSON)
        fputs("[", fp);
    *out = w;
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

void nms_writer_set_options(struct nms_writer *w, unsigned options)
{
    w->options = options;
}

void nms_writer_set_label_columns(struct nms_writer *w,
                                  const char *const *paths, size_t n)
{
    w->labels = paths;
    w->n_labels = n;
}

enum nms_status nms_output_record(FILE *fp, enum nms_format format,
                                  unsigned options, const struct nms_case *c,
                                  const struct nms_result *r,
                                  const struct nms_ruleset_info *rs)
{
    if (format == NMS_FORMAT_CSV) {
        csv_row(fp, rs, c, r, 1);
    } else if (format == NMS_FORMAT_ITEMS_CSV) {
        nms_items_csv_rows(fp, c, r, NULL, 0);
    } else {
        nms_json_record(fp, c, r, rs, options & ~(unsigned)NMS_OUTPUT_PRETTY);
        if (format == NMS_FORMAT_JSONL)
            fputc('\n', fp);
    }
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

/* What goes before the next record: the CSV header, the JSON array's
 * separators. */
static void separate(struct nms_writer *w)
{
    if (w->header_due) {
        csv_header(w);
        w->header_due = 0;
    }
    if (w->format == NMS_FORMAT_JSON)
        fputs(w->written ? ",\n" : "\n", w->fp);
}

enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    separate(w);
    w->written++;
    if (w->format == NMS_FORMAT_ITEMS_CSV) {
        nms_items_csv_rows(w->fp, c, r, w->labels, w->n_labels);
        return ferror(w->fp) ? NMS_EIO : NMS_OK;
    }
    if (w->format == NMS_FORMAT_CSV && w->n_labels > 0) {
        csv_row(w->fp, w->rs, c, r, 0);
        if (nms_output_label_cells(w->fp, w->labels, w->n_labels, c) ==
            NMS_ENOMEM)
            return NMS_ENOMEM;
        fputs("\r\n", w->fp);
        return ferror(w->fp) ? NMS_EIO : NMS_OK;
    }
    return nms_output_record(w->fp, w->format, w->options, c, r, w->rs);
}

enum nms_status nms_writer_put_text(struct nms_writer *w, const char *text,
                                    size_t len)
{
    separate(w);
    w->written++;
    if (len > 0 && fwrite(text, 1, len, w->fp) != len)
        return NMS_EIO;
    return ferror(w->fp) ? NMS_EIO : NMS_OK;
}

enum nms_status nms_writer_finish(struct nms_writer *w)
{
    if (w->header_due)
        separate(w);   /* no records: the header alone */
    if (w->format == NMS_FORMAT_JSON)
        fputs(w->written ? "\n]\n" : "]\n", w->fp);
    if (fflush(w->fp) != 0 || ferror(w->fp))
        return NMS_EIO;
    return NMS_OK;
}

void nms_writer_free(struct nms_writer *w)
{
    free(w);
}
