/* Decoding 32-bit encodings into struct insn. Runs once per instruction
 * per block build, so clarity wins over speed here. */
#include "decode.h"
#include "exec.h"

int exec_illegal(struct hart *h, const struct insn *in)
{
	return hart_illegal(h, in);
}

/* A block ends after any instruction that may change control flow,
 * privilege, translation or interrupt state, so that interrupts are checked
 * right after the instruction that could have enabled them. */
bool decode_ends_block(const struct insn *in)
{
	uint32_t op = in->raw & 0x7f;
	switch (op) {
	case 0x63: /* branch */
	case 0x67: /* jalr */
	case 0x6f: /* jal */
	case 0x73: /* system: csr, ecall, ebreak, xret, wfi, sfence */
		return true;
	case 0x0f: /* fence.i */ return insn_funct3(in->raw) == 1;
	default: return in->fn == exec_illegal;
	}
}

static void set_r(struct insn *in, uint32_t raw, insn_fn fn)
{
	in->fn = fn;
	in->rd = xrd(insn_rd(raw));
	in->rs1 = (uint8_t)insn_rs1(raw);
	in->rs2 = (uint8_t)insn_rs2(raw);
}

static int64_t imm_b(uint32_t r)
{
	return sext((uint64_t)(r >> 31) << 12 | (r >> 7 & 1) << 11 |
			    (r >> 25 & 63) << 5 | (r >> 8 & 15) << 1,
		    13);
}

static int64_t imm_j(uint32_t r)
{
	return sext((uint64_t)(r >> 31) << 20 | (r & 0xff000) |
			    (r >> 20 & 1) << 11 | (r >> 21 & 0x3ff) << 1,
		    21);
}

static insn_fn decode_op_imm(uint32_t raw, struct insn *in)
{
	uint32_t f3 = insn_funct3(raw), top6 = raw >> 26;
	in->imm = insn_imm_i(raw);
	switch (f3) {
	case 0:
		if (in->rs1 == 0)
			return exec_li;
		return in->imm == 0 ? exec_mv : exec_addi;
	case 1: in->imm &= 63; return top6 == 0 ? exec_slli : NULL;
	case 2: return exec_slti;
	case 3: return exec_sltiu;
	case 4: return exec_xori;
	case 5:
		in->imm &= 63;
		return top6 == 0 ? exec_srli : top6 == 0x10 ? exec_srai : NULL;
	case 6: return exec_ori;
	default: return exec_andi;
	}
}

static insn_fn decode_op_imm32(uint32_t raw, struct insn *in)
{
	uint32_t f3 = insn_funct3(raw), f7 = insn_funct7(raw);
	in->imm = insn_imm_i(raw);
	switch (f3) {
	case 0: return exec_addiw;
	case 1: in->imm &= 31; return f7 == 0 ? exec_slliw : NULL;
	case 5:
		in->imm &= 31;
		return f7 == 0 ? exec_srliw : f7 == 0x20 ? exec_sraiw : NULL;
	default: return NULL;
	}
}

static insn_fn decode_op(uint32_t raw)
{
	static const insn_fn base[8] = {exec_add, exec_sll, exec_slt, exec_sltu,
					exec_xor, exec_srl, exec_or,  exec_and};
	static const insn_fn muldiv[8] = {exec_mul,   exec_mulh, exec_mulhsu,
					  exec_mulhu, exec_div,	 exec_divu,
					  exec_rem,   exec_remu};
	uint32_t f3 = insn_funct3(raw), f7 = insn_funct7(raw);
	if (f7 == 0)
		return base[f3];
	if (f7 == 1)
		return muldiv[f3];
	if (f7 == 0x20)
		return f3 == 0 ? exec_sub : f3 == 5 ? exec_sra : NULL;
	return NULL;
}

static insn_fn decode_op32(uint32_t raw)
{
	uint32_t f3 = insn_funct3(raw), f7 = insn_funct7(raw);
	if (f7 == 0) {
		switch (f3) {
		case 0: return exec_addw;
		case 1: return exec_sllw;
		case 5: return exec_srlw;
		default: return NULL;
		}
	}
	if (f7 == 0x20)
		return f3 == 0 ? exec_subw : f3 == 5 ? exec_sraw : NULL;
	if (f7 == 1) {
		switch (f3) {
		case 0: return exec_mulw;
		case 4: return exec_divw;
		case 5: return exec_divuw;
		case 6: return exec_remw;
		case 7: return exec_remuw;
		default: return NULL;
		}
	}
	return NULL;
}

