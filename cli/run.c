/* rewind run: boot a machine and run it until the guest exits. */
#include "../core/boot.h"
#include "../core/dev/uart.h"
#include "../core/machine.h"
#include "commands.h"
#include "console.h"
#include "options.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

/* Instructions between two looks at the console: small enough that typed
 * input feels immediate, large enough to cost nothing. */
#define CONSOLE_SLICE 1000000

/* The process exit status for how the guest ended. */
static int exit_status(const struct machine *m)
{
	switch (m->exit) {
	case MEXIT_POWEROFF: return 0;
	case MEXIT_FAIL:
		/* Keep a failure visible even when its code is a multiple
		 * of 256. */
		return (m->exit_code & 0xff) ? m->exit_code & 0xff : 1;
	case MEXIT_HALTED:
		fprintf(stderr, "rewind: every hart is waiting for an "
				"interrupt that can never come\n");
		return 1;
	case MEXIT_TRAP_STORM:
		fprintf(stderr, "rewind: a hart is trapping endlessly without "
				"retiring instructions\n");
		return 1;
	default: return 1;
	}
}

static double wall_seconds(void)
{
	/* Host time for the user's statistics only; it never reaches the
	 * machine. */
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_stats(const struct machine *m, double seconds)
{
	uint64_t retired = 0;
	for (int i = 0; i < m->nharts; i++)
		retired += m->harts[i]->icount;
	fprintf(stderr,
		"rewind: stats: icount %llu retired %llu seconds %.3f "
		"MIPS %.1f\n",
		(unsigned long long)m->icount, (unsigned long long)retired,
		seconds, seconds > 0 ? (double)retired / seconds / 1e6 : 0.0);
}

/* Host inputs for a live run: the real clock and the kernel's entropy. */
static uint64_t host_wall_ns(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void host_entropy(void *ctx, uint8_t *buf, size_t len)
{
	(void)ctx;
	while (len > 0) {
		ssize_t n = getrandom(buf, len, 0);
		if (n <= 0)
			continue;
		buf += n;
		len -= (size_t)n;
	}
}

/* Run until the guest exits, the user quits or nothing can happen. */
static void run_loop(struct machine *m, struct console *con)
{
	for (;;) {
		enum machine_stop st = machine_run(m, CONSOLE_SLICE);
		if (st == MSTOP_EXIT)
			return;
		if (st == MSTOP_IDLE && !console_has_input(con)) {
			m->exit = MEXIT_HALTED;
			return;
		}
		/* Idle: nothing runs until input arrives, so wait for it. */
		console_poll(con, m, st == MSTOP_IDLE ? 100 : 0);
		if (con->quit) {
			fprintf(stderr, "\r\nrewind: quit from the console\n");
			m->exit = MEXIT_POWEROFF;
			return;
		}
	}
}

int cmd_run(int argc, char **argv)
{
	struct machine_opts o;
	bool stats = false;
	opts_machine_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stats")) {
			stats = true;
			continue;
		}
		int r = opts_parse_machine(&o, argc, argv, &i);
		if (r < 0)
			return 1;
		if (r == 0) {
			fprintf(stderr, "rewind run: unknown option '%s'\n",
				argv[i]);
			return 1;
		}
	}
	struct machine_config cfg = {
		.ram_size = o.mem,
		.nharts = o.smp,
		.ndisks = o.ndisks,
		.host = {.wall_ns = host_wall_ns, .entropy = host_entropy}};
	memcpy(cfg.disks, o.disks, sizeof(o.disks));
	char err[512];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "rewind: %s\n", err);
		return 1;
	}
	struct boot_config bc = {.bios = o.bios,
				 .kernel = o.kernel,
				 .initrd = o.initrd,
				 .append = o.append};
	if (boot_machine(m, &bc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		machine_free(m);
		return 1;
	}
	struct console con;
	console_open(&con);
	uart_set_tx(m->uart, console_tx, &con);
	double t0 = wall_seconds();
	run_loop(m, &con);
	/* A guest reboot: the same machine from power-on, same images. */
	while (m->exit == MEXIT_RESET) {
		machine_reboot(m);
		if (boot_machine(m, &bc, err, sizeof(err))) {
			fprintf(stderr, "rewind: reboot: %s\n", err);
			break;
		}
		run_loop(m, &con);
	}
	console_close(&con);
	if (stats)
		print_stats(m, wall_seconds() - t0);
	int status = exit_status(m);
	machine_free(m);
	return status;
}
