/* sink.c - atomic output files (see sink.h): batch -o FILE and the REPL's
 * .save write through here. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/sink.h"
#include "front/msg.h"

/* Prints an error unless the sink is quiet (its caller words errors). */
static void say(const struct nms_sink *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void say(const struct nms_sink *s, const char *fmt, ...)
{
    va_list ap;
    int saved = errno;

    if (s->quiet)
        return;
    va_start(ap, fmt);
    nms_verrorf(fmt, ap);
    va_end(ap);
    errno = saved;
}

/* Creates the temporary file beside s->path; -1 after a message. */
static int open_tmp(struct nms_sink *s)
{
    size_t len;
    mode_t mask;
    int fd;
    const char *path = s->path;

    len = strlen(path) + sizeof ".tmp-XXXXXX";
    s->tmp = malloc(len);
    if (!s->tmp) {
        say(s, "out of memory");
        errno = ENOMEM;
        return -1;
    }
    snprintf(s->tmp, len, "%s.tmp-XXXXXX", path);
    fd = mkstemp(s->tmp);
    if (fd < 0) {
        say(s, "cannot create '%s': %s", s->tmp, strerror(errno));
        goto fail;
    }
    mask = umask(0);   /* mkstemp makes 0600; give the usual 0666 & ~umask */
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(s->fp = fdopen(fd, "w"))) {
        int saved = errno;
        say(s, "cannot write '%s': %s", s->tmp, strerror(errno));
        close(fd);
        unlink(s->tmp);
        errno = saved;
        goto fail;
    }
    return 0;
fail:
    free(s->tmp);
    s->tmp = NULL;
    return -1;
}

int nms_sink_open(struct nms_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->fp = stdout;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    s->path = path;
    return open_tmp(s);
}

/* Flushes the temporary file to disk and closes it; -1 after a message. */
static int finish_file(struct nms_sink *s)
{
    int rc = 0;

    int saved = 0;

    if (ferror(s->fp) || fflush(s->fp) != 0 || fsync(fileno(s->fp)) != 0) {
        saved = errno;
        say(s, "cannot write '%s': %s", s->path, strerror(errno));
        rc = -1;
    }
    if (fclose(s->fp) != 0 && rc == 0) {
        saved = errno;
        say(s, "cannot write '%s': %s", s->path, strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        errno = saved;
    return rc;
}

/* Renames the temporary file to `dest`; -1 after a message. */
static int move_to(struct nms_sink *s, const char *dest)
{
    if (rename(s->tmp, dest) == 0)
        return 0;
    say(s, "cannot rename '%s' to '%s': %s", s->tmp, dest, strerror(errno));
    return -1;
}

int nms_sink_close(struct nms_sink *s, enum nms_sink_end end)
{
    char *partial = NULL;
    int rc = 0;

    if (!s->tmp)
        return fflush(stdout) == 0 || end == NMS_SINK_ABANDON ? 0 : -1;
    if (end == NMS_SINK_ABANDON) {
        fclose(s->fp);
    } else if (finish_file(s) != 0) {
        rc = -1;
    } else if (end == NMS_SINK_COMMIT) {
        rc = move_to(s, s->path);
    } else {
        size_t len = strlen(s->path) + sizeof ".partial";
        partial = malloc(len);
        if (partial)
            snprintf(partial, len, "%s.partial", s->path);
        rc = partial ? move_to(s, partial) : -1;
        if (rc == 0)
            nms_warnf("the cases completed so far are in '%s'; '%s' is "
                      "unchanged", partial, s->path);
    }
    if (end == NMS_SINK_ABANDON || rc != 0) {
        int saved = errno;
        unlink(s->tmp);
        errno = saved;
    }
    free(partial);
    free(s->tmp);
    s->tmp = NULL;
    return rc;
}

int nms_sink_write_file(const char *path, const char *text)
{
    struct nms_sink s;

    memset(&s, 0, sizeof s);
    s.quiet = 1;
    s.path = path;
    if (open_tmp(&s) != 0)
        return -1;
    if (fputs(text, s.fp) < 0 || fputc('\n', s.fp) == EOF) {
        int saved = errno;
        nms_sink_close(&s, NMS_SINK_ABANDON);
        errno = saved;
        return -1;
    }
    return nms_sink_close(&s, NMS_SINK_COMMIT);
}
