/*
 * chart.c - editing the case with commands that read like a chart:
 * .give, .stop, .vitals, .exam, .lab, .baseline, .set, .unset, and the
 * FIELD=VALUE assignments .whatif applies to a copy.
 *
 * Every command edits a copy of the case and hands it to session_commit,
 * which keeps it only if the case reader accepts it: a typo never costs
 * the case.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base_int.h"
#include "nms/schema.h"
#include "session/chart.h"
#include "session/times.h"
#include "session/session.h"
#include "session/value.h"

/* Longest field path a command may name. */
#define MAX_PATH 256

/* ---- times ---------------------------------------------------------- */


/*
 * Finds "at TIME" among the arguments: returns the time as new JSON and
 * sets *argc to the arguments before "at". Without "at", the time of the
 * previous edit is used again. NULL after printing why.
 */
static cJSON *take_time(struct session *s, int *argc, char **argv)
{
    cJSON *t;
    int i;

    for (i = 1; i < *argc && strcmp(argv[i], "at") != 0; i++)
        ;
    if (i == *argc) {
        if (s->edit_time)
            return cJSON_Duplicate(s->edit_time, 1);
        repl_error(s, "when? add 'at TIME' (e.g. %s ... at 0h)", argv[0]);
        return NULL;
    }
    if (i + 2 != *argc) {
        repl_error(s, "'at' takes one time and comes last (e.g. at 50h)");
        return NULL;
    }
    t = chart_time(s, argv[i + 1]);
    if (t) {
        cJSON_Delete(s->edit_time);
        s->edit_time = cJSON_Duplicate(t, 1);
    }
    *argc = i;
    return t;
}

/* Inserts `entry` before element `i` of `array`. Not with
 * cJSON_InsertItemInArray: in cJSON 1.7.15 (Debian 12) it leaves the list
 * inconsistent when inserting between two elements, and the entry is lost
 * (found by tests/fuzz/fuzz_repl.c). Moving the tail off and back on uses
 * only the well-behaved detach and append. */
static void insert_at(cJSON *array, int i, cJSON *entry)
{
    cJSON *tail = cJSON_CreateArray();

    if (!tail) {
        cJSON_AddItemToArray(array, entry);   /* out of memory: keep it, unsorted */
        return;
    }
    while (cJSON_GetArraySize(array) > i)
        cJSON_AddItemToArray(tail, cJSON_DetachItemFromArray(array, i));
    cJSON_AddItemToArray(array, entry);
    while (cJSON_GetArraySize(tail) > 0)
        cJSON_AddItemToArray(array, cJSON_DetachItemFromArray(tail, 0));
    cJSON_Delete(tail);
}

/* Inserts `entry` into `array` in time order (after entries of equal or
 * unknown time), or merges it into an entry at exactly the same time. */
static void insert_timed(cJSON *array, cJSON *entry)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(entry, "t");
    double h = times_hours(t);
    cJSON *item, *field, *next;
    int i = 0;

    cJSON_ArrayForEach(item, array) {
        if (cJSON_Compare(cJSON_GetObjectItemCaseSensitive(item, "t"), t, 1)) {
            for (field = entry->child; field; field = next) {
                next = field->next;
                cJSON_DeleteItemFromObjectCaseSensitive(item, field->string);
                cJSON_AddItemToObject(item, field->string,
                                      cJSON_DetachItemViaPointer(entry, field));
            }
            cJSON_Delete(entry);
            return;
        }
        if (times_hours(cJSON_GetObjectItemCaseSensitive(item, "t")) > h)
            break;
        i++;
    }
    if (item)
        insert_at(array, i, entry);
    else
        cJSON_AddItemToArray(array, entry);
}

/* The array `name` of doc, created when absent; NULL when out of memory
 * or when the case holds something else there. */
static cJSON *section_array(cJSON *doc, const char *name)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, name);

    if (!a)
        a = cJSON_AddArrayToObject(doc, name);
    return cJSON_IsArray(a) ? a : NULL;
}

/* ---- FIELD=VALUE ---------------------------------------------------- */

/* Sets (or with value NULL removes) key `key` of object `obj`. */
static void put(cJSON *obj, const char *key, cJSON *value)
{
    cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
    if (value)
        cJSON_AddItemToObject(obj, key, value);
}

/*
 * Applies one "key=value" (or a bare word, meaning true) of section `sect`
 * to `obj`: bp=SBP/DBP sets sbp and dbp, site= is temp_site. Returns 0 or
 * -1 after printing why.
 */
