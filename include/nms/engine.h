/*
 * engine.h - a loaded ruleset, ready to evaluate cases.
 *
 * An engine owns one Lua state. It is not thread-safe: run one engine per
 * thread. Rules run sandboxed (no io/os/debug, text chunks only), each case
 * under an instruction budget and a memory cap; a rule that fails fails
 * that case only.
 *
 * Ownership: strings returned by the engine belong to it and stay valid
 * until the next call that reloads or frees it.
 */
#ifndef NMS_ENGINE_H
#define NMS_ENGINE_H

#include <stddef.h>

#include "nms/case.h"
#include "nms/result.h"
#include "nms/status.h"

/* Default Lua VM instructions one case may use across all rules. */
#ifndef NMS_DEFAULT_INSTRUCTION_BUDGET
#define NMS_DEFAULT_INSTRUCTION_BUDGET 50000000ul
#endif
/* Default bytes the Lua state may hold beyond the loaded ruleset: an
 * absolute cap per state, so what rules keep between cases counts too. */
#ifndef NMS_DEFAULT_MEMORY_CAP
#define NMS_DEFAULT_MEMORY_CAP (64u * 1024u * 1024u)
#endif
/* Default CPU time (milliseconds) one case may use, work done inside C
 * library functions included. */
#ifndef NMS_DEFAULT_CPU_MS
#define NMS_DEFAULT_CPU_MS 10000ul
#endif

struct nms_engine;

struct nms_limits {
    unsigned long instructions;  /* per case; 0 = default */
    size_t memory;               /* bytes the state may hold above the loaded ruleset; 0 = default */
    unsigned long cpu_ms;        /* CPU milliseconds per case; 0 = default */
};

/* "At least `count` items of the set's group number `group` are true." */
struct nms_need {
    size_t group, count;
};

/* One alternative of a groups rule: all its needs must hold; `level`
 * (may be NULL) is what the result reports when it is the first met. */
struct nms_alternative {
    char *level;
    struct nms_need *needs;
    size_t n_needs;
};

/* A set of the loaded ruleset, for laying out output before any result. */
struct nms_set_info {
    const char *id;
    enum nms_section section;
    enum nms_set_kind kind;
    const struct nms_alternative *rule;  /* groups: the alternatives, in order */
    size_t n_rule;
    const char *presupposes;    /* criteria: the id of what the set
                                   presupposes (struct nms_set
                                   .presupposition), or NULL */
};

/* A site overlay of the loaded ruleset (nms_engine_add_overlay): its
 * directory and the digest of its files. */
struct nms_overlay_info {
    const char *dir;
    const char *digest;
};

/* Identity of the loaded ruleset, as every result reports it. */
struct nms_ruleset_info {
    const char *name;
    const char *version;
    const char *title;
    const char *status;  /* "draft", "testing", "production", or NULL when
                            the manifest declares none */
    const char *digest;  /* "sha256:<64 hex>" over every *.lua file of the ruleset */
    const char *dir;
    size_t n_sets;               /* every set, in result order */
    const struct nms_set_info *sets;
    size_t n_params;             /* --param overrides in force, "name=value" */
    const char *const *params;
    size_t n_overlays;           /* overlays, in the order given; `digest`
                                    above is the ruleset directory's own */
    const struct nms_overlay_info *overlays;
};

/*
 * Creates an engine with `limits` (NULL for the defaults). Returns NMS_OK or
 * NMS_ENOMEM.
 */
enum nms_status nms_engine_new(struct nms_engine **out,
                               const struct nms_limits *limits);

/* Releases the engine and its Lua state; accepts NULL. */
void nms_engine_free(struct nms_engine *e);

/*
 * Sets a ruleset parameter override, e.g. ("iec2011.threshold", "76"),
 * applied at the next nms_engine_load. Values are parsed as numbers, true
 * or false, else kept as strings. Returns NMS_OK, NMS_ENOMEM, or NMS_EINVAL
 * when `assignment` is not NAME=VALUE.
 */
