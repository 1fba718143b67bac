/*
 * bundled.c - loading the bundled ruleset's bytecode under the chunk name
 * of the run (see bundled.h for why and what it promises).
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/bundled.h"

/* What lua_Writer `compare` checks a dump against. */
struct comparing {
    const unsigned char *expected;
    size_t size, at;
};

/* lua_Writer comparing the dump with the build's, piece by piece; stops
 * the dump at the first difference. */
static int compare(lua_State *L, const void *p, size_t size, void *ud)
{
    struct comparing *c = ud;
    (void)L;
    if (size > c->size - c->at || memcmp(c->expected + c->at, p, size) != 0)
        return 1;
    c->at += size;
    return 0;
}

int nms_bundled_usable(const struct nms_bundled *b)
{
    struct comparing c = {b->probe_code, b->probe_size, 0};
    lua_State *L = luaL_newstate();
    int same = 0;

    if (!L)
        return 0;
    if (luaL_loadbufferx(L, b->probe, b->probe_len, NMS_BUNDLED_PROBE_NAME,
                         "t") == LUA_OK)
        same = lua_dump(L, compare, &c, 0) == 0 && c.at == c.size;
    lua_close(L);
    return same;
}

static int compare_path(const void *key, const void *member)
{
    const struct nms_bundled_file *f = member;
    return strcmp(key, f->path);
}

const struct nms_bundled_file *nms_bundled_find(const struct nms_bundled *b,
                                                const char *path,
                                                const char *text, size_t len)
{
    const struct nms_bundled_file *f =
        bsearch(path, b->files, b->n, sizeof *b->files, compare_path);

    if (!f || f->len != len || memcmp(f->text, text, len) != 0)
        return NULL;
    return f;
}

/* The size prefix of a dumped string: how ldump.c's dumpSize writes it
 * (7 bits a byte, most significant first, the last byte marked 0x80). */
#define MAX_SIZE_BYTES (sizeof(size_t) * 8 / 7 + 1)

static size_t encode_size(size_t x, unsigned char *out)
{
    unsigned char buf[MAX_SIZE_BYTES];
    size_t n = 0;

    do {
        buf[MAX_SIZE_BYTES - ++n] = (unsigned char)(x & 0x7f);
        x >>= 7;
    } while (x != 0);
    buf[MAX_SIZE_BYTES - 1] |= 0x80;
    memcpy(out, buf + MAX_SIZE_BYTES - n, n);
    return n;
}

/* Whether `f`'s bytecode has the runtime's header (the probe's, which
 * nms_bundled_usable compared with the runtime's) and, at source_at, the
 * placeholder "@<path>" ending at source_end: then replacing that string
 * is all there is to do. */
static int well_formed(const struct nms_bundled *b,
                       const struct nms_bundled_file *f)
{
    unsigned char size[MAX_SIZE_BYTES];
    size_t plen = strlen(f->path), n;

    if (f->source_at == 0 || f->source_at > b->probe_size ||
        f->source_end > f->size || f->source_end < f->source_at ||
        memcmp(f->code, b->probe_code, f->source_at - 1) != 0)
        return 0;
    n = encode_size(plen + 2, size);    /* "@", path, and the count's +1 */
    return f->source_end - f->source_at == n + 1 + plen &&
           memcmp(f->code + f->source_at, size, n) == 0 &&
           f->code[f->source_at + n] == '@' &&
           memcmp(f->code + f->source_at + n + 1, f->path, plen) == 0;
}

/* What the reader hands lua_load: the dump up to the source string, the
 * run's chunk name as a dumped string, the rest of the dump. */
struct reading {
    const unsigned char *piece[4];
    size_t size[4];
    int next;
};

static const char *read_pieces(lua_State *L, void *ud, size_t *size)
{
    struct reading *r = ud;
    (void)L;
    while (r->next < 4 && r->size[r->next] == 0)
        r->next++;
    if (r->next == 4)
        return NULL;
    *size = r->size[r->next];
    return (const char *)r->piece[r->next++];
}

int nms_bundled_load(lua_State *L, const struct nms_bundled *b,
                     const struct nms_bundled_file *f, const char *chunkname)
{
    unsigned char size[MAX_SIZE_BYTES];
    size_t len = strlen(chunkname);
    struct reading r = {
        {f->code, size, (const unsigned char *)chunkname,
         f->code + f->source_end},
        {f->source_at, 0, len, f->size - f->source_end}, 0};

    if (!well_formed(b, f))
        return 0;
    r.size[1] = encode_size(len + 1, size);
    if (lua_load(L, read_pieces, &r, chunkname, "b") != LUA_OK) {
        lua_pop(L, 1);
        return 0;
    }
    return 1;
}
