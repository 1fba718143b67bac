/*
 * units.c - the measured quantities of a case: canonical units, accepted
 * alternative UCUM units with their conversions, and plausible ranges.
 *
 * Every numeric field of the case table (case.c) points at one of these.
 * The JSON reader converts a {"value", "unit"} quantity with
 * nms_quantity_convert and, when the result is implausible, asks
 * nms_quantity_explain what the writer probably meant.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "case/case_int.h"

/* ---- the table -------------------------------------------------------- */

/*
 * Each alternative unit as the published factors: canonical =
 * (value + offset) * mul / div, with offset, mul and div written as the
 * exact numbers the definitions use rather than one pre-divided factor.
 * The result is then rounded (round_converted, below).
 */
static const struct nms_unit temp_units[] = {
    {"[degF]", -32, 5, 9}, /* C = (F - 32) * 5 / 9 */
    {NULL, 0, 0, 0}};
/* Enzyme activity in katal, as Nordic laboratories report CK: 1 U is
 * 1 umol/min, so 1 ukat (1 umol/s) is 60 U (SI brochure, the katal;
 * IFCC). */
static const struct nms_unit ck_units[] = {
    {"[IU]/L", 0, 1, 1}, {"ukat/L", 0, 60, 1}, {NULL, 0, 0, 0}};
static const struct nms_unit wbc_units[] = {
    {"10*3/uL", 0, 1, 1}, {"/uL", 0, 1, 1000}, {NULL, 0, 0, 0}};
/* 1 ug/dL = 10 ug/L = 10 / 55.845 umol/L (iron: 55.845 g/mol). */
static const struct nms_unit iron_units[] = {{"ug/dL", 0, 10, 55.845},
                                             {NULL, 0, 0, 0}};
/* Creatinine: 1 mg/dL = 88.42 umol/L. */
static const struct nms_unit creatinine_units[] = {{"umol/L", 0, 1, 88.42},
                                                   {NULL, 0, 0, 0}};
static const struct nms_unit potassium_units[] = {{"meq/L", 0, 1, 1},
                                                  {NULL, 0, 0, 0}};
static const struct nms_unit mg_units[] = {{"g", 0, 1000, 1}, {NULL, 0, 0, 0}};
static const struct nms_unit no_units[] = {{NULL, 0, 0, 0}};

/*
 * Plausible ranges are data-validation bounds, not clinical thresholds:
 * they only catch unit mix-ups and impossible values.
 */
/* clang-format off */
#define Q(name, ucum, display, units, min, max) \
    const struct nms_quantity nms_quantity_##name = \
        {ucum, display, units, min, max}
/*   field       canonical  display    alternatives      min      max */
Q(temp,          "Cel",     "°C",      temp_units,        25,      45);
Q(hr,            "/min",    "/min",    no_units,          10,     300);
Q(sbp,           "mm[Hg]",  "mmHg",    no_units,          40,     300);
Q(dbp,           "mm[Hg]",  "mmHg",    no_units,          10,     200);
Q(rr,            "/min",    "/min",    no_units,           2,      80);
Q(ck,            "U/L",     "U/L",     ck_units,           0, 2000000);
Q(ck_uln,        "U/L",     "U/L",     ck_units,           1,   10000);
Q(wbc,           "10*9/L",  "×10^9/L", wbc_units,          0,     500);
Q(iron,          "umol/L",  "µmol/L",  iron_units,         0,     200);
Q(creatinine,    "mg/dL",   "mg/dL",   creatinine_units,   0,      40);
Q(potassium,     "mmol/L",  "mmol/L",  potassium_units,    1,      12);
Q(age,           "a",       "years",   no_units,           0,     130);
Q(mg,            "mg",      "mg",      mg_units,           0,  100000);
/* clang-format on */

/* How alternative units are printed; canonical ones use q->display. */
static const struct {
    const char *ucum, *display;
} unit_names[] = {
    {"[degF]", "°F"},   {"[IU]/L", "IU/L"}, {"10*3/uL", "×10^3/µL"},
    {"/uL", "/µL"},     {"ug/dL", "µg/dL"}, {"umol/L", "µmol/L"},
    {"meq/L", "mEq/L"}, {"g", "g"},           {"ukat/L", "µkat/L"},
};

/* ---- conversions ------------------------------------------------------ */

