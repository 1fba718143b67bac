/*
 * session.h - the state of one interactive session (nmsrules repl) and the
 * modules that act on it.
 *
 * The case being built is a cJSON document. Before every evaluation it is
 * printed and read back through the public case reader, exactly as
 * `nmsrules eval` reads a file, so the session can never hold a case the
 * batch program would read differently. Results are consumed as the
 * documented JSON record (nms_output_json), never through the C structs.
 *
 * Ownership: the session owns its document, the last two result records,
 * its vocabulary and its Lua state; session_release frees them all.
 */
#ifndef NMS_REPL_SESSION_H
#define NMS_REPL_SESSION_H

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "front/cli.h"

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
    struct nms_engine *engine;
    char rules_dir[4096];
    cJSON *doc;                 /* the case being built, always an object */
    char source[256];           /* file it came from, or "untitled" */
    cJSON *prev, *last;         /* the last two result records, or NULL */
    double as_of;               /* .at; NAN for none */
    char as_of_text[64];
    cJSON *edit_time;           /* the last "at TIME" of an edit, or NULL */
    struct vocab vocab;
    struct replua *lua;
    int color;                  /* ANSI colour on output */
    int interactive;            /* reading a terminal */
    const char *input_name;     /* script name for messages, or NULL */
    long input_line;            /* line of the entry being run */
    int failed;                 /* some command failed (script exit status) */
    int quit;                   /* .quit was given */
};

/* ---- session.c --------------------------------------------------------- */

/* Sets up a session with an empty case and loads the ruleset. Returns 0,
 * or an exit status after printing why. */
int session_init(struct session *s, const struct nms_cli *cli);

/* Frees everything the session owns. */
void session_release(struct session *s);

/* Prints "error: <message>" (with the script name and line when reading
 * a script) to stderr and marks the session as failed. */
void repl_error(struct session *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints a note (a warning that changes nothing) to stderr. */
void repl_note(struct session *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Evaluates `doc` as of `as_of` (NAN: none) through the case reader and the
 * engine. On 0, *out is the result record (caller frees it with
 * cJSON_Delete) and, when `report` is set, the readable report was printed
 * there. Returns 1 when Ctrl-C interrupted it (nothing printed), -1 after
 * printing why (memory ran out). A case that does not read is not a
 * failure: its record is then an error record.
 */
int session_evaluate(struct session *s, const cJSON *doc, double as_of,
                     cJSON **out, FILE *report);

/*
 * Makes `doc` the session's case if it reads without error: evaluates it,
 * prints new warnings and the one-line summary of what changed. On failure
 * prints the reason, frees `doc` and keeps the old case. Takes ownership of
 * doc. Returns 0 or -1.
 */
int session_commit(struct session *s, cJSON *doc);

/* Re-reads the ruleset; keeps the old one on failure. Returns 0 or -1. */
int session_reload(struct session *s);

/* ---- vocab.c ----------------------------------------------------------- */

/* Fills the vocabulary from the ruleset in s->rules_dir and an evaluation
 * of an empty case. Missing pieces leave lists empty; never fails. */
void vocab_load(struct session *s);
void vocab_release(struct vocab *v);

/* ---- chart.c: editing the case ----------------------------------------- */

int chart_give(struct session *s, int argc, char **argv);
int chart_stop(struct session *s, int argc, char **argv);
int chart_entry(struct session *s, int argc, char **argv);  /* .vitals .exam .lab .baseline */
int chart_set(struct session *s, int argc, char **argv);
int chart_unset(struct session *s, int argc, char **argv);

/* Parses a time ("50h", "2d", "-6", an ISO 8601 date-time) into a new
 * JSON number of hours or string; NULL after printing why. */
cJSON *chart_time(struct session *s, const char *text);

/*
 * Applies FIELD=VALUE assignments (as .vitals and .set read them; FIELD is
 * a dotted path, bp=SBP/DBP sets both) to `doc`. Returns 0 or -1 after
 * printing why. Used by .whatif on a copy.
 */
int chart_assign(struct session *s, cJSON *doc, int argc, char **argv);

/* ---- show.c ------------------------------------------------------------ */

/* Prints the case as a readable chart. */
void show_case(struct session *s, FILE *fp);

/* Writes a JSON value as a person reads it ("39.4", "103.1 [degF]",
 * "yes") into buf. */
void show_value(const cJSON *v, char *buf, size_t size);

/* ---- explain.c: .why / .whynot ----------------------------------------- */

/* Prints set `id` of the last result: items, evidence, and for a set not
 * met the smallest change that would meet it (whynot: only the items that
 * are not true). Returns 0, or -1 after printing why. */
int explain_set(struct session *s, const char *id, int whynot);

/* ---- compare.c --------------------------------------------------------- */

/* Prints what changed between two result records in one line ("iec2011
 * 62 → 79 (met)"), or the current state when `before` is NULL. */
void compare_summary(FILE *fp, const cJSON *before, const cJSON *after);

/* Prints every difference between two records, one per line (item
 * values, scores, verdicts, tiers); "no differences" when none. */
void compare_detail(FILE *fp, const cJSON *before, const cJSON *after);

/* ---- timeline.c -------------------------------------------------------- */

int timeline_print(struct session *s, FILE *fp);

/* 1 when `doc` writes its times as ISO 8601 strings. */
int timeline_iso(const cJSON *doc);

/* Collects the distinct times of `doc` in hours, sorted, into `times`
 * (at most `max`); returns how many. */
size_t timeline_times(const cJSON *doc, double *times, size_t max);

/* ---- commands.c -------------------------------------------------------- */

/* Runs one complete entry: a dot-command, or Lua. */
void commands_run(struct session *s, const char *entry);

/* The i-th command name (".give"), or NULL past the end; for completion. */
const char *commands_name(size_t i);

#endif
