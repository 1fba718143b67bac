/*
 * evaluation.h - one evaluation as the session keeps it (evaluation.c):
 * the case as read, with its warnings or error, and its result. The REPL
 * works on these structs directly; nothing is printed and read back.
 */
#ifndef NMS_REPL_EVALUATION_H
#define NMS_REPL_EVALUATION_H

#include <stddef.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/result.h"

struct evaluation {
    struct nms_case *c;     /* the case as read (always there) */
    struct nms_result *r;   /* its result; NULL when the case has an error */
    char *ruleset;          /* "name version digest" it was evaluated with */
};

/* A new evaluation taking ownership of c and r, for ruleset rs; NULL when
 * out of memory (c and r are then freed). */
struct evaluation *evaluation_new(struct nms_case *c, struct nms_result *r,
                                  const struct nms_ruleset_info *rs);

/* Releases ev with its case and result; accepts NULL. */
void evaluation_free(struct evaluation *ev);

/* 1 when ev is an error record: the case did not read or a rule failed. */
int evaluation_failed(const struct evaluation *ev);

/* 1 when a and b would give the same output record. */
int evaluation_equal(const struct evaluation *a, const struct evaluation *b);

/* The error message of a failed evaluation ("" for none). */
const char *evaluation_message(const struct evaluation *ev);

/* The error of a failed evaluation as "path: message" (the path left out
 * when empty) in buf, or NULL when it did not fail. */
const char *evaluation_error(const struct evaluation *ev, char *buf,
                             size_t size);

/* How many warnings the evaluation's record lists: the case's, then (when
 * no rule failed) the ruleset's. */
size_t evaluation_n_warnings(const struct evaluation *ev);

/* Warning i of that list; a case warning has kind NULL. */
struct nms_rule_warning evaluation_warning(const struct evaluation *ev,
                                           size_t i);

/* 1 when two warnings say the same (path, message and kind). */
int evaluation_same_warning(const struct nms_rule_warning *a,
                            const struct nms_rule_warning *b);

/* 1 when the failure is a rule's (the case itself reads). */
int evaluation_rule_failed(const struct evaluation *ev);

#endif
