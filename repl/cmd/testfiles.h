/*
 * testfiles.h - finding and reading rule test files (testfiles.c): the
 * *.json files below the paths a command is given, in a stable order.
 */
#ifndef NMS_TESTFILES_H
#define NMS_TESTFILES_H

#include <stddef.h>

/* Most test files one run reads: far more than any ruleset ships. */
#define NMS_MAX_TEST_FILES 4096
/* Largest test file read, in bytes. */
#define NMS_MAX_TEST_FILE (16L * 1024 * 1024)

struct nms_file_list {
    char **paths;       /* sorted within each directory walked */
    size_t n;
};

/* Adds `path` (a file, or a directory searched for *.json below it) to
 * list. Returns 0, or -1 after a message (missing path, too many files,
 * out of memory). */
int nms_file_list_add(struct nms_file_list *list, const char *path);

/* Releases the paths; the list is empty again. */
void nms_file_list_release(struct nms_file_list *list);

/* The whole file at `path`, NUL-terminated, as a new string (free it);
 * NULL after a message when it cannot be read or is too large. */
char *nms_read_text(const char *path);

#endif
