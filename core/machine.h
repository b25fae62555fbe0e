/* The machine: harts, bus, devices, the scheduler and virtual time.
 *
 * Virtual time is the machine-wide retired-instruction count. Harts run
 * round-robin in quanta on one host thread; every quantum is cut short at the
 * next timer deadline so that interrupts arrive at icounts that depend only
 * on machine state. */
#ifndef REWIND_CORE_MACHINE_H
#define REWIND_CORE_MACHINE_H

#include "bus.h"
#include "hart.h"

#define MACHINE_MAX_HARTS 8
#define RAM_BASE	  0x80000000ull
/* mtime advances one tick every TICK_INSNS retired instructions; the FDT
 * advertises TIMEBASE_HZ, so the nominal guest clock is 100 MHz. */
#define TICK_INSNS		10
#define TIMEBASE_HZ		10000000ull
#define QUANTUM_INSNS		10000
#define MACHINE_MAX_BREAKPOINTS 64

struct clint;
struct uart;
struct finisher;

struct machine_config {
	uint64_t ram_size;
	int nharts;
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
};

struct machine {
	struct bus bus;
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
	struct clint *clint;
	struct uart *uart;
	struct finisher *finisher;
	enum machine_exit exit;
	int exit_code;
	/* Execution breakpoints on virtual pcs, for every hart. A hart stops
	 * before executing an instruction at one of them. */
	uint64_t breakpoints[MACHINE_MAX_BREAKPOINTS];
	int nbreakpoints;
};

/* Build a machine with RAM and the minimal device set. Returns NULL with a
 * message in err (of errlen bytes) on failure. */
struct machine *machine_new(const struct machine_config *cfg, char *err,
			    size_t errlen);
void machine_free(struct machine *m);

/* Run up to `budget` instructions machine-wide. */
enum machine_stop machine_run(struct machine *m, uint64_t budget);

/* The exact machine-wide icount (virtual time) right now, also from inside an
 * executing instruction: slow paths and CSR handlers set cur->live_idx. */
uint64_t machine_now(const struct machine *m);
/* The guest ends the run (finisher, poweroff). */
void machine_exit(struct machine *m, enum machine_exit why, int code);
/* A device changed something the scheduler derives (a timer deadline, an
 * interrupt line of another hart): end the running quantum now. */
void machine_resched(struct machine *m);
/* Set or clear interrupt-pending bits driven by hardware on hart i. */
void machine_set_irq(struct machine *m, int hart, uint64_t bits, bool level);

/* Recompute timer interrupt lines for every hart at time `now`. */
void machine_update_timers(struct machine *m, uint64_t now);

/* Add or remove an execution breakpoint; 0, -ENOSPC or -ENOENT. */
int machine_breakpoint_add(struct machine *m, uint64_t pc);
int machine_breakpoint_remove(struct machine *m, uint64_t pc);
/* How many of the `n` instructions of block b (at h->pc) run before a
 * breakpoint stops the hart. */
uint32_t machine_breakpoint_limit(const struct machine *m, const struct hart *h,
				  const struct block *b, uint32_t n);

/* Drop every cached translation of every hart (e.g. on a memory map change). */
void machine_flush_tlbs(struct machine *m);

#endif
