/* The RISC-V 64 target description gdb reads with
 * qXfer:features:read:target.xml, and the register table it is written
 * from, so the stub serves exactly the registers the document declares,
 * at the sizes it declares. Numbers are gdb's (see target.h). */
#ifndef REWIND_GDB_TARGET_XML_H
#define REWIND_GDB_TARGET_XML_H

#include <stddef.h>
#include <stdint.h>

struct gdb_reg_desc {
	int regnum;
	unsigned bitsize; /* 64, or 32 for fflags, frm and fcsr */
	const char *name;
	const char *type;
};

/* The registers the document declares, in ascending regnum order. */
size_t gdb_tdesc_count(void);
const struct gdb_reg_desc *gdb_tdesc_at(size_t i);
/* The register numbered regnum, or NULL when the document has none. */
const struct gdb_reg_desc *gdb_tdesc_find(int regnum);

/* The document served under annex: written into buf (NUL-terminated when
 * it fits, like snprintf) and its whole length returned, or -ENOENT for an
 * annex we do not serve. */
long gdb_tdesc_xml(const char *annex, char *buf, size_t cap);

#endif
