/*
 * bundled.h - the bundled ruleset's bytecode, built into the engine
 * (bundled.c; the build makes the table with cmake/bundle_gen.c).
 *
 * Parsing the rule text is the largest single cost of a cold start. The
 * build compiles every file of rules/ with the liblua it links and keeps,
 * per file, its path relative to the ruleset directory, its text and its
 * bytecode (line information kept). A load takes a module's bytecode from
 * here when its file has the same relative path and exactly the same text
 * (in whatever directory); any other file, an edited one included, is
 * compiled from its text as before.
 *
 * The bytecode is made by the build from the repository's own text: as
 * trusted as the program. Rules still cannot load bytecode (the sandbox's
 * load stays text only) and a ruleset file is never taken as bytecode.
 * The liblua a program runs with may not be the one it was built with:
 * nms_bundled_usable compares the runtime's dump of a probe chunk with the
 * build's, and a load that finds them different compiles every file.
 *
 * The chunk name: a module compiled from text is named "@<dir>/<path>"
 * with the directory of the run, in every error message and
 * debug.getinfo. A Lua 5.4 dump holds its main function's source once
 * (nested functions inherit it), right after the header and the count of
 * upvalues; the build compiles with the placeholder "@<path>" and
 * nms_bundled_load hands lua_load the dump with that one string replaced,
 * so the function is the one the text would give (test_bundled compares
 * the dumps of both byte for byte).
 */
#ifndef NMS_BUNDLED_H
#define NMS_BUNDLED_H

#include <stddef.h>

#include <lua.h>

/* The chunk name the probe is compiled with, at build time and at run
 * time. */
#define NMS_BUNDLED_PROBE_NAME "=nmsrules bytecode probe"

/* One file of the bundled ruleset. */
struct nms_bundled_file {
    const char *path;               /* relative to the ruleset directory */
    const unsigned char *text;      /* what the file must hold, exactly */
    size_t len;
    const unsigned char *code;      /* lua_dump of the text, strip 0,
                                       compiled as "@<path>" */
    size_t size;
    size_t source_at, source_end;   /* where code holds the main function's
                                       source string (its size, then
                                       "@<path>") */
};

/* A bundled ruleset: its files in byte order of their paths, and the
 * probe that tells whether the runtime's liblua reads the build's
 * bytecode. */
struct nms_bundled {
    const char *probe;              /* Lua text */
    size_t probe_len;
    const unsigned char *probe_code;    /* the build's dump of it */
    size_t probe_size;
    const struct nms_bundled_file *files;
    size_t n;
};

/* The ruleset of rules/ as built (generated: gen/bundled_rules.c). */
extern const struct nms_bundled nms_bundled_rules;

/* Whether this process's liblua dumps the probe exactly as the build's
 * did (same header, same code generation): only then is the bundled
 * bytecode loaded. Costs one small compile (tens of microseconds); 0 also
 * when out of memory. */
int nms_bundled_usable(const struct nms_bundled *b);

/* The bundled file at relative path `path` whose text is exactly `text`
 * (`len` bytes), or NULL. */
const struct nms_bundled_file *nms_bundled_find(const struct nms_bundled *b,
                                                const char *path,
                                                const char *text, size_t len);

/*
 * [-0, +(0|1)] Pushes the function of file `f` of `b` (one that
 * nms_bundled_usable accepted) named `chunkname` ("@<dir>/<path>", as its
 * text would be compiled) and returns 1; returns 0 and pushes nothing
 * when its bytecode is not what it should be (the header, the source
 * placeholder) or lua_load fails (the memory cap): the caller then
 * compiles the text, whose error is then the one reported.
 */
int nms_bundled_load(lua_State *L, const struct nms_bundled *b,
                     const struct nms_bundled_file *f, const char *chunkname);

#endif
