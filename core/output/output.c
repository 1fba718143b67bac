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
    unsigned options; /* NMS_OUTPUT_* */
    int started;      /* the CSV header is written */
    const char *const *labels;  /* CSV: label columns (not owned), or NULL */
    size_t n_labels;
};

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

/* Writes one RFC 4180 field: quoted when it holds a comma, quote or line
 * break, with quotes doubled; then `end`. */
static void csv_field(FILE *fp, const char *s, const char *end)
{
    nms_output_csv_value(fp, s);
    fputs(end, fp);
}

/*
 * An untrusted text field (an id, an error message): one that starts with
 * a character a spreadsheet takes as the start of a formula gets a single
 * quote in front, so that opening the file cannot run it (OWASP, "CSV
 * Injection"); NMS_OUTPUT_CSV_RAW writes it as it is.
 */
static void csv_text(const struct nms_writer *w, const char *s,
                     const char *end)
{
    if (s && s[0] && strchr("=+-@\t\r", s[0]) &&
        !(w->options & NMS_OUTPUT_CSV_RAW)) {
        fputs("\"'", w->fp);   /* always quoted: simplest valid form */
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', w->fp);
            fputc(*s, w->fp);
        }
        fputc('"', w->fp);
        fputs(end, w->fp);
        return;
    }
    csv_field(w->fp, s, end);
}

/* The end of a CSV line: RFC 4180's CRLF, or LF for awk and cut. */
static const char *csv_eol(const struct nms_writer *w)
{
    return w->options & NMS_OUTPUT_CSV_LF ? "\n" : "\r\n";
}

static void csv_number(FILE *fp, double value)
{
    fprintf(fp, "%.15g,", value);
}

/* Columns per set, by kind: points  <id>_result,<id>_score,<id>_possible;
 * groups  <id>_result,<id>_level (severity: <id>_tier); checklist
 * <id>_count; then, for a criteria set that presupposes something,
 * <id>_<what> (iec2011_exposure). Then the number of criteria sets met. */
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
        if (set->presupposes)
            fprintf(w->fp, "%s_%s,", set->id, set->presupposes);
    }
    fputs("criteria_met,warnings,error," NMS_CSV_RULESET_HEADER ",input_sha256",
          w->fp);
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
    fputs(csv_eol(w), w->fp);
}

/* Writes the header once, before the first row. */
static void csv_start(struct nms_writer *w)
{
    if (!w->started)
        csv_header(w);
    w->started = 1;
}

static const char *const csv_blanks[] = {",,,", ",,", ","};

static void csv_set(FILE *fp, const struct nms_set *set)
{
    switch (set->kind) {
    case NMS_KIND_POINTS:
        csv_field(fp, nms_verdict_name(set->result), ",");
        csv_number(fp, set->score);
        csv_number(fp, set->possible);
        break;
    case NMS_KIND_GROUPS:
        csv_field(fp, nms_verdict_name(set->result), ",");
        csv_field(fp, set->section == NMS_SECTION_SEVERITY ? nms_set_tier(set)
                                                          : set->level, ",");
        break;
    case NMS_KIND_CHECKLIST:
        csv_number(fp, set->score);
        break;
    }
}

