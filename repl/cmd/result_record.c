/*
 * result_record.c - a result record read back into the structures the
 * cohort figures count (see result_record.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "case/text_int.h"
#include "cmd/result_record.h"
#include "nms/output.h"

/* memmem without _GNU_SOURCE: 1 when `needle` occurs in text[0..len). */
static int contains(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle), i;

    for (i = 0; n <= len && i <= len - n; i++)
        if (text[i] == needle[0] && memcmp(text + i, needle, n) == 0)
            return 1;
    return 0;
}

int nms_record_is_result(const struct nms_record *rec)
{
    cJSON *root;
    int is;

    if (rec->error || !rec->text ||
        !contains(rec->text, rec->len, "\"input_sha256\""))
        return 0;
    if (!(root = cJSON_ParseWithLength(rec->text, rec->len)))
        return 0; /* not JSON: the case reader says why */
    is = cJSON_IsObject(root) &&
         cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "input_sha256")) &&
         (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "criteria")) ||
          cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "error")));
    cJSON_Delete(root);
    return is;
}

static const char *string_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* strdup of s, NULL staying NULL; -1 when memory ran out. */
static int dup_to(char **to, const char *s)
{
    *to = NULL;
    return s && !(*to = strdup(s)) ? -1 : 0;
}

/* A copy of s (NULL staying NULL) in r's text, for the const strings of a
 * result (nms/result.h): a result read back holds a text of its own, so it
 * lives as long as any computed one. -1 when memory ran out. */
static int text_to(struct nms_result *r, const char **to, const char *s)
{
    *to = NULL;
    if (!s)
        return 0;
    if (!r->text && !(r->text = nms_text_new()))
        return -1;
    *to = nms_text_add(r->text, s, strlen(s));
    return *to ? 0 : -1;
}

/* The set object of rs's set `info` in the record, or NULL. */
static const cJSON *set_json(const cJSON *root, const struct nms_set_info *info)
{
    static const char *const section_keys[] = {"criteria", "severity",
                                               "risk_factors", "differential"};
    const cJSON *sec =
        cJSON_GetObjectItemCaseSensitive(root, section_keys[info->section]);

    /* severity and risk_factors hold their one set; the others a map */
    if (info->section == NMS_SECTION_SEVERITY ||
        info->section == NMS_SECTION_RISK_FACTORS)
        return cJSON_IsObject(sec) ? sec : NULL;
    return cJSON_GetObjectItemCaseSensitive(sec, info->id);
}

static enum nms_verdict verdict_of(const char *name)
{
    if (name && strcmp(name, "met") == 0)
        return NMS_VERDICT_MET;
    if (name && strcmp(name, "not_met") == 0)
        return NMS_VERDICT_NOT_MET;
    return NMS_VERDICT_INDETERMINATE;
}

/* What the set presupposes, when the record holds it (met without it:
 * false or unknown; docs/output-format.md): its id and value, for the
 * counts of summary. */
static int read_presupposition(struct nms_result *r, struct nms_set *set,
                               const cJSON *js)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(js, "presupposition");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(p, "value");

    if (!cJSON_IsObject(p))
        return 0;
    if (!(set->presupposition = calloc(1, sizeof *set->presupposition)))
        return -1;
    set->presupposition->value = cJSON_IsFalse(value) ? NMS_TRI_FALSE
                                 : cJSON_IsTrue(value) ? NMS_TRI_TRUE
                                                       : NMS_TRI_UNKNOWN;
    set->presupposition_required =
        cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "required"));
    return text_to(r, &set->presupposition->id, string_of(p, "id"));
}

/* One set of r: verdict, score, tier, what it presupposes, and one item
 * per missing datum. */
