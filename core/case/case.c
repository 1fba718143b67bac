/*
 * case.c - the case record: its field table, lifecycle and completion.
 *
 * The table below is the single description of the case format: the JSON
 * reader, the Lua binding, the typo suggester and the freeing code all walk
 * it. Quantities (units, ranges) live in units.c, times in case_time.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case_int.h"
#include "nms/case.h"

/* ---- enumerations ----------------------------------------------------- */

static const char *const sex_values[] = {"female", "male", "other", "unknown",
                                         NULL};
static const char *const route_values[] = {
    "oral", "im",          "iv",     "sc",      "depot",
    "ng",   "transdermal", "rectal", "inhaled", NULL};
static const char *const temp_site_values[] = {"oral",     "rectal", "axillary",
                                               "tympanic", "core",   NULL};
static const char *const rigidity_values[] = {"none", "mild", "moderate",
                                              "severe", NULL};
static const char *const mental_status_values[] = {
    "alert", "confused", "delirium", "stupor", "coma", NULL};
static const char *const clonus_values[] = {"none", "inducible", "spontaneous",
                                            "ocular", NULL};
static const char *const skin_values[] = {"normal", "diaphoretic", "dry",
                                          "flushed", NULL};
static const char *const bowel_values[] = {"normal", "decreased", "absent",
                                           "hyperactive", NULL};
static const char *const workup_values[] = {"negative", "positive", "pending",
                                            NULL};

/* ---- the field table -------------------------------------------------- */

