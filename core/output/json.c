/*
 * json.c - one result record as JSON, written while walking the case and
 * its result (no tree, no copy of the text), byte for byte what cJSON 1.7
 * printed; the record shape is docs/output-format.md.
 */
#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"
#include "nms/engine.h"
#include "nms/output.h"
#include "output/json_write.h"
#include "output/output_int.h"

/* One string as JSON, with the record's escapes (timeline's JSON output
 * writes its strings with it). */
void nms_output_json_string(FILE *fp, const char *s)
{
    struct json_out j;

    json_init(&j, fp, 0);
    put_string(&j, s);
    flush(&j);
}

static const char *tri_word(enum nms_tri value)
{
    return value == NMS_TRI_UNKNOWN ? "null"
           : value == NMS_TRI_TRUE  ? "true"
                                    : "false";
}

static void time_member(struct json_out *j, const char *name, double t,
                        enum nms_time_form form)
{
    char buf[64];

    if (isnan(t))
        lit_member(j, name, "null");
    else if (form == NMS_TIME_ISO)
        str_member(j, name, nms_time_format(t, form, buf, sizeof buf));
    else
        num_member(j, name, t);
}

/* {"iec2011.threshold": 76, ...}: the overrides in force, in given order,
 * each typed as the engine reads it. */
static void params_object(struct json_out *j, const struct nms_ruleset_info *rs)
{
    double number;
    size_t i;

    begin_object(j);
    for (i = 0; i < rs->n_params; i++) {
        const char *eq = strchr(rs->params[i], '=');
        size_t len = eq ? (size_t)(eq - rs->params[i]) : 0;
        if (!eq || len >= 256)
            continue;   /* the engine accepted only NAME=VALUE */
        key_n(j, rs->params[i], len);
        switch (nms_param_classify(eq + 1, &number)) {
        case NMS_PARAM_NUMBER:
            put_number(j, number);
            break;
        case NMS_PARAM_BOOLEAN:
            put_text(j, number != 0 ? "true" : "false");
            break;
        case NMS_PARAM_STRING:
            put_string(j, eq + 1);
            break;
        }
    }
    end_object(j);
}

static void ruleset_object(struct json_out *j, const struct nms_ruleset_info *rs)
{
    begin_object(j);
    STR_MEMBER(j, "name", rs->name);
    STR_MEMBER(j, "version", rs->version);
    if (rs->status)
        STR_MEMBER(j, "status", rs->status);
    STR_MEMBER(j, "digest", rs->digest);
    if (rs->n_overlays > 0) {
        size_t i;
        KEY(j, "overlays");
        begin_array(j);
        for (i = 0; i < rs->n_overlays; i++) {
            begin_object(j);
            STR_MEMBER(j, "dir", rs->overlays[i].dir);
            STR_MEMBER(j, "digest", rs->overlays[i].digest);
            end_object(j);
        }
        end_array(j);
    }
    if (rs->n_params > 0) {
        KEY(j, "params");
        params_object(j, rs);
    }
    end_object(j);
}

void nms_output_ruleset_json(FILE *fp, const struct nms_ruleset_info *rs)
{
    struct json_out j;

    json_init(&j, fp, 0);
    ruleset_object(&j, rs);
    flush(&j);
}

/* One item; `full` adds what the ruleset fixes (feature, source). */
static void item_object(struct json_out *j, const struct nms_set *set,
                        const struct nms_item *item, int full)
{
    begin_object(j);
    STR_MEMBER(j, "id", item->id);
    if (item->group)
        STR_MEMBER(j, "group", item->group);
    LIT_MEMBER(j, "value", tri_word(item->value));
    if (set->kind == NMS_KIND_POINTS)
        NUM_MEMBER(j, "points", item->points);
    STR_MEMBER(j, "evidence", item->evidence);
    if (full && item->feature)
        STR_MEMBER(j, "feature", item->feature);
    if (full && item->source)
        STR_MEMBER(j, "source", item->source);
    end_object(j);
}

/* Item ids whose value is `value`, e.g. the features for a differential. */
static void ids_with(struct json_out *j, const char *name,
                     const struct nms_set *set, enum nms_tri value)
{
    size_t i;

    key(j, name);
    begin_array(j);
    for (i = 0; i < set->n_items; i++)
        if (set->items[i].value == value)
            str(j, set->items[i].id);
    end_array(j);
}

