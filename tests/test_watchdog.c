/*
 * test_watchdog.c - cases run without the count hook, under the CPU-time
 * watchdog (core/lua/watchdog.c, limits.c), give exactly what counting
 * every instruction gives: a loop the watchdog catches, a flood charged in
 * C, a slow but honest case, Ctrl-C and the CPU-time limit in a loop, two
 * engines on two threads. Each result is compared with that of an engine
 * set to count exactly (NMS_WATCHDOG_EXACT), and the VM's count of second
 * runs says which path the case took.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>

#include <cmocka.h>

#include "test_helpers.h"
#include "test_quick.h"
#include "lua/engine_int.h"
#include "nms/interrupt.h"

/* The hostile ruleset with `limits` (instructions, memory, CPU ms), its
 * watchdog set to `watchdog_us` (0: the default). */
static struct nms_engine *hostile(unsigned long instructions,
                                  unsigned long cpu_ms,
                                  unsigned long watchdog_us)
{
    struct nms_limits limits = {instructions, 0, cpu_ms};
    struct nms_engine *e = load_test_rules_with("hostile", &limits);

    nms_engine_set_watchdog(e, watchdog_us);
    return e;
}

/* Cases e ran a second time, counted. */
static unsigned long recounts(struct nms_engine *e)
{
    return nms_engine_vm(e)->recounts;
}

/* Evaluates attack `name` with e and with an engine of the same limits
 * that counts exactly; the results must be equal (errors included: rule,
 * file, line, message). Returns e's result; *exact_recounts gets the exact
 * engine's second runs (always 0). */
static struct nms_result *same_as_exact(struct nms_engine *e,
                                        unsigned long instructions,
                                        unsigned long cpu_ms,
                                        const char *name)
{
    struct nms_engine *exact = hostile(instructions, cpu_ms,
                                       NMS_WATCHDOG_EXACT);
    struct nms_result *a = evaluate_id(e, name);
    struct nms_result *b = evaluate_id(exact, name);

    if (a->error || b->error) {
        assert_non_null(a->error);
        assert_non_null(b->error);
        assert_string_equal(a->error->message, b->error->message);
        assert_string_equal(a->error->rule, b->error->rule);
        assert_string_equal(a->error->file, b->error->file);
        assert_int_equal(a->error->line, b->error->line);
    }
    assert_true(nms_result_equal(a, b));
    assert_int_equal(recounts(exact), 0);
    nms_result_free(b);
    nms_engine_free(exact);
    return a;
}

/* A fast honest case proves itself within the budget: one run. (Under
 * valgrind, ~50x slower, an engine's first case may take longer than the
 * budget could at full speed, and runs again; the later ones do not.) */
static void watchdog_leaves_fast_cases_alone(void **state)
{
    struct nms_engine *e = hostile(0, 600000, 0);
    struct nms_result *r;
    int i;

    (void)state;
    for (i = 0; i < 4; i++) {
        r = same_as_exact(e, 0, 600000, "ok");
        assert_null(r->error);
        nms_result_free(r);
    }
    assert_true(recounts(e) <= 1);
    nms_engine_free(e);
}

/* The budget of the tests below: the smallest one that is watched (1 ms
 * of CPU at the fastest rate), so that the loops stopped by it stay short
 * under valgrind. */
#define BUDGET 5000000ul

/* A loop runs past the watchdog and is run again counted: the budget
 * error, its file and line, are those of counting alone; a pcall around
 * the loop changes nothing. */
static void watchdog_loop_gets_the_exact_budget_error(void **state)
{
    struct nms_engine *e = hostile(BUDGET, 600000, 0);
    struct nms_result *r;

    (void)state;
    r = same_as_exact(e, BUDGET, 600000, "loop");
    assert_non_null(strstr(r->error->message,
                           "instruction budget of 5000000 exceeded"));
    assert_int_equal(recounts(e), 1);
    nms_result_free(r);
    r = same_as_exact(e, BUDGET, 600000, "pcall_loop");
    assert_non_null(r->error);
    assert_int_equal(recounts(e), 2);
    nms_result_free(r);
    nms_engine_free(e);
}

