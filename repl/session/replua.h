/*
 * replua.h - the session's own Lua state (replua.c): the case as a table,
 * the engine as `nms`, expressions printed, incomplete chunks detected.
 */
#ifndef NMS_REPL_REPLUA_H
#define NMS_REPL_REPLUA_H

#include <stddef.h>

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

/* Whether session s may open the file at `path` with .load or .read: a
 * session that is not its user's own (replua_trusted) reads only regular
 * files, as /dev/zero never ends and a named pipe may never answer
 * (either held a script's session for ever; the pipe already in open).
 * Says why not; a path that cannot be looked at is left to the open. */
int replua_may_read(struct session *s, const char *path);

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
