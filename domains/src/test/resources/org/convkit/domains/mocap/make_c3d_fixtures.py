#!/usr/bin/env python3
"""Writes the C3D test fixtures of convkit's mocap domain and their expected values.

Written from the C3D manual (c3d.org, "The C3D File Format User Guide"), independently of the Java
code: header block, parameter section, point data (float or scaled int16), interleaved analog
samples, DEC (VAX F-float, PDP-11 word order) and MIPS (big-endian) encodings. Only the standard
library is used. Run from this folder: python3 make_c3d_fixtures.py

Each fixture X.c3d comes with the expected decoded values in fixtures.json: labels, rate, unit,
points[frame][marker] = [x, y, z] or null for an invalid point, events, and the byte offsets of
fields the Java tests corrupt.
"""
import json
import math
import struct

BLOCK = 512


def f32(v):
    """v rounded to float32, as a Python float (exact)."""
    return struct.unpack('<f', struct.pack('<f', v))[0]


def dec_bytes(v):
    """A VAX F-floating value: 0.1f * 2^(e-128), hidden bit 0.5, stored as two little-endian words,
    the word holding sign, exponent and the high fraction first."""
    if v == 0:
        return b'\0\0\0\0'
    sign = 1 if v < 0 else 0
    m, ex = math.frexp(abs(v))          # abs(v) = m * 2^ex, m in [0.5, 1)
    frac = round((m - 0.5) * 2 ** 24)   # 23 bits below the hidden 0.5
    if frac == 2 ** 23:                 # rounding carried into the hidden bit
        frac = 0
        ex += 1
    e = ex + 128
    assert 0 < e < 256, v
    bits = (sign << 31) | (e << 23) | frac
    return struct.pack('<HH', bits >> 16, bits & 0xFFFF)


class Encoder:
    def __init__(self, processor):
        self.processor = processor
        self.e = '>' if processor == 86 else '<'

    def i16(self, *vs):
        return struct.pack(self.e + 'h' * len(vs), *vs)

    def u16(self, *vs):
        return struct.pack(self.e + 'H' * len(vs), *vs)

    def f32(self, *vs):
        if self.processor == 85:
            return b''.join(dec_bytes(v) for v in vs)
        return struct.pack(self.e + 'f' * len(vs), *vs)


def char_param(strings, width=None):
    width = width or max(len(s) for s in strings)
    return -1, [width, len(strings)], b''.join(s.ljust(width).encode('ascii') for s in strings)


def parameter_section(enc, items, locked=()):
    """Entries in the order given: ('group', (id, name, desc)) or
    ('param', (group id, name, type, dims, data bytes, desc)); names in `locked` get a negative length."""
    out = bytearray()

    def entry(name_len, gid, name, body):
        out.extend(struct.pack('bb', name_len, gid))
        out.extend(name.encode('ascii'))
        out.extend(enc.i16(2 + len(body)))
        out.extend(body)

    for kind, item in items:
        if kind == 'group':
            gid, name, desc = item
            body = struct.pack('B', len(desc)) + desc.encode('ascii')
            entry(-len(name) if name in locked else len(name), -gid, name, body)
        else:
            gid, name, typ, dims, data, desc = item
            body = struct.pack('bB', typ, len(dims)) + bytes(dims) + data + struct.pack('B', len(desc)) + desc.encode()
            entry(-len(name) if name in locked else len(name), gid, name, body)
    return out


