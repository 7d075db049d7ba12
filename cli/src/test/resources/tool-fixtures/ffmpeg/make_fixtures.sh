#!/bin/sh
# Makes the y4m fixtures with ffmpeg (Debian's ffmpeg 5.1) from its testsrc pattern, and records
# for each NAME.y4m: NAME.planes, the raw 8-bit planes ffmpeg decodes (rawvideo), and NAME.expected,
# the RGB values that the documented conversion (BT.601, chroma repeated over its block) gives from
# those planes, computed with numpy; for the 4:4:4 files also NAME.rgb24, ffmpeg's own RGB conversion.
# Run from this folder: sh make_fixtures.sh
set -e
F="ffmpeg -hide_banner -loglevel error -y"
SRC="-f lavfi -i testsrc=size=7x5:rate=5 -frames 3"
$F $SRC -pix_fmt yuv420p c420.y4m
$F $SRC -pix_fmt yuvj420p c420full.y4m
$F $SRC -pix_fmt yuv422p c422.y4m
$F $SRC -pix_fmt yuv444p c444.y4m
$F $SRC -pix_fmt yuvj444p c444full.y4m
$F $SRC -pix_fmt gray mono.y4m
for n in c420:yuv420p c420full:yuvj420p c422:yuv422p c444:yuv444p c444full:yuvj444p mono:gray; do
  name=${n%%:*}; fmt=${n#*:}
  $F -i $name.y4m -f rawvideo -pix_fmt $fmt $name.planes
done
for n in c444 c444full; do
  $F -i $n.y4m -f rawvideo -pix_fmt rgb24 $n.rgb24
done
# the same 4:4:4 stream as a folder of numbered PNG frames, RGB as ffmpeg converts it (c444.rgb24)
rm -rf ffmpeg-frames && mkdir ffmpeg-frames
$F -i c444.y4m -pix_fmt rgb24 ffmpeg-frames/frame%04d.png
/usr/bin/python3 - <<'PY'
import numpy as np
W, H, N = 7, 5, 3
KR, KB = 0.299, 0.114
KG = 1 - KR - KB
def convert(name, sx, sy, full, mono=False):
    raw = np.fromfile(name + '.planes', dtype=np.uint8)
    cw, ch = -(-W // sx), -(-H // sy)
    frame = W * H + (0 if mono else 2 * cw * ch)
    assert raw.size == N * frame, (name, raw.size)
    out = np.zeros((1 if mono else 3, N, H, W))
    for f in range(N):
        p = raw[f * frame:(f + 1) * frame].astype(np.float64)
        Y = p[:W * H].reshape(H, W)
        y = Y / 255 if full else (Y - 16) / 219
        if mono:
            out[0, f] = y
            continue
        cb = p[W * H:W * H + cw * ch].reshape(ch, cw).repeat(sy, 0).repeat(sx, 1)[:H, :W]
        cr = p[W * H + cw * ch:].reshape(ch, cw).repeat(sy, 0).repeat(sx, 1)[:H, :W]
        s = 255 if full else 224
        pb, pr = (cb - 128) / s, (cr - 128) / s
        r = y + 2 * (1 - KR) * pr
        b = y + 2 * (1 - KB) * pb
        out[0, f], out[1, f], out[2, f] = r, (y - KR * r - KB * b) / KG, b
    with open(name + '.expected', 'w') as o:
        o.write(' '.join(str(d) for d in out.shape) + '\n')
        o.write(' '.join(repr(float(v)) for v in out.ravel()) + '\n')
convert('c420', 2, 2, False)
convert('c420full', 2, 2, True)
convert('c422', 2, 1, False)
convert('c444', 1, 1, False)
convert('c444full', 1, 1, True)
convert('mono', 1, 1, True, mono=True)
PY
rm -f *.planes
