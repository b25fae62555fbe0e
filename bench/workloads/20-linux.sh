# Linux boot to poweroff with 1 and 4 harts: run, record and replay, and
# the same kernel and initramfs recorded and replayed by the peer emulator
# (qemu-system-riscv64 -icount shift=auto,rr=record) when it is installed.
# The peer records one hart only ("Record/replay feature is not supported
# for 'smp'"), and in plain -icount mode it needs minutes for 4 harts, so
# the --smp 4 row compares our record with the peer's plain run on its
# multi-threaded translator (one host thread a hart, nothing recorded):
# what our one host thread costs. Ratios are ours over the peer's
# (< 1: we are faster). The peer's wall time includes the real-time sleeps
# of icount mode while the guest idles, so CPU time (user + system) is
# compared as well. "boot + hot loop" adds a user-space loop of 100M
# iterations (init's rewind.loop=N) after the boot, recorded by both.
workloads+=(linux)

# peer_args RR [APPEND]: set `peer` to the peer's command line for one
# hart (RR: rr=record or rr=replay), APPEND added to the kernel command
# line. Its disk goes through blkreplay, as record and replay require.
peer_args() {
	peer=(qemu-system-riscv64 -M virt -smp 1 -m 256M -nographic
		-kernel "$linux/Image" -initrd "$linux/initramfs.cpio"
		-append "console=ttyS0 panic=-1 rewind.cpus=1${2:+ $2}"
		-global virtio-mmio.force-legacy=false -device virtio-rng-device
		-icount "shift=auto,$1,rrfile=$work/peer.rr"
		-drive "file=$work/peer.img,format=raw,if=none,id=direct"
		-drive "driver=blkreplay,if=none,image=direct,id=d0"
		-device virtio-blk-device,drive=d0)
}

# peer_mttcg N: set `peer` to the peer's plain run with N harts on its
# multi-threaded translator.
peer_mttcg() {
	peer=(qemu-system-riscv64 -M virt -smp "$1" -m 256M -nographic
		-accel tcg,thread=multi
		-kernel "$linux/Image" -initrd "$linux/initramfs.cpio"
		-append "console=ttyS0 panic=-1 rewind.cpus=$1"
		-global virtio-mmio.force-legacy=false -device virtio-rng-device
		-drive "file=$work/peer.img,format=raw,if=none,id=d0"
		-device virtio-blk-device,drive=d0)
}

bench_linux() {
	truncate -s 16M "$work/disk.img" "$work/peer.img"
	local have_peer=0
	command -v qemu-system-riscv64 >/dev/null && have_peer=1
	[ $have_peer = 1 ] || echo "(no peer: qemu-system-riscv64 is not" \
		"installed; apt-get install qemu-system-misc)"
	header "linux boot to poweroff" "" "(seconds, medians of $runs; ratio: our record / peer's)"
	row "" instructions run record replay "peer" "ratio wall" "ratio cpu"
	echo "(peer: --smp 1 its record, --smp 4 its plain multi-threaded run)"
	local n
	for n in 1 4; do
		local args=(--mem 256M --smp "$n" --kernel "$linux/Image"
			--initrd "$linux/initramfs.cpio" --disk "$work/disk.img"
			--append "console=ttyS0 panic=-1 rewind.cpus=$n")
		local line icount run_w run_c rec_w rec_c rep_w rep_c size
		line=$("$rewind" run --stats "${args[@]}" 2>&1 >/dev/null \
			</dev/null | grep 'stats:')
		icount=$(field retired "$line")
		repeat run_w run_c "$rewind" run "${args[@]}"
		repeat rec_w rec_c "$rewind" record -o "$work/l$n.rec" --force \
			"${args[@]}"
		repeat rep_w rep_c "$rewind" replay "$work/l$n.rec"
		size=$(stat -c %s "$work/l$n.rec")
		local p_w=null p_c=null p_rep=null p_rep_c r_w=- r_c=-
		if [ $have_peer = 1 ] && [ "$n" = 1 ]; then
			peer_args rr=record
			repeat p_w p_c "${peer[@]}"
			peer_args rr=replay
			repeat p_rep p_rep_c "${peer[@]}"
			r_w=$(calc "$rec_w / $p_w")
			r_c=$(calc "$rec_c / $p_c")
		elif [ $have_peer = 1 ]; then
			peer_mttcg "$n"
			repeat p_w p_c "${peer[@]}"
			r_w=$(calc "$rec_w / $p_w")
			r_c=$(calc "$rec_c / $p_c")
		fi
		local show_w=${p_w/null/-} show_c=${p_c/null/-}
		row "linux --smp $n" "$icount" "$run_w" "$rec_w" "$rep_w" \
			"$show_w" "$r_w" "$r_c"
		row "  cpu seconds" "" "$run_c" "$rec_c" "$rep_c" "$show_c"
		local ov_w ov_c
		ov_w=$(calc "100 * ($rec_w / $run_w - 1)")
		ov_c=$(calc "100 * ($rec_c / $run_c - 1)")
		# Medians of a few tenth-of-a-second boots: too noisy for a
		# few per cent; 25-overhead.sh measures it exactly.
		row "  record over run, % wall" "" "" "$ov_w"
		row "  record over run, % cpu" "" "" "$ov_c"
		row "  recording bytes" "$size"
		[ "$p_rep" = null ] || row "  peer replay" "" "" "" "$p_rep"
		json_put "linux_smp$n" "{\"instructions\": $icount, \"run_seconds\": $run_w, \"record_seconds\": $rec_w, \"replay_seconds\": $rep_w, \"run_cpu\": $run_c, \"record_cpu\": $rec_c, \"replay_cpu\": $rep_c, \"recording_bytes\": $size, \"record_overhead_wall_percent\": $ov_w, \"record_overhead_cpu_percent\": $ov_c, \"peer_kind\": \"$([ "$n" = 1 ] && echo record || echo multi-threaded-run)\", \"peer_seconds\": $p_w, \"peer_cpu\": $p_c, \"peer_replay_seconds\": $p_rep}"
	done
	bench_linux_loop "$have_peer"
}

# bench_linux_loop HAVE_PEER: the boot then a 100M-iteration user loop,
# recorded by us and by the peer.
bench_linux_loop() {
	local loop=rewind.loop=100000000
	local args=(--mem 256M --smp 1 --kernel "$linux/Image"
		--initrd "$linux/initramfs.cpio" --disk "$work/disk.img"
		--append "console=ttyS0 panic=-1 rewind.cpus=1 $loop")
	local line icount rec_w rec_c p_w=null p_c=null r_w=- r_c=-
	line=$("$rewind" run --stats "${args[@]}" 2>&1 >/dev/null \
		</dev/null | grep 'stats:')
	icount=$(field retired "$line")
	repeat rec_w rec_c "$rewind" record -o "$work/loop.rec" --force \
		"${args[@]}"
	if [ "$1" = 1 ]; then
		peer_args rr=record "$loop"
		repeat p_w p_c "${peer[@]}"
		r_w=$(calc "$rec_w / $p_w")
		r_c=$(calc "$rec_c / $p_c")
	fi
	row "boot + hot loop" "$icount" "" "$rec_w" "" "${p_w/null/-}" \
		"$r_w" "$r_c"
	row "  cpu seconds" "" "" "$rec_c" "" "${p_c/null/-}"
	json_put linux_hot_loop "{\"instructions\": $icount, \"record_seconds\": $rec_w, \"record_cpu\": $rec_c, \"peer_seconds\": $p_w, \"peer_cpu\": $p_c}"
}
