/*
 * namekey.c - nms.name_key, the index key of a drug name written in plain
 * words: the mechanics of key_of in rules/lib/drugs.lua.
 *
 * lib/drugs.lua keys every name and brand of the drug tables (~1,000) at
 * every load. In Lua a name cost a lower() and one or two pattern calls,
 * each through the sandbox's budget wrapper and pattern guard: ~3 ms of a
 * ~20 ms cold `nmsrules eval` (docs/performance.md, "Start-up: the load's
 * own work"). Here it is one C call over the bytes. What it answers is
 * what those calls answered: string.lower lowers A-Z only (the C locale,
 * which nmsrules never changes), %l is a-z and %d 0-9, so a name that is
 * `[%l%d]+` words joined by single spaces, none of them a separator, is
 * its own key; anything else (punctuation, a trademark sign, a separator
 * word) gets nil, and lib/drugs.lua segments it as before.
 *
 * Safe against rules: the separators table is read raw (no metamethod
 * runs), the key is built in the VM's memory (its cap), and the bytes
 * walked are charged to the budget (meter.h).
 */
#include <lauxlib.h>

#include "lua/meter.h"
#include "lua/namekey.h"

/* The lower case of ASCII byte c if it is a letter or digit, else 0. */
static char plain_lower(char c)
{
    if (c >= 'A' && c <= 'Z')
        return (char)(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return c;
    return 0;
}

/* Whether word w (n bytes) is a key of the table at index t. [-0, +0] */
static int is_separator(lua_State *L, int t, const char *w, size_t n)
{
    int found;

    lua_pushlstring(L, w, n);
    found = lua_rawget(L, t) != LUA_TNIL;
    lua_pop(L, 1);
    return found;
}

/* The answer for a name that is not plain words: nil. */
static int not_plain(lua_State *L)
{
    lua_pushnil(L);
    return 1;
}

/*
 * @function nms.name_key(name, separators)
 * The key of `name` in the drug index when it is plain words: its lower
 * case and its number of words; nil otherwise (see namekey.h).
 * @usage nms.name_key("Sodium chloride", { ["and"] = true })  -- "sodium chloride", 2
 */
int nms_name_key(lua_State *L)
{
    struct nms_meter meter = {0};
    luaL_Buffer b;
    size_t len, i, start = 0;
    const char *name;
    char *key;
    lua_Integer words = 0;

    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_type(L, 1) != LUA_TSTRING)
        return not_plain(L);    /* the caller's tostring and segmenting */
    name = lua_tolstring(L, 1, &len);
    nms_meter_end(L, &meter, len);
    if (len == 0)
        return not_plain(L);
    key = luaL_buffinitsize(L, &b, len);
    for (i = 0; i <= len; i++) {
        if (i == len || name[i] == ' ') {
            /* a word ends: not empty (no double, leading or trailing
             * space), and no separator */
            if (i == start || is_separator(L, 2, key + start, i - start))
                return not_plain(L);
            words++;
            if (i < len)
                key[i] = ' ';
            start = i + 1;
        } else if ((key[i] = plain_lower(name[i])) == 0) {
            return not_plain(L);
        }
    }
    luaL_pushresultsize(&b, len);
    lua_pushinteger(L, words);
    return 2;
}
