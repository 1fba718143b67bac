/*
 * schema.h - the field names of the case record, for programs that help
 * people write cases (completion, "did you mean" messages).
 *
 * A field is named by a dotted path from the top of the record:
 * "vitals.temp", "history.dehydration", "medications.doses.mg". Array
 * indexes may be written ("vitals[2].temp") and are ignored; "" is the
 * record itself. Every string handed out points into static tables and is
 * never freed.
 */
#ifndef NMS_SCHEMA_H
#define NMS_SCHEMA_H

#include <stddef.h>

enum nms_schema_kind {
    NMS_SCHEMA_NUMBER,   /* a number or a {"value", "unit"} quantity */
    NMS_SCHEMA_BOOL,
    NMS_SCHEMA_ENUM,     /* one of `values` */
    NMS_SCHEMA_TIME,     /* ISO 8601 string or number of hours */
    NMS_SCHEMA_STRING,
    NMS_SCHEMA_OBJECT,   /* has fields of its own */
    NMS_SCHEMA_ARRAY,    /* of objects that have fields of their own */
    NMS_SCHEMA_ANY       /* any JSON value (the label) */
};

struct nms_schema_entry {
    const char *name;
    enum nms_schema_kind kind;
    const char *const *values;  /* ENUM: the accepted values, NULL-terminated */
    const char *unit;           /* NUMBER: the canonical UCUM code, else NULL */
};

/* Finds the field at `path`. Returns 0 with *out filled, or -1 when no
 * field has that path. The record itself ("") is an OBJECT named "case". */
int nms_schema_find(const char *path, struct nms_schema_entry *out);

/* The `index`-th field (0-based, in the order of docs/case-format.md) of
 * the OBJECT or ARRAY at `path`. Returns 0 with *out filled, or -1 past the
 * last field or when `path` has no fields. */
int nms_schema_child(const char *path, size_t index,
                     struct nms_schema_entry *out);

/* The field of the OBJECT or ARRAY at `path` whose name is closest to
 * `name` (ignoring case, within an edit distance of a third of its length),
 * or NULL when none is close or `path` has no fields. */
const char *nms_schema_closest(const char *path, const char *name);

/* The accepted value of the ENUM at `path` closest to `value`, or NULL. */
const char *nms_schema_closest_value(const char *path, const char *value);

/* The accepted value of the ENUM at `path` that the chart abbreviation
 * `word` stands for ("PO" is "oral" for "medications.route"), or NULL. A
 * case file must write the value itself; programs that read people's
 * words (the REPL) may take the abbreviation. */
const char *nms_schema_value_alias(const char *path, const char *word);

/* The entry of the NULL-terminated list `names` closest to `name`, under the
 * same rule as nms_schema_closest (for names outside the case format, such
 * as a ruleset's drug names), or NULL. */
const char *nms_schema_closest_name(const char *const *names,
                                    const char *name);

/* Writes the accepted unit codes of the NUMBER at `path` ("Cel, [degF]")
 * into buf (always terminated); returns 0, or -1 when it has no units. */
int nms_schema_units(const char *path, char *buf, size_t size);

#endif
