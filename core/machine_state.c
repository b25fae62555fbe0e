/* Saving and restoring the whole machine except RAM contents.
 *
 * The state is a fixed sequence of sections:
 *   MACH  format version, the configuration it belongs to (harts, RAM
 *         size, the virtio device in each slot), then virtual time and the
 *         scheduler: icount, round-robin position, quantum left, the hart
 *         that ran last, exit status, chaos flag and PRNG, delayed
 *         interrupt rises
 *   HART  one per hart, in hart order
 *   CLNT, PLIC, UART, RTC_
 *   VIRT  one per virtio device, in slot order, each followed by VBLK
 *         (the disk's overlay) when it is a block device
 *   CODE  the memory map and the pages holding decoded code
 *   HCAC  one per hart: its TLB and jump cache
 * The finisher has no state. The last two are caches, but ones the guest
 * can observe (see hart_cache_save), so a restored machine must have them
 * as they were to run on exactly as the original does.
 *
 * Restoring checks the configuration first, so that a state never lands
 * on a machine it does not fit, and keeps a backup of the current state to
 * put back if a later section is bad. */
#include "block.h"
#include "dev/clint.h"
#include "dev/plic.h"
#include "dev/rtc.h"
#include "dev/uart.h"
#include "dev/virtio_blk.h"
#include "dev/virtio_mmio.h"
#include "dev/virtio_rng.h"
#include "machine.h"
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bump when the encoding of any section changes. */
#define STATE_VERSION 1

/* Virtual time and the scheduler, as read from MACH before any of it is
 * applied. */
struct sched_state {
	uint64_t icount, quantum_left, chaos_state;
	uint32_t next_hart, exit, exit_code;
	int64_t last;
	bool chaos;
	uint64_t irq_rise_at[PLIC_SOURCES];
};

static int hart_index(const struct machine *m, const struct hart *h)
{
	for (int i = 0; i < m->nharts; i++)
		if (m->harts[i] == h)
			return i;
	return -1;
}

static void machine_head_save(const struct machine *m, struct state_buf *b)
{
	state_put_u32(b, STATE_VERSION);
	state_put_u32(b, (uint32_t)m->nharts);
	state_put_u64(b, m->ram->size);
	state_put_u32(b, (uint32_t)m->nvirtio);
	for (int i = 0; i < m->nvirtio; i++)
		state_put_u32(b, virtio_device_id(m->virtio[i]));
	state_put_u64(b, m->icount);
	state_put_u32(b, (uint32_t)m->next_hart);
	state_put_u64(b, m->quantum_left);
	/* -1 as all ones: no hart has run since power-on or reboot. */
	state_put_u32(b, (uint32_t)hart_index(m, m->last));
	state_put_u32(b, (uint32_t)m->exit);
	state_put_u32(b, (uint32_t)m->exit_code);
	state_put_u8(b, m->chaos);
	state_put_u64(b, m->chaos_state);
	state_put_u32(b, PLIC_SOURCES);
	for (unsigned i = 0; i < PLIC_SOURCES; i++)
		state_put_u64(b, m->irq_rise_at[i]);
}

static int machine_devices_save(const struct machine *m, struct state_buf *b)
{
	state_begin(b, "CLNT");
	clint_state_save(m->clint, b);
	state_end(b);
	state_begin(b, "PLIC");
	plic_state_save(m->plic, b);
	state_end(b);
	state_begin(b, "UART");
	uart_state_save(m->uart, b);
	state_end(b);
	state_begin(b, "RTC_");
	rtc_state_save(m->rtc, b);
	state_end(b);
	int rc = 0;
	for (int i = 0; i < m->nvirtio && rc == 0; i++) {
		state_begin(b, "VIRT");
		virtio_state_save(m->virtio[i], b);
		state_end(b);
		if (virtio_device_id(m->virtio[i]) != VIRTIO_ID_BLOCK)
			continue;
		state_begin(b, "VBLK");
		rc = virtio_blk_state_save(m->virtio[i], b);
		state_end(b);
	}
	return rc;
}

static void machine_caches_save(const struct machine *m, struct state_buf *b)
{
	state_begin(b, "CODE");
	block_state_save(&m->bus, b);
	state_end(b);
	for (int i = 0; i < m->nharts; i++) {
		state_begin(b, "HCAC");
		hart_cache_save(m->harts[i], b);
		state_end(b);
	}
}

int machine_save(const struct machine *m, struct state_buf *b)
{
	if (m->cur)
		return -EBUSY; /* a hart is mid-quantum: no consistent state */
	state_begin(b, "MACH");
	machine_head_save(m, b);
	state_end(b);
	for (int i = 0; i < m->nharts; i++) {
		state_begin(b, "HART");
		hart_state_save(m->harts[i], b);
		state_end(b);
	}
	int rc = machine_devices_save(m, b);
	machine_caches_save(m, b);
	return b->oom ? -ENOMEM : rc;
}

static const char *virtio_name(uint32_t id)
{
	switch (id) {
	case VIRTIO_ID_BLOCK: return "virtio-blk";
	case VIRTIO_ID_RNG: return "virtio-rng";
	default: return "an unknown device";
	}
}

