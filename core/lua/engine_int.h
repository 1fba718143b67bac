/*
 * engine_int.h - what core's own tools (tools.c) need of the opaque engine
 * (engine.c): its VM and ruleset, and recording a failure.
 */
#ifndef NMS_ENGINE_INT_H
#define NMS_ENGINE_INT_H

#include "lua/ruleset.h"
#include "lua/vm.h"

/* The engine's VM and the ruleset loaded into it; NULL before a load. */
struct nms_vm *nms_engine_vm(const struct nms_engine *e);
const struct nms_ruleset *nms_engine_rs(const struct nms_engine *e);

/* Records `message` as the engine's last error and returns `status`. */
enum nms_status nms_engine_fail(struct nms_engine *e, enum nms_status status,
                                const char *message);

#endif
