/* CLINT: machine software interrupts (msip) and the machine timer
 * (mtimecmp per hart, mtime derived from virtual time). */
#ifndef REWIND_DEV_CLINT_H
#define REWIND_DEV_CLINT_H

#include <stdint.h>

struct clint;

#define CLINT_BASE 0x2000000ull
#define CLINT_SIZE 0x10000ull

/* Hart `hart`'s compare value, for the scheduler's deadlines. */
uint64_t clint_mtimecmp(const struct clint *c, int hart);

/* Register access, exposed for unit tests; offsets are from CLINT_BASE. */
int clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int clint_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
