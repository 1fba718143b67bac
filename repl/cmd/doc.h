/*
 * doc.h - writing a description of the loaded ruleset (doc.c), shared by
 * `nmsrules doc` and `nmsrules params`.
 */
#ifndef NMS_DOC_H
#define NMS_DOC_H

#include "front/options.h"

/*
 * Loads the ruleset of `cli` (with its --param overrides) and writes its
 * description in `format` (see nms_engine_describe) to cli->output, or
 * standard output. Returns the exit status.
 */
int nms_describe_ruleset(const struct nms_cli *cli, const char *format);

#endif
