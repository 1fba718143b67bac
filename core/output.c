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

static cJSON *item_object(const struct nms_item *item)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && add(o, "id", cJSON_CreateString(item->id)) &&
             add(o, "value", tri_value(item->value)) &&
             add(o, "points", cJSON_CreateNumber(item->points)) &&
             add(o, "evidence", cJSON_CreateString(item->evidence));

    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *criteria_object(const struct nms_criteria *crit)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *items = cJSON_CreateArray(), *missing = cJSON_CreateArray();
    int ok = o && items && missing;
    size_t i;

    for (i = 0; ok && i < crit->n_items; i++) {
        ok = cJSON_AddItemToArray(items, item_object(&crit->items[i]));
        if (ok && crit->items[i].missing)
            ok = cJSON_AddItemToArray(
                missing, cJSON_CreateString(crit->items[i].missing));
    }
    ok = ok && add(o, "title", cJSON_CreateString(crit->title)) &&
         add(o, "version", cJSON_CreateString(crit->version)) &&
         add(o, "citation", cJSON_CreateString(crit->citation)) &&
         add(o, "result", cJSON_CreateString(nms_verdict_name(crit->result))) &&
         add(o, "score", cJSON_CreateNumber(crit->score)) &&
         add(o, "possible", cJSON_CreateNumber(crit->possible)) &&
         add(o, "threshold", cJSON_CreateNumber(crit->threshold));
    if (ok) {
        ok = add(o, "items", items);   /* add() owns items from here */
        items = NULL;
    }
    if (ok) {
        ok = add(o, "missing", missing);
        missing = NULL;
    }
    cJSON_Delete(items);
    cJSON_Delete(missing);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *warnings_array(const struct nms_case *c)
{
    cJSON *a = cJSON_CreateArray();
    size_t i;

    for (i = 0; a && i < c->n_warnings; i++) {
        cJSON *w = cJSON_CreateObject();
        int ok = w && add(w, "path", cJSON_CreateString(c->warnings[i].path)) &&
                 add(w, "message", cJSON_CreateString(c->warnings[i].message));
        if (!ok || !cJSON_AddItemToArray(a, w)) {
            cJSON_Delete(w);
            cJSON_Delete(a);
            return NULL;
        }
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

static int add_criteria(cJSON *record, const struct nms_result *r)
{
    cJSON *all = cJSON_CreateObject();
    size_t i;

    if (!add(record, "criteria", all))
        return 0;
    for (i = 0; i < r->n_criteria; i++)
        if (!add(all, r->criteria[i].id, criteria_object(&r->criteria[i])))
            return 0;
    return 1;
}

static cJSON *record_object(const struct nms_case *c, const struct nms_result *r,
                            const struct nms_ruleset_info *rs)
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
        ok = add_criteria(o, r);
    if (ok && failed)
        ok = add(o, "error", error_object(c, r));
    ok = ok && add(o, "warnings", warnings_array(c));
    if (ok && c->label_json)
        ok = add(o, "label", cJSON_CreateRaw(c->label_json));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *nms_output_json(const struct nms_case *c, const struct nms_result *r,
                      const struct nms_ruleset_info *rs, int pretty)
{
    cJSON *record = record_object(c, r, rs);
    char *printed, *text = NULL;

    if (!record)
        return NULL;
    printed = pretty ? cJSON_Print(record) : cJSON_PrintUnformatted(record);
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

static void csv_header(struct nms_writer *w)
{
    size_t i;

    fputs("id,assessed_at,", w->fp);
    for (i = 0; i < w->rs->n_criteria; i++) {
        const char *id = w->rs->criteria_ids[i];
        fprintf(w->fp, "%s_result,%s_score,%s_possible,", id, id, id);
    }
    fputs("warnings,error\r\n", w->fp);
}

static void csv_row(struct nms_writer *w, const struct nms_case *c,
                    const struct nms_result *r)
{
    int failed = c->error || !r || r->error;
    char when[64];
    size_t i;

    csv_field(w->fp, c->id, 0);
    if (c->error || isnan(c->assessed_at))
        when[0] = '\0';
    else if (c->time_form == NMS_TIME_ISO)
        nms_time_format(c->assessed_at, c->time_form, when, sizeof when);
    else   /* hours stay a number, as in the JSON output, for spreadsheets */
        snprintf(when, sizeof when, "%.15g", c->assessed_at);
    csv_field(w->fp, when, 0);
    for (i = 0; i < w->rs->n_criteria; i++) {
        const struct nms_criteria *crit =
            !failed && i < r->n_criteria ? &r->criteria[i] : NULL;
        if (!crit) {
            fputs(",,,", w->fp);
            continue;
        }
        csv_field(w->fp, nms_verdict_name(crit->result), 0);
        csv_number(w->fp, crit->score);
        csv_number(w->fp, crit->possible);
    }
    fprintf(w->fp, "%zu,", c->n_warnings);
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

enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r)
{
    char *text;

    if (w->format == NMS_FORMAT_CSV) {
        csv_row(w, c, r);
    } else {
        text = nms_output_json(c, r, w->rs, 0);
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
