/*
 * lua_case.h - the case as the rules see it (lua_case.c).
 */
#ifndef NMS_LUA_CASE_H
#define NMS_LUA_CASE_H

#include <lua.h>

#include "nms/case.h"

/* [-0, +1] Pushes case `c` as a fresh Lua table (see docs/rules.md). */
void nms_lua_push_case(lua_State *L, const struct nms_case *c);

#endif
