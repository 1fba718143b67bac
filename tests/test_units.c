/*
 * test_units.c - unit conversions (core/case/units.c) against exact
 * arithmetic: a value written in an alternative unit must compare with
 * every decimal threshold of the canonical unit as its exact conversion
 * does. The rules compare readings with decimal thresholds ("> 38.0 °C",
 * "> 10 ×10^9/L"); a conversion that lands one ulp above the threshold
 * (100.4 °F gave 38.00000000000001 °C) makes a reading of exactly the
 * threshold count as above it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "case_int.h"
#include "test_quick.h"

/*
 * One conversion as exact integers: the input k / 10^in_dp (in `unit`) is
 * (a * k + b) / d in the canonical unit. Inputs k run over [k_lo, k_hi];
 * thresholds are the decimals t / 10^th_dp of the canonical unit over
 * [t_lo, t_hi] (all of them when `every` is set, else the four around the
 * exact value: doubles keep the order of the decimals they stand for, so
 * a value that compares right with its neighbours compares right with all).
 */
struct exact {
    const char *name, *unit;
    const struct nms_quantity *q;
    int in_dp;
    long long k_lo, k_hi, a, b, d;
    int th_dp;
    long long t_lo, t_hi;
    int every;
};

static long long pow10ll(int n)
{
    long long p = 1;

    while (n-- > 0)
        p *= 10;
    return p;
}

/* The double a reader makes of the decimal n / 10^dp (n >= 0): strtod. */
static double decimal(long long n, int dp)
{
    char text[64];
    long long p = pow10ll(dp);

    if (dp == 0)
        snprintf(text, sizeof text, "%lld", n);
    else
        snprintf(text, sizeof text, "%lld.%0*lld", n / p, dp, n % p);
    return strtod(text, NULL);
}

static int sign(long long x) { return (x > 0) - (x < 0); }

/* Checks one converted input against threshold t; fails naming both. */
static void check_threshold(const struct exact *e, long long k, double got,
                            long long t)
{
    long long scale = pow10ll(e->th_dp);
    double limit = decimal(t, e->th_dp);
    int want = sign((e->a * k + e->b) * scale - t * e->d);
    int have = (got > limit) - (got < limit);

    if (want != have) {
        print_error("%s: %g %s -> %.17g compares %d with %.17g, exactly %d\n",
                    e->name, decimal(k, e->in_dp), e->unit, got, have, limit,
                    want);
        fail();
    }
}

/* Under NMS_TEST_QUICK (CI's valgrind pass) every 13th input only: the
 * sweeps are arithmetic on the stack, nothing memcheck can see, and all of
 * them took over two minutes there; the Release run checks every input. */
static long long input_step(void)
{
    return test_quick() ? 13 : 1;
}

static void check_conversion(const struct exact *e)
{
    long long k, t, num, scale = pow10ll(e->th_dp);
    double got;

    for (k = e->k_lo; k <= e->k_hi; k += input_step()) {
        assert_int_equal(nms_quantity_convert(e->q, e->unit,
                                              decimal(k, e->in_dp), &got),
                         0);
        num = (e->a * k + e->b) * scale;
        /* an exact short decimal must come out as that decimal's double */
        if (num % e->d == 0 && num / e->d >= 0 && got != decimal(num / e->d, e->th_dp)) {
            print_error("%s: %g %s -> %.17g, exactly %.17g\n", e->name,
                        decimal(k, e->in_dp), e->unit, got,
                        decimal(num / e->d, e->th_dp));
            fail();
        }
        if (e->every) {
            for (t = e->t_lo; t <= e->t_hi; t++)
                check_threshold(e, k, got, t);
        } else {
            for (t = num / e->d - 1; t <= num / e->d + 2; t++)
                if (t >= e->t_lo && t <= e->t_hi)
                    check_threshold(e, k, got, t);
        }
    }
}

/*
 * Every 0.1 °F from 90.0 to 115.0 against every 0.01 °C from 25.00 to
 * 45.00 (the plausible range; every °C threshold of rules/params and the
 * criteria files has at most two decimals: 37.5, 38.0, 38.8, 40, 41.1).
 * C = (F - 32) * 5 / 9 = (5k - 1600) / 90 for F = k / 10.
 */
static void units_fahrenheit_compares_as_exact_celsius(void **state)
{
    static const struct exact e = {"temp", "[degF]", &nms_quantity_temp, 1,
                                   900, 1150, 5, -1600, 90,
                                   2, 2500, 4500, 1};
    double c;

    (void)state;
    check_conversion(&e);
    /* the case of the review (r41): exactly the IEC cut-off, not above it */
    assert_int_equal(nms_quantity_convert(&nms_quantity_temp, "[degF]", 100.4, &c), 0);
    assert_true(c == 38.0);
    assert_false(c > 38.0);
}

/* Creatinine 0-3,600 µmol/L (every 1) against every 0.01 mg/dL: / 88.42. */
static void units_creatinine_compares_as_exact_mg_dl(void **state)
{
    static const struct exact e = {"creatinine", "umol/L",
                                   &nms_quantity_creatinine, 0, 0, 3600, 100,
                                   0, 8842, 2, 0, 4100, 0};
    (void)state;
    check_conversion(&e);
}

/* Iron 0-1,120 µg/dL against every 0.1 µmol/L: * 10 / 55.845. */
static void units_iron_compares_as_exact_umol_l(void **state)
{
    static const struct exact e = {"iron", "ug/dL", &nms_quantity_iron, 0, 0,
                                   1120, 10000, 0, 55845, 1, 0, 2010, 0};
    (void)state;
    check_conversion(&e);
}

/* WBC 0-500,000 /µL against every 0.01 ×10^9/L: / 1000. */
static void units_wbc_per_ul_compares_as_exact_giga_per_l(void **state)
{
    static const struct exact e = {"wbc", "/uL", &nms_quantity_wbc, 0, 0,
                                   500000, 1, 0, 1000, 2, 0, 50000, 0};
    (void)state;
    check_conversion(&e);
}

/* Doses 0.000-100.000 g (every mg) against every 0.1 mg: * 1000. */
static void units_grams_compare_as_exact_mg(void **state)
{
    static const struct exact e = {"mg", "g", &nms_quantity_mg, 3, 0, 100000,
                                   1, 0, 1, 1, 0, 1000000, 0};
    (void)state;
    check_conversion(&e);
}

/* Values too large to round at 1e-9 keep the arithmetic's own result. */
static void units_leave_large_values_as_computed(void **state)
{
    double got;

    (void)state;
    assert_int_equal(nms_quantity_convert(&nms_quantity_ck, "[IU]/L",
                                          1234567.5, &got), 0);
    assert_true(got == 1234567.5);
    assert_int_equal(nms_quantity_convert(&nms_quantity_wbc, "/uL", 3e9 + 1,
                                          &got), 0);
    assert_true(got == 3000000.001);
    assert_int_equal(nms_quantity_convert(&nms_quantity_temp, "kelvin", 300,
                                          &got), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_fahrenheit_compares_as_exact_celsius),
        cmocka_unit_test(units_creatinine_compares_as_exact_mg_dl),
        cmocka_unit_test(units_iron_compares_as_exact_umol_l),
        cmocka_unit_test(units_wbc_per_ul_compares_as_exact_giga_per_l),
        cmocka_unit_test(units_grams_compare_as_exact_mg),
        cmocka_unit_test(units_leave_large_values_as_computed),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