static int assign_in(struct session *s, cJSON *obj, const char *sect,
                     const char *arg)
{
    char key[64], path[MAX_PATH], sbp[32];
    const char *eq = strchr(arg, '='), *text = eq ? eq + 1 : "true";
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    cJSON *v = NULL;

    snprintf(key, sizeof key, "%.*s", (int)n, arg);
    if (strcmp(key, "bp") == 0 && strchr(text, '/')) {
        snprintf(sbp, sizeof sbp, "sbp=%.*s", (int)strcspn(text, "/"), text);
        if (assign_in(s, obj, sect, sbp) != 0)
            return -1;
        snprintf(key, sizeof key, "dbp");
        text = strchr(text, '/') + 1;
    } else if (strcmp(key, "site") == 0) {
        snprintf(key, sizeof key, "temp_site");
    }
    snprintf(path, sizeof path, "%s.%s", sect, key);
    if (strcmp(key, "t") == 0 || value_check_field(s, path) != 0) {
        if (strcmp(key, "t") == 0)
            repl_error(s, "give the time with 'at TIME', not t=");
        return -1;
    }
    if (!value_is_unknown(text) && !(v = value_parse(s, path, text)))
        return -1;
    put(obj, key, v);
    return 0;
}

/* 1 when `key` names an array section at the top of the case (only the
 * top level has arrays of entries that a path could point into). */
static int is_array_field(int top, const char *key)
{
    struct nms_schema_entry e;

    return top && nms_schema_find(key, &e) == 0 && e.kind == NMS_SCHEMA_ARRAY;
}

/*
 * Reads the entry number of "[N]" at p for the list `key` of `size`
 * entries. Entries count from 1 everywhere a person types a path, as in
 * the session's Lua (case.vitals[1] is the first) and as .show numbers
 * them; [0] is refused with that hint rather than quietly meaning
 * something else. On 0, *index is the 0-based position in the JSON array
 * and *end points past the ']'. Returns -1 after printing why.
 */
static int entry_index(struct session *s, const char *key, const char *p,
                       int size, long *index, const char **end)
{
    char *e;
    long n = strtol(p + 1, &e, 10);

    if (e == p + 1 || *e != ']') {
        repl_error(s, "cannot read the entry number in '%s%.*s' (write "
                      "%s[1] for the first)", key, (int)strcspn(p, "."), p,
                   key);
        return -1;
    }
    if (n == 0) {
        repl_error(s, "entries count from 1, as in .show and the session's "
                      "Lua (case.%s[1]): %s[0] — did you mean %s[1]?", key,
                   key, key);
        return -1;
    }
    if (n < 0 || n > size) {
        repl_error(s, "%s has no entry %ld (it has %d, numbered from 1)", key,
                   n, size);
        return -1;
    }
    *index = n - 1;
    *end = e + 1;
    return 0;
}

/* The object holding the last segment of `path` in doc and that segment's
 * name in `key`. An array segment without an index means its last entry.
 * Missing objects are created when `create`. NULL after printing why. */
static cJSON *container_of(struct session *s, cJSON *doc, const char *path,
                           int create, char *key, size_t size)
{
    cJSON *at = doc, *next;
    const char *p = path;
    size_t n;
    long index;

    for (;;) {
        n = strcspn(p, ".[");
        snprintf(key, size, "%.*s", (int)n, p);
        p += n;
        if (!*p)
            return at;
        next = cJSON_GetObjectItemCaseSensitive(at, key);
        if (!next && create && *p == '.' && !is_array_field(at == doc, key))
            next = cJSON_AddObjectToObject(at, key);
        if (!next && is_array_field(at == doc, key)) {
            repl_error(s, "the case has no %s entry yet; add one first (e.g. "
                          ".%s ... at TIME)", key,
                       strcmp(key, "labs") == 0 ? "lab" : key);
            return NULL;
        }
        if (cJSON_IsArray(next)) {
            index = cJSON_GetArraySize(next) - 1;   /* no number: the latest */
            if (*p == '[' && entry_index(s, key, p, cJSON_GetArraySize(next),
                                         &index, &p) != 0)
                return NULL;
            if (index < 0) {
                repl_error(s, "the case has no %s entry yet", key);
                return NULL;
            }
            next = cJSON_GetArrayItem(next, (int)index);
        }
        if (!cJSON_IsObject(next)) {
            repl_error(s, "the case has no %s", key);
            return NULL;
        }
        at = next;
        if (*p == '.')
            p++;
    }
}

