/*
 * gen.c - `nmsrules gen`: writes a synthetic cohort as JSON Lines.
 *
 * Options are read strictly (whole numbers with digits only, the
 * prevalence as a decimal turned into parts per million without going
 * through a float) so that the same command line means the same cohort
 * everywhere. The cases themselves come from gen_case.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/gen.h"
#include "front/commands.h"
#include "front/interrupt.h"
#include "front/msg.h"
#include "cmd/sink.h"

/* Output is handed to stdio in chunks of about this many bytes. */
#define FLUSH_AT 65536

static const char gen_usage[] =
    "usage: nmsrules gen --count N [--seed S] [--prevalence P] [-o FILE]\n"
    "\n"
    "Writes N synthetic case records as JSON Lines: patients on\n"
    "antipsychotics (oral, IM, depot), some developing NMS, others a\n"
    "look-alike (serotonin or anticholinergic toxicity, sepsis, heat stroke,\n"
    "malignant catatonia, malignant hyperthermia, drug-induced parkinsonism)\n"
    "or nothing at all; with messy drug names, missing data, unit mistakes,\n"
    "both time forms, and a 'label' object ({\"nms\", \"scenario\", "
    "\"onset\"}) on\n"
    "every case. The same arguments give the same bytes on every machine.\n"
    "SYNTHETIC, NOT CALIBRATED TO ANY POPULATION (docs/gen.md).\n"
    "\n"
    "  --count N            number of cases, 1 to 1000000000\n"
    "  --seed S             0 to 1073741823 (default 1)\n"
    "  --prevalence P       share of NMS cases, 0 to 1 (default 0.2)\n"
    "  -o, --output FILE    write to FILE atomically instead of stdout\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 written, 2 usage or output error, 4 interrupted (the\n"
    "cases written so far are the cohort of a smaller --count; with -o, in\n"
    "FILE.partial).\n";

struct gen_opts {
    unsigned long count, seed, prevalence_ppm;
    const char *output;
};

/* Reads digits only into *out (no sign, no spaces, no hex); -1 if `text`
 * is not a whole number from lo to hi. */
