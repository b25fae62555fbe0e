/* Decoder: fields, immediates, handler choice, illegal encodings and block
 * boundaries. Encodings come from the cross assembler. */
#include "decode.h"
#include "exec.h"
#include "isa.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static struct insn dec(uint32_t raw)
{
	struct insn in;
	memset(&in, 0, sizeof(in));
	decode_insn(&in, raw);
	return in;
}

START_TEST(test_i_type_fields)
{
	struct insn in = dec(0xfff30293); /* addi x5, x6, -1 */
	ck_assert_ptr_eq(in.fn, exec_addi);
	ck_assert_uint_eq(in.rd, 5);
	ck_assert_uint_eq(in.rs1, 6);
	ck_assert_int_eq(in.imm, -1);
	ck_assert_uint_eq(in.len, 4);
}
END_TEST

START_TEST(test_jump_and_branch_extremes)
{
	struct insn in = dec(0x800000ef); /* jal x1, -1 MiB */
	ck_assert_ptr_eq(in.fn, exec_jal);
	ck_assert_int_eq(in.imm, -1048576);
	ck_assert_uint_eq(in.rd, 1);
	in = dec(0x80000063); /* beq x0, x0, -4096 */
	ck_assert_ptr_eq(in.fn, exec_beq);
	ck_assert_int_eq(in.imm, -4096);
	in = dec(0x7e000fe3); /* beq x0, x0, +4094 */
	ck_assert_int_eq(in.imm, 4094);
}
END_TEST

START_TEST(test_upper_immediates_sign_extend)
{
	struct insn in = dec(0xfffff3b7); /* lui x7, 0xfffff */
	ck_assert_ptr_eq(in.fn, exec_lui);
	ck_assert_int_eq(in.imm, -4096);
	in = dec(0x80000417); /* auipc x8, 0x80000 */
	ck_assert_ptr_eq(in.fn, exec_auipc);
	ck_assert_int_eq(in.imm, -2147483648ll);
}
END_TEST

START_TEST(test_store_immediate)
{
	struct insn in = dec(0x80953023); /* sd x9, -2048(x10) */
	ck_assert_ptr_eq(in.fn, exec_sd);
	ck_assert_int_eq(in.imm, -2048);
	ck_assert_uint_eq(in.rs1, 10);
	ck_assert_uint_eq(in.rs2, 9);
}
END_TEST

START_TEST(test_x0_destination_is_sink)
{
	/* lw x0, 16(x2) still loads (it may fault), into the sink. */
	struct insn in = dec(0x01012003);
	ck_assert_ptr_eq(in.fn, exec_lw);
	ck_assert_uint_eq(in.rd, XREG_SINK);
	/* addi x0, x0, 0 is a no-op. */
	in = dec(0x00000013);
	ck_assert_ptr_eq(in.fn, exec_nop);
}
END_TEST

START_TEST(test_csr_and_amo_fields)
{
	struct insn in = dec(0x300625f3); /* csrrs x11, mstatus, x12 */
	ck_assert_ptr_eq(in.fn, exec_csrrs);
	ck_assert_uint_eq(in.csr, 0x300);
	ck_assert_uint_eq(in.rd, 11);
	ck_assert_uint_eq(in.rs1, 12);
	in = dec(0x06e7b6af); /* amoadd.d.aqrl x13, x14, (x15) */
	ck_assert_ptr_eq(in.fn, exec_amoadd_d);
	ck_assert_uint_eq(in.aqrl, 3);
	ck_assert_uint_eq(in.rs2, 14);
}
END_TEST

START_TEST(test_shift_amounts)
{
	struct insn in = dec(0x43f8d813); /* srai x16, x17, 63 */
	ck_assert_ptr_eq(in.fn, exec_srai);
	ck_assert_int_eq(in.imm, 63);
	in = dec(0x41f9d91b); /* sraiw x18, x19, 31 */
	ck_assert_ptr_eq(in.fn, exec_sraiw);
	ck_assert_int_eq(in.imm, 31);
}
END_TEST

