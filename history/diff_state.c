/* Comparing the states of two machines built from the same configuration,
 * for rewind diff. */
#include "../core/bus.h"
#include "../core/dev/registry.h"
#include "../core/hart.h"
#include "../core/state.h"
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Serialized states compared as bytes: the one definition of "a hart's
 * state" or "a device's state" is the one snapshots use. A failed
 * allocation counts as a difference, never as equality. */
static bool diff_blobs_equal(const struct state_buf *a,
			     const struct state_buf *b)
{
	return !a->oom && !b->oom && a->len == b->len &&
	       !memcmp(a->p, b->p, a->len);
}

static bool diff_hart_equal(const struct hart *a, const struct hart *b)
{
	struct state_buf x = {0}, y = {0};
	hart_state_save(a, &x);
	hart_state_save(b, &y);
	bool eq = diff_blobs_equal(&x, &y);
	free(x.p);
	free(y.p);
	return eq;
}

/* A device's state as a snapshot holds it: its transport's part, then
 * its own (a type without a state tag has none). */
static int diff_device_save(const struct device *d, struct state_buf *b)
{
	const struct dev_type *part[2] = {d->type->transport, d->type};
	for (int k = 0; k < 2; k++)
		if (part[k] && part[k]->state.tag &&
		    dev_state_save(part[k], d->dev, b))
			return -1;
	return 0;
}

static bool diff_device_equal(const struct device *a, const struct device *b)
{
	struct state_buf x = {0}, y = {0};
	int ra = diff_device_save(a, &x);
	int rb = diff_device_save(b, &y);
	bool eq = !ra && !rb && (x.len == 0 || diff_blobs_equal(&x, &y)) &&
		  x.len == y.len;
	free(x.p);
	free(y.p);
	return eq;
}

static bool diff_page_written(const struct mem_region *r, uint64_t p)
{
	return r->written[p / 64] >> (p % 64) & 1;
}

/* Pages never written read as zero in both: only pages written in either
 * can differ. */
static bool diff_page_equal(const struct mem_region *a,
			    const struct mem_region *b, uint64_t p)
{
	if (!diff_page_written(a, p) && !diff_page_written(b, p))
		return true;
	return !memcmp(a->host + (p << PAGE_SHIFT), b->host + (p << PAGE_SHIFT),
		       PAGE_SIZE);
}

static void diff_name_add(char *buf, size_t len, const char *name)
{
	size_t n = strlen(buf);
	snprintf(buf + n, len - n, "%s%s", n ? ", " : "", name);
}

bool diff_state_equal(const struct machine *a, const struct machine *b,
		      bool skip_rtc, struct diff_state *d)
{
	memset(d, 0, sizeof(*d));
	/* How the guest ended is the machine's, not a device's: the
	 * finisher's. */
	bool eq = a->exit == b->exit && a->exit_code == b->exit_code;
	if (!eq)
		diff_name_add(d->devices, sizeof(d->devices), "finisher");
	for (int i = 0; i < a->nharts && i < b->nharts; i++)
		if (!diff_hart_equal(a->harts[i], b->harts[i]))
			eq = false, d->hart[i] = true;
	for (int i = 0; i < a->ndevices && i < b->ndevices; i++) {
		const struct device *x = &a->devices[i], *y = &b->devices[i];
		/* The wall-clock base reaches the guest only through reads
		 * of the RTC's registers, which show in a hart's state. */
		if (skip_rtc && x->dev == (void *)a->rtc)
			continue;
		if (!diff_device_equal(x, y)) {
			eq = false;
			diff_name_add(d->devices, sizeof(d->devices),
				      x->type->name);
		}
	}
	const struct mem_region *ra = a->ram, *rb = b->ram;
	for (uint64_t p = 0; p < ra->size >> PAGE_SHIFT; p++) {
		if (!diff_page_equal(ra, rb, p)) {
			eq = false, d->ram = true;
			break;
		}
	}
	return eq;
}

size_t diff_memory(const struct machine *a, const struct machine *b,
		   struct diff_range *out, size_t max, uint64_t *count,
		   uint64_t *bytes)
{
	const struct mem_region *ra = a->ram, *rb = b->ram;
	size_t n = 0;
	*count = *bytes = 0;
	bool open = false;
	struct diff_range cur = {0};
	for (uint64_t p = 0; p < ra->size >> PAGE_SHIFT; p++) {
		if (diff_page_equal(ra, rb, p))
			continue;
		uint64_t off = p << PAGE_SHIFT;
		for (uint64_t i = off; i < off + PAGE_SIZE; i++) {
			if (ra->host[i] == rb->host[i])
				continue;
			++*bytes;
			uint64_t addr = ra->base + i;
			if (open &&
			    addr <= cur.addr + cur.len + DIFF_MERGE_GAP) {
				cur.len = addr + 1 - cur.addr;
				continue;
			}
			if (open && n < max)
				out[n++] = cur;
			open = true;
			++*count;
			cur = (struct diff_range){addr, 1};
		}
	}
	if (open && n < max)
		out[n++] = cur;
	return n;
}
