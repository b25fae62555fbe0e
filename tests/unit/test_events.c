/* Event records: the bytes of each type as docs/recording-format.md spells
 * them (written out by hand here, so that a recording made by an earlier
 * rewind still reads), malformed records refused, and the gate's queue
 * keeping payloads whole while it grows. */
#include "../replay/events.h"
#include "../replay/gate.h"
#include "machine.h"
#include "util/crc32.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A console record: type 3, icount 0x0102030405060708, length 3, "abc". */
static const uint8_t console_rec[] = {3,    0x08, 0x07, 0x06, 0x05, 0x04,
				      0x03, 0x02, 0x01, 3,    0,    0,
				      0,    'a',  'b',	'c'};

/* An end record: type 5, icount 9, how 2 (guest failure), code -3. */
static const uint8_t end_rec[] = {5, 9, 0, 0, 0, 0, 0,	  0,	0,    2,   0,
				  0, 0, 0, 0, 0, 0, 0xfd, 0xff, 0xff, 0xff};

START_TEST(test_console_record_bytes)
{
	struct event e;
	ck_assert_int_eq(event_decode(console_rec, sizeof console_rec, &e), 0);
	ck_assert_int_eq(e.type, EV_CONSOLE);
	ck_assert_uint_eq(e.icount, 0x0102030405060708ull);
	ck_assert_uint_eq(e.len, 3);
	ck_assert_uint_eq(event_payload_len(&e), 3);
	ck_assert_mem_eq(e.bytes, "abc", 3);
	/* The payload is the record's, not a copy. */
	ck_assert_ptr_eq(e.bytes, console_rec + 13);
	uint8_t *buf = malloc(event_max_size());
	ck_assert_uint_eq(event_encode(&e, buf), sizeof console_rec);
	ck_assert_mem_eq(buf, console_rec, sizeof console_rec);
	free(buf);
}
END_TEST

START_TEST(test_end_and_wall_record_bytes)
{
	struct event e;
	ck_assert_int_eq(event_decode(end_rec, sizeof end_rec, &e), 0);
	ck_assert_int_eq(e.type, EV_END);
	ck_assert_uint_eq(e.icount, 9);
	ck_assert_uint_eq(e.value, 2);
	ck_assert_int_eq(e.code, -3);
	uint8_t buf[64];
	ck_assert_uint_eq(event_encode(&e, buf), sizeof end_rec);
	ck_assert_mem_eq(buf, end_rec, sizeof end_rec);

	struct event w = {.type = EV_WALL, .icount = 1, .value = 0x1122};
	static const uint8_t wall_rec[] = {1,	 1,    0, 0, 0, 0, 0, 0, 0,
					   0x22, 0x11, 0, 0, 0, 0, 0, 0};
	ck_assert_uint_eq(event_encode(&w, buf), sizeof wall_rec);
	ck_assert_mem_eq(buf, wall_rec, sizeof wall_rec);
}
END_TEST

START_TEST(test_digest_record_bytes)
{
	/* Two harts; hart h's register i holds h * 0x100 + i. */
	enum { HARTS = 2 };
	size_t len = 1 + 8 + 8 + 4 + EV_DIGEST_BYTES(HARTS);
	uint8_t *rec = calloc(1, len);
	rec[0] = 4;
	rec[1] = 0x10;	 /* icount 16 */
	rec[9] = 0xaa;	 /* RAM hash 0xaa */
	rec[17] = HARTS; /* harts */
	for (unsigned h = 0; h < HARTS; h++) {
		for (unsigned i = 0; i < DIGEST_REGS; i++) {
			uint8_t *p = rec + 21 + (h * DIGEST_REGS + i) * 8;
			p[0] = (uint8_t)i;
			p[1] = (uint8_t)h;
		}
	}
	struct event e;
	ck_assert_int_eq(event_decode(rec, len, &e), 0);
	ck_assert_int_eq(e.type, EV_DIGEST);
	ck_assert_uint_eq(e.icount, 16);
	ck_assert_uint_eq(e.value, 0xaa);
	ck_assert_uint_eq(e.nharts, HARTS);
	ck_assert_uint_eq(event_digest_reg(&e, 0, 0), 0);
	ck_assert_uint_eq(event_digest_reg(&e, 0, 39), 39);
	ck_assert_uint_eq(event_digest_reg(&e, 1, 5), 0x105);
	uint8_t *buf = malloc(event_max_size());
	ck_assert_uint_eq(event_encode(&e, buf), len);
	ck_assert_mem_eq(buf, rec, len);
	/* A digest compares equal to itself and names a differing one. */
	char why[256];
	ck_assert(event_digest_equal(&e, &e, why, sizeof why));
	memcpy(buf, rec, len);
	buf[21 + (DIGEST_REGS + 2) * 8] ^= 1; /* hart 1's sp */
	struct event f;
	ck_assert_int_eq(event_decode(buf, len, &f), 0);
	ck_assert(!event_digest_equal(&e, &f, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "hart 1 sp"));
	free(buf);
	free(rec);
}
END_TEST

