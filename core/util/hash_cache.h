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

/* Files below this size hash in about a millisecond: not worth an
 * entry. Above it, even a kernel of a few megabytes or a small sparse
 * disk (whose holes are hashed as zeros) costs a short recorded boot
 * several per cent of its time on every run. */
#define HASH_CACHE_MIN_BYTES (2u << 20)

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
