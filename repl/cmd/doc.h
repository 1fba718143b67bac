/*
 * doc.h - the commands that write a description of the ruleset (doc.c):
 * `nmsrules doc` and `nmsrules params`, which differ only in their help
 * and their formats.
 */
#ifndef NMS_DOC_H
#define NMS_DOC_H

#include "front/options.h"

/* The --format names a describing command offers (the first is its
 * default) and the nms_engine_describe format each one means. */
struct nms_describe_formats {
    const char *names[2];
    const char *describe[2];
};

/* Their long options: --format, --output and the common ones. */
extern const struct option nms_describe_long_options[];

/* Their apply(): --format (one of f's names, its index in cli->format)
 * and -o FILE; as struct nms_command_options's apply. */
int nms_describe_apply(struct nms_cli *cli, int opt, const char *arg,
                       const struct nms_describe_formats *f);

/*
 * The whole command: parses argv with spec, refuses operands (saying
 * `no_operand`), loads the ruleset of cli (with its --param overrides) and
 * writes its description in the chosen format to -o FILE, or standard
 * output. Returns the exit status.
 */
int nms_describe_command(const struct nms_command_options *spec,
                         const struct nms_describe_formats *f,
                         const char *no_operand, int argc, char **argv);

#endif
