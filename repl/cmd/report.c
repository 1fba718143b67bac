/*
 * report.c - the one text renderer of cases, sets, verdicts and items.
 *
 * The report (eval --format text, the REPL's .eval): each set (criteria,
 * then where the criteria sets agree, severity with its actions, risk
 * factors, differential diagnoses) with its verdict, each item with a
 * mark, its points or group and its evidence, then what data is missing
 * and what was wrong with the input.
 *
 * The brief layout (the REPL's .why and .whynot): one set with a shorter
 * verdict, the same item lines with what would decide each unknown item,
 * and its reasons, actions and distinguishing points as lists.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"
#include "cmd/report.h"
#include "cmd/term.h"

/* ANSI colours, used only on a terminal without NO_COLOR. */
#define GREEN "\033[32m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *paint(const struct report_style *s, const char *code)
{
    return s->color ? code : "";
}

static const char *verdict_color(enum nms_verdict v)
{
    return v == NMS_VERDICT_MET       ? GREEN
           : v == NMS_VERDICT_NOT_MET ? RED
                                      : YELLOW;
}

static const char *tri_mark(enum nms_tri v)
{
    return v == NMS_TRI_TRUE ? "\xe2\x9c\x93" : v == NMS_TRI_FALSE ? "\xe2\x9c\x97"
                                                               : "?";
}

static const char *tri_color(enum nms_tri v)
{
    return v == NMS_TRI_TRUE ? GREEN : v == NMS_TRI_FALSE ? RED : YELLOW;
}

/* 1 for sets whose items are requirements (criteria, differentials):
 * a false or unknown item there is a criterion not (yet) satisfied. Risk
 * factors and the severity findings are counted, not required. */
static int judged(const struct nms_set *set)
{
    return set->section == NMS_SECTION_CRITERIA ||
           set->section == NMS_SECTION_DIFFERENTIAL;
}

void report_item(FILE *fp, const struct report_style *s,
                 const struct nms_set *set, const struct nms_item *item,
                 const char *needs)
{
    char got[48];

    if (set->kind == NMS_KIND_POINTS && item->value == NMS_TRI_UNKNOWN)
        snprintf(got, sizeof got, "?/%g", item->points);
    else if (set->kind == NMS_KIND_POINTS)
        snprintf(got, sizeof got, "%g/%g",
                 item->value == NMS_TRI_TRUE ? item->points : 0.0,
                 item->points);
    else if (s->brief && item->group && *item->group)
        snprintf(got, sizeof got, "[%s]", item->group);
    else if (s->brief)
        got[0] = '\0';
    else
        snprintf(got, 40, "%.39s", item->group ? item->group : "");
    fprintf(fp, "  %s%s%s %-22s %6s  %s\n", paint(s, tri_color(item->value)),
            tri_mark(item->value), paint(s, RESET), item->id, got,
            item->evidence);
    /* The evidence says what the case has; beside it, what the criterion
     * asks for, so "mild rigidity" is read against "severe rigidity". */
    if (item->value != NMS_TRI_TRUE && judged(set))
        fprintf(fp, "  %-31s needs: %s\n", "",
                item->definition ? item->definition : item->title);
    if (s->brief && item->value == NMS_TRI_UNKNOWN && needs && *needs)
        fprintf(fp, "  %-31s missing: %s\n", "", needs);
    if (!s->brief && item->source && set->section == NMS_SECTION_RISK_FACTORS)
        fprintf(fp, "  %s%31s%s%s\n", paint(s, DIM), "", item->source,
                paint(s, RESET));
}

static void print_missing(FILE *fp, const struct nms_set *set)
{
    size_t i, n = 0;

    for (i = 0; i < set->n_items; i++) {
        if (!set->items[i].missing)
            continue;
        fprintf(fp, "%s", n++ ? "" : "  would be decided by:\n");
        fprintf(fp, "    - %s: %s\n", set->items[i].id, set->items[i].missing);
    }
}

