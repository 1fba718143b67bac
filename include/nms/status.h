/*
 * status.h - the error codes every nms_ function returns.
 *
 * Library functions never print and never exit: they return one of these
 * codes and, where more detail helps, leave a message in the object they
 * were called on (nms_engine_errmsg, the case's error record).
 */
#ifndef NMS_STATUS_H
#define NMS_STATUS_H

enum nms_status {
    NMS_OK = 0,
    NMS_ENOMEM,  /* an allocation failed */
    NMS_EINVAL,  /* a caller passed an invalid argument */
    NMS_EIO,     /* reading or writing a file failed (errno is set) */
    NMS_EPARSE,  /* input text is not valid JSON or not a valid case */
    NMS_ELUA,    /* a rule raised an error or broke a sandbox limit */
    NMS_ERULES,  /* the ruleset could not be loaded or is malformed */
    NMS_ELIMIT   /* input exceeds a documented size limit */
};

/* A fixed, lower-case description of status; never NULL. */
const char *nms_strerror(enum nms_status status);

/* The version of the library, e.g. "0.1.0" (that of the nmsrules program
 * it was built with); a fixed string. */
const char *nms_version(void);

#endif
