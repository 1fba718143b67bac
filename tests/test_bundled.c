/*
 * test_bundled.c - the bundled ruleset's bytecode (core/lua/bundled.c):
 * a function loaded from it is the one its text compiles to, under the
 * chunk name of any directory; a load of the bundled ruleset takes it for
 * every module, wherever the files are; an edited file is compiled from
 * its text; a probe or bytecode that is not what the build made is
 * refused, and the text compiled instead.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>

#include "lua/bundled.h"
#include "lua/engine_int.h"
#include "test_helpers.h"

/* lua_Writer into a growing buffer. */
struct buffer {
    char *data;
    size_t size;
};

static int append(lua_State *L, const void *p, size_t size, void *ud)
{
    struct buffer *b = ud;
    (void)L;
    b->data = realloc(b->data, b->size + size);
    assert_non_null(b->data);
    memcpy(b->data + b->size, p, size);
    b->size += size;
    return 0;
}

/* The dump of the function on top, line information kept; pops it. */
static struct buffer dump(lua_State *L)
{
    struct buffer b = {NULL, 0};

    assert_int_equal(lua_dump(L, append, &b, 0), 0);
    lua_pop(L, 1);
    return b;
}

/* A directory name longer than 127 bytes: its size in the dump takes two
 * bytes where the placeholder's took one. */
static const char long_dir[] =
    "@/a/directory/whose/name/is/long/enough/that/its/size/in/the/dump"
    "/takes/two/bytes/rather/than/one/as/the/placeholder/did/here/rules";

/* "@" and a directory name of `size` bytes (its size in the dump takes
 * three bytes past 16 KB) holding what a chunk name could trip on: '%'
 * (lua_pushfstring's directives), quotes, a newline, spaces, a NUL-free
 * run of UTF-8, "..". */
static char *odd_dir(size_t size)
{
    static const char piece[] = "/d%s %d 'q\"\n\xc3\xbc\xe5\x90\x8d/..";
    char *dir = malloc(size + 1);
    size_t i;

    assert_non_null(dir);
    dir[0] = '@';
    for (i = 1; i < size; i++)
        dir[i] = piece[(i - 1) % (sizeof piece - 1)];
    dir[size] = '\0';
    return dir;
}

/* Every bundled file, loaded as "<dir>/<path>" for a short and a long
 * directory (and the first few for a very long odd one: slow under
 * valgrind for all), is byte for byte the function its text compiles to
 * under that name: the same code, lines, and source in every message and
 * debug.getinfo. */
static void bundled_functions_are_their_texts(void **state)
{
    const struct nms_bundled *b = &nms_bundled_rules;
    const char *dirs[] = {"@rules", long_dir, NULL};
    lua_State *L = luaL_newstate();
    char *odd = odd_dir(20000);
    size_t i, d;

    (void)state;
    assert_non_null(L);
    dirs[2] = odd;
    assert_true(b->n >= 40);    /* rules/: 48 files when this was written */
    assert_true(nms_bundled_usable(b));
    for (i = 0; i < b->n; i++) {
        const struct nms_bundled_file *f = &b->files[i];

        for (d = 0; d < (i < 4 ? 3u : 2u); d++) {
            struct buffer built, compiled;
            lua_Debug ar;

            lua_pushfstring(L, "%s/%s", dirs[d], f->path);
            assert_int_equal(nms_bundled_load(L, b, f, lua_tostring(L, -1)),
                             1);
            lua_pushvalue(L, -1);
            assert_true(lua_getinfo(L, ">S", &ar));
            assert_string_equal(ar.source, lua_tostring(L, -2));
            built = dump(L);
            assert_int_equal(luaL_loadbufferx(L, (const char *)f->text, f->len,
                                              lua_tostring(L, -1), "t"),
                             LUA_OK);
            compiled = dump(L);
            lua_pop(L, 1);
            assert_int_equal(built.size, compiled.size);
            assert_memory_equal(built.data, compiled.data, built.size);
            free(built.data);
            free(compiled.data);
        }
    }
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
    free(odd);
}

/* A probe dumped otherwise than the build's (another liblua, another
 * build of it) makes the bundled bytecode unusable. */
static void other_probe_is_refused(void **state)
{
    struct nms_bundled b = nms_bundled_rules;
    unsigned char *code = malloc(b.probe_size);
    char *text = malloc(b.probe_len);

    (void)state;
    assert_non_null(code);
    memcpy(code, b.probe_code, b.probe_size);
    b.probe_code = code;
    assert_true(nms_bundled_usable(&b));
    code[b.probe_size / 2] ^= 1;                /* other code generated */
    assert_false(nms_bundled_usable(&b));
    code[b.probe_size / 2] ^= 1;
    code[5] ^= 1;                               /* another format */
    assert_false(nms_bundled_usable(&b));
    code[5] ^= 1;
    b.probe_size--;                             /* the runtime dumps more */
    assert_false(nms_bundled_usable(&b));
    b.probe_size++;
    assert_non_null(text);                      /* another probe text */
    memcpy(text, b.probe, b.probe_len);
    assert_non_null(memchr(text, '7', b.probe_len));
    *(char *)memchr(text, '7', b.probe_len) = '8';
    b.probe = text;
    assert_false(nms_bundled_usable(&b));
    free(text);
    free(code);
}

