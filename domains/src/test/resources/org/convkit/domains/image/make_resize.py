# Reference values for ResizeTest: torch.nn.functional.interpolate with mode='bilinear',
# align_corners=False, antialias=True. Run: /usr/bin/python3 make_resize.py > resize.txt
# Each case: a line "case C H W OH OW", a line of the C*H*W inputs, a line of the C*OH*OW outputs.
import numpy as np, torch
torch.set_default_dtype(torch.float64)
r = np.random.default_rng(7)
for (c, h, w, oh, ow) in [(2, 5, 7, 3, 4), (1, 6, 6, 12, 9), (1, 37, 29, 8, 8), (3, 4, 9, 4, 2), (1, 1, 5, 3, 5)]:
    x = r.random((c, h, w)).astype(np.float32)
    y = torch.nn.functional.interpolate(torch.from_numpy(x.astype(np.float64))[None], size=(oh, ow),
                                        mode='bilinear', align_corners=False, antialias=True)[0].numpy()
    print('case', c, h, w, oh, ow)
    print(' '.join(repr(float(v)) for v in x.ravel()))
    print(' '.join(repr(float(v)) for v in y.ravel()))
