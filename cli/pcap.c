/* rewind pcap REC -o FILE: the frames of a recording as a capture file. */
#include "../replay/exit_status.h"
#include "../replay/pcap_export.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

const char cmd_pcap_help[] =
	"usage: rewind pcap REC -o FILE\n"
	"\n"
	"Write every network frame of a recording, both directions, to FILE "
	"in pcap\n"
	"format with virtual timestamps (nanoseconds of the machine's time), "
	"for\n"
	"`tcpdump -r FILE` or any pcap reader. Needs neither the images nor "
	"a replay.\n"
	"\n"
	"  -o FILE   the capture file to write (never the recording itself)\n"
	"\n"
	"Example:\n"
	"  rewind pcap net.rec -o net.pcap && tcpdump -nr net.pcap\n";

int cmd_pcap(int argc, char **argv)
{
	const char *rec = NULL, *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o")) {
			out = opts_value("pcap", argc, argv, &i, "FILE");
			if (!out)
				return REWIND_EXIT_ERROR;
		} else if (argv[i][0] != '-' && !rec) {
			rec = argv[i];
		} else {
			fprintf(stderr,
				"rewind pcap: unknown option '%s' (`rewind "
				"help pcap` lists them)\n",
				argv[i]);
			return REWIND_EXIT_ERROR;
		}
	}
	if (!rec || !out) {
		fprintf(stderr, "usage: rewind pcap REC -o FILE\n");
		return REWIND_EXIT_ERROR;
	}
	char err[1024];
	struct pcap_counts n;
	if (pcap_export(rec, out, &n, err, sizeof(err))) {
		/* Each message names the file it is about. */
		fprintf(stderr, "rewind pcap: %s\n", err);
		return REWIND_EXIT_ERROR;
	}
	fprintf(stderr, "rewind pcap: %llu frames received, %llu sent\n",
		(unsigned long long)n.rx, (unsigned long long)n.tx);
	return REWIND_EXIT_PASS;
}
