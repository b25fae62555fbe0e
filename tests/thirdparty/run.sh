#!/usr/bin/env bash
# Third-party tier: software we did not write, unmodified, on our machine.
#   U-Boot (Debian's u-boot-qemu, qemu-riscv64_smode) on Debian's OpenSBI:
#     reaches its prompt, finds our virtio disk, reads a sector the test
#     wrote, recorded and then replayed identically.
#   Linux's KUnit suites (guests/linux/kunit.fragment names them) at boot
#     on 4 harts: every suite and case ok in the KTAP output, recorded and
#     then replayed identically.
# Usage: run.sh REWIND LINUX_KUNIT_DIR
set -u
rewind=$1
kunit=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
uboot=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
fragment=$here/../../guests/linux/kunit.fragment
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# Runs a check command; its failure is reported with the given reason.
expect() {
	local why=$1
	shift
	if "$@"; then ok; else bad "$why"; fi
}

[ -f "$uboot" ] || { echo "thirdparty: missing $uboot (apt-get install u-boot-qemu)"; exit 1; }
for f in "$kunit/Image"; do
	[ -f "$f" ] || { echo "thirdparty: missing $f (make linux-kunit?)"; exit 1; }
done
command -v python3 >/dev/null || { echo "thirdparty: python3 not found"; exit 1; }

# absent REGEX FILE...: no line matches.
absent() { ! grep -qE "$@"; }
sanitizer_clean() { absent 'AddressSanitizer|runtime error' "$@"; }

# Replays REC with --verify; the guest output must equal the recording's.
replay_same() {
	local name=$1 rec=$2 recorded=$3 rc
	timeout 900 "$rewind" replay "$rec" --verify >"$work/$name.replay" \
		2>"$work/$name.replay.err"
	rc=$?
	expect "$name: replay --verify exited $rc: $(tail -3 "$work/$name.replay.err")" \
		[ $rc -eq 0 ]
	expect "$name: the replay's output differs from the recording's" \
		cmp -s "$recorded" "$work/$name.replay"
	expect "$name: sanitizer report in the replay" \
		sanitizer_clean "$work/$name.replay.err"
}

