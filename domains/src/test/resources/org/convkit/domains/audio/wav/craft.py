"""Rewrites two sox files' headers (the sample bytes stay sox's):
f32-extensible.wav: f32-3ch.wav with a WAVE_FORMAT_EXTENSIBLE fmt chunk (float subformat GUID,
channel mask 0x7), an odd-sized 'junk' chunk (with its pad byte) and a 'fact' chunk before 'data'.
listed.wav: odd-list-src.wav (101 samples) with a LIST/INFO chunk of odd size before 'data' and an
odd-sized unknown chunk after it, every odd chunk followed by its pad byte."""
import struct

def chunks(path):
    b = open(path, 'rb').read()
    assert b[:4] == b'RIFF' and b[8:12] == b'WAVE'
    out, i = {}, 12
    while i + 8 <= len(b):
        cid, size = b[i:i + 4], struct.unpack('<I', b[i + 4:i + 8])[0]
        out[cid] = b[i + 8:i + 8 + size]
        i += 8 + size + (size & 1)
    return out

def chunk(cid, body):
    return cid + struct.pack('<I', len(body)) + body + (b'\0' if len(body) & 1 else b'')

def riff(parts):
    body = b'WAVE' + b''.join(parts)
    return b'RIFF' + struct.pack('<I', len(body)) + body

c = chunks('f32-3ch.wav')
tag, ch, rate, brate, align, bits = struct.unpack('<HHIIHH', c[b'fmt '][:16])
guid_float = struct.pack('<H', 3) + bytes.fromhex('000000001000800000aa00389b71')
fmt = struct.pack('<HHIIHHHHI', 0xFFFE, ch, rate, brate, align, bits, 22, bits, 0x7) + guid_float
frames = len(c[b'data']) // align
open('f32-extensible.wav', 'wb').write(riff([chunk(b'fmt ', fmt), chunk(b'junk', b'abc'),
                                             chunk(b'fact', struct.pack('<I', frames)),
                                             chunk(b'data', c[b'data'])]))

c = chunks('odd-list-src.wav')
listbody = b'INFO' + b'ICMT' + struct.pack('<I', 5) + b'odd!\0'  # 17 bytes
open('listed.wav', 'wb').write(riff([chunk(b'fmt ', c[b'fmt ']), chunk(b'LIST', listbody),
                                     chunk(b'data', c[b'data']), chunk(b'tail', b'xyz')]))
