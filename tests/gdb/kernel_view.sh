#!/usr/bin/env bash
# The kernel as gdb-multiarch sees it through the stub, against one Linux
# boot recording on 2 harts (replayed) and a live `run --gdb`: physical
# memory mode (Qqemu.PhyMemMode, monitor phys), the machine-state monitor
# commands (info version, info registers, info mtree, pagetable), and the
# kernel's own gdb helpers (vmlinux-gdb.py: lx-version, lx-cmdline,
# lx-dmesg, lx-ps, lx-cpus, $lx_per_cpu).
# Usage: kernel_view.sh REWIND LINUX_DIR
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
for f in "$vmlinux" "$linux/vmlinux-gdb.py" \
	"$linux/scripts/gdb/linux/constants.py"; do
	[ -s "$f" ] || {
		echo "FAIL: $f is missing (make linux builds it)"
		exit 1
	}
done

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# gdb NAME COMMANDS...: a batch session with the kernel's helpers loaded,
# against the stub started as NAME; output in $work/NAME.gdb.
gdb_run() {
	local name=$1
	shift
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 600 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "source $linux/vmlinux-gdb.py" \
		-ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$vmlinux" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq 0 ]" "$name: the stub exited $rc: $(tail -3 "$work/$name.err")"
}
section() { sed -n "/^@@$2\$/,/^@@/p" "$work/$1.gdb" | grep -v '^@@'; }
# has_line NAME SECTION REGEX WHY: a line of the section matches.
has_line() { check "section '$1' '$2' | grep -qE -- '$3'" "$1: $2: no /$3/ ($4): $(section "$1" "$2" | head -3)"; }

append="console=ttyS0 panic=-1 rewind.cpus=2"
truncate -s 16M "$work/disk.img"
machine=(--smp 2 --mem 256M --kernel "$linux/Image"
	--initrd "$linux/initramfs.cpio" --disk "$work/disk.img"
	--append "$append")
timeout 600 "$rewind" record -o "$work/boot.rec" "${machine[@]}" \
	</dev/null >"$work/boot.out" 2>"$work/boot.err"
check "[ $? -eq 0 ]" "recording failed: $(tail -2 "$work/boot.err")"
check "grep -q 'Linux version' '$work/boot.out'" "the console printed no Linux banner"

# The kernel helpers, at the poweroff: every hart up, init running, the
# whole boot in the log.
lx_cmds=('break kernel_power_off' 'continue'
	'echo @@version\n' 'lx-version'
	'echo @@cmdline\n' 'lx-cmdline'
	'echo @@ps\n' 'lx-ps'
	'echo @@cpus\n' 'lx-cpus'
	'echo @@percpu0\n' 'thread 1' 'p $lx_per_cpu("runqueues").cpu'
	'echo @@percpu1\n' 'thread 2' 'p $lx_per_cpu("runqueues").cpu'
	'echo @@percpu_arg\n' 'p $lx_per_cpu("runqueues", 1).cpu'
	'echo @@dmesg\n' 'lx-dmesg' 'echo @@end\n')
# lx_checks NAME CONSOLE: the helpers' answers against what the guest
# printed on its console in that run.
lx_checks() {
	local n=$1 console=$2
	tr -d '\r' <"$console" >"$work/$n.console"
	banner=$(sed -nE 's/^\[ *[0-9.]+\] (Linux version .*)/\1/p' "$work/$n.console")
	check "[ \"\$(section $n version)\" = \"\$banner\" ]" \
		"$n: lx-version is not the banner the console printed: $(section "$n" version)"
	check "[ \"\$(section $n cmdline)\" = \"$append\" ]" \
		"$n: lx-cmdline is not the --append string: $(section "$n" cmdline)"
	has_line "$n" ps '^0x[0-9a-f]+ +0 +swapper' "lx-ps lists the idle task"
	has_line "$n" ps '^0x[0-9a-f]+ +1 +init$' "lx-ps lists init"
	has_line "$n" cpus '^Online CPUs +: \[0, 1\]$' "lx-cpus lists both harts"
	has_line "$n" percpu0 '^\$[0-9]+ = 0$' "\$lx_per_cpu on hart 0 is CPU 0's"
	has_line "$n" percpu1 '^\$[0-9]+ = 1$' "\$lx_per_cpu follows the selected hart"
	has_line "$n" percpu_arg '^\$[0-9]+ = 1$' "\$lx_per_cpu with a CPU argument"
	# Every console line of the kernel up to init is in the log buffer.
	# Without the time stamps: lx-dmesg rounds the nanoseconds where
	# printk truncates them.
	sed -n 's/^\[ *[0-9.]*\] //p; /Run \/init as init process/q' \
		"$work/$n.console" >"$work/$n.klines"
	section "$n" dmesg | sed 's/^\[ *[0-9.]*\] //' >"$work/$n.dmesg"
	check "[ \$(wc -l <'$work/$n.klines') -ge 50 ] && ! grep -qvxFf '$work/$n.dmesg' '$work/$n.klines'" \
		"$n: lx-dmesg lacks console lines: $(grep -vxFf "$work/$n.dmesg" "$work/$n.klines" | head -3)"
}