/* Does the state belong to a machine configured like m? */
static int machine_config_check(const struct machine *m, struct state_reader *r,
				char *err, size_t errlen)
{
	uint32_t version = state_get_u32(r);
	uint32_t nharts = state_get_u32(r);
	uint64_t ram = state_get_u64(r);
	uint32_t nvirtio = state_get_u32(r);
	if (r->bad) {
		snprintf(err, errlen, "section MACH is cut short");
		return -EINVAL;
	}
	if (version != STATE_VERSION) {
		snprintf(err, errlen,
			 "the state is in format version %u; this build reads "
			 "version %u",
			 version, STATE_VERSION);
		return -EINVAL;
	}
	if (nharts != (uint32_t)m->nharts) {
		snprintf(err, errlen,
			 "the state is of a machine with %u harts; this one "
			 "has %d",
			 nharts, m->nharts);
		return -EINVAL;
	}
	if (ram != m->ram->size) {
		snprintf(err, errlen,
			 "the state is of a machine with %llu bytes of RAM; "
			 "this one has %llu",
			 (unsigned long long)ram,
			 (unsigned long long)m->ram->size);
		return -EINVAL;
	}
	if (nvirtio != (uint32_t)m->nvirtio) {
		snprintf(err, errlen,
			 "the state is of a machine with %u virtio devices; "
			 "this one has %d",
			 nvirtio, m->nvirtio);
		return -EINVAL;
	}
	for (int i = 0; i < m->nvirtio; i++) {
		uint32_t id = state_get_u32(r);
		uint32_t here = virtio_device_id(m->virtio[i]);
		if (!r->bad && id != here) {
			snprintf(err, errlen,
				 "virtio slot %d holds %s in the state and %s "
				 "in this machine",
				 i, virtio_name(id), virtio_name(here));
			return -EINVAL;
		}
	}
	return 0;
}

static void machine_sched_read(struct sched_state *s, struct state_reader *r)
{
	s->icount = state_get_u64(r);
	s->next_hart = state_get_u32(r);
	s->quantum_left = state_get_u64(r);
	s->last = (int32_t)state_get_u32(r);
	s->exit = state_get_u32(r);
	s->exit_code = state_get_u32(r);
	s->chaos = state_get_bool(r);
	s->chaos_state = state_get_u64(r);
	if (state_get_u32(r) != PLIC_SOURCES)
		r->bad = true;
	for (unsigned i = 0; i < PLIC_SOURCES; i++)
		s->irq_rise_at[i] = state_get_u64(r);
}

static bool machine_sched_valid(const struct machine *m,
				const struct sched_state *s)
{
	return s->next_hart < (uint32_t)m->nharts && s->last >= -1 &&
	       s->last < m->nharts && s->exit <= MEXIT_TRAP_STORM;
}

/* MACH: the configuration check, then the scheduler into *s. */
static int machine_head_load(const struct machine *m, struct state_reader *r,
			     struct sched_state *s, char *err, size_t errlen)
{
	struct state_reader sect;
	int rc = state_section(r, "MACH", NULL, &sect, err, errlen);
	if (rc == 0)
		rc = machine_config_check(m, &sect, err, errlen);
	if (rc)
		return rc;
	machine_sched_read(s, &sect);
	if (!sect.bad && !machine_sched_valid(m, s)) {
		snprintf(err, errlen, "section MACH holds an invalid schedule");
		return -EINVAL;
	}
	return state_section_done(&sect, "MACH", NULL, err, errlen);
}

static void machine_sched_apply(struct machine *m, const struct sched_state *s)
{
	m->icount = s->icount;
	m->next_hart = (int)s->next_hart;
	m->quantum_left = s->quantum_left;
	m->last = s->last < 0 ? NULL : m->harts[s->last];
	m->exit = (enum machine_exit)s->exit;
	m->exit_code = (int)s->exit_code;
	m->chaos = s->chaos;
	m->chaos_state = s->chaos_state;
	memcpy(m->irq_rise_at, s->irq_rise_at, sizeof(m->irq_rise_at));
}

/* Each part's loader behind one signature, so that one routine frames
 * every section and words every error. */
typedef int (*part_load_fn)(void *obj, struct state_reader *r);

static int load_hart(void *o, struct state_reader *r)
{
	return hart_state_load(o, r);
}

static int load_clint(void *o, struct state_reader *r)
{
	return clint_state_load(o, r);
}

static int load_plic(void *o, struct state_reader *r)
{
	return plic_state_load(o, r);
}

static int load_uart(void *o, struct state_reader *r)
{
	return uart_state_load(o, r);
}

static int load_rtc(void *o, struct state_reader *r)
{
	return rtc_state_load(o, r);
}

static int load_virtio(void *o, struct state_reader *r)
{
	return virtio_state_load(o, r);
}

static int load_virtio_blk(void *o, struct state_reader *r)
{
	return virtio_blk_state_load(o, r);
}

static int load_code(void *o, struct state_reader *r)
{
	return block_state_load(o, r);
}

static int load_hart_cache(void *o, struct state_reader *r)
{
	return hart_cache_load(o, r);
}

