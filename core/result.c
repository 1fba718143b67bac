/* result.c - lifecycle of evaluation results. */
#include <stdlib.h>

#include "engine_int.h"
#include "nms/result.h"

const char *nms_verdict_name(enum nms_verdict verdict)
{
    switch (verdict) {
    case NMS_VERDICT_MET: return "met";
    case NMS_VERDICT_NOT_MET: return "not_met";
    case NMS_VERDICT_INDETERMINATE: return "indeterminate";
    }
    return "indeterminate";
}

static void free_criteria(struct nms_criteria *crit)
{
    size_t i;

    for (i = 0; i < crit->n_items; i++) {
        free(crit->items[i].id);
        free(crit->items[i].title);
        free(crit->items[i].definition);
        free(crit->items[i].evidence);
        free(crit->items[i].missing);
    }
    free(crit->items);
    free(crit->id);
    free(crit->title);
    free(crit->version);
    free(crit->citation);
}

void nms_result_clear(struct nms_result *r)
{
    size_t i;

    for (i = 0; i < r->n_criteria; i++)
        free_criteria(&r->criteria[i]);
    free(r->criteria);
    r->criteria = NULL;
    r->n_criteria = 0;
    if (r->error) {
        free(r->error->rule);
        free(r->error->file);
        free(r->error->message);
        free(r->error);
        r->error = NULL;
    }
}

void nms_result_free(struct nms_result *r)
{
    if (!r)
        return;
    nms_result_clear(r);
    free(r);
}