# --- A replay ----------------------------------------------------------
# The machine state first, while gdb's thread is the hart that stopped
# (the one the monitor commands show); the helpers select threads.
pa_py='python import re; t = gdb.execute("monitor pagetable 0xffffffff80000000", to_string=True); gdb.set_convenience_variable("pa", int(re.search(r"-> pa (0x[0-9a-f]+)", t).group(1), 16))'
stub_start replay replay "$work/boot.rec" &&
	gdb_run replay 'break kernel_power_off' 'continue' \
		'echo @@mversion\n' 'monitor info version' \
		'echo @@mregs\n' 'monitor info registers' \
		'echo @@gregs\n' 'info registers' \
		'info registers mstatus medeleg mideleg mie mtvec mepc mcause mtval mip sstatus sie stvec sepc scause stval sip satp' \
		'echo @@mtree\n' 'monitor info mtree' \
		'echo @@pt\n' 'monitor pagetable 0xffffffff80000000' \
		'echo @@pt_user\n' 'monitor pagetable 0x1000' \
		'echo @@pt_bad\n' 'monitor pagetable 0x100000000000000' \
		'echo @@virt\n' 'x/4gx 0xffffffff80000000' \
		"$pa_py" \
		'echo @@mode0\n' 'maintenance packet qqemu.PhyMemMode' \
		'echo @@set1\n' 'maintenance packet Qqemu.PhyMemMode:1' \
		'echo @@mode1\n' 'maintenance packet qqemu.PhyMemMode' \
		'echo @@phys\n' 'x/4gx $pa' \
		'echo @@mmio\n' 'x/1wx 0x10000000' \
		'echo @@set2\n' 'maintenance packet Qqemu.PhyMemMode:2' \
		'echo @@set0\n' 'maintenance packet Qqemu.PhyMemMode:0' \
		'echo @@virtagain\n' 'x/4gx $pa' \
		'echo @@mon_on\n' 'monitor phys on' 'x/4gx $pa' \
		'maintenance packet qqemu.PhyMemMode' \
		'echo @@mon_off\n' 'monitor phys off' 'x/4gx 0xffffffff80000000' \
		'echo @@bad\n' 'monitor phys maybe' 'monitor info registers 7' \
		'monitor pagetable zz' 'monitor info tlb' 'echo @@end\n' \
		'delete' "${lx_cmds[@]}" 'kill'

has_line replay mversion '^rewind ' "monitor info version"
# Every register monitor info registers shows has gdb's own value.
check "python3 - '$work/replay.gdb' <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def sect(name):
    return text.split('@@' + name + '\n', 1)[1].split('\n@@', 1)[0]
mon = dict(re.findall(r'([a-z][a-z0-9]*) +0x([0-9a-f]{16})', sect('mregs')))
gdb = {m.group(1): int(m.group(2), 16) for m in
       re.finditer(r'^([a-z][a-z0-9]*) +0x([0-9a-f]+)', sect('gregs'), re.M)}
