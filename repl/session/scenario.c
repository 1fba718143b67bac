/*
 * scenario.c - scenario files: running a file's commands in order, and the
 * commands that make a scenario teach and check itself (see scenario.h).
 *
 * A scenario is a teacher's lesson: it narrates (.say), waits for the
 * class (.pause, on a terminal only, so a scripted run never hangs), and
 * states what the rules must conclude (.expect), so that a ruleset change
 * that moves a verdict shows up as a failed scenario rather than as a
 * lesson that quietly teaches something else. It stops at its first error,
 * because every later step would build on a case that is not the one the
 * teacher wrote.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/interrupt.h"
#include "session/input.h"
#include "session/replua.h"
#include "session/scenario.h"

/* How deep .read may nest (a file that reads itself stops here). */
#define MAX_READ_DEPTH 8

#define PROMPT "nms> "

/* 1 for the narration commands, which a transcript shows by their effect. */
static int is_narration(const char *entry)
{
    size_t n = strcspn(entry, " \t");

    return (n == 4 && strncmp(entry, ".say", 4) == 0) ||
           (n == 6 && strncmp(entry, ".pause", 6) == 0);
}

int scenario_entry(struct session *s, struct input *in)
{
    int before = s->place.failed, failed;

    s->place.failed = 0;
    s->place.line = in->first_line;
    s->run_entry(s, in->buf);
    nms_interrupt_clear();   /* an interrupt ends with the entry it stopped */
    fflush(stdout);
    failed = s->place.failed;
    s->place.failed = before || failed;
    return failed;
}

int scenario_run(struct session *s, FILE *fp, const char *name, int echo)
{
    struct input *in = malloc(sizeof *in);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long n = 0;
    int failed = 0;

    if (!in) {
        repl_error(s, "out of memory");
        return -1;
    }
    s->place.name = name;
    input_reset(in);
    while (!s->quit && (!failed || s->keep_going) &&
           (len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (input_add(in, s, line, ++n) != INPUT_READY)
            continue;
        if (echo && !is_narration(in->buf + strspn(in->buf, " \t")))
            printf("%s %s\n", PROMPT, in->buf);
        failed |= scenario_entry(s, in);
        input_reset(in);
    }
    if (in->len > 0)   /* an unfinished chunk at the end: say why */
        failed |= scenario_entry(s, in);
    if (failed && !s->keep_going && !s->quit && getline(&line, &cap, fp) >= 0)
        fprintf(stderr, "%s: stopped at the first error (--keep-going runs "
                        "every command)\n", name);
    free(line);
    free(in);
    return failed ? -1 : 0;
}

int act_say(struct session *s, int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++)
        fprintf(s->out, "%s%s", i > 1 ? " " : "", argv[i]);
    fputc('\n', s->out);
    return 0;
}

int act_pause(struct session *s, int argc, char **argv)
{
    char c = 0;
    ssize_t got;

    (void)argc;
    (void)argv;
    if (!s->interactive)
        return 0;   /* a scripted run never waits */
    fputs("-- Enter to go on, Ctrl-C to stop the scenario --", stdout);
    fflush(stdout);
    do
        got = read(STDIN_FILENO, &c, 1);
    while (got == 1 && c != '\n' && !nms_interrupted());
    if (nms_interrupted() || got <= 0) {
        fputc('\n', stdout);
        repl_error(s, "scenario stopped");
        return -1;
    }
    return 0;
}

int act_read(struct session *s, int argc, char **argv)
{
    struct nms_msg_place saved = s->place;
    FILE *fp;
    char *root;
    int own, rc;

    (void)argc;
    if (s->read_depth >= MAX_READ_DEPTH) {
        repl_error(s, ".read nested more than %d deep", MAX_READ_DEPTH);
        return -1;
    }
    if (!(fp = replua_open(s, argv[1])))
        return -1;
    /* a scenario the user chose at a terminal may read beside itself */
    own = replua_trusted(s);
    root = own ? replua_set_root(s, argv[1]) : NULL;
    s->read_depth++;
    rc = scenario_run(s, fp, argv[1], 1);
    s->read_depth--;
    if (own)
        replua_restore_root(s, root);
    fclose(fp);
    saved.failed = saved.failed || rc != 0;
    s->place = saved;
    if (rc != 0)
        repl_error(s, "'%s' stopped with an error", argv[1]);
    return rc;
}

