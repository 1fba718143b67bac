/*
 * commands.c - the dot-commands: one table that dispatch, .help and
 * completion all read, and splitting a command line into words.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "session/actions.h"
#include "nms/schema.h"
#include "session/replua.h"
#include "session/chart.h"
#include "session/commands.h"
#include "session/page.h"
#include "session/scenario.h"
#include "session/session.h"

typedef int (*command_fn)(struct session *s, int argc, char **argv);

struct command {
    const char *name;
    int min_args, max_args;   /* words after the name; -1: no limit */
    command_fn run;
    const char *usage;
    const char *help;         /* one line, then an example */
    int paged;                /* long output: wrapped and paged on a
                                 terminal (page.h) */
};

/* clang-format off */
static const struct command commands[] = {
    {".give", 1, 6, chart_give, ".give DRUG [DOSE mg] [ROUTE] [at TIME]",
     "give a drug: starts a course (or adds a dose to the running one)\n"
     "  ROUTE: oral (or po), im, iv, sc (or sq, subcut), depot, ng, transdermal, rectal (or pr), inhaled\n"
     "  .give haloperidol 10 mg im at 0h", 0},
    {".stop", 1, 3, chart_stop, ".stop DRUG [at TIME]",
     "stop the running course of a drug\n  .stop haloperidol at 60h", 0},
    {".vitals", 1, -1, chart_entry, ".vitals FIELD=VALUE... [at TIME]",
     "record vital signs (temp, hr, bp=SBP/DBP, rr, site); temp=103.1F for "
     "Fahrenheit\n  .vitals temp=39.4 hr=124 bp=168/98 rr=26 at 50h", 0},
    {".exam", 1, -1, chart_entry, ".exam FINDING[=VALUE]... [at TIME]",
     "record an examination; a finding alone means present, tremor=no absent\n"
     "  .exam rigidity=severe mental_status=stupor diaphoresis at 52h", 0},
    {".lab", 1, -1, chart_entry, ".lab FIELD=VALUE... [at TIME]",
     "record laboratory results (ck, ck_uln, wbc, creatinine, ...)\n"
     "  .lab ck=4200 wbc=14 at 52h", 0},
    {".baseline", 1, -1, chart_entry, ".baseline FIELD=VALUE...",
     "record pre-illness vital signs\n  .baseline hr=80 bp=120/80 rr=16", 0},
    {".set", 2, 2, chart_set, ".set FIELD VALUE",
     "set any field by its path; 'unknown' removes it\n"
     "  .set history.dehydration true", 0},
    {".unset", 1, -1, chart_unset, ".unset FIELD...",
     "remove fields (they become unknown), or a whole entry or section\n"
     "  .unset workup.infection\n  .unset vitals[2]", 0},
    {".new", 0, 1, act_new, ".new [ID]",
     "start a new, empty case\n  .new scenario-1", 0},
    {".load", 1, 1, act_load, ".load FILE",
     "read a case file (as nmsrules eval reads it)\n"
     "  .load examples/cases/01-haloperidol-classic.json", 0},
    {".save", 1, 1, act_save, ".save FILE",
     "write the case as JSON\n  .save my-case.json", 0},
    {".show", 0, 0, act_show, ".show", "show the case as a chart\n  .show", 1},
    {".json", 0, 0, act_json, ".json", "print the case as JSON\n  .json", 1},
    {".eval", 0, 2, act_eval, ".eval [--brief] [SET]",
     "the full report, as nmsrules eval prints it; --brief: the summary "
     "only; SET: one set\n  .eval --brief\n  .eval dsm4tr", 1},
    {".why", 0, 1, act_why, ".why SET",
     "every item of a set with its evidence, and what would change it\n"
     "  .why iec2011", 1},
    {".whynot", 0, 1, act_whynot, ".whynot SET",
     "the items that are not met and the smallest missing findings\n"
     "  .whynot iec2011", 1},
    {".whatif", 1, -1, act_whatif, ".whatif FIELD=VALUE...",
     "evaluate a changed copy and show the differences (the case is kept)\n"
     "  .whatif labs.ck=5000 workup.infection=negative", 1},
    {".diff", 0, 0, act_diff, ".diff",
     "the differences between the last two evaluations\n  .diff", 1},
    {".timeline", 0, 0, act_timeline, ".timeline",
     "evaluate as of every time in the case, one row each\n  .timeline", 1},
    {".plot", 0, 1, act_plot, ".plot [FILE.svg]",
     "draw the case over time as an SVG picture (default: ID.svg)\n"
     "  .plot classic.svg", 0},
    {".at", 0, 1, act_at, ".at [TIME|+TIME|off]",
     "evaluate as of TIME (later data ignored); off for all data\n"
     "  +24h: 24 h after the case's onset, else its first exposure\n"
     "  .at 48h\n  .at +24h", 0},
    {".rules", 0, 0, act_rules, ".rules",
     "the loaded ruleset: name, version, digest, sets\n  .rules", 1},
    {".reload", 0, 0, act_reload, ".reload",
     "re-read the ruleset (the old one stays if the new one fails)\n"
     "  .reload", 0},
    {".say", 0, -1, act_say, ".say TEXT",
     "print TEXT (narration in a scenario file)\n"
     "  .say Day 3: he is febrile and rigid.", 0},
    {".pause", 0, 0, act_pause, ".pause",
     "wait for Enter on a terminal (a scenario's pause; --script runs go "
     "on)\n  .pause", 0},
    {".expect", 2, 2, act_expect, ".expect PATH VALUE",
     "fail unless the result has VALUE at PATH: SET, SET.score, SET.level, "
     "SET.ITEM, tier\n  .expect iec2011 met\n  .expect dsm4tr.rigidity false",
     0},
    {".read", 1, 1, act_read, ".read FILE",
     "run a scenario file here, showing each command; .pause waits\n"
     "  .read examples/scenarios/classic-nms.nms", 0},
    {".help", 0, 1, act_help, ".help [COMMAND]",
     "list the commands, or explain one\n  .help give", 1},
    {".quit", 0, 0, act_quit, ".quit", "end the session (also Ctrl-D)\n  .quit", 0},
};
/* clang-format on */

