# Shared by the gdb test scripts (sourced): starting a stub. Needs
# $rewind, $work, the pids array and bad() from the sourcing script.

# Start `rewind ARGS... --gdb 127.0.0.1:0` in the background and wait for
# the port it listens on; sets $port and $stub_pid, stdout and stderr in
# $work/NAME.out and $work/NAME.err.
stub_start() {
	local name=$1
	shift
	port=
	: >"$work/$name.err"
	"$rewind" "$@" --gdb 127.0.0.1:0 </dev/null >"$work/$name.out" \
		2>"$work/$name.err" &
	stub_pid=$!
	pids+=("$stub_pid")
	for _ in $(seq 600); do
		port=$(sed -nE 's/.*waiting for gdb on port ([0-9]+).*/\1/p' \
			"$work/$name.err")
		[ -n "$port" ] && return 0
		kill -0 "$stub_pid" 2>/dev/null || break
		sleep 0.1
	done
	bad "$name: the stub did not start: $(cat "$work/$name.err")"
	return 1
}
