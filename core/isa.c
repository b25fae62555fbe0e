/* The rows of isa.def as data, and the lookup the decoder drives. */
#include "isa.h"
#include "exec.h"
#include "fp_ops.h"

const struct isa_insn isa_insns[] = {
#define INSN(name, op, match, mask, fmt, kind, tests)                          \
	{#name,                                                                \
	 tests,                                                                \
	 exec_##name,                                                          \
	 ISA_FN_IN_##kind(name),                                               \
	 (uint32_t)(op) | (match),                                             \
	 ISA_OPCODE_MASK | (mask),                                             \
	 ISA_FMT_##fmt,                                                        \
	 ISA_FLAGS_##kind},
#include "isa.def"
#undef INSN
};

const unsigned isa_ninsns = sizeof(isa_insns) / sizeof(isa_insns[0]);
_Static_assert(sizeof(isa_insns) / sizeof(isa_insns[0]) < 256,
	       "isa_first and isa_end hold row numbers in a byte");

/* 5 and 6 are reserved rounding modes; 7 selects frm at execution time. */
static bool isa_rm_valid(const struct isa_insn *row, uint32_t raw)
{
	uint32_t rm = (raw >> 12) & 7;
	return !isa_format_rounds((enum isa_format)row->format) ||
	       rm <= FP_RMM || rm == FP_DYN;
}

/* Where each major opcode's rows begin and end, by opcode bits 6:2: the
 * rows are sorted by opcode. Built before main, so no decoder ever sees it
 * half made. */
static uint8_t isa_first[32], isa_end[32];

__attribute__((constructor)) static void isa_index_build(void)
{
	for (unsigned i = isa_ninsns; i-- > 0;) {
		unsigned op = (isa_insns[i].match & ISA_OPCODE_MASK) >> 2;
		if (!isa_end[op])
			isa_end[op] = (uint8_t)(i + 1);
		isa_first[op] = (uint8_t)i;
	}
}

const struct isa_insn *isa_find(uint32_t raw)
{
	if ((raw & 3) != 3)
		return NULL; /* a compressed encoding, or rvc_expand's 0 */
	unsigned op = (raw & ISA_OPCODE_MASK) >> 2;
	for (unsigned i = isa_first[op]; i < isa_end[op]; i++) {
		const struct isa_insn *row = &isa_insns[i];
		if ((raw & row->mask) == row->match)
			return isa_rm_valid(row, raw) ? row : NULL;
	}
	return NULL;
}
