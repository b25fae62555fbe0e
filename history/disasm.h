/* RISC-V disassembly of one instruction, shared by `rewind trace`, the
 * record post-mortem and the debugger's `monitor x/Ni`. */
#ifndef REWIND_HISTORY_DISASM_H
#define REWIND_HISTORY_DISASM_H

#include <stddef.h>
#include <stdint.h>

/* The length of the instruction whose first halfword is lo16: 2 for a
 * compressed instruction, else 4 (RV64GC has no longer encodings). */
static inline unsigned disasm_insn_len(uint16_t lo16)
{
	return (lo16 & 3) == 3 ? 4 : 2;
}

/* Disassemble the instruction at pc from its len bytes (little-endian, as
 * in memory) into text, e.g. "addi a0,a0,1" (mnemonic, one space,
 * operands; aliases as objdump prints them). Returns the instruction's
 * length (2 or 4), -EINVAL when len is shorter than the instruction or
 * text cannot hold anything; an undecodable instruction gives "unknown"
 * and its length. */
int disasm_one(uint64_t pc, const uint8_t *bytes, size_t len, char *text,
	       size_t textlen);

#endif
