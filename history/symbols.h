/* A guest program's symbol table (from its ELF file), to name addresses as
 * symbol+offset. */
#ifndef REWIND_HISTORY_SYMBOLS_H
#define REWIND_HISTORY_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

struct symbols;

/* Read the symbol tables of the ELF file at path. On failure returns a
 * negative errno with a message in err: -ENOENT and the like for a file
 * that cannot be opened, -EINVAL for one that is not ELF, -ENOMEM. */
int symbols_open(const char *path, struct symbols **out, char *err,
		 size_t errlen);
void symbols_close(struct symbols *s);

/* The symbol at or nearest below addr that still covers it (a symbol with
 * a size covers only its own bytes): 0 with its name (owned by s) and
 * addr's offset from it, or -ENOENT. */
int symbols_lookup(const struct symbols *s, uint64_t addr, const char **name,
		   uint64_t *offset);

/* The address of the symbol called name: 0, or -ENOENT. */
int symbols_address(const struct symbols *s, const char *name, uint64_t *addr);

#endif
