#!/usr/bin/env bash
# The network card and the user network, driven by real software:
#   U-Boot (Debian's u-boot-qemu) runs dhcp against the built-in server,
#     pings the gateway and loads a file by TFTP from tftp=DIR whose crc32
#     must match the host's; recorded, replayed with --verify (without a
#     single socket: no user network in a replay), exported with
#     `rewind pcap` and read back by tcpdump; again under --chaos.
#   Linux (guests/linux, ip=dhcp) echoes what the host sends through a
#     hostfwd (rewind.tcpecho), and talks to a server on the host's
#     loopback through the gateway (rewind.tcpget); both recorded and
#     replayed identically, the pcap showing the DHCP exchange and the TCP
#     segments.
#   A snapshot of a Linux guest with the card restores into a run with a
#     fresh user network that still serves a forwarded connection.
#   Bad input: malformed --net options, a forwarded port in use, a missing
#     TFTP directory, a recording with a malformed frame record.
# Usage: run.sh REWIND REC_EDIT LINUX_DIR
set -u
rewind=$1
rec_edit=$2
linux=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
drive=$here/../thirdparty/console_drive.py
uboot=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	rm -rf "$work"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect() {
	local why=$1
	shift
	if "$@"; then ok; else bad "$why"; fi
}

[ -f "$uboot" ] || { echo "net: missing $uboot (apt-get install u-boot-qemu)"; exit 1; }
for f in Image initramfs.cpio; do
	[ -f "$linux/$f" ] || { echo "net: missing $linux/$f (make linux)"; exit 1; }
done
for t in python3 tcpdump strace; do
	command -v $t >/dev/null || { echo "net: $t not found (apt-get install $t)"; exit 1; }
done

absent() { ! grep -qE "$@"; }
sanitizer_clean() { absent 'AddressSanitizer|runtime error' "$@"; }
# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# replay_same NAME REC OUT: replay --verify exits 0 with REC's output OUT,
# and opens no socket (strace sees every socket call of the process).
replay_same() {
	local name=$1 rec=$2 out=$3 rc
	timeout 900 "$rewind" replay "$rec" --verify >"$work/$name.replay" \
		2>"$work/$name.replay.err"
	rc=$?
	# Again under strace (the leak checker cannot run under ptrace), and
	# in the interpreter: recorded with the translation tier, it verifies
	# without it too.
	ASAN_OPTIONS=detect_leaks=0 REWIND_TUNE=no-jit strace -f -qq \
		-e trace=socket -o "$work/$name.strace" timeout 900 \
		"$rewind" replay "$rec" --verify >"$work/$name.replay2" \
		2>"$work/$name.replay2.err"
	local rc2=$?
	expect "$name: replay --verify exited $rc: $(tail -3 "$work/$name.replay.err")" \
		[ $rc -eq 0 ]
	expect "$name: the replay's output differs from the recording's" \
		cmp -s "$out" "$work/$name.replay"
	expect "$name: replay --verify without the translation tier exited $rc2: $(tail -3 "$work/$name.replay2.err")" \
		[ $rc2 -eq 0 ]
	expect "$name: the replay's output without the translation tier differs" \
		cmp -s "$out" "$work/$name.replay2"
	expect "$name: the replay opened sockets (a user network): $(head -3 "$work/$name.strace")" \
		absent 'socket\(' "$work/$name.strace"
	expect "$name: sanitizer report in the replay" \
		sanitizer_clean "$work/$name.replay.err"
}

# pcap_has NAME REGEX DESC: the recording's pcap, as tcpdump prints it.
pcap_has() {
	expect "$1: the pcap shows no $3: $(head -5 "$work/$1.tcpdump")" \
		grep -qE "$2" "$work/$1.tcpdump"
}
pcap_read() {
	local name=$1 rc
	"$rewind" pcap "$work/$name.rec" -o "$work/$name.pcap" 2>"$work/$name.pcap.err"
	rc=$?
	expect "$name: rewind pcap exited $rc: $(cat "$work/$name.pcap.err")" [ $rc -eq 0 ]
	tcpdump -nn -r "$work/$name.pcap" >"$work/$name.tcpdump" 2>"$work/$name.tcpdump.err"
	rc=$?
	expect "$name: tcpdump -r exited $rc: $(cat "$work/$name.tcpdump.err")" [ $rc -eq 0 ]
}

