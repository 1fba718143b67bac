/*
 * case_direct.c - the usual record read from its text straight into the
 * case (see case_direct.h).
 *
 * Reading a case went text -> cJSON tree -> case: cJSON allocates a node
 * and a copy of every name and string (~200 mallocs for a 1.1 kB record),
 * then the tree is walked and freed; with the strict check before it, that
 * was 0.18 M instructions of an IEC-only case's 1.3 M. Here one pass over
 * the text fills the case, walking the same field table (case.c) as
 * case_json.c does. It reads only what case_json.c would read without a
 * word to say, and declines the rest, so that every message, warning and
 * path stays case_json.c's own: the two cannot disagree on a record that
 * fails, and on one that reads they give the same case (the tests and
 * the benchmark cohort check it byte for byte).
 *
 * The text has passed nms_json_check: it is one valid JSON value, strict
 * RFC 8259, valid UTF-8, nested within the limit. Numbers are read as
 * cJSON reads them (its token copy, the locale's decimal point, strtod),
 * strings only when written without an escape (the bytes are then the
 * string), and the label, which rules never see, is copied as written
 * from the span the check found, as case_json.c copies it.
 */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/case_int.h"
#include "input/case_direct.h"

/* Longest number token read here: cJSON copies at most 63 bytes of one. */
#define NUMBER_MAX 63u
/* Longest field name, unit or time string read here (longer: declined;
 * no field name, unit or valid time is that long). */
#define WORD_MAX 64u

struct direct {
    const char *s;
    size_t len, i;
    const struct nms_json_check *chk;
    struct nms_case *c;
    char point;             /* the locale's decimal point, as cJSON has it */
    enum nms_direct status; /* NMS_DIRECT_READ until declined or no memory */
};

static int parse_object(struct direct *d, const struct nms_schema *rec,
                        void *base);

/* -1 always: the record is left to case_json.c. */
static int decline(struct direct *d)
{
    if (d->status == NMS_DIRECT_READ)
        d->status = NMS_DIRECT_DECLINED;
    return -1;
}

static int no_memory(struct direct *d)
{
    d->status = NMS_DIRECT_ENOMEM;
    return -1;
}

static void skip_space(struct direct *d)
{
    while (d->i < d->len && (d->s[d->i] == ' ' || d->s[d->i] == '\n' ||
                             d->s[d->i] == '\r' || d->s[d->i] == '\t'))
        d->i++;
}

/* The byte at the next value or punctuation (the text is valid JSON, so
 * one is there while a value is open). */
static char next(struct direct *d)
{
    skip_space(d);
    return d->i < d->len ? d->s[d->i] : '\0';
}

/* A literal the check has passed: "null", "true" or "false". */
static void skip_literal(struct direct *d)
{
    d->i += d->s[d->i] == 'f' ? 5 : 4;
}

/* A string at d->i written without escapes: its bytes [*at, *at + *n). */
static int string_bytes(struct direct *d, const char **at, size_t *n)
{
    size_t start = ++d->i;

    while (d->s[d->i] != '"') {
        if (d->s[d->i] == '\\')
            return decline(d);
        d->i++;
    }
    *at = d->s + start;
    *n = d->i - start;
    d->i++;
    return 0;
}

/* A string at d->i, NUL-terminated into buf (size WORD_MAX + 1). */
static int string_word(struct direct *d, char *buf)
{
    const char *at;
    size_t n;

    if (string_bytes(d, &at, &n) != 0)
        return -1;
    if (n > WORD_MAX)
        return decline(d);
    memcpy(buf, at, n);
    buf[n] = '\0';
    return 0;
}

