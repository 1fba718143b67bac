/*
 * case_read.c - the one way into a case: a record from the reader (or the
 * REPL's chart) becomes a finished case, with the as-of time applied.
 * batch, eval and the REPL all come through nms_case_read.
 */
#include <math.h>
#include <string.h>

#include "base/base_int.h"
#include "input/case_json.h"
#include "nms/reader.h"

/* A record the reader could not read: an error case that still has its
 * place (source, line or index). */
static struct nms_case *failed_record(const struct nms_record *rec, long line)
{
    struct nms_case *c = nms_case_new(rec->source, line, rec->index);

    if (c && (nms_case_fail(c, "", rec->error) != NMS_OK ||
              nms_case_finish(c, NAN) != NMS_OK)) {
        nms_case_free(c);
        c = NULL;
    }
    return c;
}

/* The record's text (or tree) as a parsed, unfinished case. */
static struct nms_case *parse_record(const struct nms_record *rec, long line)
{
    if (rec->parsed && rec->len == 0)
        return nms_case_from_json(rec->parsed, rec->source, line, rec->index);
    if (rec->parsed)
        return nms_case_parse_tree(rec->text, rec->len, rec->parsed,
                                   rec->source, line, rec->index);
    return nms_case_parse(rec->text, rec->len, rec->source, line, rec->index);
}

/* Applies the as-of time of `opt` to a parsed case; NMS_OK or NMS_ENOMEM. */
static enum nms_status apply_as_of(struct nms_case *c,
                                   const struct nms_case_options *opt)
{
    int given = !isnan(opt->as_of);

    if (!c->error && given && c->time_form != NMS_TIME_UNSET &&
        c->time_form != opt->as_of_form) {
        if (nms_case_fail(c, "", opt->as_of_form == NMS_TIME_ISO
                                     ? "--as-of is an ISO 8601 time but this "
                                       "case gives its times in hours (+24h, "
                                       "after each case's onset or first "
                                       "exposure, fits both forms)"
                                     : "--as-of is in hours but this case "
                                       "gives ISO 8601 times (+24h, after "
                                       "each case's onset or first exposure, "
                                       "fits both forms)") != NMS_OK)
            return NMS_ENOMEM;
    }
    /* A case with no times of its own is written out in the form of the
     * --as-of time it is assessed at. */
    if (!c->error && given && c->time_form == NMS_TIME_UNSET)
        c->time_form = opt->as_of_form;
    return nms_case_finish(c, c->error ? NAN : opt->as_of);
}

struct nms_case *nms_case_read(const struct nms_record *rec,
                               const struct nms_case_options *opt)
{
    long line = rec->is_array_item ? 0 : rec->line;
    struct nms_case *c;

    if (rec->error)
        c = failed_record(rec, line);
    else
        c = parse_record(rec, line);
    /* The hash of what was read, so any output can be traced to its input
     * (a record too long to keep is hashed as far as it was kept). */
    if (c && rec->len > 0)
        nms_sha256_hex(rec->text, rec->len, c->input_sha256);
    if (!c || rec->error)
        return c;
    if (c && apply_as_of(c, opt) != NMS_OK) {
        nms_case_free(c);
        c = NULL;
    }
    return c;
}
