/*
 * parallel.c - batch -j N (see parallel.h).
 *
 * One ring of slots, one mutex, three sequence numbers that only grow:
 * read (slots the reader has filled), claimed (taken by a worker) and
 * written. A slot is the reader's while it is free (written), a worker's
 * from its claim until it marks it done, then the writer's. Workers claim
 * in input order, so the cases begun always form a prefix of the input:
 * after a stop request the writer puts out that prefix, as the one-engine
 * run puts out every case it finished.
 *
 * The reader makes each record a case (nms_case_read) before it goes in
 * the ring, so that only one thread at a time parses JSON: cJSON 1.7.15
 * keeps the position of the last parse error in a global that every
 * parse writes (helgrind shows the race when workers parse). Parsing is
 * ~1 % of a case's cost, so the reader keeps up with many workers. CSV
 * label columns are the one thing formatting parses (each case's label
 * text): then the reader holds `parse` whenever it is not waiting, and a
 * worker takes it to format a record.
 *
 * A case the signal stopped part-way (the engines watch the same flag as
 * the one-engine run) is no record: the writer ends the output before it,
 * so that what is written is still a prefix of the input.
 *
 * Signals: SIGINT and SIGTERM are blocked in the threads started here, so
 * they reach the calling thread, the reader: its read() on a pipe returns
 * as in a run without threads, and its waits are timed so that it looks
 * at the stop flag at least every WAIT_NS.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/parallel.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "front/progress.h"
#include "nms/interrupt.h"

#define WAIT_NS 100000000L   /* 0.1 s */

struct slot {
    struct nms_case *c;    /* the reader's: the case read from the record */
    /* What the worker filled in. */
    int done;          /* under the lock */
    int failed;        /* the run stops here: `why` says why */
    int case_failed;   /* an error record, for the count */
    int stopped;       /* the signal stopped it part-way: not a record */
    FILE *stream;      /* the worker's: the record's text is written here */
    char *out;         /* the record's text (stream's buffer, after fflush) */
    size_t out_len;
    char why[1024];
};

struct pipeline {
    const struct nms_cli *cli;
    struct nms_case_options case_opt;
    struct nms_writer *w;
    int format_parses;      /* formatting takes `parse` */
    const struct nms_run_settings *settings;  /* every engine's, as the
                                                 first's */
    const struct nms_ruleset_info *first;   /* the first engine's ruleset */
    size_t n_jobs;
    pthread_mutex_t parse;  /* held by whoever parses JSON */
    struct tally *t;        /* the reader's: t->cases follows `cases` */
    size_t base_cases, base_errors;   /* t's counts before the run */
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a slot to claim, or the end (workers) */
    pthread_cond_t done;    /* a slot done, or the end (the writer) */
    pthread_cond_t space;   /* a slot written, or the writer ended (reader) */
    pthread_cond_t backlog; /* more records waiting (workers yet to load) */
    struct slot *slots;
    size_t n_slots;
    size_t n_read, n_claimed, n_written;
    int eof;            /* the reader has read everything it will */
    int stopping;       /* a stop request: claim nothing more */
    int failed;         /* a fatal error: everyone stops now */
    int writer_done;
    size_t cases, errors;   /* of the records written (the writer's) */
};

struct worker {
    struct pipeline *p;
    size_t index;       /* 0 runs on the caller's engine */
    struct nms_engine *e;
    int owns_engine;    /* loaded by this worker, freed by it */
    pthread_t thread;
};

/* Waits on cv for at most WAIT_NS (the reader must see signals). */
static void wait_a_while(pthread_cond_t *cv, pthread_mutex_t *m)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += WAIT_NS;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(cv, m, &ts);
}

/* Wakes everyone after eof, stopping or failed changed (lock held). */
static void wake_all(struct pipeline *p)
{
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    pthread_cond_broadcast(&p->space);
    pthread_cond_broadcast(&p->backlog);
}

/* ---- the reader (the calling thread) ------------------------------------ */

/* Fills free slot s with the case of record rec; 0, or -1 when memory
 * ran out. */
static int fill(struct pipeline *p, struct slot *s, const struct nms_record *rec)
{
    s->done = s->failed = s->case_failed = s->stopped = 0;
    s->c = nms_case_read(rec, &p->case_opt);
    return s->c ? 0 : -1;
}

