/* Loading an ELF executable into guest memory. */
#ifndef REWIND_CORE_ELF_LOAD_H
#define REWIND_CORE_ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

struct bus;

/* Load every PT_LOAD segment of the RISC-V 64-bit ELF at `path` into guest
 * memory and report its entry point. Returns 0, or -1 with a message in err;
 * a refused file leaves guest memory as it was. */
int elf_load(struct bus *b, const char *path, uint64_t *entry, char *err,
	     size_t errlen);

/* The same for an ELF image already in memory; *end (when not NULL) gets
 * the first physical address above every loaded segment. */
int elf_load_image(struct bus *b, const uint8_t *img, size_t len,
		   uint64_t *entry, uint64_t *end, char *err, size_t errlen);

#endif
