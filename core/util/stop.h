/* A request that long work below the run loops (hashing a big image)
 * stop early: a signal handler asks, the work looks now and then. The run
 * loops have their own look at signals (replay/interrupt.h); this one is
 * for work that runs before there is a machine. */
#ifndef REWIND_CORE_UTIL_STOP_H
#define REWIND_CORE_UTIL_STOP_H

#include <stdbool.h>

/* Ask long work to stop. Async-signal-safe. */
void stop_request(void);
/* True once stop_request was called. */
bool stop_requested(void);

#endif
