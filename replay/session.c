#include "session.h"
#include "../core/dev/uart.h"
#include "../core/dev/virtio_net.h"
#include "../core/prng.h"
#include "exit_status.h"
#include "host.h"
#include "interrupt.h"
#include "logfile.h"
#include "restore.h"

#include <stdio.h>
#include <string.h>

void session_opts_defaults(struct machine_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mem = 128ull << 20;
	o->smp = 1;
}

int session_exit_status(const struct machine *m)
{
	switch (m->exit) {
	case MEXIT_POWEROFF: return 0;
	case MEXIT_FAIL:
		/* Keep a failure visible even when its code is a multiple
		 * of 256. */
		return (m->exit_code & 0xff) ? m->exit_code & 0xff
					     : REWIND_EXIT_GUEST_FAILED;
	case MEXIT_HALTED:
		fprintf(stderr, "rewind: every hart is waiting for an "
				"interrupt that can never come\n");
		return REWIND_EXIT_GUEST_FAILED;
	case MEXIT_TRAP_STORM:
		fprintf(stderr, "rewind: a hart is trapping endlessly without "
				"retiring instructions\n");
		return REWIND_EXIT_GUEST_FAILED;
	default: return REWIND_EXIT_GUEST_FAILED;
	}
}

static struct boot_config session_boot_config(const struct machine_opts *o)
{
	struct boot_config bc = {.bios = o->bios,
				 .kernel = o->kernel,
				 .initrd = o->initrd,
				 .append = o->append};
	return bc;
}

struct machine *session_machine(const struct machine_opts *o, struct gate *g)
{
	return session_machine_chaos(o, g, false, 0);
}

