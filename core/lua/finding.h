/*
 * finding.h - nms.finding, tri.finding's constructor (finding.c).
 */
#ifndef NMS_LUA_FINDING_H
#define NMS_LUA_FINDING_H

#include <lua.h>

/* lua_CFunction nms.finding(value, evidence, missing): the finding table;
 * raises unless evidence is a string. */
int nms_finding_new(lua_State *L);

/* [-0, +1] The case's finding without evidence or missing text, value
 * true (1), false (0) or nil (-1), one table per value and case: what
 * nms.finding(value, "") gives. Only for C functions whose upvalues are
 * nms_kleene_open's (kleene.h), as nms.finding's are. */
int nms_finding_push_bare(lua_State *L, int value);

#endif