/* Work charged in C past the budget while unhooked (a watchdog too long
 * to fire first): the charge stops the run without raising the budget
 * error itself, and the counted run names the budget where counting does. */
static void watchdog_c_flood_gets_the_exact_budget_error(void **state)
{
    struct nms_engine *e = hostile(BUDGET, 600000, 600000000ul);
    struct nms_result *r;

    (void)state;
    r = same_as_exact(e, BUDGET, 600000, "concat_work");
    assert_non_null(strstr(r->error->message,
                           "instruction budget of 5000000 exceeded"));
    assert_int_equal(recounts(e), 1);
    nms_result_free(r);
    r = same_as_exact(e, BUDGET, 600000, "upper_loop");
    assert_non_null(r->error);
    assert_int_equal(recounts(e), 2);
    nms_result_free(r);
    nms_engine_free(e);
}

/* A slow but honest case (within the budget, past a 1 us watchdog and
 * too long for its CPU time to prove it within the budget) is
 * run again from its start: the same result as counting, down to its
 * random number and the names of its tables. */
static void watchdog_slow_honest_case_is_exact(void **state)
{
    struct nms_engine *e = hostile(BUDGET, 600000, 1);
    struct nms_result *r;

    (void)state;
    r = same_as_exact(e, BUDGET, 600000, "slow_honest");
    assert_null(r->error);
    assert_int_equal(recounts(e), 1);
    assert_non_null(strstr(r->sets[0].items[0].evidence, " table: #1"));
    nms_result_free(r);
    nms_engine_free(e);
}

/* The CPU-time limit still ends a loop that no budget would. */
static void watchdog_loop_ends_within_cpu_limit(void **state)
{
    struct nms_engine *e = hostile(ULONG_MAX / 4, 300, 0);
    struct nms_result *r = evaluate_id(e, "loop");

    (void)state;
    assert_non_null(r->error);
    assert_string_equal(r->error->message, "CPU time limit of 300 ms exceeded");
    nms_result_free(r);
    nms_engine_free(e);
}

static volatile sig_atomic_t stop_flag;

static void on_alarm(int sig)
{
    (void)sig;
    stop_flag = 1;
}

/* Ctrl-C while a loop runs unhooked, with no budget or CPU limit in
 * reach: the watchdog's next tick sees the flag and the case stops
 * "interrupted", as counting would. */
static void watchdog_interrupt_stops_a_loop(void **state)
{
    struct nms_engine *e = hostile(ULONG_MAX / 4, 600000, 0);
    struct itimerval in50ms = {{0, 0}, {0, 50000}};
    struct sigaction sa, old;
    struct nms_result *r;

    (void)state;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGALRM, &sa, &old), 0);
    stop_flag = 0;
    nms_engine_set_interrupt(e, &stop_flag);
    assert_int_equal(setitimer(ITIMER_REAL, &in50ms, NULL), 0);
    r = evaluate_id(e, "loop");
    assert_non_null(r->error);
    assert_string_equal(r->error->message, "interrupted");
    assert_int_equal(recounts(e), 1);
    nms_result_free(r);
    nms_engine_set_interrupt(e, NULL);
    sigaction(SIGALRM, &old, NULL);
    nms_engine_free(e);
}

/* An engine that counts exactly never runs a case twice. */
static void watchdog_exact_counts_from_the_start(void **state)
{
    struct nms_engine *e = hostile(BUDGET, 600000, NMS_WATCHDOG_EXACT);
    struct nms_result *r = evaluate_id(e, "loop");

    (void)state;
    assert_non_null(r->error);
    assert_int_equal(recounts(e), 0);
    nms_result_free(r);
    nms_engine_free(e);
}

