/* PLIC register semantics as the RISC-V PLIC specification states them, and
 * their effect on the harts' mip.MEIP/SEIP. */
#include "dev/plic.h"
#include "machine.h"

#include <check.h>
#include <stdlib.h>

#define PRIORITY(irq)  (4u * (irq))
#define PENDING	       0x1000u
#define ENABLE(ctx)    (0x2000u + 0x80u * (ctx))
#define THRESHOLD(ctx) (0x200000u + 0x1000u * (ctx))
#define CLAIM(ctx)     (0x200004u + 0x1000u * (ctx))

static struct machine *machine_with_harts(int nharts)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = nharts};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_ptr_nonnull(m->plic);
	return m;
}

static uint32_t rd(struct machine *m, uint64_t off)
{
	uint64_t v = 0xdeadbeef;
	ck_assert_int_eq(plic_read(m->plic, off, 4, &v), 0);
	return (uint32_t)v;
}

static void wr(struct machine *m, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(plic_write(m->plic, off, 4, v), 0);
}

static bool meip(struct machine *m, int hart)
{
	return (m->harts[hart]->mip & MIP_MEIP) != 0;
}

static bool seip(struct machine *m, int hart)
{
	return (m->harts[hart]->mip & MIP_SEIP) != 0;
}

/* Priority p for source irq, enabled in context ctx. */
static void source_on(struct machine *m, unsigned irq, uint32_t p, int ctx)
{
	wr(m, PRIORITY(irq), p);
	wr(m, ENABLE(ctx), rd(m, ENABLE(ctx)) | (1u << irq));
}

START_TEST(test_claim_order_priority_then_lowest_id)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 3, 2, 0);
	source_on(m, 5, 5, 0);
	source_on(m, 7, 5, 0);
	source_on(m, 9, 1, 0);
	ck_assert(!meip(m, 0));
	plic_set_line(m->plic, 9, true);
	plic_set_line(m->plic, 7, true);
	plic_set_line(m->plic, 5, true);
	plic_set_line(m->plic, 3, true);
	ck_assert_uint_eq(rd(m, PENDING),
			  (1u << 3) | (1u << 5) | (1u << 7) | (1u << 9));
	ck_assert(meip(m, 0));
	/* Highest priority first; equal priorities go to the lower id. */
	ck_assert_uint_eq(rd(m, CLAIM(0)), 5);
	ck_assert_uint_eq(rd(m, PENDING), (1u << 3) | (1u << 7) | (1u << 9));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 7);
	ck_assert_uint_eq(rd(m, CLAIM(0)), 3);
	ck_assert(meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 9);
	/* Nothing left: the claim reads 0 and the line is down. */
	ck_assert_uint_eq(rd(m, PENDING), 0);
	ck_assert(!meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 0);
	machine_free(m);
}
END_TEST

START_TEST(test_threshold_and_priority_zero)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 4, 3, 0);
	plic_set_line(m->plic, 4, true);
	ck_assert(meip(m, 0));
	/* Only priorities strictly above the threshold interrupt. */
	wr(m, THRESHOLD(0), 3);
	ck_assert(!meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 0);
	ck_assert_uint_eq(rd(m, PENDING), 1u << 4); /* still pending */
	wr(m, THRESHOLD(0), 2);
	ck_assert(meip(m, 0));
	/* Priority 0 means "never interrupt". */
	wr(m, THRESHOLD(0), 0);
	wr(m, PRIORITY(4), 0);
	ck_assert(!meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 0);
	wr(m, PRIORITY(4), 1);
	ck_assert(meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 4);
	machine_free(m);
}
END_TEST

