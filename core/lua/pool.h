/*
 * pool.h - the small-block allocator in front of malloc for one Lua state
 * (pool.c). Lua allocates and frees millions of small objects per batch
 * (strings, tables, closures); free lists per size class serve them
 * without malloc's bookkeeping. Blocks of more than NMS_POOL_MAX bytes go
 * to malloc. Lua passes the old size with every block, so whether a block
 * is pooled follows from its size: nothing is stored beside it.
 *
 * One pool per VM, no global state. What it holds from the system is
 * `held`, which the caller bounds with `limit`. When the limit would
 * refuse a new chunk, it gives back the chunks with no block in use and
 * recuts the free room of the others for any size (pool.c); everything
 * goes back at nms_pool_release.
 */
#ifndef NMS_POOL_H
#define NMS_POOL_H

#include <stddef.h>

/* Blocks up to this size are pooled, in classes of NMS_POOL_GRAIN bytes. */
#define NMS_POOL_GRAIN 16
#define NMS_POOL_MAX 256
#define NMS_POOL_CLASSES (NMS_POOL_MAX / NMS_POOL_GRAIN)

struct nms_pool_chunk;

/* A free block: the link to the next one of its list. */
struct nms_pool_block {
    struct nms_pool_block *next;
};

struct nms_pool {
    void *free[NMS_POOL_CLASSES];   /* per class: freed blocks, linked */
    struct nms_pool_chunk *chunks;  /* every chunk taken from malloc */
    char *next;                     /* unused tail of the newest chunk */
    size_t left;                    /* bytes in that tail */
    size_t held;                    /* bytes of all chunks */
};

/* Starts an empty pool (nothing allocated yet). */
void nms_pool_init(struct nms_pool *pool);

/* Frees every chunk; blocks still handed out become invalid. */
void nms_pool_release(struct nms_pool *pool);

/*
 * realloc for a Lua state: `ptr` (NULL, or a block of `osize` bytes from
 * this function) becomes a block of `nsize` > 0 bytes, contents kept up
 * to the smaller size. A new chunk is taken only while `held` stays
 * within `limit`. Returns NULL, with ptr untouched, when out of memory or
 * past the limit; a shrink never fails for the limit.
 */
void *nms_pool_realloc(struct nms_pool *pool, void *ptr, size_t osize,
                       size_t nsize, size_t limit);

/* Frees block `ptr` of `size` bytes (NULL is ignored). */
void nms_pool_free(struct nms_pool *pool, void *ptr, size_t size);

/*
 * The two commonest calls, inline for the VM's allocator (sandbox.c):
 * Lua makes ~1,800 blocks a case and frees as many, nearly all pooled,
 * and the call into pool.c with its size checks was ~15 instructions of
 * the ~50 each cost.
 */

/* A block of `size` (1..NMS_POOL_MAX) bytes from its class's list of
 * freed blocks, or NULL when that list is empty (then nms_pool_realloc). */
static inline void *nms_pool_reuse(struct nms_pool *pool, size_t size)
{
    struct nms_pool_block *b = pool->free[(size - 1) / NMS_POOL_GRAIN];

    if (b)
        pool->free[(size - 1) / NMS_POOL_GRAIN] = b->next;
    return b;
}

/* nms_pool_free of a non-NULL block of `size` <= NMS_POOL_MAX bytes. */
static inline void nms_pool_give(struct nms_pool *pool, void *ptr,
                                 size_t size)
{
    struct nms_pool_block *b = ptr;

    b->next = pool->free[(size - 1) / NMS_POOL_GRAIN];
    pool->free[(size - 1) / NMS_POOL_GRAIN] = b;
}

#endif
