/*
 * run_nms.c - the engine as a script sees it: nms.cases (streaming the
 * records of a file), nms.evaluate (a case table to its result record, the
 * same record `batch` writes), nms.timeline (that record as of each time
 * in the case) and nms.ruleset. Cases come in through nms_case_read like
 * every other reader; results go out as the documented JSON record.
 *
 * Lua-callable functions do their C work first and free it before pushing
 * or raising, so a raise never leaks.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "cmd/anchor.h"
#include "cmd/luajson.h"
#include "cmd/run.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "front/options.h"
#include "nms/interrupt.h"
#include "nms/output.h"

#define CASES "nms.cases"

static struct nms_run *run_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* ---- nms.cases --------------------------------------------------------- */

struct cases {
    FILE *fp;
    int is_stdin;
    struct nms_reader *reader;
};

static int cases_gc(lua_State *L)
{
    struct cases *cs = luaL_checkudata(L, 1, CASES);

    nms_reader_free(cs->reader);
    cs->reader = NULL;
    if (cs->fp && !cs->is_stdin)
        fclose(cs->fp);
    cs->fp = NULL;
    return 0;
}

/* The iterator: the next record as (case, nil, where), a bad record as
 * (false, message, where), nil at the end. [-0, +1|3] */
static int cases_next(lua_State *L)
{
    struct cases *cs = luaL_checkudata(L, lua_upvalueindex(1), CASES);
    struct nms_record rec;
    cJSON *own = NULL;
    const cJSON *json;
    int got;

    if (!cs->reader || (got = nms_reader_next(cs->reader, &rec)) == 0) {
        lua_pushnil(L);
        return 1;
    }
    if (got < 0)
        return luaL_error(L, "cannot read: %s", strerror(errno));
    json = rec.parsed && rec.len > 0 ? rec.parsed : NULL;
    if (!rec.error && !json)
        json = own = cJSON_ParseWithLength(rec.text, rec.len);
    if (rec.error || !cJSON_IsObject(json)) {
        lua_pushboolean(L, 0);
        lua_pushstring(L, rec.error ? rec.error
                          : json    ? "not a JSON object"
                                    : "not valid JSON");
    } else {
        nms_luajson_push(L, json);
        lua_pushnil(L);
    }
    cJSON_Delete(own);
    lua_pushfstring(L, "%s:%d", rec.source,
                    (int)(rec.line ? rec.line : rec.index + 1));
    return 3;
}

/* nms.cases(path | "-") -> iterator over the records of a case, an array
 * or JSON Lines. [-0, +1] */
static int l_cases(lua_State *L)
{
    const char *path;
    struct cases *cs;

    /* Most often a script run without its COHORT argument (arg[1] nil):
     * say what to give, not only the type Lua expected. */
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "nms.cases needs a file name, or \"-\" for "
                             "standard input (got %s; a script's files come "
                             "after its name: nmsrules run SCRIPT FILE)",
                          luaL_typename(L, 1));
    path = lua_tostring(L, 1);
    cs = lua_newuserdatauv(L, sizeof *cs, 0);

    memset(cs, 0, sizeof *cs);
    luaL_setmetatable(L, CASES);
    cs->is_stdin = strcmp(path, "-") == 0;
    cs->fp = cs->is_stdin ? stdin : fopen(path, "rb");
    if (!cs->fp)
        return luaL_error(L, "cannot open '%s': %s", path, strerror(errno));
    if (cs->is_stdin)
        nms_note_terminal_input(cs->fp);
    if (nms_reader_open(&cs->reader, cs->fp, path) != NMS_OK)
        return luaL_error(L, "not enough memory");
    lua_pushcclosure(L, cases_next, 1); /* the userdata is its upvalue */
    return 1;
}

/* ---- the engine for a call's options ----------------------------------- */

/* "name=value\n" for each pair of the params table at idx, sorted, pushed
 * as one string. [-0, +1] */
static void push_params_key(lua_State *L, int idx)
{
    luaL_Buffer b;

    lua_newtable(L); /* the assignments, to sort */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *name, *value;
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "params: names must be strings");
        name = lua_tostring(L, -2);
        value = luaL_tolstring(L, -1, NULL);
        lua_pushfstring(L, "%s=%s", name, value);
        lua_rawseti(L, -5, (lua_Integer)luaL_len(L, -5) + 1);
        lua_pop(L, 2); /* the tolstring copy and the value */
    }
    lua_getglobal(L, "table");
    lua_getfield(L, -1, "sort");
    lua_pushvalue(L, -3);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    luaL_buffinit(L, &b);
    for (lua_Integer i = 1; lua_rawgeti(L, -2, i) == LUA_TSTRING; i++) {
        luaL_addvalue(&b);
        luaL_addchar(&b, '\n');
    }
    lua_pop(L, 1); /* the nil that ended the list (below the buffer) */
    luaL_pushresult(&b);
    lua_remove(L, -2);
}

