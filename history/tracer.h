/* Instruction-by-instruction replay: which hart retired what, at which
 * icount, and the registers it wrote; and the one-line text of that, as
 * `rewind trace` and the record post-mortem print it. */
#ifndef REWIND_HISTORY_TRACER_H
#define REWIND_HISTORY_TRACER_H

#include "../core/machine.h"
#include "../replay/replayer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbols;

/* The state of a hart that an instruction (or a trap) can change and that
 * a reader of a trace wants to see change. */
struct tracer_regs {
	uint64_t x[32], f[32];
	uint64_t pc, icount;
	enum priv priv;
	uint32_t fflags, frm;
	uint64_t mstatus, mepc, mcause, mtval, mtvec, mscratch, mie, medeleg,
		mideleg;
	uint64_t sepc, scause, stval, stvec, sscratch, satp;
};

/* Copy h's registers into r. */
void tracer_regs_take(const struct hart *h, struct tracer_regs *r);
/* The instruction at virtual pc as h would fetch it now (read without side
 * effects): its length (2 or 4) with its bytes in bytes, or 0 when it
 * cannot be read. */
unsigned tracer_fetch(struct hart *h, uint64_t pc, uint8_t bytes[4]);

/* The registers whose values differ between w and n, each as " name=value"
 * with n's value (as a trace line lists the ones an instruction wrote);
 * pc and the retired count are not among them. "" when none differ. */
void tracer_regs_diff(const struct tracer_regs *w, const struct tracer_regs *n,
		      char *buf, size_t len);

/* One retired instruction. */
struct tracer_step {
	uint64_t icount; /* machine-wide icount before it retired */
	int hart;
	/* A trap (exception or interrupt) was entered just before it: it is
	 * the handler's first instruction; trap_cause and trap_epc are the
	 * new [ms]cause and [ms]epc. */
	bool trapped;
	uint64_t trap_cause, trap_epc;
	enum priv priv; /* the privilege it ran at */
	uint64_t pc;
	uint8_t bytes[4];
	unsigned len; /* 2 or 4; 0 when its bytes could not be read */
	struct tracer_regs before, after;
};

/* Run m (replaying through g) forward by one machine-wide icount. Returns
 * 1 with *s filled when a hart retired an instruction, 0 when time passed
 * without one (every hart waiting), or -1 when the replay stopped short
 * (*st says why: the recording's end, a divergence, a cut). */
int tracer_step(struct machine *m, struct gate *g, struct tracer_step *s,
		enum replay_status *st);

/* The line for s (no newline): icount, hart, privilege, pc, <symbol+off>
 * when syms is given, the instruction as a hex number (as objdump prints
 * it), its disassembly, and after " ; " the registers it wrote. A trap
 * entered before it gets its own line first, in the same buffer. */
void tracer_format(const struct tracer_step *s, const struct symbols *syms,
		   char *buf, size_t len);

#endif
