/* rewind run: boot a machine and run it until the guest exits. */
#include "../core/dev/uart.h"
#include "../core/elf_load.h"
#include "../core/machine.h"
#include "commands.h"
#include "options.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void console_tx(void *ctx, uint8_t byte)
{
	(void)ctx;
	putchar(byte);
	if (byte == '\n')
		fflush(stdout);
}

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
	case MEXIT_RESET:
		fprintf(stderr, "rewind: the guest asked for a reset\n");
		return 1;
	default: return 1;
	}
}

/* Put every hart at the ELF entry in M-mode, as bare-metal kernels expect:
 * a0 = hart id, a1 = the device tree address (none yet). */
static int boot_bare(struct machine *m, const char *kernel)
{
	char err[256];
	uint64_t entry;
	if (elf_load(&m->bus, kernel, &entry, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return -1;
	}
	for (int i = 0; i < m->nharts; i++) {
		m->harts[i]->pc = entry;
		m->harts[i]->x[10] = (uint64_t)i;
	}
	return 0;
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
	if (!o.kernel) {
		fprintf(stderr, "rewind run: --kernel is required\n");
		return 1;
	}
	if (!o.bios || strcmp(o.bios, "none") != 0) {
		fprintf(stderr, "rewind run: only --bios none is supported "
				"so far\n");
		return 1;
	}
	struct machine_config cfg = {.ram_size = o.mem, .nharts = o.smp};
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "rewind: %s\n", err);
		return 1;
	}
	uart_set_tx(m->uart, console_tx, NULL);
	int status = 1;
	if (boot_bare(m, o.kernel) == 0) {
		double t0 = wall_seconds();
		while (machine_run(m, UINT64_MAX) != MSTOP_EXIT)
			;
		fflush(stdout);
		if (stats)
			print_stats(m, wall_seconds() - t0);
		status = exit_status(m);
	}
	machine_free(m);
	return status;
}
