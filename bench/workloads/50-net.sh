# The network: a TFTP transfer into U-Boot (tftpboot of 4 MiB from
# tftp=DIR) and a TCP echo through a hostfwd into the Linux guest
# (rewind.tcpecho: 4 MiB sent, 4 MiB back), each while recording, beside
# the peer emulator's user network on the same guest when installed
# (-netdev user + virtio-net-device). Rates are host wall time for the
# transfer alone; log bytes per MB received from `rewind info`.
workloads+=(net)

net_uboot=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin

# The host side of the echo: connect once the guest listens, push 4 MiB,
# read it back; prints the seconds the transfer took.
net_echo_client() {
	python3 - "$1" "$2" <<'PY'
import os, socket, sys, time
port, out = int(sys.argv[1]), sys.argv[2]
deadline = time.time() + 600
while b"tcpecho: listening" not in open(out, "rb").read():
    if time.time() > deadline:
        sys.exit("the guest never listened")
    time.sleep(0.1)
data = os.urandom(4 << 20)
s = socket.create_connection(("127.0.0.1", port), timeout=600)
t0 = time.time()
s.sendall(data)
s.shutdown(socket.SHUT_WR)
n = 0
while True:
    b = s.recv(1 << 16)
    if not b:
        break
    n += len(b)
print("%.3f" % (time.time() - t0))
sys.exit(0 if n == len(data) else "short echo")
PY
}

net_free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# net_echo_run OUT CMD...: the guest echo under CMD; prints the seconds.
net_echo_run() {
	local out=$1 pid secs
	shift
	"$@" </dev/null >"$out" 2>"$out.err" &
	pid=$!
	secs=$(net_echo_client "$port" "$out")
	wait $pid
	echo "$secs"
}

# net_tftp_run CMD...: U-Boot under CMD gets an address and loads `blob`
# by TFTP; prints the host seconds from typing tftpboot to the next
# prompt (U-Boot's own rate is in the guest's time).
net_tftp_run() {
	python3 - "$@" <<'PY'
import subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
buf = b""
def until(s):
    global buf
    while s not in buf:
        b = p.stdout.read1(4096)
        if not b:
            sys.exit("the guest stopped early")
        buf += b
    buf = buf[buf.index(s) + len(s):]
p.stdin.write(b"\n"); p.stdin.flush()
for cmd in (b"setenv autoload no", b"dhcp"):
    until(b"\n=> ")
    p.stdin.write(cmd + b"\n"); p.stdin.flush()
until(b"\n=> ")
p.stdin.write(b"tftpboot 0x84000000 blob\n"); p.stdin.flush()
t0 = time.time()
until(b"Bytes transferred = 4194304")
t1 = time.time()
until(b"\n=> ")
p.stdin.write(b"poweroff\n"); p.stdin.close()
p.wait()
print("%.3f" % (t1 - t0))
PY
}

bench_net() {
	[ -f "$net_uboot" ] || { echo "bench net: no $net_uboot"; return; }
	mkdir -p "$work/tftp"
	head -c $((4 << 20)) /dev/urandom >"$work/tftp/blob"
	local tf=() pf=() ee=() pe=()
	local peer=false
	command -v qemu-system-riscv64 >/dev/null && peer=true
	for _ in $(seq "$runs"); do
		tf+=("$(net_tftp_run "$rewind" record -o "$work/n.rec" --force \
			--kernel "$net_uboot" --net "user,tftp=$work/tftp")")
		if $peer; then
			pf+=("$(net_tftp_run qemu-system-riscv64 -M virt -m 128M \
				-nographic -monitor none -serial stdio -bios default \
				-kernel "$net_uboot" -netdev "user,id=n,tftp=$work/tftp" \
				-device virtio-net-device,netdev=n)")
		fi
		port=$(net_free_port)
		ee+=("$(net_echo_run "$work/e.out" "$rewind" record -o "$work/e.rec" --force \
			--mem 256M --kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
			--net "user,hostfwd=tcp::$port-:7" \
			--append "console=ttyS0 ip=dhcp rewind.tcpecho=7")")
		if $peer; then
			port=$(net_free_port)
			pe+=("$(net_echo_run "$work/pe.out" qemu-system-riscv64 -M virt \
				-m 256M -nographic -monitor none -serial stdio \
				-bios default -kernel "$linux/Image" \
				-initrd "$linux/initramfs.cpio" \
				-netdev "user,id=n,hostfwd=tcp:127.0.0.1:$port-:7" \
				-device virtio-net-device,netdev=n \
				-append "console=ttyS0 ip=dhcp rewind.tcpecho=7")")
		fi
	done
	local mb=4.194 t p e q rx stored per
	t=$(calc "$mb / $(med "${tf[@]}")")
	e=$(calc "2 * $mb / $(med "${ee[@]}")")
	p=- q=-
	$peer && p=$(calc "$mb / $(med "${pf[@]}")")
	$peer && q=$(calc "2 * $mb / $(med "${pe[@]}")")
	rx=$("$rewind" info "$work/e.rec" | sed -n 's/^frames.received.bytes=//p')
	stored=$("$rewind" info "$work/e.rec" | sed -n 's/^bytes.stored=//p')
	per=$(calc "$stored / ($rx / 1000000)")
	header "network" "" "(MB/s of host wall time, medians of $runs; recording)"
	row "" rewind peer
	row "tftp into U-Boot" "$t" "$p"
	row "tcp echo via hostfwd" "$e" "$q"
	row "log bytes per MB received" "$per" ""
	json_put net "{\"tftp_mb_s\": $t, \"peer_tftp_mb_s\": ${p/-/null}, \"echo_mb_s\": $e, \"peer_echo_mb_s\": ${q/-/null}, \"log_bytes_per_mb_received\": $per}"
}
