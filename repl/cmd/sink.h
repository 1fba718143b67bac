/*
 * sink.h - where batch output goes: standard output, or -o FILE written
 * through a temporary file in the same directory that is renamed over FILE
 * only when the run completed. Killed at any moment, FILE holds either the
 * previous complete file or nothing new.
 *
 * The temporary file is unnamed (O_TMPFILE) where Linux and the file
 * system allow it, so even SIGKILL leaves nothing behind; it is linked in
 * under "FILE.tmp-NNNNNN" only once complete, for the rename. Elsewhere it
 * is a named "FILE.tmp-XXXXXX" that a SIGKILL leaves behind.
 * An existing FILE keeps its mode; a symlink FILE stays a link and its
 * target gets the output.
 */
#ifndef NMS_SINK_H
#define NMS_SINK_H

#include <stdio.h>

struct nms_sink {
    FILE *fp;
    const char *path;   /* -o FILE, or NULL for stdout */
    char *dest;         /* FILE with its symlinks followed */
    char *tmp;          /* the temporary file's name */
    int anonymous;      /* the temporary file has no name yet (O_TMPFILE) */
    int quiet;          /* errors are left to the caller (errno set) */
    int direct;         /* FILE is a pipe or a device, written straight
                           through (no temporary file) */
    char *buffer;       /* the temporary file's stdio buffer (NMS_SINK_BUFFER) */
};

/* Bytes stdio gathers before a write(2) to an output file or a standard
 * output that is no terminal (stdio's default is 4 KiB, a dozen writes
 * per full JSON record; docs/performance.md). */
#define NMS_SINK_BUFFER (64 * 1024)

/* How a run ends for its output. */
enum nms_sink_end {
    NMS_SINK_COMMIT,    /* complete: replace FILE */
    NMS_SINK_PARTIAL,   /* interrupted: keep what is complete as FILE.partial */
    NMS_SINK_ABANDON    /* failed: remove the temporary file */
};

/* Opens the sink for `path` ("-" or NULL: stdout). Returns 0, or -1 after
 * printing why. */
int nms_sink_open(struct nms_sink *s, const char *path);

/*
 * Gives standard output a buffer of NMS_SINK_BUFFER bytes when a run
 * writes its records there (`output` NULL or "-"), it is no terminal, and
 * every input is a regular file ("-": standard input, when redirected from
 * one). Such a run is bulk work: nobody waits on its records one by one,
 * and stdio's 4 KiB default costs a dozen write(2) per full record. A run
 * that reads a pipe keeps the default, so that a consumer reading its
 * output as records trickle in sees them as soon as before. Call it before
 * anything else touches standard output.
 */
void nms_sink_buffer_stdout(const char *output, char *const *inputs, int n);

/* Nonzero when `path` is the same file as one of the `n` inputs ("-":
 * standard input), so -o would replace what is being read. */
int nms_sink_is_input(const char *path, char *const *inputs, int n);

/* Opens /dev/null onto whichever of descriptors 0, 1 and 2 are closed, so
 * that no file opened later (the temporary -o file) becomes "stderr" and
 * receives messages. Called first thing in main. */
void nms_sink_guard_std_fds(void);

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
