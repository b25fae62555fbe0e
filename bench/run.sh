#!/usr/bin/env bash
# Benchmarks. Each workload is a file in bench/workloads/ (run in name
# order) defining bench_NAME; helpers are in bench/lib.sh. Every number is
# the median of BENCH_RUNS runs (default 5), except the record overhead's
# (25-overhead.sh: BENCH_OVERHEAD_PAIRS pairs). BENCH_ONLY="compute linux"
# runs some of them. A table goes to stdout, the numbers to
# build/bench.json. REWIND_TUNE=no-chain,no-jcache,... (core/machine.h)
# turns optimisations off, to see what each one is worth.
# Usage: run.sh REWIND COMPUTE_ELF LINUX_DIR [RACE_ELF]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rewind=$(realpath "$1")
compute=$(realpath "$2")
linux=$3
race=${4:+$(realpath "$4")}
runs=${BENCH_RUNS:-5}
out=$(dirname "$rewind")/bench.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

workloads=()
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
for f in "$here"/workloads/*.sh; do
	# shellcheck disable=SC1090
	. "$f"
done

echo "rewind benchmarks, $(nproc) host cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for w in "${workloads[@]}"; do
	case " ${BENCH_ONLY:-$w} " in
	*" $w "*) "bench_$w" ;;
	esac
done

(
	IFS=,
	echo "{\"runs\": $runs, ${json[*]}}"
) >"$out"
echo
echo "results: $out"
