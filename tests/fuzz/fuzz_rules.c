/*
 * fuzz_rules.c - libFuzzer target: arbitrary bytes as the body of a rule,
 * run in the sandbox against a fixed case.
 *
 * The input fuzzers vary the data; this one varies the code. A ruleset is
 * written once into a temporary directory: a manifest, and a criteria set
 * whose two checks call the function that module `body` returns. Every
 * input becomes body.lua:
 *
 *     return function(case)
 *     <input>
 *     end
 *
 * (an input may close the function early and run code at module level,
 * which is part of what is tested), the ruleset is loaded into the engine
 * (a new sandboxed state, under tight limits: 200,000 instructions, 8 MiB,
 * 2 s of CPU) and the fixed case is evaluated twice, so what one case leaves
 * behind meets the next, and written as JSON. A load or rule failure is not
 * a finding (it is reported, as designed); a crash, a sanitizer report, a
 * leak, a hang (-timeout), growth past -rss_limit_mb, or an engine status
 * other than NMS_OK is.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/output.h"
#include "nms/result.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rule bodies longer than this are cut: the interesting ones are short. */
#define MAX_BODY 4096

static const char manifest[] =
    "return { name = \"fuzz\", version = \"1\", criteria = { \"fuzzed\" } }\n";

static const char set[] =
    "local body = require(\"body\")\n"
    "local function check(case) return body(case) end\n"
    "return { id = \"fuzzed\", title = \"Fuzzed\", version = \"1\",\n"
    "  citation = \"fuzz\", kind = \"points\", threshold = 1,\n"
    "  items = {\n"
    "    { id = \"first\", title = \"First\", points = 1, needs = \"-\",\n"
    "      check = check },\n"
    "    { id = \"second\", title = \"Second\", points = 1, needs = \"-\",\n"
    "      check = check } } }\n";

static const char case_json[] =
    "{\"id\": \"fuzz\", \"assessed_at\": 72, \"vitals\": [{\"t\": 1, "
    "\"temp\": 39.2, \"hr\": 120, \"sbp\": 150, \"dbp\": 90}], "
    "\"medications\": [{\"drug\": \"haloperidol\", \"start\": 0}], "
    "\"labs\": [{\"t\": 2, \"ck\": 2400}]}";

/* State for the whole run (a fuzz target has no other place to keep it):
 * the ruleset directory and the fixed case. */
static char dir[] = "/tmp/nms-fuzz-rules-XXXXXX";
static struct nms_case *fixed;

static int write_file(const char *name, const char *head, const void *body,
                      size_t len, const char *tail)
{
    char path[sizeof dir + 32];
    FILE *fp;
    int rc;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "wb");
    if (fp == NULL)
        return -1;
    rc = fputs(head, fp) < 0 || fwrite(body, 1, len, fp) != len ||
         fputs(tail, fp) < 0;
    return fclose(fp) != 0 || rc ? -1 : 0;
}

static void remove_dir(void)
{
    static const char *const names[] = {"ruleset.lua", "fuzzed.lua",
                                        "body.lua"};
    char path[sizeof dir + 32];
    size_t i;

    for (i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (mkdtemp(dir) == NULL)
        goto fail;
    atexit(remove_dir);
    if (write_file("ruleset.lua", manifest, "", 0, "") != 0 ||
        write_file("fuzzed.lua", set, "", 0, "") != 0)
        goto fail;
    fixed = nms_case_parse(case_json, sizeof case_json - 1, "fuzz.json", 1, 0);
    if (fixed == NULL || nms_case_finish(fixed, NAN) != NMS_OK ||
        fixed->error != NULL)
        goto fail;
    return 0;
fail:
    fprintf(stderr, "fuzz_rules: setup failed\n");
    abort(); /* nothing to fuzz without a ruleset and a case */
}

/* Evaluates the fixed case and writes its record; aborts on a status an
 * evaluation must never return for a valid case. */
static void evaluate(struct nms_engine *e)
{
    struct nms_result *r = NULL;
    enum nms_status status = nms_engine_evaluate(e, fixed, &r);

    if (status != NMS_OK) {
        fprintf(stderr, "fuzz_rules: %s: %s\n", nms_strerror(status),
                nms_engine_errmsg(e));
        abort();
    }
    free(nms_output_json(fixed, r, nms_engine_ruleset(e), 0));
    nms_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct nms_limits limits = {200000, 8u * 1024u * 1024u, 2000};
    struct nms_engine *e = NULL;

    if (write_file("body.lua", "return function(case)\n", data,
                   size < MAX_BODY ? size : MAX_BODY, "\nend\n") != 0 ||
        nms_engine_new(&e, &limits) != NMS_OK)
        abort();
    if (nms_engine_load(e, dir) == NMS_OK) {
        evaluate(e);
        evaluate(e);
    }
    nms_engine_free(e);
    return 0;
}
