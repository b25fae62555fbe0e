/* The machine: harts, bus, devices, the scheduler and virtual time.
 *
 * Virtual time is the machine-wide retired-instruction count. Harts run
 * round-robin in quanta on one host thread; every quantum is cut short at the
 * next timer deadline so that interrupts arrive at icounts that depend only
 * on machine state. */
#ifndef REWIND_CORE_MACHINE_H
#define REWIND_CORE_MACHINE_H

#include "bus.h"
#include "dev/registry.h"
#include "hart.h"
#include "util/lineset.h"
#include "util/pageset.h"

#define MACHINE_MAX_HARTS 8
#define RAM_BASE	  0x80000000ull
/* mtime advances one tick every TICK_INSNS retired instructions; the FDT
 * advertises TIMEBASE_HZ, so the nominal guest clock is 100 MHz. */
#define TICK_INSNS		10
#define TIMEBASE_HZ		10000000ull
#define QUANTUM_INSNS		10000
#define MACHINE_MAX_BREAKPOINTS 64
#define MACHINE_MAX_WATCHPOINTS 16

struct clint;
struct uart;
struct plic;
struct rtc;
struct virtio_mmio;
struct state_buf;
struct state_reader;

/* What a guest can read of the board, by machine version. Recordings and
 * snapshots name the version in their header ("rewind-virt-N") and are
 * replayed and restored on a machine of that version, since a guest that
 * saw other values would take another path.
 *   1: the first board: model "rewind,virt", PLIC sources 1..31, virtio
 *      vendor id "RWND", FEATURES_OK only with VERSION_1 acked; satp
 *      modes up to Sv48 and no ASID bits.
 *   2: QEMU 7.2 virt's identity (shared/DESIGN.md, docs/run.md): model
 *      "riscv-virtio,qemu", PLIC sources 1..96, virtio vendor id "QEMU",
 *      FEATURES_OK also for a driver that never acks VERSION_1; Sv57 and
 *      16 ASID bits in satp.
 * Written next to each value it selects: fdt_build.c, dev/plic.c,
 * dev/virtio_mmio.c, mmu.c. */
enum machine_identity {
	MACHINE_IDENTITY_V1 = 1,
	MACHINE_IDENTITY_V2 = 2,
};
/* What new machines are, recordings and snapshots included. */
#define MACHINE_IDENTITY_CURRENT MACHINE_IDENTITY_V2

/* How harts take turns, by scheduler version. The turns decide which
 * instruction retires at which icount, so recordings name theirs
 * ("scheduler=N" in the header, none: 1) and replay on it.
 *   1: round-robin quanta of QUANTUM_INSNS (chaos: drawn); a hart gives
 *      up the rest of its turn only when it waits in WFI.
 *   2: also when it waits busily while another hart could run, since
 *      the hart it waits for needs the turn: at a WFI that does not wait
 *      (an interrupt pending but masked, as firmware parks harts), at a
 *      pause (the spin-wait hint in every Linux lock and flag wait) and
 *      at the closing branch of a wait loop (core/waitloop.h). All are
 *      instructions the guest runs, so where a hart yields is a pure
 *      function of its execution, whatever runs it (blocks, single
 *      steps, a replay from a checkpoint). */
enum machine_scheduler {
	MACHINE_SCHEDULER_V1 = 1,
	MACHINE_SCHEDULER_V2 = 2,
};
#define MACHINE_SCHEDULER_CURRENT MACHINE_SCHEDULER_V2

/* The PLIC's interrupt source ids of the current identity, 0 included
 * (source 0 does not exist); version 1 has PLIC_SOURCES_V1. Each device's
 * own lines are in its descriptor. */
#define PLIC_SOURCES	97
#define PLIC_SOURCES_V1 32
/* The PLIC lines devices drive, all below this on every identity: the
 * chaos delay table (saved in section MACH) covers these. */
#define MACHINE_IRQ_LINES   32
#define VIRTIO_SLOTS	    8
#define MACHINE_MAX_DISKS   4
#define MACHINE_MAX_DEVICES 24

/* What a chaos draw decides. */
enum chaos_kind {
	CHAOS_QUANTUM = 1,   /* a hart's turn: 1..2*QUANTUM_INSNS insns */
	CHAOS_IRQ_DELAY = 2, /* an interrupt line's rise held back */
	CHAOS_LATENCY = 3,   /* a device request's extra completion time */
	/* Faults (--chaos=faults only): a virtio-blk request fails with
	 * VIRTIO_BLK_S_IOERR, the disk untouched. */
	CHAOS_IO_ERROR = 4,
	CHAOS_KIND_LAST = CHAOS_IO_ERROR,
};

