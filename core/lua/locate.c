/*
 * locate.c - placing a load error at the row that causes it.
 *
 * Data tables (a drug row, an ATC group) are checked by the Lua code that
 * reads them (lib/drugs.lua), so its errors name the row ("drugs:
 * 'haloperidol' has unknown class 'antipsychotik'") but carry no place, or
 * the place of the check. The row is found by what is written: the first
 * line of a loaded module that opens a table with the quoted name.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/ruleset.h"

/* Longest rule-file line searched; longer lines are read in pieces. */
#define LINE_MAX_BYTES 4096

struct locate_args {
    const char *name;       /* the quoted row name */
    char file[512];
    long line;
};

/* Whether `text` opens a row with "name" or 'name' as its first value and
 * more values after it ({ "haloperidol", "N05AD01", ... }; not a list of
 * one module name). */
static int row_head(const char *text, const char *name)
{
    size_t n = strlen(name);
    const char *p;

    for (p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t')
            q++;
        if ((*q == '"' || *q == '\'') && strncmp(q + 1, name, n) == 0 &&
            q[1 + n] == *q) {
            q += n + 2;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == ',')
                return 1;
        }
    }
    return 0;
}

/* The line of file `path` where the row opens, or 0. */
static long find_row(const char *path, const char *name)
{
    char text[LINE_MAX_BYTES];
    FILE *fp = fopen(path, "r");
    long line = 0, found = 0;

    if (!fp)
        return 0;
    while (!found && fgets(text, sizeof text, fp)) {
        line++;
        if (row_head(text, name))
            found = line;
    }
    fclose(fp);
    return found;
}

/* Protected: every loaded module's file, searched for the row. */
static int locate_protected(lua_State *L)
{
    struct locate_args *args = lua_touserdata(L, 1);

    nms_vm_push_loaded(L);
    lua_pushnil(L);
    while (!args->line && lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *path = nms_push_module_path(L, lua_tostring(L, -1));
            args->line = find_row(path, args->name);
            if (args->line)
                snprintf(args->file, sizeof args->file, "%s", path);
            lua_pop(L, 1);
        }
    }
    return 0;
}

/* The length of a leading "file.lua:N: " in msg, or 0. */
static size_t place_prefix(const char *msg)
{
    const char *p = strstr(msg, ".lua:");

    if (!p || strchr(msg, ' ') < p)
        return 0;
    p += 5;
    while (*p >= '0' && *p <= '9')
        p++;
    return p[0] == ':' && p[1] == ' ' ? (size_t)(p + 2 - msg) : 0;
}

void nms_ruleset_locate_error(struct nms_vm *vm, char *errmsg, size_t errsize)
{
    struct locate_args args;
    char name[128], was[1024];
    const char *open = strchr(errmsg, '\''), *close;
    size_t skip;

    /* A syntax or runtime error of Lua itself ("... near 'x'", "attempt to
     * index ... 'x'") is already where it happened. */
    if (strstr(errmsg, " near ") || strstr(errmsg, "attempt to "))
        return;
    /* The loader's own messages ("x.lua: set 'y': ...") are placed already. */
    if (!place_prefix(errmsg) && strstr(errmsg, ".lua: "))
        return;
    if (!open || !(close = strchr(open + 1, '\'')) ||
        (size_t)(close - open - 1) >= sizeof name || close == open + 1)
        return;
    memcpy(name, open + 1, (size_t)(close - open - 1));
    name[close - open - 1] = '\0';
    memset(&args, 0, sizeof args);
    args.name = name;
    lua_pushcfunction(vm->L, locate_protected);
    lua_pushlightuserdata(vm->L, &args);
    if (lua_pcall(vm->L, 1, 0, 0) != LUA_OK) {
        lua_pop(vm->L, 1);
        return;
    }
    if (!args.line)
        return;
    skip = place_prefix(errmsg);
    snprintf(was, sizeof was, "%.*s", skip > 2 ? (int)(skip - 2) : 0, errmsg);
    {
        char moved[sizeof args.file + 2 * sizeof was + 64];
        snprintf(moved, sizeof moved, "%s:%ld: %s%s%s%s", args.file, args.line,
                 errmsg + skip, *was ? " (raised at " : "", was,
                 *was ? ")" : "");
        snprintf(errmsg, errsize, "%s", moved);
    }
}
