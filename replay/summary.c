#include "summary.h"
#include "logfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int summary_read(struct log_reader *r, struct rec_summary *s)
{
	memset(s, 0, sizeof(*s));
	struct event ev;
	struct event *e = &ev;
	const void *rec;
	size_t len;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) > 0) {
		/* Packed images: a type byte, a slot byte, an offset, a piece.
		 */
		if (len > 10 && ((const uint8_t *)rec)[0] == EV_IMAGE) {
			s->image_bytes += len - 10;
			continue;
		}
		if (event_decode(rec, len, e) < 0) {
			rc = -2;
			break;
		}
		s->counts[e->type]++;
		s->last_icount = e->icount;
		if (e->type == EV_NET_RX)
			s->net_rx_bytes += e->len;
		if (e->type == EV_NET_TX)
			s->net_tx_bytes += e->len;
		if (e->type == EV_DIGEST && e->value)
			s->digests_ram++;
		if (e->type == EV_END) {
			s->has_end = true;
			s->end_icount = e->icount;
			s->end_exit = e->value;
			s->end_code = e->code;
		}
	}
	return rc < 0 ? rc : 0;
}
