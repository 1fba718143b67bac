/*
 * limits.c - the limits the instruction budget alone cannot enforce.
 *
 * The count hook (below, installed by sandbox.c) sees Lua instructions
 * only. One instruction can start a lot of work in C: table.move over 2^40
 * slots, string.rep or upper on megabytes, a pattern that backtracks. So:
 *   - every function of the string, table and utf8 libraries is wrapped:
 *     the wrapper charges its work (elements touched, bytes read and
 *     written) to the same budget, refusing up front what cannot fit, and
 *     reads the CPU clock and the interrupt flag after costly calls;
 *   - a CPU-time limit per case (as Wikipedia's LuaSandbox has), read
 *     from the hook and from those wrappers, catches what is left;
 *   - strings copied out of rule results into C are bounded;
 *   - what would make output differ between two runs of the same input is
 *     made deterministic: math.random is seeded alike at every case, and
 *     tostring/string.format name tables by a per-case number, never by
 *     their address (string.format's %p is refused);
 *   - rules may not set finalizers (__gc): Lua runs them with hooks off,
 *     where no limit reaches, and again in lua_close at exit.
 * See docs/security.md for each limit and its test.
 */
#include <limits.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/limits.h"

/* Bytes of C work that count as one Lua instruction: upper() on 16 bytes
 * takes about as long as one instruction of the VM. */
#define BYTES_PER_INSTRUCTION 16.0

/* Work charged in C between two readings of the clock and the interrupt
 * flag, besides the hook's own: about a millisecond of C. */
#define COSTLY_CALL 65536.0

/* Registry keys. */
#define KEY_RANDOMSEED "nms.limits.randomseed"
#define KEY_IDS "nms.limits.ids"

/* ------------------------------------------------------------------------
 * CPU time and charging
 * --------------------------------------------------------------------- */

