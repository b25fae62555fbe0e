/* The target description. Names and numbers follow gdb's RISC-V register
 * features: gdb matches registers by name (the ABI names first), and the
 * explicit regnum attributes make the wire numbers gdb's own, so that p/P
 * and the target ops use one numbering. The CSR feature lists the CSRs
 * core/csr.c implements, at 65 + the CSR number; fflags, frm and fcsr sit
 * in the FPU feature, 32 bits wide as in gdb's own FPU feature. */
#include "target_xml.h"
#include "target.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum feature { FEAT_CPU, FEAT_FPU, FEAT_CSR, FEAT_VIRTUAL, FEAT_COUNT };

static const char *const feature_names[FEAT_COUNT] = {
	"org.gnu.gdb.riscv.cpu",
	"org.gnu.gdb.riscv.fpu",
	"org.gnu.gdb.riscv.csr",
	"org.gnu.gdb.riscv.virtual",
};

struct reg_entry {
	struct gdb_reg_desc d;
	enum feature feature;
};

#define X(n, name, type)                                                       \
	{                                                                      \
		{n, 64, name, type}, FEAT_CPU                                  \
	}
#define F(n, name)                                                             \
	{                                                                      \
		{GDB_REG_F0 + n, 64, name, "ieee_double"}, FEAT_FPU            \
	}
#define FCSR(csr, name)                                                        \
	{                                                                      \
		{GDB_REG_CSR_BASE + csr, 32, name, "int"}, FEAT_FPU            \
	}
#define CSR(csr, name)                                                         \
	{                                                                      \
		{GDB_REG_CSR_BASE + csr, 64, name, "int"}, FEAT_CSR            \
	}

/* In ascending regnum order, which gdb_tdesc_find relies on. */
static const struct reg_entry regs[] = {
	X(0, "zero", "int"),
	X(1, "ra", "code_ptr"),
	X(2, "sp", "data_ptr"),
	X(3, "gp", "data_ptr"),
	X(4, "tp", "data_ptr"),
	X(5, "t0", "int"),
	X(6, "t1", "int"),
	X(7, "t2", "int"),
	X(8, "fp", "data_ptr"),
	X(9, "s1", "int"),
	X(10, "a0", "int"),
	X(11, "a1", "int"),
	X(12, "a2", "int"),
	X(13, "a3", "int"),
	X(14, "a4", "int"),
	X(15, "a5", "int"),
	X(16, "a6", "int"),
	X(17, "a7", "int"),
	X(18, "s2", "int"),
	X(19, "s3", "int"),
	X(20, "s4", "int"),
	X(21, "s5", "int"),
	X(22, "s6", "int"),
	X(23, "s7", "int"),
	X(24, "s8", "int"),
	X(25, "s9", "int"),
	X(26, "s10", "int"),
	X(27, "s11", "int"),
	X(28, "t3", "int"),
	X(29, "t4", "int"),
	X(30, "t5", "int"),
	X(31, "t6", "int"),
	X(GDB_REG_PC, "pc", "code_ptr"),
	F(0, "ft0"),
	F(1, "ft1"),
	F(2, "ft2"),
	F(3, "ft3"),
	F(4, "ft4"),
	F(5, "ft5"),
	F(6, "ft6"),
	F(7, "ft7"),
	F(8, "fs0"),
	F(9, "fs1"),
	F(10, "fa0"),
	F(11, "fa1"),
	F(12, "fa2"),
	F(13, "fa3"),
	F(14, "fa4"),
	F(15, "fa5"),
	F(16, "fa6"),
	F(17, "fa7"),
	F(18, "fs2"),
	F(19, "fs3"),
	F(20, "fs4"),
	F(21, "fs5"),
	F(22, "fs6"),
	F(23, "fs7"),
	F(24, "fs8"),
	F(25, "fs9"),
	F(26, "fs10"),
	F(27, "fs11"),
	F(28, "ft8"),
	F(29, "ft9"),
	F(30, "ft10"),
	F(31, "ft11"),
	FCSR(0x001, "fflags"),
	FCSR(0x002, "frm"),
	FCSR(0x003, "fcsr"),
	CSR(0x100, "sstatus"),
	CSR(0x104, "sie"),
	CSR(0x105, "stvec"),
	CSR(0x106, "scounteren"),
	CSR(0x10a, "senvcfg"),
	CSR(0x140, "sscratch"),
	CSR(0x141, "sepc"),
	CSR(0x142, "scause"),
	CSR(0x143, "stval"),
	CSR(0x144, "sip"),
	CSR(0x14d, "stimecmp"),
	CSR(0x180, "satp"),
	CSR(0x300, "mstatus"),
	CSR(0x301, "misa"),
	CSR(0x302, "medeleg"),
	CSR(0x303, "mideleg"),
	CSR(0x304, "mie"),
	CSR(0x305, "mtvec"),
	CSR(0x306, "mcounteren"),
	CSR(0x30a, "menvcfg"),
	CSR(0x320, "mcountinhibit"),
	CSR(0x340, "mscratch"),
	CSR(0x341, "mepc"),
	CSR(0x342, "mcause"),
	CSR(0x343, "mtval"),
	CSR(0x344, "mip"),
	/* 16 PMP entries: on RV64 their configuration is in the even
	 * pmpcfg registers only. */
	CSR(0x3a0, "pmpcfg0"),
	CSR(0x3a2, "pmpcfg2"),
	CSR(0x3b0, "pmpaddr0"),
	CSR(0x3b1, "pmpaddr1"),
	CSR(0x3b2, "pmpaddr2"),
	CSR(0x3b3, "pmpaddr3"),
	CSR(0x3b4, "pmpaddr4"),
	CSR(0x3b5, "pmpaddr5"),
	CSR(0x3b6, "pmpaddr6"),
	CSR(0x3b7, "pmpaddr7"),
	CSR(0x3b8, "pmpaddr8"),
	CSR(0x3b9, "pmpaddr9"),
	CSR(0x3ba, "pmpaddr10"),
	CSR(0x3bb, "pmpaddr11"),
	CSR(0x3bc, "pmpaddr12"),
	CSR(0x3bd, "pmpaddr13"),
	CSR(0x3be, "pmpaddr14"),
	CSR(0x3bf, "pmpaddr15"),
	CSR(0xb00, "mcycle"),
	CSR(0xb02, "minstret"),
	CSR(0xc00, "cycle"),
	CSR(0xc01, "time"),
	CSR(0xc02, "instret"),
	CSR(0xf11, "mvendorid"),
	CSR(0xf12, "marchid"),
	CSR(0xf13, "mimpid"),
	CSR(0xf14, "mhartid"),
	CSR(0xf15, "mconfigptr"),
	/* The privilege mode the hart runs in (0 U, 1 S, 3 M). */
	{{GDB_REG_PRIV, 64, "priv", "int"}, FEAT_VIRTUAL},
};

