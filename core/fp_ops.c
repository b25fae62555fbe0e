/* RISC-V F and D operations on raw bit patterns (see fp_ops.h).
 *
 * Build flags: this file must be compiled with
 *     -frounding-math -fsignaling-nans -ffp-contract=off
 * The host path changes the SSE rounding mode at run time, so the compiler
 * must not fold or move FP expressions assuming the default mode, must not
 * treat signaling NaNs as quiet, and must not fuse a multiply and an add into
 * one rounding. Independently of the flags, every host FP instruction and
 * every control/status register access is a volatile asm with a memory
 * clobber, which fixes their order relative to each other.
 *
 * Two implementations share the work:
 * - soft_*: exact integer arithmetic, correct for every rounding mode. It is
 *   the only path for RMM (the host has no ties-to-max-magnitude mode) and
 *   the whole implementation on hosts other than x86-64, where tininess may
 *   be detected before rounding, unlike on RISC-V.
 * - host_*: SSE scalar instructions for add/sub/mul/div/sqrt (and fma where
 *   the CPU has it) in RNE/RTZ/RDN/RUP. SSE implements IEEE 754 with
 *   tininess detected after rounding, as RISC-V does, so its results and
 *   flags match bit for bit once NaN results are made canonical. Each
 *   operation loads MXCSR (cheap) but reads its flags back (expensive) only
 *   when the result leaves them in doubt; see host_accrue.
 * Conversions, comparisons, min/max, sign injection and fclass are integer
 * code either way: they are cheap and have RISC-V-specific saturation rules.
 */
#include "fp_ops.h"

#include <string.h>

/* FP_NO_HOST builds the portable path alone, as on other hosts. */
#if defined(__x86_64__) && !defined(FP_NO_HOST)
#define FP_HAVE_HOST 1
#else
#define FP_HAVE_HOST 0
#endif

typedef unsigned __int128 u128;

/* ---- Formats ---------------------------------------------------------- */

struct fp_fmt {
	unsigned mbits; /* stored significand bits */
	unsigned ebits; /* exponent bits */
	int32_t bias;
};

static const struct fp_fmt FMT_S = {23, 8, 127};
static const struct fp_fmt FMT_D = {52, 11, 1023};

static inline uint64_t fmt_sign(const struct fp_fmt *f)
{
	return 1ull << (f->mbits + f->ebits);
}

static inline uint64_t fmt_mant_mask(const struct fp_fmt *f)
{
	return (1ull << f->mbits) - 1;
}

static inline uint64_t fmt_exp_all(const struct fp_fmt *f)
{
	return (1ull << f->ebits) - 1;
}

/* Bit pattern of +infinity, also the largest non-NaN magnitude. */
static inline uint64_t fmt_inf(const struct fp_fmt *f)
{
	return fmt_exp_all(f) << f->mbits;
}

static inline uint64_t fmt_canon_nan(const struct fp_fmt *f)
{
	return fmt_inf(f) | (1ull << (f->mbits - 1));
}

static inline uint64_t fmt_signed(const struct fp_fmt *f, bool sign,
				  uint64_t mag)
{
	return (sign ? fmt_sign(f) : 0) | mag;
}

static inline uint64_t fmt_abs(const struct fp_fmt *f, uint64_t x)
{
	return x & (fmt_sign(f) - 1);
}

static inline bool fmt_is_nan(const struct fp_fmt *f, uint64_t x)
{
	return fmt_abs(f, x) > fmt_inf(f);
}

static inline bool fmt_is_snan(const struct fp_fmt *f, uint64_t x)
{
	return fmt_is_nan(f, x) && !(x >> (f->mbits - 1) & 1);
}

/* ---- Unpacked values -------------------------------------------------- */

enum { CLS_ZERO, CLS_FINITE, CLS_INF, CLS_NAN };

/* A finite nonzero value is sig / 2^62 * 2^exp with bit 62 of sig set, so
 * bit 63 is free for a carry and the bits below the format's precision hold
 * rounding information (bit 0 may be a sticky "jam" bit). */
struct fp_val {
	int cls;
	bool sign;
	bool snan;
	int32_t exp;
	uint64_t sig;
};

static inline struct fp_val fp_unpack(const struct fp_fmt *f, uint64_t bits)
{
	struct fp_val v = {0};
	uint64_t e = bits >> f->mbits & fmt_exp_all(f);
	uint64_t m = bits & fmt_mant_mask(f);

	v.sign = (bits & fmt_sign(f)) != 0;
	if (e == fmt_exp_all(f)) {
		v.cls = m ? CLS_NAN : CLS_INF;
		v.snan = m && !(m >> (f->mbits - 1));
	} else if (e == 0 && m == 0) {
		v.cls = CLS_ZERO;
	} else if (e == 0) {
		/* subnormal: normalize so later code sees one shape */
		int lz = __builtin_clzll(m) - 1;
		v.cls = CLS_FINITE;
		v.sig = m << lz;
		v.exp = 1 - f->bias - (lz - (int)(62 - f->mbits));
	} else {
		v.cls = CLS_FINITE;
		v.sig = (m | 1ull << f->mbits) << (62 - f->mbits);
		v.exp = (int32_t)e - f->bias;
	}
	return v;
}

