/* Decoding encodings into struct insn: the instruction table (isa.def)
 * says which instruction an encoding is and which operand fields it has;
 * this file finds the row and extracts them. Runs once per instruction per
 * block build; an index by opcode and funct3 keeps it as cheap as a
 * hand-written switch. */
#include "decode.h"
#include "exec.h"
#include "fp_ops.h"
#include "isa.h"

int exec_illegal(struct hart *h, const struct insn *in)
{
	return hart_illegal(h, in);
}

bool decode_ends_block(const struct isa_insn *row)
{
	return !row || (row->flags & ISA_ENDS_BLOCK);
}

/* 5 and 6 are reserved rounding modes; 7 selects frm at execution time.
 * The buckets are by funct3, so rows whose funct3 is a rounding mode are
 * simply left out of the buckets of reserved ones. */
static bool decode_rm_valid(const struct isa_insn *row, uint32_t raw)
{
	uint32_t rm = insn_funct3(raw);
	return !isa_format_rounds((enum isa_format)row->format) ||
	       rm <= FP_RMM || rm == FP_DYN;
}

/* The rows that may take an encoding, by its opcode bits 6:2 and funct3
 * (decode_bucket): bucket b's candidates are decode_cands[decode_at[b]] up
 * to decode_cands[decode_at[b + 1]], in table order, since the first row
 * that takes an encoding wins. Most buckets hold one to four, so decoding
 * compares few masks. A row fixes its opcode, so it is in at most the 8
 * buckets of its funct3 values. Built before main, so no decoder ever sees
 * it half made. */
#define DECODE_BUCKETS 256
struct decode_cand {
	uint32_t mask, match;
	const struct isa_insn *row;
};
static uint16_t decode_at[DECODE_BUCKETS + 1];
static struct decode_cand decode_cands[8 * ISA_NINSNS];

static unsigned decode_bucket(uint32_t raw)
{
	return (raw & ISA_OPCODE_MASK) >> 2 << 3 | insn_funct3(raw);
}

__attribute__((constructor)) static void decode_index_build(void)
{
	unsigned n = 0;
	for (unsigned b = 0; b < DECODE_BUCKETS; b++) {
		/* The opcode and funct3 bits of bucket b's encodings. */
		uint32_t enc = (b >> 3) << 2 | 3 | (b & 7) << 12;
		decode_at[b] = (uint16_t)n;
		for (unsigned i = 0; i < ISA_NINSNS; i++) {
			const struct isa_insn *row = &isa_insns[i];
			uint32_t m = row->mask & (ISA_OPCODE_MASK | 0x7000);
			if ((enc & m) == (row->match & m) &&
			    decode_rm_valid(row, enc))
				decode_cands[n++] = (struct decode_cand){
					row->mask, row->match, row};
		}
	}
	decode_at[DECODE_BUCKETS] = (uint16_t)n;
}

/* The row that takes a 32-bit encoding, or NULL for an illegal or reserved
 * one. */
static const struct isa_insn *decode_find(uint32_t raw)
{
	if ((raw & 3) != 3)
		return NULL; /* a compressed encoding, or rvc_expand's 0 */
	unsigned b = decode_bucket(raw);
	const struct decode_cand *c = &decode_cands[decode_at[b]];
	const struct decode_cand *end = &decode_cands[decode_at[b + 1]];
	for (; c < end; c++)
		if ((raw & c->mask) == c->match)
			return c->row;
	return NULL;
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

/* The register and control fields each format has (see enum isa_format). */
enum {
	OPD_XRD = 1 << 0, /* integer rd, through xrd() */
	OPD_FRD = 1 << 1, /* FP rd, as it is */
	OPD_RS1 = 1 << 2,
	OPD_RS2 = 1 << 3,
	OPD_RS3 = 1 << 4,
	OPD_RM = 1 << 5,
	OPD_CSR = 1 << 6,
	OPD_AQRL = 1 << 7,
};

static const uint8_t decode_fields[] = {
	[ISA_FMT_R] = OPD_XRD | OPD_RS1 | OPD_RS2,
	[ISA_FMT_I] = OPD_XRD | OPD_RS1,
	[ISA_FMT_S] = OPD_RS1 | OPD_RS2,
	[ISA_FMT_B] = OPD_RS1 | OPD_RS2,
	[ISA_FMT_U] = OPD_XRD,
	[ISA_FMT_J] = OPD_XRD,
	[ISA_FMT_SH6] = OPD_XRD | OPD_RS1,
	[ISA_FMT_SH5] = OPD_XRD | OPD_RS1,
	[ISA_FMT_CSR] = OPD_XRD | OPD_RS1 | OPD_CSR,
	[ISA_FMT_CSRI] = OPD_XRD | OPD_CSR,
	[ISA_FMT_AMO] = OPD_XRD | OPD_RS1 | OPD_RS2 | OPD_AQRL,
	[ISA_FMT_FLOAD] = OPD_FRD | OPD_RS1,
	[ISA_FMT_FSTORE] = OPD_RS1 | OPD_RS2,
	[ISA_FMT_FR] = OPD_FRD | OPD_RS1 | OPD_RS2,
	[ISA_FMT_FR_RM] = OPD_FRD | OPD_RS1 | OPD_RS2 | OPD_RM,
	[ISA_FMT_FR4_RM] = OPD_FRD | OPD_RS1 | OPD_RS2 | OPD_RS3 | OPD_RM,
	[ISA_FMT_FX] = OPD_XRD | OPD_RS1 | OPD_RS2,
	[ISA_FMT_FX_RM] = OPD_XRD | OPD_RS1 | OPD_RS2 | OPD_RM,
};

/* The immediate of `format`, or 0 for a format without one. */
static int64_t decode_imm(uint32_t raw, enum isa_format format)
{
	switch (format) {
	case ISA_FMT_I:
	case ISA_FMT_FLOAD: return insn_imm_i(raw);
	case ISA_FMT_S:
	case ISA_FMT_FSTORE: return insn_imm_s(raw);
	case ISA_FMT_B: return imm_b(raw);
	case ISA_FMT_U: return imm_u(raw);
	case ISA_FMT_J: return imm_j(raw);
	case ISA_FMT_SH6: return (raw >> 20) & 63;
	case ISA_FMT_SH5: return (raw >> 20) & 31;
	case ISA_FMT_CSRI: return insn_rs1(raw);
	default: return 0;
	}
}

/* Fill the operand fields that `format` has; the others stay 0. */
static void decode_operands(struct insn *in, uint32_t raw,
			    enum isa_format format)
{
	unsigned f = decode_fields[format];

	if (f & OPD_XRD)
		in->rd = xrd(insn_rd(raw));
	if (f & OPD_FRD)
		in->rd = (uint8_t)insn_rd(raw);
	if (f & OPD_RS1)
		in->rs1 = (uint8_t)insn_rs1(raw);
	if (f & OPD_RS2)
		in->rs2 = (uint8_t)insn_rs2(raw);
	if (f & OPD_RS3)
		in->rs3 = (uint8_t)insn_rs3(raw);
	if (f & OPD_RM)
		in->rm = (uint8_t)insn_funct3(raw);
	if (f & OPD_CSR)
		in->csr = (uint16_t)(raw >> 20);
	if (f & OPD_AQRL)
		in->aqrl = (uint8_t)((raw >> 25) & 3);
	in->imm = decode_imm(raw, format);
}

const struct isa_insn *decode_insn(struct insn *in, uint32_t raw)
{
	const struct isa_insn *row = decode_find(raw);
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
