/*
 * engine_int.h - the Lua virtual machine behind an engine, shared by the
 * core files that drive it (sandbox.c, ruleset.c, eval.c, engine.c).
 *
 * Nothing here is public: include/ never mentions lua_State.
 */
#ifndef NMS_ENGINE_INT_H
#define NMS_ENGINE_INT_H

#include <signal.h>
#include <stddef.h>

#include <lua.h>

#include "nms/engine.h"

/* Lua instructions between two budget checks: small enough to stop a
 * runaway rule promptly, large enough to cost nothing measurable. */
#define NMS_HOOK_INTERVAL 1000

/* Where the last rule failure happened (filled by the message handler). */
struct nms_fault {
    char file[512];
    long line;
};

/* An item of a set, as validated at load time. */
struct nms_item_def {
    char *id, *title, *definition, *needs, *feature, *source;
    double points;      /* points kind */
    size_t group;       /* groups kind: index into the set's groups */
    int check_ref;      /* registry reference to the check function */
    char *file;         /* where check is defined */
    long line;
};

struct nms_group_def {
    char *id, *title;
    size_t size;        /* how many items belong to it */
};

struct nms_set_def {
    char *id, *title, *version, *citation;
    enum nms_section section;
    enum nms_set_kind kind;
    int screen;
    double threshold;               /* points */
    struct nms_item_def *items;
    size_t n_items;
    struct nms_group_def *groups;   /* groups */
    size_t n_groups;
    struct nms_alternative *alts;       /* groups: the rule, in precedence order */
    size_t n_alts;
    struct nms_note *notes;         /* differential: distinguishing points */
    size_t n_notes;
    char *overlap;                  /* differential */
    int actions_ref;                /* severity: actions(case, tier), or LUA_NOREF */
    char *actions_file;             /* where actions is defined */
    long actions_line;
};

/* One Lua state with its accounting; an engine swaps these on reload. */
struct nms_vm {
    lua_State *L;
    size_t used;                /* bytes currently allocated by L */
    size_t cap;                 /* growth beyond this is refused */
    size_t memory;              /* the per-unit allowance behind cap */
    size_t refused;             /* allocations refused since last reset */
    unsigned long instructions; /* used by the current case */
    unsigned long budget;       /* per case; 0 while not evaluating */
    int over_budget;            /* sticky until the case ends */
    const volatile sig_atomic_t *interrupt; /* set by a signal handler, or NULL */
    int interrupted;            /* *interrupt was seen; sticky like over_budget */
    struct nms_fault fault;

    char *dir;                  /* the ruleset directory */
    struct nms_set_def *sets;
    size_t n_sets;
    char *name, *version, *title, *digest;
    struct nms_set_info *set_info;  /* views of sets[] for the info struct */
    int warnings_ref;           /* manifest 'warnings': fn(case) -> list, or LUA_NOREF */
    char *warnings_file;        /* where that function is defined */
    long warnings_line;
    struct nms_ruleset_info info;

    /* Limits beside the instruction budget (core/limits.c). */
    unsigned long cpu_ms;       /* CPU time per unit of work */
    long long cpu_start;        /* thread CPU time (ns) when it began */
    unsigned clock_countdown;   /* hook calls until the clock is read again */
    double since_clock;         /* work charged in C since the clock was read */
    int over_time;              /* sticky like over_budget */
    int stopping;               /* the count-1 hook is armed */
    size_t baseline;            /* bytes held once the ruleset loaded */
    int loaded;                 /* baseline is set: the cap is absolute */
    const void *retry_ptr;      /* refused block Lua retries after a GC */
    size_t retry_size;
    int retry_pending;
    size_t output;              /* bytes copied out of rule results (case) */
    unsigned long epoch;        /* counts units of work, for object ids */
};

/* Creates a sandboxed state for the ruleset in `dir`; NULL when out of
 * memory. */
struct nms_vm *nms_vm_new(const char *dir);

/* Releases a vm, its state and definitions; accepts NULL. */
void nms_vm_free(struct nms_vm *vm);

/* Starts the limits for one unit of rule work (a case, a load). */
void nms_vm_limits_begin(struct nms_vm *vm, const struct nms_limits *limits);

/* Lifts the limits again. */
void nms_vm_limits_end(struct nms_vm *vm);

/* Makes every later Lua instruction of the unit of work fail (a count
 * hook of 1), so a rule cannot catch the stop with pcall and go on. */
void nms_vm_stop(struct nms_vm *vm);

/* ---- core/limits.c: limits on work done in C, determinism ---- */

/* Most bytes of one string a rule result may carry into C (evidence,
 * missing, notes, warnings), and of all of them together in one case. */
#define NMS_MAX_RULE_STRING (16u * 1024u)
#define NMS_MAX_CASE_OUTPUT (1024u * 1024u)

