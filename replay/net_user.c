#include "net_user.h"
#include "../core/machine.h"
#include "../core/prng.h"
#include "../core/util/vec.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <slirp/libslirp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Frames waiting for the guest, at most this many: a guest that posts no
 * buffers loses the rest, as a card would, and TCP sends them again. */
#define NET_QUEUE_MAX 512
/* Under chaos, the most a frame is held back (instructions). */
#define NET_JITTER_MAX 200000

struct net_frame {
	uint8_t *data;
	size_t len;
	uint64_t due;
};

struct net_timer {
	SlirpTimerCb cb;
	void *cb_opaque;
	int64_t expire_ms; /* -1: not armed */
	struct net_timer *next;
};

struct net_user {
	Slirp *slirp;
	struct net_frame *q;
	size_t qhead, qlen, qcap;
	struct net_timer *timers;
	struct pollfd *fds;
	size_t nfds, fdcap;
	bool jitter;
	uint64_t jitter_state;
	uint64_t now, last_due;
};

/* Nanoseconds of virtual time in one instruction. */
#define NET_NS_PER_INSN (1000000000ull / (TIMEBASE_HZ * TICK_INSNS))

/* slirp's clock is the machine's virtual time where the session last
 * looked (net_user_set_now): its timers (retransmissions to the guest,
 * delayed acknowledgements) keep the guest's time, which pacing keeps in
 * step with the host's while the guest runs, and stand still while it
 * does not (stopped in the debugger). */
static int64_t net_clock_ns(void *opaque)
{
	const struct net_user *n = opaque;
	return (int64_t)(n->now * NET_NS_PER_INSN);
}

/* slirp hands a frame for the guest. */
static ssize_t net_send_packet(const void *buf, size_t len, void *opaque)
{
	struct net_user *n = opaque;
	if (len < 14 || len > 4096 || n->qlen - n->qhead >= NET_QUEUE_MAX)
		return (ssize_t)len; /* dropped, as a full card drops it */
	if (n->qhead == n->qlen)
		n->qhead = n->qlen = 0;
	struct net_frame *q =
		vec_grow(n->q, &n->qcap, n->qlen + 1, sizeof(*n->q));
	uint8_t *d = q ? malloc(len) : NULL;
	if (!d)
		return (ssize_t)len;
	n->q = q;
	memcpy(d, buf, len);
	uint64_t due = n->now;
	if (n->jitter)
		due += prng_next(&n->jitter_state) % NET_JITTER_MAX;
	/* Frames keep their order: jitter delays, never reorders. */
	if (due < n->last_due)
		due = n->last_due;
	n->last_due = due;
	n->q[n->qlen++] = (struct net_frame){.data = d, .len = len, .due = due};
	return (ssize_t)len;
}

static void net_guest_error(const char *msg, void *opaque)
{
	(void)opaque;
	fprintf(stderr, "rewind: net: %s\n", msg);
}

static void *net_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
	struct net_user *n = opaque;
	struct net_timer *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->cb = cb;
	t->cb_opaque = cb_opaque;
	t->expire_ms = -1;
	t->next = n->timers;
	n->timers = t;
	return t;
}

static void net_timer_free(void *timer, void *opaque)
{
	struct net_user *n = opaque;
	for (struct net_timer **p = &n->timers; *p; p = &(*p)->next) {
		if (*p == timer) {
			*p = (*p)->next;
			free(timer);
			return;
		}
	}
}

static void net_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
	(void)opaque;
	struct net_timer *t = timer;
	if (t)
		t->expire_ms = expire_ms;
}

static void net_fd_noop(int fd, void *opaque)
{
	(void)fd, (void)opaque;
}

static void net_notify(void *opaque)
{
	(void)opaque;
}

static const SlirpCb net_callbacks = {
	.send_packet = net_send_packet,
	.guest_error = net_guest_error,
	.clock_get_ns = net_clock_ns,
	.timer_new = net_timer_new,
	.timer_free = net_timer_free,
	.timer_mod = net_timer_mod,
	.register_poll_fd = net_fd_noop,
	.unregister_poll_fd = net_fd_noop,
	.notify = net_notify,
};

/* An IPv4 address, or -1. */
static int net_addr(const char *s, size_t len, struct in_addr *a)
{
	char buf[INET_ADDRSTRLEN];
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return inet_pton(AF_INET, buf, a) == 1 ? 0 : -1;
}

