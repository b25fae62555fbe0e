#!/usr/bin/env bash
# Whole-machine tests: the multi-hart bare-metal guest, virtio-blk driven as
# teaching kernels written for QEMU's virt board drive it, and Linux booting
# to our init with 1, 2 and 4 harts (with 16-bit ASIDs).
# Usage: run.sh REWIND SMP_ELF LINUX_DIR VBLK_ELF
set -u
rewind=$1
smp_elf=$2
linux=$3
vblk_elf=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for f in "$smp_elf" "$vblk_elf" "$linux/Image" "$linux/initramfs.cpio"; do
	[ -f "$f" ] || { echo "machine: missing $f (make linux?)"; exit 1; }
done

# The bare-metal guest checks IPIs, the PLIC and virtio-blk from inside and
# reports through the finisher.
truncate -s 1M "$work/smp.img"
for n in 1 2 4 8; do
	timeout 120 "$rewind" run --bios none --smp "$n" --disk "$work/smp.img" \
		--kernel "$smp_elf" >"$work/out" 2>&1 </dev/null
	rc=$?
	if [ $rc -eq 0 ]; then ok; else
		bad "smp guest --smp $n exited $rc: $(tail -3 "$work/out")"; fi
done
# Without a disk the guest must notice (its code 9: no block device).
timeout 120 "$rewind" run --bios none --smp 2 --kernel "$smp_elf" \
	>"$work/out" 2>&1 </dev/null
rc=$?
if [ $rc -eq 9 ]; then ok; else bad "smp guest without a disk exited $rc, expected 9"; fi

# The board's identity as such a kernel checks it: vendor id "QEMU", and
# FEATURES_OK kept for a driver that writes only the low 32 feature bits
# (never VERSION_1). Sector 0 carries the marker the guest looks for; it
# writes and reads back sector 1. Its own exit code names a failed step.
printf 'rewind-vblk-sector0' >"$work/vblk.img"
truncate -s 64K "$work/vblk.img"
timeout 120 "$rewind" run --bios none --smp 3 --disk "$work/vblk.img" \
	--kernel "$vblk_elf" >"$work/out" 2>&1 </dev/null
rc=$?
if [ $rc -eq 0 ] && grep -q '^vblk: pass$' "$work/out"; then ok; else
	bad "vblk guest --smp 3 exited $rc: $(tail -3 "$work/out")"; fi
# A recording of it replays identically, on the machine version it names.
timeout 120 "$rewind" record -o "$work/vblk.rwd" --bios none --smp 3 \
	--disk "$work/vblk.img" --kernel "$vblk_elf" >"$work/out" 2>&1 </dev/null
rc=$?
[ $rc -eq 0 ] && ok || bad "vblk record exited $rc: $(tail -3 "$work/out")"
timeout 120 "$rewind" replay --verify "$work/vblk.rwd" >"$work/rout" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q '^vblk: pass$' "$work/rout" && ok ||
	bad "vblk replay --verify exited $rc: $(tail -3 "$work/rout")"
"$rewind" info "$work/vblk.rwd" 2>&1 | grep -q '^machine=rewind-virt-2$' && ok ||
	bad "a new recording does not name machine version 2"

# Linux: every check of our init passes, a piped line comes back, poweroff
# ends the process with status 0, and the disk image is never modified.
truncate -s 16M "$work/linux.img"
before=$(sha256sum <"$work/linux.img")
retired=()
for n in 1 2 4; do
	line="typed-line-$n-$RANDOM$RANDOM"
	echo "$line" | timeout 300 "$rewind" run --stats --mem 256M --smp "$n" \
		--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
		--append "console=ttyS0 panic=-1 rewind.cpus=$n rewind.echo=1" \
		--disk "$work/linux.img" >"$work/raw" 2>&1
	rc=$?
	tr -d '\r' <"$work/raw" >"$work/out" # the guest's tty writes CRLF
	[ $rc -eq 0 ] && ok || bad "linux --smp $n exited $rc: $(tail -5 "$work/out")"
	for c in rng rtc disk cpus; do
		if grep -q "^rewind-init: check $c: ok" "$work/out"; then ok; else
			bad "linux --smp $n: check $c: $(grep "check $c" "$work/out")"
		fi
	done
	grep -q "^rewind-init: all 4 checks passed" "$work/out" && ok ||
		bad "linux --smp $n: no summary line"
	# satp holds 16 ASID bits, so the kernel keeps address spaces
	# apart by ASID rather than by flushing (on QEMU's virt too).
	grep -q "ASID allocator using 16 bits" "$work/out" && ok ||
		bad "linux --smp $n: ASID allocator not enabled: $(grep ASID "$work/out")"
	grep -q "^rewind-init: echo: $line\$" "$work/out" && ok ||
		bad "linux --smp $n: the piped line did not come back"
	grep -qE 'AddressSanitizer|runtime error' "$work/out" &&
		bad "linux --smp $n: sanitizer report"
	retired[n]=$(sed -n 's/^rewind: stats: .* retired \([0-9]*\) .*/\1/p' "$work/out")
done
# Harts that wait give their turn away (scheduler 2): the three the
# firmware holds, first polling a flag for its boot hart, then in a WFI
# that cannot wait (an interrupt pending but masked) until Linux starts
# them, no longer burn whole quanta while the boot hart works, so 4 harts
# boot in under 1.5 times the instructions of one (2.2 times before).
if [ -n "${retired[1]:-}" ] && [ -n "${retired[4]:-}" ] &&
	[ $((retired[4] * 10)) -lt $((retired[1] * 15)) ]; then ok; else
	bad "linux --smp 4 retired ${retired[4]:-?} instructions, --smp 1 ${retired[1]:-?}: spinning harts keep their turns"
fi
after=$(sha256sum <"$work/linux.img")
[ "$before" = "$after" ] && ok || bad "the disk image changed under the overlay"

echo "machine: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
