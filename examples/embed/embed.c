/* embed.c - evaluate one case through libnmsrules (examples/embed/README.md). */
#include <nms/engine.h>
#include <nms/output.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = argc > 2 ? argv[2] : "{\"id\": \"demo\"}";
    struct nms_engine *e = NULL;
    struct nms_case *c = NULL;
    struct nms_result *r = NULL;
    int ok = argc > 1 && nms_engine_new(&e, NULL) == NMS_OK &&
             nms_engine_load(e, argv[1]) == NMS_OK &&
             (c = nms_case_parse(text, strlen(text), "argv", 1, 1)) != NULL &&
             nms_case_finish(c, NAN) == NMS_OK &&
             nms_engine_evaluate(e, c, &r) == NMS_OK &&
             nms_output_write(stdout, c, r, nms_engine_ruleset(e), 0) == NMS_OK;

    if (!ok)
        fprintf(stderr, "embed: %s\n", e ? nms_engine_errmsg(e) : "usage: embed RULES_DIR [CASE_JSON]");
    nms_result_free(r);
    nms_case_free(c);
    nms_engine_free(e);
    return ok ? 0 : 1;
}
