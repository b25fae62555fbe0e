#include "host.h"
#include "../core/prng.h"

#include <sys/random.h>
#include <time.h>

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

static void host_seeded_entropy(void *ctx, uint8_t *buf, size_t len)
{
	uint64_t *state = ctx;
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)prng_next(state);
}

struct host_inputs host_seeded(uint64_t *state)
{
	struct host_inputs in = host_real;
	in.entropy = host_seeded_entropy;
	in.ctx = state;
	return in;
}

double host_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
