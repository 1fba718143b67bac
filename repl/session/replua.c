/*
 * replua.c - the session's own Lua: a separate lua_State (not the rules'),
 * the case being built as the global table `case`, and the engine as `nms`.
 * At a terminal, and with --full-lua, it has the standard libraries and no
 * limits (its user's own code). A script or piped input (which may come
 * from anyone) gets a state with the rules' limits (core/lua/script.h):
 * base without dofile/loadfile/load/require/collectgarbage, and the rules'
 * string (without dump), table, math and utf8, so it cannot reach files,
 * programs or the environment, and every entry runs under the rules'
 * instruction budget, CPU-time limit, memory cap and pattern guard
 * (--max-instructions, --max-cpu-ms, --max-memory; docs/security.md):
 *
 *   nms.evaluate([t])   the result record (docs/output-format.md) of case
 *                       table t, or of the session's case, as Lua tables
 *   nms.result()        the last result record, or nil
 *   nms.set_case(t)     makes table t the session's case (checked like an
 *                       edit: refused, with the reason, if it does not read)
 *   nms.ruleset()       {name, version, digest, dir}
 *
 * An entry is first compiled as "return <entry>" so expressions print their
 * value (as lua.c does); tables print as JSON. Compile errors ending in
 * "<eof>" mean the entry is incomplete and the REPL reads another line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "cmd/luajson.h"
#include "front/interrupt.h"
#include "lua/script.h"
#include "session/replua.h"

struct replua {
    lua_State *L;
    struct session *s;
    struct nms_script *script;  /* the limited state of a script; NULL:
                                   the user's own, unlimited */
};

/* Whether L is a sandboxed script state of session s, whose entries the
 * rules' limits bound. */
static int script_state(const struct session *s, const lua_State *L)
{
    return (s->lua->script && s->lua->L == L) ||
           (s->read_lua && s->read_lua->L == L);
}

/* ---- the nms table ----------------------------------------------------- */

static struct session *session_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* The case table argument 1 as JSON, or a copy of the session's case.
 * Raises (holding nothing) when the table cannot be converted. */
static cJSON *case_arg(lua_State *L)
{
    cJSON *doc;

    if (!lua_isnoneornil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        return nms_luajson_case(L, 1);
    }
    doc = cJSON_Duplicate(session_of(L)->doc, 1);
    if (!doc)
        luaL_error(L, "not enough memory");
    return doc;
}

/* nms.evaluate([case]) -> result record table. [-0|1, +1] */
static int l_evaluate(lua_State *L)
{
    struct session *s = session_of(L);
    cJSON *doc = case_arg(L);
    struct evaluation *ev = NULL;
    int rc = session_evaluate(s, doc, s->as_of, &ev, NULL);

    cJSON_Delete(doc);
    if (rc == 0) {
        if (nms_luajson_push_record(L, ev->c, ev->r,
                                    nms_engine_ruleset(s->engine)) != 0)
            rc = -2;
        evaluation_free(ev);
    }
    if (script_state(s, L))
        nms_script_check(L);   /* the clock, after the engine's work */
    if (rc != 0)
        return luaL_error(L, rc == 1    ? "interrupted"
                             : rc == -2 ? "not enough memory"
                                        : "evaluation failed");
    return 1;
}

/* nms.result() -> the last result record, or nil. [-0, +1] */
static int l_result(lua_State *L)
{
    struct session *s = session_of(L);

    if (!s->last)
        lua_pushnil(L);
    else if (nms_luajson_push_record(L, s->last->c, s->last->r,
                                     nms_engine_ruleset(s->engine)) != 0)
        return luaL_error(L, "not enough memory");
    return 1;
}

/* nms.set_case(t) -> true, or false when the case was refused. [-1, +1] */
static int l_set_case(lua_State *L)
{
    cJSON *doc;

    luaL_checktype(L, 1, LUA_TTABLE);
    doc = case_arg(L);
    lua_pushboolean(L, session_commit(session_of(L), doc) == 0);
    return 1;
}

/* nms.ruleset() -> {name, version, digest, dir}. [-0, +1] */
static int l_ruleset(lua_State *L)
{
    nms_luajson_push_ruleset(L, nms_engine_ruleset(session_of(L)->engine));
    return 1;
}

