/*
 * finding.h - nms.finding, tri.finding's constructor (finding.c).
 */
#ifndef NMS_LUA_FINDING_H
#define NMS_LUA_FINDING_H

#include <lua.h>

/* lua_CFunction nms.finding(value, evidence, missing): the finding table;
 * raises unless evidence is a string. */
int nms_finding_new(lua_State *L);

#endif
