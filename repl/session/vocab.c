/*
 * vocab.c - the names the loaded ruleset offers to completion and to "did
 * you mean" notes: its drug names and brands, and the ids of its sets.
 *
 * Both come from the loaded ruleset through the engine (the drug names
 * were read in its own sandbox: nms_engine_drug_names), copied so that they
 * outlive a failed reload.
 */
#include <stdlib.h>
#include <string.h>

#include "session/session.h"

/* Copies n names into a new NULL-terminated list at *list; on no memory
 * keeps what was copied. */
static void copy_names(char ***list, size_t *count, const char *const *names,
                       size_t n)
{
    size_t i;

    *list = calloc(n + 1, sizeof **list);
    *count = 0;
    for (i = 0; *list && i < n; i++) {
        (*list)[*count] = strdup(names[i]);
        if ((*list)[*count])
            ++*count;
    }
}

void vocab_load(struct session *s)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(s->engine);
    const char **sets;
    const char *const *drugs;
    size_t i, n_drugs;

    drugs = nms_engine_drug_names(s->engine, &n_drugs);
    copy_names(&s->vocab.drugs, &s->vocab.n_drugs, drugs, n_drugs);
    sets = calloc(rs ? rs->n_sets + 1 : 1, sizeof *sets);
    for (i = 0; sets && rs && i < rs->n_sets; i++)
        sets[i] = rs->sets[i].id;
    if (sets)
        copy_names(&s->vocab.sets, &s->vocab.n_sets, sets, rs ? rs->n_sets : 0);
    free(sets);
}

static void free_list(char **list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void vocab_release(struct vocab *v)
{
    free_list(v->drugs, v->n_drugs);
    free_list(v->sets, v->n_sets);
    memset(v, 0, sizeof *v);
}
