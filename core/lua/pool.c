/*
 * pool.c - size-class free lists for one Lua state (pool.h).
 *
 * Chunks of POOL_CHUNK bytes are cut into blocks from the front; a freed
 * block goes onto the free list of its class (its size rounded up to
 * NMS_POOL_GRAIN) and serves the next request of that class. A block may
 * sit on the list of a class smaller than its own (a shrink that kept its
 * place): every block on a list is at least that class's size, which is
 * all the lists promise.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lua/pool.h"

/* Bytes per chunk: a few hundred blocks, one malloc call. */
#define POOL_CHUNK (64u * 1024u)

/* The header of a chunk, padded so that blocks after it keep malloc's
 * alignment. */
struct nms_pool_chunk {
    union {
        struct nms_pool_chunk *next;
        max_align_t align;
    } u;
};

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
        next = c->u.next;
        free(c);
        c = next;
    }
    nms_pool_init(pool);
}

/* A block of class k from its list, else the chunk tail, else a new
 * chunk within `limit`; NULL when none. */
static void *take(struct nms_pool *pool, size_t k, size_t limit)
{
    size_t size = (k + 1) * NMS_POOL_GRAIN;
    struct free_block *b = pool->free[k];
    struct nms_pool_chunk *c;
    void *block;

    if (b) {
        pool->free[k] = b->next;
        return b;
    }
    if (pool->left < size) {
        /* The old tail (less than one block of this class) goes onto the
         * list of the largest class it holds, not lost. */
        if (pool->left >= NMS_POOL_GRAIN) {
            struct free_block *rest = (struct free_block *)(void *)pool->next;
            size_t rk = pool->left / NMS_POOL_GRAIN - 1;
            rest->next = pool->free[rk];
            pool->free[rk] = rest;
        }
        pool->left = 0;
        if (pool->held > limit || POOL_CHUNK > limit - pool->held)
            return NULL;
        c = malloc(POOL_CHUNK);
        if (!c)
            return NULL;
        c->u.next = pool->chunks;
        pool->chunks = c;
        pool->held += POOL_CHUNK;
        pool->next = (char *)(c + 1);
        pool->left = POOL_CHUNK - sizeof *c;
    }
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
