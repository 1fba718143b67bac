/*
 * namekey.h - nms.name_key, the index key of a drug name written in plain
 * words, for rules/lib/drugs.lua (namekey.c).
 */
#ifndef NMS_LUA_NAMEKEY_H
#define NMS_LUA_NAMEKEY_H

#include <lua.h>

/* lua_CFunction nms.name_key(name, separators): for a name of plain words
 * (ASCII letters and digits, one space between words, none at either end)
 * none of which, in lower case, is a key of the table `separators`: the
 * name in lower case and its number of words. Otherwise nil: the caller
 * cuts the name into words the long way. */
int nms_name_key(lua_State *L);

#endif