static int whole(const char *text, unsigned long lo, unsigned long hi,
                 unsigned long *out)
{
    char *end;
    unsigned long v;

    if (*text < '0' || *text > '9')
        return -1;
    errno = 0;
    v = strtoul(text, &end, 10);
    if (*end || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Reads a decimal from 0 to 1 ("0.2", "1", ".05", "0.125") as parts per
 * million, rounding half up at the seventh decimal; -1 if it is not one. */
static int fraction_ppm(const char *text, unsigned long *out)
{
    unsigned long whole_part = 0, frac = 0, scale = NMS_GEN_PPM;
    int digits = 0, seventh = -1, nonzero = 0;
    const char *p = text;

    for (; *p >= '0' && *p <= '9'; p++, digits++)
        if ((whole_part = whole_part * 10 + (unsigned long)(*p - '0')) > 1)
            return -1;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
            scale /= 10;
            nonzero |= *p != '0';
            if (scale > 0)
                frac += (unsigned long)(*p - '0') * scale;
            else if (seventh < 0)
                seventh = *p - '0';
        }
    if (*p || digits == 0 || (whole_part == 1 && nonzero))
        return -1;
    frac += seventh >= 5;
    if (whole_part * NMS_GEN_PPM + frac > NMS_GEN_PPM)
        return -1;
    *out = whole_part * NMS_GEN_PPM + frac;
    return 0;
}

static int bad(const char *what, const char *text, const char *expected)
{
    nms_errorf("gen: %s '%s' is not %s", what, text, expected);
    fprintf(stderr, "Try 'nmsrules gen --help'.\n");
    return NMS_EXIT_USAGE;
}

/* Parses the options; returns -1 to go on, else the exit status. */
static int parse(struct gen_opts *o, int argc, char **argv)
{
    static const struct option longs[] = {
        {"count", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"prevalence", required_argument, NULL, 'p'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int opt, have_count = 0;

    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->prevalence_ppm = nms_gen_default_prevalence();
    optind = 0;   /* a full reset: main scanned the common options first */
    opterr = 0;   /* getopt's complaints in the program's words */
    while ((opt = getopt_long(argc, argv, ":ho:", longs, NULL)) != -1) {
        if (opt == 'n' && whole(optarg, 1, NMS_GEN_MAX_COUNT, &o->count) != 0)
            return bad("--count", optarg,
                       "a whole number from 1 to 1000000000");
        if (opt == 's' && whole(optarg, 0, NMS_GEN_MAX_SEED, &o->seed) != 0)
            return bad("--seed", optarg, "a whole number from 0 to 1073741823");
        if (opt == 'p' && fraction_ppm(optarg, &o->prevalence_ppm) != 0)
            return bad("--prevalence", optarg,
                       "a decimal from 0 to 1, such as 0.2");
        if (opt == 'h') {
            fputs(gen_usage, stdout);
            return NMS_EXIT_OK;
        }
        if (opt == '?' || opt == ':') {
            nms_cli_option_error("gen", longs, opt, argv[optind - 1]);
            fprintf(stderr, "Try 'nmsrules gen --help'.\n");
            return NMS_EXIT_USAGE;
        }
        have_count |= opt == 'n';
        if (opt == 'o')
            o->output = optarg;
    }
    if (optind < argc) {
        nms_errorf("gen: unexpected argument '%s'", argv[optind]);
        fprintf(stderr, "Try 'nmsrules gen --help'.\n");
        return NMS_EXIT_USAGE;
    }
    if (!have_count) {
        nms_errorf("gen: --count N is required");
        fprintf(stderr, "Try 'nmsrules gen --help'.\n");
        return NMS_EXIT_USAGE;
    }
    return -1;
}

/* Writes out and empties the buffer; 0, or -1 after a message. */
static int flush(struct nms_gen_buf *b, FILE *fp)
{
    size_t len = b->len;

    b->len = 0;
    if (len > 0 && fwrite(b->data, 1, len, fp) != len) {
        nms_errorf("gen: cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* Writes the cohort to the sink's stream, stopping early on SIGINT or
 * SIGTERM; sets *written. Returns 0, or -1 after a message. */
static int write_cohort(const struct gen_opts *o, FILE *fp,
                        unsigned long *written)
{
    struct nms_gen g;
    struct nms_gen_buf b;
    unsigned long i;
    int rc = 0;

    memset(&b, 0, sizeof b);
    nms_gen_init(&g, o->seed, o->prevalence_ppm);
    for (i = 0; i < o->count && !nms_interrupted(); i++) {
        if (nms_gen_next(&g, &b) != 0) {
            nms_errorf("gen: out of memory");
            rc = -1;
            break;
        }
        if (b.len >= FLUSH_AT && (rc = flush(&b, fp)) != 0)
            break;
    }
    if (rc == 0)
        rc = flush(&b, fp);
    nms_gen_buf_release(&b);
    *written = i;
    return rc;
}

int nms_cmd_gen(int argc, char **argv)
{
    struct gen_opts o;
    struct nms_sink sink;
    unsigned long written = 0;
    int status = parse(&o, argc, argv), rc;
    enum nms_sink_end end;

    if (status >= 0)
        return status;
    if (nms_interrupt_install() != 0 || nms_sink_open(&sink, o.output) != 0)
        return NMS_EXIT_USAGE;
    rc = write_cohort(&o, sink.fp, &written);
    end = rc != 0             ? NMS_SINK_ABANDON
          : nms_interrupted() ? NMS_SINK_PARTIAL
                              : NMS_SINK_COMMIT;
    if (nms_sink_close(&sink, end) != 0)
        rc = -1;
    if (rc != 0)
        return NMS_EXIT_USAGE;
    if (end == NMS_SINK_PARTIAL) {
        nms_warnf("gen: interrupted by %s after %lu cases, all written",
                  nms_interrupted() == SIGINT ? "SIGINT" : "SIGTERM", written);
        return NMS_EXIT_INTERRUPTED;
    }
    return NMS_EXIT_OK;
}
