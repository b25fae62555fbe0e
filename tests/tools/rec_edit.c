/* Test tool: copy a recording, altering its inputs, to check that replay
 * notices. Usage: rec_edit IN OUT shift-console N
 * moves the first console event N instructions earlier. */
#include "../../replay/events.h"
#include "../../replay/logfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 5 || strcmp(argv[3], "shift-console") != 0) {
		fprintf(stderr, "usage: rec_edit IN OUT shift-console N\n");
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
		if (e.type == EV_CONSOLE && !done) {
			e.icount = e.icount > shift ? e.icount - shift : 0;
			done = true;
		}
		log_writer_append(w, buf, event_encode(&e, buf));
	}
	log_writer_close(w);
	log_reader_close(r);
	free(buf);
	if (!done) {
		fprintf(stderr, "rec_edit: no console event\n");
		return 1;
	}
	return 0;
}
