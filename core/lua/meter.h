/*
 * meter.h - the budget of the C helpers of rules/lib (prose.c, kleene.c)
 * that loop over tables a rule hands them: each element walked counts as
 * an instruction, charged to the case's budget (nms_limits_charge) every
 * NMS_METER_STEP elements, so that no list, however long, and no judge
 * that says "go on", lets a rule run past its budget inside C.
 */
#ifndef NMS_LUA_METER_H
#define NMS_LUA_METER_H

#include <stddef.h>

#include <lua.h>

#include "lua/limits.h"

/* Elements walked between two charges: often enough that a flood is
 * stopped within a few microseconds of C, rarely enough that the charge
 * costs nothing next to the walk. */
#define NMS_METER_STEP 64u

/* Bytes of text built in C that count as one instruction (as for the
 * string library, core/lua/limits.c). */
#define NMS_METER_BYTES 16.0

/* Elements walked since the last charge. */
struct nms_meter {
    unsigned walked;
};

/* [-0, +0, e] One more element walked; raises when the budget is spent. */
static inline void nms_meter_step(lua_State *L, struct nms_meter *m)
{
    if (++m->walked == NMS_METER_STEP) {
        m->walked = 0;
        nms_limits_charge(L, NMS_METER_STEP);
    }
}

/* [-0, +0, e] The walk is over: charges its rest and `bytes` of text. */
static inline void nms_meter_end(lua_State *L, struct nms_meter *m,
                                 size_t bytes)
{
    nms_limits_charge(L, m->walked + (double)bytes / NMS_METER_BYTES);
    m->walked = 0;
}

#endif
