/* Execute handlers of the base ISA, M, A and the system instructions, as
 * decode.c installs them. */
#ifndef REWIND_CORE_EXEC_H
#define REWIND_CORE_EXEC_H

#include "hart.h"

#define EXEC_DECLARE(name)                                                     \
	int exec_##name(struct hart *h, const struct insn *in)

/* RV64I */
EXEC_DECLARE(lui);
EXEC_DECLARE(auipc);
EXEC_DECLARE(jal);
EXEC_DECLARE(jalr);
EXEC_DECLARE(beq);
EXEC_DECLARE(bne);
EXEC_DECLARE(blt);
EXEC_DECLARE(bge);
EXEC_DECLARE(bltu);
EXEC_DECLARE(bgeu);
EXEC_DECLARE(lb);
EXEC_DECLARE(lh);
EXEC_DECLARE(lw);
EXEC_DECLARE(ld);
EXEC_DECLARE(lbu);
EXEC_DECLARE(lhu);
EXEC_DECLARE(lwu);
EXEC_DECLARE(sb);
EXEC_DECLARE(sh);
EXEC_DECLARE(sw);
EXEC_DECLARE(sd);
EXEC_DECLARE(addi);
EXEC_DECLARE(slti);
EXEC_DECLARE(sltiu);
EXEC_DECLARE(xori);
EXEC_DECLARE(ori);
EXEC_DECLARE(andi);
EXEC_DECLARE(slli);
EXEC_DECLARE(srli);
EXEC_DECLARE(srai);
EXEC_DECLARE(add);
EXEC_DECLARE(sub);
EXEC_DECLARE(sll);
EXEC_DECLARE(slt);
EXEC_DECLARE(sltu);
EXEC_DECLARE(xor);
EXEC_DECLARE(srl);
EXEC_DECLARE(sra);
EXEC_DECLARE(or);
EXEC_DECLARE(and);
EXEC_DECLARE(addiw);
EXEC_DECLARE(slliw);
EXEC_DECLARE(srliw);
EXEC_DECLARE(sraiw);
EXEC_DECLARE(addw);
EXEC_DECLARE(subw);
EXEC_DECLARE(sllw);
EXEC_DECLARE(srlw);
EXEC_DECLARE(sraw);
EXEC_DECLARE(li);
EXEC_DECLARE(mv);
EXEC_DECLARE(nop);
/* M */
EXEC_DECLARE(mul);
EXEC_DECLARE(mulh);
EXEC_DECLARE(mulhsu);
EXEC_DECLARE(mulhu);
EXEC_DECLARE(div);
EXEC_DECLARE(divu);
EXEC_DECLARE(rem);
EXEC_DECLARE(remu);
EXEC_DECLARE(mulw);
EXEC_DECLARE(divw);
EXEC_DECLARE(divuw);
EXEC_DECLARE(remw);
EXEC_DECLARE(remuw);
/* A */
EXEC_DECLARE(lr_w);
EXEC_DECLARE(lr_d);
EXEC_DECLARE(sc_w);
EXEC_DECLARE(sc_d);
EXEC_DECLARE(amoswap_w);
EXEC_DECLARE(amoadd_w);
EXEC_DECLARE(amoxor_w);
EXEC_DECLARE(amoand_w);
EXEC_DECLARE(amoor_w);
EXEC_DECLARE(amomin_w);
EXEC_DECLARE(amomax_w);
EXEC_DECLARE(amominu_w);
EXEC_DECLARE(amomaxu_w);
EXEC_DECLARE(amoswap_d);
EXEC_DECLARE(amoadd_d);
EXEC_DECLARE(amoxor_d);
EXEC_DECLARE(amoand_d);
EXEC_DECLARE(amoor_d);
EXEC_DECLARE(amomin_d);
EXEC_DECLARE(amomax_d);
EXEC_DECLARE(amominu_d);
EXEC_DECLARE(amomaxu_d);
/* system */
EXEC_DECLARE(fence);
EXEC_DECLARE(fence_i);
EXEC_DECLARE(ecall);
EXEC_DECLARE(ebreak);
EXEC_DECLARE(mret);
EXEC_DECLARE(sret);
EXEC_DECLARE(wfi);
EXEC_DECLARE(sfence_vma);
EXEC_DECLARE(csrrw);
EXEC_DECLARE(csrrs);
EXEC_DECLARE(csrrc);
EXEC_DECLARE(csrrwi);
EXEC_DECLARE(csrrsi);
EXEC_DECLARE(csrrci);

/* For a conditional branch's handler, the variant that falls through to
 * the next record of its block when not taken; NULL for anything else. */
insn_fn exec_branch_in(insn_fn fn);

/* The pc of the instruction after `in`. */
static inline uint64_t insn_next_pc(const struct hart *h, const struct insn *in)
{
	return h->pc + in->off + in->len;
}

#endif
