/* The CSR file: access rules and the WARL behaviour of every register. */
#include "csr.h"
#include "machine.h"
#include "mmu.h"
#include "trigger.h"

enum {
	CSR_FFLAGS = 0x001,
	CSR_FRM = 0x002,
	CSR_FCSR = 0x003,
	CSR_CYCLE = 0xc00,
	CSR_TIME = 0xc01,
	CSR_INSTRET = 0xc02,
	CSR_HPMCOUNTER3 = 0xc03,
	CSR_HPMCOUNTER31 = 0xc1f,
	CSR_SSTATUS = 0x100,
	CSR_SIE = 0x104,
	CSR_STVEC = 0x105,
	CSR_SCOUNTEREN = 0x106,
	CSR_SENVCFG = 0x10a,
	CSR_SSCRATCH = 0x140,
	CSR_SEPC = 0x141,
	CSR_SCAUSE = 0x142,
	CSR_STVAL = 0x143,
	CSR_SIP = 0x144,
	CSR_STIMECMP = 0x14d,
	CSR_SATP = 0x180,
	CSR_MVENDORID = 0xf11,
	CSR_MARCHID = 0xf12,
	CSR_MIMPID = 0xf13,
	CSR_MHARTID = 0xf14,
	CSR_MCONFIGPTR = 0xf15,
	CSR_MSTATUS = 0x300,
	CSR_MISA = 0x301,
	CSR_MEDELEG = 0x302,
	CSR_MIDELEG = 0x303,
	CSR_MIE = 0x304,
	CSR_MTVEC = 0x305,
	CSR_MCOUNTEREN = 0x306,
	CSR_MENVCFG = 0x30a,
	CSR_MCOUNTINHIBIT = 0x320,
	CSR_MHPMEVENT3 = 0x323,
	CSR_MHPMEVENT31 = 0x33f,
	CSR_MSCRATCH = 0x340,
	CSR_MEPC = 0x341,
	CSR_MCAUSE = 0x342,
	CSR_MTVAL = 0x343,
	CSR_MIP = 0x344,
	CSR_PMPCFG0 = 0x3a0,
	CSR_PMPCFG15 = 0x3af,
	CSR_PMPADDR0 = 0x3b0,
	CSR_PMPADDR63 = 0x3ef,
	CSR_MCYCLE = 0xb00,
	CSR_MINSTRET = 0xb02,
	CSR_MHPMCOUNTER3 = 0xb03,
	CSR_MHPMCOUNTER31 = 0xb1f,
};

#define MSTATUS_WRITABLE                                                       \
	(MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE |             \
	 MSTATUS_SPP | MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | \
	 MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_VISIBLE                                                        \
	(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | MSTATUS_VS | \
	 MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL |   \
	 MSTATUS_SD)
#define SSTATUS_WRITABLE                                                       \
	(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | \
	 MSTATUS_MXR)
/* Every exception but ecall from M can be delegated. */
#define MEDELEG_WRITABLE 0xb3ffull
#define S_INTERRUPTS	 (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define ALL_INTERRUPTS	 (S_INTERRUPTS | MIP_MSIP | MIP_MTIP | MIP_MEIP)
#define COUNTEREN_CY	 1u
#define COUNTEREN_TM	 2u
#define COUNTEREN_IR	 4u

static bool csr_counter_allowed(const struct hart *h, unsigned num)
{
	uint32_t bit = 1u << (num - CSR_CYCLE);
	if (h->priv < PRIV_M && !(h->mcounteren & bit))
		return false;
	if (h->priv < PRIV_S && !(h->scounteren & bit))
		return false;
	return true;
}

bool csr_accessible(const struct hart *h, unsigned num, bool writing)
{
	if (((num >> 8) & 3) > (unsigned)h->priv)
		return false;
	if (writing && (num >> 10) == 3)
		return false;
	switch (num) {
	case CSR_FFLAGS:
	case CSR_FRM:
	case CSR_FCSR: return hart_fp_enabled(h);
	case CSR_SATP:
		return !(h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM));
	case CSR_STIMECMP:
		if (h->priv == PRIV_S &&
		    (!hart_sstc_enabled(h) || !(h->mcounteren & COUNTEREN_TM)))
			return false;
		return hart_sstc_enabled(h) || h->priv == PRIV_M;
	default: break;
	}
	if (num >= CSR_CYCLE && num <= CSR_HPMCOUNTER31)
		return csr_counter_allowed(h, num);
	return true;
}

