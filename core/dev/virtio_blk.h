/* virtio-blk (device id 2) over a disk image: one request queue, requests
 * IN, OUT, FLUSH and GET_ID. */
#ifndef REWIND_DEV_VIRTIO_BLK_H
#define REWIND_DEV_VIRTIO_BLK_H

#include <stddef.h>

#include "../machine.h"

struct disk;
struct virtio_mmio;

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

/* One device per --disk, in the first slots; a disk that cannot be opened
 * fails machine_new with "path: reason". */

/* The device's disk, e.g. to look at its overlay. */
struct disk *virtio_blk_disk(const struct virtio_mmio *v);

#endif
