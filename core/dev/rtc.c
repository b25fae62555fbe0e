/* Goldfish RTC register map (32-bit registers, word accesses only):
 *   0x00 TIME_LOW         read: low half of the time; latches TIME_HIGH
 *   0x04 TIME_HIGH        read: high half latched by the last TIME_LOW read
 *   0x08 ALARM_LOW        write: low half of the alarm, and arm it
 *   0x0c ALARM_HIGH       write: high half of the alarm
 *   0x10 IRQ_ENABLED      bit 0 lets a fired alarm raise the interrupt
 *   0x14 CLEAR_ALARM      write: disarm
 *   0x18 ALARM_STATUS     read: 1 while an alarm is armed
 *   0x1c CLEAR_INTERRUPT  write: drop the interrupt
 * Writing TIME_LOW/TIME_HIGH sets that half of the time. */
#include "rtc.h"
#include "../machine.h"
#include "../state.h"

#include <errno.h>
#include <stdlib.h>

enum {
	RTC_TIME_LOW = 0x00,
	RTC_TIME_HIGH = 0x04,
	RTC_ALARM_LOW = 0x08,
	RTC_ALARM_HIGH = 0x0c,
	RTC_IRQ_ENABLED = 0x10,
	RTC_CLEAR_ALARM = 0x14,
	RTC_ALARM_STATUS = 0x18,
	RTC_CLEAR_INTERRUPT = 0x1c,
};

#define NS_PER_SEC 1000000000ull
/* mtime ticks at TIMEBASE_HZ and advances every TICK_INSNS instructions,
 * so the guest's clock retires this many instructions a second. */
#define INSNS_PER_SEC (TIMEBASE_HZ * TICK_INSNS)
#define LOW_HALF      0xffffffffull

struct rtc {
	struct machine *m;
	uint64_t base_ns;    /* host wall time when the device was created */
	uint64_t offset_ns;  /* guest time settings, modulo 2^64 */
	uint64_t alarm_next; /* the ALARM_LOW/ALARM_HIGH registers */
	uint64_t alarm_at;   /* the time the armed alarm fires at */
	uint32_t time_high;  /* latched by reading TIME_LOW */
	bool armed, irq_enabled, irq_pending;
	bool line; /* the level last driven on the PLIC line */
};

/* Nanoseconds of virtual time after `icount` instructions, exactly. */
static uint64_t rtc_virt_ns(uint64_t icount)
{
	return (uint64_t)((unsigned __int128)icount * NS_PER_SEC /
			  INSNS_PER_SEC);
}

static uint64_t rtc_time_at(const struct rtc *r, uint64_t icount)
{
	return r->base_ns + r->offset_ns + rtc_virt_ns(icount);
}

static uint64_t rtc_now(const struct rtc *r)
{
	return rtc_time_at(r, machine_now(r->m));
}

static void rtc_update_irq(struct rtc *r)
{
	bool level = r->irq_pending && r->irq_enabled;
	if (level == r->line)
		return;
	r->line = level;
	machine_irq_line(r->m, IRQ_RTC, level);
}

/* The alarm goes off: it disarms itself and latches the interrupt. */
static void rtc_alarm_fire(struct rtc *r)
{
	r->armed = false;
	r->irq_pending = true;
	rtc_update_irq(r);
}

/* An alarm whose time has been reached fires now (e.g. one armed in the
 * past, or overtaken by setting the time). */
static void rtc_check(struct rtc *r)
{
	if (r->armed && r->alarm_at <= rtc_now(r))
		rtc_alarm_fire(r);
}

/* The first icount at which the time reaches the armed alarm. The time
 * after i instructions is floor(i * NS_PER_SEC / INSNS_PER_SEC), which
 * reaches t exactly when i >= ceil(t * INSNS_PER_SEC / NS_PER_SEC). */
static uint64_t rtc_deadline(void *ctx)
{
	struct rtc *r = ctx;
	if (!r->armed)
		return UINT64_MAX;
	uint64_t now = machine_now(r->m);
	uint64_t cur = rtc_time_at(r, now);
	if (r->alarm_at <= cur)
		return now;
	unsigned __int128 t =
		(unsigned __int128)rtc_virt_ns(now) + (r->alarm_at - cur);
	unsigned __int128 at =
		(t * INSNS_PER_SEC + NS_PER_SEC - 1) / NS_PER_SEC;
	return at > UINT64_MAX ? UINT64_MAX : (uint64_t)at;
}

static void rtc_fire(void *ctx, uint64_t now)
{
	(void)now;
	rtc_check(ctx);
}

