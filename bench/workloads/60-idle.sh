# An idle shell: the Linux guest (rewind.echo=1) waits for a line at a
# terminal with only its timers pending; the share of one host core it
# uses over a few seconds (bench/idle.py), beside the peer emulator
# running the same guest when installed.
workloads+=(idle)
bench_idle() {
	truncate -s 16M "$work/idisk.img" "$work/ipeer.img"
	local secs=${BENCH_IDLE_SECONDS:-5} ours peer=-
	ours=$(python3 "$here/idle.py" "$secs" "all 4 checks passed" \
		"$rewind" run --mem 256M --kernel "$linux/Image" \
		--initrd "$linux/initramfs.cpio" --disk "$work/idisk.img" \
		--append "console=ttyS0 panic=-1 rewind.cpus=1 rewind.echo=1")
	if command -v qemu-system-riscv64 >/dev/null; then
		peer=$(python3 "$here/idle.py" "$secs" "all 4 checks passed" \
			qemu-system-riscv64 -M virt -smp 1 -m 256M -nographic \
			-kernel "$linux/Image" -initrd "$linux/initramfs.cpio" \
			-append "console=ttyS0 panic=-1 rewind.cpus=1 rewind.echo=1" \
			-global virtio-mmio.force-legacy=false \
			-device virtio-rng-device \
			-drive "file=$work/ipeer.img,format=raw,if=none,id=d0" \
			-device virtio-blk-device,drive=d0)
	fi
	header "idle shell at a terminal" "" "(% of one host core over $secs s)"
	row "" rewind peer
	row "idle Linux shell cpu %" "$ours" "$peer"
	json_put idle "{\"shell_cpu_percent\": $ours, \"peer_shell_cpu_percent\": ${peer/-/null}}"
}
