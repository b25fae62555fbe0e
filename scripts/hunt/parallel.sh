#!/usr/bin/env bash
# A hunt in shards with GNU parallel, on this machine or over ssh hosts,
# then its answer from combine.sh: the run a single
# `rewind record --until-fail` of the same hunt seed would keep.
# Usage: parallel.sh [-r REWIND] [-S SSHLOGINS] [-b FILE]... [-j N]
#                    -n SHARDS -z SIZE -s SEED -d OUTDIR -- RECORD_ARGS...
#   -n SHARDS -z SIZE  runs 1..SHARDS*SIZE, SIZE per shard
#   -j N               shards at once per host (default 1: each shard's
#                      rewind already uses every core; add --jobs=1 to
#                      RECORD_ARGS and raise -j for many small shards)
#   -S SSHLOGINS       parallel's --sshlogin (host1,2/host2,: for this
#                      machine too); each host gets shard.sh, rewind (-r)
#                      and every -b FILE (the images) copied into its work
#                      directory, and sends back the shard's result, log
#                      and recording. Name those files by relative paths.
#                      RECORD_ARGS should include --pack, so a recording
#                      made on a host replays here without its images.
# Prints combine.sh's line; exits as combine.sh does.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rewind=rewind logins= per_host=1 shards= size= seed= out=
base=()
usage() {
	echo "usage: parallel.sh [-r REWIND] [-S SSHLOGINS] [-b FILE]... [-j N] -n SHARDS -z SIZE -s SEED -d OUTDIR -- RECORD_ARGS..." >&2
	exit 125
}
while getopts 'r:S:b:j:n:z:s:d:' o; do
	case $o in
	r) rewind=$OPTARG ;;
	S) logins=$OPTARG ;;
	b) base+=(--basefile "$OPTARG") ;;
	j) per_host=$OPTARG ;;
	n) shards=$OPTARG ;;
	z) size=$OPTARG ;;
	s) seed=$OPTARG ;;
	d) out=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
[ -n "$shards" ] && [ -n "$size" ] && [ -n "$seed" ] && [ -n "$out" ] || usage
command -v parallel >/dev/null || {
	echo "parallel.sh: GNU parallel is not installed (apt-get install parallel)" >&2
	exit 125
}
mkdir -p "$out" || exit 125
rm -f "$out"/shard-*.result
# --halt never: every shard runs to its end, so that the lowest failing
# run is known (a higher shard failing first says nothing about a lower
# one). -q keeps RECORD_ARGS as they are.
if [ -z "$logins" ]; then
	parallel --halt never -j "$per_host" -q "$here/shard.sh" -r "$rewind" \
		-k '{}' -n "$size" -s "$seed" -d "$out" -- "$@" \
		::: $(seq 0 $((shards - 1)))
else
	# On the hosts everything lives in the login's home directory:
	# shard.sh ("/./": copied without its directories) and rewind beside
	# the images, results in OUTDIR under it.
	case $rewind in */*) base+=(--basefile "$rewind") ;; esac
	parallel --halt never -j "$per_host" --sshlogin "$logins" \
		--basefile "$here/./shard.sh" "${base[@]}" \
		--return "$out/shard-{}.result" --return "$out/shard-{}.log" \
		--return "$out/shard-{}.rec" --return "$out/shard-{}.out" --cleanup \
		-q ./shard.sh -r "$rewind" -k '{}' -n "$size" -s "$seed" \
		-d "$out" -- "$@" ::: $(seq 0 $((shards - 1)))
fi
"$here/combine.sh" "$out" "$shards"
