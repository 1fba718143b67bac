/*
 * sandbox_lib.h - the seam between the two halves of the sandbox:
 * sandbox.c makes the state and its limits and calls sandbox_lib.c, once,
 * to build what rules can reach in it (never the other way round).
 */
#ifndef NMS_SANDBOX_LIB_H
#define NMS_SANDBOX_LIB_H

#include <lua.h>

/* lua_CFunction, the protected part of nms_vm_new (sandbox_lib.c): builds
 * the base every module environment reads, the string metatable lock and
 * the table of loaded modules; may raise a memory error. */
int nms_sandbox_build(lua_State *L);

#endif
