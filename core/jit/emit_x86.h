/* A minimal x86-64 encoder: the few instruction forms the translation tier
 * (core/jit/) emits, into a byte buffer with a bounds check. */
#ifndef REWIND_CORE_JIT_EMIT_X86_H
#define REWIND_CORE_JIT_EMIT_X86_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum x86_reg {
	RAX = 0,
	RCX,
	RDX,
	RBX,
	RSP,
	RBP,
	RSI,
	RDI,
	R8,
	R9,
	R10,
	R11,
	R12,
	R13,
	R14,
	R15,
};

/* Condition codes (the low nibble of jcc / setcc). */
enum x86_cc {
	CC_O = 0x0,
	CC_B = 0x2,
	CC_AE = 0x3,
	CC_E = 0x4,
	CC_NE = 0x5,
	CC_BE = 0x6,
	CC_A = 0x7,
	CC_S = 0x8,
	CC_L = 0xc,
	CC_GE = 0xd,
	CC_LE = 0xe,
	CC_G = 0xf,
};

/* Two-operand ALU operations: the /digit of opcodes 0x81/0x83 (reg, imm),
 * and (op << 3) | 3 is the "reg, r/m" opcode. */
enum x86_alu {
	ALU_ADD = 0,
	ALU_OR = 1,
	ALU_AND = 4,
	ALU_SUB = 5,
	ALU_XOR = 6,
	ALU_CMP = 7,
};

/* Shifts: the /digit of 0xc1 (by imm8) and 0xd3 (by cl). */
enum x86_shift {
	SH_SHL = 4,
	SH_SHR = 5,
	SH_SAR = 7,
};

/* Where code goes: bytes written at p (a writable view) run at the same
 * offset of the executable view, exec - start bytes apart. */
struct x86 {
	uint8_t *start, *p, *end;
	uintptr_t exec; /* the executable address of start */
	bool overflow;	/* ran out of room: the code is unusable */
};

/* The executable address of the next byte. */
static inline uintptr_t x86_here(const struct x86 *e)
{
	return e->exec + (uintptr_t)(e->p - e->start);
}

void x86_byte(struct x86 *e, uint8_t b);
void x86_u32(struct x86 *e, uint32_t v);
void x86_u64(struct x86 *e, uint64_t v);

/* 64-bit (w) or 32-bit register moves and loads/stores at [base + disp]. */
void x86_mov_rr(struct x86 *e, bool w, int dst, int src);
void x86_load(struct x86 *e, bool w, int dst, int base, int32_t disp);
void x86_store(struct x86 *e, bool w, int base, int32_t disp, int src);
void x86_mov_imm(struct x86 *e, int dst, uint64_t imm);
void x86_lea(struct x86 *e, int dst, int base, int32_t disp);
/* dst op= [base + disp], dst op= src, dst op= imm (32-bit sign-extended). */
void x86_alu_rm(struct x86 *e, enum x86_alu op, bool w, int dst, int base,
		int32_t disp);
void x86_alu_rr(struct x86 *e, enum x86_alu op, bool w, int dst, int src);
void x86_alu_ri(struct x86 *e, enum x86_alu op, bool w, int dst, int32_t imm);
/* [base + disp] op= imm: qword (w) or dword. */
void x86_alu_mi(struct x86 *e, enum x86_alu op, bool w, int base, int32_t disp,
		int32_t imm);
/* [base + disp] op= src, 64 bits (w) or 32. */
void x86_alu_mr(struct x86 *e, enum x86_alu op, bool w, int base,
		int32_t disp, int src);
void x86_store_imm8(struct x86 *e, int base, int32_t disp, uint8_t imm);
void x86_test_rr(struct x86 *e, bool w, int a, int b);
void x86_test_rm(struct x86 *e, bool w, int reg, int base, int32_t disp);
void x86_shift_ri(struct x86 *e, enum x86_shift op, bool w, int dst, uint8_t n);
void x86_shift_cl(struct x86 *e, enum x86_shift op, bool w, int dst);
/* dst = (int)dst * [base + disp], low half. */
void x86_imul_rm(struct x86 *e, bool w, int dst, int base, int32_t disp);
/* One-operand forms on rdx:rax: /4 mul, /5 imul, /6 div, /7 idiv, /3 neg. */
void x86_f7(struct x86 *e, unsigned digit, bool w, int src);
void x86_f7_m(struct x86 *e, unsigned digit, bool w, int base, int32_t disp);
void x86_cqo(struct x86 *e, bool w); /* cqo (w) or cdq */
/* dst = src when cc holds. */
void x86_cmov(struct x86 *e, enum x86_cc cc, bool w, int dst, int src);
/* dst = sign-extended dword src (movsxd). */
void x86_movsxd(struct x86 *e, int dst, int src);
/* al = cc ? 1 : 0; then eax = al. */
void x86_setcc_eax(struct x86 *e, enum x86_cc cc);
/* Loads of `size` bytes at [base + index], zero- or sign-extended to 64. */
void x86_load_idx(struct x86 *e, unsigned size, bool sign, int dst, int base,
		  int index);
/* A store of the low `size` bytes of src to [base + index]. */
void x86_store_idx(struct x86 *e, unsigned size, int base, int index, int src);
void x86_push(struct x86 *e, int r);
void x86_pop(struct x86 *e, int r);
void x86_ret(struct x86 *e);
/* Indirect jump / call through [base + disp], and a jump to a register. */
void x86_jmp_m(struct x86 *e, int base, int32_t disp);
void x86_call_m(struct x86 *e, int base, int32_t disp);
void x86_jmp_r(struct x86 *e, int r);
void x86_call_r(struct x86 *e, int r);
/* Forward jumps: emit with a placeholder and return where to patch, then
 * x86_patch once the target (x86_here) is known. */
size_t x86_jcc_fwd(struct x86 *e, enum x86_cc cc);
size_t x86_jmp_fwd(struct x86 *e);
void x86_patch(struct x86 *e, size_t at);
void x86_patch_to(struct x86 *e, size_t at, size_t target);

#endif