static long long cpu_now(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Hook calls between two readings of the CPU clock (a system call):
 * every 16,000 instructions, well under a millisecond. */
#define NMS_CLOCK_EVERY 16

/* Count hook: once a unit of work is over budget (or time, or
 * interrupted, or abandoned) it stays so, and from then on the hook runs
 * before every instruction, so no pcall, however deep, can swallow the
 * stop. In an unhooked run it is the watchdog's tick (set with a count of
 * 1 by the signal handler), which reads the clock and the interrupt flag
 * here, outside the handler, and takes itself off again unless the run
 * must stop. */
void nms_limits_hook(lua_State *L, lua_Debug *ar)
{
    struct nms_vm *vm = nms_vm_of(L);

    (void)ar;
    if (vm->budget == 0)
        return;
    if (vm->unhooked && !vm->stopping) {
        if (!nms_limits_check(vm)) {
            /* A tick that lands between the check and this call is lost;
             * the next comes NMS_WATCH_PERIOD_NS later. */
            lua_sethook(L, NULL, 0, 0);
            return;
        }
    } else if (!vm->stopping) {
        vm->instructions += NMS_HOOK_INTERVAL;
        if (vm->instructions > vm->budget)
            vm->over_budget = 1;
        if (vm->interrupt && *vm->interrupt)
            vm->interrupted = 1;   /* the program asked to stop (Ctrl-C) */
        if (vm->clock_countdown-- == 0) {
            vm->clock_countdown = NMS_CLOCK_EVERY;
            nms_limits_check(vm);
        }
    }
    if (vm->interrupted || vm->over_budget || vm->over_time || vm->abandoned)
        nms_limits_stop(vm);
    if (vm->interrupted)
        luaL_error(L, "interrupted");
    if (vm->over_budget)
        luaL_error(L, "instruction budget of %I exceeded",
                   (lua_Integer)vm->budget);
    if (vm->over_time)
        luaL_error(L, "CPU time limit of %I ms exceeded",
                   (lua_Integer)vm->cpu_ms);
    if (vm->abandoned)   /* never printed: the case runs again, counted */
        luaL_error(L, "stopped unhooked; evaluated again counting");
}

void nms_limits_stop(struct nms_vm *vm)
{
    if (vm->stopping || vm->budget == 0)
        return;
    vm->stopping = 1;
    lua_sethook(vm->L, nms_limits_hook, LUA_MASKCOUNT, 1);
}

void nms_limits_begin(struct nms_vm *vm, const struct nms_limits *limits)
{
    vm->cpu_ms = limits && limits->cpu_ms ? limits->cpu_ms
                                          : NMS_DEFAULT_CPU_MS;
    vm->over_time = 0;
    /* The clock was just read: the hook's first reading comes a full
     * NMS_CLOCK_EVERY calls later, as every later one does, rather than
     * at its first call (a second system call per case, ~1,000
     * instructions into it). */
    vm->clock_countdown = NMS_CLOCK_EVERY;
    vm->since_clock = 0;
    vm->cpu_start = cpu_now();
}

void nms_limits_restart(struct nms_vm *vm)
{
    vm->over_time = 0;
    vm->clock_countdown = NMS_CLOCK_EVERY;
    vm->since_clock = 0;
}

int nms_limits_check(struct nms_vm *vm)
{
    long long spent;

    if (vm->budget == 0)
        return 0;
    if (vm->interrupt && *vm->interrupt)
        vm->interrupted = 1;
    spent = cpu_now() - vm->cpu_start;
    if (!vm->over_time && spent > (vm->cpu_ms > LLONG_MAX / 1000000
                                       ? LLONG_MAX
                                       : (long long)vm->cpu_ms * 1000000LL))
        vm->over_time = 1;
    if (vm->unhooked && spent > vm->watch_ns)
        vm->abandoned = 1;   /* the watchdog's time is up */
    if (vm->interrupted || vm->over_budget || vm->over_time || vm->abandoned) {
        nms_limits_stop(vm);
        return 1;
    }
    return 0;
}

/* Raises the error of the limit that stopped the unit of work. */
static int raise_stop(lua_State *L, struct nms_vm *vm)
{
    nms_limits_stop(vm);
    if (vm->interrupted)
        return luaL_error(L, "interrupted");
    if (vm->over_time)
        return luaL_error(L, "CPU time limit of %I ms exceeded",
                          (lua_Integer)vm->cpu_ms);
    if (vm->abandoned)   /* never printed: the case runs again, counted */
        return luaL_error(L, "stopped unhooked; evaluated again counting");
    return luaL_error(L, "instruction budget of %I exceeded",
                      (lua_Integer)vm->budget);
}

void nms_limits_charge(lua_State *L, double units)
{
    struct nms_vm *vm = nms_vm_of(L);

    if (vm->budget == 0)
        return;
    if (!(units >= 0))
        units = 0;      /* a lying __len, or NaN: nothing to charge */
    if (units >= (double)(vm->budget - vm->instructions) ||
        vm->instructions > vm->budget) {
        vm->instructions = vm->budget + 1;
        /* Unhooked, the VM's own instructions went uncounted: where the
         * budget ran out, and so the error, is the counted run's to say. */
        if (vm->unhooked)
            vm->abandoned = 1;
        else
            vm->over_budget = 1;
    } else {
        vm->instructions += (unsigned long)units;
    }
    vm->since_clock += units;
    if (vm->since_clock >= COSTLY_CALL) {
        vm->since_clock = 0;
        nms_limits_check(vm);
    }
    if (vm->over_budget || vm->interrupted || vm->over_time || vm->abandoned)
        raise_stop(L, vm);
}

/* ------------------------------------------------------------------------
 * Runs without the hook, under the watchdog
 * --------------------------------------------------------------------- */

int nms_limits_watch(struct nms_vm *vm)
{
    long long watch, cpu_limit;

    if (vm->budget == 0 || vm->watchdog_us == NMS_WATCHDOG_EXACT ||
        vm->cpu_start <= 0)
        return 0;
    if (vm->watchdog_us) {
        watch = vm->watchdog_us > (unsigned long)(LLONG_MAX / 1000)
                    ? LLONG_MAX
                    : (long long)vm->watchdog_us * 1000LL;
    } else {
        /* The time the whole budget takes at the fastest rate: an honest
         * case (~1.5 ms for the full ruleset here) never comes near.
         * Saturated: at a lower rate (the callgrind build's) a large
         * budget's nanoseconds pass LLONG_MAX. */
        unsigned long long us = vm->budget / NMS_FASTEST_INSTRUCTIONS_PER_US;

        watch = us > (unsigned long long)(LLONG_MAX / 1000) ? LLONG_MAX
                                                            : (long long)us * 1000LL;
        if (watch < NMS_WATCH_MIN_NS)
            return 0;
    }
    cpu_limit = vm->cpu_ms > LLONG_MAX / 1000000 ? LLONG_MAX
                                                 : (long long)vm->cpu_ms * 1000000LL;
    if (watch > cpu_limit)
        watch = cpu_limit;   /* the CPU-time limit is the counted run's */
    vm->watch_ns = watch;
    /* Off before armed: a first tick must not find the exact hook on. */
    lua_sethook(vm->L, NULL, 0, 0);
    vm->unhooked = 1;
    if (nms_watchdog_arm(&vm->watchdog, vm->L, nms_limits_hook,
                         watch < NMS_WATCH_PERIOD_NS ? watch
                                                     : NMS_WATCH_PERIOD_NS,
                         NMS_WATCH_PERIOD_NS) != 0) {
        vm->unhooked = 0;
        lua_sethook(vm->L, nms_limits_hook, LUA_MASKCOUNT, NMS_HOOK_INTERVAL);
        return 0;
    }
    return 1;
}

int nms_limits_unwatch(struct nms_vm *vm)
{
    long long spent;
    double room;

    if (!vm->unhooked)
        return 0;
    nms_watchdog_disarm(&vm->watchdog);
    vm->unhooked = 0;
    if (vm->abandoned || vm->over_budget || vm->over_time || vm->interrupted)
        return 1;
    /* What the run's CPU time proves: at most spent x the fastest rate VM
     * instructions, plus the work charged in C, which was counted. Below
     * the budget (strictly: a charge that would reach it is refused),
     * counting would have reached the same end by the same steps (no rule
     * can see the count, and the hook allocates nothing), so the run's
     * outcome stands. */
    spent = cpu_now() - vm->cpu_start;
    room = (double)vm->budget - (double)vm->instructions;
    return !(spent >= 0 &&
             (double)spent / 1000.0 *
                     (double)NMS_FASTEST_INSTRUCTIONS_PER_US < room);
}

/* ------------------------------------------------------------------------
 * Wrapped library functions
 * --------------------------------------------------------------------- */

/* What a wrapped function costs besides the bytes it returns, known
 * before it runs. */
enum cost {
    COST_OUTPUT,  /* only what it returns */
    COST_SCAN,    /* the subject it reads whole: (s, ...) */
    COST_SCAN_FROM, /* the subject it reads from init: (s, pattern, init) */
    COST_REP,     /* string.rep(s, n, sep): the result it would build */
    COST_RANGE,   /* unpack(t, i, j): j - i + 1 elements */
    COST_CONCAT,  /* concat(t, sep, i, j): j - i + 1 elements */
    COST_MOVE,    /* table.move(a, f, e, t): e - f + 1 elements */
    COST_INSERT,  /* table.insert(t, pos, v): #t - pos + 1 elements shifted */
    COST_REMOVE,  /* table.remove(t, pos): #t - pos elements shifted */
    COST_SORT,    /* table.sort: n log n comparisons */
    COST_FORMAT   /* string.format: %p refused, tables named by number */
};

static const struct {
    const char *lib, *name;
    enum cost cost;
} wrapped[] = {
    {LUA_STRLIBNAME, "rep", COST_REP},
    {LUA_STRLIBNAME, "format", COST_FORMAT},
    {LUA_TABLIBNAME, "concat", COST_CONCAT},
    {LUA_TABLIBNAME, "unpack", COST_RANGE},
    {LUA_TABLIBNAME, "move", COST_MOVE},
    {LUA_TABLIBNAME, "insert", COST_INSERT},
    {LUA_TABLIBNAME, "remove", COST_REMOVE},
    {LUA_TABLIBNAME, "sort", COST_SORT},
    {LUA_STRLIBNAME, "find", COST_SCAN_FROM},
    {LUA_STRLIBNAME, "match", COST_SCAN_FROM},
    {LUA_STRLIBNAME, "gmatch", COST_SCAN_FROM},
    {LUA_STRLIBNAME, "gsub", COST_SCAN},
    {LUA_UTF8LIBNAME, "len", COST_SCAN},
    {LUA_UTF8LIBNAME, "offset", COST_SCAN},
    {NULL, NULL, COST_OUTPUT}};

/* Elements from i to j (arguments at idx, idx + 1; j defaults to #t of
 * the table, argument 1), as a double so huge ranges do not wrap.
 * table.unpack(t, i, j) and table.concat(t, sep, i, j) both default j
 * to #t; concat's sep sits between, so the table is not always at
 * idx - 1 (taking it from there charged a concat by the length of its
 * separator, and failed on a number separator). */
static double range_at(lua_State *L, int idx)
{
    lua_Integer i = luaL_optinteger(L, idx, 1);
    lua_Integer j = lua_isnoneornil(L, idx + 1) ? luaL_len(L, 1)
                                               : luaL_checkinteger(L, idx + 1);

    return j >= i ? (double)j - (double)i + 1 : 0;
}

static double string_bytes(lua_State *L, int from, int to)
{
    double bytes = 0;
    int i;

    for (i = from; i <= to; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += (double)lua_rawlen(L, i);
    return bytes;
}

static void format_args(lua_State *L);

/* Bytes of the subject at 1 read from the position at `init` (0: none)
 * to its end. */
static double scanned(lua_State *L, int init)
{
    lua_Integer len = (lua_Integer)lua_rawlen(L, 1), from = 1;

    if (lua_type(L, 1) != LUA_TSTRING)
        return 0;
    if (init && lua_type(L, init) == LUA_TNUMBER && lua_isinteger(L, init)) {
        from = lua_tointeger(L, init);
        if (from < 0)
            from = from < -len ? 1 : len + from + 1;
        else if (from == 0)
            from = 1;
    }
    return from > len ? 0 : (double)(len - from + 1);
}

/* Elements table.insert or table.remove will shift: from the position
 * given (argument 2) to the end; none for an append or a pop. */
static double shifted(lua_State *L, enum cost cost)
{
    lua_Integer n, pos;

    luaL_checktype(L, 1, LUA_TTABLE);
    if (cost == COST_INSERT ? lua_gettop(L) != 3 : lua_isnoneornil(L, 2))
        return 0;
    pos = luaL_checkinteger(L, 2);
    n = luaL_len(L, 1);
    return n >= pos ? (double)n - (double)pos + 1 : 0;
}

/* The work a call of kind `cost` will do, in instructions, from its
 * arguments (at 1..top). */
static double cost_before(lua_State *L, enum cost cost)
{
    double n;

    switch (cost) {
    case COST_REP:
        n = (double)luaL_checkinteger(L, 2);
        luaL_checkstring(L, 1);
        if (n <= 0)
            return 0;
        return n * (string_bytes(L, 1, 1) + string_bytes(L, 3, 3)) /
               BYTES_PER_INSTRUCTION;
    case COST_RANGE:
    case COST_CONCAT:
        luaL_checktype(L, 1, LUA_TTABLE);
        return range_at(L, cost == COST_CONCAT ? 3 : 2);
    case COST_MOVE:
        n = (double)luaL_checkinteger(L, 3) - (double)luaL_checkinteger(L, 2);
        return n >= 0 ? n + 1 : 0;
    case COST_INSERT:
    case COST_REMOVE:
        return shifted(L, cost);
    case COST_SORT:
        luaL_checktype(L, 1, LUA_TTABLE);
        n = (double)luaL_len(L, 1);
        return n > 1 ? n * log2(n) : n;
    case COST_SCAN:
    case COST_SCAN_FROM:
        return scanned(L, cost == COST_SCAN_FROM ? 3 : 0) /
               BYTES_PER_INSTRUCTION;
    case COST_FORMAT:
    case COST_OUTPUT:
        break;
    }
    return 0;
}

/* A wrapped library function: upvalue 1 is the original, upvalue 2 its
 * cost kind. Charges what the call will do, calls it, then charges the
 * values and bytes it returned. */
static int l_metered(lua_State *L)
{
    enum cost cost = (enum cost)lua_tointeger(L, lua_upvalueindex(2));
    int n = lua_gettop(L);

    if (cost == COST_FORMAT)
        format_args(L);
    if (nms_vm_of(L)->budget)
        nms_limits_charge(L, cost_before(L, cost) + 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    n = lua_gettop(L);
    if (nms_vm_of(L)->budget)
        nms_limits_charge(L, n + string_bytes(L, 1, n) / BYTES_PER_INSTRUCTION);
    return n;
}

/* The cost kind of lib.name. */
static enum cost cost_of(const char *lib, const char *name)
{
    int i;

    for (i = 0; wrapped[i].lib; i++)
        if (strcmp(wrapped[i].lib, lib) == 0 &&
            strcmp(wrapped[i].name, name) == 0)
            return wrapped[i].cost;
    return COST_OUTPUT;
}

static void keep_randomseed(lua_State *L);

void nms_limits_wrap_library(lua_State *L, const char *lib)
{
    int real = lua_gettop(L), originals;

    if (strcmp(lib, LUA_MATHLIBNAME) == 0) {
        keep_randomseed(L);   /* math works in constant time: not wrapped */
        return;
    }

    /* Error messages of the originals ("bad argument #1 to 'string.rep'")
     * find their names in the loaded table: keep the originals there. */
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_newtable(L);
    originals = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, real)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, originals);       /* originals[k] = v; k stays */
    }
    lua_setfield(L, -2, lib);
    lua_pop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, real)) {
        if (lua_iscfunction(L, -1) && lua_type(L, -2) == LUA_TSTRING) {
            lua_pushinteger(L, cost_of(lib, lua_tostring(L, -2)));
            lua_pushcclosure(L, l_metered, 2);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, real);        /* real[k] = wrapper; k stays */
        } else {
            lua_pop(L, 1);
        }
    }
}