/* "result: met (definite), could be ...  groups A 3/3, B 2/10 (+1 ?)". */
static void print_verdict(FILE *fp, const struct report_style *s,
                          const struct nms_set *set)
{
    size_t i;

    fprintf(fp, "  result: %s%s%s", paint(s, verdict_color(set->result)),
            nms_verdict_name(set->result), paint(s, RESET));
    if (set->kind == NMS_KIND_POINTS)
        fprintf(fp, "   score %g, threshold %g, possible %g", set->score,
                set->threshold, set->possible);
    if (set->section == NMS_SECTION_SEVERITY)
        fprintf(fp, "   tier %s", nms_set_tier(set));
    else if (set->level)
        fprintf(fp, " (%s)", set->level);
    for (i = 0; i < set->n_could_be; i++)
        fprintf(fp, "%s%s", i ? ", " : "   could still be ", set->could_be[i]);
    if (set->kind == NMS_KIND_CHECKLIST)
        fprintf(fp, "   %g present", set->score);
    for (i = 0; i < set->n_groups; i++) {
        const struct nms_group *g = &set->groups[i];
        fprintf(fp, "%s%s %zu/%zu", i ? ", " : "\n  groups: ", g->id,
                g->present, g->total);
        if (g->unknown)
            fprintf(fp, " (%zu unknown)", g->unknown);
    }
    fputc('\n', fp);
}

static void print_notes(FILE *fp, const struct report_style *s,
                        const struct nms_set *set, const char *heading)
{
    size_t i;

    if (set->n_notes)
        fprintf(fp, "  %s:\n", heading);
    for (i = 0; i < set->n_notes; i++)
        fprintf(fp, "   %2zu. %s %s[%s]%s\n", i + 1, set->notes[i].text,
                paint(s, DIM), set->notes[i].source, paint(s, RESET));
}

/* What a criteria set presupposes, when its table was met without it
 * (false) or without knowing (unknown): under the verdict, so that "met"
 * is never read alone. Nothing when it holds or was not asked. */
static void print_presupposition(FILE *fp, const struct report_style *s,
                                 const struct nms_set *set)
{
    const struct nms_item *p = nms_set_lacking(set);

    if (!p)
        return;
    fprintf(fp, "  %s%s%s presupposes %s: %s\n", paint(s, tri_color(p->value)),
            tri_mark(p->value), paint(s, RESET), p->id, p->evidence);
    fprintf(fp, "  %-31s needs: %s\n", "",
            p->definition ? p->definition : p->title);
    if (p->missing)
        fprintf(fp, "  %-31s missing: %s\n", "", p->missing);
    fprintf(fp, "  %-31s %s\n", "",
            !set->presupposition_required
                ? "the published table is met without it: the verdict "
                  "stands, read it with this"
            : p->value == NMS_TRI_FALSE
                ? "the verdict follows it (a parameter): not met"
                : "the verdict follows it (a parameter): indeterminate "
                  "until it is known");
}

void report_set(FILE *fp, const struct report_style *s,
                const struct nms_set *set)
{
    size_t i;

    fprintf(fp, "\n%s%s%s  %s (%s)\n", paint(s, BOLD), set->id,
            paint(s, RESET), set->title, set->version);
    print_verdict(fp, s, set);
    print_presupposition(fp, s, set);
    /* The item list below shows the same findings for other sets; for the
     * severity tier they are worth naming first, as the answer to "why
     * this tier". */
    for (i = 0; set->section == NMS_SECTION_SEVERITY && i < set->n_reasons; i++)
        fprintf(fp, "%s%s\n", i ? "           " : "  because: ",
                set->items[set->reasons[i]].evidence);
    for (i = 0; i < set->n_items; i++)
        report_item(fp, s, set, &set->items[i], NULL);
    print_missing(fp, set);
    if (set->overlap)
        fprintf(fp, "  %soverlap:%s %s\n", paint(s, YELLOW), paint(s, RESET),
                set->overlap);
    print_notes(fp, s, set, set->section == NMS_SECTION_SEVERITY
                                ? "actions"
                                : "distinguishing from NMS");
    fprintf(fp, "  %s%s%s\n", paint(s, DIM), set->citation, paint(s, RESET));
}

