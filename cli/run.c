/* rewind run: boot a machine and run it until the guest exits. */
#include "commands.h"
#include "history.h"
#include "session.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

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

/* The host's own sources, which the gate passes through (and logs when
 * recording): the real clock and the kernel's entropy. */
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

const struct host_inputs host_real = {.wall_ns = host_wall_ns,
				      .entropy = host_entropy};

int cmd_run(int argc, char **argv)
{
	struct machine_opts o;
	bool stats = false;
	const char *restore = NULL, *gdb = NULL;
	uint64_t budget = HISTORY_BUDGET;
	opts_machine_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stats")) {
			stats = true;
			continue;
		}
		if (!strcmp(argv[i], "--restore") && i + 1 < argc) {
			restore = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--gdb") && i + 1 < argc) {
			gdb = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--checkpoint-mem") && i + 1 < argc) {
			if (opts_parse_size(argv[++i], &budget)) {
				fprintf(stderr,
					"rewind run: bad --checkpoint-mem\n");
				return 1;
			}
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
	if (gdb && restore) {
		fprintf(stderr, "rewind run: --gdb with --restore is not "
				"supported yet\n");
		return 1;
	}
	if (gdb)
		return run_debug(&o, gdb, budget);
	/* A restored environment behaves the same every time: its entropy
	 * comes from a generator seeded by the snapshot. */
	struct host_inputs inputs =
		restore ? snapshot_host_inputs() : host_real;
	snapshot_timing(stats);
	struct gate g;
	if (gate_init(&g, GATE_LIVE, &inputs, NULL, NULL))
		return 1;
	static struct rec_config rc;
	struct machine_opts given = o;
	struct machine *m = restore ? snapshot_machine(restore, &g, &o, &rc)
				    : session_machine(&o, &g);
	if (m && restore && snapshot_opts_check(restore, &given, &o)) {
		machine_free(m);
		m = NULL;
	}
	if (!m) {
		gate_free(&g);
		return 1;
	}
	double t0 = wall_seconds();
	int status = session_run(m, &g, &o, UINT64_MAX).status;
	if (stats)
		print_stats(m, wall_seconds() - t0);
	machine_free(m);
	gate_free(&g);
	return status;
}