static void notes_array(struct json_out *j, const char *name,
                        const struct nms_set *set)
{
    size_t i;

    key(j, name);
    begin_array(j);
    for (i = 0; i < set->n_notes; i++) {
        next_value(j);
        begin_object(j);
        STR_MEMBER(j, "text", set->notes[i].text);
        STR_MEMBER(j, "source", set->notes[i].source);
        end_object(j);
    }
    end_array(j);
}

static void groups_array(struct json_out *j, const struct nms_set *set,
                         int full)
{
    size_t i;

    KEY(j, "groups");
    begin_array(j);
    for (i = 0; i < set->n_groups; i++) {
        const struct nms_group *g = &set->groups[i];
        next_value(j);
        begin_object(j);
        STR_MEMBER(j, "id", g->id);
        if (full)
            STR_MEMBER(j, "title", g->title);
        NUM_MEMBER(j, "present", (double)g->present);
        NUM_MEMBER(j, "unknown", (double)g->unknown);
        NUM_MEMBER(j, "total", (double)g->total);
        end_object(j);
    }
    end_array(j);
}

/* Severity reasons: "title: evidence" of the items behind the tier. */
static void reasons_array(struct json_out *j, const struct nms_set *set)
{
    size_t i;

    KEY(j, "reasons");
    begin_array(j);
    for (i = 0; i < set->n_reasons; i++) {
        const struct nms_item *item = &set->items[set->reasons[i]];
        next_value(j);
        put_joined(j, item->title, item->evidence);
    }
    end_array(j);
}

static void items_array(struct json_out *j, const struct nms_set *set,
                        int full)
{
    size_t i;

    KEY(j, "items");
    begin_array(j);
    for (i = 0; i < set->n_items; i++) {
        next_value(j);
        item_object(j, set, &set->items[i], full);
    }
    end_array(j);
}

static void missing_array(struct json_out *j, const struct nms_set *set)
{
    size_t i;

    KEY(j, "missing");
    begin_array(j);
    for (i = 0; i < set->n_items; i++)
        if (set->items[i].missing)
            str(j, set->items[i].missing);
    end_array(j);
}

/* The verdict of a set, in the words of its kind and section. In the
 * compact record (`record`) an empty could_be is left out, and the lists
 * of present and unknown items, which every kind has there, come after. */
static void verdict_members(struct json_out *j, const struct nms_set *set,
                            int record)
{
    size_t i;

    STR_MEMBER(j, "result", nms_verdict_name(set->result));
    switch (set->kind) {
    case NMS_KIND_POINTS:
        NUM_MEMBER(j, "score", set->score);
        NUM_MEMBER(j, "possible", set->possible);
        NUM_MEMBER(j, "threshold", set->threshold);
        break;
    case NMS_KIND_GROUPS:
        if (set->section == NMS_SECTION_SEVERITY)
            STR_MEMBER(j, "tier", nms_set_tier(set));
        else if (set->level)
            STR_MEMBER(j, "level", set->level);
        if (record && set->n_could_be == 0)
            break;
        KEY(j, "could_be");
        begin_array(j);
        for (i = 0; i < set->n_could_be; i++)
            str(j, set->could_be[i]);
        end_array(j);
        break;
    case NMS_KIND_CHECKLIST:
        NUM_MEMBER(j, "count", set->score);
        if (record)
            break;
        ids_with(j, "present", set, NMS_TRI_TRUE);
        ids_with(j, "unknown", set, NMS_TRI_UNKNOWN);
        break;
    }
}

/* The decision rule of a groups set: [{"level", "need": {group: k}}]. */
static void rule_array(struct json_out *j, const struct nms_set *set,
                       const struct nms_set_info *info)
{
    size_t i, k;

    KEY(j, "rule");
    begin_array(j);
    for (i = 0; i < info->n_rule; i++) {
        const struct nms_alternative *alt = &info->rule[i];
        next_value(j);
        begin_object(j);
        if (alt->level)
            STR_MEMBER(j, "level", alt->level);
        KEY(j, "need");
        begin_object(j);
        for (k = 0; k < alt->n_needs; k++)
            if (alt->needs[k].group < set->n_groups)
                num_member(j, set->groups[alt->needs[k].group].id,
                           (double)alt->needs[k].count);
        end_object(j);
        end_object(j);
    }
    end_array(j);
}

/* What a criteria set presupposes, when its table is met without it:
 * value false or unknown (docs/output-format.md, "One set"). Nothing when
 * it holds or was not asked, so a record without the key reads as before.
 * Without `full` the title is left out, as the ruleset fixes it. */