/* ------------------------------------------------------------------------
 * Determinism: no addresses, the same random numbers every run
 * --------------------------------------------------------------------- */

/* [-0, +1] Pushes the table of object numbers of this unit of work,
 * making a new one (weak-keyed) when the last one is from an earlier. */
static void push_ids(lua_State *L)
{
    struct nms_vm *vm = nms_vm_of(L);

    if (lua_getfield(L, LUA_REGISTRYINDEX, KEY_IDS) == LUA_TTABLE) {
        lua_getfield(L, -1, "epoch");
        if ((unsigned long)lua_tointeger(L, -1) == vm->epoch) {
            lua_pop(L, 1);
            return;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushinteger(L, (lua_Integer)vm->epoch);
    lua_setfield(L, -2, "epoch");
    lua_pushinteger(L, 0);
    lua_setfield(L, -2, "n");
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_IDS);
}

/* [-0, +1] Pushes "table: #3" for the value at idx: its number in order
 * of first mention within this case (the same table keeps its number for
 * the case; the numbers start again at the next case). */
static void push_object_name(lua_State *L, int idx)
{
    lua_Integer id;

    idx = lua_absindex(L, idx);
    push_ids(L);
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) == LUA_TNUMBER) {
        id = lua_tointeger(L, -1);
    } else {
        lua_getfield(L, -2, "n");
        id = lua_tointeger(L, -1) + 1;
        lua_pop(L, 1);
        lua_pushinteger(L, id);
        lua_setfield(L, -3, "n");
        lua_pushvalue(L, idx);
        lua_pushinteger(L, id);
        lua_rawset(L, -4);              /* ids[object] = id */
    }
    lua_pop(L, 2);
    lua_pushfstring(L, "%s: #%I", luaL_typename(L, idx), id);
}

