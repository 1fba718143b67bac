/*
 * ruleset_schema.c - validating what a criteria set module declares: its
 * identity, kind, items, groups, rule, distinguishing points and the
 * fields only some sections have. Each field is checked when the ruleset
 * loads, so that a mistake in a rule file is reported with the file and
 * the field, not on the first case. ruleset.c reads the manifest and calls
 * nms_load_set for each set it names; this file calls nothing there.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "base/base_int.h"
#include "case/text_int.h"
#include "lua/limits.h"
#include "lua/ruleset_schema.h"

/* A criteria set may not declare more items than this; IEC has eight. */
#define NMS_MAX_ITEMS 256

/* Raises "<file>: <context>: <message>" for the module `module`. */
int nms_fail_in(lua_State *L, const char *module, const char *context,
                const char *message)
{
    const char *file = nms_push_module_path(L, module);

    if (context && *context)
        lua_pushfstring(L, "%s: %s: %s", file, context, message);
    else
        lua_pushfstring(L, "%s: %s", file, message);
    return lua_error(L);
}

/* Pushes string field `key` of the table at `idx` and returns 1, or
 * pushes nothing and returns 0 when an optional field is missing; raises
 * naming module and ctx when it is not a string. */
static int push_string_field(lua_State *L, int idx, const char *key,
                             int required, const char *module, const char *ctx)
{
    int type = lua_getfield(L, idx, key);
    size_t at;

    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return 0;
    }
    if (type != LUA_TSTRING) {
        lua_pushfstring(L, "field '%s' must be a string, got %s", key,
                        lua_typename(L, type));
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    /* copied as C strings: a NUL would cut an id or a title short without
     * a word ("c\0\033[2J" became the set "c") */
    if (strlen(lua_tostring(L, -1)) != lua_rawlen(L, -1)) {
        lua_pushfstring(L, "field '%s' must not contain a NUL byte", key);
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    /* Every command prints these, most to a terminal: an escape sequence
     * in a title or a version (ESC[2J, a window title, a bidi override)
     * drove the analyst's terminal from `check`, `params`, `doc`, `test`,
     * `version` and `summary` (session 21). A long one goes into every
     * result record. */
    if (lua_rawlen(L, -1) > NMS_MAX_RULE_STRING) {
        lua_pushfstring(L, "field '%s' is longer than %d bytes", key,
                        (int)NMS_MAX_RULE_STRING);
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    at = nms_text_unsafe_at(lua_tostring(L, -1), lua_rawlen(L, -1));
    if (at < lua_rawlen(L, -1)) {
        /* A line break or a tab is the likely one: a definition pasted
         * from a paper over several lines. Say so, and what to do. */
        char c = lua_tostring(L, -1)[at];

        if (c == '\n' || c == '\r' || c == '\t')
            lua_pushfstring(L, "field '%s' holds a %s (byte %d): write it "
                               "as one line of text",
                            key, c == '\t' ? "tab" : "line break", (int)at + 1);
        else
            lua_pushfstring(L, "field '%s' holds a control character, a "
                               "bidirectional control or invalid UTF-8 (byte %d)",
                            key, (int)at + 1);
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    return 1;
}

/* Copies string field `key` of the table at `idx` into *dst (a malloc'd
 * copy, anchored in the vm before anything can raise again). A missing
 * optional field leaves *dst NULL. */
void nms_take_string(lua_State *L, int idx, const char *key, char **dst,
                     int required, const char *module, const char *ctx)
{
    if (!push_string_field(L, idx, key, required, module, ctx))
        return;
    *dst = nms_strndup(lua_tostring(L, -1), lua_rawlen(L, -1));
    if (!*dst)
        luaL_error(L, "not enough memory");
    lua_pop(L, 1);
}

void nms_take_text(lua_State *L, int idx, const char *key,
                   struct nms_text *text, const char **dst, int required,
                   const char *module, const char *ctx)
{
    if (!push_string_field(L, idx, key, required, module, ctx))
        return;
    *dst = nms_text_add(text, lua_tostring(L, -1), lua_rawlen(L, -1));
    if (!*dst)
        luaL_error(L, "not enough memory");
    lua_pop(L, 1);
}

static double take_number(lua_State *L, int idx, const char *key,
                          const char *module, const char *ctx)
{
    double value;

    if (lua_getfield(L, idx, key) != LUA_TNUMBER) {
        lua_pushfstring(L, "field '%s' must be a number, got %s", key,
                        luaL_typename(L, -1));
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    value = lua_tonumber(L, -1);
    /* 0/0 or math.huge would pass every later check (NaN compares false)
     * and then make every verdict indeterminate, or a score that JSON
     * cannot write (null) */
    if (!isfinite(value)) {
        lua_pushfstring(L, "field '%s' must be a finite number", key);
        nms_fail_in(L, module, ctx, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    return value;
}

/* Identifiers (set and item ids) are lower_snake_case, so they are safe as
 * JSON keys, CSV column names and REPL arguments. */
static int valid_id(const char *id)
{
    if (!*id || !(*id >= 'a' && *id <= 'z'))
        return 0;
    for (; *id; id++)
        if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9') ||
              *id == '_'))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------
 * Sets
 * --------------------------------------------------------------------- */

/* Limits on what one set may declare; generous next to any published
 * criteria set (IEC has 8 items, DSM-IV-TR 4 groups, Hunter 5 branches). */
#define NMS_MAX_GROUPS 32
#define NMS_MAX_ALTS 16
#define NMS_MAX_NOTES 64

/* What a section accepts: severity and differentials are rules with
 * levels, risk factors a checklist, criteria a score or a rule. */
static int kind_allowed(enum nms_section section, enum nms_set_kind kind)
{
    switch (section) {
    case NMS_SECTION_CRITERIA: return kind != NMS_KIND_CHECKLIST;
    case NMS_SECTION_SEVERITY:
    case NMS_SECTION_DIFFERENTIAL: return kind == NMS_KIND_GROUPS;
    case NMS_SECTION_RISK_FACTORS: return kind == NMS_KIND_CHECKLIST;
    }
    return 0;
}

/* Index of the group called `id` in `set`, or set->n_groups. */
static size_t find_group(const struct nms_set_def *set, const char *id)
{
    size_t g;

    for (g = 0; g < set->n_groups; g++)
        if (strcmp(set->groups[g].id, id) == 0)
            break;
    return g;
}

/* The file and first line of the function on top, for error messages. */
char *nms_function_source(lua_State *L, long *line)
{
    lua_Debug ar;
    char *file;

    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    *line = ar.linedefined;
    file = nms_strndup(ar.source[0] == '@' ? ar.source + 1 : ar.source,
                       strlen(ar.source));
    if (!file)
        luaL_error(L, "not enough memory");
    return file;
}

/* The check function of the item table at `top` into item (its reference
 * and where it is defined); leaves the stack at `top`. */
static void take_check(lua_State *L, int top, struct nms_item_def *item,
                       const char *module, const char *ctx)
{
    if (lua_getfield(L, top, "check") != LUA_TFUNCTION)
        FAIL(L, module, ctx, "field 'check' must be a function, got %s",
             luaL_typename(L, -1));
    item->file = nms_function_source(L, &item->line);
    item->check_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, top);
}

/* Validates item `i` (the table on top) of the set being loaded. */
static void load_item(lua_State *L, struct nms_set_def *set, size_t i,
                      struct nms_text *text, const char *module)
{
    struct nms_item_def *item = &set->items[i];
    int top = lua_gettop(L);
    char ctx[160];
    char *group = NULL;

    snprintf(ctx, sizeof ctx, "set '%s': item %zu", set->id, i + 1);
    if (!lua_istable(L, top))
        nms_fail_in(L, module, ctx, "must be a table");
    nms_take_text(L, top, "id", text, &item->id, 1, module, ctx);
    if (!valid_id(item->id))
        nms_fail_in(L, module, ctx, "id must be lower_snake_case");
    snprintf(ctx, sizeof ctx, "set '%s': item '%s'", set->id, item->id);
    nms_take_text(L, top, "title", text, &item->title, 1, module, ctx);
    nms_take_text(L, top, "definition", text, &item->definition, 0, module,
                  ctx);
    nms_take_text(L, top, "needs", text, &item->needs, 1, module, ctx);
    nms_take_text(L, top, "feature", text, &item->feature, 0, module, ctx);
    nms_take_text(L, top, "source", text, &item->source, 0, module, ctx);
    if (item->feature && !valid_id(item->feature))
        nms_fail_in(L, module, ctx, "feature must be lower_snake_case");
    if (set->kind == NMS_KIND_POINTS) {
        item->points = take_number(L, top, "points", module, ctx);
        if (!(item->points > 0))
            nms_fail_in(L, module, ctx, "points must be greater than 0");
    } else if (lua_getfield(L, top, "points") != LUA_TNIL) {
        FAIL(L, module, ctx, "points belong to kind \"points\" only; this "
                             "set is kind \"%s\"", nms_kind_name(set->kind));
    }
    lua_settop(L, top);
    if (set->kind == NMS_KIND_GROUPS) {
        nms_take_string(L, top, "group", &group, 1, module, ctx);
        item->group = find_group(set, group);
        if (item->group == set->n_groups) {
            lua_pushfstring(L, "group '%s' is not declared in 'groups'", group);
            free(group);
            nms_fail_in(L, module, ctx, lua_tostring(L, -1));
        }
        free(group);
        set->groups[item->group].size++;
    }
    if (set->section == NMS_SECTION_RISK_FACTORS && !item->source)
        nms_fail_in(L, module, ctx, "a risk factor needs its 'source'");
    take_check(L, top, item, module, ctx);
}

/* Rejects a second item with the same id: results are keyed by it. */
static void check_unique_items(lua_State *L, const struct nms_set_def *set,
                               const char *module)
{
    size_t i, j;

    for (i = 0; i < set->n_items; i++)
        for (j = 0; j < i; j++)
            if (strcmp(set->items[i].id, set->items[j].id) == 0)
                FAIL(L, module, set->id, "duplicate item id '%s'",
                     set->items[i].id);
}

/* Opens list field `key` of the table at `idx` (pushing it) and returns
 * its length, checked against 1..max; a missing optional list is 0 and
 * pushes nothing. */
static size_t open_list(lua_State *L, int idx, const char *key, size_t max,
                        int required, const char *module, const char *ctx)
{
    int type = lua_getfield(L, idx, key);
    lua_Unsigned n;

    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return 0;
    }
    if (type != LUA_TTABLE)
        FAIL(L, module, ctx, "field '%s' must be a list", key);
    n = lua_rawlen(L, -1);
    if (n == 0 || n > max)
        FAIL(L, module, ctx, "'%s' must have between 1 and %d entries", key,
             (int)max);
    return (size_t)n;
}

void *nms_alloc_array(lua_State *L, size_t n, size_t size)
{
    void *p = calloc(n, size);

    if (!p)
        luaL_error(L, "not enough memory");
    return p;
}

/* Pushes entry i of the list on top, which must be a table of `shape`,
 * and names it in ctx ("set 'x': group 2") for the messages about it. */
static void open_entry(lua_State *L, const struct nms_set_def *set,
                       const char *list, size_t i, const char *shape,
                       const char *module, char *ctx, size_t size)
{
    snprintf(ctx, size, "set '%s': %s %zu", set->id, list, i + 1);
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE)
        FAIL(L, module, ctx, "must be a table %s", shape);
}

/* groups = { {id=, title=}, ... } */
static void load_groups(lua_State *L, struct nms_set_def *set, int top,
                        struct nms_text *text, const char *module)
{
    size_t n = open_list(L, top, "groups", NMS_MAX_GROUPS, 1, module, set->id);
    size_t g;

    set->groups = nms_alloc_array(L, n, sizeof *set->groups);
    for (g = 0; g < n; g++) {
        struct nms_group_def *group = &set->groups[g];
        char ctx[160];
        open_entry(L, set, "group", g, "{id = ..., title = ...}", module, ctx,
                   sizeof ctx);
        set->n_groups = g + 1;
        nms_take_text(L, -1, "id", text, &group->id, 1, module, ctx);
        if (!valid_id(group->id))
            nms_fail_in(L, module, ctx, "id must be lower_snake_case");
        nms_take_text(L, -1, "title", text, &group->title, 1, module, ctx);
        if (find_group(set, group->id) != g)
            FAIL(L, module, set->id, "duplicate group id '%s'", group->id);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* One `need` table {group = count | "all"} on top, into alt->needs in the
 * order the groups are declared (so results read the same every run). */
static void load_needs(lua_State *L, struct nms_set_def *set,
                       struct nms_alternative *alt, const char *module,
                       const char *ctx)
{
    int need = lua_gettop(L);
    size_t g;

    if (!lua_istable(L, need))
        nms_fail_in(L, module, ctx,
                    "field 'need' must be a table {group = count}");
    lua_pushnil(L);
    while (lua_next(L, need)) {
        if (lua_type(L, -2) != LUA_TSTRING ||
            find_group(set, lua_tostring(L, -2)) == set->n_groups)
            FAIL(L, module, ctx, "'need' names %s, which is not a group of "
                                 "this set", luaL_tolstring(L, -2, NULL));
        lua_pop(L, 1);
    }
    alt->needs = nms_alloc_array(L, set->n_groups, sizeof *alt->needs);
    for (g = 0; g < set->n_groups; g++) {
        struct nms_need *n = &alt->needs[alt->n_needs];
        int type = lua_getfield(L, need, set->groups[g].id);
        lua_Integer count;
        int exact;

        if (type == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        n->group = g;
        if (type == LUA_TSTRING && strcmp(lua_tostring(L, -1), "all") == 0) {
            n->count = set->groups[g].size;
        } else {
            count = lua_tointegerx(L, -1, &exact);
            if (!exact || count < 1 || (size_t)count > set->groups[g].size)
                FAIL(L, module, ctx, "need for group '%s' must be \"all\" or "
                                     "a whole number from 1 to %d",
                     set->groups[g].id, (int)set->groups[g].size);
            n->count = (size_t)count;
        }
        alt->n_needs++;
        lua_pop(L, 1);
    }
    if (alt->n_needs == 0)
        nms_fail_in(L, module, ctx, "'need' must name at least one group");
}

/* rule = { {level = "definite", need = {...}}, ... } */
static void load_rule(lua_State *L, struct nms_set_def *set, int top,
                      const char *module)
{
    size_t n = open_list(L, top, "rule", NMS_MAX_ALTS, 1, module, set->id);
    size_t a, g;

    for (g = 0; g < set->n_groups; g++)
        if (set->groups[g].size == 0)
            FAIL(L, module, set->id, "group '%s' has no items",
                 set->groups[g].id);
    set->alts = nms_alloc_array(L, n, sizeof *set->alts);
    for (a = 0; a < n; a++) {
        struct nms_alternative *alt = &set->alts[a];
        char ctx[160];
        open_entry(L, set, "rule", a, "{level = ..., need = {...}}", module,
                   ctx, sizeof ctx);
        set->n_alts = a + 1;
        nms_take_string(L, -1, "level", &alt->level, 0, module, ctx);
        if (alt->level && !valid_id(alt->level))
            nms_fail_in(L, module, ctx, "level must be lower_snake_case");
        lua_getfield(L, -1, "need");
        load_needs(L, set, alt, module, ctx);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    if (set->section == NMS_SECTION_SEVERITY)
        for (a = 0; a < set->n_alts; a++)
            if (!set->alts[a].level || strcmp(set->alts[a].level, "none") == 0)
                nms_fail_in(L, module, set->id, "every rule of a severity "
                            "set names its tier as 'level' (and none is "
                            "\"none\")");
}

/* distinguishing = { {text=, source=}, ... } */
static void load_notes(lua_State *L, struct nms_set_def *set, int top,
                       struct nms_text *text, const char *module)
{
    size_t n = open_list(L, top, "distinguishing", NMS_MAX_NOTES, 0, module,
                         set->id);
    size_t i;

    if (n == 0)
        return;
    set->notes = nms_alloc_array(L, n, sizeof *set->notes);
    for (i = 0; i < n; i++) {
        char ctx[160];
        open_entry(L, set, "distinguishing", i, "{text = ..., source = ...}",
                   module, ctx, sizeof ctx);
        set->n_notes = i + 1;
        nms_take_text(L, -1, "text", text, &set->notes[i].text, 1, module,
                      ctx);
        nms_take_text(L, -1, "source", text, &set->notes[i].source, 1, module,
                      ctx);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* presupposes = {id=, title=, definition=, needs=, check=, required=}: what
 * a criteria set, as criteria *for NMS*, takes for granted without an item
 * of its own to score it (a dopamine antagonist for Levenson 1985), or
 * scores with weights only (IEC 2011 item 1). Its check is asked once the
 * set is met; `required` (default false) makes the verdict follow it. */
static void load_presupposes(lua_State *L, struct nms_set_def *set, int top,
                             struct nms_text *text, const char *module)
{
    struct nms_item_def *p;
    char ctx[160];
    int type = lua_getfield(L, top, "presupposes");

    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    snprintf(ctx, sizeof ctx, "set '%s': presupposes", set->id);
    if (set->section != NMS_SECTION_CRITERIA)
        nms_fail_in(L, module, set->id,
                    "'presupposes' belongs to NMS criteria sets");
    if (type != LUA_TTABLE)
        nms_fail_in(L, module, ctx, "must be a table {id = ..., title = ..., "
                                    "needs = ..., check = ...}");
    set->presupposes = p = nms_alloc_array(L, 1, sizeof *p);
    p->check_ref = LUA_NOREF;
    top = lua_gettop(L);
    nms_take_text(L, top, "id", text, &p->id, 1, module, ctx);
    if (!valid_id(p->id))
        nms_fail_in(L, module, ctx, "id must be lower_snake_case");
    nms_take_text(L, top, "title", text, &p->title, 1, module, ctx);
    nms_take_text(L, top, "definition", text, &p->definition, 0, module, ctx);
    nms_take_text(L, top, "needs", text, &p->needs, 1, module, ctx);
    type = lua_getfield(L, top, "required");
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        nms_fail_in(L, module, ctx, "field 'required' must be a boolean");
    set->presupposes_required = lua_toboolean(L, -1);
    lua_pop(L, 1);
    take_check(L, top, p, module, ctx);
    lua_pop(L, 1);
}

/* The fields only some sections have: rejected elsewhere, so a misplaced
 * field is an error rather than silently ignored. */
static void load_section_fields(lua_State *L, struct nms_set_def *set,
                                int top, struct nms_text *text,
                                const char *module)
{
    int differential = set->section == NMS_SECTION_DIFFERENTIAL;
    int type;

    if (lua_getfield(L, top, "actions") != LUA_TNIL) {
        if (set->section != NMS_SECTION_SEVERITY)
            nms_fail_in(L, module, set->id,
                        "'actions' belongs to the severity set");
        if (!lua_isfunction(L, -1))
            nms_fail_in(L, module, set->id, "field 'actions' must be a "
                        "function (case, tier) returning a list");
        set->actions_file = nms_function_source(L, &set->actions_line);
        set->actions_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        lua_pop(L, 1);
    }
    type = lua_getfield(L, top, "screen");
    if (type != LUA_TNIL && (!differential || type != LUA_TBOOLEAN))
        nms_fail_in(L, module, set->id,
                    "'screen' is a boolean of differentials");
    set->screen = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!differential) {
        if (lua_getfield(L, top, "distinguishing") != LUA_TNIL ||
            lua_getfield(L, top, "overlap") != LUA_TNIL)
            nms_fail_in(L, module, set->id, "'distinguishing' and 'overlap' "
                                            "belong to differentials");
        lua_pop(L, 2);
        return;
    }
    load_notes(L, set, top, text, module);
    nms_take_string(L, top, "overlap", &set->overlap, 0, module, set->id);
}

/* Validates the set returned by `module` (on top) into *set. */
void nms_load_set(lua_State *L, struct nms_set_def *set, struct nms_text *text,
                  const char *module, enum nms_section section)
{
    int top = lua_gettop(L);
    char *kind = NULL;
    size_t n, i;

    set->section = section;
    set->actions_ref = LUA_NOREF;
    if (!lua_istable(L, top))
        nms_fail_in(L, module, NULL, "a set module must return a table");
    nms_take_text(L, top, "id", text, &set->id, 1, module, "set");
    if (!valid_id(set->id))
        nms_fail_in(L, module, "set", "id must be lower_snake_case");
    nms_take_text(L, top, "title", text, &set->title, 1, module, set->id);
    nms_take_text(L, top, "version", text, &set->version, 1, module, set->id);
    nms_take_text(L, top, "citation", text, &set->citation, 1, module,
                  set->id);
    nms_take_string(L, top, "kind", &kind, 1, module, set->id);
    for (i = 0; i < 3 && strcmp(kind, nms_kind_name((enum nms_set_kind)i)) != 0;
         i++)
        ;
    free(kind);
    if (i == 3)
        nms_fail_in(L, module, set->id, "kind must be \"points\", "
                    "\"groups\" or \"checklist\"");
    set->kind = (enum nms_set_kind)i;
    if (!kind_allowed(section, set->kind))
        FAIL(L, module, set->id, "a %s set cannot be kind \"%s\"",
             nms_section_name(section), nms_kind_name(set->kind));
    if (set->kind == NMS_KIND_POINTS)
        set->threshold = take_number(L, top, "threshold", module, set->id);
    if (set->kind == NMS_KIND_GROUPS)
        load_groups(L, set, top, text, module);
    load_section_fields(L, set, top, text, module);
    load_presupposes(L, set, top, text, module);
    n = open_list(L, top, "items", NMS_MAX_ITEMS, 1, module, set->id);
    set->items = nms_alloc_array(L, n, sizeof *set->items);
    for (i = 0; i < n; i++) {
        set->items[i].check_ref = LUA_NOREF;
        set->n_items = i + 1;
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        load_item(L, set, i, text, module);
        lua_pop(L, 1);
    }
    check_unique_items(L, set, module);
    lua_pop(L, 1);
    if (set->kind == NMS_KIND_GROUPS)
        load_rule(L, set, top, module);
    lua_settop(L, top);
}

void nms_release_set(struct nms_set_def *set)
{
    size_t i;

    for (i = 0; i < set->n_items; i++)
        free(set->items[i].file);
    for (i = 0; i < set->n_alts; i++) {
        free(set->alts[i].level);
        free(set->alts[i].needs);
    }
    if (set->presupposes) {
        free(set->presupposes->file);
        free(set->presupposes);
    }
    free(set->actions_file);
    free(set->items);
    free(set->groups);
    free(set->alts);
    free(set->notes);
    free(set->overlap);
}
