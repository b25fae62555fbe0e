/* virtio-rng: every device-writable buffer of a request is filled with
 * entropy when the request completes. The bytes come only from the
 * machine's host-input callback, which record/replay owns; without one the
 * device hands out zeros rather than reach for a host source. */
#include "virtio_rng.h"
#include "../machine.h"
#include "virtio_mmio.h"

#include <errno.h>
#include <string.h>

static int rng_fill_piece(void *ctx, uint8_t *host, uint64_t len)
{
	struct machine *m = ctx;
	if (m->host.entropy)
		m->host.entropy(m->host.ctx, host, (size_t)len);
	else
		memset(host, 0, len);
	return 0;
}

static int64_t rng_handle(struct virtio_mmio *v, int queue,
			  const struct virtq_req *r)
{
	(void)queue;
	uint64_t n =
		r->wlen < VIRTIO_RNG_MAX_REQ ? r->wlen : VIRTIO_RNG_MAX_REQ;
	if (virtq_walk(v, r, true, 0, n, rng_fill_piece, virtio_machine(v)))
		return -1;
	return (int64_t)n;
}

static const struct virtio_ops rng_ops;

/* One entropy source, in the slot after the disks. */
static int rng_create(struct machine *m, const struct machine_config *cfg,
		      char *err, size_t errlen)
{
	(void)cfg, (void)err, (void)errlen;
	return virtio_mmio_new(m, &rng_ops, NULL, NULL, 0, 0) ? 0 : -ENOMEM;
}

static const struct virtio_ops rng_ops = {
	.type = {.name = "virtio-rng",
		 .order = 54,
		 .transport = &virtio_mmio_type,
		 .create = rng_create},
	.device_id = VIRTIO_ID_RNG,
	.features = 0,
	.nqueues = 1,
	.queue_max = VIRTIO_RNG_QUEUE_MAX,
	.handle = rng_handle,
};
DEV_REGISTER(rng_ops.type)
