/*
 * digest.c - the SHA-256 fingerprint of a ruleset directory.
 *
 * Every result names the digest of the ruleset that produced it, so a
 * result can be traced to the exact rule text. The digest covers every
 * *.lua file below the directory, taken in byte order of their relative
 * paths, hashing each path and its content (so renaming a file changes the
 * digest too), each framed by its length, so that no bytes can move from
 * one file to the next without changing it. SHA-256 comes from nettle
 * rather than our own code.
 *
 * The files are read once, into a snapshot, and the sandbox compiles
 * modules from that snapshot only (also those required lazily, hours
 * later): the digest names exactly the text that runs, whatever happens
 * to the files after the load.
 */
#define _DEFAULT_SOURCE     /* d_type, DT_REG: a listing that says what each entry is */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "base/base_int.h"
#include "lua/ruleset.h"

/* How deep ruleset directories may nest; the default ruleset uses 2. */
#define MAX_DEPTH 8
/* How many rule files a ruleset may hold. */
#define MAX_FILES 4096
/* How many directories the walk may open: symbolic links are followed,
 * and ten in one directory that lead back to it name 10^8 directories
 * within MAX_DEPTH levels. */
#define MAX_DIRS 4096
#define MAX_PATH 4096
/* How many bytes of rule text a snapshot may hold (the default ruleset
 * has about 300 KiB). */
#define MAX_SNAPSHOT (32u * 1024u * 1024u)
/* Starts the hashed text, so that a change of framing changes digests. */
#define DIGEST_TAG "nmsrules ruleset digest 2\n"

struct file_list {
    char **paths;   /* relative to the ruleset directory */
    size_t n, cap;
    size_t dirs;    /* directories opened so far */
    const char *too_many;   /* "files" or "directories" past the limit */
    char failed[MAX_PATH];  /* the entry that could not be read, if any */
    int error;              /* and its errno */
};

static int ends_with_lua(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

static int add_path(struct file_list *list, const char *rel)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 32;
        char **grown;
        if (cap > MAX_FILES) {
            list->too_many = "files";
            return -1;
        }
        grown = realloc(list->paths, cap * sizeof *grown);
        if (!grown)
            return -1;
        list->paths = grown;
        list->cap = cap;
    }
    list->paths[list->n] = nms_strndup(rel, strlen(rel));
    if (!list->paths[list->n])
        return -1;
    list->n++;
    return 0;
}

/* Writes "a/b" (or "b" when a is empty) into buf; -1 if it does not fit. */
static int join(char *buf, size_t size, const char *a, const char *b)
{
    int n = snprintf(buf, size, "%s%s%s", a, *a ? "/" : "", b);

    if (n < 0 || (size_t)n >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/* Remembers entry `rel` and errno as why the walk failed. */
static void unreadable(struct file_list *list, const char *rel)
{
    list->error = errno;
    snprintf(list->failed, sizeof list->failed, "%s", rel);
}

/* Collects the *.lua files below root/rel; returns 0 or -1 (errno set). */
static int collect(const char *root, const char *rel, int depth,
                   struct file_list *list)
{
    char path[MAX_PATH], child[MAX_PATH];
    struct dirent *entry;
    struct stat st;
    DIR *dir;
    int rc = 0;

    if (join(path, sizeof path, root, rel) != 0)
        return -1;
    if (++list->dirs > MAX_DIRS) {
        list->too_many = "directories";
        return -1;
    }
    dir = opendir(path);
    if (!dir) {
        if (*rel && errno == ENOENT)
            return 0;   /* gone since it was listed */
        if (*rel)
            unreadable(list, rel);
        return -1;
    }
    while (rc == 0 && (entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;   /* ".", "..", and hidden editor files */
        /* A plain file the directory says is one needs no stat: rule
         * files are listed, the rest (rules/tests/ holds ~100 JSON files)
         * skipped; links and file systems that do not say are stat'ed. */
        if (entry->d_type == DT_REG && !ends_with_lua(entry->d_name))
            continue;
        if (join(child, sizeof child, rel, entry->d_name) != 0 ||
            join(path, sizeof path, root, child) != 0) {
            rc = -1;
        } else if (entry->d_type == DT_REG) {
            rc = add_path(list, child);
        } else if (stat(path, &st) != 0) {
            /* Gone since the listing (an editor's temporary file), or a
             * link to nothing: not there to read, as if listed a moment
             * later. Anything else names the entry. */
            if (errno != ENOENT) {
                unreadable(list, child);
                rc = -1;
            }
        } else if (S_ISDIR(st.st_mode))
            rc = depth < MAX_DEPTH ? collect(root, child, depth + 1, list) : 0;
        else if (S_ISREG(st.st_mode) && ends_with_lua(entry->d_name))
            rc = add_path(list, child);
    }
    closedir(dir);
    return rc;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Hashes `len` as 8 bytes, most significant first. */
static void hash_length(struct sha256_ctx *ctx, size_t len)
{
    uint8_t be[8];
    int i;

    for (i = 7; i >= 0; i--) {
        be[i] = (uint8_t)(len & 0xff);
        len >>= 8;
    }
    sha256_update(ctx, sizeof be, be);
}

/* Reads root/rel whole into a new buffer (*text, *len); 0, or -1 with
 * errno set (EFBIG past `room` bytes). The buffer is the file's size as
 * fstat gives it (plus one byte, to see the end), so the text is written
 * once into pages touched once; a file that grows meanwhile is followed. */
static int read_file(const char *root, const char *rel, size_t room,
                     char **text, size_t *len)
{
    char path[MAX_PATH];
    char *buf = NULL, *grown;
    size_t cap, n = 0;
    struct stat st;
    ssize_t got;
    int fd, rc = -1, saved;

    if (join(path, sizeof path, root, rel) != 0)
        return -1;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) != 0)
        goto out;
    cap = st.st_size > 0 && (size_t)st.st_size < room ? (size_t)st.st_size + 1
                                                       : 8192;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            if (!(grown = realloc(buf, cap)))
                goto out;
            buf = grown;
        } else if (!buf && !(buf = malloc(cap))) {
            goto out;
        }
        got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            goto out;
        }
        n += (size_t)got;
        if (n > room) {
            errno = EFBIG;
            goto out;
        }
        if (got == 0)
            break;
    }
    *text = buf;
    *len = n;
    buf = NULL;
    rc = 0;