/* Shift right, ORing every bit shifted out into bit 0. As long as the
 * rounding position is at least two bits above bit 0, the jammed value
 * rounds exactly like the infinitely precise one. */
static inline uint64_t shr_jam64(uint64_t x, uint32_t n)
{
	if (n == 0)
		return x;
	if (n >= 64)
		return x != 0;
	return x >> n | ((x << (64 - n)) != 0);
}

static inline u128 shr_jam128(u128 x, uint32_t n)
{
	if (n == 0)
		return x;
	if (n >= 128)
		return x != 0;
	return x >> n | ((x << (128 - n)) != 0);
}

static inline int clz128(u128 x)
{
	uint64_t hi = (uint64_t)(x >> 64);
	return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)x);
}

/* Drop the low sh bits of sig (1 <= sh <= 63), rounding per rm. */
static inline uint64_t round_sig(uint64_t sig, unsigned sh, unsigned rm,
				 bool sign, bool *inexact)
{
	uint64_t q = sig >> sh;
	uint64_t rem = sig & ((1ull << sh) - 1);
	uint64_t half = 1ull << (sh - 1);
	bool up;

	switch (rm) {
	case FP_RNE: up = rem > half || (rem == half && (q & 1)); break;
	case FP_RDN: up = sign && rem; break;
	case FP_RUP: up = !sign && rem; break;
	case FP_RMM: up = rem >= half; break;
	default: up = false; break;
	}
	*inexact = rem != 0;
	return q + up;
}

/* The overflowed result: infinity or the largest finite value, whichever
 * the rounding direction points at. */
static uint64_t fp_overflow(const struct fp_fmt *f, bool sign, unsigned rm)
{
	bool to_inf = rm == FP_RNE || rm == FP_RMM || (rm == FP_RUP && !sign) ||
		      (rm == FP_RDN && sign);
	uint64_t mag = to_inf ? fmt_inf(f) : fmt_inf(f) - 1;
	return fmt_signed(f, sign, mag);
}

/* Round a finite nonzero value (see struct fp_val) to format f. */
static uint64_t fp_round_pack(const struct fp_fmt *f, bool sign, int32_t exp,
			      uint64_t sig, unsigned rm, uint32_t *flags)
{
	const unsigned sh = 62 - f->mbits;
	const int32_t emin = 1 - f->bias;
	bool inexact;
	uint64_t q;

	if (exp < emin) {
		/* Tininess is judged after rounding, as if the exponent
		 * range were unbounded: only a value just below the smallest
		 * normal can round up out of tininess. */
		bool tiny = exp < emin - 1 ||
			    !(round_sig(sig, sh, rm, sign, &inexact) >>
			      (f->mbits + 1));
		sig = shr_jam64(sig, (uint32_t)(emin - exp));
		q = round_sig(sig, sh, rm, sign, &inexact);
		if (inexact)
			*flags |= FPF_NX | (tiny ? FPF_UF : 0);
		/* q == 1 << mbits encodes the smallest normal by itself */
		return fmt_signed(f, sign, q);
	}
	q = round_sig(sig, sh, rm, sign, &inexact);
	if (q >> (f->mbits + 1)) {
		q >>= 1;
		exp++;
	}
	if (exp > f->bias) {
		*flags |= FPF_OF | FPF_NX;
		return fp_overflow(f, sign, rm);
	}
	if (inexact)
		*flags |= FPF_NX;
	return fmt_signed(f, sign,
			  (uint64_t)(exp + f->bias) << f->mbits |
				  (q & fmt_mant_mask(f)));
}

/* The result when an operand is NaN: canonical, NV if one is signaling. */
static uint64_t fp_nan_result(const struct fp_fmt *f, bool any_snan,
			      uint32_t *flags)
{
	if (any_snan)
		*flags |= FPF_NV;
	return fmt_canon_nan(f);
}

static uint64_t fp_invalid(const struct fp_fmt *f, uint32_t *flags)
{
	*flags |= FPF_NV;
	return fmt_canon_nan(f);
}

/* An exact zero sum of operands with these signs: +0 unless both are
 * negative, or -0 when rounding down (IEEE 754 6.3). */
static inline bool zero_sum_sign(bool sa, bool sb, unsigned rm)
{
	return sa == sb ? sa : rm == FP_RDN;
}

/* ---- Exact implementation ---------------------------------------------- */

/* a + b for finite nonzero a, b. */
static uint64_t soft_add_finite(const struct fp_fmt *f, struct fp_val a,
				struct fp_val b, unsigned rm, uint32_t *flags)
{
	if (a.exp < b.exp || (a.exp == b.exp && a.sig < b.sig)) {
		struct fp_val t = a;
		a = b;
		b = t;
	}
	/* |a| >= |b|. The low bits of a.sig are zero, so an alignment
	 * shift of 0 or 1 is exact; a larger one can cancel at most one
	 * leading bit, leaving the jam bit far below the rounding point. */
	uint64_t bs = shr_jam64(b.sig, (uint32_t)(a.exp - b.exp));
	uint64_t sig;
	int32_t exp = a.exp;

