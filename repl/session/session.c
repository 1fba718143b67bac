/*
 * session.c - the session's case and ruleset: setting up, evaluating
 * through the one way into a case (nms_case_read, as `nmsrules eval`
 * does), committing an edit only when the edited case still reads, and
 * reloading the ruleset.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/interrupt.h"
#include "front/msg.h"
#include "nms/interrupt.h"
#include "cmd/report.h"
#include "session/compare.h"
#include "session/session.h"
#include "session/times.h"

int session_init(struct session *s, const struct nms_cli *cli)
{
    const char *dir;
    int status;

    memset(s, 0, sizeof *s);
    s->cli = cli;
    s->out = stdout;
    s->as_of = cli->as_of;
    if (cli->as_of_text)
        snprintf(s->as_of_text, sizeof s->as_of_text, "%s", cli->as_of_text);
    snprintf(s->source, sizeof s->source, "untitled");
    dir = nms_cli_rules_dir(cli->rules_dir, s->rules_dir, sizeof s->rules_dir);
    if (dir && dir != s->rules_dir)
        snprintf(s->rules_dir, sizeof s->rules_dir, "%s", dir);
    status = nms_cli_load(cli, &s->engine);
    if (status != 0)
        return status;
    nms_engine_set_interrupt(s->engine, nms_interrupt_flag());
    s->doc = cJSON_CreateObject();
    if (!s->doc) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    vocab_load(s);
    return 0;
}

void session_release(struct session *s)
{
    vocab_release(&s->vocab);
    cJSON_Delete(s->doc);
    evaluation_free(s->prev);
    evaluation_free(s->last);
    cJSON_Delete(s->edit_time);
    nms_engine_free(s->engine);
    memset(s, 0, sizeof *s);
}

/* The case as `nmsrules eval` would read it from a file: the one way into
 * a case, with the same --as-of handling, reading the tree directly. NULL
 * when out of memory. */
static struct nms_case *read_case(struct session *s, const cJSON *doc,
                                  double as_of)
{
    struct nms_case_options opt;
    struct nms_record rec;

    opt.as_of = as_of;
    opt.as_of_form = times_iso(doc) ? NMS_TIME_ISO : NMS_TIME_HOURS;
    session_record(s, doc, &rec);
    return nms_case_read(&rec, &opt);
}

void session_record(const struct session *s, const cJSON *doc,
                    struct nms_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->text = "";
    rec->parsed = doc;
    rec->source = s->source;
    rec->line = strcmp(s->source, "untitled") == 0 ? 0 : 1;
}

int session_evaluate(struct session *s, const cJSON *doc, double as_of,
                     struct evaluation **out, FILE *report)
{
    struct nms_case *c = read_case(s, doc, as_of);
    struct nms_result *r = NULL;

    *out = NULL;
    if (!c) {
        repl_error(s, "out of memory");
        return -1;
    }
    if (!c->error && nms_engine_evaluate(s->engine, c, &r) != NMS_OK) {
        repl_error(s, "%s", nms_engine_errmsg(s->engine));
        nms_case_free(c);
        return -1;
    }
    if (nms_interrupted()) {
        nms_result_free(r);
        nms_case_free(c);
        return 1;
    }
    if (report)
        nms_report_print(report, c, r, nms_engine_ruleset(s->engine),
                         report_flags(s));
    *out = evaluation_new(c, r, nms_engine_ruleset(s->engine));
    if (!*out) {
        repl_error(s, "out of memory");
        return -1;
    }
    return 0;
}

int report_flags(const struct session *s)
{
    return (s->color ? NMS_REPORT_COLOR : 0) | NMS_REPORT_ONE_BASED;
}

/* 1 when warning w is among the warnings of `before` (may be NULL). */
static int had_warning(const struct evaluation *before,
                       const struct nms_rule_warning *w)
{
    struct nms_rule_warning old;
    size_t i, n = before ? evaluation_n_warnings(before) : 0;

    for (i = 0; i < n; i++) {
        old = evaluation_warning(before, i);
        if (evaluation_same_warning(&old, w))
            return 1;
    }
    return 0;
}

/* `msg`, a warning on field `path`, with the case file's advice "give it
 * as {"value": 103, "unit": "[degF]"}" put as the session types it,
 * "temp=103F" (value.c reads it back so); `msg` itself when it has none.
 * A teacher who typed .vitals temp=103 has no JSON to edit. */
static const char *session_advice(const char *path, const char *msg,
                                  char *buf, size_t size)
{
    static const char json[] = "give it as {\"value\": ";
    const char *at = strstr(msg, json), *field = strrchr(path, '.');
    char num[64], unit[32];

    if (!at || sscanf(at + sizeof json - 1, "%63[^,], \"unit\": \"%31[^\"]\"}",
                      num, unit) != 2)
        return msg;
    snprintf(buf, size, "%.*sgive it as %s=%s%s", (int)(at - msg), msg,
             field ? field + 1 : path, num,
             strcmp(unit, "[degF]") == 0 ? "F" : unit);
    return buf;
}

/* Prints the warnings of `now` that `before` did not have. */
static void new_warnings(struct session *s, const struct evaluation *before,
                         const struct evaluation *now)
{
    struct nms_rule_warning w;
    size_t i, n = evaluation_n_warnings(now);
    char path[256], advice[1024];

    for (i = 0; i < n; i++) {
        w = evaluation_warning(now, i);
        if (!had_warning(before, &w))
            repl_note(s, "%s: %s", report_path(w.path, 1, path, sizeof path),
                      session_advice(w.path, w.message, advice, sizeof advice));
    }
}

int session_commit(struct session *s, cJSON *doc)
{
    struct evaluation *ev = NULL;
    const char *why;
    char buf[1200];
    int rc = session_evaluate(s, doc, s->as_of, &ev, NULL);

    if (rc < 0) {
        if (doc != s->doc)
            cJSON_Delete(doc);
        return -1;
    }
    why = rc == 0 ? evaluation_error(ev, buf, sizeof buf) : NULL;
    if (why && !evaluation_rule_failed(ev)) {
        repl_error(s, "%s (the case is unchanged)", why);
        evaluation_free(ev);
        if (doc != s->doc)
            cJSON_Delete(doc);
        return -1;
    }
    if (doc != s->doc) {
        cJSON_Delete(s->doc);
        s->doc = doc;
    }
    if (rc == 1) {
        repl_error(s, "interrupted: the change is kept, the results were not "
                      "updated (.eval to try again)");
        return 0;
    }
    new_warnings(s, s->last, ev);
    if (why)
        repl_error(s, "%s", why);   /* a rule failed; the edit itself is fine */
    compare_summary(stdout, s->last, ev);
    evaluation_free(s->prev);
    s->prev = s->last;
    s->last = ev;
    return 0;
}

int session_reload(struct session *s)
{
    const struct nms_ruleset_info *rs;
    enum nms_status status = nms_engine_load(s->engine, s->rules_dir);

    if (status != NMS_OK) {
        repl_error(s, "%s; still using the previous ruleset",
                   status == NMS_ENOMEM ? "out of memory"
                                        : nms_engine_errmsg(s->engine));
        return -1;
    }
    rs = nms_engine_ruleset(s->engine);
    printf("reloaded %s %s %s\n", rs->name, rs->version, rs->digest);
    vocab_release(&s->vocab);
    vocab_load(s);
    return 0;
}