/* Which criteria sets agree, and the features they read differently. */
static void print_concordance(FILE *fp, const struct report_style *s,
                              const struct nms_result *r)
{
    static const enum nms_verdict order[] = {
        NMS_VERDICT_MET, NMS_VERDICT_INDETERMINATE, NMS_VERDICT_NOT_MET};
    size_t i, k, v, n;

    fprintf(fp, "\n%sconcordance%s ", paint(s, BOLD), paint(s, RESET));
    for (v = 0; v < 3; v++) {
        fprintf(fp, "%s%s:", v ? "; " : "", nms_verdict_name(order[v]));
        for (i = 0, n = 0; i < r->n_sets; i++)
            if (r->sets[i].section == NMS_SECTION_CRITERIA &&
                r->sets[i].result == order[v])
                fprintf(fp, "%s%s", n++ ? ", " : " ", r->sets[i].id);
        if (n == 0)
            fputs(" none", fp);
    }
    fputc('\n', fp);
    for (i = 0; i < r->n_disagreements; i++) {
        const struct nms_disagreement *d = &r->disagreements[i];
        fprintf(fp, "  sets differ on %s:", d->feature);
        for (k = 0; k < d->n; k++)
            fprintf(fp, "%s %s %s", k ? "," : "", d->items[k],
                    tri_mark(d->values[k]));
        fputc('\n', fp);
    }
}

/* Ids of the sets of `section` with result `v`, after `label`; nothing
 * when there are none. */
static void print_ids(FILE *fp, const struct nms_result *r,
                      enum nms_section section, enum nms_verdict v,
                      const char *label)
{
    size_t i, n = 0;

    for (i = 0; i < r->n_sets; i++)
        if (r->sets[i].section == section && r->sets[i].result == v)
            fprintf(fp, "%s%s", n++ ? ", " : label, r->sets[i].id);
    if (n)
        fputc('\n', fp);
}

/* The criteria sets whose presupposition is `v` (false or unknown), after
 * a label naming it ("met without exposure:"), with the presupposition's
 * title once; a set whose verdict followed it says so. Nothing when none. */
static void print_presupposed(FILE *fp, const struct nms_result *r,
                              enum nms_tri v)
{
    const struct nms_item *first = NULL;
    size_t i;
    char label[64];

    for (i = 0; i < r->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        if (set->section != NMS_SECTION_CRITERIA || !set->presupposition ||
            set->presupposition->value != v)
            continue;
        if (!first) {
            first = set->presupposition;
            snprintf(label, sizeof label, v == NMS_TRI_FALSE
                                              ? "met without %s:"
                                              : "met, %s unknown:",
                     first->id);
            fprintf(fp, "  %-28s", label);
        } else {
            fputs(", ", fp);
        }
        fputs(set->id, fp);
        if (set->presupposition_required)
            fprintf(fp, " (by its table; verdict %s)",
                    nms_verdict_name(set->result));
    }
    if (first)
        fprintf(fp, " (%s)\n", first->title);
}

/* Most bytes of an item's missing text the summary line quotes: the
 * set's own section has it whole. */
#define ONE_OPEN_MAX 160

/* Whether unknown item `item` of the indeterminate groups set `set` can
 * still move it: some alternative of its rule (`info`) that is still open
 * needs more of the item's group than are present. (The decided marks
 * count every unknown item of a group an open alternative names, even
 * one whose need is already met: DSM-IV-TR's 2 of 10 signs.) */
static int still_needed(const struct nms_set *set,
                        const struct nms_set_info *info,
                        const struct nms_item *item)
{
    size_t a, k;

    for (a = 0; a < info->n_rule; a++) {
        const struct nms_alternative *alt = &info->rule[a];
        int open = 1, wants = 0;
        for (k = 0; k < alt->n_needs && alt->needs[k].group < set->n_groups;
             k++) {
            const struct nms_group *grp = &set->groups[alt->needs[k].group];
            open &= grp->present + grp->unknown >= alt->needs[k].count;
            wants |= grp->present < alt->needs[k].count &&
                     strcmp(grp->id, item->group) == 0;
        }
        if (open && wants)
            return 1;
    }
    return 0;
}

/* An indeterminate criteria set whose verdict waits on one unknown item
 * only: what would decide it, in the summary, as the whole verdict hangs
 * on that one record (DSM-IV-TR criterion D on workup.psychiatric in most
 * NMS charts). Points sets: the decided items (unknown, with points).
 * Cut at a character boundary past ONE_OPEN_MAX bytes. */
