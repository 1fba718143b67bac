/*
 * precompile.c - a ruleset's files compiled on a second core during the
 * load (see precompile.h for why and what it promises).
 *
 * The loading thread needs the files in require order: the manifest, the
 * parameters, then the helpers and sets, and runs each module between two
 * compiles. The compiling thread takes the largest file nobody has claimed
 * yet: the big parameter and drug tables are needed early and cost most,
 * so the loading thread finds them ready and compiles the small files
 * itself (measured: its compiling time 7.3 ms -> 2.9 ms of CPU on the
 * default ruleset, against 4.4 ms for the reverse of the list). Each file
 * is compiled by whichever thread claims it first. A file the loading
 * thread asks for while the other is still compiling it, it compiles
 * itself rather than wait: on a busy machine the compiling thread may be
 * off its core for a while (waiting cost up to 44 ms in one load measured
 * with other jobs running), and the load must never be slower than
 * without it.
 *
 * The thread starts before the files are read: ruleset.c lists the
 * directories, starts it, and hands it each file as soon as it is in
 * memory (nms_precompile_publish), so it compiles while the rest is read
 * and hashed (~1.5 ms of a cold start in which the second core idled);
 * until then a file is UNREAD, and the thread waits for the next one.
 */
#define _GNU_SOURCE     /* sched_getaffinity, CPU_COUNT */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#include "lua/precompile.h"

/* Where a file stands; only the thread that moves it out of PENDING
 * compiles it. UNREAD: its text is not in memory yet (nms_precompile_publish
 * makes it PENDING). */
enum file_state { UNREAD, PENDING, COMPILING, READY, FAILED, TAKEN };

struct file {
    char *chunkname;            /* "@<dir>/<path>"; the key is chunkname+1 */
    const char *text;           /* the snapshot's, not ours */
    size_t len;
    char *bytecode;             /* READY: lua_dump of the text */
    size_t size, room;
    enum file_state state;
};

struct nms_precompile {
    pthread_t thread;
    int started, tried;         /* the thread runs (was tried): it starts
                                   with the first file it has to compile
                                   (bundled files it has not:
                                   nms_precompile_skip) */
    pthread_mutex_t lock;
    pthread_cond_t changed;     /* the thread ended (settle) */
    pthread_cond_t published;   /* a file was read, or the load is over */
    size_t unread;              /* files not read yet */
    size_t *first;              /* snapshot k's files start at first[k] */
    atomic_int stop;            /* the load is over: compile nothing more,
                                   and cut short the file in hand */
    int done;                   /* the thread has nothing left to do */
    size_t memory, used;        /* the thread's cap, and the bytes its state
                                   holds */
    size_t dumped;              /* bytes of bytecode buffers made (the
                                   thread's own count: never lowered when the
                                   loading thread frees one), held within
                                   the cap together with `used` */
    struct file *files;
    size_t n;
};

/* lua_Alloc of the compiling thread's state: plain malloc within a cap,
 * so that a hostile file costs this thread no more than the loading
 * thread would allow itself (it then compiles the file and reports). The
 * bytecode made so far counts too: it lives until the load ends, and
 * some text makes several times its size of it (`f{}`: 3 bytes, ~20 of
 * bytecode), so 32 MiB of rule text could otherwise hold the cap several
 * times over. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct nms_precompile *pc = ud;
    size_t old = ptr ? osize : 0;
    void *grown;

    if (nsize == 0) {
        free(ptr);
        pc->used -= old;
        return NULL;
    }
    if (nsize > old && (pc->used - old + nsize > pc->memory ||
                        pc->dumped > pc->memory - (pc->used - old + nsize)))
        return NULL;
    grown = realloc(ptr, nsize);
    if (grown)
        pc->used = pc->used - old + nsize;
    return grown;
}

/* What lua_Writer `append` writes into. */
struct dumping {
    struct nms_precompile *pc;
    struct file *f;
};

/* lua_Writer appending the dump to the file's buffer, within the cap
 * (capped_alloc). */
static int append(lua_State *L, const void *p, size_t size, void *ud)
{
    struct dumping *d = ud;
    struct nms_precompile *pc = d->pc;
    struct file *f = d->f;
    (void)L;
    if (size > f->room - f->size) {
        /* A file's bytecode is 0.1 to 1.0 times its text (0.76 over the
         * default ruleset): a first buffer of the text's size is written
         * once, where doubling from 4 KiB wrote most pages twice (each
         * realloc a copy into fresh pages, each a page fault). */
        size_t room = f->room ? f->room : f->len < 4096 ? 4096 : f->len;
        char *grown;
        while (room - f->size < size)
            room *= 2;
        if (pc->used + pc->dumped > pc->memory ||
            room - f->room > pc->memory - pc->used - pc->dumped)
            return 1;
        grown = realloc(f->bytecode, room);
        if (!grown)
            return 1;
        pc->dumped += room - f->room;
        f->bytecode = grown;
        f->room = room;
    }
    memcpy(f->bytecode + f->size, p, size);
    f->size += size;
    return 0;
}