enum nms_status nms_engine_set_param(struct nms_engine *e,
                                     const char *assignment);

/*
 * Adds an overlay directory for the next nms_engine_load: each of its
 * modules replaces the module of the same path ("params.core" is
 * params/core.lua) in the ruleset directory and in overlays added before,
 * so a site keeps its local changes without editing the shipped files.
 * Returns NMS_OK, NMS_ENOMEM, or NMS_ELIMIT past 8 overlays.
 */
enum nms_status nms_engine_add_overlay(struct nms_engine *e, const char *dir);

/*
 * Loads the ruleset in directory `dir` (its ruleset.lua manifest, the
 * parameters and every criteria set), replacing any ruleset loaded before
 * only on success. Returns NMS_OK, NMS_ENOMEM, or NMS_ERULES with a message
 * such as "rules/criteria/iec2011.lua:12: 'end' expected near <eof>" in
 * nms_engine_errmsg.
 */
enum nms_status nms_engine_load(struct nms_engine *e, const char *dir);

/*
 * Reads only what identifies the ruleset in `dir` (with the overlays
 * added), for a version line: its manifest's name, version, title and
 * status, and the digest of its files. No parameter or criteria set is
 * loaded (a broken set is not noticed) and the engine evaluates nothing
 * afterwards (NMS_EINVAL) until a full nms_engine_load. A small fraction
 * of the cost of loading. Returns as nms_engine_load.
 */
enum nms_status nms_engine_identify(struct nms_engine *e, const char *dir);

/* The loaded ruleset, or NULL before a successful load. */
const struct nms_ruleset_info *nms_engine_ruleset(const struct nms_engine *e);

/* The entry of ruleset `rs` (may be NULL) for set i of result r, for its
 * decision rule; NULL when rs is not the ruleset r was computed with. */
const struct nms_set_info *nms_ruleset_set_info(const struct nms_ruleset_info *rs,
                                                const struct nms_result *r,
                                                size_t i);

/* How much evidence text the rules write (nms_engine_set_evidence). Item
 * values, missing, scores, verdicts, levels, tiers, warnings and actions
 * are the same at every level; only nms_item.evidence differs. */
enum nms_evidence {
    NMS_EVIDENCE_ALL = 0,   /* every item's evidence (the default) */
    NMS_EVIDENCE_DECISIVE,  /* only the items that decided their set
                               (nms_item.decided); the others get "" */
    NMS_EVIDENCE_NONE       /* no item's evidence: every one is "" */
};

/* Sets the evidence level for the cases evaluated from now on. */
void nms_engine_set_evidence(struct nms_engine *e, enum nms_evidence level);

/*
 * Whether results keep the management notes the severity section's
 * actions return (nms_set.notes; the default: keep). A caller that shows
 * no notes (CSV, the compact record, the cohort reports) turns them off:
 * the actions still run, so one that fails fails the case as before, but
 * without evidence, on the findings the checks already worked out (so
 * they cost little), and the notes they return are not kept. The ruleset's fixed notes
 * (distinguishing points) are kept either way.
 */
void nms_engine_set_notes(struct nms_engine *e, int keep);

