/*
 * history.c - persistent history for the interactive session. Entries are
 * written with timestamp lines between them, which lets readline read a
 * multi-line Lua entry back as the one entry it was.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/history.h>

#include "session/history.h"

int history_path(char *path, size_t size)
{
    const char *env = getenv("NMSRULES_HISTORY");
    const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int n;

    if (env)
        n = *env && strcmp(env, "/dev/null") != 0
                ? snprintf(path, size, "%s", env)
                : -1;
    else if (state && *state) {
        n = snprintf(path, size, "%s/nmsrules", state);
        if (n > 0 && (size_t)n < size && mkdir(path, 0700) != 0 &&
            errno != EEXIST)
            n = -1;
        if (n > 0)
            n = snprintf(path, size, "%s/nmsrules/history", state);
    } else if (home && *home)
        n = snprintf(path, size, "%s/.nmsrules_history", home);
    else
        n = -1;
    return n > 0 && (size_t)n < size ? 0 : -1;
}

void history_start(const char *path)
{
    history_write_timestamps = 1;   /* the lines that delimit entries */
    history_multiline_entries = 1;
    using_history();
    read_history(path);   /* a missing file is a first session */
}

void history_add_entry(const char *entry)
{
    HIST_ENTRY *prev = history_length > 0 ? history_get(history_base + history_length - 1)
                                          : NULL;

    if (!*entry || (prev && strcmp(prev->line, entry) == 0))
        return;
    add_history(entry);
}

void history_finish(const char *path)
{
    stifle_history(NMS_HISTORY_MAX);
    write_history(path);
}
