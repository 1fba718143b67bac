/*
 * accuracy_gather.c - the cases of an accuracy run counted against their
 * reference label (accuracy.h): verdicts by reference class, the scores of
 * points sets for their ROC, then the figures (stats.c). `accuracy` and
 * `summary` both gather this way.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/accuracy.h"
#include "front/msg.h"
#include "nms/label.h"

/* The case's reference: 1, 0, or -1 when it has no usable one. Returns
 * -2 when memory ran out. */
static int reference(const struct nms_case *c, const char *path)
{
    struct nms_label_field f;
    int ref = -1;

    if (nms_label_get(c->label_json, path, &f) != NMS_OK)
        return -2;
    if (f.type == NMS_LABEL_BOOL)
        ref = f.boolean;
    else if (f.type == NMS_LABEL_NUMBER && (f.number == 0 || f.number == 1))
        ref = f.number == 1;
    nms_label_field_release(&f);
    return ref;
}

/* Room for one more scored case; -1 when out of memory or past the limit. */
static int grow(struct nms_accuracy_gather *g)
{
    size_t cap = g->cap ? g->cap * 2 : 1024, i;
    void *p;

    if (g->n < g->cap)
        return 0;
    if (g->n >= NMS_ACCURACY_MAX_CASES)
        return -1;
    if (!(p = realloc(g->labels, cap * sizeof *g->labels)))
        return -1;
    g->labels = p;
    for (i = 0; i < g->rep.n_sets; i++) {
        if (!g->scores[i])
            continue;
        if (!(p = realloc(g->scores[i], cap * sizeof **g->scores)))
            return -1;
        g->scores[i] = p;
    }
    g->cap = cap;
    return 0;
}

/* Counts one evaluated case (emit_fn for nms_run_source). */
int nms_accuracy_add(void *ctx, const struct nms_case *c,
                     const struct nms_result *r)
{
    struct nms_accuracy_gather *g = ctx;
    const struct nms_set *set;
    int ref;
    size_t i;

    g->rep.cases++;
    if (!r || r->error) {
        g->rep.errors++;
        return 0;
    }
    if ((ref = reference(c, g->label)) == -2 || (ref >= 0 && grow(g) != 0)) {
        nms_errorf("out of memory (or more than %u labelled cases)",
                   NMS_ACCURACY_MAX_CASES);
        return -1;
    }
    if (ref < 0) {
        g->rep.unlabelled++;
        return 0;
    }
    *(ref ? &g->rep.positives : &g->rep.negatives) += 1;
    for (i = 0; i < g->rep.n_sets; i++) {
        set = nms_result_set(r, g->rep.sets[i].id);
        if (set)
            g->rep.sets[i].counts[ref][set->result]++;
        if (set && nms_set_lacking(set))
            g->rep.sets[i].unsupported[ref]++;
        if (g->scores[i])
            g->scores[i][g->n] = set ? set->score : 0.0;
    }
    g->labels[g->n++] = ref;
    return 0;
}

int nms_accuracy_init(struct nms_accuracy_gather *g,
                      const struct nms_ruleset_info *rs, const char *label)
{
    size_t i, n = 0;

    memset(g, 0, sizeof *g);
    g->label = label;
    g->rep.rs = rs;
    g->rep.label = label;
    g->rep.sets = calloc(rs->n_sets ? rs->n_sets : 1, sizeof *g->rep.sets);
    g->scores = calloc(rs->n_sets ? rs->n_sets : 1, sizeof *g->scores);
    if (!g->rep.sets || !g->scores)
        return -1;
    for (i = 0; i < rs->n_sets; i++) {
        if (rs->sets[i].section != NMS_SECTION_CRITERIA)
            continue;
        g->rep.sets[n].id = rs->sets[i].id;
        g->rep.sets[n].kind = rs->sets[i].kind;
        /* A placeholder, so grow() reallocs it: points sets keep scores. */
        if (rs->sets[i].kind == NMS_KIND_POINTS &&
            !(g->scores[n] = malloc(sizeof **g->scores)))
            return -1;
        n++;
    }
    g->rep.n_sets = n;
    return 0;
}

void nms_accuracy_release(struct nms_accuracy_gather *g)
{
    size_t i;

    for (i = 0; g->scores && i < g->rep.n_sets; i++) {
        free(g->scores[i]);
        nms_stats_roc_free(&g->rep.sets[i].roc);
    }
    free(g->scores);
    free(g->labels);
    free(g->rep.sets);
}

/* ------------------------------------------------------------------------
 * Figures
 * --------------------------------------------------------------------- */

/* Both views of one set's counts, and its ROC; -1 when out of memory. */
static int figures(struct nms_accuracy_gather *g, size_t i)
{
    struct nms_set_accuracy *s = &g->rep.sets[i];
    const size_t *pos = s->counts[1], *neg = s->counts[0];
    struct nms_table2 *t = s->table;
    int v;

    t[NMS_VIEW_IND_NEGATIVE] = (struct nms_table2){
        pos[NMS_VERDICT_MET], neg[NMS_VERDICT_MET],
        pos[NMS_VERDICT_NOT_MET] + pos[NMS_VERDICT_INDETERMINATE],
        neg[NMS_VERDICT_NOT_MET] + neg[NMS_VERDICT_INDETERMINATE]};
    t[NMS_VIEW_IND_POSITIVE] = (struct nms_table2){
        pos[NMS_VERDICT_MET] + pos[NMS_VERDICT_INDETERMINATE],
        neg[NMS_VERDICT_MET] + neg[NMS_VERDICT_INDETERMINATE],
        pos[NMS_VERDICT_NOT_MET], neg[NMS_VERDICT_NOT_MET]};
    for (v = 0; v < NMS_N_VIEWS; v++)
        nms_stats_accuracy(&t[v], &s->fig[v]);
    if (!g->scores[i])
        return 0;
    s->has_roc = 1;
    return nms_stats_roc(g->scores[i], g->labels, g->n, &s->roc);
}

int nms_accuracy_figures(struct nms_accuracy_gather *g)
{
    size_t i;

    for (i = 0; i < g->rep.n_sets; i++)
        if (figures(g, i) != 0)
            return -1;
    return 0;
}
