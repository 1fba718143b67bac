/*
 * eval.c - running a ruleset's sets on one case.
 *
 * Rules only judge items: each check returns true, false or nil (unknown)
 * with its evidence. The engine does the arithmetic, the same way for every
 * set of a kind, in Kleene three-valued logic (aggregate.c).
 * Then across sets: a differential met alongside met NMS criteria says so
 * (overlap), and items of different criteria sets tagged with the same
 * clinical feature are compared (disagreements).
 * A check that raises, breaks a limit or returns something malformed fails
 * the whole case with the rule's id, file and line; the process and the
 * other cases carry on. With NMS_ITEMS_NEEDED a set's items are asked only
 * until its verdicts are fixed (ask_items); the rest are marked skipped.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "case/result_int.h"
#include "case/text_int.h"
#include "lua/eval_int.h"
#include "lua/keep.h"
#include "lua/limits.h"
#include "lua/lua_case.h"
#include "lua/memo.h"

/* Calls one item's check on the case at `case_idx` (and, for the severity
 * section, the verdicts at `verdicts_idx`; 0 for none), leaving its three
 * results above `top`, checked. Returns 0, or -1 when the rule failed
 * (recorded in the result). */
static int call_check(lua_State *L, struct eval_args *a, int case_idx,
                      int verdicts_idx, const struct nms_set_def *set,
                      const struct nms_item_def *def, int top)
{
    int type;

    lua_rawgeti(L, LUA_REGISTRYINDEX, def->check_ref);
    lua_pushvalue(L, case_idx);
    if (verdicts_idx)
        lua_pushvalue(L, verdicts_idx);
    if (nms_vm_pcall_with(a->vm, verdicts_idx ? 2 : 1, 3, a->handler) !=
        LUA_OK) {
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 1);
        return -1;
    }
    type = lua_type(L, top + 1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN) {
        /* A table is most often a finding returned whole: say how to
         * unpack it, since the message is all a rule author sees. */
        lua_pushfstring(L, "check must return true, false or nil first, "
                           "got %s%s", lua_typename(L, type),
                        type == LUA_TTABLE
                            ? " (return value, evidence[, missing], not a "
                              "table holding them; lib.tri's answer(finding) "
                              "unpacks one)"
                            : "");
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 0);
        return -1;
    }
    if (lua_type(L, top + 2) != LUA_TSTRING) {
        lua_pushfstring(L, "check must return its evidence as a string "
                           "second, got %s", luaL_typename(L, top + 2));
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 0);
        return -1;
    }
    if (lua_rawlen(L, top + 2) > NMS_MAX_RULE_STRING ||
        (lua_type(L, top + 3) == LUA_TSTRING &&
         lua_rawlen(L, top + 3) > NMS_MAX_RULE_STRING)) {
        lua_pushfstring(L, "check returned a string of more than %d bytes",
                        (int)NMS_MAX_RULE_STRING);
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 0);
        return -1;
    }
    if (lua_rawlen(L, top + 2) > NMS_MAX_CASE_OUTPUT - a->vm->output) {
        lua_pushfstring(L, "the rules returned more than %d bytes of text "
                           "for one case", (int)NMS_MAX_CASE_OUTPUT);
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 0);
        return -1;
    }
    return 0;
}

static enum nms_tri tri_at(lua_State *L, int idx)
{
    return lua_isnil(L, idx) ? NMS_TRI_UNKNOWN
           : lua_toboolean(L, idx) ? NMS_TRI_TRUE : NMS_TRI_FALSE;
}

/* Runs the check of `def` (an item of `set`, or what it presupposes) and
 * fills *out; while the VM is quiet (no evidence wanted) the evidence is
 * "" whatever the check wrote (the one shared quiet evidence, not a copy:
 * result_int.h). Returns 0, or -1 when the rule failed
 * (recorded in the result). */
static int run_item(lua_State *L, struct eval_args *a, int case_idx,
                    int verdicts_idx, const struct nms_set_def *set,
                    const struct nms_item_def *def, struct nms_item *out)
{
    int top = lua_gettop(L);

    if (call_check(L, a, case_idx, verdicts_idx, set, def, top) != 0)
        return -1;
    out->value = tri_at(L, top + 1);
    out->evidence = a->vm->quiet ? nms_result_quiet_evidence()
                                 : nms_eval_copy_string(L, top + 2);
    if (out->value == NMS_TRI_UNKNOWN)
        out->missing = lua_type(L, top + 3) == LUA_TSTRING
                           ? nms_eval_copy_string(L, top + 3)
                           : nms_keep_cstring(L, def->needs);
    lua_settop(L, top);
    return 0;
}

