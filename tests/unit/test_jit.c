/* The translation tier (core/jit/) against the interpreter: the same
 * programs, stopped after the same budgets, leave the same hart state and
 * memory whether blocks run translated (translated at first entry,
 * REWIND_TUNE=no-jit-delay) or interpreted (no-jit): integer and M
 * arithmetic with its division-by-zero and overflow rules, a load that
 * traps in the middle of a block, and code that rewrites itself. */
#include "jit/jit.h"
#include "machine.h"
#include "state.h"

#include <check.h>
#include <stdlib.h>

#define RAM_SIZE (1u << 20)

/* Assembled with the cross assembler (-march=rv64gc), linked at RAM_BASE:
 *	li a0, 0; li s0, 1000; li t0, -1; li t1, 1; slli t1, t1, 63
 *	lui t2, 0x80000
 * loop: addi a0, a0, 7; mul a1, a0, a0; mulh a2, a0, t1
 *	mulhu a3, a1, t0; mulhsu s1, t1, a1
 *	div a4, t1, t0; rem a5, t1, t0         # overflow
 *	div a6, a0, zero; remu a7, a0, zero    # by zero
 *	divw s2, t2, t0; remw s3, t2, t0       # 32-bit overflow
 *	divuw s4, a0, zero; remuw s5, a1, zero
 *	divu s6, a1, a0; rem s7, a1, a0; sraw s8, a1, a0
 *	sltu s9, a0, a1; slt s10, t1, a0; xor s11, s11, a1
 *	add s11, s11, a2; srai t3, a1, 13; sub t4, t3, a1
 *	addiw t5, a1, -5; sllw t6, a1, a0; mulw gp, a1, a0
 *	sltiu tp, a1, 2000; auipc ra, 0x12345
 *	addi s0, s0, -1; bnez s0, loop
 * end: j end */
static const uint8_t alu_prog[] = {
	0x01, 0x45, 0x13, 0x04, 0x80, 0x3e, 0xfd, 0x52, 0x05, 0x43, 0x7e, 0x13,
	0xb7, 0x03, 0x00, 0x80, 0x1d, 0x05, 0xb3, 0x05, 0xa5, 0x02, 0x33, 0x16,
	0x65, 0x02, 0xb3, 0xb6, 0x55, 0x02, 0xb3, 0x24, 0xb3, 0x02, 0x33, 0x47,
	0x53, 0x02, 0xb3, 0x67, 0x53, 0x02, 0x33, 0x48, 0x05, 0x02, 0xb3, 0x78,
	0x05, 0x02, 0x3b, 0xc9, 0x53, 0x02, 0xbb, 0xe9, 0x53, 0x02, 0x3b, 0x5a,
	0x05, 0x02, 0xbb, 0xfa, 0x05, 0x02, 0x33, 0xdb, 0xa5, 0x02, 0xb3, 0xeb,
	0xa5, 0x02, 0x3b, 0xdc, 0xa5, 0x40, 0xb3, 0x3c, 0xb5, 0x00, 0x33, 0x2d,
	0xa3, 0x00, 0xb3, 0xcd, 0xbd, 0x00, 0xb2, 0x9d, 0x13, 0xde, 0xd5, 0x40,
	0xb3, 0x0e, 0xbe, 0x40, 0x1b, 0x8f, 0xb5, 0xff, 0xbb, 0x9f, 0xa5, 0x00,
	0xbb, 0x81, 0xa5, 0x02, 0x13, 0xb2, 0x05, 0x7d, 0x97, 0x50, 0x34, 0x12,
	0x7d, 0x14, 0x59, 0xf8, 0x01, 0xa0,
};

/* la t0, handler; csrw mtvec, t0; li gp, 0x80010000; li s0, 500; li a0, 0
 * loop: addi a0, a0, 1; sd a0, 8(gp); ld a2, 8(gp)
 *	ld a1, 0(zero)                          # access fault, mid-block
 *	addi a0, a0, 3; lbu a3, 9(gp); sw a0, 16(gp)
 *	addi s0, s0, -1; bnez s0, loop
 * end: j end
 *	.balign 4
 * handler: csrr t1, mepc; addi t1, t1, 4; csrw mepc, t1
 *	csrr t2, mcause; csrr t3, mtval; addi s1, s1, 1; mret */
