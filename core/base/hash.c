/*
 * hash.c - SHA-256 of a byte string as hex (nettle), for the input hash
 * every result carries (see base_int.h).
 */
#include <stdint.h>
#include <stdio.h>

#include <nettle/sha2.h>

#include "base/base_int.h"

void nms_sha256_hex(const void *data, size_t len, char out[NMS_SHA256_HEX])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    size_t i;

    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (i = 0; i < sizeof digest; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[2 * sizeof digest] = '\0';
}
