/* strings.c - the string helpers of base_int.h. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_int.h"

char *nms_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

enum nms_param_kind nms_param_classify(const char *text, double *number)
{
    char *end;

    errno = 0;
    *number = strtod(text, &end);
    if (*text && !*end && errno == 0 && isfinite(*number))
        return NMS_PARAM_NUMBER;
    if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
        *number = text[0] == 't';
        return NMS_PARAM_BOOLEAN;
    }
    return NMS_PARAM_STRING;
}
