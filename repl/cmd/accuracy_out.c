/*
 * accuracy_out.c - the accuracy report written out: text for a person,
 * JSON and CSV for programs. Every figure is printed beside the counts it
 * comes from, so it can be checked by hand.
 */
#include <math.h>
#include <stdio.h>

#include "cmd/accuracy.h"
#include "cmd/report.h"
#include "nms/output.h"

static const char *const view_names[NMS_N_VIEWS] = {
    "indeterminate_as_negative", "indeterminate_as_positive"};

/* The figures of a view, in output order, with their names. */
struct named_prop {
    const char *name;
    const struct nms_prop *p;
};

static void list_props(const struct nms_accuracy *f, struct named_prop out[5])
{
    out[0] = (struct named_prop){"sensitivity", &f->sensitivity};
    out[1] = (struct named_prop){"specificity", &f->specificity};
    out[2] = (struct named_prop){"ppv", &f->ppv};
    out[3] = (struct named_prop){"npv", &f->npv};
    out[4] = (struct named_prop){"accuracy", &f->accuracy};
}

/* ------------------------------------------------------------------------
 * Text
 * --------------------------------------------------------------------- */

/* "0.833 [0.436, 0.970]", or "-" when undefined: the first of two
 * columns is padded, the second ends the line. */
static void text_prop(FILE *fp, double v, double lo, double hi, int last)
{
    char cell[64];

    if (isnan(v))
        snprintf(cell, sizeof cell, "-");
    else
        snprintf(cell, sizeof cell, "%.3f [%.3f, %.3f]", v, lo, hi);
    fprintf(fp, last ? "  %s\n" : "  %-26s", cell);
}

static void text_counts(FILE *fp, const struct nms_set_accuracy *s)
{
    static const char *const who[2] = {"reference negative",
                                       "reference positive"};
    int ref;

    for (ref = 1; ref >= 0; ref--)
        fprintf(fp, "  %-20s met %zu, not met %zu, indeterminate %zu\n",
                who[ref], s->counts[ref][NMS_VERDICT_MET],
                s->counts[ref][NMS_VERDICT_NOT_MET],
                s->counts[ref][NMS_VERDICT_INDETERMINATE]);
    /* Met by the published table without the exposure the set presupposes
     * (lib/presupposed.lua): still counted as met above. */
    if (s->unsupported[1] + s->unsupported[0])
        fprintf(fp, "  %-20s reference positive %zu, negative %zu (counted "
                    "as met above)\n", "met without what it presupposes:",
                s->unsupported[1], s->unsupported[0]);
}

static void text_views(FILE *fp, const struct nms_set_accuracy *s)
{
    struct named_prop a[5], b[5];
    const struct nms_table2 *t = s->table;
    const struct nms_accuracy *f = s->fig;
    int i;

    fprintf(fp, "  %-14s  %-26s  %s\n", "", "indeterminate as negative",
            "indeterminate as positive");
    fprintf(fp, "  %-14s", "TP FP FN TN");
    for (i = 0; i < NMS_N_VIEWS; i++) {
        char cell[64];
        snprintf(cell, sizeof cell, "%zu %zu %zu %zu", t[i].tp, t[i].fp,
                 t[i].fn, t[i].tn);
        fprintf(fp, i ? "  %s\n" : "  %-26s", cell);
    }
    list_props(&f[0], a);
    list_props(&f[1], b);
    for (i = 0; i < 5; i++) {
        fprintf(fp, "  %-14s", a[i].name);
        text_prop(fp, a[i].p->value, a[i].p->lo, a[i].p->hi, 0);
        text_prop(fp, b[i].p->value, b[i].p->lo, b[i].p->hi, 1);
    }
    fprintf(fp, "  %-14s", "kappa");
    text_prop(fp, f[0].kappa, f[0].kappa_lo, f[0].kappa_hi, 0);
    text_prop(fp, f[1].kappa, f[1].kappa_lo, f[1].kappa_hi, 1);
}

static void text_roc(FILE *fp, const struct nms_roc *roc)
{
    const struct nms_roc_point *best = &roc->points[roc->best];
    size_t i;

    if (isnan(roc->auc)) {
        fprintf(fp, "  ROC: needs reference positives and negatives\n");
        return;
    }
    fprintf(fp,
            "  ROC over the score (score >= cut-off called positive):\n"
            "    AUC %.3f [%.3f, %.3f] (Hanley-McNeil SE %.3f)\n"
            "    Youden's J %.3f at cut-off %.15g: sensitivity %.3f, "
            "specificity %.3f\n",
            roc->auc, roc->lo, roc->hi, roc->se, best->youden, best->cutoff,
            best->tpr, 1.0 - best->fpr);
    fprintf(fp, "    %8s  %11s  %11s\n", "cut-off", "sensitivity", "1-specif.");
    for (i = 1; i < roc->n_points; i++)
        fprintf(fp, "    %8.15g  %11.3f  %11.3f\n", roc->points[i].cutoff,
                roc->points[i].tpr, roc->points[i].fpr);
}

