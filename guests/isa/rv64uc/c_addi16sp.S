/* c.addi16sp: sp += sign-extended nzimm (multiple of 16, -512..496). */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, sp, 0x0000000000010010, li sp, 0x10000; c.addi16sp sp, 16)
	TEST_CASE(  3, sp, 0x000000000000fff0, li sp, 0x10000; c.addi16sp sp, -16)
	TEST_CASE(  4, sp, 0x00000000000101f0, li sp, 0x10000; c.addi16sp sp, 496)
	TEST_CASE(  5, sp, 0x000000000000fe00, li sp, 0x10000; c.addi16sp sp, -512)
	TEST_CASE(  6, sp, 0x0000000000010020, li sp, 0x10000; c.addi16sp sp, 32)
	TEST_CASE(  7, sp, 0x000000000000ffc0, li sp, 0x10000; c.addi16sp sp, -64)
	TEST_CASE(  8, sp, 0xfffffffffffffe00, li sp, 0; c.addi16sp sp, -512)
	TEST_CASE(  9, sp, 0x8000000000000000, li sp, 0x7ffffffffffffff0; c.addi16sp sp, 16)
	la sp, _stack_top
TEST_END
