/*
 * run.c - `nmsrules run SCRIPT.lua [ARGS...]`: the analyst's own Lua with
 * the `nms` module (docs/run.md). The script is the user's code, not a
 * rule: it runs in its own Lua state with the standard libraries, may read
 * and write the files it names (io), but gets no shell: io.popen,
 * os.execute, os.exit, os.tmpname and os.setlocale are removed, debug and
 * package (C modules) are not opened, and only Lua text is loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "cmd/run.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "run_lib.h" /* generated from run_lib.lua: run_lib[] */

static const char usage[] =
    "usage: nmsrules run [OPTIONS] SCRIPT.lua [ARGS...]\n"
    "\n"
    "Runs your own Lua script with the 'nms' module: nms.cases(PATH) reads\n"
    "cases (a case, an array or JSON Lines; '-' for standard input),\n"
    "nms.evaluate(case [, {as_of =, params =}]) gives the result record,\n"
    "nms.timeline(case) the record as of each time in the case, and\n"
    "nms.json, nms.csv.writer, nms.jsonl.writer, nms.tally, nms.crosstab,\n"
    "nms.quantile and nms.ruleset help with the rest. ARGS are in the\n"
    "global table 'arg' (arg[0] is SCRIPT). See docs/run.md; examples in\n"
    "examples/reviews/.\n"
    "\n"
    "The script may read and write files, but has no shell: io.popen,\n"
    "os.execute and os.exit are not there.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --max-instructions N, --max-memory MIB   sandbox limits per case\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 the script ran to its end, 1 it raised an error\n"
    "(reported as SCRIPT:LINE: message, with a traceback), 2 usage error or\n"
    "the script cannot be read, 3 the ruleset failed to load.\n";

static const struct option long_options[] = {NMS_COMMON_OPTIONS};

/* "+": options end at SCRIPT, so the script's own arguments stay its own. */
const struct nms_command_options nms_run_options = {"run", usage, "+h",
                                                    long_options, NULL, NULL};

/* The libraries a script gets, opened as linit.c does. */
static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                                {LUA_TABLIBNAME, luaopen_table},
                                {LUA_STRLIBNAME, luaopen_string},
                                {LUA_MATHLIBNAME, luaopen_math},
                                {LUA_UTF8LIBNAME, luaopen_utf8},
                                {LUA_IOLIBNAME, luaopen_io},
                                {LUA_OSLIBNAME, luaopen_os},
                                {LUA_COLIBNAME, luaopen_coroutine},
                                {NULL, NULL}};

/* Sets table[name] = nil for each name, the table being global `lib`. */
static void remove_fields(lua_State *L, const char *lib,
                          const char *const *names)
{
    lua_getglobal(L, lib);
    for (; *names; names++) {
        lua_pushnil(L);
        lua_setfield(L, -2, *names);
    }
    lua_pop(L, 1);
}

/* Stops the script on Ctrl-C (checked every 1000 instructions). */
static void interrupt_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    if (nms_interrupted())
        luaL_error(L, "interrupted");
}

/* The message handler: the error with a traceback. */
static int traceback(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);

    luaL_traceback(L, L, msg ? msg : "(error object is not a string)", 1);
    return 1;
}

/* Protected: opens the libraries, the nms module and `arg`. [-0, +0] */
static int l_setup(lua_State *L)
{
    static const char *const io_removed[] = {"popen", NULL};
    static const char *const os_removed[] = {"execute", "exit", "tmpname",
                                             "setlocale", NULL};
    struct nms_run *run = lua_touserdata(L, 1);
    char **argv = lua_touserdata(L, 2);
    int argc = (int)lua_tointeger(L, 3), i;
    const luaL_Reg *lib;

    for (lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    remove_fields(L, LUA_IOLIBNAME, io_removed);
    remove_fields(L, LUA_OSLIBNAME, os_removed);
    lua_newtable(L);
    nms_run_open_cases(L, run);
    nms_run_open_io(L);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "nms");
    if (luaL_loadbufferx(L, (const char *)run_lib, sizeof run_lib,
                         "=run_lib.lua", "t") != LUA_OK)
        return lua_error(L);
    lua_insert(L, -2);
    lua_call(L, 1, 0); /* run_lib.lua adds to nms */
    lua_createtable(L, argc, 1);
    for (i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i); /* arg[0] is the script */
    }
    lua_setglobal(L, "arg");
    return 0;
}

/* Runs the script; returns the exit status. */
static int run_script(lua_State *L, struct nms_run *run, int argc, char **argv)
{
    int status;

    lua_pushcfunction(L, traceback);
    lua_pushcfunction(L, l_setup);
    lua_pushlightuserdata(L, run);
    lua_pushlightuserdata(L, argv);
    lua_pushinteger(L, argc);
    if (lua_pcall(L, 3, 0, 1) != LUA_OK) {
        nms_errorf("%s", lua_tostring(L, -1));
        return NMS_EXIT_USAGE;
    }
    status = luaL_loadfilex(L, argv[0], "t");
    if (status != LUA_OK) {
        nms_errorf("%s", lua_tostring(L, -1)); /* "cannot open x" or syntax */
        return NMS_EXIT_USAGE;
    }
    lua_sethook(L, interrupt_hook, LUA_MASKCOUNT, 1000);
    if (lua_pcall(L, 0, 0, 1) != LUA_OK) {
        nms_errorf("%s", lua_tostring(L, -1));
        return nms_interrupted() ? NMS_EXIT_INTERRUPTED : NMS_EXIT_CASE_ERRORS;
    }
    return nms_interrupted() ? NMS_EXIT_INTERRUPTED : NMS_EXIT_OK;
}

int nms_cmd_run(int argc, char **argv)
{
    struct nms_run run;
    struct nms_cli cli;
    lua_State *L = NULL;
    int status;

    status = nms_cli_parse(&cli, &nms_run_options, argc, argv);
    if (status >= 0)
        return status;
    if (cli.n_inputs < 1) {
        nms_errorf("run needs a SCRIPT.lua");
        return nms_cli_try(&nms_run_options);
    }
    memset(&run, 0, sizeof run);
    run.cli = &cli;
    if ((status = nms_cli_load(&cli, &run.e)) != 0)
        return status;
    if (nms_interrupt_install() != 0 || !(L = luaL_newstate())) {
        nms_errorf("out of memory");
        status = NMS_EXIT_USAGE;
    } else {
        status = run_script(L, &run, cli.n_inputs, cli.inputs);
    }
    if (L)
        lua_close(L); /* collects the script's files, readers and boxes */
    if (fflush(stdout) != 0 && status == NMS_EXIT_OK)
        status = NMS_EXIT_USAGE;
    nms_run_release(&run);
    nms_engine_free(run.e);
    return status;
}