/* One chaos decision that departs from the default schedule. Decisions
 * are numbered by their draw from the seeded PRNG (every draw counts,
 * departing or not), so a subset of them can be named and kept. */
struct chaos_decision {
	enum chaos_kind kind;
	uint32_t who;	  /* the hart (quantum), the line (irq), the slot */
	uint64_t icount;  /* when it was drawn */
	uint64_t ordinal; /* the draw's number since the seed */
	uint64_t value;	  /* what was decided (the default: dflt) */
	uint64_t dflt;
};

/* Values that come from the host. Everything nondeterministic the machine
 * consumes enters here, so that record and replay can supply it. */
struct host_inputs {
	void *ctx;
	/* Wall-clock time in ns since the Unix epoch: the RTC's base. */
	uint64_t (*wall_ns)(void *ctx);
	/* Fill buf with len bytes of entropy. */
	void (*entropy)(void *ctx, uint8_t *buf, size_t len);
	/* A chaos decision departed from the default schedule (NULL: nobody
	 * listens). Not a host value, but the gate is where a recording logs
	 * such departures and a replay checks them. */
	void (*schedule)(void *ctx, const struct chaos_decision *d);
};

/* A device with timed work (e.g. I/O completion). The scheduler never runs
 * past deadline(), and calls fire() when virtual time reaches it. */
struct timed_dev {
	void *ctx;
	uint64_t (*deadline)(void *ctx); /* UINT64_MAX: nothing pending */
	void (*fire)(void *ctx, uint64_t now);
};
#define MACHINE_MAX_TIMED 16
/* Under chaos, the most an interrupt line's rise is held back. */
#define CHAOS_IRQ_DELAY_MAX 2000

enum disk_mode {
	DISK_OVERLAY = 0, /* guest writes go to a private overlay */
	DISK_READONLY,	  /* the device refuses writes */
	DISK_PERSIST,	  /* guest writes go to the image file */
};

struct disk_config {
	const char *path;
	enum disk_mode mode;
};

struct machine_config {
	uint64_t ram_size;
	int nharts;
	/* Chaos scheduling: quanta and device latencies drawn from a PRNG
	 * seeded with chaos_seed, to shake out timing-dependent bugs. */
	bool chaos;
	uint64_t chaos_seed;
	/* Only the draws numbered in chaos_keep (sorted, chaos_nkeep of
	 * them) may depart from the default schedule; the others take the
	 * default. false: every draw counts (a plain chaos schedule). */
	bool chaos_keep_only;
	const uint64_t *chaos_keep;
	size_t chaos_nkeep;
	/* Chaos also injects device faults the guest must survive. */
	bool chaos_faults;
	struct disk_config disks[MACHINE_MAX_DISKS];
	int ndisks;
	struct host_inputs host;
	/* enum machine_identity; 0: MACHINE_IDENTITY_CURRENT. */
	int identity;
	/* enum machine_scheduler; 0: MACHINE_SCHEDULER_CURRENT. */
	int scheduler;
	/* A network card (virtio-net); the host side feeds it. */
	bool net;
};

enum machine_exit {
	MEXIT_RUNNING = 0,
	MEXIT_POWEROFF, /* finisher pass or poweroff: exit_code 0 */
	MEXIT_FAIL,	/* finisher fail: exit_code is the guest's code */
	MEXIT_RESET,	/* guest asked for a reset */
	MEXIT_HALTED,	/* every hart waits with no deadline: nothing can happen
			 */
	MEXIT_TRAP_STORM, /* a hart traps endlessly without retiring anything */
};

/* What machine_run returned for. */
enum machine_stop {
	MSTOP_BUDGET, /* ran the requested number of instructions */
	MSTOP_EXIT,   /* the guest exited: see m->exit */
	MSTOP_HART, /* a hart stopped (see harts[i]->stop), e.g. a breakpoint */
	MSTOP_IDLE, /* every hart waits and nothing is scheduled: only input
		       from outside can wake the machine */
	MSTOP_WAIT, /* every hart waits for a deadline beyond idle_horizon */
};

/* What a data watchpoint watches for. */
enum watch_kind { WATCH_WRITE = 1, WATCH_READ = 2, WATCH_ACCESS = 3 };
struct watchpoint {
	uint64_t addr, len;
	enum watch_kind kind;
};
struct watch_hit {
	uint64_t addr;	      /* the watched address the access touched */
	enum watch_kind kind; /* the watchpoint's kind */
	bool write;	      /* the access was a write */
	int hart;
};

