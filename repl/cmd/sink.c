/* sink.c - atomic output files (see sink.h): batch -o FILE and the REPL's
 * .save write through here. */
#define _GNU_SOURCE   /* O_TMPFILE, realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

void nms_sink_guard_std_fds(void)
{
    int fd;

    /* Lowest first, so open() hands back exactly the closed number. */
    for (fd = 0; fd <= 2; fd++) {
        int got;

        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        got = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (got >= 0 && got != fd) {   /* cannot happen; be sure anyway */
            dup2(got, fd);
            close(got);
        }
    }
}

/* A new string: `name` as seen from the directory of `link`. */
static char *beside(const char *link, const char *name)
{
    const char *slash = strrchr(link, '/');
    size_t dir = slash ? (size_t)(slash - link) + 1 : 0;
    size_t len = strlen(name);
    char *out = malloc(dir + len + 1);

    if (!out)
        return NULL;
    if (name[0] == '/')
        dir = 0;
    memcpy(out, link, dir);
    memcpy(out + dir, name, len + 1);   /* with its NUL */
    return out;
}

/*
 * The file that -o `path` means: `path` itself, or where its symlinks
 * lead, so that the link stays a link and its target gets the output (a
 * dangling link's target is created). NULL after a message.
 */
static char *resolve(struct nms_sink *s, const char *path)
{
    char *cur = strdup(path);
    int hops;

    for (hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        char target[PATH_MAX];
        ssize_t n;
        char *next;

        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        n = readlink(cur, target, sizeof target - 1);
        if (n < 0) {
            say(s, "cannot follow the link '%s': %s", cur, strerror(errno));
            free(cur);
            return NULL;
        }
        target[n] = '\0';
        next = beside(cur, target);
        free(cur);
        cur = next;
    }
    if (cur)
        say(s, "cannot follow the link '%s': %s", path, strerror(ELOOP));
    else
        say(s, "out of memory");
    free(cur);
    return NULL;
}

/* The mode the output gets: an existing file's own (a 0600 file of patient
 * data stays 0600), else the usual 0666 less the umask. */
static mode_t output_mode(const char *dest)
{
    struct stat st;
    mode_t mask;

    if (stat(dest, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/*
 * An unnamed file in dest's directory (O_TMPFILE): nothing is left behind
 * if the process dies, even by SIGKILL. It gets a name only when complete
 * (link_out). -1 where the kernel, file system or a missing /proc cannot
 * do it; the caller then falls back to a named temporary file.
 */
static int open_anonymous(const char *dest)
{
#ifdef O_TMPFILE
    const char *slash = strrchr(dest, '/');
    char *dir;
    int fd;

    if (access("/proc/self/fd", X_OK) != 0)
        return -1;   /* linkat through /proc is how it gets its name */
    dir = slash ? strndup(dest, (size_t)(slash - dest) + 1) : strdup(".");
    if (!dir)
        return -1;
    fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    free(dir);
    return fd;
#else
    (void)dest;
    return -1;
#endif
}

/*
 * A named pipe or a character device (/dev/null, /dev/stdout, a link to
 * one) is opened and written straight through, as the shell's > does: a
 * file renamed over it would replace it (as root, /dev/null itself), and
 * the pipe's reader would wait for ever. Anything else that is not a
 * regular file (a directory) is refused before any work is done. Returns
 * 1 when opened so, 0 when FILE is a regular file or none yet (the atomic
 * way), -1 after a message.
 */
static int open_direct(struct nms_sink *s)
{
    struct stat st;
    int fd;

    if (stat(s->path, &st) != 0 || S_ISREG(st.st_mode))
        return 0;
    if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        say(s, "cannot write '%s': %s", s->path,
            S_ISDIR(st.st_mode) ? strerror(errno)
                                : "not a file, a pipe or a character device");
        return -1;
    }
    fd = open(s->path, O_WRONLY | O_CLOEXEC);
    /* replaced by a regular file since the stat: the atomic way after all */
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        close(fd);
        return 0;
    }
    if (fd < 0 || !(s->fp = fdopen(fd, "w"))) {
        int saved = errno;
        say(s, "cannot write '%s': %s", s->path, strerror(errno));
        if (fd >= 0)
            close(fd);
        errno = saved;
        return -1;
    }
    s->direct = 1;
    return 1;
}

/* Creates the temporary file beside the destination (or opens a pipe or
 * device, open_direct); -1 after a message. */
static int open_tmp(struct nms_sink *s)
{
    size_t len;
    int fd;

    switch (open_direct(s)) {
    case 1:
        return 0;
    case -1:
        return -1;
    default:
        break;
    }
    s->dest = resolve(s, s->path);
    if (!s->dest)
        return -1;
    len = strlen(s->dest) + sizeof ".tmp-XXXXXX";
    s->tmp = malloc(len);
    if (!s->tmp) {
        say(s, "out of memory");
        errno = ENOMEM;
        goto fail;
    }
    snprintf(s->tmp, len, "%s.tmp-XXXXXX", s->dest);
    fd = open_anonymous(s->dest);
    s->anonymous = fd >= 0;
    if (fd < 0 && (fd = mkstemp(s->tmp)) < 0) {
        say(s, "cannot create '%s': %s", s->tmp, strerror(errno));
        goto fail;
    }
    if (fchmod(fd, output_mode(s->dest)) != 0 || !(s->fp = fdopen(fd, "w"))) {
        int saved = errno;
        say(s, "cannot write '%s': %s", s->tmp, strerror(errno));
        close(fd);
        if (!s->anonymous)
            unlink(s->tmp);
        errno = saved;
        goto fail;
    }
    /* Without a buffer of its own the file keeps stdio's default. */
    s->buffer = malloc(NMS_SINK_BUFFER);
    if (s->buffer)
        setvbuf(s->fp, s->buffer, _IOFBF, NMS_SINK_BUFFER);
    return 0;
fail:
    free(s->tmp);
    s->tmp = NULL;
    free(s->dest);
    s->dest = NULL;
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

void nms_sink_buffer_stdout(const char *output, char *const *inputs, int n)
{
    static char buffer[NMS_SINK_BUFFER];   /* standard output's, for good */
    struct stat st;
    int i;

    if ((output && strcmp(output, "-") != 0) || isatty(STDOUT_FILENO))
        return;
    for (i = 0; i < n; i++) {
        int got = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &st)
                                               : stat(inputs[i], &st);
        if (got != 0 || !S_ISREG(st.st_mode))
            return;
    }
    setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
}

int nms_sink_is_input(const char *path, char *const *inputs, int n)
{
    struct stat out, in;
    int i;

    if (!path || strcmp(path, "-") == 0 || stat(path, &out) != 0)
        return 0;
    for (i = 0; i < n; i++) {
        int got = strcmp(inputs[i], "-") == 0 ? fstat(0, &in)
                                               : stat(inputs[i], &in);
        if (got == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return 1;
    }
    return 0;
}

/* Flushes the temporary file to disk; -1 after a message. */
static int flush_file(struct nms_sink *s)
{
    if (ferror(s->fp) || fflush(s->fp) != 0 || fsync(fileno(s->fp)) != 0) {
        say(s, "cannot write '%s': %s", s->path, strerror(errno));
        return -1;
    }
    return 0;
}

/*
 * Gives the unnamed file the name s->tmp: linkat cannot replace a file,
 * so the complete file is linked under a fresh name, then renamed.
 */
static int link_out(struct nms_sink *s)
{
    char proc[64];
    unsigned n;

    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(s->fp));
    for (n = 0; n < 100; n++) {
        snprintf(s->tmp + strlen(s->dest), sizeof ".tmp-XXXXXX", ".tmp-%06u",
                 ((unsigned)getpid() + n) % 1000000u);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, s->tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno != EEXIST)
            break;
    }
    say(s, "cannot create '%s': %s", s->tmp, strerror(errno));
    return -1;
}

