/*
 * Compute-bound benchmark guest: a fixed, deterministic mix of integer,
 * memory and floating-point work, sized to retire roughly half a billion
 * instructions. `make bench` runs it to report guest MIPS.
 *
 * Build (also in Makefile.frag):
 *   riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany -O2 \
 *       -ffreestanding -nostdlib -nostartfiles -T bench/compute/link.ld \
 *       bench/compute/crt0.S bench/compute/compute.c -o /tmp/compute.elf
 * -mcmodel=medany is required: the default model (medlow) addresses
 * globals with lui, which cannot reach an image linked at 0x80000000.
 *
 * Run on any QEMU virt compatible machine with RAM at 0x80000000 (16 MiB is
 * plenty), e.g.
 *   qemu-system-riscv64 -M virt -bios none -nographic -m 128M \
 *       -kernel /tmp/compute.elf
 *
 * Output (UART 16550 at 0x10000000), then a pass through the test finisher:
 *   compute: checksum=0x<16 hex digits>
 *   compute: instret=<retired instructions, from minstret>
 *
 * The checksum is a pure function of the program: every loop has a fixed
 * trip count, all "random" data comes from fixed-seed generators, and
 * nothing reads a timer. Replay and regression runs can therefore compare
 * it byte for byte. The instret line is informational only and is not
 * folded into the checksum. Each phase also checks its own result (sorted
 * order, copy contents, list cycle length); a failed check exits with a
 * nonzero status naming the phase.
 *
 * Build with -DBENCH_PHASES to print the instructions retired per phase,
 * which is how the trip counts below were tuned.
 */
#include <stddef.h>
#include <stdint.h>

/*
 * GCC may turn simple loops into calls to memset/memcpy, which a
 * freestanding image does not have; the copy loop below must also stay a
 * visible loop so it measures the emulator rather than a library routine.
 */
#pragma GCC optimize("no-tree-loop-distribute-patterns")

/* ------------------------------------------------------------------ */
/* Trip counts, tuned so the whole run retires about 500 million
 * instructions. The comments give each phase's measured share (millions
 * of instructions) so a change can be re-balanced: roughly 190 M integer,
 * 150 M memory and 160 M floating-point. */

#define HASH_BUF_BYTES (64 * 1024)
#define HASH_ROUNDS    180    /* hash: 72 M (xorshift fill + FNV-1a) */
#define CRC_ROUNDS     60     /* crc32: 43 M */
#define GCD_PAIRS      240000 /* gcd: 27 M */
#define SORT_ELEMS     4096
#define SORT_ROUNDS    100 /* sort: 47 M */

#define BIG_BYTES     (8u * 1024 * 1024) /* memory phases' working set */
#define COPY_ROUNDS   24		 /* copy: 39 M (4 MiB per copy) */
#define STRIDE_ROUNDS 40 /* stride: 52 M (sweeps of all 8 MiB) */
#define CHASE_BYTES   (1u * 1024 * 1024) /* chase: cache-resident */
#define CHASE_LAPS    512 /* chase: 56 M (laps of a 16 Ki-node cycle) */

#define MAT_N	      64
#define MAT_ROUNDS    32 /* matmul: 63 M */
#define MANDEL_W      128
#define MANDEL_H      96
#define MANDEL_ITERS  256
#define MANDEL_ROUNDS 6 /* mandelbrot: 47 M */
#define NBODY_N	      8
#define NBODY_STEPS   32000 /* nbody: 52 M */

/* Per-phase failure codes, reported as the exit status. */
enum {
	FAIL_SORT = 1,
	FAIL_COPY = 2,
	FAIL_CHASE = 3,
};

/* ------------------------------------------------------------------ */
/* Freestanding support. */

/* Fallbacks in case the compiler emits calls for struct copies or
 * initialisers; the pragma above keeps these loops from calling
 * themselves. */
void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

#define UART_BASE 0x10000000ul
#define UART_THR  0    /* transmit holding register */
#define UART_LSR  5    /* line status register */
#define LSR_THRE  0x20 /* transmit holding register empty */

static void uart_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)UART_BASE;
	while (!(uart[UART_LSR] & LSR_THRE))
		;
	uart[UART_THR] = (uint8_t)c;
}

