/* A virtio device that exists only for tests: the proof that adding a
 * virtio device is adding its file. Nothing in core/ names it; it registers
 * itself and takes the slot after the entropy source.
 *
 * Its one queue takes requests of a readable u32 and a writable 8 bytes:
 * the device remembers the u32 and answers with the value it held before
 * and how many requests it has served. Both are its state: saved in its own
 * section, and back to their power-on values on a reboot. */
#include "dev/virtio_mmio.h"
#include "machine.h"
#include "state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "virtio_test_dev.h"

struct test_dev {
	uint32_t value, served;
};

static void test_dev_power_on(struct test_dev *t)
{
	t->value = VIRTIO_TEST_INITIAL;
	t->served = 0;
}

static int64_t test_dev_handle(struct virtio_mmio *v, int queue,
			       const struct virtq_req *r)
{
	(void)queue;
	struct test_dev *t = virtio_dev(v);
	uint8_t in[4], out[8];
	if (r->rlen < sizeof(in) || r->wlen < sizeof(out) ||
	    virtq_read(v, r, 0, in, sizeof(in)))
		return -1;
	memcpy(out, &t->value, 4);
	t->served++;
	memcpy(out + 4, &t->served, 4);
	memcpy(&t->value, in, 4);
	if (virtq_write(v, r, 0, out, sizeof(out)))
		return -1;
	return (int64_t)sizeof(out);
}

static void test_dev_reset(void *v)
{
	test_dev_power_on(virtio_dev(v));
}

static int test_dev_save(const void *v, struct state_buf *b)
{
	const struct test_dev *t = virtio_dev(v);
	state_put_u32(b, t->value);
	state_put_u32(b, t->served);
	return 0;
}

static int test_dev_load(void *v, struct state_reader *r)
{
	struct test_dev n = {.value = state_get_u32(r),
			     .served = state_get_u32(r)};
	if (r->bad)
		return -EINVAL;
	*(struct test_dev *)virtio_dev(v) = n;
	return 0;
}

static void test_dev_free(void *v)
{
	free(virtio_dev(v));
}

static const struct virtio_ops test_dev_ops;

static int test_dev_create(struct machine *m, const struct machine_config *cfg,
			   char *err, size_t errlen)
{
	(void)cfg, (void)err, (void)errlen;
	struct test_dev *t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	test_dev_power_on(t);
	static const uint8_t config[4] = {'t', 'e', 's', 't'};
	if (!virtio_mmio_new(m, &test_dev_ops, t, config, sizeof(config), 0)) {
		free(t);
		return -ENOMEM;
	}
	return 0;
}

static const struct virtio_ops test_dev_ops = {
	.type = {.name = "virtio-test",
		 .order = 58,
		 .transport = &virtio_mmio_type,
		 .create = test_dev_create,
		 .reset = test_dev_reset,
		 .state = {.tag = "VTST",
			   .save = test_dev_save,
			   .load = test_dev_load},
		 .free = test_dev_free},
	.device_id = VIRTIO_ID_TEST,
	.nqueues = 1,
	.queue_max = 8,
	.handle = test_dev_handle,
};
DEV_REGISTER(test_dev_ops.type)
