/*
 * case_json.c - JSON text to struct nms_case.
 *
 * The parser knows no field by name: it walks the field table of case.c
 * (nms_case_schema) alongside the cJSON tree, so every field gets the same
 * type checks, unit conversion, range check and typo suggestion. Problems
 * that make the case unusable (wrong types, unknown units or enumeration
 * values, mixed time forms, duplicate keys) fail the case with a path and a
 * message; problems that only cost one value (unknown field names,
 * implausible values) become warnings.
 */
#include <assert.h>
#include <float.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"
#include "case/case_int.h"
#include "input/case_json.h"
#include "nms/reader.h"
#include "input/json_check.h"
#include "nms/case.h"
#include "input/reader_int.h"

#if defined(__GNUC__)
#define PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PRINTF_LIKE(fmt, args)
#endif

/* Room for a message quoting a path, a value and an enumeration. */
#define MESSAGE_MAX 640u

/* The {"value", "unit"} form of a number, parsed with the same walker. */
struct quantity_value {
    double value;
    char *unit;
};

static const struct nms_field quantity_fields[] = {
    {"value", NMS_FIELD_NUMBER, offsetof(struct quantity_value, value), 0, NULL,
     NULL, NULL},
    {"unit", NMS_FIELD_STRING, offsetof(struct quantity_value, unit), 0, NULL,
     NULL, NULL}};
static const struct nms_schema quantity_record = {
    "quantity", sizeof(struct quantity_value), quantity_fields, 2};

/* State of one parse. */
struct parse {
    struct nms_case *c;
    enum nms_status status;  /* NMS_OK; NMS_EPARSE once the case failed */
    /* The innermost step of the path to the value being read (NULL at
     * the top), written out by path_of() only when a message quotes it. */
    const struct nms_path_step *at;
    char path[NMS_MAX_PATH];
    char first_time[NMS_MAX_PATH + 32]; /* "a number at vitals[0].t" */
    const char *text; /* the record, for the label's own text */
    size_t text_len;  /* its length: the record is not NUL-terminated */
    struct nms_json_check chk;
    const cJSON *label_item; /* the case's "label" member, whose text chk
                                located */
};

static void parse_object(struct parse *p, const struct nms_schema *rec,
                         const cJSON *obj, void *base);
static const char *path_of(struct parse *p);

/* ---- messages and paths ----------------------------------------------- */

/* Quoted names are cut to this many bytes (at a character boundary): a
 * message must stay readable whatever length of typo it quotes. */
#define NAME_MAX_BYTES 64u

/* For "%.*s": how much of the name s to quote in a message. */
static int name_bytes(const char *s)
{
    return (int)nms_utf8_whole(s, strnlen(s, NAME_MAX_BYTES));
}

/* vsnprintf into msg; a message longer than msg is cut between characters. */
PRINTF_LIKE(3, 0)
static void format_message(char *msg, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(msg, size, fmt, ap);

    if (n > 0 && (size_t)n >= size)
        msg[nms_utf8_whole(msg, size - 1)] = '\0';
}