/*
 * Converted values are rounded to 1 / NMS_UNIT_STEPS of the canonical unit
 * (1e-9: far below any clinical resolution, far above the few ulps the
 * arithmetic can be off). A reading whose exact conversion is a short
 * decimal then becomes the very double that decimal gives when written in
 * the canonical unit: 100.4 °F is 38.0 °C exactly, where (F - 32) * 5 / 9
 * or F * 5/9 - 160/9 alone can give 38.00000000000001, which compares as
 * "> 38.0". Multiplying by the whole number 1e9 and dividing by it again
 * (not multiplying by 1e-9, which no double holds) makes the last step one
 * correctly rounded division of two exact numbers. Values of
 * NMS_UNIT_ROUND_LIMIT or more (large CK counts, whose conversions multiply
 * by 1) are left as computed: scaled by 1e9 they would pass 2^53, beyond
 * which doubles no longer hold every whole number.
 */
#define NMS_UNIT_STEPS 1e9
#define NMS_UNIT_ROUND_LIMIT 1e6

static double round_converted(double x)
{
    if (!(fabs(x) < NMS_UNIT_ROUND_LIMIT)) /* also NaN and infinities */
        return x;
    return round(x * NMS_UNIT_STEPS) / NMS_UNIT_STEPS;
}

/* `value` in alternative unit `u`, converted to its quantity's canonical unit. */
static double convert(const struct nms_unit *u, double value)
{
    return round_converted((value + u->offset) * u->mul / u->div);
}

int nms_quantity_convert(const struct nms_quantity *q, const char *ucum,
                         double value, double *out)
{
    const struct nms_unit *u;

    /* A bare number comes with the canonical code itself: no strcmp. */
    if (ucum == q->canonical || strcmp(ucum, q->canonical) == 0) {
        *out = value;
        return 0;
    }
    for (u = q->units; u->ucum != NULL; u++) {
        if (strcmp(ucum, u->ucum) == 0) {
            *out = convert(u, value);
            return 0;
        }
    }
    return -1;
}

int nms_quantity_plausible(const struct nms_quantity *q, double canonical)
{
    return canonical >= q->min && canonical <= q->max;
}

const char *nms_unit_display(const struct nms_quantity *q, const char *ucum)
{
    size_t i;

    if (strcmp(ucum, q->canonical) == 0)
        return q->display;
    for (i = 0; i < sizeof unit_names / sizeof unit_names[0]; i++) {
        if (strcmp(ucum, unit_names[i].ucum) == 0)
            return unit_names[i].display;
    }
    return ucum;
}

void nms_quantity_units(const struct nms_quantity *q, char *buf, size_t size)
{
    const struct nms_unit *u;
    size_t used;

    snprintf(buf, size, "%s", q->canonical);
    for (u = q->units; u->ucum != NULL; u++) {
        used = strlen(buf);
        snprintf(buf + used, size - used, ", %s", u->ucum);
    }
}

/*
 * The first unit of q other than `given` in which `raw` is plausible, or
 * NULL. The canonical unit is tried first because bare numbers mean it.
 */
static const char *probable_unit(const struct nms_quantity *q, double raw,
                                 const char *given, double *canonical)
{
    const struct nms_unit *u;

    if (strcmp(given, q->canonical) != 0 && nms_quantity_plausible(q, raw)) {
        *canonical = raw;
        return q->canonical;
    }
    for (u = q->units; u->ucum != NULL; u++) {
        if (strcmp(u->ucum, given) == 0)
            continue;
        *canonical = convert(u, raw);
        if (nms_quantity_plausible(q, *canonical))
            return u->ucum;
    }
    return NULL;
}

void nms_quantity_explain(const struct nms_quantity *q, const char *name,
                          double raw, const char *ucum, char *buf, size_t size)
{
    char subject[160];
    double given = raw, meant = 0;
    const char *probable;

    /* Say the value as written, and in the canonical unit if different. */
    nms_quantity_convert(q, ucum, raw, &given);
    if (strcmp(ucum, q->canonical) == 0)
        snprintf(subject, sizeof subject, "%.15g %s", raw, q->display);
    else
        /* one decimal reads best; %g keeps absurd values short */
        snprintf(subject, sizeof subject,
                 fabs(given) < 1e6 ? "%.15g %s (%.1f %s)" : "%.15g %s (%.4g %s)",
                 raw, nms_unit_display(q, ucum), given, q->display);

    probable = probable_unit(q, raw, ucum, &meant);
    if (probable == NULL)
        snprintf(buf, size,
                 "%s is outside the plausible range %.15g–%.15g %s; ignored",
                 subject, q->min, q->max, q->display);
    else if (strcmp(probable, q->canonical) == 0)
        snprintf(buf, size,
                 "%s is not a plausible %s; probably %s — give it as %.15g",
                 subject, name, q->display, raw);
    else
        snprintf(buf, size,
                 "%s is not a plausible %s; probably %s (%.1f %s) — give it "
                 "as {\"value\": %.15g, \"unit\": \"%s\"}",
                 subject, name, nms_unit_display(q, probable), meant,
                 q->display, raw, probable);
}
