/*
 * value.h - turning typed chart shorthand into case-format JSON (value.c).
 */
#ifndef NMS_REPL_VALUE_H
#define NMS_REPL_VALUE_H

#include "session/session.h"

/* 1 when `text` means "unknown" (null, unknown, ?): remove the field. */
int value_is_unknown(const char *text);

/*
 * Reads `text` as a value of the field at schema path `path`
 * ("vitals.temp"). Returns a new JSON value, or NULL after printing why.
 */
cJSON *value_parse(struct session *s, const char *path, const char *text);

/* Checks that schema path `path` names a field; prints "unknown field
 * 'tmp' — did you mean 'temp'?" and returns -1 when not. */
int value_check_field(struct session *s, const char *path);

#endif