static uint64_t mstatus_read(const struct hart *h)
{
	uint64_t s = h->mstatus & ~MSTATUS_SD;
	if ((s & MSTATUS_FS) == MSTATUS_FS)
		s |= MSTATUS_SD;
	return s;
}

/* mcycle and minstret: h->icount plus an offset, or, while mcountinhibit
 * stops the counter, the frozen value itself held in the offset. */
#define INHIBIT_CY 1u
#define INHIBIT_IR 4u

static uint64_t counter_read(const struct hart *h, uint64_t off,
			     uint32_t inhibit_bit)
{
	if (h->mcountinhibit & inhibit_bit)
		return off;
	return hart_instret_now(h) + off;
}

static void counter_write(const struct hart *h, uint64_t *off, uint64_t val,
			  uint32_t inhibit_bit)
{
	if (h->mcountinhibit & inhibit_bit)
		*off = val;
	else /* the writing instruction retires after the write, uncounted:
		the next read sees val */
		*off = val - (hart_instret_now(h) + 1);
}

static void counter_inhibit(struct hart *h, uint64_t val)
{
	uint64_t now = hart_instret_now(h) + 1; /* after this instruction */
	uint32_t old = (uint32_t)h->mcountinhibit;
	uint32_t new = (uint32_t)val &(INHIBIT_CY | INHIBIT_IR);
	uint64_t *offs[2] = {&h->mcycle_off, &h->minstret_off};
	uint32_t bits[2] = {INHIBIT_CY, INHIBIT_IR};
	for (int i = 0; i < 2; i++) {
		if (!(old & bits[i]) && (new &bits[i]))
			*offs[i] += now; /* freeze: keep the value */
		else if ((old & bits[i]) && !(new &bits[i]))
			*offs[i] -= now; /* resume from the frozen value */
	}
	h->mcountinhibit = new;
}

static uint64_t machine_time(const struct hart *h)
{
	return machine_now(h->m) / TICK_INSNS;
}

