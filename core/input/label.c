/*
 * label.c - the case's reference label, read by path and flattened
 * (nms/label.h). The label was checked strictly when the case was read and
 * kept as its own minified text, so it is parsed here again with cJSON;
 * core/input is where cJSON lives. A record's label alone is found by the
 * syntax check, which places it, without reading the case.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "input/json_check.h"
#include "input/label_int.h"
#include "nms/label.h"
#include "nms/reader.h"

/* Fills f's value from a cJSON leaf (path is left to the caller). */
static enum nms_status field_value(const cJSON *v, struct nms_label_field *f)
{
    char num[32];
    char *printed;

    f->text = NULL;
    if (v == NULL) {
        f->type = NMS_LABEL_ABSENT;
        return NMS_OK;
    }
    if (cJSON_IsNull(v)) {
        f->type = NMS_LABEL_NULL;
        return NMS_OK;
    }
    if (cJSON_IsBool(v)) {
        f->type = NMS_LABEL_BOOL;
        f->boolean = cJSON_IsTrue(v);
        f->text = strdup(f->boolean ? "true" : "false");
    } else if (cJSON_IsNumber(v)) {
        f->type = NMS_LABEL_NUMBER;
        f->number = v->valuedouble;
        snprintf(num, sizeof num, "%.15g", v->valuedouble);
        f->text = strdup(num);
    } else if (cJSON_IsString(v)) {
        f->type = NMS_LABEL_STRING;
        f->text = strdup(v->valuestring);
    } else {
        f->type = NMS_LABEL_OTHER;
        printed = cJSON_PrintUnformatted(v);
        /* Copied: callers free with free(), cJSON's buffer wants cJSON_free. */
        f->text = printed ? strdup(printed) : NULL;
        cJSON_free(printed);
    }
    return f->text ? NMS_OK : NMS_ENOMEM;
}

/* The member `key` of object `obj` when it is there exactly once, else
 * NULL. The label is kept as written, duplicate keys and all (batch passes
 * it through verbatim), so {"nms": true, "nms": false} reached accuracy,
 * which took the first while jq and Python take the last: a reference
 * given two ways is no reference. */
static const cJSON *member(const cJSON *obj, const char *key)
{
    const cJSON *found = cJSON_GetObjectItemCaseSensitive(obj, key), *next;

    for (next = found ? found->next : NULL; next; next = next->next)
        if (next->string && strcmp(next->string, key) == 0)
            return NULL;
    return found;
}

/* The node at `path` (after its leading "label"), or NULL. */
static const cJSON *walk(const cJSON *node, const char *path)
{
    char key[256];
    size_t len;

    while (node && *path == '.') {
        path++;
        len = strcspn(path, ".");
        if (len >= sizeof key || !cJSON_IsObject(node))
            return NULL;
        memcpy(key, path, len);
        key[len] = '\0';
        node = member(node, key);
        path += len;
    }
    return *path == '\0' ? node : NULL;
}

enum nms_status nms_label_parse(const char *label_json, void **tree)
{
    *tree = NULL;
    if (label_json == NULL)
        return NMS_OK;
    *tree = cJSON_Parse(label_json);
    /* the text was checked when the case was read: only memory can fail */
    return *tree ? NMS_OK : NMS_ENOMEM;
}

enum nms_status nms_label_get_in(const void *tree, const char *path,
                                 struct nms_label_field *out)
{
    memset(out, 0, sizeof *out);
    if (strncmp(path, "label", 5) != 0 || (path[5] && path[5] != '.'))
        return NMS_EINVAL;
    if (tree == NULL)
        return NMS_OK;
    return field_value(walk(tree, path + 5), out);
}

void nms_label_tree_free(void *tree)
{
    cJSON_Delete(tree);
}

enum nms_status nms_label_get(const char *label_json, const char *path,
                              struct nms_label_field *out)
{
    void *tree;
    enum nms_status status;

    memset(out, 0, sizeof *out);
    if (strncmp(path, "label", 5) != 0 || (path[5] && path[5] != '.'))
        return NMS_EINVAL;
    if ((status = nms_label_parse(label_json, &tree)) != NMS_OK)
        return status;
    status = nms_label_get_in(tree, path, out);
    nms_label_tree_free(tree);
    return status;
}

