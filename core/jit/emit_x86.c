/* The x86-64 encoder: REX prefix, ModRM/SIB addressing and the opcodes the
 * translation tier needs, nothing more. */
#include "emit_x86.h"

#include <string.h>

void x86_byte(struct x86 *e, uint8_t b)
{
	if (e->p >= e->end) {
		e->overflow = true;
		return;
	}
	*e->p++ = b;
}

void x86_u32(struct x86 *e, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		x86_byte(e, (uint8_t)(v >> (8 * i)));
}

void x86_u64(struct x86 *e, uint64_t v)
{
	x86_u32(e, (uint32_t)v);
	x86_u32(e, (uint32_t)(v >> 32));
}

/* The REX prefix when any bit is set or a byte register other than
 * al..bl is named (force). */
static void x86_rex(struct x86 *e, bool w, int reg, int index, int base,
		    bool force)
{
	uint8_t rex = (uint8_t)(0x40 | (w ? 8 : 0) | ((reg & 8) ? 4 : 0) |
				((index & 8) ? 2 : 0) | ((base & 8) ? 1 : 0));
	if (rex != 0x40 || force)
		x86_byte(e, rex);
}

/* Opcode bytes: one, or 0x0f and a second when op > 0xff. */
static void x86_opcode(struct x86 *e, unsigned op)
{
	if (op > 0xff)
		x86_byte(e, (uint8_t)(op >> 8));
	x86_byte(e, (uint8_t)op);
}

/* ModRM (and SIB, displacement) for [base + disp]. */
static void x86_modrm_mem(struct x86 *e, int reg, int base, int32_t disp)
{
	unsigned mod = disp == 0 && (base & 7) != RBP ? 0
		       : disp >= -128 && disp <= 127  ? 1
						      : 2;
	x86_byte(e, (uint8_t)(mod << 6 | (reg & 7) << 3 | (base & 7)));
	if ((base & 7) == RSP)
		x86_byte(e, 0x24); /* SIB: no index, base */
	if (mod == 1)
		x86_byte(e, (uint8_t)disp);
	else if (mod == 2)
		x86_u32(e, (uint32_t)disp);
}

/* op reg, [base + disp] (or the reverse direction, by opcode). */
static void x86_op_mem(struct x86 *e, bool p66, bool w, unsigned op, int reg,
		       int base, int32_t disp, bool force_rex)
{
	if (p66)
		x86_byte(e, 0x66);
	x86_rex(e, w, reg, 0, base, force_rex);
	x86_opcode(e, op);
	x86_modrm_mem(e, reg, base, disp);
}

