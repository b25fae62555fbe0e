#include "pcap_export.h"
#include "../core/machine.h"
#include "events.h"
#include "logfile.h"

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Nanoseconds of virtual time at icount. */
static uint64_t pcap_ns(uint64_t icount)
{
	return icount * (1000000000ull / (TIMEBASE_HZ * TICK_INSNS));
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Every frame record of r into d. 0, or -1 with a message. */
static int pcap_frames(const char *path, struct log_reader *r, pcap_dumper_t *d,
		       struct pcap_counts *n, char *err, size_t errlen)
{
	const void *rec;
	size_t len;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) > 0) {
		const uint8_t *b = rec;
		/* Packed images come first and are no events. */
		if (len && b[0] == EV_IMAGE)
			continue;
		struct event e;
		if (event_decode(rec, len, &e) < 0) {
			snprintf(err, errlen,
				 "%s: malformed record in the recording (a "
				 "corrupt file)",
				 path);
			return -1;
		}
		if (e.type != EV_NET_RX && e.type != EV_NET_TX)
			continue;
		uint64_t ns = pcap_ns(e.icount);
		struct pcap_pkthdr h = {.caplen = e.len, .len = e.len};
		h.ts.tv_sec = (time_t)(ns / 1000000000ull);
		/* A nanosecond-precision dumper reads tv_usec as ns. */
		h.ts.tv_usec = (suseconds_t)(ns % 1000000000ull);
		pcap_dump((u_char *)d, &h, e.bytes);
		if (e.type == EV_NET_RX)
			n->rx++;
		else
			n->tx++;
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s", log_reader_error(r));
		return -1;
	}
	return 0;
}

int pcap_export(const char *rec, const char *out, struct pcap_counts *n,
		char *err, size_t errlen)
{
	*n = (struct pcap_counts){0};
	if (same_file(rec, out)) {
		snprintf(err, errlen,
			 "%s: the output would overwrite the "
			 "recording",
			 out);
		return -1;
	}
	struct log_reader *r = log_reader_open(rec, err, errlen);
	if (!r)
		return -1;
	pcap_t *p = pcap_open_dead_with_tstamp_precision(
		DLT_EN10MB, 65535, PCAP_TSTAMP_PRECISION_NANO);
	/* Opened here, so that the message names the file once and in our
	 * words (the library's own puts the name in as well). */
	FILE *f = p ? fopen(out, "wb") : NULL;
	int e = errno;
	pcap_dumper_t *d = f ? pcap_dump_fopen(p, f) : NULL;
	if (!d) {
		snprintf(err, errlen, "%s: %s", out,
			 !p   ? "out of memory"
			 : !f ? strerror(e)
			      : pcap_geterr(p));
		if (f)
			fclose(f);
		if (p)
			pcap_close(p);
		log_reader_close(r);
		return -1;
	}
	int rc = pcap_frames(rec, r, d, n, err, errlen);
	if (pcap_dump_flush(d) && rc == 0) {
		snprintf(err, errlen, "%s: writing failed", out);
		rc = -1;
	}
	pcap_dump_close(d);
	pcap_close(p);
	log_reader_close(r);
	if (rc)
		unlink(out);
	return rc;
}