/* Optimisation switches, each turning one fast path off. None may change
 * what the guest sees (tests/tune/run.sh checks the icount, output and
 * exit of fixed runs under each), so they exist to prove that and to
 * measure. Read once, when the machine is built, from the environment:
 * REWIND_TUNE=no-flush-log,no-jcache,... (see machine_tune_names). */
enum {
	TUNE_NO_FLUSH_LOG = 1u << 0,   /* flushes clear whole arrays */
	TUNE_NO_SFENCE_PAGE = 1u << 1, /* sfence.vma ADDR flushes all */
	TUNE_NO_JCACHE = 1u << 2,      /* blocks always found the long way */
	TUNE_NO_BRANCH_IN = 1u << 3,   /* every branch ends its block */
	TUNE_NO_BLOCKS = 1u << 4,      /* blocks of one instruction */
	TUNE_NO_CHAIN = 1u << 5,       /* every block returns to the loop */
	TUNE_NO_SKIP = 1u << 6, /* searches replay every interval (history/) */
	TUNE_NO_JIT = 1u << 7,	/* no translated code (core/jit/) */
	/* Blocks are translated on first entry, not once hot: runs every
	 * guest through translated code, to prove it exact. */
	TUNE_NO_JIT_DELAY = 1u << 8,
};
/* The names, indexed by bit number; NULL-terminated. */
extern const char *const machine_tune_names[];
/* Parse a comma-separated list of names into TUNE_* bits: 0, or -EINVAL
 * for a name not in the list. */
int machine_tune_parse(const char *s, unsigned *out);

struct machine {
	struct bus bus;
	unsigned tune; /* TUNE_* bits */
	enum machine_identity identity;
	enum machine_scheduler scheduler;
	struct mem_region *ram;
	struct hart *harts[MACHINE_MAX_HARTS];
	int nharts;
	uint64_t
		icount; /* machine-wide retired instructions before `cur` ran */
	struct hart *cur;      /* the hart running now, or NULL */
	struct hart *last;     /* the hart that ran last */
	uint64_t cur_icount0;  /* cur->icount when its quantum began */
	int next_hart;	       /* round-robin position */
	uint64_t quantum_left; /* of the hart at next_hart */
	/* Every device, in creation order (core/dev/registry.h). */
	struct device devices[MACHINE_MAX_DEVICES];
	int ndevices;
	/* Typed views that the scheduler and the console need, set by the
	 * devices' own create hooks: the timers, the interrupt lines, the
	 * console, and the virtio transports by slot. */
	struct clint *clint;
	struct uart *uart;
	struct plic *plic;
	struct rtc *rtc;
	struct virtio_mmio *virtio[VIRTIO_SLOTS];
	int nvirtio;
	struct host_inputs host;
	struct timed_dev timed[MACHINE_MAX_TIMED];
	int ntimed;
	enum machine_exit exit;
	int exit_code;
	bool chaos;
	uint64_t chaos_state; /* the PRNG: part of the machine's state */
	/* The seed the PRNG started from: draws are numbered from it. */
	uint64_t chaos_seed;
	bool chaos_keep_only; /* see machine_config */
	bool chaos_faults;
	uint64_t *chaos_keep;
	size_t chaos_nkeep;
	/* Chaos: a device's rising interrupt line reaches the PLIC at this
	 * icount (0: nothing pending), as a slow interconnect might. */
	uint64_t irq_rise_at[MACHINE_IRQ_LINES];
	/* Execution breakpoints on virtual pcs, for every hart. A hart stops
	 * before executing an instruction at one of them. */
	uint64_t breakpoints[MACHINE_MAX_BREAKPOINTS];
	int nbreakpoints;
	/* The hart stopped at a breakpoint, which the next machine_run
	 * steps over (-1: none; the debugger clears it after a restore). */
	int bp_hart;
	/* Data watchpoints on virtual ranges (core/watch.c), and the last
	 * access that hit one. */
	struct watchpoint watch[MACHINE_MAX_WATCHPOINTS];
	int nwatch;
	struct watch_hit watch_hit;
	/* While every hart waits, virtual time jumps to the next deadline,
	 * but not past this icount (UINT64_MAX: no bound): a live session
	 * sets it from the host clock so that an idle guest's time passes
	 * no faster than wall time. Not machine state: it never changes
	 * what the guest does at a given icount, only where a run pauses. */
	uint64_t idle_horizon;
	/* Since machine_dirty_reset, kept while touch_on (a checkpoint
	 * timeline wants them; core/dirty.c says how): the virtual lines the
	 * harts stored to (touched_w), the physical lines of memory anything
	 * wrote (touched_p: harts, devices' DMA, the debugger, the machine)
	 * and the virtual pages the harts fetched code from (touched_x). */
	bool touch_on;
	struct lineset touched_w, touched_p;
	struct pageset touched_x;
};