/* ------------------------------------------------------------------------
 * .expect
 * --------------------------------------------------------------------- */

/* The severity set (the one with a tier), or NULL. */
static const struct nms_set *severity_set(const struct nms_result *r)
{
    size_t i;

    for (i = 0; i < r->n_sets; i++)
        if (r->sets[i].section == NMS_SECTION_SEVERITY &&
            r->sets[i].kind == NMS_KIND_GROUPS)
            return &r->sets[i];
    return NULL;
}

/* A set's state in one word: the tier of a severity set, the count of a
 * checklist, else the verdict. */
static void set_word(const struct nms_set *set, char *buf, size_t size)
{
    if (set->section == NMS_SECTION_SEVERITY && set->kind == NMS_KIND_GROUPS)
        snprintf(buf, size, "%s", nms_set_tier(set));
    else if (set->kind == NMS_KIND_CHECKLIST)
        snprintf(buf, size, "%g", set->score);
    else
        snprintf(buf, size, "%s", nms_verdict_name(set->result));
}

static const char *tri_word(enum nms_tri v)
{
    return v == NMS_TRI_TRUE ? "true" : v == NMS_TRI_FALSE ? "false" : "unknown";
}

/* Writes what the result has at `path` ("SET", "SET.score", "SET.level",
 * "SET.tier", "SET.ITEM", "tier") into buf. Returns 0, or -1 after
 * printing why the path names nothing. */
static int result_value(struct session *s, const struct nms_result *r,
                        const char *path, char *buf, size_t size)
{
    char id[128];
    const char *field = strchr(path, '.');
    const struct nms_set *set;
    size_t i;

    snprintf(id, sizeof id, "%.*s", (int)(field ? (size_t)(field - path)
                                                : strlen(path)), path);
    set = strcmp(id, "tier") == 0 ? severity_set(r) : nms_result_set(r, id);
    if (!set) {
        repl_error(s, ".expect: no set '%s' (.rules lists them; 'tier' is "
                      "the severity tier)", id);
        return -1;
    }
    if (!field++)
        set_word(set, buf, size);
    else if (strcmp(field, "score") == 0)
        snprintf(buf, size, "%g", set->score);
    else if (strcmp(field, "level") == 0)
        snprintf(buf, size, "%s", set->level ? set->level : "none");
    else if (strcmp(field, "tier") == 0)
        snprintf(buf, size, "%s", nms_set_tier(set));
    else {
        for (i = 0; i < set->n_items && strcmp(set->items[i].id, field); i++)
            ;
        if (i == set->n_items) {
            repl_error(s, ".expect: %s has no item '%s' (.why %s lists them)",
                       set->id, field, set->id);
            return -1;
        }
        snprintf(buf, size, "%s", tri_word(set->items[i].value));
    }
    return 0;
}

/* 1 when the text `want` names `have`: equal words, or equal numbers. */
static int same_value(const char *have, const char *want)
{
    char *end_h, *end_w;
    double h = strtod(have, &end_h), w = strtod(want, &end_w);

    if (end_h != have && !*end_h && end_w != want && !*end_w)
        return h == w;
    return strcmp(have, want) == 0;
}

int act_expect(struct session *s, int argc, char **argv)
{
    char have[128];

    (void)argc;
    if (!s->last && session_evaluate(s, s->doc, s->as_of, &s->last, NULL) != 0)
        return -1;
    if (evaluation_failed(s->last)) {
        repl_error(s, ".expect: the case has no results (.eval shows why)");
        return -1;
    }
    if (result_value(s, s->last->r, argv[1], have, sizeof have) != 0)
        return -1;
    if (!same_value(have, argv[2])) {
        repl_error(s, "expected %s to be %s, but it is %s", argv[1], argv[2],
                   have);
        return -1;
    }
    return 0;
}
