/*
 * case.h - one clinical case record, parsed, validated and normalised.
 *
 * A case is built from one JSON object (see docs/case-format.md). Every
 * value is in its canonical unit (temp in degrees C, CK in U/L, ...), every
 * time is in hours: for ISO 8601 input, hours since 1970-01-01T00:00Z; for
 * numeric input, the case's own hours. Absent data is kept as absent:
 * numbers are NAN, booleans NMS_TRI_UNKNOWN, enumerations and strings NULL.
 *
 * Arrays: an array the record gave, even an empty one, has a non-NULL
 * pointer; an array it did not give is NULL (unknown).
 *
 * Ownership: a case owns all its strings and arrays; nms_case_free releases
 * them. Enumerated values point into static tables and are never freed.
 */
#ifndef NMS_CASE_H
#define NMS_CASE_H

#include <stddef.h>

#include "nms/status.h"

/* Three-valued booleans: absent, known false, known true. */
enum nms_tri { NMS_TRI_UNKNOWN = -1, NMS_TRI_FALSE = 0, NMS_TRI_TRUE = 1 };

/* How a case wrote its times; one case uses one form. */
enum nms_time_form { NMS_TIME_UNSET = 0, NMS_TIME_HOURS, NMS_TIME_ISO };

struct nms_dose {
    double t;
    double mg;
};

struct nms_medication {
    char *drug;          /* as written (matched case-insensitively by rules) */
    char *atc;           /* ATC code or NULL */
    const char *route;   /* "oral", "im", ... or NULL */
    double start;        /* NAN when not given */
    double stop;         /* NAN: still given */
    struct nms_dose *doses;
    size_t n_doses;
};

struct nms_vitals {
    double t, temp;
    const char *temp_site;
    double hr, sbp, dbp, rr;
};

struct nms_labs {
    double t, ck, ck_uln, wbc, iron, creatinine, potassium;
    signed char myoglobinuria, csf_pleocytosis;
};

struct nms_exam {
    double t;
    const char *rigidity, *mental_status;
    signed char agitation, diaphoresis, tremor, incontinence, mutism,
        dysphagia, hyperreflexia, mydriasis;
    /* Extrapyramidal signs (Pope 1986), serotonergic signs (Sternbach
     * 1991), catatonic signs (DSM-5) and other differential features. */
    signed char sialorrhea, cogwheeling, oculogyric_crisis, retrocollis,
        opisthotonos, trismus, choreiform_movements, dyskinetic_movements,
        festinating_gait, flexor_extensor_posturing;
    signed char myoclonus, shivering, diarrhea, incoordination;
    signed char catalepsy, waxy_flexibility, negativism, posturing, mannerism,
        stereotypy, grimacing, echolalia, echopraxia;
    signed char hyporeflexia, urinary_retention, meningism;
    const char *clonus, *skin, *bowel_sounds;
};

struct nms_patient {
    double age;
    const char *sex;
};

struct nms_baseline {
    double hr, sbp, dbp, rr;
};

struct nms_workup {
    const char *infection, *toxic, *metabolic, *neurologic, *psychiatric;
};

struct nms_history {
    signed char prior_nms, dehydration, agitation, catatonia, exhaustion,
        iron_deficiency, organic_brain_disease, parkinson_disease, restraints,
        heat_exposure, exertion;
};

struct nms_complications {
    signed char acute_kidney_injury, rhabdomyolysis, metabolic_acidosis,
        seizures, dic, respiratory_failure;
};

/* A problem with the data that does not stop evaluation. */
struct nms_warning {
    char *path;    /* e.g. "vitals[2].temp" */
    char *message;
};

/* Why a case could not be evaluated; path may be "" for the whole record. */
struct nms_case_error {
    char *path;
    char *message;
};

struct nms_case {
    char *id;
    char *source;     /* file name, or "-" for standard input */
    long line;        /* first line of the record in source, 0 if unknown */
    long index;       /* 0-based position of the record in source */

    enum nms_time_form time_form;
    double assessed_at;      /* NAN until known; defaulted by nms_case_finish */
    int assessed_at_given;   /* 1 if the record named it */
    double onset;            /* symptom onset as the record gives it, or NAN:
                              * rules measure exposure windows back from it */

    struct nms_patient patient;
    struct nms_baseline baseline;
    struct nms_workup workup;
    struct nms_history history;
    struct nms_complications complications;

