/* Goldfish RTC at 0x101000 on PLIC source IRQ_RTC: nanoseconds since the
 * Unix epoch and a one-shot alarm. The wall-clock base is read from the
 * host once, when the device is created; after that the time advances with
 * virtual time only. */
#ifndef REWIND_DEV_RTC_H
#define REWIND_DEV_RTC_H

#include <stdint.h>

#define RTC_BASE 0x101000ull
#define RTC_SIZE 0x1000ull
#define IRQ_RTC	 11 /* PLIC source */

/* Register access, exposed for unit tests; offsets are from RTC_BASE. */
int rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
