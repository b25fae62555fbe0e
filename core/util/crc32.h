/* CRC-32 with the common reflected polynomial 0xEDB88320: the checksum of
 * every header and chunk in recording and snapshot containers; and
 * CRC-32C for snapshot pages. */
#ifndef REWIND_CORE_UTIL_CRC32_H
#define REWIND_CORE_UTIL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* The CRC of data continuing from crc; start with 0. */
uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

/* CRC-32C (the Castagnoli polynomial 0x82F63B78), the same way: the
 * checksum of snapshot pages, which x86-64 hosts compute with the SSE4.2
 * instruction at several GB/s (any other host by table). */
uint32_t crc32c_update(uint32_t crc, const void *data, size_t len);

#endif
