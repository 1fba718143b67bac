/*
 * report.c - one case as a person reads it: each criteria set with its
 * verdict, each item with a mark, its points and its evidence, then what
 * data is missing and what was wrong with the input.
 */
#include <math.h>
#include <stdio.h>

#include "cli.h"

/* ANSI colours, used only on a terminal without NO_COLOR. */
#define GREEN "\033[32m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

struct style {
    int color;
};

static const char *paint(const struct style *s, const char *code)
{
    return s->color ? code : "";
}

static const char *verdict_color(enum nms_verdict v)
{
    return v == NMS_VERDICT_MET       ? GREEN
           : v == NMS_VERDICT_NOT_MET ? RED
                                      : YELLOW;
}

static void print_item(FILE *fp, const struct style *s,
                       const struct nms_item *item)
{
    const char *mark = item->value == NMS_TRI_TRUE    ? "\xe2\x9c\x93"
                       : item->value == NMS_TRI_FALSE ? "\xe2\x9c\x97"
                                                      : "?";
    const char *color = item->value == NMS_TRI_TRUE    ? GREEN
                        : item->value == NMS_TRI_FALSE ? RED
                                                       : YELLOW;
    char got[32];

    if (item->value == NMS_TRI_UNKNOWN)
        snprintf(got, sizeof got, "?/%g", item->points);
    else
        snprintf(got, sizeof got, "%g/%g",
                 item->value == NMS_TRI_TRUE ? item->points : 0.0,
                 item->points);
    fprintf(fp, "  %s%s%s %-22s %6s  %s\n", paint(s, color), mark,
            paint(s, RESET), item->id, got, item->evidence);
}

static void print_criteria(FILE *fp, const struct style *s,
                           const struct nms_criteria *crit)
{
    size_t i, n_missing = 0;

    fprintf(fp, "\n%s%s%s  %s (%s)\n", paint(s, BOLD), crit->id,
            paint(s, RESET), crit->title, crit->version);
    fprintf(fp, "  result: %s%s%s   score %g, threshold %g, possible %g\n",
            paint(s, verdict_color(crit->result)),
            nms_verdict_name(crit->result), paint(s, RESET), crit->score,
            crit->threshold, crit->possible);
    for (i = 0; i < crit->n_items; i++)
        print_item(fp, s, &crit->items[i]);
    for (i = 0; i < crit->n_items; i++) {
        if (!crit->items[i].missing)
            continue;
        fprintf(fp, "%s", n_missing++ ? "" : "  would be decided by:\n");
        fprintf(fp, "    - %s: %s\n", crit->items[i].id,
                crit->items[i].missing);
    }
    fprintf(fp, "  %s%s%s\n", paint(s, DIM), crit->citation, paint(s, RESET));
}

static void print_header(FILE *fp, const struct style *s,
                         const struct nms_case *c,
                         const struct nms_ruleset_info *rs)
{
    char when[64];

    fprintf(fp, "%scase %s%s", paint(s, BOLD), c->id ? c->id : "(no id)",
            paint(s, RESET));
    if (c->line > 0)
        fprintf(fp, "   (%s, line %ld)", c->source, c->line);
    fputc('\n', fp);
    if (!c->error && !isnan(c->assessed_at))
        fprintf(fp, "assessed at %s\n",
                nms_time_format(c->assessed_at, c->time_form, when,
                                sizeof when));
    fprintf(fp, "ruleset %s %s  %s\n", rs->name, rs->version, rs->digest);
}

void nms_report_print(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int color)
{
    struct style s = {color};
    size_t i;

    if (c->index > 0)
        fputc('\n', fp);   /* a blank line between cases of one file */
    print_header(fp, &s, c, rs);
    if (c->error)
        fprintf(fp, "\n%serror%s %s%s%s\n", paint(&s, RED), paint(&s, RESET),
                c->error->path, *c->error->path ? ": " : "",
                c->error->message);
    else if (r && r->error)
        fprintf(fp, "\n%serror%s rule %s (%s:%ld): %s\n", paint(&s, RED),
                paint(&s, RESET), r->error->rule,
                r->error->file ? r->error->file : "?", r->error->line,
                r->error->message);
    for (i = 0; r && !r->error && i < r->n_criteria; i++)
        print_criteria(fp, &s, &r->criteria[i]);
    if (c->n_warnings)
        fprintf(fp, "\n%swarnings%s\n", paint(&s, YELLOW), paint(&s, RESET));
    for (i = 0; i < c->n_warnings; i++)
        fprintf(fp, "  %s: %s\n", c->warnings[i].path, c->warnings[i].message);
}