	if (a.sign == b.sign) {
		sig = a.sig + bs;
		if (sig >> 63) {
			sig = shr_jam64(sig, 1);
			exp++;
		}
	} else {
		sig = a.sig - bs;
		if (sig == 0)
			return fmt_signed(f, rm == FP_RDN, 0);
		int lz = __builtin_clzll(sig) - 1;
		sig <<= lz;
		exp -= lz;
	}
	return fp_round_pack(f, a.sign, exp, sig, rm, flags);
}

static uint64_t soft_add(const struct fp_fmt *f, uint64_t ab, uint64_t bb,
			 unsigned rm, uint32_t *flags)
{
	struct fp_val a = fp_unpack(f, ab), b = fp_unpack(f, bb);

	if (a.cls == CLS_NAN || b.cls == CLS_NAN)
		return fp_nan_result(f, a.snan || b.snan, flags);
	if (a.cls == CLS_INF) {
		if (b.cls == CLS_INF && a.sign != b.sign)
			return fp_invalid(f, flags);
		return ab;
	}
	if (b.cls == CLS_INF)
		return bb;
	if (a.cls == CLS_ZERO && b.cls == CLS_ZERO)
		return fmt_signed(f, zero_sum_sign(a.sign, b.sign, rm), 0);
	if (a.cls == CLS_ZERO)
		return bb;
	if (b.cls == CLS_ZERO)
		return ab;
	return soft_add_finite(f, a, b, rm, flags);
}

static uint64_t soft_mul(const struct fp_fmt *f, uint64_t ab, uint64_t bb,
			 unsigned rm, uint32_t *flags)
{
	struct fp_val a = fp_unpack(f, ab), b = fp_unpack(f, bb);
	bool sign = a.sign != b.sign;

	if (a.cls == CLS_NAN || b.cls == CLS_NAN)
		return fp_nan_result(f, a.snan || b.snan, flags);
	if (a.cls == CLS_INF || b.cls == CLS_INF) {
		if (a.cls == CLS_ZERO || b.cls == CLS_ZERO)
			return fp_invalid(f, flags);
		return fmt_signed(f, sign, fmt_inf(f));
	}
	if (a.cls == CLS_ZERO || b.cls == CLS_ZERO)
		return fmt_signed(f, sign, 0);

	/* product in [2^124, 2^126): bring the leading one to bit 62 */
	u128 p = (u128)a.sig * b.sig;
	int32_t exp = a.exp + b.exp;
	uint32_t sh = 62;
	if (p >> 125) {
		sh = 63;
		exp++;
	}
	return fp_round_pack(f, sign, exp, (uint64_t)shr_jam128(p, sh), rm,
			     flags);
}

static uint64_t soft_div(const struct fp_fmt *f, uint64_t ab, uint64_t bb,
			 unsigned rm, uint32_t *flags)
{
	struct fp_val a = fp_unpack(f, ab), b = fp_unpack(f, bb);
	bool sign = a.sign != b.sign;

	if (a.cls == CLS_NAN || b.cls == CLS_NAN)
		return fp_nan_result(f, a.snan || b.snan, flags);
	if (a.cls == CLS_INF) {
		if (b.cls == CLS_INF)
			return fp_invalid(f, flags);
		return fmt_signed(f, sign, fmt_inf(f));
	}
	if (b.cls == CLS_INF)
		return fmt_signed(f, sign, 0);
	if (b.cls == CLS_ZERO) {
		if (a.cls == CLS_ZERO)
			return fp_invalid(f, flags);
		*flags |= FPF_DZ;
		return fmt_signed(f, sign, fmt_inf(f));
	}
	if (a.cls == CLS_ZERO)
		return fmt_signed(f, sign, 0);

	/* a.sig / b.sig is in (1/2, 2); with 64 extra quotient bits the
	 * quotient is in (2^63, 2^65), and a nonzero remainder becomes the
	 * jam bit. */
	u128 n = (u128)a.sig << 64;
	u128 q = n / b.sig;
	bool rem = n % b.sig != 0;
	int32_t exp = a.exp - b.exp;
	uint32_t sh = 1;
	if (q >> 64) {
		sh = 2;
	} else {
		exp--;
	}
	uint64_t sig = (uint64_t)shr_jam128(q | rem, sh);
	return fp_round_pack(f, sign, exp, sig, rm, flags);
}

/* floor(sqrt(m)) for m < 2^126, one result bit at a time. */
static uint64_t isqrt128(u128 m)
{
	uint64_t r = 0;
	for (int i = 63; i >= 0; i--) {
		uint64_t t = r | 1ull << i;
		if ((u128)t * t <= m)
			r = t;
	}
	return r;
}

static uint64_t soft_sqrt(const struct fp_fmt *f, uint64_t ab, unsigned rm,
			  uint32_t *flags)
{
	struct fp_val a = fp_unpack(f, ab);

	if (a.cls == CLS_NAN)
		return fp_nan_result(f, a.snan, flags);
	if (a.cls == CLS_ZERO)
		return ab;
	if (a.sign)
		return fp_invalid(f, flags);
	if (a.cls == CLS_INF)
		return ab;

	/* make the exponent even; then sqrt(sig * 2^62) has its leading
	 * one at bit 62 */
	u128 m = (u128)a.sig << 62;
	int32_t exp = a.exp;
	if (exp & 1) {
		m <<= 1;
		exp--;
	}
	uint64_t r = isqrt128(m);
	bool rem = (u128)r * r != m;
	return fp_round_pack(f, false, exp / 2, r | rem, rm, flags);
}