START_TEST(test_illegal_encodings)
{
	static const uint32_t bad[] = {
		0x00000000,	       /* all zero */
		0xffffffff,	       /* all ones */
		0x40001013,	       /* slli with funct6 0x10 */
		0x0200d01b,	       /* srliw with funct7 1 */
		0x0000c073,	       /* SYSTEM funct3 4 */
		0x1017a6af,	       /* lr.w with rs2 != 0 */
		0x0000200f,	       /* MISC-MEM funct3 2 */
		0x00002067,	       /* jalr with funct3 2 */
		0x00002063,	       /* branch funct3 2 */
		0x00007003,	       /* load funct3 7 */
		0x00004023,	       /* store funct3 4 */
		0x10500073 | (1 << 7), /* wfi with rd != 0 */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct insn in = dec(bad[i]);
		ck_assert_msg(in.fn == exec_illegal, "0x%08x decoded as legal",
			      bad[i]);
	}
}
END_TEST

static bool ends_block(uint32_t raw)
{
	struct insn in;
	return decode_ends_block(decode_insn(&in, raw));
}

START_TEST(test_block_boundaries)
{
	ck_assert(ends_block(0x800000ef));  /* jal */
	ck_assert(ends_block(0x300625f3));  /* csrrs */
	ck_assert(ends_block(0x0000100f));  /* fence.i */
	ck_assert(ends_block(0x12000073));  /* sfence.vma */
	ck_assert(!ends_block(0x0330000f)); /* fence rw, rw */
	ck_assert(!ends_block(0x80953023)); /* sd */
	ck_assert(!ends_block(0xfff30293)); /* addi */
}
END_TEST

START_TEST(test_compressed_keeps_its_bits)
{
	struct insn in;
	memset(&in, 0, sizeof(in));
	decode_compressed(&in, 0x6081); /* c.lui x1, 0: reserved */
	ck_assert_ptr_eq(in.fn, exec_illegal);
	ck_assert_uint_eq(in.raw, 0x6081);
	ck_assert_uint_eq(in.len, 2);
	memset(&in, 0, sizeof(in));
	decode_compressed(&in, 0x0505); /* c.addi x10, 1 */
	ck_assert_ptr_eq(in.fn, exec_addi);
	ck_assert_uint_eq(in.rd, 10);
	ck_assert_int_eq(in.imm, 1);
	ck_assert_uint_eq(in.len, 2);
}
END_TEST

/* Deterministic bits for encodings the tests make up. */
static uint32_t test_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)*s;
}

START_TEST(test_table_rows_well_formed)
{
	uint32_t prev_op = 0;
	for (unsigned i = 0; i < ISA_NINSNS; i++) {
		const struct isa_insn *row = &isa_insns[i];
		uint32_t op = row->match & ISA_OPCODE_MASK;
		ck_assert_msg((row->match & ~row->mask) == 0,
			      "%s: match has bits outside its mask", row->name);
		ck_assert_msg((op & 3) == 3, "%s: not a 32-bit opcode",
			      row->name);
		/* The table reads in opcode order. */
		ck_assert_msg(op >= prev_op, "%s: rows not sorted by opcode",
			      row->name);
		prev_op = op;
		ck_assert_ptr_nonnull(row->fn);
		/* Only conditional branches fall through inside a block, and
		 * they end it when taken. */
		if (row->fn_in)
			ck_assert(row->flags & ISA_ENDS_BLOCK);
		ck_assert_msg(!(row->flags & ISA_X0_NOP) ||
				      !(row->flags & ISA_ENDS_BLOCK),
			      "%s: a droppable row cannot end a block",
			      row->name);
	}
	ck_assert_ptr_eq(isa_insns[ISA_ROW_beq].fn_in, exec_beq_in);
	ck_assert_ptr_null(isa_insns[ISA_ROW_jal].fn_in);
}
END_TEST

