/* rewind snapshot save|info: the whole machine at one moment, to restore
 * later with `run --restore` or `record --restore`. */
#include "../snapshots/snapshot.h"
#include "../core/util/sha256.h"
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "../replay/restore.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_snapshot_help[] =
	"usage: rewind snapshot save -o SNAP [--force] [MACHINE | --parent "
	"SNAP |\n"
	"                            --restore SNAP] (--at ICOUNT | "
	"--on-output STRING)\n"
	"       rewind snapshot info SNAP\n"
	"\n"
	"save: run a guest to a point and save the whole machine there, to "
	"start from\n"
	"later with `run --restore` or `record --restore`. info: describe a "
	"snapshot.\n"
	"\n"
	"  -o SNAP             the snapshot to write\n"
	"  --force             replace SNAP if it exists\n"
	"  --at ICOUNT         save at this instruction count\n"
	"  --on-output STRING  save once the console has printed STRING\n"
	"  --parent SNAP       start from SNAP and store only what changed "
	"since\n"
	"  --restore SNAP      start from SNAP, saving a whole snapshot\n"
	"  --stats             print how long the restore and the save took\n"
	"\n"
	"Example:\n"
	"  rewind snapshot save -o booted.snap --kernel Image --initrd "
	"rootfs.cpio \\\n"
	"      --on-output 'login:'\n"
	"  rewind run --restore booted.snap\n";

static int snapshot_save_cmd(int argc, char **argv)
{
	struct restore_take t = {.at = UINT64_MAX};
	session_opts_defaults(&t.o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o")) {
			t.out = opts_value("snapshot", argc, argv, &i, "SNAP");
			if (!t.out)
				return REWIND_EXIT_ERROR;
		} else if (argv[i][0] != '-') {
			fprintf(stderr,
				"rewind snapshot: '%s' is not an option; the "
				"snapshot is named with -o: rewind snapshot "
				"save -o %s ...\n",
				argv[i], argv[i]);
			return REWIND_EXIT_ERROR;
		} else if (!strcmp(argv[i], "--force")) {
			t.force = true;
		} else if (!strcmp(argv[i], "--stats")) {
			t.timing = true;
		} else if ((!strcmp(argv[i], "--parent") ||
			    !strcmp(argv[i], "--restore")) &&
			   i + 1 < argc && !t.parent) {
			/* --restore: from a snapshot, but not a child */
			t.full = argv[i][2] == 'r';
			t.parent = argv[++i];
		} else if (!strcmp(argv[i], "--at") && i + 1 < argc) {
			if (opts_parse_u64(argv[++i], &t.at)) {
				fprintf(stderr, "rewind snapshot: bad --at\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (!strcmp(argv[i], "--on-output") && i + 1 < argc) {
			t.on_output = argv[++i];
		} else if (opts_parse_rest("snapshot", &t.o, argc, argv, &i)) {
			return REWIND_EXIT_ERROR;
		}
	}
	if (!t.out || (t.at == UINT64_MAX) == !t.on_output) {
		fprintf(stderr,
			"usage: rewind snapshot save -o SNAP [MACHINE | "
			"--parent SNAP | --restore SNAP] (--at ICOUNT | "
			"--on-output STRING)\n");
		return REWIND_EXIT_ERROR;
	}
	interrupt_catch();
	int status = restore_take(&t);
	interrupt_release();
	return status;
}

static int snapshot_info_cmd(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rewind snapshot info SNAP\n");
		return REWIND_EXIT_ERROR;
	}
	struct rec_config *rc = malloc(sizeof(*rc));
	struct snapshot_info info;
	char err[1024] = "out of memory";
	if (!rc || snapshot_info(argv[1], rc, &info, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		free(rc);
		return REWIND_EXIT_ERROR;
	}
	size_t hlen;
	char *h = recording_header_build(rc, &hlen);
	free(rc);
	printf("%.*s", (int)hlen, h ? h : "");
	free(h);
	char state[65], file[65], id[65];
	sha256_hex(info.state_sha256, state);
	sha256_hex(info.file_sha256, file);
	sha256_hex(info.id, id);
	printf("icount=%llu\nchain-depth=%u\npages.referenced=%llu\n"
	       "pages.listed=%llu\npages.stored=%llu\nstate-bytes=%llu\n"
	       "state.sha256=%s\nfile.sha256=%s\n"
	       "bytes.raw=%llu\nbytes.stored=%llu\nid=%s\n",
	       (unsigned long long)info.icount, info.depth,
	       (unsigned long long)info.pages_referenced,
	       (unsigned long long)info.pages_listed,
	       (unsigned long long)info.pages_stored,
	       (unsigned long long)info.state_bytes, state, file,
	       (unsigned long long)info.raw_bytes,
	       (unsigned long long)info.stored_bytes, id);
	return 0;
}

int cmd_snapshot(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "save"))
		return snapshot_save_cmd(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "info"))
		return snapshot_info_cmd(argc - 1, argv + 1);
	fprintf(stderr, "usage: rewind snapshot save|info ... (`rewind help "
			"snapshot` explains them)\n");
	return REWIND_EXIT_ERROR;
}
