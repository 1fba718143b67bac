/*
 * luaprof.c - a sampling profiler of the rules, a developer tool: evaluates
 * a cohort with a ruleset and prints the Lua functions (self and inclusive)
 * and lines where the samples fell.
 *
 *   luaprof [--rules DIR] [--evidence LEVEL] [--items WHICH] [--no-notes]
 *           [--hz N | --every N]
 *           [--top K] [FILE]
 *
 * How it samples without touching core/: the engine already installs a Lua
 * count hook (every NMS_HOOK_INTERVAL VM instructions, core/lua/limits.c) for
 * the instruction budget, and a Lua state has room for one hook only. This
 * program is linked with -Wl,--wrap=lua_sethook (tests/bench/CMakeLists.txt),
 * so the engine's own call to lua_sethook lands in __wrap_lua_sethook below,
 * which installs sample_hook instead; sample_hook takes its sample and then
 * calls the engine's hook, so budgets and Ctrl-C still work. The engine is
 * set to count exactly (nms_engine_set_watchdog), so the hook is on from
 * each case's start, as it is in the engine's counted runs. The public API
 * (include/nms/) does the rest: no internal header, no build option, no
 * engine change.
 *
 * When to sample. By default, by CPU time: a profiling timer (SIGPROF, --hz
 * per CPU-second) raises a flag and the next count event records where Lua
 * is, so a line that calls an expensive C function (string.format,
 * table.concat, gsub, the allocator, the collector) is charged for it; that
 * is where most of the time goes, as a rule executes few VM instructions and
 * many C calls. With --every N, one sample every N count events instead
 * (every N x 1,000 VM instructions): a count of Lua work, blind to C. A
 * tick that is still pending when the engine sets or removes its hook (case
 * before or after the rules ran) is counted as "outside the rules"; engine C
 * between sets is charged to the next Lua line.
 */
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <lua.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/reader.h"
#include "nms/result.h"

/* Distinct lines or functions counted; the rest go to "(other)". A
 * ruleset of ~6,000 lines stays far below it. */
#define MAX_KEYS 6000
#define SLOTS 8192    /* hash slots, a power of two above MAX_KEYS */
#define KEY_LEN 192   /* "lib/vitals.lua:123" and a function name */
#define MAX_DEPTH 256 /* stack levels walked per sample */

struct counter {
    char key[KEY_LEN];
    char name[64]; /* a function's name as first seen, or "" */
    unsigned long n;
};

struct table {
    struct counter *slots; /* SLOTS entries; key[0] == 0 when free */
    size_t used;
    unsigned long other; /* samples past MAX_KEYS */
};

/* The profile is global because a Lua hook gets only the lua_State, and
 * the engine's state is not ours to put a registry key in: the same reason
 * lua.c keeps `globalL` for its signal handler (STYLE.md habit 10). */
