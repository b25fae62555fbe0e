/*
 * Multi-hart bare-metal test guest: hart discovery, inter-processor
 * interrupts through the CLINT, and a virtio-blk write/read completed by
 * interrupt through the PLIC.
 *
 * Runs on any virt-board compatible machine started without firmware:
 * every hart enters _start in M-mode with a0 = its hart id, RAM at
 * 0x80000000, a 10 MHz mtime, and a modern (version 2) virtio-blk device in
 * one of the eight virtio-mmio slots. Any slot works: the guest scans all
 * of them, since boards differ in which slot the first device gets.
 *
 * Build (the rule is in guests/smp/smp.mk, the ELF lands in
 * build/guests/smp.elf):
 *   riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany -O2 \
 *       -ffreestanding -nostdlib -nostartfiles -T guests/smp/link.ld \
 *       guests/smp/crt0.S guests/smp/smp.c -o build/guests/smp.elf
 *
 * Run (the disk needs at least 6 sectors; sector 5 is overwritten):
 *   dd if=/dev/zero of=/tmp/d.img bs=1M count=1
 *   build/rewind run --bios none --smp 4 --disk /tmp/d.img \
 *       --kernel build/guests/smp.elf
 * (Any --smp from 1 to 8 works. Other implementations of the board may
 * default their virtio-mmio transport to the legacy version 1 interface,
 * which this guest does not drive: select the modern one there, e.g. with
 * a force-legacy=false transport property.)
 *
 * Output: one line per check on the UART 16550 at 0x10000000, then the
 * verdict through the test finisher at 0x100000: 0x5555 on pass, or
 * (code << 16) | 0x3333 with a code from enum fail_code below, so the exit
 * status names the failed check. An unexpected exception fails with
 * 0x40 + mcause, an unexpected interrupt with 0x80 + its cause: both stay
 * below 256, so a process exit status (8 bits) keeps every code apart.
 *
 * The hart count comes from the device tree whose address hart 0 finds in
 * a1 (see check_harts). Build with -DSMP_EXPECT_HARTS=N, or patch the word
 * smp_expect_harts in the image, to require exactly N harts instead.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The compare and fill loops must stay loops: there is no memset/memcmp. */
#pragma GCC optimize("no-tree-loop-distribute-patterns")

/* Must match crt0.S and link.ld. */
#define SMP_MAX_HARTS  8
#define SMP_STACK_SIZE 0x4000

/* ------------------------------------------------------------------ */
/* The board. */

#define UART_BASE     0x10000000ul
#define UART_THR      0 /* transmit holding register */
#define UART_LSR      5 /* line status register */
#define UART_LSR_THRE 0x20

#define FINISHER_BASE 0x100000ul
#define FINISHER_PASS 0x5555u
#define FINISHER_FAIL 0x3333u

#define CLINT_BASE	  0x2000000ul
#define CLINT_MSIP(h)	  (CLINT_BASE + 4ul * (h))
#define CLINT_MTIMECMP(h) (CLINT_BASE + 0x4000ul + 8ul * (h))
#define CLINT_MTIME	  (CLINT_BASE + 0xbff8ul)
/* Advertised in the FDT as timebase-frequency; the same on both machines
 * this guest targets, so it is not read from the FDT. */
#define MTIME_HZ 10000000ull
#define MS(n)	 ((n) * (MTIME_HZ / 1000))

/* Context 2*h is hart h's M-mode context; hart 0 M-mode is context 0. */
#define PLIC_BASE	   0x0c000000ul
#define PLIC_PRIORITY(irq) (PLIC_BASE + 4ul * (irq))
#define PLIC_ENABLE(ctx, irq)                                                  \
	(PLIC_BASE + 0x2000ul + 0x80ul * (ctx) + 4ul * ((irq) / 32))
#define PLIC_THRESHOLD(ctx) (PLIC_BASE + 0x200000ul + 0x1000ul * (ctx))
#define PLIC_CLAIM(ctx)	    (PLIC_THRESHOLD(ctx) + 4)
#define PLIC_CTX_HART0_M    0

#define VIRTIO_SLOT_BASE(n) (0x10001000ul + 0x1000ul * (n))
#define VIRTIO_SLOT_IRQ(n)  (1u + (n))
#define VIRTIO_SLOTS	    8

