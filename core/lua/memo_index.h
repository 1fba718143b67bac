/*
 * memo_index.h - which entry of a case's memory holds the answer to a
 * call (memo_index.c): the look-up behind nms.memo for the case the
 * engine evaluates (memo.c).
 *
 * A key is the bytes memo.c writes for a call (the function and its
 * arguments); its answer lives in the case's memory table, a Lua table,
 * at an integer index the index hands back. The keys live in C memory
 * taken from the VM's allocator, so they count against the memory cap as
 * the Lua table's entries did, and are never Lua strings: a call no
 * longer makes, hashes and interns a string of its key, nor sets it in a
 * table (~900 instructions of ~2,100 a call).
 */
#ifndef NMS_LUA_MEMO_INDEX_H
#define NMS_LUA_MEMO_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

/* One key: where its bytes are, and its answer's index in the memory. */
struct nms_memo_key {
    uint64_t hash;
    size_t at, len;
    lua_Integer slot;
};

/* The keys of one case; the room is kept from case to case. */
struct nms_memo_index {
    unsigned char *bytes;       /* the keys' bytes, one after another */
    size_t bytes_used, bytes_size;
    struct nms_memo_key *keys;
    size_t n, size;
    uint32_t *buckets;          /* a key's number + 1; 0: empty */
    size_t n_buckets;           /* a power of two, or 0 */
    lua_Integer slots;          /* memory indexes handed out this case */
    /* The address of the case table memo.c's slot holds (NULL: none), so
     * that a call tells the engine's case by one comparison; set by
     * memo.c alone, whatever clears or frees the rest. */
    const void *case_at;
};

/* The hash of `len` bytes at `key`. */
uint64_t nms_memo_hash(const void *key, size_t len);

/* Forgets every key (a new case); the room stays, unless it is more
 * than a case usually needs, when it goes back to `f`. */
void nms_memo_index_clear(struct nms_memo_index *x, lua_Alloc f, void *ud);

/* The memory index of the key, or 0 when it is not there; `*probes` is
 * the number of keys compared (memo.c charges a long search). */
lua_Integer nms_memo_index_find(const struct nms_memo_index *x,
                                const void *key, size_t len, uint64_t hash,
                                size_t *probes);

/* Adds the key with its memory index. 0, or -1 when the allocator `f`
 * refused the room (the key is then not kept). */
int nms_memo_index_add(struct nms_memo_index *x, lua_Alloc f, void *ud,
                       const void *key, size_t len, uint64_t hash,
                       lua_Integer slot);

/* Gives the room back to `f`; the index is empty after. */
void nms_memo_index_free(struct nms_memo_index *x, lua_Alloc f, void *ud);

#endif