static const uint8_t trap_prog[] = {
	0x97, 0x02, 0x00, 0x00, 0x93, 0x82, 0x82, 0x03, 0x73, 0x90, 0x52, 0x30,
	0xa1, 0x61, 0x85, 0x21, 0xc2, 0x01, 0x13, 0x04, 0x40, 0x1f, 0x01, 0x45,
	0x05, 0x05, 0x23, 0xb4, 0xa1, 0x00, 0x03, 0xb6, 0x81, 0x00, 0x83, 0x35,
	0x00, 0x00, 0x0d, 0x05, 0x83, 0xc6, 0x91, 0x00, 0x23, 0xa8, 0xa1, 0x00,
	0x7d, 0x14, 0x7d, 0xf0, 0x01, 0xa0, 0x01, 0x00, 0x73, 0x23, 0x10, 0x34,
	0x11, 0x03, 0x73, 0x10, 0x13, 0x34, 0xf3, 0x23, 0x20, 0x34, 0x73, 0x2e,
	0x30, 0x34, 0x85, 0x04, 0x73, 0x00, 0x20, 0x30,
};

/* li s0, 300; li s1, 150; la t0, patch; la t4, patch2; lw t2, 0(t0)
 * li t3, 0x100000; add t2, t2, t3; li t6, 0x300000; li a0, 0; li a1, 0
 * loop:
 * patch: addi a0, a0, 1                    # becomes addi a0, a0, 2
 *	addi s0, s0, -1; bne s0, s1, skip
 *	sw t2, 0(t0); fence.i
 *	lw t5, 0(t4); add t5, t5, t6; sw t5, 0(t4)  # the next instruction
 * patch2: addi a1, a1, 1                   # becomes addi a1, a1, 4
 * skip: bnez s0, loop
 * end: j end */
static const uint8_t smc_prog[] = {
	0x13, 0x04, 0xc0, 0x12, 0x93, 0x04, 0x60, 0x09, 0x97, 0x02, 0x00, 0x00,
	0x93, 0x82, 0x22, 0x02, 0x97, 0x0e, 0x00, 0x00, 0x93, 0x8e, 0x6e, 0x03,
	0x83, 0xa3, 0x02, 0x00, 0x37, 0x0e, 0x10, 0x00, 0xf2, 0x93, 0xb7, 0x0f,
	0x30, 0x00, 0x01, 0x45, 0x81, 0x45, 0x13, 0x05, 0x15, 0x00, 0x7d, 0x14,
	0x63, 0x1d, 0x94, 0x00, 0x23, 0xa0, 0x72, 0x00, 0x0f, 0x10, 0x00, 0x00,
	0x03, 0xaf, 0x0e, 0x00, 0x7e, 0x9f, 0x23, 0xa0, 0xee, 0x01, 0x93, 0x85,
	0x15, 0x00, 0x65, 0xf0, 0x01, 0xa0,
};

/* la t0, handler; csrw mtvec, t0; li t1, 0x6000; csrs mstatus, t1 (FP on)
 * li s0, 200; li a0, 3; fcvt.d.l fa0, a0; li a1, 7; fcvt.s.l fa1, a1
 * li gp, 0x80010000
 * loop: fadd.d fa2, fa2, fa0; fmul.s fa3, fa1, fa1, rtz
 *	fmadd.d fa4, fa0, fa2, fa4; fdiv.s fa5, fa3, fa1
 *	fsub.s fa6, fa5, fa2                    # fa2 is not NaN-boxed
 *	fnmsub.d fa7, fa2, fa0, fa4, rdn; fsd fa4, 0(gp); flw ft0, 0(gp)
 *	fadd.s ft1, ft0, fa1; addi s0, s0, -1; li t2, 100
 *	bne s0, t2, skip; li t3, 5; fsrm t3     # a reserved dynamic mode:
 * skip: bnez s0, loop                      # the 5 dynamic ops trap
 * end: j end
 *	.balign 4
 * handler: csrr t1, mepc; addi t1, t1, 4; csrw mepc, t1; addi s1, s1, 1
 *	mret */