/* Virtio over MMIO, version 2 register offsets. */
#define VIO_MAGIC		0x000
#define VIO_VERSION		0x004
#define VIO_DEVICE_ID		0x008
#define VIO_DEVICE_FEATURES	0x010
#define VIO_DEVICE_FEATURES_SEL 0x014
#define VIO_DRIVER_FEATURES	0x020
#define VIO_DRIVER_FEATURES_SEL 0x024
#define VIO_QUEUE_SEL		0x030
#define VIO_QUEUE_NUM_MAX	0x034
#define VIO_QUEUE_NUM		0x038
#define VIO_QUEUE_READY		0x044
#define VIO_QUEUE_NOTIFY	0x050
#define VIO_INTERRUPT_STATUS	0x060
#define VIO_INTERRUPT_ACK	0x064
#define VIO_STATUS		0x070
#define VIO_QUEUE_DESC_LOW	0x080
#define VIO_QUEUE_DESC_HIGH	0x084
#define VIO_QUEUE_DRIVER_LOW	0x090
#define VIO_QUEUE_DRIVER_HIGH	0x094
#define VIO_QUEUE_DEVICE_LOW	0x0a0
#define VIO_QUEUE_DEVICE_HIGH	0x0a4
#define VIO_CONFIG		0x100 /* virtio-blk: u64 capacity first */

#define VIO_MAGIC_VALUE	   0x74726976u /* "virt" */
#define VIO_DEVICE_BLOCK   2
#define VIO_ST_ACKNOWLEDGE 0x01
#define VIO_ST_DRIVER	   0x02
#define VIO_ST_DRIVER_OK   0x04
#define VIO_ST_FEATURES_OK 0x08
#define VIO_ST_NEEDS_RESET 0x40
#define VIO_ST_FAILED	   0x80
#define VIO_F_VERSION_1	   32 /* a feature bit number, in the high word */
#define VIO_BLK_F_RO	   5

#define VIRTQ_SIZE	   8
#define VIRTQ_DESC_F_NEXT  1
#define VIRTQ_DESC_F_WRITE 2 /* the device writes this buffer */

#define BLK_T_IN      0 /* read */
#define BLK_T_OUT     1 /* write */
#define BLK_S_OK      0
#define BLK_SECTOR    512
#define BLK_TEST_SECT 5

/* mcause values (interrupt bit 63 set) and the matching mie bits. */
#define CAUSE_INTERRUPT (1ull << 63)
#define IRQ_M_SOFT	3
#define IRQ_M_TIMER	7
#define IRQ_M_EXT	11
#define MIE_MSIE	(1ul << IRQ_M_SOFT)
#define MIE_MTIE	(1ul << IRQ_M_TIMER)
#define MIE_MEIE	(1ul << IRQ_M_EXT)
#define MSTATUS_MIE	(1ul << 3)

/* Bounds on every wait, in mtime ticks. A correct machine never comes near
 * them; they only turn a lost hart or interrupt into a clear failure. */
#define HART_WAIT_TICKS	  MS(2000) /* for a known count to arrive */
#define HART_QUIET_TICKS  MS(50)   /* no count known: unchanged this long */
#define IPI_TIMEOUT_TICKS MS(2000)
#define BLK_TIMEOUT_TICKS MS(1000)
#define BLK_ROUNDS	  5 /* 10 requests: the 8-entry ring wraps */

/* Exit codes, one per check (the finisher reports (code << 16) | 0x3333). */
enum fail_code {
	FAIL_HARTS_EXPECT = 1, /* the expected harts did not all start */
	FAIL_HARTS_IDS = 2,    /* ids not 0..n-1, or an id >= 8 */
	FAIL_HARTS_A0 = 3,     /* a0 at entry was not mhartid */
	FAIL_HARTS_STACK = 4,  /* a hart ran outside its own stack slot */
	FAIL_IPI_ROUND1 = 5,   /* a hart missed the first IPI */
	FAIL_IPI_ROUND2 = 6,   /* a hart missed the second IPI */
	FAIL_IPI_COUNT = 7,    /* an IPI taken more than once */
	FAIL_HARTS_LATE = 8,   /* a hart started after discovery ended */
	FAIL_BLK_NONE = 9,     /* no modern virtio-blk device found */
	FAIL_BLK_INIT = 10,    /* status/feature handshake refused */
	FAIL_BLK_QUEUE = 11,   /* queue 0 unusable */
	FAIL_BLK_WRITE = 12,   /* write request failed or timed out */
	FAIL_BLK_READ = 13,    /* read request failed or timed out */
	FAIL_BLK_COMPARE = 14, /* read-back data differs */
	FAIL_BLK_IRQ = 15,     /* completion without its interrupt, or a
				  stray PLIC interrupt */
	FAIL_EXCEPTION = 0x40, /* + mcause: an exception on any hart */
	FAIL_INTERRUPT = 0x80, /* + cause: an interrupt nobody enabled */
};

/* ------------------------------------------------------------------ */
/* Low-level helpers. */

