/*
 * show.h - the case as a chart a person reads (show.c).
 */
#ifndef NMS_REPL_SHOW_H
#define NMS_REPL_SHOW_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "session/session.h"

/* Prints the case as a readable chart. */
void show_case(struct session *s, FILE *fp);

/* Writes a JSON value as a person reads it ("39.4", "103.1 [degF]",
 * "yes") into buf. */
void show_value(const cJSON *v, char *buf, size_t size);

#endif