/* Puts the complete temporary file at `dest`; -1 after a message (the
 * temporary file is then gone). */
static int move_to(struct nms_sink *s, const char *dest)
{
    int saved;

    if (s->anonymous && link_out(s) != 0)
        return -1;
    if (rename(s->tmp, dest) == 0)
        return 0;
    saved = errno;
    say(s, "cannot rename '%s' to '%s': %s", s->tmp, dest, strerror(errno));
    unlink(s->tmp);
    errno = saved;
    return -1;
}

int nms_sink_close(struct nms_sink *s, enum nms_sink_end end)
{
    char *partial = NULL;
    int rc = 0;

    if (s->direct) {
        /* nothing to rename: what was written has gone out already */
        if (end != NMS_SINK_ABANDON && (ferror(s->fp) || fflush(s->fp) != 0)) {
            say(s, "cannot write '%s': %s", s->path, strerror(errno));
            rc = -1;
        }
        if (fclose(s->fp) != 0 && rc == 0 && end != NMS_SINK_ABANDON) {
            say(s, "cannot write '%s': %s", s->path, strerror(errno));
            rc = -1;
        }
        s->direct = 0;
        return rc;
    }
    if (!s->tmp)
        return fflush(stdout) == 0 || end == NMS_SINK_ABANDON ? 0 : -1;
    if (end == NMS_SINK_ABANDON) {
        if (!s->anonymous)
            unlink(s->tmp);
    } else if (flush_file(s) != 0) {
        rc = -1;
        if (!s->anonymous)
            unlink(s->tmp);
    } else if (end == NMS_SINK_COMMIT) {
        rc = move_to(s, s->dest);
    } else {
        size_t len = strlen(s->dest) + sizeof ".partial";
        partial = malloc(len);
        if (partial)
            snprintf(partial, len, "%s.partial", s->dest);
        rc = partial ? move_to(s, partial) : -1;
        if (rc == 0)
            nms_warnf("the cases completed so far are in '%s'; '%s' is "
                      "unchanged", partial, s->path);
    }
    if (fclose(s->fp) != 0 && rc == 0 && end != NMS_SINK_ABANDON) {
        /* Only a close error on a network file system lands here; the
         * name is already in place, so the run says it failed. */
        say(s, "cannot write '%s': %s", s->path, strerror(errno));
        rc = -1;
    }
    free(s->buffer);    /* only now: fclose flushed it */
    s->buffer = NULL;
    free(partial);
    free(s->tmp);
    s->tmp = NULL;
    free(s->dest);
    s->dest = NULL;
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
