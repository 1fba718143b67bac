/*
 * series.h - nms.with_field, nms.largest_change, nms.extreme,
 * nms.earliest, nms.first_beyond and nms.by_field: the mechanics of
 * rules/lib/vitals.lua's readings, its sliding window, its extreme,
 * baseline and beyond-a-threshold readings, and of lib/exam.lua's index
 * of the exams recording each sign (series.c).
 */
#ifndef NMS_LUA_SERIES_H
#define NMS_LUA_SERIES_H

#include <lua.h>

/* [-0, +0] Adds the functions below to the table on top (the sandbox's
 * nms table). Raises on no memory. */
void nms_series_open(lua_State *L);

/* lua_CFunction nms.with_field(list, field): the entries of `list` that
 * have `field`, `list` itself when all do. */
int nms_series_with_field(lua_State *L);

/* lua_CFunction nms.largest_change(list, field, hours): the largest
 * change of `field` between timed readings at most `hours` apart, the
 * higher and the lower reading; nothing when no two are that close. */
int nms_series_largest_change(lua_State *L);

/* lua_CFunction nms.extreme(list, field, skip, lowest): the entry with
 * the highest (lowest) `field`, `skip` left out; nil when none. */
int nms_series_extreme(lua_State *L);

/* lua_CFunction nms.earliest(list, before): the entry with the earliest
 * time before `before`; nil when none. */
int nms_series_earliest(lua_State *L);

/* lua_CFunction nms.first_beyond(list, field, limit, at_least): the
 * first entry whose `field` is above `limit` (with `at_least`, or equal
 * to it); nil when none. */
int nms_series_first_beyond(lua_State *L);

/* lua_CFunction nms.by_field(list): { [key] = {entries holding key} }. */
int nms_series_by_field(lua_State *L);

#endif
