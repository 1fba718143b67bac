/*
 * test_repl_pty.c - drives `nmsrules repl` through a pseudo-terminal as a
 * person would: types, presses Tab, Ctrl-C and Ctrl-D, and checks what the
 * screen shows, that completion works, and that the session survives;
 * and `nmsrules batch` reading cases typed on the terminal.
 *
 *   test_repl_pty NMSRULES SOURCE_DIR
 *
 * Prints TAP-style lines; exits 1 when a check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Everything the program wrote since the last check, and the whole run. */
static char screen[1 << 20];
static size_t screen_len;
static int failures;

struct child {
    pid_t pid;
    int fd;
};

static void check(int ok, const char *what)
{
    printf("%s - %s\n", ok ? "ok" : "not ok", what);
    if (!ok) {
        failures++;
        printf("  screen so far:\n---\n%s\n---\n", screen);
    }
}

/* Words of the command lines (execv wants char *, not string literals). */
static char w_repl[] = "repl", w_rules[] = "--rules",
            w_max[] = "--max-instructions", w_huge[] = "100000000000";

/* Starts the program on a new pseudo-terminal of cols x rows with `args`
 * (NULL-ended) and $PAGER set to `pager`. */
static struct child start_term(char *const *args, const char *history,
                               unsigned short cols, unsigned short rows,
                               const char *pager)
{
    struct child c;
    struct winsize ws = {rows, cols, 0, 0};

    c.pid = forkpty(&c.fd, NULL, NULL, &ws);
    if (c.pid < 0) {
        perror("forkpty");
        exit(2);
    }
    if (c.pid == 0) {
        setenv("TERM", "dumb", 1);
        setenv("NO_COLOR", "1", 1);
        setenv("NMSRULES_HISTORY", history, 1);
        setenv("PAGER", pager, 1);
        unsetenv("INPUTRC");
        execv(args[0], args);
        _exit(127);
    }
    screen_len = 0;
    screen[0] = '\0';
    return c;
}

/* A wide terminal whose pager is cat: long output arrives as it is. */
static struct child start(char *const *args, const char *history)
{
    return start_term(args, history, 200, 24, "cat");
}

/* Reads what the program writes until `text` appears (1) or `ms` pass (0). */
static int expect(struct child *c, const char *text, int ms)
{
    struct pollfd p = {c->fd, POLLIN, 0};
    ssize_t n;

    while (!strstr(screen, text)) {
        if (poll(&p, 1, ms) <= 0)
            return 0;
        n = read(c->fd, screen + screen_len, sizeof screen - screen_len - 1);
        if (n <= 0)
            return 0;
        screen_len += (size_t)n;
        screen[screen_len] = '\0';
    }
    return 1;
}

/* Reads until the program has been quiet for 300 ms; returns 1 when the
 * screen then ends with the prompt (the program waits for input). */
static int at_prompt(struct child *c)
{
    size_t n;
    int i;

    for (i = 0; i < 50 && expect(c, "\001never\001", 300) == 0; i++) {
        n = strlen(screen);
        if (n >= 5 && strcmp(screen + n - 5, "nms> ") == 0)
            return 1;
    }
    return 0;
}

/* Forgets the screen so far, so the next expect sees only new output. */
static void clear(void)
{
    screen_len = 0;
    screen[0] = '\0';
}

static void type(struct child *c, const char *keys)
{
    size_t len = strlen(keys);

    if (write(c->fd, keys, len) != (ssize_t)len)
        perror("write");
}

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

