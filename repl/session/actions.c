/*
 * actions.c - the dot-commands on the whole case and on its results:
 * .new .load .save .show .json .eval .why .whynot .whatif .diff .timeline
 * .at .rules .reload .quit.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/anchor.h"
#include "cmd/plot.h"
#include "cmd/report.h"
#include "cmd/sink.h"
#include "cmd/term.h"
#include "front/interrupt.h"
#include "input/case_json.h"
#include "nms/interrupt.h"
#include "nms/reader.h"
#include "session/actions.h"
#include "session/chart.h"
#include "session/compare.h"
#include "session/explain.h"
#include "session/replua.h"
#include "session/show.h"
#include "session/timeline.h"
#include "session/times.h"

/* Forgets the results of the previous case (a new one starts). */
static void forget_results(struct session *s)
{
    evaluation_free(s->prev);
    evaluation_free(s->last);
    cJSON_Delete(s->edit_time);
    s->prev = s->last = NULL;
    s->edit_time = NULL;
}

int act_new(struct session *s, int argc, char **argv)
{
    cJSON *doc = cJSON_CreateObject();

    if (!doc || (argc == 2 && !cJSON_AddStringToObject(doc, "id", argv[1]))) {
        cJSON_Delete(doc);
        repl_error(s, "out of memory");
        return -1;
    }
    forget_results(s);
    snprintf(s->source, sizeof s->source, "untitled");
    return session_commit(s, doc);
}

/* Reads the one case record of `path` with the batch reader. Returns the
 * JSON document, or NULL after printing why. */
static cJSON *read_file(struct session *s, const char *path)
{
    FILE *fp;
    struct nms_reader *reader = NULL;
    struct nms_record rec;
    struct nms_case *c = NULL;
    cJSON *doc = NULL;

    if (!(fp = replua_open(s, path)))
        return NULL;
    /* Ctrl-C stops a record that never ends (a device, a pipe), as in
     * batch: the reader looks at the flag every few kilobytes. */
    if (nms_reader_open(&reader, fp, path) == NMS_OK)
        nms_reader_set_interrupt(reader, nms_interrupt_flag());
    if (!reader || nms_reader_next(reader, &rec) != 1) {
        if (nms_interrupted())
            repl_error(s, "interrupted");
        else
            repl_error(s, "'%s' holds no case", path);
        goto out;
    }
    /* Parsed once: the tree is both checked as a case and kept as the
     * chart (the text path only when cJSON refuses what the check
     * passed, for its message). */
    doc = rec.error ? NULL : cJSON_ParseWithLength(rec.text, rec.len);
    if (!rec.error)
        c = doc ? nms_case_parse_tree(rec.text, rec.len, doc, path, rec.line, 0)
                : nms_case_parse(rec.text, rec.len, path, rec.line, 0);
    if (rec.error || !c || c->error) {
        repl_error(s, "%s: %s%s%s", path, c && c->error ? c->error->path : "",
                   c && c->error && *c->error->path ? ": " : "",
                   rec.error ? rec.error
                             : c && c->error ? c->error->message : "out of memory");
        cJSON_Delete(doc);
        doc = NULL;
        goto out;
    }
    if (nms_reader_next(reader, &rec) == 1) {
        repl_error(s, "'%s' holds several cases; .load takes a file with one "
                      "(nmsrules batch reads many)", path);
        cJSON_Delete(doc);
        doc = NULL;
    }
out:
    nms_case_free(c);
    nms_reader_free(reader);
    fclose(fp);
    return doc;
}

int act_load(struct session *s, int argc, char **argv)
{
    cJSON *doc = read_file(s, argv[1]);
    char old[sizeof s->source];

    (void)argc;
    if (!doc)
        return -1;
    memcpy(old, s->source, sizeof old);
    snprintf(s->source, sizeof s->source, "%s", argv[1]);
    forget_results(s);
    if (session_commit(s, doc) != 0) {
        memcpy(s->source, old, sizeof old);
        return -1;
    }
    return 0;
}

/* Whether command `cmd` may write a file in session s: not for a script,
 * piped input or a scenario .read without --full-lua, which may come from
 * anyone and has no io library for that reason. `.save ~/.bashrc`
 * replaced the file with the case as JSON, and a text of the case such as
 * "$(command)" in it ran at the next shell. */
static int may_write_files(struct session *s, const char *cmd)
{
    if (replua_trusted(s))
        return 1;
    repl_error(s, "%s writes a file: a script, piped input or .read scenario "
                  "may only with --full-lua (which gives its Lua io and os "
                  "too)", cmd);
    return 0;
}

/* Writes the case to `path` atomically (cmd/sink.c), so a failed write
 * never leaves half a case. */
