/*
 * fuzz_evaluate.c - libFuzzer target: arbitrary bytes as one case,
 * evaluated against the shipped ruleset.
 *
 * The engine is created and the ruleset in NMS_RULES_DIR loaded once, in
 * LLVMFuzzerInitialize, as a batch run does (with one --param); every
 * input is then parsed, finished and, when it is a valid case, evaluated,
 * and its output record is produced as JSON and as a CSV row. A rule that
 * fails on a case is not a finding (its result carries the error); a
 * crash, a sanitizer report, a leak or an engine that stops answering is.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/output.h"
#include "nms/reader.h"
#include "nms/result.h"

#ifndef NMS_RULES_DIR
#error "NMS_RULES_DIR must name the ruleset (tests/fuzz/CMakeLists.txt)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One engine for the whole run: loading the ruleset per input would leave
 * time for little else. A fuzz target has no other place to keep it. */
static struct nms_engine *engine;
static struct nms_writer *csv;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* An override equal to the default: results keep their verdicts and
     * every record also carries ruleset.params. */
    if (nms_engine_new(&engine, NULL) != NMS_OK ||
        nms_engine_set_param(engine, "iec2011.threshold=74") != NMS_OK)
        goto fail;
    if (nms_engine_load(engine, NMS_RULES_DIR) != NMS_OK) {
        fprintf(stderr, "fuzz_evaluate: cannot load %s: %s\n", NMS_RULES_DIR,
                nms_engine_errmsg(engine));
        goto fail;
    }
    devnull = fopen("/dev/null", "w");
    if (devnull == NULL || nms_writer_new(&csv, devnull, NMS_FORMAT_CSV,
                                          nms_engine_ruleset(engine)) != NMS_OK)
        goto fail;
    return 0;
fail:
    fprintf(stderr, "fuzz_evaluate: setup failed\n");
    abort(); /* nothing to fuzz without an engine */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct nms_case_options opt = {NAN, NMS_TIME_HOURS};
    struct nms_record rec;
    struct nms_case *c;
    struct nms_result *r = NULL;
    enum nms_status status;

    /* One record, through the one way into a case (as batch reads it). */
    memset(&rec, 0, sizeof rec);
    rec.text = (const char *)data;
    rec.len = size;
    rec.source = "fuzz.json";
    rec.line = 1;
    c = nms_case_read(&rec, &opt);
    if (c == NULL)
        goto out;
    if (c->error == NULL) {
        status = nms_engine_evaluate(engine, c, &r);
        if (status != NMS_OK) {
            /* Only running out of memory may stop a valid case. */
            fprintf(stderr, "fuzz_evaluate: %s: %s\n", nms_strerror(status),
                    nms_engine_errmsg(engine));
            abort();
        }
    }
    free(nms_output_json(c, r, nms_engine_ruleset(engine), 0));
    free(nms_output_json(c, r, nms_engine_ruleset(engine),
                         NMS_OUTPUT_PRETTY | NMS_OUTPUT_COMPACT));
    nms_writer_put(csv, c, r);
out:
    nms_result_free(r);
    nms_case_free(c);
    return 0;
}
