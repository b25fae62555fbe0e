/* virtio-net over the virtio-mmio transport.
 *
 * Features: MAC and STATUS only. No MRG_RXBUF: every receive buffer the
 * driver posts must hold a header and a whole frame (Linux then posts
 * 1518-byte "small" buffers, U-Boot 1526-byte ones), so one frame is one
 * chain and the used ring says one buffer; no checksum or segmentation
 * offloads, so frames cross exactly as they are on the wire, which is
 * what a recording and a pcap hold. No control queue: the receive filter
 * is promiscuous, as a user network has only the guest on it.
 *
 * Transmission goes through the shared engine: a notify of the transmit
 * queue schedules the chains, and at completion time each one's frame
 * goes to the tx callback. Reception is driven from outside: the input
 * gate offers a frame between two runs (virtio_net_rx), and it goes into
 * the next posted buffer at once. So the card holds no frames of its own:
 * a frame waits on the host side until a buffer is out, and the card's
 * whole state is the transport's (queues, status), which the transport's
 * section saves. */
#include "virtio_net.h"
#include "../machine.h"
#include "../util/le.h"
#include "virtio_mmio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct net {
	virtio_net_tx_fn tx;
	void *tx_ctx;
	uint8_t frame[VIRTIO_NET_FRAME_MAX];
};

static size_t net_hdr_len(const struct virtio_mmio *v)
{
	return virtio_driver_features(v) & 1ull << VIRTIO_F_VERSION_1
		       ? VIRTIO_NET_HDR_LEN
		       : VIRTIO_NET_HDR_LEN_LEGACY;
}

/* The transmit queue: header, then the frame, all device-readable. */
static int64_t net_handle(struct virtio_mmio *v, int queue,
			  const struct virtq_req *r)
{
	struct net *n = virtio_dev(v);
	size_t hdr = net_hdr_len(v);
	if (queue != VIRTIO_NET_TXQ || r->rlen < hdr)
		return -1;
	uint64_t len = r->rlen - hdr;
	/* A frame a wire could not carry is dropped, as a card drops it;
	 * the buffer still comes back. */
	if (len < VIRTIO_NET_FRAME_MIN || len > VIRTIO_NET_FRAME_MAX)
		return 0;
	if (virtq_read(v, r, hdr, n->frame, len))
		return -1;
	if (n->tx)
		n->tx(n->tx_ctx, n->frame, (size_t)len);
	return 0;
}

struct virtio_mmio *virtio_net_of(struct machine *m)
{
	for (int i = 0; i < m->nvirtio; i++)
		if (virtio_device_id(m->virtio[i]) == VIRTIO_ID_NET)
			return m->virtio[i];
	return NULL;
}

void virtio_net_set_tx(struct virtio_mmio *v, virtio_net_tx_fn fn, void *ctx)
{
	struct net *n = virtio_dev(v);
	n->tx = fn;
	n->tx_ctx = ctx;
}

bool virtio_net_rx_ready(struct virtio_mmio *v)
{
	return virtq_has_next(v, VIRTIO_NET_RXQ);
}

int virtio_net_rx(struct virtio_mmio *v, const uint8_t *frame, size_t len)
{
	struct virtq_req r;
	int got = virtq_next(v, VIRTIO_NET_RXQ, &r);
	if (got < 0)
		return -EIO;
	if (got == 0)
		return -EAGAIN;
	size_t hdr = net_hdr_len(v);
	if (len < VIRTIO_NET_FRAME_MIN || len > VIRTIO_NET_FRAME_MAX ||
	    r.wlen < hdr + len)
		return -EMSGSIZE;
	/* No offloads: flags and gso_type 0 (a whole, checksummed frame),
	 * num_buffers 1 (the spec's value without MRG_RXBUF). */
	uint8_t h[VIRTIO_NET_HDR_LEN] = {0};
	if (hdr == VIRTIO_NET_HDR_LEN)
		le_put16(h + 10, 1);
	if (virtq_write(v, &r, 0, h, hdr) ||
	    virtq_write(v, &r, hdr, frame, len)) {
		virtio_needs_reset(v);
		return -EIO;
	}
	return virtq_done(v, VIRTIO_NET_RXQ, &r, (uint32_t)(hdr + len)) ? -EIO
									: 0;
}

static const struct virtio_ops net_ops;

/* One card with --net, after the disks. */
static int net_create(struct machine *m, const struct machine_config *cfg,
		      char *err, size_t errlen)
{
	if (!cfg->net)
		return 0;
	struct net *n = calloc(1, sizeof(*n));
	if (!n) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	static const uint8_t mac[6] = VIRTIO_NET_MAC;
	uint8_t cfgspace[VIRTIO_NET_CONFIG_LEN] = {0};
	memcpy(cfgspace + VIRTIO_NET_CFG_MAC, mac, sizeof(mac));
	le_put16(cfgspace + VIRTIO_NET_CFG_STATUS, VIRTIO_NET_S_LINK_UP);
	le_put16(cfgspace + VIRTIO_NET_CFG_VQ_PAIRS, 1);
	if (!virtio_mmio_new(m, &net_ops, n, cfgspace, sizeof(cfgspace), 0)) {
		free(n);
		snprintf(err, errlen,
			 "--net: no room for another virtio device");
		return -ENOSPC;
	}
	return 0;
}

static void net_free(void *v)
{
	free(virtio_dev(v));
}

static const struct virtio_ops net_ops = {
	.type = {.name = "virtio-net",
		 .order = 52,
		 .transport = &virtio_mmio_type,
		 .create = net_create,
		 .free = net_free},
	.device_id = VIRTIO_ID_NET,
	.features = 1ull << VIRTIO_NET_F_MAC | 1ull << VIRTIO_NET_F_STATUS,
	.nqueues = 2,
	.queue_max = VIRTIO_NET_QUEUE_MAX,
	.handle = net_handle,
	.device_queues = 1u << VIRTIO_NET_RXQ,
};
DEV_REGISTER(net_ops.type)
