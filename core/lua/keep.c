/*
 * keep.c - copies of strings that a result keeps (keep.h). Evaluation
 * runs inside a protected call, so running out of memory raises rather
 * than returns: the result, which already holds the destination, is
 * freed whole by the caller.
 */
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "lua/keep.h"

char *nms_keep_cstring(lua_State *L, const char *s)
{
    char *copy = s ? nms_strndup(s, strlen(s)) : NULL;

    if (s && !copy)
        luaL_error(L, "not enough memory");
    return copy;
}
