# virtio-blk driven as teaching kernels for QEMU's virt board drive it
# (guests/vblk/vblk.c). Include from the top-level Makefile, which defines
# RV_CC and RV_FLAGS; the ELF lands at $(VBLK_ELF). Start-up code and link
# script are the multi-hart guest's.

VBLK_DIR  := guests/vblk
VBLK_ELF  := build/guests/vblk.elf
VBLK_SRCS := guests/smp/crt0.S $(VBLK_DIR)/vblk.c
VBLK_FLAGS := -O2 -ffreestanding -std=gnu11 -Wall -Wextra -Werror

$(VBLK_ELF): $(VBLK_SRCS) guests/smp/link.ld $(VBLK_DIR)/vblk.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) $(VBLK_FLAGS) -T guests/smp/link.ld $(VBLK_SRCS) -o $@
