# rewind: build, test and benchmark.
#   make          build/rewind
#   make check    all tests (unit, ISA, command line) under ASan and UBSan
#   make bench    guest MIPS on the compute benchmark
#   make demo     hunt a race, replay it, find it in gdb going backwards
# Every target that needs Debian packages installs the missing ones first.

CC       ?= cc
BUILD    := build
CFLAGS_COMMON := -std=gnu11 -Wall -Wextra -Werror -g -MMD -MP
OPT      := -O2
# FP files must not let the compiler move operations across rounding-mode
# changes or fuse them.
FP_FLAGS := -frounding-math -fsignaling-nans -ffp-contract=off
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The disassembler is the multi-architecture opcodes library, whose packaged
# version decodes RV64GC (the packaged alternative predates RISC-V);
# symbols come from libelf.
LIBS     := -llz4 -lfdt -lm -lopcodes-multiarch -lbfd-multiarch -lelf -lslirp -lpcap

# core/util/: helpers shared by every module (little-endian fields,
# SHA-256, CRC-32, file I/O, growable arrays), below all of them.
UTIL_SRCS := $(wildcard core/util/*.c)
CORE_SRCS := $(wildcard core/*.c core/dev/*.c core/jit/*.c) $(UTIL_SRCS)
REPLAY_SRCS := $(wildcard replay/*.c snapshots/*.c gdb/*.c)
# Time travel, composed from replay and snapshots; in the library too, so
# the unit tests reach it.
HISTORY_SRCS := $(wildcard history/*.c)
CLI_SRCS  := $(wildcard cli/*.c)
FP_SRCS   := core/fp_ops.c core/fp_exec.c

# Optimised objects (the shipped binary) and sanitizer objects (tests).
# Device files register themselves from constructors and nothing names
# them (core/dev/registry.h), so whatever links the library archive links
# all of it.
LIBCORE_SAN = -Wl,--whole-archive $(BUILD)/libcore-san.a -Wl,--no-whole-archive
OBJ_DIR  := $(BUILD)/obj
SOBJ_DIR := $(BUILD)/san
CORE_OBJS  := $(CORE_SRCS:%.c=$(OBJ_DIR)/%.o) $(REPLAY_SRCS:%.c=$(OBJ_DIR)/%.o) \
	$(HISTORY_SRCS:%.c=$(OBJ_DIR)/%.o)
CLI_OBJS   := $(CLI_SRCS:%.c=$(OBJ_DIR)/%.o)
SCORE_OBJS := $(CORE_SRCS:%.c=$(SOBJ_DIR)/%.o) $(REPLAY_SRCS:%.c=$(SOBJ_DIR)/%.o) \
	$(HISTORY_SRCS:%.c=$(SOBJ_DIR)/%.o)
SCLI_OBJS  := $(CLI_SRCS:%.c=$(SOBJ_DIR)/%.o)

CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
# Devices that exist only for tests, linked into test_registry alone: each
# registers itself, so that test shows a device is one file.
TEST_DEV_SRCS := $(wildcard tests/devices/*.c)
FUZZ_SRCS  := $(wildcard tests/fuzz/*.c)
# Seconds each libFuzzer target runs in `make fuzz` and make fuzz-NAME.
FUZZ_SECONDS ?= 60
# Fuzz binaries compile several sources in one step: no dependency files.
FUZZ_CFLAGS := $(filter-out -MMD -MP,$(CFLAGS_COMMON))
# libFuzzer with the sanitizers; undefined behaviour stops the run as a
# crash does, instead of a message the run goes on past.
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
# The machine the machine targets reuse across inputs.
FUZZ_MACHINE := tests/fuzz/fuzz_machine.c tests/fuzz/fuzz_machine.h \
	tests/fuzz/reset.ignorelist tests/fuzz/reset_cov.ignorelist \
	tests/fuzz/hash_cov.ignorelist
FUZZ_RESET_FLAGS := -fsanitize-coverage-ignorelist=tests/fuzz/reset.ignorelist \
	-fsanitize-ignorelist=tests/fuzz/reset.ignorelist \
	-fsanitize-coverage-ignorelist=tests/fuzz/hash_cov.ignorelist
# The device targets also leave the state save and load out of coverage.
FUZZ_DEVICE_FLAGS := $(FUZZ_RESET_FLAGS) \
	-fsanitize-coverage-ignorelist=tests/fuzz/reset_cov.ignorelist

# Guest programs: the ISA suite and the benchmark.
RV_CC    := riscv64-unknown-elf-gcc
RV_FLAGS := -march=rv64gc -mabi=lp64d -mcmodel=medany -nostdlib -nostartfiles
ISA_SRCS := $(wildcard guests/isa/*/*.S)
ISA_ELFS := $(ISA_SRCS:guests/isa/%.S=$(BUILD)/isa/%.elf)
ISA_HDRS := $(wildcard guests/isa/common/*.h) guests/isa/common/link.ld
BENCH_ELF := $(BUILD)/bench/compute.elf

DEB_PKGS := gcc make pkg-config clang-format liblz4-dev check \
	libfdt-dev gcc-riscv64-unknown-elf gcc-riscv64-linux-gnu \
	libc6-dev-riscv64-cross opensbi gdb-multiarch \
	linux-source-6.1 bc flex bison cpio libelf-dev libssl-dev python3 \
	binutils-multiarch-dev u-boot-qemu libslirp-dev libpcap-dev tcpdump \
	strace parallel rsync python3-yaml valgrind

# `make` builds the binary, whatever the included recipes define first.
.DEFAULT_GOAL := all

# Guest recipes; included before the rules that name their variables.
include guests/linux/linux.mk
include guests/smp/smp.mk
include guests/vblk/vblk.mk
include guests/race/race.mk
include guests/trace/trace.mk

.PHONY: all deps check check-format unit isa cli-tests machine-tests replay-tests signal-tests snapshot-tests gdb-tests trace-tests diff-tests demo-tests docs-tests shrink-tests bench demo clean format \
	fuzz-corpus fuzz-log fuzz-gdb fuzz-snapshot fuzz-virtio fuzz-net fuzz

all: $(BUILD)/rewind $(BUILD)/rewind.gdb

# gdb's side of the debugger (docs/gdb.md), beside the binary.
$(BUILD)/rewind.gdb: gdb/rewind.gdb
	@mkdir -p $(dir $@)
	cp $< $@

# Install missing Debian packages; silent and quick when all are present.
deps:
	@missing=$$(for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q $$missing; \
	fi

$(BUILD)/rewind: $(CORE_OBJS) $(CLI_OBJS)
	$(CC) $(OPT) -o $@ $^ $(LIBS)

$(BUILD)/rewind-san: $(SCORE_OBJS) $(SCLI_OBJS)
	$(CC) $(SAN) -o $@ $^ $(LIBS)

# `rewind --version`: the VERSION file, and the commit when built from a
# git checkout. build/version.h is rewritten only when that changes, so
# only cli/main.c compiles again.
REWIND_VERSION := $(shell cat VERSION)$(shell git describe --always --dirty 2>/dev/null | sed 's/.*/ (&)/')
$(BUILD)/version.h: FORCE
	@mkdir -p $(BUILD)
	@echo '#define REWIND_VERSION "$(REWIND_VERSION)"' >$@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
$(OBJ_DIR)/cli/main.o $(SOBJ_DIR)/cli/main.o: $(BUILD)/version.h
$(OBJ_DIR)/cli/main.o $(SOBJ_DIR)/cli/main.o: CFLAGS_COMMON += -I$(BUILD)
.PHONY: FORCE
FORCE:

$(BUILD)/libcore-san.a: $(SCORE_OBJS)
	rm -f $@ && ar rcs $@ $^

$(OBJ_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(OPT) $(if $(filter $<,$(FP_SRCS)),$(FP_FLAGS)) -c $< -o $@

$(SOBJ_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -O1 $(SAN) $(if $(filter $<,$(FP_SRCS)),$(FP_FLAGS)) -c $< -o $@

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -O1 $(SAN) $(FP_FLAGS) $(CHECK_CFLAGS) -Icore $< \
		$(UNIT_EXTRA_SRCS) $(LIBCORE_SAN) -o $@ $(CHECK_LIBS) $(LIBS)

$(BUILD)/unit/test_registry: UNIT_EXTRA_SRCS := $(TEST_DEV_SRCS)
$(BUILD)/unit/test_registry: $(TEST_DEV_SRCS) $(wildcard tests/devices/*.h)

$(BUILD)/isa/%.elf: guests/isa/%.S $(ISA_HDRS)
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) -Iguests/isa/common -T guests/isa/common/link.ld $< -o $@

$(BENCH_ELF): bench/compute/crt0.S bench/compute/compute.c bench/compute/link.ld
	@mkdir -p $(dir $@)
	$(RV_CC) $(RV_FLAGS) -O2 -ffreestanding -T bench/compute/link.ld \
		bench/compute/crt0.S bench/compute/compute.c -o $@

check: deps
	@$(MAKE) --no-print-directory linux linux-kunit
	@$(MAKE) --no-print-directory check-format unit fuzz-corpus isa \
		cli-tests machine-tests replay-tests signal-tests snapshot-tests gdb-tests \
		trace-tests diff-tests tune-tests demo-tests docs-tests thirdparty-tests \
		net-tests hunt-tests shrink-tests

# Every C file of ours that clang-format keeps in shape.
FORMAT_SRCS = $(CORE_SRCS) $(REPLAY_SRCS) $(HISTORY_SRCS) $(CLI_SRCS) \
	$(wildcard core/*.h core/dev/*.h core/util/*.h replay/*.h cli/*.h \
		gdb/*.h snapshots/*.h history/*.h) \
	$(UNIT_SRCS) $(FUZZ_SRCS) $(wildcard tests/fuzz/*.h tests/devices/*.[ch] \
	tests/tools/*.c)

check-format:
	@bad=$$(clang-format --dry-run --Werror $(FORMAT_SRCS) 2>&1 | \
		grep -o '^[^:]*\.[ch]' | sort -u); \
	if [ -n "$$bad" ]; then echo "not clang-formatted:" $$bad; exit 1; fi

# test_history records the race guest in-process: it is given the ELF.
unit: $(UNIT_BINS) $(RACE_ELF) $(BUILD)/isa/priv/sv39_remap_watch.elf
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; \
		REWIND_RACE_ELF=$(RACE_ELF) \
		REWIND_REMAP_ELF=$(BUILD)/isa/priv/sv39_remap_watch.elf $$t; done

# Replay the fuzz corpus through the log reader under the sanitizers.
$(BUILD)/fuzz/fuzz_log_replay: tests/fuzz/driver.c tests/fuzz/fuzz_log.c $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -O1 $(SAN) tests/fuzz/driver.c tests/fuzz/fuzz_log.c \
		$(LIBCORE_SAN) -o $@ $(LIBS)

# The same for the gdb packet receiver and parser, and the snapshot reader.
$(BUILD)/fuzz/fuzz_gdb_replay: tests/fuzz/driver.c tests/fuzz/fuzz_gdb.c $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -O1 $(SAN) tests/fuzz/driver.c tests/fuzz/fuzz_gdb.c \
		$(LIBCORE_SAN) -o $@ $(LIBS)

$(BUILD)/fuzz/fuzz_snapshot_replay: tests/fuzz/driver.c tests/fuzz/fuzz_snapshot.c \
		$(FUZZ_MACHINE) $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -O1 $(SAN) -DFUZZ_CHECK_RESET tests/fuzz/driver.c \
		tests/fuzz/fuzz_snapshot.c tests/fuzz/fuzz_machine.c $(LIBCORE_SAN) \
		-o $@ $(LIBS)

# And virtio descriptor chains against a machine with a disk.
$(BUILD)/fuzz/fuzz_virtio_replay: tests/fuzz/driver.c tests/fuzz/fuzz_virtio.c \
		$(FUZZ_MACHINE) $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -O1 $(SAN) -DFUZZ_CHECK_RESET tests/fuzz/driver.c \
		tests/fuzz/fuzz_virtio.c tests/fuzz/fuzz_machine.c $(LIBCORE_SAN) \
		-o $@ $(LIBS)

# And network frames into the card.
$(BUILD)/fuzz/fuzz_net_replay: tests/fuzz/driver.c tests/fuzz/fuzz_net.c \
		$(FUZZ_MACHINE) $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -O1 $(SAN) -DFUZZ_CHECK_RESET tests/fuzz/driver.c \
		tests/fuzz/fuzz_net.c tests/fuzz/fuzz_machine.c $(LIBCORE_SAN) \
		-o $@ $(LIBS)

fuzz-corpus: $(BUILD)/fuzz/fuzz_log_replay $(BUILD)/fuzz/fuzz_gdb_replay \
		$(BUILD)/fuzz/fuzz_snapshot_replay $(BUILD)/fuzz/fuzz_virtio_replay \
		$(BUILD)/fuzz/fuzz_net_replay
	@$(BUILD)/fuzz/fuzz_log_replay tests/fuzz/corpus/log
	@$(BUILD)/fuzz/fuzz_gdb_replay tests/fuzz/corpus/gdb
	@$(BUILD)/fuzz/fuzz_snapshot_replay tests/fuzz/corpus/snapshot
	@$(BUILD)/fuzz/fuzz_virtio_replay tests/fuzz/corpus/virtio
	@$(BUILD)/fuzz/fuzz_net_replay tests/fuzz/corpus/net

# Coverage-guided fuzzing, not part of check: make fuzz-log FUZZ_SECONDS=600.
# New inputs go to build/fuzz/log-corpus, crashing ones to build/fuzz/.
$(BUILD)/fuzz/fuzz_log: tests/fuzz/fuzz_log.c replay/logfile.c replay/logfile.h \
		$(UTIL_SRCS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -O1 $(FUZZ_SAN) \
		tests/fuzz/fuzz_log.c replay/logfile.c $(UTIL_SRCS) -o $@ -llz4

fuzz-log: $(BUILD)/fuzz/fuzz_log
	@mkdir -p $(BUILD)/fuzz/log-corpus
	$(BUILD)/fuzz/fuzz_log -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/log-corpus \
		tests/fuzz/corpus/log

# make fuzz-gdb FUZZ_SECONDS=600: new inputs go to build/fuzz/gdb-corpus.
GDB_PACKET_SRCS := gdb/packet.c gdb/packet_parse.c gdb/packet_reply.c
# The receiver and framing (gdb/packet.c) and the harness are built
# without comparison tracing: their compares run for every byte of every
# input (i < len, a byte against '$' or '#') and cost more than half the
# target's time while telling the fuzzer nothing its seeds do not. Their
# edges still count and the sanitizers still check them; the parser and
# the reply builders keep comparison tracing, for the command names.
FUZZ_NO_CMP := -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all -fno-sanitize-coverage=trace-cmp
$(BUILD)/fuzz/fuzz_gdb: tests/fuzz/fuzz_gdb.c $(GDB_PACKET_SRCS) $(wildcard gdb/*.h)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -O1 $(FUZZ_NO_CMP) -c gdb/packet.c -o $@-rx.o
	clang $(FUZZ_CFLAGS) -O1 $(FUZZ_NO_CMP) -c tests/fuzz/fuzz_gdb.c \
		-o $@-harness.o
	clang $(FUZZ_CFLAGS) -O1 $(FUZZ_SAN) \
		$@-rx.o $@-harness.o gdb/packet_parse.c gdb/packet_reply.c -o $@

fuzz-gdb: $(BUILD)/fuzz/fuzz_gdb
	@mkdir -p $(BUILD)/fuzz/gdb-corpus
	$(BUILD)/fuzz/fuzz_gdb -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/gdb-corpus \
		tests/fuzz/corpus/gdb

# The snapshot reader with the machine behind it: every core source is
# built with clang here, since libFuzzer and the sanitizers must come from
# one compiler. make fuzz-snapshot FUZZ_SECONDS=600.
$(BUILD)/fuzz/fuzz_snapshot: tests/fuzz/fuzz_snapshot.c $(FUZZ_MACHINE) \
		$(CORE_SRCS) $(REPLAY_SRCS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -O1 $(filter-out -fsignaling-nans,$(FP_FLAGS)) \
		$(FUZZ_SAN) $(FUZZ_RESET_FLAGS) \
		tests/fuzz/fuzz_snapshot.c tests/fuzz/fuzz_machine.c \
		$(CORE_SRCS) $(REPLAY_SRCS) -o $@ $(LIBS)

fuzz-snapshot: $(BUILD)/fuzz/fuzz_snapshot
	@mkdir -p $(BUILD)/fuzz/snapshot-corpus
	$(BUILD)/fuzz/fuzz_snapshot -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=$(BUILD)/fuzz/snapshot- \
		$(BUILD)/fuzz/snapshot-corpus tests/fuzz/corpus/snapshot

# virtio descriptor chains from a guest-memory image (tests/fuzz/fuzz_virtio.c),
# the machine's sources built with clang as for fuzz-snapshot.
$(BUILD)/fuzz/fuzz_virtio: tests/fuzz/fuzz_virtio.c $(FUZZ_MACHINE) $(CORE_SRCS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -O1 $(filter-out -fsignaling-nans,$(FP_FLAGS)) \
		$(FUZZ_SAN) $(FUZZ_DEVICE_FLAGS) \
		tests/fuzz/fuzz_virtio.c tests/fuzz/fuzz_machine.c $(CORE_SRCS) \
		-o $@ $(LIBS)

fuzz-virtio: $(BUILD)/fuzz/fuzz_virtio
	@mkdir -p $(BUILD)/fuzz/virtio-corpus
	$(BUILD)/fuzz/fuzz_virtio -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		-artifact_prefix=$(BUILD)/fuzz/virtio- \
		$(BUILD)/fuzz/virtio-corpus tests/fuzz/corpus/virtio

# Network frames into the card (tests/fuzz/fuzz_net.c), built the same way.
$(BUILD)/fuzz/fuzz_net: tests/fuzz/fuzz_net.c $(FUZZ_MACHINE) $(CORE_SRCS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -O1 $(filter-out -fsignaling-nans,$(FP_FLAGS)) \
		$(FUZZ_SAN) $(FUZZ_DEVICE_FLAGS) \
		tests/fuzz/fuzz_net.c tests/fuzz/fuzz_machine.c $(CORE_SRCS) \
		-o $@ $(LIBS)

fuzz-net: $(BUILD)/fuzz/fuzz_net
	@mkdir -p $(BUILD)/fuzz/net-corpus
	$(BUILD)/fuzz/fuzz_net -max_total_time=$(FUZZ_SECONDS) -max_len=24576 \
		-artifact_prefix=$(BUILD)/fuzz/net- \
		$(BUILD)/fuzz/net-corpus tests/fuzz/corpus/net

# Every libFuzzer target in turn for FUZZ_SECONDS each (make fuzz
# FUZZ_SECONDS=600), printing executions, their rate and coverage (cov:
# edges, ft: features) per target as each ends and all together at the
# end; a crash stops it with the fuzzer's report, and the input lands in
# build/fuzz/. Not part of check: it takes minutes.
FUZZ_TARGETS := log gdb snapshot virtio net
fuzz: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
	@sum=$(BUILD)/fuzz/summary; : >$$sum; \
	for t in $(FUZZ_TARGETS); do \
		log=$(BUILD)/fuzz/$$t.log; \
		if ! $(MAKE) --no-print-directory fuzz-$$t >$$log 2>&1; then \
			tail -40 $$log; echo "fuzz-$$t: failed (whole output: $$log)"; \
			exit 1; fi; \
		sed -nE "s/^#([0-9]+)[[:space:]]+DONE[[:space:]]+(cov: [0-9]+ ft: [0-9]+).*exec\/s: ([0-9]+).*/fuzz-$$t: \1 executions (\3\/s), \2/p" \
			$$log | tee -a $$sum; \
	done; \
	echo "fuzz: $(FUZZ_SECONDS) s a target under ASan/UBSan:"; cat $$sum

isa: $(BUILD)/rewind-san $(ISA_ELFS)
	@tests/isa/run.sh $(BUILD)/rewind-san $(ISA_ELFS)

cli-tests: $(BUILD)/rewind-san
	@tests/cli/run.sh $(BUILD)/rewind-san

machine-tests: $(BUILD)/rewind-san $(SMP_ELF) $(VBLK_ELF)
	@tests/machine/run.sh $(BUILD)/rewind-san $(SMP_ELF) $(LINUX_DIR) \
		$(VBLK_ELF)

$(BUILD)/tools/rec_edit: tests/tools/rec_edit.c $(BUILD)/libcore-san.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -O1 $(SAN) $< $(LIBCORE_SAN) -o $@ $(LIBS)

replay-tests: $(BUILD)/rewind-san $(BUILD)/tools/rec_edit $(BENCH_ELF) \
		$(RACE_ELF)
	@tests/replay/run.sh $(BUILD)/rewind-san $(BUILD)/tools/rec_edit \
		$(LINUX_DIR) $(BENCH_ELF) $(RACE_ELF)

# SIGINT, SIGTERM and SIGKILL during a recording, a replay, a run.
signal-tests: $(BUILD)/rewind-san $(BENCH_ELF)
	@tests/replay/signals.sh $(BUILD)/rewind-san $(BENCH_ELF)

snapshot-tests: $(BUILD)/rewind-san
	@tests/snapshots/run.sh $(BUILD)/rewind-san $(LINUX_DIR)

gdb-tests: $(BUILD)/rewind-san $(BUILD)/rewind.gdb $(BENCH_ELF) $(RACE_ELF) \
		$(RACE_FORCED_ELF)
	@tests/gdb/run.sh $(BUILD)/rewind-san $(LINUX_DIR)
	@tests/gdb/kernel_view.sh $(BUILD)/rewind-san $(LINUX_DIR)
	@tests/gdb/signals.sh $(BUILD)/rewind-san $(BENCH_ELF)
	@tests/gdb/writes.sh $(BUILD)/rewind-san $(RACE_ELF)
	@tests/gdb/session.sh $(BUILD)/rewind-san $(BENCH_ELF)
	@tests/gdb/lastwrite.sh $(BUILD)/rewind-san $(LINUX_DIR) $(RACE_FORCED_ELF)
	@tests/gdb/skip.sh $(BUILD)/rewind-san $(LINUX_DIR)
	@tests/gdb/live.sh $(BUILD)/rewind-san $(LINUX_DIR)

trace-tests: $(BUILD)/rewind-san $(TRACE_ELF) $(RACE_FORCED_ELF)
	@tests/trace/run.sh $(BUILD)/rewind-san $(TRACE_ELF) $(RACE_FORCED_ELF)

# rewind diff: race schedules, console input (a bare guest and Linux),
# prefixes, bad files.
diff-tests: $(BUILD)/rewind-san $(BUILD)/tools/rec_edit $(RACE_ELF) $(VBLK_ELF)
	@tests/diff/run.sh $(BUILD)/rewind-san $(BUILD)/tools/rec_edit $(RACE_ELF) \
		$(VBLK_ELF) $(LINUX_DIR)

# Software we did not write: U-Boot, and Linux's KUnit suites.
.PHONY: thirdparty-tests
thirdparty-tests: $(BUILD)/rewind-san
	@tests/thirdparty/run.sh $(BUILD)/rewind-san $(LINUX_KUNIT_DIR)

# The network card and the user network: U-Boot and Linux over --net user,
# recorded, replayed, exported with rewind pcap and read by tcpdump.
.PHONY: net-tests
net-tests: $(BUILD)/rewind-san $(BUILD)/tools/rec_edit
	@tests/net/run.sh $(BUILD)/rewind-san $(BUILD)/tools/rec_edit $(LINUX_DIR)

# The optimisation switches leave every guest-visible outcome unchanged.
.PHONY: tune-tests
tune-tests: $(BUILD)/rewind-san $(SMP_ELF) $(RACE_ELF) $(ISA_ELFS)
	@tests/tune/run.sh $(BUILD)/rewind-san $(LINUX_DIR) $(SMP_ELF) \
		$(RACE_ELF) $(BUILD)/isa

bench: deps $(BUILD)/rewind $(BENCH_ELF) $(RACE_ELF)
	@$(MAKE) --no-print-directory linux
	@bench/run.sh $(BUILD)/rewind $(BENCH_ELF) $(LINUX_DIR) $(RACE_ELF)

# The race guest's lost update: hunted with chaos schedules, recorded, then
# found by gdb-multiarch going backwards through the replay (guests/race/).
demo: deps
	@$(MAKE) --no-print-directory $(BUILD)/rewind $(RACE_ELF)
	@guests/race/demo.sh $(BUILD)/rewind $(RACE_ELF) $(BUILD)/demo

# The demo itself, under the sanitizers: it must land on the racing store.
demo-tests: $(BUILD)/rewind-san $(RACE_ELF) $(RACE_FORCED_ELF)
	@tests/demo/run.sh $(BUILD)/rewind-san $(RACE_ELF) $(RACE_FORCED_ELF)

# Hunts: reproducible by hunt seed, the same answer whatever --jobs,
# shards, and the recipes of scripts/hunt (GNU parallel for real, here
# and over ssh to directory "hosts"; the Slurm task script and the
# Kubernetes pod command run for each index).
.PHONY: hunt-tests
hunt-tests: $(BUILD)/rewind-san $(RACE_ELF) $(BENCH_ELF)
	@tests/hunt/run.sh $(BUILD)/rewind-san $(RACE_ELF) $(BENCH_ELF)

# Shrinking a failing chaos schedule of the race guest, the schedule
# deviations info counts, and faults injected into the Linux guest's disk.
.PHONY: shrink-tests
shrink-tests: $(BUILD)/rewind-san $(BUILD)/tools/rec_edit $(RACE_ELF)
	@tests/shrink/run.sh $(BUILD)/rewind-san $(BUILD)/tools/rec_edit \
		$(RACE_ELF) $(LINUX_DIR)

# The README's walkthroughs, run as written.
docs-tests: $(BUILD)/rewind-san $(RACE_ELF)
	@tests/docs/run.sh $(BUILD)/rewind-san $(RACE_ELF) $(LINUX_DIR)

format:
	clang-format -i $(FORMAT_SRCS)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
