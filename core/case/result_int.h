/*
 * result_int.h - what core does to a result besides freeing it (result.c).
 */
#ifndef NMS_RESULT_INT_H
#define NMS_RESULT_INT_H

#include "nms/result.h"

/* Frees the sets, disagreements and error of `r`, leaving it empty (not
 * freeing r, and keeping its reference to the ruleset's text). */
void nms_result_clear(struct nms_result *r);

/* The evidence of an item whose check ran while nobody reads evidence
 * (eval.c, the quiet checks of CSV and of the compact record): one empty
 * string for all such items, in static storage, never written and never
 * freed (nms_result_free_text). A one-byte copy per item cost ~300
 * instructions (allocation, copy, free): 1.5 % of a CSV case and 1.8 %
 * of a compact record, whose quiet pass asks every item. */
char *nms_result_quiet_evidence(void);

/* Frees an item's evidence or missing text, unless it is the quiet
 * evidence above (NULL is a no-op, as for free). */
void nms_result_free_text(char *text);

#endif
