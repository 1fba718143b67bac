/*
 * run.h - what the parts of `nmsrules run` share: run.c (the command and
 * the script's Lua state), run_nms.c (nms.cases, nms.evaluate,
 * nms.timeline, nms.ruleset) and run_io.c (nms.json, nms.csv, nms.jsonl).
 */
#ifndef NMS_RUN_H
#define NMS_RUN_H

#include <lua.h>

#include "front/options.h"
#include "nms/engine.h"

/* The script's engine(s): the one the command loaded, and one more for the
 * last `params` a call asked for (loading a ruleset per call would cost
 * ~100 ms each). Every nms function has this as its upvalue. */
struct nms_run {
    const struct nms_cli *cli;
    struct nms_engine *e;
    struct nms_engine *with_params;
    char *params_key; /* the "name=value\n..." with_params was made for */
    long evaluated;   /* cases evaluated, for their default ids */
};

/* Adds nms.cases, nms.evaluate, nms.timeline, nms.ruleset to the table on
 * top. [-0, +0] */
void nms_run_open_cases(lua_State *L, struct nms_run *run);

/* Adds nms.json, nms.csv, nms.jsonl to the table on top. [-0, +0] */
void nms_run_open_io(lua_State *L);

/* Releases the engine made for params; the command's is its own. */
void nms_run_release(struct nms_run *run);

#endif