/* a*b + c with a single rounding; the caller has already applied the
 * negations of the fm*sub/fnm* variants to the operands' signs. */
static uint64_t soft_fma(const struct fp_fmt *f, uint64_t ab, uint64_t bb,
			 uint64_t cb, unsigned rm, uint32_t *flags)
{
	struct fp_val a = fp_unpack(f, ab), b = fp_unpack(f, bb),
		      c = fp_unpack(f, cb);
	bool psign = a.sign != b.sign;
	bool inf_times_zero = (a.cls == CLS_INF && b.cls == CLS_ZERO) ||
			      (a.cls == CLS_ZERO && b.cls == CLS_INF);

	/* RISC-V: inf * 0 is invalid even when the addend is a quiet NaN */
	if (a.cls == CLS_NAN || b.cls == CLS_NAN || c.cls == CLS_NAN)
		return fp_nan_result(
			f, a.snan || b.snan || c.snan || inf_times_zero, flags);
	if (inf_times_zero)
		return fp_invalid(f, flags);
	if (a.cls == CLS_INF || b.cls == CLS_INF) {
		if (c.cls == CLS_INF && c.sign != psign)
			return fp_invalid(f, flags);
		return fmt_signed(f, psign, fmt_inf(f));
	}
	if (c.cls == CLS_INF)
		return cb;
	if (a.cls == CLS_ZERO || b.cls == CLS_ZERO) {
		if (c.cls == CLS_ZERO)
			return fmt_signed(f, zero_sum_sign(psign, c.sign, rm),
					  0);
		return cb;
	}

	/* Exact product with its leading one at bit 125: x / 2^125 * 2^xe.
	 * Its low 2*(62 - mbits) bits are zero, which keeps the alignment
	 * argument of soft_add_finite valid at 128 bits. */
	u128 x = (u128)a.sig * b.sig;
	int32_t xe = a.exp + b.exp;
	if (x >> 125)
		xe++;
	else
		x <<= 1;
	if (c.cls == CLS_ZERO)
		return fp_round_pack(f, psign, xe, (uint64_t)shr_jam128(x, 63),
				     rm, flags);

	u128 y = (u128)c.sig << 63;
	int32_t ye = c.exp;
	bool xs = psign, ys = c.sign;
	if (xe < ye || (xe == ye && x < y)) {
		u128 t = x;
		x = y;
		y = t;
		int32_t te = xe;
		xe = ye;
		ye = te;
		bool ts = xs;
		xs = ys;
		ys = ts;
	}
	y = shr_jam128(y, (uint32_t)(xe - ye));
	if (xs == ys) {
		x += y;
		if (x >> 126) {
			x = shr_jam128(x, 1);
			xe++;
		}
	} else {
		x -= y;
		if (x == 0)
			return fmt_signed(f, rm == FP_RDN, 0);
		int lz = clz128(x) - 2;
		x <<= lz;
		xe -= lz;
	}
	return fp_round_pack(f, xs, xe, (uint64_t)shr_jam128(x, 63), rm, flags);
}

/* Float to integer of the given width and signedness, saturating. The
 * result is returned as 64-bit two's complement. */
static uint64_t soft_to_int(const struct fp_fmt *f, uint64_t ab, unsigned rm,
			    uint32_t *flags, bool is_signed, unsigned width)
{
	struct fp_val a = fp_unpack(f, ab);
	uint64_t pos_max = is_signed ? (1ull << (width - 1)) - 1
				     : UINT64_MAX >> (64 - width);
	uint64_t neg_max = is_signed ? 1ull << (width - 1) : 0; /* magnitude */
	uint64_t lo = 0 - neg_max, hi = pos_max;
	bool inexact = false, out;
	uint64_t q = 0;

	if (a.cls == CLS_NAN) {
		*flags |= FPF_NV;
		return hi;
	}
	if (a.cls == CLS_ZERO)
		return 0;
	if (a.cls == CLS_INF || a.exp >= 64) {
		out = true;
	} else {
		if (a.exp >= 62) {
			q = a.sig << (a.exp - 62);
		} else {
			/* anything below 1/2 only needs to be nonzero */
			uint64_t sig = a.sig;
			unsigned sh = (unsigned)(62 - a.exp);
			if (sh > 63) {
				sig = 1;
				sh = 63;
			}
			q = round_sig(sig, sh, rm, a.sign, &inexact);
		}
		out = q > (a.sign ? neg_max : pos_max);
	}
	/* range is judged on the rounded value; out of range is NV only */
	if (out) {
		*flags |= FPF_NV;
		return a.sign ? lo : hi;
	}
	if (inexact)
		*flags |= FPF_NX;
	return a.sign ? 0 - q : q;
}