    struct nms_medication *medications;
    size_t n_medications;
    struct nms_vitals *vitals;
    size_t n_vitals;
    struct nms_labs *labs;
    size_t n_labs;
    struct nms_exam *exam;
    size_t n_exam;

    char *label_json;   /* the "label" value re-serialised, or NULL */

    /* For the audit trail of every result: the SHA-256 (64 hex digits) of
     * the record's text as read ("" when the case came from no text), and
     * the --as-of time applied (NAN when none). */
    char input_sha256[65];
    double as_of;

    struct nms_warning *warnings;
    size_t n_warnings;
    struct nms_case_error *error;   /* non-NULL: the case cannot be evaluated */
};

/*
 * Allocates an empty case (everything unknown) for record `index` starting
 * at `line` of `source`. Returns NULL when out of memory.
 */
struct nms_case *nms_case_new(const char *source, long line, long index);

/* Releases a case and everything it owns; accepts NULL. */
void nms_case_free(struct nms_case *c);

/*
 * Parses one JSON object of `len` bytes into a new case. Always returns a
 * case unless memory runs out (NULL): when the text is not a valid case,
 * the returned case has `error` set, naming the field and what is wrong, so
 * the caller can still write one record for it. Warnings (unknown field
 * names, implausible values) are collected in the case.
 */
struct nms_case *nms_case_parse(const char *text, size_t len,
                                const char *source, long line, long index);

/*
 * Completes a parsed case: applies `as_of` (NAN for none; data after it is
 * ignored and assessed_at becomes as_of), defaults assessed_at to the latest
 * time in the record and the id to "<source>:<line>" or "<source>#<index>".
 * Returns NMS_OK or NMS_ENOMEM.
 */
enum nms_status nms_case_finish(struct nms_case *c, double as_of);

/* Appends a warning; returns NMS_OK or NMS_ENOMEM. */
enum nms_status nms_case_warn(struct nms_case *c, const char *path,
                              const char *message);

/* Marks the case as not evaluable (first error wins); NMS_OK or NMS_ENOMEM. */
enum nms_status nms_case_fail(struct nms_case *c, const char *path,
                              const char *message);

/*
 * Parses an ISO 8601 date-time ("2026-03-03T02:10Z", "...T02:10:30.5+01:00")
 * into hours since 1970-01-01T00:00Z. Returns 0 on success, -1 if `text` is
 * not such a time.
 */
int nms_time_parse_iso(const char *text, double *hours);

/*
 * The one reader of a time as people give one (--as-of, .at, an edit's
 * "at TIME"): an ISO 8601 date-time, or the whole text a finite number of
 * hours. Fills *hours and *form; returns 0, or -1 when it is neither.
 */
int nms_time_read(const char *text, double *hours, enum nms_time_form *form);

/*
 * Whether an ISO 8601 time as written (one nms_time_parse_iso reads) is
 * one of the dates databases and programs write for a date not known, on
 * or before 1900-01-01 or in the year 9999: a phrase saying which ("dated
 * on or before 1900-01-01"), or NULL for a date a record can hold. The one
 * rule for case times and for the times people give (--as-of, the REPL's
 * .at and edits, nms.evaluate's as_of): never a clinical time.
 */
const char *nms_time_placeholder(const char *iso);

/*
 * Reads a number of hours as people write one: "30", "30h", "-6h", "2d"
 * (or "2days"), "90min". Returns 0 with *hours set, or -1.
 */
int nms_time_read_span(const char *text, double *hours);

/* Most times nms_case_times lists for one case. */
#ifndef NMS_CASE_MAX_TIMES
#define NMS_CASE_MAX_TIMES 100000u
#endif

/*
 * The distinct times of finished case `c` up to its assessment, in order:
 * every time field of the record (vitals, labs, exams, doses, starts and
 * stops, onset) that is not after assessed_at, and assessed_at itself.
 * Reads c only. *out is a new array (free()) of *n times. Returns NMS_OK
 * or NMS_ENOMEM.
 */
enum nms_status nms_case_times(struct nms_case *c, double **out, size_t *n);

/*
 * Writes time `hours` in `form` into buf: ISO as "2026-03-03T02:10Z"
 * (seconds shown only when non-zero), hours as "50 h". Returns buf.
 */
char *nms_time_format(double hours, enum nms_time_form form, char *buf,
                      size_t size);

#endif
