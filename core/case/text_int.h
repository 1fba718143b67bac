/*
 * text_int.h - the static text of a loaded ruleset, shared by the results
 * that quote it (text.c).
 *
 * Titles, definitions, citations, sources, group names and distinguishing
 * points are the ruleset's: they are the same in every result. The ruleset
 * copies them once, at load, into a `struct nms_text`; the results point
 * at them (the `const char *` fields of nms/result.h) and each result holds
 * one reference, as the ruleset does. The text is immutable once loaded
 * and freed with its last reference, so a result stays readable after the
 * engine that made it is freed or reloaded, and in any thread: the count
 * is atomic, so that a library user's threads may free results of one
 * engine while it takes new references (`batch -j` formats and frees each
 * result in the worker that made it).
 */
#ifndef NMS_TEXT_INT_H
#define NMS_TEXT_INT_H

#include <stddef.h>

#include "nms/result.h"

/* A new, empty text with one reference (the caller's), or NULL when out of
 * memory. */
struct nms_text *nms_text_new(void);

/* Copies at most n bytes of s (up to a NUL) into t and returns the copy,
 * which lives as long as t; NULL when out of memory. Only the one who
 * fills the text (the ruleset loader, before any result holds it) may add
 * to it: additions are not synchronised. */
const char *nms_text_add(struct nms_text *t, const char *s, size_t n);

/* Takes one more reference to t (accepts NULL) and returns t. */
struct nms_text *nms_text_ref(struct nms_text *t);

/* Drops one reference to t (accepts NULL); the last one frees it. */
void nms_text_unref(struct nms_text *t);

#endif
