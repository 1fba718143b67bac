/*
 * session.c - the session's case and ruleset: setting up, evaluating
 * through the same reader as `nmsrules eval`, committing an edit only when
 * the edited case still reads, and reloading the ruleset.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/interrupt.h"
#include "front/msg.h"
#include "nms/interrupt.h"
#include "session/replua.h"
#include "session/session.h"

static void vprint(struct session *s, const char *kind, const char *fmt,
                   va_list ap) __attribute__((format(printf, 3, 0)));

static void vprint(struct session *s, const char *kind, const char *fmt,
                   va_list ap)
{
    fflush(stdout);   /* keep messages in order with what was printed */
    if (s->input_name)
        fprintf(stderr, "%s: %s:%ld: ", kind, s->input_name, s->input_line);
    else
        fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void repl_error(struct session *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprint(s, "error", fmt, ap);
    va_end(ap);
    s->failed = 1;
}

void repl_note(struct session *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprint(s, "note", fmt, ap);
    va_end(ap);
}

int session_init(struct session *s, const struct nms_cli *cli)
{
    const char *dir;
    int status;

    memset(s, 0, sizeof *s);
    s->cli = cli;
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
    s->lua = replua_new(s);
    if (!s->doc || !s->lua) {
        nms_errorf("out of memory");
        return NMS_EXIT_USAGE;
    }
    vocab_load(s);
    return 0;
}

void session_release(struct session *s)
{
    replua_free(s->lua);
    vocab_release(&s->vocab);
    cJSON_Delete(s->doc);
    cJSON_Delete(s->prev);
    cJSON_Delete(s->last);
    cJSON_Delete(s->edit_time);
    nms_engine_free(s->engine);
    memset(s, 0, sizeof *s);
}

/* The case as `nmsrules eval` would read it from a file: same reader,
 * same --as-of handling (nms_cli_case). NULL when out of memory. */
static struct nms_case *read_case(struct session *s, const cJSON *doc,
                                  double as_of)
{
    struct nms_cli cli = *s->cli;
    struct nms_record rec;
    struct nms_case *c = NULL;
    char *text = cJSON_PrintUnformatted(doc);

    if (!text)
        return NULL;
    cli.as_of = as_of;
    cli.as_of_form = timeline_iso(doc) ? NMS_TIME_ISO : NMS_TIME_HOURS;
    memset(&rec, 0, sizeof rec);
    rec.text = text;
    rec.len = strlen(text);
    rec.source = s->source;
    rec.line = strcmp(s->source, "untitled") == 0 ? 0 : 1;
    c = nms_cli_case(&cli, &rec);
    free(text);
    return c;
}

/* The result record of c as JSON, or NULL when out of memory. */
static cJSON *record_of(struct session *s, const struct nms_case *c,
                        const struct nms_result *r)
{
    char *text = nms_output_json(c, r, nms_engine_ruleset(s->engine), 0);
    cJSON *json = text ? cJSON_Parse(text) : NULL;

    free(text);
    return json;
}

int session_evaluate(struct session *s, const cJSON *doc, double as_of,
                     cJSON **out, FILE *report)
{
    struct nms_case *c = read_case(s, doc, as_of);
    struct nms_result *r = NULL;
    int rc = -1;

    *out = NULL;
    if (!c) {
        repl_error(s, "out of memory");
        return -1;
    }
    if (!c->error && nms_engine_evaluate(s->engine, c, &r) != NMS_OK) {
        repl_error(s, "%s", nms_engine_errmsg(s->engine));
        goto out;
    }
    if (nms_interrupted()) {
        rc = 1;
        goto out;
    }
    if (report)
        nms_report_print(report, c, r, nms_engine_ruleset(s->engine), s->color);
    *out = record_of(s, c, r);
    if (!*out) {
        repl_error(s, "out of memory");
        goto out;
    }
    rc = 0;
out:
    nms_result_free(r);
    nms_case_free(c);
    return rc;
}

/* Prints the warnings of `now` that `before` did not have. */
static void new_warnings(struct session *s, const cJSON *before,
                         const cJSON *now)
{
    const cJSON *w, *old;
    const cJSON *old_list = cJSON_GetObjectItemCaseSensitive(before, "warnings");
    int seen;

    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(now, "warnings")) {
        seen = 0;
        cJSON_ArrayForEach(old, old_list)
            seen = seen || cJSON_Compare(old, w, 1);
        if (!seen)
            repl_note(s, "%s: %s",
                      cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "path")),
                      cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "message")));
    }
}

/* The reason a result record is an error record, or NULL. */
static const char *record_error(const cJSON *rec, char *buf, size_t size)
{
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(rec, "error");
    const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(err, "path"));

    if (!err)
        return NULL;
    snprintf(buf, size, "%s%s%s", path && *path ? path : "",
             path && *path ? ": " : "",
             cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(err, "message")));
    return buf;
}

int session_commit(struct session *s, cJSON *doc)
{
    cJSON *rec = NULL;
    const char *why;
    char buf[1200];
    int rc = session_evaluate(s, doc, s->as_of, &rec, NULL);

    if (rc < 0) {
        cJSON_Delete(doc);
        return -1;
    }
    why = rc == 0 ? record_error(rec, buf, sizeof buf) : NULL;
    if (why && !cJSON_GetObjectItemCaseSensitive(
                   cJSON_GetObjectItemCaseSensitive(rec, "error"), "rule")) {
        repl_error(s, "%s (the case is unchanged)", why);
        cJSON_Delete(rec);
        cJSON_Delete(doc);
        return -1;
    }
    cJSON_Delete(s->doc);
    s->doc = doc;
    if (rc == 1) {
        repl_error(s, "interrupted: the change is kept, the results were not "
                      "updated (.eval to try again)");
        return 0;
    }
    new_warnings(s, s->last, rec);
    if (why)
        repl_error(s, "%s", why);   /* a rule failed; the edit itself is fine */
    compare_summary(stdout, s->last, rec);
    cJSON_Delete(s->prev);
    s->prev = s->last;
    s->last = rec;
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
