/* virtio-net (device id 1): a network card with one receive and one
 * transmit queue. The card never reaches the host: frames the guest sends
 * go to a callback (the session's output), and frames arrive only when the
 * host side offers them with virtio_net_rx, which the input gate does. */
#ifndef REWIND_DEV_VIRTIO_NET_H
#define REWIND_DEV_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;
struct virtio_mmio;

#define VIRTIO_ID_NET 1

/* Feature bits offered. */
#define VIRTIO_NET_F_MAC    5
#define VIRTIO_NET_F_STATUS 16

/* Configuration space: mac[6], status (u16), max_virtqueue_pairs (u16). */
#define VIRTIO_NET_CFG_MAC	0
#define VIRTIO_NET_CFG_STATUS	6
#define VIRTIO_NET_CFG_VQ_PAIRS 8
#define VIRTIO_NET_CONFIG_LEN	10
#define VIRTIO_NET_S_LINK_UP	1

#define VIRTIO_NET_RXQ	     0
#define VIRTIO_NET_TXQ	     1
#define VIRTIO_NET_QUEUE_MAX 256

/* The header before every frame: 12 bytes once VERSION_1 is accepted
 * (num_buffers is always there), 10 for a driver that never acked it. */
#define VIRTIO_NET_HDR_LEN	  12
#define VIRTIO_NET_HDR_LEN_LEGACY 10
/* The largest frame either way (a jumbo MTU of a few KiB fits; every
 * received one goes into the recording). */
#define VIRTIO_NET_FRAME_MAX 4096
/* The smallest: an Ethernet header. */
#define VIRTIO_NET_FRAME_MIN 14

/* QEMU's default MAC address for the first card. */
#define VIRTIO_NET_MAC                                                         \
	{                                                                      \
		0x52, 0x54, 0x00, 0x12, 0x34, 0x56                             \
	}

/* Frames the guest sends, one call each. */
typedef void (*virtio_net_tx_fn)(void *ctx, const uint8_t *frame, size_t len);

/* The machine's card, or NULL without --net. */
struct virtio_mmio *virtio_net_of(struct machine *m);
void virtio_net_set_tx(struct virtio_mmio *v, virtio_net_tx_fn fn, void *ctx);
/* Does the driver have a receive buffer out (or a broken ring, which an
 * offered frame then finds)? Changes nothing. */
bool virtio_net_rx_ready(struct virtio_mmio *v);
/* Offer one frame to the guest: written into the next receive buffer.
 * 0 when it was delivered; -EAGAIN when no buffer is out; -EMSGSIZE when
 * the frame does not fit the buffer or the limits (dropped, as a card
 * drops it); -EIO when the driver's ring is malformed (the device needs a
 * reset). The machine's state changes only as the guest can see. */
int virtio_net_rx(struct virtio_mmio *v, const uint8_t *frame, size_t len);

#endif