/* clang-format off */
#define NUM(s, m, q) {#m, NMS_FIELD_NUMBER, offsetof(s, m), 0, NULL, &q, NULL}
#define TIME(s, m) {#m, NMS_FIELD_TIME, offsetof(s, m), 0, NULL, NULL, NULL}
#define BOOL(s, m) {#m, NMS_FIELD_BOOL, offsetof(s, m), 0, NULL, NULL, NULL}
#define ENUM(s, m, v) {#m, NMS_FIELD_ENUM, offsetof(s, m), 0, NULL, NULL, v}
#define STR(s, m) {#m, NMS_FIELD_STRING, offsetof(s, m), 0, NULL, NULL, NULL}
#define OBJ(s, m, r) {#m, NMS_FIELD_OBJECT, offsetof(s, m), 0, &r, NULL, NULL}
#define ARR(s, m, n, r) \
    {#m, NMS_FIELD_ARRAY, offsetof(s, m), offsetof(s, n), &r, NULL, NULL}
#define RECORD(name, s, f) {name, sizeof(s), f, sizeof f / sizeof f[0]}
/* clang-format on */

static const struct nms_field patient_fields[] = {
    NUM(struct nms_patient, age, nms_quantity_age),
    ENUM(struct nms_patient, sex, sex_values)};
static const struct nms_schema patient_record =
    RECORD("patient", struct nms_patient, patient_fields);

static const struct nms_field baseline_fields[] = {
    NUM(struct nms_baseline, hr, nms_quantity_hr),
    NUM(struct nms_baseline, sbp, nms_quantity_sbp),
    NUM(struct nms_baseline, dbp, nms_quantity_dbp),
    NUM(struct nms_baseline, rr, nms_quantity_rr)};
static const struct nms_schema baseline_record =
    RECORD("baseline", struct nms_baseline, baseline_fields);

static const struct nms_field dose_fields[] = {
    TIME(struct nms_dose, t), NUM(struct nms_dose, mg, nms_quantity_mg)};
static const struct nms_schema dose_record =
    RECORD("dose", struct nms_dose, dose_fields);

static const struct nms_field medication_fields[] = {
    STR(struct nms_medication, drug),
    STR(struct nms_medication, atc),
    ENUM(struct nms_medication, route, route_values),
    TIME(struct nms_medication, start),
    TIME(struct nms_medication, stop),
    ARR(struct nms_medication, doses, n_doses, dose_record)};
static const struct nms_schema medication_record =
    RECORD("medication", struct nms_medication, medication_fields);

static const struct nms_field vitals_fields[] = {
    TIME(struct nms_vitals, t),
    NUM(struct nms_vitals, temp, nms_quantity_temp),
    ENUM(struct nms_vitals, temp_site, temp_site_values),
    NUM(struct nms_vitals, hr, nms_quantity_hr),
    NUM(struct nms_vitals, sbp, nms_quantity_sbp),
    NUM(struct nms_vitals, dbp, nms_quantity_dbp),
    NUM(struct nms_vitals, rr, nms_quantity_rr)};
static const struct nms_schema vitals_record =
    RECORD("vitals", struct nms_vitals, vitals_fields);

static const struct nms_field labs_fields[] = {
    TIME(struct nms_labs, t),
    NUM(struct nms_labs, ck, nms_quantity_ck),
    NUM(struct nms_labs, ck_uln, nms_quantity_ck_uln),
    NUM(struct nms_labs, wbc, nms_quantity_wbc),
    NUM(struct nms_labs, iron, nms_quantity_iron),
    NUM(struct nms_labs, creatinine, nms_quantity_creatinine),
    NUM(struct nms_labs, potassium, nms_quantity_potassium),
    BOOL(struct nms_labs, myoglobinuria),
    BOOL(struct nms_labs, csf_pleocytosis)};
static const struct nms_schema labs_record =
    RECORD("labs", struct nms_labs, labs_fields);

static const struct nms_field exam_fields[] = {
    TIME(struct nms_exam, t),
    ENUM(struct nms_exam, rigidity, rigidity_values),
    ENUM(struct nms_exam, mental_status, mental_status_values),
    BOOL(struct nms_exam, agitation),
    BOOL(struct nms_exam, diaphoresis),
    BOOL(struct nms_exam, tremor),
    BOOL(struct nms_exam, incontinence),
    BOOL(struct nms_exam, mutism),
    BOOL(struct nms_exam, dysphagia),
    BOOL(struct nms_exam, hyperreflexia),
    BOOL(struct nms_exam, mydriasis),
    BOOL(struct nms_exam, sialorrhea),
    BOOL(struct nms_exam, cogwheeling),
    BOOL(struct nms_exam, oculogyric_crisis),
    BOOL(struct nms_exam, retrocollis),
    BOOL(struct nms_exam, opisthotonos),
    BOOL(struct nms_exam, trismus),
    BOOL(struct nms_exam, choreiform_movements),
    BOOL(struct nms_exam, dyskinetic_movements),
    BOOL(struct nms_exam, festinating_gait),
    BOOL(struct nms_exam, flexor_extensor_posturing),
    BOOL(struct nms_exam, myoclonus),
    BOOL(struct nms_exam, shivering),
    BOOL(struct nms_exam, diarrhea),
    BOOL(struct nms_exam, incoordination),
    BOOL(struct nms_exam, catalepsy),
    BOOL(struct nms_exam, waxy_flexibility),
    BOOL(struct nms_exam, negativism),
    BOOL(struct nms_exam, posturing),
    BOOL(struct nms_exam, mannerism),
    BOOL(struct nms_exam, stereotypy),
    BOOL(struct nms_exam, grimacing),
    BOOL(struct nms_exam, echolalia),
    BOOL(struct nms_exam, echopraxia),
    BOOL(struct nms_exam, hyporeflexia),
    BOOL(struct nms_exam, urinary_retention),
    BOOL(struct nms_exam, meningism),
    ENUM(struct nms_exam, clonus, clonus_values),
    ENUM(struct nms_exam, skin, skin_values),
    ENUM(struct nms_exam, bowel_sounds, bowel_values)};
static const struct nms_schema exam_record =
    RECORD("exam", struct nms_exam, exam_fields);

static const struct nms_field workup_fields[] = {
    ENUM(struct nms_workup, infection, workup_values),
    ENUM(struct nms_workup, toxic, workup_values),
    ENUM(struct nms_workup, metabolic, workup_values),
    ENUM(struct nms_workup, neurologic, workup_values),
    ENUM(struct nms_workup, psychiatric, workup_values)};
static const struct nms_schema workup_record =
    RECORD("workup", struct nms_workup, workup_fields);

static const struct nms_field history_fields[] = {
    BOOL(struct nms_history, prior_nms),
    BOOL(struct nms_history, dehydration),
    BOOL(struct nms_history, agitation),
    BOOL(struct nms_history, catatonia),
    BOOL(struct nms_history, exhaustion),
    BOOL(struct nms_history, iron_deficiency),
    BOOL(struct nms_history, organic_brain_disease),
    BOOL(struct nms_history, parkinson_disease),
    BOOL(struct nms_history, restraints),
    BOOL(struct nms_history, heat_exposure),
    BOOL(struct nms_history, exertion)};
static const struct nms_schema history_record =
    RECORD("history", struct nms_history, history_fields);

static const struct nms_field complications_fields[] = {
    BOOL(struct nms_complications, acute_kidney_injury),
    BOOL(struct nms_complications, rhabdomyolysis),
    BOOL(struct nms_complications, metabolic_acidosis),
    BOOL(struct nms_complications, seizures),
    BOOL(struct nms_complications, dic),
    BOOL(struct nms_complications, respiratory_failure)};
static const struct nms_schema complications_record =
    RECORD("complications", struct nms_complications, complications_fields);

static const struct nms_field case_fields[] = {
    STR(struct nms_case, id),
    TIME(struct nms_case, assessed_at),
    TIME(struct nms_case, onset),
    OBJ(struct nms_case, patient, patient_record),
    OBJ(struct nms_case, baseline, baseline_record),
    ARR(struct nms_case, medications, n_medications, medication_record),
    ARR(struct nms_case, vitals, n_vitals, vitals_record),
    ARR(struct nms_case, labs, n_labs, labs_record),
    ARR(struct nms_case, exam, n_exam, exam_record),
    OBJ(struct nms_case, workup, workup_record),
    OBJ(struct nms_case, history, history_record),
    OBJ(struct nms_case, complications, complications_record),
    /* The JSON name differs from the member: the member holds JSON text. */
    {"label", NMS_FIELD_RAW, offsetof(struct nms_case, label_json), 0, NULL,
     NULL, NULL}};
const struct nms_schema nms_case_schema =
    RECORD("case", struct nms_case, case_fields);

/* ---- walking the table ------------------------------------------------ */

const struct nms_field *nms_schema_field(const struct nms_schema *record,
                                         const char *name)
{
    size_t i;

    /* The first byte first: every member of every case read is looked up
     * here, and a call of strcmp per field passed was 4 % of reading. */
    for (i = 0; i < record->n_fields; i++) {
        if (record->fields[i].name[0] == name[0] &&
            strcmp(record->fields[i].name, name) == 0)
            return &record->fields[i];
    }
    return NULL;
}

/* Names longer than this are never typos of ours; keeps the rows fixed. */
#define SUGGEST_MAX 64u

static char fold(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* Levenshtein distance ignoring ASCII case; SIZE_MAX when too long. */
static size_t distance(const char *a, const char *b)
{
    size_t row[SUGGEST_MAX + 1], prev, i, j, la = strlen(a), lb = strlen(b);
    size_t diag, best;

    if (la > SUGGEST_MAX || lb > SUGGEST_MAX)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        prev = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            diag = prev + (fold(a[i - 1]) != fold(b[j - 1]));
            prev = row[j];
            best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
            row[j] = diag < best ? diag : best;
        }
    }
    return row[lb];
}