/* record_fn: waits for a free slot, fills it and hands it to the workers. */
static int enqueue(void *ctx, const struct nms_record *rec)
{
    struct pipeline *p = ctx;
    struct slot *s;
    int failed, full;

    pthread_mutex_lock(&p->lock);
    full = p->n_read - p->n_written >= p->n_slots;
    if (full && p->format_parses)
        pthread_mutex_unlock(&p->parse);   /* the workers' while it waits */
    /* Once the ring is full, wait until half of it is written, then refill
     * it in one go: one wake-up per n_slots/2 records, not one per record
     * (the writer signals `space` only as it reaches that mark). */
    while (full && p->n_read - p->n_written > p->n_slots / 2 &&
           !p->failed && !nms_interrupted())
        wait_a_while(&p->space, &p->lock);
    failed = p->failed;
    /* the records written so far, for nms_read_source's progress tick
     * (the progress line is the reader's alone) */
    p->t->cases = p->base_cases + p->cases;
    pthread_mutex_unlock(&p->lock);
    if (full && p->format_parses)
        pthread_mutex_lock(&p->parse);
    if (failed)
        return -1;   /* already said why */
    if (nms_interrupted())
        return 0;    /* the read loop stops on it */
    s = &p->slots[p->n_read % p->n_slots];   /* n_read is the reader's own */
    if (fill(p, s, rec) != 0) {
        nms_errorf("out of memory");
        return -1;
    }
    pthread_mutex_lock(&p->lock);
    p->n_read++;
    pthread_cond_signal(&p->work);
    if (p->n_read - p->n_claimed >= NMS_PARALLEL_BACKLOG)
        pthread_cond_broadcast(&p->backlog);
    pthread_mutex_unlock(&p->lock);
    return 0;
}

/* ---- the workers -------------------------------------------------------- */

static void fail_slot(struct slot *s, const char *why)
{
    s->failed = 1;
    snprintf(s->why, sizeof s->why, "%s", why);
}

/* Closes the slot's memory stream and frees its text: after a failure,
 * or when one large record would otherwise keep its buffer for the rest
 * of the run. */
static void drop_stream(struct slot *s)
{
    if (s->stream)
        fclose(s->stream);
    free(s->out);
    s->stream = NULL;
    s->out = NULL;
    s->out_len = 0;
}

/*
 * The slot's memory stream, rewound: each slot keeps one stream and its
 * buffer from record to record. A stream (and a buffer grown past the
 * mmap threshold) per record made the -j 2 run fault in fresh pages for
 * every record: ten times the page faults of a one-engine run, ~8 % of
 * its CPU time as system time (docs/performance.md). After a rewind the
 * size fflush reports is the new position, not the old length (POSIX
 * open_memstream: the smaller of the two).
 */
static FILE *rewound_stream(struct slot *s)
{
    if (!s->stream)
        s->stream = open_memstream(&s->out, &s->out_len);
    if (s->stream && fseeko(s->stream, 0, SEEK_SET) != 0)
        drop_stream(s);
    return s->stream;
}

/* Evaluates and formats the case of slot s with w's engine. */
static void process(struct worker *w, struct slot *s)
{
    struct pipeline *p = w->p;
    struct nms_case *c = s->c;
    struct nms_result *r = NULL;
    FILE *m;
    enum nms_status st;

    s->c = NULL;
    if (!c->error && nms_engine_evaluate(w->e, c, &r) != NMS_OK) {
        fail_slot(s, nms_engine_errmsg(w->e));
        nms_case_free(c);
        return;
    }
    if (r && r->error && nms_interrupted()) {
        s->stopped = 1;   /* as in the one-engine run: not a record */
        goto out;
    }
    s->case_failed = nms_case_failed(c, r);
    /* Each worker formats with its own engine's ruleset (the one that
     * made the result: the same ruleset as every engine of the run). */
    m = rewound_stream(s);
    if (!m) {
        fail_slot(s, "out of memory");
    } else {
        if (p->format_parses)
            pthread_mutex_lock(&p->parse);
        st = nms_output_record(p->w, m, c, r, nms_engine_ruleset(w->e));
        if (p->format_parses)
            pthread_mutex_unlock(&p->parse);
        if (fflush(m) != 0 || ferror(m) || st != NMS_OK) {
            fail_slot(s, "out of memory");   /* a memory stream's only fault */
            drop_stream(s);
        }
    }
out:
    nms_result_free(r);
    nms_case_free(c);
}

/* Whether worker w, which has no engine yet, should load one: only once
 * more records wait than the engines already running clear while it
 * loads (NMS_PARALLEL_BACKLOG each); a small input is then done by the
 * first engine alone, without loading the ruleset again for nothing.
 * From a file the ring fills at once and every worker loads at the start,
 * as before. */
static int engine_needed(struct worker *w)
{
    struct pipeline *p = w->p;
    size_t enough = w->index * NMS_PARALLEL_BACKLOG;
    int needed;

    /* The reader holds at most n_slots records: past half of them every
     * further worker is needed at once (else with -j 33 and more, the
     * last would wait for a backlog the ring cannot hold). */
    if (enough > p->n_slots / 2)
        enough = p->n_slots / 2;

    pthread_mutex_lock(&p->lock);
    while (p->n_read - p->n_claimed < enough && !p->eof && !p->stopping &&
           !p->failed)
        pthread_cond_wait(&p->backlog, &p->lock);
    needed = p->n_read - p->n_claimed >= enough && !p->stopping &&
             !p->failed;
    pthread_mutex_unlock(&p->lock);
    return needed;
}

