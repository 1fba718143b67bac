/*
 * gen.h - the synthetic cohort generator behind `nmsrules gen`.
 *
 * One case at a time: nms_gen_next() draws a scenario, builds the patient
 * episode as a struct gen_case (gen_case.c: the clinical picture, then the
 * missing data and unit mistakes), and writes it as one line of compact
 * JSON into a caller-owned buffer (gen_write.c). Everything is integer
 * arithmetic on one Knuth lagged-Fibonacci stream (nettle's knuth-lfib),
 * so a seed gives the same bytes on every machine. The cases are synthetic
 * and not calibrated to any population (docs/gen.md).
 */
#ifndef NMS_GEN_H
#define NMS_GEN_H

#include <limits.h>
#include <stddef.h>

#include <nettle/knuth-lfib.h>

/* Largest --count: a bound so that a typo cannot fill a disk unnoticed
 * (10^9 cases is about a terabyte). */
#define NMS_GEN_MAX_COUNT 1000000000UL
/* Largest --seed: knuth_lfib_init uses the low 30 bits of its seed only, so
 * larger seeds would silently repeat smaller ones. */
#define NMS_GEN_MAX_SEED 1073741823UL
/* Prevalence is handled in parts per million, never as a float. */
#define NMS_GEN_PPM 1000000UL

/* A growable output buffer; `oom` is set once an append failed. */
struct nms_gen_buf {
    char *data;
    size_t len, cap;
    int oom;
    unsigned char comma[16];   /* per nesting level: a value was written */
    int depth;
};

/* The generator's state between cases. */
struct nms_gen {
    struct knuth_lfib_ctx rng;
    unsigned long seed;
    unsigned long prevalence_ppm;   /* share of NMS cases, of NMS_GEN_PPM */
    unsigned long index;            /* cases generated so far */
};

/* Starts a cohort for `seed` (at most NMS_GEN_MAX_SEED) in which each case
 * is NMS with probability prevalence_ppm / NMS_GEN_PPM. */
void nms_gen_init(struct nms_gen *g, unsigned long seed,
                  unsigned long prevalence_ppm);

/* The prevalence used when --prevalence is not given, in ppm. */
unsigned long nms_gen_default_prevalence(void);

/*
 * Appends the next case of the cohort to `out` as one line of JSON ending
 * in '\n'. Returns 0, or -1 when memory ran out (out->oom is then set and
 * the cohort cannot continue deterministically).
 */
int nms_gen_next(struct nms_gen *g, struct nms_gen_buf *out);

/* Frees the buffer's memory and empties it; the struct can be reused. */
void nms_gen_buf_release(struct nms_gen_buf *b);

#endif