/* A port 1..65535 of exactly len characters, or -1. */
static int net_port(const char *s, size_t len, uint16_t *port)
{
	unsigned long v = 0;
	if (len == 0 || len > 5)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v < 1 || v > 65535)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

/* tcp:[HOST]:HPORT-[GUEST]:GPORT, of exactly len characters. */
static int net_fwd_parse(const char *s, size_t len, struct net_fwd *f)
{
	const char *end = s + len;
	if (len < 4 || memcmp(s, "tcp:", 4))
		return -1;
	s += 4;
	const char *colon = memchr(s, ':', (size_t)(end - s));
	const char *dash =
		colon ? memchr(colon, '-', (size_t)(end - colon)) : NULL;
	const char *gcolon =
		dash ? memchr(dash, ':', (size_t)(end - dash)) : NULL;
	if (!colon || !dash || !gcolon)
		return -1;
	/* Loopback unless a host is given: a forward is no open door. */
	f->host.s_addr = htonl(INADDR_LOOPBACK);
	if (colon > s && net_addr(s, (size_t)(colon - s), &f->host))
		return -1;
	/* The guest's address: the one the DHCP server hands out. */
	inet_pton(AF_INET, "10.0.2.15", &f->guest);
	if (gcolon > dash + 1 &&
	    net_addr(dash + 1, (size_t)(gcolon - dash - 1), &f->guest))
		return -1;
	return net_port(colon + 1, (size_t)(dash - colon - 1), &f->hport) ||
			       net_port(gcolon + 1, (size_t)(end - gcolon - 1),
					&f->gport)
		       ? -1
		       : 0;
}

int net_opts_parse(const char *s, struct net_opts *o, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	size_t n = strcspn(s, ",");
	if (n != 4 || memcmp(s, "user", 4)) {
		snprintf(err, errlen,
			 "--net: unknown network '%.*s' (known: user)", (int)n,
			 s);
		return -1;
	}
	o->user = true;
	for (s += n; *s == ','; s += n) {
		s++;
		n = strcspn(s, ",");
		if (n > 8 && !memcmp(s, "hostfwd=", 8)) {
			if (o->nfwd == NET_MAX_FWDS) {
				snprintf(err, errlen,
					 "--net: at most %d hostfwd options",
					 NET_MAX_FWDS);
				return -1;
			}
			if (net_fwd_parse(s + 8, n - 8, &o->fwd[o->nfwd])) {
				snprintf(err, errlen,
					 "--net: bad hostfwd '%.*s' (want "
					 "tcp:[HOST]:HPORT-:GPORT, ports 1 "
					 "to 65535)",
					 (int)(n - 8), s + 8);
				return -1;
			}
			o->nfwd++;
		} else if (n > 5 && !memcmp(s, "tftp=", 5)) {
			/* The directory runs to the end: it may hold a
			 * comma. */
			o->tftp = s + 5;
			break;
		} else {
			snprintf(err, errlen,
				 "--net: unknown option '%.*s' (known: "
				 "hostfwd=, tftp=)",
				 (int)n, s);
			return -1;
		}
	}
	return 0;
}

struct net_user *net_user_new(const struct net_opts *o, char *err,
			      size_t errlen)
{
	struct stat st;
	if (o->tftp && (stat(o->tftp, &st) || !S_ISDIR(st.st_mode))) {
		snprintf(err, errlen, "--net tftp=%s: not a directory",
			 o->tftp);
		return NULL;
	}
	struct net_user *n = calloc(1, sizeof(*n));
	if (!n) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	SlirpConfig cfg = {.version = 1, .in_enabled = true};
	inet_pton(AF_INET, "10.0.2.0", &cfg.vnetwork);
	inet_pton(AF_INET, "255.255.255.0", &cfg.vnetmask);
	inet_pton(AF_INET, "10.0.2.2", &cfg.vhost);
	inet_pton(AF_INET, "10.0.2.15", &cfg.vdhcp_start);
	inet_pton(AF_INET, "10.0.2.3", &cfg.vnameserver);
	cfg.tftp_path = o->tftp;
	n->slirp = slirp_new(&cfg, &net_callbacks, n);
	if (!n->slirp) {
		snprintf(err, errlen, "--net: the user network did not start");
		free(n);
		return NULL;
	}
	for (int i = 0; i < o->nfwd; i++) {
		const struct net_fwd *f = &o->fwd[i];
		if (slirp_add_hostfwd(n->slirp, 0, f->host, f->hport, f->guest,
				      f->gport) < 0) {
			char a[INET_ADDRSTRLEN];
			inet_ntop(AF_INET, &f->host, a, sizeof(a));
			snprintf(err, errlen,
				 "--net hostfwd: cannot listen on %s:%u (is "
				 "the port in use?)",
				 a, f->hport);
			net_user_free(n);
			return NULL;
		}
	}
	return n;
}

