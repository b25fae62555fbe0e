/* Wait loops (core/waitloop.h): which backward branches close a loop that only
 * waits for memory to change, and get the handler that gives the hart's
 * turn away. Encodings come from the cross assembler. */
#include "bus.h"
#include "decode.h"
#include "exec.h"
#include "waitloop.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* At these page offsets: */
static const uint8_t code[] = {
	/* 0x00: the firmware's wait for its boot hart:
	 *   li t0,2; auipc t1,0; addi t1,t1,-8; ld t1,0(t1); nop x3;
	 *   bne t0,t1,0x00 */
	0x93, 0x02, 0x20, 0x00, 0x17, 0x03, 0x00, 0x00, 0x13, 0x03, 0x83, 0xff,
	0x03, 0x33, 0x03, 0x00, 0x13, 0x00, 0x00, 0x00, 0x13, 0x00, 0x00, 0x00,
	0x13, 0x00, 0x00, 0x00, 0xe3, 0x92, 0x62, 0xfe,
	/* 0x20: a counting loop: addi a0,a0,1; bne a0,a1,0x20 */
	0x13, 0x05, 0x15, 0x00, 0xe3, 0x1e, 0xb5, 0xfe,
	/* 0x28: a loop that stores: lw t1,0(t0); sw t1,8(t0); beqz t1,0x28 */
	0x03, 0xa3, 0x02, 0x00, 0x23, 0xa4, 0x62, 0x00, 0xe3, 0x0c, 0x03, 0xfe,
	/* 0x34: a flag wait with a forward exit:
	 *   lw a5,0(a0); beq a5,a4,0x40; j 0x34 */
	0x83, 0x27, 0x05, 0x00, 0x63, 0x84, 0xe7, 0x00, 0x6f, 0xf0, 0x9f, 0xff,
	/* 0x40: a sum that carries a4: ld a5,0(a0); add a4,a4,a5;
	 *   bnez a4,0x40 */
	0x83, 0x37, 0x05, 0x00, 0x33, 0x07, 0xf7, 0x00, 0xe3, 0x1c, 0x07, 0xfe,
	/* 0x4c: compressed: c.lw a5,0(a0); c.beqz a5,0x4c */
	0x1c, 0x41, 0xfd, 0xdf};

static uint8_t page[PAGE_SIZE];

static void setup(void)
{
	memset(page, 0, sizeof(page));
	memcpy(page, code, sizeof(code));
}

START_TEST(test_waits_are_waitloop_checks)
{
	setup();
	ck_assert(waitloop_check(page, 0x00, 0x1c));
	/* Without its li, t0 is read but never written: the same wait. */
	ck_assert(waitloop_check(page, 0x04, 0x1c));
	ck_assert(waitloop_check(page, 0x34, 0x3c));
	ck_assert(waitloop_check(page, 0x4c, 0x4e));
}
END_TEST

START_TEST(test_work_is_not)
{
	setup();
	ck_assert(!waitloop_check(page, 0x20, 0x24)); /* a0 goes on counting */
	ck_assert(!waitloop_check(page, 0x28, 0x30)); /* it stores */
	ck_assert(!waitloop_check(page, 0x40, 0x48)); /* a4 carries the sum */
}
END_TEST

START_TEST(test_waitloop_check_stays_in_its_page)
{
	/* The wait's closing branch at the end of the page, its body
	 * before it: found; the same branch straddling the end: not. */
	memset(page, 0, sizeof(page));
	memcpy(page + PAGE_SIZE - 12, code + 0x34, 12);
	ck_assert(waitloop_check(page, PAGE_SIZE - 12, PAGE_SIZE - 4));
	ck_assert(!waitloop_check(page, PAGE_SIZE - 12, PAGE_SIZE - 2));
	ck_assert(!waitloop_check(page, PAGE_SIZE - 12, PAGE_SIZE));
}
END_TEST

START_TEST(test_mark_installs_the_yielding_handler)
{
	setup();
	struct insn in;
	uint32_t raw;
	memcpy(&raw, page + 0x1c, 4);
	decode_insn(&in, raw);
	ck_assert_ptr_eq(in.fn, exec_bne);
	waitloop_mark(&in, page, 0x1c);
	ck_assert_ptr_ne(in.fn, exec_bne);
	ck_assert_ptr_eq(in.fn, exec_waitloop_variant(exec_bne));
	/* The counting loop keeps the plain handler. */
	memcpy(&raw, page + 0x24, 4);
	decode_insn(&in, raw);
	waitloop_mark(&in, page, 0x24);
	ck_assert_ptr_eq(in.fn, exec_bne);
	/* Only branches and jal have a yielding variant. */
	ck_assert_ptr_null(exec_waitloop_variant(exec_addi));
	ck_assert_ptr_nonnull(exec_waitloop_variant(exec_jal));
	ck_assert_ptr_nonnull(exec_waitloop_variant(exec_beq_in));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("waitloop");
	TCase *tc = tcase_create("waitloop");
	tcase_add_test(tc, test_waits_are_waitloop_checks);
	tcase_add_test(tc, test_work_is_not);
	tcase_add_test(tc, test_waitloop_check_stays_in_its_page);
	tcase_add_test(tc, test_mark_installs_the_yielding_handler);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