struct machine *session_machine_chaos(const struct machine_opts *o,
				      struct gate *g, bool chaos, uint64_t seed)
{
	struct machine_config cfg = {.ram_size = o->mem,
				     .nharts = o->smp,
				     .ndisks = o->ndisks,
				     .chaos = chaos,
				     .chaos_seed = seed,
				     .chaos_keep_only = o->chaos_keep_only,
				     .chaos_keep = o->chaos_keep,
				     .chaos_nkeep = o->chaos_nkeep,
				     .chaos_faults = o->chaos_faults,
				     .host = gate_host_inputs(g),
				     .identity = o->identity,
				     .scheduler = o->scheduler,
				     .net = o->net.user};
	memcpy(cfg.disks, o->disks, sizeof(o->disks));
	char err[512];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	if (!m && o->from) {
		fprintf(stderr,
			"rewind: %s: its header describes a machine that "
			"cannot be built: %s\n",
			o->from, err);
		return NULL;
	}
	if (!m) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	g->m = m;
	struct boot_config bc = session_boot_config(o);
	if (boot_machine(m, &bc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		machine_free(m);
		g->m = NULL;
		return NULL;
	}
	uart_set_tx(m->uart, console_tx, NULL);
	if (virtio_net_of(m))
		virtio_net_set_tx(virtio_net_of(m), gate_net_tx, g);
	return m;
}

void session_flush(struct machine *m, struct gate *g)
{
	if (log_writer_flush(g->w) < 0)
		gate_fail(g, m->icount, "writing the recording failed");
}

void session_digest(struct machine *m, struct gate *g, bool with_ram)
{
	gate_log_digest(g, with_ram);
	session_flush(m, g);
}

void session_log_end(struct machine *m, struct gate *g)
{
	struct event end = {.type = EV_END,
			    .icount = m->icount,
			    .value = (uint64_t)m->exit,
			    .code = m->exit_code};
	gate_log(g, &end);
}

/* Recording: the end record of a run stopped by signal sig. */
void session_log_interrupted(struct machine *m, struct gate *g, int sig)
{
	struct event end = {.type = EV_END,
			    .icount = m->icount,
			    .value = EV_END_INTERRUPTED,
			    .code = sig};
	gate_log(g, &end);
}

void session_log_limit(struct machine *m, struct gate *g)
{
	struct event end = {
		.type = EV_END, .icount = m->icount, .value = EV_END_LIMIT};
	gate_log(g, &end);
}

int session_interrupted(const struct machine *m)
{
	return m->exit == MEXIT_RUNNING ? interrupt_pending() : 0;
}

int session_net_start(struct session *s, const struct machine_opts *o)
{
	if (!o->net.user || s->g->mode == GATE_REPLAY)
		return 0;
	char err[512];
	s->net = net_user_new(&o->net, err, sizeof(err));
	if (!s->net) {
		fprintf(stderr, "rewind: %s\n", err);
		return -1;
	}
	/* Chaos: frames arrive a little late, by a seeded draw kept apart
	 * from the machine's own generator (the recording holds when they
	 * came, so a replay needs no draws). */
	if (s->m->chaos)
		net_user_jitter(s->net, s->m->chaos_state ^ 0x6e6574ull);
	s->g->net = s->net;
	pace_start(&s->pace, s->m, true);
	return 0;
}

void session_net_stop(struct session *s)
{
	if (s->g && s->g->net == s->net)
		s->g->net = NULL;
	net_user_free(s->net);
	s->net = NULL;
}

/* Serve the user network (waiting up to wait_ms, or for the console),
 * then offer the card what arrived, as far as it has buffers. */
static void session_net(struct session *s, int wait_ms)
{
	struct machine *m = s->m;
	struct virtio_mmio *v = virtio_net_of(m);
	/* A guest ahead of host time waits (at most 20 ms a look), so that
	 * its timeouts (TCP, DHCP) stay in step with its peers'. */
	int ahead = pace_ahead_ms(&s->pace, m->icount, 20);
	net_user_set_now(s->net, m->icount);
	net_user_poll(s->net, s->con->npending ? -1 : s->con->fd,
		      wait_ms > ahead ? wait_ms : ahead);
	const uint8_t *f;
	size_t len;
	uint64_t due;
	while (v && !s->g->failed && (f = net_user_peek(s->net, &len, &due)) &&
	       due <= m->icount && virtio_net_rx_ready(v)) {
		gate_net_rx(s->g, f, len);
		net_user_pop(s->net);
	}
}

/* Under --chaos=faults: should the pending input wait for its burst? */
static bool session_burst_hold(struct session *s)
{
	uint64_t now = s->m->icount;
	if (!s->burst || !s->con->npending) {
		s->burst_at = 0;
		return false;
	}
	if (!s->burst_at) {
		s->burst_at = now + 1 +
			      prng_next(&s->burst_state) % CONSOLE_BURST_MAX;
		s->burst_icount = now;
		return true;
	}
	bool stalled = now == s->burst_icount;
	s->burst_icount = now;
	if (now < s->burst_at && !stalled)
		return true;
	s->burst_at = 0;
	return false;
}

void session_console(struct session *s, int wait_ms)
{
	struct console *con = s->con;
	if (s->net) {
		session_net(s, wait_ms);
		wait_ms = 0;
	}
	console_read(con, wait_ms);
	if (!session_burst_hold(s))
		console_consume(
			con, gate_console(s->g, con->pending, con->npending));
	if (con->save) {
		con->save = false;
		restore_save_now(s->origin, s->m, s->o);
	}
}

/* Has the run reached a stop other than the machine's own? */
static bool session_stopped(const struct session *s)
{
	const struct console *con = s->con;
	return s->m->icount >= s->limit || con->saw_failure ||
	       (con->watch && con->saw_watch) || interrupt_pending();
}

void session_loop(struct session *s)
{
	struct machine *m = s->m;
	struct gate *g = s->g;
	bool rec = g->mode == GATE_RECORD;
	uint64_t next_digest = m->icount + DIGEST_INTERVAL;
	unsigned ndigests = 0;
	/* Host time decides only when buffered records reach the disk, never
	 * what they say: a kill loses at most about this much wall time. */
	double next_flush = host_seconds() + SESSION_FLUSH_SECONDS;
	for (;;) {
		uint64_t budget = s->slice;
		if (s->net && budget > NET_SLICE)
			budget = NET_SLICE;
		if (rec && next_digest - m->icount < budget)
			budget = next_digest - m->icount;
		if (session_stopped(s))
			return;
		if (s->limit - m->icount < budget)
			budget = s->limit - m->icount;
		/* Paced: idle jumps stop where wall time stands (MSTOP_WAIT).
		 */
		m->idle_horizon = pace_horizon(&s->pace, m->icount);
		enum machine_stop st = machine_run(m, budget);
		m->idle_horizon = UINT64_MAX;
		if (rec && m->icount >= next_digest) {
			session_digest(m, g,
				       ++ndigests % DIGEST_RAM_EVERY == 0);
			next_digest = m->icount + DIGEST_INTERVAL;
		}
		if (rec && host_seconds() >= next_flush) {
			session_flush(m, g);
			next_flush = host_seconds() + SESSION_FLUSH_SECONDS;
		}
		if (st == MSTOP_EXIT || g->failed || session_stopped(s))
			return;
		if (st == MSTOP_IDLE && !console_has_input(s->con) && !s->net) {
			m->exit = MEXIT_HALTED;
			return;
		}
		/* The terminal closed: nobody is left to wait for. */
		if (st == MSTOP_WAIT && !s->pace.strict &&
		    !console_has_input(s->con))
			s->pace.on = false;
		/* Idle: nothing runs until input arrives, so wait for it;
		 * paced, until the next deadline's wall time at most. */
		int wait = st == MSTOP_IDLE   ? PACE_WAIT_MAX_MS
			   : st == MSTOP_WAIT ? pace_idle_wait_ms(&s->pace, m)
					      : 0;
		session_console(s, wait);
		/* The user ends the run, not the guest: the machine is left
		 * running, and a recording says so in its end record. */
		if (s->con->quit) {
			fprintf(stderr, "\r\nrewind: quit from the console\n");
			return;
		}
	}
}

struct session_result session_run(struct machine *m, struct gate *g,
				  const struct machine_opts *o,
				  struct restore *origin, uint64_t limit)
{
	struct console con;
	console_open(&con);
	uart_set_tx(m->uart, console_tx, &con);
	struct session s = {.m = m,
			    .g = g,
			    .con = &con,
			    .o = o,
			    .origin = origin,
			    .limit = limit,
			    .slice = CONSOLE_SLICE,
			    .burst = m->chaos && m->chaos_faults &&
				     g->mode == GATE_RECORD,
			    .burst_state = m->chaos_seed ^ 0x636f6e73ull};
	if (session_net_start(&s, o)) {
		console_close(&con);
		return (struct session_result){.status = REWIND_EXIT_ERROR};
	}
	/* Someone at a terminal may type at any time: an idle guest waits
	 * for them in wall time instead of racing through its timers. Piped
	 * input is a program's, which wants the run over soon (docs/run.md). */
	if (!s.pace.on && con.raw)
		pace_start(&s.pace, m, false);
	session_loop(&s);
	/* A guest reboot: the same machine from power-on, same images. */
	while (m->exit == MEXIT_RESET && !g->failed) {
		char err[512];
		struct boot_config bc = session_boot_config(o);
		machine_reboot(m);
		if (boot_machine(m, &bc, err, sizeof(err))) {
			fprintf(stderr, "rewind: reboot: %s\n", err);
			break;
		}
		session_loop(&s);
	}
	session_net_stop(&s);
	console_close(&con);
	int sig = session_interrupted(m);
	struct session_result res = {.guest_failed =
					     !sig && (con.saw_failure ||
						      m->icount >= limit ||
						      m->exit == MEXIT_FAIL)};
	if (sig)
		fprintf(stderr, "rewind: interrupted by %s at icount %llu\n",
			interrupt_name(sig), (unsigned long long)m->icount);
	else if (con.saw_failure)
		fprintf(stderr,
			"rewind: the guest kernel reported a failure "
			"at icount %llu\n",
			(unsigned long long)m->icount);
	else if (m->icount >= limit)
		fprintf(stderr,
			"rewind: instruction limit reached at icount "
			"%llu\n",
			(unsigned long long)m->icount);
	bool quit = !sig && con.quit && m->exit == MEXIT_RUNNING;
	bool at_limit = !sig && !quit && !con.saw_failure &&
			m->exit == MEXIT_RUNNING && m->icount >= limit;
	if (g->mode == GATE_RECORD) {
		session_digest(m, g, true);
		if (sig || quit)
			session_log_interrupted(m, g, sig);
		else if (at_limit)
			session_log_limit(m, g);
		else
			session_log_end(m, g);
	}
	if (sig) {
		res.status = interrupt_status(sig);
		return res;
	}
	if (quit) {
		res.status = REWIND_EXIT_PASS;
		return res;
	}
	res.status = session_exit_status(m);
	/* Stopped at the limit with the guest still running: the guest gave no
	 * verdict, the run was cut short. */
	if (!con.saw_failure && m->exit == MEXIT_RUNNING && m->icount >= limit)
		res.status = REWIND_EXIT_LIMIT;
	/* Still asking for a reset here: rewind could not boot it again. */
	if (m->exit == MEXIT_RESET)
		res.status = REWIND_EXIT_ERROR;
	if (res.guest_failed && res.status == 0)
		res.status = REWIND_EXIT_GUEST_FAILED;
	return res;
}

void session_rec_config(const struct machine_opts *o, struct rec_config *c)
{
	memset(c, 0, sizeof(*c));
	c->identity = o->identity ? o->identity : MACHINE_IDENTITY_CURRENT;
	c->scheduler = o->scheduler ? o->scheduler : MACHINE_SCHEDULER_CURRENT;
	c->mem = o->mem;
	c->smp = o->smp;
	c->bare = o->bios && !strcmp(o->bios, "none");
	if (!c->bare) {
		c->has_bios = true;
		snprintf(c->bios.path, sizeof(c->bios.path), "%s",
			 o->bios ? o->bios : BOOT_DEFAULT_BIOS);
	}
	if (o->kernel) {
		c->has_kernel = true;
		snprintf(c->kernel.path, sizeof(c->kernel.path), "%s",
			 o->kernel);
	}
	if (o->initrd) {
		c->has_initrd = true;
		snprintf(c->initrd.path, sizeof(c->initrd.path), "%s",
			 o->initrd);
	}
	if (o->append) {
		c->has_append = true;
		snprintf(c->append, sizeof(c->append), "%s", o->append);
	}
	c->net = o->net.user;
	c->ndisks = o->ndisks;
	for (int i = 0; i < o->ndisks; i++) {
		snprintf(c->disks[i].path, sizeof(c->disks[i].path), "%s",
			 o->disks[i].path);
		c->disk_modes[i] = o->disks[i].mode;
	}
}

void session_opts_from_config(const struct rec_config *c,
			      struct machine_opts *o)
{
	session_opts_defaults(o);
	o->identity = c->identity;
	o->scheduler = c->scheduler;
	o->mem = c->mem;
	o->smp = c->smp;
	o->bios = c->bare ? "none" : c->bios.path;
	o->kernel = c->has_kernel ? c->kernel.path : NULL;
	o->initrd = c->has_initrd ? c->initrd.path : NULL;
	o->append = c->has_append ? c->append : NULL;
	o->net.user = c->net;
	o->chaos_keep_only = c->chaos_keep_only;
	o->chaos_keep = c->chaos_keep;
	o->chaos_nkeep = c->chaos_nkeep;
	o->chaos_faults = c->chaos_faults;
	o->ndisks = c->ndisks;
	for (int i = 0; i < c->ndisks; i++) {
		o->disks[i].path = c->disks[i].path;
		o->disks[i].mode = c->disk_modes[i];
	}
}
