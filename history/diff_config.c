/* Whether two recordings are of the same machine, for rewind diff: the
 * same board, memory, harts, devices, command line and images (by
 * content, wherever they lie). The schedule (chaos seed) may differ: that
 * is one of the things a diff looks for. */
#include "diff.h"

#include <stdio.h>
#include <string.h>

static int diff_differs(char *why, size_t len, const char *what, const char *a,
			const char *b)
{
	snprintf(why, len, "%s differs: %s in the first, %s in the second",
		 what, a, b);
	return -1;
}

static int diff_number(char *why, size_t len, const char *what, uint64_t a,
		       uint64_t b)
{
	char x[32], y[32];
	snprintf(x, sizeof(x), "%llu", (unsigned long long)a);
	snprintf(y, sizeof(y), "%llu", (unsigned long long)b);
	return diff_differs(why, len, what, x, y);
}

/* An image slot: present in both or neither, with the same content. */
static int diff_image(char *why, size_t len, const char *what, bool has_a,
		      const struct rec_image *a, bool has_b,
		      const struct rec_image *b)
{
	if (has_a != has_b)
		return diff_differs(why, len, what, has_a ? a->path : "none",
				    has_b ? b->path : "none");
	if (has_a && strcmp(a->sha256, b->sha256)) {
		char x[REC_PATH_MAX + 96], y[REC_PATH_MAX + 96];
		snprintf(x, sizeof(x), "%s (sha256 %.16s...)", a->path,
			 a->sha256);
		snprintf(y, sizeof(y), "%s (sha256 %.16s...)", b->path,
			 b->sha256);
		return diff_differs(why, len, what, x, y);
	}
	return 0;
}

int diff_config_check(const struct rec_config *a, const struct rec_config *b,
		      char *why, size_t len)
{
	if (a->identity != b->identity)
		return diff_number(why, len, "the machine version",
				   (uint64_t)a->identity,
				   (uint64_t)b->identity);
	if (a->scheduler != b->scheduler)
		return diff_number(why, len, "the scheduler version",
				   (uint64_t)a->scheduler,
				   (uint64_t)b->scheduler);
	if (a->mem != b->mem)
		return diff_number(why, len, "the memory size (bytes)", a->mem,
				   b->mem);
	if (a->smp != b->smp)
		return diff_number(why, len, "the number of harts (--smp)",
				   (uint64_t)a->smp, (uint64_t)b->smp);
	if (a->bare != b->bare)
		return diff_differs(why, len, "the firmware",
				    a->bare ? "none" : "a firmware",
				    b->bare ? "none" : "a firmware");
	if (diff_image(why, len, "the firmware (--bios)", a->has_bios, &a->bios,
		       b->has_bios, &b->bios) ||
	    diff_image(why, len, "the kernel (--kernel)", a->has_kernel,
		       &a->kernel, b->has_kernel, &b->kernel) ||
	    diff_image(why, len, "the initrd (--initrd)", a->has_initrd,
		       &a->initrd, b->has_initrd, &b->initrd) ||
	    diff_image(why, len, "the starting snapshot (--restore)",
		       a->has_snapshot, &a->snapshot, b->has_snapshot,
		       &b->snapshot))
		return -1;
	if (a->has_append != b->has_append ||
	    (a->has_append && strcmp(a->append, b->append)))
		return diff_differs(why, len,
				    "the kernel command line (--append)",
				    a->has_append ? a->append : "none",
				    b->has_append ? b->append : "none");
	if (a->ndisks != b->ndisks)
		return diff_number(why, len, "the number of disks (--disk)",
				   (uint64_t)a->ndisks, (uint64_t)b->ndisks);
	for (int i = 0; i < a->ndisks; i++) {
		char what[64];
		snprintf(what, sizeof(what), "disk %d (--disk)", i);
		if (diff_image(why, len, what, true, &a->disks[i], true,
			       &b->disks[i]))
			return -1;
		if (a->disk_modes[i] != b->disk_modes[i])
			return diff_number(why, len, "a disk's mode",
					   (uint64_t)a->disk_modes[i],
					   (uint64_t)b->disk_modes[i]);
	}
	if (a->net != b->net)
		return diff_differs(why, len, "the network card (--net)",
				    a->net ? "user" : "none",
				    b->net ? "user" : "none");
	return 0;
}
