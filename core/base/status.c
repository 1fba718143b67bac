/* status.c - descriptions for enum nms_status, and the library version. */
#include "nms/status.h"

const char *nms_strerror(enum nms_status status)
{
    switch (status) {
    case NMS_OK: return "success";
    case NMS_ENOMEM: return "out of memory";
    case NMS_EINVAL: return "invalid argument";
    case NMS_EIO: return "input/output error";
    case NMS_EPARSE: return "invalid input";
    case NMS_ELUA: return "rule failed";
    case NMS_ERULES: return "ruleset failed to load";
    case NMS_ELIMIT: return "input exceeds a size limit";
    }
    return "unknown status";
}

/* NMS_VERSION comes from CMake's project version. */
const char *nms_version(void)
{
    return NMS_VERSION;
}