def build(name, processor, labels, frames, first_frame, rate, unit, scale, analog_channels, analog_per_frame,
          invalid, events=(), header_last=None, trial_range=None, extra_param_blocks=0):
    enc = Encoder(processor)
    points = len(labels)
    floats = scale < 0
    # values: distinct, not float32-exact decimals, so a wrong word or skip shows
    values = []
    for f in range(frames):
        row = []
        for m in range(points):
            xyz = [1000.0 * (m + 1) + 10.25 * f + 0.1 * a - 1500.0 * (a == 1) for a in range(3)]
            if not floats:
                xyz = [round(v / abs(scale)) for v in xyz]   # int16 counts
            row.append(xyz)
        values.append(row)

    g = []
    p = []
    p.append(('param', (1, 'USED', 2, [], enc.u16(points), 'points')))           # before its group
    g.append(('group', (1, 'POINT', '3-D points')))
    g.append(('group', (2, 'ANALOG', 'analog channels')))
    p.append(('param', (1, 'SCALE', 4, [], enc.f32(scale), '')))
    p.append(('param', (1, 'RATE', 4, [], enc.f32(rate), '')))
    p.append(('param', (1, 'FRAMES', 2, [], enc.u16(min(frames, 65535)), '')))
    t, dims, data = char_param(labels, width=max(len(s) for s in labels) + 2)
    p.append(('param', (1, 'LABELS', t, dims, data, 'marker names')))
    t, dims, data = char_param(['Marker'] * points)
    p.append(('param', (1, 'DESCRIPTIONS', t, dims, data, '')))
    p.append(('param', (1, 'UNITS', -1, [4], unit.ljust(4).encode('ascii'), 'units')))
    p.append(('param', (2, 'USED', 2, [], enc.u16(analog_channels), '')))
    p.append(('param', (2, 'RATE', 4, [], enc.f32(rate * analog_per_frame), '')))
    if trial_range:
        g.append(('group', (3, 'TRIAL', '')))
        s, e = trial_range
        p.append(('param', (3, 'ACTUAL_START_FIELD', 2, [2], enc.u16(s & 0xFFFF, s >> 16), '')))
        p.append(('param', (3, 'ACTUAL_END_FIELD', 2, [2], enc.u16(e & 0xFFFF, e >> 16), '')))
    if events:
        g.append(('group', (4, 'EVENT', 'events')))
        p.append(('param', (4, 'USED', 2, [], enc.u16(len(events)), '')))
        times = []
        for (sec, _, _) in events:
            times += [math.floor(sec / 60), sec - 60 * math.floor(sec / 60)]
        p.append(('param', (4, 'TIMES', 4, [2, len(events)], enc.f32(*times), '')))
        t, dims, data = char_param([c for (_, c, _) in events])
        p.append(('param', (4, 'CONTEXTS', t, dims, data, '')))
        t, dims, data = char_param([lab for (_, _, lab) in events])
        p.append(('param', (4, 'LABELS', t, dims, data, '')))

    # DATA_START is filled in once the section size is known
    # POINT:USED comes before the POINT group: a reader must resolve group ids at the end
    def items(start):
        return p[:1] + g + p[1:] + [('param', (1, 'DATA_START', 2, [], enc.u16(start), ''))]

    body = parameter_section(enc, items(0), locked=('RATE',))
    param_blocks = (4 + len(body) + BLOCK - 1) // BLOCK + extra_param_blocks
    data_block = 2 + param_blocks
    body = parameter_section(enc, items(data_block), locked=('RATE',))
    section = bytearray(param_blocks * BLOCK)
    section[0:4] = bytes([1, 0x50, param_blocks, processor])
    section[4:4 + len(body)] = body

    header = bytearray(BLOCK)
    header[0] = 2
    header[1] = 0x50
    last = header_last if header_last is not None else first_frame + frames - 1
    header[2:12] = enc.u16(points, analog_channels * analog_per_frame, first_frame, last, 10)
    header[12:16] = enc.f32(scale)
    header[16:20] = enc.u16(data_block, analog_per_frame)
    header[20:24] = enc.f32(rate)

    data = bytearray()
    expected = []
    for f in range(frames):
        exp_row = []
        for m in range(points):
            xyz = values[f][m]
            bad = (f, m) in invalid
            if floats:
                residual = -1.0 if bad else float((3 << 8) | 7)   # cameras 0b11, residual 7 * |scale|
                data += enc.f32(*xyz, residual)
                exp_row.append(None if bad else [f32(v) for v in xyz])
            else:
                word = -1 if bad else (5 << 8) | 9
                data += enc.i16(*xyz, word)
                exp_row.append(None if bad else [v * f32(abs(scale)) for v in xyz])
        for k in range(analog_channels * analog_per_frame):
            a = 30000.0 + 7 * f + k   # analog samples: must be skipped, never read as points
            data += enc.f32(a) if floats else enc.i16(int(a) - 30000 + 1234)
        expected.append(exp_row)
    data += bytes((-len(data)) % BLOCK)

    with open(name + '.c3d', 'wb') as out:
        out.write(header + section + data)
    return {
        'labels': labels, 'rate': f32(rate), 'unit': unit, 'frames': frames, 'firstFrame': first_frame,
        'points': expected,
        'events': [{'onset': 60 * f32(math.floor(s / 60)) + f32(s - 60 * math.floor(s / 60))
                    - (first_frame - 1) / f32(rate),
                    'description': (c + ' ' + lab).strip()} for (s, c, lab) in events],
        'parameterSectionByte': BLOCK, 'dataByte': (data_block - 1) * BLOCK,
        'bytesPerFrame': (4 * points + analog_channels * analog_per_frame) * (4 if floats else 2),
    }


def main():
    fixtures = {}
    events = [(0.125 + 10 / 120.0, 'Left', 'Foot Strike'), (0.5 + 10 / 120.0, 'Right', 'Foot Off')]
    fixtures['float-intel'] = build('float-intel', 84, ['RASI', 'LASI', 'STRN'], 6, 11, 120.0, 'mm', -0.1,
                                    analog_channels=2, analog_per_frame=3, invalid={(2, 1)}, events=events,
                                    extra_param_blocks=1)
    fixtures['int-intel'] = build('int-intel', 84, ['HEEL', 'TOE'], 5, 1, 100.0, 'mm', 0.25,
                                  analog_channels=3, analog_per_frame=2, invalid={(1, 0), (4, 1)})
    fixtures['float-dec'] = build('float-dec', 85, ['A', 'B'], 4, 1, 60.0, 'cm', -1.0,
                                  analog_channels=1, analog_per_frame=1, invalid={(3, 0)})
    fixtures['float-mips'] = build('float-mips', 86, ['A', 'B'], 4, 1, 200.0, 'm', -1.0,
                                   analog_channels=0, analog_per_frame=0, invalid=set())
    fixtures['trial-frames'] = build('trial-frames', 84, ['A'], 3, 1, 50.0, 'mm', -1.0,
                                     analog_channels=0, analog_per_frame=0, invalid=set(),
                                     header_last=65535, trial_range=(1, 3))
    with open('fixtures.json', 'w') as out:
        json.dump(fixtures, out, indent=1)
        out.write('\n')


if __name__ == '__main__':
    main()
