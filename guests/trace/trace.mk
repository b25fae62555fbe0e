# Trace guest: a fixed instruction sequence on two harts for the trace
# tests (see trace.S). Include from the top-level Makefile, which defines
# RV_CC and RV_FLAGS; the ELF lands at $(TRACE_ELF). It reuses the ISA
# tests' linker script: one image at 0x80000000.

TRACE_DIR := guests/trace
TRACE_ELF := build/guests/trace.elf

$(TRACE_ELF): $(TRACE_DIR)/trace.S guests/isa/common/link.ld $(TRACE_DIR)/trace.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) -T guests/isa/common/link.ld $< -o $@
