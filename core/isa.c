/* The rows of isa.def as data, for the decoder, the block builder and the
 * tests. */
#include "isa.h"
#include "exec.h"

const struct isa_insn isa_insns[ISA_NINSNS] = {
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
