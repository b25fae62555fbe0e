/* Device-tree generation with libfdt's sequential-write API. The node names,
 * compatible strings and interrupt wiring follow the common "virt" board
 * layout, which unmodified firmware and kernels expect.
 *
 * Audited against QEMU 7.2's virt tree (`-M virt,dumpdtb=` and dtc) for
 * machine version 2: the same node names, compatible and model strings,
 * PLIC riscv,ndev, timebase, serial clock, syscon poweroff and reboot,
 * phandles on the cpu nodes and cpu-map. Different, on purpose:
 *   - riscv,isa names only what the harts implement (QEMU's also names
 *     h, zihintpause and zba/zbb/zbc/zbs, which we do not have);
 *   - on version 1, mmu-type is riscv,sv48 (its harts had no Sv57);
 *   - no pci, flash, fw-cfg or platform-bus nodes: no such devices;
 *   - no pmu node: the harts count no hardware events to map;
 *   - no /chosen rng-seed: entropy reaches the guest through virtio-rng,
 *     as an input the recording holds;
 *   - nodes in address order (QEMU writes them in reverse). */
#include "fdt_build.h"
#include "machine.h"

#include <libfdt.h>
#include <stdio.h>

static int fdt_reg(void *fdt, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = {cpu_to_fdt64(base), cpu_to_fdt64(size)};
	return fdt_property(fdt, "reg", reg, sizeof(reg));
}

static int fdt_begin_node_at(void *fdt, const char *name, uint64_t addr)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%s@%llx", name, (unsigned long long)addr);
	return fdt_begin_node(fdt, buf);
}

static int fdt_cpus(void *fdt, const struct machine *m)
{
	FDT_TRY(fdt_begin_node(fdt, "cpus"));
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 1));
	FDT_TRY(fdt_property_u32(fdt, "#size-cells", 0));
	FDT_TRY(fdt_property_u32(fdt, "timebase-frequency",
				 (uint32_t)TIMEBASE_HZ));
	bool v1 = m->identity == MACHINE_IDENTITY_V1;
	for (int i = 0; i < m->nharts; i++) {
		FDT_TRY(fdt_begin_node_at(fdt, "cpu", (uint64_t)i));
		if (!v1)
			FDT_TRY(fdt_property_u32(fdt, "phandle",
						 FDT_PH_CPU0 + (uint32_t)i));
		FDT_TRY(fdt_property_string(fdt, "device_type", "cpu"));
		FDT_TRY(fdt_property_u32(fdt, "reg", (uint32_t)i));
		FDT_TRY(fdt_property_string(fdt, "status", "okay"));
		FDT_TRY(fdt_property_string(fdt, "compatible", "riscv"));
		FDT_TRY(fdt_property_string(fdt, "riscv,isa",
					    "rv64imafdc_zicsr_zifencei_sstc"));
		/* What satp accepts (mmu_satp_legalize). */
		FDT_TRY(fdt_property_string(fdt, "mmu-type",
					    m->identity == MACHINE_IDENTITY_V1
						    ? "riscv,sv48"
						    : "riscv,sv57"));
		FDT_TRY(fdt_begin_node(fdt, "interrupt-controller"));
		FDT_TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
		FDT_TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
		FDT_TRY(fdt_property_string(fdt, "compatible",
					    "riscv,cpu-intc"));
		FDT_TRY(fdt_property_u32(fdt, "phandle",
					 FDT_PH_CPU_INTC0 + (uint32_t)i));
		FDT_TRY(fdt_end_node(fdt));
		FDT_TRY(fdt_end_node(fdt));
	}
	/* QEMU's topology: every hart a core of one cluster (version 1
	 * machines said nothing). */
	if (!v1) {
		FDT_TRY(fdt_begin_node(fdt, "cpu-map"));
		FDT_TRY(fdt_begin_node(fdt, "cluster0"));
		for (int i = 0; i < m->nharts; i++) {
			char name[16];
			snprintf(name, sizeof(name), "core%d", i);
			FDT_TRY(fdt_begin_node(fdt, name));
			FDT_TRY(fdt_property_u32(fdt, "cpu",
						 FDT_PH_CPU0 + (uint32_t)i));
			FDT_TRY(fdt_end_node(fdt));
		}
		FDT_TRY(fdt_end_node(fdt));
		FDT_TRY(fdt_end_node(fdt));
	}
	return fdt_end_node(fdt);
}

int fdt_build_irqs_per_hart(void *fdt, const struct machine *m, uint32_t irq_a,
			    uint32_t irq_b)
{
	fdt32_t cells[MACHINE_MAX_HARTS * 4];
	int n = 0;
	for (int i = 0; i < m->nharts; i++) {
		uint32_t ph = FDT_PH_CPU_INTC0 + (uint32_t)i;
		cells[n++] = cpu_to_fdt32(ph);
		cells[n++] = cpu_to_fdt32(irq_a);
		cells[n++] = cpu_to_fdt32(ph);
		cells[n++] = cpu_to_fdt32(irq_b);
	}
	return fdt_property(fdt, "interrupts-extended", cells,
			    n * (int)sizeof(fdt32_t));
}

