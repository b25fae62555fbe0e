#!/usr/bin/env bash
# The README's walkthroughs, run as written.
#
# Every ```sh block of README.md runs, in order, in one scratch directory
# laid out like the repository: build/rewind (a link to the binary under
# test), build/guests/race.elf, and guests/ (the repository's, for
# guests/linux/build.sh --print-dir). $D is the Linux guest's directory.
# Each block runs in its own `bash -e -o pipefail` with stdin from
# /dev/null and must exit 0, or N when its fence says ```sh status=N.
#
# Every ```gdb block is an interactive session written as
#   $ build/rewind ... --gdb 1234      the stub
#   $ gdb-multiarch FILE [OPTIONS]     the client
#   (gdb) COMMAND                      what the user types
# and runs in batch mode: the stub on a free port, `target remote :1234`
# pointed at it, each COMMAND in order. gdb must print nothing on stderr
# (it reports failed commands there) and the stub must exit 0.
# Usage: run.sh REWIND RACE_ELF LINUX_DIR
set -u
rewind=$(realpath "$1")
race=$(realpath "$2")
linux=${3:-}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readme=$repo/README.md
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work"
stub_pid=
trap '[ -n "$stub_pid" ] && kill $stub_pid 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for tool in gdb-multiarch; do
	command -v $tool >/dev/null || {
		echo "FAIL: $tool is not installed (make deps installs it)"
		exit 1
	}
done
[ -n "$linux" ] && [ -f "$linux/Image" ] && [ -f "$linux/vmlinux" ] || {
	echo "FAIL: no Linux guest in '$linux' (make linux builds it)"
	exit 1
}

# The scratch directory, laid out like the repository.
run=$work/run
mkdir -p "$run/build/guests"
ln -s "$rewind" "$run/build/rewind"
ln -s "$race" "$run/build/guests/race.elf"
ln -s "$repo/guests" "$run/guests"
export D=$linux

