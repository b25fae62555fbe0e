/* The page walker and PMP, on page tables built in guest RAM. */
#include "csr.h"
#include "machine.h"
#include "mmu.h"
#include "state.h"

#include <check.h>
#include <stdlib.h>

static struct machine *m;
static struct hart *h;

#define ROOT  (RAM_BASE + 0x10000)
#define L1    (RAM_BASE + 0x11000)
#define L0    (RAM_BASE + 0x12000)
#define L2_48 (RAM_BASE + 0x13000)
#define L4_57 (RAM_BASE + 0x14000)
#define DATA  (RAM_BASE + 0x100000)

static uint64_t *pte_at(uint64_t pa)
{
	uint64_t *p = bus_host_ptr(&m->bus, pa, 8);
	ck_assert_ptr_nonnull(p);
	return p;
}

static uint64_t pte(uint64_t pa, uint64_t flags)
{
	return (pa >> 12) << 10 | flags;
}

static void setup(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 4 << 20, .nharts = 1};
	m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	h = m->harts[0];
	/* Sv39: VA 0x40000000 -> DATA via ROOT[1] -> L1[0] -> L0[0]. */
	*pte_at(ROOT + 1 * 8) = pte(L1, PTE_V);
	*pte_at(L1 + 0 * 8) = pte(L0, PTE_V);
	*pte_at(L0 + 0 * 8) = pte(DATA, PTE_V | PTE_R | PTE_W);
	*pte_at(L0 + 1 * 8) = pte(DATA, PTE_V | PTE_R | PTE_U);
	*pte_at(L0 + 2 * 8) = pte(DATA, PTE_V | PTE_X);
	*pte_at(L0 + 3 * 8) = pte(DATA, PTE_V | PTE_W); /* reserved */
	h->satp = (8ull << 60) | (ROOT >> 12);
	/* As firmware does: one NAPOT entry grants S and U everything. */
	pmp_write_addr(h, 0, UINT64_MAX);
	pmp_write_cfg(h, 0, 0x1f);
	h->priv = PRIV_S;
	hart_update_mode(h);
}

static void teardown(void)
{
	machine_free(m);
}

START_TEST(test_leaf_translation_sets_a_then_d)
{
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, 0x40000123, ACC_R, PRIV_S, &pa), 0);
	ck_assert_uint_eq(pa, DATA + 0x123);
	uint64_t e = *pte_at(L0);
	ck_assert(e & PTE_A);
	ck_assert(!(e & PTE_D));
	ck_assert_int_eq(mmu_translate(h, 0x40000123, ACC_W, PRIV_S, &pa), 0);
	ck_assert(*pte_at(L0) & PTE_D);
}
END_TEST

START_TEST(test_user_pages_and_sum)
{
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, 0x40001000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	h->mstatus |= MSTATUS_SUM;
	ck_assert_int_eq(mmu_translate(h, 0x40001000, ACC_R, PRIV_S, &pa), 0);
	ck_assert_int_eq(mmu_translate(h, 0x40001000, ACC_R, PRIV_U, &pa), 0);
	/* S never executes user pages, SUM or not. */
	ck_assert_int_eq(mmu_translate(h, 0x40001000, ACC_X, PRIV_S, &pa),
			 EXC_INSN_PAGE);
	/* U cannot touch supervisor pages. */
	ck_assert_int_eq(mmu_translate(h, 0x40000000, ACC_R, PRIV_U, &pa),
			 EXC_LOAD_PAGE);
	ck_assert_int_eq(mmu_translate(h, 0x40001000, ACC_W, PRIV_U, &pa),
			 EXC_STORE_PAGE);
}
END_TEST

START_TEST(test_execute_only_and_mxr)
{
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, 0x40002000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	ck_assert_int_eq(mmu_translate(h, 0x40002000, ACC_X, PRIV_S, &pa), 0);
	h->mstatus |= MSTATUS_MXR;
	ck_assert_int_eq(mmu_translate(h, 0x40002000, ACC_R, PRIV_S, &pa), 0);
}
END_TEST