/* Whether two loaded rulesets are the same: digest, overlays, params. */
static int same_ruleset(const struct nms_ruleset_info *a,
                        const struct nms_ruleset_info *b)
{
    size_t i;

    if (strcmp(a->digest, b->digest) != 0 || a->n_overlays != b->n_overlays ||
        a->n_params != b->n_params)
        return 0;
    for (i = 0; i < a->n_overlays; i++)
        if (strcmp(a->overlays[i].digest, b->overlays[i].digest) != 0)
            return 0;
    for (i = 0; i < a->n_params; i++)
        if (strcmp(a->params[i], b->params[i]) != 0)
            return 0;
    return 1;
}

/* Loads worker w's engine. A worker loads from disk later than the first
 * engine did (engine_needed), and one run must never mix two rulesets: if
 * the ruleset on disk was edited or reinstalled meanwhile, or no longer
 * loads, this worker sits the run out (with a warning) and the others go
 * on with the ruleset the run began with. Returns 0 when it has its
 * engine. */
static int load_worker_engine(struct worker *w)
{
    struct pipeline *p = w->p;
    const struct nms_ruleset_info *now;

    if (nms_cli_load_again(p->cli, &w->e) != 0) {   /* it said why */
        if (!nms_interrupted())   /* else the run is ending anyway */
            nms_warnf("worker %zu of %zu does not run (see above); the run "
                      "goes on with the engines it has", w->index + 1,
                      p->n_jobs);
        return -1;
    }
    now = nms_engine_ruleset(w->e);
    if (!same_ruleset(p->first, now)) {
        nms_warnf("worker %zu of %zu does not run: the ruleset on disk is no "
                  "longer the one this run began with (%s then, %s now); "
                  "the run goes on with the engines it has", w->index + 1,
                  p->n_jobs, p->first->digest, now->digest);
        nms_engine_free(w->e);
        w->e = NULL;
        return -1;
    }
    /* (a signal stops its cases too, as with one engine: the engine
     * watches the flag since its load, nms_cli_load_again) */
    nms_run_settings_apply(w->e, p->settings);
    return 0;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct pipeline *p = w->p;
    struct slot *s;

    if (w->owns_engine && (!engine_needed(w) || load_worker_engine(w) != 0))
        return NULL;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->n_claimed == p->n_read && !p->eof && !p->stopping &&
               !p->failed)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stopping || p->failed || p->n_claimed == p->n_read)
            break;
        s = &p->slots[p->n_claimed++ % p->n_slots];
        pthread_mutex_unlock(&p->lock);
        process(w, s);
        pthread_mutex_lock(&p->lock);
        s->done = 1;
        /* The writer waits for the next record in input order only; a
         * later one it finds done when it gets there. */
        if (s == &p->slots[p->n_written % p->n_slots])
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ---- the writer --------------------------------------------------------- */

/* 1 when the writer has nothing more to wait for (lock held). */
static int finished(const struct pipeline *p)
{
    return p->failed ||
           (p->n_written == p->n_claimed &&
            (p->stopping || (p->eof && p->n_claimed == p->n_read)));
}

static void *write_in_order(void *arg)
{
    struct pipeline *p = arg;
    struct slot *s;
    enum nms_status st;

    pthread_mutex_lock(&p->lock);
    for (;;) {
        s = &p->slots[p->n_written % p->n_slots];
        while (!(p->n_written < p->n_claimed && s->done) && !finished(p))
            pthread_cond_wait(&p->done, &p->lock);
        if (p->failed || !(p->n_written < p->n_claimed && s->done))
            break;
        if (s->stopped) {   /* the output ends before it: a prefix */
            p->stopping = 1;
            break;
        }
        pthread_mutex_unlock(&p->lock);
        if (s->failed) {
            nms_errorf("%s", s->why);
            pthread_mutex_lock(&p->lock);
            p->failed = 1;
            break;
        }
        st = nms_writer_put_text(p->w, s->out, s->out_len);
        if (st != NMS_OK)
            nms_errorf("cannot write results: %s", strerror(errno));
        if (s->out_len > NMS_PARALLEL_KEEP_BYTES)
            drop_stream(s);
        pthread_mutex_lock(&p->lock);
        p->cases++;
        if (s->case_failed)
            p->errors++;
        if (st != NMS_OK) {
            p->failed = 1;
            break;
        }
        p->n_written++;
        if (p->n_read - p->n_written == p->n_slots / 2)
            pthread_cond_signal(&p->space);   /* the mark the reader waits for */
    }
    p->writer_done = 1;
    wake_all(p);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ---- the run ------------------------------------------------------------ */

static void free_slots(struct pipeline *p)
{
    size_t i;

    for (i = 0; i < p->n_slots; i++) {
        drop_stream(&p->slots[i]);
        nms_case_free(p->slots[i].c);   /* read, never claimed */
    }
    free(p->slots);
}

/* Starts the writer and n workers with SIGINT and SIGTERM blocked in them;
 * returns how many workers started (-1: not even the writer). */
static int start(struct pipeline *p, struct worker *workers, size_t n,
                 pthread_t *writer)
{
    sigset_t block, saved;
    size_t i;
    int started = -1, rc;

    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &saved);
    rc = pthread_create(writer, NULL, write_in_order, p);
    if (rc == 0)
        for (started = 0, i = 0; i < n; i++, started++)
            if ((rc = pthread_create(&workers[i].thread, NULL, work,
                                     &workers[i])) != 0)
                break;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    errno = rc;   /* pthread_create returns its error */
    return started;
}