/* Asks a decided item's check again, with evidence wanted, for its text
 * (--evidence decisive). A check that answers differently the second time
 * depends on something besides the case: the case fails rather than
 * print evidence for a value it does not show. */
static int explain_item(lua_State *L, struct eval_args *a, int case_idx,
                        int verdicts_idx, const struct nms_set_def *set,
                        const struct nms_item_def *def, struct nms_item *item)
{
    int top = lua_gettop(L);
    char *evidence;

    if (call_check(L, a, case_idx, verdicts_idx, set, def, top) != 0)
        return -1;
    if (tri_at(L, top + 1) != item->value) {
        lua_pushliteral(L, "check gave another value when asked again for "
                           "its evidence");
        nms_eval_fail_rule(L, a, set->id, def->id, def->file, def->line, 0);
        return -1;
    }
    evidence = nms_eval_copy_string(L, top + 2);
    nms_result_free_text(item->evidence);
    item->evidence = evidence;
    lua_settop(L, top);
    return 0;
}

/* ------------------------------------------------------------------------
 * Running a set
 * --------------------------------------------------------------------- */

static void copy_groups(lua_State *L, const struct nms_set_def *def,
                        struct nms_set *set)
{
    size_t g;

    if (def->n_groups == 0)
        return;
    set->groups = calloc(def->n_groups, sizeof *set->groups);
    if (!set->groups)
        luaL_error(L, "not enough memory");
    for (g = 0; g < def->n_groups; g++) {
        set->n_groups = g + 1;
        set->groups[g].id = def->groups[g].id;   /* the ruleset's text */
        set->groups[g].title = def->groups[g].title;
        set->groups[g].total = def->groups[g].size;
    }
}

/* A differential's distinguishing points: the array is the result's, the
 * strings the ruleset's text. */
static void copy_notes(lua_State *L, const struct nms_note *from, size_t n,
                       struct nms_set *set)
{
    if (n == 0)
        return;
    set->notes = malloc(n * sizeof *set->notes);
    if (!set->notes)
        luaL_error(L, "not enough memory");
    memcpy(set->notes, from, n * sizeof *set->notes);
    set->n_notes = n;
}

/* The items of `set` from the ruleset's text (nms_eval_case), before any
 * is asked: whether the rest may be skipped reads their points. */
static void copy_items(lua_State *L, const struct nms_set_def *def,
                       struct nms_set *set)
{
    size_t i;

    set->items = calloc(def->n_items, sizeof *set->items);
    if (!set->items)
        luaL_error(L, "not enough memory");
    set->n_items = def->n_items;
    for (i = 0; i < def->n_items; i++) {
        const struct nms_item_def *d = &def->items[i];
        struct nms_item *item = &set->items[i];
        item->id = d->id;
        item->title = d->title;
        item->definition = d->definition;
        item->feature = d->feature;
        item->source = d->source;
        item->needs = d->needs;
        if (def->kind == NMS_KIND_GROUPS)
            item->group = def->groups[d->group].id;
        item->points = d->points;
        item->value = NMS_TRI_UNKNOWN;
    }
}

/* Asks the items of `set` in order: every one, or with NMS_ITEMS_NEEDED
 * only until the set's verdicts are fixed (nms_aggregate_fixed); the rest
 * are marked skipped, unknown with no evidence and no missing text.
 * Returns 0 or -1 if a rule failed. */
static int ask_items(lua_State *L, struct eval_args *a, int case_idx,
                     int verdicts_idx, const struct nms_set_def *def,
                     struct nms_set *set)
{
    int needed = a->mode->items == NMS_ITEMS_NEEDED;
    size_t i;

    for (i = 0; i < def->n_items; i++) {
        if (needed && nms_aggregate_fixed(def, set, i)) {
            for (; i < def->n_items; i++)
                set->items[i].skipped = 1;
            break;
        }
        if (run_item(L, a, case_idx, verdicts_idx, def, &def->items[i],
                     &set->items[i]) != 0)
            return -1;
    }
    return 0;
}

/* What criteria set `def` presupposes (struct nms_set.presupposition),
 * asked once its table is met (with `required`, while still open): a
 * table met without it stays met by default and says so (aggregate.c
 * nms_aggregate_presupposed). Returns 0 or -1 if the rule failed. */
static int ask_presupposition(lua_State *L, struct eval_args *a, int case_idx,
                              const struct nms_set_def *def,
                              struct nms_set *set)
{
    struct nms_item *p;

