# Hunt throughput (docs/hunt.md): runs per second with --jobs 1 and
# --jobs 2, on the race guest (30 000-instruction runs: each run's start-up
# — a child process, a recording opened, hashed images, the machine built —
# is most of its cost) and on a Linux boot to poweroff with 2 harts under
# chaos. Rates come from each hunt's own "hunt: N runs in T s" line. The
# race guest fails in about one run in eight, so its hunts end early: the
# runs and seconds of hunts with hunt seeds 1..20 are summed.
workloads+=(hunt)

# hunt_rate VAR JOBS SEEDS RECORD_ARGS...: runs per second over hunts with
# hunt seeds 1..SEEDS.
hunt_rate() {
	local -n rate=$1
	local jobs=$2 seeds=$3
	shift 3
	local n=0 t=0 line s
	for s in $(seq "$seeds"); do
		line=$("$rewind" record -o "$work/hunt.rec" --force --hunt-seed="$s" \
			--jobs="$jobs" "$@" 2>&1 >/dev/null </dev/null |
			grep '^rewind: hunt: ')
		[ -n "$line" ] || {
			echo "bench: no hunt summary from: $*" >&2
			rate=0
			return
		}
		n=$((n + $(sed -E 's/^rewind: hunt: ([0-9]+) runs?.*/\1/' <<<"$line")))
		t=$(calc "$t + $(sed -E 's/.* runs? in ([0-9.]+) s.*/\1/' <<<"$line")")
	done
	rate=$(calc "$n / $t")
}

bench_hunt() {
	[ -n "$race" ] || {
		echo "(hunt: no race guest given to bench/run.sh)"
		return
	}
	truncate -s 16M "$work/hunt-disk.img"
	local linux_args=(--mem 256M --smp 2 --kernel "$linux/Image"
		--initrd "$linux/initramfs.cpio" --disk "$work/hunt-disk.img"
		--append "console=ttyS0 panic=-1 rewind.cpus=2")
	local r1 r2 l1 l2
	hunt_rate r1 1 20 --until-fail=200 --bios none --smp 2 --kernel "$race"
	hunt_rate r2 2 20 --until-fail=200 --bios none --smp 2 --kernel "$race"
	hunt_rate l1 1 1 --until-fail=$((2 * runs)) "${linux_args[@]}"
	hunt_rate l2 2 1 --until-fail=$((2 * runs)) "${linux_args[@]}"
	header "hunt throughput" "" "(runs per second; $(nproc) host cores)"
	row "" "--jobs 1" "--jobs 2" "speed-up"
	row "race guest" "$r1" "$r2" "$(calc "$r2 / $r1")"
	row "linux boot --smp 2" "$l1" "$l2" "$(calc "$l2 / $l1")"
	json_put hunt "{\"race_runs_per_s_jobs1\": $r1, \"race_runs_per_s_jobs2\": $r2, \"linux_runs_per_s_jobs1\": $l1, \"linux_runs_per_s_jobs2\": $l2}"
}
