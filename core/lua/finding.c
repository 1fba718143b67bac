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
#include "lua/memo.h"

/* [-0, +1] Pushes the table of the value, evidence and missing text at
 * 1, 2 and 3. A nil stores nothing: it is not set at all (a known value's
 * missing, an unknown's value), which spares the key's look-up. The keys
 * are the strings nms_kleene_open gives as upvalues (kleene.h). */
static void push_finding(lua_State *L)
{
    static const int keys[] = {NMS_STR_VALUE, NMS_STR_EVIDENCE, NMS_STR_MISSING};
    int i;

    lua_createtable(L, 0, 3);
    for (i = 1; i <= 3; i++)
        if (!lua_isnil(L, i)) {
            lua_pushvalue(L, lua_upvalueindex(keys[i - 1]));
            lua_pushvalue(L, i);
            lua_rawset(L, -3);
        }
}

/* [-0, +1] The case's finding { value = true (value 1), false (0) or nil
 * (-1), evidence = "" } kept in the slot (memo.h), made at its first use.
 * For the functions whose upvalues are nms_kleene_open's (finding.h). */
int nms_finding_push_bare(lua_State *L, int value)
{
    int slot = lua_upvalueindex(NMS_UP_SLOT);
    int at = value < 0 ? NMS_SLOT_BARE_UNKNOWN
             : value ? NMS_SLOT_BARE_TRUE : NMS_SLOT_BARE_FALSE;

    if (lua_rawgeti(L, slot, at) == LUA_TTABLE)
        return 1;
    lua_pop(L, 1);
    /* as push_finding makes it from (value, "", nil) */
    lua_createtable(L, 0, 3);
    if (value >= 0) {
        lua_pushvalue(L, lua_upvalueindex(NMS_STR_VALUE));
        lua_pushboolean(L, value);
        lua_rawset(L, -3);
    }
    lua_pushvalue(L, lua_upvalueindex(NMS_STR_EVIDENCE));
    lua_pushliteral(L, "");
    lua_rawset(L, -3);
    lua_pushvalue(L, -1);
    lua_rawseti(L, slot, at);
    return 1;
}

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
    /* No evidence and no missing text, the usual finding when nobody
     * reads the evidence (fmt.wanted): one table per value and case, kept
     * in memo.c's slot and emptied with it when a case begins. Findings
     * are read, never modified (lib/memo.lua already hands one finding to
     * every caller of a remembered helper). */
    if (lua_rawlen(L, 2) == 0 && lua_isnil(L, 3) &&
        (lua_isnil(L, 1) || lua_isboolean(L, 1)))
        return nms_finding_push_bare(L, lua_isnil(L, 1) ? -1
                                        : lua_toboolean(L, 1));
    push_finding(L);
    return 1;
}
