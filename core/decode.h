/* Instruction decoding into struct insn, driven by the instruction table
 * (isa.def). */
#ifndef REWIND_CORE_DECODE_H
#define REWIND_CORE_DECODE_H

#include "hart.h"

struct isa_insn;

/* Fill *in (fn, operands, raw, len 4; off and idx 0) from a 32-bit encoding
 * and return its table row. Unknown or reserved encodings get the
 * illegal-instruction handler and NULL; this never fails. */
const struct isa_insn *decode_insn(struct insn *in, uint32_t raw);

/* The same for a 16-bit compressed encoding: expanded, with len 2 and raw
 * the 16 bits as fetched. */
const struct isa_insn *decode_compressed(struct insn *in, uint16_t bits);

/* Expand a 16-bit compressed encoding to its 32-bit equivalent; returns 0 for
 * an illegal or reserved compressed encoding (including 0x0000). */
uint32_t rvc_expand(uint16_t c);

/* The handler decode_insn installs for illegal encodings. */
int exec_illegal(struct hart *h, const struct insn *in);

/* True when an instruction (its table row; NULL: illegal) must end its
 * block. */
bool decode_ends_block(const struct isa_insn *row);

/* Field extraction shared by decoders. */
static inline uint32_t insn_rd(uint32_t r)
{
	return (r >> 7) & 31;
}
static inline uint32_t insn_rs1(uint32_t r)
{
	return (r >> 15) & 31;
}
static inline uint32_t insn_rs2(uint32_t r)
{
	return (r >> 20) & 31;
}
static inline uint32_t insn_rs3(uint32_t r)
{
	return (r >> 27) & 31;
}
static inline uint32_t insn_funct3(uint32_t r)
{
	return (r >> 12) & 7;
}
/* Sign-extend the low `bits` bits of v. */
static inline int64_t sext(uint64_t v, unsigned bits)
{
	return (int64_t)(v << (64 - bits)) >> (64 - bits);
}
static inline int64_t insn_imm_i(uint32_t r)
{
	return sext(r >> 20, 12);
}
static inline int64_t insn_imm_s(uint32_t r)
{
	return sext((r >> 25) << 5 | ((r >> 7) & 31), 12);
}

#endif