static struct {
    lua_Hook engine_hook;
    unsigned long hz;    /* CPU-time sampling rate; 0: by instructions */
    unsigned long every; /* by instructions: one sample per `every` events */
    unsigned long events, samples, outside;
    struct table lines, self, funcs;
} prof = {NULL, 1000, 0, 0, 0, 0, {NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};

/* Set by the SIGPROF handler, taken by the next count event. */
static volatile sig_atomic_t tick;

void __real_lua_sethook(lua_State *L, lua_Hook f, int mask, int count);
void __wrap_lua_sethook(lua_State *L, lua_Hook f, int mask, int count);

/* ---- counting ----------------------------------------------------------- */

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The counter of `key` in t (created with `name`), or NULL when full. */
static struct counter *find(struct table *t, const char *key, const char *name)
{
    size_t i = hash(key) & (SLOTS - 1);

    while (t->slots[i].key[0] && strcmp(t->slots[i].key, key) != 0)
        i = (i + 1) & (SLOTS - 1);
    if (!t->slots[i].key[0]) {
        if (t->used >= MAX_KEYS)
            return NULL;
        snprintf(t->slots[i].key, KEY_LEN, "%s", key);
        snprintf(t->slots[i].name, sizeof t->slots[i].name, "%s", name);
        t->used++;
    } else if (strcmp(t->slots[i].name, name) != 0) {
        /* one function reached under several names (a memo wrapper) */
        snprintf(t->slots[i].name, sizeof t->slots[i].name, "(several names)");
    }
    return &t->slots[i];
}

/* The rules directory as given, stripped from file names in reports. */
static const char *rules_dir = NMS_SOURCE_RULES_DIR;

/* short_src of `d` relative to the rules directory when below it. */
static const char *source_of(const lua_Debug *d)
{
    size_t n = strlen(rules_dir);

    if (strncmp(d->short_src, rules_dir, n) == 0 && d->short_src[n] == '/')
        return d->short_src + n + 1;
    return d->short_src;
}

/* Names function `d` (filled with "Sn") as a key and a display name;
 * returns 0 for a C function without a name (the engine's pcall). */
static int function_key(const lua_Debug *d, char *key, char *name)
{
    if (d->what[0] == 'C') {
        if (!d->name)
            return 0;
        snprintf(key, KEY_LEN, "[C] %s", d->name);
        name[0] = '\0';
    } else {
        snprintf(key, KEY_LEN, "%s:%d", source_of(d), d->linedefined);
        snprintf(name, 64, "%s",
                 d->what[0] == 'm' ? "(main chunk)"
                 : d->name         ? d->name
                                   : "?");
    }
    return 1;
}

/* Adds one to the counter of `key` in t, or to its "(other)". */
static struct counter *bump(struct table *t, const char *key, const char *name)
{
    struct counter *c = find(t, key, name);

    if (c)
        c->n++;
    else
        t->other++;
    return c;
}

/* One sample: the running line and function (self) and every function on
 * the stack, each once however deep the recursion (inclusive). */
static void sample(lua_State *L)
{
    struct counter *seen[MAX_DEPTH], *c;
    char key[KEY_LEN], name[64];
    size_t n_seen = 0, i;
    lua_Debug d;
    int level;

    prof.samples++;
    if (lua_getstack(L, 0, &d) && lua_getinfo(L, "Sln", &d)) {
        snprintf(key, sizeof key, "%s:%d", source_of(&d), d.currentline);
        bump(&prof.lines, key, "");
        if (function_key(&d, key, name))
            bump(&prof.self, key, name);
    }
    for (level = 0; level < MAX_DEPTH && lua_getstack(L, level, &d); level++) {
        if (!lua_getinfo(L, "Sn", &d) || !function_key(&d, key, name))
            continue;
        c = find(&prof.funcs, key, name);
        for (i = 0; c && i < n_seen && seen[i] != c; i++)
            ;
        if (c && i == n_seen) { /* first time on this stack */
            seen[n_seen++] = c;
            c->n++;
        } else if (!c) {
            prof.funcs.other++;
        }
    }
}

static void on_sigprof(int sig)
{
    (void)sig;
    tick = 1;
}

static void sample_hook(lua_State *L, lua_Debug *ar)
{
    if (ar->event == LUA_HOOKCOUNT) {
        if (prof.hz ? tick : ++prof.events % prof.every == 0)
            sample(L);
        tick = 0;
    }
    prof.engine_hook(L, ar); /* the budget and Ctrl-C, as without us */
}

/* Stands in for lua_sethook in the engine (the linker's --wrap naming,
 * reserved identifier and all): a count hook becomes sample_hook around
 * it; removing the hook, or any other hook, passes straight through. */
void __wrap_lua_sethook(lua_State *L, lua_Hook f, int mask, int count)
{
    if (tick) { /* CPU time spent while no rule ran */
        tick = 0;
        prof.outside++;
    }
    if (f && (mask & LUA_MASKCOUNT)) {
        prof.engine_hook = f;
        f = sample_hook;
    }
    __real_lua_sethook(L, f, mask, count);
}

/* ---- report ------------------------------------------------------------- */

static int by_count(const void *a, const void *b)
{
    const struct counter *x = a, *y = b;

    return (x->n < y->n) - (x->n > y->n);
}

/* Prints the `top` largest counters of t under `title`. */
static void report(struct table *t, const char *title, size_t top)
{
    size_t i, n = 0;

    qsort(t->slots, SLOTS, sizeof *t->slots, by_count);
    printf("\n%s\n   %%    samples  where\n", title);
    for (i = 0; i < SLOTS && n < top && t->slots[i].n > 0; i++, n++)
        printf("%5.1f %10lu  %s%s%s\n",
               100.0 * (double)t->slots[i].n /
                   (double)(prof.samples + prof.outside),
               t->slots[i].n, t->slots[i].key, t->slots[i].name[0] ? "  " : "",
               t->slots[i].name);
    if (t->other)
        printf("      %10lu  (other: more than %d distinct places)\n", t->other,
               MAX_KEYS);
}

/* Prints the summary line and the three tables, `top` rows each. */
static void print_profile(long cases, double cpu, unsigned long top)
{
    printf("luaprof: %ld cases in %.2f CPU s with sampling; %lu samples in "
           "the rules, %lu outside them (case in, results out)",
           cases, cpu, prof.samples, prof.outside);
    if (prof.hz)
        printf("; by CPU time, %lu per second\n", prof.hz);
    else
        printf("; one per %lu x 1,000 VM instructions, C unseen\n", prof.every);
    if (prof.samples == 0)
        return;
    report(&prof.self, "self: the function running", top);
    report(&prof.funcs, "inclusive: the functions on the stack", top);
    report(&prof.lines, "self: the line running", top);
}

/* ---- driving the engine ------------------------------------------------- */

/* Starts (hz > 0) or stops (hz == 0) the CPU-time tick; returns 0 or -1. */
static int set_timer(unsigned long hz)
{
    struct itimerval it = {{0, 0}, {0, 0}};
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigprof;
    sa.sa_flags = SA_RESTART; /* reads of the cohort carry on */
    sigemptyset(&sa.sa_mask);
    if (hz > 0) {
        it.it_interval.tv_usec =
            (suseconds_t)(hz >= 1000000 ? 1 : 1000000 / hz);
        it.it_value = it.it_interval;
    }
    if (sigaction(SIGPROF, &sa, NULL) != 0)
        return -1;
    return setitimer(ITIMER_PROF, &it, NULL);
}

/* --items needed: the items each set skipped, in result order. */
#define MAX_SETS 64
static struct {
    const char *id;     /* the ruleset's text, held by the engine */
    unsigned long items, skipped;
} skips[MAX_SETS];

/* Counts the items of r's sets and those not asked. */
static void count_skips(const struct nms_engine *e, const struct nms_result *r)
{
    size_t i, j;

    for (i = 0; i < r->n_sets && i < MAX_SETS; i++) {
        skips[i].id = nms_engine_ruleset(e)->sets[i].id;
        skips[i].items += r->sets[i].n_items;
        for (j = 0; j < r->sets[i].n_items; j++)
            skips[i].skipped += (unsigned long)r->sets[i].items[j].skipped;
    }
}

/* The share of each set's item checks not asked (--items needed). */
static void print_skips(void)
{
    unsigned long items = 0, skipped = 0;
    size_t i;

    printf("\nitem checks not asked (--items needed), per set:\n");
    for (i = 0; i < MAX_SETS && skips[i].id; i++) {
        items += skips[i].items;
        skipped += skips[i].skipped;
        printf("  %-28s %9lu of %9lu  %5.1f %%\n", skips[i].id,
               skips[i].skipped, skips[i].items,
               skips[i].items ? 100.0 * (double)skips[i].skipped /
                                    (double)skips[i].items : 0.0);
    }
    printf("  %-28s %9lu of %9lu  %5.1f %%\n", "all sets", skipped, items,
           items ? 100.0 * (double)skipped / (double)items : 0.0);
}

/* Evaluates every record of fp; returns the number of cases evaluated, or
 * -1 when memory runs out. Error records are counted out, not profiled. */
static long run(struct nms_engine *e, FILE *fp, const char *source)
{
    struct nms_reader *r = NULL;
    struct nms_record rec;
    struct nms_case_options opt = {NAN, NMS_TIME_HOURS};
    long cases = 0;

    if (nms_reader_open(&r, fp, source) != NMS_OK)
        return -1;
    while (cases >= 0 && nms_reader_next(r, &rec) == 1) {
        struct nms_case *c = NULL;
        struct nms_result *res = NULL;

        if (rec.error)
            continue;
        c = nms_case_read(&rec, &opt);   /* the one way into a case */
        if (!c)
            cases = -1;
        else if (!c->error && nms_engine_evaluate(e, c, &res) == NMS_OK) {
            cases++;
            if (!res->error)
                count_skips(e, res);
        }
        nms_result_free(res);
        nms_case_free(c);
    }
    nms_reader_free(r);
    return cases;
}

static const char usage[] =
    "usage: luaprof [--rules DIR] [--evidence all|decisive|none]\n"
    "               [--items all|needed] [--no-notes] [--hz N | --every N]\n"
    "               [--top K] [FILE]\n"
    "Evaluates the cases of FILE (JSON Lines, or stdin) with the ruleset in\n"
    "DIR (default: the source tree's rules/) and prints where the samples\n"
    "fell, K rows per table (default 25). Samples are taken N times per\n"
    "CPU-second (--hz, default 1000), or with --every N once every N\n"
    "count-hook events of the engine (N x 1,000 Lua VM instructions).\n"
    "--evidence: how much evidence the rules write, as batch --evidence.\n"
    "--items: which items are asked, as batch --items (all by default);\n"
    "needed also prints the share of each set's item checks not asked.\n"
    "--no-notes: nobody reads the actions' notes, as batch --format csv and\n"
    "--record compact run (the actions run quietly and their list is dropped).\n";

/* --evidence: how much evidence text the rules write (all by default). */
static enum nms_evidence evidence = NMS_EVIDENCE_ALL;
/* --items: which items' checks are asked (all by default). */
static enum nms_items items = NMS_ITEMS_ALL;
/* --no-notes: the actions' notes are not read (nms_engine_set_notes). */
static int notes = 1;

/* Reads the options into prof, rules_dir, *file and *top; returns -1 to
 * go on, or the exit status (after --help or a bad option). */
static int parse_options(int argc, char **argv, const char **file,
                         unsigned long *top)
{
    int i;

    for (i = 1; i < argc; i++) {
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(argv[i], "--rules") == 0 && next) {
            rules_dir = argv[++i];
        } else if (strcmp(argv[i], "--evidence") == 0 && next &&
                   nms_evidence_parse(next, &evidence) == 0) {
            i++;
        } else if (strcmp(argv[i], "--items") == 0 && next &&
                   nms_items_parse(next, &items) == 0) {
            i++;
        } else if (strcmp(argv[i], "--no-notes") == 0) {
            notes = 0;
        } else if (strcmp(argv[i], "--hz") == 0 && next) {
            prof.hz = strtoul(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--every") == 0 && next) {
            prof.every = strtoul(argv[++i], NULL, 10);
            prof.hz = 0;
        } else if (strcmp(argv[i], "--top") == 0 && next) {
            *top = strtoul(argv[++i], NULL, 10);
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            int help = strcmp(argv[i], "--help") == 0;

            fputs(usage, help ? stdout : stderr);
            return help ? 0 : 2;
        } else {
            *file = argv[i];
        }
    }
    if (prof.every == 0)
        prof.every = 1;
    if (prof.hz > 10000)
        prof.hz = 10000; /* the kernel's tick is coarser anyway */
    return -1;
}

int main(int argc, char **argv)
{
    const char *file = "-";
    unsigned long top = 25;
    struct nms_engine *e = NULL;
    FILE *fp = stdin;
    clock_t t0;
    long cases;
    int rc = parse_options(argc, argv, &file, &top);

    if (rc >= 0)
        return rc;
    rc = 2;
    prof.lines.slots = calloc(SLOTS, sizeof *prof.lines.slots);
    prof.self.slots = calloc(SLOTS, sizeof *prof.self.slots);
    prof.funcs.slots = calloc(SLOTS, sizeof *prof.funcs.slots);
    if (!prof.lines.slots || !prof.self.slots || !prof.funcs.slots ||
        nms_engine_new(&e, NULL) != NMS_OK) {
        fputs("luaprof: out of memory\n", stderr);
        goto out;
    }
    if (nms_engine_load(e, rules_dir) != NMS_OK) {
        fprintf(stderr, "luaprof: %s\n", nms_engine_errmsg(e));
        goto out;
    }
    nms_engine_set_evidence(e, evidence);
    nms_engine_set_items(e, items);
    nms_engine_set_notes(e, notes);
    /* Count every instruction: unhooked (the default), the rules would run
     * with no hook for sample_hook to ride on. */
    nms_engine_set_watchdog(e, NMS_WATCHDOG_EXACT);
    if (strcmp(file, "-") != 0 && !(fp = fopen(file, "rb"))) {
        perror(file);
        goto out;
    }
    if (prof.hz && set_timer(prof.hz) != 0) {
        perror("luaprof: profiling timer");
        goto out;
    }
    t0 = clock();
    cases = run(e, fp, file);
    set_timer(0);
    if (cases < 0) {
        fputs("luaprof: out of memory\n", stderr);
        goto out;
    }
    print_profile(cases, (double)(clock() - t0) / CLOCKS_PER_SEC, top);
    if (items == NMS_ITEMS_NEEDED)
        print_skips();
    rc = 0;
out:
    if (fp && fp != stdin)
        fclose(fp);
    nms_engine_free(e);
    free(prof.lines.slots);
    free(prof.self.slots);
    free(prof.funcs.slots);
    return rc;
}
