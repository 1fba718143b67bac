/*
 * sink.h - where batch output goes: standard output, or -o FILE written
 * through a temporary file in the same directory that is renamed over FILE
 * only when the run completed. Killed at any moment, FILE holds either the
 * previous complete file or nothing new; a leftover "FILE.tmp-XXXXXX" is
 * all a SIGKILL can leave behind.
 */
#ifndef NMS_SINK_H
#define NMS_SINK_H

#include <stdio.h>

struct nms_sink {
    FILE *fp;
    const char *path;   /* -o FILE, or NULL for stdout */
    char *tmp;          /* the temporary file being written */
    int quiet;          /* errors are left to the caller (errno set) */
};

/* How a run ends for its output. */
enum nms_sink_end {
    NMS_SINK_COMMIT,    /* complete: replace FILE */
    NMS_SINK_PARTIAL,   /* interrupted: keep what is complete as FILE.partial */
    NMS_SINK_ABANDON    /* failed: remove the temporary file */
};

/* Opens the sink for `path` ("-" or NULL: stdout). Returns 0, or -1 after
 * printing why. */
int nms_sink_open(struct nms_sink *s, const char *path);

/* Ends the sink as `end` says. Returns 0, or -1 after printing why (the
 * temporary file is then removed). */
int nms_sink_close(struct nms_sink *s, enum nms_sink_end end);

/*
 * Writes `text` and a newline to the file `path` the same atomic way (a
 * temporary file beside it, flushed to disk, renamed over it; "-" is a
 * file name here). Prints nothing. Returns 0, or -1 with errno set.
 */
int nms_sink_write_file(const char *path, const char *text);

#endif
