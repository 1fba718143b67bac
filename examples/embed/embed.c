/* embed.c - evaluate one case through libnmsrules: embed RULES_DIR CASE_JSON */
#include <math.h>
#include <nms/engine.h>
#include <nms/output.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    struct nms_engine *e = NULL;
    struct nms_case *c = NULL;
    struct nms_result *r = NULL;
    int ok = argc == 3 && nms_engine_new(&e, NULL) == NMS_OK &&
             nms_engine_load(e, argv[1]) == NMS_OK &&
             (c = nms_case_parse(argv[2], strlen(argv[2]), "argv", 1, 0)) &&
             nms_case_finish(c, NAN) == NMS_OK &&
             nms_engine_evaluate(e, c, &r) == NMS_OK &&
             nms_output_write(stdout, c, r, nms_engine_ruleset(e), 0) == NMS_OK;

    if (!ok)   /* a case with an error names it in c->error */
        fprintf(stderr, "embed: %s\n", c && c->error ? c->error->message
                                     : e ? nms_engine_errmsg(e) : "usage: embed RULES_DIR CASE_JSON");
    nms_result_free(r);
    nms_case_free(c);
    nms_engine_free(e);
    return !ok;
}
