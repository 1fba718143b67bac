/*
 * prose.h - nms.join, nms.list and nms.each, the mechanics of
 * rules/lib/fmt.lua's fmt.join, fmt.list and fmt.each (prose.c).
 */
#ifndef NMS_LUA_PROSE_H
#define NMS_LUA_PROSE_H

#include <lua.h>

/* lua_CFunction nms.join(texts, sep): the non-empty strings of `texts`
 * in the order of their number keys, joined with sep (default "; "). */
int nms_prose_join(lua_State *L);

/* lua_CFunction nms.list(texts, max, conj): texts[1..#texts] as prose,
 * "a, b and c", at most `max` of them then "and N more". */
int nms_prose_list(lua_State *L);

/* lua_CFunction nms.each(items, describe, max): nms.list of describe(item)
 * for the first `max` items, "and N more" for the rest; "" when nobody
 * will read the evidence. */
int nms_prose_each(lua_State *L);

#endif
