/* System instructions: fences, environment calls, trap returns, WFI,
 * sfence.vma and the Zicsr instructions. All of them end their block. */
#include "chain.h"
#include "csr.h"
#include "exec.h"
#include "machine.h"
#include "trigger.h"

static int next(struct hart *h, const struct insn *in)
{
	h->pc = insn_next_pc(h, in);
	return exec_exit(in);
}

/* pause (Zihintpause): a fence the ISA sets aside as the spin-wait hint,
 * which Linux's cpu_relax() runs in every lock and flag wait. */

int exec_fence(struct hart *h, const struct insn *in)
{
	/* A hart that says it spins gives its turn to one that can run,
	 * most likely the one it waits for. */
	if (__builtin_expect(in->raw == INSN_PAUSE, 0) &&
	    machine_yield(h->m, h)) {
		h->pc = insn_next_pc(h, in);
		return exec_exit(in);
	}
	return exec_next(h, in); /* one host thread: memory is ordered */
}

int exec_fence_i(struct hart *h, const struct insn *in)
{
	/* Stores into code already drop the blocks they touch, so fetch is
	 * always coherent; fence.i only has to end the block. */
	return next(h, in);
}

int exec_ecall(struct hart *h, const struct insn *in)
{
	static const uint64_t cause[4] = {EXC_ECALL_U, EXC_ECALL_S, 0,
					  EXC_ECALL_M};
	return hart_trap(h, in, cause[h->priv], 0);
}

int exec_ebreak(struct hart *h, const struct insn *in)
{
	return hart_trap(h, in, EXC_BREAKPOINT, insn_pc(h, in));
}

/* MRET and SRET, returning from a trap taken into mode x (M or S): xIE
 * takes xPIE, xPIE is set, xPP goes to U (the least-privileged mode), MPRV
 * stays only when returning to M, and the hart resumes at xEPC in the mode
 * xPP held. */
static int trap_return(struct hart *h, const struct insn *in, enum priv x)
{
	bool m = x == PRIV_M;
	uint64_t ie = m ? MSTATUS_MIE : MSTATUS_SIE;
	uint64_t pie = m ? MSTATUS_MPIE : MSTATUS_SPIE;
	uint64_t pp = m ? MSTATUS_MPP : MSTATUS_SPP;
	uint64_t s = h->mstatus;
	enum priv to = m ? (enum priv)((s & MSTATUS_MPP) >> 11)
		       : (s & MSTATUS_SPP) ? PRIV_S
					   : PRIV_U;
	s = (s & ~ie) | ((s & pie) ? ie : 0);
	s |= pie;
	s &= ~pp;
	if (to != PRIV_M)
		s &= ~MSTATUS_MPRV;
	h->mstatus = s;
	h->priv = to;
	h->pc = m ? h->mepc : h->sepc;
	if (m)
		trig_mret(h);
	hart_update_mode(h);
	return exec_exit(in);
}

int exec_mret(struct hart *h, const struct insn *in)
{
	if (h->priv != PRIV_M)
		return hart_illegal(h, in);
	return trap_return(h, in, PRIV_M);
}

/* TSR makes SRET in S-mode illegal, so M-mode can emulate it. */
int exec_sret(struct hart *h, const struct insn *in)
{
	if (h->priv == PRIV_U ||
	    (h->priv == PRIV_S && (h->mstatus & MSTATUS_TSR)))
		return hart_illegal(h, in);
	return trap_return(h, in, PRIV_S);
}

int exec_wfi(struct hart *h, const struct insn *in)
{
	/* WFI cannot wait in U-mode, and TW forbids waiting below M. */
	if (h->priv == PRIV_U ||
	    (h->priv == PRIV_S && (h->mstatus & MSTATUS_TW)))
		return hart_illegal(h, in);
	if (!(h->mip & h->mie)) {
		h->pc = insn_next_pc(h, in);
		h->wfi = true;
		h->stop = STOP_WFI;
		return exec_exit(in);
	}
	/* Something is pending: no wait, and a wait loop with interrupts
	 * off (firmware parking a hart) goes on like any other code, but
	 * gives its turn to a hart that can run. */
	if (machine_yield(h->m, h)) {
		h->pc = insn_next_pc(h, in);
		return exec_exit(in);
	}
	return hart_goto(h, in, insn_next_pc(h, in), in->idx + 1u);
}

int exec_sfence_vma(struct hart *h, const struct insn *in)
{
	if (h->priv == PRIV_U ||
	    (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)))
		return hart_illegal(h, in);
	/* An address is fenced in every address space, global mappings
	 * and other ASIDs included: more than asked, never less. */
	if (in->rs1 != 0 && !(h->tune & TUNE_NO_SFENCE_PAGE))
		hart_flush_tlb_page(h, h->x[in->rs1]);
	else if (in->rs2 != 0)
		hart_flush_tlb_asid(h, h->x[in->rs2]);
	else
		hart_flush_tlb_paged(h);
	return next(h, in);
}

/* The common shape of the six Zicsr instructions: read unless a csrrw has
 * rd = x0, write unless a set/clear has a zero source register/immediate. */
static int csr_op(struct hart *h, const struct insn *in, uint64_t src, int kind,
		  bool do_read, bool do_write)
{
	unsigned num = in->csr;
	uint64_t old = 0;
	h->live_idx = in->idx;
	if (do_write && !csr_accessible(h, num, true))
		return hart_illegal(h, in);
	if (do_read && csr_read(h, num, &old))
		return hart_illegal(h, in);
	if (do_write) {
		uint64_t base = csr_rmw_base(h, num, old);
		uint64_t v = kind == 0	 ? src
			     : kind == 1 ? base | src
					 : base & ~src;
		if (csr_write(h, num, v))
			return hart_illegal(h, in);
	}
	h->x[in->rd] = old;
	return next(h, in);
}

int exec_csrrw(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, h->x[in->rs1], 0, in->rd != XREG_SINK, true);
}
int exec_csrrs(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, h->x[in->rs1], 1, true, in->rs1 != 0);
}
int exec_csrrc(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, h->x[in->rs1], 2, true, in->rs1 != 0);
}
int exec_csrrwi(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, (uint64_t)in->imm, 0, in->rd != XREG_SINK, true);
}
int exec_csrrsi(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, (uint64_t)in->imm, 1, true, in->imm != 0);
}
int exec_csrrci(struct hart *h, const struct insn *in)
{
	return csr_op(h, in, (uint64_t)in->imm, 2, true, in->imm != 0);
}