/* Whether the value at idx would print with its address. */
static int shows_address(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TUSERDATA:
    case LUA_TTHREAD:
    case LUA_TLIGHTUSERDATA:
        if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
            lua_pop(L, 1);
            return 0;
        }
        return 1;
    default:
        return 0;
    }
}

/*
 * @function tostring(v)
 * Lua's tostring, except that tables and functions are named by their
 * number within the case ("table: #2"), never by their address.
 * @usage tostring({}) --> "table: #1"
 */
static int l_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    nms_limits_tostring(L, 1);
    return 1;
}

const char *nms_limits_tostring(lua_State *L, int idx)
{
    if (!shows_address(L, idx))
        return luaL_tolstring(L, idx, NULL);
    push_object_name(L, idx);
    return lua_tostring(L, -1);
}

/* string.format's arguments: %p refused, tables named as tostring does. */
static void format_args(lua_State *L)
{
    size_t len, i;
    const char *fmt = luaL_checklstring(L, 1, &len);
    int arg;

    for (i = 0; i + 1 < len; i++) {
        if (fmt[i] != '%')
            continue;
        if (fmt[++i] == '%')
            continue;
        while (i < len && strchr("-+ #0123456789.", fmt[i]))
            i++;
        if (i < len && fmt[i] == 'p')
            luaL_error(L, "string.format: '%%p' is not available in rules "
                          "(an address differs from run to run)");
    }
    for (arg = 2; arg <= lua_gettop(L); arg++)
        if (shows_address(L, arg)) {
            push_object_name(L, arg);
            lua_replace(L, arg);
        }
}