# Split the README into blocks: $work/blocks/N.{sh,gdb} and N.fence.
mkdir "$work/blocks"
awk -v dir="$work/blocks" '
	/^```(sh|gdb)( |$)/ && !inblock {
		n++; inblock = 1; lang = $1; sub(/^```/, "", lang)
		file = sprintf("%s/%03d.%s", dir, n, lang)
		print $0 > sprintf("%s/%03d.fence", dir, n)
		printf "" > file
		next
	}
	/^```/ && inblock { inblock = 0; close(file); next }
	inblock { print $0 > file }
' "$readme"
nsh=$(ls "$work/blocks" | grep -c '\.sh$')
ngdb=$(ls "$work/blocks" | grep -c '\.gdb$')
[ "$nsh" -ge 5 ] && [ "$ngdb" -ge 2 ] && ok ||
	bad "README.md has $nsh sh blocks and $ngdb gdb blocks: the walkthroughs are missing"

# run_sh N: one shell block.
run_sh() {
	local b=$work/blocks/$1 want=0
	want=$(sed -nE 's/.*status=([0-9]+).*/\1/p' "$b.fence")
	want=${want:-0}
	(cd "$run" && timeout 300 bash -e -o pipefail "$b.sh") </dev/null \
		>"$b.out" 2>&1
	local rc=$?
	if [ $rc -eq "$want" ]; then
		ok
	else
		bad "README block $1 exited $rc, not $want:"
		sed 's/^/    | /' "$b.sh"
		echo "    output:"
		tail -15 "$b.out" | sed 's/^/    > /'
	fi
}

# run_gdb N: one gdb session in batch mode.
run_gdb() {
	local b=$work/blocks/$1
	local stub_cmd elf cmds=()
	stub_cmd=$(sed -nE 's/^\$ (build\/rewind .*)--gdb 1234(.*)$/\1--gdb 127.0.0.1:0\2/p' "$b.gdb" | sed 's/ *#.*//')
	elf=$(sed -nE 's/^\$ gdb-multiarch +([^ ]+).*/\1/p' "$b.gdb")
	# Options after FILE, as written (e.g. -iex "add-auto-load-safe-path $D").
	local opts
	opts=$(sed -nE 's/^\$ gdb-multiarch +[^ ]+ *(.*)$/\1/p' "$b.gdb" | sed 's/ *#.*//')
	if [ -z "$stub_cmd" ] || [ -z "$elf" ]; then
		bad "README gdb block $1 lacks its '\$ build/rewind ... --gdb 1234' or '\$ gdb-multiarch FILE' line"
		return
	fi
	while IFS= read -r c; do
		if [ "$c" = "target remote :1234" ]; then
			cmds+=(-ex "target remote 127.0.0.1:PORT")
		else
			cmds+=(-ex "$c")
		fi
	done < <(sed -nE 's/^\(gdb\) +(.*[^ ]) *$/\1/p' "$b.gdb" | sed 's/ *#.*//')
	: >"$b.err"
	(cd "$run" && eval "exec $stub_cmd") </dev/null >"$b.stub" 2>"$b.err" &
	stub_pid=$!
	local port=
	for _ in $(seq 600); do
		port=$(sed -nE 's/.*waiting for gdb on port ([0-9]+).*/\1/p' "$b.err")
		[ -n "$port" ] && break
		kill -0 $stub_pid 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$port" ]; then
		bad "README gdb block $1: the stub did not start: $(tail -3 "$b.err")"
		kill $stub_pid 2>/dev/null
		wait $stub_pid 2>/dev/null
		stub_pid=
		return
	fi
	cmds=("${cmds[@]/127.0.0.1:PORT/127.0.0.1:$port}")
	(cd "$run" && eval "elf=$elf opts=($opts)" && timeout 300 gdb-multiarch \
		-batch -nx "${opts[@]}" -ex 'set pagination off' \
		-ex 'set confirm off' "${cmds[@]}" "$elf") >"$b.out" 2>"$b.gerr"
	timeout 60 tail --pid=$stub_pid -f /dev/null
	wait $stub_pid
	local rc=$?
	stub_pid=
	# gdb shows what the target says for the user (rewind's notes, in
	# O packets) on stderr too: those are not errors.
	if grep -qv '^rewind: ' "$b.gerr"; then
		bad "README gdb block $1: gdb reported errors:"
		sed 's/^/    ! /' "$b.gerr"
		tail -15 "$b.out" | sed 's/^/    > /'
	else
		ok
	fi
	[ $rc -eq 0 ] && ok || bad "README gdb block $1: the stub exited $rc: $(tail -3 "$b.err")"
}

for f in "$work"/blocks/*.fence; do
	n=$(basename "$f" .fence)
	if [ -e "$work/blocks/$n.sh" ]; then run_sh "$n"; else run_gdb "$n"; fi
done

# What the walkthroughs promise, beyond running: gdb shows the kernel's
# source and goes back; the race replays; snapshots restore.
expect() { # expect FILE-GLOB REGEX MESSAGE
	if cat $work/blocks/$1 2>/dev/null | grep -qE -- "$2"; then ok; else bad "$3"; fi
}
expect '*.out' 'Breakpoint 1, start_kernel \(\) at .*init/main\.c' "no gdb session stopped at start_kernel"
expect '*.out' '^Old value = [0-9]+$' "no watchpoint stop with values"
expect '*.out' 'No more reverse-execution history' "no session reached an end of the history"
expect '*.out' '^race: lost update' "the race walkthrough shows no lost update"
expect '*.out' 'post-mortem: the guest failed' "the race walkthrough shows no post-mortem"
expect '*.out' 'h[01] M 0x[0-9a-f]+ <racy_increment' "the trace walkthrough shows no racy_increment"
expect '*.out' 'rewind: snapshot of icount [0-9]+ in' "no snapshot was saved"
expect '*.out' '^chain-depth=2$' "no incremental snapshot"

echo "docs tests: $pass passed, $fail failed ($nsh shell blocks, $ngdb gdb sessions)"
[ $fail -eq 0 ]