int act_save(struct session *s, int argc, char **argv)
{
    char *text;
    int ok;

    (void)argc;
    if (!may_write_files(s, ".save"))
        return -1;
    text = cJSON_Print(s->doc);
    ok = text && nms_sink_write_file(argv[1], text) == 0;
    if (!ok)
        repl_error(s, "cannot write '%s': %s", argv[1],
                   text ? strerror(errno) : "out of memory");
    else
        printf("saved to %s\n", argv[1]);
    cJSON_free(text);
    return ok ? 0 : -1;
}

int act_show(struct session *s, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    show_case(s, s->out);
    return 0;
}

int act_json(struct session *s, int argc, char **argv)
{
    char *text = cJSON_Print(s->doc);

    (void)argc;
    (void)argv;
    if (!text) {
        repl_error(s, "out of memory");
        return -1;
    }
    fprintf(s->out, "%s\n", text);
    cJSON_free(text);
    return 0;
}

/* Keeps `rec` as the latest result (the one before becomes .diff's
 * "before"), unless it equals the latest. Takes ownership. */
static void keep_result(struct session *s, struct evaluation *rec)
{
    if (s->last && evaluation_equal(s->last, rec)) {
        evaluation_free(rec);
        return;
    }
    evaluation_free(s->prev);
    s->prev = s->last;
    s->last = rec;
}

/* .eval's words: --brief and a set id, in either order. Returns 0, or -1
 * after printing why. */
static int eval_args(struct session *s, int argc, char **argv, int *brief,
                     const char **set)
{
    int i;

    *brief = 0;
    *set = NULL;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--brief") == 0 && !*brief)
            *brief = 1;
        else if (argv[i][0] != '-' && !*set)
            *set = argv[i];
        else {
            repl_error(s, "usage: .eval [--brief] [SET]");
            return -1;
        }
    }
    return 0;
}

/* .eval SET: the one set as the report shows it (--brief: its verdict
 * line only). */
static int eval_one(struct session *s, const struct evaluation *ev,
                    const char *id, int brief)
{
    const struct report_style style = {s->color, 0, 1};
    const struct nms_set *set;
    struct nms_term term;
    FILE *out;

    if (evaluation_failed(ev)) {
        repl_error(s, "the case has no results (.eval shows why)");
        return -1;
    }
    set = nms_result_set(ev->r, id);
    if (!set)
        return explain_set(s, id, 0);   /* says which sets there are */
    out = nms_term_begin(&term, s->out, style.color);   /* untrusted text */
    if (brief)
        report_brief_heading(out, set);
    else
        report_set(out, &style, set);
    nms_term_end(&term);
    return 0;
}

int act_eval(struct session *s, int argc, char **argv)
{
    struct evaluation *rec = NULL;
    const char *set;
    int brief, rc;

    if (eval_args(s, argc, argv, &brief, &set) != 0)
        return -1;
    rc = session_evaluate(s, s->doc, s->as_of, &rec,
                          brief || set ? NULL : s->out);
    if (rc == 1)
        repl_error(s, "interrupted");
    if (rc != 0)
        return -1;
    if (set)
        rc = eval_one(s, rec, set, brief);
    else if (brief)
        nms_report_summary(s->out, rec->c, rec->r,
                           nms_engine_ruleset(s->engine), report_flags(s));
    keep_result(s, rec);
    return rc;
}

/* With no SET, .why and .whynot say which sets there are. */
int act_why(struct session *s, int argc, char **argv)
{
    return explain_set(s, argc > 1 ? argv[1] : NULL, 0);
}

int act_whynot(struct session *s, int argc, char **argv)
{
    return explain_set(s, argc > 1 ? argv[1] : NULL, 1);
}

int act_whatif(struct session *s, int argc, char **argv)
{
    cJSON *copy = cJSON_Duplicate(s->doc, 1);
    struct evaluation *rec = NULL;
    int rc = -1;

    if (!copy || chart_assign(s, copy, argc - 1, argv + 1) != 0)
        goto out;
    if (!s->last && session_evaluate(s, s->doc, s->as_of, &s->last, NULL) != 0)
        goto out;
    rc = session_evaluate(s, copy, s->as_of, &rec, NULL);
    if (rc == 1)
        repl_error(s, "interrupted");
    if (rc != 0)
        goto out;
    if (evaluation_failed(rec))
        repl_error(s, "the changed case cannot be evaluated: %s",
                   evaluation_message(rec));
    else
        compare_detail(s->out, s->last, rec);
    fprintf(s->out, "(what if only: the case is unchanged)\n");
out:
    evaluation_free(rec);
    cJSON_Delete(copy);
    return rc == 0 ? 0 : -1;
}

int act_diff(struct session *s, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (!s->prev || !s->last) {
        repl_error(s, ".diff needs two evaluations; change the case first");
        return -1;
    }
    compare_detail(s->out, s->prev, s->last);
    return 0;
}

int act_timeline(struct session *s, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return timeline_print(s, s->out);
}

