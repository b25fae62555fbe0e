#!/usr/bin/env bash
# The gdb stub driven by the real gdb-multiarch, in batch mode, against
# replays of Linux boot recordings and a live run: kernel debugging with
# symbols, and execution backwards.
# Usage: run.sh REWIND LINUX_DIR
set -u
rewind=$1
linux=$2
vmlinux=$linux/vmlinux
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

for tool in gdb-multiarch python3; do
	command -v $tool >/dev/null || {
		echo "FAIL: $tool is not installed (make deps installs it)"
		exit 1
	}
done

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# gdb NAME COMMANDS...: a batch session against the stub started as NAME;
# its output in $work/NAME.gdb. The stub must then end by itself.
gdb_run() {
	local name=$1
	shift
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 600 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$vmlinux" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq 0 ]" "$name: the stub exited $rc: $(tail -3 "$work/$name.err")"
}
has() { grep -qE -- "$2" "$work/$1.gdb"; }
expect() { check "has '$1' '$2'" "$1: gdb output lacks /$2/ ($3)"; }

truncate -s 16M "$work/disk.img"
record() {
	local n=$1
	timeout 600 "$rewind" record -o "$work/smp$n.rec" --smp "$n" \
		--mem 256M --kernel "$linux/Image" \
		--initrd "$linux/initramfs.cpio" --disk "$work/disk.img" \
		--append "console=ttyS0 panic=-1 rewind.cpus=$n" \
		</dev/null >/dev/null 2>"$work/rec$n.err"
	check "[ $? -eq 0 ]" "recording smp $n failed: $(tail -2 "$work/rec$n.err")"
}
record 1
record 2
record 4

# --- Kernel debugging with symbols ---------------------------------------
stub_start kernel replay "$work/smp1.rec" &&
	gdb_run kernel 'break start_kernel' 'continue' 'bt' 'next' 'next' \
		'info line *$pc' 'print init_task.comm' 'print/x linux_banner[0]' \
		'info registers pc sp ra satp sstatus stvec mhartid priv' \
		'info threads' 'kill'
expect kernel 'Breakpoint 1, start_kernel \(\)' "break start_kernel, continue"
expect kernel '^#0  start_kernel \(\) at .*init/main.c' "bt"
expect kernel '^#1 .* _start_kernel .*head.S' "bt shows the caller"
expect kernel '^\$1 = "swapper' "print a kernel global"
expect kernel '^\$2 = 0x4c' "linux_banner starts with 'L'"
# `next` moved over source lines of start_kernel.
check "[ \$(grep -cE '^[0-9]+[[:space:]]' '$work/kernel.gdb') -ge 3 ]" \
	"kernel: next did not print source lines"
expect kernel '^satp +0xa[0-9a-f]{15}' "satp in Sv57 mode (the deepest the machine offers)"
expect kernel '^priv +0x1' "the kernel runs in S-mode"
expect kernel '^stvec +0xffffffff' "stvec points into the kernel"
expect kernel 'Thread 1 .*hart 0, S-mode' "info threads names the hart"

# --- Harts as threads -----------------------------------------------------
stub_start smp2 replay "$work/smp2.rec" &&
	gdb_run smp2 'break do_basic_setup' 'continue' 'info threads' \
		'thread apply all bt' 'kill'
# Both harts are in the kernel once smp_init has brought hart 1 up.
expect smp2 '^Thread 1 \(Thread 1 \(hart 0, S-mode' "thread apply all: hart 0"
expect smp2 '^Thread 2 \(Thread 2 \(hart 1, S-mode' "thread apply all: hart 1"
check "[ \$(grep -cE '^#0 ' '$work/smp2.gdb') -ge 2 ]" \
	"smp2: a backtrace for each hart"
check "[ \$(grep -cE '^#1 ' '$work/smp2.gdb') -ge 2 ]" \
	"smp2: each hart's backtrace goes past its first frame"
expect smp2 '^#0 .*do_basic_setup' "the stopped hart is in do_basic_setup"