START_TEST(test_malformed_ptes_fault)
{
	uint64_t pa;
	/* W without R is reserved. */
	ck_assert_int_eq(mmu_translate(h, 0x40003000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	/* Invalid entry. */
	ck_assert_int_eq(mmu_translate(h, 0x40004000, ACC_W, PRIV_S, &pa),
			 EXC_STORE_PAGE);
	/* Reserved high bits set. */
	*pte_at(L0 + 5 * 8) = pte(DATA, PTE_V | PTE_R) | (1ull << 60);
	ck_assert_int_eq(mmu_translate(h, 0x40005000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	/* A pointer at the last level. */
	*pte_at(L0 + 6 * 8) = pte(DATA, PTE_V);
	ck_assert_int_eq(mmu_translate(h, 0x40006000, ACC_X, PRIV_S, &pa),
			 EXC_INSN_PAGE);
	/* Bits above 38 not copies of bit 38. */
	ck_assert_int_eq(mmu_translate(h, 0x8000000000ull, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
}
END_TEST

START_TEST(test_superpages)
{
	uint64_t pa;
	/* A 2 MiB page at VA 0x40200000 -> 0x80200000. */
	*pte_at(L1 + 1 * 8) = pte(RAM_BASE + 0x200000, PTE_V | PTE_R);
	ck_assert_int_eq(mmu_translate(h, 0x40212345, ACC_R, PRIV_S, &pa), 0);
	ck_assert_uint_eq(pa, RAM_BASE + 0x212345);
	/* Misaligned megapage: the PPN's low bits must be zero. */
	*pte_at(L1 + 2 * 8) = pte(RAM_BASE + 0x201000, PTE_V | PTE_R);
	ck_assert_int_eq(mmu_translate(h, 0x40400000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	/* A 1 GiB page at VA 0x80000000 -> 0x80000000. */
	*pte_at(ROOT + 2 * 8) = pte(RAM_BASE, PTE_V | PTE_R | PTE_X);
	ck_assert_int_eq(mmu_translate(h, 0x80001234, ACC_X, PRIV_S, &pa), 0);
	ck_assert_uint_eq(pa, RAM_BASE + 0x1234);
}
END_TEST

START_TEST(test_sv48)
{
	/* VA 0x0000_8000_4000_0000 (VPN3 = 1) -> the same L2 chain. */
	*pte_at(L2_48 + 1 * 8) = pte(ROOT, PTE_V);
	h->satp = (9ull << 60) | (L2_48 >> 12);
	uint64_t pa;
	ck_assert_int_eq(
		mmu_translate(h, 0x0000008040000010ull, ACC_R, PRIV_S, &pa), 0);
	ck_assert_uint_eq(pa, DATA + 0x10);
	/* Bits above 47 must copy bit 47. */
	ck_assert_int_eq(
		mmu_translate(h, 0x0001000000000000ull, ACC_R, PRIV_S, &pa),
		EXC_LOAD_PAGE);
}
END_TEST

/* Sv57: five levels; VA with VPN4 = 1 and VPN3 = 1 reaches the Sv39 chain. */
#define VA57 0x0001008040000010ull
static void sv57_setup(void)
{
	*pte_at(L4_57 + 1 * 8) = pte(L2_48, PTE_V);
	*pte_at(L2_48 + 1 * 8) = pte(ROOT, PTE_V);
	/* L4[256], the first slot of the upper half: a 256 TiB leaf at 0. */
	*pte_at(L4_57 + 256 * 8) = pte(0, PTE_V | PTE_R | PTE_A);
	/* L4[2]: a 256 TiB leaf whose PPN is not aligned to its size. */
	*pte_at(L4_57 + 2 * 8) = pte(RAM_BASE, PTE_V | PTE_R | PTE_A);
	h->satp = (10ull << 60) | (L4_57 >> 12);
}

START_TEST(test_sv57)
{
	sv57_setup();
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, VA57, ACC_R, PRIV_S, &pa), 0);
	ck_assert_uint_eq(pa, DATA + 0x10);
	ck_assert_uint_eq(h->walk_level, 0);
	/* The same VA without VPN4 is another (empty) slot. */
	ck_assert_int_eq(
		mmu_translate(h, VA57 & ((1ull << 48) - 1), ACC_R, PRIV_S, &pa),
		EXC_LOAD_PAGE);
	/* A 256 TiB page: VA 0xff00... + PA. */
	ck_assert_int_eq(mmu_translate(h, 0xff00000000000000ull | DATA, ACC_R,
				       PRIV_S, &pa),
			 0);
	ck_assert_uint_eq(pa, DATA);
	ck_assert_uint_eq(h->walk_level, 4);
	/* Misaligned: the PPN's low 36 bits must be zero. */
	ck_assert_int_eq(
		mmu_translate(h, 0x0002000000000000ull, ACC_R, PRIV_S, &pa),
		EXC_LOAD_PAGE);
}
END_TEST

START_TEST(test_sv57_canonical)
{
	sv57_setup();
	uint64_t pa;
	/* Bits 63:57 must copy bit 56. */
	ck_assert_int_eq(mmu_translate(h, 0x0100000000000000ull | DATA, ACC_R,
				       PRIV_S, &pa),
			 EXC_LOAD_PAGE);
	ck_assert_int_eq(mmu_translate(h, 0xfe00000000000000ull | DATA, ACC_W,
				       PRIV_S, &pa),
			 EXC_STORE_PAGE);
	ck_assert_int_eq(
		mmu_translate(h, VA57 | (1ull << 57), ACC_X, PRIV_S, &pa),
		EXC_INSN_PAGE);
	/* The debugger's walk agrees, and never faults. */
	ck_assert_int_eq(
		mmu_debug_translate(h, 0x0100000000000000ull | DATA, &pa), -1);
	ck_assert_int_eq(mmu_debug_translate(h, 0x0002000000000000ull, &pa),
			 0); /* no alignment check: it shows what is there */
}
END_TEST

START_TEST(test_sv57_debug_translate)
{
	sv57_setup();
	uint64_t pa;
	uint64_t before = *pte_at(L0);
	ck_assert_int_eq(mmu_debug_translate(h, VA57, &pa), 0);
	ck_assert_uint_eq(pa, DATA + 0x10);
	ck_assert_uint_eq(*pte_at(L0), before); /* no A bit set */
	ck_assert_int_eq(
		mmu_debug_translate(h, 0xff00000000000000ull | DATA, &pa), 0);
	ck_assert_uint_eq(pa, DATA);
	/* An empty L4 slot. */
	ck_assert_int_eq(mmu_debug_translate(h, 0x0003000000000000ull, &pa),
			 -1);
	/* In M-mode a kernel VA still translates through satp. */
	h->priv = PRIV_M;
	ck_assert_int_eq(mmu_debug_translate(h, VA57, &pa), 0);
	ck_assert_uint_eq(pa, DATA + 0x10);
}
END_TEST

/* The walk as `monitor pagetable` shows it: every level's PTE, the
 * result, or the level that stopped it. */
START_TEST(test_debug_walk_levels)
{
	struct mmu_walk w;
	uint64_t before = *pte_at(L0);
	ck_assert_int_eq(mmu_debug_walk(h, 0x40000010, &w), 0);
	ck_assert_uint_eq(w.mode, SATP_MODE_SV39);
	ck_assert_int_eq(w.levels, 3);
	ck_assert_int_eq(w.nsteps, 3);
	ck_assert_int_eq(w.fault, -1);
	ck_assert_uint_eq(w.pa, DATA + 0x10);
	const uint64_t where[3] = {ROOT + 8, L1, L0};
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(w.step[i].level, 2 - i);
		ck_assert_uint_eq(w.step[i].pte_pa, where[i]);
		ck_assert(w.step[i].read);
		ck_assert_uint_eq(w.step[i].pte, *pte_at(where[i]));
	}
	ck_assert_uint_eq(*pte_at(L0), before); /* no A bit set */
	/* An empty slot of the root: one step, faulting at level 2. */
	ck_assert_int_eq(mmu_debug_walk(h, 0x80000000, &w), -1);
	ck_assert_int_eq(w.nsteps, 1);
	ck_assert_int_eq(w.fault, 2);
	ck_assert_uint_eq(w.step[0].pte, 0);
	/* A next table outside memory: its PTE cannot be read. */
	*pte_at(ROOT + 3 * 8) = pte(0x40000000, PTE_V);
	ck_assert_int_eq(mmu_debug_walk(h, 0xc0000000, &w), -1);
	ck_assert_int_eq(w.nsteps, 2);
	ck_assert_int_eq(w.fault, 1);
	ck_assert(!w.step[1].read);
	/* A non-canonical address: no step at all. */
	ck_assert_int_eq(mmu_debug_walk(h, 0x0000008000000000ull, &w), -1);
	ck_assert_int_eq(w.nsteps, 0);
	ck_assert_int_eq(w.fault, -1);
}
END_TEST

/* ---- address spaces: translations kept per satp (ASID) ---- */

#define TVA	 0x40000000ull
#define CSR_SATP 0x180

static uint64_t satp_asid(uint64_t asid)
{
	return (8ull << 60) | (asid << 44) | (ROOT >> 12);
}

/* Make satp hold asid's value, and TVA's translation cached. */
static void space_fill(struct hart *t, uint64_t asid)
{
	struct insn in = {.len = 4};
	uint64_t v;
	ck_assert_int_eq(csr_write(t, CSR_SATP, satp_asid(asid)), 0);
	ck_assert_int_eq(mmu_load_slow(t, &in, TVA, 8, &v), 0);
	ck_assert(hart_load_fast(t, TVA, 8, &v));
}

/* Is TVA's translation cached once satp holds asid's value? */
static bool space_hit(struct hart *t, uint64_t asid)
{
	uint64_t v;
	ck_assert_int_eq(csr_write(t, CSR_SATP, satp_asid(asid)), 0);
	return hart_load_fast(t, TVA, 8, &v);
}

START_TEST(test_asid_spaces_kept)
{
	space_fill(h, 1);
	/* Another ASID never uses the first one's translation... */
	ck_assert(!space_hit(h, 2));
	space_fill(h, 2);
	/* ...and switching back finds it still cached. */
	ck_assert(space_hit(h, 1));
	ck_assert(space_hit(h, 2));
	/* A fence for ASID 1 drops its translations only. */
	hart_flush_tlb_asid(h, 1);
	ck_assert(space_hit(h, 2));
	ck_assert(!space_hit(h, 1));
	/* A fence of everything drops every space's. */
	space_fill(h, 1);
	hart_flush_tlb_paged(h);
	ck_assert(!space_hit(h, 2));
	ck_assert(!space_hit(h, 1));
}
END_TEST

/* Software that never uses ASIDs runs with ASID 0 and may reuse a root
 * for another address space: switching to it starts from empty. */
START_TEST(test_asid_zero_not_kept)
{
	space_fill(h, 0);
	space_fill(h, 1);
	ck_assert(!space_hit(h, 0));
	ck_assert(space_hit(h, 1));
}
END_TEST

START_TEST(test_asid_spaces_least_recent_goes)
{
	for (uint64_t a = 1; a <= TLB_SPACES; a++)
		space_fill(h, a);
	ck_assert(space_hit(h, 1)); /* now 2 is the least recent */
	space_fill(h, TLB_SPACES + 1);
	ck_assert(!space_hit(h, 2));
	ck_assert(space_hit(h, 1));
	ck_assert(space_hit(h, TLB_SPACES + 1));
}
END_TEST

/* A snapshot keeps every space, so a restored machine finds the same
 * translations cached as the original (the guest can tell: A bits). */
START_TEST(test_asid_spaces_saved)
{
	space_fill(h, 1);
	space_fill(h, 2);
	struct state_buf b = {0};
	ck_assert_int_eq(machine_save(m, &b), 0);
	char err[256] = "";
	struct machine_config cfg = {.ram_size = 4 << 20, .nharts = 1};
	struct machine *m2 = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m2 != NULL, "%s", err);
	struct state_reader r = {b.p, b.p + b.len, false};
	ck_assert_msg(machine_load(m2, &r, err, sizeof(err)) == 0, "%s", err);
	uint64_t v;
	ck_assert(hart_load_fast(m2->harts[0], TVA, 8, &v));
	ck_assert(space_hit(m2->harts[0], 1));
	machine_free(m2);
	free(b.p);
}
END_TEST

/* A version 1 machine has no ASIDs: every satp write empties the TLB,
 * as it always did, so its recordings replay as they were made. */
START_TEST(test_version1_satp_write_empties)
{
	char err[256] = "";
	struct machine_config cfg = {
		.ram_size = 4 << 20, .nharts = 1, .identity = 1};
	struct machine *m1 = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m1 != NULL, "%s", err);
	struct hart *t = m1->harts[0];
	memcpy(bus_host_ptr(&m1->bus, ROOT, 0x3000),
	       bus_host_ptr(&m->bus, ROOT, 0x3000), 0x3000);
	pmp_write_addr(t, 0, UINT64_MAX);
	pmp_write_cfg(t, 0, 0x1f);
	t->priv = PRIV_S;
	hart_update_mode(t);
	struct insn in = {.len = 4};
	uint64_t v;
	ck_assert_int_eq(csr_write(t, CSR_SATP, satp_asid(0)), 0);
	ck_assert_int_eq(mmu_load_slow(t, &in, TVA, 8, &v), 0);
	ck_assert(hart_load_fast(t, TVA, 8, &v));
	ck_assert_int_eq(csr_write(t, CSR_SATP, satp_asid(0)), 0);
	ck_assert(!hart_load_fast(t, TVA, 8, &v));
	machine_free(m1);
}
END_TEST

START_TEST(test_page_table_outside_memory)
{
	uint64_t pa;
	*pte_at(ROOT + 3 * 8) = pte(0x40000000, PTE_V); /* not RAM */
	ck_assert_int_eq(mmu_translate(h, 0xc0000000, ACC_W, PRIV_S, &pa),
			 EXC_STORE_ACCESS);
}
END_TEST

START_TEST(test_machine_mode_is_bare)
{
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, 0x1234, ACC_R, PRIV_M, &pa), 0);
	ck_assert_uint_eq(pa, 0x1234);
}
END_TEST

START_TEST(test_pmp_default_and_regions)
{
	/* With no entry on, S and U are denied; M is allowed. */
	pmp_write_cfg(h, 0, 0);
	ck_assert(!pmp_allows(h, DATA, 8, ACC_R, PRIV_S));
	ck_assert(pmp_allows(h, DATA, 8, ACC_R, PRIV_M));
	/* TOR [0, DATA) read-only, then NAPOT everything RWX. */
	pmp_write_addr(h, 0, DATA >> 2);
	pmp_write_addr(h, 1, UINT64_MAX);
	pmp_write_cfg(h, 0, 0x09 | (0x1full << 8)); /* TOR R ; NAPOT RWX */
	ck_assert(pmp_allows(h, DATA - 8, 8, ACC_R, PRIV_S));
	ck_assert(!pmp_allows(h, DATA - 8, 8, ACC_W, PRIV_U));
	ck_assert(pmp_allows(h, DATA, 8, ACC_W, PRIV_U));
	/* An access straddling the boundary matches entry 0 only in part. */
	ck_assert(!pmp_allows(h, DATA - 4, 8, ACC_R, PRIV_S));
	/* M ignores unlocked entries but obeys locked ones. */
	ck_assert(pmp_allows(h, DATA - 8, 8, ACC_W, PRIV_M));
	pmp_write_cfg(h, 0, 0x89 | (0x1full << 8));
	ck_assert(!pmp_allows(h, DATA - 8, 8, ACC_W, PRIV_M));
	/* Page-table accesses are checked as S-mode accesses: the tables
	 * lie below DATA, readable but not writable to S, so the walk can
	 * read them but not set the leaf's A bit. */
	uint64_t pa;
	ck_assert_int_eq(mmu_translate(h, 0x40000000, ACC_R, PRIV_S, &pa),
			 EXC_LOAD_ACCESS);
	*pte_at(L0) |= PTE_A;
	ck_assert_int_eq(mmu_translate(h, 0x40000000, ACC_R, PRIV_S, &pa), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("mmu");
	TCase *tc = tcase_create("mmu");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_leaf_translation_sets_a_then_d);
	tcase_add_test(tc, test_user_pages_and_sum);
	tcase_add_test(tc, test_execute_only_and_mxr);
	tcase_add_test(tc, test_malformed_ptes_fault);
	tcase_add_test(tc, test_superpages);
	tcase_add_test(tc, test_sv48);
	tcase_add_test(tc, test_sv57);
	tcase_add_test(tc, test_sv57_canonical);
	tcase_add_test(tc, test_sv57_debug_translate);
	tcase_add_test(tc, test_debug_walk_levels);
	tcase_add_test(tc, test_asid_spaces_kept);
	tcase_add_test(tc, test_asid_zero_not_kept);
	tcase_add_test(tc, test_asid_spaces_least_recent_goes);
	tcase_add_test(tc, test_asid_spaces_saved);
	tcase_add_test(tc, test_version1_satp_write_empties);
	tcase_add_test(tc, test_page_table_outside_memory);
	tcase_add_test(tc, test_machine_mode_is_bare);
	tcase_add_test(tc, test_pmp_default_and_regions);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