/* .at +24h: `hours` after the case's anchor (its onset, else the first
 * time the ruleset finds exposure: cmd/anchor.h, as batch's --as-of
 * +24h), fixed now as an absolute time. 0, or -1 after a message. */
static int at_relative(struct session *s, double hours)
{
    struct nms_case_options all = {NAN, NMS_TIME_UNSET};
    struct nms_record rec;
    struct nms_case *c;
    struct nms_anchor a = {NMS_ANCHOR_NONE, NAN};
    char anchor[64];
    int rc = -1;

    session_record(s, s->doc, &rec);
    if (!(c = nms_case_read(&rec, &all)))
        repl_error(s, "out of memory");
    else if (c->error)
        repl_error(s, "the case cannot be read: %s", c->error->message);
    else if (nms_anchor_find(s->engine, &rec, c, &a) != 0)
        repl_error(s, "the anchor could not be found (see above)");
    else if (a.kind == NMS_ANCHOR_NONE)
        repl_error(s, "+TIME counts from the case's onset or first exposure, "
                      "and this case gives neither (yet)");
    else
        rc = 0;
    if (rc == 0) {
        s->as_of = a.t + hours;
        nms_time_format(s->as_of, c->time_form, s->as_of_text,
                        sizeof s->as_of_text);
        nms_time_format(a.t, c->time_form, anchor, sizeof anchor);
        printf("as of %s: %g h after the %s at %s\n", s->as_of_text, hours,
               a.kind == NMS_ANCHOR_ONSET ? "onset" : "first exposure",
               anchor);
    }
    nms_case_free(c);
    return rc;
}

int act_at(struct session *s, int argc, char **argv)
{
    cJSON *t;
    double h;

    if (argc == 1) {
        printf("as of: %s\n", isnan(s->as_of) ? "all data (off)" : s->as_of_text);
        return 0;
    }
    if (strcmp(argv[1], "off") == 0) {
        s->as_of = NAN;
        s->as_of_text[0] = '\0';
    } else if (argv[1][0] == '+') {
        if (nms_time_read_span(argv[1] + 1, &h) != 0) {
            repl_error(s, "cannot read '%s' as a time after the case's onset "
                          "or first exposure; write +24h, +90min or +2d",
                       argv[1]);
            return -1;
        }
        if (at_relative(s, h) != 0)
            return -1;
    } else {
        t = chart_time(s, argv[1]);
        if (!t)
            return -1;
        if (cJSON_IsString(t) != times_iso(s->doc) && s->doc->child &&
            times_list(s->doc, &h, 1) > 0) {
            repl_error(s, "the case gives its times %s; write the time the "
                          "same way", times_iso(s->doc) ? "as ISO 8601 "
                          "date-times" : "in hours (e.g. 48h)");
            cJSON_Delete(t);
            return -1;
        }
        h = times_hours(t);
        s->as_of = h;
        nms_time_format(h, cJSON_IsString(t) ? NMS_TIME_ISO : NMS_TIME_HOURS,
                        s->as_of_text, sizeof s->as_of_text);
        cJSON_Delete(t);
    }
    return session_commit(s, s->doc);
}

/* .plot [FILE.svg]: the case over time (cmd/plot.c), by default in
 * ID.svg after the case's id. */
int act_plot(struct session *s, int argc, char **argv)
{
    const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s->doc, "id"));
    struct nms_record rec;
    char path[300], err[512];

    if (!may_write_files(s, ".plot"))
        return -1;
    if (argc == 2)
        snprintf(path, sizeof path, "%s", argv[1]);
    else
        snprintf(path, sizeof path, "%s.svg", id && *id && !strchr(id, '/') ? id : "case");
    session_record(s, s->doc, &rec);
    if (plot_write_file(s->engine, &rec, path, err, sizeof err) != 0) {
        repl_error(s, "%s", err);
        return -1;
    }
    printf("drawn in %s\n", path);
    return 0;
}

int act_rules(struct session *s, int argc, char **argv)
{
    const struct nms_ruleset_info *rs = nms_engine_ruleset(s->engine);
    size_t i;

    (void)argc;
    (void)argv;
    fprintf(s->out, "ruleset %s %s  %s\n  from %s\n  sets:", rs->name, rs->version,
           rs->digest, rs->dir);
    for (i = 0; i < s->vocab.n_sets; i++)
        fprintf(s->out, " %s", s->vocab.sets[i]);
    fprintf(s->out, "\n  drugs known: %zu\n", s->vocab.n_drugs);
    for (i = 0; i < rs->n_params; i++)
        fprintf(s->out, "  --param %s\n", rs->params[i]);
    return 0;
}

int act_reload(struct session *s, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (session_reload(s) != 0)
        return -1;
    return session_commit(s, s->doc);
}

int act_quit(struct session *s, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    s->quit = 1;
    return 0;
}
