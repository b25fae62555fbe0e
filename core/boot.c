/* Boot: image placement in RAM, the boot ROM and the hand-off registers.
 *
 * RAM layout, low to high: firmware at RAM_BASE, the kernel at RAM_BASE +
 * 2 MiB (where the firmware's next stage is expected), then free memory, the
 * initrd, and the device tree in the last 2 MiB-aligned slot. */
#include "boot.h"
#include "elf_load.h"
#include "fdt_build.h"
#include "machine.h"
#include "util/image_file.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROM_BASE	 0x1000ull
#define ROM_SIZE	 0x1000ull
#define KERNEL_OFFSET	 0x200000ull
#define FDT_MAX		 0x10000u
#define FDT_ALIGN	 0x200000ull
#define FW_DYNAMIC_MAGIC 0x4942534full /* "OSBI" */
#define FW_DYNAMIC_VER	 2
#define FW_NEXT_MODE_S	 1
/* The RISC-V Linux Image header: magic "RISCV\0\0\0" at 0x30 and the
 * text offset and image size at 0x08 and 0x10. */
#define IMAGE_MAGIC_OFF	  0x30
#define IMAGE_HEADER_SIZE 0x40

/* Copy a file's bytes into guest memory at pa. */
static int boot_copy(struct machine *m, const char *what, const char *path,
		     const uint8_t *data, size_t len, uint64_t pa,
		     uint64_t room, char *err, size_t errlen)
{
	uint8_t *dst = bus_host_ptr(&m->bus, pa, room ? room : 1);
	if (!dst || len > room) {
		snprintf(err, errlen,
			 "%s %s (%zu bytes) does not fit in guest memory at "
			 "0x%llx; raise --mem",
			 what, path, len, (unsigned long long)pa);
		return -1;
	}
	memcpy(dst, data, len);
	bus_note_write(&m->bus, pa, len);
	return 0;
}

static bool is_elf(const uint8_t *d, size_t len)
{
	return len >= SELFMAG && memcmp(d, ELFMAG, SELFMAG) == 0;
}

/* Read a whole file, naming what it is for in the error. */
static int boot_read(const char *what, const char *path, uint8_t **d,
		     size_t *len, char *err, size_t errlen)
{
	char why[400];
	if (image_read_all(path, d, len, why, sizeof(why)) == 0)
		return 0;
	snprintf(err, errlen, "%s %s", what, why);
	return -1;
}

/* Load an image: an ELF by its segments (entry from the header), anything
 * else (unless elf_only) as raw bytes at `pa` (entry pa). *end is the first
 * byte after it. */
static int boot_load(struct machine *m, const char *what, const char *path,
		     bool elf_only, uint64_t pa, uint64_t *entry, uint64_t *end,
		     char *err, size_t errlen)
{
	uint8_t *d;
	size_t len;
	if (boot_read(what, path, &d, &len, err, errlen))
		return -1;
	int r = 0;
	uint64_t ram_end = m->ram->base + m->ram->size;
	if (len == 0) {
		snprintf(err, errlen, "%s %s is empty", what, path);
		r = -1;
	} else if (elf_only && !is_elf(d, len)) {
		snprintf(err, errlen,
			 "%s %s: not an ELF file (--bios none starts an ELF "
			 "kernel)",
			 what, path);
		r = -1;
	} else if (is_elf(d, len)) {
		char why[200];
		r = elf_load_image(&m->bus, d, len, entry, end, why,
				   sizeof(why));
		/* Behind firmware the kernel is entered at its load address
		 * with the MMU off, which a Linux vmlinux (linked at virtual
		 * addresses) cannot be: its Image is what boots. */
		if (r)
			snprintf(
				err, errlen, "%s %s: %s%s", what, path, why,
				elf_only || !strstr(why, "outside guest memory")
					? ""
					: "; pass the kernel's Image "
					  "(arch/riscv/boot/Image), not "
					  "its ELF vmlinux");
	} else {
		uint64_t load = pa, size = len;
		/* A Linux Image says where it wants to sit and how much
		 * memory (with bss) it occupies. */
		if (len >= IMAGE_HEADER_SIZE &&
		    memcmp(d + IMAGE_MAGIC_OFF, "RISCV\0\0\0", 8) == 0) {
			uint64_t text_offset, image_size;
			memcpy(&text_offset, d + 0x08, 8);
			memcpy(&image_size, d + 0x10, 8);
			if (text_offset < m->ram->size)
				load = m->ram->base + text_offset;
			if (image_size > size)
				size = image_size;
		}
		r = boot_copy(m, what, path, d, len, load,
			      load < ram_end ? ram_end - load : 0, err, errlen);
		*entry = load;
		*end = load + size;
	}
	free(d);
	return r;
}

