/* SHA-256 compression with the x86 SHA extensions, where the host has
 * them: snapshots hash every RAM page and every file they read, and the
 * instructions are several times faster than portable code. */
#ifndef REWIND_CORE_UTIL_SHA256_NI_H
#define REWIND_CORE_UTIL_SHA256_NI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The round constants (FIPS 180-4 section 4.2.2), shared with the
 * portable code in sha256.c. */
extern const uint32_t sha256_k[64];

/* True when sha256_ni_blocks may be called on this host. */
bool sha256_ni_available(void);
/* Run n 64-byte blocks at p through the compression function. */
void sha256_ni_blocks(uint32_t h[8], const uint8_t *p, size_t n);

#endif
