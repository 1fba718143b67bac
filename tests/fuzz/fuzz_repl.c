/*
 * fuzz_repl.c - libFuzzer target: arbitrary bytes as REPL command lines.
 *
 * One session is set up once, with the small test ruleset (so that each
 * input costs little evaluation and the fuzzer spends its time on the
 * command parsers: words, FIELD=VALUE pairs, units, times, drug courses,
 * .set paths, .whatif, .why, .at, .timeline). Each input starts a new case
 * (.new), then runs every line that begins with '.' as a command.
 *
 * Left out on purpose: lines that are not commands (they would run as the
 * session's own Lua, which may use io and os), and the commands that touch
 * files or the process (.save, .load, .reload, .plot, .read, .quit): a
 * fuzzer must not write or read files chosen by its input.
 */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/options.h"
#include "session/commands.h"
#include "session/replua.h"
#include "session/session.h"

#ifndef NMS_TEST_RULES_DIR
#error "NMS_TEST_RULES_DIR must name the test ruleset (tests/fuzz/CMakeLists.txt)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One session for the whole run, as one person at a terminal would have. A
 * fuzz target has no other place to keep it. */
static struct nms_cli cli;
static struct session session;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    memset(&cli, 0, sizeof cli);
    cli.rules_dir = NMS_TEST_RULES_DIR;
    cli.as_of = NAN;
    if (session_init(&session, &cli) != 0 ||
        !(session.lua = replua_new(&session))) {
        fprintf(stderr, "fuzz_repl: cannot start a session with %s\n",
                NMS_TEST_RULES_DIR);
        abort(); /* nothing to fuzz without a session */
    }
    session.run_entry = commands_run;
    return 0;
}

/* Whether `line` names a command that reads or writes files or ends the
 * process. */
static int touches_outside(const char *line)
{
    static const char *const refused[] = {".save", ".load", ".reload",
                                          ".plot", ".read", ".quit", ".exit"};
    size_t i, len;

    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        len = strlen(refused[i]);
        /* The REPL splits words at any isspace(), as here. */
        if (strncmp(line, refused[i], len) == 0 &&
            (line[len] == '\0' || isspace((unsigned char)line[len])))
            return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    char *line, *next;

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    commands_run(&session, ".new fuzz");
    for (line = text; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        while (isspace((unsigned char)*line))
            line++;
        if (*line == '.' && !touches_outside(line))
            commands_run(&session, line);
    }
    free(text);
    return 0;
}