static void boot_rom_write(struct machine *m, uint64_t fw_entry,
			   uint64_t fdt_addr, uint64_t kernel_entry)
{
	/* auipc t0, 0; addi a2, t0, 0x40; csrr a0, mhartid;
	 * ld a1, 0x20(t0); ld t0, 0x18(t0); jr t0 */
	static const uint32_t code[] = {0x00000297, 0x04028613, 0xf1402573,
					0x0202b583, 0x0182b283, 0x00028067};
	uint8_t *rom = bus_host_ptr(&m->bus, ROM_BASE, ROM_SIZE);
	memcpy(rom, code, sizeof(code));
	memcpy(rom + 0x18, &fw_entry, 8);
	memcpy(rom + 0x20, &fdt_addr, 8);
	/* fw_dynamic_info: magic, version, next_addr, next_mode, options,
	 * boot_hart (hart 0 boots cold). */
	uint64_t info[6] = {FW_DYNAMIC_MAGIC,
			    FW_DYNAMIC_VER,
			    kernel_entry,
			    FW_NEXT_MODE_S,
			    0,
			    0};
	memcpy(rom + 0x40, info, sizeof(info));
}

/* Place the initrd below fdt_addr and above `floor`. */
static int boot_initrd(struct machine *m, const char *path, uint64_t floor,
		       uint64_t fdt_addr, struct fdt_params *fp, char *err,
		       size_t errlen)
{
	uint8_t *d;
	size_t len;
	if (boot_read("initrd", path, &d, &len, err, errlen))
		return -1;
	uint64_t start = (fdt_addr - len) & ~(PAGE_SIZE - 1);
	int r = 0;
	if (len >= fdt_addr - m->ram->base || start < floor) {
		snprintf(err, errlen,
			 "initrd %s (%zu bytes) does not fit in guest memory "
			 "next to the kernel; raise --mem",
			 path, len);
		r = -1;
	} else {
		r = boot_copy(m, "initrd", path, d, len, start, len, err,
			      errlen);
		fp->initrd_start = start;
		fp->initrd_end = start + len;
	}
	free(d);
	return r;
}

int boot_machine(struct machine *m, const struct boot_config *bc, char *err,
		 size_t errlen)
{
	bool bare = bc->bios && strcmp(bc->bios, "none") == 0;
	uint64_t ram_end = m->ram->base + m->ram->size;
	struct fdt_params fp = {.bootargs = bc->append};
	uint64_t fw_entry = 0, fw_end = m->ram->base;
	uint64_t kernel_entry = m->ram->base + KERNEL_OFFSET;
	uint64_t kernel_end = kernel_entry;

	if (bare && !bc->kernel) {
		snprintf(err, errlen, "--bios none needs --kernel");
		return -1;
	}
	/* The default firmware hands over to a kernel and, with none, would
	 * spin forever without a word (on QEMU's virt board it jumps to an
	 * empty flash we do not have). Firmware given by name may run alone. */
	if (!bc->bios && !bc->kernel) {
		snprintf(err, errlen,
			 "the default firmware needs --kernel FILE to start "
			 "(or --bios none with an ELF kernel, or --bios FILE "
			 "for firmware that runs alone)");
		return -1;
	}
	const char *bios = bc->bios ? bc->bios : BOOT_DEFAULT_BIOS;
	if (!bare && boot_load(m, "firmware", bios, false, m->ram->base,
			       &fw_entry, &fw_end, err, errlen))
		return -1;
	if (!bare && fw_end > kernel_entry) {
		snprintf(err, errlen, "firmware is larger than %llu KiB",
			 (unsigned long long)KERNEL_OFFSET / 1024);
		return -1;
	}
	if (bc->kernel && boot_load(m, "kernel", bc->kernel, bare,
				    bare ? m->ram->base : kernel_entry,
				    &kernel_entry, &kernel_end, err, errlen))
		return -1;
	/* The device tree goes in the last 2 MiB-aligned slot, or just below
	 * the end of a RAM too small for that. */
	uint64_t fdt_addr = (ram_end - FDT_MAX) & ~(FDT_ALIGN - 1);
	if (fdt_addr < kernel_end)
		fdt_addr = ram_end - FDT_MAX;
	if (kernel_end > fdt_addr) {
		snprintf(err, errlen,
			 "kernel does not fit below the device tree; raise "
			 "--mem");
		return -1;
	}
	if (bc->initrd &&
	    boot_initrd(m, bc->initrd, kernel_end, fdt_addr, &fp, err, errlen))
		return -1;

	uint8_t *fdt = bus_host_ptr(&m->bus, fdt_addr, FDT_MAX);
	int n = fdt ? fdt_build(m, &fp, fdt, FDT_MAX) : -1;
	if (n < 0) {
		snprintf(err, errlen, "device tree does not fit (%d)", n);
		return -1;
	}
	/* The tree builder keeps its strings at the far end of the buffer
	 * until it finishes: clear what it left past the tree, so that the
	 * pages there read as never written, as snapshots assume. */
	memset(fdt + n, 0, FDT_MAX - (size_t)n);
	bus_note_write(&m->bus, fdt_addr, (uint64_t)n);

	if (!bare) {
		/* After a reboot the ROM is there already. */
		if (!bus_region(&m->bus, ROM_BASE, ROM_SIZE) &&
		    !bus_add_memory(&m->bus, ROM_BASE, ROM_SIZE, true)) {
			snprintf(err, errlen, "cannot map the boot ROM");
			return -1;
		}
		boot_rom_write(m, fw_entry, fdt_addr, kernel_entry);
	}
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		h->pc = bare ? kernel_entry : ROM_BASE;
		h->x[10] = (uint64_t)i;
		h->x[11] = fdt_addr;
	}
	return 0;
}