out:
    saved = errno;
    free(buf);
    close(fd);
    errno = saved;
    return rc;
}

void nms_snapshot_release(struct nms_snapshot *snap)
{
    size_t i;

    for (i = 0; i < snap->n; i++) {
        free(snap->paths[i]);
        free(snap->texts[i]);
    }
    free(snap->paths);
    free(snap->texts);
    free(snap->lens);
    free(snap->bundled);
    memset(snap, 0, sizeof *snap);
}

int nms_snapshot_list(const char *dir, struct nms_snapshot *snap,
                      char *errmsg, size_t errsize)
{
    struct file_list list = {NULL, 0, 0, 0, NULL, "", 0};
    size_t i;
    int rc = -1;

    memset(snap, 0, sizeof *snap);
    if (collect(dir, "", 0, &list) != 0) {
        if (list.too_many)
            snprintf(errmsg, errsize, "ruleset '%s' holds more than %d %s "
                     "(a symbolic link to a directory counts each time it "
                     "is followed)", dir,
                     list.too_many[0] == 'f' ? MAX_FILES : MAX_DIRS,
                     list.too_many);
        else if (list.failed[0])
            snprintf(errmsg, errsize, "cannot read '%s/%s': %s", dir,
                     list.failed, strerror(list.error));
        else
            snprintf(errmsg, errsize, "cannot read ruleset directory '%s': "
                     "%s", dir, strerror(errno));
        goto out;
    }
    qsort(list.paths, list.n, sizeof *list.paths, compare_paths);
    snap->texts = calloc(list.n + 1, sizeof *snap->texts);
    snap->lens = calloc(list.n + 1, sizeof *snap->lens);
    snap->bundled = calloc(list.n + 1, sizeof *snap->bundled);
    if (!snap->texts || !snap->lens || !snap->bundled) {
        snprintf(errmsg, errsize, "out of memory");
        goto out;
    }
    snap->paths = list.paths;      /* taken: freed with the snapshot */
    snap->n = list.n;
    list.paths = NULL;
    list.n = 0;
    rc = 0;
out:
    for (i = 0; i < list.n; i++)
        free(list.paths[i]);
    free(list.paths);
    return rc;
}

int nms_snapshot_read(const char *dir, struct nms_snapshot *snap, size_t i,
                      size_t *total, char *errmsg, size_t errsize)
{
    if (read_file(dir, snap->paths[i], MAX_SNAPSHOT - *total,
                  &snap->texts[i], &snap->lens[i]) != 0) {
        if (errno == EFBIG)
            snprintf(errmsg, errsize, "ruleset '%s' holds more than 32 "
                     "MiB of rule text (at '%s')", dir, snap->paths[i]);
        else
            snprintf(errmsg, errsize, "cannot read '%s/%s': %s", dir,
                     snap->paths[i], strerror(errno));
        return -1;
    }
    *total += snap->lens[i];
    return 0;
}

char *nms_snapshot_digest(const struct nms_snapshot *snap, char *errmsg,
                          size_t errsize)
{
    uint8_t digest[SHA256_DIGEST_SIZE];
    struct sha256_ctx ctx;
    char *text;
    size_t i;

    sha256_init(&ctx);
    sha256_update(&ctx, sizeof DIGEST_TAG - 1, (const uint8_t *)DIGEST_TAG);
    for (i = 0; i < snap->n; i++) {
        hash_length(&ctx, strlen(snap->paths[i]));
        sha256_update(&ctx, strlen(snap->paths[i]),
                      (const uint8_t *)snap->paths[i]);
        hash_length(&ctx, snap->lens[i]);
        sha256_update(&ctx, snap->lens[i], (const uint8_t *)snap->texts[i]);
    }
    sha256_digest(&ctx, sizeof digest, digest);
    text = malloc(sizeof "sha256:" + 2 * SHA256_DIGEST_SIZE);
    if (!text) {
        snprintf(errmsg, errsize, "out of memory");
        return NULL;
    }
    memcpy(text, "sha256:", 7);
    for (i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(text + 7 + 2 * i, 3, "%02x", digest[i]);
    return text;
}

char *nms_digest_snapshot(const char *dir, struct nms_snapshot *snap,
                          char *errmsg, size_t errsize)
{
    char *text = NULL;
    size_t i, total = 0;

    if (nms_snapshot_list(dir, snap, errmsg, errsize) != 0)
        goto out;
    for (i = 0; i < snap->n; i++)
        if (nms_snapshot_read(dir, snap, i, &total, errmsg, errsize) != 0)
            goto out;
    text = nms_snapshot_digest(snap, errmsg, errsize);
out:
    if (!text)
        nms_snapshot_release(snap);
    return text;
}

char *nms_digest_dir(const char *dir, char *errmsg, size_t errsize)
{
    struct nms_snapshot snap;
    char *digest = nms_digest_snapshot(dir, &snap, errmsg, errsize);

    nms_snapshot_release(&snap);
    return digest;
}
