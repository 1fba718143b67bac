/*
 * summary_out.c - the cohort summary written out: text for the terminal,
 * and one self-contained HTML page (inline CSS and SVG, no scripts, nothing
 * fetched) to hand to a colleague.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/report.h"
#include "cmd/summary.h"

/* Sorting the counts of the summary, highest first (the renderers below
 * are its only readers). */
static int by_count(const void *a, const void *b)
{
    const struct nms_count_row *x = a, *y = b;

    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

struct nms_count_row *nms_counts_sorted(const struct nms_counts *c)
{
    struct nms_count_row *rows = malloc((c->len + 1) * sizeof *rows);
    size_t i;

    for (i = 0; rows && i < c->len; i++) {
        rows[i].key = c->keys[i];
        rows[i].n = c->n[i];
    }
    if (rows)
        qsort(rows, c->len, sizeof *rows, by_count);
    return rows;
}

/* Rows shown of each count (the text and the page list the most frequent). */
#define TOP 15

static const char *const verdict_names[3] = {"not met", "met", "indeterminate"};

static double pct(size_t k, size_t n)
{
    return n ? 100.0 * (double)k / (double)n : 0.0;
}

/* ---- text -------------------------------------------------------------- */

/* The most frequent rows of c under `title`; -1 when out of memory. */
static int text_counts(FILE *fp, const char *title, const struct nms_counts *c,
                       const char *unit)
{
    struct nms_count_row *rows = nms_counts_sorted(c);
    size_t i;

    if (!rows)
        return -1;
    fprintf(fp, "\n%s\n", title);
    if (c->len == 0)
        fputs("  (none)\n", fp);
    for (i = 0; i < c->len && i < TOP; i++)
        fprintf(fp, "  %6zu %s  %s\n", rows[i].n, unit, rows[i].key);
    if (c->len > TOP)
        fprintf(fp, "  ... and %zu more\n", c->len - TOP);
    free(rows);
    return 0;
}

static void text_sets(FILE *fp, const struct nms_summary *s)
{
    size_t i;

    fprintf(fp, "\n%-28s %8s %8s %14s\n", "set", "met", "not met",
            "indeterminate");
    for (i = 0; i < s->rs->n_sets; i++) {
        if (s->rs->sets[i].kind == NMS_KIND_CHECKLIST)
            continue; /* risk factors: a checklist has no verdict to count */
        fprintf(fp, "%-28s %8zu %8zu %14zu\n", s->rs->sets[i].id,
                s->verdicts[i][NMS_VERDICT_MET],
                s->verdicts[i][NMS_VERDICT_NOT_MET],
                s->verdicts[i][NMS_VERDICT_INDETERMINATE]);
    }
}

/* The criteria sets met without what they presuppose (a dopamine
 * antagonist, for the default ruleset), counted as met above all the
 * same: false and unknown apart. Nothing when no case had one. */
static void text_presupposed(FILE *fp, const struct nms_summary *s)
{
    size_t i, any = 0;

    for (i = 0; i < s->rs->n_sets; i++)
        any += s->presupposed[i][0] + s->presupposed[i][1];
    if (!any)
        return;
    fputs("\nCriteria sets met without what they presuppose (counted as met "
          "above)\n", fp);
    fprintf(fp, "%-28s %-12s %8s %8s\n", "set", "presupposes", "false",
            "unknown");
    for (i = 0; i < s->rs->n_sets; i++)
        if (s->rs->sets[i].presupposes)
            fprintf(fp, "%-28s %-12s %8zu %8zu\n", s->rs->sets[i].id,
                    s->rs->sets[i].presupposes, s->presupposed[i][0],
                    s->presupposed[i][1]);
}

static void text_agreement(FILE *fp, const struct nms_summary *s)
{
    size_t i, j;

    fputs("\nCriteria sets giving the same verdict (% of evaluated cases)\n",
          fp);
    fprintf(fp, "  %-14s", "");
    for (j = 0; j < s->n_crit; j++)
        fprintf(fp, " %13.13s", s->rs->sets[s->crit[j]].id);
    fputc('\n', fp);
    for (i = 0; i < s->n_crit; i++) {
        fprintf(fp, "  %-14s", s->rs->sets[s->crit[i]].id);
        for (j = 0; j < s->n_crit; j++)
            fprintf(fp, " %12.1f%%",
                    pct(s->agree[i * s->n_crit + j], s->evaluated));
        fputc('\n', fp);
    }
}

static void text_accuracy(FILE *fp, const struct nms_summary *s)
{
    const struct nms_accuracy_report *rep = &s->acc.rep;
    size_t i;

    if (rep->positives + rep->negatives == 0)
        return;
    fprintf(fp,
            "\nAgainst label.nms (%zu positive, %zu negative; "
            "indeterminate as negative)\n",
            rep->positives, rep->negatives);
    for (i = 0; i < rep->n_sets; i++) {
        const struct nms_accuracy *f = &rep->sets[i].fig[0];
        fprintf(fp, "  %-14s sensitivity %5.3f  specificity %5.3f",
                rep->sets[i].id, f->sensitivity.value, f->specificity.value);
        if (rep->sets[i].has_roc && rep->sets[i].roc.n_points > 1)
            fprintf(fp, "  AUC %5.3f", rep->sets[i].roc.auc);
        fputc('\n', fp);
    }
}

/* With --timeline, the cohort table of `nmsrules timeline`. */
static void text_timeline(FILE *fp, const struct nms_summary *s)
{
    struct nms_timeline_writer w = s->tl_sets;

    if (!s->timeline) {
        fputs("\nTime to first met: not computed (--timeline, over cases)\n",
              fp);
        return;
    }
    w.fp = fp;
    w.format = NMS_TL_TEXT;
    w.written = 1; /* a blank line before, as after a case */
    nms_timeline_end(&w, &s->tl);
}

void nms_summary_text(FILE *fp, const struct nms_summary *s)
{
    fprintf(fp, "Cohort summary: %zu cases, %zu evaluated, %zu errors\n",
            s->cases, s->evaluated, s->errors);
    nms_report_ruleset_id(fp, s->rs);
    if (s->in.kind == NMS_INPUT_RESULTS)
        fputs("read from result records (not evaluated again)\n", fp);
    text_sets(fp, s);
    text_presupposed(fp, s);
    text_agreement(fp, s);
    text_counts(fp, "Features on which criteria sets disagree (cases)",
                &s->features, "cases");
    text_counts(fp, "Missing data behind an indeterminate criteria set",
                &s->missing, "cases");
    text_counts(fp, "Unrecognised drug names", &s->drugs, "entries");
    text_counts(fp, "Warnings by kind", &s->warnings, "");
    text_counts(fp, "Severity tiers", &s->tiers, "cases");
    text_accuracy(fp, s);
    text_timeline(fp, s);
}

/* ---- HTML -------------------------------------------------------------- */

static void html_text(FILE *fp, const char *t)
{
    for (; *t; t++) {
        if (*t == '<')
            fputs("&lt;", fp);
        else if (*t == '>')
            fputs("&gt;", fp);
        else if (*t == '&')
            fputs("&amp;", fp);
        else if (*t == '"')
            fputs("&quot;", fp);
        else
            fputc(*t, fp);
    }
}

static int html_counts(FILE *fp, const char *title, const struct nms_counts *c)
{
    struct nms_count_row *rows = nms_counts_sorted(c);
    size_t i;

    if (!rows)
        return -1;
    fprintf(fp, "<h2>%s</h2>\n", title);
    if (c->len == 0)
        fputs("<p>None.</p>\n", fp);
    else
        fputs("<table><tr><th>count</th><th></th></tr>\n", fp);
    for (i = 0; i < c->len && i < TOP; i++) {
        fprintf(fp, "<tr><td class=n>%zu</td><td>", rows[i].n);
        html_text(fp, rows[i].key);
        fputs("</td></tr>\n", fp);
    }
    if (c->len)
        fputs("</table>\n", fp);
    if (c->len > TOP)
        fprintf(fp, "<p>... and %zu more.</p>\n", c->len - TOP);
    free(rows);
    return 0;
}

/* Stacked horizontal bars: met / not met / indeterminate per set. */
static void html_bars(FILE *fp, const struct nms_summary *s)
{
    /* By verdict: not met, met, indeterminate. */
    static const char *const colours[3] = {"#9ecae1", "#d62728", "#bdbdbd"};
    static const int order[3] = {NMS_VERDICT_MET, NMS_VERDICT_NOT_MET,
                                 NMS_VERDICT_INDETERMINATE};
    size_t i, row = 0, n = 0;
    double x;
    int k;

    for (i = 0; i < s->rs->n_sets; i++)
        n += s->rs->sets[i].kind != NMS_KIND_CHECKLIST;
    fprintf(fp,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" "
            "height=\"%zu\" font-size=\"12\" font-family=\"sans-serif\">\n",
            n * 20 + 40);
    for (k = 0; k < 3; k++)
        fprintf(fp,
                "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" "
                "fill=\"%s\"/><text x=\"%d\" y=\"14\">%s</text>\n",
                200 + k * 130, colours[order[k]], 216 + k * 130,
                verdict_names[order[k]]);
    for (i = 0; i < s->rs->n_sets; i++) {
        if (s->rs->sets[i].kind == NMS_KIND_CHECKLIST)
            continue;
        fprintf(fp, "<text x=\"0\" y=\"%zu\">%s</text>\n", row * 20 + 40,
                s->rs->sets[i].id);
        x = 200;
        for (k = 0; k < 3; k++) {
            double w =
                420.0 * pct(s->verdicts[i][order[k]], s->evaluated) / 100;
            fprintf(fp,
                    "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" "
                    "height=\"14\" fill=\"%s\"><title>%s: %zu</title>"
                    "</rect>\n",
                    x, row * 20 + 29, w, colours[order[k]],
                    verdict_names[order[k]], s->verdicts[i][order[k]]);
            x += w;
        }
        row++;
    }
    fputs("</svg>\n", fp);
}

/* text_presupposed as a paragraph under the bars. */
static void html_presupposed(FILE *fp, const struct nms_summary *s)
{
    size_t i;

    for (i = 0; i < s->rs->n_sets; i++)
        if (s->rs->sets[i].presupposes &&
            s->presupposed[i][0] + s->presupposed[i][1])
            fprintf(fp, "<p>%s met without %s (counted as met above): "
                        "%zu false, %zu unknown.</p>\n",
                    s->rs->sets[i].id, s->rs->sets[i].presupposes,
                    s->presupposed[i][0], s->presupposed[i][1]);
}

static void html_agreement(FILE *fp, const struct nms_summary *s)
{
    size_t i, j;

    fputs("<h2>Agreement between criteria sets</h2>\n<p>Cases where both "
          "sets give the same verdict, of the evaluated cases.</p>\n"
          "<table><tr><th></th>",
          fp);
    for (j = 0; j < s->n_crit; j++)
        fprintf(fp, "<th>%s</th>", s->rs->sets[s->crit[j]].id);
    fputs("</tr>\n", fp);
    for (i = 0; i < s->n_crit; i++) {
        fprintf(fp, "<tr><th>%s</th>", s->rs->sets[s->crit[i]].id);
        for (j = 0; j < s->n_crit; j++)
            fprintf(fp, "<td class=n>%.1f %%</td>",
                    pct(s->agree[i * s->n_crit + j], s->evaluated));
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
}

static int html_accuracy(FILE *fp, const struct nms_summary *s)
{
    const struct nms_accuracy_report *rep = &s->acc.rep;
    char *svg;

    if (rep->positives + rep->negatives == 0)
        return 0;
    fprintf(fp,
            "<h2>Against label.nms</h2>\n<p>%zu reference positive, "
            "%zu negative; figures as <code>nmsrules accuracy --label "
            "label.nms</code> gives them.</p>\n",
            rep->positives, rep->negatives);
    if (!(svg = nms_accuracy_svg(rep)))
        return -1;
    fputs(svg, fp);
    free(svg);
    return 0;
}

/* Time to first met: the plot of `timeline --plot`, or why it is not
 * here; -1 when out of memory. */
static int html_timeline(FILE *fp, const struct nms_summary *s)
{
    const struct nms_timeline_writer *w = &s->tl_sets;
    char *svg;

    fputs("<h2>Time to first met</h2>\n", fp);
    if (!s->timeline) {
        fprintf(fp, "<p>Not computed: %s.</p>\n",
                s->in.kind == NMS_INPUT_RESULTS
                    ? "it needs the cases (a result record is one time "
                      "point); run <code>nmsrules summary --timeline</code> "
                      "over them"
                    : "run <code>nmsrules summary --timeline</code> (one "
                      "evaluation per time in each case)");
        return 0;
    }
    nms_timeline_cohort_sort(&s->tl, w->n_sets);
    fprintf(fp,
            "<p>Hours from each case's onset (else its first exposure) to "
            "the first time each criteria set was met, over the %zu cases "
            "with such an anchor; a case a set never met is counted in the "
            "legend, not drawn. As <code>nmsrules timeline --plot</code>."
            "</p>\n",
            s->tl.anchored);
    if (!(svg = nms_timeline_svg(w->rs, w->sets, w->n_sets, &s->tl)))
        return -1;
    fputs(svg, fp);
    free(svg);
    return 0;
}

/* The overlays' digests and the --param overrides after the ruleset's
 * digest, as the text summary's ruleset line has them. */
static void html_changes(FILE *fp, const struct nms_ruleset_info *rs)
{
    size_t i;

    for (i = 0; i < rs->n_overlays; i++)
        fprintf(fp, " + overlay <code>%s</code>", rs->overlays[i].digest);
    for (i = 0; i < rs->n_params; i++) {
        fputs(i ? ", <code>" : "; --param <code>", fp);
        html_text(fp, rs->params[i]);
        fputs("</code>", fp);
    }
}

int nms_summary_html(FILE *fp, const struct nms_summary *s)
{
    int rc = 0;

    fprintf(fp,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
            "charset=\"utf-8\"><title>Cohort summary</title>\n<style>"
            "body{font-family:sans-serif;max-width:60em;margin:2em auto}"
            "table{border-collapse:collapse}td,th{padding:2px 8px;"
            "border-bottom:1px solid #ddd;text-align:left}"
            "td.n{text-align:right}</style></head><body>\n"
            "<h1>Cohort summary</h1>\n<p>%zu cases, %zu evaluated, %zu "
            "errors%s. Ruleset %s %s <code>%s</code>",
            s->cases, s->evaluated, s->errors,
            s->in.kind == NMS_INPUT_RESULTS
                ? " (read from result records, not evaluated again)"
                : "",
            s->rs->name, s->rs->version, s->rs->digest);
    html_changes(fp, s->rs);
    fputs(".</p>\n<h2>Verdicts per set</h2>\n", fp);
    html_bars(fp, s);
    html_presupposed(fp, s);
    html_agreement(fp, s);
    rc |= html_counts(fp, "Features on which criteria sets disagree",
                      &s->features);
    rc |= html_counts(fp, "Missing data behind an indeterminate criteria set",
                      &s->missing);
    rc |= html_counts(fp, "Unrecognised drug names", &s->drugs);
    rc |= html_counts(fp, "Warnings by kind", &s->warnings);
    rc |= html_counts(fp, "Severity tiers", &s->tiers);
    rc |= html_accuracy(fp, s);
    rc |= html_timeline(fp, s);
    fputs("</body></html>\n", fp);
    return rc;
}
