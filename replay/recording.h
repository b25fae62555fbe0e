/* The recording's header: the machine configuration and the content hash
 * of every image it booted, as "key=value" lines (readable by `info`). */
#ifndef REWIND_REPLAY_RECORDING_H
#define REWIND_REPLAY_RECORDING_H

#include "../core/machine.h"

#include <stddef.h>
#include <stdint.h>

#define REC_PATH_MAX 4096
/* The most chaos draws a shrunk recording keeps (header chaos-keep). */
#define REC_CHAOS_KEEP_MAX 512

struct rec_image {
	char path[REC_PATH_MAX];
	char sha256[65]; /* hex */
};

struct rec_config {
	/* The machine version ("machine=rewind-virt-N"), enum
	 * machine_identity: recordings and snapshots run on the one they
	 * were made on. */
	int identity;
	/* How its harts took turns ("scheduler=N"), enum machine_scheduler:
	 * 1 when the header does not say (made before there were two). */
	int scheduler;
	uint64_t mem;
	int smp;
	bool bare; /* --bios none */
	struct rec_image bios, kernel, initrd;
	bool has_bios, has_kernel, has_initrd;
	char append[REC_PATH_MAX];
	bool has_append;
	struct rec_image disks[MACHINE_MAX_DISKS];
	enum disk_mode disk_modes[MACHINE_MAX_DISKS];
	int ndisks;
	bool net; /* a network card (--net user): "net=user" */
	bool chaos;
	uint64_t chaos_seed;
	/* The chaos draws that may depart from the default schedule
	 * ("chaos-keep=N,N,...", ascending; written by rewind shrink).
	 * false: all of them. */
	bool chaos_keep_only;
	uint64_t chaos_keep[REC_CHAOS_KEEP_MAX];
	size_t chaos_nkeep;
	/* Each departure from the default schedule is logged as a schedule
	 * record ("schedule-log=yes"; recordings before it have none). */
	bool schedule_logged;
	/* How its digests hash RAM, enum ram_hash (replay/events.h):
	 * "ram-hash=crc32c", RAM_HASH_FNV when the header does not say. The
	 * one a recorder writes is RAM_HASH_CURRENT, whatever the machine's
	 * configuration came from (recording_ram_hash_current). */
	int ram_hash;
	/* Chaos injects device faults ("chaos-faults=yes"). */
	bool chaos_faults;
	bool packed; /* the images travel inside the recording */
	/* A snapshot file's own format version (0: not a snapshot). */
	uint32_t snapshot_version;
	/* A snapshot file's parent (an incremental snapshot), and the
	 * snapshot a recording starts from: path and SHA-256 of the file. */
	struct rec_image parent, snapshot;
	bool has_parent, has_snapshot;
};

/* Image slots in the recording: firmware, kernel, initrd, then disks;
 * after them the snapshot a packed recording starts from (a branch). */
enum { REC_SLOT_BIOS, REC_SLOT_KERNEL, REC_SLOT_INITRD, REC_SLOT_DISK0 };
#define REC_SLOT_SNAPSHOT (REC_SLOT_DISK0 + MACHINE_MAX_DISKS)
/* The image in slot s, or NULL when the configuration has none. */
struct rec_image *recording_image(struct rec_config *c, unsigned s);

/* c is the header of a recording this build makes: its digests hash RAM
 * the newest way. */
void recording_ram_hash_current(struct rec_config *c);
/* Hash every image named in c (paths filled in) into c. */
int recording_hash_images(struct rec_config *c, char *err, size_t errlen);
/* Serialize / parse the header text. Parsing checks every field. */
char *recording_header_build(const struct rec_config *c, size_t *len);
/* A container file at path whose header is c (recordings, snapshots). NULL
 * with a message in err on failure; see log_writer_open for force. */
struct log_writer *recording_writer_open(const struct rec_config *c,
					 const char *path, bool force,
					 char *err, size_t errlen);
int recording_header_parse(const char *text, size_t len, struct rec_config *c,
			   char *err, size_t errlen);
/* Every image is present and has the recorded content; messages call the
 * file whose header c is the owner ("recording", "snapshot"). */
int recording_check_images(const struct rec_config *c, const char *owner,
			   char *err, size_t errlen);

#endif
