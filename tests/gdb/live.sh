#!/usr/bin/env bash
# Live sessions driven by the real gdb-multiarch against the Linux guest:
# the network, a restored snapshot and a limit. The network: with
# rewind.tcpecho=7 the guest echoes one TCP connection the host makes
# through a hostfwd.
#   record --gdb and run --gdb with --net user,hostfwd=...: a breakpoint
#     on tcp_v4_rcv hits when the host connects; the user sits at it a
#     while (the host connection must live on), continues, and the echo
#     comes back; the kept recording replays with --verify and its pcap
#     shows the echoed bytes.
#   monitor branch in a replay of it: the branch gets a fresh user
#     network, which knows nothing of the original's connection and
#     resets it; the branch replays with --verify.
#   record --gdb --restore SNAP: a snapshot taken while the guest listens,
#     restored into a debugged recording that serves a new forward and
#     replays with --verify.
#   record --gdb --limit ICOUNT: gdb sees the guest exit with 124 there,
#     as record --limit does, and the recording replays to there with
#     --verify and ends with 124.
#   Bad input: a forwarded port in use, a missing snapshot.
# Usage: live.sh REWIND LINUX_DIR
set -u
rewind=$1
linux=$2
vmlinux=$linux/vmlinux
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

for tool in gdb-multiarch python3 tcpdump; do
	command -v $tool >/dev/null || {
		echo "FAIL: $tool is not installed (make deps installs it)"
		exit 1
	}
done
for f in "$vmlinux" "$linux/Image" "$linux/initramfs.cpio"; do
	[ -s "$f" ] || {
		echo "FAIL: $f is missing (make linux builds it)"
		exit 1
	}
done

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

has() { grep -qF -- "$2" "$work/$1"; }
expect() { if has "$1" "$2"; then ok; else bad "$1 lacks '$2' ($3)"; fi; }
sanitizer_clean() { ! grep -qE 'AddressSanitizer|runtime error' "$@"; }
# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# gdb_run NAME WANT COMMANDS...: a batch session against the stub started
# as NAME (output in $work/NAME.gdb); the stub must then end by itself
# with status WANT.
gdb_run() {
	local name=$1 want=$2
	shift 2
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 600 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$vmlinux" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq $want ]" "$name: the stub exited $rc, not $want: $(tail -3 "$work/$name.err")"
	check "sanitizer_clean '$work/$name.err'" "$name: sanitizer report"
}

# echo_client NAME HPORT WATCH: in the background, once WATCH (a file)
# says the guest listens, connect to HPORT, send a known text, read it all
# back; the verdict in $work/NAME.client. A guest that never listens, or
# a forward nobody serves, ends the stub (gdb's continue would otherwise
# wait for the breakpoint as long as its timeout).
data_line='through the forward, under gdb'
echo_client() {
	python3 - "$2" "$3" "$data_line" "$stub_pid" >"$work/$1.client" 2>&1 <<'PY' &
import os, signal, socket, sys, time
port, watch, line = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode()
def give_up(why):
    os.kill(int(sys.argv[4]), signal.SIGTERM)
    sys.exit(why)
deadline = time.time() + 180
while b"tcpecho: listening" not in open(watch, "rb").read():
    if time.time() > deadline:
        give_up("the guest never listened")
    time.sleep(0.1)
data = b"".join(b"%04d %s\n" % (i, line) for i in range(200))
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=300)
except OSError as e:
    give_up("connecting to the forward: %s" % e)
s.sendall(data)
s.shutdown(socket.SHUT_WR)
got = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    got += b
print("echo: sent %d bytes, got %d back, %s" %
      (len(data), len(got), "same" if got == data else "different"))
PY
	client_pid=$!
	pids+=("$client_pid")
}
client_done() {
	timeout 120 tail --pid="$client_pid" -f /dev/null
	check "grep -q 'got 7200 back, same' '$work/$1.client'" \
		"$1: the host's connection did not get its echo: $(cat "$work/$1.client")"
}

# At the breakpoint the user looks around and waits a few seconds (host
# time goes on, the guest's does not), then lets the guest go.
at_break=('break tcp_v4_rcv' 'continue' 'echo @@stopped\n' 'bt 1'
	'shell sleep 3' 'delete' 'continue')

lx=(--mem 256M --kernel "$linux/Image" --initrd "$linux/initramfs.cpio")
append="console=ttyS0 ip=dhcp rewind.tcpecho=7"

# --- record --gdb with a user network --------------------------------------
hport=$(free_port)
stub_start rec record -o "$work/live.rec" "${lx[@]}" \
	--net "user,hostfwd=tcp:127.0.0.1:$hport-:7" --append "$append" && {
	echo_client rec "$hport" "$work/rec.out"
	gdb_run rec 0 "${at_break[@]}"
	client_done rec
}
expect rec.gdb 'Breakpoint 1, tcp_v4_rcv' "the breakpoint hit when the host connected"
expect rec.gdb 'exited normally' "gdb saw the guest power off"
expect rec.out 'rewind-init: tcpecho: echoed 7200 bytes' "the guest echoed it all"
"$rewind" replay "$work/live.rec" --verify >"$work/verify.out" 2>"$work/verify.err"
rc=$?
check "[ $rc -eq 0 ]" "the kept recording replayed with status $rc: $(tail -2 "$work/verify.err")"
expect verify.err 'identical' "replay --verify says so"
check "cmp -s '$work/rec.out' '$work/verify.out'" "the replay's console differs from the live session's"
"$rewind" pcap "$work/live.rec" -o "$work/live.pcap" 2>"$work/pcap.err"
check "[ $? -eq 0 ]" "rewind pcap failed: $(cat "$work/pcap.err")"
tcpdump -nn -A -r "$work/live.pcap" 'src host 10.0.2.15 and src port 7' \
	>"$work/echoed.txt" 2>"$work/tcpdump.err"
