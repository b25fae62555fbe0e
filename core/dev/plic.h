/* PLIC: platform-level interrupt controller at 0x0C000000, with an M-mode
 * and an S-mode context per hart (context 2*h is hart h's M-mode, 2*h+1 its
 * S-mode), driving mip.MEIP and mip.SEIP. */
#ifndef REWIND_DEV_PLIC_H
#define REWIND_DEV_PLIC_H

#include <stdbool.h>
#include <stdint.h>

struct plic;

#define PLIC_BASE 0x0c000000ull
#define PLIC_SIZE 0x00600000ull

/* A device raises or lowers its level-triggered line. */
void plic_set_line(struct plic *p, unsigned irq, bool level);

int plic_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int plic_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
