/*
 * test_gen.c - the synthetic cohort generator (repl/gen*.c): determinism,
 * the pinned bytes of one cohort, every record a valid case, prevalence,
 * time forms, labels and sizes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "gen.h"
#include "nms/case.h"
#include "test_quick.h"

/* sha256 of `nmsrules gen --count 1000 --seed 1` (see the test below). */
#define GEN_SEED1_SHA256                                                       \
    "e5815f9a55cd759d9ce4df94e8ef3a38aadd5635a3f1b082df13dfc628f4049e"

/*
 * A cohort size n, or n / 10 with NMS_TEST_QUICK=1 (set by .ci/run for its
 * valgrind pass, where 20,000 cases take a minute): the same code paths and
 * checks on fewer cases, the statistical bound widening with the size.
 * The pinned cohort keeps its size (its digest is of 1000 cases).
 */
static unsigned long sized(unsigned long n)
{
    return test_quick() ? n / 10 : n;
}

/* Generates `count` cases of `seed` at `ppm` into a new buffer. */
static struct nms_gen_buf cohort(unsigned long seed, unsigned long ppm,
                                 unsigned long count)
{
    struct nms_gen g;
    struct nms_gen_buf b;
    unsigned long i;

    memset(&b, 0, sizeof b);
    nms_gen_init(&g, seed, ppm);
    for (i = 0; i < count; i++)
        assert_int_equal(nms_gen_next(&g, &b), 0);
    return b;
}

/* Calls fn on every line of the buffer (without its '\n'). */
static void each_line(const struct nms_gen_buf *b,
                      void (*fn)(const char *line, size_t len, void *arg),
                      void *arg)
{
    const char *p = b->data, *end = b->data + b->len, *nl;

    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        assert_non_null(nl);
        fn(p, (size_t)(nl - p), arg);
        p = nl + 1;
    }
}

