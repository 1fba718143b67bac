/*
 * memo_index.c - the index of a case's memory (memo_index.h): keys of
 * calls to the memory indexes of their answers, by open addressing.
 *
 * Room comes from the VM's allocator (lua_Alloc), so the keys count
 * against the memory cap, and it is kept from case to case: a case
 * starts by forgetting the keys (the buckets zeroed, a few hundred
 * bytes), not by freeing them.
 */
#include <string.h>

#include "lua/memo_index.h"

/* Keys a bucket array of n holds before it doubles: half full at most,
 * so a search compares ~1.5 keys. */
#define FULL(n) ((n) / 2)

#define MIN_BUCKETS 64u
#define MIN_KEYS 32u
#define MIN_BYTES 1024u

/* The most room kept from one case for the next (nms_memo_index_clear). */
#define KEEP_BUCKETS 2048u
#define KEEP_KEYS 1024u
#define KEEP_BYTES 65536u

/* A word's mix (the multiply-xorshift of splitmix64's finaliser). */
static uint64_t mix(uint64_t h)
{
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

uint64_t nms_memo_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

    for (; len >= 8; p += 8, len -= 8) {
        memcpy(&w, p, 8);
        h = mix(h ^ w);
    }
    if (len > 0) {
        w = 0;
        memcpy(&w, p, len);
        h = mix(h ^ w ^ 0xff);
    }
    return h;
}

void nms_memo_index_clear(struct nms_memo_index *x, lua_Alloc f, void *ud)
{
    /* Room past what a full case uses (~300 keys) is given back, so that
     * a case that asked thousands of questions leaves no more behind
     * than its memory table, which goes with it, did. */
    if (x->n_buckets > KEEP_BUCKETS || x->size > KEEP_KEYS ||
        x->bytes_size > KEEP_BYTES) {
        nms_memo_index_free(x, f, ud);
        return;
    }
    if (x->n > 0)
        memset(x->buckets, 0, x->n_buckets * sizeof *x->buckets);
    x->n = 0;
    x->bytes_used = 0;
    x->slots = 0;
}

lua_Integer nms_memo_index_find(const struct nms_memo_index *x,
                                const void *key, size_t len, uint64_t hash,
                                size_t *probes)
{
    size_t mask = x->n_buckets - 1, i;
    const struct nms_memo_key *k;

    *probes = 0;
    if (x->n == 0)
        return 0;
    for (i = (size_t)hash & mask; x->buckets[i] != 0; i = (i + 1) & mask) {
        ++*probes;
        k = &x->keys[x->buckets[i] - 1];
        if (k->hash == hash && k->len == len &&
            memcmp(x->bytes + k->at, key, len) == 0)
            return k->slot;
    }
    return 0;
}

/* Makes `*p` (of `*size` elements of `elem` bytes) hold at least `need`,
 * doubling from `least`. 0, or -1 when refused (`*p` unchanged). */
static int room(lua_Alloc f, void *ud, void **p, size_t *size, size_t need,
                size_t elem, size_t least)
{
    size_t n = *size ? *size : least;
    void *grown;

    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return -1;
        n *= 2;
    }
    if (n == *size)
        return 0;
    grown = f(ud, *p, *size * elem, n * elem);
    if (!grown)
        return -1;
    *p = grown;
    *size = n;
    return 0;
}

/* Puts key number `k` (from 0) in its bucket. */
static void place(struct nms_memo_index *x, size_t k)
{
    size_t mask = x->n_buckets - 1, i = (size_t)x->keys[k].hash & mask;

    while (x->buckets[i] != 0)
        i = (i + 1) & mask;
    x->buckets[i] = (uint32_t)(k + 1);
}

/* Doubles the buckets (or makes the first ones) and places every key
 * again. 0, or -1 when refused (the index unchanged). */
static int grow_buckets(struct nms_memo_index *x, lua_Alloc f, void *ud)
{
    size_t n = x->n_buckets ? x->n_buckets * 2 : MIN_BUCKETS, k;
    uint32_t *b;

    if (n > SIZE_MAX / sizeof *b || n - 1 > UINT32_MAX)
        return -1;
    b = f(ud, NULL, 0, n * sizeof *b);
    if (!b)
        return -1;
    memset(b, 0, n * sizeof *b);
    if (x->buckets)
        f(ud, x->buckets, x->n_buckets * sizeof *b, 0);
    x->buckets = b;
    x->n_buckets = n;
    for (k = 0; k < x->n; k++)
        place(x, k);
    return 0;
}

int nms_memo_index_add(struct nms_memo_index *x, lua_Alloc f, void *ud,
                       const void *key, size_t len, uint64_t hash,
                       lua_Integer slot)
{
    struct nms_memo_key *k;
    void *p;

    if (x->n + 1 > FULL(x->n_buckets) && grow_buckets(x, f, ud) != 0)
        return -1;
    p = x->keys;
    if (room(f, ud, &p, &x->size, x->n + 1, sizeof *x->keys, MIN_KEYS) != 0)
        return -1;
    x->keys = p;
    if (len > SIZE_MAX - x->bytes_used)
        return -1;
    p = x->bytes;
    if (room(f, ud, &p, &x->bytes_size, x->bytes_used + len, 1,
             MIN_BYTES) != 0)
        return -1;
    x->bytes = p;
    memcpy(x->bytes + x->bytes_used, key, len);
    k = &x->keys[x->n];
    k->hash = hash;
    k->at = x->bytes_used;
    k->len = len;
    k->slot = slot;
    x->bytes_used += len;
    place(x, x->n++);
    return 0;
}

void nms_memo_index_free(struct nms_memo_index *x, lua_Alloc f, void *ud)
{
    const void *case_at = x->case_at;

    if (x->bytes)
        f(ud, x->bytes, x->bytes_size, 0);
    if (x->keys)
        f(ud, x->keys, x->size * sizeof *x->keys, 0);
    if (x->buckets)
        f(ud, x->buckets, x->n_buckets * sizeof *x->buckets, 0);
    memset(x, 0, sizeof *x);
    x->case_at = case_at;       /* memo.c's, not room */
}
