/* Trap entry: exceptions and interrupts, with delegation to S-mode. */
#include "machine.h"
#include "trigger.h"

/* A hart that traps this many times without retiring an instruction can
 * never make progress (e.g. its trap vector itself faults). */
#define TRAP_STORM_LIMIT 100000

/* Entering mode `to` (S or M) stacks that mode's fields in mstatus: xPIE
 * takes xIE, xIE clears and xPP records the mode trapped from. The rule is
 * one; only the bits differ (SPP is one bit wide: a trap to S comes from U
 * or S). */
static uint64_t trap_mstatus(uint64_t s, enum priv from, enum priv to)
{
	bool m = to == PRIV_M;
	uint64_t ie = m ? MSTATUS_MIE : MSTATUS_SIE;
	uint64_t pie = m ? MSTATUS_MPIE : MSTATUS_SPIE;
	uint64_t pp = m ? MSTATUS_MPP : MSTATUS_SPP;
	uint64_t t = s & ~(ie | pie | pp);
	t |= (uint64_t)from << __builtin_ctzll(pp);
	return s & ie ? t | pie : t;
}

static void trap_enter(struct hart *h, uint64_t cause, uint64_t epc,
		       uint64_t tval, bool interrupt)
{
	unsigned code = (unsigned)(cause & 63);
	uint64_t deleg = interrupt ? h->mideleg : h->medeleg;
	uint64_t mcause = interrupt ? (1ull << 63) | cause : cause;
	enum priv to =
		h->priv <= PRIV_S && ((deleg >> code) & 1) ? PRIV_S : PRIV_M;
	uint64_t tvec;
	if (to == PRIV_S) {
		h->scause = mcause;
		h->sepc = epc;
		h->stval = tval;
		tvec = h->stvec;
	} else {
		h->mcause = mcause;
		h->mepc = epc;
		h->mtval = tval;
		tvec = h->mtvec;
		trig_trap_to_m(h);
	}
	h->mstatus = trap_mstatus(h->mstatus, h->priv, to);
	h->priv = to;
	/* Vectored mode sends interrupts to base + 4 * cause. */
	uint64_t base = tvec & ~3ull;
	h->pc = (interrupt && (tvec & 1)) ? base + 4 * code : base;
	hart_update_mode(h);
	h->bp_skip = false; /* a breakpoint on the handler must stop */
	if (++h->trap_streak == TRAP_STORM_LIMIT)
		machine_exit(h->m, MEXIT_TRAP_STORM, 1);
}

int hart_trap(struct hart *h, const struct insn *in, uint64_t cause,
	      uint64_t tval)
{
	trap_enter(h, cause, insn_pc(h, in), tval, false);
	return exec_leave(EXEC_TRAP, in->idx);
}

int hart_illegal(struct hart *h, const struct insn *in)
{
	return hart_trap(h, in, EXC_ILLEGAL, in->raw);
}

/* Interrupt priority, highest first, as the privileged spec orders them. */
static const unsigned irq_order[] = {IRQ_MEI, IRQ_MSI, IRQ_MTI,
				     IRQ_SEI, IRQ_SSI, IRQ_STI};

static int irq_pick(uint64_t pending)
{
	for (unsigned i = 0; i < sizeof(irq_order) / sizeof(irq_order[0]); i++)
		if (pending & (1ull << irq_order[i]))
			return (int)irq_order[i];
	return -1;
}

bool hart_take_interrupt(struct hart *h)
{
	uint64_t ready = hart_irq_ready(h);
	if (!ready)
		return false;
	/* M-level interrupts (not delegated) outrank S-level ones. */
	int irq = irq_pick(ready & ~h->mideleg);
	if (irq < 0)
		irq = irq_pick(ready & h->mideleg);
	if (irq < 0)
		return false;
	trap_enter(h, (uint64_t)irq, h->pc, 0, true);
	return true;
}
