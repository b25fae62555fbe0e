/*
 * Race guest: two harts share a counter and lose updates to each other.
 *
 * The bug. Harts 0 and 1 each call racy_increment() RACE_ITERS times. It
 * reads shared_counter, adds one, and writes the sum back: a plain load and
 * a plain store, not an atomic add and not under a lock. If hart B stores
 * to the counter after hart A has loaded it and before A stores, A's store
 * writes back a stale sum and B's increments in between are lost. Hart 0
 * then waits for hart 1 and compares the counter with 2 * RACE_ITERS.
 *
 * Why the default schedule never shows it. A deterministic machine runs
 * the harts in turn on one host thread, each for a fixed quantum of 10,000
 * instructions, hart 0 first. Hart 0 reaches its loop after a few dozen
 * instructions and finishes all RACE_ITERS increments (nine instructions
 * each) about 7,200 instructions later, so its whole loop lies inside its
 * first quantum; it then spins, waiting for hart 1, until the quantum
 * ends. Hart 1 runs its entire loop inside its own first quantum in the
 * same way. No switch ever falls between a load and its store, so the
 * counter always comes out right: the run passes every time.
 *
 * Why randomized quanta expose it. When quantum sizes are drawn at random
 * (say uniformly from 1 to 20,000 instructions), a quantum often ends
 * inside one hart's loop, and two of the nine instructions of an
 * iteration (the load and the add) leave the hart holding a value it has
 * loaded but not stored. If the switch falls after one of those, the other
 * hart increments meanwhile, and the first one stores a stale sum when it
 * resumes, wiping out those increments. With quanta from 1 to 20,000
 * instructions, about one seed in eight loses updates. Harts running truly
 * in parallel lose them too: it is a genuine bug that a fixed schedule
 * merely hides.
 *
 * To find the racing store with a watchpoint on shared_counter: it is the
 * store in racy_increment whose new value is not one more than the value
 * it overwrites (it leaves the counter where it was, or moves it back).
 *
 * Build with -DRACE_FORCE_INTERLEAVE to force the bad interleaving on any
 * schedule: hart 0 stops between its first load and store until hart 1
 * has done all its increments, so hart 1's work is lost.
 *
 * Output on the UART 16550 at 0x10000000, then the verdict through the
 * test finisher at 0x100000: 0x5555 on pass, (code << 16) | 0x3333 on
 * failure with a code from enum race_fail.
 *
 * Run: build/rewind run --bios none --smp 2 --kernel build/guests/race.elf
 */
#include <stdint.h>

/* Increments per hart. The loop (about 9 * RACE_ITERS instructions) has to
 * fit in one 10,000-instruction quantum with room to spare for other code
 * generation, and be long enough that random quanta often end inside it. */
#ifndef RACE_ITERS
#define RACE_ITERS 800
#endif

#define UART_BASE     0x10000000ul
#define UART_THR      0 /* transmit holding register */
#define UART_LSR      5 /* line status register */
#define UART_LSR_THRE 0x20

#define FINISHER_BASE 0x100000ul
#define FINISHER_PASS 0x5555u
#define FINISHER_FAIL 0x3333u

#define CLINT_MTIME 0x200bff8ul
/* How long hart 0 waits for hart 1, in mtime ticks (10 MHz): 1 s. */
#define HART1_WAIT_TICKS 10000000ull

enum race_fail {
	RACE_FAIL_LOST_UPDATE = 7, /* the counter missed increments */
	RACE_FAIL_NO_HART1 = 8,	   /* hart 1 never finished: --smp 1? */
	RACE_FAIL_EXCEPTION = 9,   /* a hart took an exception */
};

/* The shared counter. Volatile so that every increment really loads and
 * stores memory, as a counter in a real program would; it does not make
 * the load-add-store atomic. */
volatile uint64_t shared_counter;

/* Set by hart 1 after its last increment (release); read by hart 0
 * (acquire), so hart 0 sees every store hart 1 made before it. */
static uint32_t hart1_done;

