/*
 * test_stats.c - the accuracy arithmetic (repl/cmd/stats.c) and the label
 * reader (core/input/label.c) against figures computed by hand for the
 * small cohort of tests/data/accuracy/cohort.jsonl:
 *
 *   reference +  scores 90 70 50 30 0    verdicts met met met ind. not
 *   reference -  scores 50 30 10 0 20    verdicts met not not not ind.
 *
 * Indeterminate as negative: TP 3 FP 1 FN 2 TN 4; as positive: 4 2 1 3.
 * po = 0.7, pe = (4*5 + 6*5)/100 = 0.5, kappa = 0.2/0.5 = 0.4 (both views).
 * AUC: 25 pairs, positive higher in 18, tied in 1 -> 18.5/25 = 0.74.
 * Youden's J = 0.4 at cut-offs 70, 50 and 30: the higher, 70, is taken.
 * Intervals: Wilson 3/5 = [0.230724281276013, 0.882379225767352]
 * (Newcombe 1998, table I, gives 0.2307-0.8824).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "cmd/stats.h"
#include "nms/label.h"

#define EPS 1e-9

/* cmocka 1.1.5's assert_float_equal compares floats; these figures are
 * checked as doubles to 1e-9. */
#define assert_close(a, b) assert_close_at((a), (b), #a, __LINE__)

static void assert_close_at(double got, double want, const char *what, int line)
{
    if (!(fabs(got - want) <= EPS))
        fail_msg("line %d: %s is %.17g, expected %.17g", line, what, got, want);
}

static const struct nms_table2 as_negative = {3, 1, 2, 4};
static const struct nms_table2 as_positive = {4, 2, 1, 3};

static void wilson_matches_hand_computed_intervals(void **state)
{
    struct nms_prop p;

    (void)state;
    p = nms_stats_wilson(3, 5, NMS_Z95);
    assert_close(p.value, 0.6);
    assert_close(p.lo, 0.230724281276013);
    assert_close(p.hi, 0.882379225767352);
    p = nms_stats_wilson(0, 5, NMS_Z95);
    assert_true(p.lo == 0.0);
    assert_close(p.hi, 0.434482464783175);
    p = nms_stats_wilson(5, 5, NMS_Z95);
    assert_close(p.lo, 0.565517535216825);
    assert_true(p.hi == 1.0);
    p = nms_stats_wilson(0, 0, NMS_Z95);
    assert_true(isnan(p.value) && isnan(p.lo) && isnan(p.hi));
}

static void accuracy_gives_the_hand_computed_figures(void **state)
{
    struct nms_accuracy f;

    (void)state;
    nms_stats_accuracy(&as_negative, &f);
    assert_close(f.sensitivity.value, 0.6);
    assert_close(f.specificity.value, 0.8);
    assert_close(f.ppv.value, 0.75);
    assert_close(f.ppv.lo, 0.300641842582402);
    assert_close(f.npv.value, 4.0 / 6.0);
    assert_close(f.npv.lo, 0.299993315138392);
    assert_close(f.accuracy.value, 0.7);
    assert_close(f.accuracy.hi, 0.892208732593699);
    assert_close(f.kappa, 0.4);
    assert_close(f.kappa_lo, -0.1680515301786507);
    assert_close(f.kappa_hi, 0.9680515301786508);
    nms_stats_accuracy(&as_positive, &f);
    assert_close(f.sensitivity.value, 0.8);
    assert_close(f.specificity.value, 0.6);
    assert_close(f.kappa, 0.4);
}

static void kappa_is_undefined_when_everyone_says_the_same(void **state)
{
    const struct nms_table2 all_negative = {0, 0, 0, 7};
    struct nms_accuracy f;

    (void)state;
    nms_stats_accuracy(&all_negative, &f);
    assert_true(isnan(f.kappa));
    assert_true(isnan(f.sensitivity.value));
    assert_close(f.specificity.value, 1.0);
}

