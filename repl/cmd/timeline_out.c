/*
 * timeline_out.c - the timeline written out: text for a person, one JSON
 * object (streamed: every case, then the cohort) or CSV (one row per case).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/report.h"
#include "cmd/stats.h"
#include "cmd/timeline.h"
#include "nms/output.h"

static const char anchor_rule[] =
    "onset when the case gives one, else the first time the ruleset finds "
    "exposure (a criteria item tagged 'exposure' true)";

static const char *set_id(const struct nms_timeline_writer *w, size_t i)
{
    return w->rs->sets[w->sets[i]].id;
}

static enum nms_set_kind set_kind(const struct nms_timeline_writer *w, size_t i)
{
    return w->rs->sets[w->sets[i]].kind;
}

/* Time t in the case's form: "2026-03-03T02:10Z" or "50 h". */
static const char *when(const struct nms_case *c, double t, char *buf,
                        size_t size)
{
    return nms_time_format(t, c->time_form, buf, size);
}

/* The time as a JSON value: an ISO string, or a number of hours. */
static void json_time(FILE *fp, const struct nms_case *c, double t)
{
    char buf[48];

    if (isnan(t))
        fputs("null", fp);
    else if (c->time_form == NMS_TIME_ISO)
        fprintf(fp, "\"%s\"", when(c, t, buf, sizeof buf));
    else
        fprintf(fp, "%.15g", t);
}

static void json_number(FILE *fp, double v)
{
    if (isfinite(v))
        fprintf(fp, "%.15g", v);
    else
        fputs("null", fp);
}

/* Hours from the anchor to the case's time k, NAN without an anchor. */
static double since(const struct nms_timeline *tl, size_t k)
{
    return nms_anchor_hours(&tl->anchor, tl->times[k]);
}

/* ------------------------------------------------------------------------
 * Text
 * --------------------------------------------------------------------- */

/* A verdict in a row; "met*" when met without what the set presupposes
 * (exposure to a dopamine antagonist, in the default ruleset): the
 * published table's verdict, which a row must not show as plain NMS. */
static const char *verdict_word(unsigned char v, unsigned char without)
{
    return v == NMS_VERDICT_MET ? (without ? "met*" : "met")
           : v == NMS_VERDICT_NOT_MET ? "no" : "?";
}

static int col_width(const struct nms_timeline_writer *w, size_t i)
{
    size_t n = strlen(set_id(w, i));

    return (int)(n > 7 ? n : 7);
}

/* One row: the time, hours from the anchor, each set's verdict (points
 * sets with their score), the tier. */
static void text_row(const struct nms_timeline_writer *w,
                     const struct nms_timeline *tl, size_t k)
{
    char buf[48], cell[48];
    size_t i, at;
    double h = since(tl, k);

    fprintf(w->fp, "  %-18s", when(tl->c, tl->times[k], buf, sizeof buf));
    if (isnan(h))
        fprintf(w->fp, " %8s", "-");
    else
        fprintf(w->fp, " %+8.1f", h);
    for (i = 0; i < tl->n_sets; i++) {
        at = k * tl->n_sets + i;
        if (set_kind(w, i) == NMS_KIND_POINTS)
            snprintf(cell, sizeof cell, "%g %s", tl->score[at],
                     verdict_word(tl->verdict[at], tl->without[at]));
        else
            snprintf(cell, sizeof cell, "%s",
                     verdict_word(tl->verdict[at], tl->without[at]));
        fprintf(w->fp, "  %-*s", col_width(w, i), cell);
    }
    fprintf(w->fp, "  %s\n", tl->tier[k] ? tl->tier[k] : "");
}

static void text_first_met(const struct nms_timeline_writer *w,
                           const struct nms_timeline *tl)
{
    char buf[48];
    size_t i, k;
    int starred = 0;

    fputs("  first met:", w->fp);
    for (i = 0; i < tl->n_sets; i++) {
        k = tl->first_met[i];
        fprintf(w->fp, "%s %s ", i ? ";" : "", set_id(w, i));
        if (k == tl->n_times) {
            /* after a rule failed, later times are unknown, not "never" */
            fputs(tl->error ? "not before the failure" : "never", w->fp);
            continue;
        }
        fputs(when(tl->c, tl->times[k], buf, sizeof buf), w->fp);
        if (!isnan(since(tl, k)))
            fprintf(w->fp, " (%+.1f h)", since(tl, k));
        if (tl->without[k * tl->n_sets + i])
            fputc('*', w->fp);
        starred |= tl->without[k * tl->n_sets + i];
    }
    fputc('\n', w->fp);
    if (starred)
        fputs("  * met without what the set presupposes (in the default "
              "ruleset, exposure to a dopamine antagonist or dopaminergic "
              "withdrawal; 'nmsrules eval' names it)\n", w->fp);
}

