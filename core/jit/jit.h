/* The translation tier: x86-64 host code for hot blocks (docs/jit.md).
 * The interpreter stays the reference; translated code runs a whole block
 * exactly as the block's chain of handlers would, and hands every
 * instruction it has no row for, and every slow path, to the handler. On
 * other hosts, and under REWIND_TUNE=no-jit, blocks always start with
 * their first handler. */
#ifndef REWIND_CORE_JIT_JIT_H
#define REWIND_CORE_JIT_JIT_H

#include "../hart.h"

struct bus;

/* How a freshly built block is entered (struct block's entry): through a
 * counter that translates it once it is hot, or straight into the
 * interpreter (first, its first handler). */
insn_fn jit_block_entry(unsigned tune, insn_fn first);
/* Called between runs, where no translated code is on the stack: a full
 * code buffer is emptied here, every block going back to counting. */
void jit_safe_point(struct bus *b);
void jit_free(struct bus *b);
/* Blocks translated, and times the full buffer was emptied, since the bus
 * was made (tests and statistics). */
uint64_t jit_translated(const struct bus *b);
uint64_t jit_flushes(const struct bus *b);

#endif
