/* The user network: the host side of the network card, from libslirp. It
 * gives the guest QEMU's user network (guest 10.0.2.15, gateway and host
 * 10.0.2.2, DNS 10.0.2.3, a DHCP server, optionally TFTP from a directory
 * and TCP ports forwarded from the host). It lives only in live runs and
 * recordings: a replay feeds the recorded frames and never creates one.
 *
 * Frames slirp sends wait in a queue here until the card has a buffer for
 * them; the session then offers them through the gate, which logs each at
 * the icount of delivery. slirp's own timers (TCP retransmission, ARP)
 * run on the machine's virtual time as the session last told it
 * (net_user_set_now), so they stand still while the guest does (stopped
 * under the debugger); its sockets live on host time and are served
 * whenever the session looks (net_user_poll), running or not. Timers
 * decide only what is offered, and the offers are what the recording
 * holds. */
#ifndef REWIND_REPLAY_NET_USER_H
#define REWIND_REPLAY_NET_USER_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NET_MAX_FWDS 8

/* hostfwd=tcp:[HOST]:HPORT-[GUEST]:GPORT */
struct net_fwd {
	struct in_addr host, guest;
	uint16_t hport, gport;
};

/* --net user[,hostfwd=...][,tftp=DIR] */
struct net_opts {
	bool user;
	struct net_fwd fwd[NET_MAX_FWDS];
	int nfwd;
	const char *tftp; /* NULL: no TFTP server */
};

/* Parse the value of --net into o (tftp points into s). 0, or -1 with a
 * message in err. */
int net_opts_parse(const char *s, struct net_opts *o, char *err, size_t errlen);

struct net_user;

/* Start a user network as o says (forwarded ports bound now). NULL with a
 * message in err (a port in use, a missing TFTP directory). */
struct net_user *net_user_new(const struct net_opts *o, char *err,
			      size_t errlen);
void net_user_free(struct net_user *n);

/* A frame from the guest, into the user network. */
void net_user_send(struct net_user *n, const uint8_t *frame, size_t len);

/* Serve slirp's sockets and timers: wait up to timeout_ms for any of them
 * (or for extra_fd to become readable, when >= 0), then handle what is
 * ready. Frames for the guest join the queue. */
void net_user_poll(struct net_user *n, int extra_fd, int timeout_ms);

/* The oldest frame waiting for the guest and the icount it may be offered
 * from (under chaos, a little after it arrived), or NULL. */
const uint8_t *net_user_peek(const struct net_user *n, size_t *len,
			     uint64_t *due);
void net_user_pop(struct net_user *n);

/* Chaos: hold each frame that arrives from now on back by a number of
 * instructions drawn from a generator seeded with seed (0: no jitter),
 * counted from `now` as the session tells it. */
void net_user_jitter(struct net_user *n, uint64_t seed);
/* The machine's icount now: slirp's clock, and where jitter counts from.
 * Never less than before. */
void net_user_set_now(struct net_user *n, uint64_t icount);

#endif
