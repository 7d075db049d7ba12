"""Reference values for Trilinear: torch.nn.functional.interpolate(mode='trilinear', align_corners=False).

Run with /usr/bin/python3 in this folder. The input is [z, y, x] = [3, 4, 5] with value
((7 i) % 11) - 3.5 (i % 2) at flat C-order index i (exact in float32); outputs are computed in
float64 and stored flattened in C order, one per target size.
"""
import json

import numpy as np
import torch

shape = (3, 4, 5)
i = np.arange(np.prod(shape))
x = (((7 * i) % 11) - 3.5 * (i % 2)).astype(np.float64).reshape(shape)
out = {'input_shape': list(shape), 'cases': []}
for size in [(5, 3, 7), (2, 2, 2), (1, 1, 1), (6, 8, 10), (3, 4, 5), (7, 1, 2)]:
    y = torch.nn.functional.interpolate(torch.from_numpy(x)[None, None], size=size, mode='trilinear',
                                        align_corners=False)[0, 0].numpy()
    out['cases'].append({'size': list(size), 'values': y.flatten().tolist()})
with open('trilinear.json', 'w') as f:
    json.dump(out, f, indent=1)
