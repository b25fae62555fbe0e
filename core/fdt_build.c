/* Device-tree generation with libfdt's sequential-write API. The node names,
 * compatible strings and interrupt wiring follow the common "virt" board
 * layout, which unmodified firmware and kernels expect. */
#include "fdt_build.h"
#include "dev/clint.h"
#include "dev/finisher.h"
#include "dev/plic.h"
#include "dev/uart.h"
#include "machine.h"

#include <libfdt.h>
#include <stdio.h>

#define RTC_BASE    0x101000ull
#define RTC_SIZE    0x1000ull
#define VIRTIO_BASE 0x10001000ull
#define VIRTIO_SIZE 0x1000ull
/* The UART's input clock: drivers compute divisors from it. */
#define UART_CLOCK_HZ 3686400u

/* Phandles: the PLIC, the finisher, then one interrupt controller per hart. */
enum { PH_PLIC = 1, PH_FINISHER = 2, PH_CPU_INTC0 = 16 };

/* Each call returns a libfdt error; `FDT_TRY` stops at the first one. */
#define FDT_TRY(call)                                                          \
	do {                                                                   \
		int err_ = (call);                                             \
		if (err_ < 0)                                                  \
			return err_;                                           \
	} while (0)

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
	for (int i = 0; i < m->nharts; i++) {
		FDT_TRY(fdt_begin_node_at(fdt, "cpu", (uint64_t)i));
		FDT_TRY(fdt_property_string(fdt, "device_type", "cpu"));
		FDT_TRY(fdt_property_u32(fdt, "reg", (uint32_t)i));
		FDT_TRY(fdt_property_string(fdt, "status", "okay"));
		FDT_TRY(fdt_property_string(fdt, "compatible", "riscv"));
		FDT_TRY(fdt_property_string(fdt, "riscv,isa",
					    "rv64imafdc_zicsr_zifencei_sstc"));
		FDT_TRY(fdt_property_string(fdt, "mmu-type", "riscv,sv48"));
		FDT_TRY(fdt_begin_node(fdt, "interrupt-controller"));
		FDT_TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
		FDT_TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
		FDT_TRY(fdt_property_string(fdt, "compatible",
					    "riscv,cpu-intc"));
		FDT_TRY(fdt_property_u32(fdt, "phandle",
					 PH_CPU_INTC0 + (uint32_t)i));
		FDT_TRY(fdt_end_node(fdt));
		FDT_TRY(fdt_end_node(fdt));
	}
	return fdt_end_node(fdt);
}

/* interrupts-extended pairs for every hart: <&intc irq_a &intc irq_b ...> */
static int fdt_irqs_per_hart(void *fdt, const char *name,
			     const struct machine *m, uint32_t irq_a,
			     uint32_t irq_b)
{
	fdt32_t cells[MACHINE_MAX_HARTS * 4];
	int n = 0;
	for (int i = 0; i < m->nharts; i++) {
		uint32_t ph = PH_CPU_INTC0 + (uint32_t)i;
		cells[n++] = cpu_to_fdt32(ph);
		cells[n++] = cpu_to_fdt32(irq_a);
		cells[n++] = cpu_to_fdt32(ph);
		cells[n++] = cpu_to_fdt32(irq_b);
	}
	return fdt_property(fdt, name, cells, n * (int)sizeof(fdt32_t));
}

/* A device on the PLIC: reg, interrupts, interrupt-parent. */
static int fdt_plic_device(void *fdt, const char *name, const char *compat,
			   uint64_t base, uint64_t size, uint32_t irq)
{
	FDT_TRY(fdt_begin_node_at(fdt, name, base));
	FDT_TRY(fdt_property_string(fdt, "compatible", compat));
	FDT_TRY(fdt_reg(fdt, base, size));
	FDT_TRY(fdt_property_u32(fdt, "interrupts", irq));
	FDT_TRY(fdt_property_u32(fdt, "interrupt-parent", PH_PLIC));
	return 0;
}

