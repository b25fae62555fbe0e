/* Wait loops (waitloop.h). */
#include "waitloop.h"
#include "bus.h"
#include "decode.h"
#include "exec.h"
#include "isa.h"

#include <string.h>

/* What a wait loop's body may hold besides its exits. */
static bool waitloop_row_plain(int row)
{
	switch (row) {
	case ISA_ROW_lb:
	case ISA_ROW_lh:
	case ISA_ROW_lw:
	case ISA_ROW_ld:
	case ISA_ROW_lbu:
	case ISA_ROW_lhu:
	case ISA_ROW_lwu:
	case ISA_ROW_fence:
	case ISA_ROW_nop:
	case ISA_ROW_li:
	case ISA_ROW_mv:
	case ISA_ROW_lui:
	case ISA_ROW_auipc:
	case ISA_ROW_addi:
	case ISA_ROW_slli:
	case ISA_ROW_slti:
	case ISA_ROW_sltiu:
	case ISA_ROW_xori:
	case ISA_ROW_srli:
	case ISA_ROW_srai:
	case ISA_ROW_ori:
	case ISA_ROW_andi:
	case ISA_ROW_addiw:
	case ISA_ROW_slliw:
	case ISA_ROW_srliw:
	case ISA_ROW_sraiw:
	case ISA_ROW_add:
	case ISA_ROW_sub:
	case ISA_ROW_sll:
	case ISA_ROW_slt:
	case ISA_ROW_sltu:
	case ISA_ROW_xor:
	case ISA_ROW_srl:
	case ISA_ROW_sra:
	case ISA_ROW_or:
	case ISA_ROW_and:
	case ISA_ROW_addw:
	case ISA_ROW_subw:
	case ISA_ROW_sllw:
	case ISA_ROW_srlw:
	case ISA_ROW_sraw: return true;
	default: return false;
	}
}

static bool waitloop_row_branch(int row)
{
	return row == ISA_ROW_beq || row == ISA_ROW_bne || row == ISA_ROW_blt ||
	       row == ISA_ROW_bge || row == ISA_ROW_bltu || row == ISA_ROW_bgeu;
}

static uint64_t waitloop_bit(unsigned r)
{
	return r && r < 32 ? 1ull << r : 0; /* x0 and the sink carry nothing */
}

bool waitloop_check(const uint8_t *page, uint32_t from, uint32_t to)
{
	struct insn body[WAITLOOP_MAX_INSNS];
	uint64_t written = 0;
	uint32_t n = 0, off = from;
	if (to > PAGE_SIZE - 2)
		return false;
	for (;;) {
		if (n == WAITLOOP_MAX_INSNS || off > to)
			return false;
		struct insn *in = &body[n++];
		const struct isa_insn *row;
		uint16_t lo;
		memcpy(&lo, page + off, 2);
		if ((lo & 3) != 3) {
			row = decode_compressed(in, lo);
		} else {
			uint32_t raw;
			if (PAGE_SIZE - off < 4)
				return false;
			memcpy(&raw, page + off, 4);
			row = decode_insn(in, raw);
		}
		if (!row)
			return false;
		int r = (int)(row - isa_insns);
		if (off == to) {
			/* The closing branch: back to the start, nothing kept.
			 */
			if (!waitloop_row_branch(r) &&
			    !(r == ISA_ROW_jal && !waitloop_bit(in->rd)))
				return false;
			break;
		}
		/* A branch inside may only leave the loop. */
		if (waitloop_row_branch(r)
			    ? (int64_t)off + in->imm <= (int64_t)to
			    : !waitloop_row_plain(r))
			return false;
		written |= waitloop_bit(in->rd);
		off += in->len;
	}
	/* Nothing read before this iteration wrote it. */
	uint64_t defined = 0;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t reads =
			waitloop_bit(body[i].rs1) | waitloop_bit(body[i].rs2);
		if (reads & written & ~defined)
			return false;
		defined |= waitloop_bit(body[i].rd);
	}
	return true;
}

void waitloop_mark(struct insn *in, const uint8_t *page, uint32_t off)
{
	if (in->imm >= 0 || (int64_t)off + in->imm < 0)
		return;
	insn_fn yielding = exec_waitloop_variant(in->fn);
	if (yielding &&
	    waitloop_check(page, (uint32_t)((int64_t)off + in->imm), off))
		in->fn = yielding;
}
