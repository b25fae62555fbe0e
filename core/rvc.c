/* Expansion of RV64GC compressed instructions to their 32-bit equivalents.
 *
 * Every compressed instruction is defined by the architecture as an exact
 * 32-bit instruction, so the rest of the decoder only ever sees 32-bit
 * encodings. HINT encodings are legal and expand like their non-HINT
 * neighbours (the result has no architectural effect beyond what the 32-bit
 * form does). Reserved encodings return 0, which is itself not a valid 32-bit
 * instruction (its low bits are not 11), so callers can treat 0 as illegal.
 */
#include "decode.h"
#include "isa.h"

#define REG_RA 1
#define REG_SP 2

/* Bits hi..lo of c, shifted down to bit 0. */
static inline uint32_t bits(uint32_t c, unsigned hi, unsigned lo)
{
	return (c >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* The 3-bit register fields of the CIW/CL/CS/CA/CB formats name x8..x15. */
static inline uint32_t creg(uint32_t c, unsigned lo)
{
	return 8 + bits(c, lo + 2, lo);
}

/* Full 5-bit register fields of the CR/CI/CSS formats. */
static inline uint32_t c_rd(uint32_t c)
{
	return bits(c, 11, 7);
}
static inline uint32_t c_rs2(uint32_t c)
{
	return bits(c, 6, 2);
}

/* 32-bit encoders. Immediates arrive already sign-extended; only the bits the
 * format holds are kept. */
static uint32_t enc_r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3,
		      uint32_t rd, uint32_t opc)
{
	return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_i(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd,
		      uint32_t opc)
{
	return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 |
	       opc;
}

static uint32_t enc_s(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3,
		      uint32_t opc)
{
	uint32_t u = (uint32_t)imm;
	return bits(u, 11, 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
	       bits(u, 4, 0) << 7 | opc;
}

static uint32_t enc_b(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
	uint32_t u = (uint32_t)imm;
	return bits(u, 12, 12) << 31 | bits(u, 10, 5) << 25 | rs2 << 20 |
	       rs1 << 15 | f3 << 12 | bits(u, 4, 1) << 8 |
	       bits(u, 11, 11) << 7 | OP_BRANCH;
}

static uint32_t enc_j(int32_t imm, uint32_t rd)
{
	uint32_t u = (uint32_t)imm;
	return bits(u, 20, 20) << 31 | bits(u, 10, 1) << 21 |
	       bits(u, 11, 11) << 20 | bits(u, 19, 12) << 12 | rd << 7 | OP_JAL;
}

/* Immediate decoders, one per scrambled layout. */

/* CI: imm[5] at 12, imm[4:0] at 6:2, signed. */
static int32_t imm_ci(uint32_t c)
{
	return sext(bits(c, 12, 12) << 5 | bits(c, 6, 2), 6);
}

/* C.ADDI4SPN: nzuimm[5:4|9:6|2|3] at 12:5. */
static uint32_t imm_addi4spn(uint32_t c)
{
	return bits(c, 12, 11) << 4 | bits(c, 10, 7) << 6 | bits(c, 6, 6) << 2 |
	       bits(c, 5, 5) << 3;
}

/* C.LW/C.SW: uimm[5:3] at 12:10, uimm[2] at 6, uimm[6] at 5. */
static uint32_t imm_clw(uint32_t c)
{
	return bits(c, 12, 10) << 3 | bits(c, 6, 6) << 2 | bits(c, 5, 5) << 6;
}

/* C.LD/C.SD/C.FLD/C.FSD: uimm[5:3] at 12:10, uimm[7:6] at 6:5. */
static uint32_t imm_cld(uint32_t c)
{
	return bits(c, 12, 10) << 3 | bits(c, 6, 5) << 6;
}

/* C.ADDI16SP: nzimm[9] at 12, nzimm[4|6|8:7|5] at 6:2, signed. */
static int32_t imm_addi16sp(uint32_t c)
{
	return sext(bits(c, 12, 12) << 9 | bits(c, 6, 6) << 4 |
			    bits(c, 5, 5) << 6 | bits(c, 4, 3) << 7 |
			    bits(c, 2, 2) << 5,
		    10);
}

/* C.J/C.JAL: offset[11|4|9:8|10|6|7|3:1|5] at 12:2, signed. */
static int32_t imm_cj(uint32_t c)
{
	return sext(bits(c, 12, 12) << 11 | bits(c, 11, 11) << 4 |
			    bits(c, 10, 9) << 8 | bits(c, 8, 8) << 10 |
			    bits(c, 7, 7) << 6 | bits(c, 6, 6) << 7 |
			    bits(c, 5, 3) << 1 | bits(c, 2, 2) << 5,
		    12);
}

/* C.BEQZ/C.BNEZ: offset[8|4:3] at 12:10, offset[7:6|2:1|5] at 6:2, signed. */
static int32_t imm_cb(uint32_t c)
{
	return sext(bits(c, 12, 12) << 8 | bits(c, 11, 10) << 3 |
			    bits(c, 6, 5) << 6 | bits(c, 4, 3) << 1 |
			    bits(c, 2, 2) << 5,
		    9);
}

/* C.LWSP: uimm[5] at 12, uimm[4:2|7:6] at 6:2. */
static uint32_t imm_lwsp(uint32_t c)
{
	return bits(c, 12, 12) << 5 | bits(c, 6, 4) << 2 | bits(c, 3, 2) << 6;
}

/* C.LDSP/C.FLDSP: uimm[5] at 12, uimm[4:3|8:6] at 6:2. */
static uint32_t imm_ldsp(uint32_t c)
{
	return bits(c, 12, 12) << 5 | bits(c, 6, 5) << 3 | bits(c, 4, 2) << 6;
}

/* C.SWSP: uimm[5:2|7:6] at 12:7. */
static uint32_t imm_swsp(uint32_t c)
{
	return bits(c, 12, 9) << 2 | bits(c, 8, 7) << 6;
}

/* C.SDSP/C.FSDSP: uimm[5:3|8:6] at 12:7. */
static uint32_t imm_sdsp(uint32_t c)
{
	return bits(c, 12, 10) << 3 | bits(c, 9, 7) << 6;
}

/* Quadrant 0: stack-pointer-based ADDI and register-based loads/stores. */
static uint32_t expand_q0(uint32_t c)
{
	uint32_t rd = creg(c, 2), rs1 = creg(c, 7), rs2 = creg(c, 2);

	switch (bits(c, 15, 13)) {
	case 0: {
		/* A zero immediate is reserved; this also makes the all-zero
		 * halfword illegal, which is the point of that rule. */
		uint32_t imm = imm_addi4spn(c);
		if (imm == 0) {
			return 0;
		}
		return enc_i((int32_t)imm, REG_SP, 0, rd, OP_OP_IMM);
	}
	case 1: return enc_i((int32_t)imm_cld(c), rs1, 3, rd, OP_LOAD_FP);
	case 2: return enc_i((int32_t)imm_clw(c), rs1, 2, rd, OP_LOAD);
	case 3: return enc_i((int32_t)imm_cld(c), rs1, 3, rd, OP_LOAD);
	case 5: return enc_s((int32_t)imm_cld(c), rs2, rs1, 3, OP_STORE_FP);
	case 6: return enc_s((int32_t)imm_clw(c), rs2, rs1, 2, OP_STORE);
	case 7: return enc_s((int32_t)imm_cld(c), rs2, rs1, 3, OP_STORE);
	default: return 0; /* funct3 4 is reserved in RV64GC */
	}
}

/* C.SRLI/C.SRAI/C.ANDI and the register-register ALU group (funct3 100). */
static uint32_t expand_q1_alu(uint32_t c)
{
	uint32_t rd = creg(c, 7), rs2 = creg(c, 2);
	/* RV64 shifts take a 6-bit shamt; all are legal, 0 being a HINT. */
	uint32_t shamt = bits(c, 12, 12) << 5 | bits(c, 6, 2);
	/* funct3/funct7 for SUB, XOR, OR, AND and SUBW, ADDW, indexed by
	 * bits 6:5. */
	static const uint8_t f3_op[4] = {0, 4, 6, 7};
	static const uint8_t f7_op[4] = {0x20, 0, 0, 0};

	switch (bits(c, 11, 10)) {
	case 0: return enc_i((int32_t)shamt, rd, 5, rd, OP_OP_IMM);
	case 1: return enc_i((int32_t)(0x400 | shamt), rd, 5, rd, OP_OP_IMM);
	case 2: return enc_i(imm_ci(c), rd, 7, rd, OP_OP_IMM);
	default: break;
	}

	uint32_t sel = bits(c, 6, 5);
	if (!bits(c, 12, 12)) {
		return enc_r(f7_op[sel], rs2, rd, f3_op[sel], rd, OP_OP);
	}
	/* Only SUBW and ADDW exist here; the other two are reserved. */
	if (sel >= 2) {
		return 0;
	}
	return enc_r(f7_op[sel], rs2, rd, 0, rd, OP_OP_32);
}

/* C.ADDI16SP when rd is sp, otherwise C.LUI (funct3 011). */
static uint32_t expand_q1_lui(uint32_t c)
{
	uint32_t rd = c_rd(c);

	if (rd == REG_SP) {
		int32_t imm = imm_addi16sp(c);
		if (imm == 0) {
			return 0; /* reserved */
		}
		return enc_i(imm, REG_SP, 0, REG_SP, OP_OP_IMM);
	}
	/* A zero immediate is reserved; rd=0 is a HINT. The 6-bit immediate
	 * is imm[17:12] sign-extended, so its low 20 bits are exactly the LUI
	 * immediate field. */
	int32_t imm = imm_ci(c);
	if (imm == 0) {
		return 0;
	}
	return ((uint32_t)imm & 0xfffff) << 12 | rd << 7 | OP_LUI;
}

/* Quadrant 1: immediates, ALU operations, jumps and branches. */
static uint32_t expand_q1(uint32_t c)
{
	uint32_t rd = c_rd(c);

	switch (bits(c, 15, 13)) {
	case 0: /* C.ADDI; rd=0 or imm=0 are HINTs (C.NOP included) */
		return enc_i(imm_ci(c), rd, 0, rd, OP_OP_IMM);
	case 1: /* C.ADDIW; rd=0 is reserved */
		if (rd == 0) {
			return 0;
		}
		return enc_i(imm_ci(c), rd, 0, rd, OP_OP_IMM_32);
	case 2: /* C.LI; rd=0 is a HINT */
		return enc_i(imm_ci(c), 0, 0, rd, OP_OP_IMM);
	case 3: return expand_q1_lui(c);
	case 4: return expand_q1_alu(c);
	case 5: return enc_j(imm_cj(c), 0);
	case 6: return enc_b(imm_cb(c), 0, creg(c, 7), 0);
	default: return enc_b(imm_cb(c), 0, creg(c, 7), 1);
	}
}

/* Quadrant 2, funct3 100: C.JR, C.MV, C.EBREAK, C.JALR, C.ADD. */
static uint32_t expand_q2_cr(uint32_t c)
{
	uint32_t rd = c_rd(c), rs2 = c_rs2(c);

	if (!bits(c, 12, 12)) {
		if (rs2 != 0) {
			/* C.MV is defined as ADD, not ADDI; rd=0 is a HINT */
			return enc_r(0, rs2, 0, 0, rd, OP_OP);
		}
		if (rd == 0) {
			return 0; /* C.JR with rs1=0 is reserved */
		}
		return enc_i(0, rd, 0, 0, OP_JALR);
	}
	if (rs2 != 0) {
		/* C.ADD; rd=0 is a HINT */
		return enc_r(0, rs2, rd, 0, rd, OP_OP);
	}
	if (rd == 0) {
		return enc_i(1, 0, 0, 0, OP_SYSTEM); /* EBREAK */
	}
	return enc_i(0, rd, 0, REG_RA, OP_JALR);
}

/* Quadrant 2: C.SLLI, stack-pointer loads/stores and the CR group. */
static uint32_t expand_q2(uint32_t c)
{
	uint32_t rd = c_rd(c), rs2 = c_rs2(c);

	switch (bits(c, 15, 13)) {
	case 0: {
		/* RV64: shamt[5] is allowed; rd=0 or shamt=0 are HINTs */
		uint32_t shamt = bits(c, 12, 12) << 5 | bits(c, 6, 2);
		return enc_i((int32_t)shamt, rd, 1, rd, OP_OP_IMM);
	}
	case 1: /* C.FLDSP: any f register, f0 included */
		return enc_i((int32_t)imm_ldsp(c), REG_SP, 3, rd, OP_LOAD_FP);
	case 2: /* C.LWSP; rd=0 is reserved */
		if (rd == 0) {
			return 0;
		}
		return enc_i((int32_t)imm_lwsp(c), REG_SP, 2, rd, OP_LOAD);
	case 3: /* C.LDSP; rd=0 is reserved */
		if (rd == 0) {
			return 0;
		}
		return enc_i((int32_t)imm_ldsp(c), REG_SP, 3, rd, OP_LOAD);
	case 4: return expand_q2_cr(c);
	case 5: return enc_s((int32_t)imm_sdsp(c), rs2, REG_SP, 3, OP_STORE_FP);
	case 6: return enc_s((int32_t)imm_swsp(c), rs2, REG_SP, 2, OP_STORE);
	default: return enc_s((int32_t)imm_sdsp(c), rs2, REG_SP, 3, OP_STORE);
	}
}

uint32_t rvc_expand(uint16_t c)
{
	switch (c & 3) {
	case 0: return expand_q0(c);
	case 1: return expand_q1(c);
	case 2: return expand_q2(c);
	default: return 0; /* not a compressed encoding */
	}
}