# ---- bad options ------------------------------------------------------
for v in foo user,hostfwd=udp::5555-:7 user,hostfwd=tcp::0-:7 \
	user,hostfwd=tcp::5555-:99999 user,hostfwd=tcp:1.2.3:5555-:7 \
	user,bogus=1 'user,hostfwd=tcp::5555'; do
	"$rewind" run --kernel "$uboot" --net "$v" </dev/null >/dev/null 2>"$work/opt.err"
	rc=$?
	expect "--net $v: accepted (exit $rc)" [ $rc -ne 0 ]
	expect "--net $v: no message naming --net: $(cat "$work/opt.err")" \
		grep -q -- '--net' "$work/opt.err"
done
"$rewind" run --kernel "$uboot" --net user,tftp="$work/nowhere" </dev/null \
	>/dev/null 2>"$work/tftp.err"
rc=$?
expect "missing tftp dir: exit $rc, not 125" [ $rc -eq 125 ]
expect "missing tftp dir: no message: $(cat "$work/tftp.err")" \
	grep -q 'not a directory' "$work/tftp.err"
# A forwarded port someone else holds.
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
"$rewind" run --kernel "$uboot" --net "user,hostfwd=tcp::$busy-:7" </dev/null \
	>/dev/null 2>"$work/busy.err"
rc=$?
expect "port in use: exit $rc, not 125" [ $rc -eq 125 ]
expect "port in use: no message: $(cat "$work/busy.err")" \
	grep -q "cannot listen on 127.0.0.1:$busy" "$work/busy.err"

# ---- U-Boot: dhcp, ping, tftpboot --------------------------------------
mkdir -p "$work/tftp"
python3 -c 'import os, sys; open(sys.argv[1], "wb").write(os.urandom(200000))' \
	"$work/tftp/payload.bin"
