/* virtio-blk (device id 2) over a disk image: one request queue, requests
 * IN, OUT, FLUSH and GET_ID. */
#ifndef REWIND_DEV_VIRTIO_BLK_H
#define REWIND_DEV_VIRTIO_BLK_H

#include <stddef.h>

#include "../machine.h"

struct disk;
struct virtio_mmio;
struct state_buf;
struct state_reader;

#define VIRTIO_ID_BLOCK 2

/* Feature bits. */
#define VIRTIO_BLK_F_SEG_MAX  2
#define VIRTIO_BLK_F_RO	      5
#define VIRTIO_BLK_F_BLK_SIZE 6
#define VIRTIO_BLK_F_FLUSH    9

/* Configuration space offsets. */
#define VIRTIO_BLK_CFG_CAPACITY 0  /* u64, in 512-byte sectors */
#define VIRTIO_BLK_CFG_SEG_MAX	12 /* u32 */
#define VIRTIO_BLK_CFG_BLK_SIZE 20 /* u32 */

/* Request types and status values. */
#define VIRTIO_BLK_T_IN	    0
#define VIRTIO_BLK_T_OUT    1
#define VIRTIO_BLK_T_FLUSH  4
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_S_OK	    0
#define VIRTIO_BLK_S_IOERR  1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTIO_BLK_HDR_SIZE  16 /* type u32, reserved u32, sector u64 */
#define VIRTIO_BLK_ID_BYTES  20
#define VIRTIO_BLK_QUEUE_MAX 256

/* A virtio-blk device in `slot` backed by the image dc names. NULL with
 * "path: reason" (or "out of memory") in err on failure. */
struct virtio_mmio *virtio_blk_new(struct machine *m, int slot,
				   const struct disk_config *dc, char *err,
				   size_t errlen);
/* The device's disk, e.g. to save its overlay. */
struct disk *virtio_blk_disk(const struct virtio_mmio *v);

/* The disk's size, mode and every overlay chunk (what the guest wrote, in
 * overlay mode), for snapshots. Load checks the size and mode against this
 * disk and every chunk number before it replaces the overlay: 0, -EINVAL
 * with the overlay unchanged, or -ENOMEM with the overlay part-filled. */
int virtio_blk_state_save(const struct virtio_mmio *v, struct state_buf *b);
int virtio_blk_state_load(struct virtio_mmio *v, struct state_reader *r);

#endif
