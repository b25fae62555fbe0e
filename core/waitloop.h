/* Wait loops: a loop that only reads memory and computes from what it
 * read, carrying no register from one iteration into the next, runs the
 * same iteration again until someone else changes memory: it waits, as
 * firmware waits for its boot hart. Its closing branch gives the hart's
 * turn away (machine_yield, scheduler 2). Found from the code's bytes
 * alone, so a hart yields at the same instruction whatever runs it. */
#ifndef REWIND_CORE_WAITLOOP_H
#define REWIND_CORE_WAITLOOP_H

#include "hart.h"

#include <stdbool.h>
#include <stdint.h>

/* The loop of the backward branch at page offset `to` of the page whose
 * bytes start at `page`, back to offset `from`: is it a wait loop? Loads,
 * integer arithmetic, fences and exits forward only, at most
 * WAITLOOP_MAX_INSNS, every register read either never written in the loop
 * or written earlier in the same iteration. */
#define WAITLOOP_MAX_INSNS 16
bool waitloop_check(const uint8_t *page, uint32_t from, uint32_t to);

/* in, decoded at page offset off of page: if it closes a wait loop, give
 * it its handler's yielding variant. */
void waitloop_mark(struct insn *in, const uint8_t *page, uint32_t off);

#endif