#define N_COMMANDS (sizeof commands / sizeof commands[0])

const char *commands_name(size_t i)
{
    return i < N_COMMANDS ? commands[i].name : NULL;
}

/* The command named `name` (with or without the dot; .labs is .lab,
 * .exit is .quit), or NULL. */
static const struct command *find(const char *name)
{
    char full[32];
    size_t i;

    snprintf(full, sizeof full, "%s%s", name[0] == '.' ? "" : ".", name);
    if (strcmp(full, ".labs") == 0)
        snprintf(full, sizeof full, ".lab");
    if (strcmp(full, ".exit") == 0)
        snprintf(full, sizeof full, ".quit");
    for (i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, full) == 0)
            return &commands[i];
    return NULL;
}

int act_help(struct session *s, int argc, char **argv)
{
    const struct command *c;
    size_t i;

    if (argc == 2) {
        c = find(argv[1]);
        if (!c) {
            repl_error(s, "no command '%s' (.help lists them)", argv[1]);
            return -1;
        }
        fprintf(s->out, "%s\n  %s\n", c->usage, c->help);
        return 0;
    }
    fprintf(s->out, "Commands (anything else is Lua; docs/repl.md has the details):\n");
    for (i = 0; i < N_COMMANDS; i++)
        fprintf(s->out, "  %-40s %.*s\n", commands[i].usage,
               (int)strcspn(commands[i].help, "\n"), commands[i].help);
    fprintf(s->out, "TIME is hours (50h, -6h), days (2d) or an ISO 8601 time; "
           "'at TIME' can be left out to reuse the last one.\n");
    return 0;
}

/* Splits `line` into words in place (double quotes group words); returns
 * the count, or -1 after printing why. */