static uint64_t soft_from_int(const struct fp_fmt *f, bool sign, uint64_t mag,
			      unsigned rm, uint32_t *flags)
{
	if (mag == 0)
		return 0;
	int top = 63 - __builtin_clzll(mag);
	uint64_t sig = top <= 62 ? mag << (62 - top) : shr_jam64(mag, 1);
	return fp_round_pack(f, sign, top, sig, rm, flags);
}

static uint64_t soft_convert(const struct fp_fmt *to, const struct fp_fmt *from,
			     uint64_t ab, unsigned rm, uint32_t *flags)
{
	struct fp_val a = fp_unpack(from, ab);

	switch (a.cls) {
	case CLS_NAN: return fp_nan_result(to, a.snan, flags);
	case CLS_INF: return fmt_signed(to, a.sign, fmt_inf(to));
	case CLS_ZERO: return fmt_signed(to, a.sign, 0);
	default: return fp_round_pack(to, a.sign, a.exp, a.sig, rm, flags);
	}
}

/* ---- Host FPU (x86-64 SSE) --------------------------------------------- */

#if FP_HAVE_HOST

/* Rounding modes served by the host; RMM never is. */
static unsigned host_modes = 0xf;

static inline bool host_ok(unsigned rm)
{
	return (host_modes >> rm & 1) != 0;
}

/* MXCSR with every exception masked, no flush-to-zero or denormals-are-
 * zero, no flags; plus the rounding-control field for RNE, RTZ, RDN, RUP. */
#define MXCSR_BASE 0x1f80u
static const uint32_t mxcsr_rc[4] = {0x0000, 0x6000, 0x2000, 0x4000};

/* Set the whole of MXCSR for one operation: the rounding mode, and no
 * flags, FTZ or DAZ, whatever other code left there. It is loaded without
 * being read first: loading it costs a few cycles when the rounding mode
 * stays the same, while reading it (stmxcsr) costs several nanoseconds on
 * current cores, more than the arithmetic itself. */
static inline void host_enter(unsigned rm)
{
	uint32_t want = MXCSR_BASE | mxcsr_rc[rm];
	__asm__ volatile("ldmxcsr %0" : : "m"(want) : "memory");
}

/* The fflags raised since host_enter: MXCSR's IE, ZE, OE, UE and PE bits
 * (the denormal-operand bit DE has no RISC-V counterpart). */
static inline uint32_t host_raised(void)
{
	uint32_t c;
	__asm__ volatile("stmxcsr %0" : "=m"(c) : : "memory");
	return (c & 0x01) << 4 | (c & 0x04) << 1 | (c & 0x08) >> 1 |
	       (c & 0x10) >> 3 | (c & 0x20) >> 5;
}

/* Accrue the flags of the host operation just done. Reading MXCSR is the
 * main cost of a host operation, and it cannot change *flags when the
 * result proves that nothing but NX can have been raised (only_nx) and NX
 * has already accrued, the usual state of a running program. The result
 * and the accrued flags are then exactly those of the exact path. */
static inline void host_accrue(uint32_t *flags, bool only_nx)
{
	if (!only_nx || !(*flags & FPF_NX))
		*flags |= host_raised();
}

/* Results from which the flags can be read off. NV and DZ give NaN or
 * infinite results, overflow an infinite or the largest finite one, and
 * underflow a magnitude of at most the smallest normal: a value tiny after
 * rounding rounds to at most that in any mode. */
static inline bool below_max(const struct fp_fmt *f, uint64_t r)
{
	return fmt_abs(f, r) < fmt_inf(f) - 1;
}

/* Strictly between the smallest normal and the largest finite magnitude. */
static inline bool mid_range(const struct fp_fmt *f, uint64_t r)
{
	uint64_t lo = fmt_mant_mask(f) + 2;
	return fmt_abs(f, r) - lo < fmt_inf(f) - 1 - lo;
}

static inline bool is_zero(const struct fp_fmt *f, uint64_t x)
{
	return fmt_abs(f, x) == 0;
}

/* A sum tiny enough to be subnormal is exact, so only overflow is left. */
static inline bool add_only_nx(const struct fp_fmt *f, uint64_t a, uint64_t b,
			       uint64_t r)
{
	(void)a;
	(void)b;
	return below_max(f, r);
}

/* A zero product of a zero operand is exact. */
static inline bool mul_only_nx(const struct fp_fmt *f, uint64_t a, uint64_t b,
			       uint64_t r)
{
	return mid_range(f, r) ||
	       (is_zero(f, r) && (is_zero(f, a) || is_zero(f, b)));
}

/* So are zero quotients of a zero dividend or an infinite divisor. */
static inline bool div_only_nx(const struct fp_fmt *f, uint64_t a, uint64_t b,
			       uint64_t r)
{
	return mid_range(f, r) ||
	       (is_zero(f, r) &&
		(is_zero(f, a) || fmt_abs(f, b) == fmt_inf(f)));
}

/* Square roots never overflow, and are never tiny unless zero. */
static inline bool sqrt_only_nx(const struct fp_fmt *f, uint64_t r)
{
	return below_max(f, r);
}

