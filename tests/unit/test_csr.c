/* CSR access rules and WARL behaviour, checked on a real machine's hart. */
#include "csr.h"
#include "machine.h"

#include <check.h>
#include <stdlib.h>

static struct machine *m;
static struct hart *h;

static void setup(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	h = m->harts[0];
}

static void teardown(void)
{
	machine_free(m);
}

static uint64_t rd(unsigned num)
{
	uint64_t v = 0xdeadbeef;
	ck_assert_msg(csr_read(h, num, &v) == 0, "csr 0x%x not readable", num);
	return v;
}

START_TEST(test_misa_and_ids)
{
	uint64_t misa = rd(0x301);
	ck_assert_uint_eq(misa >> 62, 2); /* MXL = 64 */
	for (const char *e = "IMAFDCSU"; *e; e++)
		ck_assert_msg(misa & (1u << (*e - 'A')), "misa lacks %c", *e);
	ck_assert_uint_eq(rd(0xf14), 0); /* mhartid */
	/* Read-only CSRs cannot be written. */
	ck_assert_int_eq(csr_write(h, 0xf14, 5), -1);
	ck_assert_int_eq(csr_write(h, 0xc00, 5), -1); /* cycle */
	/* A CSR that does not exist. */
	uint64_t v;
	ck_assert_int_eq(csr_read(h, 0x7ff, &v), -1);
}
END_TEST

START_TEST(test_privilege_levels)
{
	uint64_t v;
	h->priv = PRIV_S;
	ck_assert_int_eq(csr_read(h, 0x300, &v), -1); /* mstatus from S */
	ck_assert_int_eq(csr_read(h, 0x100, &v), 0);  /* sstatus */
	h->priv = PRIV_U;
	ck_assert_int_eq(csr_read(h, 0x100, &v), -1);
}
END_TEST

START_TEST(test_sstatus_is_a_view)
{
	ck_assert_int_eq(csr_write(h, 0x300, MSTATUS_MIE | MSTATUS_SIE), 0);
	/* sstatus hides MIE and its writes cannot touch it. */
	ck_assert_uint_eq(rd(0x100) & MSTATUS_MIE, 0);
	ck_assert_int_eq(csr_write(h, 0x100, 0), 0);
	ck_assert_uint_eq(rd(0x300) & (MSTATUS_MIE | MSTATUS_SIE), MSTATUS_MIE);
	/* UXL reads as 64-bit. */
	ck_assert_uint_eq((rd(0x100) >> 32) & 3, 2);
}
END_TEST

START_TEST(test_mpp_reserved_value_kept)
{
	ck_assert_int_eq(csr_write(h, 0x300, 1ull << 11), 0); /* MPP = S */
	ck_assert_int_eq(csr_write(h, 0x300, 2ull << 11), 0); /* reserved */
	ck_assert_uint_eq((rd(0x300) >> 11) & 3, 1);
}
END_TEST

START_TEST(test_delegation_masks)
{
	ck_assert_int_eq(csr_write(h, 0x302, UINT64_MAX), 0);
	ck_assert_uint_eq(rd(0x302) & (1u << 11), 0); /* ecall from M */
	ck_assert(rd(0x302) & (1u << 8));	      /* ecall from U */
	ck_assert_int_eq(csr_write(h, 0x303, UINT64_MAX), 0);
	ck_assert_uint_eq(rd(0x303), MIP_SSIP | MIP_STIP | MIP_SEIP);
}
END_TEST

START_TEST(test_tvec_modes)
{
	ck_assert_int_eq(csr_write(h, 0x305, 0x80000001), 0);
	ck_assert_uint_eq(rd(0x305), 0x80000001);
	ck_assert_int_eq(csr_write(h, 0x305, 0x80001002), 0); /* reserved */
	ck_assert_uint_eq(rd(0x305), 0x80000001);
}
END_TEST