static int fdt_soc(void *fdt, const struct machine *m)
{
	FDT_TRY(fdt_begin_node(fdt, "soc"));
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 2));
	FDT_TRY(fdt_property_u32(fdt, "#size-cells", 2));
	FDT_TRY(fdt_property_string(fdt, "compatible", "simple-bus"));
	FDT_TRY(fdt_property(fdt, "ranges", NULL, 0));

	FDT_TRY(fdt_begin_node_at(fdt, "clint", CLINT_BASE));
	static const char clint_compat[] = "sifive,clint0\0riscv,clint0";
	FDT_TRY(fdt_property(fdt, "compatible", clint_compat,
			     sizeof(clint_compat)));
	FDT_TRY(fdt_reg(fdt, CLINT_BASE, CLINT_SIZE));
	FDT_TRY(fdt_irqs_per_hart(fdt, "interrupts-extended", m, IRQ_MSI,
				  IRQ_MTI));
	FDT_TRY(fdt_end_node(fdt));

	FDT_TRY(fdt_begin_node_at(fdt, "plic", PLIC_BASE));
	static const char plic_compat[] = "sifive,plic-1.0.0\0riscv,plic0";
	FDT_TRY(fdt_property(fdt, "compatible", plic_compat,
			     sizeof(plic_compat)));
	FDT_TRY(fdt_reg(fdt, PLIC_BASE, PLIC_SIZE));
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 0));
	FDT_TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
	FDT_TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	FDT_TRY(fdt_property_u32(fdt, "riscv,ndev", PLIC_SOURCES - 1));
	/* Context 2h is hart h's M-mode (MEI), 2h+1 its S-mode (SEI). */
	FDT_TRY(fdt_irqs_per_hart(fdt, "interrupts-extended", m, IRQ_MEI,
				  IRQ_SEI));
	FDT_TRY(fdt_property_u32(fdt, "phandle", PH_PLIC));
	FDT_TRY(fdt_end_node(fdt));

	FDT_TRY(fdt_plic_device(fdt, "serial", "ns16550a", UART_BASE, UART_SIZE,
				IRQ_UART));
	FDT_TRY(fdt_property_u32(fdt, "clock-frequency", UART_CLOCK_HZ));
	FDT_TRY(fdt_end_node(fdt));

	FDT_TRY(fdt_plic_device(fdt, "rtc", "google,goldfish-rtc", RTC_BASE,
				RTC_SIZE, IRQ_RTC));
	FDT_TRY(fdt_end_node(fdt));

	/* Every slot is described, populated or not: an empty slot reads
	 * device id 0 and drivers skip it. */
	for (int n = 0; n < VIRTIO_SLOTS; n++) {
		uint64_t base = VIRTIO_BASE + (uint64_t)n * VIRTIO_SIZE;
		FDT_TRY(fdt_plic_device(fdt, "virtio_mmio", "virtio,mmio", base,
					VIRTIO_SIZE,
					IRQ_VIRTIO_FIRST + (uint32_t)n));
		FDT_TRY(fdt_end_node(fdt));
	}

	FDT_TRY(fdt_begin_node_at(fdt, "test", FINISHER_BASE));
	static const char test_compat[] = "sifive,test1\0sifive,test0\0syscon";
	FDT_TRY(fdt_property(fdt, "compatible", test_compat,
			     sizeof(test_compat)));
	FDT_TRY(fdt_reg(fdt, FINISHER_BASE, FINISHER_SIZE));
	FDT_TRY(fdt_property_u32(fdt, "phandle", PH_FINISHER));
	FDT_TRY(fdt_end_node(fdt));

	return fdt_end_node(fdt);
}

/* Poweroff and reboot through the finisher, as syscon consumers. */
static int fdt_syscon_action(void *fdt, const char *name, const char *compat,
			     uint32_t value)
{
	FDT_TRY(fdt_begin_node(fdt, name));
	FDT_TRY(fdt_property_string(fdt, "compatible", compat));
	FDT_TRY(fdt_property_u32(fdt, "regmap", PH_FINISHER));
	FDT_TRY(fdt_property_u32(fdt, "offset", 0));
	FDT_TRY(fdt_property_u32(fdt, "value", value));
	return fdt_end_node(fdt);
}

static int fdt_chosen(void *fdt, const struct fdt_params *p)
{
	FDT_TRY(fdt_begin_node(fdt, "chosen"));
	if (p->bootargs)
		FDT_TRY(fdt_property_string(fdt, "bootargs", p->bootargs));
	FDT_TRY(fdt_property_string(fdt, "stdout-path",
				    "/soc/serial@10000000"));
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
	FDT_TRY(fdt_property_string(fdt, "model", "rewind,virt"));
	FDT_TRY(fdt_chosen(fdt, p));
	FDT_TRY(fdt_begin_node_at(fdt, "memory", m->ram->base));
	FDT_TRY(fdt_property_string(fdt, "device_type", "memory"));
	FDT_TRY(fdt_reg(fdt, m->ram->base, m->ram->size));
	FDT_TRY(fdt_end_node(fdt));
	FDT_TRY(fdt_cpus(fdt, m));
	FDT_TRY(fdt_soc(fdt, m));
	FDT_TRY(fdt_syscon_action(fdt, "poweroff", "syscon-poweroff", 0x5555));
	FDT_TRY(fdt_syscon_action(fdt, "reboot", "syscon-reboot", 0x7777));
	FDT_TRY(fdt_end_node(fdt));
	FDT_TRY(fdt_finish(fdt));
	return (int)fdt_totalsize(fdt);
}