int csr_read(struct hart *h, unsigned num, uint64_t *val)
{
	if (!csr_accessible(h, num, false))
		return -1;
	uint64_t v;
	switch (num) {
	case CSR_FFLAGS: v = h->fflags; break;
	case CSR_FRM: v = h->frm; break;
	case CSR_FCSR: v = (h->frm << 5) | h->fflags; break;
	case CSR_CYCLE:
	case CSR_MCYCLE: v = counter_read(h, h->mcycle_off, INHIBIT_CY); break;
	case CSR_INSTRET:
	case CSR_MINSTRET:
		v = counter_read(h, h->minstret_off, INHIBIT_IR);
		break;
	case CSR_TIME: v = machine_time(h); break;
	case CSR_SSTATUS: v = mstatus_read(h) & SSTATUS_VISIBLE; break;
	case CSR_SIE: v = h->mie & h->mideleg; break;
	case CSR_STVEC: v = h->stvec; break;
	case CSR_SCOUNTEREN: v = h->scounteren; break;
	case CSR_SENVCFG: v = h->senvcfg; break;
	case CSR_SSCRATCH: v = h->sscratch; break;
	case CSR_SEPC: v = h->sepc; break;
	case CSR_SCAUSE: v = h->scause; break;
	case CSR_STVAL: v = h->stval; break;
	case CSR_SIP: v = h->mip & h->mideleg; break;
	case CSR_STIMECMP: v = h->stimecmp; break;
	case CSR_SATP: v = h->satp; break;
	case CSR_MVENDORID:
	case CSR_MARCHID:
	case CSR_MIMPID:
	case CSR_MCONFIGPTR: v = 0; break;
	case CSR_MCOUNTINHIBIT: v = h->mcountinhibit; break;
	case CSR_MHARTID: v = h->hartid; break;
	case CSR_MSTATUS: v = mstatus_read(h); break;
	case CSR_MISA: v = h->misa; break;
	case CSR_MEDELEG: v = h->medeleg; break;
	case CSR_MIDELEG: v = h->mideleg; break;
	case CSR_MIE: v = h->mie; break;
	case CSR_MTVEC: v = h->mtvec; break;
	case CSR_MCOUNTEREN: v = h->mcounteren; break;
	case CSR_MENVCFG: v = h->menvcfg; break;
	case CSR_MSCRATCH: v = h->mscratch; break;
	case CSR_MEPC: v = h->mepc; break;
	case CSR_MCAUSE: v = h->mcause; break;
	case CSR_MTVAL: v = h->mtval; break;
	case CSR_MIP: v = h->mip; break;
	default:
		if ((num >= CSR_HPMCOUNTER3 && num <= CSR_HPMCOUNTER31) ||
		    (num >= CSR_MHPMCOUNTER3 && num <= CSR_MHPMCOUNTER31) ||
		    (num >= CSR_MHPMEVENT3 && num <= CSR_MHPMEVENT31)) {
			v = 0; /* no hardware performance counters */
			break;
		}
		if (num >= CSR_PMPCFG0 && num <= CSR_PMPCFG15) {
			if (num & 1)
				return -1; /* odd pmpcfg are RV32 only */
			v = pmp_read_cfg(h, num - CSR_PMPCFG0);
			break;
		}
		if (num >= CSR_PMPADDR0 && num <= CSR_PMPADDR63) {
			unsigned i = num - CSR_PMPADDR0;
			v = i < PMP_COUNT ? pmp_read_addr(h, i) : 0;
			break;
		}
		if (trig_csr_exists(h, num)) {
			v = trig_csr_read(h, num);
			break;
		}
		return -1;
	}
	*val = v;
	return 0;
}

uint64_t csr_rmw_base(const struct hart *h, unsigned num, uint64_t read)
{
	if (num != CSR_MIP)
		return read;
	return (read & ~MIP_SEIP) | (h->seip_sw ? MIP_SEIP : 0);
}

/* Only the stable tvec modes: 0 direct, 1 vectored. */
static uint64_t tvec_legalize(uint64_t old, uint64_t val)
{
	if ((val & 3) >= 2)
		return old;
	return val;
}