static int machine_part_load(struct state_reader *r, const char *tag,
			     const char *what, part_load_fn fn, void *obj,
			     char *err, size_t errlen)
{
	struct state_reader sect;
	int rc = state_section(r, tag, what, &sect, err, errlen);
	if (rc)
		return rc;
	rc = fn(obj, &sect);
	if (rc == -ENOMEM) {
		snprintf(err, errlen, "out of memory restoring section %.4s",
			 tag);
		return rc;
	}
	if (rc && !sect.bad) {
		snprintf(err, errlen,
			 "section %.4s%s%s%s holds values this machine cannot "
			 "have",
			 tag, what ? " (" : "", what ? what : "",
			 what ? ")" : "");
		return rc;
	}
	int done = state_section_done(&sect, tag, what, err, errlen);
	return rc ? rc : done;
}

/* Decoded blocks and translations describe the old RAM and mappings;
 * the saved ones replace them. */
static void machine_drop_code(struct machine *m)
{
	for (int i = 0; i < m->bus.nregions; i++)
		block_free_region(&m->bus.region[i]);
	block_reap(&m->bus);
	machine_flush_tlbs(m);
}

/* CODE and HCAC, onto a machine whose every other part is restored. */
static int machine_caches_load(struct machine *m, struct state_reader *r,
			       char *err, size_t errlen)
{
	machine_drop_code(m);
	int rc = machine_part_load(r, "CODE", NULL, load_code, &m->bus, err,
				   errlen);
	char what[32];
	for (int i = 0; i < m->nharts && rc == 0; i++) {
		snprintf(what, sizeof(what), "hart %d", i);
		rc = machine_part_load(r, "HCAC", what, load_hart_cache,
				       m->harts[i], err, errlen);
	}
	return rc;
}

/* Every section after MACH. Each part is applied as it is read (a part
 * that fails leaves itself unchanged); machine_load puts back the parts
 * applied before a failure. */
static int machine_parts_load(struct machine *m, struct state_reader *r,
			      char *err, size_t errlen)
{
	char what[32];
	int rc = 0;
	for (int i = 0; i < m->nharts && rc == 0; i++) {
		snprintf(what, sizeof(what), "hart %d", i);
		rc = machine_part_load(r, "HART", what, load_hart, m->harts[i],
				       err, errlen);
	}
	if (rc == 0)
		rc = machine_part_load(r, "CLNT", NULL, load_clint, m->clint,
				       err, errlen);
	if (rc == 0)
		rc = machine_part_load(r, "PLIC", NULL, load_plic, m->plic, err,
				       errlen);
	if (rc == 0)
		rc = machine_part_load(r, "UART", NULL, load_uart, m->uart, err,
				       errlen);
	if (rc == 0)
		rc = machine_part_load(r, "RTC_", NULL, load_rtc, m->rtc, err,
				       errlen);
	for (int i = 0; i < m->nvirtio && rc == 0; i++) {
		struct virtio_mmio *v = m->virtio[i];
		snprintf(what, sizeof(what), "slot %d", i);
		rc = machine_part_load(r, "VIRT", what, load_virtio, v, err,
				       errlen);
		if (rc == 0 && virtio_device_id(v) == VIRTIO_ID_BLOCK)
			rc = machine_part_load(r, "VBLK", what, load_virtio_blk,
					       v, err, errlen);
	}
	if (rc == 0)
		rc = machine_caches_load(m, r, err, errlen);
	if (rc == 0 && state_left(r)) {
		snprintf(err, errlen,
			 "%zu unexpected bytes after the last section",
			 state_left(r));
		rc = -EINVAL;
	}
	return rc;
}

/* Put the state saved in `backup` back after a failed load. */
static int machine_rollback(struct machine *m, const struct state_buf *backup)
{
	struct state_reader r = {backup->p, backup->p + backup->len, false};
	struct state_reader head;
	char why[128];
	if (state_section(&r, "MACH", NULL, &head, why, sizeof(why)))
		return -EINVAL;
	return machine_parts_load(m, &r, why, sizeof(why));
}

int machine_load(struct machine *m, struct state_reader *r, char *err,
		 size_t errlen)
{
	if (m->cur) {
		snprintf(err, errlen, "cannot restore a state inside a run");
		return -EBUSY;
	}
	struct sched_state s;
	int rc = machine_head_load(m, r, &s, err, errlen);
	if (rc)
		return rc; /* nothing applied yet */
	struct state_buf backup = {0};
	if (machine_save(m, &backup)) {
		free(backup.p);
		snprintf(err, errlen, "out of memory restoring the machine");
		return -ENOMEM;
	}
	rc = machine_parts_load(m, r, err, errlen);
	if (rc == 0) {
		machine_sched_apply(m, &s);
		m->bp_hart = -1; /* no hart of the restored run is at a stop */
	} else if (machine_rollback(m, &backup)) {
		size_t n = errlen ? strlen(err) : 0;
		snprintf(err + n, errlen - n,
			 "; out of memory putting the previous state back: "
			 "the machine is unusable");
		rc = -ENOTRECOVERABLE;
	}
	free(backup.p);
	return rc;
}
