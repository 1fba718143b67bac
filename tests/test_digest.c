/*
 * test_digest.c - the ruleset digest names exactly the code that runs.
 *
 * Each test writes small rulesets into a fresh temporary directory: two
 * rulesets that differ only in where one file ends and the next begins,
 * and a ruleset whose module is required lazily, at case time, after its
 * file was edited on disk.
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

#include "test_helpers.h"

/* A set whose one item is true when module `late` says so; required only
 * when a case runs. */
static const char set_lazy[] =
    "return { id = \"s\", title = \"S\", version = \"1\", citation = \"test\",\n"
    "  kind = \"points\", threshold = 1,\n"
    "  items = { { id = \"late\", title = \"Late\", points = 1, needs = \"-\",\n"
    "    check = function() return require(\"late\").value, \"late\" end } } }\n";

static const char manifest[] =
    "return { name = \"d\", version = \"1\", criteria = { \"s\" } } --";

/* Writes `len` bytes of `text` to dir/name. */
static void write_file(const char *dir, const char *name, const char *text,
                       size_t len)
{
    char path[1024];
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void remove_files(const char *dir)
{
    static const char *const names[] = {"ruleset.lua", "s.lua", "late.lua",
                                          "drugs.lua"};
    char path[1024];
    size_t i;

    for (i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* A fresh directory (dir, a mkdtemp template) holding the manifest, the
 * set and the module it requires. */
static void write_ruleset(char *dir)
{
    assert_non_null(mkdtemp(dir));
    write_file(dir, "ruleset.lua", manifest, sizeof manifest - 1);
    write_file(dir, "s.lua", set_lazy, sizeof set_lazy - 1);
    write_file(dir, "late.lua", "return { value = true }\n", 24);
}

static struct nms_engine *load_dir(const char *dir)
{
    struct nms_engine *e = NULL;

    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    if (nms_engine_load(e, dir) != NMS_OK)
        fail_msg("loading %s: %s", dir, nms_engine_errmsg(e));
    return e;
}

/* Ruleset A: ruleset.lua = M, s.lua = "--s.lua\0\n" S; ruleset B:
 * ruleset.lua = M "s.lua\0--", s.lua = "\n" S. Hashing path\0content
 * without lengths gives both the same bytes. */
static void digest_frames_files_by_length(void **state)
{
    char a[] = "/tmp/nms-digest-a-XXXXXX", b[] = "/tmp/nms-digest-b-XXXXXX";
    char text[2048];
    struct nms_engine *ea, *eb;
    size_t n;

    (void)state;
    assert_non_null(mkdtemp(a));
    assert_non_null(mkdtemp(b));
    write_file(a, "ruleset.lua", manifest, sizeof manifest - 1);
    memcpy(text, "--s.lua\0\n", 9);
    memcpy(text + 9, set_lazy, sizeof set_lazy - 1);
    write_file(a, "s.lua", text, 9 + sizeof set_lazy - 1);
    write_file(a, "late.lua", "return { value = true }\n", 24);
    n = sizeof manifest - 1;
    memcpy(text, manifest, n);
    memcpy(text + n, "s.lua\0--", 8);
    write_file(b, "ruleset.lua", text, n + 8);
    text[0] = '\n';
    memcpy(text + 1, set_lazy, sizeof set_lazy - 1);
    write_file(b, "s.lua", text, 1 + sizeof set_lazy - 1);
    write_file(b, "late.lua", "return { value = true }\n", 24);

    ea = load_dir(a);
    eb = load_dir(b);
    assert_string_not_equal(nms_engine_ruleset(ea)->digest,
                            nms_engine_ruleset(eb)->digest);
    nms_engine_free(ea);
    nms_engine_free(eb);
    remove_files(a);
    remove_files(b);
}

/* A module required lazily after an edit on disk runs as it was when the
 * digest was taken; a reload picks up the edit with a new digest. */
static void digest_covers_modules_required_later(void **state)
{
    char dir[] = "/tmp/nms-digest-lazy-XXXXXX";
    static const char edited[] = "return { value = false }\n";
    struct nms_engine *e;
    struct nms_result *r;
    char *before;

    (void)state;
    write_ruleset(dir);
    e = load_dir(dir);
    before = strdup(nms_engine_ruleset(e)->digest);
    assert_non_null(before);

    write_file(dir, "late.lua", edited, sizeof edited - 1);
    r = evaluate(e, "{\"id\": \"c1\"}");
    assert_null(r->error);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_TRUE);
    assert_string_equal(nms_engine_ruleset(e)->digest, before);
    nms_result_free(r);

    /* .reload: the edited text, under its own digest. */
    assert_int_equal(nms_engine_load(e, dir), NMS_OK);
    assert_string_not_equal(nms_engine_ruleset(e)->digest, before);
    r = evaluate(e, "{\"id\": \"c2\"}");
    assert_null(r->error);
    assert_int_equal(r->sets[0].items[0].value, NMS_TRI_FALSE);
    nms_result_free(r);

    free(before);
    nms_engine_free(e);
    remove_files(dir);
}

/* The drug names the REPL completes are read on first use, hours after
 * the load perhaps: from the text the digest covers, not the file as it is
 * then. */
static void digest_covers_drug_names_read_later(void **state)
{
    char dir[] = "/tmp/nms-digest-drugs-XXXXXX";
    static const char drugs[] =
        "return { drugs = { { \"alphazine\", brands = { \"Alpha\" } } } }\n";
    static const char edited[] =
        "return { drugs = { { \"betazine\" } } }\n";
    const char *const *names;
    struct nms_engine *e;
    size_t n;

    (void)state;
    write_ruleset(dir);
    write_file(dir, "drugs.lua", drugs, sizeof drugs - 1);
    e = load_dir(dir);
    write_file(dir, "drugs.lua", edited, sizeof edited - 1);
    names = nms_engine_drug_names(e, &n);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "alphazine");
    assert_string_equal(names[1], "Alpha");
    nms_engine_free(e);
    remove_files(dir);
}

/* A ruleset directory whose symbolic links lead back to it (ten in one
 * directory, each to the directory itself) names 10^8 directories within
 * the 8 levels: the load must refuse it at once, not walk them all (it
 * did, for hours, before directories were counted). */
static void digest_bounds_directories_followed(void **state)
{
    char dir[] = "/tmp/nms-digest-links-XXXXXX", path[1024];
    struct nms_engine *e = NULL;
    enum nms_status status;
    int i;

    (void)state;
    write_ruleset(dir);
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    for (i = 0; i < 10; i++) {
        snprintf(path, sizeof path, "%s/a/l%d", dir, i);
        assert_int_equal(symlink(".", path), 0);
    }
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    alarm(60);      /* a hang is a failure */
    status = nms_engine_load(e, dir);
    alarm(0);
    assert_int_equal(status, NMS_ERULES);
    if (!strstr(nms_engine_errmsg(e), "more than 4096 directories"))
        fail_msg("%s", nms_engine_errmsg(e));
    nms_engine_free(e);
    for (i = 0; i < 10; i++) {
        snprintf(path, sizeof path, "%s/a/l%d", dir, i);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/a", dir);
    rmdir(path);
    remove_files(dir);
}

/* An entry that vanishes between the listing and its stat (an editor's
 * temporary file), or a symbolic link to nothing, is not there to read:
 * the load goes on without it (it failed, saying only "cannot read
 * ruleset directory 'DIR': No such file or directory"). An entry that
 * cannot be looked at for another reason fails the load naming it. */
static void digest_skips_entries_gone_and_names_unreadable_ones(void **state)
{
    char dir[] = "/tmp/nms-digest-gone-XXXXXX", path[1024];
    struct nms_engine *e = NULL;

    (void)state;
    write_ruleset(dir);
    snprintf(path, sizeof path, "%s/README", dir);
    assert_int_equal(symlink("/nonexistent/nms-digest", path), 0);
    e = load_dir(dir);
    nms_engine_free(e);
    snprintf(path, sizeof path, "%s/loop.lua", dir);
    assert_int_equal(symlink("loop.lua", path), 0);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    if (!strstr(nms_engine_errmsg(e), "/loop.lua':"))
        fail_msg("%s", nms_engine_errmsg(e));
    nms_engine_free(e);
    unlink(path);
    snprintf(path, sizeof path, "%s/README", dir);
    unlink(path);
    remove_files(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(digest_frames_files_by_length),
        cmocka_unit_test(digest_covers_modules_required_later),
        cmocka_unit_test(digest_covers_drug_names_read_later),
        cmocka_unit_test(digest_bounds_directories_followed),
        cmocka_unit_test(digest_skips_entries_gone_and_names_unreadable_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
