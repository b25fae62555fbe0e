/* The device registry: board order, and a device added as nothing but its
 * file. This test is linked with tests/devices/virtio_test_dev.c, a virtio
 * device no core file names; it must show up in the device tree, answer a
 * guest's probe of its slot, keep its own state across a snapshot and go
 * back to power-on on a reboot. */
#include "../devices/virtio_test_dev.h"
#include "bus.h"
#include "dev/registry.h"
#include "dev/virtio_mmio.h"
#include "dev/virtio_rng.h"
#include "fdt_build.h"
#include "machine.h"
#include "state.h"

#include <check.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#define RAM_SIZE (16u << 20)
/* No disks: the entropy source in slot 0, the test device in slot 1. */
#define TEST_SLOT 1
#define TEST_BASE (VIRTIO_MMIO_BASE + TEST_SLOT * VIRTIO_MMIO_SIZE)
#define QSIZE	  8
#define DESC_PA	  (RAM_BASE + 0x1000)
#define AVAIL_PA  (RAM_BASE + 0x2000)
#define USED_PA	  (RAM_BASE + 0x3000)
#define IN_PA	  (RAM_BASE + 0x4000)
#define OUT_PA	  (RAM_BASE + 0x5000)

static struct machine *board_new(void)
{
	struct machine_config cfg = {.ram_size = RAM_SIZE, .nharts = 1};
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	return m;
}

/* The hart spins on `j .` so that virtual time passes. */
static void board_spin(struct machine *m)
{
	ck_assert_int_eq(bus_write(&m->bus, RAM_BASE, 4, 0x0000006f), 0);
	m->harts[0]->pc = RAM_BASE;
}

static uint32_t rd(struct machine *m, uint64_t base, uint64_t off)
{
	uint64_t v;
	ck_assert_int_eq(bus_read(&m->bus, base + off, 4, &v), 0);
	return (uint32_t)v;
}

static void wr(struct machine *m, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(bus_write(&m->bus, TEST_BASE + off, 4, v), 0);
}

static void poke(struct machine *m, uint64_t pa, unsigned size, uint64_t v)
{
	ck_assert_int_eq(bus_write(&m->bus, pa, size, v), 0);
}

static uint64_t peek(struct machine *m, uint64_t pa, unsigned size)
{
	uint64_t v;
	ck_assert_int_eq(bus_read(&m->bus, pa, size, &v), 0);
	return v;
}

/* What a guest driver does before its first request. */
static void driver_start(struct machine *m)
{
	wr(m, VIRTIO_MMIO_STATUS, 0);
	wr(m, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(m, VIRTIO_MMIO_STATUS,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES, 1); /* VERSION_1 */
	uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
		      VIRTIO_STATUS_FEATURES_OK;
	wr(m, VIRTIO_MMIO_STATUS, st);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_STATUS), st);
	wr(m, VIRTIO_MMIO_QUEUE_SEL, 0);
	wr(m, VIRTIO_MMIO_QUEUE_NUM, QSIZE);
	wr(m, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC_PA);
	wr(m, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(DESC_PA >> 32));
	wr(m, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_PA);
	wr(m, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, (uint32_t)(AVAIL_PA >> 32));
	wr(m, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)USED_PA);
	wr(m, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, (uint32_t)(USED_PA >> 32));
	wr(m, VIRTIO_MMIO_QUEUE_READY, 1);
	wr(m, VIRTIO_MMIO_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
}

static void desc_put(struct machine *m, int i, uint64_t addr, uint32_t len,
		     uint16_t flags, uint16_t next)
{
	uint64_t d = DESC_PA + 16 * (uint64_t)i;
	poke(m, d, 8, addr);
	poke(m, d + 8, 4, len);
	poke(m, d + 12, 2, flags);
	poke(m, d + 14, 2, next);
}

/* Request number `n` (0, 1, ...) hands the device `value`; returns what
 * it answered: the value it held before (low half) and how many requests
 * it has served (high half). */
static uint64_t request(struct machine *m, uint16_t n, uint32_t value)
{
	poke(m, IN_PA, 4, value);
	poke(m, OUT_PA, 8, 0);
	desc_put(m, 0, IN_PA, 4, VIRTQ_DESC_F_NEXT, 1);
	desc_put(m, 1, OUT_PA, 8, VIRTQ_DESC_F_WRITE, 0);
	poke(m, AVAIL_PA + 4 + 2 * (n % QSIZE), 2, 0);
	poke(m, AVAIL_PA + 2, 2, (uint16_t)(n + 1));
	wr(m, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	machine_run(m, 2 * VIRTIO_LATENCY_INSNS + VIRTIO_LATENCY_PER_4K);
	ck_assert_uint_eq(peek(m, USED_PA + 2, 2), (uint16_t)(n + 1));
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_STATUS) &
				  VIRTIO_STATUS_DEVICE_NEEDS_RESET,
			  0);
	return peek(m, OUT_PA, 8);
}

static uint64_t answer(uint32_t before, uint32_t served)
{
	return (uint64_t)served << 32 | before;
}

START_TEST(test_types_in_board_order)
{
	int n;
	const struct dev_type *const *t = dev_types(&n);
	ck_assert_int_ge(n, 2);
	for (int i = 1; i < n; i++)
		ck_assert_uint_le(t[i - 1]->order, t[i]->order);
	/* The test device sits between the entropy source and the slots
	 * the transport leaves empty. */
	int rng = -1, test = -1, transport = -1;
	for (int i = 0; i < n; i++) {
		if (!strcmp(t[i]->name, "virtio-rng"))
			rng = i;
		if (!strcmp(t[i]->name, "virtio-test"))
			test = i;
		if (t[i] == &virtio_mmio_type)
			transport = i;
	}
	ck_assert_int_ge(rng, 0);
	ck_assert_int_gt(test, rng);
	ck_assert_int_gt(transport, test);
}
END_TEST

