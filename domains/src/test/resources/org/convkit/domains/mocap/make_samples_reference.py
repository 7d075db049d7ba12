#!/usr/bin/env python3
"""Reference for MocapDomain.samples, computed with numpy and scipy (run with a Python that has them):
one marker at 120 Hz for 400 frames with an occlusion gap; np.interp fills the gap (holding the end
values outside), scipy.signal.butter(4, 6 Hz, lowpass, sos) with sosfiltfilt smooths, 2 s windows
(240 frames) every 1 s are resampled to 64 points with np.interp over np.linspace(0, 239, 64),
centred on their mean and converted from mm to m. Writes samples_reference.json."""
import json
import numpy as np
from scipy import signal

rate = 120.0
frames = 400
t = np.arange(frames) / rate
x = np.stack([
    800 + 250 * np.sin(2 * np.pi * 1.1 * t) + 20 * np.sin(2 * np.pi * 15 * t),   # 15 Hz: removed by the low-pass
    -300 + 40 * np.cos(2 * np.pi * 2.2 * t) + 5 * np.sign(np.sin(2 * np.pi * 9 * t)),
    1000 + 30 * t * t,
])
x[:, 150:171] = np.nan        # the marker is occluded for 21 frames
x[1, :4] = np.nan             # and the y channel starts late

filled = np.empty_like(x)
for c in range(3):
    ok = ~np.isnan(x[c])
    filled[c] = np.interp(np.arange(frames), np.flatnonzero(ok), x[c, ok])
sos = signal.butter(4, 6.0, 'lowpass', fs=rate, output='sos')
y = signal.sosfiltfilt(sos, filled, axis=-1)
window, hop, length = 240, 120, 64
out = []
for s in range(0, frames - window + 1, hop):
    u = np.linspace(0, window - 1, length)
    w = np.stack([np.interp(u, np.arange(window), y[c, s:s + window]) for c in range(3)])
    out.append(((w - w.mean(axis=1, keepdims=True)) * 1e-3).tolist())

with open('samples_reference.json', 'w') as f:
    json.dump({'rate': rate, 'unit': 'mm',
               'input': [[None if np.isnan(v) else float(v) for v in row] for row in x],
               'samples': out}, f)
    f.write('\n')
