/*
 * rule_fail.c - what eval.c and returned.c write into a case's result from
 * the rules: the failure of a rule (its id, file, line and message), and
 * the strings rules hand back, copied with NULs made visible and bounded
 * as every rule string is.
 */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "case/result_int.h"
#include "lua/eval_int.h"
#include "lua/keep.h"
#include "lua/limits.h"
#include "lua/memo.h"

/* A copy of the `len` bytes of s with each NUL as U+FFFD (base_int.h);
 * NULL when out of memory. */
static char *copy_without_nul(const char *s, size_t len)
{
    char *copy = malloc(nms_without_nul_size(s, len));

    if (copy)
        nms_put_without_nul(copy, s, len);
    return copy;
}

char *nms_eval_copy_string(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    char *copy;

    nms_limits_output(L, len);   /* bounded per string and per case */
    copy = copy_without_nul(s, len);

    if (!copy)
        luaL_error(L, "not enough memory");
    return copy;
}

void nms_eval_fail_rule(lua_State *L, struct eval_args *a, const char *set_id,
                        const char *what, const char *file, long line,
                        int use_fault)
{
    struct nms_rule_error *err;
    const char *message;
    size_t len;

    /* The case is over: what nms.memo kept for it goes first, so that a
     * rule that failed on the memory cap leaves room to say so. */
    nms_memo_end(L);
    err = calloc(1, sizeof *err);
    if (!err)
        luaL_error(L, "not enough memory");
    a->r->error = err;
    err->rule = nms_keep_cstring(L, lua_pushfstring(L, "%s.%s", set_id, what));
    lua_pop(L, 1);
    if (use_fault && a->vm->fault.file[0]) {
        err->file = nms_keep_cstring(L, a->vm->fault.file);
        err->line = a->vm->fault.line;
    } else {
        err->file = nms_keep_cstring(L, file);
        err->line = line;
    }
    /* An error message is cut, not refused: the case fails either way.
     * Converted first: error(42) leaves a number, whose raw length is 0. */
    message = lua_tolstring(L, -1, &len);
    if (!message) {
        message = "(error object is not a string)";
        len = strlen(message);
    }
    err->message = copy_without_nul(message, len < NMS_MAX_RULE_STRING
                                                 ? len
                                                 : NMS_MAX_RULE_STRING);
    if (!err->message)
        luaL_error(L, "not enough memory");
}