# --- Reverse stepping restores registers and memory -----------------------
stub_start rstep replay "$work/smp1.rec" &&
	gdb_run rstep 'break start_kernel' 'continue' \
		'echo @@before\n' 'info registers' 'x/16gx $sp-64' \
		'echo @@step\n' 'stepi 50' 'echo @@after\n' 'info registers pc' \
		'reverse-stepi 50' 'echo @@back\n' 'info registers' \
		'x/16gx $sp-64' 'echo @@end\n' 'kill'
section() { sed -n "/^@@$2\$/,/^@@/p" "$work/$1.gdb" | grep -v '^@@'; }
check "[ -n \"\$(section rstep before)\" ] && diff <(section rstep before) <(section rstep back) >/dev/null" \
	"rstep: registers or memory differ after 50 stepi and 50 reverse-stepi: $(diff <(section rstep before) <(section rstep back) | head -5)"
check "! diff <(section rstep before | grep '^pc') <(section rstep after) >/dev/null" \
	"rstep: stepi 50 did not move the pc"

# --- reverse-continue to the previous breakpoint hit ----------------------
# do_one_initcall runs once per initcall: after the third hit, going back
# lands on the second, with the second's argument.
stub_start rcont replay "$work/smp1.rec" &&
	gdb_run rcont 'break do_one_initcall' 'continue' 'continue' \
		'echo @@second\n' 'print/x $a0' 'continue' \
		'echo @@third\n' 'print/x $a0' 'reverse-continue' \
		'echo @@back\n' 'print/x $a0' 'monitor icount' 'echo @@end\n' \
		'kill'
val() { section "$1" "$2" | sed -nE 's/^\$[0-9]+ = (0x[0-9a-f]+)/\1/p'; }
check "[ -n \"$(val rcont second)\" ] && [ \"$(val rcont second)\" = \"$(val rcont back)\" ] && [ \"$(val rcont third)\" != \"$(val rcont back)\" ]" \
	"rcont: reverse-continue did not return to the previous hit ($(val rcont second) / $(val rcont third) / $(val rcont back))"
expect rcont 'Breakpoint 1, .*do_one_initcall' "rcont stops at the breakpoint"

# --- A watchpoint, then reverse-continue to the store that wrote it -------
stub_start watch replay "$work/smp1.rec" &&
	gdb_run watch 'break kernel_init' 'continue' 'delete' \
		'watch system_state' 'continue' 'echo @@fwd\n' 'print system_state' \
		'continue' 'echo @@later\n' 'print system_state' \
		'reverse-continue' 'echo @@back\n' 'print system_state' \
		'info line *$pc' 'x/i $pc' 'echo @@end\n' 'kill'
expect watch 'Hardware watchpoint 2: system_state' "watch a kernel variable"
check "sed -n '/@@fwd/,/@@later/p' '$work/watch.gdb' | grep -q 'New value = SYSTEM_RUNNING'" \
	"watch: continuing forward did not stop at the next write"
check "sed -n '/@@later/,/@@back/p' '$work/watch.gdb' | grep -qE '^[0-9]+[[:space:]]+system_state = SYSTEM_RUNNING'" \
	"watch: reverse-continue did not stop at the line that writes system_state"
check "section watch back | grep -qE '=> .*:[[:space:]]+(c\\.)?s[bhwd][[:space:]]'" \
	"watch: reverse-continue did not stop at a store instruction: $(section watch back | tail -1)"
check "[ \"\$(section watch later | sed -n 's/^\$[0-9]* = //p')\" != \"\$(section watch back | sed -n 's/^\$[0-9]* = //p' | head -1)\" ]" \
	"watch: the value before the store equals the value after"

