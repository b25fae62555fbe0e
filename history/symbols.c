/* Symbol tables read with libelf: every function, object and label symbol,
 * sorted by address for a binary search. */
#include "symbols.h"
#include "../core/util/search.h"
#include "../core/util/vec.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct symbol {
	uint64_t addr, size;
	/* While reading, the name's offset in the pool (which still moves as
	 * it grows); once read, a pointer into it. */
	union {
		size_t at;
		const char *p;
	} name;
	int rank; /* among symbols at one address, the higher one names it */
};

/* All names sit end to end in one pool: one allocation instead of one per
 * symbol, and one free. */
struct symbols {
	struct symbol *v;
	size_t n, cap;
	char *names;
	size_t names_len, names_cap;
};

/* Labels the assembler makes for itself ($x mapping symbols, .L locals)
 * name nothing a person wrote. */
static bool symbols_wanted(const GElf_Sym *sym, const char *name)
{
	int type = GELF_ST_TYPE(sym->st_info);
	if (!name || !name[0] || name[0] == '$' || !strncmp(name, ".L", 2))
		return false;
	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx == SHN_ABS)
		return false;
	return type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE;
}

static int symbols_rank(const GElf_Sym *sym)
{
	int r = GELF_ST_TYPE(sym->st_info) == STT_FUNC ? 2 : 0;
	return r + (GELF_ST_BIND(sym->st_info) != STB_LOCAL);
}

static int symbols_add(struct symbols *s, const GElf_Sym *sym, const char *name)
{
	size_t len = strlen(name) + 1;
	struct symbol *v = vec_grow(s->v, &s->cap, s->n + 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	s->v = v;
	if (len > SIZE_MAX - s->names_len)
		return -ENOMEM;
	char *names = vec_grow(s->names, &s->names_cap, s->names_len + len, 1);
	if (!names)
		return -ENOMEM;
	s->names = names;
	memcpy(names + s->names_len, name, len);
	s->v[s->n++] = (struct symbol){.addr = sym->st_value,
				       .size = sym->st_size,
				       .name.at = s->names_len,
				       .rank = symbols_rank(sym)};
	s->names_len += len;
	return 0;
}

static int symbols_cmp(const void *a, const void *b)
{
	const struct symbol *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name.p, y->name.p);
}

/* Every wanted symbol of every symbol table section. */
static int symbols_read(Elf *e, struct symbols *s)
{
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) ||
		    !sh.sh_entsize)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		size_t count = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; d && i < count; i++) {
			GElf_Sym sym;
			if (!gelf_getsym(d, (int)i, &sym))
				break;
			const char *name =
				elf_strptr(e, sh.sh_link, sym.st_name);
			if (symbols_wanted(&sym, name) &&
			    symbols_add(s, &sym, name))
				return -ENOMEM;
		}
	}
	/* The pool no longer moves: offsets become pointers. */
	for (size_t i = 0; i < s->n; i++)
		s->v[i].name.p = s->names + s->v[i].name.at;
	qsort(s->v, s->n, sizeof(*s->v), symbols_cmp);
	return 0;
}

int symbols_open(const char *path, struct symbols **out, char *err,
		 size_t errlen)
{
	*out = NULL;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		snprintf(err, errlen, "libelf is unusable: %s", elf_errmsg(-1));
		return -EINVAL;
	}
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		return -e;
	}
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF) {
		snprintf(err, errlen, "%s: not an ELF file", path);
		if (e)
			elf_end(e);
		close(fd);
		return -EINVAL;
	}
	struct symbols *s = calloc(1, sizeof(*s));
	int rc = s ? symbols_read(e, s) : -ENOMEM;
	elf_end(e);
	close(fd);
	if (rc) {
		snprintf(err, errlen, "%s: out of memory", path);
		symbols_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void symbols_close(struct symbols *s)
{
	if (!s)
		return;
	free(s->names);
	free(s->v);
	free(s);
}

int symbols_lookup(const struct symbols *s, uint64_t addr, const char **name,
		   uint64_t *offset)
{
	/* The last symbol at or below addr; at one address the sort put the
	 * best name last. */
	size_t lo = SEARCH_UPPER(s->v, s->n, addr, addr);
	if (lo == 0)
		return -ENOENT;
	const struct symbol *best = &s->v[lo - 1];
	if (best->size && addr - best->addr >= best->size)
		return -ENOENT;
	*name = best->name.p;
	*offset = addr - best->addr;
	return 0;
}

int symbols_address(const struct symbols *s, const char *name, uint64_t *addr)
{
	for (size_t i = 0; i < s->n; i++) {
		if (!strcmp(s->v[i].name.p, name)) {
			*addr = s->v[i].addr;
			return 0;
		}
	}
	return -ENOENT;
}
