"""Reference values for ResamplePolyTest, AudioDomainTest and SpectrogramDomainTest.

resample-x.npy: 101 seeded normal samples; resample-UP-DOWN.npy: scipy.signal.resample_poly(x, UP, DOWN)
(default window ('kaiser', 5.0), padtype 'constant'); firwin-3-2.npy: the filter resample_poly designs
for up 3, down 2 (firwin(61, 1/3, window=('kaiser', 5.0)) * 3).

tones-mono-8k.npy: tones.wav read by scipy.io.wavfile, / 32768, mean of the two channels,
resample_poly(x, 320, 441) (11025 Hz -> 8000 Hz).
tones-logmel.npy: that signal's log-mel spectrogram: torch.stft(n_fft=256, hop_length=64,
window=torch.hann_window(256, float64), center=True, pad_mode='reflect', return_complex=True), |Z|^2,
a 32-band mel filterbank (librosa 0.10's filters.mel(sr=8000, n_fft=256, n_mels=32) formulas, Slaney scale
and norm: librosa is not installed here, so they are transcribed below), then
librosa.power_to_db(S, ref=np.max, amin=1e-10, top_db=80) (also transcribed)."""
import numpy as np
import scipy.signal as ss
import torch
from scipy.io import wavfile

rng = np.random.default_rng(2026)
x = rng.standard_normal(101)
np.save('resample-x.npy', x)
for up, down in [(1, 2), (2, 1), (3, 2), (2, 3), (160, 441), (2, 2), (1, 3), (7, 1)]:
    np.save(f'resample-{up}-{down}.npy', ss.resample_poly(x, up, down))
np.save('firwin-3-2.npy', ss.firwin(61, 1 / 3, window=('kaiser', 5.0)) * 3)

rate, d = wavfile.read('tones.wav')
assert rate == 11025 and d.dtype == np.int16 and d.shape[1] == 2
mono = (d / 32768.0).mean(axis=1)
y = ss.resample_poly(mono, 320, 441)
np.save('tones-mono-8k.npy', y)


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filters(sr, n_fft, n_mels):
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sr / 2.0), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, None]


def power_to_db(s, amin=1e-10, top_db=80.0):
    ref = np.max(np.abs(s))
    db = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(np.maximum(amin, ref))
    return np.maximum(db, db.max() - top_db)


z = torch.stft(torch.from_numpy(y), n_fft=256, hop_length=64, window=torch.hann_window(256, dtype=torch.float64),
               center=True, pad_mode='reflect', return_complex=True).numpy()
power = np.abs(z) ** 2
np.save('tones-logmel.npy', power_to_db(mel_filters(8000, 256, 32) @ power))
