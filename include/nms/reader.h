/*
 * reader.h - splits an input source into case records.
 *
 * A source holds one case object, a JSON array of case objects, or JSON
 * Lines (one object per line; blank lines are skipped). The reader decides
 * which from the text itself and hands out one record at a time, with the
 * line it starts on, so that every record can be named in results and
 * errors. JSON Lines are streamed: a file of millions of records is never
 * held in memory at once.
 *
 * Ownership: the reader owns the text of the record it returned last; it is
 * valid until the next call to nms_reader_next or nms_reader_free.
 */
#ifndef NMS_READER_H
#define NMS_READER_H

#include <stddef.h>
#include <stdio.h>

#include "nms/case.h"
#include "nms/status.h"

/* Longest single record accepted; longer lines become error records. */
#ifndef NMS_MAX_RECORD
#define NMS_MAX_RECORD (64u * 1024u * 1024u)
#endif

struct nms_reader;

struct nms_record {
    const char *text;    /* the record's JSON text (not NUL-terminated) */
    size_t len;
    const char *source;  /* the name given to nms_reader_open */
    long line;           /* 1-based line where the record starts; 0 if unknown */
    long index;          /* 0-based position of the record in the source */
    int is_array_item;   /* 1 when taken from a top-level JSON array */
    const char *error;   /* non-NULL: this record could not be read (e.g.
                            "record longer than 67108864 bytes", "not valid
                            JSON: ..."); text may then be partial or empty */
    const void *parsed;  /* core's parse of text when it has one already
                            (an element of an array read whole), so that
                            nms_case_read does not parse it again; with len
                            0, the record itself (the REPL's chart, see
                            core/input/case_json.h); else NULL */
};

/* How records become cases. */
struct nms_case_options {
    double as_of;                   /* evaluate as of this time; NAN: none */
    enum nms_time_form as_of_form;  /* the form as_of was given in */
};

/*
 * Opens `fp` (not closed by the reader) under the name `source`, used in
 * messages and default ids. Returns NMS_OK or NMS_ENOMEM.
 */
enum nms_status nms_reader_open(struct nms_reader **out, FILE *fp,
                                const char *source);

/*
 * Reads the next record into *rec. Returns 1 when a record (possibly with
 * rec->error set) was read, 0 at the end of the source, and -1 on a read
 * error (errno set) or when memory runs out.
 */
int nms_reader_next(struct nms_reader *r, struct nms_record *rec);

/* Releases the reader; accepts NULL. */
void nms_reader_free(struct nms_reader *r);

/*
 * The one way a record becomes a case (batch, eval and the REPL all come
 * through here): parsed (once), checked, `opt`'s as-of time applied (a
 * case in the other time form than as_of fails), defaults filled
 * (nms_case_finish). Returns a new case the caller frees with
 * nms_case_free, or NULL only when out of memory; a bad record gives a
 * case with `error` set.
 */
struct nms_case *nms_case_read(const struct nms_record *rec,
                               const struct nms_case_options *opt);

/* The JSON parser's release, e.g. "cJSON 1.7.15" (the library linked at
 * run time); a fixed string. */
const char *nms_json_release(void);

#endif