START_TEST(test_malformed_records)
{
	struct event e;
	uint8_t r[sizeof console_rec + 1];
	memcpy(r, console_rec, sizeof console_rec);
	/* Short, long, or a length past the record. */
	ck_assert_int_eq(event_decode(r, 8, &e), -1);
	ck_assert_int_eq(event_decode(r, sizeof console_rec - 1, &e), -1);
	ck_assert_int_eq(event_decode(r, sizeof console_rec + 1, &e), -1);
	r[9] = 4;
	ck_assert_int_eq(event_decode(r, sizeof console_rec, &e), -1);
	/* A console payload larger than the limit. */
	uint8_t big[13];
	memcpy(big, console_rec, 9);
	big[9] = 0x01;
	big[10] = 0x10; /* 4097 */
	big[11] = big[12] = 0;
	ck_assert_int_eq(event_decode(big, sizeof big, &e), -1);
	/* Unknown types, and image pieces, are not events. */
	r[0] = EV_IMAGE;
	ck_assert_int_eq(event_decode(r, sizeof console_rec, &e), -1);
	r[0] = EV_KINDS;
	ck_assert_int_eq(event_decode(r, sizeof console_rec, &e), -1);
	/* A digest of no harts, or of more than there can be. */
	uint8_t d[21] = {4};
	ck_assert_int_eq(event_decode(d, sizeof d, &e), -1);
	d[17] = EV_MAX_HARTS + 1;
	ck_assert_int_eq(event_decode(d, sizeof d, &e), -1);
}
END_TEST

/* Network frames: type 7 (received) and 8 (sent), icount, u32 length,
 * the frame; an Ethernet header at least, EV_MAX_BYTES at most. */
START_TEST(test_frame_record_bytes)
{
	uint8_t rec[9 + 4 + EV_MAX_BYTES + 1];
	memset(rec, 0xab, sizeof(rec));
	rec[0] = 7;
	for (int i = 0; i < 8; i++)
		rec[1 + i] = (uint8_t)(0x10 + i);
	rec[9] = 14, rec[10] = rec[11] = rec[12] = 0;
	struct event e;
	ck_assert_int_eq(event_decode(rec, 9 + 4 + 14, &e), 0);
	ck_assert_int_eq(e.type, EV_NET_RX);
	ck_assert_uint_eq(e.icount, 0x1716151413121110ull);
	ck_assert_uint_eq(e.len, 14);
	ck_assert_ptr_eq(e.bytes, rec + 13);
	uint8_t out[9 + 4 + EV_MAX_BYTES];
	ck_assert_uint_eq(event_encode(&e, out), 9 + 4 + 14);
	ck_assert_mem_eq(out, rec, 9 + 4 + 14);
	rec[0] = 10;
	ck_assert_int_eq(event_decode(rec, 9 + 4 + 14, &e), 0);
	ck_assert_int_eq(e.type, EV_NET_TX);
	/* A runt, an oversize frame, a length the record does not hold. */
	rec[9] = 13;
	ck_assert_int_eq(event_decode(rec, 9 + 4 + 13, &e), -1);
	rec[9] = 0x01, rec[10] = 0x10; /* 4097 */
	ck_assert_int_eq(event_decode(rec, sizeof(rec), &e), -1);
	rec[9] = 60, rec[10] = 0;
	ck_assert_int_eq(event_decode(rec, 9 + 4 + 59, &e), -1);
}
END_TEST

