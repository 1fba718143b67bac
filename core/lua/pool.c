/*
 * pool.c - size-class free lists for one Lua state (pool.h).
 *
 * Chunks of POOL_CHUNK bytes are cut into blocks from the front; a freed
 * block goes onto the free list of its class (its size rounded up to
 * NMS_POOL_GRAIN) and serves the next request of that class. A block may
 * sit on the list of a class smaller than its own (a shrink that kept its
 * place): every block on a list is at least that class's size, which is
 * all the lists promise.
 *
 * Blocks never move between classes on the common path, so a flood of a
 * few sizes (a rule filling the memory cap with small tables) would leave
 * every chunk on those classes' lists and starve the others for good:
 * even a harmless later case failed on the cap. So when the limit
 * refuses a new chunk, a larger free block is split, and failing that
 * sweep() maps the free room of every chunk: the chunks wholly free are
 * given back, and the free room of the others is joined into runs and
 * cut anew, so that the room left between a few blocks kept in use (a
 * flood that keeps one table in a few hundred between cases) serves
 * every class. Chunks are aligned to their size, so a free block finds
 * its chunk by its address. Nothing is counted on the way in or out
 * (that cost ~0.8 % of a case): the map is made only then, from the
 * lists. A block kept in place by a shrink sits on a list smaller than
 * itself; only what the list promises counts as free, so the map errs on
 * keeping.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lua/pool.h"

/* Bytes per chunk: a few hundred blocks, one malloc call. */
#define POOL_CHUNK (64u * 1024u)

/* The header of a chunk, padded so that blocks after it keep malloc's
 * alignment. */
struct nms_pool_chunk {
    union {
        struct {
            struct nms_pool_chunk *next;
            size_t index;   /* its place in the list, set by sweep() only */
        } h;
        max_align_t align;
    } u;
};

/* The chunk a pooled block was cut from. */
static struct nms_pool_chunk *chunk_of(const void *block)
{
    return (struct nms_pool_chunk *)((uintptr_t)block &
                                     ~(uintptr_t)(POOL_CHUNK - 1));
}

/* Class of a pooled size (1..NMS_POOL_MAX), 0-based. */
static size_t class_of(size_t size)
{
    return (size - 1) / NMS_POOL_GRAIN;
}

void nms_pool_init(struct nms_pool *pool)
{
    memset(pool, 0, sizeof *pool);
}

void nms_pool_release(struct nms_pool *pool)
{
    struct nms_pool_chunk *c = pool->chunks, *next;

    while (c) {
        next = c->u.h.next;
        free(c);
        c = next;
    }
    nms_pool_init(pool);
}

/* Granules (NMS_POOL_GRAIN bytes) per chunk, and the first one past the
 * header. Blocks are cut at granule boundaries, so a chunk's free room
 * is exactly a set of granules. */
#define GRANULES (POOL_CHUNK / NMS_POOL_GRAIN)
#define FIRST_GRANULE (sizeof(struct nms_pool_chunk) / NMS_POOL_GRAIN)
#define MAP_WORDS (GRANULES / 64)
_Static_assert(sizeof(struct nms_pool_chunk) % NMS_POOL_GRAIN == 0,
               "blocks start at a granule boundary");

/* Marks `bytes` from `p` free in its chunk's map (map i is chunk i's, its
 * index in the header). */
static void mark(uint64_t (*maps)[MAP_WORDS], const void *p, size_t bytes)
{
    struct nms_pool_chunk *c = chunk_of(p);
    size_t g = (size_t)((const char *)p - (const char *)c) / NMS_POOL_GRAIN;
    size_t end = g + bytes / NMS_POOL_GRAIN;

    for (; g < end; g++)
        maps[c->u.h.index][g / 64] |= (uint64_t)1 << (g % 64);
}

/* Puts the free run of `n` granules at `p` onto the lists: blocks of the
 * largest class, the rest as one block of its own class. */
static void recut(struct nms_pool *pool, char *p, size_t n)
{
    const size_t most = NMS_POOL_CLASSES;
    struct nms_pool_block *b;

    while (n > 0) {
        size_t g = n < most ? n : most;

        b = (struct nms_pool_block *)(void *)p;
        b->next = pool->free[g - 1];
        pool->free[g - 1] = b;
        p += g * NMS_POOL_GRAIN;
        n -= g;
    }
}

/* Runs only when the limit refuses a chunk. Maps the free room of every
 * chunk exactly (its free blocks and the unused tail), gives back to the
 * system every chunk wholly free, and puts the free room of the others
 * back onto the lists joined into runs and cut anew, largest blocks
 * first: the room between blocks kept in use then serves any class,
 * where the lists held it as blocks of the few sizes a flood freed (a
 * rule that floods the cap with small tables and keeps one in a few
 * hundred between cases would otherwise starve every later case of the
 * other sizes while using a few kB). Returns how many chunks went back,
 * or 0 with the pool unchanged when the map's memory (512 bytes a chunk,
 * taken from the system for the moment) cannot be had. */
