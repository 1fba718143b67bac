/*
 * prose.h - nms.join, nms.list, nms.each and nms.num, the mechanics of
 * rules/lib/fmt.lua's fmt.join, fmt.list, fmt.each and fmt.num (prose.c).
 */
#ifndef NMS_LUA_PROSE_H
#define NMS_LUA_PROSE_H

#include <lua.h>

/* [-0, +0] Adds nms.join, nms.list, nms.each and nms.num (with the texts
 * it keeps) to the table on top (the sandbox's nms table). Raises on no
 * memory. */
void nms_prose_open(lua_State *L);

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