START_TEST(test_priority_threshold_enable_fields)
{
	struct machine *m = machine_with_harts(1);
	/* Three priority bits: 0..7. */
	wr(m, PRIORITY(1), 0xffffffff);
	ck_assert_uint_eq(rd(m, PRIORITY(1)), 7);
	wr(m, PRIORITY(PLIC_SOURCES - 1), 5);
	ck_assert_uint_eq(rd(m, PRIORITY(PLIC_SOURCES - 1)), 5);
	wr(m, THRESHOLD(0), 0xffffffff);
	ck_assert_uint_eq(rd(m, THRESHOLD(0)), 7);
	/* Source 0 does not exist: no priority, no enable bit. */
	wr(m, PRIORITY(0), 7);
	ck_assert_uint_eq(rd(m, PRIORITY(0)), 0);
	wr(m, ENABLE(0), 0xffffffff);
	ck_assert_uint_eq(rd(m, ENABLE(0)), 0xfffffffe);
	/* Past the last source and past the last context: zero. */
	ck_assert_uint_eq(rd(m, PRIORITY(PLIC_SOURCES)), 0);
	wr(m, ENABLE(2), 0xffffffff);
	ck_assert_uint_eq(rd(m, ENABLE(2)), 0);
	wr(m, THRESHOLD(2), 3);
	ck_assert_uint_eq(rd(m, THRESHOLD(2)), 0);
	ck_assert_uint_eq(rd(m, 0x1ffffc), 0);
	machine_free(m);
}
END_TEST

START_TEST(test_pending_is_read_only)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 2, 1, 0);
	wr(m, PENDING, 0xffffffff);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	ck_assert(!meip(m, 0));
	machine_free(m);
}
END_TEST

START_TEST(test_contexts_drive_m_and_s_lines)
{
	struct machine *m = machine_with_harts(2);
	/* Context 1 is hart 0's S-mode, context 2 hart 1's M-mode. */
	source_on(m, 6, 1, 1);
	source_on(m, 6, 1, 2);
	plic_set_line(m->plic, 6, true);
	ck_assert(!meip(m, 0));
	ck_assert(seip(m, 0));
	ck_assert(meip(m, 1));
	ck_assert(!seip(m, 1));
	/* A context without the enable never sees the source. */
	ck_assert_uint_eq(rd(m, CLAIM(0)), 0);
	ck_assert_uint_eq(rd(m, CLAIM(3)), 0);
	/* One claim takes it away from every context. */
	ck_assert_uint_eq(rd(m, CLAIM(2)), 6);
	ck_assert(!seip(m, 0));
	ck_assert(!meip(m, 1));
	ck_assert_uint_eq(rd(m, CLAIM(1)), 0);
	machine_free(m);
}
END_TEST

START_TEST(test_enable_and_threshold_are_per_context)
{
	struct machine *m = machine_with_harts(1);
	wr(m, PRIORITY(8), 4);
	plic_set_line(m->plic, 8, true);
	ck_assert(!meip(m, 0));
	ck_assert(!seip(m, 0));
	wr(m, ENABLE(1), 1u << 8);
	ck_assert(seip(m, 0));
	ck_assert(!meip(m, 0));
	ck_assert_uint_eq(rd(m, ENABLE(0)), 0);
	wr(m, ENABLE(0), 1u << 8);
	ck_assert(meip(m, 0));
	/* The S context's threshold does not mask the M context. */
	wr(m, THRESHOLD(1), 4);
	ck_assert(!seip(m, 0));
	ck_assert(meip(m, 0));
	wr(m, ENABLE(0), 0);
	ck_assert(!meip(m, 0));
	machine_free(m);
}
END_TEST

START_TEST(test_gateway_holds_claimed_source_until_complete)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 13, 1, 0);
	plic_set_line(m->plic, 13, true);
	ck_assert_uint_eq(rd(m, CLAIM(0)), 13);
	ck_assert(!meip(m, 0));
	/* The line stays high, or even pulses: no new request while
	 * claimed. */
	plic_set_line(m->plic, 13, false);
	plic_set_line(m->plic, 13, true);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	ck_assert(!meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 0);
	/* Completion with the line still high forwards the next request. */
	wr(m, CLAIM(0), 13);
	ck_assert_uint_eq(rd(m, PENDING), 1u << 13);
	ck_assert(meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 13);
	/* The device is serviced before the completion: nothing new. */
	plic_set_line(m->plic, 13, false);
	wr(m, CLAIM(0), 13);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	ck_assert(!meip(m, 0));
	/* The next rising edge is a new request. */
	plic_set_line(m->plic, 13, true);
	ck_assert(meip(m, 0));
	machine_free(m);
}
END_TEST

