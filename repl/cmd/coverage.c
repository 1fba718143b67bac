/*
 * coverage.c - outcomes of items and alternatives seen over a test run (see
 * coverage.h). Sets are recorded by id from the first result that has
 * them, so runs with different --param overrides of one ruleset add up.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/coverage.h"

/* Bits of an item's outcomes seen. */
enum { SEEN_TRUE = 1, SEEN_FALSE = 2, SEEN_UNKNOWN = 4, SEEN_ALL = 7 };

struct cov_item {
    char *id;
    unsigned seen;
};

struct cov_set {
    char *id;
    struct cov_item *items;
    size_t n_items;
    char **alts;        /* each alternative's label ("definite", "rule 2") */
    int *alt_seen;
    size_t n_alts;
};

struct nms_coverage {
    struct cov_set *sets;
    size_t n_sets;
};

struct nms_coverage *nms_coverage_new(void)
{
    return calloc(1, sizeof(struct nms_coverage));
}

void nms_coverage_free(struct nms_coverage *cov)
{
    size_t i, j;

    if (!cov)
        return;
    for (i = 0; i < cov->n_sets; i++) {
        struct cov_set *s = &cov->sets[i];
        for (j = 0; j < s->n_items; j++)
            free(s->items[j].id);
        for (j = 0; j < s->n_alts; j++)
            free(s->alts[j]);
        free(s->items);
        free(s->alts);
        free(s->alt_seen);
        free(s->id);
    }
    free(cov->sets);
    free(cov);
}

/* Fills s (already holding its id) with the items of `set` and the
 * alternatives of `info` (may be NULL). */
static int set_init(struct cov_set *s, const struct nms_set *set,
                    const struct nms_set_info *info)
{
    size_t j;

    s->items = calloc(set->n_items ? set->n_items : 1, sizeof *s->items);
    if (!s->items)
        return -1;
    for (j = 0; j < set->n_items; j++, s->n_items++)
        if (!(s->items[j].id = strdup(set->items[j].id)))
            return -1;
    if (!info || info->n_rule == 0)
        return 0;
    s->alts = calloc(info->n_rule, sizeof *s->alts);
    s->alt_seen = calloc(info->n_rule, sizeof *s->alt_seen);
    if (!s->alts || !s->alt_seen)
        return -1;
    for (j = 0; j < info->n_rule; j++, s->n_alts++) {
        char label[128];
        snprintf(label, sizeof label, "rule %zu%s%s", j + 1,
                 info->rule[j].level ? ": " : "",
                 info->rule[j].level ? info->rule[j].level : "");
        if (!(s->alts[j] = strdup(label)))
            return -1;
    }
    return 0;
}

/* The coverage entry of `set`, created on first sight; NULL when out of
 * memory. */
static struct cov_set *find_set(struct nms_coverage *cov,
                                const struct nms_set *set,
                                const struct nms_set_info *info)
{
    struct cov_set *grown;
    size_t i;

    for (i = 0; i < cov->n_sets; i++)
        if (strcmp(cov->sets[i].id, set->id) == 0)
            return &cov->sets[i];
    grown = realloc(cov->sets, (cov->n_sets + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    cov->sets = grown;
    memset(&grown[cov->n_sets], 0, sizeof *grown);
    if (!(grown[cov->n_sets].id = strdup(set->id)))
        return NULL;
    cov->n_sets++;
    return set_init(&grown[cov->n_sets - 1], set, info) == 0
               ? &grown[cov->n_sets - 1]
               : NULL;
}

/* The alternative of a groups rule that decided the verdict: the first
 * whose needs the present counts meet; n_rule when none is met. */
static size_t alternative_taken(const struct nms_set *set,
                                const struct nms_set_info *info)
{
    size_t a, k;

    for (a = 0; a < info->n_rule; a++) {
        const struct nms_alternative *alt = &info->rule[a];
        for (k = 0; k < alt->n_needs; k++) {
            size_t g = alt->needs[k].group;
            if (g >= set->n_groups || set->groups[g].present < alt->needs[k].count)
                break;
        }
        if (k == alt->n_needs)
            return a;
    }
    return info->n_rule;
}

int nms_coverage_add(struct nms_coverage *cov,
                     const struct nms_ruleset_info *rs,
                     const struct nms_result *r)
{
    size_t i, j;

    for (i = 0; i < r->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        const struct nms_set_info *info = nms_ruleset_set_info(rs, r, i);
        struct cov_set *s = find_set(cov, set, info);
        if (!s)
            return -1;
        for (j = 0; j < set->n_items && j < s->n_items; j++)
            s->items[j].seen |= set->items[j].value == NMS_TRI_TRUE ? SEEN_TRUE
                                : set->items[j].value == NMS_TRI_FALSE
                                    ? SEEN_FALSE
                                    : SEEN_UNKNOWN;
        if (info && s->n_alts == info->n_rule) {
            size_t a = alternative_taken(set, info);
            if (a < s->n_alts)
                s->alt_seen[a] = 1;
        }
    }
    return 0;
}

/* Outcomes seen and possible over items (and alternatives). */
static void count(const struct nms_coverage *cov, size_t *seen,
                  size_t *possible, size_t *items_full, size_t *items)
{
    size_t i, j;

    *seen = *possible = *items_full = *items = 0;
    for (i = 0; i < cov->n_sets; i++) {
        const struct cov_set *s = &cov->sets[i];
        for (j = 0; j < s->n_items; j++) {
            unsigned b = s->items[j].seen;
            *seen += (b & 1u) + ((b >> 1) & 1u) + ((b >> 2) & 1u);
            *possible += 3;
            *items_full += b == SEEN_ALL;
            (*items)++;
        }
        for (j = 0; j < s->n_alts; j++)
            *seen += s->alt_seen[j] != 0;
        *possible += s->n_alts;
    }
}

double nms_coverage_percent(const struct nms_coverage *cov)
{
    size_t seen, possible, full, items;

    count(cov, &seen, &possible, &full, &items);
    return possible ? 100.0 * (double)seen / (double)possible : 100.0;
}

/* "true false unknown" with the outcomes not seen replaced by "-". */
static void print_item(FILE *fp, const struct cov_item *it)
{
    fprintf(fp, "    %-5s %-5s %-7s  %s\n",
            it->seen & SEEN_TRUE ? "true" : "-",
            it->seen & SEEN_FALSE ? "false" : "-",
            it->seen & SEEN_UNKNOWN ? "unknown" : "-", it->id);
}

void nms_coverage_print(FILE *fp, const struct nms_coverage *cov)
{
    size_t i, j, seen, possible, full, items, alts = 0, alts_seen = 0;

    fputs("coverage (outcomes a test produced; - never produced):\n", fp);
    for (i = 0; i < cov->n_sets; i++) {
        const struct cov_set *s = &cov->sets[i];
        fprintf(fp, "  %s\n", s->id);
        for (j = 0; j < s->n_items; j++)
            print_item(fp, &s->items[j]);
        for (j = 0; j < s->n_alts; j++) {
            fprintf(fp, "    %-19s  %s\n", s->alt_seen[j] ? "taken" : "- never taken",
                    s->alts[j]);
            alts++;
            alts_seen += s->alt_seen[j] != 0;
        }
    }
    count(cov, &seen, &possible, &full, &items);
    fprintf(fp, "items: %zu of %zu seen true, false and unknown; "
                "alternatives: %zu of %zu taken; coverage %.1f%% "
                "(%zu of %zu outcomes)\n",
            full, items, alts_seen, alts, nms_coverage_percent(cov), seen,
            possible);
}