check "[ $? -eq 0 ]" "tcpdump -r failed: $(cat "$work/tcpdump.err")"
expect echoed.txt "0199 $data_line" "the pcap shows the guest's echo"

# --- run --gdb with a user network -------------------------------------------
hport=$(free_port)
stub_start run run "${lx[@]}" --net "user,hostfwd=tcp::$hport-:7" \
	--append "$append" && {
	echo_client run "$hport" "$work/run.out"
	gdb_run run 0 "${at_break[@]}"
	client_done run
}
expect run.gdb 'Breakpoint 1, tcp_v4_rcv' "run --gdb: the breakpoint hit when the host connected"
expect run.out 'rewind-init: tcpecho: echoed 7200 bytes' "run --gdb: the guest echoed it all"

# --- a branch gets a fresh user network ---------------------------------------
# At the connection's SYN the replay branches; the guest's answer reaches
# a user network that never saw the connection, which resets it.
stub_start branch replay "$work/live.rec" &&
	gdb_run branch 0 'break tcp_v4_rcv' 'continue' \
		"monitor branch $work/branch.rec" 'continue' 'echo @@reset\n' \
		'bt 1' 'kill'
expect branch.gdb 'branched at icount' "the branch started"
expect branch.gdb '@@reset' "the branch ran to the next segment"
"$rewind" replay "$work/branch.rec" --verify >/dev/null 2>"$work/bverify.err"
expect bverify.err 'identical' "the branch replays on its own: $(tail -2 "$work/bverify.err")"
"$rewind" pcap "$work/branch.rec" -o "$work/branch.pcap" 2>/dev/null
tcpdump -nn -r "$work/branch.pcap" >"$work/branch.txt" 2>&1
check "grep -qE '10.0.2.2.[0-9]+ > 10.0.2.15.7: Flags \[R\]' '$work/branch.txt'" \
	"the branch's fresh user network did not reset the old connection: $(cat "$work/branch.txt")"

# --- record --gdb --restore ------------------------------------------------------
timeout 600 "$rewind" snapshot save -o "$work/listen.snap" "${lx[@]}" --net user \
	--append "$append" --on-output 'tcpecho: listening' </dev/null \
	>"$work/snap.out" 2>"$work/snap.err"
check "[ $? -eq 0 ]" "snapshot save failed: $(tail -2 "$work/snap.err")"
hport=$(free_port)
echo 'tcpecho: listening' >"$work/restored.flag"
stub_start restore record -o "$work/restored.rec" --restore "$work/listen.snap" \
	--net "user,hostfwd=tcp::$hport-:7" && {
	echo_client restore "$hport" "$work/restored.flag"
	gdb_run restore 0 "${at_break[@]}"
	client_done restore
}
expect restore.gdb 'Breakpoint 1, tcp_v4_rcv' "restored: the breakpoint hit"
expect restore.out 'rewind-init: tcpecho: echoed 7200 bytes' "restored: the guest echoed it all"
"$rewind" replay "$work/restored.rec" --verify >"$work/rverify.out" 2>"$work/rverify.err"
rc=$?
check "[ $rc -eq 0 ]" "the restored recording replayed with status $rc: $(tail -2 "$work/rverify.err")"
expect rverify.err 'identical' "the restored recording verifies"
expect rverify.out 'rewind-init: tcpecho: echoed 7200 bytes' "the replay of the restored recording echoes"

# --- record --gdb --limit --------------------------------------------------------
stub_start limit record -o "$work/limit.rec" "${lx[@]}" --append "$append" \
	--limit 30000000 && gdb_run limit 124 'continue'
expect limit.gdb 'exited with code 0174' "gdb sees the run end with 124 at the limit"
expect limit.err 'instruction limit reached at icount 30000000' "rewind says where"
"$rewind" replay "$work/limit.rec" --verify >/dev/null 2>"$work/lverify.err"
rc=$?
check "[ $rc -eq 124 ]" "the limited recording replayed with status $rc, not 124: $(tail -2 "$work/lverify.err")"
expect lverify.err 'verified: 30000000 instructions' "the limited recording verifies to its limit"

# --- bad input ----------------------------------------------------------------------
python3 - "$work/busy.port" <<'PY' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
time.sleep(60)
PY
pids+=($!)
for _ in $(seq 100); do [ -s "$work/busy.port" ] && break; sleep 0.1; done
busy=$(cat "$work/busy.port")
timeout 120 "$rewind" record -o "$work/busy.rec" "${lx[@]}" --net "user,hostfwd=tcp::$busy-:7" \
	--gdb 127.0.0.1:0 </dev/null >/dev/null 2>"$work/busy.err"
rc=$?
check "[ $rc -eq 125 ]" "a forwarded port in use under --gdb: exit $rc, not 125"
expect busy.err "cannot listen on 127.0.0.1:$busy" "the port in use is named"
check "! grep -q 'waiting for gdb' '$work/busy.err'" "the stub listened although the network did not start"
timeout 120 "$rewind" record -o "$work/nosnap.rec" --restore "$work/missing.snap" \
	--gdb 127.0.0.1:0 </dev/null >/dev/null 2>"$work/nosnap.err"
rc=$?
check "[ $rc -eq 125 ]" "a missing snapshot under record --gdb: exit $rc, not 125"
expect nosnap.err 'missing.snap' "the missing snapshot is named"
check "sanitizer_clean '$work/busy.err' '$work/nosnap.err'" \
	"sanitizer report on bad input"

echo "gdb live: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
