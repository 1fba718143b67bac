/*
 * result_int.h - what core does to a result besides freeing it (result.c).
 */
#ifndef NMS_RESULT_INT_H
#define NMS_RESULT_INT_H

#include "nms/result.h"

/* Frees the sets, disagreements and error of `r`, leaving it empty (not
 * freeing r, and keeping its reference to the ruleset's text). */
void nms_result_clear(struct nms_result *r);

#endif
