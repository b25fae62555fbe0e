/* CLINT: machine software interrupts (msip) and the machine timer
 * (mtimecmp per hart, mtime derived from virtual time). */
#ifndef REWIND_DEV_CLINT_H
#define REWIND_DEV_CLINT_H

#include <stdint.h>

struct machine;
struct clint;
struct state_buf;
struct state_reader;

#define CLINT_BASE 0x2000000ull
#define CLINT_SIZE 0x10000ull

struct clint *clint_new(struct machine *m);
void clint_free(struct clint *c);
uint64_t clint_mtimecmp(const struct clint *c, int hart);
/* msip and mtimecmp of every hart, for snapshots. Load changes nothing
 * unless the whole state is valid: 0 or -EINVAL. */
void clint_state_save(const struct clint *c, struct state_buf *b);
int clint_state_load(struct clint *c, struct state_reader *r);

/* Register access, exposed for unit tests; offsets are from CLINT_BASE. */
int clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int clint_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
