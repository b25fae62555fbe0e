/* The disassembler: the RISC-V printer of the system's multi-architecture
 * opcodes library. (Debian's Capstone 4 has no RISC-V support.) */
#include "disasm.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* dis-asm.h pulls in bfd.h, which insists on knowing the package. */
#define PACKAGE "rewind"
#include <dis-asm.h>

struct disasm_out {
	char *text;
	size_t len, cap;
};

static void disasm_vappend(struct disasm_out *o, const char *fmt, va_list ap)
{
	if (o->len + 1 >= o->cap)
		return;
	int n = vsnprintf(o->text + o->len, o->cap - o->len, fmt, ap);
	if (n > 0)
		o->len = o->len + (size_t)n < o->cap ? o->len + (size_t)n
						     : o->cap - 1;
}

static int disasm_printf(void *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	disasm_vappend(ctx, fmt, ap);
	va_end(ap);
	return 0;
}

static int disasm_styled_printf(void *ctx, enum disassembler_style style,
				const char *fmt, ...)
{
	(void)style;
	va_list ap;
	va_start(ap, fmt);
	disasm_vappend(ctx, fmt, ap);
	va_end(ap);
	return 0;
}

/* Branch and jump targets as plain addresses: the caller adds symbols. */
static void disasm_print_address(bfd_vma addr, struct disassemble_info *di)
{
	disasm_printf(di->stream, "0x%llx", (unsigned long long)addr);
}

/* The library's tab between mnemonic and operands becomes one space. */
static void disasm_tidy(char *text)
{
	for (char *p = text; *p; p++)
		if (*p == '\t')
			*p = ' ';
	size_t n = strlen(text);
	while (n && text[n - 1] == ' ')
		text[--n] = 0;
}

int disasm_one(uint64_t pc, const uint8_t *bytes, size_t len, char *text,
	       size_t textlen)
{
	if (!textlen || len < 2 || len < disasm_insn_len(bytes[0]))
		return -EINVAL;
	unsigned ilen = disasm_insn_len(bytes[0]);
	/* A fresh state per instruction: the printer remembers earlier
	 * auipc results to annotate addresses, and what one instruction
	 * prints must not depend on which ones were shown before it. */
	struct disasm_out out = {.text = text, .len = 0, .cap = textlen};
	text[0] = 0;
	struct disassemble_info di;
	init_disassemble_info(&di, &out, disasm_printf, disasm_styled_printf);
	di.arch = bfd_arch_riscv;
	di.mach = bfd_mach_riscv64;
	di.endian = BFD_ENDIAN_LITTLE;
	di.endian_code = BFD_ENDIAN_LITTLE;
	di.buffer = (bfd_byte *)bytes;
	di.buffer_length = ilen;
	di.buffer_vma = pc;
	di.print_address_func = disasm_print_address;
	disassemble_init_for_target(&di);
	disassembler_ftype print =
		disassembler(bfd_arch_riscv, false, bfd_mach_riscv64, NULL);
	int n = print ? print(pc, &di) : -1;
	disassemble_free_target(&di);
	if (n <= 0 || out.len == 0)
		snprintf(text, textlen, "unknown");
	disasm_tidy(text);
	return (int)ilen;
}
