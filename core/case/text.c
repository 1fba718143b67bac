/*
 * text.c - the static text of a ruleset: strings copied once into chunks
 * that never move, freed together with the last reference (text_int.h).
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "case/text_int.h"

/* Strings are packed into chunks that double from CHUNK_MIN bytes up to
 * CHUNK_MAX (a longer string gets a chunk of its own): the full default
 * ruleset's text is a few hundred kB, a few dozen chunks instead of
 * thousands of small blocks, and a text of a few names stays small. */
#define CHUNK_MIN 256
#define CHUNK_MAX 16384

struct chunk {
    struct chunk *next;
    char bytes[];
};

struct nms_text {
    atomic_size_t refs;
    struct chunk *chunks;   /* the newest first; strings are added to it */
    size_t used, size;      /* bytes of the newest chunk used and in all */
};

struct nms_text *nms_text_new(void)
{
    struct nms_text *t = calloc(1, sizeof *t);

    if (t)
        atomic_init(&t->refs, 1);
    return t;
}

/* A chunk for `need` bytes linked into t: a fresh current one, or, for a
 * string longer than the chunk would be, one of its own behind the
 * current one (whose free room stays in use). NULL when out of memory. */
static char *room(struct nms_text *t, size_t need)
{
    size_t next = !t->chunks ? CHUNK_MIN
                  : t->size < CHUNK_MAX / 2 ? 2 * t->size : CHUNK_MAX;
    size_t size = need > next ? need : next;
    struct chunk *c = malloc(sizeof *c + size);

    if (!c)
        return NULL;
    if (size > next && t->chunks) {
        c->next = t->chunks->next;
        t->chunks->next = c;
        return c->bytes;
    }
    c->next = t->chunks;
    t->chunks = c;
    t->used = need;
    t->size = size;
    return c->bytes;
}

const char *nms_text_add(struct nms_text *t, const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy;

    if (t->chunks && t->size - t->used >= len + 1) {
        copy = t->chunks->bytes + t->used;
        t->used += len + 1;
    } else if (!(copy = room(t, len + 1))) {
        return NULL;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

struct nms_text *nms_text_ref(struct nms_text *t)
{
    if (t)
        atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
    return t;
}

void nms_text_unref(struct nms_text *t)
{
    struct chunk *c, *next;

    /* Release on every drop, acquire before freeing: whatever a holder in
     * another thread read happens before the free. */
    if (!t || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (c = t->chunks; c; c = next) {
        next = c->next;
        free(c);
    }
    free(t);
}