/* Powers of ten that are exact doubles (5^22 < 2^53). */
static const double exact_tens[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/*
 * The `n` bytes at `t` as strtod reads them, for the usual number of a
 * record (39.1, -12, 5200): no exponent, its digits as an integer at most
 * 2^53, at most 22 after the point. Then the integer and the power of ten
 * are exact doubles, and one IEEE division rounds the quotient correctly,
 * as glibc's strtod does (Clinger's fast path): the same double, for ~40
 * instructions instead of ~500. 0 for any other number (strtod reads it).
 */
static int plain_decimal(const char *t, size_t n, double *out)
{
    uint64_t w = 0;
    size_t i = 0, digits = 0, after = 0;
    int point = 0;
    double x;

    if (n > 0 && t[0] == '-')
        i = 1;
    for (; i < n; i++) {
        if (t[i] == '.' && !point) {
            point = 1;
            continue;
        }
        if (t[i] < '0' || t[i] > '9' || ++digits > 19)
            return 0;
        w = w * 10 + (uint64_t)(t[i] - '0');
        after += (size_t)point;
    }
    if (digits == 0 || w > (UINT64_C(1) << 53) || after > 22)
        return 0;
    x = after > 0 ? (double)w / exact_tens[after] : (double)w;
    *out = t[0] == '-' ? -x : x;
    return 1;
}

/* A number at d->i, as cJSON's parse_number reads it. */
static int number(struct direct *d, double *out)
{
    char buf[NUMBER_MAX + 1], *end;
    size_t n = 0;
    char ch;

    for (; d->i + n < d->len; n++) {
        ch = d->s[d->i + n];
        if (!((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' ||
              ch == 'e' || ch == 'E' || ch == '.'))
            break;
        if (n == NUMBER_MAX)
            return decline(d);
        buf[n] = ch == '.' ? d->point : ch;
    }
    if (plain_decimal(d->s + d->i, n, out)) {
        d->i += n;
        return 0;
    }
    buf[n] = '\0';
    *out = strtod(buf, &end);
    if (n == 0 || end != buf + n || !isfinite(*out))
        return decline(d);
    d->i += n;
    return 0;
}

/* The first time fixes the case's form; a second form is an error. */
static int same_form(struct direct *d, enum nms_time_form form)
{
    if (d->c->time_form == NMS_TIME_UNSET)
        d->c->time_form = form;
    return d->c->time_form == form ? 0 : decline(d);
}

static int parse_time(struct direct *d, double *out)
{
    char buf[WORD_MAX + 1];
    double t;
    char ch = d->s[d->i];

    if (ch == '"') {
        if (string_word(d, buf) != 0 || nms_time_parse_iso(buf, &t) != 0)
            return decline(d);
        if (same_form(d, NMS_TIME_ISO) != 0)
            return -1;
    } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
        if (number(d, &t) != 0 || same_form(d, NMS_TIME_HOURS) != 0)
            return -1;
    } else {
        return decline(d);
    }
    *out = t;
    return 0;
}

/* {"value": v, "unit": u}: *value NAN when v is null; unit into buf. */
static int quantity(struct direct *d, double *value, char *buf)
{
    int seen_value = 0, seen_unit = 0;
    char key[WORD_MAX + 1];

    *value = NAN;
    d->i++;
    if (next(d) == '}') {
        d->i++;
        return decline(d);
    }
    for (;;) {
        if (string_word(d, key) != 0)
            return -1;
        next(d);
        d->i++;     /* ':' */
        if (strcmp(key, "value") == 0 && !seen_value++) {
            if (next(d) == 'n')
                skip_literal(d);
            else if (number(d, value) != 0)
                return -1;
        } else if (strcmp(key, "unit") == 0 && !seen_unit++ &&
                   next(d) == '"') {
            if (string_word(d, buf) != 0)
                return -1;
        } else {
            return decline(d);
        }
        if (next(d) == '}')
            break;
        d->i++;     /* ',' */
        next(d);
    }
    d->i++;
    return seen_value && seen_unit ? 0 : decline(d);
}

static int parse_number(struct direct *d, const struct nms_field *f,
                        double *out)
{
    const struct nms_quantity *q = f->quantity;
    char written[WORD_MAX + 1];
    const char *unit;
    double value, canonical;
    char ch = d->s[d->i];

    if (ch == '-' || (ch >= '0' && ch <= '9')) {
        if (number(d, &value) != 0)
            return -1;
        if (q == NULL) {
            *out = value;
            return 0;
        }
        unit = q->canonical;
    } else if (q != NULL && ch == '{') {
        if (quantity(d, &value, written) != 0)
            return -1;
        if (isnan(value))
            return 0;   /* a null value: absent, as case_json.c has it */
        unit = written;
    } else {
        return decline(d);
    }
    if (nms_quantity_convert(q, unit, value, &canonical) != 0 ||
        !nms_quantity_plausible(q, canonical))
        return decline(d);
    *out = canonical;
    return 0;
}

static int parse_enum(struct direct *d, const char *const *values,
                      const char **out)
{
    const char *at;
    size_t n, i;

    if (d->s[d->i] != '"' || string_bytes(d, &at, &n) != 0)
        return decline(d);
    for (i = 0; values[i] != NULL; i++)
        if (strncmp(values[i], at, n) == 0 && values[i][n] == '\0') {
            *out = values[i]; /* static: never freed */
            return 0;
        }
    return decline(d);
}

static int parse_string(struct direct *d, char **out)
{
    const char *at;
    size_t n;

    if (d->s[d->i] != '"' || string_bytes(d, &at, &n) != 0 ||
        n > NMS_MAX_STRING)
        return decline(d);
    *out = malloc(n + 1);
    if (*out == NULL)
        return no_memory(d);
    memcpy(*out, at, n);
    (*out)[n] = '\0';
    return 0;
}

/* The case's label, as written less whitespace (case_json.c's parse_raw). */
static int parse_label(struct direct *d, char **out)
{
    const struct nms_json_check *chk = d->chk;

    if (chk->label_end == 0 || d->i != chk->label_start)
        return decline(d);
    *out = malloc(chk->label_end - chk->label_start + 1);
    if (*out == NULL)
        return no_memory(d);
    nms_json_minify(d->s + chk->label_start,
                    chk->label_end - chk->label_start, *out);
    d->i = chk->label_end;
    return 0;
}

static int parse_array(struct direct *d, const struct nms_field *f,
                       char *base)
{
    const struct nms_schema *rec = f->record;
    size_t n = 0, cap = 4;
    char *elems, *grown;

    if (d->s[d->i] != '[')
        return decline(d);
    d->i++;
    /* An empty array still gets storage: "no medications listed" is known,
     * unlike an absent array. Owned by the case from here on (its count
     * kept up to date), so any stop below frees it. */
    elems = malloc(cap * rec->size);
    if (elems == NULL)
        return no_memory(d);
    memcpy(base + f->offset, &elems, sizeof elems);
    memcpy(base + f->count_offset, &n, sizeof n);
    if (next(d) == ']') {
        d->i++;
        return 0;
    }
    for (;;) {
        if (n == NMS_MAX_ENTRIES)
            return decline(d);
        if (n == cap) {
            grown = realloc(elems, 2 * cap * rec->size);
            if (grown == NULL)
                return no_memory(d);
            elems = grown;
            cap *= 2;
            memcpy(base + f->offset, &elems, sizeof elems);
        }
        nms_schema_clear(rec, elems + n * rec->size);
        n++;
        memcpy(base + f->count_offset, &n, sizeof n);
        if (d->s[d->i] == 'n')
            skip_literal(d);  /* null: an entry with nothing known */
        else if (d->s[d->i] != '{' ||
                 parse_object(d, rec, elems + (n - 1) * rec->size) != 0)
            return decline(d);
        if (next(d) == ']')
            break;
        d->i++;     /* ',' */
        next(d);
    }
    d->i++;
    return 0;
}

static int parse_field(struct direct *d, const struct nms_field *f,
                       char *base)
{
    void *at = base + f->offset;
    char ch = d->s[d->i];

    switch (f->kind) {
    case NMS_FIELD_NUMBER:
        return parse_number(d, f, at);
    case NMS_FIELD_TIME:
        return parse_time(d, at);
    case NMS_FIELD_BOOL:
        if (ch != 't' && ch != 'f')
            return decline(d);
        *(signed char *)at = ch == 't' ? NMS_TRI_TRUE : NMS_TRI_FALSE;
        skip_literal(d);
        return 0;
    case NMS_FIELD_ENUM:
        return parse_enum(d, f->values, at);
    case NMS_FIELD_STRING:
        return parse_string(d, at);
    case NMS_FIELD_RAW:
        return base == (char *)d->c ? parse_label(d, at) : decline(d);
    case NMS_FIELD_ARRAY:
        return parse_array(d, f, base);
    case NMS_FIELD_OBJECT:
        return ch == '{' ? parse_object(d, f->record, at) : decline(d);
    }
    return decline(d);
}

/* The object at d->i into the struct at `base` described by `rec`: every
 * member a field of rec, none twice, as case_json.c's parse_object. */
static int parse_object(struct direct *d, const struct nms_schema *rec,
                        void *base)
{
    unsigned char seen[NMS_RECORD_FIELDS_MAX] = {0};
    const struct nms_field *f;
    char key[WORD_MAX + 1];
    size_t n = 0;

    d->i++;
    if (next(d) == '}') {
        d->i++;
        return 0;
    }
    for (;;) {
        if (++n > NMS_MAX_FIELDS || string_word(d, key) != 0)
            return decline(d);
        f = nms_schema_field(rec, key);
        if (f == NULL || seen[f - rec->fields]++)
            return decline(d);
        next(d);
        d->i++;     /* ':' */
        if (next(d) == 'n')
            skip_literal(d);  /* null means absent */
        else if (parse_field(d, f, base) != 0)
            return -1;
        if (next(d) == '}')
            break;
        d->i++;     /* ',' */
        next(d);
    }
    d->i++;
    return 0;
}

enum nms_direct nms_case_read_direct(const char *text, size_t len,
                                     const struct nms_json_check *chk,
                                     struct nms_case *c)
{
    struct direct d = {text, len, 0, chk, c, '.', NMS_DIRECT_READ};
    const struct lconv *lc = localeconv();

    if (lc != NULL && lc->decimal_point != NULL && lc->decimal_point[0])
        d.point = lc->decimal_point[0];
    if (next(&d) != '{' || parse_object(&d, &nms_case_schema, c) != 0 ||
        next(&d) != '\0')
        decline(&d);
    return d.status;
}