void nms_accuracy_text(FILE *fp, const struct nms_accuracy_report *rep)
{
    size_t i;

    fprintf(fp,
            "Accuracy against %s: %zu cases, %zu reference positive, "
            "%zu negative; %zu without a usable label and %zu errors "
            "left out\n",
            rep->label, rep->cases, rep->positives, rep->negatives,
            rep->unlabelled, rep->errors);
    nms_report_ruleset_id(fp, rep->rs);
    fprintf(fp, "95 %% intervals: Wilson for proportions, Cohen's SE for "
                "kappa\n");
    for (i = 0; i < rep->n_sets; i++) {
        const struct nms_set_accuracy *s = &rep->sets[i];
        fprintf(fp, "\n%s (%s)\n", s->id, nms_kind_name(s->kind));
        text_counts(fp, s);
        text_views(fp, s);
        if (s->has_roc)
            text_roc(fp, &s->roc);
    }
}

/* ------------------------------------------------------------------------
 * JSON
 * --------------------------------------------------------------------- */

/* A number with full precision, or null when undefined or infinite. */
static void json_num(FILE *fp, double v)
{
    if (isfinite(v))
        fprintf(fp, "%.17g", v);
    else
        fputs("null", fp);
}

static void json_interval(FILE *fp, const char *name, double v, double lo,
                          double hi)
{
    fprintf(fp, ",\"%s\":{\"value\":", name);
    json_num(fp, v);
    fputs(",\"lo\":", fp);
    json_num(fp, lo);
    fputs(",\"hi\":", fp);
    json_num(fp, hi);
    fputc('}', fp);
}

static void json_view(FILE *fp, const struct nms_table2 *t,
                      const struct nms_accuracy *f)
{
    struct named_prop a[5];
    int i;

    fprintf(fp, "{\"tp\":%zu,\"fp\":%zu,\"fn\":%zu,\"tn\":%zu", t->tp, t->fp,
            t->fn, t->tn);
    list_props(f, a);
    for (i = 0; i < 5; i++)
        json_interval(fp, a[i].name, a[i].p->value, a[i].p->lo, a[i].p->hi);
    json_interval(fp, "kappa", f->kappa, f->kappa_lo, f->kappa_hi);
    fputc('}', fp);
}

static void json_roc(FILE *fp, const struct nms_roc *roc)
{
    const struct nms_roc_point *best = &roc->points[roc->best];
    size_t i;

    fputs(",\"roc\":{\"method\":\"Hanley-McNeil 1982\",\"auc\":", fp);
    json_num(fp, roc->auc);
    fputs(",\"se\":", fp);
    json_num(fp, roc->se);
    fputs(",\"lo\":", fp);
    json_num(fp, roc->lo);
    fputs(",\"hi\":", fp);
    json_num(fp, roc->hi);
    fputs(",\"youden\":{\"cutoff\":", fp);
    json_num(fp, best->cutoff);
    fputs(",\"j\":", fp);
    json_num(fp, best->youden);
    fputs(",\"sensitivity\":", fp);
    json_num(fp, best->tpr);
    fputs(",\"specificity\":", fp);
    json_num(fp, 1.0 - best->fpr);
    fputs("},\"points\":[", fp);
    for (i = 0; i < roc->n_points; i++) {
        fputs(i ? ",{\"cutoff\":" : "{\"cutoff\":", fp);
        json_num(fp, roc->points[i].cutoff); /* the first: null, above all */
        fputs(",\"tpr\":", fp);
        json_num(fp, roc->points[i].tpr);
        fputs(",\"fpr\":", fp);
        json_num(fp, roc->points[i].fpr);
        fputc('}', fp);
    }
    fputs("]}", fp);
}