static void presupposition_member(struct json_out *j, const struct nms_set *set,
                                  int full)
{
    const struct nms_item *p = nms_set_lacking(set);

    if (!p)
        return;
    KEY(j, "presupposition");
    begin_object(j);
    STR_MEMBER(j, "id", p->id);
    if (full)
        STR_MEMBER(j, "title", p->title);
    LIT_MEMBER(j, "value", tri_word(p->value));
    STR_MEMBER(j, "evidence", p->evidence);
    if (p->missing)
        STR_MEMBER(j, "missing", p->missing);
    LIT_MEMBER(j, "required", set->presupposition_required ? "true" : "false");
    end_object(j);
}

/* One set. `info` (may be NULL) is its entry in the ruleset, for the rule;
 * without `full` (NMS_OUTPUT_COMPACT) what the ruleset fixes is left out:
 * title, version, citation, rule, distinguishing points, group titles,
 * item features and sources. */
static void set_object(struct json_out *j, const struct nms_set *set,
                       const struct nms_set_info *info, int full)
{
    int differential = set->section == NMS_SECTION_DIFFERENTIAL;

    begin_object(j);
    if (full) {
        STR_MEMBER(j, "title", set->title);
        STR_MEMBER(j, "version", set->version);
        STR_MEMBER(j, "citation", set->citation);
    }
    STR_MEMBER(j, "kind", nms_kind_name(set->kind));
    if (differential)
        LIT_MEMBER(j, "screen", set->screen ? "true" : "false");
    verdict_members(j, set, 0);
    presupposition_member(j, set, full);
    if (set->section == NMS_SECTION_SEVERITY) {
        reasons_array(j, set);
        notes_array(j, "actions", set);
    }
    if (set->kind == NMS_KIND_GROUPS)
        groups_array(j, set, full);
    if (set->kind == NMS_KIND_GROUPS && info && full)
        rule_array(j, set, info);
    items_array(j, set, full);
    if (differential) {
        ids_with(j, "for", set, NMS_TRI_TRUE);
        ids_with(j, "against", set, NMS_TRI_FALSE);
        if (full)
            notes_array(j, "distinguishing", set);
        if (set->overlap)
            STR_MEMBER(j, "overlap", set->overlap);
    }
    missing_array(j, set);
    end_object(j);
}

/* Ids of the items of `set` whose value is `value`, under `name`; nothing
 * when there are none. */
static void some_ids_with(struct json_out *j, const char *name,
                          const struct nms_set *set, enum nms_tri value)
{
    size_t i;

    for (i = 0; i < set->n_items; i++)
        if (set->items[i].value == value) {
            ids_with(j, name, set, value);
            return;
        }
}

/* Whether unknown `item` waits on what its `needs` says, word for word:
 * the ruleset's text, which the compact record names rather than copies
 * (`null` in "decided"; ~1.1 kB of a seed-7 record was the same "an exam
 * recording waxy flexibility (exam[].waxy_flexibility)" in every case). */
static int needs_as_stated(const struct nms_item *item)
{
    return item->needs && item->missing && strcmp(item->needs, item->missing) == 0;
}

/* The compact record's set (NMS_OUTPUT_RECORD; docs/output-format.md,
 * "The compact record"): the verdict; the ids of the true and of the
 * unknown items (every other item is false); and "decided", the items
 * that decided the verdict (their value is the verdict's: true for met,
 * false for not met, unknown for indeterminate), each with its evidence,
 * or for an unknown one what would decide it (null: its `needs`). Empty
 * lists are left out.
 * Titles, definitions and citations are the ruleset's, named by its
 * digest: `nmsrules doc` has them. */
static void record_set_object(struct json_out *j, const struct nms_set *set)
{
    size_t i;
    int any = 0;

    begin_object(j);
    verdict_members(j, set, 1);
    presupposition_member(j, set, 0);
    some_ids_with(j, "present", set, NMS_TRI_TRUE);
    some_ids_with(j, "unknown", set, NMS_TRI_UNKNOWN);
    for (i = 0; i < set->n_items; i++) {
        const struct nms_item *item = &set->items[i];
        if (!item->decided)
            continue;
        if (!any++) {
            KEY(j, "decided");
            begin_object(j);
        }
        if (item->value != NMS_TRI_UNKNOWN)
            str_member(j, item->id, item->evidence);
        else if (needs_as_stated(item)) {
            key(j, item->id);
            put_text(j, "null");
        } else
            str_member(j, item->id, item->missing);
    }
    if (any)
        end_object(j);
    if (set->overlap)
        STR_MEMBER(j, "overlap", set->overlap);
    end_object(j);
}

