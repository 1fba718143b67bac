/*
 * case_int.h - the description of the case format, shared inside core/.
 *
 * One table describes every field of a case record: its JSON name, kind,
 * where it lives in the C structs, its unit and plausible range. The JSON
 * parser, the Lua binding, the typo suggester and the freeing code all walk
 * this one table, so a new field is added in exactly one place (case.c).
 */
#ifndef NMS_CASE_INT_H
#define NMS_CASE_INT_H

#include <stddef.h>

enum nms_field_kind {
    NMS_FIELD_NUMBER,  /* double; NAN when absent; may carry a unit */
    NMS_FIELD_BOOL,    /* signed char holding enum nms_tri */
    NMS_FIELD_ENUM,    /* const char * into `values`; NULL when absent */
    NMS_FIELD_TIME,    /* double hours; NAN when absent */
    NMS_FIELD_STRING,  /* char * owned by the case; NULL when absent */
    NMS_FIELD_OBJECT,  /* a nested struct described by `record` */
    NMS_FIELD_ARRAY,   /* pointer + size_t count, elements described by `record` */
    NMS_FIELD_RAW      /* char * holding re-serialised JSON (the label) */
};

/*
 * One accepted unit of a quantity: canonical = (value + offset) * mul / div,
 * rounded to 1e-9 of the canonical unit (units.c round_converted).
 */
struct nms_unit {
    const char *ucum;   /* UCUM code as written in input, e.g. "[degF]" */
    double offset;      /* added first: -32 for °F */
    double mul, div;    /* the published factor as a ratio: 5 / 9 for °F */
};

/* A measured quantity: its canonical unit, accepted alternatives, range. */
struct nms_quantity {
    const char *canonical;        /* UCUM code of the canonical unit */
    const char *display;          /* how evidence prints it, e.g. "°C" */
    const struct nms_unit *units; /* alternatives; terminated by ucum NULL */
    double min, max;              /* plausible range in the canonical unit */
};

struct nms_schema;

struct nms_field {
    const char *name;
    enum nms_field_kind kind;
    size_t offset;          /* of the value (ARRAY: of the element pointer) */
    size_t count_offset;    /* ARRAY only: of the size_t element count */
    const struct nms_schema *record;      /* OBJECT and ARRAY */
    const struct nms_quantity *quantity;  /* NUMBER, optional */
    const char *const *values;            /* ENUM, NULL-terminated */
};

/* A schema: a C struct and the fields of the case format it holds. */
struct nms_schema {
    const char *name;
    size_t size;            /* sizeof the C struct */
    const struct nms_field *fields;
    size_t n_fields;        /* at most NMS_RECORD_FIELDS_MAX */
};

/* Fields of the largest record type (exam has 40): readers and writers
 * keep a flag per field on the stack. */
#define NMS_RECORD_FIELDS_MAX 64u

/* The top-level case record; its fields live in struct nms_case. */
extern const struct nms_schema nms_case_schema;

/* Finds a field of `record` by exact name, or NULL. */
const struct nms_field *nms_schema_field(const struct nms_schema *record,
                                         const char *name);

/*
 * The known field name of `record` closest to `name` (edit distance at most
 * a third of the name's length, at least 1), or NULL when none is close.
 */
const char *nms_schema_suggest(const struct nms_schema *record,
                               const char *name);

/* Sets every field of the struct at `base` to absent (NAN, UNKNOWN, NULL). */
void nms_schema_clear(const struct nms_schema *record, void *base);

/* Frees what the struct at `base` owns (not the struct itself). */
void nms_schema_release(const struct nms_schema *record, void *base);

/* ---- limits on what one case record may hold -------------------------- */

/* Entries per array (vitals, doses, ...): a week of minute-by-minute vitals. */
#ifndef NMS_MAX_ENTRIES
#define NMS_MAX_ENTRIES 100000u
#endif

/* Bytes in one string value (id, drug, atc, unit): names, not documents. */
#ifndef NMS_MAX_STRING
#define NMS_MAX_STRING 1024u
#endif

/* Keys in one JSON object; keeps the duplicate-key check cheap. */
#ifndef NMS_MAX_FIELDS
#define NMS_MAX_FIELDS 1000u
#endif

/* Warnings kept per case; one note then says the rest were dropped. */
#ifndef NMS_MAX_WARNINGS
#define NMS_MAX_WARNINGS 100u
#endif

/* Longest field path kept in messages ("medications[3].doses[12].mg"). */
#define NMS_MAX_PATH 256u

/* ---- quantities (units.c) --------------------------------------------- */

extern const struct nms_quantity nms_quantity_temp, nms_quantity_hr,
    nms_quantity_sbp, nms_quantity_dbp, nms_quantity_rr, nms_quantity_ck,
    nms_quantity_ck_uln, nms_quantity_wbc, nms_quantity_iron,
    nms_quantity_creatinine, nms_quantity_potassium, nms_quantity_age,
    nms_quantity_mg;

/*
 * Converts `value` written in unit `ucum` (the canonical code or one of the
 * alternatives of `q`) to q's canonical unit. Returns 0, or -1 when `ucum`
 * is not a unit of q (*out is then untouched).
 */
int nms_quantity_convert(const struct nms_quantity *q, const char *ucum,
                         double value, double *out);

/* 1 when `canonical` lies in q's plausible range, else 0. */
int nms_quantity_plausible(const struct nms_quantity *q, double canonical);

/* How a unit code is printed for people ("[degF]" -> "°F"); never NULL. */
const char *nms_unit_display(const struct nms_quantity *q, const char *ucum);

/* Writes q's accepted unit codes as "Cel, [degF]" into buf. */
void nms_quantity_units(const struct nms_quantity *q, char *buf, size_t size);

/*
 * Writes the warning for an implausible value of field `name`: `raw` as
 * written in unit `ucum`. Names the unit the writer probably meant when the
 * same number read in another unit of q is plausible.
 */
void nms_quantity_explain(const struct nms_quantity *q, const char *name,
                          double raw, const char *ucum, char *buf,
                          size_t size);

/* ---- names ------------------------------------------------------------ */

/*
 * The entry of the NULL-terminated `values` closest to `name`, compared
 * ignoring ASCII case, under the same distance limit as nms_schema_suggest;
 * NULL when none is close.
 */
const char *nms_suggest_value(const char *const *values, const char *name);

/*
 * The entry of the NULL-terminated `values` that the chart abbreviation
 * `written` stands for (any case: "PO" is "oral", "SQ" is "sc"), or NULL
 * when it is no abbreviation of one of them.
 */
const char *nms_value_alias(const char *const *values, const char *written);

#endif
