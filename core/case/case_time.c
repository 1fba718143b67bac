/*
 * case_time.c - times in a case: ISO 8601 reading and writing, and
 * nms_case_finish, which settles the time a case is assessed at.
 *
 * ISO times become hours since 1970-01-01T00:00Z. The calendar arithmetic
 * is done here (Howard Hinnant's days-from-civil algorithm) rather than
 * with timegm, which is neither C11 nor POSIX and depends on the locale's
 * time zone machinery.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"
#include "case/case_int.h"
#include "nms/case.h"

/* ---- calendar --------------------------------------------------------- */

static int is_leap(long long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long long y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    long long era;
    unsigned yoe, doy, doe;

    y -= m <= 2; /* years start in March, so leap days fall at the end */
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
    long long era;
    unsigned doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long long)yoe + era * 400 + (*m <= 2);
}

/* ---- reading ISO 8601 ------------------------------------------------- */

/* Reads exactly n decimal digits at *p into *out; -1 if they are not there. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;

    for (; n > 0; n--, (*p)++) {
        if (**p < '0' || **p > '9')
            return -1;
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return 0;
}

static int expect(const char **p, char ch)
{
    if (**p != ch)
        return -1;
    (*p)++;
    return 0;
}

/* Reads ":SS" and an optional ".fff" into *seconds; absent means 0. */
static int parse_seconds(const char **p, double *seconds)
{
    double scale = 0.1;
    int s;

    *seconds = 0;
    if (**p != ':')
        return 0;
    (*p)++;
    if (digits(p, 2, &s) != 0 || s > 59)
        return -1;
    *seconds = s;
    if (**p != '.' && **p != ',')
        return 0;
    (*p)++;
    if (**p < '0' || **p > '9')
        return -1; /* a decimal sign needs at least one digit */
    for (; **p >= '0' && **p <= '9'; (*p)++, scale /= 10)
        *seconds += (**p - '0') * scale;
    return 0;
}

/* Reads "Z", "+HH:MM", "+HHMM" or "+HH" into minutes east of UTC. */
static int parse_offset(const char **p, int *minutes)
{
    int sign, h, m = 0;

    if (**p == 'Z' || **p == 'z') {
        (*p)++;
        *minutes = 0;
        return 0;
    }
    if (**p != '+' && **p != '-')
        return -1; /* an offset is required: local times are ambiguous */
    sign = **p == '-' ? -1 : 1;
    (*p)++;
    if (digits(p, 2, &h) != 0 || h > 23)
        return -1;
    if (**p == ':')
        (*p)++;
    if (**p >= '0' && **p <= '9' && (digits(p, 2, &m) != 0 || m > 59))
        return -1;
    *minutes = sign * (h * 60 + m);
    return 0;
}

int nms_time_parse_iso(const char *text, double *hours)
{
    const char *p = text;
    int y, mo, d, h, mi, offset;
    double seconds;

    if (digits(&p, 4, &y) || expect(&p, '-') || digits(&p, 2, &mo) ||
        expect(&p, '-') || digits(&p, 2, &d))
        return -1;
    if (*p != 'T' && *p != 't')
        return -1;
    p++;
    if (digits(&p, 2, &h) || expect(&p, ':') || digits(&p, 2, &mi) ||
        parse_seconds(&p, &seconds) || parse_offset(&p, &offset) || *p != '\0')
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
        mi > 59)
        return -1;
    *hours = (double)days_from_civil(y, (unsigned)mo, (unsigned)d) * 24.0 + h +
             (mi - offset) / 60.0 + seconds / 3600.0;
    return 0;
}

/* ---- writing times ---------------------------------------------------- */

/* "50 h", "50.5 h", "2.17 h": two decimals at most, no trailing zeros. */
static void format_hours(double hours, char *buf, size_t size)
{
    char num[64];
    size_t n;

    if (!(fabs(hours) < 1e9)) {   /* %.2f would print dozens of digits */
        snprintf(buf, size, "%.6g h", hours);
        return;
    }
    snprintf(num, sizeof num, "%.2f", hours);
    n = strlen(num);
    if (strchr(num, '.') != NULL) {
        while (num[n - 1] == '0')
            num[--n] = '\0';
        if (num[n - 1] == '.')
            num[--n] = '\0';
    }
    snprintf(buf, size, "%s h", strcmp(num, "-0") == 0 ? "0" : num);
}

