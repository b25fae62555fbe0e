/* The instruction set, declared once: the major opcodes, the operand
 * formats and row kinds that isa.def's rows use, and the rows themselves as
 * data for the decoder, the block builder and the tests. */
#ifndef REWIND_CORE_ISA_H
#define REWIND_CORE_ISA_H

#include "hart.h"

/* Major opcodes: bits 6:0 of a 32-bit encoding (bits 1:0 are 11; anything
 * else is a 16-bit compressed encoding). */
enum isa_opcode {
	OP_LOAD = 0x03,
	OP_LOAD_FP = 0x07,
	OP_MISC_MEM = 0x0f,
	OP_OP_IMM = 0x13,
	OP_AUIPC = 0x17,
	OP_OP_IMM_32 = 0x1b,
	OP_STORE = 0x23,
	OP_STORE_FP = 0x27,
	OP_AMO = 0x2f,
	OP_OP = 0x33,
	OP_LUI = 0x37,
	OP_OP_32 = 0x3b,
	OP_MADD = 0x43,
	OP_MSUB = 0x47,
	OP_NMSUB = 0x4b,
	OP_NMADD = 0x4f,
	OP_OP_FP = 0x53,
	OP_BRANCH = 0x63,
	OP_JALR = 0x67,
	OP_JAL = 0x6f,
	OP_SYSTEM = 0x73,
};
#define ISA_OPCODE_MASK 0x7fu

/* Which operand fields an encoding has, so which struct insn fields the
 * decoder fills. Integer destinations go through xrd() (x0 is the sink);
 * FP ones name f0..f31 as they are. */
enum isa_format {
	ISA_FMT_R,	/* rd, rs1, rs2 */
	ISA_FMT_I,	/* rd, rs1, 12-bit signed imm */
	ISA_FMT_S,	/* rs1, rs2, 12-bit signed imm */
	ISA_FMT_B,	/* rs1, rs2, 13-bit signed even offset */
	ISA_FMT_U,	/* rd, imm[31:12] sign-extended */
	ISA_FMT_J,	/* rd, 21-bit signed even offset */
	ISA_FMT_SH6,	/* rd, rs1, 6-bit shift amount */
	ISA_FMT_SH5,	/* rd, rs1, 5-bit shift amount */
	ISA_FMT_CSR,	/* rd, rs1, csr */
	ISA_FMT_CSRI,	/* rd, csr, 5-bit zero-extended imm in the rs1 field */
	ISA_FMT_AMO,	/* rd, rs1, rs2, aqrl */
	ISA_FMT_FLOAD,	/* FP rd, rs1, 12-bit signed imm */
	ISA_FMT_FSTORE, /* rs1, FP rs2, 12-bit signed imm */
	ISA_FMT_FR,	/* FP rd, rs1, rs2 */
	ISA_FMT_FR_RM,	/* FP rd, rs1, rs2, rm */
	ISA_FMT_FR4_RM, /* FP rd, rs1, rs2, rs3, rm */
	ISA_FMT_FX,	/* integer rd, rs1, rs2 */
	ISA_FMT_FX_RM,	/* integer rd, rs1, rs2, rm */
};

/* Formats whose funct3 field is a rounding mode (FP_RNE..FP_RMM, FP_DYN). */
static inline bool isa_format_rounds(enum isa_format f)
{
	return f == ISA_FMT_FR_RM || f == ISA_FMT_FR4_RM || f == ISA_FMT_FX_RM;
}

/* Row flags, from isa.def's kind column. */
enum {
	/* The block ends after it: it may change control flow, privilege,
	 * translation or interrupt state, and interrupts must be checked
	 * right after anything that could have enabled them. */
	ISA_ENDS_BLOCK = 1,
	/* Side-effect free: with rd = x0 it does nothing (exec_nop). */
	ISA_X0_NOP = 2,
};
#define ISA_FLAGS_PLAIN	 0
#define ISA_FLAGS_DROP	 ISA_X0_NOP
#define ISA_FLAGS_END	 ISA_ENDS_BLOCK
#define ISA_FLAGS_BRANCH ISA_ENDS_BLOCK
/* A conditional branch also has a handler that falls through to the next
 * record of its block when not taken (exec_<name>_in). */
#define ISA_FN_IN_PLAIN(name)  NULL
#define ISA_FN_IN_DROP(name)   NULL
#define ISA_FN_IN_END(name)    NULL
#define ISA_FN_IN_BRANCH(name) exec_##name##_in
/* ...which exec.h declares. */
#define ISA_DECLARE_IN_PLAIN(name)
#define ISA_DECLARE_IN_DROP(name)
#define ISA_DECLARE_IN_END(name)
#define ISA_DECLARE_IN_BRANCH(name) EXEC_DECLARE(name##_in);

struct isa_insn {
	const char *name;  /* the mnemonic, '.' spelled '_' */
	const char *tests; /* ISA tests under guests/isa/, space-separated */
	insn_fn fn;
	insn_fn fn_in;	      /* branch-in variant, or NULL */
	uint32_t match, mask; /* opcode bits included */
	uint8_t format;	      /* enum isa_format */
	uint8_t flags;
};

/* Row numbers: isa_insns[ISA_ROW_beq] is beq's row. */
enum {
#define INSN(name, op, match, mask, fmt, kind, tests) ISA_ROW_##name,
#include "isa.def"
#undef INSN
	ISA_NINSNS
};

/* The rows of isa.def, in its order. decode_insn says which one takes an
 * encoding. */
extern const struct isa_insn isa_insns[ISA_NINSNS];

#endif