/* Criteria set ids with verdict `v`. */
static void criteria_with(struct json_out *j, const char *name,
                          const struct nms_result *r, enum nms_verdict v)
{
    size_t i;

    key(j, name);
    begin_array(j);
    for (i = 0; i < r->n_sets; i++)
        if (r->sets[i].section == NMS_SECTION_CRITERIA && r->sets[i].result == v)
            str(j, r->sets[i].id);
    end_array(j);
}

/* The compact record's concordance: the features the criteria sets
 * disagree on, by name. The rest of the full record's (which sets were
 * met, each tagged item's value) repeats what the record's sets already
 * say, the tags being the ruleset's (`nmsrules doc`): ~0.5 kB a record. */
static void record_concordance_object(struct json_out *j,
                                      const struct nms_result *r)
{
    size_t i;

    KEY(j, "concordance");
    begin_object(j);
    KEY(j, "disagreements");
    begin_array(j);
    for (i = 0; i < r->n_disagreements; i++)
        str(j, r->disagreements[i].feature);
    end_array(j);
    end_object(j);
}

static void concordance_object(struct json_out *j, const struct nms_result *r)
{
    size_t i, k;

    KEY(j, "concordance");
    begin_object(j);
    criteria_with(j, "met", r, NMS_VERDICT_MET);
    criteria_with(j, "not_met", r, NMS_VERDICT_NOT_MET);
    criteria_with(j, "indeterminate", r, NMS_VERDICT_INDETERMINATE);
    KEY(j, "disagreements");
    begin_array(j);
    for (i = 0; i < r->n_disagreements; i++) {
        const struct nms_disagreement *d = &r->disagreements[i];
        next_value(j);
        begin_object(j);
        STR_MEMBER(j, "feature", d->feature);
        KEY(j, "values");
        begin_object(j);
        for (k = 0; k < d->n; k++)
            lit_member(j, d->items[k], tri_word(d->values[k]));
        end_object(j);
        end_object(j);
    }
    end_array(j);
    end_object(j);
}

static void warning_object(struct json_out *j, const char *path,
                           const char *message, const char *kind)
{
    next_value(j);
    begin_object(j);
    STR_MEMBER(j, "path", path);
    STR_MEMBER(j, "message", message);
    if (kind)
        STR_MEMBER(j, "kind", kind);
    end_object(j);
}

/* The case's warnings (the reader's), then the ruleset's (with a kind). */
static void warnings_array(struct json_out *j, const struct nms_case *c,
                           const struct nms_result *r)
{
    size_t i, n_rule = r && !r->error ? r->n_warnings : 0;

    KEY(j, "warnings");
    begin_array(j);
    for (i = 0; i < c->n_warnings; i++)
        warning_object(j, c->warnings[i].path, c->warnings[i].message, NULL);
    for (i = 0; i < n_rule; i++)
        warning_object(j, r->warnings[i].path, r->warnings[i].message,
                       r->warnings[i].kind);
    end_array(j);
}

/* The "error" object: where in the input, and for a rule failure, which
 * rule and where in the ruleset. */
static void error_object(struct json_out *j, const struct nms_case *c,
                         const struct nms_result *r)
{
    const struct nms_rule_error *rule = r ? r->error : NULL;

    KEY(j, "error");
    begin_object(j);
    STR_MEMBER(j, "source", c->source);
    if (c->line > 0)
        NUM_MEMBER(j, "line", (double)c->line);
    else
        NUM_MEMBER(j, "index", (double)c->index);
    if (rule) {
        STR_MEMBER(j, "path", "");
        STR_MEMBER(j, "message", rule->message);
        KEY(j, "rule");
        begin_object(j);
        STR_MEMBER(j, "id", rule->rule);
        if (rule->file)
            STR_MEMBER(j, "file", rule->file);
        else
            LIT_MEMBER(j, "file", "null");
        NUM_MEMBER(j, "line", (double)rule->line);
        end_object(j);
    } else if (c->error) {
        STR_MEMBER(j, "path", c->error->path);
        STR_MEMBER(j, "message", c->error->message);
    } else {
        /* A valid case passed without a result: say so rather than
         * dereference the absent c->error. Found by
         * tests/fuzz/fuzz_case.c. */
        STR_MEMBER(j, "path", "");
        STR_MEMBER(j, "message", NOT_EVALUATED);
    }
    end_object(j);
}