both = [k for k in mon if k in gdb]
bad = [k for k in both if int(mon[k], 16) != gdb[k]]
sys.exit(1 if len(mon) < 50 or len(both) < 49 or bad else 0)
PY" "replay: monitor info registers disagrees with gdb's info registers"
has_line replay mregs '^hart [01], S-mode' "monitor info registers names the hart and its mode"
has_line replay mregs '(^|  )satp +0xa' "monitor info registers shows satp (Sv57)"
has_line replay mtree '^0x0000000010000000-0x00000000100000ff  uart$' "the UART window"
has_line replay mtree '^0x000000000c000000-0x000000000c5fffff  plic$' "the PLIC window"
has_line replay mtree '^0x0000000010001000-0x0000000010001fff  virtio-blk \(virtio-mmio slot 0\)$' "the virtio disk"
has_line replay mtree '^0x0000000080000000-0x000000008fffffff  ram$' "RAM, 256 MiB"
has_line replay pt '^hart [01], S-mode, satp 0xa[0-9a-f]+ \(Sv57, root table at 0x' "pagetable: satp and its mode"
check "[ \$(section replay pt | grep -cE '^level [0-4]: PTE at 0x[0-9a-f]{16} = 0x[0-9a-f]{16} V')  -ge 2 ]" \
	"replay: pagetable shows no valid levels: $(section replay pt)"
has_line replay pt '^level [0-4]: .* V[R-][W-]X.* \(leaf\)$' "pagetable: an executable leaf"
has_line replay pt '^va 0xffffffff80000000 -> pa 0x00000000[0-9a-f]{8}$' "pagetable: the physical address"
has_line replay pt_user 'faults at level' "pagetable: an unmapped user address faults"
has_line replay pt_bad 'outside the Sv57 address range' "pagetable: a non-canonical address"
has_line replay mode0 'received: "0"' "qqemu.PhyMemMode starts virtual"
has_line replay set1 'received: "OK"' "Qqemu.PhyMemMode:1 answers OK"
has_line replay mode1 'received: "1"' "qqemu.PhyMemMode reports physical mode"
virt=$(section replay virt | sed -E 's/^[^:]*:[[:space:]]*//' | tr -s ' \t\n' ' ')
phys=$(section replay phys | sed -E 's/^[^:]*:[[:space:]]*//' | tr -s ' \t\n' ' ')
check "[ -n \"\$virt\" ] && [ \"\$virt\" = \"\$phys\" ] && [[ \"\$virt\" == 0x* ]]" \
	"replay: the kernel text at its PA differs from its VA: '$virt' / '$phys'"
has_line replay mmio 'Cannot access memory at address 0x10000000' "physical mode reads memory only, not device registers"
has_line replay set2 'received: "E16"' "Qqemu.PhyMemMode:2 is refused"
has_line replay set0 'received: "OK"' "Qqemu.PhyMemMode:0"
has_line replay virtagain 'Cannot access memory' "back in virtual mode the PA is not mapped"
has_line replay mon_on 'physical addresses' "monitor phys on"
has_line replay mon_on "^0x[0-9a-f]+:[[:space:]]+${virt%% *}" "monitor phys on reads the PA"
has_line replay mon_on 'received: "1"' "monitor phys on is the mode qqemu.PhyMemMode reports"
has_line replay mon_off 'virtual addresses' "monitor phys off"
has_line replay mon_off "^0xffffffff80000000 <_start>:[[:space:]]+${virt%% *}" "monitor phys off reads the VA"
has_line replay bad 'usage: monitor phys' "monitor phys with a bad argument"
has_line replay bad "no hart .7." "monitor info registers with a hart that is not there"
has_line replay bad 'usage: monitor pagetable VA' "monitor pagetable with a bad address"
check "[ \$(section replay bad | grep -c usage) -ge 3 ]" \
	"replay: monitor info tlb without an address is not refused"
lx_checks replay "$work/boot.out"

# --- A live run ----------------------------------------------------------
stub_start live run "${machine[@]}" &&
	gdb_run live "${lx_cmds[@]}" "$pa_py" \
		'echo @@virt\n' 'x/2gx 0xffffffff80000000' \
		'echo @@set1\n' 'maintenance packet Qqemu.PhyMemMode:1' \
		'echo @@phys\n' 'x/2gx $pa' 'echo @@end\n' 'kill'
lx_checks live "$work/live.out"
virt=$(section live virt | sed -E 's/^[^:]*:[[:space:]]*//')
phys=$(section live phys | sed -E 's/^[^:]*:[[:space:]]*//')
check "[ -n \"\$virt\" ] && [ \"\$virt\" = \"\$phys\" ]" \
	"live: the kernel text at its PA differs from its VA: '$virt' / '$phys'"

echo "gdb kernel view: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