/* Sets each name=value of the params table at idx on e; 0, or -1 with
 * the engine's message pushed. [-0, +0|1] */
static int set_params(lua_State *L, struct nms_engine *e, int idx)
{
    const char *assignment;

    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *name = lua_tostring(L, -2); /* a string: checked */
        const char *value = luaL_tolstring(L, -1, NULL);
        assignment = lua_pushfstring(L, "%s=%s", name, value);
        if (nms_engine_set_param(e, assignment) != NMS_OK) {
            lua_pop(L, 4); /* the assignment, copy, value and key */
            lua_pushstring(L, nms_engine_errmsg(e));
            return -1;
        }
        lua_pop(L, 3); /* the assignment, the tolstring copy, the value */
    }
    return 0;
}

/* The engine for the params table at idx (0: none): the command's, or one
 * loaded with the command line's --param and these, kept for the next call
 * with the same params. NULL with a message pushed when it cannot be made.
 * [-0, +0|1] */
static struct nms_engine *engine_for(lua_State *L, struct nms_run *run, int idx)
{
    struct nms_engine *e = NULL;
    size_t i;

    if (idx == 0)
        return run->e;
    push_params_key(L, idx);
    if (run->params_key && strcmp(run->params_key, lua_tostring(L, -1)) == 0) {
        lua_pop(L, 1);
        return run->with_params;
    }
    nms_run_release(run);
    if (!(run->params_key = strdup(lua_tostring(L, -1)))) {
        lua_pushliteral(L, "not enough memory");
        return NULL;
    }
    lua_pop(L, 1);
    if (nms_engine_new(&e, &run->cli->limits) != NMS_OK) {
        lua_pushliteral(L, "not enough memory");
        return NULL;
    }
    nms_engine_set_interrupt(e, nms_interrupt_flag());   /* as the run's */
    for (i = 0; i < run->cli->n_params; i++)
        nms_engine_set_param(e, run->cli->params[i]); /* checked at start */
    if (set_params(L, e, idx) != 0 ||
        (nms_engine_load(e, nms_engine_ruleset(run->e)->dir) != NMS_OK &&
         lua_pushstring(L, nms_engine_errmsg(e)))) {
        nms_engine_free(e);
        free(run->params_key);
        run->params_key = NULL;
        return NULL;
    }
    run->with_params = e;
    return e;
}

/* ---- reading a case table ---------------------------------------------- */

/* A call's options: {as_of = TIME, params = {name = value}}. */
struct call {
    struct nms_engine *e;
    double as_of; /* NAN: none */
    enum nms_time_form form;
    int relative; /* as_of is hours after the anchor */
};

/* Reads opts.as_of (a number of hours, "30h", an ISO time, or "+24h").
 * Raises on a time it cannot read. [-0, +0] */
static void read_as_of(lua_State *L, int opts, struct call *call)
{
    const char *text;

    call->as_of = NAN;
    call->form = NMS_TIME_UNSET;
    call->relative = 0;
    if (!opts || lua_getfield(L, opts, "as_of") == LUA_TNIL) {
        lua_pop(L, opts ? 1 : 0);
        return;
    }
    if (lua_type(L, -1) == LUA_TNUMBER) {
        call->as_of = lua_tonumber(L, -1);
        call->form = NMS_TIME_HOURS;
    } else if ((text = lua_tostring(L, -1)) == NULL) {
        luaL_error(L, "as_of must be a time (hours, \"30h\", ISO 8601 or "
                      "\"+24h\")");
    } else if (text[0] == '+' &&
               nms_time_read_span(text + 1, &call->as_of) == 0) {
        call->relative = 1;
    } else if (nms_time_read(text, &call->as_of, &call->form) != 0) {
        if (nms_time_read_span(text, &call->as_of) != 0)
            luaL_error(L,
                       "as_of '%s' is not a time (hours, \"30h\", ISO "
                       "8601 or \"+24h\")",
                       text);
        call->form = NMS_TIME_HOURS;
    } else if (call->form == NMS_TIME_ISO && nms_time_placeholder(text)) {
        luaL_error(L, "as_of '%s' is %s, never a clinical time", text,
                   nms_time_placeholder(text));
    }
    lua_pop(L, 1);
}

/* Reads the options table (argument 2, may be absent) into call and finds
 * its engine; raises on bad options. [-0, +0] */