#ifdef RACE_FORCE_INTERLEAVE
/* Hart 0 has loaded the counter and now waits; hart 1 may start. */
static uint32_t hart0_in_window;
#endif

/* ------------------------------------------------------------------ */
/* Console and verdict. */

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
	for (int shift = 60; shift >= 0; shift -= 4)
		uart_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

static __attribute__((noreturn)) void finish(uint32_t word)
{
	*(volatile uint32_t *)FINISHER_BASE = word;
	/* The finisher ends the run; stay put if the store is ignored. */
	for (;;)
		__asm__ volatile("wfi");
}

static __attribute__((noreturn)) void fail(enum race_fail code)
{
	finish(((uint32_t)code << 16) | FINISHER_FAIL);
}

static uint64_t mtime(void)
{
	return *(volatile uint64_t *)CLINT_MTIME;
}

/* crt0's trap entry jumps here on any exception. */
__attribute__((noreturn)) void race_trap(uint64_t cause, uint64_t epc,
					 uint64_t tval)
{
	uint64_t hart;
	__asm__ volatile("csrr %0, mhartid" : "=r"(hart));
	puts_("race: exception on hart ");
	put_dec(hart);
	puts_(": mcause ");
	put_dec(cause);
	puts_(" mepc ");
	put_hex(epc);
	puts_(" mtval ");
	put_hex(tval);
	uart_putc('\n');
	fail(RACE_FAIL_EXCEPTION);
}

/* ------------------------------------------------------------------ */
/* The race. */

#ifdef RACE_FORCE_INTERLEAVE
/* Hart 0, on its first increment only, holds the loaded value until hart 1
 * has finished: the interleaving a badly placed preemption produces. */
static void race_window(void)
{
	uint64_t hart;
	__asm__ volatile("csrr %0, mhartid" : "=r"(hart));
	if (hart != 0 || __atomic_load_n(&hart0_in_window, __ATOMIC_RELAXED))
		return;
	__atomic_store_n(&hart0_in_window, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&hart1_done, __ATOMIC_ACQUIRE))
		;
}
#else
static inline void race_window(void)
{
}
#endif

/*
 * THE BUG: a read-modify-write that is not atomic. Between the load and
 * the store another hart may store to shared_counter; this store then
 * overwrites that hart's update with a sum computed from the old value.
 * The fix would be one amoadd.d (__atomic_fetch_add).
 */
__attribute__((noinline)) void racy_increment(void)
{
	uint64_t v = shared_counter; /* load */
	race_window();
	shared_counter = v + 1; /* store: may overwrite a newer value */
}

static void increment_loop(void)
{
	for (uint32_t i = 0; i < RACE_ITERS; i++)
		racy_increment();
}

/* Hart 0: its increments first, then the check. Nothing is printed before
 * the loop, so the loop starts early in hart 0's first quantum. */
void hart0_main(void)
{
	increment_loop();

	uint64_t end = mtime() + HART1_WAIT_TICKS;
	while (!__atomic_load_n(&hart1_done, __ATOMIC_ACQUIRE))
		if (mtime() > end) {
			puts_("race: hart 1 did not finish (run with 2 "
			      "harts)\n");
			fail(RACE_FAIL_NO_HART1);
		}

	uint64_t counter = shared_counter;
	uint64_t expected = 2ull * RACE_ITERS;
	if (counter != expected) {
		puts_("race: lost update: counter=");
		put_dec(counter);
		puts_(" expected=");
		put_dec(expected);
		uart_putc('\n');
		fail(RACE_FAIL_LOST_UPDATE);
	}
	puts_("race: ok counter=");
	put_dec(counter);
	uart_putc('\n');
	finish(FINISHER_PASS);
}

/* Harts other than 0. Only hart 1 takes part; any others just park. */
void secondary_main(uint64_t hart)
{
	if (hart != 1)
		return;
#ifdef RACE_FORCE_INTERLEAVE
	while (!__atomic_load_n(&hart0_in_window, __ATOMIC_ACQUIRE))
		;
#endif
	increment_loop();
	__atomic_store_n(&hart1_done, 1, __ATOMIC_RELEASE);
}
