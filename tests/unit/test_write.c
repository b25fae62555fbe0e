/* Debugger writes as recording events: their bytes as
 * docs/recording-format.md spells them, malformed ones refused, and
 * applying them to a machine (registers, CSRs, RAM; decoded code on a
 * written page goes, so patched code runs as patched). */
#include "../replay/replayer.h"
#include "../replay/write.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* type 8, icount 5, hart 1, register 0x1340 (mscratch), value. */
static const uint8_t reg_rec[] = {
	8,    0x05, 0, 0, 0,	0,    0,    0,	  0,	1,    0,    0,	 0,
	0x40, 0x13, 0, 0, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11};

/* type 9, icount 7, address 0x80000ffe, length 2, "hi". */
static const uint8_t mem_rec[] = {9,	7, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x0f, 0,
				  0x80, 0, 0, 0, 0, 2, 0, 0, 0, 'h',  'i'};

START_TEST(test_write_record_bytes)
{
	struct event e;
	uint8_t *buf = malloc(event_max_size());
	ck_assert_int_eq(event_decode(reg_rec, sizeof reg_rec, &e), 0);
	ck_assert_int_eq(e.type, EV_REG_WRITE);
	ck_assert_uint_eq(e.icount, 5);
	ck_assert_uint_eq(e.hart, 1);
	ck_assert_uint_eq(e.reg, WRITE_REG_CSR(0x340));
	ck_assert_uint_eq(e.value, 0x1122334455667788ull);
	ck_assert_uint_eq(event_encode(&e, buf), sizeof reg_rec);
	ck_assert_mem_eq(buf, reg_rec, sizeof reg_rec);

	ck_assert_int_eq(event_decode(mem_rec, sizeof mem_rec, &e), 0);
	ck_assert_int_eq(e.type, EV_MEM_WRITE);
	ck_assert_uint_eq(e.icount, 7);
	ck_assert_uint_eq(e.value, 0x80000ffe);
	ck_assert_uint_eq(e.len, 2);
	ck_assert_mem_eq(e.bytes, "hi", 2);
	ck_assert_uint_eq(event_encode(&e, buf), sizeof mem_rec);
	ck_assert_mem_eq(buf, mem_rec, sizeof mem_rec);
	ck_assert_str_eq(event_type_name(EV_REG_WRITE), "register-write");
	ck_assert_str_eq(event_type_name(EV_MEM_WRITE), "memory-write");
	free(buf);
}
END_TEST

START_TEST(test_malformed_write_records)
{
	struct event e;
	uint8_t r[64];
	/* Short or long by a byte. */
	ck_assert_int_eq(event_decode(reg_rec, sizeof reg_rec - 1, &e), -1);
	memcpy(r, reg_rec, sizeof reg_rec);
	ck_assert_int_eq(event_decode(r, sizeof reg_rec + 1, &e), -1);
	ck_assert_int_eq(event_decode(mem_rec, sizeof mem_rec - 1, &e), -1);
	/* Crossing a page: 0x80000fff, 2 bytes. */
	memcpy(r, mem_rec, sizeof mem_rec);
	r[9] = 0xff;
	ck_assert_int_eq(event_decode(r, sizeof mem_rec, &e), -1);
	/* Empty. */
	memcpy(r, mem_rec, sizeof mem_rec);
	r[17] = 0;
	ck_assert_int_eq(event_decode(r, sizeof mem_rec - 2, &e), -1);
	/* Longer than a page, the bytes not there. */
	memcpy(r, mem_rec, sizeof mem_rec);
	r[9] = 0, r[10] = 0, r[17] = 0x01, r[18] = 0x10;
	ck_assert_int_eq(event_decode(r, sizeof mem_rec, &e), -1);
	/* A length that claims more than the record holds. */
	memcpy(r, mem_rec, sizeof mem_rec);
	r[17] = 3;
	ck_assert_int_eq(event_decode(r, sizeof mem_rec, &e), -1);
}
END_TEST

/* loop: addi s1, s1, 1; j loop */
static const uint32_t loop[] = {0x00148493, 0xffdff06f};

static struct machine *write_machine(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	memcpy(bus_host_ptr(&m->bus, RAM_BASE, sizeof(loop)), loop,
	       sizeof(loop));
	bus_note_write(&m->bus, RAM_BASE, sizeof(loop));
	m->harts[0]->pc = RAM_BASE;
	return m;
}

