/*
 * keep.h - copies of strings that a result keeps (keep.c), for the parts
 * of evaluation that fill a result (eval.c, aggregate.c, across.c).
 */
#ifndef NMS_KEEP_H
#define NMS_KEEP_H

#include <lua.h>

/* A copy of `s` the result owns (NULL for NULL); raises on no memory,
 * so the caller must have anchored the destination in the result. */
char *nms_keep_cstring(lua_State *L, const char *s);

#endif