static void put_str(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

/* Always 16 digits, so the checksum line has a fixed shape. */
static void put_hex64(uint64_t v)
{
	for (int shift = 60; shift >= 0; shift -= 4)
		uart_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void put_dec(uint64_t v)
{
	char buf[20]; /* 2^64 - 1 has 20 digits */
	int n = 0;
	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		uart_putc(buf[--n]);
}

static inline uint64_t read_instret(void)
{
	uint64_t v;
	__asm__ volatile("csrr %0, minstret" : "=r"(v));
	return v;
}

/* ------------------------------------------------------------------ */
/* Shared helpers. */

static uint64_t checksum;

/* Fold one phase result into the running checksum. Order matters, so the
 * checksum also notices phases that run in a different sequence. */
static void mix(uint64_t v)
{
	checksum = (checksum << 7 | checksum >> 57) ^ v;
	checksum *= 0x9e3779b97f4a7c15ull;
}

/* xorshift64: cheap, full-period, and identical on every run. */
static inline uint64_t xorshift64(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

/* The raw bits of a double, so FP results enter the checksum exactly. */
static uint64_t double_bits(double d)
{
	union {
		double d;
		uint64_t u;
	} pun = {.d = d};
	return pun.u;
}

/* Working storage. All of it lives in .bss, cleared by crt0. */
static uint8_t hash_buf[HASH_BUF_BYTES] __attribute__((aligned(64)));
static uint32_t sort_buf[SORT_ELEMS];
static uint32_t crc_table[256];
static uint64_t big_buf[BIG_BYTES / 8] __attribute__((aligned(4096)));
static uint32_t chase_order[CHASE_BYTES / 64];
static double mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

/* ------------------------------------------------------------------ */
/* Integer work. */

/* Refill the buffer from a generator, then hash it a byte at a time:
 * a dependent multiply chain plus byte loads, like hashing strings. */
static uint64_t phase_hash(void)
{
	uint64_t state = 0x243f6a8885a308d3ull;
	uint64_t acc = 0;

	for (int round = 0; round < HASH_ROUNDS; round++) {
		uint64_t *words = (uint64_t *)hash_buf;
		for (size_t i = 0; i < HASH_BUF_BYTES / 8; i++)
			words[i] = xorshift64(&state);

		uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a offset basis */
		for (size_t i = 0; i < HASH_BUF_BYTES; i++) {
			h ^= hash_buf[i];
			h *= 0x100000001b3ull; /* FNV-1a 64-bit prime */
		}
		acc += h;
	}
	return acc;
}

/* Build the reflected CRC32 table (shift/xor bit loop), then run the
 * table-driven CRC over the last buffer from phase_hash. */
static uint64_t phase_crc32(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}

	uint64_t acc = 0;
	for (int round = 0; round < CRC_ROUNDS; round++) {
		uint32_t crc = ~(uint32_t)round;
		for (size_t i = 0; i < HASH_BUF_BYTES; i++)
			crc = crc_table[(crc ^ hash_buf[i]) & 0xff] ^
			      (crc >> 8);
		acc = acc * 31 + ~crc;
	}
	return acc;
}

/* Euclid's algorithm on generator pairs: a stream of dependent integer
 * divisions, which emulators often implement out of line. */
static uint64_t phase_gcd(void)
{
	uint64_t state = 0x13198a2e03707344ull;
	uint64_t acc = 0;

	for (int i = 0; i < GCD_PAIRS; i++) {
		uint64_t a = xorshift64(&state) >> 16;
		uint64_t b = (xorshift64(&state) >> 24) | 1;
		while (b) {
			uint64_t t = a % b;
			a = b;
			b = t;
		}
		acc += a;
	}
	return acc;
}

static void insertion_sort(uint32_t *a, long n)
{
	for (long i = 1; i < n; i++) {
		uint32_t v = a[i];
		long j = i;
		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

static inline void swap_u32(uint32_t *x, uint32_t *y)
{
	uint32_t t = *x;
	*x = *y;
	*y = t;
}

/* Quicksort with median-of-three and Hoare partitioning. It recurses on
 * the smaller side and loops on the larger, bounding stack depth by
 * log2(n); short runs finish with insertion sort. */
static void quick_sort(uint32_t *a, long n)
{
	while (n > 16) {
		/* Order a[0] <= a[mid] <= a[n-1]. The pivot a[mid] then has
		 * a sentinel on each side, so both scans below stop inside
		 * the array and each side of the split is non-empty. */
		long mid = n / 2;
		if (a[mid] < a[0])
			swap_u32(&a[mid], &a[0]);
		if (a[n - 1] < a[0])
			swap_u32(&a[n - 1], &a[0]);
		if (a[n - 1] < a[mid])
			swap_u32(&a[n - 1], &a[mid]);
		uint32_t pivot = a[mid];

		long i = -1, j = n;
		for (;;) {
			do
				i++;
			while (a[i] < pivot);
			do
				j--;
			while (a[j] > pivot);
			if (i >= j)
				break;
			swap_u32(&a[i], &a[j]);
		}

		long left = j + 1, right = n - left;
		if (left < right) {
			quick_sort(a, left);
			a += left;
			n = right;
		} else {
			quick_sort(a + left, right);
			n = left;
		}
	}
	insertion_sort(a, n);
}

static int phase_sort(uint64_t *out)
{
	uint64_t state = 0xa4093822299f31d0ull;
	uint64_t acc = 0;

	for (int round = 0; round < SORT_ROUNDS; round++) {
		/* Narrow values on odd rounds, so there are many duplicates
		 * and the equal-key path of the partition gets exercised. */
		uint32_t mask = (round & 1) ? 0x3ff : 0xffffffff;
		for (int i = 0; i < SORT_ELEMS; i++)
			sort_buf[i] =
				(uint32_t)(xorshift64(&state) >> 32) & mask;

		quick_sort(sort_buf, SORT_ELEMS);

		for (int i = 1; i < SORT_ELEMS; i++)
			if (sort_buf[i - 1] > sort_buf[i])
				return FAIL_SORT;
		/* Position-weighted, so a wrong permutation changes it. */
		for (int i = 0; i < SORT_ELEMS; i += 64)
			acc = acc * 0x100000001b3ull + sort_buf[i];
	}
	*out = acc;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Memory work over an 8 MiB buffer spanning 2048 pages of guest RAM,
 * larger than typical host caches and emulator address-translation caches.
 * The guest runs in M-mode with paging off, so this loads the emulator's
 * physical-address path (and any TLB-like cache it keeps for it), not
 * guest page-table walks. */

/* Copy n doublewords, unrolled like a word-at-a-time library memcpy. */
static void copy_words(uint64_t *restrict dst, const uint64_t *restrict src,
		       size_t n)
{
	for (size_t i = 0; i < n; i += 4) {
		uint64_t w0 = src[i], w1 = src[i + 1];
		uint64_t w2 = src[i + 2], w3 = src[i + 3];
		dst[i] = w0;
		dst[i + 1] = w1;
		dst[i + 2] = w2;
		dst[i + 3] = w3;
	}
}

static int phase_copy(uint64_t *out)
{
	const size_t half = BIG_BYTES / 16; /* doublewords in 4 MiB */
	uint64_t *lo = big_buf, *hi = big_buf + half;
	uint64_t state = 0x082efa98ec4e6c89ull;
	uint64_t acc = 0;

	for (size_t i = 0; i < half; i++)
		lo[i] = xorshift64(&state);

	/* Bounce the data between the two halves, changing one word per
	 * round so every copy carries different contents. */
	for (int round = 0; round < COPY_ROUNDS; round++) {
		uint64_t *src = (round & 1) ? hi : lo;
		uint64_t *dst = (round & 1) ? lo : hi;
		size_t poke = xorshift64(&state) % half;
		src[poke] ^= state;
		copy_words(dst, src, half);

		/* Spot-check one word per page. */
		for (size_t i = poke % 512; i < half; i += 512) {
			if (dst[i] != src[i])
				return FAIL_COPY;
			acc += dst[i];
		}
	}
	*out = acc;
	return 0;
}

/* Read-modify-write one doubleword per cache line, stepping 65 lines
 * (one page plus one line) at a time. 65 is odd and the line count a power
 * of two, so each sweep visits every line exactly once, in an order that
 * moves to a new page on every access. */
static uint64_t phase_stride(void)
{
	const size_t words = BIG_BYTES / 8;
	const size_t step = 65 * 8; /* in doublewords */
	uint64_t acc = 0;
	size_t pos = 0;

	for (int round = 0; round < STRIDE_ROUNDS; round++) {
		for (size_t n = 0; n < words / 8; n++) {
			uint64_t v = big_buf[pos];
			acc += v;
			big_buf[pos] = v + n;
			pos = (pos + step) & (words - 1);
		}
		acc = acc * 3 + round;
	}
	return acc;
}

/* Pointer chasing: one 64-byte node per cache line, linked into a single
 * cycle in shuffled order, so every load depends on the previous one and
 * lands on an unpredictable page. The working set is 1 MiB so that this
 * measures the emulator, not the host's DRAM latency. */
struct node {
	struct node *next;
	uint64_t value;
	uint64_t pad[6];
};

static int phase_chase(uint64_t *out)
{
	const uint32_t count = CHASE_BYTES / sizeof(struct node);
	struct node *nodes = (struct node *)big_buf;
	uint64_t state = 0x452821e638d01377ull;

	/* Fisher-Yates shuffle of the visiting order; linking the nodes in
	 * that order gives one cycle through all of them. */
	for (uint32_t i = 0; i < count; i++)
		chase_order[i] = i;
	for (uint32_t i = count - 1; i > 0; i--) {
		uint32_t j = (uint32_t)(xorshift64(&state) % (i + 1));
		uint32_t t = chase_order[i];
		chase_order[i] = chase_order[j];
		chase_order[j] = t;
	}
	for (uint32_t i = 0; i < count; i++) {
		struct node *n = &nodes[chase_order[i]];
		n->next = &nodes[chase_order[(i + 1) % count]];
		n->value = xorshift64(&state) >> 40;
	}

	struct node *head = &nodes[chase_order[0]], *p = head;
	uint64_t acc = 0;
	for (int lap = 0; lap < CHASE_LAPS; lap++) {
		for (uint32_t i = 0; i < count; i++) {
			p = p->next;
			acc += p->value ^ i;
		}
		/* A full lap of a single cycle comes back to the start. */
		if (p != head)
			return FAIL_CHASE;
	}
	*out = acc;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Floating-point work. */

/* fsqrt.d directly: the sqrt builtin keeps a libm call for the errno
 * path, and a freestanding image has no libm. */
static inline double sqrt_d(double x)
{
	double r;
	__asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(x));
	return r;
}

/* Uniform double in [-1, 1) from the top 53 bits of the generator. */
static double rand_unit(uint64_t *state)
{
	return (double)(int64_t)xorshift64(state) * 0x1p-63;
}

/* Dense double-precision matrix multiply, i-k-j loop order so the inner
 * loop streams rows of B and C (the cache-friendly order real code uses).
 * Fresh operands each round keep the values bounded. */
static uint64_t phase_matmul(void)
{
	uint64_t state = 0xbe5466cf34e90c6cull;
	double trace_sum = 0.0;

	for (int round = 0; round < MAT_ROUNDS; round++) {
		for (int i = 0; i < MAT_N; i++) {
			for (int j = 0; j < MAT_N; j++) {
				mat_a[i][j] = rand_unit(&state);
				mat_b[i][j] = rand_unit(&state);
				mat_c[i][j] = 0.0;
			}
		}
		for (int i = 0; i < MAT_N; i++) {
			for (int k = 0; k < MAT_N; k++) {
				double a = mat_a[i][k];
				for (int j = 0; j < MAT_N; j++)
					mat_c[i][j] += a * mat_b[k][j];
			}
		}
		for (int i = 0; i < MAT_N; i++)
			trace_sum += mat_c[i][i] + mat_c[i][MAT_N - 1 - i];
	}
	return double_bits(trace_sum);
}

/* Single-precision Mandelbrot escape counts over a window that includes
 * both the set (loops running to the limit) and its fast-escaping
 * surroundings (short, branchy loops). */
static uint64_t phase_mandelbrot(void)
{
	uint64_t total = 0;

	for (int round = 0; round < MANDEL_ROUNDS; round++) {
		/* Shift the window a little each round. */
		float x0 = -2.25f + 0.01f * (float)round, y0 = -1.25f;
		float dx = 3.0f / MANDEL_W, dy = 2.5f / MANDEL_H;

		for (int py = 0; py < MANDEL_H; py++) {
			float cy = y0 + dy * (float)py;
			for (int px = 0; px < MANDEL_W; px++) {
				float cx = x0 + dx * (float)px;
				float zx = 0.0f, zy = 0.0f;
				int it = 0;
				while (it < MANDEL_ITERS &&
				       zx * zx + zy * zy <= 4.0f) {
					float t = zx * zx - zy * zy + cx;
					zy = 2.0f * zx * zy + cy;
					zx = t;
					it++;
				}
				total = total * 7 + (uint64_t)it;
			}
		}
	}
	return total;
}

/* Gravitational n-body integration (double precision, softened so close
 * encounters stay finite). Each pair interaction needs a square root and
 * a division, the slow end of the FP unit. */
static uint64_t phase_nbody(void)
{
	double px[NBODY_N], py[NBODY_N], pz[NBODY_N];
	double vx[NBODY_N], vy[NBODY_N], vz[NBODY_N], mass[NBODY_N];
	const double dt = 0.001, soft = 0.01;
	uint64_t state = 0xc0ac29b7c97c50ddull;

	for (int i = 0; i < NBODY_N; i++) {
		px[i] = 4.0 * rand_unit(&state);
		py[i] = 4.0 * rand_unit(&state);
		pz[i] = 0.5 * rand_unit(&state);
		vx[i] = 0.1 * rand_unit(&state);
		vy[i] = 0.1 * rand_unit(&state);
		vz[i] = 0.01 * rand_unit(&state);
		mass[i] = 1.0 + 0.5 * rand_unit(&state);
	}

	for (int step = 0; step < NBODY_STEPS; step++) {
		for (int i = 0; i < NBODY_N; i++) {
			for (int j = i + 1; j < NBODY_N; j++) {
				double dx = px[i] - px[j];
				double dy = py[i] - py[j];
				double dz = pz[i] - pz[j];
				double d2 = dx * dx + dy * dy + dz * dz + soft;
				double d = sqrt_d(d2);
				double mag = dt / (d2 * d);
				vx[i] -= dx * mass[j] * mag;
				vy[i] -= dy * mass[j] * mag;
				vz[i] -= dz * mass[j] * mag;
				vx[j] += dx * mass[i] * mag;
				vy[j] += dy * mass[i] * mag;
				vz[j] += dz * mass[i] * mag;
			}
		}
		for (int i = 0; i < NBODY_N; i++) {
			px[i] += dt * vx[i];
			py[i] += dt * vy[i];
			pz[i] += dt * vz[i];
		}
	}

	/* Total energy: a conserved-ish quantity that depends on every
	 * step's rounding, so any FP divergence shows up in it. */
	double e = 0.0;
	for (int i = 0; i < NBODY_N; i++) {
		e += 0.5 * mass[i] *
		     (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
		for (int j = i + 1; j < NBODY_N; j++) {
			double dx = px[i] - px[j];
			double dy = py[i] - py[j];
			double dz = pz[i] - pz[j];
			e -= mass[i] * mass[j] /
			     sqrt_d(dx * dx + dy * dy + dz * dz + soft);
		}
	}
	return double_bits(e);
}

/* ------------------------------------------------------------------ */

#ifdef BENCH_PHASES
/* Tuning aid: retired instructions per phase. */
static uint64_t phase_mark;

static void phase_done(const char *name)
{
	uint64_t now = read_instret();
	put_str("compute: phase ");
	put_str(name);
	put_str(" instret=");
	put_dec(now - phase_mark);
	put_str("\n");
	phase_mark = read_instret();
}
#else
#define phase_done(name) ((void)0)
#endif

int main(void)
{
	uint64_t start = read_instret();
	uint64_t v = 0;
	int err;

#ifdef BENCH_PHASES
	phase_mark = start;
#endif
	mix(phase_hash());
	phase_done("hash");
	mix(phase_crc32());
	phase_done("crc32");
	mix(phase_gcd());
	phase_done("gcd");
	if ((err = phase_sort(&v)))
		return err;
	mix(v);
	phase_done("sort");
	if ((err = phase_copy(&v)))
		return err;
	mix(v);
	phase_done("copy");
	mix(phase_stride());
	phase_done("stride");
	if ((err = phase_chase(&v)))
		return err;
	mix(v);
	phase_done("chase");
	mix(phase_matmul());
	phase_done("matmul");
	mix(phase_mandelbrot());
	phase_done("mandelbrot");
	mix(phase_nbody());
	phase_done("nbody");

	uint64_t end = read_instret();

	put_str("compute: checksum=0x");
	put_hex64(checksum);
	put_str("\ncompute: instret=");
	put_dec(end - start);
	put_str("\n");
	return 0;
}