static void read_call(lua_State *L, struct call *call)
{
    int opts = lua_isnoneornil(L, 2) ? 0 : 2, params = 0;

    luaL_checktype(L, 1, LUA_TTABLE);
    if (opts)
        luaL_checktype(L, 2, LUA_TTABLE);
    read_as_of(L, opts, call);
    if (opts && lua_getfield(L, opts, "params") == LUA_TTABLE)
        params = lua_gettop(L);
    else if (opts)
        lua_pop(L, 1);
    call->e = engine_for(L, run_of(L), params);
    if (!call->e)
        lua_error(L);
    if (params)
        lua_remove(L, params);
}

/* What a call holds that Lua does not manage, in a userdata box whose __gc
 * frees it, so a raise anywhere cannot leak it. */
struct box {
    cJSON *tree; /* the case table as JSON */
    struct nms_case *c;
    struct nms_result *r;
    double *times;
    struct nms_case *whole; /* timeline: the case read whole */
};

#define BOX "nms.box"

static void box_empty(struct box *b)
{
    nms_result_free(b->r);
    nms_case_free(b->c);
    b->r = NULL;
    b->c = NULL;
}

static int box_gc(lua_State *L)
{
    struct box *b = luaL_checkudata(L, 1, BOX);

    box_empty(b);
    cJSON_Delete(b->tree);
    free(b->times);
    nms_case_free(b->whole);
    b->tree = NULL;
    b->times = NULL;
    b->whole = NULL;
    return 0;
}

/* A new box on the stack holding the case table (argument 1) as JSON;
 * raises when it is not a JSON object. [-0, +1] */
static struct box *new_box(lua_State *L)
{
    struct box *b = lua_newuserdatauv(L, sizeof *b, 0);

    memset(b, 0, sizeof *b);
    luaL_setmetatable(L, BOX);
    b->tree = nms_luajson_case(L, 1);
    return b;
}

/* The box's tree as a record for nms_case_read (a tree read directly, as
 * the REPL's chart is). */
static struct nms_record record_of(const struct box *b, struct nms_run *run)
{
    struct nms_record rec;

    memset(&rec, 0, sizeof rec);
    rec.text = "";
    rec.source = "script";
    rec.index = run->evaluated++;
    rec.parsed = b->tree;
    return rec;
}

/* Reads the case as of `as_of` (relative: after its anchor) into b->c;
 * raises when memory runs out. [-0, +0] */
static void read_case(lua_State *L, struct box *b, const struct nms_record *rec,
                      const struct call *call)
{
    struct nms_case_options opt = {call->as_of, call->form};

    b->c = call->relative ? nms_anchor_read(call->e, rec, call->as_of)
                          : nms_case_read(rec, &opt);
    if (!b->c)
        luaL_error(L, "not enough memory (or the ruleset failed: see above)");
}

/* Evaluates b->c and pushes its result record as Lua; raises when the
 * engine fails. [-0, +1] */
static void push_result(lua_State *L, struct box *b, struct nms_engine *e,
                        int *exposed)
{
    if (!b->c->error && nms_engine_evaluate(e, b->c, &b->r) != NMS_OK)
        luaL_error(L, "%s", nms_engine_errmsg(e));
    /* a case cut short by SIGINT/SIGTERM is no record: the script stops
     * (the box, collected, frees it) */
    if (nms_interrupted())
        luaL_error(L, "interrupted");
    if (exposed)
        *exposed = nms_anchor_exposed(b->r);
    if (nms_luajson_push_record(L, b->c, b->r, nms_engine_ruleset(e)) != 0)
        luaL_error(L, "not enough memory");
    box_empty(b);
}

/* nms.evaluate(case [, {as_of =, params =}]) -> the result record, the
 * same as batch writes for it (an error record when the case does not
 * read). [-0, +1] */
static int l_evaluate(lua_State *L)
{
    struct call call;
    struct nms_record rec;
    struct box *b;

    read_call(L, &call);
    b = new_box(L);
    rec = record_of(b, run_of(L));
    read_case(L, b, &rec, &call);
    push_result(L, b, call.e, NULL);
    return 1;
}

/* Pushes time t as the case writes times: ISO text, or hours. [-0, +1] */
static void push_time(lua_State *L, const struct nms_case *c, double t)
{
    char buf[48];

    if (isnan(t))
        lua_pushnil(L);
    else if (c->time_form == NMS_TIME_ISO)
        lua_pushstring(L, nms_time_format(t, c->time_form, buf, sizeof buf));
    else
        lua_pushnumber(L, t);
}

/* Fills the table on top with the case's times, each {t, hours, result},
 * and `exposure`, the first time the ruleset finds exposure. [-0, +0] */
