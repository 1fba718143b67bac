/*
 * bundle_gen.c - the build's generator of the bundled ruleset
 * (bundled.h): compiles each rule file with the liblua the engine links
 * and writes a C file with its path, text and bytecode, and the probe
 * that tells a run whether its liblua reads that bytecode.
 *
 *     bundle_gen OUT.c RULES_DIR PATH...
 *
 * PATHs are relative to RULES_DIR. A file with a syntax error is left
 * out, with a warning: a run compiles it from its text and reports the
 * error with the run's own file and line, as for any file not bundled,
 * and the rule tests fail on it; stopping the build would keep a rule
 * author from building the program that shows them that message. Any
 * other failure (a file unreadable, out of memory, a dump not as
 * bundled.c reads it) stops the build. Not part of the engine (it prints
 * and exits, as a build tool does): run by a CMake custom command
 * whenever a rule file changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "lua/bundled.h"

/* Lua text with most of what code generation does (constants of each
 * kind, upvalues, closures, loops, varargs, methods, integer and float
 * arithmetic, goto, to-be-closed variables): a liblua whose compiler or
 * dump format differs from the build's dumps it differently. */
static const char probe[] =
    "local t, s, n, f = {1, 2.5, 'x', true, nil, x = {y = -3}}, 'k', 7, 0.5\n"
    "local function up(a, ...)\n"
    "  local b <const> = select('#', ...)\n"
    "  local c <close> = nil\n"
    "  return function(...) n = n + a * b // 2 % 3 ^ f; return n, ... end\n"
    "end\n"
    "for i = 1, 10, 2 do t[#t + 1] = i << 1 | 3 & ~i end\n"
    "for k, v in pairs(t) do if k == s or v ~= v then goto done end end\n"
    "::done::\n"
    "while n > 0 and not (n < -1) do n = n - 1 end\n"
    "repeat n = n + 1.0 until n >= 2\n"
    "local m = setmetatable({}, {__index = function(_, k) return k end})\n"
    "return up(n, s:upper(), m.z, t.x.y .. s, {...}), -f, 2^53, 0x7fffffffffffffff\n";

/* lua_Writer appending to a growing buffer. */
struct buffer {
    unsigned char *data;
    size_t size, room;
};

static int append(lua_State *L, const void *p, size_t size, void *ud)
{
    struct buffer *b = ud;
    (void)L;
    if (size > b->room - b->size) {
        size_t room = b->room ? b->room : 4096;
        unsigned char *grown;
        while (room - b->size < size)
            room *= 2;
        if (!(grown = realloc(b->data, room)))
            return 1;
        b->data = grown;
        b->room = room;
    }
    memcpy(b->data + b->size, p, size);
    b->size += size;
    return 0;
}

_Noreturn static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bundle_gen: %s%s%s\n", what, detail ? ": " : "",
            detail ? detail : "");
    exit(1);
}

/* Compiles `text` as `chunkname` and dumps it, line information kept;
 * data NULL (and a warning) for a syntax error. */
static struct buffer compile(lua_State *L, const char *text, size_t len,
                             const char *chunkname)
{
    struct buffer b = {NULL, 0, 0};
    int status = luaL_loadbufferx(L, text, len, chunkname, "t");

    if (status == LUA_ERRSYNTAX) {
        fprintf(stderr, "bundle_gen: warning: not bundled (compiled from "
                        "its text at each run): %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return b;
    }
    if (status != LUA_OK)
        die("cannot compile", lua_tostring(L, -1));
    if (lua_dump(L, append, &b, 0) != 0 || !b.data)
        die("out of memory", NULL);
    lua_pop(L, 1);
    return b;
}

static void write_bytes(FILE *out, const char *name, size_t i,
                        const unsigned char *data, size_t size)
{
    size_t k;

    fprintf(out, "static const unsigned char %s_%zu[] = {", name, i);
    for (k = 0; k < size; k++)
        fprintf(out, "%s%u,", k % 24 ? "" : "\n", data[k]);
    fprintf(out, "0};\n");
}

/* The size of the dump's header (ldump.c's dumpHeader): the signature,
 * version and format bytes, the 6 bytes of LUAC_DATA, three sizes, then
 * a lua_Integer and a lua_Number. The upvalue count of the main function
 * follows, then its source: nms_bundled_load checks the header against the
 * probe and the placeholder at source_at, and the build checks it here. */
#define HEADER (sizeof LUA_SIGNATURE - 1 + 2 + 6 + 3 + sizeof(lua_Integer) + \
                sizeof(lua_Number))

/* Where the placeholder source "@<path>" ends in `code`, checking that
 * it is where bundled.c will look: the dump format is not what this file
 * was written for otherwise. */
static size_t source_end(const struct buffer *code, const char *path)
{
    size_t at = HEADER + 1, count = 0, shift = 0;
    size_t plen = strlen(path);

    while (at < code->size && shift < 64) {
        unsigned char byte = code->data[at++];
        count = count << 7 | (byte & 0x7f);
        shift += 7;
        if (byte & 0x80)
            break;
    }
    if (count != plen + 2 || code->size - at < plen + 1 ||
        code->data[at] != '@' || memcmp(code->data + at + 1, path, plen) != 0)
        die("unexpected dump format at the source of", path);
    return at + 1 + plen;
}