/* "none -> moderate at T -> severe at T": each change of tier. */
static void text_tiers(const struct nms_timeline_writer *w,
                       const struct nms_timeline *tl)
{
    char buf[48];
    const char *last = NULL;
    size_t k;

    for (k = 0; k < tl->n_times; k++) {
        if (!tl->tier[k] || (last && strcmp(last, tl->tier[k]) == 0))
            continue;
        if (!last)
            fprintf(w->fp, "  tier: %s", tl->tier[k]);
        else
            fprintf(w->fp, " -> %s at %s", tl->tier[k],
                    when(tl->c, tl->times[k], buf, sizeof buf));
        last = tl->tier[k];
    }
    if (last)
        fputc('\n', w->fp);
}

static void text_case(const struct nms_timeline_writer *w,
                      const struct nms_timeline *tl)
{
    char buf[48];
    size_t i, k;

    fprintf(w->fp, "%s%s: ", w->written ? "\n" : "", tl->c->id);
    if (tl->anchor.kind == NMS_ANCHOR_NONE)
        fputs("no onset and no exposure found: hours not counted\n", w->fp);
    else
        fprintf(w->fp, "anchor %s at %s\n", nms_anchor_name(tl->anchor.kind),
                when(tl->c, tl->anchor.t, buf, sizeof buf));
    fprintf(w->fp, "  %-18s %8s", "time", "hours");
    for (i = 0; i < tl->n_sets; i++)
        fprintf(w->fp, "  %-*s", col_width(w, i), set_id(w, i));
    fputs("  tier\n", w->fp);
    for (k = 0; k < tl->n_times; k++)
        text_row(w, tl, k);
    if (tl->error)
        fprintf(w->fp, "  error: %s\n", tl->error);
    text_first_met(w, tl);
    text_tiers(w, tl);
}

static void text_cohort(const struct nms_timeline_writer *w,
                        const struct nms_timeline_cohort *co)
{
    size_t i, n;
    const double *h;

    fprintf(w->fp,
            "%sCohort: %zu cases, %zu errors, %zu with an anchor "
            "(onset, else first exposure)\n",
            w->written ? "\n" : "", co->cases, co->errors, co->anchored);
    /* What produced the figures, as accuracy and summary say it. */
    nms_report_ruleset_id(w->fp, w->rs);
    fprintf(w->fp, "hours from anchor to first met, over the cases with an "
                   "anchor:\n");
    fprintf(w->fp, "  %-22s %7s %9s %9s %9s %9s %9s\n", "set", "met", "median",
            "q1", "q3", "min", "max");
    for (i = 0; i < w->n_sets; i++) {
        n = co->flagged[i];
        h = co->hours[i];
        fprintf(w->fp, "  %-22s %7zu", set_id(w, i), n);
        if (n)
            fprintf(w->fp, " %9.1f %9.1f %9.1f %9.1f %9.1f\n",
                    nms_stats_quantile(h, n, 0.5),
                    nms_stats_quantile(h, n, 0.25),
                    nms_stats_quantile(h, n, 0.75), h[0], h[n - 1]);
        else
            fputs("         -         -         -         -         -\n",
                  w->fp);
    }
}

/* ------------------------------------------------------------------------
 * JSON
 * --------------------------------------------------------------------- */

static void json_point(const struct nms_timeline_writer *w,
                       const struct nms_timeline *tl, size_t k)
{
    size_t i, at;

    fputs(k ? ",{\"t\":" : "{\"t\":", w->fp);
    json_time(w->fp, tl->c, tl->times[k]);
    fputs(",\"hours\":", w->fp);
    json_number(w->fp, since(tl, k));
    fputs(",\"sets\":{", w->fp);
    for (i = 0; i < tl->n_sets; i++) {
        at = k * tl->n_sets + i;
        fprintf(w->fp, "%s\"%s\":{\"result\":\"%s\"", i ? "," : "",
                set_id(w, i), nms_verdict_name(tl->verdict[at]));
        if (set_kind(w, i) == NMS_KIND_POINTS) {
            fputs(",\"score\":", w->fp);
            json_number(w->fp, tl->score[at]);
        }
        fputc('}', w->fp);
    }
    fputs("},\"tier\":", w->fp);
    if (tl->tier[k])
        nms_output_json_string(w->fp, tl->tier[k]);
    else
        fputs("null", w->fp);
    fputc('}', w->fp);
}

