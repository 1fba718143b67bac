/*
 * finding.c - nms.finding, the constructor behind rules/lib/tri.lua's
 * tri.finding: { value = v, evidence = e, missing = m }, refused unless the
 * evidence is a string.
 *
 * The helpers make a finding for nearly every answer they give; in Lua
 * the check alone (type, then assert) was two calls into C per finding,
 * each under the count hook. Here the check and the table are one call.
 * It allocates one table of three fields through the VM's allocator (the
 * memory cap) and does no loop, so there is nothing to charge.
 */
#include <lauxlib.h>

#include "lua/finding.h"
#include "lua/kleene.h"

/*
 * @function nms.finding(value, evidence, missing)
 * The table { value = value, evidence = evidence, missing = missing }, for
 * rules/lib/tri.lua (tri.finding); an error unless evidence is a string.
 * @usage return nms.finding(true, "CK 1,200 U/L")
 */
int nms_finding_new(lua_State *L)
{
    lua_settop(L, 3);
    if (lua_type(L, 2) != LUA_TSTRING) {
        /* As assert(false, msg) raised it: the message alone. */
        lua_pushliteral(L, "a finding needs its evidence as a string");
        return lua_error(L);
    }
    lua_createtable(L, 0, 3);
    /* A nil stores nothing: it is not set at all (a known value's missing,
     * an unknown's value), which spares the key's look-up. The keys are
     * the strings nms_kleene_open gives as upvalues (kleene.h). */
    if (!lua_isnil(L, 1)) {
        lua_pushvalue(L, lua_upvalueindex(NMS_STR_VALUE));
        lua_pushvalue(L, 1);
        lua_rawset(L, -3);
    }
    lua_pushvalue(L, lua_upvalueindex(NMS_STR_EVIDENCE));
    lua_pushvalue(L, 2);
    lua_rawset(L, -3);
    if (!lua_isnil(L, 3)) {
        lua_pushvalue(L, lua_upvalueindex(NMS_STR_MISSING));
        lua_pushvalue(L, 3);
        lua_rawset(L, -3);
    }
    return 1;
}
