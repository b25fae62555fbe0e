/* A cache of image hashes, so that recording or replaying with a large
 * disk image does not read the whole image every time.
 *
 * An entry is keyed by the file's device, inode, size, mtime and ctime
 * (nanoseconds): a write changes mtime and ctime, and ctime cannot be set
 * back by hand, so an unchanged key means unchanged content. Entries live
 * in ${REWIND_CACHE:-/var/cache/rewind}/hashes, one small file per inode,
 * each carrying its whole key and a CRC-32: a damaged entry or one whose
 * key differs is ignored (and rewritten by the next store). The cache is
 * only an optimisation: any failure to read or write it is silent and the
 * image is hashed from its content. */
#ifndef REWIND_CORE_UTIL_HASH_CACHE_H
#define REWIND_CORE_UTIL_HASH_CACHE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "sha256.h"

/* Files below this size hash (about 2 GB/s with the SHA extensions)
 * in about as long as looking up their entry takes (some 30 us): not
 * worth one. Above it, even a firmware image or an initramfs of a few
 * hundred KiB costs a short recorded boot (a tenth of a second) a
 * visible part of its record overhead on every run, and a kernel or a
 * small sparse disk (whose holes are hashed as zeros) several per cent. */
#define HASH_CACHE_MIN_BYTES (64u << 10)

/* Whether a file with this stat can have an entry: a regular file of at
 * least HASH_CACHE_MIN_BYTES (a block device's times do not change when
 * it is written). */
bool hash_cache_applies(const struct stat *st);
/* true and the hash in out when a valid entry has exactly st's key. */
bool hash_cache_get(const struct stat *st, uint8_t out[SHA256_BYTES]);
/* Store the hash d of a file, given its stat from before and after it was
 * read: nothing is stored if the two keys differ (it changed meanwhile). */
void hash_cache_put(const struct stat *before, const struct stat *after,
		    const uint8_t d[SHA256_BYTES]);

#endif
