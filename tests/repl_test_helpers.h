/*
 * repl_test_helpers.h - what the tests of the REPL's own modules share: a
 * session on the test ruleset tests/data/rules/tri (one points set "four":
 * items a, b, c, d echoing history.prior_nms, dehydration, agitation and
 * catatonia), and capturing what a module prints to stderr, so that every
 * error path is checked by its message.
 */
#ifndef NMS_REPL_TEST_HELPERS_H
#define NMS_REPL_TEST_HELPERS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/options.h"
#include "session/replua.h"
#include "session/session.h"

struct repl_fixture {
    struct nms_cli cli;
    struct session s;
};

/* A session with the test ruleset loaded and its Lua, or NULL. */
static inline struct repl_fixture *fixture_new(void)
{
    struct repl_fixture *f = calloc(1, sizeof *f);

    if (!f)
        return NULL;
    f->cli.rules_dir = NMS_TEST_DATA "/rules/tri";
    f->cli.as_of = NAN;
    if (session_init(&f->s, &f->cli) != 0 || !(f->s.lua = replua_new(&f->s))) {
        session_release(&f->s);
        free(f);
        return NULL;
    }
    return f;
}

static inline void fixture_free(struct repl_fixture *f)
{
    if (!f)
        return;
    replua_free(f->s.lua);
    session_release(&f->s);
    free(f);
}

/* Where stderr went while capturing. */
struct capture {
    FILE *tmp;
    int saved;
    char text[4096];
};

static inline void capture_start(struct capture *c)
{
    fflush(stderr);
    c->tmp = tmpfile();
    c->saved = dup(fileno(stderr));
    dup2(fileno(c->tmp), fileno(stderr));
}

/* Ends the capture; returns what was written, NUL-terminated. */
static inline const char *capture_end(struct capture *c)
{
    size_t n;

    fflush(stderr);
    dup2(c->saved, fileno(stderr));
    close(c->saved);
    rewind(c->tmp);
    n = fread(c->text, 1, sizeof c->text - 1, c->tmp);
    c->text[n] = '\0';
    fclose(c->tmp);
    return c->text;
}

#endif
