/*
 * output.h - writing results for programs: JSON Lines, a JSON array, CSV.
 *
 * Every case gets exactly one output record, in the order written: its
 * result, or an error record when the case could not be parsed or a rule
 * failed on it. Keys come out in a fixed order, so the same input gives
 * byte-identical output every time.
 */
#ifndef NMS_OUTPUT_H
#define NMS_OUTPUT_H

#include <stdio.h>

#include "nms/case.h"
#include "nms/engine.h"
#include "nms/result.h"

enum nms_format {
    NMS_FORMAT_JSONL = 0,
    NMS_FORMAT_JSON,
    NMS_FORMAT_CSV,
    NMS_FORMAT_ITEMS_CSV    /* one row per case, set and item */
};

/* Options for the records (bit flags). */
enum nms_output_option {
    NMS_OUTPUT_PRETTY = 1,  /* indented (one record over many lines) */
    /* Leave out what the ruleset's name, version and digest already fix:
     * each set's title, version, citation and rule, group titles, item
     * sources and features, and the distinguishing points of
     * differentials. Verdicts, levels, items with their values and
     * evidence, missing data, actions and overlaps all stay. */
    NMS_OUTPUT_COMPACT = 2,
    /* CSV lines end in LF alone instead of RFC 4180's CRLF. */
    NMS_OUTPUT_CSV_LF = 4,
    /* CSV text fields (ids, error messages) exactly as they are. Without
     * it, one that starts with = + - @ TAB or CR, which a spreadsheet
     * would run as a formula, gets a leading single quote (OWASP's advice
     * against CSV injection). */
    NMS_OUTPUT_CSV_RAW = 8,
    /* The compact record an analyst stores (docs/output-format.md): per
     * set the verdict, the true and unknown item ids, and the decided
     * items (nms_item.decided) with their evidence and missing data;
     * the ruleset's static text is named by its digest, not copied.
     * Overrides NMS_OUTPUT_COMPACT. */
    NMS_OUTPUT_RECORD = 16
};

struct nms_writer;

/*
 * Starts writing `format` to `fp` (not closed by the writer) for results of
 * ruleset `rs` (which must outlive the writer). Returns NMS_OK, NMS_ENOMEM
 * or NMS_EIO.
 */
enum nms_status nms_writer_new(struct nms_writer **out, FILE *fp,
                               enum nms_format format,
                               const struct nms_ruleset_info *rs);

/*
 * Writes the record for case `c`: its result `r`, or an error record when
 * the case has an error (r is then NULL) or r->error is set. Returns
 * NMS_OK, NMS_ENOMEM or NMS_EIO (errno set), or NMS_EINVAL, writing
 * nothing, for a result that skipped items (NMS_ITEMS_NEEDED) in any format
 * but NMS_FORMAT_CSV, which alone prints verdicts only.
 */
enum nms_status nms_writer_put(struct nms_writer *w, const struct nms_case *c,
                               const struct nms_result *r);

/*
 * Writes to fp the text of one record as nms_writer_put would put it with
 * w's format, options and label columns, less what only its place decides
 * (the CSV header, the JSON array's brackets and commas), with the sets of
 * ruleset `rs` (the engine's that made r). For the workers of a parallel
 * run: each formats its cases apart (w is only read) and one thread puts
 * the texts in order with nms_writer_put_text. Returns NMS_OK, NMS_ENOMEM,
 * NMS_EIO, or NMS_EINVAL as nms_writer_put.
 */
enum nms_status nms_output_record(const struct nms_writer *w, FILE *fp,
                                  const struct nms_case *c,
                                  const struct nms_result *r,
                                  const struct nms_ruleset_info *rs);

/*
 * Puts the len bytes of `text`, one record made by nms_output_record with
 * this writer, in the next place of the output. Returns NMS_OK or NMS_EIO
 * (errno set).
 */
enum nms_status nms_writer_put_text(struct nms_writer *w, const char *text,
                                    size_t len);

/* Sets NMS_OUTPUT_* options for the records still to be written (CSV
 * takes NMS_OUTPUT_CSV_LF only, when set before the first record). */
void nms_writer_set_options(struct nms_writer *w, unsigned options);

/* Ends the output (closes the JSON array) and flushes; NMS_OK or NMS_EIO. */
enum nms_status nms_writer_finish(struct nms_writer *w);

/* Releases the writer; accepts NULL. */
void nms_writer_free(struct nms_writer *w);

/*
 * Writes the JSON record of case `c` (as nms_writer_put would, with
 * NMS_OUTPUT_* `options`) straight to fp, from the case and result
 * themselves. Returns NMS_OK or NMS_EIO, or NMS_EINVAL (nothing written)
 * for a result that skipped items (NMS_ITEMS_NEEDED).
 */
enum nms_status nms_output_write(FILE *fp, const struct nms_case *c,
                                 const struct nms_result *r,
                                 const struct nms_ruleset_info *rs,
                                 unsigned options);

/*
 * The JSON text of one output record, as nms_writer_put would write it,
 * with NMS_OUTPUT_* `options` (0 for the plain one-line record). Returns a
 * new string the caller frees with free(), or NULL when out of memory or
 * for a result that skipped items (NMS_ITEMS_NEEDED).
 */
char *nms_output_json(const struct nms_case *c, const struct nms_result *r,
                      const struct nms_ruleset_info *rs, unsigned options);

/* Writes s as a JSON string (quoted, escaped as the records are; NULL as
 * ""): for commands that write their own JSON around results. */
void nms_output_json_string(FILE *fp, const char *s);

/* Writes the ruleset object every record holds ({"name", "version",
 * "status", "digest", "overlays", "params"}): for commands that write
 * their own JSON, so that theirs name the rules and overrides alike. */
void nms_output_ruleset_json(FILE *fp, const struct nms_ruleset_info *rs);

/* The header of the CSV cells naming the ruleset, and the cells
 * themselves, as every CSV row of the batch ends with: ruleset_version,
 * ruleset_digest, ruleset_status, ruleset_changes (the overlays' digests
 * and the --param overrides, empty for the ruleset as it is), with the
 * commas between them and none before or after. */
#define NMS_CSV_RULESET_HEADER \
    "ruleset_version,ruleset_digest,ruleset_status,ruleset_changes"
void nms_output_csv_ruleset(FILE *fp, const struct nms_ruleset_info *rs);

/* Writes s as one RFC 4180 CSV field (quoted when needed; NULL empty),
 * then "\r\n" when `last`, else ",". */
void nms_output_csv_field(FILE *fp, const char *s, int last);

/* Writes s as one RFC 4180 CSV value, with no separator after it. */
void nms_output_csv_value(FILE *fp, const char *s);

/*
 * CSV label columns: `paths` ("label.nms", "label.scenario", ...; see
 * nms/label.h) become columns after the last standard one, each holding
 * that field of the case's label (empty when absent). Call before the
 * first record; `paths` must outlive the writer. The header is written
 * with the first record (or at nms_writer_finish).
 */
void nms_writer_set_label_columns(struct nms_writer *w,
                                  const char *const *paths, size_t n);

/*
 * Writes ",cell" for each label column `paths` of case c (for a CSV row
 * made apart from a writer, e.g. by a parallel worker, whose writer has
 * those columns). Returns NMS_OK, NMS_ENOMEM or NMS_EIO.
 */
enum nms_status nms_output_label_cells(FILE *fp, const char *const *paths,
                                       size_t n, const struct nms_case *c);

#endif
