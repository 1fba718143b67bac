/*
 * ruleset_schema.h - validating a criteria set module into its struct
 * nms_set_def (ruleset_schema.c), and the raising helpers the manifest
 * loader (ruleset.c) shares with it. Every function here runs inside the
 * protected load: a mistake raises "<file>: <context>: <message>" with
 * lua_error, and what was already copied stays in the set for
 * nms_release_set.
 */
#ifndef NMS_RULESET_SCHEMA_H
#define NMS_RULESET_SCHEMA_H

#include <stddef.h>

#include <lua.h>

#include "lua/ruleset.h"

/* Raises "<file>: <context>: <message>" for the module `module` (its file
 * as require finds it); a NULL or empty context leaves that part out. */
int nms_fail_in(lua_State *L, const char *module, const char *context,
                const char *message);

/* nms_fail_in with a formatted message. */
#define FAIL(L, module, ctx, ...) \
    nms_fail_in(L, module, ctx, lua_pushfstring(L, __VA_ARGS__))

/* Copies string field `key` of the table at `idx` into *dst (a malloc'd
 * copy). A missing optional field leaves *dst NULL; a missing required
 * one, or one of another type, raises naming module and ctx. */
void nms_take_string(lua_State *L, int idx, const char *key, char **dst,
                     int required, const char *module, const char *ctx);

/* nms_take_string for the text results quote: the copy is added to the
 * ruleset's text (case/text_int.h) and freed with it. */
void nms_take_text(lua_State *L, int idx, const char *key,
                   struct nms_text *text, const char **dst, int required,
                   const char *module, const char *ctx);

/* calloc(n, size), raising "not enough memory" on failure. */
void *nms_alloc_array(lua_State *L, size_t n, size_t size);

/* The file (a malloc'd copy) and first line of the function on top, for
 * the messages about what it later does. */
char *nms_function_source(lua_State *L, long *line);

/* Validates the set that module `module` returned (on top) as a set of
 * `section` into *set, which starts zeroed, its titles, definitions,
 * citations and the like into `text`. Leaves the stack as it was. */
void nms_load_set(lua_State *L, struct nms_set_def *set, struct nms_text *text,
                  const char *module, enum nms_section section);

/* Frees what nms_load_set copied into *set (not set itself, nor what it
 * put in the ruleset's text). */
void nms_release_set(struct nms_set_def *set);

#endif