/* Waits for the writer, turning a stop request into `stopping`. */
static void wait_for_writer(struct pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    p->eof = 1;
    wake_all(p);
    while (!p->writer_done) {
        if (nms_interrupted() && !p->stopping) {
            p->stopping = 1;
            wake_all(p);
        }
        wait_a_while(&p->space, &p->lock);
        nms_progress_tick(p->base_cases + p->cases,
                          p->base_errors + p->errors);
    }
    pthread_mutex_unlock(&p->lock);
}

int nms_run_parallel(const struct nms_cli *cli, struct nms_engine *e,
                     struct nms_writer *w, int format_parses,
                     const struct nms_run_settings *settings,
                     struct tally *t)
{
    struct pipeline p;
    struct worker *workers;
    pthread_t writer;
    size_t n = (size_t)cli->jobs, i;
    int fatal = 0, started;

    memset(&p, 0, sizeof p);
    p.cli = cli;
    p.case_opt.as_of = cli->as_of;
    p.case_opt.as_of_form = cli->as_of_form;
    p.w = w;
    p.format_parses = format_parses;
    p.settings = settings;
    p.first = nms_engine_ruleset(e);
    p.n_jobs = n;
    p.t = t;
    p.base_cases = t->cases;
    p.base_errors = t->errors;
    p.n_slots = n * NMS_PARALLEL_SLOTS_PER_JOB;
    if (p.n_slots > NMS_PARALLEL_MAX_SLOTS)
        p.n_slots = NMS_PARALLEL_MAX_SLOTS;
    p.slots = calloc(p.n_slots, sizeof *p.slots);
    workers = calloc(n, sizeof *workers);
    if (!p.slots || !workers || pthread_mutex_init(&p.lock, NULL) != 0) {
        free(p.slots);
        free(workers);
        nms_errorf("out of memory");
        return 1;
    }
    pthread_mutex_init(&p.parse, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.backlog, NULL);
    for (i = 0; i < n; i++) {
        workers[i].p = &p;
        workers[i].index = i;
        workers[i].e = i == 0 ? e : NULL;
        workers[i].owns_engine = i > 0;
    }

    started = start(&p, workers, n, &writer);
    if (started < (int)n) {
        nms_errorf("cannot start %zu workers: %s", n, strerror(errno));
        pthread_mutex_lock(&p.lock);
        p.failed = 1;
        pthread_mutex_unlock(&p.lock);
        fatal = 1;
    }
    if (format_parses)
        pthread_mutex_lock(&p.parse);   /* the reader's but while it waits */
    for (i = 0; !fatal && i < (size_t)cli->n_inputs && !nms_interrupted(); i++)
        if (nms_read_source(cli->inputs[i], t, enqueue, &p) != 0)
            fatal = 1;   /* what was read before is still written */
    if (format_parses)
        pthread_mutex_unlock(&p.parse);
    if (started >= 0)
        wait_for_writer(&p);
    for (i = 0; started > 0 && i < (size_t)started; i++)
        pthread_join(workers[i].thread, NULL);
    if (started >= 0)
        pthread_join(writer, NULL);
    if (p.failed)
        fatal = 1;
    t->cases = p.base_cases + p.cases;
    t->errors = p.base_errors + p.errors;
    for (i = 0; i < n; i++)
        if (workers[i].owns_engine)
            nms_engine_free(workers[i].e);
    free(workers);
    free_slots(&p);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.space);
    pthread_cond_destroy(&p.backlog);
    pthread_mutex_destroy(&p.lock);
    pthread_mutex_destroy(&p.parse);
    return fatal;
}