/* Bytecode whose header or source placeholder is not what bundled.c
 * replaces is not loaded: nothing pushed, the caller compiles the text. */
static void damaged_bytecode_is_not_loaded(void **state)
{
    const struct nms_bundled *b = &nms_bundled_rules;
    struct nms_bundled_file f = b->files[0];
    unsigned char *code = malloc(f.size);
    lua_State *L = luaL_newstate();

    (void)state;
    assert_non_null(code);
    assert_non_null(L);
    memcpy(code, f.code, f.size);
    f.code = code;
    assert_int_equal(nms_bundled_load(L, b, &f, "@x/y.lua"), 1);
    lua_pop(L, 1);
    code[4] ^= 1;                               /* the version byte */
    assert_int_equal(nms_bundled_load(L, b, &f, "@x/y.lua"), 0);
    code[4] ^= 1;
    code[f.source_end - 1] ^= 1;                /* the placeholder's text */
    assert_int_equal(nms_bundled_load(L, b, &f, "@x/y.lua"), 0);
    code[f.source_end - 1] ^= 1;
    f.source_end++;                             /* where it ends */
    assert_int_equal(nms_bundled_load(L, b, &f, "@x/y.lua"), 0);
    f.source_end--;
    f.size = f.source_end + 8;                  /* cut short */
    assert_int_equal(nms_bundled_load(L, b, &f, "@x/y.lua"), 0);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
    free(code);
}

/* lua_Alloc refusing to grow past `cap` bytes in all. */
struct capped {
    size_t used, cap;
};

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct capped *c = ud;
    size_t old = ptr ? osize : 0;
    void *grown;

    if (nsize == 0) {
        c->used -= old;
        free(ptr);
        return NULL;
    }
    if (nsize > old && c->used - old + nsize > c->cap)
        return NULL;
    grown = realloc(ptr, nsize);
    if (grown)
        c->used = c->used - old + nsize;
    return grown;
}

/* Whether file `f` loads, from its bytecode or from its text, in a fresh
 * state of at most `cap` bytes; a load that fails leaves the stack as it
 * was. */
static int loads_within(const struct nms_bundled_file *f, int from_text,
                        size_t cap, const char *chunkname)
{
    struct capped c = {0, cap};
    lua_State *L = lua_newstate(capped_alloc, &c);
    int loaded;

    if (!L)
        return 0;
    if (from_text)
        loaded = luaL_loadbufferx(L, (const char *)f->text, f->len,
                                  chunkname, "t") == LUA_OK;
    else
        loaded = nms_bundled_load(L, &nms_bundled_rules, f, chunkname);
    assert_int_equal(lua_gettop(L), loaded ? 1 : (from_text ? 1 : 0));
    lua_close(L);
    return loaded;
}

/* Under a memory cap, a bundled file loads from bytecode with less than
 * its text needs to compile, so that a load refused there is refused as
 * text too (the caller then compiles the text, whose error is the one
 * reported) and never the other way round; and a load refused at any
 * point (the reader's pieces, the run's chunk name) pushes nothing. The
 * three largest files, under a long chunk name. */
static void bytecode_loads_within_the_texts_memory(void **state)
{
    const struct nms_bundled *b = &nms_bundled_rules;
    char *name = odd_dir(300);
    size_t largest[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX}, i, k;

    (void)state;
    for (i = 0; i < b->n; i++)
        for (k = 0; k < 3; k++)
            if (largest[k] == SIZE_MAX ||
                b->files[i].len > b->files[largest[k]].len) {
                memmove(largest + k + 1, largest + k,
                        (2 - k) * sizeof *largest);
                largest[k] = i;
                break;
            }
    for (k = 0; k < 3; k++) {
        const struct nms_bundled_file *f = &b->files[largest[k]];
        size_t lo = 0, hi = 16 << 20, cap;

        while (lo + 1 < hi) {           /* the least that loads: hi */
            size_t mid = lo + (hi - lo) / 2;
            *(loads_within(f, 0, mid, name) ? &hi : &lo) = mid;
        }
        assert_true(hi < (16 << 20));
        assert_false(loads_within(f, 1, hi - 1, name));
        assert_false(loads_within(f, 1, hi, name));
        for (cap = 0; cap < hi; cap += hi / 32 + 1)
            assert_false(loads_within(f, 0, cap, name));
    }
    free(name);
}

