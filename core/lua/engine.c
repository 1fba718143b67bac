/*
 * engine.c - the public face of the engine: load a ruleset, evaluate cases.
 *
 * The engine owns one sandboxed Lua state (struct nms_vm) and, beside it,
 * the ruleset loaded into it (struct nms_ruleset). A reload builds a
 * complete new pair and swaps it in only when the whole ruleset loaded, so
 * a broken edit never leaves a half-loaded ruleset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>

#include "base/base_int.h"
#include "lua/engine_int.h"
#include "lua/eval_int.h"
#include "lua/ruleset.h"
#include "lua/vm.h"
#include "nms/interrupt.h"

/* How many --param overrides one engine keeps. */
#define NMS_MAX_OVERRIDES 256

struct nms_engine {
    struct nms_vm *vm;          /* NULL until a ruleset loads */
    struct nms_ruleset *rs;     /* loaded into vm; NULL with it */
    struct nms_limits limits;
    char **overrides;           /* "name=value" */
    size_t n_overrides;
    char *overlays[NMS_MAX_OVERLAYS];   /* nms_engine_add_overlay */
    size_t n_overlays;
    const volatile sig_atomic_t *interrupt;  /* see nms/interrupt.h */
    enum nms_evidence evidence;             /* nms_engine_set_evidence */
    int drop_notes;                         /* nms_engine_set_notes(e, 0) */
    enum nms_items items;                   /* nms_engine_set_items */
    unsigned long watchdog_us;              /* nms_engine_set_watchdog */
    char errmsg[1024];
};

enum nms_status nms_engine_new(struct nms_engine **out,
                               const struct nms_limits *limits)
{
    struct nms_engine *e = calloc(1, sizeof *e);

    *out = NULL;
    if (!e)
        return NMS_ENOMEM;
    if (limits)
        e->limits = *limits;
    *out = e;
    return NMS_OK;
}

void nms_engine_free(struct nms_engine *e)
{
    size_t i;

    if (!e)
        return;
    nms_ruleset_free(e->rs);
    nms_vm_free(e->vm);
    for (i = 0; i < e->n_overrides; i++)
        free(e->overrides[i]);
    free(e->overrides);
    for (i = 0; i < e->n_overlays; i++)
        free(e->overlays[i]);
    free(e);
}

enum nms_status nms_engine_set_param(struct nms_engine *e,
                                     const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    char **grown;

    if (!eq || eq == assignment) {
        snprintf(e->errmsg, sizeof e->errmsg,
                 "parameter '%s' must be written NAME=VALUE", assignment);
        return NMS_EINVAL;
    }
    if (e->n_overrides == NMS_MAX_OVERRIDES) {
        snprintf(e->errmsg, sizeof e->errmsg, "more than %d parameters",
                 NMS_MAX_OVERRIDES);
        return NMS_ELIMIT;
    }
    grown = realloc(e->overrides, (e->n_overrides + 1) * sizeof *grown);
    if (!grown)
        return NMS_ENOMEM;
    e->overrides = grown;
    e->overrides[e->n_overrides] = nms_strndup(assignment, strlen(assignment));
    if (!e->overrides[e->n_overrides])
        return NMS_ENOMEM;
    e->n_overrides++;
    return NMS_OK;
}

enum nms_status nms_engine_add_overlay(struct nms_engine *e, const char *dir)
{
    if (e->n_overlays == NMS_MAX_OVERLAYS) {
        snprintf(e->errmsg, sizeof e->errmsg, "more than %d overlays",
                 NMS_MAX_OVERLAYS);
        return NMS_ELIMIT;
    }
    e->overlays[e->n_overlays] = nms_strndup(dir, strlen(dir));
    if (!e->overlays[e->n_overlays])
        return NMS_ENOMEM;
    e->n_overlays++;
    return NMS_OK;
}

/* nms_engine_load, or with identity_only nms_engine_identify. */
static enum nms_status load(struct nms_engine *e, const char *dir,
                            int identity_only)
{
    struct nms_vm *vm = nms_vm_new(dir);
    struct nms_ruleset *rs = calloc(1, sizeof *rs);
    enum nms_status status = NMS_ENOMEM;
    size_t i;

    e->errmsg[0] = '\0';
    if (vm) {   /* a signal stops a load as it stops a case */
        vm->interrupt = e->interrupt;
        vm->watchdog_us = e->watchdog_us;
    }
    if (rs)
        rs->identity_only = identity_only;
    for (i = 0; vm && i < e->n_overlays; i++)
        if (nms_vm_add_overlay(vm, e->overlays[i]) != 0) {
            nms_vm_free(vm);
            vm = NULL;
        }
    if (vm && rs)
        status = nms_ruleset_load(rs, vm, e->overrides, e->n_overrides,
                                  e->errmsg, sizeof e->errmsg);
    if (status != NMS_OK) {
        nms_ruleset_free(rs);
        nms_vm_free(vm);
        return status;
    }
    nms_ruleset_free(e->rs);
    nms_vm_free(e->vm);
    e->vm = vm;
    e->rs = rs;
    /* Results must say which overrides produced them: the digest covers
     * the rule files, not the command line. */
    rs->info.n_params = e->n_overrides;
    rs->info.params = (const char *const *)e->overrides;
    return NMS_OK;
}