static void csv_row(struct nms_writer *w, const struct nms_case *c,
                    const struct nms_result *r)
{
    int failed = c->error || !r || r->error;
    size_t i, met = 0;
    char when[64];

    csv_text(w, c->id, ",");
    if (c->error || isnan(c->assessed_at))
        when[0] = '\0';
    else if (c->time_form == NMS_TIME_ISO)
        nms_time_format(c->assessed_at, c->time_form, when, sizeof when);
    else   /* hours stay a number, as in the JSON output, for spreadsheets */
        snprintf(when, sizeof when, "%.15g", c->assessed_at);
    csv_field(w->fp, when, ",");
    for (i = 0; i < w->rs->n_sets; i++) {
        const struct nms_set *set =
            !failed && i < r->n_sets ? &r->sets[i] : NULL;
        if (!set) {
            fputs(csv_blanks[w->rs->sets[i].kind], w->fp);
            if (w->rs->sets[i].presupposes)
                fputc(',', w->fp);
            continue;
        }
        csv_set(w->fp, set);
        /* What the set presupposes: true, false or unknown once asked (the
         * set met), else empty. */
        if (w->rs->sets[i].presupposes)
            csv_field(w->fp, set->presupposition
                                 ? nms_output_csv_tri(set->presupposition->value)
                                 : "", ",");
        met += set->section == NMS_SECTION_CRITERIA &&
               set->result == NMS_VERDICT_MET;
    }
    if (failed)
        fputc(',', w->fp);
    else
        fprintf(w->fp, "%zu,", met);
    fprintf(w->fp, "%zu,",
            c->n_warnings + (r && !r->error ? r->n_warnings : 0));
    /* r may be NULL for a valid case, as in error_object. */
    if (c->error && *c->error->path) {
        nms_output_csv_error_at(w->fp, c->error->path, c->error->message);
        fputc(',', w->fp);
    } else {
        csv_text(w, c->error ? c->error->message
                         : r && r->error ? r->error->message
                         : failed ? NOT_EVALUATED : "", ",");
    }
    nms_output_csv_ruleset(w->fp, w->rs);
    fputc(',', w->fp);
    nms_output_csv_value(w->fp, c->input_sha256);
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
    /* The CSV header waits for the first record or the end, so that
     * options set after this call still apply to it. */
    if (format == NMS_FORMAT_JSON)
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

/* One row of either CSV, its label cells, its line end (no header). */
static enum nms_status csv_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    if (w->format == NMS_FORMAT_ITEMS_CSV) {
        nms_items_csv_rows(w->fp, c, r, w->rs, w->labels, w->n_labels,
                           csv_eol(w));
        return ferror(w->fp) ? NMS_EIO : NMS_OK;
    }
    csv_row(w, c, r);
    if (nms_output_label_cells(w->fp, w->labels, w->n_labels, c) ==
        NMS_ENOMEM)
        return NMS_ENOMEM;
    fputs(csv_eol(w), w->fp);
    return ferror(w->fp) ? NMS_EIO : NMS_OK;
}

static int is_csv(const struct nms_writer *w)
{
    return w->format == NMS_FORMAT_CSV || w->format == NMS_FORMAT_ITEMS_CSV;
}

/* Only the CSV row is all verdicts: the other formats print items, and a
 * skipped one must not pass for an answer (nms_engine_set_items). */
static int refused(const struct nms_writer *w, const struct nms_result *r)
{
    return r && r->items != NMS_ITEMS_ALL && w->format != NMS_FORMAT_CSV;
}

/* The record itself, less what its place decides (the CSV header, the
 * JSON array's commas). */
static enum nms_status put_record(struct nms_writer *w,
                                  const struct nms_case *c,
                                  const struct nms_result *r)
{
    if (refused(w, r))
        return NMS_EINVAL;
    if (is_csv(w))
        return csv_put(w, c, r);
    nms_json_record(w->fp, c, r, w->rs,
                    w->options & ~(unsigned)NMS_OUTPUT_PRETTY);
    if (w->format == NMS_FORMAT_JSONL)
        fputc('\n', w->fp);
    return ferror(w->fp) ? NMS_EIO : NMS_OK;
}

/* What goes before the next record: the CSV header once, or the JSON
 * array's separator. */
static void separate(struct nms_writer *w)
{
    if (is_csv(w))
        csv_start(w);
    else if (w->format == NMS_FORMAT_JSON)
        fputs(w->written ? ",\n" : "\n", w->fp);
}

enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    if (refused(w, r))
        return NMS_EINVAL;   /* nothing written, not even a separator */
    separate(w);
    w->written++;
    return put_record(w, c, r);
}

enum nms_status nms_output_record(const struct nms_writer *w, FILE *fp,
                                  const struct nms_case *c,
                                  const struct nms_result *r,
                                  const struct nms_ruleset_info *rs)
{
    /* A writer of its own pointed at fp, with w's settings (fixed before
     * the first record): w's counts change under the thread that puts. */
    struct nms_writer apart;

    memset(&apart, 0, sizeof apart);
    apart.fp = fp;
    apart.format = w->format;
    apart.rs = rs;
    apart.options = w->options;
    apart.labels = w->labels;
    apart.n_labels = w->n_labels;
    return put_record(&apart, c, r);
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
    if (w->format == NMS_FORMAT_CSV || w->format == NMS_FORMAT_ITEMS_CSV)
        csv_start(w);   /* no records: the header alone */
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