static const luaL_Reg nms_funcs[] = {
    {"evaluate", l_evaluate},
    {"result", l_result},
    {"set_case", l_set_case},
    {"ruleset", l_ruleset},
    {NULL, NULL}};

/* Stops a running chunk when Ctrl-C was pressed. */
static void interrupt_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    if (nms_interrupted())
        luaL_error(L, "interrupted");
}

int replua_trusted(const struct session *s)
{
    /* A scenario .read at a terminal is a script, whoever typed .read:
     * the teaching guide has teachers play shared scenarios that way. */
    return s->cli->full_lua ||
           (!s->cli->script && isatty(STDIN_FILENO) && s->read_depth == 0);
}

struct replua *replua_for_entry(struct session *s)
{
    if (replua_trusted(s) || s->lua->script)
        return s->lua;
    if (!s->read_lua)
        s->read_lua = replua_new(s);   /* sandboxed: s->read_depth > 0 */
    return s->read_lua;
}

/* Whether `real` (a real path) is a file below directory `root` (a real
 * path, or NULL) with no hidden name on the way down: ~/.ssh/id_rsa,
 * ~/.netrc and a repository's .git/config stay out even when a script runs
 * from the home directory. */
static int below(const char *real, const char *root)
{
    size_t n = root ? strlen(root) : 0;
    const char *p;

    if (n == 0 || strncmp(real, root, n) != 0)
        return 0;
    p = real + n;
    if (root[n - 1] != '/' && *p != '/')
        return 0;   /* "/work/ab" is not below "/work/a" */
    for (; *p; p++)
        if (*p == '/' && p[1] == '.')
            return 0;
    return 1;
}

/* The real path of `path`'s directory, malloc'd, or NULL. */
static char *real_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir, *real;

    if (!slash)
        return realpath(".", NULL);
    if (slash == path)
        return realpath("/", NULL);
    if (!(dir = strndup(path, (size_t)(slash - path))))
        return NULL;
    real = realpath(dir, NULL);
    free(dir);
    return real;
}

char *replua_set_root(struct session *s, const char *file)
{
    char *old = s->read_root;

    s->read_root = file ? real_dir(file) : NULL;
    return old;
}

void replua_restore_root(struct session *s, char *old)
{
    free(s->read_root);
    s->read_root = old;
}

/* Opens `real` (a real path) for session s, which is not its user's own,
 * or says why not. */
static FILE *open_confined(struct session *s, const char *path,
                           const char *real)
{
    struct stat st;
    char *cwd;
    int inside;
    FILE *fp;

    if (stat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
        repl_error(s, "'%s' is not a regular file: a script, piped input "
                      "or .read scenario reads only files (--full-lua reads "
                      "any)", path);
        return NULL;
    }
    /* a run from / (a service, cron) says nothing of where its files are */
    cwd = realpath(".", NULL);
    if (cwd && strcmp(cwd, "/") == 0)
        cwd[0] = '\0';
    inside = below(real, s->read_root) || below(real, cwd);
    free(cwd);
    if (!inside) {
        repl_error(s, "'%s' is outside the script's directory and the "
                      "working directory, or hidden: a script, piped input "
                      "or .read scenario reads only files below them whose "
                      "names do not start with '.' (--full-lua reads any)",
                   path);
        return NULL;
    }
    if (!(fp = fopen(real, "r")))
        repl_error(s, "cannot open '%s': %s", path, strerror(errno));
    return fp;
}

