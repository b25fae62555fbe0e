/* The board's identity as guests read it, by machine version: version 2
 * is QEMU 7.2 virt's (device-tree strings, PLIC sources); version 1, on
 * which old recordings and snapshots run, keeps the first board's. The
 * recording header names the version, and only known ones are accepted.
 * (The virtio vendor id and feature rule are in test_virtio.) */
#include "../../replay/recording.h"
#include "dev/plic.h"
#include "fdt_build.h"
#include "machine.h"

#include <check.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

static struct machine *board_new(int identity)
{
	struct machine_config cfg = {
		.ram_size = 1 << 20, .nharts = 2, .identity = identity};
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	return m;
}

static uint8_t fdt[0x10000];

static const void *prop(struct machine *m, const char *path, const char *name,
			int *len)
{
	struct fdt_params p = {0};
	ck_assert_int_gt(fdt_build(m, &p, fdt, sizeof(fdt)), 0);
	int node = fdt_path_offset(fdt, path);
	ck_assert_int_ge(node, 0);
	const void *v = fdt_getprop(fdt, node, name, len);
	ck_assert_msg(v != NULL, "%s:%s missing", path, name);
	return v;
}

static uint32_t prop_u32(struct machine *m, const char *path, const char *name)
{
	int len;
	const fdt32_t *v = prop(m, path, name, &len);
	ck_assert_int_eq(len, 4);
	return fdt32_to_cpu(*v);
}

/* Priority register of `irq` after writing 7 to it. */
static uint32_t priority_kept(struct machine *m, unsigned irq)
{
	uint64_t v = 0;
	ck_assert_int_eq(plic_write(m->plic, 4u * irq, 4, 7), 0);
	ck_assert_int_eq(plic_read(m->plic, 4u * irq, 4, &v), 0);
	return (uint32_t)v;
}

START_TEST(test_version2_is_qemu_virt)
{
	struct machine *m = board_new(0);
	ck_assert_int_eq(m->identity, MACHINE_IDENTITY_V2);
	int len;
	ck_assert_str_eq(prop(m, "/", "model", &len), "riscv-virtio,qemu");
	ck_assert_str_eq(prop(m, "/", "compatible", &len), "riscv-virtio");
	const char *plic = "/soc/plic@c000000";
	ck_assert_mem_eq(prop(m, plic, "compatible", &len),
			 "sifive,plic-1.0.0\0riscv,plic0", 30);
	/* Linux on QEMU's virt: "mapped 96 interrupts"; every one of them
	 * has a priority register. */
	ck_assert_uint_eq(prop_u32(m, plic, "riscv,ndev"), 96);
	ck_assert_uint_eq(priority_kept(m, 96), 7);
	ck_assert_uint_eq(priority_kept(m, 97), 0);
	ck_assert_str_eq(prop(m, "/cpus/cpu@1", "mmu-type", &len),
			 "riscv,sv57");
	/* QEMU's topology: every hart a core of one cluster. */
	uint32_t ph = prop_u32(m, "/cpus/cpu@1", "phandle");
	ck_assert_uint_eq(prop_u32(m, "/cpus/cpu-map/cluster0/core1", "cpu"),
			  ph);
	ck_assert_str_eq(prop(m, "/chosen", "stdout-path", &len),
			 "/soc/serial@10000000");
	machine_free(m);
}
END_TEST

START_TEST(test_version1_keeps_its_identity)
{
	struct machine *m = board_new(MACHINE_IDENTITY_V1);
	int len;
	ck_assert_str_eq(prop(m, "/", "model", &len), "rewind,virt");
	ck_assert_str_eq(prop(m, "/cpus/cpu@0", "mmu-type", &len),
			 "riscv,sv48");
	ck_assert_uint_eq(prop_u32(m, "/soc/plic@c000000", "riscv,ndev"), 31);
	ck_assert_uint_eq(priority_kept(m, 31), 7);
	ck_assert_uint_eq(priority_kept(m, 32), 0);
	/* Version 1's tree had no topology: its recordings depend on that. */
	ck_assert_int_lt(fdt_path_offset(fdt, "/cpus/cpu-map"), 0);
	machine_free(m);
}
END_TEST

START_TEST(test_unknown_version_refused)
{
	struct machine_config cfg = {
		.ram_size = 1 << 20, .nharts = 1, .identity = 3};
	char err[256];
	ck_assert_ptr_null(machine_new(&cfg, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "machine version 3"));
}
END_TEST

static int header_parse(const char *text, struct rec_config *c)
{
	char err[256];
	return recording_header_parse(text, strlen(text), c, err, sizeof(err));
}

START_TEST(test_header_names_the_version)
{
	static struct rec_config c, back;
	memset(&c, 0, sizeof(c));
	c.mem = 1 << 20;
	c.smp = 1;
	c.bare = true;
	size_t len;
	/* 0 (unset) writes the current version. */
	char *h = recording_header_build(&c, &len);
	ck_assert_ptr_nonnull(strstr(h, "machine=rewind-virt-2\n"));
	char err[256];
	ck_assert_int_eq(
		recording_header_parse(h, len, &back, err, sizeof(err)), 0);
	ck_assert_int_eq(back.identity, MACHINE_IDENTITY_V2);
	free(h);
	c.identity = MACHINE_IDENTITY_V1;
	h = recording_header_build(&c, &len);
	ck_assert_ptr_nonnull(strstr(h, "machine=rewind-virt-1\n"));
	ck_assert_int_eq(
		recording_header_parse(h, len, &back, err, sizeof(err)), 0);
	ck_assert_int_eq(back.identity, MACHINE_IDENTITY_V1);
	free(h);
	/* Unknown versions, and a header without one, are refused. */
	ck_assert_int_ne(header_parse("machine=rewind-virt-3\nmem=1048576\n"
				      "smp=1\nbios=none\n",
				      &back),
			 0);
	ck_assert_int_ne(header_parse("machine=rewind-virt-12\nmem=1048576\n"
				      "smp=1\nbios=none\n",
				      &back),
			 0);
	ck_assert_int_ne(header_parse("mem=1048576\nsmp=1\nbios=none\n", &back),
			 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("identity");
	TCase *tc = tcase_create("identity");
	tcase_add_test(tc, test_version2_is_qemu_virt);
	tcase_add_test(tc, test_version1_keeps_its_identity);
	tcase_add_test(tc, test_unknown_version_refused);
	tcase_add_test(tc, test_header_names_the_version);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