static const uint8_t fp_prog[] = {
	0x97, 0x02, 0x00, 0x00, 0x93, 0x82, 0x02, 0x06, 0x73, 0x90, 0x52, 0x30,
	0x19, 0x63, 0x73, 0x20, 0x03, 0x30, 0x13, 0x04, 0x80, 0x0c, 0x0d, 0x45,
	0x53, 0x75, 0x25, 0xd2, 0x9d, 0x45, 0xd3, 0xf5, 0x25, 0xd0, 0xa1, 0x61,
	0x85, 0x21, 0xc2, 0x01, 0x53, 0x76, 0xa6, 0x02, 0xd3, 0x96, 0xb5, 0x10,
	0x43, 0x77, 0xc5, 0x72, 0xd3, 0xf7, 0xb6, 0x18, 0x53, 0xf8, 0xc7, 0x08,
	0xcb, 0x28, 0xa6, 0x72, 0x27, 0xb0, 0xe1, 0x00, 0x07, 0xa0, 0x01, 0x00,
	0xd3, 0x70, 0xb0, 0x00, 0x7d, 0x14, 0x93, 0x03, 0x40, 0x06, 0x63, 0x15,
	0x74, 0x00, 0x15, 0x4e, 0x73, 0x10, 0x2e, 0x00, 0x71, 0xf4, 0x01, 0xa0,
	0x73, 0x23, 0x10, 0x34, 0x11, 0x03, 0x73, 0x10, 0x13, 0x34, 0x85, 0x04,
	0x73, 0x00, 0x20, 0x30, 0x00, 0x00,
};

/* la t0, word; li s0, 100000; li a0, 0
 * loop: addi a0, a0, 3; sw a0, 0(t0)        # into its own page: the
 *	xori a1, a0, 5; addi s0, s0, -1          # page's blocks are dropped
 *	bnez s0, loop                            # and built again each round
 * end: j end
 *	.balign 8
 * word: .word 0 */
