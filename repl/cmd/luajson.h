/*
 * luajson.h - JSON values to Lua and back (luajson.c), for the two Lua
 * states that belong to the user rather than the ruleset: the REPL's
 * (session/replua.c) and `nmsrules run`'s (cmd/run.c).
 */
#ifndef NMS_LUAJSON_H
#define NMS_LUAJSON_H

#include <cjson/cJSON.h>
#include <lua.h>

#include "nms/output.h"
#include "nms/reader.h"

/* Nesting deeper than this is refused when converting tables to JSON. */
#define NMS_LUAJSON_MAX_DEPTH 100

/* So are more values than this, counted as written out: a table met
 * twice is written twice, so forty levels of t = {a = t, b = t} (a few
 * tables) were 2^40 values, built in C memory (outside the memory cap)
 * where no limit of the script's entry reaches. A case read from a file
 * holds at most as many (NMS_JSON_MAX_VALUES, core/input/json_check.h). */
#define NMS_LUAJSON_MAX_VALUES 1000000u

/* And at most this many bytes of text (strings and keys), counted as
 * written out, as a case file's record (NMS_MAX_RECORD): a script's one
 * string of 10 MB listed 100 times in a table it printed was 1 GB of C
 * memory and 80 s, deaf to the entry's limits (1,000 times, the
 * machine's memory). */
#define NMS_LUAJSON_MAX_BYTES NMS_MAX_RECORD

/* [-0, +1] Pushes a JSON value as Lua: objects and arrays as tables, null
 * as nil, integral numbers as integers. */
void nms_luajson_push(lua_State *L, const cJSON *v);

/*
 * The Lua value at idx as new JSON: a table whose keys are exactly 1..n
 * (n > 0) as an array, any other table as an object with its string keys
 * sorted (so output is stable). NULL for functions and other values JSON
 * cannot hold, nesting past NMS_LUAJSON_MAX_DEPTH, more than
 * NMS_LUAJSON_MAX_VALUES values or NMS_LUAJSON_MAX_BYTES bytes of text, or
 * no memory. Never raises.
 */
cJSON *nms_luajson_from(lua_State *L, int idx);

/* The case table at idx as new JSON (an object). Raises, holding nothing,
 * when it is not a table of JSON values. [-0, +0, v] */
cJSON *nms_luajson_case(lua_State *L, int idx);

/*
 * [-0, +(0|1)] Pushes the output record of case c with result r (NULL for
 * an error record) as Lua: the record batch writes for it
 * (docs/output-format.md), which is what the REPL's and `run`'s
 * nms.evaluate promise. Returns 0, or -1 with nothing pushed when memory
 * ran out (C's or Lua's). Never raises, so the caller may hold c and r.
 */
int nms_luajson_push_record(lua_State *L, const struct nms_case *c,
                            const struct nms_result *r,
                            const struct nms_ruleset_info *rs);

/* [-0, +1, m] Pushes a new table naming ruleset rs: {name, version,
 * digest, dir}, what both nms.ruleset() give (run's adds more fields). */
void nms_luajson_push_ruleset(lua_State *L, const struct nms_ruleset_info *rs);

#endif
