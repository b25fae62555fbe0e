# Multi-hart test guest (IPIs, PLIC, virtio-blk). Include from the top-level
# Makefile, which defines RV_CC and RV_FLAGS; the ELF lands at $(SMP_ELF).
#
# -mcmodel=medany (in RV_FLAGS) is required: the default code model cannot
# address an image linked at 0x80000000.

SMP_DIR   := guests/smp
SMP_ELF   := build/guests/smp.elf
SMP_SRCS  := $(SMP_DIR)/crt0.S $(SMP_DIR)/smp.c
SMP_FLAGS := -O2 -ffreestanding -std=gnu11 -Wall -Wextra -Werror

$(SMP_ELF): $(SMP_SRCS) $(SMP_DIR)/link.ld $(SMP_DIR)/smp.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) $(SMP_FLAGS) -T $(SMP_DIR)/link.ld $(SMP_SRCS) -o $@