static void mstatus_write(struct hart *h, uint64_t val)
{
	uint64_t old = h->mstatus;
	uint64_t mpp = (val & MSTATUS_MPP) >> 11;
	if (mpp == 2) /* reserved: keep the old mode */
		val = (val & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
	uint64_t s = (old & ~MSTATUS_WRITABLE) | (val & MSTATUS_WRITABLE);
	h->mstatus = s;
	/* Permissions just got narrower: cached translations that relied on
	 * SUM or MXR are stale. */
	if ((old & ~s) & (MSTATUS_SUM | MSTATUS_MXR))
		hart_flush_tlb_paged(h);
	hart_update_mode(h);
}

int csr_write(struct hart *h, unsigned num, uint64_t val)
{
	if (!csr_accessible(h, num, true))
		return -1;
	switch (num) {
	case CSR_FFLAGS:
		h->fflags = val & 31;
		hart_fp_dirty(h);
		break;
	case CSR_FRM:
		h->frm = val & 7;
		hart_fp_dirty(h);
		break;
	case CSR_FCSR:
		h->fflags = val & 31;
		h->frm = (val >> 5) & 7;
		hart_fp_dirty(h);
		break;
	case CSR_SSTATUS:
		mstatus_write(h, (h->mstatus & ~SSTATUS_WRITABLE) |
					 (val & SSTATUS_WRITABLE));
		break;
	case CSR_SIE:
		h->mie = (h->mie & ~h->mideleg) | (val & h->mideleg);
		break;
	case CSR_STVEC: h->stvec = tvec_legalize(h->stvec, val); break;
	case CSR_SCOUNTEREN: h->scounteren = val & 0xffffffffu; break;
	case CSR_SENVCFG: h->senvcfg = val & 1; break;
	case CSR_SSCRATCH: h->sscratch = val; break;
	case CSR_SEPC: h->sepc = val & ~1ull; break;
	case CSR_SCAUSE: h->scause = val; break;
	case CSR_STVAL: h->stval = val; break;
	case CSR_SIP: {
		uint64_t mask = h->mideleg & MIP_SSIP;
		h->mip = (h->mip & ~mask) | (val & mask);
		break;
	}
	case CSR_STIMECMP:
		h->stimecmp = val;
		machine_resched(h->m);
		break;
	case CSR_SATP: {
		/* An unsupported mode leaves satp unchanged. */
		if (!mmu_satp_legalize(h, val, &val))
			break;
		hart_satp_set(h, val);
		break;
	}
	case CSR_MSTATUS: mstatus_write(h, val); break;
	case CSR_MISA: break; /* fixed */
	case CSR_MEDELEG: h->medeleg = val & MEDELEG_WRITABLE; break;
	case CSR_MIDELEG: h->mideleg = val & S_INTERRUPTS; break;
	case CSR_MIE: h->mie = val & ALL_INTERRUPTS; break;
	case CSR_MTVEC: h->mtvec = tvec_legalize(h->mtvec, val); break;
	case CSR_MCOUNTEREN: h->mcounteren = val & 0xffffffffu; break;
	case CSR_MENVCFG:
		h->menvcfg = val & (MENVCFG_STCE | 1);
		machine_resched(h->m);
		break;
	case CSR_MCOUNTINHIBIT: counter_inhibit(h, val); break;
	case CSR_MSCRATCH: h->mscratch = val; break;
	case CSR_MEPC: h->mepc = val & ~1ull; break;
	case CSR_MCAUSE: h->mcause = val; break;
	case CSR_MTVAL: h->mtval = val; break;
	case CSR_MIP: {
		/* MSIP, MTIP and MEIP are driven by the CLINT and PLIC; STIP
		 * is too while Sstc is on. */
		uint64_t mask = MIP_SSIP;
		if (!hart_sstc_enabled(h))
			mask |= MIP_STIP;
		h->mip = (h->mip & ~mask) | (val & mask);
		h->seip_sw = (val & MIP_SEIP) != 0;
		if (h->seip_sw || h->seip_line)
			h->mip |= MIP_SEIP;
		else
			h->mip &= ~MIP_SEIP;
		break;
	}
	case CSR_MCYCLE:
		counter_write(h, &h->mcycle_off, val, INHIBIT_CY);
		break;
	case CSR_MINSTRET:
		counter_write(h, &h->minstret_off, val, INHIBIT_IR);
		break;
	default:
		if ((num >= CSR_MHPMCOUNTER3 && num <= CSR_MHPMCOUNTER31) ||
		    (num >= CSR_MHPMEVENT3 && num <= CSR_MHPMEVENT31))
			break; /* read-only zero */
		if (num >= CSR_PMPCFG0 && num <= CSR_PMPCFG15) {
			if (num & 1)
				return -1;
			pmp_write_cfg(h, num - CSR_PMPCFG0, val);
			break;
		}
		if (num >= CSR_PMPADDR0 && num <= CSR_PMPADDR63) {
			unsigned i = num - CSR_PMPADDR0;
			if (i < PMP_COUNT)
				pmp_write_addr(h, i, val);
			break;
		}
		if (trig_csr_exists(h, num)) {
			trig_csr_write(h, num, val);
			break;
		}
		return -1;
	}
	return 0;
}
