/*
 * compare.c - what changed between two evaluations: the one-line summary
 * after every edit, and the item-by-item list of .diff and .whatif.
 * Works on the result structs (whatever sections the ruleset has:
 * criteria, severity, risk factors, differentials), in ruleset order.
 */
#include <stdio.h>
#include <string.h>

#include "session/compare.h"

/* The sets of an evaluation, none for one that is an error. */
static size_t sets_of(const struct evaluation *ev,
                      const struct nms_set **sets)
{
    if (!ev || !ev->r || ev->r->error) {
        *sets = NULL;
        return 0;
    }
    *sets = ev->r->sets;
    return ev->r->n_sets;
}

/* The set with `id` among n sets, or NULL. */
static const struct nms_set *find_set(const struct nms_set *sets, size_t n,
                                      const char *id)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(sets[i].id, id) == 0)
            return &sets[i];
    return NULL;
}

/* A severity set of the groups kind reports a tier. */
static int has_tier(const struct nms_set *set)
{
    return set->kind == NMS_KIND_GROUPS && set->section == NMS_SECTION_SEVERITY;
}

/* The state of one set in a few words: "62 (indeterminate)", "met
 * (probable)", "tier moderate", "3 present". */
static void describe(const struct nms_set *set, char *buf, size_t size)
{
    const char *result = nms_verdict_name(set->result);

    if (has_tier(set))
        snprintf(buf, size, "%s", nms_set_tier(set));
    else if (set->kind == NMS_KIND_POINTS)
        snprintf(buf, size, "%g (%s)", set->score, result);
    else if (set->kind == NMS_KIND_CHECKLIST)
        snprintf(buf, size, "%g present", set->score);
    else if (set->level)
        snprintf(buf, size, "%s (%s)", result, set->level);
    else
        snprintf(buf, size, "%s", result);
}

/* How a set is named in summaries: the severity set by "tier". */
static const char *label_of(const struct nms_set *set)
{
    return has_tier(set) ? "tier" : set->id;
}

/* Writes the change of set b since a into buf ("" when it did not
 * change; a NULL a is a set seen for the first time). */
static void set_change(const struct nms_set *a, const struct nms_set *b,
                       char *buf, size_t size)
{
    char before[96], after[96];

    buf[0] = '\0';
    describe(b, after, sizeof after);
    if (!a) {
        snprintf(buf, size, "%s %s", label_of(b), after);
        return;
    }
    describe(a, before, sizeof before);
    if (strcmp(before, after) == 0)
        return;
    if (a->kind == NMS_KIND_POINTS && b->kind == NMS_KIND_POINTS &&
        a->score != b->score)
        snprintf(buf, size, "%s %g \xe2\x86\x92 %g (%s)", b->id, a->score,
                 b->score, nms_verdict_name(b->result));
    else
        snprintf(buf, size, "%s %s \xe2\x86\x92 %s", label_of(b), before,
                 after);
}

/* The ids of the sets of `section` with verdict v after `label`, with
 * the score of a points set ("met: iec2011 93, levenson1985"). */
static void ids_with(FILE *fp, const struct nms_set *sets, size_t n,
                     enum nms_section section, enum nms_verdict v,
                     const char *label)
{
    const struct nms_item *lacking;
    size_t i, shown = 0;

    fprintf(fp, "%s", label);
    for (i = 0; i < n; i++) {
        if (sets[i].section != section || sets[i].result != v)
            continue;
        fprintf(fp, "%s%s", shown++ ? ", " : " ", sets[i].id);
        if (sets[i].kind == NMS_KIND_POINTS)
            fprintf(fp, " %g", sets[i].score);
        /* Met without what the set presupposes (a dopamine antagonist):
         * never said "met" alone (docs/output-format.md). */
        if ((lacking = nms_set_lacking(&sets[i])) != NULL)
            fprintf(fp, lacking->value == NMS_TRI_FALSE ? " (without %s)"
                                                        : " (%s unknown)",
                    lacking->id);
    }
    fprintf(fp, "%s", shown ? "" : " none");
}