/* "YYYY-MM-DDTHH:MMZ": the length of an ISO time to the minute. */
#define ISO_MINUTE_LEN 17

/* Writes v (< 10^width) as `width` decimal digits, zero-padded. */
static void put_digits(char *out, unsigned v, int width)
{
    while (width-- > 0) {
        out[width] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Writes ISO 8601 in UTC, to the millisecond, omitting zero seconds. */
static void format_iso(double hours, char *buf, size_t size)
{
    long long ms = llround(hours * 3600000.0), day, rest, y;
    unsigned m, d, sec, milli;
    char frac[8];
    size_t used, n;

    day = ms / 86400000;
    rest = ms % 86400000;
    if (rest < 0) { /* floor division, so times before 1970 work too */
        rest += 86400000;
        day--;
    }
    civil_from_days(day, &y, &m, &d);
    sec = (unsigned)(rest / 1000 % 60);
    milli = (unsigned)(rest % 1000);
    if (y >= 0 && y <= 9999 && sec == 0 && milli == 0 && size > ISO_MINUTE_LEN) {
        /* The usual time, to the minute, written digit by digit: what the
         * snprintf calls below write for it, at a tenth of their cost
         * (every record's assessed_at, ~0.5 % of an IEC-only case). */
        put_digits(buf, (unsigned)y, 4);
        buf[4] = '-';
        put_digits(buf + 5, m, 2);
        buf[7] = '-';
        put_digits(buf + 8, d, 2);
        buf[10] = 'T';
        put_digits(buf + 11, (unsigned)(rest / 3600000), 2);
        buf[13] = ':';
        put_digits(buf + 14, (unsigned)(rest / 60000 % 60), 2);
        buf[16] = 'Z';
        buf[17] = '\0';
        return;
    }
    snprintf(buf, size, "%04lld-%02u-%02uT%02u:%02u", y, m, d,
             (unsigned)(rest / 3600000), (unsigned)(rest / 60000 % 60));
    frac[0] = '\0';
    if (milli != 0) { /* ".5", not ".500" */
        snprintf(frac, sizeof frac, ".%03u", milli);
        for (n = strlen(frac); n > 1 && frac[n - 1] == '0'; n--)
            frac[n - 1] = '\0';
    }
    used = strlen(buf);
    if (sec != 0 || milli != 0)
        snprintf(buf + used, size - used, ":%02u%sZ", sec, frac);
    else
        snprintf(buf + used, size - used, "Z");
}

/* Beyond this many hours (~114,000 years) ISO output makes no sense. */
#define ISO_HOURS_MAX 1e9

char *nms_time_format(double hours, enum nms_time_form form, char *buf,
                      size_t size)
{
    if (size == 0)
        return buf;
    if (isnan(hours))
        snprintf(buf, size, "unknown");
    else if (form == NMS_TIME_ISO && fabs(hours) < ISO_HOURS_MAX)
        format_iso(hours, buf, size);
    else
        format_hours(hours, buf, size);
    return buf;
}

/* ---- completing a case ------------------------------------------------ */

/* Keeps the elements whose time at `t_offset` is not after as_of. */
static size_t keep_until(const struct nms_schema *rec, char *elems, size_t n,
                         size_t t_offset, double as_of)
{
    size_t i, kept = 0;
    double t;

    for (i = 0; i < n; i++) {
        char *e = elems + i * rec->size;
        memcpy(&t, e + t_offset, sizeof t);
        if (t > as_of) { /* NAN compares false: undated data is kept */
            nms_schema_release(rec, e);
            continue;
        }
        if (kept != i)
            memcpy(elems + kept * rec->size, e, rec->size);
        kept++;
    }
    return kept;
}

static const struct nms_schema *record_of(const struct nms_schema *parent,
                                          const char *name)
{
    return nms_schema_field(parent, name)->record;
}

/* Forgets what happened after as_of, as if the case were read then. */
static void apply_as_of(struct nms_case *c, double as_of)
{
    const struct nms_schema *top = &nms_case_schema;
    const struct nms_schema *med = record_of(top, "medications");
    struct nms_medication *m;
    size_t i;

    if (c->onset > as_of)
        c->onset = NAN; /* as of then, the syndrome had not begun */
    c->n_medications =
        keep_until(med, (char *)c->medications, c->n_medications,
                   offsetof(struct nms_medication, start), as_of);
    for (i = 0; i < c->n_medications; i++) {
        m = &c->medications[i];
        if (m->stop > as_of)
            m->stop = NAN; /* as of then, it was still being given */
        m->n_doses =
            keep_until(record_of(med, "doses"), (char *)m->doses, m->n_doses,
                       offsetof(struct nms_dose, t), as_of);
    }
    c->n_vitals =
        keep_until(record_of(top, "vitals"), (char *)c->vitals, c->n_vitals,
                   offsetof(struct nms_vitals, t), as_of);
    c->n_labs = keep_until(record_of(top, "labs"), (char *)c->labs, c->n_labs,
                           offsetof(struct nms_labs, t), as_of);
    c->n_exam = keep_until(record_of(top, "exam"), (char *)c->exam, c->n_exam,
                           offsetof(struct nms_exam, t), as_of);
}

/* State of one walk over every time in a case. */
struct time_walk {
    struct nms_case *c;
    int warn;      /* 1: warn about times after assessed_at */
    double latest; /* the latest time seen; NAN while none */
    enum nms_status status;
    char path[NMS_MAX_PATH];
    double *times; /* nms_case_times: every time seen, else NULL */
    size_t n_times;
};

static void visit_time(struct time_walk *w, const struct nms_field *f, double t,
                       const struct nms_path_step *at)
{
    char msg[256], when[48], at_text[48];

    if (isnan(t) || strcmp(f->name, "assessed_at") == 0)
        return;
    if (w->times && w->n_times < NMS_CASE_MAX_TIMES)
        w->times[w->n_times++] = t;
    if (isnan(w->latest) || t > w->latest)
        w->latest = t;
    /* A stop after assessed_at is meaningful: the drug was still given. */
    if (!w->warn || t <= w->c->assessed_at || strcmp(f->name, "stop") == 0)
        return;
    snprintf(msg, sizeof msg,
             "%s is after assessed_at (%s); ignored for windows measured "
             "back from it",
             nms_time_format(t, w->c->time_form, when, sizeof when),
             nms_time_format(w->c->assessed_at, w->c->time_form, at_text,
                             sizeof at_text));
    nms_path_steps(w->path, sizeof w->path, at);
    if (nms_case_warn(w->c, w->path, msg) != NMS_OK)
        w->status = NMS_ENOMEM;
}

/* Visits every time field under the struct at `base`, depth first; `at`
 * is the path's step to `base`. */
static void walk_times(struct time_walk *w, const struct nms_schema *rec,
                       const char *base, const struct nms_path_step *at)
{
    const struct nms_field *f;
    const char *elems;
    struct nms_path_step field, entry;
    size_t i, j, n;

    for (i = 0; i < rec->n_fields && w->status == NMS_OK; i++) {
        f = &rec->fields[i];
        if (f->kind != NMS_FIELD_TIME && f->kind != NMS_FIELD_OBJECT &&
            f->kind != NMS_FIELD_ARRAY)
            continue;   /* no time under it */
        field.up = at;
        field.name = f->name;
        field.index = 0;
        if (f->kind == NMS_FIELD_TIME) {
            double t;
            memcpy(&t, base + f->offset, sizeof t);
            visit_time(w, f, t, &field);
        } else if (f->kind == NMS_FIELD_OBJECT) {
            walk_times(w, f->record, base + f->offset, &field);
        } else if (f->kind == NMS_FIELD_ARRAY) {
            memcpy(&elems, base + f->offset, sizeof elems);
            memcpy(&n, base + f->count_offset, sizeof n);
            entry.up = &field;
            entry.name = NULL;
            for (j = 0; j < n && w->status == NMS_OK; j++) {
                entry.index = j;
                walk_times(w, f->record, elems + j * f->record->size, &entry);
            }
        }
    }
}

/* "<source>:<line>" for a record with a line, else "<source>#<index>". */
static enum nms_status default_id(struct nms_case *c)
{
    size_t size = strlen(c->source) + 32;

    c->id = malloc(size);
    if (c->id == NULL)
        return NMS_ENOMEM;
    if (c->line > 0)
        snprintf(c->id, size, "%s:%ld", c->source, c->line);
    else
        snprintf(c->id, size, "%s#%ld", c->source, c->index);
    return NMS_OK;
}

/* A course that stops before it starts cannot be read either way, and
 * guessing which time is wrong would change the exposure window: fail the
 * case, naming the stop. Returns NMS_OK or NMS_ENOMEM. */
static enum nms_status check_courses(struct nms_case *c)
{
    char path[64], msg[160], stop[48], start[48];
    size_t i;

    for (i = 0; i < c->n_medications && c->error == NULL; i++) {
        const struct nms_medication *m = &c->medications[i];
        if (isnan(m->start) || isnan(m->stop) || m->stop >= m->start)
            continue;
        snprintf(path, sizeof path, "medications[%zu].stop", i);
        snprintf(msg, sizeof msg, "%s is before start (%s)",
                 nms_time_format(m->stop, c->time_form, stop, sizeof stop),
                 nms_time_format(m->start, c->time_form, start, sizeof start));
        if (nms_case_fail(c, path, msg) != NMS_OK)
            return NMS_ENOMEM;
    }
    return NMS_OK;
}

enum nms_status nms_case_finish(struct nms_case *c, double as_of)
{
    struct time_walk w;

    if (c->id == NULL && default_id(c) != NMS_OK)
        return NMS_ENOMEM;
    if (c->error == NULL && check_courses(c) != NMS_OK)
        return NMS_ENOMEM;
    if (c->error != NULL)
        return NMS_OK;
    if (!isnan(as_of)) {
        c->as_of = as_of;
        apply_as_of(c, as_of);
        c->assessed_at = as_of;
        return NMS_OK;
    }
    memset(&w, 0, sizeof w);
    w.c = c;
    w.warn = c->assessed_at_given && !isnan(c->assessed_at);
    w.latest = NAN;
    w.status = NMS_OK;
    walk_times(&w, &nms_case_schema, (const char *)c, NULL);
    if (!c->assessed_at_given)
        c->assessed_at = w.latest;
    return w.status;
}

int nms_time_read_span(const char *text, double *hours)
{
    const char *end;
    double h, scale = 1;

    errno = 0;
    /* Decimal only: "0x10h" was 16 hours, " 5h" 5 (nms_decimal_prefix). */
    if (nms_decimal_read(text, &h, &end) != 0 || errno != 0)
        return -1;
    if (strcmp(end, "d") == 0 || strcmp(end, "days") == 0)
        scale = 24;
    else if (strcmp(end, "min") == 0)
        scale = 1.0 / 60;
    else if (*end && strcmp(end, "h") != 0)
        return -1;
    *hours = h * scale;
    return 0;
}

int nms_time_read(const char *text, double *hours, enum nms_time_form *form)
{
    const char *end;
    double h;

    if (nms_time_parse_iso(text, hours) == 0) {
        *form = NMS_TIME_ISO;
        return 0;
    }
    if (nms_decimal_read(text, &h, &end) != 0 || *end)
        return -1;
    *hours = h;
    *form = NMS_TIME_HOURS;
    return 0;
}

static int by_time(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

enum nms_status nms_case_times(struct nms_case *c, double **out, size_t *n)
{
    struct time_walk w;
    size_t i, kept = 0;

    *out = NULL;
    *n = 0;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.latest = NAN;
    w.status = NMS_OK;
    w.times = malloc(NMS_CASE_MAX_TIMES * sizeof *w.times);
    if (w.times == NULL)
        return NMS_ENOMEM;
    walk_times(&w, &nms_case_schema, (const char *)c, NULL);   /* warn = 0: reads only */
    if (!isnan(c->assessed_at) && w.n_times < NMS_CASE_MAX_TIMES)
        w.times[w.n_times++] = c->assessed_at;
    qsort(w.times, w.n_times, sizeof *w.times, by_time);
    for (i = 0; i < w.n_times; i++)
        if (!(w.times[i] > c->assessed_at) &&
            (kept == 0 || w.times[i] != w.times[kept - 1]))
            w.times[kept++] = w.times[i];
    *out = w.times;
    *n = kept;
    return NMS_OK;
}