/* Build a machine with RAM and every registered device type's instances.
 * Returns NULL with a message in err (of errlen bytes) on failure. */
struct machine *machine_new(const struct machine_config *cfg, char *err,
			    size_t errlen);
void machine_free(struct machine *m);

/* Back to power-on for a guest-requested reboot: RAM zeroed, decoded code
 * dropped, harts and devices reset. Virtual time runs on, and disks keep
 * what the guest wrote. The caller boots the images again. */
void machine_reboot(struct machine *m);
/* The same for a snapshot restore about to overwrite every RAM page set in
 * keep (a bit per page of m->ram): those keep their host memory and stale
 * contents instead of being dropped and faulted in again. */
void machine_reboot_keeping(struct machine *m, const uint64_t *keep);

/* A chaos decision of kind for who: a number in [0, n) from the chaos
 * PRNG, or dflt when chaos is off or the draw is not among the kept ones.
 * A result other than dflt is reported to m->host.schedule. */
uint64_t machine_chaos(struct machine *m, enum chaos_kind kind, uint32_t who,
		       uint64_t n, uint64_t dflt);

/* A fault of kind for who, one time in odds, when chaos injects faults
 * (machine_config.chaos_faults); reported like a departure. */
bool machine_chaos_fault(struct machine *m, enum chaos_kind kind, uint32_t who,
			 uint64_t odds);

/* Run up to `budget` instructions machine-wide. */
enum machine_stop machine_run(struct machine *m, uint64_t budget);

/* The exact machine-wide icount (virtual time) right now, also from inside an
 * executing instruction: slow paths and CSR handlers set cur->live_idx. */
uint64_t machine_now(const struct machine *m);
/* The icount of the next timer deadline (UINT64_MAX: none). */
uint64_t machine_deadline(const struct machine *m);
/* The guest ends the run (finisher, poweroff). */
void machine_exit(struct machine *m, enum machine_exit why, int code);
/* A device changed something the scheduler derives (a timer deadline, an
 * interrupt line of another hart): end the running quantum now. */
void machine_resched(struct machine *m);
/* Hart h, running, waits busily (scheduler 2: a WFI that does not wait, a
 * pause, a wait loop's branch back): true, with h stopped to give up its
 * turn, when another hart could run; false to go on. A pure function of
 * the machine's state at h's icount, so that a replay yields where the
 * recording did. */
bool machine_yield(struct machine *m, struct hart *h);
/* Set or clear interrupt-pending bits driven by hardware on hart i. */
void machine_set_irq(struct machine *m, int hart, uint64_t bits, bool level);

/* Raise or lower PLIC interrupt source irq (a level-triggered line). */
void machine_irq_line(struct machine *m, unsigned irq, bool level);
/* Register a device with timed work; 0 or -ENOSPC. */
int machine_add_timed(struct machine *m, const struct timed_dev *t);

/* Recompute timer interrupt lines for every hart at time `now`. */
void machine_update_timers(struct machine *m, uint64_t now);

/* Add or remove an execution breakpoint; 0, -ENOSPC or -ENOENT. */
int machine_breakpoint_add(struct machine *m, uint64_t pc);
int machine_breakpoint_remove(struct machine *m, uint64_t pc);
/* How many of the `n` instructions of block b (at h->pc) run before a
 * breakpoint stops the hart. */
uint32_t machine_breakpoint_limit(const struct machine *m, const struct hart *h,
				  const struct block *b, uint32_t n);

/* Data watchpoints (core/watch.c). A hart whose load or store touches a
 * watched range finishes that instruction and stops with STOP_WATCH; the
 * access is in m->watch_hit. While any are set, harts run one instruction
 * per dispatch and never cache translations of watched pages, so every
 * access to them takes the checked slow path. add: 0, -ENOSPC, -EINVAL
 * (zero or overflowing length); remove: 0 or -ENOENT. */
int machine_watch_add(struct machine *m, uint64_t addr, uint64_t len,
		      enum watch_kind kind);