/* The sets of one section under `key`: as {"id": {...}, ...}, or for a
 * section of one set (severity, risk factors) as that set itself; no key
 * at all when the section has no set. `full` < 0: the compact record's
 * sets. */
static void section_member(struct json_out *j, const struct nms_result *r,
                           const struct nms_ruleset_info *rs, int full,
                           enum nms_section section, const char *name,
                           int single)
{
    size_t i, n = 0;

    for (i = 0; i < r->n_sets; i++) {
        if (r->sets[i].section != section)
            continue;
        if (single) {
            key(j, name);
            if (full < 0)
                record_set_object(j, &r->sets[i]);
            else
                set_object(j, &r->sets[i], nms_ruleset_set_info(rs, r, i), full);
            return;
        }
        if (n++ == 0) {
            key(j, name);
            begin_object(j);
        }
        key(j, r->sets[i].id);
        if (full < 0)
            record_set_object(j, &r->sets[i]);
        else
            set_object(j, &r->sets[i], nms_ruleset_set_info(rs, r, i), full);
    }
    if (n > 0)
        end_object(j);
}

/* Every section, in the order docs/output-format.md gives. */
static void sets_members(struct json_out *j, const struct nms_result *r,
                         const struct nms_ruleset_info *rs, int full)
{
    section_member(j, r, rs, full, NMS_SECTION_CRITERIA, "criteria", 0);
    if (full < 0)
        record_concordance_object(j, r);
    else
        concordance_object(j, r);
    section_member(j, r, rs, full, NMS_SECTION_SEVERITY, "severity", 1);
    section_member(j, r, rs, full, NMS_SECTION_RISK_FACTORS, "risk_factors", 1);
    section_member(j, r, rs, full, NMS_SECTION_DIFFERENTIAL, "differential", 0);
}

void nms_json_record(FILE *fp, const struct nms_case *c,
                         const struct nms_result *r,
                         const struct nms_ruleset_info *rs, unsigned options)
{
    struct json_out j;
    int failed = c->error || !r || r->error;
    int full = (options & NMS_OUTPUT_RECORD)    ? -1
               : (options & NMS_OUTPUT_COMPACT) ? 0
                                                : 1;

    json_init(&j, fp, (options & NMS_OUTPUT_PRETTY) != 0);
    begin_object(&j);
    if (c->id)
        STR_MEMBER(&j, "id", c->id);
    else
        LIT_MEMBER(&j, "id", "null");
    if (!c->error)
        time_member(&j, "assessed_at", c->assessed_at, c->time_form);
    /* The audit trail: what was read, as of when, by which ruleset,
     * parameters and engine, so that any record can be reproduced. */
    if (!c->error && !isnan(c->as_of))
        time_member(&j, "as_of", c->as_of, c->time_form);
    if (c->input_sha256[0])
        STR_MEMBER(&j, "input_sha256", c->input_sha256);
    if (rs && !c->error) {
        if (full < 0)
            STR_MEMBER(&j, "record", "compact");
        KEY(&j, "ruleset");
        ruleset_object(&j, rs);
        KEY(&j, "engine");
        begin_object(&j);
        STR_MEMBER(&j, "version", NMS_ENGINE_VERSION);
        STR_MEMBER(&j, "lua", nms_lua_release());
        end_object(&j);
    }
    if (!failed)
        sets_members(&j, r, rs, full);
    else
        error_object(&j, c, r);
    warnings_array(&j, c, r);
    if (c->label_json) {
        KEY(&j, "label");
        put_text(&j, c->label_json);  /* kept as written, less whitespace */
    }
    end_object(&j);
    flush(&j);
}

enum nms_status nms_output_write(FILE *fp, const struct nms_case *c,
                                 const struct nms_result *r,
                                 const struct nms_ruleset_info *rs,
                                 unsigned options)
{
    if (r && r->items != NMS_ITEMS_ALL)
        return NMS_EINVAL;   /* items skipped: not a record to print */
    nms_json_record(fp, c, r, rs, options);
    return ferror(fp) ? NMS_EIO : NMS_OK;
}

char *nms_output_json(const struct nms_case *c, const struct nms_result *r,
                      const struct nms_ruleset_info *rs, unsigned options)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp;

    if (r && r->items != NMS_ITEMS_ALL)
        return NULL;   /* items skipped: not a record to print */
    if (!(fp = open_memstream(&text, &len)))
        return NULL;
    nms_json_record(fp, c, r, rs, options);
    if (ferror(fp)) {
        fclose(fp);
        free(text);
        return NULL;
    }
    if (fclose(fp) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

