/* rewind pcap REC -o FILE */
#include "../replay/exit_status.h"
#include "../replay/pcap_export.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

int cmd_pcap(int argc, char **argv)
{
	const char *rec = NULL, *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] != '-' && !rec)
			rec = argv[i];
		else {
			fprintf(stderr, "usage: rewind pcap REC -o FILE\n");
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
		fprintf(stderr, "rewind pcap: %s: %s\n", rec, err);
		return REWIND_EXIT_ERROR;
	}
	fprintf(stderr, "rewind pcap: %llu frames received, %llu sent\n",
		(unsigned long long)n.rx, (unsigned long long)n.tx);
	return 0;
}