#define csr_read(csr)                                                          \
	({                                                                     \
		unsigned long v_;                                              \
		__asm__ volatile("csrr %0, " #csr : "=r"(v_));                 \
		v_;                                                            \
	})
#define csr_set(csr, bits)                                                     \
	__asm__ volatile("csrs " #csr ", %0" ::"r"(bits) : "memory")
#define csr_clear(csr, bits)                                                   \
	__asm__ volatile("csrc " #csr ", %0" ::"r"(bits) : "memory")

/* Orders device (I/O) accesses against memory accesses: needed wherever a
 * ring update must be visible before a notify, or a CLINT store before the
 * memory store that announces it. */
static inline void fence_io(void)
{
	__asm__ volatile("fence iorw, iorw" ::: "memory");
}

static inline void wfi(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void mmio_write64(uintptr_t addr, uint64_t v)
{
	*(volatile uint64_t *)addr = v;
}

static inline uint64_t mtime(void)
{
	return mmio_read64(CLINT_MTIME);
}

static inline uint32_t load32(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

/* ------------------------------------------------------------------ */
/* Console and verdict. Only hart 0 prints, except on a failure, so lines
 * do not interleave. */

static void uart_putc(char c)
{
	while (!(*(volatile uint8_t *)(UART_BASE + UART_LSR) & UART_LSR_THRE))
		;
	*(volatile uint8_t *)(UART_BASE + UART_THR) = (uint8_t)c;
}

static void puts_(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

static void put_dec(uint64_t v)
{
	char buf[21];
	int i = 0;
	do {
		buf[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		uart_putc(buf[--i]);
}

static void put_hex(uint64_t v)
{
	puts_("0x");
	for (int shift = 60; shift >= 0; shift -= 4) {
		if ((v >> shift) == 0 && shift)
			continue; /* skip leading zeros */
		uart_putc("0123456789abcdef"[(v >> shift) & 0xf]);
	}
}

static __attribute__((noreturn)) void finish(uint32_t word)
{
	mmio_write32(FINISHER_BASE, word);
	/* The finisher ends the run; stay put if the store is ignored. */
	csr_clear(mstatus, MSTATUS_MIE);
	for (;;)
		wfi();
}

static __attribute__((noreturn)) void fail(enum fail_code code, const char *why)
{
	puts_("smp: FAIL (");
	put_dec(code);
	puts_("): ");
	puts_(why);
	uart_putc('\n');
	finish(((uint32_t)code << 16) | FINISHER_FAIL);
}

/* ------------------------------------------------------------------ */
/* State shared between harts and the trap handler. */

/* Nonzero: require exactly this many harts instead of discovering them.
 * Volatile so the compiler reads the (possibly patched) word in the image
 * rather than folding the default. */
#ifndef SMP_EXPECT_HARTS
#define SMP_EXPECT_HARTS 0
#endif
__attribute__((used)) const volatile uint32_t smp_expect_harts =
	SMP_EXPECT_HARTS;

extern uint32_t smp_extra_harts; /* crt0.S: harts with id >= 8 */
extern char _stacks[];		 /* link.ld: the per-hart stack slots */

static uint32_t harts_started;		  /* harts that reached C */
static uint32_t harts_mask;		  /* bit h: hart h started */
static uint32_t harts_bad_a0;		  /* bit h: a0 != mhartid */
static uintptr_t harts_sp[SMP_MAX_HARTS]; /* an address on each stack */
static uint32_t ipi_mask;		  /* bit h: took this round's IPI */
static uint32_t ipi_count[SMP_MAX_HARTS]; /* IPIs taken, per hart */
static volatile uint32_t timer_fired;	  /* hart 0's wait deadline */
static volatile uint32_t blk_irqs;	  /* virtio-blk interrupts taken */
static volatile uint32_t stray_irqs;	  /* any other PLIC source */
static uintptr_t blk_base;		  /* the device's slot */
static uint32_t blk_irq;		  /* and its PLIC source */

/* ------------------------------------------------------------------ */
/* Traps. */

static void trap_soft(uint32_t hart)
{
	/* msip is a level: clear it before returning or the interrupt is
	 * taken again. Clear it before recording, too, so that once hart 0
	 * sees our bit it may raise msip for the next round without the
	 * clear swallowing it. */
	mmio_write32(CLINT_MSIP(hart), 0);
	fence_io();
	__atomic_fetch_add(&ipi_count[hart], 1, __ATOMIC_RELAXED);
	__atomic_fetch_or(&ipi_mask, 1u << hart, __ATOMIC_RELEASE);
}

static void trap_timer(uint32_t hart)
{
	/* Only hart 0 arms its timer, as the bound of a wait. */
	mmio_write64(CLINT_MTIMECMP(hart), UINT64_MAX);
	timer_fired = 1;
}

static void trap_external(void)
{
	uint32_t irq = mmio_read32(PLIC_CLAIM(PLIC_CTX_HART0_M));
	if (irq == 0)
		return; /* nothing pending any more: a spurious wake-up */
	if (blk_base && irq == blk_irq) {
		/* Acknowledge at the device before completing at the PLIC,
		 * so the line is low when the PLIC samples it again. */
		uint32_t why = mmio_read32(blk_base + VIO_INTERRUPT_STATUS);
		mmio_write32(blk_base + VIO_INTERRUPT_ACK, why);
		blk_irqs++;
	} else {
		stray_irqs++;
	}
	mmio_write32(PLIC_CLAIM(PLIC_CTX_HART0_M), irq);
}

/* Called from crt0's trap entry on the interrupted hart's stack. */
void smp_trap(uint64_t cause, uint64_t epc, uint64_t tval)
{
	uint32_t hart = (uint32_t)csr_read(mhartid);

	if (!(cause & CAUSE_INTERRUPT)) {
		puts_("smp: FAIL: exception on hart ");
		put_dec(hart);
		puts_(": mcause ");
		put_dec(cause);
		puts_(" mepc ");
		put_hex(epc);
		puts_(" mtval ");
		put_hex(tval);
		uart_putc('\n');
		finish(((FAIL_EXCEPTION + (uint32_t)(cause & 0x3f)) << 16) |
		       FINISHER_FAIL);
	}
	switch (cause & ~CAUSE_INTERRUPT) {
	case IRQ_M_SOFT: trap_soft(hart); break;
	case IRQ_M_TIMER: trap_timer(hart); break;
	case IRQ_M_EXT: trap_external(); break;
	default:
		puts_("smp: FAIL: unexpected interrupt on hart ");
		put_dec(hart);
		puts_(": mcause ");
		put_hex(cause);
		uart_putc('\n');
		finish(((FAIL_INTERRUPT + (uint32_t)(cause & 0x3f)) << 16) |
		       FINISHER_FAIL);
	}
}

/* ------------------------------------------------------------------ */
/* Start-up: every hart announces itself. */

static void hart_announce(uint32_t hart, uint64_t a0)
{
	volatile char here; /* any local lives on this hart's stack */

	harts_sp[hart] = (uintptr_t)&here;
	if (a0 != csr_read(mhartid))
		__atomic_fetch_or(&harts_bad_a0, 1u << hart, __ATOMIC_RELAXED);
	__atomic_fetch_or(&harts_mask, 1u << hart, __ATOMIC_RELAXED);
	/* Last, with release: hart 0 reads the count with acquire and may
	 * then rely on everything stored above. */
	__atomic_fetch_add(&harts_started, 1, __ATOMIC_RELEASE);
}

/* Harts 1..n-1: announce, then sleep taking IPIs for good. */
void secondary_main(uint64_t a0)
{
	hart_announce((uint32_t)a0, a0);
	/* msip is a level, so an IPI sent before these lines is not lost:
	 * it is taken as soon as it is enabled. */
	csr_set(mie, MIE_MSIE);
	csr_set(mstatus, MSTATUS_MIE);
	for (;;)
		wfi();
}

/* ------------------------------------------------------------------ */
/* Check 1: how many harts, and does each have its own stack? */

#define RAM_BASE       0x80000000ul
#define FDT_MAGIC      0xd00dfeedu
#define FDT_MAX_BYTES  0x200000u /* far above any board's tree */
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP	       4
#define FDT_END	       9
#define FDT_ALIGN4(n)  (((n) + 3u) & ~3u)

/* The tree is big-endian, whatever the hart's byte order. */
static uint32_t fdt_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static bool name_is(const char *name, const char *want, bool prefix)
{
	while (*want)
		if (*name++ != *want++)
			return false;
	return prefix || *name == '\0';
}

/*
 * Count the children of /cpus named cpu@N in the flattened device tree at
 * fdt, or return -1 if fdt does not hold a well-formed tree. Every length
 * and offset is checked against the header before use, so a stray a1 that
 * points into RAM yields -1 rather than a wild read.
 */
static int fdt_count_cpus(uintptr_t fdt)
{
	const uint8_t *b = (const uint8_t *)fdt;

	if (fdt < RAM_BASE || (fdt & 3) || fdt_be32(b) != FDT_MAGIC)
		return -1;
	uint32_t total = fdt_be32(b + 4);
	uint32_t off = fdt_be32(b + 8);	  /* off_dt_struct */
	uint32_t size = fdt_be32(b + 36); /* size_dt_struct */
	if (total < 40 || total > FDT_MAX_BYTES || off >= total ||
	    size > total - off || (off & 3))
		return -1;

	const uint8_t *p = b + off, *end = b + off + size;
	int depth = 0, cpus = 0;
	bool in_cpus = false; /* inside the /cpus node */
	while (end - p >= 4) {
		uint32_t tok = fdt_be32(p);
		p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			const char *name = (const char *)p;
			uint32_t len = 0;
			while (p + len < end && p[len])
				len++;
			if (p + len >= end)
				return -1; /* name runs off the block */
			depth++; /* the root is depth 1, /cpus depth 2 */
			if (depth == 2)
				in_cpus = name_is(name, "cpus", false);
			else if (depth == 3 && in_cpus &&
				 name_is(name, "cpu@", true))
				cpus++;
			if ((uint32_t)(end - p) < FDT_ALIGN4(len + 1))
				return -1;
			p += FDT_ALIGN4(len + 1);
			break;
		}
		case FDT_END_NODE:
			if (depth == 2)
				in_cpus = false;
			if (--depth < 0)
				return -1;
			break;
		case FDT_PROP: {
			if (end - p < 8)
				return -1;
			uint32_t len = FDT_ALIGN4(fdt_be32(p));
			if ((uint32_t)(end - p) - 8 < len)
				return -1;
			p += 8 + len;
			break;
		}
		case FDT_NOP: break;
		case FDT_END: return depth == 0 ? cpus : -1;
		default: return -1;
		}
	}
	return -1;
}

/*
 * A bare-metal image is not told the hart count directly, and counting
 * arrivals alone is a guess: hart 0 cannot tell a hart that has not
 * started yet from one that does not exist, and how long to wait depends
 * on the host (an overloaded host running many virtual harts on few
 * threads can start one tens of milliseconds late). So the count comes
 * from the board's description: without firmware, both machines this
 * guest targets start every hart with a1 = the address of the device
 * tree, which lists one /cpus/cpu@N node per hart. Each hart atomically
 * increments harts_started on arrival, and hart 0 waits, bounded by
 * HART_WAIT_TICKS of mtime, until all listed harts are in.
 *
 * A nonzero smp_expect_harts overrides the tree. With neither, hart 0
 * falls back to waiting until the count has not changed for
 * HART_QUIET_TICKS, which is enough on an idle host and on a deterministic
 * emulator (all harts arrive within their first quantum).
 *
 * Two guards stop a wrong count from passing silently: harts 0..n-1 must
 * all have arrived (ids are dense on these boards), and hart 0 re-reads
 * the count at the very end (FAIL_HARTS_LATE if a hart turned up after
 * check 1 was done with it).
 */
static uint32_t check_harts(uintptr_t fdt)
{
	uint32_t n, want = smp_expect_harts;
	const char *source = "smp_expect_harts";

	if (!want) {
		int cpus = fdt_count_cpus(fdt);
		if (cpus > 0) {
			want = (uint32_t)cpus;
			source = "device tree";
		}
	}
	if (want > SMP_MAX_HARTS)
		fail(FAIL_HARTS_IDS, "more harts than stack slots");
	if (want) {
		uint64_t end = mtime() + HART_WAIT_TICKS;
		while ((n = load32(&harts_started)) < want && mtime() < end)
			;
		puts_("smp: harts: ");
		put_dec(want);
		puts_(" expected (");
		puts_(source);
		puts_("), ");
		put_dec(n);
		puts_(" started\n");
		if (n != want)
			fail(FAIL_HARTS_EXPECT,
			     "not every expected hart started");
	} else {
		uint64_t last_change = mtime();
		uint32_t seen = load32(&harts_started);
		for (;;) {
			uint64_t now = mtime();
			n = load32(&harts_started);
			if (n != seen) {
				seen = n;
				last_change = now;
			} else if (now - last_change >= HART_QUIET_TICKS) {
				break;
			}
		}
		puts_("smp: harts: no device tree, ");
		put_dec(n);
		puts_(" started within the quiet window\n");
	}

	if (load32(&smp_extra_harts))
		fail(FAIL_HARTS_IDS, "a hart id is 8 or more");
	/* A hart counts itself after setting its mask bit, so every one
	 * counted is in the mask; one arriving since may add a bit, which
	 * the final re-count reports. */
	uint32_t dense = n > SMP_MAX_HARTS ? 0 : (1u << n) - 1;
	if (n == 0 || !dense || (load32(&harts_mask) & dense) != dense)
		fail(FAIL_HARTS_IDS, "hart ids are not 0..n-1");
	if (load32(&harts_bad_a0))
		fail(FAIL_HARTS_A0, "a0 at entry differs from mhartid");
	for (uint32_t h = 0; h < n; h++) {
		uintptr_t lo = (uintptr_t)_stacks + h * SMP_STACK_SIZE;
		if (harts_sp[h] < lo || harts_sp[h] >= lo + SMP_STACK_SIZE)
			fail(FAIL_HARTS_STACK, "a hart is off its own stack");
	}
	puts_("smp: harts: ids 0..");
	put_dec(n - 1);
	puts_(", a0 = mhartid, one stack each: ok\n");
	return n;
}

/*
 * Check 2: IPIs. Hart 0 raises msip for every hart, itself included (a
 * self-IPI keeps the check meaningful with one hart), and waits for each
 * to record its id from its trap handler. Two rounds show that a handled
 * IPI leaves the hart ready for the next.
 */
static void check_ipis(uint32_t n)
{
	uint32_t all = (1u << n) - 1;

	csr_set(mie, MIE_MSIE);
	csr_set(mstatus, MSTATUS_MIE);
	for (uint32_t round = 1; round <= 2; round++) {
		__atomic_store_n(&ipi_mask, 0, __ATOMIC_RELAXED);
		fence_io(); /* the reset before any hart can answer */
		for (uint32_t h = 0; h < n; h++)
			mmio_write32(CLINT_MSIP(h), 1);

		uint64_t end = mtime() + IPI_TIMEOUT_TICKS;
		uint32_t got;
		while ((got = load32(&ipi_mask)) != all && mtime() < end)
			;
		puts_("smp: ipi round ");
		put_dec(round);
		puts_(": answered ");
		put_hex(got);
		puts_(" of ");
		put_hex(all);
		if (got != all) {
			uart_putc('\n');
			fail(round == 1 ? FAIL_IPI_ROUND1 : FAIL_IPI_ROUND2,
			     "a hart did not take its IPI");
		}
		for (uint32_t h = 0; h < n; h++)
			if (load32(&ipi_count[h]) != round)
				fail(FAIL_IPI_COUNT, "an IPI was taken twice");
		puts_(": ok\n");
	}
	csr_clear(mstatus, MSTATUS_MIE);
	csr_clear(mie, MIE_MSIE);
}

/* ------------------------------------------------------------------ */
/* Check 3: virtio-blk through the PLIC. */

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[VIRTQ_SIZE];
	uint16_t used_event;
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[VIRTQ_SIZE];
	uint16_t avail_event;
};

struct blk_req_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

/* The rings' alignment (16, 2 and 4 bytes) is met with room to spare. The
 * device reads and writes all of this behind the compiler's back, hence
 * the volatile accesses below. */
static struct {
	struct virtq_desc desc[VIRTQ_SIZE];
	struct virtq_avail avail;
	struct virtq_used used __attribute__((aligned(4)));
} vq __attribute__((aligned(4096)));

static struct blk_req_hdr blk_hdr __attribute__((aligned(16)));
static uint8_t blk_status;
static uint8_t buf_out[BLK_SECTOR] __attribute__((aligned(16)));
static uint8_t buf_in[BLK_SECTOR] __attribute__((aligned(16)));
static uint16_t used_seen; /* used.idx after the last completion */

static uint32_t vio_read(uint32_t reg)
{
	return mmio_read32(blk_base + reg);
}

static void vio_write(uint32_t reg, uint32_t v)
{
	mmio_write32(blk_base + reg, v);
}

static void vio_write_addr(uint32_t reg_low, const volatile void *p)
{
	vio_write(reg_low, (uint32_t)(uintptr_t)p);
	vio_write(reg_low + 4, (uint32_t)((uintptr_t)p >> 32));
}

/* Boards fill slots from either end, so look at all eight. */
static bool blk_find(void)
{
	for (uint32_t n = 0; n < VIRTIO_SLOTS; n++) {
		uintptr_t b = VIRTIO_SLOT_BASE(n);
		if (mmio_read32(b + VIO_MAGIC) == VIO_MAGIC_VALUE &&
		    mmio_read32(b + VIO_VERSION) == 2 &&
		    mmio_read32(b + VIO_DEVICE_ID) == VIO_DEVICE_BLOCK) {
			blk_irq = VIRTIO_SLOT_IRQ(n);
			blk_base = b; /* last: the trap handler keys on it */
			puts_("smp: virtio-blk: slot ");
			put_dec(n);
			puts_(", irq ");
			put_dec(blk_irq);
			uart_putc('\n');
			return true;
		}
	}
	return false;
}

/* Device initialisation in the order the virtio spec requires. */
static void blk_init(void)
{
	vio_write(VIO_STATUS, 0); /* reset */
	vio_write(VIO_STATUS, VIO_ST_ACKNOWLEDGE);
	vio_write(VIO_STATUS, VIO_ST_ACKNOWLEDGE | VIO_ST_DRIVER);

	vio_write(VIO_DEVICE_FEATURES_SEL, 0);
	uint64_t offered = vio_read(VIO_DEVICE_FEATURES);
	vio_write(VIO_DEVICE_FEATURES_SEL, 1);
	offered |= (uint64_t)vio_read(VIO_DEVICE_FEATURES) << 32;
	if (!(offered & (1ull << VIO_F_VERSION_1)))
		fail(FAIL_BLK_INIT, "device does not offer VERSION_1");
	if (offered & (1ull << VIO_BLK_F_RO))
		fail(FAIL_BLK_INIT, "disk is read-only; the test writes");

	/* Accept VERSION_1 only: plain requests need nothing else. */
	vio_write(VIO_DRIVER_FEATURES_SEL, 0);
	vio_write(VIO_DRIVER_FEATURES, 0);
	vio_write(VIO_DRIVER_FEATURES_SEL, 1);
	vio_write(VIO_DRIVER_FEATURES, 1u << (VIO_F_VERSION_1 - 32));
	vio_write(VIO_STATUS,
		  VIO_ST_ACKNOWLEDGE | VIO_ST_DRIVER | VIO_ST_FEATURES_OK);
	if (!(vio_read(VIO_STATUS) & VIO_ST_FEATURES_OK))
		fail(FAIL_BLK_INIT, "device refused FEATURES_OK");

	vio_write(VIO_QUEUE_SEL, 0);
	if (vio_read(VIO_QUEUE_READY))
		fail(FAIL_BLK_QUEUE, "queue 0 ready before setup");
	uint32_t max = vio_read(VIO_QUEUE_NUM_MAX);
	if (max < VIRTQ_SIZE)
		fail(FAIL_BLK_QUEUE, "queue 0 holds fewer than 8 entries");
	vio_write(VIO_QUEUE_NUM, VIRTQ_SIZE);
	vio_write_addr(VIO_QUEUE_DESC_LOW, vq.desc);
	vio_write_addr(VIO_QUEUE_DRIVER_LOW, &vq.avail);
	vio_write_addr(VIO_QUEUE_DEVICE_LOW, &vq.used);
	vio_write(VIO_QUEUE_READY, 1);

	vio_write(VIO_STATUS, VIO_ST_ACKNOWLEDGE | VIO_ST_DRIVER |
				      VIO_ST_FEATURES_OK | VIO_ST_DRIVER_OK);
	uint32_t st = vio_read(VIO_STATUS);
	if (st & (VIO_ST_NEEDS_RESET | VIO_ST_FAILED))
		fail(FAIL_BLK_INIT, "device failed after DRIVER_OK");

	uint64_t sectors = (uint64_t)vio_read(VIO_CONFIG) |
			   (uint64_t)vio_read(VIO_CONFIG + 4) << 32;
	puts_("smp: virtio-blk: features ");
	put_hex(offered);
	puts_(", capacity ");
	put_dec(sectors);
	puts_(" sectors, queue max ");
	put_dec(max);
	puts_(": ok\n");
	if (sectors <= BLK_TEST_SECT)
		fail(FAIL_BLK_INIT, "disk too small for the test sector");
}

/* Hart 0's M-mode context takes the device's line; nothing else. */
static void plic_init(void)
{
	mmio_write32(PLIC_PRIORITY(blk_irq), 1);
	uintptr_t en = PLIC_ENABLE(PLIC_CTX_HART0_M, blk_irq);
	mmio_write32(en, mmio_read32(en) | 1u << (blk_irq % 32));
	mmio_write32(PLIC_THRESHOLD(PLIC_CTX_HART0_M), 0);
	csr_set(mie, MIE_MEIE);
}

/*
 * Sleep until the device interrupts, bounded by hart 0's timer. mstatus.MIE
 * is off between testing the flags and WFI, so an interrupt arriving in
 * between is not taken early and slept past: WFI still wakes for it
 * (enabled in mie and pending), and it is taken once MIE is set again.
 */
static bool blk_wait_irq(uint32_t irqs_before)
{
	bool got;

	timer_fired = 0;
	mmio_write64(CLINT_MTIMECMP(0), mtime() + BLK_TIMEOUT_TICKS);
	csr_set(mie, MIE_MTIE);
	for (;;) {
		csr_clear(mstatus, MSTATUS_MIE);
		got = blk_irqs != irqs_before;
		bool done = got || timer_fired;
		if (!done)
			wfi();
		csr_set(mstatus, MSTATUS_MIE);
		if (done)
			break;
	}
	csr_clear(mstatus, MSTATUS_MIE);
	csr_clear(mie, MIE_MTIE);
	mmio_write64(CLINT_MTIMECMP(0), UINT64_MAX);
	return got;
}

/* One request as a three-descriptor chain: header, data, status byte. */
static void blk_request(uint32_t type, uint64_t sector, uint8_t *data,
			enum fail_code code)
{
	volatile struct virtq_desc *d = vq.desc;
	volatile struct virtq_avail *avail = &vq.avail;
	volatile struct virtq_used *used = &vq.used;

	blk_hdr.type = type;
	blk_hdr.reserved = 0;
	blk_hdr.sector = sector;
	*(volatile uint8_t *)&blk_status = 0xff; /* the device overwrites */

	d[0].addr = (uintptr_t)&blk_hdr;
	d[0].len = sizeof(blk_hdr);
	d[0].flags = VIRTQ_DESC_F_NEXT;
	d[0].next = 1;
	d[1].addr = (uintptr_t)data;
	d[1].len = BLK_SECTOR;
	d[1].flags =
		VIRTQ_DESC_F_NEXT | (type == BLK_T_IN ? VIRTQ_DESC_F_WRITE : 0);
	d[1].next = 2;
	d[2].addr = (uintptr_t)&blk_status;
	d[2].len = 1;
	d[2].flags = VIRTQ_DESC_F_WRITE;
	d[2].next = 0;

	/* Publish the descriptors before the ring entry, the entry before
	 * the index, and the index before the notify. */
	uint16_t idx = avail->idx;
	avail->ring[idx % VIRTQ_SIZE] = 0;
	fence_io();
	avail->idx = (uint16_t)(idx + 1);
	fence_io();

	uint32_t irqs_before = blk_irqs;
	vio_write(VIO_QUEUE_NOTIFY, 0);
	bool got_irq = blk_wait_irq(irqs_before);
	fence_io(); /* the device's ring writes before our reads */

	uint16_t now = used->idx;
	if (now == used_seen)
		fail(code, "request did not complete in time");
	if (!got_irq)
		fail(FAIL_BLK_IRQ, "request completed without an interrupt");
	if (now != (uint16_t)(used_seen + 1) ||
	    used->ring[used_seen % VIRTQ_SIZE].id != 0)
		fail(code, "used ring does not hold exactly our request");
	used_seen = now;
	if (*(volatile uint8_t *)&blk_status != BLK_S_OK)
		fail(code, "device reported an error status");
}

/* Differs per round, so stale data from an earlier round or an earlier run
 * on the same image never matches, and differs per byte within a round. */
static uint8_t pattern(uint32_t round, uint32_t i)
{
	return (uint8_t)(i * 37u + (i >> 8) * 101u + round * 59u + 0x5a);
}

static void check_blk(void)
{
	if (!blk_find())
		fail(FAIL_BLK_NONE, "no modern virtio-blk device in any slot");
	blk_init();
	plic_init();

	for (uint32_t round = 0; round < BLK_ROUNDS; round++) {
		for (uint32_t i = 0; i < BLK_SECTOR; i++) {
			buf_out[i] = pattern(round, i);
			buf_in[i] = (uint8_t)~pattern(round, i);
		}
		blk_request(BLK_T_OUT, BLK_TEST_SECT, buf_out, FAIL_BLK_WRITE);
		blk_request(BLK_T_IN, BLK_TEST_SECT, buf_in, FAIL_BLK_READ);
		for (uint32_t i = 0; i < BLK_SECTOR; i++) {
			if (buf_in[i] != buf_out[i]) {
				puts_("smp: virtio-blk: byte ");
				put_dec(i);
				puts_(" read ");
				put_hex(buf_in[i]);
				puts_(", wrote ");
				put_hex(buf_out[i]);
				uart_putc('\n');
				fail(FAIL_BLK_COMPARE, "read-back differs");
			}
		}
		puts_("smp: virtio-blk: round ");
		put_dec(round + 1);
		puts_(": wrote and read back sector ");
		put_dec(BLK_TEST_SECT);
		puts_(", irqs ");
		put_dec(blk_irqs);
		puts_(": ok\n");
	}
	if (stray_irqs)
		fail(FAIL_BLK_IRQ, "interrupt from an unexpected PLIC source");
}

/* ------------------------------------------------------------------ */

/* Hart 0, with the hart id in a0 and the device tree's address in a1. */
void hart0_main(uint64_t a0, uintptr_t fdt)
{
	hart_announce(0, a0);
	puts_("smp: start\n");
	uint32_t n = check_harts(fdt);
	check_ipis(n);
	check_blk();
	if (load32(&harts_started) != n)
		fail(FAIL_HARTS_LATE, "a hart started after discovery ended");
	puts_("smp: all checks passed on ");
	put_dec(n);
	puts_(" harts\n");
	finish(FINISHER_PASS);
}