crc=$(python3 -c 'import sys, zlib
print("%08x" % zlib.crc32(open(sys.argv[1], "rb").read()))' "$work/tftp/payload.bin")
uboot_net() {
	local name=$1 rc
	shift
	timeout 900 python3 "$drive" "$work/$name.out" $'\n=> ' \
		'setenv autoload no' 'dhcp' 'ping 10.0.2.2' \
		'tftpboot 0x84000000 payload.bin' 'crc32 0x84000000 ${filesize}' \
		'poweroff' -- \
		"$rewind" record -o "$work/$name.rec" "$@" --kernel "$uboot" \
		--net "user,tftp=$work/tftp" 2>"$work/$name.err"
	rc=$?
	tr -d '\r' <"$work/$name.out" >"$work/$name.txt"
	expect "$name: record exited $rc: $(tail -3 "$work/$name.err")" [ $rc -eq 0 ]
	expect "$name: dhcp did not bind 10.0.2.15: $(grep -A3 '^=> dhcp' "$work/$name.txt")" \
		grep -q 'DHCP client bound to address 10.0.2.15' "$work/$name.txt"
	expect "$name: the gateway did not answer the ping" \
		grep -q 'host 10.0.2.2 is alive' "$work/$name.txt"
	expect "$name: tftpboot did not load the whole file" \
		grep -q 'Bytes transferred = 200000' "$work/$name.txt"
	expect "$name: crc32 of the loaded file is not the host's $crc: $(grep 'crc32 for' "$work/$name.txt")" \
		grep -q "==> $crc" "$work/$name.txt"
	expect "$name: sanitizer report" sanitizer_clean "$work/$name.err"
	replay_same "$name" "$work/$name.rec" "$work/$name.out"
}
uboot_net uboot
"$rewind" info "$work/uboot.rec" >"$work/uboot.info"
expect "uboot: info has no net=user" grep -q '^net=user$' "$work/uboot.info"
expect "uboot: info counts no received frames" \
	grep -qE '^frames.received=[1-9]' "$work/uboot.info"
expect "uboot: info counts no sent frames" \
	grep -qE '^frames.sent=[1-9]' "$work/uboot.info"
pcap_read uboot
pcap_has uboot 'BOOTP/DHCP, Request from 52:54:00:12:34:56' 'DHCP request'
pcap_has uboot '10.0.2.2.67 > .*BOOTP/DHCP, Reply' 'DHCP reply'
pcap_has uboot '10.0.2.2 > 10.0.2.15: ICMP echo reply' 'ping reply'
pcap_has uboot 'TFTP.*RRQ "payload.bin"' 'TFTP read request'

uboot_net uboot-chaos --chaos=4242
expect "uboot-chaos: the header has no chaos seed" \
	grep -q '^chaos-seed=4242$' <("$rewind" info "$work/uboot-chaos.rec")

# A malformed frame record: replay and pcap call the recording corrupt.
for n in 13 4000; do
	"$rec_edit" "$work/uboot.rec" "$work/cut$n.rec" cut-frame $n 2>"$work/cut$n.edit"
	expect "cut-frame $n: rec_edit failed: $(cat "$work/cut$n.edit")" [ -s "$work/cut$n.rec" ]
	"$rewind" replay "$work/cut$n.rec" >/dev/null 2>"$work/cut$n.err"
	rc=$?
	expect "cut-frame $n: replay exited $rc" [ $rc -ne 0 ] && [ $rc -lt 128 ]
	expect "cut-frame $n: replay did not call it malformed: $(tail -2 "$work/cut$n.err")" \
		grep -q 'malformed record' "$work/cut$n.err"
	"$rewind" pcap "$work/cut$n.rec" -o "$work/cut$n.pcap" 2>"$work/cut$n.perr"
	rc=$?
	expect "cut-frame $n: pcap exited $rc, not 125" [ $rc -eq 125 ]
	expect "cut-frame $n: pcap did not call it malformed: $(cat "$work/cut$n.perr")" \
		grep -q 'malformed record' "$work/cut$n.perr"
	expect "cut-frame $n: pcap left a file behind" [ ! -e "$work/cut$n.pcap" ]
	expect "cut-frame $n: sanitizer report" \
		sanitizer_clean "$work/cut$n.err" "$work/cut$n.perr"
done
"$rewind" pcap "$work/uboot.rec" -o "$work/uboot.rec" 2>"$work/self.err"
expect "pcap onto its own recording: accepted" [ $? -eq 125 ]
expect "pcap onto its own recording: the recording changed" \
	"$rewind" replay "$work/uboot.rec" --verify >/dev/null 2>&1

# ---- Linux: TCP both ways ---------------------------------------------
cp "$linux/Image" "$linux/initramfs.cpio" "$work/"
lx=(--mem 256M --kernel "$work/Image" --initrd "$work/initramfs.cpio")

# The host's side of rewind.tcpecho: connect through the forward once the
# guest listens, send DATA, read it all back.
echo_client() {
	python3 - "$1" "$2" <<'PY'
import socket, sys, time
port, out = int(sys.argv[1]), sys.argv[2]
deadline = time.time() + 600
while time.time() < deadline:
    if b"tcpecho: listening" in open(out, "rb").read():
        break
    time.sleep(0.2)
data = b"".join(b"line %04d through the forward\n" % i for i in range(400))
# rewind binds the forward once it has started (a restored run may still
# be loading its snapshot): until then the port refuses.
while True:
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=300)
        break
    except ConnectionRefusedError:
        if time.time() > deadline:
            raise
        time.sleep(0.2)
s.sendall(data)
s.shutdown(socket.SHUT_WR)
got = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    got += b
sys.exit(0 if got == data else "echo: sent %d bytes, got %d back" % (len(data), len(got)))
PY
}

port=$(free_port)
"$rewind" record -o "$work/echo.rec" "${lx[@]}" \
	--net "user,hostfwd=tcp::$port-:7" \
	--append "console=ttyS0 ip=dhcp rewind.tcpecho=7" \
	</dev/null >"$work/echo.out" 2>"$work/echo.err" &
rpid=$!
pids+=($rpid)
echo_client "$port" "$work/echo.out" 2>"$work/echo.client"
crc_rc=$?
wait $rpid
rc=$?
expect "echo: the host's client failed: $(tail -2 "$work/echo.client")" [ $crc_rc -eq 0 ]
expect "echo: record exited $rc: $(tail -3 "$work/echo.err")" [ $rc -eq 0 ]
expect "echo: the kernel got no DHCP lease: $(grep IP-Config "$work/echo.out" | head -3)" \
	grep -q 'IP-Config: Got DHCP answer from 10.0.2.2, my address is 10.0.2.15' "$work/echo.out"
