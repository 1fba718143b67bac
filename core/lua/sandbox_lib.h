/*
 * sandbox_lib.h - the two halves of the sandbox call each other here:
 * sandbox_lib.c builds what rules can reach, sandbox.c the state, its
 * limits and the pattern guard the string library is built with.
 */
#ifndef NMS_SANDBOX_LIB_H
#define NMS_SANDBOX_LIB_H

#include <lua.h>

/* lua_CFunction, the protected part of nms_vm_new (sandbox_lib.c): builds
 * the base every module environment reads, the string metatable lock and
 * the table of loaded modules; may raise a memory error. */
int nms_sandbox_build(lua_State *L);

/* [-0, +0] Wraps the pattern functions of the string table on top with
 * the complexity check (sandbox.c). */
void nms_sandbox_guard_patterns(lua_State *L);

#endif
