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

/* 5 and 6 are reserved rounding modes; 7 selects frm at execution time. */
static bool isa_rm_valid(const struct isa_insn *row, uint32_t raw)
{
	uint32_t rm = (raw >> 12) & 7;
	return !isa_format_rounds((enum isa_format)row->format) ||
	       rm <= FP_RMM || rm == FP_DYN;
}

const struct isa_insn *isa_find(uint32_t raw)
{
	uint32_t op = raw & ISA_OPCODE_MASK;
	/* The rows are sorted by opcode: find the first of op's. */
	unsigned lo = 0, hi = isa_ninsns;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if ((isa_insns[mid].match & ISA_OPCODE_MASK) < op)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned i = lo; i < isa_ninsns; i++) {
		const struct isa_insn *row = &isa_insns[i];
		if ((row->match & ISA_OPCODE_MASK) != op)
			break;
		if ((raw & row->mask) == row->match)
			return isa_rm_valid(row, raw) ? row : NULL;
	}
	return NULL;
}