START_TEST(test_satp_rules)
{
	uint64_t sv39 = (8ull << 60) | 0x80010;
	ck_assert_int_eq(csr_write(h, 0x180, sv39), 0);
	ck_assert_uint_eq(rd(0x180), sv39);
	/* Unsupported mode (Sv64): the write is ignored entirely. */
	ck_assert_int_eq(csr_write(h, 0x180, (11ull << 60) | 5), 0);
	ck_assert_uint_eq(rd(0x180), sv39);
	/* Sv57 and all 16 ASID bits stick. */
	uint64_t sv57 = (10ull << 60) | (0xffffull << 44) | 0x80010;
	ck_assert_int_eq(csr_write(h, 0x180, sv57), 0);
	ck_assert_uint_eq(rd(0x180), sv57);
	/* TVM traps satp accesses from S. */
	ck_assert_int_eq(csr_write(h, 0x300, MSTATUS_TVM), 0);
	h->priv = PRIV_S;
	uint64_t v;
	ck_assert_int_eq(csr_read(h, 0x180, &v), -1);
}
END_TEST

/* A version-1 machine's satp, which its recordings probed: no Sv57, and
 * the ASID field reads as zero. */
START_TEST(test_satp_version1)
{
	char err[128];
	struct machine_config cfg = {
		.ram_size = 1 << 20, .nharts = 1, .identity = 1};
	struct machine *m1 = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m1 != NULL, "%s", err);
	struct hart *h1 = m1->harts[0];
	uint64_t sv48 = (9ull << 60) | 0x80010, v = 0;
	ck_assert_int_eq(csr_write(h1, 0x180, sv48 | (0xffffull << 44)), 0);
	ck_assert_int_eq(csr_read(h1, 0x180, &v), 0);
	ck_assert_uint_eq(v, sv48);
	ck_assert_int_eq(csr_write(h1, 0x180, (10ull << 60) | 5), 0);
	ck_assert_int_eq(csr_read(h1, 0x180, &v), 0);
	ck_assert_uint_eq(v, sv48);
	machine_free(m1);
}
END_TEST

START_TEST(test_counter_enables)
{
	uint64_t v;
	h->priv = PRIV_U;
	ck_assert_int_eq(csr_read(h, 0xc00, &v), -1);
	h->priv = PRIV_M;
	ck_assert_int_eq(csr_write(h, 0x306, 1), 0); /* mcounteren.CY */
	h->priv = PRIV_S;
	ck_assert_int_eq(csr_read(h, 0xc00, &v), 0);
	h->priv = PRIV_U;
	ck_assert_int_eq(csr_read(h, 0xc00, &v), -1); /* needs scounteren */
	h->priv = PRIV_S;
	ck_assert_int_eq(csr_write(h, 0x106, 1), 0);
	h->priv = PRIV_U;
	ck_assert_int_eq(csr_read(h, 0xc00, &v), 0);
	ck_assert_int_eq(csr_read(h, 0xc02, &v), -1); /* instret still off */
}
END_TEST

START_TEST(test_fp_csrs_need_fs)
{
	uint64_t v;
	ck_assert_int_eq(csr_read(h, 0x003, &v), -1);
	ck_assert_int_eq(csr_write(h, 0x300, 1ull << MSTATUS_FS_SHIFT), 0);
	ck_assert_int_eq(csr_write(h, 0x001, 0xff), 0); /* fflags */
	ck_assert_uint_eq(rd(0x001), 0x1f);
	ck_assert_int_eq(csr_write(h, 0x002, 0xff), 0); /* frm */
	ck_assert_uint_eq(rd(0x003), 0xff);		/* fcsr = frm:fflags */
	/* Writing FP state marks FS dirty and sets SD. */
	ck_assert_uint_eq(rd(0x300) & MSTATUS_FS, MSTATUS_FS);
	ck_assert(rd(0x300) & MSTATUS_SD);
}
END_TEST

