/*
 * readers.h - nms.sign_reader and nms.fact_reader (readers.c): exam.flag,
 * exam.level and record.flag's common answers in C.
 */
#ifndef NMS_LUA_READERS_H
#define NMS_LUA_READERS_H

#include <lua.h>

/* lua_CFunctions of nms_kleene_open's table: they copy its upvalues (the
 * interned strings and memo.c's slot, kleene.h) into what they make. */
int nms_sign_reader(lua_State *L);
int nms_fact_reader(lua_State *L);

#endif
