"""Writes the NIfTI test fixtures with nibabel and the values nibabel reads back from them.

Run with /usr/bin/python3 (nibabel 5.0.0 from Debian's python3-nibabel) in this folder. Every
volume is x=5, y=4, z=3 (t=2 for the 4-d one). expected.json holds, per file, what nibabel
reports after reading the file back: data (get_fdata(), flattened x fastest, i.e. C order over
[t, z, y, x]), affine (img.affine, row-major), zooms (header.get_zooms()), datatype code, version.
"""
import gzip
import json

import nibabel as nib
import numpy as np

rng = np.random.default_rng(20261127)
SHAPE = (5, 4, 3)


def rotation_affine(zooms, offset, angle=0.3, flip=False):
    c, s = np.cos(angle), np.sin(angle)
    r = np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])
    a = np.eye(4)
    a[:3, :3] = r @ np.diag(zooms)
    if flip:
        a[:3, 2] *= -1
    a[:3, 3] = offset
    return a


def make(name, data, affine, cls=nib.Nifti1Image, endian='<', slope=None, inter=None,
         sform=True, qform=True, descrip='convkit fixture'):
    hdr = cls.header_class(endianness=endian)
    img = cls(data, None, header=hdr)
    if sform:
        img.header.set_sform(affine, code=2)
    else:
        img.header.set_sform(affine, code=0)
    if qform:
        img.header.set_qform(affine, code=1)
    else:
        img.header.set_qform(affine, code=0)
    img.header.set_data_dtype(data.dtype)
    img.header['descrip'] = descrip
    img.header.set_xyzt_units('mm', 'sec')
    if slope is not None:
        img.header.set_slope_inter(slope, inter)
    img.update_header = lambda: None  # keep the header exactly as set
    nib.save(img, name)
    return name


files = []
a1 = rotation_affine([1.5, 2.0, 2.5], [-10.0, 20.0, 5.0])
files.append(make('n1_int16_scl.nii', rng.integers(-300, 300, SHAPE).astype(np.int16), a1,
                  slope=2.5, inter=-10.0))
a2 = rotation_affine([0.8, 0.9, 3.0], [1.0, -2.0, 3.5], angle=-0.7, flip=True)
files.append(make('n1_uint8_qform.nii', rng.integers(0, 256, SHAPE).astype(np.uint8), a2, sform=False))
files.append(make('n1_float32_be.nii', rng.normal(0, 100, SHAPE).astype(np.float32), a1, endian='>'))
files.append(make('n1_float64.nii.gz', rng.normal(0, 1e3, SHAPE).astype(np.float64), a1))
files.append(make('n1_int8.nii', rng.integers(-128, 128, SHAPE).astype(np.int8), a1))
files.append(make('n1_uint16.nii', rng.integers(0, 65536, SHAPE).astype(np.uint16), a1,
                  slope=0.5, inter=100.0))
files.append(make('n1_int32.nii', rng.integers(-2**31, 2**31, SHAPE, dtype=np.int64).astype(np.int32), a1))
files.append(make('n1_uint32.nii', rng.integers(0, 2**32, SHAPE, dtype=np.uint64).astype(np.uint32), a1))
files.append(make('n1_int64.nii', rng.integers(-2**40, 2**40, SHAPE).astype(np.int64), a1))
files.append(make('n1_uint64.nii', rng.integers(0, 2**40, SHAPE).astype(np.uint64), a1))
files.append(make('n1_4d_t2.nii', rng.integers(-1000, 1000, SHAPE + (2,)).astype(np.int16), a1))
files.append(make('n2_int32_scl.nii', rng.integers(-5000, 5000, SHAPE).astype(np.int32), a2,
                  cls=nib.Nifti2Image, slope=0.25, inter=3.0))
files.append(make('n2_int16_be.nii.gz', rng.integers(-1000, 1000, SHAPE).astype(np.int16), a1,
                  cls=nib.Nifti2Image, endian='>', sform=False))
files.append(make('n2_float32.nii', rng.normal(0, 10, SHAPE).astype(np.float32), a2, cls=nib.Nifti2Image))

# unsupported: complex64 (datatype 32)
make('n1_complex64.nii', (rng.normal(size=SHAPE) + 1j).astype(np.complex64), a1)

expected = {}
for f in files:
    img = nib.load(f)
    data = img.get_fdata(dtype=np.float64)
    expected[f] = {
        'version': 2 if isinstance(img, nib.Nifti2Image) else 1,
        'shape': list(data.shape),
        'datatype': int(img.header['datatype']),
        'endian': img.header.endianness,
        'data': data.flatten(order='F').tolist(),
        'affine': img.affine.flatten().tolist(),
        'zooms': [float(z) for z in img.header.get_zooms()],
        'descrip': img.header['descrip'].item().decode(),
    }
with open('expected.json', 'w') as out:
    json.dump(expected, out, indent=1)
