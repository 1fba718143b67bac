/*
 * repl.c - `nmsrules repl`: the interactive loop on a terminal (readline
 * with completion, history and Ctrl-C handling) and the same commands read
 * from a script or a pipe, without prompts.
 *
 * Ctrl-C: while a command runs, it stops the evaluation or Lua chunk (the
 * engine's instruction hook and the session Lua's hook read the flag); at
 * the prompt, it drops the line and any pending Lua lines. Neither ends
 * the session; Ctrl-D or .quit does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/readline.h>

#include "session/actions.h"
#include "session/complete.h"
#include "session/history.h"
#include "session/input.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "session/commands.h"
#include "session/replua.h"
#include "session/scenario.h"
#include "session/session.h"

#define PROMPT "nms> "
#define PROMPT_MORE "...> "

/* ---- reading a terminal ------------------------------------------------ */

/* readline's callback interface hands the line to a function without user
 * data: this slot is where it lands. */
static struct {
    char *line;
    int ready;
} slot;

static void on_line(char *line)
{
    slot.line = line;
    slot.ready = 1;
    /* Restores the terminal, so the command runs in normal mode (Ctrl-C
     * sends SIGINT) and readline draws no prompt until we ask again. */
    rl_callback_handler_remove();
}

/* Reads one line with readline. Returns 1 with *out (free it), 0 at end of
 * input, or -1 when Ctrl-C dropped the line.
 *
 * SIGINT stays blocked except inside pselect(), which unblocks it
 * atomically: a Ctrl-C that arrives just before the wait (while readline
 * draws the prompt, say) still ends the wait, instead of being noticed
 * only at the next key press. */
static int read_tty(const char *prompt, char **out)
{
    sigset_t sigint, waiting;
    fd_set fds;
    int ready, got = -2;

    slot.ready = 0;
    slot.line = NULL;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    sigprocmask(SIG_BLOCK, &sigint, &waiting);
    sigdelset(&waiting, SIGINT);
    rl_callback_handler_install(prompt, on_line);
    while (got == -2 && !slot.ready) {
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        ready = nms_interrupted()
                    ? 0
                    : pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL,
                              &waiting);
        if (nms_interrupted()) {
            nms_interrupt_clear();
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            fputs("^C\n", stdout);
            fflush(stdout);
            got = -1;
        } else if (ready < 0 && errno != EINTR) {
            rl_callback_handler_remove();
            got = 0;
        } else if (ready > 0) {
            rl_callback_read_char();
        }
    }
    sigprocmask(SIG_UNBLOCK, &sigint, NULL);
    if (got != -2)
        return got;
    *out = slot.line;
    return slot.line != NULL;
}

static void interactive(struct session *s)
{
    struct input *in = malloc(sizeof *in);
    char *line = NULL, hist[4096];
    int got, have_history = history_path(hist, sizeof hist) == 0;
    long n = 0;

    if (!in) {
        repl_error(s, "out of memory");
        return;
    }
    input_reset(in);
    if (have_history)
        history_start(hist);
    complete_install(s);
    rl_catch_signals = 0;   /* our SIGINT handler only sets a flag */
    while (!s->quit) {
        got = read_tty(in->len ? PROMPT_MORE : PROMPT, &line);
        if (got == 0) {
            fputc('\n', stdout);
            break;
        }
        if (got < 0) {
            input_reset(in);
            continue;
        }
        if (input_add(in, s, line, ++n) == INPUT_READY) {
            history_add_entry(in->buf);
            scenario_entry(s, in);
            input_reset(in);
        }
        free(line);
    }
    if (have_history)
        history_finish(hist);
    complete_release();
    free(in);
}

/* ---- the subcommand ---------------------------------------------------- */

static void banner(struct session *s)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(s->engine);

    printf("nmsrules %s, ruleset %s %s\n"
           "Type .help for the commands, Lua for anything else; Ctrl-D "
           "quits.\n", NMS_VERSION, rs->name, rs->version);
}