static int read_set(struct nms_result *r, struct nms_set *set,
                    const struct nms_set_info *info, const cJSON *js)
{
    const cJSON *missing = cJSON_GetObjectItemCaseSensitive(js, "missing");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(
        js, info->kind == NMS_KIND_CHECKLIST ? "count" : "score");
    const char *tier = string_of(js, "tier");
    const cJSON *m;
    size_t n = 0;

    set->section = info->section;
    set->kind = info->kind;
    set->result = verdict_of(string_of(js, "result"));
    set->score = cJSON_IsNumber(v) ? v->valuedouble : 0.0;
    if (text_to(r, &set->id, info->id) != 0 ||
        dup_to(&set->level, tier && strcmp(tier, "none") != 0
                                ? tier
                                : string_of(js, "level")) != 0 ||
        read_presupposition(r, set, js) != 0)
        return -1;
    if (!cJSON_IsArray(missing) || cJSON_GetArraySize(missing) == 0)
        return 0;
    set->items = calloc((size_t)cJSON_GetArraySize(missing), sizeof *set->items);
    if (!set->items)
        return -1;
    cJSON_ArrayForEach(m, missing) if (cJSON_IsString(m))
    {
        set->items[n].value = NMS_TRI_UNKNOWN;
        if (dup_to(&set->items[n++].missing, m->valuestring) != 0) {
            set->n_items = n;
            return -1;
        }
    }
    set->n_items = n;
    return 0;
}

/* The disagreements' features (their items are not counted): objects
 * {"feature", "values"} in the full record, the feature's name alone in
 * the compact one (--record compact). One with neither is left out: the
 * figures count features by name. */
static int read_disagreements(struct nms_result *r, const cJSON *root)
{
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(root, "concordance"), "disagreements");
    const cJSON *one;
    int n = cJSON_IsArray(d) ? cJSON_GetArraySize(d) : 0;

    if (n == 0)
        return 0;
    if (!(r->disagreements = calloc((size_t)n, sizeof *r->disagreements)))
        return -1;
    cJSON_ArrayForEach(one, d)
    {
        const char *feature = cJSON_IsString(one) ? one->valuestring
                                                  : string_of(one, "feature");
        if (!feature)
            continue;
        if (text_to(r, &r->disagreements[r->n_disagreements].feature,
                    feature) != 0)
            return -1;
        r->n_disagreements++;
    }
    return 0;
}

/* Warnings with a kind are the ruleset's, the others the reader's. */
static int read_warnings(struct nms_case *c, struct nms_result *r,
                         const cJSON *root)
{
    const cJSON *ws = cJSON_GetObjectItemCaseSensitive(root, "warnings");
    const cJSON *w;
    struct nms_rule_warning *rw;
    int n = cJSON_IsArray(ws) ? cJSON_GetArraySize(ws) : 0;

    if (n == 0)
        return 0;
    if (r && !(r->warnings = calloc((size_t)n, sizeof *r->warnings)))
        return -1;
    cJSON_ArrayForEach(w, ws)
    {
        const char *path = string_of(w, "path"), *msg = string_of(w, "message");
        if (!string_of(w, "kind") || !r) {
            if (nms_case_warn(c, path ? path : "", msg ? msg : "") != NMS_OK)
                return -1;
            continue;
        }
        rw = &r->warnings[r->n_warnings++];
        if (dup_to(&rw->path, path) != 0 || dup_to(&rw->message, msg) != 0 ||
            dup_to(&rw->kind, string_of(w, "kind")) != 0)
            return -1;
    }
    return 0;
}

/* An error record's error; a case that is an error. */
static int read_error(struct nms_case *c, const cJSON *err)
{
    const char *msg = string_of(err, "message");
    const char *path = string_of(err, "path");
    char buf[512];

    if (!msg) { /* a rule's error: {"rule", "file", "line", "message"} */
        msg = "error record";
    } else if (string_of(err, "rule")) {
        snprintf(buf, sizeof buf, "%s: %s", string_of(err, "rule"), msg);
        msg = buf;
    }
    return nms_case_fail(c, path ? path : "", msg) == NMS_OK ? 0 : -1;
}

/* The sets of rs from the record; 1 when one is missing, -1 on memory. */
static int read_sets(struct nms_result *r, const struct nms_ruleset_info *rs,
                     const cJSON *root, const char **absent)
{
    const cJSON *js;
    size_t i;

    if (!(r->sets = calloc(rs->n_sets + 1, sizeof *r->sets)))
        return -1;
    for (i = 0; i < rs->n_sets; i++) {
        if (!(js = set_json(root, &rs->sets[i]))) {
            *absent = rs->sets[i].id;
            return 1;
        }
        r->n_sets++;
        if (read_set(r, &r->sets[i], &rs->sets[i], js) != 0)
            return -1;
    }
    return 0;
}