# ---- U-Boot -----------------------------------------------------------
# A 1 MiB disk whose block 2 holds a known text; U-Boot reads it back, shows
# its first bytes and checksums the block.
python3 - "$work/uboot.img" <<'PY'
import sys
img = bytearray(1 << 20)
text = b"rewind third-party tier, block 2. " * 16
img[1024:1536] = text[:512]
open(sys.argv[1], "wb").write(img)
PY
crc=$(python3 -c 'import sys, zlib
print("%08x" % zlib.crc32(open(sys.argv[1], "rb").read()[1024:1536]))' "$work/uboot.img")
before=$(sha256sum <"$work/uboot.img")
timeout 900 python3 "$here/console_drive.py" "$work/uboot.out" $'\n=> ' \
	'virtio scan' 'virtio info' 'virtio read 0x84000000 2 1' \
	'md.b 0x84000000 0x10' 'crc32 0x84000000 0x200' 'poweroff' -- \
	"$rewind" record -o "$work/uboot.rec" --kernel "$uboot" \
	--disk "$work/uboot.img" 2>"$work/uboot.err"
rc=$?
tr -d '\r' <"$work/uboot.out" >"$work/uboot.txt"
expect "uboot: record exited $rc: $(tail -3 "$work/uboot.err")" [ $rc -eq 0 ]
expect "uboot: no U-Boot banner" grep -q '^U-Boot 20' "$work/uboot.txt"
expect "uboot: no prompt" grep -q '^=> virtio scan$' "$work/uboot.txt"
# The vendor string comes from the virtio vendor id: match any.
expect "uboot: virtio info shows no block device: $(grep -A3 '^=> virtio info' "$work/uboot.txt")" \
	grep -qE '^Device 0: .*VirtIO Block Device$' "$work/uboot.txt"
expect "uboot: virtio info does not give the disk's size" \
	grep -qF 'Capacity: 1.0 MB = 0.0 GB (2048 x 512)' "$work/uboot.txt"
expect "uboot: virtio read failed: $(grep -A2 '^=> virtio read' "$work/uboot.txt")" \
	grep -qF 'virtio read: device 0 block # 2, count 1 ... 1 blocks read: OK' \
	"$work/uboot.txt"
expect "uboot: md shows other bytes: $(grep -A1 '^=> md' "$work/uboot.txt")" \
	grep -qF '84000000: 72 65 77 69 6e 64 20 74 68 69 72 64 2d 70 61 72  rewind third-par' \
	"$work/uboot.txt"
expect "uboot: crc32 of the block is not $crc: $(grep '==>' "$work/uboot.txt")" \
	grep -qF "crc32 for 84000000 ... 840001ff ==> $crc" "$work/uboot.txt"
expect "uboot: sanitizer report" sanitizer_clean "$work/uboot.err"
[ -f "$work/uboot.rec" ] && replay_same uboot "$work/uboot.rec" "$work/uboot.out"
after=$(sha256sum <"$work/uboot.img")
expect "uboot: the disk image changed under the overlay" [ "$before" = "$after" ]

# ---- KUnit ------------------------------------------------------------
# The kernel runs its built-in suites before init and powers off; there is
# no initramfs, so a kernel that went on to boot would panic instead.
start=$SECONDS
timeout 1800 "$rewind" record -o "$work/kunit.rec" --smp 4 --mem 256M \
	--kernel "$kunit/Image" \
	--append "console=ttyS0 panic=-1 kunit_shutdown=poweroff" \
	</dev/null >"$work/kunit.out" 2>"$work/kunit.err"
rc=$?
seconds=$((SECONDS - start))
expect "kunit: record exited $rc: $(tail -3 "$work/kunit.err")" [ $rc -eq 0 ]
expect "kunit: sanitizer report" sanitizer_clean "$work/kunit.err"
# KTAP: strip the printk time stamp; suites are "ok N name" at the left,
# cases one level (4 spaces) in, parameters deeper. Any "not ok" fails.
tr -d '\r' <"$work/kunit.out" | sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' >"$work/kunit.ktap"
plan=$(grep -m1 -oE '^1\.\.[0-9]+$' "$work/kunit.ktap" | cut -d. -f3)
suites=$(grep -cE '^ok [0-9]+ ' "$work/kunit.ktap")
cases=$(grep -cE '^    ok [0-9]+ ' "$work/kunit.ktap")
skips=$(grep -cE '^ *ok [0-9]+ .*# SKIP' "$work/kunit.ktap")
notok=$(grep -E '^ *not ok [0-9]+ ' "$work/kunit.ktap")
expect "kunit: no KTAP plan in the output: $(tail -5 "$work/kunit.ktap")" [ -n "$plan" ]
expect "kunit: $suites suites ok of ${plan:-?} planned" [ "$suites" = "${plan:-x}" ]
expect "kunit: failed: $notok" [ -z "$notok" ]
expect "kunit: a suite was skipped: $(grep -E '^ok [0-9]+ .*# SKIP' "$work/kunit.ktap")" \
	absent '^ok [0-9]+ .*# SKIP' "$work/kunit.ktap"
# Every suite the fragment names must have run.
names=$(sed -nE 's/^# suite: ([^ ]+).*/\1/p' "$fragment")
expect "kunit: no suite names in $fragment" [ -n "$names" ]
for s in $names; do
	expect "kunit: suite $s did not report ok" \
		grep -qE "^ok [0-9]+ $s( |\$)" "$work/kunit.ktap"
done
echo "thirdparty: kunit: ${plan:-0} suites, $cases cases ($skips skipped), recorded in $seconds s"
[ -f "$work/kunit.rec" ] && replay_same kunit "$work/kunit.rec" "$work/kunit.out"

echo "thirdparty: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
