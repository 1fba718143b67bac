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
};

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

/* Writes one RFC 4180 field: quoted when it holds a comma, quote or line
 * break, with quotes doubled. */
static void csv_field(FILE *fp, const char *s, int last)
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

/* Columns per set, by kind: points  <id>_result,<id>_score,<id>_possible;
 * groups  <id>_result,<id>_level (severity: <id>_tier); checklist
 * <id>_count. Then the number of criteria sets met. */
static void csv_header(struct nms_writer *w)
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
    fputs("criteria_met,warnings,error\r\n", w->fp);
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

static void csv_row(FILE *fp, const struct nms_ruleset_info *rs,
                    const struct nms_case *c, const struct nms_result *r)
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
    csv_field(fp, c->error ? c->error->message
                     : r && r->error ? r->error->message
                     : failed ? NOT_EVALUATED : "", 1);
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
    if (format == NMS_FORMAT_CSV)
        csv_header(w);
    else if (format == NMS_FORMAT_JSON)
        fputs("[", fp);
    *out = w;
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

void nms_writer_set_options(struct nms_writer *w, unsigned options)
{
    w->options = options;
}

enum nms_status nms_output_record(FILE *fp, enum nms_format format,
                                  unsigned options, const struct nms_case *c,
                                  const struct nms_result *r,
                                  const struct nms_ruleset_info *rs)
{
    if (format == NMS_FORMAT_CSV) {
        csv_row(fp, rs, c, r);
    } else {
        nms_json_record(fp, c, r, rs, options & ~(unsigned)NMS_OUTPUT_PRETTY);
        if (format == NMS_FORMAT_JSONL)
            fputc('\n', fp);
    }
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

/* What goes before the next record: the JSON array's separators. */
static void separate(struct nms_writer *w)
{
    if (w->format == NMS_FORMAT_JSON)
        fputs(w->written ? ",\n" : "\n", w->fp);
}

enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    separate(w);
    w->written++;
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