START_TEST(test_write_apply_registers)
{
	struct machine *m = write_machine();
	struct hart *h = m->harts[0];
	char why[128];
	struct event e = {.type = EV_REG_WRITE, .reg = 10, .value = 42};
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(h->x[10], 42);
	e.reg = WRITE_REG_PC, e.value = RAM_BASE + 4;
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(h->pc, RAM_BASE + 4);
	e.reg = WRITE_REG_F(3), e.value = 0x4000000000000000ull;
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(h->f[3], 0x4000000000000000ull);
	e.reg = WRITE_REG_CSR(0x340), e.value = 0xabc; /* mscratch */
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(h->mscratch, 0xabc);
	e.reg = WRITE_REG_CSR(0x003), e.value = 0x85; /* fcsr: frm 4, NX */
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(h->frm, 4);
	ck_assert_uint_eq(h->fflags, 5);
	/* Refused, nothing changed: x0, no such hart, a read-only CSR. */
	e.reg = 0, e.value = 7;
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), -1);
	e.reg = 10, e.hart = 1;
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "no hart 1");
	e.hart = 0, e.reg = WRITE_REG_CSR(0xf14); /* mhartid */
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), -1);
	ck_assert_uint_eq(h->x[10], 42);
	machine_free(m);
}
END_TEST

START_TEST(test_write_apply_memory_patches_code)
{
	struct machine *m = write_machine();
	struct hart *h = m->harts[0];
	char why[128];
	/* 100 instructions: 50 increments, the loop's block decoded. */
	ck_assert_int_eq(machine_run(m, 100), MSTOP_BUDGET);
	ck_assert_uint_eq(h->x[9], 50);
	/* addi s1, s1, 1 becomes addi s1, s1, 2. */
	static const uint32_t by2 = 0x00248493;
	struct event e = {.type = EV_MEM_WRITE,
			  .value = RAM_BASE,
			  .len = 4,
			  .bytes = (const uint8_t *)&by2};
	machine_dirty_reset(m);
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(m->ram->dirty[0] & 1, 1);
	ck_assert_int_eq(machine_run(m, 100), MSTOP_BUDGET);
	ck_assert_uint_eq(h->x[9], 150);
	/* Not memory: refused. */
	e.value = 0x10;
	ck_assert_int_eq(write_apply(m, &e, why, sizeof(why)), -1);
	machine_free(m);
}
END_TEST

/* A replay gate holding the events e[0..n) (and nothing more). */
static void write_gate(struct gate *g, struct machine *m, const struct event *e,
		       int n)
{
	uint8_t *buf = malloc(event_max_size());
	ck_assert_int_eq(gate_init(g, GATE_REPLAY, NULL, NULL, NULL), 0);
	g->m = m;
	gate_keep(g);
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(
			gate_queue_record(g, buf, event_encode(&e[i], buf)), 0);
	free(buf);
}

START_TEST(test_replay_applies_writes_at_their_icount)
{
	struct machine *m = write_machine();
	struct gate g;
	static const uint8_t nop_bytes[4] = {0x13, 0, 0, 0}; /* addi x0.. */
	struct event e[2] = {
		{.type = EV_REG_WRITE, .icount = 10, .reg = 9, .value = 1000},
		{.type = EV_MEM_WRITE,
		 .icount = 20,
		 .value = RAM_BASE,
		 .len = 4,
		 .bytes = nop_bytes}};
	write_gate(&g, m, e, 2);
	/* Ten instructions (five increments), then s1 = 1000 before the
	 * eleventh; the increment is a nop from icount 20 on. */
	ck_assert_int_eq(replay_advance(m, &g, 10, false), REPLAY_AT_TARGET);
	ck_assert_uint_eq(m->harts[0]->x[9], 5);
	ck_assert_int_eq(replay_advance(m, &g, 40, false), REPLAY_AT_TARGET);
	ck_assert_uint_eq(m->harts[0]->x[9], 1005);
	ck_assert(!g.failed);
	gate_free(&g);
	machine_free(m);
}
END_TEST

START_TEST(test_replay_refuses_a_write_it_cannot_apply)
{
	struct machine *m = write_machine();
	struct gate g;
	struct event e = {.type = EV_MEM_WRITE,
			  .icount = 6,
			  .value = 0x10, /* not memory */
			  .len = 2,
			  .bytes = (const uint8_t *)"hi"};
	write_gate(&g, m, &e, 1);
	ck_assert_int_eq(replay_advance(m, &g, 40, false), REPLAY_FAILED);
	ck_assert(g.failed);
	ck_assert_uint_eq(g.failed_at, 6);
	ck_assert_ptr_nonnull(strstr(g.why, "a recorded debugger write"));
	ck_assert_uint_eq(m->icount, 6);
	gate_free(&g);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("write");
	TCase *tc = tcase_create("write");
	tcase_add_test(tc, test_write_record_bytes);
	tcase_add_test(tc, test_malformed_write_records);
	tcase_add_test(tc, test_write_apply_registers);
	tcase_add_test(tc, test_write_apply_memory_patches_code);
	tcase_add_test(tc, test_replay_applies_writes_at_their_icount);
	tcase_add_test(tc, test_replay_refuses_a_write_it_cannot_apply);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