static unsigned long count_lines(const struct nms_gen_buf *b)
{
    unsigned long n = 0;
    size_t i;

    for (i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

static void gen_same_seed_gives_the_same_bytes(void **state)
{
    struct nms_gen_buf a = cohort(42, 200000, sized(500)),
                       b = cohort(42, 200000, sized(500));

    (void)state;
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    nms_gen_buf_release(&a);
    nms_gen_buf_release(&b);
}

static void gen_different_seeds_give_different_cohorts(void **state)
{
    struct nms_gen_buf a = cohort(1, 200000, 50), b = cohort(2, 200000, 50);

    (void)state;
    assert_true(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
    nms_gen_buf_release(&a);
    nms_gen_buf_release(&b);
}

static void gen_a_cohort_begins_with_the_smaller_one(void **state)
{
    struct nms_gen_buf a = cohort(9, 200000, 100), b = cohort(9, 200000, 300);

    (void)state;
    assert_int_equal(count_lines(&a), 100);
    assert_int_equal(count_lines(&b), 300);
    assert_true(b.len > a.len);
    assert_memory_equal(a.data, b.data, a.len);
    nms_gen_buf_release(&a);
    nms_gen_buf_release(&b);
}

/*
 * The bytes of one cohort, pinned: nothing in them may depend on the
 * machine (float formatting, time zone, addresses). A deliberate change
 * to the generator changes this digest; update it in the same commit and
 * say so there (tests/cli/gen.sh pins the same digest for the program).
 */
static void gen_pins_the_bytes_of_seed_1(void **state)
{
    static const char want[] = GEN_SEED1_SHA256;
    struct nms_gen_buf b = cohort(1, nms_gen_default_prevalence(), 1000);
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char hex[2 * SHA256_DIGEST_SIZE + 1];
    size_t i;

    (void)state;
    sha256_init(&ctx);
    sha256_update(&ctx, b.len, (const uint8_t *)b.data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (i = 0; i < sizeof digest; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    assert_string_equal(hex, want);
    nms_gen_buf_release(&b);
}

struct tally {
    unsigned long cases, nms, iso, hours, warnings;
    unsigned long min_meds, max_meds, min_vitals, max_vitals;
};

/* Parses one record as the program would and checks its shape. */
static void check_record(const char *line, size_t len, void *arg)
{
    struct tally *t = arg;
    struct nms_case *c = nms_case_parse(line, len, "gen", 1, 0);
    size_t i;

    assert_non_null(c);
    if (c->error)
        print_error("%.*s\nerror at %s: %s\n", (int)len, line, c->error->path,
                    c->error->message);
    assert_null(c->error);
    assert_int_equal(nms_case_finish(c, NAN), NMS_OK);
    for (i = 0; i < c->n_warnings; i++) { /* only the planted unit mistakes */
        if (!strstr(c->warnings[i].message, "probably"))
            print_error("unexpected warning %s: %s\n", c->warnings[i].path,
                        c->warnings[i].message);
        assert_non_null(strstr(c->warnings[i].message, "probably"));
    }
    t->warnings += c->n_warnings;
    assert_non_null(c->label_json);
    assert_non_null(strstr(c->label_json, "\"scenario\":\""));
    t->nms += strstr(c->label_json, "\"nms\":true") != NULL;
    t->iso += c->time_form == NMS_TIME_ISO;
    t->hours += c->time_form == NMS_TIME_HOURS;
    if (t->cases == 0 || c->n_medications < t->min_meds)
        t->min_meds = c->n_medications;
    if (c->n_medications > t->max_meds)
        t->max_meds = c->n_medications;
    if (t->cases == 0 || c->n_vitals < t->min_vitals)
        t->min_vitals = c->n_vitals;
    if (c->n_vitals > t->max_vitals)
        t->max_vitals = c->n_vitals;
    t->cases++;
    nms_case_free(c);
}

static void gen_every_record_is_a_valid_case(void **state)
{
    struct nms_gen_buf b = cohort(7, 200000, sized(2000));
    struct tally t;

    (void)state;
    memset(&t, 0, sizeof t);
    each_line(&b, check_record, &t);
    assert_int_equal(t.cases, sized(2000));
    assert_true(t.iso > 0 && t.hours > 0); /* both time forms */
    assert_true(t.warnings > 0);           /* unit mistakes are planted */
    assert_true(t.warnings < t.cases / 5);
    assert_int_equal(t.min_meds, 1);
    assert_int_equal(t.max_meds, 4);
    assert_int_equal(t.min_vitals, 2);
    assert_int_equal(t.max_vitals, 12);
    nms_gen_buf_release(&b);
}

/* The number of NMS labels in `count` cases at `ppm` (every case has one
 * label and "nms" is its first key, so counting the text is exact). */
static unsigned long nms_cases(unsigned long ppm, unsigned long count)
{
    struct nms_gen_buf b = cohort(11, ppm, count);
    const char *p = b.data;
    unsigned long n = 0;

    while ((p = strstr(p, "\"label\":{\"nms\":true")) != NULL) {
        n++;
        p++;
    }
    nms_gen_buf_release(&b);
    return n;
}

static void gen_prevalence_is_respected(void **state)
{
    unsigned long size = sized(4000), n, mean, slack;

    (void)state;
    assert_int_equal(nms_cases(0, size), 0);
    assert_int_equal(nms_cases(NMS_GEN_PPM, size), size);
    /* 0.3 of 4000 is 1200 with a standard deviation of 29: allow 4 of them
     * (116; of 400, 120 and 37) */
    mean = size * 3 / 10;
    slack = (unsigned long)ceil(4 * sqrt((double)size * 0.3 * 0.7));
    n = nms_cases(300000, size);
    assert_in_range(n, mean - slack, mean + slack);
}

/* Every scenario of docs/gen.md appears in a cohort of 4000 (of 400 with
 * NMS_TEST_QUICK: seed 5 has them all by then too). */
static void gen_every_scenario_appears(void **state)
{
    static const char *const names[] = {"classic_nms",
                                        "nms_dose_increase",
                                        "atypical_nms",
                                        "depot_nms",
                                        "antiemetic_nms",
                                        "dopaminergic_withdrawal",
                                        "serotonin_toxicity",
                                        "anticholinergic_toxicity",
                                        "sepsis",
                                        "heat_stroke",
                                        "malignant_catatonia",
                                        "malignant_hyperthermia",
                                        "drug_induced_parkinsonism",
                                        "no_syndrome"};
    struct nms_gen_buf b = cohort(5, 400000, sized(4000));
    char needle[64];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(needle, sizeof needle, "\"scenario\":\"%s\"", names[i]);
        if (!strstr(b.data, needle))
            print_error("no case of scenario %s\n", names[i]);
        assert_non_null(strstr(b.data, needle));
    }
    nms_gen_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gen_same_seed_gives_the_same_bytes),
        cmocka_unit_test(gen_different_seeds_give_different_cohorts),
        cmocka_unit_test(gen_a_cohort_begins_with_the_smaller_one),
        cmocka_unit_test(gen_pins_the_bytes_of_seed_1),
        cmocka_unit_test(gen_every_record_is_a_valid_case),
        cmocka_unit_test(gen_prevalence_is_respected),
        cmocka_unit_test(gen_every_scenario_appears),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
