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
 * Blocks never move between classes, so a flood of a few sizes (a rule
 * filling the memory cap with small tables) would leave every chunk on
 * those classes' lists and starve the others for good: even a harmless
 * later case failed on the cap. So when the limit refuses a new chunk,
 * the chunks wholly free are given back first and the request is tried
 * again. Chunks are aligned to their size, so a free block finds its
 * chunk by its address; a chunk is wholly free when its free blocks and
 * unused tail add up to all of it. Nothing is counted on the way in or
 * out (that cost ~0.8 % of a case): the sum is made only then, from the
 * lists. A block kept in place by a shrink sits on a list smaller than
 * itself, so its chunk looks used and stays: the sum errs on keeping.
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
            size_t free;    /* bytes free, summed by sweep() only */
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

/* A free block: the link to the next one of its list. */
struct free_block {
    struct free_block *next;
};

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

/* Gives back to the system every chunk wholly free, taking its blocks
 * off the lists; returns how many. Runs only when the limit refuses a
 * chunk: it walks every free block twice. */
static size_t sweep(struct nms_pool *pool)
{
    const size_t whole = POOL_CHUNK - sizeof(struct nms_pool_chunk);
    struct nms_pool_chunk **link, *c;
    size_t k, freed = 0;

    for (c = pool->chunks; c; c = c->u.h.next)
        c->u.h.free = 0;
    if (pool->left > 0)
        chunk_of(pool->next)->u.h.free = pool->left;
    for (k = 0; k < NMS_POOL_CLASSES; k++) {
        struct free_block *b;

        for (b = pool->free[k]; b; b = b->next)
            chunk_of(b)->u.h.free += (k + 1) * NMS_POOL_GRAIN;
    }
    for (k = 0; k < NMS_POOL_CLASSES; k++) {
        struct free_block **b = (struct free_block **)&pool->free[k];

        while (*b) {
            if (chunk_of(*b)->u.h.free == whole)
                *b = (*b)->next;
            else
                b = &(*b)->next;
        }
    }
    for (link = &pool->chunks; (c = *link) != NULL;) {
        if (c->u.h.free == whole) {
            if (pool->left > 0 && chunk_of(pool->next) == c)
                pool->left = 0;     /* its unused tail goes with it */
            *link = c->u.h.next;
            free(c);
            pool->held -= POOL_CHUNK;
            freed++;
        } else {
            link = &c->u.h.next;
        }
    }
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

/* The slow half of take(): a block of `size` bytes (class k) cut from
 * a new chunk within `limit`, after giving back the wholly free chunks
 * if the limit is reached (which may also have refilled nothing, or
 * emptied the lists); NULL when none. Kept apart so that take()'s common
 * path stays small enough to inline. */
static void *refill(struct nms_pool *pool, size_t k, size_t limit)
{
    size_t size = (k + 1) * NMS_POOL_GRAIN;
    void *block;

    /* The old tail (less than one block of this class) goes onto the
     * list of the largest class it holds, not lost. */
    if (pool->left >= NMS_POOL_GRAIN) {
        struct free_block *rest = (struct free_block *)(void *)pool->next;
        size_t rk = pool->left / NMS_POOL_GRAIN - 1;
        rest->next = pool->free[rk];
        pool->free[rk] = rest;
    }
    pool->left = 0;
    if (new_chunk(pool, limit) != 0) {
        if (sweep(pool) == 0 || new_chunk(pool, limit) != 0)
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
    struct free_block *b = pool->free[k];
    void *block;

    if (b) {
        pool->free[k] = b->next;
        return b;
    }
    if (pool->left < size)
        return refill(pool, k, limit);
    block = pool->next;
    pool->next += size;
    pool->left -= size;
    return block;
}

static void give(struct nms_pool *pool, void *ptr, size_t size)
{
    struct free_block *b = ptr;
    size_t k = class_of(size);

    b->next = pool->free[k];
    pool->free[k] = b;
}

void nms_pool_free(struct nms_pool *pool, void *ptr, size_t size)
{
    if (!ptr)
        return;
    if (size > NMS_POOL_MAX)
        free(ptr);
    else
        give(pool, ptr, size);
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
