/*
 * ruleset.h - a loaded ruleset (ruleset.c, digest.c): its identity and the
 * validated definitions of its sets. The engine owns it beside the VM it
 * was loaded into; its check and actions references point into that VM's
 * registry, so the two are created, swapped and freed together.
 */
#ifndef NMS_RULESET_H
#define NMS_RULESET_H

#include <stddef.h>

#include "lua/vm.h"
#include "nms/engine.h"

/* An item of a set, as validated at load time. The const strings are in
 * the ruleset's text (results point at them: `needs` from nms_item.needs,
 * which the compact record compares), the others malloc'd. */
struct nms_item_def {
    const char *id, *title, *definition, *feature, *source, *needs;
    double points;      /* points kind */
    size_t group;       /* groups kind: index into the set's groups */
    int check_ref;      /* registry reference to the check function */
    char *file;         /* where check is defined */
    long line;
};

struct nms_group_def {
    const char *id, *title;     /* in the ruleset's text */
    size_t size;        /* how many items belong to it */
};

struct nms_set_def {
    const char *id, *title, *version, *citation;    /* in the ruleset's text */
    enum nms_section section;
    enum nms_set_kind kind;
    int screen;
    double threshold;               /* points */
    struct nms_item_def *items;
    size_t n_items;
    struct nms_group_def *groups;   /* groups */
    size_t n_groups;
    struct nms_alternative *alts;       /* groups: the rule, in precedence order */
    size_t n_alts;
    struct nms_note *notes;         /* differential: distinguishing points
                                       (their strings in the ruleset's text) */
    size_t n_notes;
    char *overlap;                  /* differential */
    struct nms_item_def *presupposes;   /* criteria: what the set, as criteria
                                       for NMS, takes for granted (its check
                                       asked once the set is met), or NULL */
    int presupposes_required;       /* 1: the verdict follows it */
    int actions_ref;                /* severity: actions(case, tier), or LUA_NOREF */
    char *actions_file;             /* where actions is defined */
    long actions_line;
};

struct nms_ruleset {
    char *dir;                      /* the ruleset directory */
    struct nms_text *text;          /* the static text results quote
                                       (case/text_int.h): one reference */
    struct nms_set_def *sets;
    size_t n_sets;
    char *name, *version, *title, *digest;
    char *status;                   /* "draft", "testing", "production" or NULL */
    struct nms_set_info *set_info;  /* views of sets[] for the info struct */
    int warnings_ref;           /* manifest 'warnings': fn(case) -> list, or LUA_NOREF */
    char *warnings_file;        /* where that function is defined */
    long warnings_line;
    char **drug_names;          /* NULL-terminated (names.c), or NULL */
    size_t n_drug_names;
    int names_read;             /* drug_names collected (on first use) */
    int identity_only;          /* set before loading: the manifest's name,
                                   version, title and status and the digest
                                   only (nms_engine_identify) */
    char *overlay_dirs[NMS_MAX_OVERLAYS];       /* owned */
    char *overlay_digests[NMS_MAX_OVERLAYS];    /* owned */
    struct nms_overlay_info overlays[NMS_MAX_OVERLAYS]; /* views of both */
    size_t n_overlays;
    struct nms_ruleset_info info;
};

/*
 * Loads the ruleset in vm's directory (manifest, parameters with
 * `overrides`, criteria sets) into the empty `rs`. Returns NMS_OK,
 * NMS_ENOMEM or NMS_ERULES with the message in errmsg; rs is then to be
 * freed all the same.
 */
enum nms_status nms_ruleset_load(struct nms_ruleset *rs, struct nms_vm *vm,
                                 char *const *overrides, size_t n_overrides,
                                 char *errmsg, size_t errsize);

/* Rewrites load error errmsg that names a data row ('haloperidol') to start
 * at the line of a loaded rule file that opens that row, keeping where it
 * was raised in brackets (locate.c). Leaves errmsg as it is otherwise. */
void nms_ruleset_locate_error(struct nms_vm *vm, char *errmsg, size_t errsize);

/* Frees a ruleset's definitions and rs itself; accepts NULL. Its Lua
 * references go with the VM they were made in. */
void nms_ruleset_free(struct nms_ruleset *rs);

/* Collects the drug names of the ruleset's `drugs` module into rs (names.c);
 * never fails: a ruleset without one has none. */
void nms_ruleset_collect_names(struct nms_ruleset *rs, struct nms_vm *vm);

/*
 * Computes "sha256:<hex>" over every *.lua file below `dir` (sorted by
 * relative path; both the path and the content are hashed, each framed by
 * its length). Returns a new string, or NULL with errmsg filled.
 */
char *nms_digest_dir(const char *dir, char *errmsg, size_t errsize);

/* nms_digest_dir that also keeps the text it hashed in *snap (struct
 * nms_snapshot, lua/vm.h; release it with nms_snapshot_release, also after
 * a failure). */
char *nms_digest_snapshot(const char *dir, struct nms_snapshot *snap,
                          char *errmsg, size_t errsize);

/* nms_digest_snapshot in three steps, so that the text can be handed on
 * file by file while it is read (ruleset.c gives each file to the
 * compiling thread, precompile.c, as soon as it is in memory):
 * nms_snapshot_list lists the *.lua files below `dir` in *snap (paths in
 * byte order, texts NULL); nms_snapshot_read reads file i (*total: the
 * bytes read so far, for the 32 MiB limit); nms_snapshot_digest hashes
 * a snapshot read whole. Each returns 0 (the digest: a new string), or -1
 * (NULL) with errmsg filled; release the snapshot in any case. */
int nms_snapshot_list(const char *dir, struct nms_snapshot *snap,
                      char *errmsg, size_t errsize);
int nms_snapshot_read(const char *dir, struct nms_snapshot *snap, size_t i,
                      size_t *total, char *errmsg, size_t errsize);
char *nms_snapshot_digest(const struct nms_snapshot *snap, char *errmsg,
                          size_t errsize);


#endif