static void json_first_met(const struct nms_timeline_writer *w,
                           const struct nms_timeline *tl)
{
    size_t i, k;

    fputs(",\"first_met\":{", w->fp);
    for (i = 0; i < tl->n_sets; i++) {
        k = tl->first_met[i];
        fprintf(w->fp, "%s\"%s\":", i ? "," : "", set_id(w, i));
        if (k == tl->n_times) {
            fputs("null", w->fp);
            continue;
        }
        fputs("{\"t\":", w->fp);
        json_time(w->fp, tl->c, tl->times[k]);
        fputs(",\"hours\":", w->fp);
        json_number(w->fp, since(tl, k));
        fputc('}', w->fp);
    }
    fputc('}', w->fp);
}

static void json_case(const struct nms_timeline_writer *w,
                      const struct nms_timeline *tl)
{
    size_t k;

    fputs(w->written ? ",\n{\"id\":" : "\n{\"id\":", w->fp);
    nms_output_json_string(w->fp, tl->c->id);
    fprintf(w->fp, ",\"time_form\":\"%s\",\"anchor\":{\"kind\":\"%s\",\"t\":",
            tl->c->time_form == NMS_TIME_ISO ? "iso" : "hours",
            nms_anchor_name(tl->anchor.kind));
    json_time(w->fp, tl->c, tl->anchor.t);
    fputs("},\"times\":[", w->fp);
    for (k = 0; k < tl->n_times; k++)
        json_point(w, tl, k);
    fputc(']', w->fp);
    json_first_met(w, tl);
    fputs(",\"error\":", w->fp);
    if (tl->error)
        nms_output_json_string(w->fp, tl->error);
    else
        fputs("null", w->fp);
    fputc('}', w->fp);
}

static void json_cohort(const struct nms_timeline_writer *w,
                        const struct nms_timeline_cohort *co)
{
    size_t i, n;

    fprintf(w->fp,
            "],\n\"cohort\":{\"cases\":%zu,\"errors\":%zu,"
            "\"anchored\":%zu,\"hours_to_first_met\":{",
            co->cases, co->errors, co->anchored);
    for (i = 0; i < w->n_sets; i++) {
        n = co->flagged[i];
        fprintf(w->fp, "%s\"%s\":{\"met\":%zu,\"median\":", i ? "," : "",
                set_id(w, i), n);
        json_number(w->fp, nms_stats_quantile(co->hours[i], n, 0.5));
        fputs(",\"q1\":", w->fp);
        json_number(w->fp, nms_stats_quantile(co->hours[i], n, 0.25));
        fputs(",\"q3\":", w->fp);
        json_number(w->fp, nms_stats_quantile(co->hours[i], n, 0.75));
        fputs(",\"min\":", w->fp);
        json_number(w->fp, n ? co->hours[i][0] : NAN);
        fputs(",\"max\":", w->fp);
        json_number(w->fp, n ? co->hours[i][n - 1] : NAN);
        fputc('}', w->fp);
    }
    fputs("}}}\n", w->fp);
}

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

static void csv_header(const struct nms_timeline_writer *w)
{
    size_t i;

    fputs("id,time_form,anchor,anchor_t,times", w->fp);
    for (i = 0; i < w->n_sets; i++)
        fprintf(w->fp, ",%s_first_met,%s_hours", set_id(w, i), set_id(w, i));
    fputs(",tiers,error," NMS_CSV_RULESET_HEADER "\r\n", w->fp);
}

/* The ruleset's columns, as in batch's CSV, so that a row read alone (a
 * spreadsheet, a join with batch's rows) still names the rules behind its
 * hours. */
static void csv_ruleset(const struct nms_timeline_writer *w)
{
    nms_output_csv_ruleset(w->fp, w->rs);
    fputs("\r\n", w->fp);
}

/* "none>moderate>severe": the tier's distinct successive values. */
static void csv_tiers(const struct nms_timeline *tl, char *buf, size_t size)
{
    const char *last = NULL;
    size_t k, len = 0;
    int n;

    buf[0] = '\0';
    for (k = 0; k < tl->n_times && len < size; k++) {
        if (!tl->tier[k] || (last && strcmp(last, tl->tier[k]) == 0))
            continue;
        n = snprintf(buf + len, size - len, "%s%s", last ? ">" : "",
                     tl->tier[k]);
        len += n > 0 ? (size_t)n : 0;
        last = tl->tier[k];
    }
}

/* A time as a CSV cell: ISO text, or plain hours (no unit) to compute on. */
static const char *csv_time(const struct nms_case *c, double t, char *buf,
                            size_t size)
{
    if (isnan(t))
        buf[0] = '\0';
    else if (c->time_form == NMS_TIME_ISO)
        when(c, t, buf, size);
    else
        snprintf(buf, size, "%.15g", t);
    return buf;
}

