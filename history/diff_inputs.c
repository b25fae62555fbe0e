/* The inputs of two recordings side by side, for rewind diff: where the
 * lists part, and the last input they share before a given icount. */
#include "../replay/gate.h"
#include "diff.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the machine takes from the host. Digests, the end record and
 * frames the guest sent are the machine's own doing; packed images are
 * compared as the configuration's image hashes. */
static bool diff_is_input(enum ev_type t)
{
	return t == EV_WALL || t == EV_ENTROPY || t == EV_CONSOLE ||
	       t == EV_NET_RX || t == EV_REG_WRITE || t == EV_MEM_WRITE;
}

static bool diff_event_equal(const struct event *a, const struct event *b)
{
	if (a->type != b->type || a->icount != b->icount ||
	    a->value != b->value || a->code != b->code || a->len != b->len ||
	    a->hart != b->hart || a->reg != b->reg)
		return false;
	size_t n = event_payload_len(a);
	return n == event_payload_len(b) &&
	       (!n || !memcmp(a->bytes, b->bytes, n));
}

/* The gate's queued inputs, every payload pointer made current (the gate
 * sets them lazily); the gate is loaded and read no further, so they
 * stay valid. */
static int diff_inputs_list(struct gate *g, const struct event ***out,
			    size_t *n)
{
	*out = calloc(g->qlen ? g->qlen : 1, sizeof(**out));
	if (!*out)
		return -ENOMEM;
	*n = 0;
	for (size_t i = 0; i < g->qlen; i++) {
		struct gate_slot *s = &g->queue[i];
		s->e.bytes = g->held + s->at;
		if (diff_is_input(s->e.type))
			(*out)[(*n)++] = &s->e;
	}
	return 0;
}

int diff_inputs_compare(struct gate *a, struct gate *b, struct diff_inputs *d)
{
	memset(d, 0, sizeof(*d));
	d->at = UINT64_MAX;
	if (diff_inputs_list(a, &d->list[0], &d->n[0]) ||
	    diff_inputs_list(b, &d->list[1], &d->n[1])) {
		diff_inputs_free(d);
		return -ENOMEM;
	}
	size_t i = 0, j = 0;
	/* The wall clock is read once, at power-on: two recordings made at
	 * different times always differ there, and the guest sees it only
	 * when it reads the RTC (a register difference there). So it is
	 * noted, and skipped when both recordings have one. */
	if (d->n[0] && d->n[1] && d->list[0][0]->type == EV_WALL &&
	    d->list[1][0]->type == EV_WALL &&
	    d->list[0][0]->icount == d->list[1][0]->icount) {
		d->wall_a = d->list[0][0]->value;
		d->wall_b = d->list[1][0]->value;
		d->wall_differs = d->wall_a != d->wall_b;
		i = j = 1;
	}
	while (i < d->n[0] && j < d->n[1] &&
	       diff_event_equal(d->list[0][i], d->list[1][j]))
		i++, j++;
	d->common = i;
	d->a = i < d->n[0] ? d->list[0][i] : NULL;
	d->b = j < d->n[1] ? d->list[1][j] : NULL;
	if (d->a)
		d->at = d->a->icount;
	if (d->b && d->b->icount < d->at)
		d->at = d->b->icount;
	return 0;
}

void diff_inputs_free(struct diff_inputs *d)
{
	free(d->list[0]);
	free(d->list[1]);
	d->list[0] = d->list[1] = NULL;
}

const struct event *diff_inputs_last_common(const struct diff_inputs *d,
					    uint64_t icount)
{
	const struct event *last = NULL;
	for (size_t i = d->wall_differs ? 1 : 0; i < d->common; i++) {
		if (d->list[0][i]->icount > icount)
			break;
		last = d->list[0][i];
	}
	return last;
}

static const char *diff_input_name(enum ev_type t)
{
	switch (t) {
	case EV_WALL: return "wall clock";
	case EV_ENTROPY: return "entropy";
	case EV_CONSOLE: return "console";
	case EV_NET_RX: return "network frame";
	case EV_REG_WRITE: return "debugger register write";
	case EV_MEM_WRITE: return "debugger memory write";
	default: return event_type_name(t);
	}
}

/* Append to buf, never past its end. */
static void diff_put(char *buf, size_t len, size_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void diff_put(char *buf, size_t len, size_t *at, const char *fmt, ...)
{
	if (*at + 1 >= len)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *at, len - *at, fmt, ap);
	va_end(ap);
	if (n > 0)
		*at = *at + (size_t)n < len ? *at + (size_t)n : len - 1;
}

void diff_input_describe(const struct event *e, char *buf, size_t len)
{
	size_t at = 0;
	if (!len)
		return;
	buf[0] = 0;
	diff_put(buf, len, &at, "%s ", diff_input_name(e->type));
	if (e->type == EV_CONSOLE) {
		/* The bytes as a C string, shortened past 32. */
		diff_put(buf, len, &at, "\"");
		for (uint32_t i = 0; i < e->len && i < 32; i++) {
			uint8_t c = e->bytes[i];
			if (c == '"' || c == '\\')
				diff_put(buf, len, &at, "\\%c", c);
			else if (c == '\n')
				diff_put(buf, len, &at, "\\n");
			else if (isprint(c))
				diff_put(buf, len, &at, "%c", c);
			else
				diff_put(buf, len, &at, "\\x%02x", c);
		}
		diff_put(buf, len, &at, "%s\" ", e->len > 32 ? "..." : "");
	} else if (e->type == EV_WALL) {
		diff_put(buf, len, &at, "%llu ns ",
			 (unsigned long long)e->value);
	} else if (e->type == EV_REG_WRITE) {
		diff_put(buf, len, &at, "hart %u register %u = 0x%llx ",
			 e->hart, e->reg, (unsigned long long)e->value);
	} else if (e->type == EV_MEM_WRITE) {
		diff_put(buf, len, &at, "at 0x%llx ",
			 (unsigned long long)e->value);
	}
	if (e->type != EV_WALL && e->type != EV_REG_WRITE)
		diff_put(buf, len, &at, "(%u byte%s) ", e->len,
			 e->len == 1 ? "" : "s");
	diff_put(buf, len, &at, "at icount %llu",
		 (unsigned long long)e->icount);
}
