/*
 * precompile.h - compiling a ruleset's files on a second core while the
 * ruleset loads (precompile.c).
 *
 * Compiling the rule text is ~40 % of a cold start (`nmsrules eval` of one
 * case). While the loading thread requires modules one after another, a
 * thread of the load's own compiles the files the load has not reached
 * yet, in a private Lua state, and hands each over as the bytecode of that
 * same text; the loading thread then loads that bytecode (several times
 * cheaper than parsing) instead of compiling the file itself.
 *
 * The bytecode never leaves the process and is made by the same liblua
 * from the text the digest covered; rules still cannot load bytecode of
 * their own (the sandbox's load stays text only). A file the thread could
 * not compile (a syntax error, its memory cap) is compiled by the loading
 * thread as before, so every error message is the one the text gives.
 *
 * Memory: the thread has a cap of its own (the load's allowance) for its
 * state and the bytecode it made together: the buffers live until the
 * load ends, and some text makes several times its size of bytecode, so
 * without counting them 32 MiB of rule text could hold the cap several
 * times over. A file that comes as bytecode does not put the parser's
 * temporary memory on the loading state, so a ruleset whose load comes
 * within a few hundred kilobytes of the memory cap could load with two
 * CPUs and fail on one. The cap is 64 MiB and the default ruleset's load
 * holds ~4 MB; its bytecode buffers are ~350 KB in all.
 */
#ifndef NMS_PRECOMPILE_H
#define NMS_PRECOMPILE_H

#include <stddef.h>

#include <lua.h>

#include "lua/vm.h"

struct nms_precompile;

/*
 * Starts compiling, on a thread of its own, the files of the `n`
 * snapshots; snapshot i holds the files of directory dirs[i] (a file is
 * known as "<dir>/<path>", as nms_vm_set_sources keys it). `memory` caps
 * what the thread's Lua state may hold. The snapshots must stay unchanged
 * until nms_precompile_finish (but for texts not read yet: see
 * nms_precompile_publish). The thread starts at once when some texts are
 * given, else with the first file published (nms_precompile_skip).
 * Returns NULL when there is no second CPU or out of memory; when the
 * thread cannot start, the load compiles every file itself.
 */
struct nms_precompile *nms_precompile_start(const char *const *dirs,
                                            const struct nms_snapshot *snaps,
                                            size_t n, size_t memory);

/*
 * Snapshots may be given before their files are read (nms_snapshot_list:
 * texts NULL), so that the thread starts on the first file read while the
 * others are read: nms_precompile_publish hands it file i of snapshot k
 * (`text`, `len`: the snapshot's, unchanged until nms_precompile_finish)
 * once read. Accepts a NULL `pc`.
 */
void nms_precompile_publish(struct nms_precompile *pc, size_t k, size_t i,
                            const char *text, size_t len);

/* Tells the thread that file i of snapshot k (not read yet) will not be
 * compiled: the load has its bytecode already (bundled.h). The thread
 * starts with the first file published, so that a load whose files are
 * all bundled starts none. Accepts a NULL `pc`. */
void nms_precompile_skip(struct nms_precompile *pc, size_t k, size_t i);

/*
 * [-0, +(0|1)] Pushes the function of file `path` ("<dir>/<path>") made
 * from the thread's bytecode, if the thread compiled exactly `text` (`len`
 * bytes: the text the caller would compile), and returns 1; returns 0
 * and pushes nothing
 * when the caller must compile the file itself (not compiled yet, or
 * still being compiled: the thread's work on it is then dropped; or the
 * thread failed on it). Never waits. Accepts a NULL `pc`.
 */
int nms_precompile_take(struct nms_precompile *pc, lua_State *L,
                        const char *path, const char *text, size_t len);

/* Waits until the thread has compiled every file nobody claimed (or
 * could not start its state): for tests, which need to know which way a
 * file came; accepts NULL. */
void nms_precompile_settle(struct nms_precompile *pc);

/* Stops the thread (it drops the file in hand after at most one piece of
 * 4 KB of its text), waits for it and frees everything; accepts NULL. */
void nms_precompile_finish(struct nms_precompile *pc);

#endif
