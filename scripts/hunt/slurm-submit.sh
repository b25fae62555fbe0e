#!/usr/bin/env bash
# Submit a hunt as a Slurm job array of SHARDS tasks (slurm.sbatch), and
# combine.sh as a job that runs once every task ended (afterany: a task
# that failed leaves a gap combine.sh reports).
# Usage: slurm-submit.sh SHARDS HUNT_SEED -- MACHINE_ARGS...
#   SHARD_SIZE, HUNT_DIR, REWIND from the environment as for slurm.sbatch.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shards=${1:?usage: slurm-submit.sh SHARDS HUNT_SEED -- MACHINE_ARGS...}
seed=${2:?usage: slurm-submit.sh SHARDS HUNT_SEED -- MACHINE_ARGS...}
shift 2
[ "${1:-}" = -- ] && shift
dir=${HUNT_DIR:-$PWD/hunt}
mkdir -p "$dir" || exit 125
array=$(sbatch --parsable --array="0-$((shards - 1))" \
	--export="ALL,HUNT_SEED=$seed,HUNT_DIR=$dir,HUNT_SCRIPTS=$here" \
	"$here/slurm.sbatch" "$@") || exit 125
array=${array%%;*}
echo "array job $array: $shards shards of ${SHARD_SIZE:-1000} runs, hunt seed $seed"
sbatch --parsable --dependency="afterany:$array" --job-name=rewind-hunt-combine \
	--output="$dir/combine.out" --wrap "$here/combine.sh $dir $shards" || exit 125
echo "the answer will be in $dir/combine.out"