    if (set->result == NMS_VERDICT_NOT_MET ||
        (set->result == NMS_VERDICT_INDETERMINATE && !def->presupposes_required))
        return 0;
    set->presupposition = p = calloc(1, sizeof *p);
    if (!p)
        luaL_error(L, "not enough memory");
    p->id = def->presupposes->id;   /* the ruleset's text */
    p->title = def->presupposes->title;
    p->definition = def->presupposes->definition;
    p->needs = def->presupposes->needs;
    if (run_item(L, a, case_idx, 0, def, def->presupposes, p) != 0)
        return -1;
    nms_aggregate_presupposed(set, def->presupposes_required);
    return 0;
}

/* Evaluates set `def` into `set`, its checks and actions given the
 * verdicts at `verdicts_idx` too when not 0; returns 0 or -1 if a rule
 * failed. */
static int run_set(lua_State *L, struct eval_args *a, int case_idx,
                   int verdicts_idx, const struct nms_set_def *def,
                   struct nms_set *set)
{
    size_t i;

    /* The ruleset's text, which the result holds (nms_eval_case). */
    set->id = def->id;
    set->title = def->title;
    set->version = def->version;
    set->citation = def->citation;
    set->section = def->section;
    set->kind = def->kind;
    set->screen = def->screen;
    set->threshold = def->threshold;
    copy_groups(L, def, set);
    copy_items(L, def, set);
    if (ask_items(L, a, case_idx, verdicts_idx, def, set) != 0)
        return -1;
    nms_aggregate_set(L, def, set);
    nms_mark_decided(def, set);
    for (i = 0; i < set->n_items; i++)   /* not asked, so decided nothing */
        set->items[i].decided &= !set->items[i].skipped;
    if (def->presupposes && ask_presupposition(L, a, case_idx, def, set) != 0)
        return -1;
    copy_notes(L, def->notes, def->n_notes, set);
    if (def->actions_ref != LUA_NOREF)
        return nms_eval_actions(L, a, case_idx, verdicts_idx, def, set);
    return 0;
}

/* Whether the ruleset has a severity set, the one reader of the verdicts. */
static int has_severity(const struct nms_ruleset *rs)
{
    size_t i;

    for (i = 0; i < rs->n_sets; i++)
        if (rs->sets[i].section == NMS_SECTION_SEVERITY)
            return 1;
    return 0;
}

/* --evidence decisive: the decided items' checks asked again, with
 * evidence wanted (an unknown one's missing text says what it waits on:
 * it needs none), on the quiet pass's case table at `case_idx` and the
 * verdicts the actions read (a->loud_verdicts). No finding remembered
 * quietly stands in for one with its text: the per-case memory answers a
 * call wanting evidence only with findings made with evidence wanted
 * (memo.c, QUIET_FN_TAG), lib/vitals keeps its quiet baselines apart, and
 * severity.lua's working diagnosis is remembered per verdicts table, the
 * quiet checks' apart from these. Everything else the helpers keep per
 * case (the ordered entries, the exam index, the medication courses, the
 * anchor, the times' texts) holds no evidence and is reused, not built
 * again (a fresh case table cost ~0.3 M instructions a full case). */
static int explain_decided(lua_State *L, struct eval_args *a, int case_idx)
{
    size_t s, i;

    for (s = 0; s < a->rs->n_sets; s++) {
        const struct nms_set_def *def = &a->rs->sets[s];
        struct nms_set *set = &a->r->sets[s];
        int severity = def->section == NMS_SECTION_SEVERITY;
        for (i = 0; i < set->n_items; i++)
            if (set->items[i].decided &&
                set->items[i].value != NMS_TRI_UNKNOWN &&
                explain_item(L, a, case_idx,
                             severity ? a->loud_verdicts : 0, def,
                             &def->items[i], &set->items[i]) != 0)
                return -1;
        /* What a met set presupposes qualifies its verdict when it did not
         * hold (nms_set_lacking; the only case an output shows it):
         * explained too, unless unknown, as the items. */
        if (set->presupposition &&
            set->presupposition->value == NMS_TRI_FALSE &&
            explain_item(L, a, case_idx, 0, def, def->presupposes,
                         set->presupposition) != 0)
            return -1;
    }
    return 0;
}

/* Protected body of nms_eval_case: every allocation is anchored in the
 * result before the next call that can raise. The severity section runs
 * last, whatever its place in the result, because it reads the verdicts
 * of all the others. */