START_TEST(test_schedule_record_bytes)
{
	/* Hart 1's turn cut to 1487 instructions: draw 1, at icount 5904. */
	static const uint8_t sched_rec[] = {
		11,   0x10, 0x17, 0, 0, 0, 0, 0, 0, /* type, icount 5904 */
		1,    0,    0,	  0,		    /* kind: quantum */
		1,    0,    0,	  0,		    /* hart 1 */
		1,    0,    0,	  0, 0, 0, 0, 0,    /* draw 1 */
		0xce, 0x05, 0,	  0, 0, 0, 0, 0};   /* 1486 */
	struct event e;
	ck_assert_int_eq(event_decode(sched_rec, sizeof sched_rec, &e), 0);
	ck_assert_int_eq(e.type, EV_SCHEDULE);
	ck_assert_uint_eq(e.icount, 5904);
	ck_assert_uint_eq(e.reg, CHAOS_QUANTUM);
	ck_assert_uint_eq(e.hart, 1);
	ck_assert_uint_eq(e.ordinal, 1);
	ck_assert_uint_eq(e.value, 1486);
	uint8_t buf[64];
	ck_assert_uint_eq(event_encode(&e, buf), sizeof sched_rec);
	ck_assert_mem_eq(buf, sched_rec, sizeof sched_rec);
	/* A kind that does not exist, or a record cut short. */
	memcpy(buf, sched_rec, sizeof sched_rec);
	buf[9] = 0;
	ck_assert_int_eq(event_decode(buf, sizeof sched_rec, &e), -1);
	buf[9] = CHAOS_KIND_LAST + 1;
	ck_assert_int_eq(event_decode(buf, sizeof sched_rec, &e), -1);
	ck_assert_int_eq(event_decode(sched_rec, sizeof sched_rec - 1, &e), -1);
}
END_TEST

START_TEST(test_gate_queue_keeps_payloads_while_growing)
{
	struct gate g;
	ck_assert_int_eq(gate_init(&g, GATE_REPLAY, NULL, NULL, NULL), 0);
	gate_keep(&g); /* the queue is all there is: no reader */
	uint8_t *buf = malloc(event_max_size());
	uint8_t bytes[EV_MAX_BYTES];
	enum { N = 300 };
	for (unsigned i = 0; i < N; i++) {
		size_t n = 1 + i * 13 % EV_MAX_BYTES;
		memset(bytes, (int)i, n);
		struct event e = {.type = EV_CONSOLE,
				  .icount = i,
				  .len = (uint32_t)n,
				  .bytes = bytes};
		ck_assert_int_eq(
			gate_queue_record(&g, buf, event_encode(&e, buf)), 0);
	}
	ck_assert_int_eq(gate_queue_record(&g, buf, 3), -EBADMSG);
	unsigned bad = N;
	for (unsigned i = 0; i < N && bad == N; i++) {
		const struct event *e = gate_peek_driver_event(&g);
		size_t n = 1 + i * 13 % EV_MAX_BYTES;
		if (!e || e->icount != i || e->len != n)
			bad = i;
		for (size_t k = 0; bad == N && k < n; k++)
			if (e->bytes[k] != (uint8_t)i)
				bad = i;
		gate_pop_driver_event(&g);
	}
	ck_assert_uint_eq(bad, N);
	ck_assert_ptr_null(gate_peek_driver_event(&g));
	ck_assert_uint_eq(g.counts[EV_CONSOLE], N);
	/* Back to the start, as a debugger going back does. */
	gate_seek(&g, 0);
	const struct event *e = gate_peek_driver_event(&g);
	ck_assert_uint_eq(e->icount, 0);
	ck_assert_uint_eq(e->bytes[0], 0);
	free(buf);
	gate_free(&g);
}
END_TEST

