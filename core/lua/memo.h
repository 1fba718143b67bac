/*
 * memo.h - nms.memo, the per-case memory of rules/lib/memo.lua (memo.c).
 */
#ifndef NMS_LUA_MEMO_H
#define NMS_LUA_MEMO_H

#include <lua.h>

/* [-0, +0] The table at `case_idx` is the case the engine evaluates next:
 * nms.memo keeps its memory apart from here on, and drops the last one. */
void nms_memo_begin(lua_State *L, int case_idx);

/* [-0, +0] The case is over: its memory is dropped now, not at the next
 * case, so that it never counts against the next one's memory cap. */
void nms_memo_end(lua_State *L);

/* The slot's entries (memo.c): the case the engine pushed, its memory,
 * and the case's findings { value = true|false|nil, evidence = "" } with
 * no missing text, which nms.finding (finding.c) makes once per case:
 * with no evidence wanted most findings are one of these three. */
enum nms_memo_slot {
    NMS_SLOT_CASE = 1, NMS_SLOT_MEMORY,
    NMS_SLOT_BARE_TRUE, NMS_SLOT_BARE_FALSE, NMS_SLOT_BARE_UNKNOWN,
    NMS_SLOT_N = NMS_SLOT_BARE_UNKNOWN
};

/* [-0, +1] Pushes the slot table, made at the first call (one per state,
 * kept in its registry). */
void nms_memo_push_slot(lua_State *L);

/* lua_CFunction nms.memo(fn, case, a1, ..., a6): fn's finding for these
 * arguments, computed at the first call of the case and then kept. */
int nms_memo_call(lua_State *L);

/* lua_CFunction nms.memoize(fn): a function of (case, a1, ..., a6) that
 * is nms.memo(fn, case, a1, ..., a6). */
int nms_memo_memoize(lua_State *L);

#endif
