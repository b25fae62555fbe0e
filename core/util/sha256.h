/* SHA-256 (FIPS 180-4): recordings name disk images and other inputs by
 * content hash. */
#ifndef REWIND_CORE_UTIL_SHA256_H
#define REWIND_CORE_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32

struct sha256_ctx {
	uint32_t h[8];
	uint64_t len; /* message bytes so far */
	uint8_t block[64];
	size_t fill; /* bytes waiting in block */
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t len);
/* Pad, write the digest, and leave c needing sha256_init before reuse. */
void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_BYTES]);
void sha256_buf(const void *data, size_t len, uint8_t out[SHA256_BYTES]);
/* Hash an image file (a regular file or a block device: image_open says
 * why anything else is refused) without holding it in memory, reading
 * only the extents that are not holes, through the cache of image hashes
 * (hash_cache.h), with progress on stderr when it is a terminal and the
 * image is large. 0, or a negative errno with a message naming the path
 * in err. */
int sha256_file(const char *path, uint8_t out[SHA256_BYTES], char *err,
		size_t errlen);
/* Lower-case hex, NUL-terminated. */
void sha256_hex(const uint8_t d[SHA256_BYTES], char out[65]);

#endif
