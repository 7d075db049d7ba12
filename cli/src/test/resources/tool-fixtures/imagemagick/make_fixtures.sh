#!/bin/sh
# Makes the image fixtures with ImageMagick 6 (Debian's imagemagick package) from seeded random
# samples, and records the values ImageMagick decodes from each file (txt: pixel enumeration) next to
# it as NAME.txt. Run from this folder: sh make_fixtures.sh
set -e
C="/usr/bin/convert -define png:exclude-chunks=date,time"
/usr/bin/python3 - <<'PY'
import numpy as np
r = np.random.default_rng(2026)
open('src-rgb16.raw', 'wb').write(r.integers(0, 65536, size=(4, 5, 3)).astype('>u2').tobytes())
open('src-rgba8.raw', 'wb').write(r.integers(0, 256, size=(4, 5, 4)).astype('u1').tobytes())
open('src-grey16.raw', 'wb').write(r.integers(0, 65536, size=(4, 5)).astype('>u2').tobytes())
PY
S="-size 5x4"
$C $S -depth 16 gray:src-grey16.raw -depth 8 -define png:color-type=0 -define png:bit-depth=8 grey8.png
$C $S -depth 16 gray:src-grey16.raw -define png:color-type=0 -define png:bit-depth=16 grey16.png
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 -define png:color-type=2 rgb8.png
$C $S -depth 16 rgb:src-rgb16.raw -define png:color-type=2 -define png:bit-depth=16 rgb16.png
$C $S -depth 8 rgba:src-rgba8.raw -define png:color-type=6 rgba8.png
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 png8:palette.png
$C $S -depth 8 rgba:src-rgba8.raw -channel A -threshold 50% +channel png8:palette-alpha.png
$C $S -depth 8 rgba:src-rgba8.raw -colorspace gray -define png:color-type=4 greyalpha8.png
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 palette.gif
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 bmp3:rgb8.bmp
$C $S -depth 16 gray:src-grey16.raw -depth 8 -type Grayscale bmp3:grey8.bmp
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 -type Palette bmp3:palette.bmp
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 -compress none rgb8.tif
$C $S -depth 16 rgb:src-rgb16.raw -depth 16 -compress zip -define tiff:predictor=1 rgb16.tif
# the JDK's TIFF reader does not support the horizontal predictor with 16-bit samples: a refused file
$C $S -depth 16 rgb:src-rgb16.raw -depth 16 -compress zip -define tiff:predictor=2 rgb16-predictor.tif
$C $S -depth 16 gray:src-grey16.raw -depth 16 -compress none grey16.tif
$C $S -depth 16 rgb:src-rgb16.raw -depth 8 -quality 95 -sampling-factor 1x1 rgb8.jpg
rm -f src-*.raw
for f in grey8.png grey16.png rgb8.png rgb16.png rgba8.png palette.png palette-alpha.png greyalpha8.png palette.gif rgb8.bmp grey8.bmp palette.bmp rgb8.tif \
         rgb16.tif grey16.tif rgb8.jpg; do
  $C "$f" txt:- > "$f.txt"
done
/usr/bin/identify -format "%f %m %wx%h %z-bit %[colorspace] %[type]\n" *.png *.gif *.bmp *.tif *.jpg > identify.txt