void net_user_free(struct net_user *n)
{
	if (!n)
		return;
	if (n->slirp)
		slirp_cleanup(n->slirp);
	while (n->timers)
		net_timer_free(n->timers, n);
	for (size_t i = n->qhead; i < n->qlen; i++)
		free(n->q[i].data);
	free(n->q);
	free(n->fds);
	free(n);
}

void net_user_send(struct net_user *n, const uint8_t *frame, size_t len)
{
	slirp_input(n->slirp, frame, (int)len);
}

static int net_add_poll(int fd, int events, void *opaque)
{
	struct net_user *n = opaque;
	struct pollfd *p =
		vec_grow(n->fds, &n->fdcap, n->nfds + 1, sizeof(*n->fds));
	if (!p)
		return -1;
	n->fds = p;
	short ev = 0;
	if (events & SLIRP_POLL_IN)
		ev |= POLLIN;
	if (events & SLIRP_POLL_OUT)
		ev |= POLLOUT;
	if (events & SLIRP_POLL_PRI)
		ev |= POLLPRI;
	n->fds[n->nfds] = (struct pollfd){.fd = fd, .events = ev};
	return (int)n->nfds++;
}

static int net_get_revents(int idx, void *opaque)
{
	struct net_user *n = opaque;
	if (idx < 0 || (size_t)idx >= n->nfds)
		return 0;
	short r = n->fds[idx].revents;
	int ev = 0;
	if (r & POLLIN)
		ev |= SLIRP_POLL_IN;
	if (r & POLLOUT)
		ev |= SLIRP_POLL_OUT;
	if (r & POLLPRI)
		ev |= SLIRP_POLL_PRI;
	if (r & POLLERR)
		ev |= SLIRP_POLL_ERR;
	if (r & POLLHUP)
		ev |= SLIRP_POLL_HUP;
	return ev;
}

/* Run the timers that are due; a callback may arm or free timers, so
 * the walk starts over after each. */
static void net_run_timers(struct net_user *n)
{
	for (bool again = true; again;) {
		again = false;
		int64_t now_ms = net_clock_ns(n) / 1000000;
		for (struct net_timer *t = n->timers; t; t = t->next) {
			if (t->expire_ms >= 0 && t->expire_ms <= now_ms) {
				t->expire_ms = -1;
				t->cb(t->cb_opaque);
				again = true;
				break;
			}
		}
	}
}

void net_user_poll(struct net_user *n, int extra_fd, int timeout_ms)
{
	uint32_t timeout = timeout_ms < 0 ? 0 : (uint32_t)timeout_ms;
	n->nfds = 0;
	slirp_pollfds_fill(n->slirp, &timeout, net_add_poll, n);
	int64_t now_ms = net_clock_ns(n) / 1000000;
	for (struct net_timer *t = n->timers; t; t = t->next)
		if (t->expire_ms >= 0 && t->expire_ms - now_ms < timeout)
			timeout = t->expire_ms <= now_ms
					  ? 0
					  : (uint32_t)(t->expire_ms - now_ms);
	size_t nslirp = n->nfds;
	if (extra_fd >= 0)
		net_add_poll(extra_fd, SLIRP_POLL_IN, n);
	int r = poll(n->fds, n->nfds, (int)timeout);
	n->nfds = nslirp; /* the extra fd is the caller's */
	slirp_pollfds_poll(n->slirp, r < 0, net_get_revents, n);
	net_run_timers(n);
}

const uint8_t *net_user_peek(const struct net_user *n, size_t *len,
			     uint64_t *due)
{
	if (n->qhead == n->qlen)
		return NULL;
	*len = n->q[n->qhead].len;
	*due = n->q[n->qhead].due;
	return n->q[n->qhead].data;
}

void net_user_pop(struct net_user *n)
{
	if (n->qhead < n->qlen)
		free(n->q[n->qhead++].data);
}

void net_user_jitter(struct net_user *n, uint64_t seed)
{
	n->jitter = seed != 0;
	n->jitter_state = seed;
}

void net_user_set_now(struct net_user *n, uint64_t icount)
{
	/* slirp's clock must not run backwards. */
	if (icount > n->now)
		n->now = icount;
}