#define NREGS (sizeof regs / sizeof regs[0])

size_t gdb_tdesc_count(void)
{
	return NREGS;
}

const struct gdb_reg_desc *gdb_tdesc_at(size_t i)
{
	return i < NREGS ? &regs[i].d : NULL;
}

const struct gdb_reg_desc *gdb_tdesc_find(int regnum)
{
	size_t lo = 0, hi = NREGS;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (regs[mid].d.regnum == regnum)
			return &regs[mid].d;
		if (regs[mid].d.regnum < regnum)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* snprintf into buf at *len, counting the whole length even past cap. */
struct writer {
	char *buf;
	size_t cap, len;
};

__attribute__((format(printf, 2, 3))) static void
writer_printf(struct writer *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t room = w->len < w->cap ? w->cap - w->len : 0;
	int n = vsnprintf(room ? w->buf + w->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		w->len += (size_t)n;
}

long gdb_tdesc_xml(const char *annex, char *buf, size_t cap)
{
	if (strcmp(annex, "target.xml") != 0)
		return -ENOENT;
	struct writer w = {buf, cap, 0};
	if (cap)
		buf[0] = 0;
	writer_printf(&w, "<?xml version=\"1.0\"?>\n"
			  "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
			  "<target version=\"1.0\">\n"
			  "<architecture>riscv:rv64</architecture>\n");
	for (int f = 0; f < FEAT_COUNT; f++) {
		writer_printf(&w, "<feature name=\"%s\">\n", feature_names[f]);
		for (size_t i = 0; i < NREGS; i++) {
			const struct gdb_reg_desc *d = &regs[i].d;
			if (regs[i].feature != (enum feature)f)
				continue;
			writer_printf(&w,
				      "<reg name=\"%s\" bitsize=\"%u\" "
				      "type=\"%s\" regnum=\"%d\"/>\n",
				      d->name, d->bitsize, d->type, d->regnum);
		}
		writer_printf(&w, "</feature>\n");
	}
	writer_printf(&w, "</target>\n");
	return (long)w.len;
}
