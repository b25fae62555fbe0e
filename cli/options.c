#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int opts_parse_u64(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

int opts_parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s || *s == '-')
		return -1;
	unsigned shift = 0;
	switch (*end) {
	case 'k':
	case 'K':
		shift = 10;
		end++;
		break;
	case 'm':
	case 'M':
		shift = 20;
		end++;
		break;
	case 'g':
	case 'G':
		shift = 30;
		end++;
		break;
	default: break;
	}
	if (*end != '\0' || v > (UINT64_MAX >> shift))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

/* The value of option argv[*i], advancing past it; NULL if missing. */
static char *opt_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "rewind: %s needs a value\n", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

/* --disk FILE[,ro|,persist]. The path itself may contain commas: only a
 * known suffix is taken as the mode, and cut off the argument itself
 * (argv's strings are the program's to change), which the path then
 * points into for the rest of the run. */
static int opts_parse_disk(struct machine_opts *o, char *v)
{
	if (!v)
		return -1;
	if (o->ndisks == MACHINE_MAX_DISKS) {
		fprintf(stderr, "rewind: at most %d --disk options\n",
			MACHINE_MAX_DISKS);
		return -1;
	}
	struct disk_config *d = &o->disks[o->ndisks];
	if (strlen(v) >= REC_PATH_MAX) {
		fprintf(stderr, "rewind: --disk path too long\n");
		return -1;
	}
	char *p = v;
	d->mode = DISK_OVERLAY;
	char *comma = strrchr(p, ',');
	if (comma && !strcmp(comma, ",ro")) {
		d->mode = DISK_READONLY;
		*comma = '\0';
	} else if (comma && !strcmp(comma, ",persist")) {
		d->mode = DISK_PERSIST;
		*comma = '\0';
	} else if (comma && access(p, F_OK) != 0) {
		/* No file has this whole name: the part after the comma was
		 * meant as an option. */
		fprintf(stderr,
			"rewind: unknown disk option '%s' (known: ro, "
			"persist)\n",
			comma + 1);
		return -1;
	}
	if (!*p) {
		fprintf(stderr, "rewind: --disk needs a file name\n");
		return -1;
	}
	d->path = p;
	o->ndisks++;
	return 1;
}

int opts_parse_machine(struct machine_opts *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **str = NULL;
	if (!strcmp(a, "--bios"))
		str = &o->bios;
	else if (!strcmp(a, "--kernel"))
		str = &o->kernel;
	else if (!strcmp(a, "--initrd"))
		str = &o->initrd;
	else if (!strcmp(a, "--append"))
		str = &o->append;
	if (str) {
		*str = opt_value(argc, argv, i);
		return *str ? 1 : -1;
	}
	if (!strcmp(a, "--disk"))
		return opts_parse_disk(o, opt_value(argc, argv, i));
	if (!strcmp(a, "--net")) {
		const char *v = opt_value(argc, argv, i);
		char err[256];
		if (!v)
			return -1;
		if (net_opts_parse(v, &o->net, err, sizeof(err))) {
			fprintf(stderr, "rewind: %s\n", err);
			return -1;
		}
		return 1;
	}
	if (!strcmp(a, "--mem")) {
		const char *v = opt_value(argc, argv, i);
		if (!v)
			return -1;
		if (opts_parse_size(v, &o->mem)) {
			fprintf(stderr, "rewind: bad --mem size '%s'\n", v);
			return -1;
		}
		o->mem_given = true;
		return 1;
	}
	if (!strcmp(a, "--smp")) {
		const char *v = opt_value(argc, argv, i);
		if (!v)
			return -1;
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 1 || n > 8) {
			fprintf(stderr,
				"rewind: --smp must be 1 to 8, not '%s'\n", v);
			return -1;
		}
		o->smp = (int)n;
		o->smp_given = true;
		return 1;
	}
	return 0;
}

const char *opts_value(const char *cmd, int argc, char **argv, int *i,
		       const char *form)
{
	if (*i + 1 >= argc || !strncmp(argv[*i + 1], "--", 2)) {
		fprintf(stderr, "rewind %s: %s needs %s\n", cmd, argv[*i],
			form);
		return NULL;
	}
	return argv[++*i];
}

const char opts_machine_help[] =
	"MACHINE (the machine to build):\n"
	"  --bios FILE|none    firmware (default: OpenSBI); none starts an "
	"ELF kernel\n"
	"                      directly\n"
	"  --kernel FILE       the kernel: a Linux Image, or an ELF with "
	"--bios none\n"
	"  --initrd FILE       an initial RAM disk for the kernel\n"
	"  --append STR        the kernel command line\n"
	"  --mem SIZE          RAM, e.g. 512M or 1G (default 128M)\n"
	"  --smp N             harts, 1 to 8 (default 1)\n"
	"  --disk FILE[,ro|,persist]\n"
	"                      a virtio disk; writes go to a throwaway "
	"overlay unless\n"
	"                      ,persist (,ro: the guest cannot write)\n"
	"  --net user[,hostfwd=tcp:[HOST]:HPORT-:GPORT][,tftp=DIR]\n"
	"                      a virtio network card on a user network "
	"(guest 10.0.2.15,\n"
	"                      host 10.0.2.2, DHCP); hostfwd forwards a "
	"loopback port\n"
	"                      to the guest, tftp serves DIR; every frame "
	"is recorded\n";

int opts_parse_rest(const char *cmd, struct machine_opts *o, int argc,
		    char **argv, int *i)
{
	int r = opts_parse_machine(o, argc, argv, i);
	/* A bare word is most often the kernel, named without --kernel. */
	if (r == 0 && argv[*i][0] != '-')
		fprintf(stderr,
			"rewind %s: '%s' is not an option; a kernel is named "
			"with --kernel: rewind %s --kernel %s ...\n",
			cmd, argv[*i], cmd, argv[*i]);
	else if (r == 0)
		fprintf(stderr,
			"rewind %s: unknown option '%s' (`rewind help %s` "
			"lists them)\n",
			cmd, argv[*i], cmd);
	return r > 0 ? 0 : -1;
}
