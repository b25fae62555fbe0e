/* CRC-32 with the common reflected polynomial 0xEDB88320: the checksum of
 * every header and chunk in recording and snapshot containers. */
#ifndef REWIND_CORE_UTIL_CRC32_H
#define REWIND_CORE_UTIL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* The CRC of data continuing from crc; start with 0. */
uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

#endif