static insn_fn decode_amo(uint32_t raw, struct insn *in)
{
	static const insn_fn w[32] = {
		[0x00] = exec_amoadd_w,	 [0x01] = exec_amoswap_w,
		[0x02] = exec_lr_w,	 [0x03] = exec_sc_w,
		[0x04] = exec_amoxor_w,	 [0x08] = exec_amoor_w,
		[0x0c] = exec_amoand_w,	 [0x10] = exec_amomin_w,
		[0x14] = exec_amomax_w,	 [0x18] = exec_amominu_w,
		[0x1c] = exec_amomaxu_w,
	};
	static const insn_fn d[32] = {
		[0x00] = exec_amoadd_d,	 [0x01] = exec_amoswap_d,
		[0x02] = exec_lr_d,	 [0x03] = exec_sc_d,
		[0x04] = exec_amoxor_d,	 [0x08] = exec_amoor_d,
		[0x0c] = exec_amoand_d,	 [0x10] = exec_amomin_d,
		[0x14] = exec_amomax_d,	 [0x18] = exec_amominu_d,
		[0x1c] = exec_amomaxu_d,
	};
	uint32_t f5 = raw >> 27, f3 = insn_funct3(raw);
	in->rm = (uint8_t)((raw >> 25) & 3); /* aq, rl */
	/* LR has no rs2: the field must be zero. */
	if (f5 == 0x02 && insn_rs2(raw) != 0)
		return NULL;
	if (f3 == 2)
		return w[f5];
	if (f3 == 3)
		return d[f5];
	return NULL;
}

static insn_fn decode_system(uint32_t raw, struct insn *in)
{
	uint32_t f3 = insn_funct3(raw);
	if (f3 == 0) {
		if (insn_rd(raw) != 0)
			return NULL;
		if (insn_funct7(raw) == 0x09)
			return exec_sfence_vma;
		if (insn_rs1(raw) != 0)
			return NULL;
		switch (raw >> 20) {
		case 0x000: return exec_ecall;
		case 0x001: return exec_ebreak;
		case 0x102: return exec_sret;
		case 0x302: return exec_mret;
		case 0x105: return exec_wfi;
		default: return NULL;
		}
	}
	in->aux = (uint16_t)(raw >> 20);
	switch (f3) {
	case 1: return exec_csrrw;
	case 2: return exec_csrrs;
	case 3: return exec_csrrc;
	case 5: return exec_csrrwi;
	case 6: return exec_csrrsi;
	case 7: return exec_csrrci;
	default: return NULL;
	}
}

void decode_insn(struct insn *in, uint32_t raw)
{
	insn_fn fn = NULL;
	in->raw = raw;
	in->len = 4;
	set_r(in, raw, NULL);
	switch (raw & 0x7f) {
	case 0x37: /* LUI */
		in->imm = (int64_t)(int32_t)(raw & 0xfffff000u);
		fn = exec_lui;
		break;
	case 0x17: /* AUIPC */
		in->imm = (int64_t)(int32_t)(raw & 0xfffff000u);
		fn = exec_auipc;
		break;
	case 0x6f: /* JAL */
		in->imm = imm_j(raw);
		fn = exec_jal;
		break;
	case 0x67: /* JALR */
		in->imm = insn_imm_i(raw);
		fn = insn_funct3(raw) == 0 ? exec_jalr : NULL;
		break;
	case 0x63: { /* BRANCH */
		static const insn_fn br[8] = {exec_beq,	 exec_bne, NULL,
					      NULL,	 exec_blt, exec_bge,
					      exec_bltu, exec_bgeu};
		in->imm = imm_b(raw);
		fn = br[insn_funct3(raw)];
		break;
	}
	case 0x03: { /* LOAD */
		static const insn_fn ld[8] = {exec_lb,	exec_lh,  exec_lw,
					      exec_ld,	exec_lbu, exec_lhu,
					      exec_lwu, NULL};
		in->imm = insn_imm_i(raw);
		fn = ld[insn_funct3(raw)];
		break;
	}
	case 0x23: { /* STORE */
		static const insn_fn st[8] = {exec_sb, exec_sh, exec_sw,
					      exec_sd};
		in->imm = insn_imm_s(raw);
		fn = st[insn_funct3(raw)];
		break;
	}
	case 0x13: fn = decode_op_imm(raw, in); break;
	case 0x1b: fn = decode_op_imm32(raw, in); break;
	case 0x33: fn = decode_op(raw); break;
	case 0x3b: fn = decode_op32(raw); break;
	case 0x2f: fn = decode_amo(raw, in); break;
	case 0x0f: /* MISC-MEM: fence (fence.tso, pause are fences) */
		if (insn_funct3(raw) == 0)
			fn = exec_fence;
		else if (insn_funct3(raw) == 1)
			fn = exec_fence_i;
		break;
	case 0x73: fn = decode_system(raw, in); break;
	case 0x07: /* LOAD-FP */
	case 0x27: /* STORE-FP */
	case 0x43: /* MADD */
	case 0x47: /* MSUB */
	case 0x4b: /* NMSUB */
	case 0x4f: /* NMADD */
	case 0x53: /* OP-FP */
		if (decode_fp(in, raw))
			return;
		break;
	default: break;
	}
	/* Writes to x0 of a side-effect-free instruction do nothing. */
	if (fn && in->rd == XREG_SINK &&
	    (fn == exec_addi || fn == exec_li || fn == exec_mv ||
	     fn == exec_lui || fn == exec_add))
		fn = exec_nop;
	in->fn = fn ? fn : exec_illegal;
}

void decode_compressed(struct insn *in, uint16_t bits)
{
	decode_insn(in, rvc_expand(bits));
	in->raw16 = 1;
	in->aux = bits;
	in->len = 2;
}
