/* Goldfish RTC at 0x101000 on PLIC source IRQ_RTC: nanoseconds since the
 * Unix epoch and a one-shot alarm. The wall-clock base is read from the
 * host once, when the device is created; after that the time advances with
 * virtual time only. */
#ifndef REWIND_DEV_RTC_H
#define REWIND_DEV_RTC_H

#include <stdint.h>

struct machine;
struct rtc;
struct state_buf;
struct state_reader;

#define RTC_BASE 0x101000ull
#define RTC_SIZE 0x1000ull

struct rtc *rtc_new(struct machine *m);
void rtc_free(struct rtc *r);

/* The clock (its wall-clock base included: a restored RTC continues from
 * the saved time rather than the host's), the alarm and the interrupt
 * state, for snapshots. Load changes nothing unless the whole state is
 * valid: 0 or -EINVAL. */
void rtc_state_save(const struct rtc *r, struct state_buf *b);
int rtc_state_load(struct rtc *r, struct state_reader *rd);

/* Register access, exposed for unit tests; offsets are from RTC_BASE. */
int rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