static int read_record(const cJSON *root, const struct nms_ruleset_info *rs,
                       struct nms_case *c, struct nms_result **rp)
{
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(root, "error");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(root, "label");
    const char *absent = NULL;
    char msg[256];
    int rc;

    if (dup_to(&c->id, string_of(root, "id")) != 0 ||
        (label && !(c->label_json = cJSON_PrintUnformatted(label))))
        return -1;
    if (cJSON_IsObject(err))
        return read_error(c, err) || read_warnings(c, NULL, root) ? -1 : 0;
    if (!(*rp = calloc(1, sizeof **rp)))
        return -1;
    if ((rc = read_sets(*rp, rs, root, &absent)) < 0)
        return -1;
    if (rc > 0) {
        nms_result_free(*rp);
        *rp = NULL;
        snprintf(msg, sizeof msg,
                 "the result record has no set '%s': made by another "
                 "ruleset (give its --rules)",
                 absent);
        return nms_case_fail(c, "", msg) == NMS_OK ? 0 : -1;
    }
    return read_disagreements(*rp, root) || read_warnings(c, *rp, root) ? -1
                                                                        : 0;
}

cJSON *nms_result_rules_of(const struct nms_ruleset_info *rs)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    cJSON *o = NULL;

    if (!mem)
        return NULL;
    nms_output_ruleset_json(mem, rs);
    if (fclose(mem) == 0 && text)
        o = cJSON_ParseWithLength(text, len);
    free(text);
    return o;
}

/* Whether members `key` of a and b are alike: both absent, or equal
 * (numbers as numbers: 60 and 60.0 alike). */
static int same_member(const cJSON *a, const cJSON *b, const char *key)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, key);
    const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, key);

    return (!x && !y) || (x && y && cJSON_Compare(x, y, 1));
}

/* Whether two "overlays" arrays list the same digests in the same order
 * (their directories may differ between machines). */
static int same_overlays(const cJSON *a, const cJSON *b)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, "overlays");
    const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, "overlays");

    x = cJSON_IsArray(x) ? x->child : NULL;
    y = cJSON_IsArray(y) ? y->child : NULL;
    for (; x && y; x = x->next, y = y->next)
        if (!same_member(x, y, "digest"))
            return 0;
    return !x && !y;
}

/* Whether ruleset object `got` (a record's) names other rules than
 * `loaded` (the run's, nms_result_rules_of): another digest, other
 * overlays or other --param overrides (a what-if run's records are not the
 * plain ruleset's). A record that names no digest cannot tell: not other. */
static int other_rules(const cJSON *got, const cJSON *loaded)
{
    return cJSON_IsString(cJSON_GetObjectItemCaseSensitive(got, "digest")) &&
           (!same_member(got, loaded, "digest") ||
            !same_overlays(got, loaded) ||
            !same_member(got, loaded, "params"));
}

int nms_result_record_read(const struct nms_record *rec,
                           const struct nms_ruleset_info *rs,
                           const cJSON *rules, struct nms_case **cp,
                           struct nms_result **rp, int *other_ruleset)
{
    cJSON *root = cJSON_ParseWithLength(rec->text, rec->len);
    int rc = -1;

    *rp = NULL;
    *other_ruleset = 0;
    if (!root || !(*cp = nms_case_new(rec->source, rec->line, rec->index))) {
        cJSON_Delete(root);
        *cp = NULL;
        return -1; /* nms_record_is_result parsed it: only memory fails */
    }
    *other_ruleset =
        other_rules(cJSON_GetObjectItemCaseSensitive(root, "ruleset"), rules);
    rc = read_record(root, rs, *cp, rp);
    cJSON_Delete(root);
    if (rc != 0) {
        nms_result_free(*rp);
        nms_case_free(*cp);
        *rp = NULL;
        *cp = NULL;
    }
    return rc;
}