static const uint8_t churn_prog[] = {
	0x97, 0x02, 0x00, 0x00, 0x93, 0x82, 0x02, 0x02, 0x61, 0x64, 0x1b,
	0x04, 0x04, 0x6a, 0x01, 0x45, 0x0d, 0x05, 0x23, 0xa0, 0xa2, 0x00,
	0x93, 0x45, 0x55, 0x00, 0x7d, 0x14, 0x75, 0xf8, 0x01, 0xa0, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* A one-hart machine running `code` from RAM_BASE in M-mode, with the
 * optimisation switches `tune`. */
static struct machine *machine_with(const char *tune, const uint8_t *code,
				    size_t len)
{
	char err[128];
	struct machine_config cfg = {.ram_size = RAM_SIZE, .nharts = 1};
	ck_assert_int_eq(setenv("REWIND_TUNE", tune, 1), 0);
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	unsetenv("REWIND_TUNE");
	ck_assert_msg(m != NULL, "%s", err);
	void *ram = bus_host_ptr(&m->bus, RAM_BASE, len);
	memcpy(ram, code, len);
	bus_note_write(&m->bus, RAM_BASE, len);
	m->harts[0]->pc = RAM_BASE;
	return m;
}

/* Every architectural field the programs can change, and all of RAM. */
static void expect_same(const struct machine *a, const struct machine *b,
			uint64_t budget)
{
	const struct hart *x = a->harts[0], *y = b->harts[0];
	for (int r = 1; r < 32; r++)
		ck_assert_msg(x->x[r] == y->x[r],
			      "budget %llu: x%d %#llx != %#llx",
			      (unsigned long long)budget, r,
			      (unsigned long long)x->x[r],
			      (unsigned long long)y->x[r]);
	for (int r = 0; r < 32; r++)
		ck_assert_msg(x->f[r] == y->f[r], "budget %llu: f%d differs",
			      (unsigned long long)budget, r);
	ck_assert_uint_eq(x->fflags, y->fflags);
	ck_assert_uint_eq(x->frm, y->frm);
	ck_assert_uint_eq(x->pc, y->pc);
	ck_assert_uint_eq(x->icount, y->icount);
	ck_assert_int_eq(x->priv, y->priv);
	ck_assert_uint_eq(x->mstatus, y->mstatus);
	ck_assert_uint_eq(x->mepc, y->mepc);
	ck_assert_uint_eq(x->mcause, y->mcause);
	ck_assert_uint_eq(x->mtval, y->mtval);
	ck_assert_uint_eq(x->trap_streak, y->trap_streak);
	const void *ra =
		bus_host_ptr((struct bus *)&a->bus, RAM_BASE, RAM_SIZE);
	const void *rb =
		bus_host_ptr((struct bus *)&b->bus, RAM_BASE, RAM_SIZE);
	ck_assert_msg(memcmp(ra, rb, RAM_SIZE) == 0, "budget %llu: RAM differs",
		      (unsigned long long)budget);
	/* A snapshot or checkpoint taken here does not depend on what was
	 * translated: the saved machine state is the same, byte for byte. */
	struct state_buf sa = {0}, sb = {0};
	ck_assert_int_eq(machine_save(a, &sa), 0);
	ck_assert_int_eq(machine_save(b, &sb), 0);
	size_t at = 0;
	while (at < sa.len && at < sb.len && sa.p[at] == sb.p[at])
		at++;
	ck_assert_msg(sa.len == sb.len && at == sa.len,
		      "budget %llu: saved state differs at byte %zu of %zu/%zu",
		      (unsigned long long)budget, at, sa.len, sb.len);
	free(sa.p);
	free(sb.p);
}

/* Run `code` under both tiers for each budget; returns the translated
 * machine of the last (largest) budget, for the caller to look at. */
static struct machine *compare(const uint8_t *code, size_t len,
			       const uint64_t *budgets, int n)
{
	struct machine *last = NULL;
	for (int i = 0; i < n; i++) {
		struct machine *interp = machine_with("no-jit", code, len);
		struct machine *jit = machine_with("no-jit-delay", code, len);
		machine_run(interp, budgets[i]);
		machine_run(jit, budgets[i]);
		expect_same(interp, jit, budgets[i]);
		machine_free(interp);
		if (last)
			machine_free(last);
		last = jit;
	}
	return last;
}

START_TEST(test_jit_arithmetic_matches_interpreter)
{
	static const uint64_t budgets[] = {1,  2,   7,	  8,	 9,
					   31, 100, 1001, 12345, 40000};
	struct machine *m = compare(alu_prog, sizeof(alu_prog), budgets, 10);
	struct hart *h = m->harts[0];
	ck_assert_uint_gt(jit_translated(&m->bus), 0);
	/* The loop ran out; the results of its last round. */
	ck_assert_uint_eq(h->x[8], 0);		 /* s0 */
	ck_assert_uint_eq(h->x[10], 7000);	 /* a0 */
	ck_assert_uint_eq(h->x[14], 1ull << 63); /* a4: INT64_MIN / -1 */
	ck_assert_uint_eq(h->x[15], 0);		 /* a5: INT64_MIN % -1 */
	ck_assert_uint_eq(h->x[16], UINT64_MAX); /* a6: x / 0 */
	ck_assert_uint_eq(h->x[17], 7000);	 /* a7: x % 0 */
	ck_assert_uint_eq(h->x[18], 0xffffffff80000000ull); /* s2 */
	ck_assert_uint_eq(h->x[19], 0);			    /* s3 */
	ck_assert_uint_eq(h->x[20], UINT64_MAX);	    /* s4 */
	ck_assert_uint_eq(h->x[21], 49000000ull);	    /* s5 */
	machine_free(m);
}
END_TEST

START_TEST(test_jit_trap_mid_block_matches_interpreter)
{
	/* 26 and 27 stop right around the first fault. */
	static const uint64_t budgets[] = {5,  12,  13,	  14,	26,
					   27, 500, 5000, 20000};
	struct machine *m = compare(trap_prog, sizeof(trap_prog), budgets, 9);
	struct hart *h = m->harts[0];
	ck_assert_uint_gt(jit_translated(&m->bus), 0);
	ck_assert_uint_eq(h->x[9], 500);	     /* s1: every fault */
	ck_assert_uint_eq(h->x[7], EXC_LOAD_ACCESS); /* t2: mcause */
	ck_assert_uint_eq(h->x[28], 0);		     /* t3: mtval */
	ck_assert_uint_eq(h->x[10], 2000);	     /* a0 */
	ck_assert_uint_eq(h->mepc, RAM_BASE + 0x26); /* past the ld */
	machine_free(m);
}
END_TEST

START_TEST(test_jit_self_modifying_code_matches_interpreter)
{
	static const uint64_t budgets[] = {20, 700, 1051, 1060, 1070, 5000};
	struct machine *m = compare(smc_prog, sizeof(smc_prog), budgets, 6);
	struct hart *h = m->harts[0];
	/* 150 rounds adding 1, then 150 adding 2; the rewritten next
	 * instruction ran once, as rewritten. */
	ck_assert_uint_eq(h->x[10], 450); /* a0 */
	ck_assert_uint_eq(h->x[11], 4);	  /* a1 */
	machine_free(m);
}
END_TEST

START_TEST(test_jit_fp_matches_interpreter)
{
	static const uint64_t budgets[] = {11, 16, 30, 1500, 1530, 1544, 6000};
	struct machine *m = compare(fp_prog, sizeof(fp_prog), budgets, 7);
	struct hart *h = m->harts[0];
	ck_assert_uint_gt(jit_translated(&m->bus), 0);
	ck_assert_uint_eq(h->x[8], 0);	 /* s0 */
	ck_assert_uint_eq(h->x[9], 500); /* s1: 5 illegal ops, 100 rounds */
	ck_assert_uint_eq(h->mcause, EXC_ILLEGAL);
	machine_free(m);
}
END_TEST

/* Code dropped and translated again until the buffer is full: the blocks
 * run interpreted until the run ends, where the buffer is emptied, and
 * then are translated again; nothing the guest sees changes. */
START_TEST(test_jit_full_buffer_matches_interpreter)
{
	static const uint64_t budgets[] = {300000, 1000000};
	struct machine *m = compare(churn_prog, sizeof(churn_prog), budgets, 2);
	struct hart *h = m->harts[0];
	ck_assert_uint_eq(h->x[8], 0);	     /* s0 */
	ck_assert_uint_eq(h->x[10], 300000); /* a0 */
	ck_assert_uint_gt(jit_flushes(&m->bus), 0);
	uint64_t before = jit_translated(&m->bus);
	h->pc = RAM_BASE;
	machine_run(m, 1000);
	ck_assert_uint_gt(jit_translated(&m->bus), before);
	machine_free(m);
}
END_TEST

/* Both machines run `budget` and stop for the same reason in the same
 * state. */
static void run_both(struct machine *interp, struct machine *jit,
		     uint64_t budget, enum machine_stop want)
{
	ck_assert_int_eq(machine_run(interp, budget), want);
	ck_assert_int_eq(machine_run(jit, budget), want);
	expect_same(interp, jit, budget);
}

/* Warmed up (blocks translated), then driven as a debugger drives a
 * hart: one instruction at a time. Each step retires exactly one. */
START_TEST(test_jit_single_steps_match_interpreter)
{
	struct machine *interp =
		machine_with("no-jit", alu_prog, sizeof(alu_prog));
	struct machine *jit =
		machine_with("no-jit-delay", alu_prog, sizeof(alu_prog));
	run_both(interp, jit, 3000, MSTOP_BUDGET);
	ck_assert_uint_gt(jit_translated(&jit->bus), 0);
	for (int i = 0; i < 300; i++) {
		uint64_t before = jit->harts[0]->icount;
		run_both(interp, jit, 1, MSTOP_BUDGET);
		ck_assert_uint_eq(jit->harts[0]->icount, before + 1);
	}
	machine_free(interp);
	machine_free(jit);
}
END_TEST

/* A breakpoint in the middle of a hot, translated loop stops the hart
 * before that instruction, every round, and the next run goes on past it. */
START_TEST(test_jit_breakpoint_in_hot_loop)
{
	const uint64_t bp = RAM_BASE + 0x22; /* div a4, t1, t0 */
	struct machine *interp =
		machine_with("no-jit", alu_prog, sizeof(alu_prog));
	struct machine *jit =
		machine_with("no-jit-delay", alu_prog, sizeof(alu_prog));
	run_both(interp, jit, 3000, MSTOP_BUDGET);
	ck_assert_uint_gt(jit_translated(&jit->bus), 0);
	ck_assert_int_eq(machine_breakpoint_add(interp, bp), 0);
	ck_assert_int_eq(machine_breakpoint_add(jit, bp), 0);
	uint64_t last = 0;
	for (int k = 0; k < 5; k++) {
		run_both(interp, jit, 100000, MSTOP_HART);
		const struct hart *h = jit->harts[0];
		ck_assert_int_eq(h->stop, STOP_BREAKPOINT);
		ck_assert_uint_eq(h->pc, bp);
		if (k) /* one round of the loop: 29 instructions */
			ck_assert_uint_eq(h->icount - last, 29);
		last = h->icount;
	}
	ck_assert_int_eq(machine_breakpoint_remove(interp, bp), 0);
	ck_assert_int_eq(machine_breakpoint_remove(jit, bp), 0);
	run_both(interp, jit, 40000, MSTOP_BUDGET);
	ck_assert_uint_eq(jit->harts[0]->x[10], 7000); /* a0: ran out */
	machine_free(interp);
	machine_free(jit);
}
END_TEST

/* Write and read watchpoints on words a hot, translated loop stores and
 * loads: the hart stops right after the access, every round. */
START_TEST(test_jit_watchpoints_in_hot_loop)
{
	const uint64_t word = 0x80010010, byte = 0x80010009;
	struct machine *interp =
		machine_with("no-jit", trap_prog, sizeof(trap_prog));
	struct machine *jit =
		machine_with("no-jit-delay", trap_prog, sizeof(trap_prog));
	run_both(interp, jit, 300, MSTOP_BUDGET);
	ck_assert_uint_gt(jit_translated(&jit->bus), 0);
	struct machine *both[] = {interp, jit};
	for (int i = 0; i < 2; i++)
		ck_assert_int_eq(
			machine_watch_add(both[i], word, 4, WATCH_WRITE), 0);
	for (int k = 0; k < 4; k++) {
		run_both(interp, jit, 100000, MSTOP_HART);
		ck_assert_int_eq(jit->harts[0]->stop, STOP_WATCH);
		ck_assert_uint_eq(jit->harts[0]->pc, RAM_BASE + 0x30);
		ck_assert_uint_eq(jit->watch_hit.addr, word);
		ck_assert(jit->watch_hit.write);
		ck_assert_uint_eq(interp->watch_hit.addr, word);
	}
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(
			machine_watch_remove(both[i], word, 4, WATCH_WRITE), 0);
		ck_assert_int_eq(
			machine_watch_add(both[i], byte, 1, WATCH_READ), 0);
	}
	for (int k = 0; k < 4; k++) {
		run_both(interp, jit, 100000, MSTOP_HART);
		/* ld a2, 8(gp) reads it too: it and lbu take turns. */
		ck_assert_uint_eq(jit->harts[0]->pc,
				  RAM_BASE + (k % 2 ? 0x2c : 0x22));
		ck_assert_uint_eq(jit->watch_hit.addr, byte);
		ck_assert(!jit->watch_hit.write);
	}
	machine_free(interp);
	machine_free(jit);
}
END_TEST

