/* Execute handlers, as the decoder installs them from the instruction
 * table (isa.def). */
#ifndef REWIND_CORE_EXEC_H
#define REWIND_CORE_EXEC_H

#include "hart.h"
#include "isa.h"

#define EXEC_DECLARE(name)                                                     \
	int exec_##name(struct hart *h, const struct insn *in)

/* One handler per row of the instruction table, and a branch-in variant
 * per conditional branch (isa.h). */
#define INSN(name, op, match, mask, fmt, kind, tests)                          \
	EXEC_DECLARE(name);                                                    \
	ISA_DECLARE_IN_##kind(name)
#include "isa.def"

#undef INSN

/* `pause` (Zihintpause, a fence with pred=W and no successor): a hart that
 * says it spins may end its turn (machine_yield). */
#define INSN_PAUSE 0x0100000fu

/* The variant of a branch or jal handler that gives the hart's turn away
 * when it is taken (it closes a wait loop, core/waitloop.h), or NULL. */
insn_fn exec_waitloop_variant(insn_fn fn);

/* The pc of the instruction after `in`. */
static inline uint64_t insn_next_pc(const struct hart *h, const struct insn *in)
{
	return h->pc + in->off + in->len;
}

#endif
