/* Decoding encodings into struct insn: the instruction table (isa.def)
 * says which instruction an encoding is and which operand fields it has;
 * this file extracts them. Runs once per instruction per block build, so
 * clarity wins over speed here. */
#include "decode.h"
#include "exec.h"
#include "isa.h"

int exec_illegal(struct hart *h, const struct insn *in)
{
	return hart_illegal(h, in);
}

bool decode_ends_block(const struct isa_insn *row)
{
	return !row || (row->flags & ISA_ENDS_BLOCK);
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

static int64_t imm_u(uint32_t r)
{
	return (int64_t)(int32_t)(r & 0xfffff000u);
}

/* Fill the operand fields that `format` has; the others stay 0. */
static void decode_operands(struct insn *in, uint32_t raw,
			    enum isa_format format)
{
	uint8_t rd = (uint8_t)insn_rd(raw), rs1 = (uint8_t)insn_rs1(raw),
		rs2 = (uint8_t)insn_rs2(raw);
	switch (format) {
	case ISA_FMT_R:
	case ISA_FMT_FX:
	case ISA_FMT_FX_RM:
		in->rd = xrd(rd);
		in->rs1 = rs1;
		in->rs2 = rs2;
		break;
	case ISA_FMT_I:
		in->rd = xrd(rd);
		in->rs1 = rs1;
		in->imm = insn_imm_i(raw);
		break;
	case ISA_FMT_S:
	case ISA_FMT_FSTORE:
		in->rs1 = rs1;
		in->rs2 = rs2;
		in->imm = insn_imm_s(raw);
		break;
	case ISA_FMT_B:
		in->rs1 = rs1;
		in->rs2 = rs2;
		in->imm = imm_b(raw);
		break;
	case ISA_FMT_U:
		in->rd = xrd(rd);
		in->imm = imm_u(raw);
		break;
	case ISA_FMT_J:
		in->rd = xrd(rd);
		in->imm = imm_j(raw);
		break;
	case ISA_FMT_SH6:
	case ISA_FMT_SH5:
		in->rd = xrd(rd);
		in->rs1 = rs1;
		in->imm = (raw >> 20) & (format == ISA_FMT_SH6 ? 63 : 31);
		break;
	case ISA_FMT_CSR:
		in->rd = xrd(rd);
		in->rs1 = rs1;
		in->csr = (uint16_t)(raw >> 20);
		break;
	case ISA_FMT_CSRI:
		in->rd = xrd(rd);
		in->imm = rs1;
		in->csr = (uint16_t)(raw >> 20);
		break;
	case ISA_FMT_AMO:
		in->rd = xrd(rd);
		in->rs1 = rs1;
		in->rs2 = rs2;
		in->aqrl = (uint8_t)((raw >> 25) & 3);
		break;
	case ISA_FMT_FLOAD:
		in->rd = rd;
		in->rs1 = rs1;
		in->imm = insn_imm_i(raw);
		break;
	case ISA_FMT_FR4_RM:
		in->rs3 = (uint8_t)insn_rs3(raw);
		/* fall through */
	case ISA_FMT_FR_RM:
	case ISA_FMT_FR:
		in->rd = rd;
		in->rs1 = rs1;
		in->rs2 = rs2;
		break;
	}
	if (isa_format_rounds(format))
		in->rm = (uint8_t)insn_funct3(raw);
}

const struct isa_insn *decode_insn(struct insn *in, uint32_t raw)
{
	const struct isa_insn *row = isa_find(raw);
	*in = (struct insn){.fn = exec_illegal, .raw = raw, .len = 4};
	if (!row)
		return NULL;
	decode_operands(in, raw, (enum isa_format)row->format);
	/* Writes to x0 of a side-effect-free instruction do nothing. */
	bool drop = (row->flags & ISA_X0_NOP) && in->rd == XREG_SINK;
	in->fn = drop ? exec_nop : row->fn;
	return row;
}

const struct isa_insn *decode_compressed(struct insn *in, uint16_t bits)
{
	const struct isa_insn *row = decode_insn(in, rvc_expand(bits));
	in->raw = bits;
	in->len = 2;
	return row;
}
