/*
 * output.c - result records as JSON (Lines or array) and CSV.
 *
 * Keys are emitted in one fixed order by this code, never in Lua table
 * order, so the same input and ruleset give byte-identical output. The
 * record shapes are documented in docs/output-format.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "engine_int.h"
#include "nms/output.h"

struct nms_writer {
    FILE *fp;
    enum nms_format format;
    const struct nms_ruleset_info *rs;
    size_t written;   /* records so far, for the JSON array's commas */
    unsigned options; /* NMS_OUTPUT_* for JSON records */
};

/* The error message of a case handed to the writer without a result. */
#define NOT_EVALUATED "case was not evaluated"

/* ------------------------------------------------------------------------
 * JSON records
 * --------------------------------------------------------------------- */

/* Adds `value` to `object` under `key`; a NULL value (out of memory) is
 * remembered by returning 0 so callers can check once at the end. */
static int add(cJSON *object, const char *key, cJSON *value)
{
    if (value && cJSON_AddItemToObject(object, key, value))
        return 1;
    cJSON_Delete(value);   /* not attached, so still ours */
    return 0;
}

static cJSON *time_value(double t, enum nms_time_form form)
{
    char buf[64];

    if (isnan(t))
        return cJSON_CreateNull();
    if (form == NMS_TIME_ISO)
        return cJSON_CreateString(nms_time_format(t, form, buf, sizeof buf));
    return cJSON_CreateNumber(t);
}

/* The value of a "name=value" override, typed as the engine reads it. */
static cJSON *param_value(const char *text)
{
    double number;

    switch (nms_param_classify(text, &number)) {
    case NMS_PARAM_NUMBER:
        return cJSON_CreateNumber(number);
    case NMS_PARAM_BOOLEAN:
        return cJSON_CreateBool(number != 0);
    case NMS_PARAM_STRING:
        break;
    }
    return cJSON_CreateString(text);
}

