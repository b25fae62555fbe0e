# Searches that skip (history/skip.h), through the gdb stub (bench/skip.py
# talks the protocol itself): from the end of a recording, one
# reverse-continue with a write watchpoint on a kernel variable over a
# ~650M-instruction Linux recording (the boot, then init's rewind.work=490:
# rounds of a user loop, file writes, fork, pipes and /proc reads), on
# (a) a hot variable, jiffies_64; (b) one written only in early boot on a
# page written all the time, max_pfn; (c) one written only in early boot,
# riscv_timebase; and one to a breakpoint hit once near the start of a
# ~3G-instruction recording (bench/once/once.S). Each also with
# REWIND_TUNE=no-skip, which replays every interval as searches did before.
# The long recording is kept in $REWIND_CACHE (default /var/cache/rewind).
workloads+=(skip)

# skip_search NAME REC KIND ADDR: medians of the search's seconds with and
# without skipping into skip_on / skip_off.
skip_search() {
	local name=$1 rec=$2 kind=$3 addr=$4 i tune port pid on=() off=()
	for i in $(seq "$runs"); do
		for tune in "" no-skip; do
			REWIND_TUNE=$tune "$rewind" replay "$rec" --gdb 127.0.0.1:0 \
				</dev/null >/dev/null 2>"$work/skip.err" &
			pid=$!
			port=
			while [ -z "$port" ] && kill -0 "$pid" 2>/dev/null; do
				sleep 0.05
				port=$(sed -nE 's/.*on port ([0-9]+).*/\1/p' "$work/skip.err")
			done
			python3 "$here/skip.py" "$port" "$name" "$kind" "$addr" \
				>"$work/skip.out" || true
			wait "$pid"
			local v
			v=$(awk -v k="$name" '$1 == k {print $2}' "$work/skip.out")
			if [ -z "$tune" ]; then on+=("$v"); else off+=("$v"); fi
			skip_counts=$(awk -v k="$name" '$1 == k "-replayed" {r=$2}
				$1 == k "-skipped" {s=$2} END {print r "/" s}' "$work/skip.out")
			[ -z "$tune" ] && skip_seen=$skip_counts
		done
	done
	skip_on=$(med "${on[@]}")
	skip_off=$(med "${off[@]}")
}

bench_skip() {
	local vmlinux=$linux/vmlinux addr var key all=()
	truncate -s 16M "$work/sdisk.img"
	"$rewind" record -o "$work/skip.rec" --force --mem 256M --smp 1 \
		--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
		--disk "$work/sdisk.img" \
		--append "console=ttyS0 panic=-1 rewind.cpus=1 rewind.work=490" \
		</dev/null >/dev/null 2>&1
	header "searches that skip" "" "(seconds, medians of $runs; intervals replayed/skipped)"
	row "" skip no-skip intervals
	for var in jiffies_64:watch-hot:hot max_pfn:watch-hot-page:hot-page \
		riscv_timebase:watch-early:boot; do
		local what=${var##*:}
		var=${var%:*}
		key=${var#*:}
		var=${var%%:*}
		addr=$(nm "$vmlinux" | awk -v v="$var" '$3 == v {print $1}')
		skip_search "$key" "$work/skip.rec" watch "$addr"
		row "watch $var ($what)" "$skip_on" "$skip_off" "$skip_seen"
		all+=("\"$key\": $skip_on" "\"$key-no-skip\": $skip_off")
	done

	# The long recording, made once and kept.
	local cache=${REWIND_CACHE:-/var/cache/rewind}/bench-once
	local elf=$cache/once.elf rec=$cache/once-3g.rec
	mkdir -p "$cache"
	if [ ! -s "$rec" ] || [ "$here/once/once.S" -nt "$rec" ]; then
		riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
			-nostdlib -nostartfiles -T "$here/../guests/isa/common/link.ld" \
			"$here/once/once.S" -o "$elf"
		# It ends at --limit, which is status 124.
		"$rewind" record -o "$rec.tmp" --force --bios none --kernel "$elf" \
			--limit 3000000000 </dev/null >/dev/null 2>&1 ||
			[ $? -eq 124 ] || {
			echo "bench: recording $rec failed" >&2
			return 1
		}
		mv "$rec.tmp" "$rec"
	fi
	addr=$(nm "$elf" | awk '$3 == "once" {print $1}')
	skip_search break-3g "$rec" break "$addr"
	row "break once (3G spin)" "$skip_on" "$skip_off" "$skip_seen"
	all+=("\"break-3g\": $skip_on" "\"break-3g-no-skip\": $skip_off")
	local IFS=,
	json_put skip "{${all[*]}}"
}