/* With a zero product the result is the addend or an exact zero. */
static inline bool fma_only_nx(const struct fp_fmt *f, uint64_t a, uint64_t b,
			       uint64_t r)
{
	return mid_range(f, r) ||
	       ((is_zero(f, a) || is_zero(f, b)) && below_max(f, r));
}

/* The host's NaN results (its default NaN is negative) made canonical. */
static inline uint64_t host_canon(const struct fp_fmt *f, uint64_t r)
{
	return fmt_is_nan(f, r) ? fmt_canon_nan(f) : r;
}

/* name(a, b) by the SSE scalar instruction insn, in format W (see
 * HOST_OPS); only_nx tells when its flags need not be read. */
#define HOST_BINOP(name, insn, W, T, HT, FMT, only_nx)                         \
	static T name(T a, T b, unsigned rm, uint32_t *flags)                  \
	{                                                                      \
		HT x = host_load_##W(a), y = host_load_##W(b);                 \
		host_enter(rm);                                                \
		__asm__ volatile(insn " %1, %0"                                \
				 : "+x"(x)                                     \
				 : "x"(y)                                      \
				 : "memory");                                  \
		T r = host_raw_##W(x);                                         \
		host_accrue(flags, only_nx(&FMT, a, b, r));                    \
		return (T)host_canon(&FMT, r);                                 \
	}

/* The host operations of one format: W is the name suffix, T the bit
 * pattern, HT the host type, FMT the format and SFX the SSE scalar suffix.
 * host_fma_W computes a*b + c; it returns false, with nothing accrued, when
 * the result is a NaN: RISC-V's NV for inf * 0 + qNaN is left to soft_fma
 * then. */