/* Waits for the program to end; returns its exit status, or -1. */
static int finish(struct child *c)
{
    int status = 0, i;

    for (i = 0; i < 100; i++) {
        expect(c, "\001never\001", 100);   /* drain the terminal */
        pause_ms(50);   /* after a hang-up, expect returns at once */
        if (waitpid(c->pid, &status, WNOHANG) == c->pid) {
            close(c->fd);
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
    }
    kill(c->pid, SIGKILL);
    waitpid(c->pid, &status, 0);
    close(c->fd);
    return -1;
}

static int file_has(const char *path, const char *text)
{
    char buf[1 << 14];
    FILE *fp = fopen(path, "r");
    size_t n = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;

    if (fp)
        fclose(fp);
    buf[n] = '\0';
    return strstr(buf, text) != NULL;
}

/* Completion, Lua continuation, Ctrl-C at the prompt, Ctrl-D, history. */
static void session_default(char *bin, const char *src, const char *history)
{
    char rules[4096];
    char *args[] = {bin, w_repl, w_rules, rules, NULL};
    struct child c;

    snprintf(rules, sizeof rules, "%s/rules", src);
    c = start(args, history);
    check(expect(&c, "nms> ", 5000), "the prompt appears");
    type(&c, ".vit\t");
    check(expect(&c, ".vitals ", 2000), "Tab completes a command name");
    type(&c, "r\t");
    check(expect(&c, "rr=", 2000), "Tab completes a field name with '='");
    clear();
    type(&c, "22 te\t");
    check(expect(&c, "mp", 2000), "Tab completes the common prefix");
    clear();
    type(&c, "=39.4 hr=120 at 50h\r");
    check(expect(&c, "iec2011", 5000), "an edit prints the summary line");
    type(&c, ".give halop\t");
    check(expect(&c, "haloperidol ", 2000), "Tab completes a drug name from the ruleset");
    clear();
    type(&c, "5 mg im at 0h\r");
    check(expect(&c, "\xe2\x86\x92", 5000), "the summary shows what changed");
    type(&c, ".exam rigidity=sev\t");
    check(expect(&c, "rigidity=severe", 2000), "Tab completes an enumerated value");
    type(&c, "\r");
    clear();
    type(&c, ".why iec\t");
    check(expect(&c, ".why iec2011", 2000), "Tab completes a set id");
    type(&c, "\r");
    check(expect(&c, "exposure", 5000), ".why lists the items");
    clear();
    {
        char typed[4200];
        snprintf(typed, sizeof typed, ".load %s/examples/cases/01-halo\t", src);
        type(&c, typed);
        check(expect(&c, "01-haloperidol-classic.json", 2000),
              "Tab completes a file path after .load");
        type(&c, "\025");   /* Ctrl-U: drop the line, load nothing */
        clear();
    }
    type(&c, "local x = 1 +\r");
    check(expect(&c, "...> ", 2000), "incomplete Lua asks for more on a second prompt");
    clear();
    type(&c, "\003");
    check(expect(&c, "nms> ", 2000), "Ctrl-C drops the pending entry and shows the prompt");
    clear();
    type(&c, "1 + 1\r");
    check(expect(&c, "2\r\n", 2000), "an expression prints its value after Ctrl-C");
    clear();
    type(&c, "for i = 1, 2 do\rprint(i * 10) end\r");
    check(expect(&c, "20", 2000), "a multi-line chunk runs");
    check(at_prompt(&c), "the prompt is back after the chunk");
    clear();
    type(&c, "half typed\003");
    check(expect(&c, "nms> ", 2000), "Ctrl-C clears a half-typed line");
    clear();
    type(&c, "while true do end\r");
    pause_ms(300);
    type(&c, "\003");
    check(expect(&c, "interrupted", 3000), "Ctrl-C stops a Lua loop");
    check(at_prompt(&c), "the prompt is back after the Lua loop");
    clear();
    type(&c, "case.vitals[1].hr\r");
    check(expect(&c, "120", 2000), "the session survived and holds the case");
    check(at_prompt(&c), "the prompt is back");
    type(&c, "\004");
    check(finish(&c) == 0, "Ctrl-D ends the session with status 0");
    check(file_has(history, ".vitals rr=22 temp=39.4 hr=120 at 50h"),
          "history is written to $NMSRULES_HISTORY");
    check(file_has(history, "for i = 1, 2 do\nprint(i * 10) end"),
          "a multi-line entry is stored as one");
}

/* History read back: Ctrl-P recalls the last entry of the previous run. */
static void session_history(char *bin, const char *src, const char *history)
{
    char rules[4096];
    char *args[] = {bin, w_repl, w_rules, rules, NULL};
    struct child c;

    snprintf(rules, sizeof rules, "%s/rules", src);
    c = start(args, history);
    check(expect(&c, "nms> ", 5000), "a second session starts");
    clear();
    type(&c, "\020");
    check(expect(&c, "case.vitals[1].hr", 2000), "Ctrl-P recalls the previous session's entry");
    type(&c, "\025.quit\r");
    check(finish(&c) == 0, ".quit ends the session with status 0");
}

/* Ctrl-C during a rule that never ends stops it; the session goes on. */
static void session_slow(char *bin, const char *src, const char *history)
{
    char rules[4096];
    char *args[] = {bin, w_repl, w_rules, rules, w_max, w_huge, NULL};
    struct child c;

    snprintf(rules, sizeof rules, "%s/tests/data/rules/slow", src);
    c = start(args, history);
    check(expect(&c, "nms> ", 5000), "the slow ruleset loads");
    clear();
    type(&c, ".set history.exertion true\r");
    pause_ms(500);
    check(!strstr(screen, "nms> "), "the slow rule is still running");
    type(&c, "\003");
    check(expect(&c, "interrupted", 3000), "Ctrl-C interrupts the evaluation");
    check(expect(&c, "nms> ", 3000), "the prompt comes back after the interrupt");
    clear();
    type(&c, ".set history.exertion false\r");
    type(&c, ".set history.dehydration true\r");
    check(expect(&c, "slow 0 \xe2\x86\x92 10 (met)", 5000),
          "the next evaluation runs normally");
    clear();
    type(&c, ".show\r");
    check(expect(&c, "exertion no", 3000), "the case kept every edit");
    check(at_prompt(&c), "the prompt is back");
    type(&c, "\004");
    check(finish(&c) == 0, "Ctrl-D ends the session");
}

/* The widest line of the screen in columns (UTF-8 sequences count one,
 * colour sequences none). */
static size_t widest_line(const char *text)
{
    size_t cols = 0, widest = 0;
    const unsigned char *p;

    for (p = (const unsigned char *)text; *p; p++) {
        if (*p == '\r' || *p == '\n') {
            cols = 0;
            continue;
        }
        if (*p == '\033') {
            while (p[1] && *p != 'm')
                p++;
            continue;
        }
        if ((*p & 0xc0) != 0x80 && ++cols > widest)
            widest = cols;
    }
    return widest;
}

/* Long output on a narrow terminal is wrapped to its width, summary first;
 * longer than the screen it goes through $PAGER, shorter it does not. */
static void session_paging(char *bin, const char *src, const char *history)
{
    char rules[4096], load[4200];
    char *args[] = {bin, w_repl, w_rules, rules, NULL};
    char *summary, *detail;
    struct child c;

    snprintf(rules, sizeof rules, "%s/rules", src);
    snprintf(load, sizeof load,
             ".load %s/examples/cases/02-olanzapine-atypical.json\r", src);
    c = start_term(args, history, 60, 500, "cat");
    check(expect(&c, "nms> ", 5000), "a 60-column terminal: the prompt appears");
    type(&c, load);
    check(expect(&c, "(.eval for the report)", 5000),
          "the first evaluation of a loaded case is a short summary");
    check(at_prompt(&c), "the prompt is back after .load");
    clear();
    type(&c, ".eval\r");
    check(expect(&c, "sympathetic_lability", 5000) && at_prompt(&c),
          ".eval prints the report");
    check(widest_line(screen) <= 60, "every line of .eval fits 60 columns");
    summary = strstr(screen, "summary");
    detail = strstr(screen, "iec2011  International");
    check(summary && detail && summary < detail, "the summary comes first");
    check(strstr(screen, "needs: Severe muscle") != NULL,
          "a false item says what the criterion needs");
    type(&c, "\004");
    check(finish(&c) == 0, "the narrow session ends with status 0");

    c = start_term(args, history, 100, 24, "sed s/^/PAGED:/");
    check(expect(&c, "nms> ", 5000), "a 24-row terminal: the prompt appears");
    type(&c, load);
    check(at_prompt(&c), "the case loads");
    clear();
    type(&c, ".eval\r");
    check(expect(&c, "PAGED:case 02-olanzapine-atypical", 5000) &&
              at_prompt(&c),
          "output longer than the screen goes through $PAGER");
    clear();
    type(&c, ".eval --brief\r");
    check(expect(&c, "severity tier:", 5000) && at_prompt(&c) &&
              !strstr(screen, "PAGED:"),
          "output that fits the screen is printed without the pager");
    clear();
    type(&c, ".eval dsm4tr\r");
    check(expect(&c, "dsm4tr  DSM-IV-TR", 5000) && at_prompt(&c) &&
              !strstr(screen, "iec2011  International"),
          ".eval SET shows that set only");
    type(&c, "\004");
    check(finish(&c) == 0, "the paged session ends with status 0");
}

/* .read runs a scenario on the terminal: .say prints, .pause waits for
 * Enter before the next command runs. */
static void session_scenario(char *bin, const char *src, const char *history)
{
    char rules[4096], read[4200];
    char *args[] = {bin, w_repl, w_rules, rules, NULL};
    struct child c;

    snprintf(rules, sizeof rules, "%s/tests/data/rules/tri", src);
    snprintf(read, sizeof read, ".read %s/tests/repl/scenario-pass.nms\r", src);
    c = start(args, history);
    check(expect(&c, "nms> ", 5000), "the scenario session starts");
    clear();
    type(&c, read);
    check(expect(&c, "Lesson: two flags reach the threshold.", 5000),
          ".say prints its text");
    check(expect(&c, "Enter to go on", 5000), ".pause asks for Enter");
    pause_ms(300);
    expect(&c, "\001never\001", 200);
    check(!strstr(screen, ".expect four indeterminate"),
          "the scenario waits at .pause");
    type(&c, "\r");
    check(expect(&c, "four 20 \xe2\x86\x92 50 (met)", 5000) && at_prompt(&c),
          "Enter goes on to the end of the scenario");
    check(!strstr(screen, "error"), "the scenario's expectations hold");
    type(&c, "\004");
    check(finish(&c) == 0, "the scenario session ends with status 0");
}

/* batch with no FILE on a terminal says it reads the cases typed there
 * and how to end them (it used to wait in silence, like a hang), then
 * reads them until Ctrl-D. */
static void batch_terminal(char *bin, const char *src, const char *history)
{
    char rules[4096], w_batch[] = "batch", w_format[] = "--format",
         w_csv[] = "csv", w_eol[] = "--csv-eol", w_lf[] = "lf";
    char *args[] = {bin, w_batch, w_rules, rules, w_format, w_csv, w_eol, w_lf, NULL};
    struct child c;

    snprintf(rules, sizeof rules, "%s/tests/data/rules/tri", src);
    c = start(args, history);
    check(expect(&c, "reading cases from the terminal: type or paste them, then Ctrl-D", 5000),
          "batch on a terminal says it reads the cases typed and how to end");
    type(&c, "{\"id\": \"pty-1\"}\r");
    type(&c, "\004");
    check(expect(&c, "\npty-1,", 5000), "batch evaluates the case typed");
    check(finish(&c) == 0, "Ctrl-D ends batch's input, status 0");
}

int main(int argc, char **argv)
{
    char history[] = "/tmp/nmsrules-pty-history-XXXXXX";
    int fd;

    if (argc != 3) {
        fprintf(stderr, "usage: test_repl_pty NMSRULES SOURCE_DIR\n");
        return 2;
    }
    fd = mkstemp(history);
    if (fd < 0)
        return 2;
    close(fd);
    session_default(argv[1], argv[2], history);
    session_history(argv[1], argv[2], history);
    session_slow(argv[1], argv[2], history);
    session_paging(argv[1], argv[2], history);
    session_scenario(argv[1], argv[2], history);
    batch_terminal(argv[1], argv[2], history);
    unlink(history);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