static void print_one_open(FILE *fp, const struct nms_result *r,
                           const struct nms_ruleset_info *rs)
{
    size_t i, k, len;

    for (i = 0; i < r->n_sets && i < rs->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        const struct nms_item *open = NULL;
        size_t n = 0;
        if (set->section != NMS_SECTION_CRITERIA ||
            set->result != NMS_VERDICT_INDETERMINATE)
            continue;
        for (k = 0; k < set->n_items; k++)
            if (set->items[k].value == NMS_TRI_UNKNOWN &&
                (set->kind == NMS_KIND_GROUPS
                     ? still_needed(set, &rs->sets[i], &set->items[k])
                     : set->items[k].decided) &&
                n++ == 0)
                open = &set->items[k];
        if (n != 1 || !open->missing)
            continue;
        len = strlen(open->missing);
        if (len > ONE_OPEN_MAX) {
            len = nms_utf8_whole(open->missing, ONE_OPEN_MAX);
            while (len > 0 && open->missing[len - 1] == ' ')
                len--;
        }
        fprintf(fp, "    %s waits on %s only: %.*s%s\n", set->id, open->id,
                (int)len, open->missing, open->missing[len] ? " …" : "");
    }
}

/* The whole case in a few lines, before the detail. */
static void print_summary(FILE *fp, const struct report_style *s,
                          const struct nms_result *r,
                          const struct nms_ruleset_info *rs)
{
    size_t i;

    fprintf(fp, "\n%ssummary%s\n", paint(s, BOLD), paint(s, RESET));
    print_ids(fp, r, NMS_SECTION_CRITERIA, NMS_VERDICT_MET,
              "  NMS criteria met:           ");
    print_presupposed(fp, r, NMS_TRI_FALSE);
    print_presupposed(fp, r, NMS_TRI_UNKNOWN);
    print_ids(fp, r, NMS_SECTION_CRITERIA, NMS_VERDICT_INDETERMINATE,
              "  NMS criteria indeterminate: ");
    print_one_open(fp, r, rs);
    print_ids(fp, r, NMS_SECTION_CRITERIA, NMS_VERDICT_NOT_MET,
              "  NMS criteria not met:       ");
    for (i = 0; i < r->n_sets; i++) {
        const struct nms_set *set = &r->sets[i];
        size_t k;
        if (set->section == NMS_SECTION_SEVERITY) {
            fprintf(fp, "  severity tier:              %s", nms_set_tier(set));
            for (k = 0; k < set->n_could_be; k++)
                fprintf(fp, "%s%s", k ? ", " : " (could still be ",
                        set->could_be[k]);
            fputs(set->n_could_be ? ")\n" : "\n", fp);
        } else if (set->section == NMS_SECTION_RISK_FACTORS) {
            size_t n = 0;
            fprintf(fp, "  risk factors present:       %g", set->score);
            for (k = 0; k < set->n_items; k++)
                if (set->items[k].value == NMS_TRI_TRUE)
                    fprintf(fp, "%s%s", n++ ? ", " : " (", set->items[k].id);
            fputs(n ? ")\n" : "\n", fp);
        }
    }
    print_ids(fp, r, NMS_SECTION_DIFFERENTIAL, NMS_VERDICT_MET,
              "  differentials met:          ");
    print_ids(fp, r, NMS_SECTION_DIFFERENTIAL, NMS_VERDICT_INDETERMINATE,
              "  differentials undecided:    ");
}

/* What produced the report, as every JSON record says it: the ruleset
 * (with its status when not production, and the overrides in force), the
 * engine and Lua, and the hash of the input. */
static void print_audit(FILE *fp, const struct report_style *s,
                        const struct nms_case *c,
                        const struct nms_ruleset_info *rs)
{
    fprintf(fp, "ruleset %s %s", rs->name, rs->version);
    if (rs->status && strcmp(rs->status, "production") != 0)
        fprintf(fp, " %s(%s: not for clinical use)%s", paint(s, RED),
                rs->status, paint(s, RESET));
    else if (rs->status)
        fprintf(fp, " (%s)", rs->status);
    fprintf(fp, "  %s\n", rs->digest);
    nms_report_ruleset_more(fp, rs);
    fprintf(fp, "engine nmsrules %s, %s", NMS_VERSION, nms_lua_release());
    if (c->input_sha256[0])
        fprintf(fp, "; input sha256:%s", c->input_sha256);
    fputc('\n', fp);
}

void nms_report_ruleset_more(FILE *fp, const struct nms_ruleset_info *rs)
{
    size_t i;

    for (i = 0; i < rs->n_overlays; i++)
        fprintf(fp, "  overlay %s  %s\n", rs->overlays[i].dir,
                rs->overlays[i].digest);
    for (i = 0; i < rs->n_params; i++)
        fprintf(fp, "  --param %s\n", rs->params[i]);
}