/* Without no-jit-delay a block is translated once hot, not before. */
START_TEST(test_jit_translates_hot_blocks_only)
{
	struct machine *m = machine_with("", alu_prog, sizeof(alu_prog));
	machine_run(m, 50);
	ck_assert_uint_eq(jit_translated(&m->bus), 0);
	machine_run(m, 40000);
	ck_assert_uint_gt(jit_translated(&m->bus), 0);
	ck_assert_uint_eq(m->harts[0]->x[10], 7000);
	machine_free(m);
	m = machine_with("no-jit", alu_prog, sizeof(alu_prog));
	machine_run(m, 40000);
	ck_assert_uint_eq(jit_translated(&m->bus), 0);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jit");
	TCase *tc = tcase_create("jit");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_jit_arithmetic_matches_interpreter);
	tcase_add_test(tc, test_jit_trap_mid_block_matches_interpreter);
	tcase_add_test(tc, test_jit_self_modifying_code_matches_interpreter);
	tcase_add_test(tc, test_jit_fp_matches_interpreter);
	tcase_add_test(tc, test_jit_full_buffer_matches_interpreter);
	tcase_add_test(tc, test_jit_translates_hot_blocks_only);
	tcase_add_test(tc, test_jit_single_steps_match_interpreter);
	tcase_add_test(tc, test_jit_breakpoint_in_hot_loop);
	tcase_add_test(tc, test_jit_watchpoints_in_hot_loop);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