/* Keeps `candidate` in *best when it is closer than anything so far. */
static void consider(const char *name, const char *candidate, const char **best,
                     size_t *best_d)
{
    size_t d = distance(name, candidate);

    if (d < *best_d) {
        *best = candidate;
        *best_d = d;
    }
}

/* Suggestions must be within a third of the name's length (at least 1). */
static size_t suggest_limit(const char *name)
{
    size_t limit = strlen(name) / 3;

    return limit < 1 ? 1 : limit;
}

/* Other names a chart or an export gives the fields of the case format.
 * Spelling alone misleads here: 'creatine_kinase' is closest to
 * 'creatinine', and a CK of 900 written there would be read as a
 * creatinine. A name of this list suggests its own field, or nothing
 * where the record has no such field. */
static const struct {
    const char *alias, *field;
} FIELD_ALIASES[] = {
    {"creatine_kinase", "ck"}, {"creatine_phosphokinase", "ck"},
    {"cpk", "ck"}, {"ck_total", "ck"},
    {"temperature", "temp"}, {"body_temperature", "temp"},
    {"heart_rate", "hr"}, {"pulse", "hr"}, {"pulse_rate", "hr"},
    {"systolic", "sbp"}, {"systolic_bp", "sbp"},
    {"diastolic", "dbp"}, {"diastolic_bp", "dbp"},
    {"respiratory_rate", "rr"}, {"resp_rate", "rr"},
    {"white_cell_count", "wbc"}, {"white_blood_cells", "wbc"},
    {"leukocytes", "wbc"}, {"sweating", "diaphoresis"},
};

