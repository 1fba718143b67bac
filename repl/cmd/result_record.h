/*
 * result_record.h - a result record read back (result_record.c): the JSON
 * that `nmsrules batch` writes for each case, made again into the case and
 * result structures the cohort figures count (`summary` over result files),
 * so that the figures of a results file and of its cases come from one
 * piece of counting code. Only what the figures read is rebuilt: the
 * verdicts, scores, tiers, the missing data of each set, the
 * disagreements' features, the warnings, the label, an error record's
 * message; evidence and titles are not.
 */
#ifndef NMS_RESULT_RECORD_H
#define NMS_RESULT_RECORD_H

#include <cjson/cJSON.h>

#include "nms/engine.h"
#include "nms/reader.h"

/*
 * 1 when record `rec` is a result record (an object with "input_sha256"
 * and "criteria" or "error", as batch writes), 0 when it is taken for a
 * case. A case record never holds "input_sha256" at its root; a record
 * without the text at all is looked for first, so cases cost a scan.
 */
int nms_record_is_result(const struct nms_record *rec);

/*
 * The ruleset object of rs as every record of a run with it holds it
 * (nms_output_ruleset_json), parsed: what nms_result_record_read compares
 * each record's with; made once a run. NULL when memory ran out; free it
 * with cJSON_Delete.
 */
cJSON *nms_result_rules_of(const struct nms_ruleset_info *rs);

/*
 * Rebuilds result record `rec` for ruleset `rs`: *c (id, warnings without
 * a kind, label; `error` for an error record) and *r (NULL for an error
 * record; else rs's sets in rs's order). A set of rs missing from the
 * record makes *c an error case saying so (results of another ruleset).
 *other_ruleset is set to 1 when the record names other rules than
 * `rules` (nms_result_rules_of(rs): another digest, other overlays or other
 * --param overrides; the sets are then matched by id), else 0.
 * Returns 0 (both the caller's to free), or -1 when memory ran out.
 */
int nms_result_record_read(const struct nms_record *rec,
                           const struct nms_ruleset_info *rs,
                           const cJSON *rules, struct nms_case **c,
                           struct nms_result **r, int *other_ruleset);

#endif
