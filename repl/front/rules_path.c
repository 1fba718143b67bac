/*
 * rules_path.c - where the default ruleset is, with no flags needed.
 *
 * Installed, the program lives in <prefix>/bin and its ruleset in
 * <prefix>/share/nmsrules/rules; run from a build tree, the ruleset is the
 * rules/ directory of the source tree it was built from. Looking next to
 * the executable first keeps a relocated installation working.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/options.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static int has_manifest(const char *dir)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/ruleset.lua", dir);

    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* The installed ruleset relative to the running executable, or NULL. */
static const char *next_to_program(char *buf, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash;
    size_t dir_len;
    int len;

    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    dir_len = strlen(exe);
    len = snprintf(exe + dir_len, sizeof exe - dir_len, "/%s",
                   NMS_RULES_RELATIVE_TO_BIN);
    if (len < 0 || (size_t)len >= sizeof exe - dir_len ||
        !has_manifest(exe) || size < PATH_MAX)
        return NULL;
    return realpath(exe, buf);   /* "/usr/share/...", not "/usr/bin/../share/..." */
}

const char *nms_cli_rules_dir(const char *given, char *found, size_t size)
{
    const char *env = getenv("NMSRULES_RULES");

    if (given)
        return given;
    if (env && *env)
        return env;
    if (next_to_program(found, size))
        return found;
    if (has_manifest(NMS_SOURCE_RULES_DIR))
        return NMS_SOURCE_RULES_DIR;
    if (has_manifest(NMS_INSTALLED_RULES_DIR))
        return NMS_INSTALLED_RULES_DIR;
    return NULL;
}