/* Strips array indexes: "vitals[2].temp" -> "vitals.temp". */
static void schema_path(const char *path, char *out, size_t size)
{
    size_t o = 0;

    for (; *path && o + 1 < size; path++) {
        if (*path == '[') {
            path += strcspn(path, "]");
            if (!*path)
                break;
            continue;
        }
        out[o++] = *path;
    }
    out[o] = '\0';
}

/* Sets `path` to `text` in doc (NULL text or "unknown": removes it). */
static int set_path(struct session *s, cJSON *doc, const char *path,
                    const char *text)
{
    char sp[MAX_PATH], key[64];
    cJSON *obj, *v = NULL;

    schema_path(path, sp, sizeof sp);
    if (value_check_field(s, sp) != 0)
        return -1;
    if (text && !value_is_unknown(text) && !(v = value_parse(s, sp, text)))
        return -1;
    obj = container_of(s, doc, path, v != NULL, key, sizeof key);
    if (!obj) {
        cJSON_Delete(v);
        return -1;
    }
    put(obj, key, v);
    return 0;
}

int chart_assign(struct session *s, cJSON *doc, int argc, char **argv)
{
    char path[MAX_PATH];
    const char *eq;
    int i;

    for (i = 0; i < argc; i++) {
        eq = strchr(argv[i], '=');
        if (!eq || eq == argv[i]) {
            repl_error(s, "'%s' is not FIELD=VALUE (e.g. labs.ck=5000 or "
                          "history.dehydration=true)", argv[i]);
            return -1;
        }
        snprintf(path, sizeof path, "%.*s", (int)(eq - argv[i]), argv[i]);
        if (set_path(s, doc, path, eq + 1) != 0)
            return -1;
    }
    return 0;
}

/* ---- the commands --------------------------------------------------- */

/* .vitals .exam .lab(s) .baseline: one entry of key=value findings. */
int chart_entry(struct session *s, int argc, char **argv)
{
    const char *sect = strcmp(argv[0], ".vitals") == 0   ? "vitals"
                       : strcmp(argv[0], ".exam") == 0   ? "exam"
                       : strcmp(argv[0], ".baseline") == 0 ? "baseline"
                                                         : "labs";
    int timed = strcmp(sect, "baseline") != 0, i;
    cJSON *doc = cJSON_Duplicate(s->doc, 1), *entry = NULL, *t = NULL, *into;

    if (!doc || (timed && !(t = take_time(s, &argc, argv))))
        goto fail;
    into = timed ? cJSON_CreateObject()
                 : cJSON_GetObjectItemCaseSensitive(doc, sect);
    if (!into)
        into = cJSON_AddObjectToObject(doc, sect);
    entry = timed ? into : NULL;
    if (!into || argc < 2) {
        if (into)
            repl_error(s, "nothing to record; e.g. %s %s", argv[0],
                       timed ? "hr=120 at 50h" : "hr=80 bp=120/80");
        goto fail;
    }
    for (i = 1; i < argc; i++)
        if (assign_in(s, into, sect, argv[i]) != 0)
            goto fail;
    if (timed) {
        cJSON_AddItemToObject(entry, "t", t);
        t = NULL;
        if (!section_array(doc, sect))
            goto fail;
        insert_timed(section_array(doc, sect), entry);
    }
    return session_commit(s, doc);
fail:
    if (timed)
        cJSON_Delete(entry);
    cJSON_Delete(t);
    cJSON_Delete(doc);
    return -1;
}

/* The last course of `drug` in `meds` (ignoring case), preferring one not
 * stopped yet; NULL when none. */
static cJSON *course_of(cJSON *meds, const char *drug)
{
    cJSON *m, *found = NULL;
    const char *name;

    cJSON_ArrayForEach(m, meds) {
        name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "drug"));
        if (!name || strcasecmp(name, drug) != 0)
            continue;
        if (!found || !cJSON_HasObjectItem(m, "stop"))
            found = m;
    }
    return found;
}

/* The case format's route for `word`: the abbreviations a chart writes,
 * PO (per os), PR (per rectum), SQ, are "oral", "rectal", "sc" (a
 * teacher's first .give is often "10 mg po"; nms_schema_value_alias);
 * any other word as it is. */
