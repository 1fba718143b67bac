/*
 * gen_write.c - prints a generated case as one line of compact JSON.
 *
 * Written with a small appender rather than cJSON: the house rule keeps
 * cJSON inside core/input/case_json.c, the generator's strings are its own
 * ASCII tables (escaped all the same), and every number is an integer
 * printed with a fixed number of decimals, so the bytes cannot depend on a
 * platform's float formatting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/gen_int.h"

/* Output buffers start at this size and double; a case is about 1 kB. */
#define BUF_START 4096

const char *const gen_sites[] = {"oral", "tympanic", "axillary", "rectal",
                                 "core"};

const char *const gen_sign_names[GEN_N_SIGNS] = {
    "diaphoresis",      "tremor",
    "incontinence",     "mutism",
    "dysphagia",        "agitation",
    "hyperreflexia",    "hyporeflexia",
    "mydriasis",        "sialorrhea",
    "myoclonus",        "shivering",
    "diarrhea",         "urinary_retention",
    "meningism",        "catalepsy",
    "waxy_flexibility", "negativism",
    "posturing",        "cogwheeling"};

static const char *const rigidities[] = {"none", "mild", "moderate", "severe"};
static const char *const mentals[] = {"alert", "confused", "delirium", "stupor",
                                      "coma"};
static const char *const cloni[] = {"none", "inducible", "spontaneous",
                                    "ocular"};
static const char *const skins[] = {"normal", "diaphoretic", "dry", "flushed"};
static const char *const bowels[] = {"normal", "decreased", "absent",
                                     "hyperactive"};
static const char *const sexes[] = {"female", "male", "other", "unknown"};
static const char *const workups[GEN_N_WORKUP] = {
    "infection", "toxic", "metabolic", "neurologic", "psychiatric"};
static const char *const workup_values[] = {"negative", "positive", "pending"};
static const char *const histories[GEN_N_HISTORY] = {
    "prior_nms",  "dehydration",   "agitation",
    "catatonia",  "exhaustion",    "parkinson_disease",
    "restraints", "heat_exposure", "exertion"};

/* ------------------------------------------------------------------ */
/* The appender                                                        */
/* ------------------------------------------------------------------ */

