# What recording costs over a plain run: the Linux boot of 20-linux.sh
# with 1 and 4 harts. A boot takes a tenth of a second, and the medians
# of a few wall or CPU times of it scatter by more than 10% on a shared
# host, so a 2% overhead cannot show there. Measured instead
# (bench/overhead.py): host instructions of run and record counted
# under callgrind (exact: the noise column is how far two counts of the
# same run differ), and CPU time of BENCH_OVERHEAD_PAIRS (default 20)
# alternating run/record pairs (trimmed mean of the pairs' ratios, noise
# twice its standard error: it shows how far a loaded host lets CPU time
# be trusted). Instructions are not cycles: work that waits on memory
# or on a chain of multiplies costs more time than its count says.
workloads+=(overhead)

bench_overhead() {
	command -v valgrind >/dev/null || {
		echo "bench: valgrind is not installed (apt-get install valgrind)" >&2
		return 1
	}
	truncate -s 16M "$work/odisk.img"
	# An image modified in the last 2 seconds gets no hash cache entry
	# (core/util/hash_cache.c), so a fresh one would be hashed by every
	# record: a user's disk has usually been there longer.
	sleep 3
	local pairs=${BENCH_OVERHEAD_PAIRS:-20} n
	header "record overhead over run" "" "(linux boot; % = record / run - 1)"
	row "" run record "overhead %" "noise %"
	for n in 1 4; do
		local args=(--mem 256M --smp "$n" --kernel "$linux/Image"
			--initrd "$linux/initramfs.cpio" --disk "$work/odisk.img"
			--append "console=ttyS0 panic=-1 rewind.cpus=$n")
		local ir cpu
		ir=$(python3 "$here/overhead.py" ir 0 "$work" "$rewind" "${args[@]}")
		cpu=$(python3 "$here/overhead.py" cpu "$pairs" "$work" "$rewind" \
			"${args[@]}")
		row "--smp $n host instructions" "$(field run "$ir")" \
			"$(field record "$ir")" "$(field overhead "$ir")" \
			"$(field noise "$ir")"
		row "  cpu seconds ($pairs pairs)" "$(field run "$cpu")" \
			"$(field record "$cpu")" "$(field overhead "$cpu")" \
			"$(field noise "$cpu")"
		json_put "record_overhead_smp$n" "{\"run_instructions\": $(field run "$ir"), \"record_instructions\": $(field record "$ir"), \"instructions_percent\": $(field overhead "$ir"), \"instructions_noise_percent\": $(field noise "$ir"), \"run_cpu\": $(field run "$cpu"), \"record_cpu\": $(field record "$cpu"), \"cpu_percent\": $(field overhead "$cpu"), \"cpu_noise_percent\": $(field noise "$cpu"), \"pairs\": $pairs}"
	done
}