START_TEST(test_request_survives_line_drop)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 12, 2, 0);
	plic_set_line(m->plic, 12, true);
	plic_set_line(m->plic, 12, false);
	/* Once accepted, the request stays in the pending bit. */
	ck_assert_uint_eq(rd(m, PENDING), 1u << 12);
	ck_assert(meip(m, 0));
	ck_assert_uint_eq(rd(m, CLAIM(0)), 12);
	wr(m, CLAIM(0), 12);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	machine_free(m);
}
END_TEST

START_TEST(test_complete_of_disabled_source_is_ignored)
{
	struct machine *m = machine_with_harts(1);
	source_on(m, 5, 1, 0);
	plic_set_line(m->plic, 5, true);
	ck_assert_uint_eq(rd(m, CLAIM(0)), 5);
	/* Context 1 does not enable source 5: its completion is ignored. */
	wr(m, CLAIM(1), 5);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	/* Nor does context 0 once the enable is gone. */
	wr(m, ENABLE(0), 0);
	wr(m, CLAIM(0), 5);
	wr(m, ENABLE(0), 1u << 5);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	ck_assert(!meip(m, 0));
	/* Ids out of range are ignored too. */
	wr(m, CLAIM(0), 0);
	wr(m, CLAIM(0), PLIC_SOURCES);
	ck_assert_uint_eq(rd(m, PENDING), 0);
	wr(m, CLAIM(0), 5);
	ck_assert_uint_eq(rd(m, PENDING), 1u << 5);
	ck_assert(meip(m, 0));
	machine_free(m);
}
END_TEST

START_TEST(test_only_word_accesses)
{
	struct machine *m = machine_with_harts(1);
	uint64_t v;
	ck_assert_int_eq(plic_read(m->plic, PRIORITY(1), 1, &v), -1);
	ck_assert_int_eq(plic_read(m->plic, PRIORITY(1), 2, &v), -1);
	ck_assert_int_eq(plic_read(m->plic, PRIORITY(1), 8, &v), -1);
	ck_assert_int_eq(plic_read(m->plic, PRIORITY(1) + 2, 4, &v), -1);
	ck_assert_int_eq(plic_write(m->plic, PRIORITY(1), 1, 3), -1);
	ck_assert_int_eq(plic_write(m->plic, PRIORITY(1), 8, 3), -1);
	ck_assert_uint_eq(rd(m, PRIORITY(1)), 0);
	/* Through the bus, at the board's address. */
	ck_assert_int_eq(bus_write(&m->bus, PLIC_BASE + PRIORITY(3), 4, 6), 0);
	ck_assert_int_eq(bus_read(&m->bus, PLIC_BASE + PRIORITY(3), 4, &v), 0);
	ck_assert_uint_eq(v, 6);
	ck_assert_int_eq(bus_read(&m->bus, PLIC_BASE + PRIORITY(3), 1, &v), -1);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plic");
	TCase *tc = tcase_create("plic");
	tcase_add_test(tc, test_claim_order_priority_then_lowest_id);
	tcase_add_test(tc, test_threshold_and_priority_zero);
	tcase_add_test(tc, test_priority_threshold_enable_fields);
	tcase_add_test(tc, test_pending_is_read_only);
	tcase_add_test(tc, test_contexts_drive_m_and_s_lines);
	tcase_add_test(tc, test_enable_and_threshold_are_per_context);
	tcase_add_test(tc, test_gateway_holds_claimed_source_until_complete);
	tcase_add_test(tc, test_request_survives_line_drop);
	tcase_add_test(tc, test_complete_of_disabled_source_is_ignored);
	tcase_add_test(tc, test_only_word_accesses);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