void nms_report_ruleset_line(FILE *fp, const struct nms_ruleset_info *rs)
{
    size_t i;

    fprintf(fp, "ruleset %s %s", rs->name, rs->version);
    if (rs->status)
        fprintf(fp, " (%s)", rs->status);
    fprintf(fp, " %s (%s", rs->digest, rs->dir);
    for (i = 0; i < rs->n_overlays; i++)
        fprintf(fp, " + overlay %s", rs->overlays[i].dir);
    for (i = 0; i < rs->n_params; i++)
        fprintf(fp, ", --param %s", rs->params[i]);
}

void nms_report_ruleset_write(FILE *fp, const struct nms_ruleset_info *rs)
{
    size_t i;

    fprintf(fp, "ruleset %s %s %s", rs->name, rs->version, rs->digest);
    for (i = 0; i < rs->n_overlays; i++)
        fprintf(fp, " + overlay %s", rs->overlays[i].digest);
    for (i = 0; i < rs->n_params; i++)
        fprintf(fp, "%s%s", i ? ", " : "; --param ", rs->params[i]);
}

void nms_report_ruleset_id(FILE *fp, const struct nms_ruleset_info *rs)
{
    nms_report_ruleset_write(fp, rs);
    fputc('\n', fp);
}

const char *nms_report_after_place(const char *message, const char *file,
                                   long line)
{
    char place[1200];
    int n;

    if (!file)
        return message;
    n = snprintf(place, sizeof place, "%s:%ld: ", file, line);
    if (n > 0 && (size_t)n < sizeof place && strncmp(message, place, (size_t)n) == 0)
        return message + n;
    return message;
}

static void print_header(FILE *fp, const struct report_style *s,
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
        fprintf(fp, "assessed at %s%s\n",
                nms_time_format(c->assessed_at, c->time_form, when,
                                sizeof when),
                isnan(c->as_of) ? "" : " (--as-of: later data ignored)");
    print_audit(fp, s, c, rs);
}

const char *report_path(const char *path, int one_based, char *buf,
                        size_t size)
{
    size_t o = 0;
    char *end;
    long n;

    while (*path && o + 1 < size) {
        if (one_based && *path == '[' && (n = strtol(path + 1, &end, 10)) >= 0 &&
            end != path + 1 && *end == ']') {
            o += (size_t)snprintf(buf + o, size - o, "[%ld]", n + 1);
            path = end + 1;
            continue;
        }
        buf[o++] = *path++;
    }
    buf[o < size ? o : size - 1] = '\0';
    return buf;
}

/* The style of the report for nms_report_print's flags. */
static struct report_style style_of(int flags)
{
    struct report_style s = {0, 0, 0};

    s.color = (flags & NMS_REPORT_COLOR) != 0;
    s.one_based = (flags & NMS_REPORT_ONE_BASED) != 0;
    return s;
}

static void summary(FILE *fp, const struct nms_case *c,
                    const struct nms_result *r,
                    const struct nms_ruleset_info *rs, int flags)
{
    struct report_style s = style_of(flags);
    char path[256];

    print_header(fp, &s, c, rs);
    if (c->error)
        fprintf(fp, "\n%serror%s %s%s%s\n", paint(&s, RED), paint(&s, RESET),
                report_path(c->error->path, s.one_based, path, sizeof path),
                *c->error->path ? ": " : "",
                c->error->message);
    else if (r && r->error)
        fprintf(fp, "\n%serror%s rule %s (%s:%ld): %s\n", paint(&s, RED),
                paint(&s, RESET), r->error->rule,
                r->error->file ? r->error->file : "?", r->error->line,
                nms_report_after_place(r->error->message, r->error->file,
                                       r->error->line));
    if (r && !r->error)
        print_summary(fp, &s, r, rs);
}

