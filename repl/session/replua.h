/*
 * replua.h - the session's own Lua state (replua.c): the case as a table,
 * the engine as `nms`, expressions printed, incomplete chunks detected.
 */
#ifndef NMS_REPL_REPLUA_H
#define NMS_REPL_REPLUA_H

#include <stddef.h>
#include <stdio.h>

#include "session/session.h"

/* Whether the entry session s is running is its user's own: typed at a
 * terminal, or run with --full-lua. Then its Lua gets the whole standard
 * library, and its commands may write files (.save, .plot); a script,
 * piped input or a scenario .read at a terminal, which may come from
 * anyone, gets neither. */
int replua_trusted(const struct session *s);

/* The Lua state an entry of session s runs in: the session's own, or,
 * for an entry of a scenario .read at a terminal, a sandboxed one made
 * for such entries at the first (s->read_lua), as a script's. NULL when
 * out of memory. */
struct replua *replua_for_entry(struct session *s);

/* Opens the file at `path` for .load or .read in session s, or returns
 * NULL after saying why. A session that is not its user's own
 * (replua_trusted; the command line's CASE excepted) opens only regular
 * files (/dev/zero never ends and a named pipe may never answer: either
 * held a script's session for ever), and only below the working directory
 * or s->read_root, with no name on the way starting with '.': a shared
 * script's `.read ~/.ssh/id_rsa` printed the key line by line in its
 * error messages, to whatever log kept the output. docs/security.md. */
FILE *replua_open(struct session *s, const char *path);

/* Makes the directory of script or scenario `file` (NULL: none) the root
 * s->read_root of what its entries may open; returns the previous root,
 * which the caller hands back to replua_restore_root when it ends. */
char *replua_set_root(struct session *s, const char *file);
void replua_restore_root(struct session *s, char *old);

/* A new Lua state for session s, or NULL when out of memory. */
struct replua *replua_new(struct session *s);

/* Closes it; accepts NULL. */
void replua_free(struct replua *r);

/* 1 when `text` is an incomplete Lua chunk (the compiler hit the end of
 * input: "... near <eof>"), else 0 (complete, or a real syntax error that
 * running it will report). */
int replua_check(struct replua *r, const char *text, size_t len);

/* Whether `text` means something as Lua here: it compiles, and a bare
 * name ("help") is a global the session holds (not nil). A command typed
 * without its dot means nothing; commands.c then says how to run it. */
int replua_means_something(struct replua *r, const char *text);

/* Runs `text` (as "return <text>" first, so an expression prints its
 * value) and prints what it returns. Returns 0, or -1 after printing the
 * error. */
int replua_run(struct replua *r, const char *text);

#endif
