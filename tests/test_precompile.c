/*
 * test_precompile.c - files compiled on another core during a ruleset load
 * behave exactly as the text compiled in place (core/lua/precompile.c).
 *
 * A function made from the thread's bytecode must return the same values
 * and fail with the same file:line as one compiled from the text; a file
 * the thread cannot compile (a syntax error, no memory) must be left to
 * the loading thread, so that its error message is the text's own; each
 * file goes one way only.
 */
#define _GNU_SOURCE     /* sched_getaffinity, CPU_* */
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "lua/precompile.h"

static char path_a[] = "a.lua", path_b[] = "b.lua", path_c[] = "lib/c.lua";
static char *paths[] = {path_a, path_b, path_c};
static char text_a[] =
    "local M = {}\n"
    "function M.twice(x) return 2 * x end\n"
    "function M.fail() error(\"no such reading\") end\n"
    "return M\n";
static char text_b[] = "return { oops = \n";     /* a syntax error */
static char text_c[] = "return function(s) return s:upper() .. '!' end\n";
static char *texts[] = {text_a, text_b, text_c};
static size_t lens[3];
static const char *const dirs[] = {"/rules"};

static struct nms_snapshot snapshot(void)
{
    struct nms_snapshot snap = {.paths = paths, .texts = texts, .lens = lens,
                                .n = 3};
    size_t i;

    for (i = 0; i < 3; i++)
        lens[i] = strlen(texts[i]);
    return snap;
}

/* nms_precompile_take for `text`, a whole file. */
static int take(struct nms_precompile *pc, lua_State *L, const char *path,
                const char *text)
{
    return nms_precompile_take(pc, L, path, text, strlen(text));
}

static struct nms_precompile *start(size_t memory)
{
    struct nms_snapshot snap = snapshot();
    struct nms_precompile *pc = nms_precompile_start(dirs, &snap, 1, memory);
    cpu_set_t cpus;

    if (!pc && sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
        CPU_COUNT(&cpus) < 2)
        skip();     /* one core: the load compiles everything itself */
    assert_non_null(pc);
    return pc;
}

/* Calls module a's twice(21) and fail(), leaving the error message. */
static void check_module_a(lua_State *L)
{
    lua_call(L, 0, 1);
    lua_getfield(L, -1, "twice");
    lua_pushinteger(L, 21);
    lua_call(L, 1, 1);
    assert_int_equal(lua_tointeger(L, -1), 42);
    lua_pop(L, 1);
    lua_getfield(L, -1, "fail");
    assert_int_equal(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
    assert_string_equal(lua_tostring(L, -1), "/rules/a.lua:3: no such reading");
    lua_pop(L, 2);
}

static void bytecode_behaves_as_the_text(void **state)
{
    struct nms_precompile *pc = start(1u << 20);
    lua_State *L = luaL_newstate();
    lua_Debug ar;

    (void)state;
    luaL_openlibs(L);
    nms_precompile_settle(pc);
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 1);
    lua_pushvalue(L, -1);
    assert_true(lua_getinfo(L, ">S", &ar));
    assert_string_equal(ar.source, "@/rules/a.lua");
    check_module_a(L);
    /* each file goes one way: asked again, it is the caller's to compile */
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 0);
    assert_int_equal(take(pc, L, "/rules/lib/c.lua", text_c), 1);
    lua_call(L, 0, 1);
    lua_pushstring(L, "ck");
    lua_call(L, 1, 1);
    assert_string_equal(lua_tostring(L, -1), "CK!");
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
    nms_precompile_finish(pc);
}

/* A syntax error, an unknown file, another text under the same name, no
 * thread at all: the caller compiles (and reports), nothing is pushed. */
static void what_the_thread_cannot_do_is_left_to_the_load(void **state)
{
    struct nms_precompile *pc = start(1u << 20);
    lua_State *L = luaL_newstate();

    (void)state;
    nms_precompile_settle(pc);
    assert_int_equal(take(pc, L, "/rules/b.lua", text_b), 0);
    assert_int_equal(take(pc, L, "/rules/none.lua", text_a), 0);
    /* the same name for another text (a directory given twice, read at
     * two moments): only the text itself may come as bytecode */
    assert_int_equal(take(pc, L, "/rules/lib/c.lua", text_a), 0);
    assert_int_equal(take(pc, L, "a.lua", text_a), 0);
    assert_int_equal(take(NULL, L, "/rules/a.lua", text_a), 0);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
    nms_precompile_finish(pc);
    nms_precompile_finish(NULL);
}