/* The first row that takes an encoding, by walking the whole table. */
static const struct isa_insn *find_linear(uint32_t raw)
{
	for (unsigned i = 0; i < ISA_NINSNS; i++)
		if ((raw & isa_insns[i].mask) == isa_insns[i].match)
			return &isa_insns[i];
	return NULL;
}

START_TEST(test_table_every_row_decodes)
{
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	for (unsigned i = 0; i < ISA_NINSNS; i++) {
		const struct isa_insn *row = &isa_insns[i];
		bool seen = false;
		/* Some encoding of its own must reach every row: no earlier
		 * row may shadow it. */
		for (int k = 0; k < 4096 && !seen; k++) {
			uint32_t raw = row->match | (test_rand(&seed) &
						     ~row->mask & ~0x7000u);
			if (!(row->mask & 0x7000))
				raw |= (k & 3)
				       << 12; /* a valid rounding mode */
			struct insn in;
			if (decode_insn(&in, raw) != row)
				continue;
			seen = true;
			bool drop =
				(row->flags & ISA_X0_NOP) && in.rd == XREG_SINK;
			ck_assert_ptr_eq(in.fn, drop ? exec_nop : row->fn);
		}
		ck_assert_msg(seen, "no encoding decodes as %s", row->name);
	}
	/* The decoder's index finds what a walk of the whole table finds. */
	for (int k = 0; k < 200000; k++) {
		uint32_t raw = test_rand(&seed) | 3;
		const struct isa_insn *row = find_linear(raw);
		if (row && isa_format_rounds((enum isa_format)row->format) &&
		    (raw >> 12 & 7) >= 5 && (raw >> 12 & 7) <= 6)
			row = NULL; /* reserved rounding mode */
		struct insn in;
		ck_assert_ptr_eq(decode_insn(&in, raw), row);
	}
}
END_TEST

/* Every row names the ISA tests that run it; each must exist. The tests
 * run from the top of the tree (make unit), or REWIND_SRC names it. */
START_TEST(test_table_names_existing_isa_tests)
{
	const char *root = getenv("REWIND_SRC") ? getenv("REWIND_SRC") : ".";
	char path[512];
	snprintf(path, sizeof(path), "%s/guests/isa", root);
	struct stat st;
	ck_assert_msg(stat(path, &st) == 0, "%s: no ISA tests here", path);
	for (unsigned i = 0; i < ISA_NINSNS; i++) {
		const struct isa_insn *row = &isa_insns[i];
		unsigned named = 0;
		for (const char *t = row->tests; *t;) {
			size_t n = strcspn(t, " ");
			if (n) {
				snprintf(path, sizeof(path),
					 "%s/guests/isa/%.*s.S", root, (int)n,
					 t);
				ck_assert_msg(
					stat(path, &st) == 0,
					"%s names %s, which does not exist",
					row->name, path);
				named++;
			}
			t += n + (t[n] == ' ');
		}
		ck_assert_msg(named > 0, "%s names no ISA test", row->name);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("decode");
	TCase *tc = tcase_create("decode");
	tcase_add_test(tc, test_i_type_fields);
	tcase_add_test(tc, test_jump_and_branch_extremes);
	tcase_add_test(tc, test_upper_immediates_sign_extend);
	tcase_add_test(tc, test_store_immediate);
	tcase_add_test(tc, test_x0_destination_is_sink);
	tcase_add_test(tc, test_csr_and_amo_fields);
	tcase_add_test(tc, test_shift_amounts);
	tcase_add_test(tc, test_illegal_encodings);
	tcase_add_test(tc, test_block_boundaries);
	tcase_add_test(tc, test_compressed_keeps_its_bits);
	tcase_add_test(tc, test_table_rows_well_formed);
	tcase_add_test(tc, test_table_every_row_decodes);
	tcase_add_test(tc, test_table_names_existing_isa_tests);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