const char *nms_schema_suggest(const struct nms_schema *record,
                               const char *name)
{
    const char *best = NULL;
    size_t i, best_d = suggest_limit(name) + 1;

    for (i = 0; i < sizeof FIELD_ALIASES / sizeof FIELD_ALIASES[0]; i++) {
        if (strcasecmp(name, FIELD_ALIASES[i].alias) == 0) {
            const struct nms_field *f =
                nms_schema_field(record, FIELD_ALIASES[i].field);
            return f ? f->name : NULL;
        }
    }
    for (i = 0; i < record->n_fields; i++)
        consider(name, record->fields[i].name, &best, &best_d);
    return best;
}

/* The abbreviations charts and EHR exports write for a route or a
 * temperature site (PO for "by mouth", PR for "by rectum", SQ and subcut
 * for subcutaneous), each standing for one value of the case format. */
static const struct {
    const char *alias, *value;
} VALUE_ALIASES[] = {
    {"po", "oral"}, {"pr", "rectal"}, {"sq", "sc"}, {"subcut", "sc"},
    {"subcutaneous", "sc"}, {"intramuscular", "im"}, {"intravenous", "iv"},
    {"nasogastric", "ng"},
};

const char *nms_value_alias(const char *const *values, const char *written)
{
    size_t i, j;

    for (j = 0; j < sizeof VALUE_ALIASES / sizeof VALUE_ALIASES[0]; j++) {
        if (strcasecmp(VALUE_ALIASES[j].alias, written) != 0)
            continue;
        for (i = 0; values[i] != NULL; i++)
            if (strcmp(values[i], VALUE_ALIASES[j].value) == 0)
                return values[i];
    }
    return NULL;
}

const char *nms_suggest_value(const char *const *values, const char *name)
{
    const char *best = NULL;
    size_t best_d = suggest_limit(name) + 1;

    for (; *values != NULL; values++)
        consider(name, *values, &best, &best_d);
    return best;
}

void nms_schema_clear(const struct nms_schema *record, void *base)
{
    const struct nms_field *f;
    char *at;
    void *none = NULL;
    size_t i, zero = 0;

    for (i = 0; i < record->n_fields; i++) {
        f = &record->fields[i];
        at = (char *)base + f->offset;
        switch (f->kind) {
        case NMS_FIELD_NUMBER:
        case NMS_FIELD_TIME:
            *(double *)at = NAN;
            break;
        case NMS_FIELD_BOOL:
            *(signed char *)at = NMS_TRI_UNKNOWN;
            break;
        case NMS_FIELD_ENUM:
            *(const char **)at = NULL;
            break;
        case NMS_FIELD_STRING:
        case NMS_FIELD_RAW:
            *(char **)at = NULL;
            break;
        case NMS_FIELD_OBJECT:
            nms_schema_clear(f->record, at);
            break;
        case NMS_FIELD_ARRAY:
            /* memcpy: the member is a typed struct pointer, not a void *. */
            memcpy(at, &none, sizeof none);
            memcpy((char *)base + f->count_offset, &zero, sizeof zero);
            break;
        }
    }
}

