/*
 * tools.h - what an informaticist asks of a loaded ruleset besides
 * evaluating cases: its lint findings (nms_engine_lint) and its reference,
 * generated from the rules themselves (nms_engine_describe).
 *
 * Both run inside the ruleset's own sandboxed Lua state and only read the
 * tables the rule files returned; no rule is called.
 */
#ifndef NMS_TOOLS_H
#define NMS_TOOLS_H

#include <stddef.h>

#include "nms/engine.h"

/* One lint finding: where (file and line, 0 when no line is known), what
 * kind ("unknown-key", "metadata", "unreachable", "always", "points",
 * "feature", "unused", "drug-class", "case-field", "global") and the message.
 * The strings are valid during the callback only. */
struct nms_finding {
    const char *file;
    long line;
    const char *kind;
    const char *message;
};

/* Receives each finding; returns 0 to go on. */
typedef int (*nms_finding_fn)(void *ctx, const struct nms_finding *f);

/*
 * Lints the loaded ruleset: keys no table of the DSL knows (with the closest
 * known one), empty metadata, duplicate or unreachable rules, thresholds no
 * case (or every case) reaches, lonely concordance features, parameters no
 * rule reads, drug classes caught by known ATC traps, case fields that do
 * not exist, names that are neither local nor offered by the sandbox.
 * Calls `fn` for each finding and sets *count. Returns NMS_OK, NMS_EINVAL
 * without a loaded ruleset, NMS_ENOMEM, or NMS_ELUA with the message in
 * nms_engine_errmsg.
 */
enum nms_status nms_engine_lint(struct nms_engine *e, nms_finding_fn fn,
                                void *ctx, size_t *count);

/*
 * The reference of the loaded ruleset in `format`: "md" or "html" (every
 * set with its items, points, definitions and citations, the tiers and
 * actions, differentials, parameters, the drug table), or "params" (one
 * tab-separated line per parameter: name, value, unit, doc, source, and
 * the override in force or ""). On NMS_OK *out is a new string the caller
 * frees with free(). Errors as nms_engine_lint.
 */
enum nms_status nms_engine_describe(struct nms_engine *e, const char *format,
                                    char **out);

#endif
