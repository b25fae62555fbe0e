/* The host's own input sources, which the gate passes through (and logs
 * when recording): the real clock and entropy, and an entropy generator
 * seeded from a restored snapshot. */
#ifndef REWIND_REPLAY_HOST_H
#define REWIND_REPLAY_HOST_H

#include "../core/machine.h"

#include <stdint.h>

/* The host's real clock and the kernel's entropy. */
extern const struct host_inputs host_real;

/* The host's clock, and entropy from a generator whose state is *state
 * (a restore seeds it with the snapshot's hash): a restored environment
 * then behaves the same every time. */
struct host_inputs host_seeded(uint64_t *state);

/* Host seconds on a monotonic clock, for the user's statistics only: they
 * never reach the machine. */
double host_seconds(void);

#endif
