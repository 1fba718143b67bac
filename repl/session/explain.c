/*
 * explain.c - .why and .whynot: one set of the last result with every item,
 * its value and evidence (rendered by cmd/report.c), and for a set that is
 * not met the smallest change in the findings that would make it met.
 *
 * Works on the result structs, so sets of any kind show their items.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/report.h"
#include "nms/schema.h"
#include "session/explain.h"

/* Most items one set is analysed for (the DSL allows 256). */
#define MAX_ITEMS 256

/* What would decide item k, as the record's `missing` list gives it: that
 * list holds the texts of the unknown items that have one, in item order,
 * and the k-th item is matched to it by counting the unknown items before
 * it. "" for an item that is not unknown or has none. */
static const char *missing_of(const struct nms_set *set, size_t k)
{
    size_t i, n = 0;

    if (set->items[k].value != NMS_TRI_UNKNOWN)
        return "";
    for (i = 0; i < k; i++)
        n += set->items[i].value == NMS_TRI_UNKNOWN;
    for (i = 0; i < set->n_items; i++)
        if (set->items[i].missing && n-- == 0)
            return set->items[i].missing;
    return "";
}

struct candidate {
    size_t index;
    double points;
};

static int by_points_desc(const void *a, const void *b)
{
    double pa = ((const struct candidate *)a)->points;
    double pb = ((const struct candidate *)b)->points;

    return pa < pb ? 1 : pa > pb ? -1 : 0;
}

/* The "any one of these" list: candidates that reach `need` alone. */
static void print_any_one(FILE *fp, const struct nms_set *set,
                          const struct candidate *cand, size_t n, double need)
{
    size_t i;
    const char *missing;

    fprintf(fp, "  any one of these would be enough:\n");
    for (i = 0; i < n && cand[i].points >= need; i++) {
        missing = missing_of(set, cand[i].index);
        fprintf(fp, "    - %s (%g points)%s%s\n", set->items[cand[i].index].id,
                cand[i].points, *missing ? ": " : "", missing);
    }
}

/* Points sets: the fewest unknown (or, failing those, false) items whose
 * points reach the threshold. */
static void explain_points(FILE *fp, const struct nms_set *set)
{
    struct candidate cand[MAX_ITEMS];
    double need = set->threshold - set->score, sum = 0;
    int use_false = set->result == NMS_VERDICT_NOT_MET;
    size_t n = 0, k, i;

    for (i = 0; i < set->n_items; i++)
        if (n < MAX_ITEMS && (set->items[i].value == NMS_TRI_UNKNOWN ||
                              (use_false && set->items[i].value == NMS_TRI_FALSE))) {
            cand[n].index = i;
            cand[n++].points = set->items[i].points;
        }
    qsort(cand, n, sizeof cand[0], by_points_desc);
    for (k = 0; k < n && sum < need; k++)
        sum += cand[k].points;
    if (sum < need) {
        fprintf(fp, "  cannot be met: %g more points are needed and only %g "
                    "are left\n", need, sum);
        return;
    }
    fprintf(fp, "  %g more points needed (threshold %g, score %g)%s\n", need,
            set->threshold, set->score,
            use_false ? "; only findings now recorded as false could supply "
                        "them"
                      : "");
    if (k == 1) {
        print_any_one(fp, set, cand, n, need);
        return;
    }
    fprintf(fp, "  at least %zu more items, e.g.", k);
    for (i = 0; i < k; i++)
        fprintf(fp, "%s%s (%g)", i ? " + " : " ", set->items[cand[i].index].id,
                cand[i].points);
    fputc('\n', fp);
}

/* Groups sets: for each alternative of the rule, the needs that fall
 * short and by how many. */
static void explain_groups(FILE *fp, const struct nms_set *set,
                           const struct nms_set_info *info)
{
    const struct nms_alternative *alt;
    const struct nms_group *g;
    double want, present, unknown;
    size_t i, k;

    for (i = 0; info && i < info->n_rule; i++) {
        alt = &info->rule[i];
        fprintf(fp, "  for %s:\n", alt->level && *alt->level ? alt->level : "met");
        for (k = 0; k < alt->n_needs; k++) {
            g = &set->groups[alt->needs[k].group];
            present = (double)g->present;
            unknown = (double)g->unknown;
            want = (double)alt->needs[k].count;
            if (present >= want)
                fprintf(fp, "    %s: %g present, %g needed, met\n", g->id,
                        present, want);
            else
                fprintf(fp, "    %s: %g present, %g needed, short by %g (%g "
                            "unknown%s)\n",
                        g->id, present, want, want - present, unknown,
                        present + unknown >= want ? "" : ": cannot be reached");
        }
    }
}

/* Says there is no set `id`, with the closest name or the list of ids;
 * with `id` NULL, how to write `command` with the list. */
static void unknown_set(struct session *s, const struct nms_result *r,
                        const char *id, const char *command)
{
    const char **names = calloc(r->n_sets + 1, sizeof *names);
    char list[512] = "";
    size_t i, used = 0;
    const char *close = NULL, *prefixed = NULL;

    for (i = 0; i < r->n_sets; i++) {
        if (names)
            names[i] = r->sets[i].id;
        if (used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     i ? ", " : "", r->sets[i].id);
    }
    if (!id) {
        free(names);
        repl_error(s, "usage: %s SET, where SET is one of: %s", command, list);
        return;
    }
    if (names)
        close = nms_schema_closest_name(names, id);
    free(names);
    /* A set named by its start, as a teacher says it ("iec", "pope"),
     * when that start is one set's only. */
    for (i = 0; !close && *id && i < r->n_sets; i++)
        if (strncasecmp(r->sets[i].id, id, strlen(id)) == 0)
            prefixed = prefixed ? "" : r->sets[i].id;
    if (!close && prefixed && *prefixed)
        close = prefixed;
    if (close)
        repl_error(s, "no set '%s' — did you mean '%s'?", id, close);
    else
        repl_error(s, "no set '%s'; the ruleset has: %s", id, list);
}

int explain_set(struct session *s, const char *id, int whynot)
{
    const struct report_style brief = {0, 1, 1};
    const struct nms_result *r;
    const struct nms_set *set;
    size_t i;

    if (!s->last && session_evaluate(s, s->doc, s->as_of, &s->last, NULL) != 0)
        return -1;
    if (evaluation_failed(s->last) || s->last->r->n_sets == 0) {
        repl_error(s, "the case has no results to explain (see .eval)");
        return -1;
    }
    r = s->last->r;
    set = id ? nms_result_set(r, id) : NULL;
    if (!set) {
        unknown_set(s, r, id, whynot ? ".whynot" : ".why");
        return -1;
    }
    report_brief_heading(s->out, set);
    for (i = 0; i < set->n_items; i++)
        if (!whynot || set->items[i].value != NMS_TRI_TRUE)
            report_item(s->out, &brief, set, &set->items[i], missing_of(set, i));
    report_brief_lists(s->out, set);
    if (set->result == NMS_VERDICT_MET) {
        if (whynot)
            fprintf(s->out, "  %s is met; nothing is missing for it\n", id);
        return 0;
    }
    if (set->kind == NMS_KIND_POINTS)
        explain_points(s->out, set);
    else
        explain_groups(s->out, set,
                       nms_ruleset_set_info(nms_engine_ruleset(s->engine), r,
                                            (size_t)(set - r->sets)));
    return 0;
}