static char *read_text(const char *dir, const char *path, size_t *len)
{
    char name[4096];
    char *text = NULL;
    struct stat st;
    long size;
    FILE *f;

    if (snprintf(name, sizeof name, "%s/%s", dir, path) >= (int)sizeof name)
        die("path too long", path);
    /* a FIFO would block the build in fopen; a run skips it anyway */
    if (stat(name, &st) != 0)
        die("cannot read", name);
    if (!S_ISREG(st.st_mode))
        die("not a regular file", name);
    if (!(f = fopen(name, "rb")) || fseek(f, 0, SEEK_END) != 0 ||
        (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
        !(text = malloc((size_t)size + 1)) ||
        fread(text, 1, (size_t)size, f) != (size_t)size)
        die("cannot read", name);
    fclose(f);
    *len = (size_t)size;
    return text;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes `s` as a C string literal: every byte but letters, digits and
 * "_./-" as an octal escape, so that no file name (quotes, backslashes,
 * "??" trigraphs, newlines, "*" "/") can end or change it. */
static void write_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || strchr("_./-", c))
            fputc(c, out);
        else
            fprintf(out, "\\%03o", c);
    }
    fputc('"', out);
}

/* The table's entry for one file, written once every array is; bundled
 * 0 for a file left out. */
struct entry {
    size_t len, size, end;
    int bundled;
};

/* Writes the text and bytecode of `path` and fills `e`. */
static void bundle(FILE *out, lua_State *L, const char *dir,
                   const char *path, size_t i, struct entry *e)
{
    char *text = read_text(dir, path, &e->len);
    size_t size = strlen(path) + 2;
    char *chunkname = malloc(size);
    struct buffer code;

    if (!chunkname)
        die("out of memory", NULL);
    snprintf(chunkname, size, "@%s", path);
    code = compile(L, text, e->len, chunkname);
    if (code.data) {
        e->bundled = 1;
        e->size = code.size;
        e->end = source_end(&code, path);
        write_bytes(out, "text", i, (const unsigned char *)text, e->len);
        write_bytes(out, "code", i, code.data, code.size);
    }
    free(chunkname);
    free(text);
    free(code.data);
}

int main(int argc, char **argv)
{
    lua_State *L = luaL_newstate();
    struct buffer code;
    struct entry *entries;
    FILE *out;
    size_t i, n = argc > 3 ? (size_t)argc - 3 : 0, bundled = 0;
    char **paths = argv + 3;
    char tmp[4096];
    int failed;

    if (argc < 3)
        die("usage: bundle_gen OUT.c RULES_DIR PATH...", NULL);
    if (!L || !(entries = calloc(n + 1, sizeof *entries)))
        die("out of memory", NULL);
    qsort(paths, n, sizeof *paths, by_path);    /* bundled.c bsearches */
    /* written beside and renamed at the end: a failed run leaves no
     * half file that the next build would take as up to date */
    if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >= (int)sizeof tmp ||
        !(out = fopen(tmp, "w")))
        die("cannot write", argv[1]);
    fprintf(out, "/* generated by cmake/bundle_gen.c from the rules "
                 "directory; do not edit */\n"
                 "#include \"lua/bundled.h\"\n\n");
    code = compile(L, probe, sizeof probe - 1, NMS_BUNDLED_PROBE_NAME);
    write_bytes(out, "probe", 0, code.data, code.size);
    write_bytes(out, "probe_text", 0, (const unsigned char *)probe,
                sizeof probe - 1);
    free(code.data);
    for (i = 0; i < n; i++)
        bundle(out, L, argv[2], paths[i], i, &entries[i]);
    fprintf(out, "\nstatic const struct nms_bundled_file files[] = {\n");
    for (i = 0; i < n; i++) {
        if (!entries[i].bundled)
            continue;
        fprintf(out, "    {");
        write_string(out, paths[i]);
        fprintf(out, ", text_%zu, %zu, code_%zu, %zu, %zu, %zu},\n", i,
                entries[i].len, i, entries[i].size, (size_t)HEADER + 1,
                entries[i].end);
        bundled++;
    }
    fprintf(out, "    {0, 0, 0, 0, 0, 0, 0}};\n\n"
                 "const struct nms_bundled nms_bundled_rules = {\n"
                 "    (const char *)probe_text_0, sizeof probe_text_0 - 1,\n"
                 "    probe_0, sizeof probe_0 - 1, files, %zu};\n", bundled);
    lua_close(L);
    free(entries);
    /* a write that failed (a full disk) fails the build, even when the
     * last flush succeeds */
    failed = ferror(out);
    if (fclose(out) != 0 || failed || rename(tmp, argv[1]) != 0)
        die("cannot write", argv[1]);
    return 0;
}
