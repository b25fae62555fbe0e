"""The gdb remote protocol as the benchmarks speak it to rewind's stub,
with no client in between: one connection, no-ack mode, requests and
their replies past any notes for gdb's user (O packets), and monitor
commands' text."""
import socket


class Stub:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=600)
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.acks = True
        self.ask(b"QStartNoAckMode")
        self.acks = False

    def send(self, payload):
        self.s.sendall(b"$" + payload + b"#%02x" % (sum(payload) % 256))

    def reply(self):
        buf = b""
        while True:
            c = self.s.recv(1)
            if not c:
                raise EOFError
            if c in b"+-" and not buf:
                continue
            buf += c
            if buf.startswith(b"$") and len(buf) >= 4 and buf[-3:-2] == b"#":
                if self.acks:
                    self.s.sendall(b"+")
                return buf[1:-3]

    def ask(self, p):
        """The reply to p, past any notes for gdb's user (O packets)."""
        self.send(p)
        r = self.reply()
        while r.startswith(b"O") and r != b"OK":
            r = self.reply()
        return r

    def monitor(self, cmd):
        """A monitor command's text (O packets of hex, then OK)."""
        self.send(b"qRcmd," + cmd.encode().hex().encode())
        text = b""
        while True:
            r = self.reply()
            if not r.startswith(b"O") or r == b"OK":
                return text.decode()
            text += bytes.fromhex(r[1:].decode())

    def kill(self):
        self.send(b"k")
