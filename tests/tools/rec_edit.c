/* Test tool: copy a recording, altering its inputs, to check that replay
 * notices. Usage: rec_edit IN OUT shift-console N
 * moves the first console event N instructions earlier;
 * rec_edit IN OUT cut-frame N
 * says the first received frame is N bytes long whatever it holds (a
 * runt, or more than the record has: a malformed record);
 * rec_edit IN OUT bump-schedule N
 * adds N to the value of the first schedule record (a departure the
 * replayed machine will not make). */
#include "../../replay/events.h"
#include "../../replay/logfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool cut = argc == 5 && strcmp(argv[3], "cut-frame") == 0;
	bool bump = argc == 5 && strcmp(argv[3], "bump-schedule") == 0;
	if (argc != 5 ||
	    (strcmp(argv[3], "shift-console") != 0 && !cut && !bump)) {
		fprintf(stderr, "usage: rec_edit IN OUT "
				"(shift-console|cut-frame|bump-schedule) N\n");
		return 2;
	}
	uint64_t shift = strtoull(argv[4], NULL, 0);
	char err[512];
	struct log_reader *r = log_reader_open(argv[1], err, sizeof(err));
	if (!r) {
		fprintf(stderr, "rec_edit: %s\n", err);
		return 1;
	}
	size_t hlen;
	const void *h = log_reader_header(r, &hlen);
	struct log_writer *w =
		log_writer_open(argv[2], true, h, hlen, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "rec_edit: %s\n", err);
		return 1;
	}
	struct event e;
	uint8_t *buf = malloc(event_max_size());
	const void *rec;
	size_t len;
	bool done = false;
	while (log_reader_next(r, &rec, &len) > 0) {
		if (event_decode(rec, len, &e) < 0)
			return 1;
		if (cut && e.type == EV_NET_RX && !done) {
			/* The length field only: the bytes stay as they are. */
			uint8_t *raw = malloc(len);
			memcpy(raw, rec, len);
			raw[9] = (uint8_t)shift;
			raw[10] = (uint8_t)(shift >> 8);
			raw[11] = raw[12] = 0;
			log_writer_append(w, raw, len);
			free(raw);
			done = true;
			continue;
		}
		if (bump && e.type == EV_SCHEDULE && !done) {
			e.value += shift;
			done = true;
		}
		if (e.type == EV_CONSOLE && !done && !cut && !bump) {
			e.icount = e.icount > shift ? e.icount - shift : 0;
			done = true;
		}
		log_writer_append(w, buf, event_encode(&e, buf));
	}
	log_writer_close(w);
	log_reader_close(r);
	free(buf);
	if (!done) {
		fprintf(stderr, "rec_edit: no %s event\n",
			cut    ? "received frame"
			: bump ? "schedule"
			       : "console");
		return 1;
	}
	return 0;
}