static size_t sweep(struct nms_pool *pool)
{
    struct nms_pool_chunk **link, *c;
    uint64_t (*maps)[MAP_WORDS];
    size_t k, n = 0, freed = 0;

    for (c = pool->chunks; c; c = c->u.h.next)
        c->u.h.index = n++;
    maps = calloc(n ? n : 1, sizeof *maps);
    if (!maps)
        return 0;
    if (pool->left > 0)
        mark(maps, pool->next, pool->left);
    pool->left = 0;
    for (k = 0; k < NMS_POOL_CLASSES; k++) {
        struct nms_pool_block *b;

        /* a block may be larger than its list's class (a shrink that
         * kept its place): only what the list promises counts as free */
        for (b = pool->free[k]; b; b = b->next)
            mark(maps, b, (k + 1) * NMS_POOL_GRAIN);
        pool->free[k] = NULL;
    }
    for (link = &pool->chunks; (c = *link) != NULL;) {
        uint64_t *map = maps[c->u.h.index];
        size_t g = FIRST_GRANULE, run;
        int whole = 0;

        for (;;) {
            while (g < GRANULES && !(map[g / 64] >> (g % 64) & 1))
                g++;
            if (g == GRANULES)
                break;
            for (run = g; run < GRANULES && (map[run / 64] >> (run % 64) & 1);)
                run++;
            if (g == FIRST_GRANULE && run == GRANULES) {
                whole = 1;
                break;
            }
            recut(pool, (char *)c + g * NMS_POOL_GRAIN, run - g);
            g = run;
        }
        if (whole) {
            *link = c->u.h.next;
            free(c);
            pool->held -= POOL_CHUNK;
            freed++;
        } else {
            link = &c->u.h.next;
        }
    }
    free(maps);
    return freed;
}

/* A new chunk within `limit` as the tail; 0, or -1 when none. */
static int new_chunk(struct nms_pool *pool, size_t limit)
{
    struct nms_pool_chunk *c;

    if (pool->held > limit || POOL_CHUNK > limit - pool->held)
        return -1;
    c = aligned_alloc(POOL_CHUNK, POOL_CHUNK);
    if (!c)
        return -1;
    c->u.h.next = pool->chunks;
    pool->chunks = c;
    pool->held += POOL_CHUNK;
    pool->next = (char *)(c + 1);
    pool->left = POOL_CHUNK - sizeof *c;
    return 0;
}

/* A block of class k from the list of the smallest class >= k that has
 * one, its rest put back as a block of the class it fills; NULL when
 * every such list is empty. */
static void *split(struct nms_pool *pool, size_t k)
{
    size_t j;

    for (j = k; j < NMS_POOL_CLASSES; j++) {
        struct nms_pool_block *b = pool->free[j];

        if (!b)
            continue;
        pool->free[j] = b->next;
        if (j > k) {
            struct nms_pool_block *rest =
                (struct nms_pool_block *)(void *)((char *)b +
                                                  (k + 1) * NMS_POOL_GRAIN);
            rest->next = pool->free[j - k - 1];
            pool->free[j - k - 1] = rest;
        }
        return b;
    }
    return NULL;
}

/* The slow half of take(): a block of `size` bytes (class k) cut from
 * a new chunk within `limit`; if the limit is reached, split from a
 * larger free block, else after a sweep (wholly free chunks given back,
 * the rest of the free room joined and cut anew); NULL when none. Kept
 * apart so that take()'s common path stays small enough to inline. */
static void *refill(struct nms_pool *pool, size_t k, size_t limit)
{
    size_t size = (k + 1) * NMS_POOL_GRAIN;
    void *block;

    /* The old tail (less than one block of this class) goes onto the
     * list of the largest class it holds, not lost. */
    if (pool->left >= NMS_POOL_GRAIN) {
        struct nms_pool_block *rest =
            (struct nms_pool_block *)(void *)pool->next;
        size_t rk = pool->left / NMS_POOL_GRAIN - 1;
        rest->next = pool->free[rk];
        pool->free[rk] = rest;
    }
    pool->left = 0;
    if (new_chunk(pool, limit) != 0) {
        /* a larger free block first: sweeping walks every chunk */
        if ((block = split(pool, k)) != NULL)
            return block;
        sweep(pool);
        if ((block = split(pool, k)) != NULL)
            return block;
        if (new_chunk(pool, limit) != 0)
            return NULL;
    }
    block = pool->next;
    pool->next += size;
    pool->left -= size;
    return block;
}

/* A block of class k from its list, else the chunk tail, else a new
 * chunk (refill); NULL when none. */
static void *take(struct nms_pool *pool, size_t k, size_t limit)
{
    size_t size = (k + 1) * NMS_POOL_GRAIN;
    void *block = nms_pool_reuse(pool, size);

    if (block)
        return block;
    if (pool->left < size)
        return refill(pool, k, limit);
    block = pool->next;
    pool->next += size;
    pool->left -= size;
    return block;
}

void nms_pool_free(struct nms_pool *pool, void *ptr, size_t size)
{
    if (!ptr)
        return;
    if (size > NMS_POOL_MAX)
        free(ptr);
    else
        nms_pool_give(pool, ptr, size);
}

void *nms_pool_realloc(struct nms_pool *pool, void *ptr, size_t osize,
                       size_t nsize, size_t limit)
{
    void *block;

    if (!ptr)
        osize = 0;
    if (osize > NMS_POOL_MAX && nsize > NMS_POOL_MAX)
        return realloc(ptr, nsize);
    if (osize > 0 && osize <= NMS_POOL_MAX && nsize <= NMS_POOL_MAX &&
        (class_of(nsize) == class_of(osize) || nsize < osize))
        return ptr;   /* same class, or a shrink that keeps its place */
    if (nsize > NMS_POOL_MAX)
        block = malloc(nsize);
    else
        block = take(pool, class_of(nsize), nsize < osize ? (size_t)-1
                                                          : limit);
    if (!block)
        return NULL;
    if (osize > 0) {
        memcpy(block, ptr, osize < nsize ? osize : nsize);
        nms_pool_free(pool, ptr, osize);
    }
    return block;
}