static void roc_gives_auc_hanley_mcneil_and_the_youden_cutoff(void **state)
{
    const double scores[] = {90, 70, 50, 30, 0, 50, 30, 10, 0, 20};
    const int labels[] = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
    const double tpr[] = {0, .2, .4, .6, .8, .8, .8, 1};
    const double fpr[] = {0, 0, 0, .2, .4, .6, .8, 1};
    struct nms_roc roc;
    size_t i;

    (void)state;
    assert_int_equal(nms_stats_roc(scores, labels, 10, &roc), 0);
    assert_int_equal(roc.positives, 5);
    assert_int_equal(roc.negatives, 5);
    assert_close(roc.auc, 0.74);
    assert_close(roc.se, 0.1647431332264428);
    assert_close(roc.lo, 0.4171093921758882);
    assert_true(roc.hi == 1.0);
    assert_int_equal(roc.n_points, 8); /* +inf and 7 distinct scores */
    assert_true(isinf(roc.points[0].cutoff));
    for (i = 0; i < roc.n_points; i++) {
        assert_close(roc.points[i].tpr, tpr[i]);
        assert_close(roc.points[i].fpr, fpr[i]);
    }
    assert_close(roc.points[roc.best].cutoff, 70);
    assert_close(roc.points[roc.best].youden, 0.4);
    nms_stats_roc_free(&roc);
}

static void roc_of_one_class_has_no_auc(void **state)
{
    const double scores[] = {3, 1};
    const int labels[] = {1, 1};
    struct nms_roc roc;

    (void)state;
    assert_int_equal(nms_stats_roc(scores, labels, 2, &roc), 0);
    assert_true(isnan(roc.auc));
    nms_stats_roc_free(&roc);
}

static void quantiles_interpolate_like_r_type_7(void **state)
{
    const double v[] = {1, 2, 4, 8};

    (void)state;
    assert_close(nms_stats_quantile(v, 4, 0.5), 3.0);
    assert_close(nms_stats_quantile(v, 4, 0.25), 1.75);
    assert_close(nms_stats_quantile(v, 4, 1.0), 8.0);
    assert_true(isnan(nms_stats_quantile(v, 0, 0.5)));
}

static void label_get_reads_a_dotted_path(void **state)
{
    struct nms_label_field f;

    (void)state;
    assert_int_equal(
        nms_label_get("{\"nms\":true,\"r\":{\"x\":2}}", "label.nms", &f),
        NMS_OK);
    assert_int_equal(f.type, NMS_LABEL_BOOL);
    assert_int_equal(f.boolean, 1);
    nms_label_field_release(&f);
    assert_int_equal(
        nms_label_get("{\"nms\":true,\"r\":{\"x\":2}}", "label.r.x", &f),
        NMS_OK);
    assert_int_equal(f.type, NMS_LABEL_NUMBER);
    assert_string_equal(f.text, "2");
    nms_label_field_release(&f);
    assert_int_equal(nms_label_get("{\"nms\":true}", "label.none", &f), NMS_OK);
    assert_int_equal(f.type, NMS_LABEL_ABSENT);
    assert_int_equal(nms_label_get(NULL, "label.nms", &f), NMS_OK);
    assert_int_equal(f.type, NMS_LABEL_ABSENT);
    assert_int_equal(nms_label_get("{}", "nms", &f), NMS_EINVAL);
}

static void label_flatten_names_every_leaf(void **state)
{
    struct nms_label_field *f;
    size_t n;

    (void)state;
    assert_int_equal(nms_label_flatten("{\"nms\":false,\"scenario\":\"sepsis\","
                                       "\"r\":{\"by\":\"AB\",\"n\":[1,2]},"
                                       "\"onset\":null}",
                                       &f, &n),
                     NMS_OK);
    assert_int_equal(n, 5);
    assert_string_equal(f[0].path, "label.nms");
    assert_string_equal(f[0].text, "false");
    assert_string_equal(f[1].path, "label.scenario");
    assert_string_equal(f[1].text, "sepsis");
    assert_string_equal(f[2].path, "label.r.by");
    assert_string_equal(f[3].path, "label.r.n");
    assert_string_equal(f[3].text, "[1,2]");
    assert_int_equal(f[4].type, NMS_LABEL_NULL);
    assert_null(f[4].text);
    nms_label_fields_free(f, n);
    assert_int_equal(nms_label_flatten("true", &f, &n), NMS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].path, "label");
    nms_label_fields_free(f, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wilson_matches_hand_computed_intervals),
        cmocka_unit_test(accuracy_gives_the_hand_computed_figures),
        cmocka_unit_test(kappa_is_undefined_when_everyone_says_the_same),
        cmocka_unit_test(roc_gives_auc_hanley_mcneil_and_the_youden_cutoff),
        cmocka_unit_test(roc_of_one_class_has_no_auc),
        cmocka_unit_test(quantiles_interpolate_like_r_type_7),
        cmocka_unit_test(label_get_reads_a_dotted_path),
        cmocka_unit_test(label_flatten_names_every_leaf),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
