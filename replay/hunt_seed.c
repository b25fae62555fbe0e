#include "hunt.h"

#include <unistd.h>

/* SplitMix64 (its published constants): consecutive run numbers give
 * unrelated seeds, and anyone can recompute a run's seed from the hunt
 * seed without running the runs before it. */
uint64_t hunt_run_seed(uint64_t hunt_seed, uint64_t run)
{
	uint64_t z = hunt_seed + run * 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int hunt_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > HUNT_JOBS_MAX ? HUNT_JOBS_MAX : (int)n;
}
