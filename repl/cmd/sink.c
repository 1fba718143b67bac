/* sink.c - atomic output files for batch runs (see sink.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "front/msg.h"
#include "cmd/sink.h"

int nms_sink_open(struct nms_sink *s, const char *path)
{
    size_t len;
    mode_t mask;
    int fd;

    memset(s, 0, sizeof *s);
    s->fp = stdout;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    s->path = path;
    len = strlen(path) + sizeof ".tmp-XXXXXX";
    s->tmp = malloc(len);
    if (!s->tmp) {
        nms_errorf("out of memory");
        return -1;
    }
    snprintf(s->tmp, len, "%s.tmp-XXXXXX", path);
    fd = mkstemp(s->tmp);
    if (fd < 0) {
        nms_errorf("cannot create '%s': %s", s->tmp, strerror(errno));
        goto fail;
    }
    mask = umask(0);   /* mkstemp makes 0600; give the usual 0666 & ~umask */
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(s->fp = fdopen(fd, "w"))) {
        nms_errorf("cannot write '%s': %s", s->tmp, strerror(errno));
        close(fd);
        unlink(s->tmp);
        goto fail;
    }
    return 0;
fail:
    free(s->tmp);
    s->tmp = NULL;
    return -1;
}

/* Flushes the temporary file to disk and closes it; -1 after a message. */
static int finish_file(struct nms_sink *s)
{
    int rc = 0;

    if (fflush(s->fp) != 0 || fsync(fileno(s->fp)) != 0) {
        nms_errorf("cannot write '%s': %s", s->path, strerror(errno));
        rc = -1;
    }
    if (fclose(s->fp) != 0 && rc == 0) {
        nms_errorf("cannot write '%s': %s", s->path, strerror(errno));
        rc = -1;
    }
    return rc;
}

/* Renames the temporary file to `dest`; -1 after a message. */
static int move_to(struct nms_sink *s, const char *dest)
{
    if (rename(s->tmp, dest) == 0)
        return 0;
    nms_errorf("cannot rename '%s' to '%s': %s", s->tmp, dest,
               strerror(errno));
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
    if (end == NMS_SINK_ABANDON || rc != 0)
        unlink(s->tmp);
    free(partial);
    free(s->tmp);
    s->tmp = NULL;
    return rc;
}