/* op reg, rm (register direct). */
static void x86_op_reg(struct x86 *e, bool w, unsigned op, int reg, int rm)
{
	x86_rex(e, w, reg, 0, rm, false);
	x86_opcode(e, op);
	x86_byte(e, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

/* op reg, [base + index]. */
static void x86_op_idx(struct x86 *e, bool p66, bool w, unsigned op, int reg,
		       int base, int index, bool force_rex)
{
	if (p66)
		x86_byte(e, 0x66);
	x86_rex(e, w, reg, index, base, force_rex);
	x86_opcode(e, op);
	bool disp8 = (base & 7) == RBP; /* mod 00 with base 101 means disp32 */
	x86_byte(e, (uint8_t)((disp8 ? 0x40 : 0) | (reg & 7) << 3 | 4));
	x86_byte(e, (uint8_t)((index & 7) << 3 | (base & 7)));
	if (disp8)
		x86_byte(e, 0);
}

void x86_mov_rr(struct x86 *e, bool w, int dst, int src)
{
	x86_op_reg(e, w, 0x8b, dst, src);
}

void x86_load(struct x86 *e, bool w, int dst, int base, int32_t disp)
{
	x86_op_mem(e, false, w, 0x8b, dst, base, disp, false);
}

void x86_store(struct x86 *e, bool w, int base, int32_t disp, int src)
{
	x86_op_mem(e, false, w, 0x89, src, base, disp, false);
}

void x86_mov_imm(struct x86 *e, int dst, uint64_t imm)
{
	if (imm <= UINT32_MAX) {
		/* mov r32, imm32 zero-extends. */
		x86_rex(e, false, 0, 0, dst, false);
		x86_byte(e, (uint8_t)(0xb8 + (dst & 7)));
		x86_u32(e, (uint32_t)imm);
	} else if ((int64_t)imm >= INT32_MIN && (int64_t)imm <= INT32_MAX) {
		x86_rex(e, true, 0, 0, dst, false);
		x86_byte(e, 0xc7);
		x86_byte(e, (uint8_t)(0xc0 | (dst & 7)));
		x86_u32(e, (uint32_t)imm);
	} else {
		x86_rex(e, true, 0, 0, dst, false);
		x86_byte(e, (uint8_t)(0xb8 + (dst & 7)));
		x86_u64(e, imm);
	}
}

void x86_lea(struct x86 *e, int dst, int base, int32_t disp)
{
	x86_op_mem(e, false, true, 0x8d, dst, base, disp, false);
}

void x86_alu_rm(struct x86 *e, enum x86_alu op, bool w, int dst, int base,
		int32_t disp)
{
	x86_op_mem(e, false, w, (unsigned)op << 3 | 3, dst, base, disp, false);
}

void x86_alu_rr(struct x86 *e, enum x86_alu op, bool w, int dst, int src)
{
	x86_op_reg(e, w, (unsigned)op << 3 | 3, dst, src);
}

void x86_alu_ri(struct x86 *e, enum x86_alu op, bool w, int dst, int32_t imm)
{
	bool small = imm >= -128 && imm <= 127;
	x86_op_reg(e, w, small ? 0x83 : 0x81, (int)op, dst);
	if (small)
		x86_byte(e, (uint8_t)imm);
	else
		x86_u32(e, (uint32_t)imm);
}

void x86_alu_mi(struct x86 *e, enum x86_alu op, bool w, int base, int32_t disp,
		int32_t imm)
{
	bool small = imm >= -128 && imm <= 127;
	x86_op_mem(e, false, w, small ? 0x83 : 0x81, (int)op, base, disp,
		   false);
	if (small)
		x86_byte(e, (uint8_t)imm);
	else
		x86_u32(e, (uint32_t)imm);
}

void x86_alu_mr(struct x86 *e, enum x86_alu op, bool w, int base, int32_t disp,
		int src)
{
	x86_op_mem(e, false, w, (unsigned)op << 3 | 1, src, base, disp, false);
}

void x86_store_imm8(struct x86 *e, int base, int32_t disp, uint8_t imm)
{
	x86_op_mem(e, false, false, 0xc6, 0, base, disp, false);
	x86_byte(e, imm);
}

void x86_test_rr(struct x86 *e, bool w, int a, int b)
{
	x86_op_reg(e, w, 0x85, b, a);
}

void x86_test_rm(struct x86 *e, bool w, int reg, int base, int32_t disp)
{
	x86_op_mem(e, false, w, 0x85, reg, base, disp, false);
}

void x86_shift_ri(struct x86 *e, enum x86_shift op, bool w, int dst, uint8_t n)
{
	x86_op_reg(e, w, 0xc1, (int)op, dst);
	x86_byte(e, n);
}

void x86_shift_cl(struct x86 *e, enum x86_shift op, bool w, int dst)
{
	x86_op_reg(e, w, 0xd3, (int)op, dst);
}

void x86_imul_rm(struct x86 *e, bool w, int dst, int base, int32_t disp)
{
	x86_op_mem(e, false, w, 0x0faf, dst, base, disp, false);
}

void x86_f7(struct x86 *e, unsigned digit, bool w, int src)
{
	x86_op_reg(e, w, 0xf7, (int)digit, src);
}

void x86_f7_m(struct x86 *e, unsigned digit, bool w, int base, int32_t disp)
{
	x86_op_mem(e, false, w, 0xf7, (int)digit, base, disp, false);
}

void x86_cqo(struct x86 *e, bool w)
{
	if (w)
		x86_byte(e, 0x48);
	x86_byte(e, 0x99);
}

void x86_cmov(struct x86 *e, enum x86_cc cc, bool w, int dst, int src)
{
	x86_op_reg(e, w, 0x0f40u | cc, dst, src);
}

void x86_movsxd(struct x86 *e, int dst, int src)
{
	x86_op_reg(e, true, 0x63, dst, src);
}

void x86_setcc_eax(struct x86 *e, enum x86_cc cc)
{
	x86_byte(e, 0x0f);
	x86_byte(e, (uint8_t)(0x90 | cc));
	x86_byte(e, 0xc0);			/* al */
	x86_op_reg(e, false, 0x0fb6, RAX, RAX); /* movzx eax, al */
}

void x86_load_idx(struct x86 *e, unsigned size, bool sign, int dst, int base,
		  int index)
{
	switch (size) {
	case 1:
		x86_op_idx(e, false, sign, sign ? 0x0fbe : 0x0fb6, dst, base,
			   index, false);
		break;
	case 2:
		x86_op_idx(e, false, sign, sign ? 0x0fbf : 0x0fb7, dst, base,
			   index, false);
		break;
	case 4:
		/* movsxd, or a plain 32-bit mov (which zero-extends) */
		x86_op_idx(e, false, sign, sign ? 0x63 : 0x8b, dst, base, index,
			   false);
		break;
	default:
		x86_op_idx(e, false, true, 0x8b, dst, base, index, false);
		break;
	}
}

void x86_store_idx(struct x86 *e, unsigned size, int base, int index, int src)
{
	if (size == 1)
		x86_op_idx(e, false, false, 0x88, src, base, index, src >= 4);
	else
		x86_op_idx(e, size == 2, size == 8, 0x89, src, base, index,
			   false);
}

void x86_push(struct x86 *e, int r)
{
	x86_rex(e, false, 0, 0, r, false);
	x86_byte(e, (uint8_t)(0x50 + (r & 7)));
}

void x86_pop(struct x86 *e, int r)
{
	x86_rex(e, false, 0, 0, r, false);
	x86_byte(e, (uint8_t)(0x58 + (r & 7)));
}

void x86_ret(struct x86 *e)
{
	x86_byte(e, 0xc3);
}

void x86_jmp_m(struct x86 *e, int base, int32_t disp)
{
	x86_op_mem(e, false, false, 0xff, 4, base, disp, false);
}

void x86_call_m(struct x86 *e, int base, int32_t disp)
{
	x86_op_mem(e, false, false, 0xff, 2, base, disp, false);
}

void x86_call_r(struct x86 *e, int r)
{
	x86_op_reg(e, false, 0xff, 2, r);
}

void x86_jmp_r(struct x86 *e, int r)
{
	x86_op_reg(e, false, 0xff, 4, r);
}

size_t x86_jcc_fwd(struct x86 *e, enum x86_cc cc)
{
	x86_byte(e, 0x0f);
	x86_byte(e, (uint8_t)(0x80 | cc));
	x86_u32(e, 0);
	return (size_t)(e->p - e->start);
}

size_t x86_jmp_fwd(struct x86 *e)
{
	x86_byte(e, 0xe9);
	x86_u32(e, 0);
	return (size_t)(e->p - e->start);
}

/* `at` is the offset just after a rel32 field. */
void x86_patch_to(struct x86 *e, size_t at, size_t target)
{
	if (e->overflow)
		return;
	int32_t rel = (int32_t)((int64_t)target - (int64_t)at);
	memcpy(e->start + at - 4, &rel, 4);
}

void x86_patch(struct x86 *e, size_t at)
{
	x86_patch_to(e, at, (size_t)(e->p - e->start));
}
