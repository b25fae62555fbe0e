/* Decoder: fields, immediates, handler choice, illegal encodings and block
 * boundaries. Encodings come from the cross assembler. */
#include "decode.h"
#include "exec.h"

#include <check.h>
#include <stdlib.h>

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
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
