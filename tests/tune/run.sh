#!/usr/bin/env bash
# The optimisation switches (REWIND_TUNE, see machine_tune_names in
# core/machine.c) change nothing the guest can see: fixed guests retire the
# same instructions, print the same and exit the same under every switch
# alone and all together as with none; a Linux recording made with none
# replays and verifies under each; an unknown switch is refused.
# Usage: run.sh REWIND LINUX_DIR SMP_ELF RACE_ELF ISA_DIR
set -u
rewind=$1
linux=$2
smp_elf=$3
race_elf=$4
isa=$5
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Every switch the core knows, from its table, so a new one is covered.
mapfile -t switches < <(sed -n '/machine_tune_names\[\] = {/,/NULL/p' \
	"$here/../../core/machine.c" | grep -o '"[a-z-]*"' | tr -d '"')
if [ ${#switches[@]} -lt 3 ]; then
	echo "tune: could not read the switch names from core/machine.c"
	exit 1
fi
all=$(
	IFS=,
	echo "${switches[*]}"
)
configs=("" "${switches[@]}" "$all")

# outcome NAME TUNE ARGS...: run the guest; record exit status, the
# instruction counts from --stats and stdout as NAME.<config>.
outcome() {
	local name=$1 tune=$2
	shift 2
	REWIND_TUNE=$tune timeout 300 "$rewind" run --stats "$@" \
		>"$work/out" 2>"$work/err" </dev/null
	local rc=$?
	if grep -qE 'AddressSanitizer|runtime error' "$work/err"; then
		bad "$name under '$tune': sanitizer report: $(head -c 300 "$work/err")"
	fi
	{
		echo "exit $rc"
		grep -o 'stats: icount [0-9]* retired [0-9]*' "$work/err"
		cat "$work/out"
	} >"$work/$name.${tune:-none}"
}

# same NAME ARGS...: the outcome under every configuration equals the
# outcome with none.
same() {
	local name=$1 c
	shift
	for c in "${configs[@]}"; do
		outcome "$name" "$c" "$@"
	done
	if ! grep -q 'stats: icount' "$work/$name.none"; then
		bad "$name: no --stats line: $(head -c 300 "$work/err")"
		return
	fi
	for c in "${configs[@]:1}"; do
		if cmp -s "$work/$name.none" "$work/$name.$c"; then ok; else
			bad "$name under '$c' differs from none: $(diff "$work/$name.none" "$work/$name.$c" | head -4 | tr '\n' ' ')"
		fi
	done
}

# Bare-metal guests: several harts with IPIs and a disk, a racy schedule,
# the ISA tests that page, fence, interrupt and protect, and those of M, F
# and D (whose rows the translation tier has).
truncate -s 1M "$work/smp.img"
same smp4 --bios none --smp 4 --disk "$work/smp.img" --kernel "$smp_elf"
same race --bios none --smp 2 --kernel "$race_elf"
for t in "$isa"/priv/sv*.elf "$isa"/priv/irq_*.elf \
	"$isa"/priv/misaligned_*.elf "$isa"/priv/pmp_*.elf \
	"$isa"/rv64ui/fence_i.elf "$isa"/rv64um/*.elf "$isa"/rv64uf/*.elf \
	"$isa"/rv64ud/*.elf; do
	[ -f "$t" ] || continue
	same "$(basename "$t" .elf)" --bios none --kernel "$t"
done

# Linux under chaos scheduling, recorded with no switch, replays with the
# same transcript and verified state digests under each.
truncate -s 16M "$work/disk.img"
echo "tune-line" | timeout 300 "$rewind" record -o "$work/l.rec" \
	--mem 256M --smp 2 --chaos=777 --kernel "$linux/Image" \
	--initrd "$linux/initramfs.cpio" --disk "$work/disk.img" \
	--append "console=ttyS0 rewind.cpus=2 rewind.echo=1" \
	>"$work/l.out" 2>"$work/l.err"
rec_rc=$?
if [ $rec_rc -eq 0 ]; then ok; else
	bad "linux recording exited $rec_rc: $(tail -2 "$work/l.err")"; fi
for c in "${configs[@]:1}"; do
	REWIND_TUNE=$c timeout 300 "$rewind" replay "$work/l.rec" --verify \
		>"$work/l.rout" 2>"$work/l.rerr" </dev/null
	rc=$?
	if [ $rc -eq $rec_rc ] && cmp -s "$work/l.out" "$work/l.rout"; then ok; else
		bad "linux replay under '$c' exited $rc (recording $rec_rc): $(tail -2 "$work/l.rerr")"
	fi
done

# The other direction for the translation tier: a recording made with it
# off replays and verifies with it on, translating at once or once hot.
echo "tune-line" | REWIND_TUNE=no-jit timeout 300 "$rewind" record \
	-o "$work/n.rec" --mem 256M --smp 2 --chaos=778 \
	--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
	--disk "$work/disk.img" \
	--append "console=ttyS0 rewind.cpus=2 rewind.echo=1" \
	>"$work/n.out" 2>"$work/n.err"
rec_rc=$?
if [ $rec_rc -eq 0 ]; then ok; else
	bad "linux recording under no-jit exited $rec_rc: $(tail -2 "$work/n.err")"; fi
for c in "" no-jit-delay; do
	REWIND_TUNE=$c timeout 300 "$rewind" replay "$work/n.rec" --verify \
		>"$work/n.rout" 2>"$work/n.rerr" </dev/null
	rc=$?
	if [ $rc -eq $rec_rc ] && cmp -s "$work/n.out" "$work/n.rout"; then ok; else
		bad "no-jit linux replay under '$c' exited $rc (recording $rec_rc): $(tail -2 "$work/n.rerr")"
	fi
done

# A switch the core does not know is an error, not silently ignored.
REWIND_TUNE=no-such-switch "$rewind" run --bios none --kernel "$smp_elf" \
	>/dev/null 2>"$work/err" </dev/null
rc=$?
if [ $rc -eq 125 ] && grep -q 'REWIND_TUNE' "$work/err"; then ok; else
	bad "an unknown switch: exit $rc, stderr $(head -c 200 "$work/err")"
fi

echo "tune: $pass passed, $fail failed (switches: $all)"
[ $fail -eq 0 ]