static int split(struct session *s, char *line, char **argv)
{
    int argc = 0;
    char *p = line, *w;

    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            return argc;
        if (argc == REPL_MAX_ARGS) {
            repl_error(s, "more than %d words in one command", REPL_MAX_ARGS);
            return -1;
        }
        if (*p == '"') {
            w = ++p;
            p += strcspn(p, "\"");
            if (!*p) {
                repl_error(s, "a quote is not closed");
                return -1;
            }
        } else {
            w = p;
            while (*p && !isspace((unsigned char)*p))
                p++;
        }
        argv[argc++] = w;
        if (*p)
            *p++ = '\0';
    }
}

/* What stepping through time is called here. */
#define STEP_HINT ".at TIME evaluates as of a time (.at off: all data " \
                  "again); .timeline shows every time at once"

/* Words from other tools for what a command here does; checked before
 * the closest spelling, which would offer .stop for .step. */
static const struct {
    const char *word, *hint;
} synonyms[] = {
    {".step", STEP_HINT},
    {".next", STEP_HINT},
    {".undo", ".unset FIELD removes a field or a whole entry (.unset "
              "vitals[2]); .diff shows what the last change did"},
};

/* Says which command was meant by an unknown name. */
static void unknown_command(struct session *s, const char *name)
{
    const char *names[N_COMMANDS + 1], *close;
    size_t i;

    for (i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (strcmp(synonyms[i].word, name) == 0) {
            repl_error(s, "unknown command '%s': %s", name, synonyms[i].hint);
            return;
        }

    for (i = 0; i < N_COMMANDS; i++)
        names[i] = commands[i].name;
    names[N_COMMANDS] = NULL;
    close = nms_schema_closest_name(names, name);
    if (close)
        repl_error(s, "unknown command '%s' — did you mean '%s'?", name, close);
    else
        repl_error(s, "unknown command '%s' (.help lists the commands)", name);
}

static void dispatch(struct session *s, char *line)
{
    char *argv[REPL_MAX_ARGS + 1];
    const struct command *c;
    struct page page;
    int argc = split(s, line, argv);

    if (argc <= 0)
        return;
    c = find(argv[0]);
    if (!c) {
        unknown_command(s, argv[0]);
        return;
    }
    if (argc - 1 < c->min_args || (c->max_args >= 0 && argc - 1 > c->max_args)) {
        repl_error(s, "usage: %s", c->usage);
        return;
    }
    argv[argc] = NULL;
    page_begin(&page, c->paged && s->interactive);
    s->out = page.fp;
    c->run(s, argc, argv);
    s->out = stdout;
    page_end(&page);
}

/* An entry that is no Lua but starts with a command's name ("give
 * haloperidol 5 mg", "help"): says to type the dot, with the line to
 * type. Returns 1 when it said so. (A teacher's first entries are often
 * these; Lua's "syntax error near 'haloperidol'" or a "nil" teach
 * nothing.) */
static int command_without_dot(struct session *s, const char *entry)
{
    char word[32];
    size_t n = strcspn(entry, " \t\r\n");

    if (n == 0 || n >= sizeof word)
        return 0;
    snprintf(word, sizeof word, "%.*s", (int)n, entry);
    if (!find(word) || replua_means_something(s->lua, entry))
        return 0;
    repl_error(s, "not Lua: commands start with a dot; type .%.*s",
               (int)strcspn(entry, "\r\n"), entry);
    return 1;
}

void commands_run(struct session *s, const char *entry)
{
    char line[REPL_MAX_INPUT], say_cmd[] = ".say", *say[] = {say_cmd, NULL, NULL};

    while (isspace((unsigned char)*entry))
        entry++;
    if (!*entry || *entry == '#')
        return;   /* blank lines and # comments (for scenario files) */
    if (*entry != '.') {
        struct replua *lua;

        if (command_without_dot(s, entry))
            return;
        if (!(lua = replua_for_entry(s)))
            repl_error(s, "out of memory");
        else
            replua_run(lua, entry);
        return;
    }
    snprintf(line, sizeof line, "%s", entry);
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(line, ".say", 4) == 0 && (!line[4] || isspace((unsigned char)line[4]))) {
        say[1] = line + 4 + strspn(line + 4, " \t");
        act_say(s, 2, say);   /* the text as written: quotes and spacing kept */
        return;
    }
    dispatch(s, line);
}