static void print_all(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int flags)
{
    struct report_style s = style_of(flags);
    char path[256];
    size_t i, n_rule;

    if (c->index > 0)
        fputc('\n', fp);   /* a blank line between cases of one file */
    summary(fp, c, r, rs, flags);
    for (i = 0; r && !r->error && i < r->n_sets; i++) {
        if (i > 0 && r->sets[i - 1].section == NMS_SECTION_CRITERIA &&
            r->sets[i].section != NMS_SECTION_CRITERIA)
            print_concordance(fp, &s, r);
        report_set(fp, &s, &r->sets[i]);
    }
    if (r && !r->error && r->n_sets &&
        r->sets[r->n_sets - 1].section == NMS_SECTION_CRITERIA)
        print_concordance(fp, &s, r);
    n_rule = r && !r->error ? r->n_warnings : 0;
    if (c->n_warnings + n_rule)
        fprintf(fp, "\n%swarnings%s\n", paint(&s, YELLOW), paint(&s, RESET));
    for (i = 0; i < c->n_warnings; i++)
        fprintf(fp, "  %s: %s\n",
                report_path(c->warnings[i].path, s.one_based, path, sizeof path),
                c->warnings[i].message);
    for (i = 0; i < n_rule; i++)
        fprintf(fp, "  %s: %s\n",
                report_path(r->warnings[i].path, s.one_based, path, sizeof path),
                r->warnings[i].message);
}

/* ------------------------------------------------------------------------
 * The brief layout
 * --------------------------------------------------------------------- */

void report_brief_heading(FILE *fp, const struct nms_set *set)
{
    const struct nms_item *lacking = nms_set_lacking(set);
    size_t i;

    fprintf(fp, "%s  %s\n", set->id, set->title);
    if (set->kind == NMS_KIND_GROUPS && set->section == NMS_SECTION_SEVERITY)
        fprintf(fp, "  tier: %s\n", nms_set_tier(set));
    else if (set->kind == NMS_KIND_POINTS)
        fprintf(fp, "  result: %s   score %g, threshold %g, possible %g\n",
                nms_verdict_name(set->result), set->score, set->threshold,
                set->possible);
    else if (set->kind == NMS_KIND_CHECKLIST)
        fprintf(fp, "  %g present\n", set->score);
    else
        fprintf(fp, "  result: %s%s%s\n", nms_verdict_name(set->result),
                set->level ? ", level " : "", set->level ? set->level : "");
    if (lacking)
        fprintf(fp, lacking->value == NMS_TRI_FALSE ? "  without %s%s: %s\n"
                                                    : "  %s unknown%s: %s\n",
                lacking->id,
                set->presupposition_required ? " (the verdict follows it)"
                                             : " (the verdict stands)",
                lacking->evidence);
    for (i = 0; set->kind == NMS_KIND_GROUPS && i < set->n_groups; i++)
        fprintf(fp, "  %s: %g present, %g unknown, of %g\n",
                set->groups[i].id, (double)set->groups[i].present,
                (double)set->groups[i].unknown, (double)set->groups[i].total);
}

/* Notes as "    - text  [source]" under a heading; nothing when none. */
static void brief_notes(FILE *fp, const struct nms_set *set,
                        const char *heading)
{
    size_t i;

    if (set->n_notes)
        fprintf(fp, "  %s:\n", heading);
    for (i = 0; i < set->n_notes; i++)
        fprintf(fp, "    - %s  [%s]\n", set->notes[i].text,
                set->notes[i].source);
}

void report_brief_lists(FILE *fp, const struct nms_set *set)
{
    size_t i;

    if (set->section == NMS_SECTION_SEVERITY && set->n_reasons)
        fprintf(fp, "  reasons:\n");
    for (i = 0; set->section == NMS_SECTION_SEVERITY && i < set->n_reasons; i++)
        fprintf(fp, "    - %s: %s\n", set->items[set->reasons[i]].title,
                set->items[set->reasons[i]].evidence);
    if (set->section == NMS_SECTION_SEVERITY)
        brief_notes(fp, set, "actions");
    if (set->section == NMS_SECTION_DIFFERENTIAL)
        brief_notes(fp, set, "distinguishing points");
    if (set->section == NMS_SECTION_DIFFERENTIAL && set->overlap &&
        *set->overlap)
        fprintf(fp, "  overlap: %s\n", set->overlap);
}

/* The public entry points render through term.c: ids, field names,
 * evidence and messages are untrusted and must not drive the terminal. */
void nms_report_summary(FILE *fp, const struct nms_case *c,
                        const struct nms_result *r,
                        const struct nms_ruleset_info *rs, int flags)
{
    struct nms_term t;

    summary(nms_term_begin(&t, fp, flags & NMS_REPORT_COLOR), c, r, rs, flags);
    nms_term_end(&t);
}

void nms_report_print(FILE *fp, const struct nms_case *c,
                      const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int flags)
{
    struct nms_term t;

    print_all(nms_term_begin(&t, fp, flags & NMS_REPORT_COLOR), c, r, rs,
              flags);
    nms_term_end(&t);
}