enum nms_status nms_engine_load(struct nms_engine *e, const char *dir)
{
    return load(e, dir, 0);
}

enum nms_status nms_engine_identify(struct nms_engine *e, const char *dir)
{
    return load(e, dir, 1);
}

const struct nms_ruleset_info *nms_engine_ruleset(const struct nms_engine *e)
{
    return e->rs ? &e->rs->info : NULL;
}

enum nms_status nms_engine_evaluate(struct nms_engine *e,
                                    const struct nms_case *c,
                                    struct nms_result **out)
{
    struct nms_result *r;
    struct nms_eval_mode mode;
    enum nms_status status;

    *out = NULL;
    if (!e->vm || e->rs->identity_only || c->error) {
        snprintf(e->errmsg, sizeof e->errmsg, "%s",
                 e->vm && !e->rs->identity_only
                     ? "the case has an error and cannot be evaluated"
                     : "no ruleset is loaded");
        return NMS_EINVAL;
    }
    r = calloc(1, sizeof *r);
    if (!r)
        return NMS_ENOMEM;
    mode.evidence = e->evidence;
    mode.notes = !e->drop_notes;
    mode.items = e->items;
    status = nms_eval_case(e->vm, e->rs, &e->limits, &mode, c, r);
    if (status != NMS_OK) {
        nms_result_free(r);
        return status;
    }
    *out = r;
    return NMS_OK;
}

void nms_engine_set_evidence(struct nms_engine *e, enum nms_evidence level)
{
    e->evidence = level;
}

void nms_engine_set_notes(struct nms_engine *e, int keep)
{
    e->drop_notes = !keep;
}

void nms_engine_set_items(struct nms_engine *e, enum nms_items which)
{
    e->items = which;
}

enum nms_items nms_engine_items(const struct nms_engine *e)
{
    return e->items;
}

void nms_engine_set_watchdog(struct nms_engine *e, unsigned long cpu_us)
{
    e->watchdog_us = cpu_us;
    if (e->vm)
        e->vm->watchdog_us = cpu_us;
}

static const char *const evidence_names[] = {"all", "decisive", "none"};
static const char *const items_names[] = {"all", "needed"};

/* The index of `name` among the n `names`, or -1. */
static int name_index(const char *const *names, int n, const char *name)
{
    int i;

    for (i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *nms_evidence_name(enum nms_evidence level)
{
    return (unsigned)level < 3 ? evidence_names[level] : "all";
}

int nms_evidence_parse(const char *name, enum nms_evidence *out)
{
    int i = name_index(evidence_names, 3, name);

    if (i >= 0)
        *out = (enum nms_evidence)i;
    return i >= 0 ? 0 : -1;
}

const char *nms_items_name(enum nms_items which)
{
    return (unsigned)which < 2 ? items_names[which] : "all";
}

int nms_items_parse(const char *name, enum nms_items *out)
{
    int i = name_index(items_names, 2, name);

    if (i >= 0)
        *out = (enum nms_items)i;
    return i >= 0 ? 0 : -1;
}

const char *nms_engine_errmsg(const struct nms_engine *e)
{
    return e->errmsg;
}

const char *nms_lua_release(void)
{
    return LUA_RELEASE;
}

void nms_engine_set_interrupt(struct nms_engine *e,
                              const volatile sig_atomic_t *flag)
{
    e->interrupt = flag;
    if (e->vm)
        e->vm->interrupt = flag;
}

const char *const *nms_engine_drug_names(struct nms_engine *e, size_t *n)
{
    /* Read on first use: batch and eval never ask, so they never load the
     * drug module for it. */
    if (e->rs && !e->rs->names_read && !e->rs->identity_only) {
        nms_ruleset_collect_names(e->rs, e->vm);
        e->rs->names_read = 1;
    }
    *n = e->rs ? e->rs->n_drug_names : 0;
    return *n ? (const char *const *)e->rs->drug_names : NULL;
}

const struct nms_set_info *nms_ruleset_set_info(const struct nms_ruleset_info *rs,
                                                const struct nms_result *r,
                                                size_t i)
{
    if (!rs || rs->n_sets != r->n_sets || strcmp(rs->sets[i].id, r->sets[i].id))
        return NULL;
    return &rs->sets[i];
}

struct nms_vm *nms_engine_vm(const struct nms_engine *e)
{
    return e->vm;
}

const struct nms_ruleset *nms_engine_rs(const struct nms_engine *e)
{
    return e->rs;
}

enum nms_status nms_engine_fail(struct nms_engine *e, enum nms_status status,
                                const char *message)
{
    snprintf(e->errmsg, sizeof e->errmsg, "%s", message ? message : "");
    return status;
}