void nms_schema_release(const struct nms_schema *record, void *base)
{
    const struct nms_field *f;
    char *at, *elems;
    size_t i, j, n;

    for (i = 0; i < record->n_fields; i++) {
        f = &record->fields[i];
        at = (char *)base + f->offset;
        switch (f->kind) {
        case NMS_FIELD_STRING:
        case NMS_FIELD_RAW:
            free(*(char **)at);
            *(char **)at = NULL;
            break;
        case NMS_FIELD_OBJECT:
            nms_schema_release(f->record, at);
            break;
        case NMS_FIELD_ARRAY:
            memcpy(&elems, at, sizeof elems);
            memcpy(&n, (char *)base + f->count_offset, sizeof n);
            for (j = 0; j < n; j++)
                nms_schema_release(f->record, elems + j * f->record->size);
            free(elems);
            elems = NULL;
            n = 0;
            memcpy(at, &elems, sizeof elems);
            memcpy((char *)base + f->count_offset, &n, sizeof n);
            break;
        default:
            break;
        }
    }
}

/* ---- lifecycle -------------------------------------------------------- */

struct nms_case *nms_case_new(const char *source, long line, long index)
{
    struct nms_case *c = calloc(1, sizeof *c);

    if (c == NULL)
        goto fail;
    nms_schema_clear(&nms_case_schema, c);
    c->source = strdup(source != NULL ? source : "-");
    if (c->source == NULL)
        goto fail;
    c->line = line;
    c->index = index;
    c->time_form = NMS_TIME_UNSET;
    c->as_of = NAN;
    return c;
fail:
    free(c);
    return NULL;
}

void nms_case_free(struct nms_case *c)
{
    size_t i;

    if (c == NULL)
        return;
    nms_schema_release(&nms_case_schema, c);
    for (i = 0; i < c->n_warnings; i++) {
        free(c->warnings[i].path);
        free(c->warnings[i].message);
    }
    free(c->warnings);
    if (c->error != NULL) {
        free(c->error->path);
        free(c->error->message);
        free(c->error);
    }
    free(c->source);
    free(c);
}

/* Copies path and message; on failure leaves nothing allocated. */
static enum nms_status copy_pair(char **path_out, char **message_out,
                                 const char *path, const char *message)
{
    char *p = strdup(path != NULL ? path : ""), *m = strdup(message);

    if (p == NULL || m == NULL)
        goto fail;
    *path_out = p;
    *message_out = m;
    return NMS_OK;
fail:
    free(p);
    free(m);
    return NMS_ENOMEM;
}

enum nms_status nms_case_warn(struct nms_case *c, const char *path,
                              const char *message)
{
    struct nms_warning *grown, *w;
    size_t n = c->n_warnings;

    /* Past the ceiling, one note stands for everything dropped. */
    if (n > NMS_MAX_WARNINGS)
        return NMS_OK;
    if (n == NMS_MAX_WARNINGS) {
        path = "";
        message = "too many warnings; the rest are not shown";
    }
    /* Capacity is 4, 8, 16, ...: it is full exactly at those counts. */
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        grown = realloc(c->warnings, (n == 0 ? 4 : n * 2) * sizeof *grown);
        if (grown == NULL)
            return NMS_ENOMEM;
        c->warnings = grown;
    }
    w = &c->warnings[n];
    if (copy_pair(&w->path, &w->message, path, message) != NMS_OK)
        return NMS_ENOMEM;
    c->n_warnings++;
    return NMS_OK;
}

enum nms_status nms_case_fail(struct nms_case *c, const char *path,
                              const char *message)
{
    struct nms_case_error *e = NULL;

    if (c->error != NULL)
        return NMS_OK; /* the first error is the one worth reading */
    e = malloc(sizeof *e);
    if (e == NULL || copy_pair(&e->path, &e->message, path, message) != NMS_OK)
        goto fail;
    c->error = e;
    return NMS_OK;
fail:
    free(e);
    return NMS_ENOMEM;
}