expect "echo: the guest did not echo it all: $(grep tcpecho "$work/echo.out")" \
	grep -q 'rewind-init: tcpecho: echoed 12000 bytes' "$work/echo.out"
expect "echo: sanitizer report" sanitizer_clean "$work/echo.err"
replay_same echo "$work/echo.rec" "$work/echo.out"
pcap_read echo
pcap_has echo 'BOOTP/DHCP, Request from 52:54:00:12:34:56' 'DHCP request'
pcap_has echo 'BOOTP/DHCP, Reply' 'DHCP reply'
pcap_has echo '10.0.2.2.[0-9]+ > 10.0.2.15.7: Flags \[S\]' 'SYN to the guest'
pcap_has echo '10.0.2.15.7 > 10.0.2.2.[0-9]+: Flags \[P\.\].*length [1-9]' 'echoed data'
pcap_has echo '10.0.2.15.7 > 10.0.2.2.[0-9]+: Flags \[[^]]*F' 'FIN from the guest'

# The guest calls out: a server on the host's loopback, through 10.0.2.2.
python3 - "$work/srv.port" <<'PY' &
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(600)
c, _ = s.accept()
line = b""
while not line.endswith(b"\n"):
    b = c.recv(100)
    if not b:
        break
    line += b
c.sendall(b"host heard: " + line + b"pong from the host\n")
c.close()
PY
pids+=($!)
for _ in $(seq 100); do [ -s "$work/srv.port" ] && break; sleep 0.1; done
sport=$(cat "$work/srv.port")
timeout 900 "$rewind" record -o "$work/get.rec" "${lx[@]}" --net user \
	--append "console=ttyS0 ip=dhcp rewind.tcpget=$sport" \
	</dev/null >"$work/get.out" 2>"$work/get.err"
rc=$?
expect "get: record exited $rc: $(tail -3 "$work/get.err")" [ $rc -eq 0 ]
expect "get: the host did not hear the guest: $(grep tcpget "$work/get.out")" \
	grep -q 'rewind-init: tcpget: host heard: hello from the guest' "$work/get.out"
expect "get: the guest did not get the reply" \
	grep -q 'rewind-init: tcpget: pong from the host' "$work/get.out"
replay_same get "$work/get.rec" "$work/get.out"
pcap_read get
pcap_has get "10.0.2.15.[0-9]+ > 10.0.2.2.$sport: Flags \[S\]" 'SYN from the guest'

# ---- a snapshot with the card -----------------------------------------
timeout 900 "$rewind" snapshot save -o "$work/echo.snap" "${lx[@]}" --net user \
	--append "console=ttyS0 ip=dhcp rewind.tcpecho=7" \
	--on-output 'tcpecho: listening' </dev/null >"$work/snap.out" 2>"$work/snap.err"
rc=$?
expect "snapshot: save exited $rc: $(tail -2 "$work/snap.err")" [ $rc -eq 0 ]
expect "snapshot: the card is not in its machine" \
	grep -q '^net=user$' <("$rewind" snapshot info "$work/echo.snap")
port=$(free_port)
"$rewind" run --restore "$work/echo.snap" --net "user,hostfwd=tcp::$port-:7" \
	</dev/null >"$work/restored.out" 2>"$work/restored.err" &
rpid=$!
pids+=($rpid)
# The restored guest listens already; its output starts after the save.
echo 'tcpecho: listening' >>"$work/restored.out.flag"
echo_client "$port" "$work/restored.out.flag" 2>"$work/restored.client"
crc_rc=$?
wait $rpid
rc=$?
expect "restored: the host's client failed: $(tail -2 "$work/restored.client")" [ $crc_rc -eq 0 ]
expect "restored: run exited $rc: $(tail -3 "$work/restored.err")" [ $rc -eq 0 ]
expect "restored: the guest did not echo it all: $(grep tcpecho "$work/restored.out")" \
	grep -q 'rewind-init: tcpecho: echoed 12000 bytes' "$work/restored.out"
"$rewind" run --restore "$work/echo.snap" --net bogus </dev/null >/dev/null 2>&1
expect "restored: a bad --net was accepted" [ $? -ne 0 ]

echo "net: $pass passed, $fail failed"
[ $fail -eq 0 ]