static const char *route_word(const char *word)
{
    const char *value = nms_schema_value_alias("medications.route", word);

    return value ? value : word;
}

/* Reads the words after the drug: DOSE [mg|g], ROUTE. */
static int give_words(struct session *s, cJSON *course, cJSON *dose, int argc,
                      char **argv)
{
    struct nms_schema_entry route;
    const char *end;
    double mg;
    int i, j;

    nms_schema_find("medications.route", &route);
    for (i = 2; i < argc; i++) {
        /* A decimal number of mg (or g), finite: strtod alone took "inf"
         * and "nan" as doses, which reached the rules, and "0x10" as 16. */
        if (nms_decimal_read(argv[i], &mg, &end) == 0 &&
            (!*end || !strcmp(end, "mg") || !strcmp(end, "g"))) {
            if (i + 1 < argc && (!strcmp(argv[i + 1], "mg") || !strcmp(argv[i + 1], "g")))
                end = argv[++i];
            put(dose, "mg", cJSON_CreateNumber(strcmp(end, "g") == 0 ? mg * 1000 : mg));
            continue;
        }
        /* IM and im alike: charts write routes in capitals. */
        for (j = 0; route.values[j] && strcasecmp(route.values[j], route_word(argv[i])); j++)
            ;
        if (!route.values[j]) {
            char list[256] = "";
            size_t used = 0;

            for (j = 0; route.values[j] && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used,
                                         "%s%s", j ? ", " : "", route.values[j]);
            repl_error(s, "cannot read '%s': not a dose (10 mg) nor a route "
                          "(%s); usage: .give DRUG [DOSE mg] [ROUTE] [at TIME]",
                       argv[i], list);
            return -1;
        }
        put(course, "route", cJSON_CreateString(route.values[j]));
    }
    return 0;
}

/* Whether the last evaluation's warnings already speak of medication
 * name `drug` (a ruleset with a warnings module, as the default one, says
 * more: how it read the name, or what an unknown name leaves open). */
static int ruleset_warned(const struct session *s, const char *drug)
{
    char quoted[300];
    struct nms_rule_warning w;
    size_t i;

    if (!s->last)
        return 0;
    snprintf(quoted, sizeof quoted, "'%s'", drug);
    for (i = 0; i < evaluation_n_warnings(s->last); i++) {
        w = evaluation_warning(s->last, i);
        if (w.path && w.message && strncmp(w.path, "medications[", 12) == 0 &&
            strstr(w.message, quoted))
            return 1;
    }
    return 0;
}

/* Tells, without refusing, about a drug the ruleset does not know, when
 * the ruleset's own warnings did not (called after the evaluation). */
static void check_drug(struct session *s, const char *drug)
{
    const char *close;
    size_t i;

    for (i = 0; i < s->vocab.n_drugs; i++)
        if (strcasecmp(s->vocab.drugs[i], drug) == 0)
            return;
    if (s->vocab.n_drugs == 0 || ruleset_warned(s, drug))
        return;
    close = nms_schema_closest_name((const char *const *)s->vocab.drugs, drug);
    if (close)
        repl_note(s, "'%s' is not in the ruleset's drug list — did you mean "
                     "'%s'?", drug, close);
    else
        repl_note(s, "'%s' is not in the ruleset's drug list", drug);
}

int chart_give(struct session *s, int argc, char **argv)
{
    cJSON *doc = NULL, *t = NULL, *meds, *course, *dose = NULL;

    if (argc < 2) {
        repl_error(s, "usage: .give DRUG [DOSE mg] [ROUTE] [at TIME]");
        return -1;
    }
    doc = cJSON_Duplicate(s->doc, 1);
    dose = cJSON_CreateObject();
    if (!doc || !dose || !(t = take_time(s, &argc, argv)) ||
        !(meds = section_array(doc, "medications")))
        goto fail;
    course = course_of(meds, argv[1]);
    if (!course) {
        course = cJSON_CreateObject();
        cJSON_AddItemToArray(meds, course);
        cJSON_AddStringToObject(course, "drug", argv[1]);
        cJSON_AddItemToObject(course, "start", cJSON_Duplicate(t, 1));
    }
    if (give_words(s, course, dose, argc, argv) != 0)
        goto fail;
    if (cJSON_HasObjectItem(dose, "mg")) {
        cJSON_AddItemToObject(dose, "t", t);
        t = NULL;
        insert_timed(cJSON_HasObjectItem(course, "doses")
                         ? cJSON_GetObjectItemCaseSensitive(course, "doses")
                         : cJSON_AddArrayToObject(course, "doses"),
                     dose);
        dose = NULL;
    }
    cJSON_Delete(dose);
    cJSON_Delete(t);
    if (session_commit(s, doc) != 0)
        return -1;
    check_drug(s, argv[1]);
    return 0;
fail:
    cJSON_Delete(dose);
    cJSON_Delete(t);
    cJSON_Delete(doc);
    return -1;
}