/* Replace one 32-bit half of the time, keeping the other. */
static void rtc_set_time(struct rtc *r, uint64_t mask, uint64_t bits)
{
	uint64_t cur = rtc_now(r);
	uint64_t want = (cur & ~mask) | (bits & mask);
	r->offset_ns += want - cur;
	rtc_check(r);
	machine_resched(r->m); /* the alarm's deadline moved */
}

static void rtc_arm(struct rtc *r)
{
	r->alarm_at = r->alarm_next;
	r->armed = true;
	rtc_check(r);
	machine_resched(r->m); /* a new deadline */
}

int rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct rtc *r = opaque;
	if (size != 4 || (off & 3))
		return -1;
	/* An access in the middle of a quantum sees a due alarm as fired. */
	rtc_check(r);
	uint64_t now;
	switch (off) {
	case RTC_TIME_LOW:
		now = rtc_now(r);
		r->time_high = (uint32_t)(now >> 32);
		*val = now & LOW_HALF;
		break;
	case RTC_TIME_HIGH: *val = r->time_high; break;
	case RTC_ALARM_LOW: *val = r->alarm_next & LOW_HALF; break;
	case RTC_ALARM_HIGH: *val = r->alarm_next >> 32; break;
	case RTC_IRQ_ENABLED: *val = r->irq_enabled; break;
	case RTC_ALARM_STATUS: *val = r->armed; break;
	default: *val = 0; break; /* holes and write-only registers */
	}
	return 0;
}

int rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct rtc *r = opaque;
	if (size != 4 || (off & 3))
		return -1;
	rtc_check(r);
	uint64_t v = val & LOW_HALF;
	switch (off) {
	case RTC_TIME_LOW: rtc_set_time(r, LOW_HALF, v); break;
	case RTC_TIME_HIGH: rtc_set_time(r, ~LOW_HALF, v << 32); break;
	case RTC_ALARM_LOW:
		r->alarm_next = (r->alarm_next & ~LOW_HALF) | v;
		rtc_arm(r);
		break;
	case RTC_ALARM_HIGH:
		/* An armed alarm keeps the time it was armed with. */
		r->alarm_next = (r->alarm_next & LOW_HALF) | (v << 32);
		break;
	case RTC_IRQ_ENABLED:
		r->irq_enabled = v & 1;
		rtc_update_irq(r);
		break;
	case RTC_CLEAR_ALARM: r->armed = false; break;
	case RTC_CLEAR_INTERRUPT:
		r->irq_pending = false;
		rtc_update_irq(r);
		break;
	default: break;
	}
	return 0;
}

/* The clock (its wall-clock base included: a restored RTC continues from
 * the saved time rather than the host's), the alarm and the interrupt
 * state. */
static void rtc_fields(struct state_io *io, void *dev)
{
	struct rtc *r = dev;
	state_io_u64(io, &r->base_ns);
	state_io_u64(io, &r->offset_ns);
	state_io_u64(io, &r->alarm_next);
	state_io_u64(io, &r->alarm_at);
	state_io_u32(io, &r->time_high);
	state_io_bool(io, &r->armed);
	state_io_bool(io, &r->irq_enabled);
	state_io_bool(io, &r->irq_pending);
	state_io_bool(io, &r->line);
}

/* A reboot keeps the clock running, as a battery-backed RTC does, and
 * drops the alarm and interrupt state. */
static void rtc_reset(void *opaque)
{
	struct rtc *r = opaque;
	r->alarm_next = 0;
	r->alarm_at = 0;
	r->time_high = 0;
	r->armed = r->irq_enabled = r->irq_pending = false;
	r->line = false;
}

static int rtc_init(void *dev, struct machine *m)
{
	struct rtc *r = dev;
	/* The only host read: the wall-clock base, once. */
	if (m->host.wall_ns)
		r->base_ns = m->host.wall_ns(m->host.ctx);
	m->rtc = r;
	struct timed_dev t = {
		.ctx = r, .deadline = rtc_deadline, .fire = rtc_fire};
	return machine_add_timed(m, &t);
}

static const struct dev_type rtc_type = {
	.name = "rtc",
	.order = 40,
	.mmio = {RTC_BASE, RTC_SIZE, rtc_read, rtc_write},
	.irq = IRQ_RTC,
	DEV_NODE("rtc", "google,goldfish-rtc"),
	DEV_INSTANCE(struct rtc),
	.init = rtc_init,
	.reset = rtc_reset,
	.state = {.tag = "RTC_", .fields = rtc_fields},
};
DEV_REGISTER(rtc_type)
