/* Saving and restoring the whole machine except RAM contents.
 *
 * The state is a fixed sequence of sections:
 *   MACH  format version, the configuration it belongs to (harts, RAM
 *         size, then what device types add: the virtio device in each
 *         slot), then virtual time and the scheduler: icount, round-robin
 *         position, quantum left, the hart that ran last, exit status,
 *         chaos flag and PRNG, delayed interrupt rises
 *   HART  one per hart, in hart order
 *   then every device in creation order (core/dev/registry.h): its
 *         transport's section, if it sits behind one, then its own, each
 *         by the tag its type declares. On this board: CLNT, PLIC, UART,
 *         RTC_, then per virtio slot VIRT and, for a disk, VBLK (its
 *         overlay). The finisher and empty slots have no state.
 *   CODE  the memory map and the pages holding decoded code
 *   HCAC  one per hart: its TLB and jump cache
 * The last two are caches, but ones the guest can observe (see
 * hart_cache_save), so a restored machine must have them as they were to
 * run on exactly as the original does.
 *
 * Restoring checks the configuration first, so that a state never lands
 * on a machine it does not fit, and keeps a backup of the current state to
 * put back if a later section is bad. */
#include "block.h"
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
	uint64_t irq_rise_at[MACHINE_IRQ_LINES];
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
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++)
		if (t[i]->config_save)
			t[i]->config_save(m, b);
	state_put_u64(b, m->icount);
	state_put_u32(b, (uint32_t)m->next_hart);
	state_put_u64(b, m->quantum_left);
	/* -1 as all ones: no hart has run since power-on or reboot. */
	state_put_u32(b, (uint32_t)hart_index(m, m->last));
	state_put_u32(b, (uint32_t)m->exit);
	state_put_u32(b, (uint32_t)m->exit_code);
	state_put_u8(b, m->chaos);
	state_put_u64(b, m->chaos_state);
	/* Fixed at 32 lines on every machine version, so that states of
	 * version 1 machines still read. */
	state_put_u32(b, MACHINE_IRQ_LINES);
	for (unsigned i = 0; i < MACHINE_IRQ_LINES; i++)
		state_put_u64(b, m->irq_rise_at[i]);
}

/* One section of device d: the part that type t (d's own, or its
 * transport) declares. */
static int device_part_save(const struct device *d, const struct dev_type *t,
			    struct state_buf *b)
{
	if (!t || !t->state.tag)
		return 0;
	state_begin(b, t->state.tag);
	int rc = dev_state_save(t, d->dev, b);
	state_end(b);
	return rc;
}

static int machine_devices_save(const struct machine *m, struct state_buf *b)
{
	int rc = 0;
	for (int i = 0; i < m->ndevices && rc == 0; i++) {
		const struct device *d = &m->devices[i];
		rc = device_part_save(d, d->type->transport, b);
		if (rc == 0)
			rc = device_part_save(d, d->type, b);
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

/* Does the state belong to a machine configured like m? */
static int machine_config_check(const struct machine *m, struct state_reader *r,
				char *err, size_t errlen)
{
	uint32_t version = state_get_u32(r);
	uint32_t nharts = state_get_u32(r);
	uint64_t ram = state_get_u64(r);
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
	int rc = state_config_match(nharts, (uint64_t)m->nharts, "harts", err,
				    errlen);
	if (!rc)
		rc = state_config_match(ram, m->ram->size, "bytes of RAM", err,
					errlen);
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n && !rc; i++)
		if (t[i]->config_check)
			rc = t[i]->config_check(m, r, err, errlen);
	if (rc)
		return rc;
	if (r->bad) {
		snprintf(err, errlen, "section MACH is cut short");
		return -EINVAL;
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
	if (state_get_u32(r) != MACHINE_IRQ_LINES)
		r->bad = true;
	for (unsigned i = 0; i < MACHINE_IRQ_LINES; i++)
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

static int load_code(void *o, struct state_reader *r)
{
	return block_state_load(o, r);
}

static int load_hart_cache(void *o, struct state_reader *r)
{
	return hart_cache_load(o, r);
}

/* "hart 3", "slot 1": which part a section belongs to, for messages.
 * Built by hand: every load names every part, and formatting with printf
 * each time costs more than the small sections it names. */
static const char *part_what(char buf[16], const char *kind, int i)
{
	char digits[12];
	int n = 0;
	unsigned v = (unsigned)i;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < (int)sizeof(digits));
	size_t k = strlen(kind);
	memcpy(buf, kind, k);
	buf[k++] = ' ';
	while (n)
		buf[k++] = digits[--n];
	buf[k] = 0;
	return buf;
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

/* One part (its own or its transport's) of a device, for
 * machine_part_load. */
struct device_part {
	const struct dev_type *type;
	void *dev;
};

static int load_device_part(void *o, struct state_reader *r)
{
	struct device_part *p = o;
	return dev_state_load(p->type, p->dev, r);
}

/* Device d's sections: its transport's, then its own. */
static int device_load(struct device *d, struct state_reader *r, char *err,
		       size_t errlen)
{
	const struct dev_type *part[2] = {d->type->transport, d->type};
	char what[16];
	if (d->slot >= 0)
		part_what(what, "slot", d->slot);
	int rc = 0;
	for (int k = 0; k < 2 && rc == 0; k++) {
		struct device_part p = {part[k], d->dev};
		if (part[k] && part[k]->state.tag)
			rc = machine_part_load(r, part[k]->state.tag,
					       d->slot >= 0 ? what : NULL,
					       load_device_part, &p, err,
					       errlen);
	}
	return rc;
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
	char what[16];
	for (int i = 0; i < m->nharts && rc == 0; i++) {
		rc = machine_part_load(r, "HCAC", part_what(what, "hart", i),
				       load_hart_cache, m->harts[i], err,
				       errlen);
	}
	return rc;
}

/* Every section after MACH. Each part is applied as it is read (a part
 * that fails leaves itself unchanged); machine_load puts back the parts
 * applied before a failure. */
static int machine_parts_load(struct machine *m, struct state_reader *r,
			      char *err, size_t errlen)
{
	char what[16];
	int rc = 0;
	for (int i = 0; i < m->nharts && rc == 0; i++) {
		rc = machine_part_load(r, "HART", part_what(what, "hart", i),
				       load_hart, m->harts[i], err, errlen);
	}
	for (int i = 0; i < m->ndevices && rc == 0; i++)
		rc = device_load(&m->devices[i], r, err, errlen);
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
	/* The state it replaces is usually about as long as the one it
	 * loads: room for that up front (up to a bound) saves growing the
	 * backup step by step. */
	struct state_buf backup = {0};
	size_t want = (size_t)(r->end - r->p);
	state_reserve(&backup, want < (1u << 20) ? want : (1u << 20));
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