# --- Searches that skip: where replaying every interval stops ------------
# max_pfn is written early in the boot; from the end, a reverse watchpoint
# search skips the intervals that stored to no page of it, and must stop
# exactly where one that replays every interval (no-skip) does.
for tune in skip no-skip; do
	export REWIND_TUNE=${tune/#skip/}
	stub_start "$tune" replay "$work/smp1.rec" &&
		gdb_run "$tune" 'continue' 'watch max_pfn' 'reverse-continue' \
			'echo @@stop\n' 'monitor icount' 'x/i $pc' 'echo @@end\n' \
			'monitor checkpoints' 'kill'
	unset REWIND_TUNE
	expect "$tune" 'Hardware watchpoint [0-9]+: max_pfn' "$tune: watch max_pfn"
done
check "[ -n \"\$(section skip stop | grep '^icount')\" ] && [ \"\$(section skip stop)\" = \"\$(section no-skip stop)\" ]" \
	"skip: skipping stopped elsewhere than replaying every interval: $(section skip stop | head -1) / $(section no-skip stop | head -1)"
check "grep -qE 'skipped [1-9][0-9]* where nothing could hit' '$work/skip.gdb'" \
	"skip: the search skipped no interval: $(grep searches "$work/skip.gdb")"
check "grep -qE 'skipped 0 where nothing could hit \(REWIND_TUNE=no-skip\)' '$work/no-skip.gdb'" \
	"no-skip: the search skipped intervals: $(grep searches "$work/no-skip.gdb")"

# --- reverse-finish returns to the caller ---------------------------------
stub_start rfinish replay "$work/smp1.rec" &&
	gdb_run rfinish 'break setup_arch' 'continue' 'next' 'next' 'delete' \
		'reverse-finish' 'echo @@back\n' 'bt 1' 'echo @@end\n' 'kill'
check "section rfinish back | grep -qE '^#0 .*start_kernel'" \
	"rfinish: reverse-finish did not return to start_kernel: $(section rfinish back)"

# --- The beginning of history ---------------------------------------------
stub_start begin replay "$work/smp1.rec" &&
	gdb_run begin 'monitor seek 20' 'maint flush register-cache' \
		'reverse-continue' 'echo @@back\n' 'info registers pc' \
		'monitor icount' 'echo @@end\n' 'kill'
expect begin 'No more reverse-execution history' "reverse-continue to icount 0"
check "section begin back | grep -qE '^pc +0x1000'" \
	"begin: not back at the reset vector: $(section begin back)"
check "section begin back | grep -q '^icount 0'" "begin: icount is not 0"

# --- Monitor commands -----------------------------------------------------
stub_start monitor replay "$work/smp1.rec" &&
	gdb_run monitor 'monitor help' 'monitor seek 3000000' 'monitor icount' \
		'monitor checkpoints' 'monitor info' 'monitor seek 999999999999' \
		'monitor x/3i 0x1000' \
		'monitor nonsense' 'kill'
expect monitor 'monitor seek ICOUNT' "monitor help"
expect monitor '^icount 3000000' "monitor seek then icount"
expect monitor '^[0-9]+ checkpoints' "monitor checkpoints"
expect monitor 'beyond the end|ends at icount' "seek past the end is refused"
expect monitor "unknown monitor command" "an unknown monitor command"
# The boot ROM's first instructions, as the cross toolchain's disassembler
# names them (the ROM is built by core/boot.c: auipc, addi, csrr).
expect monitor '^0x1000:[[:space:]]+auipc' "monitor x/3i: the first ROM instruction"
check "[ \$(grep -cE '^0x10[0-9a-f]{2}:' '$work/monitor.gdb') -eq 3 ]" \
	"monitor x/3i did not print 3 instructions"

# --- A live run: stepping backwards without a recording -------------------
stub_start live run --mem 256M --kernel "$linux/Image" \
	--initrd "$linux/initramfs.cpio" --disk "$work/disk.img" \
	--append "console=ttyS0 panic=-1 rewind.cpus=1" &&
	gdb_run live 'break start_kernel' 'continue' 'echo @@before\n' \
		'info registers' 'echo @@x\n' 'stepi 20' 'reverse-stepi 20' \
		'echo @@back\n' 'info registers' 'echo @@end\n' 'delete' \
		'continue' 'kill'
check "[ -n \"\$(section live before)\" ] && diff <(section live before) <(section live back) >/dev/null" \
	"live: reverse-stepi did not restore the registers"
expect live 'exited normally|exited with code 00' "live: the guest powers off and gdb sees it exit"

# --- Checkpoints restore the machine exactly ------------------------------
# Jump about the recording (back and forth, so checkpoints are restored
# and replayed from), then run to its end with --verify: the final digest
# (every hart's registers and a hash of RAM) must equal the recorded one.
# The points are spread through the boot, where virtio requests are in
# flight and the UART is transmitting.
for n in 1 4; do
	end=$("$rewind" info "$work/smp$n.rec" | sed -n 's/^icount=//p')
	seeks=()
	for f in 913 211 577 989 97 733 401 947 3 661; do
		seeks+=("monitor seek $((end * f / 1000))")
	done
	# A small --checkpoint-mem for one of them: thinning must not
	# change where a seek lands or what the machine holds there.
	mem=()
	[ "$n" = 1 ] && mem=(--checkpoint-mem 4M)
	stub_start "seek$n" replay "$work/smp$n.rec" --verify "${mem[@]}" &&
		gdb_run "seek$n" "${seeks[@]}" 'maint flush register-cache' \
			'continue' 'monitor icount' 'monitor checkpoints' 'kill'
	check "[ \$(grep -c '^at icount' '$work/seek$n.gdb') -eq 10 ]" \
		"seek$n: not every seek arrived: $(grep -v '^at icount' "$work/seek$n.gdb" | head -3)"
	expect "seek$n" 'No more reverse-execution history' "seek$n: continue reaches the end"
	expect "seek$n" "^icount $end\$" "seek$n: the end is at the recorded icount"
	check "! grep -qE 'diverged|differs|failed' '$work/seek$n.err'" \
		"seek$n: the replay diverged after seeking: $(grep -E 'diverged|differs|failed' "$work/seek$n.err")"
done
# Thinning happened within the 4 MiB budget, and the first checkpoint
# (icount 0) stayed.
check "grep -qE 'of 4 MiB .*thinned [1-9]' '$work/seek1.gdb' || grep -qE 'of 4 MiB .*thinned [1-9]' '$work/seek1.err'" \
	"seek1: --checkpoint-mem 4M did not thin the timeline: $(grep -h 'checkpoints,' "$work/seek1.gdb" "$work/seek1.err")"
check "grep -qE '^  icount 0: |checkpoints from icount 0 ' '$work/seek1.gdb' '$work/seek1.err'" \
	"seek1: the first checkpoint was dropped"

# --- A misbehaving client --------------------------------------------------
if stub_start raw replay "$work/smp1.rec"; then
	timeout 120 python3 "$(dirname "$0")/raw_client.py" "$port"
	check "[ $? -eq 0 ]" "raw: the stub mishandled a misbehaving client"
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	kill -KILL "$stub_pid" 2>/dev/null # a hung stub fails, not the suite
	wait "$stub_pid"
	rc=$?
	check "[ $rc -eq 0 ]" "raw: the stub exited $rc: $(tail -3 "$work/raw.err")"
fi

# --- Detaching from a live run lets the guest run on to its poweroff -------
stub_start detach run --mem 256M --kernel "$linux/Image" \
	--initrd "$linux/initramfs.cpio" --disk "$work/disk.img" \
	--append "console=ttyS0 panic=-1 rewind.cpus=1" &&
	gdb_run detach 'break start_kernel' 'continue' 'stepi 5' \
		'reverse-stepi 3' 'detach'
expect detach 'Breakpoint 1, start_kernel' "detach: stopped in the kernel first"
check "grep -q 'rewind-init: all 4 checks passed' '$work/detach.out'" \
	"detach: the guest did not run on to pass its checks"
check "[ \$(grep -c 'Linux version' '$work/detach.out') -eq 1 ]" \
	"detach: guest output was shown again when the past was replayed"

echo "gdb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
