/* The test-only virtio device (virtio_test_dev.c): what a test needs to
 * know to drive it as a guest would. */
#ifndef REWIND_TESTS_VIRTIO_TEST_DEV_H
#define REWIND_TESTS_VIRTIO_TEST_DEV_H

/* A device id no real virtio device type uses. */
#define VIRTIO_ID_TEST 0x7e57
/* The value the device holds at power-on. */
#define VIRTIO_TEST_INITIAL 0x5eed

#endif