/* Started before the files are read (texts NULL, as nms_snapshot_list
 * leaves them), the thread compiles a file once it is published and never
 * before; a load that ends with files never published (an unreadable
 * file) stops it without waiting for them. */
static struct nms_precompile *start_unread(void)
{
    static char *unread[3];
    static size_t none[3];
    struct nms_snapshot snap = {.paths = paths, .texts = unread, .lens = none,
                                .n = 3};
    struct nms_precompile *pc = nms_precompile_start(dirs, &snap, 1, 1u << 20);
    cpu_set_t cpus;

    if (!pc && sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
        CPU_COUNT(&cpus) < 2)
        skip();
    assert_non_null(pc);
    return pc;
}

static void files_are_compiled_once_published(void **state)
{
    struct nms_precompile *pc = start_unread();
    lua_State *L = luaL_newstate();

    (void)state;
    luaL_openlibs(L);
    snapshot();                 /* the lengths */
    /* not read yet: the caller's to compile (and no longer the thread's) */
    assert_int_equal(take(pc, L, "/rules/lib/c.lua", text_c), 0);
    nms_precompile_publish(pc, 0, 0, text_a, lens[0]);
    nms_precompile_publish(pc, 0, 0, text_a, lens[0]);   /* once only */
    nms_precompile_publish(NULL, 0, 1, text_b, lens[1]);
    nms_precompile_publish(pc, 0, 1, text_b, lens[1]);
    nms_precompile_settle(pc);  /* every file published or taken */
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 1);
    check_module_a(L);
    assert_int_equal(take(pc, L, "/rules/b.lua", text_b), 0);
    assert_int_equal(lua_gettop(L), 0);
    lua_close(L);
    nms_precompile_finish(pc);
    pc = start_unread();
    nms_precompile_publish(pc, 0, 2, text_c, lens[2]);
    nms_precompile_finish(pc);  /* a.lua and b.lua never read: returns */
}

/* Files skipped (the load has their bytecode: core/lua/bundled.h) are
 * not compiled, and are the load's to compile should it need to; the
 * thread starts with the first file published: a load with every file
 * skipped settles at once and starts no thread. */
static void skipped_files_are_not_compiled(void **state)
{
    struct nms_precompile *pc = start_unread();
    lua_State *L = luaL_newstate();

    (void)state;
    luaL_openlibs(L);
    snapshot();                 /* the lengths */
    nms_precompile_skip(pc, 0, 0);
    nms_precompile_skip(NULL, 0, 1);
    nms_precompile_skip(pc, 0, 1);
    nms_precompile_publish(pc, 0, 0, text_a, lens[0]);  /* skipped: stays */
    nms_precompile_publish(pc, 0, 2, text_c, lens[2]);
    nms_precompile_settle(pc);
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 0);
    assert_int_equal(take(pc, L, "/rules/lib/c.lua", text_c), 1);
    lua_pop(L, 1);
    nms_precompile_finish(pc);
    pc = start_unread();
    nms_precompile_skip(pc, 0, 0);
    nms_precompile_skip(pc, 0, 1);
    nms_precompile_skip(pc, 0, 2);
    nms_precompile_settle(pc);  /* no thread to wait for */
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 0);
    assert_int_equal(lua_gettop(L), 0);
    nms_precompile_finish(pc);
    lua_close(L);
}

/* The thread's state has a cap: past it, nothing is compiled ahead. */
static void the_thread_keeps_to_its_memory_cap(void **state)
{
    struct nms_precompile *pc = start(64);
    lua_State *L = luaL_newstate();

    (void)state;
    nms_precompile_settle(pc);
    assert_int_equal(take(pc, L, "/rules/a.lua", text_a), 0);
    assert_int_equal(take(pc, L, "/rules/lib/c.lua", text_c), 0);
    lua_close(L);
    nms_precompile_finish(pc);
}

/* lua_Writer counting the bytes of a dump. */
static int count_bytes(lua_State *L, const void *p, size_t size, void *ud)
{
    (void)L;
    (void)p;
    *(size_t *)ud += size;
    return 0;
}

/* What the thread holds for the load, its bytecode too, stays within its
 * cap: a ruleset whose files make several times their text as bytecode
 * (`f{}`, 3 bytes, is ~20 bytes of it) must not hold the cap many times
 * over until the load ends (before, 3,900 such files of 8 kB, within the
 * 32 MiB of rule text, took a load from 90 MB to 415 MB). */