/* One worker of two: its own engine on its own thread, so its own timer
 * on its own CPU clock. */
static void *worker(void *arg)
{
    struct nms_engine *e = arg;
    static const char *const ids[] = {"loop", "ok", "slow_honest", "ok"};
    size_t i;

    for (i = 0; i < 4; i++) {
        struct nms_result *r = evaluate_id(e, ids[i]);
        nms_result_free(r);
    }
    return NULL;
}

/* Two engines on two threads (batch -j 2): each thread's watchdog stops
 * its own loop, and the other thread's honest cases are not disturbed. */
static void watchdog_two_threads(void **state)
{
    struct nms_engine *e[2] = {hostile(BUDGET, 600000, 0),
                               hostile(BUDGET, 600000, 0)};
    pthread_t t[2];
    struct nms_result *r;
    int i;

    (void)state;
    for (i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, e[i]), 0);
    for (i = 0; i < 2; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    for (i = 0; i < 2; i++) {
        /* The loop ran twice, and no case more than twice (under
         * valgrind the others may each run twice too). */
        assert_true(recounts(e[i]) >= 1 && recounts(e[i]) <= 4);
        r = same_as_exact(e[i], BUDGET, 600000, "loop");   /* this thread now */
        nms_result_free(r);
        nms_engine_free(e[i]);
    }
}

/* The default ruleset with the default limits, its watchdog set to
 * `watchdog_us`. */
static struct nms_engine *default_rules(unsigned long watchdog_us)
{
    struct nms_engine *e = load_rules_at(NMS_RULES_DIR, NULL);

    nms_engine_set_watchdog(e, watchdog_us);
    return e;
}

/* The default ruleset keeps some answers between cases (drug classes, the
 * spelling index it makes at the first unknown word, texts): a first run
 * stopped part-way must leave none of them half made, or every later case
 * would read differently from counting. A fresh engine's first case, a
 * misspelt drug, is stopped at points spread over its run (the watchdog
 * at 40 us and up, x1.125; x4 with NMS_TEST_QUICK, which CI sets under
 * valgrind, where every point falls elsewhere anyway) and must give what
 * counting gives. (A spelling index published before it was filled did
 * not, once a stop fell inside it.) */
static void watchdog_stopped_run_leaves_no_half_made_state(void **state)
{
    static const char json[] =
        "{\"medications\": [{\"drug\": \"halopridol\", \"start\": 0,"
        " \"route\": \"im\"}], \"vitals\": [{\"t\": 12, \"temp\": 39.5}]}";
    struct nms_engine *exact = default_rules(NMS_WATCHDOG_EXACT), *e;
    struct nms_result *want = evaluate(exact, json), *r;
    unsigned long us;

    (void)state;
    for (us = 40; us <= 4000;
         us = test_quick() ? us * 4 : us * 9 / 8 + 1) {
        e = default_rules(us);
        r = evaluate(e, json);
        if (!nms_result_equal(r, want))
            fail_msg("a first run stopped after %lu us left the ruleset "
                     "reading the case differently", us);
        nms_result_free(r);
        r = evaluate(e, json);      /* and the next case too */
        assert_true(nms_result_equal(r, want));
        nms_result_free(r);
        nms_engine_free(e);
    }
    nms_result_free(want);
    nms_engine_free(exact);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(watchdog_leaves_fast_cases_alone),
        cmocka_unit_test(watchdog_loop_gets_the_exact_budget_error),
        cmocka_unit_test(watchdog_c_flood_gets_the_exact_budget_error),
        cmocka_unit_test(watchdog_slow_honest_case_is_exact),
        cmocka_unit_test(watchdog_loop_ends_within_cpu_limit),
        cmocka_unit_test(watchdog_interrupt_stops_a_loop),
        cmocka_unit_test(watchdog_exact_counts_from_the_start),
        cmocka_unit_test(watchdog_two_threads),
        cmocka_unit_test(watchdog_stopped_run_leaves_no_half_made_state),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
