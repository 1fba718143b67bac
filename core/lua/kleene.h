/*
 * kleene.h - the counting and the finding tables of rules/lib/tri.lua in
 * C (kleene.c): nms.at_least, nms.describe_parts, nms.tally,
 * nms.tally_known, nms.count_value, nms.part, nms.evaluate, nms.answer.
 */
#ifndef NMS_LUA_KLEENE_H
#define NMS_LUA_KLEENE_H

#include <lua.h>

/* The upvalues of the functions nms_kleene_open registers (nms.finding's
 * too): the strings they read and write, interned once. */
enum nms_string {
    NMS_STR_VALUE = 1, NMS_STR_EVIDENCE, NMS_STR_MISSING, NMS_STR_LABEL,
    NMS_STR_YES, NMS_STR_NO, NMS_STR_UNKNOWN,
    NMS_N_STRINGS = NMS_STR_UNKNOWN,
    /* after the strings: memo.c's slot (memo.h), where nms.finding keeps
     * the case's findings without evidence or missing text */
    NMS_UP_SLOT
};

/* [-0, +0] Adds nms.finding and the functions below, with their strings,
 * to the table on top (the sandbox's nms table). Raises on no memory. */
void nms_kleene_open(lua_State *L);

/* lua_CFunction nms.at_least(k, parts): the three-valued "at least k of
 * the parts are true", the counts of true and unknown parts, and (when
 * undecided) what would decide the unknowns. */
int nms_kleene_at_least(lua_State *L);

/* lua_CFunction nms.describe_parts(parts): "label: yes|no|unknown,
 * evidence" for each part, joined with "; " (the evidence of tri's
 * combinations). */
int nms_kleene_describe_parts(lua_State *L);

/* lua_CFunction nms.tally(list, judge): the entries judge(entry) says bear
 * on the question, in buckets yes, no and unknown, and their number. */
int nms_kleene_tally(lua_State *L);

/* lua_CFunction nms.tally_known(list, judge): nms.tally where an entry
 * bears on the question when judge(entry), its only value, is not nil. */
int nms_kleene_tally_known(lua_State *L);

/* lua_CFunction nms.count_value(k, list, judge, a, b): the value of "at
 * least k entries true" by judge(entry, a, b), then the counts judged,
 * true and unknown. */
int nms_kleene_count_value(lua_State *L);

/* lua_CFunction nms.part(label, finding): a copy of the finding with a
 * label. */
int nms_kleene_part(lua_State *L);

/* lua_CFunction nms.evaluate(parts, case): each declared part
 * { label, check } as nms.part(label, check(case)), in order. */
int nms_kleene_evaluate(lua_State *L);

/* lua_CFunction nms.answer(finding): value, evidence (and missing when
 * the value is unknown), as an item's check returns them. */
int nms_kleene_answer(lua_State *L);

#endif
