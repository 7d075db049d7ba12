#!/bin/sh
# Regenerates the reference values (run from this folder): tones.wav is made by sox (SoX v14.4.2),
# the .npy files by make-references.py with /usr/bin/python3 (numpy 1.24, scipy 1.10, torch 1.13).
set -e
sox -r 11025 -n -c 2 -b 16 tones.wav synth 0.6 sine 300-3000 sine 1000 vol 0.5
/usr/bin/python3 make-references.py