/* What the parser reads of a file: its text in pieces, so that a load
 * that is over (stop) does not wait for a whole file's compile when it
 * joins the thread; the cut text fails to parse and is dropped. */
struct reading {
    struct nms_precompile *pc;
    const char *text;
    size_t left;
};

#define PIECE 4096

static const char *read_piece(lua_State *L, void *ud, size_t *size)
{
    struct reading *r = ud;
    const char *piece = r->text;
    (void)L;
    if (r->left == 0 || atomic_load(&r->pc->stop))
        return NULL;
    *size = r->left < PIECE ? r->left : PIECE;
    r->text += *size;
    r->left -= *size;
    return piece;
}

/* Compiles `f` into bytecode with the chunk name the loading thread would
 * give it (the function keeps its source and lines for error messages).
 * Returns READY or FAILED. */
static enum file_state compile(struct nms_precompile *pc, lua_State *L,
                               struct file *f)
{
    struct reading r = {pc, f->text, f->len};
    struct dumping d = {pc, f};
    enum file_state done = FAILED;

    if (lua_load(L, read_piece, &r, f->chunkname, "t") == LUA_OK &&
        r.left == 0 && lua_dump(L, append, &d, 0) == 0)
        done = READY;
    if (done == FAILED && f->bytecode) {    /* a dump cut short */
        pc->dumped -= f->room;
        free(f->bytecode);
        f->bytecode = NULL;
        f->size = f->room = 0;
    }
    lua_settop(L, 0);
    return done;
}

/* The largest file nobody has claimed; NULL when there is none or the
 * load is over. Called with the lock held. */
static struct file *claim_next(struct nms_precompile *pc)
{
    struct file *best = NULL;
    size_t i;

    if (atomic_load(&pc->stop))
        return NULL;
    for (i = 0; i < pc->n; i++)
        if (pc->files[i].state == PENDING &&
            (!best || pc->files[i].len > best->len))
            best = &pc->files[i];
    if (best)
        best->state = COMPILING;
    return best;
}

static void *run(void *arg)
{
    struct nms_precompile *pc = arg;
    lua_State *L = lua_newstate(capped_alloc, pc);
    struct file *f;

    pthread_mutex_lock(&pc->lock);
    while (L) {
        enum file_state done;

        if ((f = claim_next(pc)) == NULL) {
            if (pc->unread == 0 || atomic_load(&pc->stop))
                break;
            /* the reading thread is still reading: the next file soon */
            pthread_cond_wait(&pc->published, &pc->lock);
            continue;
        }
        pthread_mutex_unlock(&pc->lock);
        done = compile(pc, L, f);
        pthread_mutex_lock(&pc->lock);
        if (f->state == COMPILING)
            f->state = done;    /* else the loading thread did it meanwhile */
    }
    pc->done = 1;
    pthread_cond_broadcast(&pc->changed);
    pthread_mutex_unlock(&pc->lock);
    if (L)
        lua_close(L);
    return NULL;
}

static void free_files(struct nms_precompile *pc)
{
    size_t i;

    for (i = 0; i < pc->n; i++) {
        free(pc->files[i].chunkname);
        free(pc->files[i].bytecode);
    }
    free(pc->files);
    free(pc->first);
}

/* Lists the snapshots' files with their chunk names; 0, or -1 when out of
 * memory. */
static int list_files(struct nms_precompile *pc, const char *const *dirs,
                      const struct nms_snapshot *snaps, size_t n)
{
    size_t total = 0, i, k;

    for (i = 0; i < n; i++)
        total += snaps[i].n;
    pc->files = calloc(total ? total : 1, sizeof *pc->files);
    pc->first = calloc(n, sizeof *pc->first);
    if (!pc->files || !pc->first)
        return -1;
    for (i = 0; i < n; i++) {
        pc->first[i] = pc->n;
        for (k = 0; k < snaps[i].n; k++) {
            struct file *f = &pc->files[pc->n];
            size_t size = strlen(dirs[i]) + strlen(snaps[i].paths[k]) + 3;

            f->chunkname = malloc(size);
            if (!f->chunkname)
                return -1;
            snprintf(f->chunkname, size, "@%s/%s", dirs[i], snaps[i].paths[k]);
            f->text = snaps[i].texts[k];
            f->len = snaps[i].lens[k];
            f->state = f->text ? PENDING : UNREAD;
            pc->unread += !f->text;
            pc->n++;
        }
    }
    return 0;
}

/* The CPUs this process may run on (taskset, cgroup cpusets), not merely
 * those online. */
static long usable_cpus(void)
{
    cpu_set_t set;

    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return CPU_COUNT(&set);
    return sysconf(_SC_NPROCESSORS_ONLN);
}

/* Starts the thread on the usable CPUs other than the one this thread is
 * on. Left to itself the scheduler may start it beside its parent and
 * move it only at a later balancing tick, a good part of a 15 ms load in
 * which the two threads share one core (measured on an idle 2-CPU VM: a
 * cold eval took 20 ms with the thread so placed, 17 ms without it). */