/*
 * @function setmetatable(t, mt)
 * Lua's setmetatable, refusing a metatable with a __gc field: finalizers
 * run outside every limit (hooks off, also at exit).
 * @usage setmetatable({}, {__index = base})
 */
static int l_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: finalizers (__gc) are not "
                                 "allowed in rules");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/*
 * @function xpcall(f, handler, ...)
 * Like Lua's, except that the handler runs after the failed call has
 * unwound, as an ordinary call: Lua runs a message handler with hooks
 * off, where a looping handler would escape the budget and interrupts.
 * A handler that raises makes xpcall return false and that error.
 * @usage local ok, msg = xpcall(f, function(e) return "wrapped: " .. e end)
 */
static int l_xpcall(lua_State *L)
{
    int n = lua_gettop(L);

    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);              /* result if no error */
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);                /* f, handler, true, f, args... */
    if (lua_pcall(L, n - 2, LUA_MULTRET, 0) == LUA_OK)
        return lua_gettop(L) - 2;       /* true and f's results */
    lua_pushvalue(L, 2);
    lua_insert(L, -2);                  /* handler, error */
    lua_pcall(L, 1, 1, 0);              /* its error replaces its result */
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

void nms_limits_wrap_base(lua_State *L)
{
    lua_pushcfunction(L, l_xpcall);
    lua_setfield(L, -2, "xpcall");
    lua_pushcfunction(L, l_tostring);
    lua_setfield(L, -2, "tostring");
    lua_getfield(L, -1, "setmetatable");
    lua_pushcclosure(L, l_setmetatable, 1);
    lua_setfield(L, -2, "setmetatable");
}

/* Keeps the real math.randomseed (the math table is on top). */
static void keep_randomseed(lua_State *L)
{
    lua_getfield(L, -1, "randomseed");
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_RANDOMSEED);
}

void nms_limits_seed(struct nms_vm *vm)
{
    lua_State *L = vm->L;

    if (lua_getfield(L, LUA_REGISTRYINDEX, KEY_RANDOMSEED) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        return;
    }
    /* randomseed(integer) allocates nothing and cannot raise. */
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
}

/* ------------------------------------------------------------------------
 * Strings copied out of rule results
 * --------------------------------------------------------------------- */

void nms_limits_output(lua_State *L, size_t len)
{
    struct nms_vm *vm = nms_vm_of(L);

    if (len > NMS_MAX_RULE_STRING)
        luaL_error(L, "a rule returned a string of %I bytes; at most %d",
                   (lua_Integer)len, (int)NMS_MAX_RULE_STRING);
    if (len > NMS_MAX_CASE_OUTPUT - vm->output)
        luaL_error(L, "the rules returned more than %d bytes of text for "
                      "one case", (int)NMS_MAX_CASE_OUTPUT);
    vm->output += len;
}
