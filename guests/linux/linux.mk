# The Linux guest (kernel, vmlinux with DWARF, initramfs), included by the top
# Makefile. build.sh caches the artefacts outside the repository, keyed by
# its inputs, so `make linux` is instant once built.
#   make linux        build (or find) the guest; LINUX_DIR names its directory
#   make linux-kunit  the same for the KUnit variant; LINUX_KUNIT_DIR
#
# LINUX_DIR is where the current inputs map to, whether built yet or not;
# stderr is dropped so that a machine without the kernel source still
# parses this file (LINUX_DIR is then empty and `make linux` says why).

LINUX_DIR := $(shell guests/linux/build.sh --print-dir 2>/dev/null)
LINUX_KUNIT_DIR := $(shell guests/linux/build.sh --variant kunit --print-dir 2>/dev/null)

.PHONY: linux linux-kunit
linux:
	guests/linux/build.sh

linux-kunit:
	guests/linux/build.sh --variant kunit
