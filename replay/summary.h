/* What a recording holds, read through once: events by type, digests,
 * packed image bytes, the last icount and the end record. */
#ifndef REWIND_REPLAY_SUMMARY_H
#define REWIND_REPLAY_SUMMARY_H

#include "events.h"

#include <stdbool.h>
#include <stdint.h>

struct log_reader;

struct rec_summary {
	uint64_t counts[EV_KINDS];
	uint64_t last_icount;		     /* of the last event */
	uint64_t digests_ram;		     /* digests with a RAM hash */
	uint64_t image_bytes;		     /* packed images */
	uint64_t net_rx_bytes, net_tx_bytes; /* network frames, each way */
	bool has_end;
	uint64_t end_icount, end_exit; /* the end record's */
	int end_code;
};

/* Read the rest of r into s. 0; -1 on a log error (log_reader_error
 * says which); -2 on a malformed record. s holds what came
 * before an error. */
int summary_read(struct log_reader *r, struct rec_summary *s);

#endif
