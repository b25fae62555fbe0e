# Two-hart guest with a lost-update race that the default fixed schedule
# hides and randomized quanta expose (see race.c). Include from the
# top-level Makefile, which defines RV_CC and RV_FLAGS; the ELF lands at
# $(RACE_ELF). -g keeps symbols and line info for the debugger
# (shared_counter, racy_increment).
#
# $(RACE_FORCED_ELF) is the same program built to force the bad
# interleaving: it fails with code 7 on every schedule.
#
# -mcmodel=medany (in RV_FLAGS) is required: the default code model cannot
# address an image linked at 0x80000000.

RACE_DIR        := guests/race
RACE_ELF        := build/guests/race.elf
RACE_FORCED_ELF := build/guests/race-forced.elf
RACE_SRCS       := $(RACE_DIR)/crt0.S $(RACE_DIR)/race.c
RACE_FLAGS      := -O1 -g -ffreestanding -std=gnu11 -Wall -Wextra -Werror

$(RACE_ELF): $(RACE_SRCS) $(RACE_DIR)/link.ld $(RACE_DIR)/race.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) $(RACE_FLAGS) -T $(RACE_DIR)/link.ld $(RACE_SRCS) -o $@

$(RACE_FORCED_ELF): $(RACE_SRCS) $(RACE_DIR)/link.ld $(RACE_DIR)/race.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) $(RACE_FLAGS) -DRACE_FORCE_INTERLEAVE \
		-T $(RACE_DIR)/link.ld $(RACE_SRCS) -o $@
