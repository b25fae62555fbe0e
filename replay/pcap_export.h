/* rewind pcap: every network frame of a recording, both directions, as a
 * pcap file (Ethernet, nanosecond timestamps) written with libpcap.
 *
 * The frames come straight from the recording: those the guest received
 * are its inputs, and those it sent are logged beside them (EV_NET_TX),
 * so an export needs neither the images nor a replay. A frame's time is
 * virtual: its icount at the machine's nominal clock (TIMEBASE_HZ ticks of
 * TICK_INSNS instructions), counted from the Unix epoch's first second so
 * that tools show it as seconds into the run. */
#ifndef REWIND_REPLAY_PCAP_EXPORT_H
#define REWIND_REPLAY_PCAP_EXPORT_H

#include <stddef.h>
#include <stdint.h>

struct pcap_counts {
	uint64_t rx, tx;
};

/* Write the frames of recording rec to out (created or replaced; never
 * rec itself). 0, or -1 with a message in err; a malformed frame record
 * is reported as a corrupt recording and out is removed. */
int pcap_export(const char *rec, const char *out, struct pcap_counts *n,
		char *err, size_t errlen);

#endif