PRINTF_LIKE(2, 3)
static void fail(struct parse *p, const char *fmt, ...)
{
    char msg[MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    p->status =
        nms_case_fail(p->c, path_of(p), msg) == NMS_OK ? NMS_EPARSE : NMS_ENOMEM;
}

PRINTF_LIKE(2, 3)
static void warn(struct parse *p, const char *fmt, ...)
{
    char msg[MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (nms_case_warn(p->c, path_of(p), msg) != NMS_OK)
        p->status = NMS_ENOMEM;
}

static const char *type_name(const cJSON *item)
{
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsBool(item))
        return "boolean";
    if (cJSON_IsNumber(item))
        return "number";
    if (cJSON_IsString(item))
        return "string";
    if (cJSON_IsArray(item))
        return "array";
    return "object";
}

static void fail_type(struct parse *p, const char *expected, const cJSON *item)
{
    fail(p, "expected %s, got %s", expected, type_name(item));
}

/* The path of the value being read, written out into p->path. */
static const char *path_of(struct parse *p)
{
    nms_path_steps(p->path, sizeof p->path, p->at);
    return p->path;
}

/* Enters the member `name` (or, when NULL, the entry `index`) through the
 * caller's `s`, which stays in place until leave(). */
static void enter(struct parse *p, struct nms_path_step *s, const char *name,
                  size_t index)
{
    s->up = p->at;
    s->name = name;
    s->index = index;
    p->at = s;
}

static void leave(struct parse *p, const struct nms_path_step *s)
{
    p->at = s->up;
}

/* Writes the NULL-terminated `values` as "a, b, c". */
static void join(const char *const *values, char *buf, size_t size)
{
    size_t used = 0;
    int n;

    buf[0] = '\0';
    for (; *values != NULL && used < size; values++) {
        n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                     *values);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* " (did you mean 'x'?)" when `name` is close to one of `values`. */
static void suggestion(const char *const *values, const char *name, char *buf,
                       size_t size)
{
    const char *best = nms_suggest_value(values, name);

    buf[0] = '\0';
    if (best != NULL)
        snprintf(buf, size, " (did you mean '%s'?)", best);
}

/* ---- numbers ---------------------------------------------------------- */

/* Reads a JSON number; 0 after failing the case when it is not finite. */
static int finite_number(struct parse *p, const cJSON *item, double *out)
{
    if (!isfinite(item->valuedouble)) {
        /* cJSON turns 1e999 into infinity; nothing real is that large. */
        fail(p, "number out of range: too large to represent");
        return 0;
    }
    *out = item->valuedouble;
    return 1;
}

/* Fails the case for a unit that `q` does not know, listing those it does. */
static void fail_unit(struct parse *p, const struct nms_quantity *q,
                      const char *unit)
{
    const char *codes[16];
    char accepted[256], hint[96];
    size_t n = 0;
    const struct nms_unit *u;

    codes[n++] = q->canonical;
    for (u = q->units; u->ucum != NULL && n < 15; u++)
        codes[n++] = u->ucum;
    codes[n] = NULL;
    nms_quantity_units(q, accepted, sizeof accepted);
    suggestion(codes, unit, hint, sizeof hint);
    fail(p, "unknown unit '%.*s'; accepted units: %s%s", name_bytes(unit), unit,
         accepted, hint);
}

/*
 * Reads {"value": v, "unit": u} into *qv (the caller releases qv->unit).
 * Returns 1 with a value, 0 when the value is null (absent) or on failure.
 */
static int read_quantity(struct parse *p, const cJSON *item,
                         struct quantity_value *qv)
{
    parse_object(p, &quantity_record, item, qv);
    if (p->status != NMS_OK)
        return 0;
    if (cJSON_GetObjectItemCaseSensitive(item, "value") == NULL ||
        qv->unit == NULL) {
        fail(p, "a quantity needs \"value\" (a number) and \"unit\" (a UCUM "
                "code)");
        return 0;
    }
    return !isnan(qv->value);
}

static void parse_number(struct parse *p, const struct nms_field *f,
                         const cJSON *item, double *out)
{
    const struct nms_quantity *q = f->quantity;
    struct quantity_value qv = {NAN, NULL};
    const char *unit = q != NULL ? q->canonical : "";
    double value, canonical;
    char msg[MESSAGE_MAX];

    if (cJSON_IsNumber(item)) {
        if (!finite_number(p, item, &value))
            goto out;
    } else if (q != NULL && cJSON_IsObject(item)) {
        if (!read_quantity(p, item, &qv))
            goto out;
        value = qv.value;
        unit = qv.unit;
    } else {
        fail_type(p,
                  q != NULL ? "a number or a {\"value\", \"unit\"} quantity"
                            : "a number",
                  item);
        goto out;
    }
    if (q == NULL) {
        *out = value;
    } else if (nms_quantity_convert(q, unit, value, &canonical) != 0) {
        fail_unit(p, q, unit);
    } else if (!nms_quantity_plausible(q, canonical)) {
        nms_quantity_explain(q, f->name, value, unit, msg, sizeof msg);
        warn(p, "%s", msg); /* the value stays absent */
    } else {
        *out = canonical;
    }
out:
    if (qv.unit != NULL) /* a bare number (most) read nothing to free */
        nms_schema_release(&quantity_record, &qv);
}

/* ---- times ------------------------------------------------------------ */

/* The first time fixes the case's form; 0 after failing a mixed case. */
static int same_form(struct parse *p, enum nms_time_form form)
{
    const char *what = form == NMS_TIME_ISO ? "an ISO 8601 string" : "a number";

    if (p->c->time_form == NMS_TIME_UNSET) {
        p->c->time_form = form;
        snprintf(p->first_time, sizeof p->first_time, "%s at %s", what,
                 path_of(p));
        return 1;
    }
    if (p->c->time_form == form)
        return 1;
    fail(p,
         "times mix ISO 8601 strings and numeric hours (first %s); use "
         "one form",
         p->first_time);
    return 0;
}

/* nms_time_placeholder (include/nms/case.h): the date as written,
 * "YYYY-MM-DD" first. Read as times these dates would put an entry a
 * century or more before the others, or (year 9999, no assessed_at) make
 * one the assessment time: an invented fact; missing is not false, so the
 * case is not evaluated (and --as-of refuses them alike). The documented
 * minima and defaults lie on or before 1900-01-01 (.NET DateTime.MinValue
 * 0001-01-01, SQL Server datetime's 1753-01-01, smalldatetime's
 * 1900-01-01, MySQL's year 0000); they differ by system, so the rule is
 * every date up to the latest of them, not a list: a time before 1900 in a
 * case record is such a default or a mistyped year (1026 for 2026). The
 * maxima are 9999-12-31. The date as written, not the instant: a
 * placeholder keeps its date whatever offset it is given. Sources:
 * docs/case-format.md, "Placeholder dates". */
const char *nms_time_placeholder(const char *iso)
{
    if (strncmp(iso, "1900-01-01", 10) <= 0) /* fixed-width digits */
        return "dated on or before 1900-01-01";
    if (strncmp(iso, "9999", 4) == 0)
        return "in the year 9999";
    return NULL;
}

static void parse_time(struct parse *p, const cJSON *item, double *out)
{
    enum nms_time_form form;
    double t;

    if (cJSON_IsString(item)) {
        const char *why;

        if (nms_time_parse_iso(item->valuestring, &t) != 0) {
            fail(p,
                 "cannot read '%.*s' as a time; expected an ISO 8601 "
                 "date-time with an offset, such as 2026-03-03T02:10Z or "
                 "2026-03-03T04:10:30+02:00",
                 name_bytes(item->valuestring), item->valuestring);
            return;
        }
        why = nms_time_placeholder(item->valuestring);
        if (why != NULL) {
            fail(p,
                 "'%.*s' is %s, where databases and programs put a date "
                 "that is not known, never a clinical time; give the real "
                 "time, or leave the field out if it is not known",
                 name_bytes(item->valuestring), item->valuestring, why);
            return;
        }
        form = NMS_TIME_ISO;
    } else if (cJSON_IsNumber(item)) {
        if (!finite_number(p, item, &t))
            return;
        form = NMS_TIME_HOURS;
    } else {
        fail_type(p, "an ISO 8601 date-time string or a number of hours", item);
        return;
    }
    if (same_form(p, form))
        *out = t;
}

/* ---- other kinds ------------------------------------------------------ */

/* " (PO is written 'oral')" into hint when `s` is a chart's abbreviation
 * of a value of `values` (nms_value_alias); 0 when it is not. It is not
 * read as that value (values are written exactly, as field names are: no
 * guessing at what a record meant), but the error names the value, so an
 * export is mapped once. */
static int alias_hint(const char *const *values, const char *s, char *hint,
                      size_t size)
{
    const char *value = nms_value_alias(values, s);

    if (value != NULL)
        snprintf(hint, size, " (%s is written '%s')", s, value);
    return value != NULL;
}

static void parse_enum(struct parse *p, const char *const *values,
                       const cJSON *item, const char **out)
{
    char list[256], hint[96];
    size_t i;

    if (cJSON_IsString(item)) {
        for (i = 0; values[i] != NULL; i++) {
            if (strcmp(values[i], item->valuestring) == 0) {
                *out = values[i]; /* static: never freed */
                return;
            }
        }
    }
    /* The list of values only for the message: written for every value
     * read, its snprintf calls were ~3 % of reading a case. */
    join(values, list, sizeof list);
    if (!cJSON_IsString(item)) {
        fail(p, "expected one of %s, got %s", list, type_name(item));
        return;
    }
    if (!alias_hint(values, item->valuestring, hint, sizeof hint))
        suggestion(values, item->valuestring, hint, sizeof hint);
    fail(p, "unknown value '%.*s' for %s; expected one of %s%s",
         name_bytes(item->valuestring), item->valuestring, path_of(p), list,
         hint);
}

static void parse_string(struct parse *p, const cJSON *item, char **out)
{
    if (!cJSON_IsString(item)) {
        fail_type(p, "a string", item);
        return;
    }
    if (strlen(item->valuestring) > NMS_MAX_STRING) {
        fail(p, "string longer than %u bytes", NMS_MAX_STRING);
        return;
    }
    *out = strdup(item->valuestring);
    if (*out == NULL)
        p->status = NMS_ENOMEM;
}

/*
 * Keeps any JSON value as compact text, for the result to pass through.
 * The case's label is copied as written, less whitespace: cJSON would
 * print 12345678901234567890 as 1.2345678901234567e+19 and
 * 1.7976931348623157e308 as a number that reads back as infinity. A label
 * holding 1e999 therefore passes too, as written: the label is never read
 * as numbers (rules do not see it), so the "too large to represent" error
 * for the fields we read does not apply to it.
 */
static void parse_raw(struct parse *p, const cJSON *item, char **out)
{
    size_t span = p->chk.label_end - p->chk.label_start;
    char *printed;

    if (item == p->label_item && p->chk.label_end != 0) {
        *out = malloc(span + 1);
        if (*out == NULL)
            p->status = NMS_ENOMEM;
        else
            nms_json_minify(p->text + p->chk.label_start, span, *out);
        return;
    }
    printed = cJSON_PrintUnformatted(item);

    /* Copy: the case frees with free(), cJSON's buffer needs cJSON_free. */
    *out = printed != NULL ? strdup(printed) : NULL;
    cJSON_free(printed);
    if (*out == NULL)
        p->status = NMS_ENOMEM;
}

static void parse_array(struct parse *p, const struct nms_field *f,
                        const cJSON *item, char *base)
{
    const struct nms_schema *rec = f->record;
    const cJSON *child;
    char *elems;
    struct nms_path_step step;
    size_t n = 0, i;

    if (!cJSON_IsArray(item)) {
        fail_type(p, "an array", item);
        return;
    }
    for (child = item->child; child != NULL && n <= NMS_MAX_ENTRIES;
         child = child->next)
        n++;
    if (n > NMS_MAX_ENTRIES) {
        fail(p, "more than %u entries", NMS_MAX_ENTRIES);
        return;
    }
    /* An empty array still gets storage: "no medications listed" is known,
     * unlike an absent array, and rules see the difference. */
    elems = calloc(n ? n : 1, rec->size);
    if (elems == NULL) {
        p->status = NMS_ENOMEM;
        return;
    }
    /* One entry cleared field by field, the others copies of it: a
     * cleared entry holds no pointer of its own (NULLs, NaNs, unknowns). */
    nms_schema_clear(rec, elems);
    for (i = 1; i < n; i++)
        memcpy(elems + i * rec->size, elems, rec->size);
    /* Owned by the case from here on, so any failure below frees it. */
    memcpy(base + f->offset, &elems, sizeof elems);
    memcpy(base + f->count_offset, &n, sizeof n);
    for (i = 0, child = item->child; child && p->status == NMS_OK;
         i++, child = child->next) {
        enter(p, &step, NULL, i);
        if (cJSON_IsObject(child))
            parse_object(p, rec, child, elems + i * rec->size);
        else if (!cJSON_IsNull(child)) /* null: an entry with nothing known */
            fail_type(p, "an object", child);
        leave(p, &step);
    }
}

/* ---- objects ---------------------------------------------------------- */

static void parse_field(struct parse *p, const struct nms_field *f,
                        const cJSON *item, char *base)
{
    void *at = base + f->offset;

    switch (f->kind) {
    case NMS_FIELD_NUMBER:
        parse_number(p, f, item, at);
        break;
    case NMS_FIELD_TIME:
        parse_time(p, item, at);
        break;
    case NMS_FIELD_BOOL:
        if (cJSON_IsBool(item))
            *(signed char *)at =
                cJSON_IsTrue(item) ? NMS_TRI_TRUE : NMS_TRI_FALSE;
        else
            fail_type(p, "true or false", item);
        break;
    case NMS_FIELD_ENUM:
        parse_enum(p, f->values, item, at);
        break;
    case NMS_FIELD_STRING:
        parse_string(p, item, at);
        break;
    case NMS_FIELD_RAW:
        parse_raw(p, item, at);
        break;
    case NMS_FIELD_ARRAY:
        parse_array(p, f, item, base);
        break;
    case NMS_FIELD_OBJECT:
        if (cJSON_IsObject(item))
            parse_object(p, f->record, item, at);
        else
            fail_type(p, "an object", item);
        break;
    }
}

/* Warns about a member name that no field of `rec` has. */
static void warn_unknown(struct parse *p, const struct nms_schema *rec,
                         const char *name)
{
    const char *close = nms_schema_suggest(rec, name);

    if (close != NULL)
        warn(p, "unknown field '%.*s' — did you mean '%s'?", name_bytes(name),
             name, close);
    else
        warn(p, "unknown field '%.*s'", name_bytes(name), name);
}

/* The field of `rec` called `name`, trying first the field at `next`:
 * records mostly list their members in the field table's order, so that
 * one comparison usually finds it (the names of a record differ). */
static const struct nms_field *next_field(const struct nms_schema *rec,
                                          size_t next, const char *name)
{
    const struct nms_field *f = &rec->fields[next];

    if (next < rec->n_fields && f->name[0] == name[0] &&
        strcmp(f->name, name) == 0)
        return f;
    return nms_schema_field(rec, name);
}

/*
 * Reads every member of `obj` into the struct at `base` described by rec.
 * A known key given twice is an error (which value was meant?); a repeated
 * unknown key is only warned about again. Flags per field keep this linear.
 */
static void parse_object(struct parse *p, const struct nms_schema *rec,
                         const cJSON *obj, void *base)
{
    unsigned char seen[NMS_RECORD_FIELDS_MAX] = {0};
    const struct nms_field *f;
    const cJSON *item;
    struct nms_path_step step;
    size_t n = 0, next = 0;

    assert(rec->n_fields <= NMS_RECORD_FIELDS_MAX);
    for (item = obj->child; item != NULL && p->status == NMS_OK;
         item = item->next) {
        if (++n > NMS_MAX_FIELDS) {
            fail(p, "more than %u fields in one object", NMS_MAX_FIELDS);
            break;
        }
        enter(p, &step, item->string, 0);
        f = next_field(rec, next, item->string);
        if (f == NULL)
            warn_unknown(p, rec, item->string);
        else if ((next = (size_t)(f - rec->fields) + 1, seen[next - 1]++))
            fail(p, "duplicate key '%s'", f->name);
        else if (!cJSON_IsNull(item)) /* null means absent */
            parse_field(p, f, item, base);
        leave(p, &step);
    }
}

/* ---- entry point ------------------------------------------------------ */

/* The line of the source the record starts on, so that a syntax error
 * names the line of the file, not of the record. */
static long first_line(const struct parse *p)
{
    return p->c->line > 0 ? p->c->line : 1;
}

/* Fails the case with the syntax error that nms_json_check found. */
static void fail_syntax(struct parse *p)
{
    char msg[MESSAGE_MAX];

    nms_json_fault_message(p->text, p->text_len, &p->chk, first_line(p), msg,
                           sizeof msg);
    fail(p, "%s", msg);
}

/*
 * Parses text as exactly one JSON value into `tree`; NULL after failing the
 * case (or, out of memory, with p->status NMS_ENOMEM). The strict check
 * finds and places every syntax error in the same pass that builds the
 * tree, so no leniency of cJSON's parser can show.
 */
static const cJSON *parse_json(struct parse *p, const char *text, size_t len,
                               struct nms_json_tree *tree)
{
    p->text = text;
    p->text_len = len;
    if (nms_json_parse(text, len, &p->chk, tree) == 0)
        return tree->root;
    if (p->chk.fault == NMS_JSON_NOMEM)
        p->status = NMS_ENOMEM;
    else
        fail_syntax(p);
    return NULL;
}

/* A case that failed part-way still carries its own id and label, so an
 * analyst can match its error record to the chart review: read them even
 * when the error came first (a later error cannot replace the first). */
static void salvage_identity(struct parse *p, const cJSON *root)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(root, "label");

    if (p->c->id == NULL && cJSON_IsString(id))
        parse_string(p, id, &p->c->id);
    if (p->c->label_json == NULL && label != NULL && !cJSON_IsNull(label))
        parse_raw(p, label, &p->c->label_json);
}

/* Reads the tree `root` (NULL when the text did not parse) into p->c;
 * returns the case, or NULL when memory ran out. */
static struct nms_case *case_from_tree(struct parse *p, const cJSON *root)
{
    struct nms_case *c = p->c;

    if (cJSON_IsObject(root))
        p->label_item = cJSON_GetObjectItemCaseSensitive(root, "label");
    if (root != NULL && !cJSON_IsObject(root))
        fail(p, "a case must be a JSON object, got %s", type_name(root));
    else if (root != NULL)
        parse_object(p, &nms_case_schema, root, c);
    if (root != NULL && c->error != NULL && cJSON_IsObject(root))
        salvage_identity(p, root);
    c->assessed_at_given = !isnan(c->assessed_at);
    if (p->status == NMS_ENOMEM) {
        nms_case_free(c);
        return NULL;
    }
    return c;
}

/* Starts a parse of a new case; NULL when out of memory. */
static struct nms_case *begin(struct parse *p, const char *source, long line,
                              long index)
{
    memset(p, 0, sizeof *p);
    p->status = NMS_OK;
    p->c = nms_case_new(source, line, index);
    return p->c;
}

struct nms_case *nms_case_parse(const char *text, size_t len,
                                const char *source, long line, long index)
{
    struct parse p;
    struct nms_json_tree tree;
    const cJSON *root;
    struct nms_case *c;

    if (!begin(&p, source, line, index))
        return NULL;
    nms_json_tree_init(&tree);
    root = parse_json(&p, text, len, &tree);
    c = case_from_tree(&p, root);
    nms_json_tree_release(&tree);
    return c;
}

struct nms_case *nms_case_parse_tree(const char *text, size_t len,
                                     const cJSON *root, const char *source,
                                     long line, long index)
{
    struct parse p;

    if (!begin(&p, source, line, index))
        return NULL;
    p.text = text;
    p.text_len = len;
    if (nms_json_check(text, len, &p.chk) != 0) {
        fail_syntax(&p);
        root = NULL;
    }
    return case_from_tree(&p, root);
}

/* 1 when a number reads back from cJSON's printing as itself: cJSON prints
 * 15 digits when they read back within a rounding error, so a few values
 * (0.1 + 0.2) would change on the way through text. */
static int prints_exactly(double d)
{
    char buf[32];
    double back;

    if (!isfinite(d))
        return 0;
    if (fabs(d) < 1e15 && d == (double)(long long)d)
        return 1;   /* whole numbers print as their digits: no printf */
    snprintf(buf, sizeof buf, "%1.15g", d);
    back = strtod(buf, NULL);
    return back == d ||
           fabs(back - d) > fmax(fabs(back), fabs(d)) * DBL_EPSILON;
}

/* 1 when `v` reads the same from the tree as it would from its printed
 * text: valid UTF-8 strings and names, numbers that print exactly, nesting
 * within the strict check's limit. */
static int plain_tree(const cJSON *v, unsigned depth)
{
    const cJSON *c;

    if (depth > NMS_JSON_MAX_DEPTH || cJSON_IsRaw(v))
        return 0;
    if (v->string && !nms_utf8_valid(v->string, strlen(v->string)))
        return 0;
    if (cJSON_IsString(v))
        return nms_utf8_valid(v->valuestring, strlen(v->valuestring));
    if (cJSON_IsNumber(v))
        return prints_exactly(v->valuedouble);
    cJSON_ArrayForEach(c, v)
        if (!plain_tree(c, depth + 1))
            return 0;
    return 1;
}

struct nms_case *nms_case_from_json(const cJSON *root, const char *source,
                                    long line, long index)
{
    struct parse p;
    struct nms_case *c;
    char *text;

    if (plain_tree(root, 1)) {
        if (!begin(&p, source, line, index))
            return NULL;
        return case_from_tree(&p, root);
    }
    /* The rare tree that text would change or refuse: go through the text,
     * so the case and its messages are those of the printed record. */
    text = cJSON_PrintUnformatted(root);
    if (!text)
        return NULL;
    c = nms_case_parse(text, strlen(text), source, line, index);
    cJSON_free(text);
    return c;
}

#define NMS_STR_(x) #x
#define NMS_STR(x) NMS_STR_(x)

/* The release cJSON's header names: a constant, so no buffer and no race
 * (cJSON_Version() formats into a static buffer on every call). */
const char *nms_json_release(void)
{
    return "cJSON " NMS_STR(CJSON_VERSION_MAJOR) "." NMS_STR(CJSON_VERSION_MINOR)
           "." NMS_STR(CJSON_VERSION_PATCH);
}