/* Starts the CPU clock of a unit of work (limits->cpu_ms, 0: default). */
void nms_limits_begin(struct nms_vm *vm, const struct nms_limits *limits);

/*
 * Reads the clock and the interrupt flag; sets vm->over_time or
 * vm->interrupted (sticky) and arms nms_vm_stop. Returns non-zero when
 * the unit of work must stop.
 */
int nms_limits_check(struct nms_vm *vm);

/*
 * [-0, +0, e] Charges `units` instructions of work done in C to the
 * budget; raises (after nms_vm_stop) once the budget, the CPU time or an
 * interrupt says stop.
 */
void nms_limits_charge(lua_State *L, double units);

/* Wraps the functions of the real library table on top (named `lib`) so
 * their work in C is charged, and keeps the originals in the registry's
 * loaded table for error messages. Raises on no memory. */
void nms_limits_wrap_library(lua_State *L, const char *lib);

/* Replaces the base functions on top that leak addresses or finalizers
 * (tostring, setmetatable) with sandboxed ones. Raises on no memory. */
void nms_limits_wrap_base(lua_State *L);

/* Seeds math.random the same way at the start of every unit of work. */
void nms_limits_seed(struct nms_vm *vm);

/* Raises unless a string of `len` bytes may still be copied out of the
 * rule results of this case; counts it. */
void nms_limits_output(lua_State *L, size_t len);

/*
 * Calls the function below `nargs` arguments on top of the stack in
 * protected mode with a message handler that records the failing rule
 * location in vm->fault. Returns a lua status; on failure the error
 * message (budget and memory failures reworded) is on top of the stack.
 */
int nms_vm_pcall(struct nms_vm *vm, int nargs, int nresults);

/*
 * Loads the ruleset (manifest, parameters with `overrides`, criteria sets)
 * into vm. Returns NMS_OK, NMS_ENOMEM or NMS_ERULES with the message in
 * errmsg.
 */
enum nms_status nms_ruleset_load(struct nms_vm *vm, char *const *overrides,
                                 size_t n_overrides, char *errmsg,
                                 size_t errsize);

/* Frees the definitions of a loaded ruleset (used by nms_vm_free). */
void nms_ruleset_release(struct nms_vm *vm);

/* [-0, +1] Pushes the file of ruleset module `module` ("lib.time" is
 * "<dir>/lib/time.lua") and returns it. */
const char *nms_push_module_path(lua_State *L, const char *module);

/* [-0, +1] Pushes case `c` as a fresh Lua table (see docs/rules.md). */
void nms_lua_push_case(lua_State *L, const struct nms_case *c);

/*
 * Computes "sha256:<hex>" over every *.lua file below `dir` (sorted by
 * relative path; both the path and the content are hashed, each framed by
 * its length). Returns a new string, or NULL with errmsg filled.
 */
char *nms_digest_dir(const char *dir, char *errmsg, size_t errsize);

/* The rule files of a ruleset as read once for its digest: relative
 * paths in byte order and their contents. */
struct nms_snapshot {
    char **paths;
    char **texts;
    size_t *lens;
    size_t n;
};

/* nms_digest_dir that also keeps the text it hashed in *snap (release it
 * with nms_snapshot_release, also after a failure). */
char *nms_digest_snapshot(const char *dir, struct nms_snapshot *snap,
                          char *errmsg, size_t errsize);

/* Frees what a snapshot holds, leaving it empty. */
void nms_snapshot_release(struct nms_snapshot *snap);

/* [-0, +0] Makes the sandbox compile modules from `snap` only (copied
 * into the state). Raises on no memory. */
void nms_vm_set_sources(lua_State *L, const struct nms_snapshot *snap);

/*
 * Evaluates case `c` into the empty result `r` under `limits`. A failing
 * rule is recorded in r->error (and r has no criteria). Returns NMS_OK, or
 * NMS_ENOMEM when not even the error could be recorded.
 */
enum nms_status nms_eval_case(struct nms_vm *vm, const struct nms_limits *limits,
                              const struct nms_case *c, struct nms_result *r);

/* Frees the sets, disagreements and error of `r`, leaving it empty (not
 * freeing r). */
void nms_result_clear(struct nms_result *r);

/* How an override value "76", "true" or "oral" is read: as a number, a
 * boolean or a string, the same way for the ruleset and for the output. */
enum nms_param_kind { NMS_PARAM_NUMBER, NMS_PARAM_BOOLEAN, NMS_PARAM_STRING };

/* Classifies `text`; a number is stored in *number, a boolean as 0 or 1. */
enum nms_param_kind nms_param_classify(const char *text, double *number);

/* Copies at most n bytes of s into a new NUL-terminated string, or NULL. */
char *nms_strndup(const char *s, size_t n);

#endif