static int eval_protected(lua_State *L)
{
    struct eval_args *a = lua_touserdata(L, 1);
    const struct nms_ruleset *rs = a->rs;
    int case_idx, verdicts_idx;
    size_t i;

    a->vm->quiet = a->mode->evidence != NMS_EVIDENCE_ALL;
    a->r->items = a->mode->items;
    a->loud_verdicts = 0;
    nms_vm_push_handler(L);
    a->handler = lua_gettop(L);
    nms_lua_push_case(L, a->c);
    case_idx = lua_gettop(L);
    a->r->sets = calloc(rs->n_sets, sizeof *a->r->sets);
    if (!a->r->sets)
        return luaL_error(L, "not enough memory");
    a->r->n_sets = rs->n_sets;   /* sets not yet run are empty */
    for (i = 0; i < rs->n_sets; i++)
        if (rs->sets[i].section != NMS_SECTION_SEVERITY &&
            run_set(L, a, case_idx, 0, &rs->sets[i], &a->r->sets[i]) != 0)
            return 0;
    /* The verdicts only the severity sets read: none, none made (a table
     * per set of seven fields, ~6 K instructions an IEC-only case). */
    if (has_severity(rs)) {
        nms_push_verdicts(L, a->r);
        verdicts_idx = lua_gettop(L);
        if (a->vm->quiet &&
            (a->mode->notes || a->mode->evidence == NMS_EVIDENCE_DECISIVE)) {
            /* The same verdicts under another table, for the calls that
             * want evidence (nms_eval_actions in returned.c, explain_decided). */
            nms_push_verdicts_copy(L, verdicts_idx, rs->n_sets);
            a->loud_verdicts = lua_gettop(L);
        }
        for (i = 0; i < rs->n_sets; i++)
            if (rs->sets[i].section == NMS_SECTION_SEVERITY &&
                run_set(L, a, case_idx, verdicts_idx, &rs->sets[i],
                        &a->r->sets[i]) != 0)
                return 0;
    }
    a->vm->quiet = 0;
    if (a->mode->evidence == NMS_EVIDENCE_DECISIVE &&
        explain_decided(L, a, case_idx) != 0)
        return 0;
    /* Warnings are read at every level: written in full, on the same case
     * table (as explain_decided explains). */
    if (nms_eval_warnings(L, a, case_idx) != 0)
        return 0;
    nms_eval_across(L, rs, a->r);
    return 0;
}

/* Drops the partial sets of a failed case: an error record has none. */
static void drop_sets(struct nms_result *r)
{
    struct nms_rule_error *err = r->error;

    r->error = NULL;
    nms_result_clear(r);
    r->error = err;
}

/* One run of the case, its limits begun: the lua status. */
static int run_case(struct nms_vm *vm, struct eval_args *args)
{
    lua_State *L = vm->L;
    int status;

    lua_pushcfunction(L, eval_protected);
    lua_pushlightuserdata(L, args);
    status = nms_vm_pcall(vm, 1, 0);
    nms_memo_end(L);
    return status;
}

enum nms_status nms_eval_case(struct nms_vm *vm, const struct nms_ruleset *rs,
                              const struct nms_limits *lim,
                              const struct nms_eval_mode *mode,
                              const struct nms_case *c, struct nms_result *r)
{
    struct eval_args args = {vm, rs, c, r, mode, 0, 0};
    lua_State *L = vm->L;
    int status;

    /* Held before any set points into it, released by nms_result_free. */
    nms_text_unref(r->text);
    r->text = nms_text_ref(rs->text);

    nms_vm_limits_begin(vm, lim);
    nms_vm_watch(vm);
    status = run_case(vm, &args);
    if (nms_vm_recount(vm)) {
        /* The run without the hook was stopped, or cannot prove it kept
         * to the budget: its result goes, and the case runs again from
         * its start, every instruction counted (sandbox.c). */
        nms_result_clear(r);
        lua_settop(L, 0);
        status = run_case(vm, &args);
    }
    nms_vm_limits_end(vm);
    if (status != LUA_OK && !r->error) {
        /* The engine itself ran out of room (e.g. a huge case against the
         * memory cap): still a failure of this case only. */
        r->error = calloc(1, sizeof *r->error);
        if (r->error) {
            /* Converted first: a number's raw length is 0 (the order in
             * which arguments are evaluated is unspecified). */
            size_t len = 0;
            const char *message = lua_tolstring(L, -1, &len);
            r->error->rule = nms_strndup("engine", 6);
            r->error->message = nms_strndup(message ? message : "", len);
        }
    }
    vm->quiet = 0;   /* tools and the REPL's own calls want evidence */
    lua_settop(L, 0);
    if (r->error)
        drop_sets(r);
    return r->error && !r->error->message ? NMS_ENOMEM : NMS_OK;
}
