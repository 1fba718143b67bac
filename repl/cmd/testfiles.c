/*
 * testfiles.c - the *.json files below a path, and reading one (see
 * testfiles.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/testfiles.h"
#include "front/msg.h"

static int push(struct nms_file_list *list, const char *path)
{
    char **grown;
    size_t n = strlen(path) + 1;

    if (list->n == NMS_MAX_TEST_FILES) {
        nms_errorf("more than %d test files", NMS_MAX_TEST_FILES);
        return -1;
    }
    grown = realloc(list->paths, (list->n + 1) * sizeof *grown);
    if (!grown || !(grown[list->n] = malloc(n))) {
        if (grown)
            list->paths = grown;
        nms_errorf("out of memory");
        return -1;
    }
    memcpy(grown[list->n], path, n);
    list->paths = grown;
    list->n++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_json(const char *name)
{
    size_t len = strlen(name);

    return len > 5 && strcmp(name + len - 5, ".json") == 0;
}

/* Adds the *.json files below directory `dir`, depth first, in name order
 * within each directory so runs are reproducible. */
static int walk(struct nms_file_list *list, const char *dir)
{
    struct nms_file_list here = {NULL, 0};
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t i;
    int rc = 0;

    if (!d) {
        nms_errorf("cannot open directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    while (rc == 0 && (ent = readdir(d))) {
        char path[4096];
        if (ent->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        rc = push(&here, path);
    }
    closedir(d);
    if (here.n)
        qsort(here.paths, here.n, sizeof *here.paths, by_name);
    for (i = 0; rc == 0 && i < here.n; i++) {
        struct stat st;
        if (stat(here.paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk(list, here.paths[i]);
        else if (is_json(here.paths[i]))
            rc = push(list, here.paths[i]);
    }
    nms_file_list_release(&here);
    return rc;
}

int nms_file_list_add(struct nms_file_list *list, const char *path)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        nms_errorf("cannot open '%s': %s", path, strerror(errno));
        return -1;
    }
    return S_ISDIR(st.st_mode) ? walk(list, path) : push(list, path);
}

void nms_file_list_release(struct nms_file_list *list)
{
    size_t i;

    for (i = 0; i < list->n; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->n = 0;
}

char *nms_read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *text = NULL;
    long size = -1;

    if (!fp) {
        nms_errorf("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    if (fseek(fp, 0, SEEK_END) == 0)
        size = ftell(fp);
    if (size < 0 || size > NMS_MAX_TEST_FILE || fseek(fp, 0, SEEK_SET) != 0)
        nms_errorf("cannot read '%s'%s", path,
                   size > NMS_MAX_TEST_FILE ? ": larger than 16 MiB" : "");
    else if (!(text = malloc((size_t)size + 1)))
        nms_errorf("out of memory");
    else
        text[fread(text, 1, (size_t)size, fp)] = '\0';
    fclose(fp);
    return text;
}