static void json_set(FILE *fp, const struct nms_set_accuracy *s)
{
    static const char *const verdicts[3] = {"not_met", "met", "indeterminate"};
    static const int order[3] = {NMS_VERDICT_MET, NMS_VERDICT_NOT_MET,
                                 NMS_VERDICT_INDETERMINATE};
    int ref, v;

    fprintf(fp, "{\"id\":\"%s\",\"kind\":\"%s\",\"counts\":{", s->id,
            nms_kind_name(s->kind));
    for (ref = 1; ref >= 0; ref--) {
        fprintf(fp, "%s\"%s\":{", ref ? "" : ",",
                ref ? "positive" : "negative");
        for (v = 0; v < 3; v++)
            fprintf(fp, "%s\"%s\":%zu", v ? "," : "", verdicts[order[v]],
                    s->counts[ref][order[v]]);
        fputc('}', fp);
    }
    fputc('}', fp);
    if (s->unsupported[1] + s->unsupported[0])
        fprintf(fp, ",\"met_without_presupposition\":{\"positive\":%zu,"
                    "\"negative\":%zu}",
                s->unsupported[1], s->unsupported[0]);
    for (v = 0; v < NMS_N_VIEWS; v++) {
        fprintf(fp, ",\"%s\":", view_names[v]);
        json_view(fp, &s->table[v], &s->fig[v]);
    }
    if (s->has_roc)
        json_roc(fp, &s->roc);
    fputc('}', fp);
}

void nms_accuracy_json(FILE *fp, const struct nms_accuracy_report *rep)
{
    size_t i;

    /* Set ids are identifiers the ruleset validated (no quotes or
     * controls), so they are written without escaping; the ruleset as
     * every record writes it, with its overlays and overrides. */
    fprintf(fp, "{\"label\":\"%s\",\"ruleset\":", rep->label);
    nms_output_ruleset_json(fp, rep->rs);
    fprintf(fp,
            ",\"cases\":%zu,\"positives\":%zu,\"negatives\":%zu,"
            "\"unlabelled\":%zu,\"errors\":%zu,\"interval\":\"95 %% Wilson; "
            "kappa: Cohen 1960 SE\",\"sets\":[",
            rep->cases, rep->positives, rep->negatives, rep->unlabelled,
            rep->errors);
    for (i = 0; i < rep->n_sets; i++) {
        if (i)
            fputc(',', fp);
        json_set(fp, &rep->sets[i]);
    }
    fputs("]}\n", fp);
}

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

static void csv_num(FILE *fp, double v)
{
    if (isfinite(v))
        fprintf(fp, ",%.15g", v);
    else
        fputc(',', fp);
}

/* One row per criteria set and view; the AUC columns repeat on both rows
 * of a scored set and are empty for the others. */
void nms_accuracy_csv(FILE *fp, const struct nms_accuracy_report *rep)
{
    static const struct nms_accuracy none;
    struct named_prop a[5];
    size_t i;
    int v, k;

    fputs("set,indeterminate_as,tp,fp,fn,tn", fp);
    list_props(&none, a); /* for the names */
    for (k = 0; k < 5; k++)
        fprintf(fp, ",%s,%s_lo,%s_hi", a[k].name, a[k].name, a[k].name);
    fputs(",kappa,kappa_lo,kappa_hi,auc,auc_lo,auc_hi,youden_cutoff,"
          NMS_CSV_RULESET_HEADER "\r\n",
          fp);
    for (i = 0; i < rep->n_sets; i++) {
        const struct nms_set_accuracy *s = &rep->sets[i];
        for (v = 0; v < NMS_N_VIEWS; v++) {
            const struct nms_table2 *t = &s->table[v];
            const struct nms_roc *roc = s->has_roc ? &s->roc : NULL;
            fprintf(fp, "%s,%s,%zu,%zu,%zu,%zu", s->id,
                    v ? "positive" : "negative", t->tp, t->fp, t->fn, t->tn);
            list_props(&s->fig[v], a);
            for (k = 0; k < 5; k++) {
                csv_num(fp, a[k].p->value);
                csv_num(fp, a[k].p->lo);
                csv_num(fp, a[k].p->hi);
            }
            csv_num(fp, s->fig[v].kappa);
            csv_num(fp, s->fig[v].kappa_lo);
            csv_num(fp, s->fig[v].kappa_hi);
            csv_num(fp, roc ? roc->auc : NAN);
            csv_num(fp, roc ? roc->lo : NAN);
            csv_num(fp, roc ? roc->hi : NAN);
            csv_num(fp, roc && !isnan(roc->auc) ? roc->points[roc->best].cutoff
                                                : NAN);
            fputc(',', fp);
            nms_output_csv_ruleset(fp, rep->rs);
            fputs("\r\n", fp);
        }
    }
}