/* A file is bundled by its path and its exact text. */
static void find_takes_path_and_exact_text(void **state)
{
    const struct nms_bundled *b = &nms_bundled_rules;
    const struct nms_bundled_file *f = &b->files[b->n - 1];
    char *text = calloc(1, f->len + 1);

    (void)state;
    assert_non_null(text);
    memcpy(text, f->text, f->len);
    assert_ptr_equal(nms_bundled_find(b, f->path, text, f->len), f);
    assert_null(nms_bundled_find(b, "no/such.lua", text, f->len));
    assert_null(nms_bundled_find(b, f->path, text, f->len - 1));
    assert_null(nms_bundled_find(b, f->path, text, f->len + 1)); /* a NUL */
    text[f->len / 2] ^= 1;
    assert_null(nms_bundled_find(b, f->path, text, f->len));
    text[f->len / 2] ^= 1;
    text[0] ^= 1;                   /* the same length, a byte at an end */
    assert_null(nms_bundled_find(b, f->path, text, f->len));
    text[0] ^= 1;
    text[f->len - 1] ^= 1;
    assert_null(nms_bundled_find(b, f->path, text, f->len));
    text[f->len - 1] ^= 1;
    assert_ptr_equal(nms_bundled_find(b, f->path, text, f->len), f);
    free(text);
}

/* Writes the bundled ruleset's files into a fresh directory (dir, a
 * mkdtemp template): a copy of rules/ as built, elsewhere. */
static void write_copy(char *dir)
{
    const struct nms_bundled *b = &nms_bundled_rules;
    size_t i;

    assert_non_null(mkdtemp(dir));
    for (i = 0; i < b->n; i++) {
        char path[1024], *slash;
        FILE *out;

        snprintf(path, sizeof path, "%s/%s", dir, b->files[i].path);
        for (slash = strchr(path + strlen(dir) + 1, '/'); slash;
             slash = strchr(slash + 1, '/')) {
            *slash = '\0';
            mkdir(path, 0700);
            *slash = '/';
        }
        out = fopen(path, "wb");
        assert_non_null(out);
        assert_int_equal(fwrite(b->files[i].text, 1, b->files[i].len, out),
                         b->files[i].len);
        assert_int_equal(fclose(out), 0);
    }
}

static void remove_copy(const char *dir)
{
    char command[1100];

    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

/* The modules an engine's VM has loaded. */
static unsigned long loaded_modules(struct nms_engine *e)
{
    lua_State *L = nms_engine_vm(e)->L;
    unsigned long n = 0;

    nms_vm_push_loaded(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        n++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return n;
}

/* The bundled ruleset, in a directory of its own (with a name of spaces,
 * '%', a quote, a newline and UTF-8), loads every module from bytecode,
 * named with that directory (the warnings function's source is where its
 * messages point); the shipped rules/ does too. */
static void bundled_ruleset_loads_from_bytecode(void **state)
{
    char dir[] = "/tmp/nms bundled %s \"\n\xc3\xbc_XXXXXX", want[1100];
    struct nms_engine *e;
    const struct nms_ruleset *rs;

    (void)state;
    write_copy(dir);
    e = load_rules_at(dir, NULL);
    assert_true(loaded_modules(e) > 20);
    assert_int_equal(nms_engine_vm(e)->bundled_loads, loaded_modules(e));
    rs = nms_engine_rs(e);
    assert_non_null(rs->warnings_file);
    snprintf(want, sizeof want, "%s/", dir);
    assert_memory_equal(rs->warnings_file, want, strlen(want));
    nms_engine_free(e);
    remove_copy(dir);
    e = load_rules_at(NMS_RULES_DIR, NULL);
    assert_int_equal(nms_engine_vm(e)->bundled_loads, loaded_modules(e));
    nms_engine_free(e);
}

/* An edited file is compiled from its text, and its edit counts; the
 * others still come from bytecode. */
static void edited_file_is_compiled(void **state)
{
    static const char field[] = "version = \"";
    char dir[] = "/tmp/nms_bundled_XXXXXX", path[1100], version[64];
    const struct nms_bundled_file *f;
    struct nms_engine *e;
    char *text, *at;
    size_t i, n;
    FILE *out;

    (void)state;
    write_copy(dir);
    for (i = 0; strcmp(nms_bundled_rules.files[i].path, "ruleset.lua") != 0;
         i++)
        assert_true(i + 1 < nms_bundled_rules.n);
    f = &nms_bundled_rules.files[i];
    text = calloc(1, f->len + 1);
    assert_non_null(text);
    memcpy(text, f->text, f->len);
    at = strstr(text, field);       /* the version, all nines */
    assert_non_null(at);
    at += sizeof field - 1;
    n = strcspn(at, "\"");
    assert_true(n > 0 && n < sizeof version);
    memset(at, '9', n);
    memcpy(version, at, n);
    version[n] = '\0';
    snprintf(path, sizeof path, "%s/ruleset.lua", dir);
    out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(text, 1, f->len, out), f->len);
    assert_int_equal(fclose(out), 0);
    e = load_rules_at(dir, NULL);
    assert_string_equal(nms_engine_ruleset(e)->version, version);
    assert_int_equal(nms_engine_vm(e)->bundled_loads, loaded_modules(e) - 1);
    nms_engine_free(e);
    remove_copy(dir);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bundled_functions_are_their_texts),
        cmocka_unit_test(other_probe_is_refused),
        cmocka_unit_test(damaged_bytecode_is_not_loaded),
        cmocka_unit_test(bytecode_loads_within_the_texts_memory),
        cmocka_unit_test(find_takes_path_and_exact_text),
        cmocka_unit_test(bundled_ruleset_loads_from_bytecode),
        cmocka_unit_test(edited_file_is_compiled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