/* {"iec2011.threshold": 76, ...}: the overrides in force, in given order. */
static cJSON *params_object(const struct nms_ruleset_info *rs)
{
    cJSON *o = cJSON_CreateObject();
    char name[256];
    size_t i;

    for (i = 0; o && i < rs->n_params; i++) {
        const char *eq = strchr(rs->params[i], '=');
        size_t len = eq ? (size_t)(eq - rs->params[i]) : 0;
        if (!eq || len >= sizeof name)
            continue;   /* the engine accepted only NAME=VALUE */
        memcpy(name, rs->params[i], len);
        name[len] = '\0';
        if (!add(o, name, param_value(eq + 1))) {
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

static cJSON *ruleset_object(const struct nms_ruleset_info *rs)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && add(o, "name", cJSON_CreateString(rs->name)) &&
             add(o, "version", cJSON_CreateString(rs->version)) &&
             add(o, "digest", cJSON_CreateString(rs->digest));

    if (ok && rs->n_params > 0)
        ok = add(o, "params", params_object(rs));

    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *tri_value(enum nms_tri value)
{
    if (value == NMS_TRI_UNKNOWN)
        return cJSON_CreateNull();
    return cJSON_CreateBool(value == NMS_TRI_TRUE);
}

/* One item; `full` adds what the ruleset fixes (feature, source). */
static cJSON *item_object(const struct nms_set *set, const struct nms_item *item,
                          int full)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && add(o, "id", cJSON_CreateString(item->id));

    if (ok && item->group)
        ok = add(o, "group", cJSON_CreateString(item->group));
    ok = ok && add(o, "value", tri_value(item->value));
    if (ok && set->kind == NMS_KIND_POINTS)
        ok = add(o, "points", cJSON_CreateNumber(item->points));
    ok = ok && add(o, "evidence", cJSON_CreateString(item->evidence));
    if (ok && full && item->feature)
        ok = add(o, "feature", cJSON_CreateString(item->feature));
    if (ok && full && item->source)
        ok = add(o, "source", cJSON_CreateString(item->source));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Item ids whose value is `value`, e.g. the features for a differential. */
static cJSON *ids_with(const struct nms_set *set, enum nms_tri value)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_items; i++)
        if (set->items[i].value == value &&
            !cJSON_AddItemToArray(a, cJSON_CreateString(set->items[i].id))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

static cJSON *strings_array(char *const *strings, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < n; i++)
        if (!cJSON_AddItemToArray(a, cJSON_CreateString(strings[i]))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

static cJSON *notes_array(const struct nms_set *set)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_notes; i++) {
        cJSON *n = cJSON_CreateObject();
        int ok = n && add(n, "text", cJSON_CreateString(set->notes[i].text)) &&
                 add(n, "source", cJSON_CreateString(set->notes[i].source));
        if (!ok || !cJSON_AddItemToArray(a, n)) {
            cJSON_Delete(n);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

static cJSON *groups_array(const struct nms_set *set, int full)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_groups; i++) {
        const struct nms_group *g = &set->groups[i];
        cJSON *o = cJSON_CreateObject();
        int ok = o && add(o, "id", cJSON_CreateString(g->id)) &&
                 (!full || add(o, "title", cJSON_CreateString(g->title))) &&
                 add(o, "present", cJSON_CreateNumber((double)g->present)) &&
                 add(o, "unknown", cJSON_CreateNumber((double)g->unknown)) &&
                 add(o, "total", cJSON_CreateNumber((double)g->total));
        if (!ok || !cJSON_AddItemToArray(a, o)) {
            cJSON_Delete(o);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

/* Severity reasons: "title: evidence" of the items behind the tier. */
static cJSON *reasons_array(const struct nms_set *set)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_reasons; i++) {
        const struct nms_item *item = &set->items[set->reasons[i]];
        size_t len = strlen(item->title) + strlen(item->evidence) + 3;
        char *text = malloc(len);
        cJSON *s = NULL;
        if (text) {
            snprintf(text, len, "%s: %s", item->title, item->evidence);
            s = cJSON_CreateString(text);
            free(text);
        }
        if (!cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

static cJSON *items_array(const struct nms_set *set, int full)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_items; i++)
        if (!cJSON_AddItemToArray(a, item_object(set, &set->items[i], full))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

static cJSON *missing_array(const struct nms_set *set)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < set->n_items; i++)
        if (set->items[i].missing &&
            !cJSON_AddItemToArray(a,
                                  cJSON_CreateString(set->items[i].missing))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

/* The verdict of a set, in the words of its kind and section. */
static int add_verdict(cJSON *o, const struct nms_set *set)
{
    int ok = add(o, "result", cJSON_CreateString(nms_verdict_name(set->result)));

    switch (set->kind) {
    case NMS_KIND_POINTS:
        return ok && add(o, "score", cJSON_CreateNumber(set->score)) &&
               add(o, "possible", cJSON_CreateNumber(set->possible)) &&
               add(o, "threshold", cJSON_CreateNumber(set->threshold));
    case NMS_KIND_GROUPS:
        if (ok && set->section == NMS_SECTION_SEVERITY)
            ok = add(o, "tier", cJSON_CreateString(nms_set_tier(set)));
        else if (ok && set->level)
            ok = add(o, "level", cJSON_CreateString(set->level));
        return ok && add(o, "could_be",
                            strings_array(set->could_be, set->n_could_be));
    case NMS_KIND_CHECKLIST:
        return ok && add(o, "count", cJSON_CreateNumber(set->score)) &&
               add(o, "present", ids_with(set, NMS_TRI_TRUE)) &&
               add(o, "unknown", ids_with(set, NMS_TRI_UNKNOWN));
    }
    return ok;
}

/* The decision rule of a groups set: [{"level", "need": {group: k}}]. */
static cJSON *rule_array(const struct nms_set *set,
                         const struct nms_set_info *info)
{
    cJSON *a = cJSON_CreateArray();
    size_t i, k;

    for (i = 0; a && i < info->n_rule; i++) {
        const struct nms_alternative *alt = &info->rule[i];
        cJSON *o = cJSON_CreateObject(), *need = cJSON_CreateObject();
        int ok = o && need &&
                 (!alt->level ||
                  add(o, "level", cJSON_CreateString(alt->level)));
        for (k = 0; ok && k < alt->n_needs; k++)
            ok = alt->needs[k].group < set->n_groups &&
                 add(need, set->groups[alt->needs[k].group].id,
                     cJSON_CreateNumber((double)alt->needs[k].count));
        if (ok) {
            ok = add(o, "need", need);
            need = NULL;
        }
        cJSON_Delete(need);
        if (!ok || !cJSON_AddItemToArray(a, o)) {
            cJSON_Delete(o);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

/* One set. `info` (may be NULL) is its entry in the ruleset, for the rule;
 * without `full` (NMS_OUTPUT_COMPACT) what the ruleset fixes is left out:
 * title, version, citation, rule, distinguishing points, group titles,
 * item features and sources. */
static cJSON *set_object(const struct nms_set *set,
                         const struct nms_set_info *info, int full)
{
    cJSON *o = cJSON_CreateObject();
    int differential = set->section == NMS_SECTION_DIFFERENTIAL;
    int ok = o && (!full ||
                   (add(o, "title", cJSON_CreateString(set->title)) &&
                    add(o, "version", cJSON_CreateString(set->version)) &&
                    add(o, "citation", cJSON_CreateString(set->citation)))) &&
             add(o, "kind", cJSON_CreateString(nms_kind_name(set->kind)));

    if (ok && differential)
        ok = add(o, "screen", cJSON_CreateBool(set->screen));
    ok = ok && add_verdict(o, set);
    if (ok && set->section == NMS_SECTION_SEVERITY)
        ok = add(o, "reasons", reasons_array(set)) &&
             add(o, "actions", notes_array(set));
    if (ok && set->kind == NMS_KIND_GROUPS)
        ok = add(o, "groups", groups_array(set, full));
    if (ok && set->kind == NMS_KIND_GROUPS && info && full)
        ok = add(o, "rule", rule_array(set, info));
    ok = ok && add(o, "items", items_array(set, full));
    if (ok && differential)
        ok = add(o, "for", ids_with(set, NMS_TRI_TRUE)) &&
             add(o, "against", ids_with(set, NMS_TRI_FALSE)) &&
             (!full || add(o, "distinguishing", notes_array(set))) &&
             (!set->overlap ||
              add(o, "overlap", cJSON_CreateString(set->overlap)));
    ok = ok && add(o, "missing", missing_array(set));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Criteria set ids with verdict `v`. */
static cJSON *criteria_with(const struct nms_result *r, enum nms_verdict v)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < r->n_sets; i++)
        if (r->sets[i].section == NMS_SECTION_CRITERIA &&
            r->sets[i].result == v &&
            !cJSON_AddItemToArray(a, cJSON_CreateString(r->sets[i].id))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

static cJSON *disagreement_object(const struct nms_disagreement *d)
{
    cJSON *o = cJSON_CreateObject(), *values = cJSON_CreateObject();
    int ok = o && values && add(o, "feature", cJSON_CreateString(d->feature));
    size_t i;

    for (i = 0; ok && i < d->n; i++)
        ok = add(values, d->items[i], tri_value(d->values[i]));
    if (ok) {
        ok = add(o, "values", values);
        values = NULL;
    }
    cJSON_Delete(values);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *concordance_object(const struct nms_result *r)
{
    cJSON *o = cJSON_CreateObject(), *list = cJSON_CreateArray();
    int ok = o && list &&
             add(o, "met", criteria_with(r, NMS_VERDICT_MET)) &&
             add(o, "not_met", criteria_with(r, NMS_VERDICT_NOT_MET)) &&
             add(o, "indeterminate",
                    criteria_with(r, NMS_VERDICT_INDETERMINATE));
    size_t i;

    for (i = 0; ok && i < r->n_disagreements; i++)
        ok = cJSON_AddItemToArray(list,
                                  disagreement_object(&r->disagreements[i]));
    if (ok) {
        ok = add(o, "disagreements", list);
        list = NULL;
    }
    cJSON_Delete(list);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Appends {path, message[, kind]} to array `a`; 0 when out of memory. */
static int add_warning(cJSON *a, const char *path, const char *message,
                       const char *kind)
{
    cJSON *w = cJSON_CreateObject();
    int ok = w && add(w, "path", cJSON_CreateString(path)) &&
             add(w, "message", cJSON_CreateString(message)) &&
             (!kind || add(w, "kind", cJSON_CreateString(kind)));

    if (!ok || !cJSON_AddItemToArray(a, w)) {
        cJSON_Delete(w);
        return 0;
    }
    return 1;
}

/* The case's warnings (the reader's), then the ruleset's (with a kind). */
static cJSON *warnings_array(const struct nms_case *c,
                             const struct nms_result *r)
{
    cJSON *a = cJSON_CreateArray();
    size_t i, n_rule = r && !r->error ? r->n_warnings : 0;
    int ok = a != NULL;

    for (i = 0; ok && i < c->n_warnings; i++)
        ok = add_warning(a, c->warnings[i].path, c->warnings[i].message, NULL);
    for (i = 0; ok && i < n_rule; i++)
        ok = add_warning(a, r->warnings[i].path, r->warnings[i].message,
                         r->warnings[i].kind);
    if (!ok) {
        cJSON_Delete(a);
        return NULL;
    }
    return a;
}

/* The "error" object: where in the input, and for a rule failure, which
 * rule and where in the ruleset. */
static cJSON *error_object(const struct nms_case *c, const struct nms_result *r)
{
    cJSON *o = cJSON_CreateObject();
    const struct nms_rule_error *rule = r ? r->error : NULL;
    int ok = o && add(o, "source", cJSON_CreateString(c->source));

    ok = ok && (c->line > 0
                    ? add(o, "line", cJSON_CreateNumber((double)c->line))
                    : add(o, "index", cJSON_CreateNumber((double)c->index)));
    if (rule) {
        /* Fill `where` before attaching it, so a failure frees it once. */
        cJSON *where = cJSON_CreateObject();
        int filled = where &&
                     add(where, "id", cJSON_CreateString(rule->rule)) &&
                     add(where, "file", rule->file
                                            ? cJSON_CreateString(rule->file)
                                            : cJSON_CreateNull()) &&
                     add(where, "line", cJSON_CreateNumber((double)rule->line));
        if (!filled) {
            cJSON_Delete(where);
            where = NULL;
        }
        ok = ok && add(o, "path", cJSON_CreateString("")) &&
             add(o, "message", cJSON_CreateString(rule->message)) &&
             add(o, "rule", where);
    } else if (c->error) {
        ok = ok && add(o, "path", cJSON_CreateString(c->error->path)) &&
             add(o, "message", cJSON_CreateString(c->error->message));
    } else {
        /* A valid case passed without a result (record_object counts that
         * as failed): say so rather than dereference the absent c->error.
         * Found by tests/fuzz/fuzz_case.c. */
        ok = ok && add(o, "path", cJSON_CreateString("")) &&
             add(o, "message", cJSON_CreateString(NOT_EVALUATED));
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* The sets of one section as {"id": {...}, ...} under `key`. */
/* The ruleset's entry for set i of r, when it describes this result. */
static const struct nms_set_info *info_of(const struct nms_ruleset_info *rs,
                                          const struct nms_result *r, size_t i)
{
    if (!rs || rs->n_sets != r->n_sets || strcmp(rs->sets[i].id, r->sets[i].id))
        return NULL;
    return &rs->sets[i];
}

/* The sets of one section under `key`: as {"id": {...}, ...}, or for a
 * section of one set (severity, risk factors) as that set itself. */
static int add_section(cJSON *record, const struct nms_result *r,
                       const struct nms_ruleset_info *rs, int full,
                       enum nms_section section, const char *key, int single)
{
    cJSON *all = NULL;
    size_t i;

    for (i = 0; i < r->n_sets; i++) {
        cJSON *set;
        if (r->sets[i].section != section)
            continue;
        set = set_object(&r->sets[i], info_of(rs, r, i), full);
        if (single)
            return add(record, key, set);
        if (!all && !add(record, key, all = cJSON_CreateObject())) {
            cJSON_Delete(set);
            return 0;
        }
        if (!add(all, r->sets[i].id, set))
            return 0;
    }
    return 1;
}

/* Every section, in the order docs/output-format.md gives. */
static int add_sets(cJSON *record, const struct nms_result *r,
                    const struct nms_ruleset_info *rs, int full)
{
    return add_section(record, r, rs, full, NMS_SECTION_CRITERIA, "criteria", 0) &&
           add(record, "concordance", concordance_object(r)) &&
           add_section(record, r, rs, full, NMS_SECTION_SEVERITY, "severity", 1) &&
           add_section(record, r, rs, full, NMS_SECTION_RISK_FACTORS,
                       "risk_factors", 1) &&
           add_section(record, r, rs, full, NMS_SECTION_DIFFERENTIAL,
                       "differential", 0);
}

static cJSON *record_object(const struct nms_case *c, const struct nms_result *r,
                            const struct nms_ruleset_info *rs, int full)
{
    int failed = c->error || !r || r->error;
    cJSON *o = cJSON_CreateObject();
    int ok = o && add(o, "id", c->id ? cJSON_CreateString(c->id)
                                     : cJSON_CreateNull());

    if (ok && !c->error)
        ok = add(o, "assessed_at", time_value(c->assessed_at, c->time_form));
    if (ok && rs && !c->error)
        ok = add(o, "ruleset", ruleset_object(rs));
    if (ok && !failed)
        ok = add_sets(o, r, rs, full);
    if (ok && failed)
        ok = add(o, "error", error_object(c, r));
    ok = ok && add(o, "warnings", warnings_array(c, r));
    if (ok && c->label_json)
        ok = add(o, "label", cJSON_CreateRaw(c->label_json));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *nms_output_json(const struct nms_case *c, const struct nms_result *r,
                      const struct nms_ruleset_info *rs, unsigned options)
{
    cJSON *record =
        record_object(c, r, rs, !(options & NMS_OUTPUT_COMPACT));
    char *printed, *text = NULL;

    if (!record)
        return NULL;
    printed = options & NMS_OUTPUT_PRETTY ? cJSON_Print(record)
                                          : cJSON_PrintUnformatted(record);
    cJSON_Delete(record);
    if (printed) {
        /* Callers free with free(); cJSON may use another allocator. */
        size_t len = strlen(printed);
        text = malloc(len + 1);
        if (text)
            memcpy(text, printed, len + 1);
        cJSON_free(printed);
    }
    return text;
}

/* ------------------------------------------------------------------------
 * CSV
 * --------------------------------------------------------------------- */

/* Writes one RFC 4180 field: quoted when it holds a comma, quote or line
 * break, with quotes doubled. */
static void csv_field(FILE *fp, const char *s, int last)
{
    if (s && s[strcspn(s, ",\"\r\n")]) {
        fputc('"', fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', fp);
            fputc(*s, fp);
        }
        fputc('"', fp);
    } else if (s) {
        fputs(s, fp);
    }
    fputs(last ? "\r\n" : ",", fp);
}

static void csv_number(FILE *fp, double value)
{
    fprintf(fp, "%.15g,", value);
}

/* Columns per set, by kind: points  <id>_result,<id>_score,<id>_possible;
 * groups  <id>_result,<id>_level (severity: <id>_tier); checklist
 * <id>_count. Then the number of criteria sets met. */
static void csv_header(struct nms_writer *w)
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
    }
    fputs("criteria_met,warnings,error\r\n", w->fp);
}

static const char *const csv_blanks[] = {",,,", ",,", ","};

static void csv_set(FILE *fp, const struct nms_set *set)
{
    switch (set->kind) {
    case NMS_KIND_POINTS:
        csv_field(fp, nms_verdict_name(set->result), 0);
        csv_number(fp, set->score);
        csv_number(fp, set->possible);
        break;
    case NMS_KIND_GROUPS:
        csv_field(fp, nms_verdict_name(set->result), 0);
        csv_field(fp, set->section == NMS_SECTION_SEVERITY ? nms_set_tier(set)
                                                          : set->level, 0);
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

    csv_field(w->fp, c->id, 0);
    if (c->error || isnan(c->assessed_at))
        when[0] = '\0';
    else if (c->time_form == NMS_TIME_ISO)
        nms_time_format(c->assessed_at, c->time_form, when, sizeof when);
    else   /* hours stay a number, as in the JSON output, for spreadsheets */
        snprintf(when, sizeof when, "%.15g", c->assessed_at);
    csv_field(w->fp, when, 0);
    for (i = 0; i < w->rs->n_sets; i++) {
        const struct nms_set *set =
            !failed && i < r->n_sets ? &r->sets[i] : NULL;
        if (!set) {
            fputs(csv_blanks[w->rs->sets[i].kind], w->fp);
            continue;
        }
        csv_set(w->fp, set);
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
    csv_field(w->fp, c->error ? c->error->message
                     : r && r->error ? r->error->message
                     : failed ? NOT_EVALUATED : "", 1);
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
    if (format == NMS_FORMAT_CSV)
        csv_header(w);
    else if (format == NMS_FORMAT_JSON)
        fputs("[", fp);
    *out = w;
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

void nms_writer_set_options(struct nms_writer *w, unsigned options)
{
    w->options = options;
}

enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    char *text;

    if (w->format == NMS_FORMAT_CSV) {
        csv_row(w, c, r);
    } else {
        text = nms_output_json(c, r, w->rs, w->options & ~(unsigned)NMS_OUTPUT_PRETTY);
        if (!text)
            return NMS_ENOMEM;
        if (w->format == NMS_FORMAT_JSON)
            fputs(w->written ? ",\n" : "\n", w->fp);
        fputs(text, w->fp);
        if (w->format == NMS_FORMAT_JSONL)
            fputc('\n', w->fp);
        free(text);
    }
    w->written++;
    return ferror(w->fp) ? NMS_EIO : NMS_OK;
}

enum nms_status nms_writer_finish(struct nms_writer *w)
{
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