static int start_thread(struct nms_precompile *pc)
{
    pthread_attr_t attr;
    cpu_set_t cpus;
    int here = sched_getcpu(), started;

    if (pthread_attr_init(&attr) != 0)
        return -1;
    if (here >= 0 && sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
        CPU_COUNT(&cpus) > 1) {
        CPU_CLR((size_t)here, &cpus);
        pthread_attr_setaffinity_np(&attr, sizeof cpus, &cpus);
    }
    started = pthread_create(&pc->thread, &attr, run, pc);
    pthread_attr_destroy(&attr);
    return started;
}

struct nms_precompile *nms_precompile_start(const char *const *dirs,
                                            const struct nms_snapshot *snaps,
                                            size_t n, size_t memory)
{
    struct nms_precompile *pc;

    if (usable_cpus() < 2)
        return NULL;    /* one core: the thread would only add the dumps */
    pc = calloc(1, sizeof *pc);
    if (!pc)
        return NULL;
    pc->memory = memory;
    if (list_files(pc, dirs, snaps, n) != 0)
        goto fail;
    if (pthread_mutex_init(&pc->lock, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&pc->changed, NULL) != 0) {
        pthread_mutex_destroy(&pc->lock);
        goto fail;
    }
    if (pthread_cond_init(&pc->published, NULL) != 0) {
        pthread_cond_destroy(&pc->changed);
        pthread_mutex_destroy(&pc->lock);
        goto fail;
    }
    if (pc->unread < pc->n) {                  /* texts given already */
        pc->started = start_thread(pc) == 0;
        pc->tried = 1;
    }
    return pc;
fail:
    free_files(pc);
    free(pc);
    return NULL;
}

/* File i of snapshot k is read: PENDING with its text, or TAKEN when
 * `text` is NULL (the load has its bytecode already). The thread starts
 * with the first file it has to compile. */
static void hand_over(struct nms_precompile *pc, size_t k, size_t i,
                      const char *text, size_t len)
{
    struct file *f;

    if (!pc)
        return;
    pthread_mutex_lock(&pc->lock);
    f = &pc->files[pc->first[k] + i];
    if (f->state == UNREAD) {
        f->text = text;
        f->len = len;
        f->state = text ? PENDING : TAKEN;
        pc->unread--;
        pthread_cond_signal(&pc->published);
        /* not started again if it could not: the load compiles the rest */
        if (text && !pc->tried) {
            pc->started = start_thread(pc) == 0;
            pc->tried = 1;
        }
    }
    pthread_mutex_unlock(&pc->lock);
}

void nms_precompile_publish(struct nms_precompile *pc, size_t k, size_t i,
                            const char *text, size_t len)
{
    hand_over(pc, k, i, text, len);
}

void nms_precompile_skip(struct nms_precompile *pc, size_t k, size_t i)
{
    hand_over(pc, k, i, NULL, 0);
}

static struct file *find(struct nms_precompile *pc, const char *path)
{
    size_t i;

    for (i = 0; i < pc->n; i++)
        if (strcmp(pc->files[i].chunkname + 1, path) == 0)
            return &pc->files[i];
    return NULL;
}

int nms_precompile_take(struct nms_precompile *pc, lua_State *L,
                        const char *path, const char *text, size_t len)
{
    struct file *f;
    enum file_state was;

    if (!pc)
        return 0;
    pthread_mutex_lock(&pc->lock);
    f = find(pc, path);
    was = f ? f->state : FAILED;
    if (f)
        f->state = TAKEN;
    if (was == UNREAD) {        /* not the thread's to wait for any more */
        pc->unread--;
        pthread_cond_signal(&pc->published);
    }
    pthread_mutex_unlock(&pc->lock);
    /* Only for the very text the VM holds: two snapshots may name the
     * same file (one directory given twice), read at different moments. */
    if (was != READY || f->len != len ||
        (f->text != text && memcmp(f->text, text, len) != 0))
        return 0;
    /* The bytecode is this process's own, made from the digested text. */
    if (luaL_loadbufferx(L, f->bytecode, f->size, f->chunkname,
                         "b") != LUA_OK) {
        lua_pop(L, 1);  /* e.g. the memory cap: the text gives the error */
        return 0;
    }
    free(f->bytecode);  /* no longer needed: the load's peak stays lower */
    f->bytecode = NULL;
    return 1;
}

void nms_precompile_settle(struct nms_precompile *pc)
{
    if (!pc)
        return;
    pthread_mutex_lock(&pc->lock);
    while (pc->started && !pc->done)
        pthread_cond_wait(&pc->changed, &pc->lock);
    pthread_mutex_unlock(&pc->lock);
}

void nms_precompile_finish(struct nms_precompile *pc)
{
    if (!pc)
        return;
    pthread_mutex_lock(&pc->lock);
    atomic_store(&pc->stop, 1);
    pthread_cond_signal(&pc->published);    /* if it waits for a file */
    pthread_mutex_unlock(&pc->lock);
    if (pc->started)
        pthread_join(pc->thread, NULL); /* at most the piece in hand */
    pthread_cond_destroy(&pc->published);
    pthread_cond_destroy(&pc->changed);
    pthread_mutex_destroy(&pc->lock);
    free_files(pc);
    free(pc);
}