static void the_bytecode_held_keeps_to_the_cap(void **state)
{
    enum { FILES = 64, CALLS = 2000 };
    static char names[FILES][16], text[16 + 3 * CALLS];
    char *file_paths[FILES], *file_texts[FILES];
    size_t file_lens[FILES], one = 0, memory = 1u << 20, i;
    struct nms_snapshot snap = {.paths = file_paths, .texts = file_texts,
                                .lens = file_lens, .n = FILES};
    struct nms_precompile *pc;
    lua_State *L = luaL_newstate();
    int taken = 0;
    cpu_set_t cpus;

    (void)state;
    memcpy(text, "local f ", 8);
    for (i = 0; i < CALLS; i++)
        memcpy(text + 8 + 3 * i, "f{}", 3);
    text[8 + 3 * CALLS] = '\0';
    for (i = 0; i < FILES; i++) {
        snprintf(names[i], sizeof names[i], "m%zu.lua", i);
        file_paths[i] = names[i];
        file_texts[i] = text;
        file_lens[i] = strlen(text);
    }
    assert_int_equal(luaL_loadbufferx(L, text, strlen(text), "@/rules/m0.lua",
                                      "t"), LUA_OK);
    assert_int_equal(lua_dump(L, count_bytes, &one, 0), 0);
    lua_pop(L, 1);
    assert_true(FILES * one > 2 * memory);
    pc = nms_precompile_start(dirs, &snap, 1, memory);
    if (!pc && sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
        CPU_COUNT(&cpus) < 2)
        skip();
    assert_non_null(pc);
    nms_precompile_settle(pc);
    for (i = 0; i < FILES; i++) {
        char path[32];

        snprintf(path, sizeof path, "/rules/m%zu.lua", i);
        if (take(pc, L, path, text)) {
            taken++;
            lua_pop(L, 1);
        }
    }
    if ((size_t)taken * one > memory)
        fail_msg("%d files of %zu bytes of bytecode held, cap %zu", taken,
                 one, memory);
    assert_true(taken > 0);
    lua_close(L);
    nms_precompile_finish(pc);
}

/* Taken while the thread runs: whichever way each file comes, it works,
 * and finishing mid-way is clean (ASan, valgrind and helgrind watch). */
static void taking_while_the_thread_runs(void **state)
{
    int round;

    (void)state;
    for (round = 0; round < 50; round++) {
        struct nms_precompile *pc = start(1u << 20);
        lua_State *L = luaL_newstate();

        luaL_openlibs(L);
        if (!take(pc, L, "/rules/a.lua", text_a))
            assert_int_equal(luaL_loadbufferx(L, texts[0], lens[0],
                                              "@/rules/a.lua", "t"), LUA_OK);
        check_module_a(L);
        if (round % 2)
            nms_precompile_finish(pc);  /* c.lua perhaps still in hand */
        else {
            assert_int_equal(take(pc, L, "/rules/b.lua", text_b), 0);
            nms_precompile_finish(pc);
        }
        lua_close(L);
    }
}

/* On one CPU the thread would only add work: none is started. */
static void one_cpu_compiles_nothing_ahead(void **state)
{
    struct nms_snapshot snap = snapshot();
    cpu_set_t all, one;
    size_t first;

    (void)state;
    assert_int_equal(sched_getaffinity(0, sizeof all, &all), 0);
    for (first = 0; first < (size_t)CPU_SETSIZE && !CPU_ISSET(first, &all);
         first++)
        ;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    assert_int_equal(sched_setaffinity(0, sizeof one, &one), 0);
    assert_null(nms_precompile_start(dirs, &snap, 1, 1u << 20));
    assert_int_equal(sched_setaffinity(0, sizeof all, &all), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bytecode_behaves_as_the_text),
        cmocka_unit_test(what_the_thread_cannot_do_is_left_to_the_load),
        cmocka_unit_test(files_are_compiled_once_published),
        cmocka_unit_test(skipped_files_are_not_compiled),
        cmocka_unit_test(the_thread_keeps_to_its_memory_cap),
        cmocka_unit_test(the_bytecode_held_keeps_to_the_cap),
        cmocka_unit_test(taking_while_the_thread_runs),
        cmocka_unit_test(one_cpu_compiles_nothing_ahead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