struct flat {
    struct nms_label_field *f;
    size_t n;
    enum nms_status status;
};

/* Appends the leaves under node, named from `prefix`. */
static void flatten(struct flat *fl, const cJSON *node, const char *prefix)
{
    const cJSON *child;
    struct nms_label_field *f;
    size_t len;

    if (fl->status != NMS_OK || fl->n >= NMS_LABEL_MAX_FIELDS)
        return;
    if (cJSON_IsObject(node)) {
        cJSON_ArrayForEach(child, node)
        {
            char *name;
            len = strlen(prefix) + strlen(child->string) + 2;
            name = malloc(len);
            if (name == NULL) {
                fl->status = NMS_ENOMEM;
                return;
            }
            snprintf(name, len, "%s.%s", prefix, child->string);
            flatten(fl, child, name);
            free(name);
        }
        return;
    }
    f = &fl->f[fl->n];
    memset(f, 0, sizeof *f);
    f->path = strdup(prefix);
    fl->n++; /* counted now so that a failure below still frees it */
    if (f->path == NULL)
        fl->status = NMS_ENOMEM;
    else
        fl->status = field_value(node, f);
}

enum nms_status nms_label_flatten(const char *label_json,
                                  struct nms_label_field **out, size_t *n)
{
    struct flat fl = {NULL, 0, NMS_OK};
    cJSON *root = NULL;

    *out = NULL;
    *n = 0;
    if (label_json == NULL)
        return NMS_OK;
    root = cJSON_Parse(label_json);
    fl.f = calloc(NMS_LABEL_MAX_FIELDS, sizeof *fl.f);
    if (root == NULL || fl.f == NULL) {
        fl.status = NMS_ENOMEM;
        goto out;
    }
    flatten(&fl, root, "label");
out:
    cJSON_Delete(root);
    if (fl.status != NMS_OK) {
        nms_label_fields_free(fl.f, fl.n);
        return fl.status;
    }
    *out = fl.f;
    *n = fl.n;
    return NMS_OK;
}

void nms_label_field_release(struct nms_label_field *f)
{
    free(f->path);
    free(f->text);
    f->path = f->text = NULL;
}

void nms_label_fields_free(struct nms_label_field *f, size_t n)
{
    size_t i;

    for (i = 0; f && i < n; i++)
        nms_label_field_release(&f[i]);
    free(f);
}

/* The label of the whole case read from rec: what the reader keeps, for the
 * records the syntax check alone cannot tell (see nms_label_of_record). */
static enum nms_status label_of_case(const struct nms_record *rec,
                                     char **label_json)
{
    struct nms_case_options none = {NAN, NMS_TIME_UNSET};
    struct nms_case *c = nms_case_read(rec, &none);

    if (!c)
        return NMS_ENOMEM;
    *label_json = c->label_json;
    c->label_json = NULL;
    nms_case_free(c);
    return NMS_OK;
}

enum nms_status nms_label_of_record(const struct nms_record *rec,
                                    char **label_json)
{
    struct nms_json_check chk;
    size_t span;

    *label_json = NULL;
    /* A record already parsed, or that could not be read, and a "label"
     * key written with escapes (which the check does not place): the
     * case reader's own answer. */
    if (rec->error || rec->parsed || !rec->text || rec->len == 0)
        return label_of_case(rec, label_json);
    if (nms_json_check(rec->text, rec->len, &chk) != 0)
        return NMS_OK; /* not JSON: no label, as the case reader keeps none */
    if (chk.label_end == 0)
        return memchr(rec->text, '\\', rec->len) ? label_of_case(rec, label_json)
                                                 : NMS_OK;
    span = chk.label_end - chk.label_start;
    if (!(*label_json = malloc(span + 1)))
        return NMS_ENOMEM;
    nms_json_minify(rec->text + chk.label_start, span, *label_json);
    if (strcmp(*label_json, "null") == 0) {
        free(*label_json);
        *label_json = NULL;
    }
    return NMS_OK;
}
