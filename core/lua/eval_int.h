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

/* How a case is evaluated: the engine's settings (nms_engine_set_evidence,
 * nms_engine_set_notes, nms_engine_set_items). */
struct nms_eval_mode {
    enum nms_evidence evidence;  /* which items' checks write evidence */
    int notes;                   /* keep the severity actions' notes */
    enum nms_items items;        /* which items' checks are asked */
};

/* What the evaluation of one case carries from call to call (eval.c,
 * returned.c, rule_fail.c). */
struct eval_args {
    struct nms_vm *vm;
    const struct nms_ruleset *rs;
    const struct nms_case *c;
    struct nms_result *r;
    const struct nms_eval_mode *mode;
    int loud_verdicts;  /* after quiet checks, the stack index of the
                           verdicts that the calls wanting evidence read
                           (the actions, the decided items asked again);
                           0 when none is needed (eval_protected) */
    int handler;        /* the stack index of the message handler every
                           rule call of the case uses (nms_vm_pcall_with:
                           pushed once, not per check) */
};

/* Records that rule `set_id`.`what` (defined at file:line) failed with the
 * message on top; with `use_fault`, the line that raised is named instead
 * (rule_fail.c). */
void nms_eval_fail_rule(lua_State *L, struct eval_args *a, const char *set_id,
                        const char *what, const char *file, long line,
                        int use_fault);

/* Copies the string at `idx` into a new allocation, bounded as every rule
 * string is; raises on no memory (the destination is always anchored in
 * the result, so nothing leaks) (rule_fail.c). */
char *nms_eval_copy_string(lua_State *L, int idx);

/* Calls the actions of severity set `def` (case at `case_idx`, verdicts at
 * `verdicts_idx` or 0) and keeps their list as the notes of `set`, written
 * in full whatever the evidence level (returned.c). Returns 0, or -1 when
 * the rule failed (recorded in the result). */
int nms_eval_actions(lua_State *L, struct eval_args *a, int case_idx,
                     int verdicts_idx, const struct nms_set_def *def,
                     struct nms_set *set);

/* Calls the ruleset's warnings(case) and keeps the list in the result
 * (returned.c). Returns 0, or -1 when the rule failed. */
int nms_eval_warnings(lua_State *L, struct eval_args *a, int case_idx);

/*
 * Evaluates case `c` with ruleset `rs` (loaded into `vm`) into the empty
 * result `r` under `limits`, as `mode` says. A failing rule is recorded
 * in r->error (and r has no criteria). Returns NMS_OK, or NMS_ENOMEM when
 * not even the error could be recorded.
 */
enum nms_status nms_eval_case(struct nms_vm *vm, const struct nms_ruleset *rs,
                              const struct nms_limits *limits,
                              const struct nms_eval_mode *mode,
                              const struct nms_case *c, struct nms_result *r);

/* [-0, +1] Pushes the verdicts of the sets of `r` evaluated so far (those
 * with an id, severity sets left out), keyed by set id: {result, level,
 * score, possible, section, screen, title} (verdicts.c). */
void nms_push_verdicts(lua_State *L, const struct nms_result *r);

/* [-0, +1] Pushes a new table over the same set entries as the verdicts
 * table at `idx` (verdicts.c): one of its own identity, as the working
 * diagnosis is remembered per verdicts table. */
void nms_push_verdicts_copy(lua_State *L, int idx, size_t n_sets);

/* The overlaps of differentials with met NMS criteria and the
 * disagreements between criteria, into `r` (across.c). */
void nms_eval_across(lua_State *L, const struct nms_ruleset *rs,
                     struct nms_result *r);

/* The verdict of `set` (evaluated from `def`) from its items' values,
 * by the arithmetic of its kind (aggregate.c); raises on no memory. */
void nms_aggregate_set(lua_State *L, const struct nms_set_def *def,
                       struct nms_set *set);

/*
 * Whether the verdict-level outputs of `set` (result, level, score,
 * possible) are fixed once its first `asked` items are answered, whatever
 * the others would answer: the same with every one of them true as with
 * every one false, the kind's arithmetic being monotone in Kleene order
 * (false < unknown < true). Points sets and checklists are fixed only when
 * nothing is left that moves their score or count (an item with points
 * other than 0, any checklist item). Uses set->groups as scratch, so
 * before nms_aggregate_set only (aggregate.c).
 */
int nms_aggregate_fixed(const struct nms_set_def *def, struct nms_set *set,
                        size_t asked);

/* The verdict of criteria set `set` after its presupposition was asked:
 * with `required`, not met when it is false and indeterminate at most
 * while it is unknown; without, the table's verdict (aggregate.c). */
void nms_aggregate_presupposed(struct nms_set *set, int required);

/* Marks the items of `set` (evaluated from `def`) that decided its verdict
 * (nms_item.decided; decide.c). */
void nms_mark_decided(const struct nms_set_def *def, struct nms_set *set);

#endif
