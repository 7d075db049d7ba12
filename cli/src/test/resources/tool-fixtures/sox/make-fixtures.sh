#!/bin/sh
# Regenerates the WAV fixtures and their oracle values (run from this folder).
# The WAVs are made by sox (SoX v14.4.2); f32-extensible.wav and listed.wav are sox files whose
# headers were rewritten by craft.py (the sample bytes are sox's). Each NAME.dat is
# `sox NAME.wav -t dat -` (the values sox decodes, 11 significant digits), each NAME.info is
# `sox --i NAME.wav`.
set -e
sox -r 8000 -n -c 1 -b 8 -e unsigned-integer u8.wav synth 241s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 16 -e signed-integer s16.wav synth 240s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 24 -e signed-integer s24.wav synth 240s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 24 -e signed-integer -t wavpcm s24-plain.wav synth 240s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 32 -e signed-integer s32.wav synth 240s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 32 -e floating-point f32.wav synth 240s sine 440 vol 0.8
sox -r 8000 -n -c 1 -b 64 -e floating-point f64.wav synth 240s sine 440 vol 0.8
sox -r 22050 -n -c 3 -b 32 -e floating-point f32-3ch.wav synth 150s sine 300 square 500 sawtooth 700 vol 0.6
sox -r 11025 -n -c 2 -b 16 stereo.wav synth 200s sine 300 sine 700 vol 0.7
sox -r 16000 -n -c 3 -b 16 three.wav synth 150s sine 300 square 500 sawtooth 700 vol 0.6
sox -r 8000 -n -c 1 -b 16 odd-list-src.wav synth 101s sine 1000 vol 0.5
/usr/bin/python3 craft.py
rm odd-list-src.wav
for f in *.wav; do
  n=${f%.wav}
  sox "$f" -t dat - > "$n.dat"
  sox --i "$f" > "$n.info"
done
