/*
 * schema.c - the public view of the field table in case.c (see
 * include/nms/schema.h): lookup by dotted path, listing and suggestions.
 */
#include <string.h>

#include "case/case_int.h"
#include "nms/schema.h"

/* Longest path segment looked up; field names are far shorter. */
#define MAX_SEGMENT 64u

/* Copies the next segment of *path (up to '.', '[' or the end) into seg
 * and advances *path past it and any "[n]" index. Returns -1 when the
 * segment is empty or too long. */
static int next_segment(const char **path, char *seg)
{
    const char *p = *path;
    size_t n = strcspn(p, ".[");

    if (n == 0 || n >= MAX_SEGMENT)
        return -1;
    memcpy(seg, p, n);
    seg[n] = '\0';
    p += n;
    while (*p == '[') {
        p += strcspn(p, "]");
        if (*p == ']')
            p++;
    }
    if (*p == '.')
        p++;
    *path = p;
    return 0;
}

/* The field at `path` (NULL for the record itself, which is then `*rec`). */
static int walk(const char *path, const struct nms_field **field,
                const struct nms_schema **rec)
{
    const struct nms_schema *record = &nms_case_schema;
    const struct nms_field *f = NULL;
    char seg[MAX_SEGMENT];

    while (*path) {
        if (!record || next_segment(&path, seg) != 0)
            return -1;
        f = nms_schema_field(record, seg);
        if (!f)
            return -1;
        record = f->record;   /* NULL below a leaf */
    }
    *field = f;
    *rec = record;
    return 0;
}

static enum nms_schema_kind kind_of(enum nms_field_kind kind)
{
    switch (kind) {
    case NMS_FIELD_NUMBER: return NMS_SCHEMA_NUMBER;
    case NMS_FIELD_BOOL: return NMS_SCHEMA_BOOL;
    case NMS_FIELD_ENUM: return NMS_SCHEMA_ENUM;
    case NMS_FIELD_TIME: return NMS_SCHEMA_TIME;
    case NMS_FIELD_STRING: return NMS_SCHEMA_STRING;
    case NMS_FIELD_OBJECT: return NMS_SCHEMA_OBJECT;
    case NMS_FIELD_ARRAY: return NMS_SCHEMA_ARRAY;
    case NMS_FIELD_RAW: break;
    }
    return NMS_SCHEMA_ANY;
}

static void fill(const struct nms_field *f, struct nms_schema_entry *out)
{
    out->name = f->name;
    out->kind = kind_of(f->kind);
    out->values = f->kind == NMS_FIELD_ENUM ? f->values : NULL;
    out->unit = f->quantity ? f->quantity->canonical : NULL;
}

int nms_schema_find(const char *path, struct nms_schema_entry *out)
{
    const struct nms_field *f;
    const struct nms_schema *rec;

    if (walk(path, &f, &rec) != 0)
        return -1;
    if (f) {
        fill(f, out);
        return 0;
    }
    out->name = nms_case_schema.name;
    out->kind = NMS_SCHEMA_OBJECT;
    out->values = NULL;
    out->unit = NULL;
    return 0;
}

int nms_schema_child(const char *path, size_t index,
                     struct nms_schema_entry *out)
{
    const struct nms_field *f;
    const struct nms_schema *rec;

    if (walk(path, &f, &rec) != 0 || !rec || index >= rec->n_fields)
        return -1;
    fill(&rec->fields[index], out);
    return 0;
}

const char *nms_schema_closest(const char *path, const char *name)
{
    const struct nms_field *f;
    const struct nms_schema *rec;

    if (walk(path, &f, &rec) != 0 || !rec)
        return NULL;
    return nms_schema_suggest(rec, name);
}

/* The accepted values of the ENUM at `path`, or NULL when it is none. */
static const char *const *enum_values(const char *path)
{
    const struct nms_field *f;
    const struct nms_schema *rec;

    if (walk(path, &f, &rec) != 0 || !f || f->kind != NMS_FIELD_ENUM)
        return NULL;
    return f->values;
}

const char *nms_schema_closest_value(const char *path, const char *value)
{
    const char *const *values = enum_values(path);

    return values ? nms_suggest_value(values, value) : NULL;
}

const char *nms_schema_value_alias(const char *path, const char *word)
{
    const char *const *values = enum_values(path);

    return values ? nms_value_alias(values, word) : NULL;
}

int nms_schema_units(const char *path, char *buf, size_t size)
{
    const struct nms_field *f;
    const struct nms_schema *rec;

    if (size)
        buf[0] = '\0';
    if (walk(path, &f, &rec) != 0 || !f || !f->quantity)
        return -1;
    nms_quantity_units(f->quantity, buf, size);
    return 0;
}

const char *nms_schema_closest_name(const char *const *names, const char *name)
{
    return names ? nms_suggest_value(names, name) : NULL;
}
