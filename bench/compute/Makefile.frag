# Compute benchmark guest. Include from the top-level Makefile; the ELF
# lands at $(BENCH_COMPUTE_ELF) (override before including to move it).
#
# -mcmodel=medany is required: the default code model cannot address an
# image linked at 0x80000000.

RISCV_CC           ?= riscv64-unknown-elf-gcc
BENCH_COMPUTE_DIR  := bench/compute
BENCH_COMPUTE_ELF  ?= build/bench/compute.elf
BENCH_COMPUTE_FLAGS := -march=rv64gc -mabi=lp64d -mcmodel=medany -O2 \
	-ffreestanding -nostdlib -nostartfiles
BENCH_COMPUTE_SRCS := $(BENCH_COMPUTE_DIR)/crt0.S $(BENCH_COMPUTE_DIR)/compute.c

$(BENCH_COMPUTE_ELF): $(BENCH_COMPUTE_SRCS) $(BENCH_COMPUTE_DIR)/link.ld
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(BENCH_COMPUTE_FLAGS) -T $(BENCH_COMPUTE_DIR)/link.ld \
		$(BENCH_COMPUTE_SRCS) -o $@
