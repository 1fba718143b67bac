/*
 * complete.c - Tab completion: command names, field names and enumerated
 * values from the case format (nms/schema.h), drug names and set ids from
 * the loaded ruleset, and file names after .load and .save.
 *
 * readline's completion callbacks take no user data, so this file keeps
 * the two globals readline forces: the session being completed for, and
 * the candidate list the generator hands out one by one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "session/commands.h"
#include "session/complete.h"
#include "nms/schema.h"

/* Most candidates offered at once. */
#define MAX_CANDIDATES 4096

/* The session completion reads from (set by complete_install). */
static struct session *completing;

/* The candidates of the current attempt, all starting with its text. */
static struct {
    char *items[MAX_CANDIDATES];
    size_t n, next;
} cands;

static void clear_candidates(void)
{
    size_t i;

    for (i = 0; i < cands.n; i++)
        free(cands.items[i]);
    cands.n = cands.next = 0;
}

/* Offers prefix+name+suffix when it starts with `text`. */
static void offer(const char *text, const char *prefix, const char *name,
                  const char *suffix)
{
    size_t len = strlen(prefix) + strlen(name) + strlen(suffix) + 1;
    char *c;

    if (cands.n == MAX_CANDIDATES || !(c = malloc(len)))
        return;
    snprintf(c, len, "%s%s%s", prefix, name, suffix);
    if (strncmp(c, text, strlen(text)) != 0) {
        free(c);
        return;
    }
    cands.items[cands.n++] = c;
}

static void offer_list(const char *text, char **names, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        offer(text, "", names[i], "");
}

/* Field names below schema path `parent` (written before them as
 * `prefix`), with "=" after leaves when `assign`, "." after sections. */
static void offer_fields(const char *text, const char *parent,
                         const char *prefix, int assign)
{
    struct nms_schema_entry e;
    size_t i;

    for (i = 0; nms_schema_child(parent, i, &e) == 0; i++) {
        if (e.kind == NMS_SCHEMA_OBJECT || e.kind == NMS_SCHEMA_ARRAY)
            offer(text, prefix, e.name, ".");
        else
            offer(text, prefix, e.name, assign ? "=" : "");
    }
}

/* Values of the enumeration or boolean at schema path `path`. */
static void offer_values(const char *text, const char *path,
                         const char *prefix)
{
    struct nms_schema_entry e;
    size_t i;

    if (nms_schema_find(path, &e) != 0)
        return;
    if (e.kind == NMS_SCHEMA_BOOL) {
        offer(text, prefix, "true", "");
        offer(text, prefix, "false", "");
    }
    for (i = 0; e.kind == NMS_SCHEMA_ENUM && e.values[i]; i++)
        offer(text, prefix, e.values[i], "");
}

/* A dotted path being typed ("history.de", "labs.ck=") after `section`
 * ("" for paths from the top, "vitals" for .vitals' own fields). */
static void offer_path(const char *text, const char *section, int assign)
{
    char path[256], prefix[256];
    const char *eq = strchr(text, '='), *dot = strrchr(text, '.');
    size_t n;

    if (eq) {
        n = (size_t)(eq - text);
        snprintf(prefix, sizeof prefix, "%.*s", (int)n + 1, text);
        snprintf(path, sizeof path, "%s%s%.*s", section, *section ? "." : "",
                 (int)n, text);
        offer_values(text, path, prefix);
        return;
    }
    n = dot ? (size_t)(dot - text) : 0;
    snprintf(prefix, sizeof prefix, "%.*s", dot ? (int)n + 1 : 0, text);
    snprintf(path, sizeof path, "%s%s%.*s", section,
             *section && dot ? "." : "", (int)n, text);
    offer_fields(text, path, prefix, assign);
}

/* Fills the candidates for word `index` of command `cmd`. Returns 0, or 1
 * when readline should complete file names itself. */
static int fill(const char *cmd, int index, const char *prev, const char *text)
{
    size_t i;
    const char *name;

    if (index == 0) {
        for (i = 0; (name = commands_name(i)) != NULL; i++)
            offer(text, "", name, "");
    } else if (!strcmp(cmd, ".load") || !strcmp(cmd, ".save") ||
               !strcmp(cmd, ".plot") || !strcmp(cmd, ".read")) {
        return 1;
    } else if (!strcmp(cmd, ".give") || !strcmp(cmd, ".stop")) {
        if (index == 1)
            offer_list(text, completing->vocab.drugs, completing->vocab.n_drugs);
        else
            offer_values(text, "medications.route", "");
    } else if (!strcmp(cmd, ".why") || !strcmp(cmd, ".whynot")) {
        offer_list(text, completing->vocab.sets, completing->vocab.n_sets);
    } else if (!strcmp(cmd, ".help")) {
        for (i = 0; (name = commands_name(i)) != NULL; i++)
            offer(text, "", name + 1, "");
    } else if (!strcmp(cmd, ".vitals") || !strcmp(cmd, ".exam") ||
               !strcmp(cmd, ".baseline")) {
        offer_path(text, cmd + 1, 1);
    } else if (!strcmp(cmd, ".lab") || !strcmp(cmd, ".labs")) {
        offer_path(text, "labs", 1);
    } else if (!strcmp(cmd, ".set") && index == 2) {
        offer_values(text, prev, "");
    } else if (!strcmp(cmd, ".set") || !strcmp(cmd, ".unset") ||
               !strcmp(cmd, ".whatif")) {
        offer_path(text, "", !strcmp(cmd, ".whatif"));
    }
    return 0;
}

/* Splits line into words in place; returns how many (words keeps the first
 * `max`). */
static int split_words(char *line, char **words, int max)
{
    char *p = line;
    int n = 0;

    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        if (n < max)
            words[n] = p;
        n++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

static char *generate(const char *text, int state)
{
    (void)text;
    (void)state;
    return cands.next < cands.n ? strdup(cands.items[cands.next++]) : NULL;
}

/* rl_attempted_completion_function: works out the command and the word
 * being completed from the line so far. */
static char **attempt(const char *text, int start, int end)
{
    char line[1024], *words[2] = {NULL, NULL};
    int index, filenames;

    (void)end;
    rl_attempted_completion_over = 1;
    rl_completion_append_character = ' ';
    clear_candidates();
    snprintf(line, sizeof line, "%.*s", start, rl_line_buffer);
    index = split_words(line, words, 2);
    if (index > 0 && words[0][0] != '.')
        return NULL;   /* Lua: nothing to offer */
    if (index == 0 && text[0] && text[0] != '.')
        return NULL;
    filenames = fill(index ? words[0] : "", index,
                     index >= 2 ? words[1] : "", text);
    if (filenames) {
        rl_attempted_completion_over = 0;
        return NULL;
    }
    if (cands.n == 1 && cands.items[0][strlen(cands.items[0]) - 1] != ' ' &&
        strchr("=.", cands.items[0][strlen(cands.items[0]) - 1]))
        rl_completion_append_character = '\0';
    return rl_completion_matches(text, generate);
}

void complete_install(struct session *s)
{
    completing = s;
    rl_readline_name = "nmsrules";
    rl_attempted_completion_function = attempt;
    rl_completer_word_break_characters = " \t\n\"";
}

void complete_release(void)
{
    clear_candidates();
    completing = NULL;
}
