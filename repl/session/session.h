/*
 * session.h - the state of one interactive session (nmsrules repl) and the
 * modules that act on it.
 *
 * The case being built is a cJSON document (the chart). Every evaluation
 * reads it through the one way into a case, nms_case_read, as
 * `nmsrules eval` reads a file (the tree directly, not printed and parsed
 * again), so the session can never hold a case the batch program would
 * read differently. Results are kept as the C structs (evaluation.h).
 *
 * Ownership: the session owns its document, its last two evaluations and
 * its vocabulary; session_release frees them all.
 */
#ifndef NMS_REPL_SESSION_H
#define NMS_REPL_SESSION_H

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "front/msg.h"
#include "front/options.h"
#include "nms/reader.h"
#include "session/evaluation.h"

/* Most words one command line is split into. */
#define REPL_MAX_ARGS 64
/* Longest entry (a command or a Lua chunk over several lines). */
#define REPL_MAX_INPUT (64u * 1024u)

/* Names the loaded ruleset offers to completion and suggestions. */
struct vocab {
    char **drugs;      /* generic names and brands from the ruleset's drug list */
    size_t n_drugs;
    char **sets;       /* ids usable with .why: criteria, severity, differentials */
    size_t n_sets;
};

struct replua;

struct session {
    const struct nms_cli *cli;  /* options (rules, params, limits) */
    /* Runs one entry through the command table (commands_run). Scenario
     * files reach the commands through it, so scenario.c, whose .read is
     * one of those commands, does not call back into commands.c. */
    void (*run_entry)(struct session *s, const char *entry);
    struct nms_engine *engine;
    char rules_dir[4096];
    cJSON *doc;                 /* the case being built, always an object */
    char source[256];           /* file it came from, or "untitled" */
    struct evaluation *prev, *last;  /* the last two evaluations, or NULL */
    double as_of;               /* .at; NAN for none */
    char as_of_text[64];
    cJSON *edit_time;           /* the last "at TIME" of an edit, or NULL */
    struct vocab vocab;
    struct replua *lua;
    struct replua *read_lua;    /* the sandboxed Lua of scenarios .read at
                                   a terminal, made at their first Lua
                                   entry (replua_for_entry), or NULL */
    int color;                  /* ANSI colour on output */
    int interactive;            /* reading a terminal */
    struct nms_msg_place place; /* script and line of the entry being run,
                                   whether a command failed, and whether
                                   the command line's CASE is loading */
    int quit;                   /* .quit was given */
    int keep_going;             /* --keep-going: a script runs past errors */
    int read_depth;             /* .read files being run, one in another */
    char *read_root;            /* the directory (real path) of the script
                                   or terminal .read scenario being run, a
                                   root of what its .load and .read may
                                   open (replua_open); NULL: none */
    FILE *out;                  /* where a command's output goes: stdout,
                                   or the page being gathered (page.h) */
};

/* Sets up a session with an empty case and loads the ruleset. Returns 0,
 * or an exit status after printing why. */
int session_init(struct session *s, const struct nms_cli *cli);

/* Frees everything the session owns. */
void session_release(struct session *s);

/* Messages about the entry being run (front/msg.c): repl_error marks the
 * session as failed (a script's exit status). */
#define repl_error(s, ...) nms_place_errorf(&(s)->place, __VA_ARGS__)
#define repl_note(s, ...) nms_place_notef(&(s)->place, __VA_ARGS__)

/*
 * Evaluates `doc` as of `as_of` (NAN: none) through the case reader and the
 * engine. On 0, *out is the evaluation (caller frees it with
 * evaluation_free) and, when `report` is set, the readable report was
 * printed there. Returns 1 when Ctrl-C interrupted it (nothing printed), -1 after
 * printing why (memory ran out). A case that does not read is not a
 * failure: its record is then an error record.
 */
int session_evaluate(struct session *s, const cJSON *doc, double as_of,
                     struct evaluation **out, FILE *report);

/*
 * Makes `doc` the session's case if it reads without error: evaluates it,
 * prints new warnings and the one-line summary of what changed. On failure
 * prints the reason, frees `doc` and keeps the old case. Takes ownership of
 * doc; `doc` may also be s->doc itself, to evaluate the current case again
 * (after .at or .reload). Returns 0 or -1.
 */
int session_commit(struct session *s, cJSON *doc);

/* The record of `doc` as nms_case_read takes it (the chart itself, not
 * text), named after the session's source; valid while doc lives. */
void session_record(const struct session *s, const cJSON *doc,
                    struct nms_record *rec);

/* The report flags (cmd/report.h) of the session: colour on a terminal,
 * and entry numbers counted from 1 as the session's paths count them. */
int report_flags(const struct session *s);

/* Re-reads the ruleset; keeps the old one on failure. Returns 0 or -1. */
int session_reload(struct session *s);

/* ---- vocab.c ----------------------------------------------------------- */

/* Fills the vocabulary from the ruleset in s->rules_dir and an evaluation
 * of an empty case. Missing pieces leave lists empty; never fails. */
void vocab_load(struct session *s);
void vocab_release(struct vocab *v);

#endif