#define HOST_OPS(W, T, HT, FMT, SFX)                                           \
	static inline HT host_load_##W(T b)                                    \
	{                                                                      \
		HT x;                                                          \
		memcpy(&x, &b, sizeof(x));                                     \
		return x;                                                      \
	}                                                                      \
	static inline T host_raw_##W(HT x)                                     \
	{                                                                      \
		T b;                                                           \
		memcpy(&b, &x, sizeof(b));                                     \
		return b;                                                      \
	}                                                                      \
	HOST_BINOP(host_add_##W, "add" SFX, W, T, HT, FMT, add_only_nx)        \
	HOST_BINOP(host_sub_##W, "sub" SFX, W, T, HT, FMT, add_only_nx)        \
	HOST_BINOP(host_mul_##W, "mul" SFX, W, T, HT, FMT, mul_only_nx)        \
	HOST_BINOP(host_div_##W, "div" SFX, W, T, HT, FMT, div_only_nx)        \
	static T host_sqrt_##W(T a, unsigned rm, uint32_t *flags)              \
	{                                                                      \
		HT x = host_load_##W(a);                                       \
		host_enter(rm);                                                \
		__asm__ volatile("sqrt" SFX " %0, %0" : "+x"(x) : : "memory"); \
		T r = host_raw_##W(x);                                         \
		host_accrue(flags, sqrt_only_nx(&FMT, r));                     \
		return (T)host_canon(&FMT, r);                                 \
	}                                                                      \
	static bool host_fma_##W(T a, T b, T c, unsigned rm, uint32_t *flags,  \
				 T *out)                                       \
	{                                                                      \
		HT x = host_load_##W(a), y = host_load_##W(b),                 \
		   acc = host_load_##W(c);                                     \
		host_enter(rm);                                                \
		__asm__ volatile("vfmadd231" SFX " %2, %1, %0"                 \
				 : "+x"(acc)                                   \
				 : "x"(x), "x"(y)                              \
				 : "memory");                                  \
		T r = host_raw_##W(acc);                                       \
		if (fmt_is_nan(&FMT, r))                                       \
			return false;                                          \
		host_accrue(flags, fma_only_nx(&FMT, a, b, r));                \
		*out = r;                                                      \
		return true;                                                   \
	}

/* The fused instructions need FMA3, and with it AVX state enabled by the
 * OS; both are checked at run time (once, by the compiler's runtime
 * library), since the binary is built for any x86-64. */
static inline bool host_fma_ok(unsigned rm)
{
	return host_ok(rm) && __builtin_cpu_supports("fma");
}

HOST_OPS(s, uint32_t, float, FMT_S, "ss")
HOST_OPS(d, uint64_t, double, FMT_D, "sd")

void fp_force_soft(bool on)
{
	host_modes = on ? 0 : 0xf;
}

#else

void fp_force_soft(bool on)
{
	(void)on;
}

#endif

/* ---- Min/max, comparisons, sign injection, class ------------------------ */

/* Maps non-NaN bit patterns to unsigned integers in numeric order, with
 * -0 just below +0. */
static inline uint64_t order_key(const struct fp_fmt *f, uint64_t x)
{
	uint64_t s = fmt_sign(f);
	return x & s ? ~x & (s | (s - 1)) : x | s;
}

static inline bool both_zero(const struct fp_fmt *f, uint64_t a, uint64_t b)
{
	return fmt_abs(f, a | b) == 0;
}

static inline uint64_t minmax(const struct fp_fmt *f, uint64_t a, uint64_t b,
			      bool want_max, uint32_t *flags)
{
	bool an = fmt_is_nan(f, a), bn = fmt_is_nan(f, b);

	if (fmt_is_snan(f, a) || fmt_is_snan(f, b))
		*flags |= FPF_NV;
	if (an && bn)
		return fmt_canon_nan(f);
	if (an)
		return b;
	if (bn)
		return a;
	return (order_key(f, a) < order_key(f, b)) != want_max ? a : b;
}

static inline bool cmp_eq(const struct fp_fmt *f, uint64_t a, uint64_t b,
			  uint32_t *flags)
{
	if (fmt_is_nan(f, a) || fmt_is_nan(f, b)) {
		if (fmt_is_snan(f, a) || fmt_is_snan(f, b))
			*flags |= FPF_NV;
		return false;
	}
	return a == b || both_zero(f, a, b);
}

static inline bool cmp_lt(const struct fp_fmt *f, uint64_t a, uint64_t b,
			  uint32_t *flags)
{
	if (fmt_is_nan(f, a) || fmt_is_nan(f, b)) {
		*flags |= FPF_NV;
		return false;
	}
	return !both_zero(f, a, b) && order_key(f, a) < order_key(f, b);
}

static inline bool cmp_le(const struct fp_fmt *f, uint64_t a, uint64_t b,
			  uint32_t *flags)
{
	if (fmt_is_nan(f, a) || fmt_is_nan(f, b)) {
		*flags |= FPF_NV;
		return false;
	}
	return both_zero(f, a, b) || order_key(f, a) <= order_key(f, b);
}

static inline unsigned classify(const struct fp_fmt *f, uint64_t x)
{
	uint64_t mag = fmt_abs(f, x);
	bool neg = (x & fmt_sign(f)) != 0;

	if (mag > fmt_inf(f))
		return fmt_is_snan(f, x) ? FP_CLASS_SNAN : FP_CLASS_QNAN;
	if (mag == fmt_inf(f))
		return neg ? FP_CLASS_NEG_INF : FP_CLASS_POS_INF;
	if (mag == 0)
		return neg ? FP_CLASS_NEG_ZERO : FP_CLASS_POS_ZERO;
	if (mag >> f->mbits == 0)
		return neg ? FP_CLASS_NEG_SUBNORMAL : FP_CLASS_POS_SUBNORMAL;
	return neg ? FP_CLASS_NEG_NORMAL : FP_CLASS_POS_NORMAL;
}

/* ---- Conversions -------------------------------------------------------- */

/* Magnitude of a signed integer, valid for the most negative value too. */
static inline uint64_t int_mag(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

uint32_t fp_cvt_s_d(uint64_t a, unsigned rm, uint32_t *flags)
{
	return (uint32_t)soft_convert(&FMT_S, &FMT_D, a, rm, flags);
}

uint64_t fp_cvt_d_s(uint32_t a, unsigned rm, uint32_t *flags)
{
	return soft_convert(&FMT_D, &FMT_S, a, rm, flags);
}

/* ---- Public operations, both formats ----------------------------------- */

#if FP_HAVE_HOST
#define TRY_HOST(call, rm)                                                     \
	do {                                                                   \
		if (host_ok(rm))                                               \
			return call;                                           \
	} while (0)
#define TRY_HOST_FMA(fn, a, b, c, rm, flags)                                   \
	do {                                                                   \
		__typeof__(a) r_;                                              \
		if (host_fma_ok(rm) && fn(a, b, c, rm, flags, &r_))            \
			return r_;                                             \
	} while (0)
#else
#define TRY_HOST(call, rm)		     ((void)(rm))
#define TRY_HOST_FMA(fn, a, b, c, rm, flags) ((void)(rm))
#endif

/* Every operation that singles and doubles both have, written once: W is
 * the name suffix, T the bit pattern, FMT the format and SIGN its sign bit.
 * The fused variants differ only in operand signs, and negating an operand
 * is exact, so all four share fma_W. */
#define FP_OPS_DEFINE(W, T, FMT, SIGN)                                         \
	T fp_add_##W(T a, T b, unsigned rm, uint32_t *flags)                   \
	{                                                                      \
		TRY_HOST(host_add_##W(a, b, rm, flags), rm);                   \
		return (T)soft_add(&FMT, a, b, rm, flags);                     \
	}                                                                      \
	T fp_sub_##W(T a, T b, unsigned rm, uint32_t *flags)                   \
	{                                                                      \
		TRY_HOST(host_sub_##W(a, b, rm, flags), rm);                   \
		return (T)soft_add(&FMT, a, b ^ SIGN, rm, flags);              \
	}                                                                      \
	T fp_mul_##W(T a, T b, unsigned rm, uint32_t *flags)                   \
	{                                                                      \
		TRY_HOST(host_mul_##W(a, b, rm, flags), rm);                   \
		return (T)soft_mul(&FMT, a, b, rm, flags);                     \
	}                                                                      \
	T fp_div_##W(T a, T b, unsigned rm, uint32_t *flags)                   \
	{                                                                      \
		TRY_HOST(host_div_##W(a, b, rm, flags), rm);                   \
		return (T)soft_div(&FMT, a, b, rm, flags);                     \
	}                                                                      \
	T fp_sqrt_##W(T a, unsigned rm, uint32_t *flags)                       \
	{                                                                      \
		TRY_HOST(host_sqrt_##W(a, rm, flags), rm);                     \
		return (T)soft_sqrt(&FMT, a, rm, flags);                       \
	}                                                                      \
	static T fma_##W(T a, T b, T c, unsigned rm, uint32_t *flags)          \
	{                                                                      \
		TRY_HOST_FMA(host_fma_##W, a, b, c, rm, flags);                \
		return (T)soft_fma(&FMT, a, b, c, rm, flags);                  \
	}                                                                      \
	T fp_madd_##W(T a, T b, T c, unsigned rm, uint32_t *flags)             \
	{                                                                      \
		return fma_##W(a, b, c, rm, flags);                            \
	}                                                                      \
	T fp_msub_##W(T a, T b, T c, unsigned rm, uint32_t *flags)             \
	{                                                                      \
		return fma_##W(a, b, c ^ SIGN, rm, flags);                     \
	}                                                                      \
	T fp_nmsub_##W(T a, T b, T c, unsigned rm, uint32_t *flags)            \
	{                                                                      \
		return fma_##W(a ^ SIGN, b, c, rm, flags);                     \
	}                                                                      \
	T fp_nmadd_##W(T a, T b, T c, unsigned rm, uint32_t *flags)            \
	{                                                                      \
		return fma_##W(a ^ SIGN, b, c ^ SIGN, rm, flags);              \
	}                                                                      \
	T fp_min_##W(T a, T b, uint32_t *flags)                                \
	{                                                                      \
		return (T)minmax(&FMT, a, b, false, flags);                    \
	}                                                                      \
	T fp_max_##W(T a, T b, uint32_t *flags)                                \
	{                                                                      \
		return (T)minmax(&FMT, a, b, true, flags);                     \
	}                                                                      \
	T fp_sgnj_##W(T a, T b)                                                \
	{                                                                      \
		return (a & ~SIGN) | (b & SIGN);                               \
	}                                                                      \
	T fp_sgnjn_##W(T a, T b)                                               \
	{                                                                      \
		return (a & ~SIGN) | (~b & SIGN);                              \
	}                                                                      \
	T fp_sgnjx_##W(T a, T b)                                               \
	{                                                                      \
		return a ^ (b & SIGN);                                         \
	}                                                                      \
	bool fp_eq_##W(T a, T b, uint32_t *flags)                              \
	{                                                                      \
		return cmp_eq(&FMT, a, b, flags);                              \
	}                                                                      \
	bool fp_lt_##W(T a, T b, uint32_t *flags)                              \
	{                                                                      \
		return cmp_lt(&FMT, a, b, flags);                              \
	}                                                                      \
	bool fp_le_##W(T a, T b, uint32_t *flags)                              \
	{                                                                      \
		return cmp_le(&FMT, a, b, flags);                              \
	}                                                                      \
	unsigned fp_class_##W(T a)                                             \
	{                                                                      \
		return classify(&FMT, a);                                      \
	}                                                                      \
	int32_t fp_cvt_w_##W(T a, unsigned rm, uint32_t *flags)                \
	{                                                                      \
		return (int32_t)soft_to_int(&FMT, a, rm, flags, true, 32);     \
	}                                                                      \
	uint32_t fp_cvt_wu_##W(T a, unsigned rm, uint32_t *flags)              \
	{                                                                      \
		return (uint32_t)soft_to_int(&FMT, a, rm, flags, false, 32);   \
	}                                                                      \
	int64_t fp_cvt_l_##W(T a, unsigned rm, uint32_t *flags)                \
	{                                                                      \
		return (int64_t)soft_to_int(&FMT, a, rm, flags, true, 64);     \
	}                                                                      \
	uint64_t fp_cvt_lu_##W(T a, unsigned rm, uint32_t *flags)              \
	{                                                                      \
		return soft_to_int(&FMT, a, rm, flags, false, 64);             \
	}                                                                      \
	T fp_cvt_##W##_w(int32_t v, unsigned rm, uint32_t *flags)              \
	{                                                                      \
		return (T)soft_from_int(&FMT, v < 0, int_mag(v), rm, flags);   \
	}                                                                      \
	T fp_cvt_##W##_wu(uint32_t v, unsigned rm, uint32_t *flags)            \
	{                                                                      \
		return (T)soft_from_int(&FMT, false, v, rm, flags);            \
	}                                                                      \
	T fp_cvt_##W##_l(int64_t v, unsigned rm, uint32_t *flags)              \
	{                                                                      \
		return (T)soft_from_int(&FMT, v < 0, int_mag(v), rm, flags);   \
	}                                                                      \
	T fp_cvt_##W##_lu(uint64_t v, unsigned rm, uint32_t *flags)            \
	{                                                                      \
		return (T)soft_from_int(&FMT, false, v, rm, flags);            \
	}

FP_OPS_DEFINE(s, uint32_t, FMT_S, F32_SIGN)
FP_OPS_DEFINE(d, uint64_t, FMT_D, F64_SIGN)
