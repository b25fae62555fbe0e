/* The test finisher / syscon at 0x100000: a 32-bit write of 0x5555 powers
 * off (pass), (code << 16) | 0x3333 fails with code, 0x7777 resets. */
#ifndef REWIND_DEV_FINISHER_H
#define REWIND_DEV_FINISHER_H

#include <stdint.h>

#define FINISHER_BASE 0x100000ull
#define FINISHER_SIZE 0x1000ull

int finisher_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