static void timeline_points(lua_State *L, struct box *b, struct nms_case *whole,
                            const struct call *call, size_t n, double anchor)
{
    struct nms_case_options opt = {NAN, whole->time_form};
    struct nms_record rec = record_of(b, run_of(L));
    int exposed, found = 0;
    size_t k;

    lua_createtable(L, (int)n, 0);
    for (k = 0; k < n; k++) {
        opt.as_of = b->times[k];
        if (!(b->c = nms_case_read(&rec, &opt)))
            luaL_error(L, "not enough memory");
        lua_createtable(L, 0, 3);
        push_time(L, whole, b->times[k]);
        lua_setfield(L, -2, "t");
        lua_pushnumber(L, b->times[k]);
        lua_setfield(L, -2, "h");
        if (!isnan(anchor)) {
            lua_pushnumber(L, b->times[k] - anchor);
            lua_setfield(L, -2, "hours");
        }
        push_result(L, b, call->e, &exposed);
        lua_setfield(L, -2, "result");
        lua_rawseti(L, -2, (lua_Integer)k + 1);
        if (exposed && !found++) {
            push_time(L, whole, b->times[k]);
            lua_setfield(L, -3, "exposure");
            lua_pushnumber(L, b->times[k]);
            lua_setfield(L, -3, "exposure_h");
        }
    }
    lua_setfield(L, -2, "points");
}

/* nms.timeline(case [, {as_of =, params =}]) -> {anchor = {kind, t},
 * onset, exposure, points = {{t, hours, result}, ...}}, or {error = msg}
 * for a case that does not read. [-0, +1] */
static int l_timeline(lua_State *L)
{
    struct call call;
    struct nms_record rec;
    struct nms_case *whole;
    struct nms_anchor a;
    struct box *b;
    size_t n;

    read_call(L, &call);
    b = new_box(L);
    rec = record_of(b, run_of(L));
    read_case(L, b, &rec, &call);
    whole = b->whole = b->c;
    b->c = NULL; /* the case slot is used per time below */
    lua_createtable(L, 0, 5);
    if (whole->error) {
        /* "path: message", as eval and batch's CSV say which field */
        lua_pushfstring(L, "%s%s%s", whole->error->path,
                        *whole->error->path ? ": " : "",
                        whole->error->message);
        lua_setfield(L, -2, "error");
        return 1;
    }
    if (nms_anchor_find(call.e, &rec, whole, &a) != 0 ||
        nms_case_times(whole, &b->times, &n) != NMS_OK)
        return luaL_error(L, "not enough memory (or the ruleset failed)");
    lua_createtable(L, 0, 2);
    lua_pushstring(L, nms_anchor_name(a.kind));
    lua_setfield(L, -2, "kind");
    push_time(L, whole, a.t);
    lua_setfield(L, -2, "t");
    lua_setfield(L, -2, "anchor");
    push_time(L, whole, whole->onset);
    lua_setfield(L, -2, "onset");
    timeline_points(L, b, whole, &call, n, a.t);
    return 1;
}

/* ---- nms.ruleset -------------------------------------------------------- */

/* nms.ruleset() -> {name, version, title, digest, dir, params = {...},
 * sets = {{id, section, kind}, ...}}. [-0, +1] */
static int l_ruleset(lua_State *L)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(run_of(L)->e);
    size_t i;

    nms_luajson_push_ruleset(L, rs);
    lua_pushstring(L, rs->title);
    lua_setfield(L, -2, "title");
    lua_createtable(L, (int)rs->n_params, 0);
    for (i = 0; i < rs->n_params; i++) {
        lua_pushstring(L, rs->params[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "params");
    lua_createtable(L, (int)rs->n_sets, 0);
    for (i = 0; i < rs->n_sets; i++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, rs->sets[i].id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, nms_section_name(rs->sets[i].section));
        lua_setfield(L, -2, "section");
        lua_pushstring(L, nms_kind_name(rs->sets[i].kind));
        lua_setfield(L, -2, "kind");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "sets");
    return 1;
}

static const luaL_Reg nms_funcs[] = {{"cases", l_cases},
                                     {"evaluate", l_evaluate},
                                     {"timeline", l_timeline},
                                     {"ruleset", l_ruleset},
                                     {NULL, NULL}};

void nms_run_open_cases(lua_State *L, struct nms_run *run)
{
    luaL_newmetatable(L, CASES);
    lua_pushcfunction(L, cases_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    luaL_newmetatable(L, BOX);
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_pushlightuserdata(L, run);
    luaL_setfuncs(L, nms_funcs, 1); /* the run is every function's upvalue */
}

void nms_run_release(struct nms_run *run)
{
    nms_engine_free(run->with_params);
    free(run->params_key);
    run->with_params = NULL;
    run->params_key = NULL;
}
