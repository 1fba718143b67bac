/* evaluation.c - the session's evaluations (see evaluation.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/evaluation.h"

/* What the output says for a case handed over without a result. */
#define NOT_EVALUATED "case was not evaluated"

struct evaluation *evaluation_new(struct nms_case *c, struct nms_result *r,
                                  const struct nms_ruleset_info *rs)
{
    struct evaluation *ev = calloc(1, sizeof *ev);
    size_t len = strlen(rs->name) + strlen(rs->version) + strlen(rs->digest) + 3;

    if (ev)
        ev->ruleset = malloc(len);
    if (!ev || !ev->ruleset) {
        free(ev);
        nms_result_free(r);
        nms_case_free(c);
        return NULL;
    }
    snprintf(ev->ruleset, len, "%s %s %s", rs->name, rs->version, rs->digest);
    ev->c = c;
    ev->r = r;
    return ev;
}

void evaluation_free(struct evaluation *ev)
{
    if (!ev)
        return;
    nms_result_free(ev->r);
    nms_case_free(ev->c);
    free(ev->ruleset);
    free(ev);
}

int evaluation_failed(const struct evaluation *ev)
{
    return ev->c->error || !ev->r || ev->r->error;
}

int evaluation_rule_failed(const struct evaluation *ev)
{
    return !ev->c->error && ev->r && ev->r->error;
}

const char *evaluation_message(const struct evaluation *ev)
{
    if (ev->c->error)
        return ev->c->error->message;
    if (ev->r && ev->r->error)
        return ev->r->error->message;
    return evaluation_failed(ev) ? NOT_EVALUATED : "";
}

const char *evaluation_error(const struct evaluation *ev, char *buf,
                             size_t size)
{
    const char *path = ev->c->error ? ev->c->error->path : "";

    if (!evaluation_failed(ev))
        return NULL;
    snprintf(buf, size, "%s%s%s", path, *path ? ": " : "",
             evaluation_message(ev));
    return buf;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

size_t evaluation_n_warnings(const struct evaluation *ev)
{
    return ev->c->n_warnings + (ev->r && !ev->r->error ? ev->r->n_warnings : 0);
}

struct nms_rule_warning evaluation_warning(const struct evaluation *ev,
                                           size_t i)
{
    struct nms_rule_warning w;

    if (i < ev->c->n_warnings) {
        w.path = ev->c->warnings[i].path;
        w.message = ev->c->warnings[i].message;
        w.kind = NULL;
        return w;
    }
    return ev->r->warnings[i - ev->c->n_warnings];
}

int evaluation_same_warning(const struct nms_rule_warning *a,
                            const struct nms_rule_warning *b)
{
    return same_str(a->path, b->path) && same_str(a->message, b->message) &&
           same_str(a->kind, b->kind);
}

/* The warnings of two evaluations, in record order. */
static int same_warnings(const struct evaluation *a,
                         const struct evaluation *b)
{
    size_t i, n = evaluation_n_warnings(a);
    struct nms_rule_warning wa, wb;

    if (n != evaluation_n_warnings(b))
        return 0;
    for (i = 0; i < n; i++) {
        wa = evaluation_warning(a, i);
        wb = evaluation_warning(b, i);
        if (!evaluation_same_warning(&wa, &wb))
            return 0;
    }
    return 1;
}

/* Times compare as they print: NAN (null) equals NAN. */
static int same_time(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* The parts of two cases that their output records show. */
static int same_case(const struct nms_case *a, const struct nms_case *b)
{
    if (!same_str(a->id, b->id) || !same_str(a->label_json, b->label_json) ||
        !a->error != !b->error)
        return 0;
    if (a->error)
        return same_str(a->error->path, b->error->path) &&
               same_str(a->error->message, b->error->message);
    return same_time(a->assessed_at, b->assessed_at) &&
           a->time_form == b->time_form;
}

int evaluation_equal(const struct evaluation *a, const struct evaluation *b)
{
    if (!same_case(a->c, b->c) || !same_warnings(a, b) ||
        (!a->c->error && !same_str(a->ruleset, b->ruleset)))
        return 0;
    if (evaluation_failed(a) &&
        (!same_str(a->c->source, b->c->source) || a->c->line != b->c->line ||
         a->c->index != b->c->index))
        return 0;
    return nms_result_equal(a->r, b->r);
}
