/*
 * eval_int.h - evaluating one case with a loaded ruleset (eval.c).
 */
#ifndef NMS_EVAL_INT_H
#define NMS_EVAL_INT_H

#include <lua.h>

#include "lua/ruleset.h"
#include "lua/vm.h"
#include "nms/case.h"
#include "nms/engine.h"
#include "nms/result.h"

/*
 * Evaluates case `c` with ruleset `rs` (loaded into `vm`) into the empty
 * result `r` under `limits`. A failing rule is recorded in r->error (and
 * r has no criteria). Returns NMS_OK, or NMS_ENOMEM when not even the
 * error could be recorded. `evidence` says which items' checks write
 * their evidence text (nms_engine_set_evidence), `notes` whether the
 * severity actions' notes are kept (nms_engine_set_notes).
 */
enum nms_status nms_eval_case(struct nms_vm *vm, const struct nms_ruleset *rs,
                              const struct nms_limits *limits,
                              enum nms_evidence evidence, int notes,
                              const struct nms_case *c, struct nms_result *r);

/* The overlaps of differentials with met NMS criteria and the
 * disagreements between criteria, into `r` (across.c). */
void nms_eval_across(lua_State *L, const struct nms_ruleset *rs,
                     struct nms_result *r);

/* The verdict of `set` (evaluated from `def`) from its items' values,
 * by the arithmetic of its kind (aggregate.c); raises on no memory. */
void nms_aggregate_set(lua_State *L, const struct nms_set_def *def,
                       struct nms_set *set);

/* Marks the items of `set` (evaluated from `def`) that decided its verdict
 * (nms_item.decided; decide.c). */
void nms_mark_decided(const struct nms_set_def *def, struct nms_set *set);

#endif
