#!/usr/bin/env python3
"""Rewrite one line of a snapshot's or recording's header, keeping the
container's header checksum right, so that a test reaches the check behind
it. An empty NEW drops the line. Usage: edit_header.py FILE OLD_LINE NEW_LINE"""
import struct
import sys
import zlib

path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
d = open(path, 'rb').read()
hlen = struct.unpack_from('<I', d, 12)[0]
lines = d[20:20 + hlen].split(b'\n')
if old not in lines:
    sys.exit('edit_header: no line ' + sys.argv[2])
lines = [new if l == old else l for l in lines if not (l == old and not new)]
header = b'\n'.join(lines)
prelude = d[:12] + struct.pack('<I', len(header))
crc = zlib.crc32(header, zlib.crc32(prelude))
open(path, 'wb').write(prelude + struct.pack('<I', crc) + header + d[20 + hlen:])