static void csv_case(const struct nms_timeline_writer *w,
                     const struct nms_timeline *tl)
{
    char buf[48], tiers[512];
    size_t i, k;

    nms_output_csv_field(w->fp, tl->c->id, 0);
    fprintf(w->fp, "%s,%s,%s,%zu",
            tl->c->time_form == NMS_TIME_ISO ? "iso" : "hours",
            nms_anchor_name(tl->anchor.kind),
            csv_time(tl->c, tl->anchor.t, buf, sizeof buf), tl->n_times);
    for (i = 0; i < tl->n_sets; i++) {
        k = tl->first_met[i];
        if (k == tl->n_times) {
            fputs(",,", w->fp);
            continue;
        }
        fprintf(w->fp, ",%s,", csv_time(tl->c, tl->times[k], buf, sizeof buf));
        if (!isnan(since(tl, k)))
            fprintf(w->fp, "%.15g", since(tl, k));
    }
    csv_tiers(tl, tiers, sizeof tiers);
    fprintf(w->fp, ",%s,", tiers);
    nms_output_csv_field(w->fp, tl->error, 0);
    csv_ruleset(w);
}

/* ------------------------------------------------------------------------
 * The writer
 * --------------------------------------------------------------------- */

void nms_timeline_begin(struct nms_timeline_writer *w)
{
    if (w->format == NMS_TL_CSV)
        csv_header(w);
    if (w->format != NMS_TL_JSON)
        return;
    fputs("{\"ruleset\":", w->fp);
    nms_output_ruleset_json(w->fp, w->rs);
    fprintf(w->fp, ",\"anchor\":\"%s\",\"as_of\":", anchor_rule);
    if (w->as_of)
        nms_output_json_string(w->fp, w->as_of);
    else
        fputs("null", w->fp);
    fputs(",\"cases\":[", w->fp);
}

void nms_timeline_case(struct nms_timeline_writer *w,
                       const struct nms_timeline *tl)
{
    if (w->format == NMS_TL_JSON)
        json_case(w, tl);
    else if (w->format == NMS_TL_CSV)
        csv_case(w, tl);
    else
        text_case(w, tl);
    w->written++;
}

/* An input error as "path: message" (the message alone for an error of
 * the whole case), as batch's CSV cell and eval write it: a timeline row
 * has no other place to say which field of the case is at fault. NULL
 * when out of memory. */
static char *error_text(const struct nms_case *c)
{
    const char *path = c->error && c->error->path ? c->error->path : "";
    const char *message = c->error ? c->error->message : "";
    size_t size = strlen(path) + strlen(message) + 3;
    char *text = malloc(size);

    if (text)
        snprintf(text, size, "%s%s%s", path, *path ? ": " : "", message);
    return text;
}

void nms_timeline_error(struct nms_timeline_writer *w, const struct nms_case *c)
{
    char *text = error_text(c);
    const char *msg = text ? text : c->error ? c->error->message : "";

    if (w->format == NMS_TL_JSON) {
        fputs(w->written ? ",\n{\"id\":" : "\n{\"id\":", w->fp);
        nms_output_json_string(w->fp, c->id);
        fputs(",\"error\":", w->fp);
        nms_output_json_string(w->fp, msg);
        fputc('}', w->fp);
    } else if (w->format == NMS_TL_CSV) {
        nms_output_csv_field(w->fp, c->id, 0);
        fputs(",,,,", w->fp);
        for (size_t i = 0; i < w->n_sets; i++)
            fputs(",,", w->fp);
        fputc(',', w->fp);
        nms_output_csv_field(w->fp, msg, 0);
        csv_ruleset(w);
    } else {
        fprintf(w->fp, "%s%s: error: %s\n", w->written ? "\n" : "", c->id, msg);
    }
    free(text);
    w->written++;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

void nms_timeline_cohort_sort(const struct nms_timeline_cohort *co,
                              size_t n_sets)
{
    size_t i;

    for (i = 0; i < n_sets; i++)
        if (co->flagged[i])
            qsort(co->hours[i], co->flagged[i], sizeof *co->hours[i], by_value);
}

void nms_timeline_end(struct nms_timeline_writer *w,
                      const struct nms_timeline_cohort *co)
{
    /* The quantiles want each set's hours sorted. */
    nms_timeline_cohort_sort(co, w->n_sets);
    if (w->format == NMS_TL_JSON)
        json_cohort(w, co);
    else if (w->format == NMS_TL_TEXT)
        text_cohort(w, co);
}