START_TEST(test_mip_hardware_bits)
{
	ck_assert_int_eq(csr_write(h, 0x344, UINT64_MAX), 0);
	uint64_t mip = rd(0x344);
	/* Timer, software and external machine bits belong to devices. */
	ck_assert_uint_eq(mip & (MIP_MTIP | MIP_MSIP | MIP_MEIP), 0);
	ck_assert(mip & MIP_SSIP);
	ck_assert(mip & MIP_STIP);
}
END_TEST

START_TEST(test_mip_seip_line_is_not_written_back)
{
	/* The PLIC raises SEIP; software clears SSIP with a read-modify-
	 * write. Lowering the line must then clear SEIP: the line's value
	 * was never software's to keep. */
	machine_set_irq(m, 0, MIP_SEIP, true);
	ck_assert(rd(0x344) & MIP_SEIP);
	uint64_t base = csr_rmw_base(h, 0x344, rd(0x344));
	ck_assert_uint_eq(base & MIP_SEIP, 0);
	ck_assert_int_eq(csr_write(h, 0x344, base & ~MIP_SSIP), 0);
	machine_set_irq(m, 0, MIP_SEIP, false);
	ck_assert_uint_eq(rd(0x344) & MIP_SEIP, 0);
	/* A software-written SEIP stays while the line toggles. */
	ck_assert_int_eq(csr_write(h, 0x344, MIP_SEIP), 0);
	machine_set_irq(m, 0, MIP_SEIP, true);
	machine_set_irq(m, 0, MIP_SEIP, false);
	ck_assert(rd(0x344) & MIP_SEIP);
}
END_TEST

START_TEST(test_minstret_write)
{
	ck_assert_int_eq(csr_write(h, 0xb02, 1000), 0);
	/* The writing instruction retires without counting. */
	h->icount += 1;
	ck_assert_uint_eq(rd(0xb02), 1000);
	h->icount += 5;
	ck_assert_uint_eq(rd(0xb02), 1005);
}
END_TEST

START_TEST(test_pmp_registers)
{
	uint64_t v;
	ck_assert_int_eq(csr_read(h, 0x3a1, &v), -1); /* odd pmpcfg: RV32 */
	ck_assert_int_eq(csr_write(h, 0x3b0, UINT64_MAX), 0);
	ck_assert_uint_eq(rd(0x3b0), (1ull << 54) - 1);
	/* R=0 W=1 is reserved; lock freezes cfg and address. */
	ck_assert_int_eq(csr_write(h, 0x3a0, 0x9a), 0); /* L, NAPOT, W */
	ck_assert_uint_eq(rd(0x3a0) & 0xff, 0x98);
	ck_assert_int_eq(csr_write(h, 0x3a0, 0), 0);
	ck_assert_uint_eq(rd(0x3a0) & 0xff, 0x98);
	ck_assert_int_eq(csr_write(h, 0x3b0, 0), 0);
	ck_assert_uint_eq(rd(0x3b0), (1ull << 54) - 1);
	/* Entries past the 16th read as zero. */
	ck_assert_uint_eq(rd(0x3b0 + 20), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("csr");
	TCase *tc = tcase_create("csr");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_misa_and_ids);
	tcase_add_test(tc, test_privilege_levels);
	tcase_add_test(tc, test_sstatus_is_a_view);
	tcase_add_test(tc, test_mpp_reserved_value_kept);
	tcase_add_test(tc, test_delegation_masks);
	tcase_add_test(tc, test_tvec_modes);
	tcase_add_test(tc, test_satp_rules);
	tcase_add_test(tc, test_satp_version1);
	tcase_add_test(tc, test_counter_enables);
	tcase_add_test(tc, test_fp_csrs_need_fs);
	tcase_add_test(tc, test_mip_hardware_bits);
	tcase_add_test(tc, test_mip_seip_line_is_not_written_back);
	tcase_add_test(tc, test_minstret_write);
	tcase_add_test(tc, test_pmp_registers);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
