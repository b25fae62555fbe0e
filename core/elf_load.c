/* ELF64 loading. Every offset and size the file gives is checked against
 * the file and the guest memory before anything is copied. */
#include "elf_load.h"
#include "bus.h"
#include "util/image_file.h"

#include <elf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

static int elf_check_header(const Elf64_Ehdr *eh, size_t len, char *err,
			    size_t errlen)
{
	if (len < EI_NIDENT || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
		snprintf(err, errlen, "not an ELF file");
		return -1;
	}
	if (len < sizeof(*eh)) {
		snprintf(err, errlen, "truncated ELF header");
		return -1;
	}
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_RISCV) {
		snprintf(err, errlen,
			 "not a 64-bit little-endian RISC-V ELF (machine %u)",
			 eh->e_machine);
		return -1;
	}
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
		snprintf(err, errlen, "ELF file is not an executable");
		return -1;
	}
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phoff > len ||
	    (len - eh->e_phoff) / sizeof(Elf64_Phdr) < eh->e_phnum) {
		snprintf(err, errlen, "ELF program headers are truncated");
		return -1;
	}
	return 0;
}

int elf_load_image(struct bus *b, const uint8_t *img, size_t len,
		   uint64_t *entry, uint64_t *end, char *err, size_t errlen)
{
	Elf64_Ehdr eh;
	memset(&eh, 0, sizeof(eh));
	memcpy(&eh, img, len < sizeof(eh) ? len : sizeof(eh));
	if (elf_check_header(&eh, len, err, errlen))
		return -1;
	/* Check every segment first so that a bad one loads nothing. */
	int loadable = 0;
	uint64_t top = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (unsigned i = 0; i < eh.e_phnum; i++) {
			Elf64_Phdr ph;
			memcpy(&ph, img + eh.e_phoff + i * sizeof(ph),
			       sizeof(ph));
			if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
				continue;
			if (ph.p_filesz > ph.p_memsz || ph.p_offset > len ||
			    ph.p_filesz > len - ph.p_offset) {
				snprintf(err, errlen,
					 "ELF segment %u is truncated", i);
				return -1;
			}
			uint8_t *dst = bus_host_ptr(b, ph.p_paddr, ph.p_memsz);
			if (!dst) {
				snprintf(err, errlen,
					 "ELF segment %u (0x%llx, %llu bytes) "
					 "is outside guest memory",
					 i, (unsigned long long)ph.p_paddr,
					 (unsigned long long)ph.p_memsz);
				return -1;
			}
			if (ph.p_paddr + ph.p_memsz > top)
				top = ph.p_paddr + ph.p_memsz;
			if (pass == 1) {
				memcpy(dst, img + ph.p_offset, ph.p_filesz);
				memset(dst + ph.p_filesz, 0,
				       ph.p_memsz - ph.p_filesz);
				bus_note_write(b, ph.p_paddr, ph.p_memsz);
			}
			loadable++;
		}
	}
	if (loadable == 0) {
		snprintf(err, errlen, "ELF file has no loadable segment");
		return -1;
	}
	*entry = eh.e_entry;
	if (end)
		*end = top;
	return 0;
}

int elf_load(struct bus *b, const char *path, uint64_t *entry, char *err,
	     size_t errlen)
{
	uint8_t *img;
	size_t len;
	if (image_read_all(path, &img, &len, err, errlen))
		return -1;
	char why[200];
	int r = elf_load_image(b, img, len, entry, NULL, why, sizeof(why));
	if (r)
		snprintf(err, errlen, "%s: %s", path, why);
	free(img);
	return r;
}