FILE *replua_open(struct session *s, const char *path)
{
    char *real;
    FILE *fp;

    /* the command line's CASE (place.command_line while it loads) is
     * the operator's own file, read anywhere */
    if (replua_trusted(s) || s->place.command_line) {
        if (!(fp = fopen(path, "r")))
            repl_error(s, "cannot open '%s': %s", path, strerror(errno));
        return fp;
    }
    /* resolved once and opened by that name: a link cannot lead out */
    if (!(real = realpath(path, NULL))) {
        repl_error(s, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    fp = open_confined(s, path, real);
    free(real);
    return fp;
}

struct replua *replua_new(struct session *s)
{
    struct replua *r = calloc(1, sizeof *r);

    if (!r)
        return NULL;
    r->s = s;
    if (replua_trusted(s)) {
        if (!(r->L = luaL_newstate())) {
            free(r);
            return NULL;
        }
        luaL_openlibs(r->L);
        lua_sethook(r->L, interrupt_hook, LUA_MASKCOUNT, 1000);
    } else {
        /* the same limits the rules get per case, per entry */
        r->script = nms_script_new(&s->cli->limits, nms_interrupt_flag());
        if (!r->script) {
            free(r);
            return NULL;
        }
        r->L = nms_script_state(r->script);
    }
    luaL_newlibtable(r->L, nms_funcs);
    lua_pushlightuserdata(r->L, s);
    luaL_setfuncs(r->L, nms_funcs, 1);   /* the session is every function's upvalue */
    lua_setglobal(r->L, "nms");
    return r;
}

void replua_free(struct replua *r)
{
    if (!r)
        return;
    if (r->script)
        nms_script_free(r->script);
    else
        lua_close(r->L);
    free(r);
}

/* ---- running entries --------------------------------------------------- */

/* Compiles "return <text>" and, failing that, text itself; leaves the
 * function or the error message on top. Returns the lua status. */
static int compile(lua_State *L, const char *text, size_t len)
{
    const char *ret = lua_pushfstring(L, "return %s;", text);
    int status = luaL_loadbufferx(L, ret, strlen(ret), "=stdin", "t");

    lua_remove(L, -2);
    if (status == LUA_OK)
        return status;
    lua_pop(L, 1);
    return luaL_loadbufferx(L, text, len, "=stdin", "t");
}

int replua_check(struct replua *r, const char *text, size_t len)
{
    lua_State *L = r->L;
    size_t mlen;
    const char *msg;
    int status = compile(L, text, len), incomplete;

    if (status != LUA_ERRSYNTAX) {
        lua_pop(L, 1);
        return 0;
    }
    msg = lua_tolstring(L, -1, &mlen);
    incomplete = mlen >= 5 && strcmp(msg + mlen - 5, "<eof>") == 0;
    lua_pop(L, 1);
    return incomplete;
}

/* The length of `text` when it is all one Lua name ("help", "show"),
 * else 0. */
static size_t bare_name_length(const char *text)
{
    size_t n = strspn(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "0123456789_");

    return n > 0 && !isdigit((unsigned char)text[0]) &&
                   text[n + strspn(text + n, " \t\r\n")] == '\0'
               ? n
               : 0;
}

int replua_means_something(struct replua *r, const char *text)
{
    lua_State *L = r->L;
    size_t name = bare_name_length(text);
    int status;

    if (name > 0) {
        /* raw: a metamethod of the globals could raise outside a pcall */
        lua_pushglobaltable(L);
        lua_pushlstring(L, text, name);
        status = lua_rawget(L, -2) != LUA_TNIL;
        lua_pop(L, 2);
        return status;
    }
    status = compile(L, text, strlen(text));
    lua_pop(L, 1);
    return status != LUA_ERRSYNTAX;
}

/* lua_CFunction: calls the entry's compiled chunk (argument 1) and
 * prints the values it returns, one per line. Printing is part of the
 * entry: a __tostring or __index of the script's runs under its limits
 * too, and an error of one is the entry's error. */
static int run_and_print(lua_State *L)
{
    char *text;
    cJSON *json;
    int i;

    lua_call(L, 0, LUA_MULTRET);
    for (i = 1; i <= lua_gettop(L); i++) {
        if (lua_istable(L, i) && (json = nms_luajson_from(L, i)) != NULL) {
            text = cJSON_Print(json);
            printf("%s\n", text ? text : "(out of memory)");
            cJSON_free(text);
            cJSON_Delete(json);
        } else {
            printf("%s\n", luaL_tolstring(L, i, NULL));
            lua_pop(L, 1);
        }
    }
    return 0;
}

int replua_run(struct replua *r, const char *text)
{
    lua_State *L = r->L;
    int base = lua_gettop(L) + 1, status;

    nms_luajson_push(L, r->s->doc);
    lua_setglobal(L, "case");   /* a fresh view of the case for every entry */
    lua_pushcfunction(L, run_and_print);
    status = compile(L, text, strlen(text));
    if (status == LUA_OK)
        status = r->script ? nms_script_pcall(r->script, 1, 0)
                           : lua_pcall(L, 1, 0, 0);
    if (status != LUA_OK) {
        repl_error(r->s, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1)
                                                   : "(error object is not a string)");
        lua_settop(L, base - 1);
        return -1;
    }
    lua_settop(L, base - 1);
    return 0;
}