static const char usage[] =
    "usage: nmsrules repl [OPTIONS] [CASE.json]\n"
    "\n"
    "Opens an interactive session: build or load a case with commands that\n"
    "read like a chart (.give, .vitals, .exam, .lab ...), evaluate it after\n"
    "every change, ask .why and .whatif, step through .timeline. Lines that\n"
    "do not start with '.' are Lua. Type .help in the session; the guide is\n"
    "docs/repl.md.\n"
    "\n"
    "  --rules DIR          ruleset directory (default: the installed one)\n"
    "  --param NAME=VALUE   override a ruleset parameter (repeatable)\n"
    "  --as-of TIME         start with .at TIME (evaluate as of TIME)\n"
    "  --script FILE        run the commands in FILE ('-' for standard input)\n"
    "                       instead of reading a terminal\n"
    "  --echo               with a script, print each entry before its output\n"
    "  --keep-going         run every command of a script, even after an error\n"
    "                       (a script stops at its first error by default)\n"
    "  --full-lua           give a script (or piped input) the full Lua\n"
    "                       library (io, os, require ...), let its .save\n"
    "                       and .plot write files and its .load and .read\n"
    "                       read any; by default it gets the rules' sandbox:\n"
    "                       base, string, table, math, utf8, the rules'\n"
    "                       limits for each entry, no file written, and\n"
    "                       .load and .read of files below its directory or\n"
    "                       the working directory only, none hidden\n"
    "  --max-instructions N, --max-memory MIB, --max-cpu-ms MS   sandbox limits\n"
    "                       of a case, and of each entry of a script's Lua\n"
    "  --color[=WHEN]       colour on a terminal: auto (default: unless NO_COLOR\n"
    "                       is set or TERM=dumb), always, never\n"
    "  -h, --help           show this help\n"
    "\n"
    "On a terminal: Tab completes commands, fields, values, drugs and set ids;\n"
    "Ctrl-C stops a running evaluation or clears the line; Ctrl-D quits.\n"
    "History is kept in $NMSRULES_HISTORY, else $XDG_STATE_HOME/nmsrules/history,\n"
    "else ~/.nmsrules_history. Not on a terminal, commands are read from\n"
    "standard input without prompts; .pause waits only on a terminal. Exit\n"
    "status of a script: 0, or 1 when a command failed or an .expect did not\n"
    "hold; 2 when the script or CASE file cannot be read; 3 when the ruleset\n"
    "does not load.\n";

enum { OPT_SCRIPT = NMS_OPT_OWN, OPT_ECHO, OPT_KEEP_GOING, OPT_FULL_LUA };

static const struct option long_options[] = {
    {"script", required_argument, NULL, OPT_SCRIPT},
    {"echo", no_argument, NULL, OPT_ECHO},
    {"keep-going", no_argument, NULL, OPT_KEEP_GOING},
    {"full-lua", no_argument, NULL, OPT_FULL_LUA},
    NMS_COMMON_OPTIONS};

/* repl's own options: --script FILE, --echo, --keep-going, --full-lua. */
static int apply(struct nms_cli *cli, int opt, const char *arg)
{
    switch (opt) {
    case OPT_SCRIPT:
        cli->script = arg;
        return -1;
    case OPT_ECHO:
        cli->echo = 1;
        return -1;
    case OPT_KEEP_GOING:
        cli->keep_going = 1;
        return -1;
    case OPT_FULL_LUA:
        cli->full_lua = 1;
        return -1;
    default:
        return NMS_OPTION_NOT_MINE;
    }
}

const struct nms_command_options nms_repl_options = {
    "repl", usage, "h", long_options, apply, NULL};

int nms_cmd_repl(int argc, char **argv)
{
    struct nms_cli cli;
    struct session s;
    FILE *script = NULL;
    int status = nms_cli_parse(&cli, &nms_repl_options, argc, argv);
    char load_cmd[] = ".load", *load[] = {load_cmd, NULL};

    if (status >= 0)
        return status;
    if (cli.n_inputs > 1) {
        nms_errorf("repl takes at most one CASE file");
        return nms_cli_try(&nms_repl_options);
    }
    if (cli.script && strcmp(cli.script, "-") != 0 &&
        !(script = fopen(cli.script, "r"))) {
        nms_errorf("cannot open '%s': %s", cli.script, strerror(errno));
        return NMS_EXIT_USAGE;
    }
    status = session_init(&s, &cli);
    s.run_entry = commands_run;
    if (status == 0 && !(s.lua = replua_new(&s))) {
        nms_errorf("out of memory");
        status = NMS_EXIT_USAGE;
    }
    if (status == 0 && nms_interrupt_install_sigint() != 0)
        status = NMS_EXIT_USAGE;
    if (status != 0)
        goto out;
    s.interactive = !cli.script && isatty(STDIN_FILENO);
    s.color = nms_cli_color(&cli, STDOUT_FILENO) &&
              (s.interactive || cli.color == NMS_COLOR_ALWAYS);
    s.keep_going = cli.keep_going;
    /* A CASE that does not load ends the run at once: a lesson or a
     * script must not go on with an empty case in its place. */
    if (cli.n_inputs == 1) {
        load[1] = cli.inputs[0];
        /* the operator's own file, read anywhere; its errors are the
         * program's ("nmsrules: error: ...") */
        s.place.command_line = 1;
        status = act_load(&s, 2, load);
        s.place.command_line = 0;
        if (status != 0) {
            status = NMS_EXIT_USAGE;
            goto out;
        }
    }
    if (s.interactive) {
        banner(&s);
        interactive(&s);
        status = NMS_EXIT_OK;
    } else {
        if (script)   /* what it may .load and .read: below its directory */
            (void)replua_set_root(&s, cli.script);   /* none before */
        scenario_run(&s, script ? script : stdin, cli.script ? cli.script : "-",
                     cli.echo);
        status = s.place.failed ? NMS_EXIT_CASE_ERRORS : NMS_EXIT_OK;
    }
out:
    replua_free(s.lua);
    replua_free(s.read_lua);
    replua_restore_root(&s, NULL);
    session_release(&s);
    if (script)
        fclose(script);
    return status;
}
