/*
 * digest.c - the SHA-256 fingerprint of a ruleset directory.
 *
 * Every result names the digest of the ruleset that produced it, so a
 * result can be traced to the exact rule text. The digest covers every
 * *.lua file below the directory, taken in byte order of their relative
 * paths, hashing each path and its content (so renaming a file changes the
 * digest too). SHA-256 comes from nettle rather than our own code.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <nettle/sha2.h>

#include "base/base_int.h"
#include "lua/ruleset.h"

/* How deep ruleset directories may nest; the default ruleset uses 2. */
#define MAX_DEPTH 8
/* How many rule files a ruleset may hold. */
#define MAX_FILES 4096
#define MAX_PATH 4096

struct file_list {
    char **paths;   /* relative to the ruleset directory */
    size_t n, cap;
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
        if (cap > MAX_FILES)
            return -1;
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
    dir = opendir(path);
    if (!dir)
        return -1;
    while (rc == 0 && (entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;   /* ".", "..", and hidden editor files */
        if (join(child, sizeof child, rel, entry->d_name) != 0 ||
            join(path, sizeof path, root, child) != 0 ||
            stat(path, &st) != 0)
            rc = -1;
        else if (S_ISDIR(st.st_mode))
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

static int hash_file(struct sha256_ctx *ctx, const char *root, const char *rel)
{
    char path[MAX_PATH];
    unsigned char buf[8192];
    size_t got;
    FILE *fp;
    int rc;

    if (join(path, sizeof path, root, rel) != 0)
        return -1;
    fp = fopen(path, "rb");
    if (!fp)
        return -1;
    sha256_update(ctx, strlen(rel) + 1, (const uint8_t *)rel);
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        sha256_update(ctx, got, buf);
    rc = ferror(fp) ? -1 : 0;
    fclose(fp);
    return rc;
}

char *nms_digest_dir(const char *dir, char *errmsg, size_t errsize)
{
    struct file_list list = {NULL, 0, 0};
    uint8_t digest[SHA256_DIGEST_SIZE];
    struct sha256_ctx ctx;
    char *text = NULL;
    size_t i;

    if (collect(dir, "", 0, &list) != 0) {
        snprintf(errmsg, errsize, "cannot read ruleset directory '%s': %s",
                 dir, strerror(errno));
        goto out;
    }
    qsort(list.paths, list.n, sizeof *list.paths, compare_paths);
    sha256_init(&ctx);
    for (i = 0; i < list.n; i++) {
        if (hash_file(&ctx, dir, list.paths[i]) != 0) {
            snprintf(errmsg, errsize, "cannot read '%s/%s': %s", dir,
                     list.paths[i], strerror(errno));
            goto out;
        }
    }
    sha256_digest(&ctx, sizeof digest, digest);
    text = malloc(sizeof "sha256:" + 2 * SHA256_DIGEST_SIZE);
    if (!text) {
        snprintf(errmsg, errsize, "out of memory");
        goto out;
    }
    memcpy(text, "sha256:", 7);
    for (i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(text + 7 + 2 * i, 3, "%02x", digest[i]);
out:
    for (i = 0; i < list.n; i++)
        free(list.paths[i]);
    free(list.paths);
    return text;
}