int machine_watch_remove(struct machine *m, uint64_t addr, uint64_t len,
			 enum watch_kind kind);
/* True when a watchpoint watches loads (read or access). */
bool machine_watch_reads(const struct machine *m);
/* True when virtual page va >> 12 holds a watched byte. */
bool machine_watch_page(const struct machine *m, uint64_t va);
/* Check an access of size bytes at va by h; on a hit, record it and stop
 * the hart after the instruction. */
void machine_watch_access(struct hart *h, uint64_t va, unsigned size,
			  bool write);

/* Set (w->fn) or clear (NULL) the bus's write watch on physical memory
 * (bus.h): every write to it by a hart, a device or the debugger is
 * heard of. Harts' cached write translations of its pages are dropped. */
void machine_watch_writes(struct machine *m, const struct bus_watch *w);

/* Drop h's cached data translations of the pages holding [first, last],
 * so that accesses to them take the checked slow path (core/watch.c; the
 * guest's own triggers use it too). */
void watch_drop_hart(struct hart *h, uint64_t first, uint64_t last);

/* Clear RAM's dirty-page bitmap for the next incremental checkpoint; pages
 * that stay writable through cached translations stay marked. */
void machine_dirty_reset(struct machine *m);
/* The write translation of va's page in h's data TLB, parked at the last
 * machine_dirty_reset: back in use, as it was, with the whole page noted.
 * True when there was one (the access may then take the fast path).
 * machine_store_parked notes less; this is for callers that cannot say
 * the access's size. */
bool machine_unpark_write(struct hart *h, uint64_t va);
/* A store of size bytes (aligned) at va through h's parked write
 * translation of its page: the host address to store to, with the lines
 * noted; NULL when there is none (take the slow path). The translation
 * stays parked while the page is noted line by line, and is back in use
 * once it counts whole (core/dirty.c). */
void *machine_store_parked(struct hart *h, uint64_t va, unsigned size);
/* A write translation of va, to physical pa, was just made: parked again
 * while va's page is noted line by line (core/dirty.c). */
void machine_fill_write(struct hart *h, struct tlb_entry *e, uint64_t pa);
/* Note a code fetch from virtual address va (slow paths). */
static inline void machine_touch(struct machine *m, struct pageset *s,
				 uint64_t va)
{
	if (__builtin_expect(m->touch_on, 0))
		pageset_add(s, va >> 12);
}
/* Note a hart's store of len bytes at virtual address va (slow paths; the
 * bus notes the physical side). */
static inline void machine_touch_store(struct machine *m, uint64_t va,
				       uint64_t len)
{
	if (__builtin_expect(m->touch_on, 0))
		lineset_add(&m->touched_w, va, len);
}
/* Note a write of len bytes at physical address pa (the bus, for every
 * write that does not go through a write translation). */
static inline void machine_touch_phys(struct machine *m, uint64_t pa,
				      uint64_t len)
{
	if (__builtin_expect(m->touch_on, 0))
		lineset_add(&m->touched_p, pa, len);
}

/* Drop every cached translation of every hart (e.g. on a memory map change). */
void machine_flush_tlbs(struct machine *m);

/* Snapshots (core/machine_state.c). The state is everything the machine's
 * future depends on except the contents of RAM: the scheduler and virtual
 * time, the chaos PRNG, every hart and device, the disks' overlays, and
 * the caches the guest can observe (the harts' translation and jump
 * caches, which pages hold decoded code; see hart_cache_save).
 * RAM pages are the caller's: store the pages whose `written` bit is set
 * and put them back with bus_load_page. Breakpoints are the debugger's
 * and are neither saved nor touched. Call both between runs.
 *
 * machine_save appends the state to b: 0, -EBUSY inside a run, -ENOMEM
 * (also when b->oom is set).
 *
 * machine_load restores a state into m, which must have been built with
 * the same configuration (harts, RAM size, virtio devices per slot; the
 * chaos setting comes from the state, and the caller may change it
 * afterwards). Restore RAM first: the saved translation and jump caches
 * are rebuilt over it, and code is decoded again from it. On failure it
 * returns a negative errno with a message in err, and the machine is as
 * it was before the call (RAM aside: the caller's), so it stays usable;
 * the one exception is -ENOTRECOVERABLE, when memory ran out while putting
 * the old state back: err says so and the machine must not be run. */
int machine_save(const struct machine *m, struct state_buf *b);
int machine_load(struct machine *m, struct state_reader *r, char *err,
		 size_t errlen);

#endif