/* The first evaluation of a case (after .new or .load): its verdicts in
 * two lines, not a change line for every set of the ruleset. */
static void first_summary(FILE *fp, const struct nms_set *sets, size_t n)
{
    size_t i;

    ids_with(fp, sets, n, NMS_SECTION_CRITERIA, NMS_VERDICT_MET,
             "NMS criteria met:");
    ids_with(fp, sets, n, NMS_SECTION_CRITERIA, NMS_VERDICT_INDETERMINATE,
             "; indeterminate:");
    ids_with(fp, sets, n, NMS_SECTION_CRITERIA, NMS_VERDICT_NOT_MET,
             "; not met:");
    fputc('\n', fp);
    for (i = 0; i < n; i++)
        if (has_tier(&sets[i]))
            fprintf(fp, "tier %s; ", nms_set_tier(&sets[i]));
    ids_with(fp, sets, n, NMS_SECTION_DIFFERENTIAL, NMS_VERDICT_MET,
             "differentials met:");
    fprintf(fp, " (.eval for the report)\n");
}

void compare_summary(FILE *fp, const struct evaluation *before,
                     const struct evaluation *after)
{
    const struct nms_set *sa, *sb;
    size_t na = sets_of(before, &sa), nb = sets_of(after, &sb), i, shown = 0;
    char change[256];

    if (evaluation_failed(after))
        return;
    if (!before) {
        first_summary(fp, sb, nb);
        return;
    }
    for (i = 0; i < nb; i++) {
        set_change(find_set(sa, na, sb[i].id), &sb[i], change, sizeof change);
        if (change[0])
            fprintf(fp, "%s%s", shown++ ? "; " : "", change);
    }
    fprintf(fp, "%s\n", shown ? "" : "no change in the results");
}

/* An item value as a word: true, false or unknown. */
static const char *value_word(enum nms_tri value)
{
    return value == NMS_TRI_TRUE ? "true" : value == NMS_TRI_FALSE ? "false"
                                                                  : "unknown";
}

/* The item with `id` of set (which may be NULL), or NULL. */
static const struct nms_item *find_item(const struct nms_set *set,
                                        const char *id)
{
    size_t i;

    for (i = 0; set && i < set->n_items; i++)
        if (strcmp(set->items[i].id, id) == 0)
            return &set->items[i];
    return NULL;
}

/* Prints the items of set b whose value differs from set a. */
static size_t item_changes(FILE *fp, const struct nms_set *a,
                           const struct nms_set *b)
{
    const struct nms_item *item, *old;
    size_t n = 0, i;

    for (i = 0; i < b->n_items; i++) {
        item = &b->items[i];
        old = find_item(a, item->id);
        if (old && old->value == item->value)
            continue;
        fprintf(fp, "  %s.%s: %s \xe2\x86\x92 %s", b->id, item->id,
                old ? value_word(old->value) : "(new)",
                value_word(item->value));
        if (b->kind == NMS_KIND_POINTS)
            fprintf(fp, " (%g points)", item->points);
        fprintf(fp, "  %s\n", item->evidence);
        n++;
    }
    return n;
}

void compare_detail(FILE *fp, const struct evaluation *before,
                    const struct evaluation *after)
{
    const struct nms_set *sa, *sb, *old;
    size_t na = sets_of(before, &sa), nb = sets_of(after, &sb), i, n = 0;
    char change[256];

    for (i = 0; i < nb; i++) {
        old = find_set(sa, na, sb[i].id);
        set_change(old, &sb[i], change, sizeof change);
        if (change[0]) {
            fprintf(fp, "%s\n", change);
            n++;
        }
        n += item_changes(fp, old, &sb[i]);
    }
    if (n == 0)
        fprintf(fp, "no differences\n");
}