int chart_stop(struct session *s, int argc, char **argv)
{
    cJSON *doc = NULL, *t = NULL, *course;

    if (argc < 2) {
        repl_error(s, "usage: .stop DRUG [at TIME]");
        return -1;
    }
    doc = cJSON_Duplicate(s->doc, 1);
    if (!doc || !(t = take_time(s, &argc, argv)))
        goto fail;
    if (argc != 2) {
        repl_error(s, "usage: .stop DRUG [at TIME]");
        goto fail;
    }
    course = course_of(cJSON_GetObjectItemCaseSensitive(doc, "medications"),
                       argv[1]);
    if (!course) {
        repl_error(s, "no course of '%s' to stop; start it with .give %s",
                   argv[1], argv[1]);
        goto fail;
    }
    put(course, "stop", t);
    return session_commit(s, doc);
fail:
    cJSON_Delete(t);
    cJSON_Delete(doc);
    return -1;
}

int chart_set(struct session *s, int argc, char **argv)
{
    cJSON *doc;

    if (argc != 3) {
        repl_error(s, "usage: .set FIELD VALUE (e.g. .set history.dehydration "
                      "true; quote a value with spaces)");
        return -1;
    }
    doc = cJSON_Duplicate(s->doc, 1);
    if (!doc || set_path(s, doc, argv[1], argv[2]) != 0) {
        cJSON_Delete(doc);
        return -1;
    }
    return session_commit(s, doc);
}

/*
 * .unset of a whole section ("vitals", "workup") or of one entry of a list
 * ("vitals[2]", "medications[1]", counted from 1): a mis-typed entry is
 * taken out whole.
 * Returns 1 when `arg` is neither (a field path for set_path), 0 when done,
 * -1 after printing why.
 */
static int unset_whole(struct session *s, cJSON *doc, const char *arg)
{
    struct nms_schema_entry e;
    char name[64];
    const char *end;
    size_t n = strcspn(arg, "[.");
    long index = -1;
    cJSON *list;

    if (arg[n] == '.' || n >= sizeof name)
        return 1;
    snprintf(name, sizeof name, "%.*s", (int)n, arg);
    if (nms_schema_find(name, &e) != 0 ||
        (e.kind != NMS_SCHEMA_ARRAY && e.kind != NMS_SCHEMA_OBJECT))
        return 1;
    if (arg[n] == '[' && strchr(arg + n, '.'))
        return 1;   /* a field of an entry: set_path */
    if (arg[n] == '[' && e.kind != NMS_SCHEMA_ARRAY) {
        repl_error(s, "%s is not a list; .unset %s removes it whole", name,
                   name);
        return -1;
    }
    if (arg[n] != '[') {
        cJSON_DeleteItemFromObjectCaseSensitive(doc, name);
        return 0;
    }
    list = cJSON_GetObjectItemCaseSensitive(doc, name);
    if (entry_index(s, name, arg + n,
                    cJSON_IsArray(list) ? cJSON_GetArraySize(list) : 0, &index,
                    &end) != 0)
        return -1;
    if (*end) {
        repl_error(s, "cannot read '%s' (e.g. .unset %s[1])", arg, name);
        return -1;
    }
    cJSON_DeleteItemFromArray(list, (int)index);
    return 0;
}

int chart_unset(struct session *s, int argc, char **argv)
{
    cJSON *doc;
    int i;

    if (argc < 2) {
        repl_error(s, "usage: .unset FIELD... (e.g. .unset workup.infection)");
        return -1;
    }
    doc = cJSON_Duplicate(s->doc, 1);
    for (i = 1; doc && i < argc; i++) {
        int whole = unset_whole(s, doc, argv[i]);
        if (whole < 0 || (whole > 0 && set_path(s, doc, argv[i], NULL) != 0)) {
            cJSON_Delete(doc);
            return -1;
        }
    }
    return doc ? session_commit(s, doc) : -1;
}