/* The RAM hash of a digest, from its definition in
 * docs/recording-format.md: the pages written since power-on, each one's
 * number and then, for FNV, its 512 words or, for CRC32C, its CRC-32C,
 * through one FNV-1a chain. */
static uint64_t ram_hash_by_hand(const struct machine *m, enum ram_hash how)
{
	const struct mem_region *r = m->ram;
	uint64_t h = 0xcbf29ce484222325ull, prime = 0x100000001b3ull;
	for (uint64_t p = 0; p < r->size / 4096; p++) {
		if (!(r->written[p / 64] >> (p % 64) & 1))
			continue;
		const uint8_t *page = r->host + p * 4096;
		h = (h ^ p) * prime;
		if (how == RAM_HASH_CRC32C) {
			h = (h ^ crc32c_update(0, page, 4096)) * prime;
			continue;
		}
		for (unsigned i = 0; i < 4096; i += 8) {
			uint64_t w = 0;
			for (int b = 7; b >= 0; b--)
				w = w << 8 | page[i + (unsigned)b];
			h = (h ^ w) * prime;
		}
	}
	return h;
}

static uint64_t wall_ns(void *ctx)
{
	(void)ctx;
	return 1700000000000000000ull;
}

/* Recordings made before the header said ram-hash carry FNV hashes, new
 * ones CRC32C: each kind is what its definition says, a byte changed in
 * RAM changes both, and a digest without RAM carries 0. */
START_TEST(test_digest_ram_hash_kinds)
{
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	cfg.host.wall_ns = wall_ns;
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	static uint8_t page[4096];
	for (unsigned i = 0; i < sizeof page; i++)
		page[i] = (uint8_t)(i * 31 + 7);
	ck_assert_int_eq(bus_load_page(m->ram, 3, page), 0);
	ck_assert_int_eq(bus_load_page(m->ram, 200, page), 0);
	struct event e;
	uint8_t regs[EV_DIGEST_MAX_BYTES];
	uint64_t got[3];
	for (int how = RAM_HASH_NONE; how <= RAM_HASH_CRC32C; how++) {
		event_digest_take(m, (enum ram_hash)how, &e, regs);
		got[how] = e.value;
	}
	ck_assert_uint_eq(got[RAM_HASH_NONE], 0);
	ck_assert_uint_eq(got[RAM_HASH_FNV], ram_hash_by_hand(m, RAM_HASH_FNV));
	ck_assert_uint_eq(got[RAM_HASH_CRC32C],
			  ram_hash_by_hand(m, RAM_HASH_CRC32C));
	ck_assert_uint_ne(got[RAM_HASH_FNV], got[RAM_HASH_CRC32C]);
	ck_assert_int_eq(
		bus_write(&m->bus, RAM_BASE + 200 * 4096 + 1234, 1, 0x5a), 0);
	for (int how = RAM_HASH_FNV; how <= RAM_HASH_CRC32C; how++) {
		event_digest_take(m, (enum ram_hash)how, &e, regs);
		ck_assert_uint_ne(e.value, got[how]);
		ck_assert_uint_eq(e.value,
				  ram_hash_by_hand(m, (enum ram_hash)how));
	}
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("events");
	TCase *tc = tcase_create("events");
	tcase_add_test(tc, test_console_record_bytes);
	tcase_add_test(tc, test_end_and_wall_record_bytes);
	tcase_add_test(tc, test_digest_record_bytes);
	tcase_add_test(tc, test_malformed_records);
	tcase_add_test(tc, test_frame_record_bytes);
	tcase_add_test(tc, test_schedule_record_bytes);
	tcase_add_test(tc, test_gate_queue_keeps_payloads_while_growing);
	tcase_add_test(tc, test_digest_ram_hash_kinds);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