/*
 * Which items' checks the cases evaluated from now on ask (enum nms_items
 * in result.h). NMS_ITEMS_ALL (the default) asks every item. With
 * NMS_ITEMS_NEEDED a set's items are asked in order only until its
 * verdicts can no longer change, whatever the rest would answer: the
 * engine works out the set's verdict with every remaining item true and
 * with every one false, and when both give the same result, level (so
 * tier), score, possible and count, the rest are skipped (nms_item.skipped).
 * The arithmetic of every kind is monotone (false < unknown < true: a
 * points set's points are positive), so every mix of answers would give
 * the same; a set that could not be shown so is asked in full. What stays
 * whole: each set's result, level, tier, score, possible and count, the
 * severity tier and actions (they read only these), the overlaps, the
 * ruleset's warnings; everything a CSV row or a verdict count reads. What
 * does not: the skipped items (no value, evidence or missing text), the
 * groups tallies, could_be, reasons and decided marks, which count only
 * the items asked, and disagreements, which are not looked for; the JSON
 * and items-CSV writers refuse such a result (NMS_EINVAL). Two costs of
 * the saving: a check that is not asked cannot fail the case (a broken
 * rule there is seen only when every item is asked), and the instruction
 * budget counts only what was asked. It also takes each check to be a
 * function of the case (and, for severity, the verdicts) alone, as
 * NMS_EVIDENCE_DECISIVE does.
 */
void nms_engine_set_items(struct nms_engine *e, enum nms_items which);

/* The engine's nms_engine_set_items choice (NMS_ITEMS_ALL by default). */
enum nms_items nms_engine_items(const struct nms_engine *e);

/* "all" or "needed". */
const char *nms_items_name(enum nms_items which);

/* The choice named `name` ("all", "needed") into *out: 0, or -1 for
 * another name. */
int nms_items_parse(const char *name, enum nms_items *out);

/* "all", "decisive" or "none". */
const char *nms_evidence_name(enum nms_evidence level);

/* The level named `name` ("all", "decisive", "none") into *out: 0, or -1
 * for another name. */
int nms_evidence_parse(const char *name, enum nms_evidence *out);

/* nms_engine_set_watchdog: count every case's instructions from its start. */
#define NMS_WATCHDOG_EXACT (~0ul)

/*
 * How the instruction budget is kept (docs/security.md). By default
 * (cpu_us 0) a case first runs without Lua's count hook, which costs 10-15 %
 * of the time, under a CPU-time watchdog: when the watchdog fires, or a
 * limit stops the run, or its CPU time cannot prove it within the budget,
 * the case is evaluated again from its start with every instruction
 * counted, so every result and every message is what counting alone gives.
 * The watchdog fires after the time the whole budget would take at 0.2 ns
 * an instruction (10 ms of CPU for the default budget; budgets under 5
 * million instructions are always counted), or after `cpu_us` microseconds
 * of the case's CPU time when cpu_us is given (tests). NMS_WATCHDOG_EXACT:
 * always count, as a profiler that samples through the count hook needs.
 * Also in force across reloads. A rule that keeps state between cases
 * (docs/security.md) sees a stopped first run's changes. The watchdog's
 * timer signals the evaluating thread with SIGRTMIN + 4, whose handler the
 * library installs on first use, unless the program handles that signal
 * itself: then every case is counted. It unblocks that signal in each
 * thread that evaluates.
 */
void nms_engine_set_watchdog(struct nms_engine *e, unsigned long cpu_us);

/*
 * Evaluates one finished case (see nms_case_finish) against the loaded
 * ruleset. On NMS_OK *out is a new result; if a rule failed, the result's
 * `error` names it. Returns NMS_EINVAL for a case with an error or when no
 * ruleset is loaded, NMS_ENOMEM when memory runs out.
 */
enum nms_status nms_engine_evaluate(struct nms_engine *e,
                                    const struct nms_case *c,
                                    struct nms_result **out);

/*
 * The drug names (generic names, brands, other names) that the loaded
 * ruleset's `drugs` module lists, for completion and suggestions: *n of
 * them, NULL-terminated; none (NULL) without such a module. Read in the
 * ruleset's sandbox on the first call after a load; owned by the engine
 * until the next load.
 */
const char *const *nms_engine_drug_names(struct nms_engine *e, size_t *n);

/* The embedded Lua release, e.g. "Lua 5.4.4". */
const char *nms_lua_release(void);

/* The message of the last failure, "" if none; owned by the engine. */
const char *nms_engine_errmsg(const struct nms_engine *e);

#endif