START_TEST(test_device_in_fdt)
{
	struct machine *m = board_new();
	static uint8_t fdt[0x10000];
	struct fdt_params p = {0};
	ck_assert_int_gt(fdt_build(m, &p, fdt, sizeof(fdt)), 0);
	int node = fdt_path_offset(fdt, "/soc/virtio_mmio@10002000");
	ck_assert_int_ge(node, 0);
	int len;
	const char *compat = fdt_getprop(fdt, node, "compatible", &len);
	ck_assert_ptr_nonnull(compat);
	ck_assert_str_eq(compat, "virtio,mmio");
	const fdt32_t *irq = fdt_getprop(fdt, node, "interrupts", &len);
	ck_assert_ptr_nonnull(irq);
	ck_assert_uint_eq(fdt32_to_cpu(*irq), IRQ_VIRTIO_FIRST + TEST_SLOT);
	/* Properties are only 4-byte aligned: 64-bit cells are loaded
	 * with fdt64_ld. */
	const fdt64_t *reg = fdt_getprop(fdt, node, "reg", &len);
	ck_assert_ptr_nonnull(reg);
	ck_assert_uint_eq(fdt64_ld(&reg[0]), TEST_BASE);
	ck_assert_uint_eq(fdt64_ld(&reg[1]), VIRTIO_MMIO_SIZE);
	machine_free(m);
}
END_TEST

START_TEST(test_guest_probe_finds_device)
{
	struct machine *m = board_new();
	ck_assert_int_eq(m->nvirtio, 2);
	uint64_t rng = VIRTIO_MMIO_BASE, next = TEST_BASE + VIRTIO_MMIO_SIZE;
	ck_assert_uint_eq(rd(m, rng, VIRTIO_MMIO_DEVICE_ID), VIRTIO_ID_RNG);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_MAGIC_VALUE),
			  VIRTIO_MMIO_MAGIC);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_VERSION), 2);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_DEVICE_ID),
			  VIRTIO_ID_TEST);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_CONFIG), 0x74736574);
	/* The slots after it are empty. */
	ck_assert_uint_eq(rd(m, next, VIRTIO_MMIO_MAGIC_VALUE),
			  VIRTIO_MMIO_MAGIC);
	ck_assert_uint_eq(rd(m, next, VIRTIO_MMIO_DEVICE_ID), 0);
	board_spin(m);
	driver_start(m);
	ck_assert_uint_eq(request(m, 0, 7), answer(VIRTIO_TEST_INITIAL, 1));
	ck_assert_uint_eq(request(m, 1, 8), answer(7, 2));
	machine_free(m);
}
END_TEST

/* The tags of the sections in a saved state, in order. */
static void state_tags(const struct state_buf *b, char *out, size_t len)
{
	struct state_reader r = {b->p, b->p + b->len, false};
	out[0] = '\0';
	char err[128];
	while (state_left(&r)) {
		char tag[STATE_TAG_LEN + 1] = {0};
		memcpy(tag, r.p, STATE_TAG_LEN);
		struct state_reader sect;
		ck_assert_int_eq(
			state_section(&r, tag, NULL, &sect, err, sizeof(err)),
			0);
		strncat(out, tag, len - strlen(out) - 1);
		strncat(out, " ", len - strlen(out) - 1);
	}
}

START_TEST(test_state_survives_snapshot)
{
	struct machine *a = board_new();
	board_spin(a);
	driver_start(a);
	ck_assert_uint_eq(request(a, 0, 0xabcd1234),
			  answer(VIRTIO_TEST_INITIAL, 1));
	struct state_buf b = {0};
	ck_assert_int_eq(machine_save(a, &b), 0);
	char tags[256];
	state_tags(&b, tags, sizeof(tags));
	ck_assert_str_eq(tags, "MACH HART CLNT PLIC UART RTC_ VIRT VIRT VTST "
			       "CODE HCAC ");
	/* A second machine takes the state: RAM first, then the rest. */
	struct machine *c = board_new();
	for (uint64_t pa = RAM_BASE; pa < RAM_BASE + 0x6000; pa += 8)
		poke(c, pa, 8, peek(a, pa, 8));
	struct state_reader r = {b.p, b.p + b.len, false};
	char err[256];
	ck_assert_msg(machine_load(c, &r, err, sizeof(err)) == 0, "%s", err);
	/* The device remembers the value and the count it was saved with. */
	ck_assert_uint_eq(request(c, 1, 5), answer(0xabcd1234, 2));
	free(b.p);
	machine_free(a);
	machine_free(c);
}
END_TEST

START_TEST(test_reset_on_reboot)
{
	struct machine *m = board_new();
	board_spin(m);
	driver_start(m);
	ck_assert_uint_eq(request(m, 0, 99), answer(VIRTIO_TEST_INITIAL, 1));
	ck_assert_uint_ne(rd(m, TEST_BASE, VIRTIO_MMIO_STATUS), 0);
	machine_reboot(m);
	/* The transport is back to power-on... */
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_STATUS), 0);
	ck_assert_uint_eq(rd(m, TEST_BASE, VIRTIO_MMIO_QUEUE_READY), 0);
	/* ...and so is the device's own state. */
	board_spin(m);
	driver_start(m);
	ck_assert_uint_eq(request(m, 0, 1), answer(VIRTIO_TEST_INITIAL, 1));
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("registry");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_types_in_board_order);
	tcase_add_test(tc, test_device_in_fdt);
	tcase_add_test(tc, test_guest_probe_finds_device);
	tcase_add_test(tc, test_state_survives_snapshot);
	tcase_add_test(tc, test_reset_on_reboot);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