void nms_gen_buf_release(struct nms_gen_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

static void put(struct nms_gen_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : BUF_START;
        char *p;
        while (b->len + n + 1 > cap)
            cap *= 2;
        if (!(p = realloc(b->data, cap))) {
            b->oom = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void puts_(struct nms_gen_buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* A comma before every value but the first at this level. */
static void sep(struct nms_gen_buf *b)
{
    if (b->comma[b->depth])
        put(b, ",", 1);
    b->comma[b->depth] = 1;
}

static void open_(struct nms_gen_buf *b, const char *brace)
{
    puts_(b, brace);
    b->depth++;
    b->comma[b->depth] = 0;
}

static void close_(struct nms_gen_buf *b, const char *brace)
{
    puts_(b, brace);
    b->depth--;
}

/* A JSON string with the escapes RFC 8259 requires. */
static void str(struct nms_gen_buf *b, const char *s)
{
    char esc[8];

    put(b, "\"", 1);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            esc[0] = '\\';
            esc[1] = (char)ch;
            put(b, esc, 2);
        } else if (ch < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", ch);
            put(b, esc, 6);
        } else {
            put(b, s, 1);
        }
    }
    put(b, "\"", 1);
}

/* "name": with the comma before it when needed; the value follows. */
static void key(struct nms_gen_buf *b, const char *name)
{
    sep(b);
    str(b, name);
    put(b, ":", 1);
}

/* `v` / 10^decimals with exactly `decimals` digits after the point. */
static void fixed(struct nms_gen_buf *b, long long v, int decimals)
{
    char text[32];
    long long scale = 1, a = v < 0 ? -v : v;
    int i;

    for (i = 0; i < decimals; i++)
        scale *= 10;
    if (decimals == 0)
        snprintf(text, sizeof text, "%lld", v);
    else
        snprintf(text, sizeof text, "%s%lld.%0*lld", v < 0 ? "-" : "",
                 a / scale, decimals, a % scale);
    puts_(b, text);
}

static void key_int(struct nms_gen_buf *b, const char *name, long long v)
{
    key(b, name);
    fixed(b, v, 0);
}

static void key_str(struct nms_gen_buf *b, const char *name, const char *v)
{
    key(b, name);
    str(b, v);
}

/* {"value": v, "unit": unit}, a quantity of the case format. */
static void quantity(struct nms_gen_buf *b, long long v, int decimals,
                     const char *unit)
{
    open_(b, "{");
    key(b, "value");
    fixed(b, v, decimals);
    key_str(b, "unit", unit);
    close_(b, "}");
}

/* ------------------------------------------------------------------ */
/* Times                                                               */
/* ------------------------------------------------------------------ */

/* Year, month, day of a day count since 1970-01-01 (H. Hinnant's
 * days_from_civil inverse, proleptic Gregorian). */
static void civil(long long days, int *y, int *m, int *d)
{
    long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void iso_time(struct nms_gen_buf *b, const struct gen_case *c, long t)
{
    char text[48];
    long long local = c->origin + t + c->offset_min;
    long long days = local >= 0 ? local / 1440 : -((-local + 1439) / 1440);
    int min = (int)(local - days * 1440), y, mo, d;
    int off = c->offset_min < 0 ? -c->offset_min : c->offset_min;
    const char *sign = c->offset_min < 0 ? "-" : "+";
    int n;

    civil(days, &y, &mo, &d);
    n = snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d", y, mo, d,
                 min / 60, min % 60);
    if (c->offset_min == 0 && c->offset_style == 2)
        snprintf(text + n, sizeof text - (size_t)n, "Z\"");
    else if (c->offset_style == 1)
        snprintf(text + n, sizeof text - (size_t)n, "%s%02d%02d\"", sign,
                 off / 60, off % 60);
    else
        snprintf(text + n, sizeof text - (size_t)n, "%s%02d:%02d\"", sign,
                 off / 60, off % 60);
    puts_(b, text);
}

/* Minutes as hours with at most two decimals, rounded half up. */
static void hours(struct nms_gen_buf *b, long t)
{
    long a = t < 0 ? -t : t, h100 = (a * 10 + 3) / 6;
    char text[32];
    int n;

    n = snprintf(text, sizeof text, "%s%ld.%02ld", t < 0 && h100 ? "-" : "",
                 h100 / 100, h100 % 100);
    while (text[n - 1] == '0')
        text[--n] = '\0';
    if (text[n - 1] == '.')
        text[--n] = '\0';
    puts_(b, text);
}

static void key_time(struct nms_gen_buf *b, const struct gen_case *c,
                     const char *name, long t)
{
    key(b, name);
    if (c->iso)
        iso_time(b, c, t);
    else
        hours(b, t);
}

/* ------------------------------------------------------------------ */
/* The sections of a case                                              */
/* ------------------------------------------------------------------ */

static void write_med(struct nms_gen_buf *b, const struct gen_case *c,
                      const struct gen_med *m)
{
    int i;

    sep(b);
    open_(b, "{");
    key_str(b, "drug", m->drug);
    if (m->atc)
        key_str(b, "atc", m->atc);
    if (m->route)
        key_str(b, "route", m->route);
    if (m->start != LONG_MIN)
        key_time(b, c, "start", m->start);
    if (m->stop != LONG_MIN)
        key_time(b, c, "stop", m->stop);
    if (m->n_doses > 0) {
        key(b, "doses");
        open_(b, "[");
        for (i = 0; i < m->n_doses; i++) {
            sep(b);
            open_(b, "{");
            key_time(b, c, "t", m->dose_t[i]);
            key(b, "mg");
            if (m->dose_mg10[i] % 10)
                fixed(b, m->dose_mg10[i], 1);
            else
                fixed(b, m->dose_mg10[i] / 10, 0);
            close_(b, "}");
        }
        close_(b, "]");
    }
    close_(b, "}");
}

static void write_temp(struct nms_gen_buf *b, const struct gen_vital *v)
{
    int f10 = (v->temp10 * 18 + 5) / 10 + 320; /* tenths of a degree F */

    key(b, "temp");
    if (v->temp_unit == TEMP_DEGF)
        quantity(b, f10, 1, "[degF]");
    else if (v->temp_unit == TEMP_DEGF_BARE)
        fixed(b, f10, 1);
    else
        fixed(b, v->temp10, 1);
}

static void write_vital(struct nms_gen_buf *b, const struct gen_case *c,
                        const struct gen_vital *v)
{
    sep(b);
    open_(b, "{");
    key_time(b, c, "t", v->t);
    if (v->temp10 != GEN_NONE)
        write_temp(b, v);
    if (v->temp10 != GEN_NONE && v->site >= 0)
        key_str(b, "temp_site", gen_sites[v->site]);
    if (v->hr != GEN_NONE)
        key_int(b, "hr", v->hr);
    if (v->sbp != GEN_NONE)
        key_int(b, "sbp", v->sbp);
    if (v->dbp != GEN_NONE)
        key_int(b, "dbp", v->dbp);
    if (v->rr != GEN_NONE)
        key_int(b, "rr", v->rr);
    close_(b, "}");
}

static void write_lab(struct nms_gen_buf *b, const struct gen_case *c,
                      const struct gen_lab *l)
{
    sep(b);
    open_(b, "{");
    key_time(b, c, "t", l->t);
    if (l->ck != GEN_NONE) {
        key(b, "ck");
        if (l->us_units)
            quantity(b, l->ck, 0, "[IU]/L");
        else
            fixed(b, l->ck, 0);
    }
    if (l->ck_uln != GEN_NONE)
        key_int(b, "ck_uln", l->ck_uln);
    if (l->wbc10 != GEN_NONE) {
        key(b, "wbc");
        if (l->wbc_bare_per_ul)
            fixed(b, (long long)l->wbc10 * 100, 0);
        else if (l->us_units)
            quantity(b, (long long)l->wbc10 * 100, 0, "/uL");
        else
            fixed(b, l->wbc10, 1);
    }
    if (l->iron10 != GEN_NONE) {
        key(b, "iron");
        if (l->us_units) /* ug/dL = umol/L x 5.5845 */
            quantity(b, ((long long)l->iron10 * 55845 + 50000) / 100000, 0,
                     "ug/dL");
        else
            fixed(b, l->iron10, 1);
    }
    if (l->creat100 != GEN_NONE) {
        key(b, "creatinine");
        if (l->us_units) /* umol/L = mg/dL x 88.42 */
            quantity(b, ((long long)l->creat100 * 8842 + 5000) / 10000, 0,
                     "umol/L");
        else
            fixed(b, l->creat100, 2);
    }
    if (l->k10 != GEN_NONE)
        key(b, "potassium"), fixed(b, l->k10, 1);
    if (l->myoglobinuria >= 0)
        key(b, "myoglobinuria"), puts_(b, l->myoglobinuria ? "true" : "false");
    close_(b, "}");
}

static void write_exam(struct nms_gen_buf *b, const struct gen_case *c,
                       const struct gen_exam *e)
{
    int i;

    sep(b);
    open_(b, "{");
    key_time(b, c, "t", e->t);
    if (e->rigidity >= 0)
        key_str(b, "rigidity", rigidities[e->rigidity]);
    if (e->mental >= 0)
        key_str(b, "mental_status", mentals[e->mental]);
    for (i = 0; i < GEN_N_SIGNS; i++)
        if (e->sign[i] >= 0)
            key(b, gen_sign_names[i]), puts_(b, e->sign[i] ? "true" : "false");
    if (e->clonus >= 0)
        key_str(b, "clonus", cloni[e->clonus]);
    if (e->skin >= 0)
        key_str(b, "skin", skins[e->skin]);
    if (e->bowel >= 0)
        key_str(b, "bowel_sounds", bowels[e->bowel]);
    close_(b, "}");
}

/* An object of flags (-1 not recorded), written only when one is known. */
static void write_flags(struct nms_gen_buf *b, const char *name,
                        const signed char *flags, const char *const *names,
                        int n)
{
    int i, any = 0;

    for (i = 0; i < n; i++)
        any |= flags[i] >= 0;
    if (!any)
        return;
    key(b, name);
    open_(b, "{");
    for (i = 0; i < n; i++)
        if (flags[i] >= 0)
            key(b, names[i]), puts_(b, flags[i] ? "true" : "false");
    close_(b, "}");
}

static void write_head(struct nms_gen_buf *b, const struct gen_case *c)
{
    char id[48];

    snprintf(id, sizeof id, "gen-%lu-%lu", c->seed, c->index + 1);
    key_str(b, "id", id);
    if (c->has_assessed)
        key_time(b, c, "assessed_at", c->assessed);
    if (c->has_onset)
        key_time(b, c, "onset", c->onset);
    if (c->age != GEN_NONE || c->sex >= 0) {
        key(b, "patient");
        open_(b, "{");
        if (c->age != GEN_NONE)
            key_int(b, "age", c->age);
        if (c->sex >= 0)
            key_str(b, "sex", sexes[c->sex]);
        close_(b, "}");
    }
    if (c->base_hr != GEN_NONE) {
        key(b, "baseline");
        open_(b, "{");
        key_int(b, "hr", c->base_hr);
        if (c->base_sbp != GEN_NONE)
            key_int(b, "sbp", c->base_sbp), key_int(b, "dbp", c->base_dbp);
        if (c->base_rr != GEN_NONE)
            key_int(b, "rr", c->base_rr);
        close_(b, "}");
    }
}

static void write_workup(struct nms_gen_buf *b, const struct gen_case *c)
{
    int i, any = 0;

    for (i = 0; i < GEN_N_WORKUP; i++)
        any |= c->workup[i] >= 0;
    if (!any)
        return;
    key(b, "workup");
    open_(b, "{");
    for (i = 0; i < GEN_N_WORKUP; i++)
        if (c->workup[i] >= 0)
            key_str(b, workups[i], workup_values[c->workup[i]]);
    close_(b, "}");
}

static void write_label(struct nms_gen_buf *b, const struct gen_case *c)
{
    key(b, "label");
    open_(b, "{");
    key(b, "nms");
    puts_(b, c->nms ? "true" : "false");
    key_str(b, "scenario", c->scenario);
    if (c->onset_in_label)
        key_time(b, c, "onset", c->onset);
    close_(b, "}");
}

int gen_write_case(struct nms_gen_buf *b, const struct gen_case *c)
{
    static const char *const complications[] = {"acute_kidney_injury",
                                                "rhabdomyolysis"};
    const signed char comp[] = {c->aki, c->rhabdo};
    int i;

    b->depth = 0;
    b->comma[0] = 0;
    open_(b, "{");
    write_head(b, c);
    if (c->n_meds > 0) {
        key(b, "medications");
        open_(b, "[");
        for (i = 0; i < c->n_meds; i++)
            write_med(b, c, &c->meds[i]);
        close_(b, "]");
    }
    if (c->n_vitals > 0) {
        key(b, "vitals");
        open_(b, "[");
        for (i = 0; i < c->n_vitals; i++)
            write_vital(b, c, &c->vitals[i]);
        close_(b, "]");
    }
    if (c->n_labs > 0) {
        key(b, "labs");
        open_(b, "[");
        for (i = 0; i < c->n_labs; i++)
            write_lab(b, c, &c->labs[i]);
        close_(b, "]");
    }
    if (c->n_exams > 0) {
        key(b, "exam");
        open_(b, "[");
        for (i = 0; i < c->n_exams; i++)
            write_exam(b, c, &c->exams[i]);
        close_(b, "]");
    }
    write_workup(b, c);
    write_flags(b, "history", c->history, histories, GEN_N_HISTORY);
    write_flags(b, "complications", comp, complications, 2);
    write_label(b, c);
    close_(b, "}");
    put(b, "\n", 1);
    return b->oom ? -1 : 0;
}
