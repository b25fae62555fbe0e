/* virtio-rng (device id 4): entropy from the machine's host inputs, so that
 * record and replay supply the same bytes at the same icount. */
#ifndef REWIND_DEV_VIRTIO_RNG_H
#define REWIND_DEV_VIRTIO_RNG_H

#define VIRTIO_ID_RNG 4
/* Bytes of entropy per request at most: every byte goes into the log, so a
 * guest cannot make one request cost gigabytes of it. */
#define VIRTIO_RNG_MAX_REQ   4096
#define VIRTIO_RNG_QUEUE_MAX 64

#endif
