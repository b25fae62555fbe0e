#include "replayer.h"
#include "../core/dev/uart.h"
#include "../core/dev/virtio_net.h"
#include "write.h"

#include <stdio.h>

/* Act on one recorded event at its icount. False ends the replay. */
static bool replay_event(struct machine *m, struct gate *g,
			 const struct event *e, bool verify)
{
	struct event have;
	uint8_t regs[EV_DIGEST_MAX_BYTES];
	char why[900];
	switch (e->type) {
	case EV_CONSOLE:
		/* The same machine state takes the same bytes. */
		if (uart_rx_room(m->uart) < e->len) {
			gate_fail(g, e->icount,
				  "the UART cannot take the recorded input");
			return false;
		}
		for (uint32_t i = 0; i < e->len; i++)
			uart_rx_push(m->uart, e->bytes[i]);
		return true;
	case EV_REG_WRITE:
	case EV_MEM_WRITE:
		if (write_apply(m, e, why, sizeof(why))) {
			gate_fail(g, e->icount, "a recorded debugger write: %s",
				  why);
			return false;
		}
		return true;
	case EV_NET_RX:
		/* The card does with the frame what it did when recording:
		 * its answer depends only on the machine's state. */
		if (!virtio_net_of(m)) {
			g->corrupt = true;
			gate_fail(g, e->icount,
				  "the recording has network frames but the "
				  "machine has no network card");
			return false;
		}
		virtio_net_rx(virtio_net_of(m), e->bytes, e->len);
		return true;
	case EV_DIGEST:
		event_digest_take(m,
				  verify && e->value != 0 ? g->ram_hash
							  : RAM_HASH_NONE,
				  &have, regs);
		if (!verify)
			have.value = 0;
		if (!event_digest_equal(e, &have, why, sizeof(why))) {
			gate_fail(g, e->icount, "state differs: %s", why);
			return false;
		}
		return true;
	case EV_END:
		/* The recorder was stopped by a signal, the guest still
		 * running: the replay has reproduced all there is. */
		if (e->value == EV_END_INTERRUPTED &&
		    m->exit == MEXIT_RUNNING) {
			g->interrupted = e->code ? e->code : -1;
			return false;
		}
		if (e->value == EV_END_LIMIT && m->exit == MEXIT_RUNNING) {
			g->at_limit = true;
			return false;
		}
		if (m->exit != (enum machine_exit)e->value ||
		    m->exit_code != e->code)
			gate_fail(g, e->icount,
				  "the guest ended differently (recorded exit "
				  "%llu code %d, replayed %d code %d)",
				  (unsigned long long)e->value, e->code,
				  (int)m->exit, m->exit_code);
		return false;
	default: return true;
	}
}

enum replay_status replay_advance(struct machine *m, struct gate *g,
				  uint64_t target, bool verify)
{
	while (!g->failed) {
		const struct event *e = gate_peek_driver_event(g);
		if (e && e->icount < m->icount) {
			gate_fail(g, m->icount,
				  "the machine ran past a recorded event at "
				  "icount %llu",
				  (unsigned long long)e->icount);
			break;
		}
		/* Events at this position come before running on from it. */
		if (e && e->icount == m->icount && m->icount < target) {
			bool go_on = replay_event(m, g, e, verify);
			bool end = e->type == EV_END;
			gate_pop_driver_event(g);
			if (end && !g->failed)
				return REPLAY_END;
			if (!go_on)
				break;
			continue;
		}
		if (m->icount >= target)
			return REPLAY_AT_TARGET;
		/* A live session's kept events end where recording stopped,
		 * and its driver never asks to replay past there. */
		if (!e && (g->eof || g->failed) && !g->keep)
			return g->failed ? REPLAY_FAILED : REPLAY_CUT;
		uint64_t stop = e && e->icount < target ? e->icount : target;
		enum machine_stop st = machine_run(m, stop - m->icount);
		if (st == MSTOP_HART)
			return REPLAY_HART_STOP;
		if (st == MSTOP_EXIT && (!e || e->icount != m->icount)) {
			if (!g->failed)
				gate_fail(g, m->icount,
					  "the guest ended at icount %llu, "
					  "before the recording does",
					  (unsigned long long)m->icount);
			break;
		}
		if (st == MSTOP_IDLE && m->icount < stop) {
			gate_fail(g, m->icount,
				  "every hart waits at icount %llu, but the "
				  "recording goes on to icount %llu",
				  (unsigned long long)m->icount,
				  (unsigned long long)stop);
			break;
		}
	}
	return REPLAY_FAILED;
}

void replay_catch_up(struct machine *m, struct gate *g, bool verify)
{
	const struct event *e;
	while (!g->failed && (e = gate_peek_driver_event(g)) &&
	       e->icount == m->icount && e->type != EV_END) {
		replay_event(m, g, e, verify);
		gate_pop_driver_event(g);
	}
}