/* Node t->node@base for `slot` of t: compatible, reg, and the interrupt
 * of a device on the PLIC; then the type's own properties. */
static int fdt_device(void *fdt, const struct machine *m,
		      const struct dev_type *t, int slot)
{
	uint64_t base = dev_base(t, slot);
	FDT_TRY(fdt_begin_node_at(fdt, t->node, base));
	FDT_TRY(fdt_property(fdt, "compatible", t->compat, (int)t->compat_len));
	FDT_TRY(fdt_reg(fdt, base, t->mmio.size));
	if (t->irq) {
		FDT_TRY(fdt_property_u32(fdt, "interrupts",
					 t->irq + (uint32_t)slot));
		FDT_TRY(fdt_property_u32(fdt, "interrupt-parent", FDT_PH_PLIC));
	}
	if (t->fdt)
		FDT_TRY(t->fdt(fdt, m));
	return fdt_end_node(fdt);
}

/* Every device type's nodes, in board order. */
static int fdt_soc(void *fdt, const struct machine *m)
{
	FDT_TRY(fdt_begin_node(fdt, "soc"));
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 2));
	FDT_TRY(fdt_property_u32(fdt, "#size-cells", 2));
	FDT_TRY(fdt_property_string(fdt, "compatible", "simple-bus"));
	FDT_TRY(fdt_property(fdt, "ranges", NULL, 0));
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++) {
		int slots = t[i]->slots > 0 ? t[i]->slots : 1;
		for (int slot = 0; t[i]->node && slot < slots; slot++)
			FDT_TRY(fdt_device(fdt, m, t[i], slot));
	}
	return fdt_end_node(fdt);
}

/* Nodes some types keep outside /soc (e.g. poweroff and reboot). */
static int fdt_board(void *fdt, const struct machine *m)
{
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++)
		if (t[i]->fdt_board)
			FDT_TRY(t[i]->fdt_board(fdt, m));
	return 0;
}

/* The console's node, as stdout-path names it. */
static int fdt_stdout_path(void *fdt)
{
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++) {
		if (!t[i]->console)
			continue;
		char path[96];
		snprintf(path, sizeof(path), "/soc/%s@%llx", t[i]->node,
			 (unsigned long long)t[i]->mmio.base);
		return fdt_property_string(fdt, "stdout-path", path);
	}
	return 0;
}

static int fdt_chosen(void *fdt, const struct fdt_params *p)
{
	FDT_TRY(fdt_begin_node(fdt, "chosen"));
	if (p->bootargs)
		FDT_TRY(fdt_property_string(fdt, "bootargs", p->bootargs));
	FDT_TRY(fdt_stdout_path(fdt));
	if (p->initrd_end > p->initrd_start) {
		FDT_TRY(fdt_property_u64(fdt, "linux,initrd-start",
					 p->initrd_start));
		FDT_TRY(fdt_property_u64(fdt, "linux,initrd-end",
					 p->initrd_end));
	}
	return fdt_end_node(fdt);
}

int fdt_build(const struct machine *m, const struct fdt_params *p, void *buf,
	      size_t size)
{
	void *fdt = buf;
	FDT_TRY(fdt_create(fdt, (int)size));
	FDT_TRY(fdt_finish_reservemap(fdt));
	FDT_TRY(fdt_begin_node(fdt, ""));
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 2));
	FDT_TRY(fdt_property_u32(fdt, "#size-cells", 2));
	FDT_TRY(fdt_property_string(fdt, "compatible", "riscv-virtio"));
	/* QEMU 7.2 virt's strings, which firmware and kernels may match on;
	 * version 1 machines said "rewind,virt". */
	FDT_TRY(fdt_property_string(fdt, "model",
				    m->identity == MACHINE_IDENTITY_V1
					    ? "rewind,virt"
					    : "riscv-virtio,qemu"));
	FDT_TRY(fdt_chosen(fdt, p));
	FDT_TRY(fdt_begin_node_at(fdt, "memory", m->ram->base));
	FDT_TRY(fdt_property_string(fdt, "device_type", "memory"));
	FDT_TRY(fdt_reg(fdt, m->ram->base, m->ram->size));
	FDT_TRY(fdt_end_node(fdt));
	FDT_TRY(fdt_cpus(fdt, m));
	FDT_TRY(fdt_soc(fdt, m));
	FDT_TRY(fdt_board(fdt, m));
	FDT_TRY(fdt_end_node(fdt));
	FDT_TRY(fdt_finish(fdt));
	return (int)fdt_totalsize(fdt);
}
